"""Sub-themes: the selected papers grouped by the configured LLM, or by the offline clustering.

An LLM grouping that still breaks the partition rules after the re-asks (a key missing, repeated or
invented, too many groups) is replaced by the offline grouping, with a warning saying so. An LLM that
gives no answer at all (connection, server errors) raises: that is not a grouping to degrade.
"""

from __future__ import annotations

from typing import Any

from litreview.corpus.paper import Paper
from litreview.group.schema import Groups
from litreview.llm import LLMClient, LLMRequest
from litreview.prompts import render_prompt
from litreview.summarize.schema import PaperSummary
from litreview.warning import DraftWarning


def group_papers(summaries: dict[str, PaperSummary], papers: dict[str, Paper], theme: str, *,
                 llm: LLMClient | None = None, min_groups: int = 2,
                 max_groups: int = 8) -> tuple[Groups, list[DraftWarning]]:
    """The papers of `summaries` (in that order) as between `min_groups` and `max_groups` sub-themes.

    `llm=None` clusters offline. With an LLM, its answer is validated as a partition of exactly these
    keys (`context={"keys", "min_groups", "max_groups"}`); when the re-asks are spent, the offline
    grouping is used and a DraftWarning says why. The unusable answer is remembered in the cache, so a
    rerun degrades the same way without paying for it again.
    """
    selected = [papers[key] for key in summaries]
    if llm is None:
        return _offline_groups(selected, theme, min_groups=min_groups, max_groups=max_groups), []
    request = grouping_request(summaries, papers, theme, min_groups, max_groups)
    remembered = llm.recall_unusable(request)
    if remembered is None:
        outcome = llm.ask_many_sync([request])[0]
        if outcome.ok:
            return outcome.value, []
        if not request.context["answers"]:  # the model never answered: a failure to report, not to degrade
            raise outcome.error
        llm.remember_unusable(request, request.context["answers"][-1], outcome.error.message)
        remembered = (request.context["answers"][-1], outcome.error.message)
    warning = DraftWarning(stage="group", message=f"the LLM's grouping was unusable ({remembered[1]}); "
                                                  "used the offline grouping instead")
    return _offline_groups(selected, theme, min_groups=min_groups, max_groups=max_groups), [warning]


def grouping_request(summaries: dict[str, PaperSummary], papers: dict[str, Paper], theme: str,
                     min_groups: int, max_groups: int) -> LLMRequest[Groups]:
    """The request for a grouping of the keys of `summaries`, validated as their partition."""
    keys = list(summaries)
    low = min(min_groups, len(keys))
    items = [{"key": key, "title": papers[key].title, "summary": summaries[key]} for key in keys]
    messages, version = render_prompt("group", theme=theme, papers=items, min_groups=low, max_groups=max_groups)
    context: dict[str, Any] = {"keys": keys, "min_groups": min_groups, "max_groups": max_groups, "answers": []}
    return LLMRequest(Groups, messages, version, context=context, label=f"grouping of {len(keys)} papers")


def _offline_groups(papers: list[Paper], theme: str, *, min_groups: int, max_groups: int) -> Groups:
    """The offline clustering, imported only when used: scikit-learn takes a second to load."""
    from litreview.group.offline import offline_groups as cluster

    return cluster(papers, theme, min_groups=min_groups, max_groups=max_groups)
