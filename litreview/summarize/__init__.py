"""Per-paper summaries: by the configured LLM (grounded by validators), or by the offline engine.

With an LLM, an answer degrades per field (a dropped quote or method name is a warning), then per
paper: a paper whose answers stay unusable after the re-asks gets the offline engine's summary, with
a warning naming it, and its last answer is remembered so a rerun degrades the same way without
paying again. A paper the server never answered (connection, timeouts, refusals) is not degraded:
the others complete (and are cached), then one LLMError names the failed keys.
"""

from __future__ import annotations

from collections.abc import Sequence

from litreview.corpus.paper import Paper
from litreview.errors import UnusableAnswer
from litreview.llm import (
    LLMClient,
    LLMRequest,
    Progress,
    ProgressCallback,
    failures_error,
)
from litreview.prompts import render_prompt
from litreview.summarize.offline import offline_summary
from litreview.summarize.schema import PaperSummary, SummaryAnswer
from litreview.warning import DraftWarning


def summarize_papers(papers: Sequence[Paper], *, llm: LLMClient | None = None,
                     progress: ProgressCallback | None = None) -> tuple[dict[str, PaperSummary], list[DraftWarning]]:
    """A summary per paper key, in the order of `papers`, and the warnings of this stage.

    `llm=None` uses the offline engine (sentences of each abstract). With an LLM, requests run
    concurrently through it, each validated against its paper (`context={"paper": p}`); raises
    LLMError naming every paper the server never answered, after the others are done and cached.
    """
    if llm is None:
        return _offline(papers, progress), []
    requests = [summary_request(paper) for paper in papers]
    remembered = {id(r): llm.recall_unusable(r) for r in requests}  # earlier runs' unusable answers, not re-paid
    outcomes = {id(o.request): o for o in llm.ask_many_sync([r for r in requests if remembered[id(r)] is None],
                                                             progress=progress)}
    summaries: dict[str, PaperSummary] = {}
    warnings: list[DraftWarning] = []
    unanswered = []
    for paper, request in zip(papers, requests):
        key, outcome = paper.key or "", outcomes.get(id(request))
        if outcome is not None and outcome.ok:
            summaries[key] = PaperSummary.of(key, outcome.value)
            warnings += [DraftWarning(stage="summarize", key=key, message=note) for note in outcome.value.notes]
            continue
        if outcome is not None and isinstance(outcome.error, UnusableAnswer):
            llm.remember_unusable(request, None, outcome.error.message)
            remembered[id(request)] = (None, outcome.error.message)
        if remembered[id(request)] is None:
            unanswered.append(outcome)
            continue
        summaries[key] = offline_summary(paper)
        warnings.append(DraftWarning(stage="summarize", key=key, message=(
            f"the LLM's summary was unusable ({remembered[id(request)][1]}); used the offline summary of {key} instead")))
    if unanswered:
        error = failures_error(unanswered, "paper summaries")
        error.warnings = list(warnings)
        raise error
    return summaries, warnings


def summary_request(paper: Paper) -> LLMRequest[SummaryAnswer]:
    """The request for one paper's summary, validated against that paper."""
    messages, version = render_prompt("summarize", paper=paper)
    return LLMRequest(SummaryAnswer, messages, version, context={"paper": paper}, label=paper.key or "")


def _offline(papers: Sequence[Paper], progress: ProgressCallback | None) -> dict[str, PaperSummary]:
    summaries = {}
    for done, paper in enumerate(papers, 1):
        summaries[paper.key or ""] = offline_summary(paper)
        if progress:
            progress(Progress(done, len(papers), paper.key or "", from_cache=False, failed=False))
    return summaries
