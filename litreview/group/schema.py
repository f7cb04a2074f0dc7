"""The group stage's answer: the selected papers divided into sub-themes.

Validators read `{"keys": [...], "min_groups": 2, "max_groups": 8}` from the validation context: every key
exactly once, no unknown key, no empty group, a number of groups within bounds (`min_groups` None or absent: the
default, see `fewest_groups`). A context may also hold
`"answers": []`, to which every raw answer is appended (see `litreview.grounding.record_answer`).
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, Field, ValidationInfo, model_validator

from litreview.grounding import record_answer

DEFAULT_MIN_GROUPS = 2  # the fewest sub-themes when not asked for, given three papers or more


class SubTheme(BaseModel):
    """One sub-theme of the related-work section and the papers it holds."""

    title: str = Field(description="A short title for the sub-theme (2-6 words).")
    description: str = Field(description="One line saying what the papers of this sub-theme have in common.")
    keys: list[str] = Field(description="Citation keys of the member papers.")


class Groups(BaseModel):
    """The selected papers divided into sub-themes: every selected key in exactly one group."""

    groups: list[SubTheme]

    @model_validator(mode="before")
    @classmethod
    def _record_answer(cls, data: object, info: ValidationInfo) -> object:
        return record_answer(data, info)

    @model_validator(mode="after")
    def _partition(self, info: ValidationInfo) -> Groups:
        context = info.context or {}
        if "keys" in context:
            problems = partition_problems(self, context["keys"], context.get("min_groups"), context.get("max_groups", 8))
            if problems:
                raise ValueError("; ".join(problems))
        return self


def fewest_groups(min_groups: int | None, papers: int, max_groups: int) -> int:
    """The fewest sub-themes `papers` papers go into: `min_groups` when asked for (but no more than one a paper);
    by default DEFAULT_MIN_GROUPS for three papers or more, else one (two papers under a heading each are a list).
    Three are split two and one, as authors often split them: bench/writing.py measures that the split is right in
    most draws of two topics, and that it scores better on average than keeping them together."""
    if min_groups is None:
        return max(1, min(DEFAULT_MIN_GROUPS, papers - 1, max_groups))
    return max(1, min(min_groups, papers))


def partition_problems(groups: Groups, keys: list[str], min_groups: int | None, max_groups: int) -> list[str]:
    """Why `groups` is not a partition of `keys` into min..max non-empty groups (empty when it is)."""
    counts = Counter(key for group in groups.groups for key in group.keys)
    expected = set(keys)
    low = fewest_groups(min_groups, len(expected), max_groups)
    problems = [f"unknown key {key!r} (use only the given keys)" for key in counts if key not in expected]
    problems += [f"key {key!r} is in {n} groups (put it in exactly one)" for key, n in counts.items() if n > 1 and key in expected]
    problems += [f"key {key!r} is in no group" for key in sorted(expected - set(counts))]
    problems += [f"group {g.title!r} is empty" for g in groups.groups if not g.keys]
    if not low <= len(groups.groups) <= max_groups:
        count = len(groups.groups)
        problems.append(f"{count} group{'' if count == 1 else 's'}; make between {low} and {max_groups}")
    return problems
