"""A plan: the selection and grouping of a draft, saved so a researcher can edit it and re-render."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError

from litreview.errors import CorpusError, LitreviewError
from litreview.files import write_atomic
from litreview.group.schema import SubTheme


class PlannedPaper(BaseModel):
    """A selected paper; score and title are informative, only the key matters when reused."""

    key: str
    score: float | None = None
    title: str | None = None


class Plan(BaseModel):
    """What `--save-plan` writes and `--plan` reads back: theme, selected papers, sub-themes."""

    theme: str
    selected: list[PlannedPaper]
    groups: list[SubTheme]


def save_plan(plan: Plan, path: Path) -> None:
    """Write `plan` as indented JSON, for hand editing (atomically: an edited plan is never half replaced)."""
    write_atomic(path, plan.model_dump_json(indent=2) + "\n")


def load_plan(path: Path, known_keys: set[str]) -> Plan:
    """Read a plan and check that every key it names is in the corpus and in exactly one group."""
    try:
        plan = Plan.model_validate_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorpusError(str(path), None, "no such plan file", hint="write one with --save-plan") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise LitreviewError(f"not a valid plan ({first['msg']} at {where or 'top level'})", where=str(path),
                             hint="fix the JSON or write a new plan with --save-plan") from None
    _check_keys(plan, known_keys, str(path))
    return plan


def _check_keys(plan: Plan, known_keys: set[str], where: str) -> None:
    grouped = [key for group in plan.groups for key in group.keys]
    for key in grouped:
        if key not in known_keys:
            raise LitreviewError(f"key {key!r} is not in the corpus", where=where, hint="fix the key or remove it from the plan")
        if grouped.count(key) > 1:
            raise LitreviewError(f"key {key!r} is in more than one group", where=where, hint="keep it in exactly one group")
    empty = [group.title for group in plan.groups if not group.keys]
    if empty:
        raise LitreviewError(f"group {empty[0]!r} is empty", where=where, hint="move a paper into it or delete the group")
