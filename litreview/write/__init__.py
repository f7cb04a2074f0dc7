"""Paragraphs: one per sub-theme, each sentence carrying the keys it cites; by the LLM or offline.

With an LLM, a paragraph that still fails validation after the re-asks is not thrown away: its
supported sentences are kept, each unsupported one (a key outside the group, a citation marker, no
key) is dropped, each member left uncited gets an extractive offline sentence, and every such event
is a DraftWarning. A paragraph the model never answered raises LLMError (after the others finish).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from litreview.corpus.paper import Paper
from litreview.errors import UnusableAnswer
from litreview.grounding import occurs_in
from litreview.group.schema import Groups, SubTheme
from litreview.llm import LLMClient, LLMRequest, ProgressCallback, failures_error
from litreview.prompts import render_prompt
from litreview.summarize.schema import PaperSummary
from litreview.text import is_own_text
from litreview.warning import DraftWarning
from litreview.write.citing import cited_where_named, said_once
from litreview.write.schema import Paragraph, PositionedParagraph, Section, Sentence

if TYPE_CHECKING:
    from litreview.group.uses import CorpusUses

_SPACE_BEFORE_MARK = re.compile(r"\s+([.,;:!?])(?=\s|$)")  # "... the expected value, R0 ." as some abstracts space it


def write_paragraphs(groups: Groups, summaries: dict[str, PaperSummary], papers: dict[str, Paper], theme: str, *,
                     llm: LLMClient | None = None, our_work: str | None = None,
                     progress: ProgressCallback | None = None,
                     corpus_uses: CorpusUses | None = None) -> tuple[list[Section], list[DraftWarning]]:
    """A Section per group, in order, and the warnings of this stage.

    `llm=None` writes offline from templates and the papers' own words (`write.offline`). With an LLM, one
    request per group runs concurrently, validated against the group (`context={"group_keys": [...]}`); a
    paragraph still invalid after the re-asks is salvaged with warnings, and its answer remembered so a
    rerun does not pay for it again. `our_work` (the researcher's own abstract, or a theme long enough to be
    one) makes each paragraph end with a sentence positioning that work (offline: a template sentence in the
    researcher's words, and the paragraph opens with the researcher's background sentences). `corpus_uses` counts
    what the researcher's whole corpus says (offline: no sentence says a group shares what the field says everywhere).
    """
    our_work = our_work or (theme if is_own_text(theme) else None)
    if llm is None:
        from litreview.summarize.offline import paper_text
        from litreview.write.offline import (
            offline_paragraph,  # imports scikit-learn: only when used
        )
        from litreview.write.own_work import framings
        from litreview.write.relations import TermUses

        framed = framings(groups.groups, papers, our_work, theme) if our_work else {}
        draft_terms = TermUses.of(paper_text(papers[key]) for group in groups.groups for key in group.keys)
        return [_section(group, offline_paragraph(group, papers, summaries, theme, our_work, framed.get(group.title),
                                                  draft_terms, first=n == 0, corpus_uses=corpus_uses), papers)
                for n, group in enumerate(groups.groups)], []
    requests = [paragraph_request(group, summaries, papers, theme, our_work) for group in groups.groups]
    remembered = {id(r): llm.recall_unusable(r) for r in requests}  # earlier runs' unusable answers, not re-paid
    asked = [r for r in requests if remembered[id(r)] is None]
    outcomes = {id(outcome.request): outcome for outcome in llm.ask_many_sync(asked, progress=progress)}
    sections, warnings, unanswered = [], [], []
    for group, request in zip(groups.groups, requests):
        outcome = outcomes.get(id(request))
        if outcome is not None and outcome.ok:
            sections.append(_section(group, _sentences_of(outcome.value), papers))
            continue
        if outcome is not None and isinstance(outcome.error, UnusableAnswer):  # answered, unusably (or cut off)
            last = (request.context["answers"] or [None])[-1]
            llm.remember_unusable(request, last, outcome.error.message)
            remembered[id(request)] = (last, outcome.error.message)
        if remembered[id(request)] is None:
            unanswered.append(outcome)
            continue
        sentences, salvage_warnings = salvage(group, remembered[id(request)][0], papers, our_work)
        sections.append(_section(group, sentences, papers))
        warnings += salvage_warnings
    if unanswered:
        raise failures_error(unanswered, "paragraphs")
    return sections, warnings


def paragraph_request(group: SubTheme, summaries: dict[str, PaperSummary], papers: dict[str, Paper], theme: str,
                      our_work: str | None = None) -> LLMRequest[Paragraph]:
    """The request for one group's paragraph, validated against the group's keys (and our work)."""
    items = [{"key": key, "title": papers[key].title, "summary": summaries[key]} for key in group.keys]
    messages, version = render_prompt("write", theme=theme, group=group, papers=items, our_work=our_work)
    context: dict[str, Any] = {"group_keys": list(group.keys), "answers": []}
    model: type[Paragraph] = Paragraph
    if our_work:
        context["our_work"], model = our_work, PositionedParagraph
    answer = 80 + 120 * len(group.keys) + (150 if our_work else 0)  # a sentence or two per paper, bounded
    return LLMRequest(model, messages, version, context=context, label=f"paragraph {group.title!r}", max_tokens=answer)


def salvage(group: SubTheme, answer: object, papers: dict[str, Paper],
            our_work: str | None) -> tuple[list[Sentence], list[DraftWarning]]:
    """The supported sentences of an invalid answer, plus offline sentences for members it left uncited (and for
    the positioning of `our_work`, when the answer's is unsupported)."""
    raw = answer if isinstance(answer, dict) else {}
    kept, warnings = [], []
    for item in raw.get("sentences") or []:
        sentence, problem = supported_sentence(item, group.keys)
        if sentence:
            kept.append(sentence)
        else:
            warnings.append(_warning(group, f"dropped an unsupported sentence ({problem})"))
    cited = {key for sentence in kept for key in sentence.keys}
    from litreview.write.offline import (
        offline_sentences,  # imports scikit-learn: only when salvaging
    )
    from litreview.write.own_work import offline_positioning

    for key in (k for k in group.keys if k not in cited):
        kept += offline_sentences([key], papers)
        warnings.append(_warning(group, "the LLM left this paper uncited; added an extractive sentence from its abstract", key))
    if our_work:
        positioning, problem = _supported_positioning(raw, group.keys, our_work)
        if positioning is None:  # the paragraph still ends by positioning the work, in the researcher's own words
            positioning = offline_positioning(our_work, group.keys, papers)
            done = "added one in your own words" if positioning else "left it out"
            warnings.append(_warning(group, f"the LLM's sentence positioning your work was unusable ({problem}); {done}"))
        kept += [positioning] if positioning else []
    return kept, warnings


def supported_sentence(item: object, group_keys: list[str]) -> tuple[Sentence | None, str]:
    """`item` as a Sentence when it cites only (and at least one of) `group_keys` and has no marker."""
    try:
        sentence = Sentence.model_validate(item)
    except ValidationError as error:
        return None, "; ".join(e["msg"] for e in error.errors())
    outside = [key for key in sentence.keys if key not in group_keys]
    if outside:
        return None, f"it cites {', '.join(map(repr, outside))}, not a paper of this group"
    if not sentence.keys:
        return None, "it cites no paper"
    return sentence, ""


def _supported_positioning(raw: dict[str, Any], group_keys: list[str], our_work: str) -> tuple[Sentence | None, str]:
    sentence, problem = supported_sentence(raw.get("positioning"), group_keys)
    quote = raw.get("our_work_quote")
    if sentence and not (isinstance(quote, str) and occurs_in(quote, our_work)):
        return None, "its quote does not occur in your text"
    return (cited_where_named(sentence) if sentence else None), problem


def _sentences_of(paragraph: Paragraph) -> list[Sentence]:
    closing = [cited_where_named(paragraph.positioning)] if isinstance(paragraph, PositionedParagraph) else []
    return [*paragraph.sentences, *closing]


def _section(group: SubTheme, sentences: list[Sentence], papers: dict[str, Paper]) -> Section:
    tidied = said_once([s.model_copy(update={"text": _SPACE_BEFORE_MARK.sub(r"\1", s.text)}) for s in sentences], papers)
    return Section(title=group.title, description=group.description, keys=list(group.keys), sentences=tidied)


def _warning(group: SubTheme, message: str, key: str | None = None) -> DraftWarning:
    return DraftWarning(stage="write", message=f"{group.title!r}: {message}", key=key)
