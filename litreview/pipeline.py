"""`draft()`: the stages in order (select, summarise, group, write), reporting progress through a callback."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from litreview.corpus.latex import readable_text, unknown_macros
from litreview.corpus.texts import quote_source, text_counts
from litreview.document import Draft, DraftWarning, SelectedPaper
from litreview.errors import LitreviewError
from litreview.group.schema import Groups
from litreview.plan import Plan, PlannedPaper
from litreview.text import is_own_text

if TYPE_CHECKING:
    from litreview.corpus import Corpus
    from litreview.corpus.fulltext import FulltextOptions
    from litreview.corpus.paper import Paper
    from litreview.group.uses import CorpusUses
    from litreview.llm import LLMClient
    from litreview.select import Selection


@dataclass(frozen=True)
class StageProgress:
    """A stage started (`done == 0`) or advanced: `done` of `total` items, `cached` of them from the cache."""

    stage: str  # "ranking", "summarising", "grouping", "writing"
    done: int = 0
    total: int = 0
    cached: int = 0


StageCallback = Callable[[StageProgress], None]


def draft(corpus: Corpus, theme: str, *, llm: LLMClient | None = None, plan: Plan | None = None,
          selection: Selection | None = None, our_work: str | None = None, min_groups: int | None = None,
          max_groups: int = 8, select_options: Mapping[str, Any] | None = None,
          progress: StageCallback | None = None, fulltext: FulltextOptions | None = None) -> Draft:
    """A related-work draft of `corpus` for `theme`: offline when `llm` is None, else through the LLM.

    `plan` (from `make_plan` / `--save-plan`, possibly hand-edited) fixes the selection and grouping;
    otherwise `selection` is used, or the corpus is ranked with `select_options` (see `select.rank`); a selection
    without a paper raises SelectionError, saying which rule left every paper out.
    A configured LLM that fails raises LLMError; it is never silently replaced by the offline engine.
    With `fulltext`, the selected papers' attached PDFs are read and summaries use their excerpts too.
    `min_groups` None: two sub-themes, or one for fewer than three papers.
    """
    if not 1 <= (min_groups or 1) <= max_groups:
        from litreview.errors import ConfigError

        raise ConfigError(f"min-groups {min_groups} and max-groups {max_groups} leave no possible number of sub-themes",
                          where="--min-groups", hint="give 1 <= --min-groups <= --max-groups")
    report = progress or (lambda event: None)
    own_warnings = _own_macros(our_work or (theme if is_own_text(theme) else ""))
    our_work = readable_text(our_work) if our_work else None
    theme = readable_text(theme) if is_own_text(theme) else theme  # an abstract pasted from the paper's source
    chosen, considered, notices = _selected(corpus, theme, plan, selection, select_options or {}, report)
    if plan is None:  # a plan's papers are the user's choice
        chosen, mine = _without_own_paper(chosen, corpus, our_work or (theme if is_own_text(theme) else None))
        notices += mine
    papers = _selected_papers(chosen, corpus)
    papers, read_warnings = _fulltext(papers, fulltext, report)
    warnings: list[DraftWarning] = own_warnings + notices + _without_abstracts(papers) + read_warnings
    corpus_uses = _corpus_uses(corpus, llm)
    try:
        summaries, more = _summaries(list(papers.values()), llm, report)
        warnings += more
        if plan is not None:
            groups = Groups(groups=plan.groups)
        else:
            report(StageProgress("grouping", 0, 1))
            groups, more = _group(summaries, papers, theme, llm, min_groups, max_groups, corpus_uses)
            warnings += more
        report(StageProgress("writing", 0, len(groups.groups)))
        from litreview.write import write_paragraphs

        sections, more = write_paragraphs(groups, summaries, papers, theme, llm=llm, our_work=our_work,
                                          progress=_batch_progress("writing", report), corpus_uses=corpus_uses)
    except LitreviewError as error:  # what degraded before the failure is still news to the user
        error.warnings = [*warnings, *error.warnings]
        raise
    return Draft(theme=theme, engine=f"llm:{llm.settings.model}" if llm else "offline",
                 considered=considered, selection=chosen, papers=papers,
                 summaries=summaries, sections=sections, warnings=warnings + more,
                 usage=llm.usage.as_dict() if llm else {}, texts=text_counts(papers.values()),
                 evidence_sources=_evidence_sources(summaries, papers))


NO_ABSTRACT = "no abstract: written from its title alone"


def _without_abstracts(papers: Mapping[str, Paper]) -> list[DraftWarning]:
    """One warning per selected paper that has no abstract, so a thin draft says why it is thin."""
    return [DraftWarning(stage="select", message=NO_ABSTRACT, key=key) for key, paper in papers.items()
            if not paper.abstract]


def make_plan(result: Draft) -> Plan:
    """The selection and grouping of a draft, to save, edit and reuse with `draft(plan=...)`."""
    from litreview.group.schema import SubTheme

    return Plan(theme=result.theme,
                selected=[PlannedPaper(key=s.key, score=s.score, title=result.papers[s.key].title)
                          for s in result.selection],
                groups=[SubTheme(title=s.title, description=s.description, keys=s.keys) for s in result.sections])


NOTICE = "an erratum, correction or retraction, not a paper to cite: left out (--include it to cite it)"
FRONT_MATTER = ("a proceedings volume or its front matter (a title page, contents or a list of its topics), not a paper "
                "to cite: left out (--include it to cite it)")


def _selected(corpus: Corpus, theme: str, plan: Plan | None, selection: Selection | None, options: Mapping[str, Any],
              report: StageCallback) -> tuple[list[SelectedPaper], int, list[DraftWarning]]:
    """The selected papers, best first, how many papers were considered, and a warning for each notice the
    ranking left out (`select.notices`)."""
    if plan is not None:
        keys = [key for group in plan.groups for key in group.keys]
        scores = {item.key: item.score or 0.0 for item in plan.selected}
        chosen = [SelectedPaper(rank=n, key=key, score=scores.get(key, 0.0)) for n, key in enumerate(keys, 1)]
        return chosen, len(corpus), []
    if selection is None:
        from litreview.select import rank

        report(StageProgress("ranking", 0, len(corpus)))
        selection = rank(corpus, theme, **options)
    if not selection.selected:  # an empty draft written over last week's would be the only sign
        raise _nothing_selected(selection)
    chosen = [SelectedPaper(rank=s.rank, key=s.key, score=s.score, grade=s.grade, reason=s.reason)
              for s in selection.selected]
    notices = [DraftWarning(stage="select", message=NOTICE, key=key) for key in selection.cut.notices]
    notices += [DraftWarning(stage="select", message=FRONT_MATTER, key=key) for key in selection.cut.front_matter]
    return chosen, selection.considered, notices


OWN_PAPER = "your own paper (its abstract is the text you gave as your work): left out of its own related work"


def _without_own_paper(chosen: list[SelectedPaper], corpus: Corpus,
                       own_text: str | None) -> tuple[list[SelectedPaper], list[DraftWarning]]:
    """The selection without the researcher's own paper where the corpus holds it (its preprint kept in the library:
    its abstract is the researcher's text), with a warning naming it; unchanged if it is all that was selected."""
    from litreview.corpus.dedupe import abstract_prefix

    own = abstract_prefix(own_text)
    mine = [item.key for item in chosen if abstract_prefix(corpus.get(item.key).abstract) == own] if own else []
    if not mine or len(mine) == len(chosen):
        return chosen, []
    return ([item for item in chosen if item.key not in mine],
            [DraftWarning(stage="select", message=OWN_PAPER, key=key) for key in mine])


def _selected_papers(chosen: list[SelectedPaper], corpus: Corpus) -> dict[str, Paper]:
    """The selected papers by key, each with the provenance its enriched .bib entry records."""
    from litreview.corpus.recorded_sources import with_recorded_sources

    papers = with_recorded_sources([corpus.get(item.key) for item in chosen])
    return {item.key: paper for item, paper in zip(chosen, papers)}


def _evidence_sources(summaries: dict[str, Any], papers: dict[str, Paper]) -> dict[str, list[str | None]]:
    """Per summary, where each evidence quote occurs in its paper: "abstract", "title" or "page N"."""
    return {key: [quote_source(quote, papers[key]) for quote in summary.evidence]
            for key, summary in summaries.items() if key in papers}


def _fulltext(papers: dict[str, Paper], options: FulltextOptions | None,
              report: StageCallback) -> tuple[dict[str, Paper], list[DraftWarning]]:
    """The papers with excerpts of their attached PDFs (when asked), and a warning per unusable PDF."""
    if options is None:
        return papers, []
    from litreview.corpus.fulltext import read_attached

    report(StageProgress("reading PDFs", 0, len(papers)))
    read, problems = read_attached(papers, options)
    return read, [DraftWarning(stage="fulltext", key=key, message=message) for key, message in problems]


def _summaries(papers: list[Paper], llm: LLMClient | None,
               report: StageCallback) -> tuple[dict[str, Any], list[DraftWarning]]:
    from litreview.summarize import summarize_papers

    report(StageProgress("summarising", 0, len(papers)))
    return summarize_papers(papers, llm=llm, progress=_batch_progress("summarising", report))


def _group(summaries: dict[str, Any], papers: dict[str, Paper], theme: str, llm: LLMClient | None,
           min_groups: int | None, max_groups: int, corpus_uses: CorpusUses | None) -> tuple[Groups, list[DraftWarning]]:
    from litreview.group import group_papers

    return group_papers(summaries, papers, theme, llm=llm, min_groups=min_groups, max_groups=max_groups,
                        corpus_uses=corpus_uses)


def _corpus_uses(corpus: Corpus, llm: LLMClient | None) -> CorpusUses | None:
    """What the offline engine counts of the whole corpus (`group.uses.CorpusUses`); an LLM reads the papers."""
    if llm is not None:
        return None
    from litreview.group.uses import CorpusUses

    return CorpusUses(corpus.papers)


def _batch_progress(stage: str, report: StageCallback) -> Callable[[Any], None]:
    """Adapt the LLM layer's per-request progress to stage progress, counting cache hits."""
    cached = 0

    def on_item(item: Any) -> None:
        nonlocal cached
        cached += bool(item.from_cache)
        report(StageProgress(stage, item.done, item.total, cached))

    return on_item


def _own_macros(text: str) -> list[DraftWarning]:
    """A warning naming the researcher's own LaTeX macros (`\\method`), which their text loses when read."""
    unknown = unknown_macros(text) if "\\" in text else []
    if not unknown:
        return []
    return [DraftWarning(stage="write", message=(
        f"your own text uses LaTeX macros of your paper ({', '.join(unknown)}); they were left out of it: "
        "add their \\newcommand lines to it, or write what they stand for"))]


def _nothing_selected(selection: Selection) -> LitreviewError:
    """Why no paper was selected for the theme, and what to change."""
    from litreview.errors import SelectionError

    cut = selection.cut
    if selection.considered == 0:
        why, hint = (f"the key and year rules leave none of the corpus's {cut.corpus_size} papers",
                     "widen --year-from/--year-to or drop an --exclude")
    elif cut.matched == 0:
        why, hint = (f"none of the {selection.considered} papers considered shares a word with it",
                     "check the theme's spelling, or add papers on it to the corpus")
    elif selection.judge is not None and selection.judge.dropped:
        why, hint = f"the judge graded every paper below {selection.judge.min_grade}", "lower min_grade or drop --judge"
    else:  # the only other rule that can stop a list at its first paper
        why, hint = cut.reason, "lower --min-score"  # "the best paper scored 0.8, below the minimum score 2"
    return SelectionError(f"no paper was selected for the theme {selection.theme!r}: {why}", hint=hint)
