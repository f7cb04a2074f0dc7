"""Per-paper summaries: by the configured LLM (grounded by validators), or by the offline engine.

With an LLM, a paper whose summary still fails after the re-asks is never replaced by an offline
summary: the other papers complete (and are cached), then one LLMError names the failed keys, so a
rerun asks only for those.
"""

from __future__ import annotations

from collections.abc import Sequence

from litreview.corpus.paper import Paper
from litreview.llm import (
    LLMClient,
    LLMRequest,
    Progress,
    ProgressCallback,
    failures_error,
)
from litreview.prompts import render_prompt
from litreview.summarize.offline import offline_summary
from litreview.summarize.schema import PaperSummary
from litreview.warning import DraftWarning


def summarize_papers(papers: Sequence[Paper], *, llm: LLMClient | None = None,
                     progress: ProgressCallback | None = None) -> tuple[dict[str, PaperSummary], list[DraftWarning]]:
    """A summary per paper key, in the order of `papers`, and the warnings of this stage.

    `llm=None` uses the offline engine (sentences of each abstract). With an LLM, requests run
    concurrently through it, each validated against its paper (`context={"paper": p}`); raises
    LLMError naming every paper that failed, after the others are done and cached.
    """
    if llm is None:
        return _offline(papers, progress), []
    outcomes = llm.ask_many_sync([summary_request(p) for p in papers], progress=progress)
    failures = [outcome for outcome in outcomes if not outcome.ok]
    if failures:
        raise failures_error(failures, "paper summaries")
    return {outcome.request.label: outcome.value for outcome in outcomes}, []


def summary_request(paper: Paper) -> LLMRequest[PaperSummary]:
    """The request for one paper's summary, validated against that paper."""
    messages, version = render_prompt("summarize", paper=paper)
    return LLMRequest(PaperSummary, messages, version, context={"paper": paper}, label=paper.key or "")


def _offline(papers: Sequence[Paper], progress: ProgressCallback | None) -> dict[str, PaperSummary]:
    summaries = {}
    for done, paper in enumerate(papers, 1):
        summaries[paper.key or ""] = offline_summary(paper)
        if progress:
            progress(Progress(done, len(papers), paper.key or "", from_cache=False, failed=False))
    return summaries
