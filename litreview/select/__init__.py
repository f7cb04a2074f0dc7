"""Ranking a corpus against a theme: which papers a related-work section on it should consider, and why.

`rank(corpus, theme)` scores every paper lexically (BM25 over title, keywords and abstract, widened by
pseudo-relevance feedback; see `select.index` and `select.lexical`), optionally fused with embedding
similarity (`select.embed`), applies the year and key filters, leaves out errata and retractions
(`select.notices`), cuts the ranked list by explicit rules (`select.cut`) recording which rule ended it, and
optionally has an LLM grade what was kept (`select.judge`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
from rapidfuzz import fuzz, process

from litreview.corpus import Corpus
from litreview.corpus.latex import readable_text
from litreview.corpus.paper import Paper
from litreview.errors import SelectionError
from litreview.select.cut import apply_cut
from litreview.select.index import open_index, tokens
from litreview.select.lexical import theme_scores
from litreview.select.notices import is_front_matter, is_notice
from litreview.select.selection import Cut, JudgeReport, Scored, Selection
from litreview.text import is_own_text

__all__ = ["Cut", "JudgeReport", "Scored", "Selection", "rank", "selection_to_dict"]

if TYPE_CHECKING:
    from litreview.llm import LLMClient

DEFAULT_TOP_K = 30
DEFAULT_DROP_OFF = 0.3
Fusion = Literal["rrf", "scores"]


@dataclass(frozen=True)
class Filters:
    """Which papers are ranked (`allowed`, corpus order) and what the key and year rules left out."""

    allowed: np.ndarray
    included: set[str]
    excluded: set[str]
    outside_years: int
    without_year: int
    notices: list[str]
    front_matter: list[str]


def rank(corpus: Corpus, theme: str, *, top_k: int = DEFAULT_TOP_K, min_score: float | None = None,
         drop_off: float | None = DEFAULT_DROP_OFF, year_from: int | None = None, year_to: int | None = None,
         include: Iterable[str] = (), exclude: Iterable[str] = (), cache_dir: Path | None = None,
         feedback: bool = True, llm: LLMClient | None = None, embeddings: str | None = None,
         fusion: Fusion = "scores", judge: bool = False, judge_top: int | None = None,
         min_grade: int | None = None) -> Selection:
    """Rank `corpus` against `theme`, best first, cut by the rules given (see `select_cut`).

    `include` keys are always selected, `exclude` keys never; papers outside `year_from..year_to`
    (inclusive; papers without a year when any bound is set) are not considered. `cache_dir` keeps the
    index on disk so that a corpus is indexed once; `feedback=False` turns off query expansion.
    With `llm`: `embeddings` (a model name) fuses embedding similarity into the score (`fusion`), and
    `judge` has the model grade the first `judge_top` selected papers (all when None) 0-3, reordering
    by grade then score and dropping those graded below `min_grade`.
    """
    if is_own_text(theme):  # the researcher's abstract, perhaps from the paper's LaTeX: ranked as draft reads it
        theme = readable_text(theme)
    _check_arguments(theme, top_k, min_score, drop_off, year_from, year_to)
    _check_llm(llm, embeddings, judge)
    filters = resolve_filters(corpus, include, exclude, year_from, year_to)
    scores, expansion, scoring = _relevance(corpus.papers, theme, filters.allowed, cache_dir=cache_dir,
                                            feedback=feedback, llm=llm, embeddings=embeddings, fusion=fusion)
    order = np.argsort(-scores, kind="stable")
    order = order[filters.allowed[order]]
    stop = apply_cut(scores[order], top_k=top_k, min_score=min_score, drop_off=drop_off)
    chosen, extra = _with_included(corpus.papers, order, stop.kept, scores, filters.included)
    cut = Cut(top_k=top_k, min_score=min_score, drop_off=drop_off, year_from=year_from, year_to=year_to,
              corpus_size=len(corpus), excluded=sorted(filters.excluded), outside_years=filters.outside_years,
              without_year=filters.without_year, matched=int(np.count_nonzero(scores[order] > 0)),
              kept=stop.kept, included=extra, rule=stop.rule, reason=stop.reason, notices=filters.notices,
              front_matter=filters.front_matter)
    selected = [Scored(rank=n, key=corpus.papers[i].key, score=round(float(scores[i]), 4), paper=corpus.papers[i],
                       included=corpus.papers[i].key in extra) for n, i in enumerate(chosen, start=1)]
    selection = Selection(theme=theme, considered=len(order), scoring=scoring, cut=cut, selected=selected,
                          expansion=expansion)
    if judge:
        from litreview.select.judge import judge_selection

        selection = judge_selection(llm, selection, top=judge_top, min_grade=min_grade)
    return selection


def resolve_filters(corpus: Corpus, include: Iterable[str], exclude: Iterable[str], year_from: int | None,
                    year_to: int | None) -> Filters:
    """The key and year rules as a mask over the corpus; unknown or contradictory keys are errors."""
    included, excluded = resolve_keys(corpus, include, "include"), resolve_keys(corpus, exclude, "exclude")
    both = sorted(included & excluded)
    if both:
        raise SelectionError(f"{', '.join(both)} is both included and excluded", where="include",
                             hint="name each key in only one of the two")
    # a notice about a paper (an erratum, a retraction) or a volume's title page is no paper to cite, unless the
    # researcher names it
    named = included | excluded
    notices = [paper.key for paper in corpus.papers if paper.key not in named and is_notice(paper.title)]
    front_matter = [paper.key for paper in corpus.papers
                    if paper.key not in named and is_front_matter(paper.title, paper.abstract, paper.entry_type)]
    left_out = excluded | set(notices) | set(front_matter)
    allowed = np.array([paper.key not in left_out for paper in corpus.papers], dtype=bool)
    outside = without_year = 0
    if year_from is not None or year_to is not None:
        years = np.array([np.nan if paper.year is None else paper.year for paper in corpus.papers], dtype=float)
        # Comparisons with NaN are False: a paper without a year is never in range.
        in_range = (years >= (-np.inf if year_from is None else year_from)) & (years <= (np.inf if year_to is None else year_to))
        outside = int(np.count_nonzero(allowed & ~in_range))
        without_year = int(np.count_nonzero(allowed & np.isnan(years)))
        allowed &= in_range
    return Filters(allowed=allowed, included=included, excluded=excluded, outside_years=outside,
                   without_year=without_year, notices=notices, front_matter=front_matter)


def resolve_keys(corpus: Corpus, keys: Iterable[str], rule: str) -> set[str]:
    """The corpus keys named by `keys` (a merged duplicate's key names the paper it was merged into)."""
    resolved = set()
    for key in keys:
        paper = corpus.get(key)
        if paper is None:
            raise SelectionError(f"no paper in the corpus has the key {key!r}", where=rule, hint=_key_hint(corpus, key))
        resolved.add(paper.key)
    return resolved


def selection_to_dict(selection: Selection) -> dict:
    """The `litreview select --json` document (a contract for scripts): grade and reason only when judged."""
    document = {
        "theme": selection.theme,
        "considered": selection.considered,
        "scoring": selection.scoring,
        "cut": selection.cut.model_dump(),
        "expansion": selection.expansion,
        "selected": [_scored_to_dict(scored) for scored in selection.selected],
    }
    if selection.judge is not None:
        document["judge"] = selection.judge.model_dump()
    return document


def _relevance(papers: list[Paper], theme: str, allowed: np.ndarray, *, cache_dir: Path | None, feedback: bool,
               llm: LLMClient | None, embeddings: str | None, fusion: Fusion) -> tuple[np.ndarray, list[str], str]:
    """Scores of every paper (corpus order), the feedback terms, and a description of how they were made."""
    lexical = theme_scores(open_index(papers, cache_dir), papers, theme, feedback=feedback, allowed=allowed)
    scoring = "bm25+rm3" if feedback else "bm25"
    if not embeddings:
        return lexical.scores, lexical.expansion, scoring
    from litreview.select.embed import fused_scores

    scores = fused_scores(llm, embeddings, theme, papers, allowed, lexical.scores, fusion=fusion)
    return scores, lexical.expansion, f"{scoring} + embeddings {embeddings} ({fusion})"


def _with_included(papers: list[Paper], order: np.ndarray, kept: int, scores: np.ndarray,
                   included: set[str]) -> tuple[list[int], list[str]]:
    """Positions of the kept papers plus the included ones the cut or filters left out, best score first."""
    chosen = [int(i) for i in order[:kept]]
    taken = {papers[i].key for i in chosen}
    extra = [i for i, paper in enumerate(papers) if paper.key in included and paper.key not in taken]
    ordered = sorted(chosen + extra, key=lambda i: -float(scores[i]))
    added = set(extra)
    return ordered, [papers[i].key for i in ordered if i in added]


def _scored_to_dict(scored: Scored) -> dict:
    entry = {"rank": scored.rank, "key": scored.key, "score": scored.score, "title": scored.paper.title,
             "year": scored.paper.year, "included": scored.included}
    if scored.grade is not None or scored.reason is not None:
        entry |= {"grade": scored.grade, "reason": scored.reason}
    return entry


def _check_arguments(theme: str, top_k: int, min_score: float | None, drop_off: float | None,
                     year_from: int | None, year_to: int | None) -> None:
    if not tokens(theme):
        raise SelectionError(f"the theme {theme!r} has no searchable words", where="theme",
                             hint="describe the topic in a few content words, e.g. 'label noise in image classification'")
    if top_k < 1:
        raise SelectionError(f"top-k must be at least 1, not {top_k}", where="top-k")
    if drop_off is not None and not 0 <= drop_off <= 1:
        raise SelectionError(f"drop-off must be a fraction of the top score between 0 and 1, not {drop_off:g}", where="drop-off")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise SelectionError(f"the year range {year_from}-{year_to} is empty", where="years",
                             hint="give the earlier year as the start of the range")


def _check_llm(llm: LLMClient | None, embeddings: str | None, judge: bool) -> None:
    if llm is None and (embeddings or judge):
        what = "embeddings" if embeddings else "judging"
        raise SelectionError(f"{what} needs an LLM client", where="select",
                             hint="pass llm=LLMClient(settings) with a server configured")


def _key_hint(corpus: Corpus, key: str) -> str:
    match = process.extractOne(key, corpus.keys, scorer=fuzz.ratio, score_cutoff=75)
    if match is not None:
        return f"did you mean {match[0]!r}?"
    return "list the corpus keys with `litreview corpus --json`"
