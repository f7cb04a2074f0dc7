"""Sub-themes: the selected papers grouped by the configured LLM, or by the offline clustering.

An LLM grouping that still breaks the partition rules after the re-asks (a key missing, repeated or
invented, too many groups) is replaced by the offline grouping, with a warning saying so. An LLM that
gives no answer at all (connection, server errors) raises: that is not a grouping to degrade.

The grouping request holds every selected paper. When it would not fit the model's context
(`context_tokens`, else the size the server says it runs with, else the model family's; counted with the
server's tokenizer where it has one, see `litreview.llm.budget` and `litreview.llm.tokenizer`), the papers are grouped hierarchically: in batches that
fit, each grouped by the LLM, then the batches' sub-themes are merged, most alike first (shared
content words of their titles and descriptions), down to `max_groups`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from litreview.corpus.paper import Paper
from litreview.errors import UnusableAnswer
from litreview.grounding import content_words
from litreview.group.schema import Groups, SubTheme, fewest_groups
from litreview.llm import LLMClient, LLMRequest
from litreview.llm.budget import fits, prompt_text
from litreview.prompts import render_prompt
from litreview.summarize.schema import PaperSummary
from litreview.warning import DraftWarning

if TYPE_CHECKING:
    from litreview.group.uses import CorpusUses


def group_papers(summaries: dict[str, PaperSummary], papers: dict[str, Paper], theme: str, *,
                 llm: LLMClient | None = None, min_groups: int | None = None,
                 max_groups: int = 8, corpus_uses: CorpusUses | None = None) -> tuple[Groups, list[DraftWarning]]:
    """The papers of `summaries` (in that order) as between `min_groups` and `max_groups` sub-themes
    (`min_groups` None: two, or one for fewer than three papers; see `schema.fewest_groups`).

    `llm=None` clusters offline. With an LLM, its answer is validated as a partition of exactly these
    keys (`context={"keys", "min_groups", "max_groups"}`); when the re-asks are spent, the offline
    grouping is used and a DraftWarning says why. The unusable answer is remembered in the cache, so a
    rerun degrades the same way without paying for it again.
    """
    selected = [papers[key] for key in summaries]
    if llm is None:
        return _offline_groups(selected, theme, min_groups=min_groups, max_groups=max_groups, corpus_uses=corpus_uses), []
    request = grouping_request(summaries, papers, theme, min_groups, max_groups)
    fitting = _fitting(llm, request)
    if len(summaries) < 2 or fitting(request):
        return _settled([request], llm.ask_many_sync(_unremembered(llm, [request])), llm, papers, theme)
    batches = _batches(list(summaries), lambda keys: fitting(grouping_request(
        {key: summaries[key] for key in keys}, papers, theme, 1, max_groups)))
    requests = [grouping_request({key: summaries[key] for key in batch}, papers, theme, 1, max_groups) for batch in batches]
    grouped, warnings = _settled(requests, llm.ask_many_sync(_unremembered(llm, requests)), llm, papers, theme)
    return Groups(groups=merge_sub_themes(grouped.groups, max_groups)), warnings


def merge_sub_themes(groups: list[SubTheme], max_groups: int) -> list[SubTheme]:
    """Merge sub-themes, the two most alike first (then the two smallest), until at most `max_groups`."""
    merged = list(groups)
    while len(merged) > max(1, max_groups):
        words = [content_words(f"{g.title} {g.description}") for g in merged]
        pairs = [(i, j) for i in range(len(merged)) for j in range(i + 1, len(merged))]
        i, j = max(pairs, key=lambda p: (len(words[p[0]] & words[p[1]]) / max(1, len(words[p[0]] | words[p[1]])),
                                         -(len(merged[p[0]].keys) + len(merged[p[1]].keys))))
        big, small = sorted((merged[i], merged[j]), key=lambda g: -len(g.keys))
        merged[i] = SubTheme(title=big.title, description=big.description, keys=[*big.keys, *small.keys])
        del merged[j]
    return merged


def _fitting(llm: LLMClient, whole: LLMRequest[Groups]) -> Callable[[LLMRequest[Groups]], bool]:
    """Whether a grouping request fits the context, counted with the server's tokenizer where it has one:
    one count of the whole selection's prompt, whose characters per token then count every batch."""
    schema = Groups.model_json_schema()
    chars_per_token = llm.chars_per_token(prompt_text(whole.messages, schema))
    context = llm.context_size()
    return lambda request: fits(request.messages, schema, request.max_tokens or 0, context, chars_per_token)


def _batches(keys: list[str], fitting: Any) -> list[list[str]]:
    """`keys` split in halves, recursively, until every batch's request fits (a single key always does)."""
    if len(keys) < 2 or fitting(keys):
        return [keys]
    middle = len(keys) // 2
    return _batches(keys[:middle], fitting) + _batches(keys[middle:], fitting)


def _unremembered(llm: LLMClient, requests: list[LLMRequest[Groups]]) -> list[LLMRequest[Groups]]:
    """The requests an earlier run did not already find unusable (those are not paid for again)."""
    for request in requests:
        request.context["remembered"] = llm.recall_unusable(request)
    return [request for request in requests if request.context["remembered"] is None]


def _settled(requests: list[LLMRequest[Groups]], outcomes: list[Any], llm: LLMClient, papers: dict[str, Paper],
             theme: str) -> tuple[Groups, list[DraftWarning]]:
    """The sub-themes of every request: the LLM's, or (unusable answer) the offline grouping of its keys."""
    answered = {id(outcome.request): outcome for outcome in outcomes}
    groups: list[SubTheme] = []
    warnings: list[DraftWarning] = []
    for request in requests:
        outcome, remembered = answered.get(id(request)), request.context["remembered"]
        if outcome is not None and outcome.ok:
            groups += outcome.value.groups
            continue
        if outcome is not None:
            if not isinstance(outcome.error, UnusableAnswer):  # never answered: a failure to report, not to degrade
                raise outcome.error
            remembered = ((request.context["answers"] or [None])[-1], outcome.error.message)
            llm.remember_unusable(request, *remembered)
        keys = request.context["keys"]
        warnings.append(DraftWarning(stage="group", message=f"the LLM's grouping was unusable ({remembered[1]}); "
                                                            "used the offline grouping instead"))
        groups += _offline_groups([papers[key] for key in keys], theme, min_groups=request.context["min_groups"],
                                  max_groups=request.context["max_groups"]).groups
    return Groups(groups=groups), warnings


def grouping_request(summaries: dict[str, PaperSummary], papers: dict[str, Paper], theme: str,
                     min_groups: int | None, max_groups: int) -> LLMRequest[Groups]:
    """The request for a grouping of the keys of `summaries`, validated as their partition."""
    keys = list(summaries)
    low = fewest_groups(min_groups, len(keys), max_groups)
    items = [{"key": key, "title": papers[key].title, "summary": summaries[key]} for key in keys]
    messages, version = render_prompt("group", theme=theme, papers=items, min_groups=low, max_groups=max_groups)
    context: dict[str, Any] = {"keys": keys, "min_groups": min_groups, "max_groups": max_groups, "answers": []}
    answer = 60 + 12 * len(keys) + 60 * max_groups  # every key once, a title and a line per sub-theme
    return LLMRequest(Groups, messages, version, context=context, label=f"grouping of {len(keys)} papers",
                      max_tokens=answer)


def _offline_groups(papers: list[Paper], theme: str, *, min_groups: int | None, max_groups: int,
                    corpus_uses: CorpusUses | None = None) -> Groups:
    """The offline clustering, imported only when used: scikit-learn takes a second to load."""
    from litreview.group.offline import offline_groups as cluster

    return cluster(papers, theme, min_groups=min_groups, max_groups=max_groups, corpus_uses=corpus_uses)
