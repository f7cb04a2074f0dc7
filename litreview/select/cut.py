"""Where a ranked list stops, and the sentence that says why.

The rules are applied to the ranked papers in order; the list ends at the first paper one of them
rejects, and that rule is recorded (checked in this order when several apply to the same paper):
- top-k: no more than `top_k` papers;
- min-score: no paper scoring below `min_score`;
- drop-off: no paper scoring below `drop_off` x the top score (a paper matching only a small part of
  the theme, when others match all of it);
- no-match: no paper that shares no term with the theme (score 0).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel

Rule = Literal["top-k", "min-score", "drop-off", "no-match", "end"]


class Stop(BaseModel):
    """How many ranked papers were kept and which rule ended the list (`end`: none did)."""

    kept: int
    rule: Rule
    reason: str


def apply_cut(scores: Sequence[float], *, top_k: int, min_score: float | None, drop_off: float | None) -> Stop:
    """Keep the longest prefix of `scores` (best first) that every rule accepts."""
    top = float(scores[0]) if len(scores) else 0.0
    for position, score in enumerate(map(float, scores)):
        rejected = _first_rejecting_rule(position, score, top, top_k=top_k, min_score=min_score, drop_off=drop_off)
        if rejected is not None:
            return Stop(kept=position, rule=rejected, reason=explain(rejected, score, top, top_k=top_k, min_score=min_score,
                                                                      drop_off=drop_off, first=position == 0))
    return Stop(kept=len(scores), rule="end", reason="every paper that matches the theme was kept")


def explain(rule: Rule, score: float, top: float, *, top_k: int, min_score: float | None,
            drop_off: float | None, first: bool = False) -> str:
    """The sentence for the footer: which rule stopped the list (at its `first` paper: nothing kept), with the
    numbers it compared."""
    paper = "the best paper" if first else "the next paper"
    if rule == "top-k":
        return f"top-k {top_k} reached (the next paper scored {score:.4g})"
    if rule == "min-score":
        return f"{paper} scored {score:.4g}, below the minimum score {min_score:g}"
    if rule == "drop-off":
        return f"{paper} scored {score:.4g}, below {drop_off:g} x the top score {top:.4g} = {drop_off * top:.4g}"
    return f"no {'' if first else 'other '}paper shares a term with the theme"


def _first_rejecting_rule(position: int, score: float, top: float, *, top_k: int, min_score: float | None,
                          drop_off: float | None) -> Rule | None:
    if position >= top_k:
        return "top-k"
    if min_score is not None and score < min_score:
        return "min-score"
    if drop_off is not None and score < drop_off * top:
        return "drop-off"
    if score <= 0:
        return "no-match"
    return None
