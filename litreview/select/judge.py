"""LLM judging of a selection: each selected paper graded 0-3 for the theme, with a one-sentence reason.

One request per paper (so each judgement is cached on its own and one failure costs one paper), rendered
from `templates/prompts/judge.j2` (versioned by its text, see `litreview.prompts`). The answer's key must
be the paper asked about: a grade for any other key is rejected by the schema's validator and re-asked
with the error fed back (the LLM layer does that).
The final order is grade, then score; papers the judge could not grade follow the graded ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from litreview.prompts import prompt_version, render_prompt
from litreview.select.selection import JudgeReport, Scored, Selection

if TYPE_CHECKING:
    from litreview.llm import LLMClient

MAX_REASON = 400  # characters: one sentence, generously


class RelevanceGrade(BaseModel):
    """How relevant one paper is to the theme, and why, as the LLM judges it from the abstract."""

    key: str = Field(description="The key of the paper graded, exactly as given in <paper key=...>.")
    grade: int = Field(ge=0, le=3, description="3 central, 2 relevant, 1 tangential, 0 unrelated to the theme.")
    reason: str = Field(description="One sentence saying why, based on what the abstract says.")

    @field_validator("key")
    @classmethod
    def _key_asked_about(cls, key: str, info: ValidationInfo) -> str:
        asked = (info.context or {}).get("key")
        if asked is not None and key.strip() != asked:
            raise ValueError(f"graded the key {key!r}, which was not asked about; grade only the paper {asked!r}")
        return key.strip()

    @field_validator("reason")
    @classmethod
    def _one_sentence(cls, reason: str) -> str:
        text = " ".join(reason.split())
        if not text:
            raise ValueError("the reason is empty; give one sentence based on the abstract")
        if len(text) > MAX_REASON:
            raise ValueError(f"the reason has {len(text)} characters; give one sentence of at most {MAX_REASON}")
        return text


def judge_selection(llm: LLMClient, selection: Selection, *, top: int | None = None,
                    min_grade: int | None = None) -> Selection:
    """Grade the first `top` selected papers (all when None); reorder by grade then score; drop below `min_grade`."""
    from litreview.llm import LLMRequest

    candidates = selection.selected[:top] if top is not None else selection.selected
    requests = [LLMRequest(RelevanceGrade, *render_prompt("judge", theme=selection.theme, paper=scored.paper),
                           context={"key": scored.key}, label=scored.key) for scored in candidates]
    outcomes = llm.ask_many_sync(requests)
    grades = {outcome.request.label: outcome.value for outcome in outcomes if outcome.ok}
    graded = [_with_grade(scored, grades.get(scored.key)) for scored in selection.selected]
    kept, dropped = _apply_min_grade(graded, min_grade)
    report = JudgeReport(model=llm.settings.model or "", prompt_version=prompt_version("judge"),
                         judged=len(grades), min_grade=min_grade, dropped=dropped,
                         failed=[outcome.reason for outcome in outcomes if not outcome.ok])
    ordered = sorted(kept, key=lambda s: (s.grade is None, -(s.grade or 0), -s.score))
    renumbered = [scored.model_copy(update={"rank": n}) for n, scored in enumerate(ordered, start=1)]
    return selection.model_copy(update={"selected": renumbered, "judge": report})


def _with_grade(scored: Scored, grade: RelevanceGrade | None) -> Scored:
    if grade is None:
        return scored
    return scored.model_copy(update={"grade": grade.grade, "reason": grade.reason})


def _apply_min_grade(graded: list[Scored], min_grade: int | None) -> tuple[list[Scored], list[str]]:
    """Papers graded below `min_grade` are dropped, unless included by key; ungraded ones are kept."""
    if min_grade is None:
        return graded, []
    low = [s for s in graded if s.grade is not None and s.grade < min_grade and not s.included]
    return [s for s in graded if s not in low], [s.key for s in low]
