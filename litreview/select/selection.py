"""What ranking produces: the selected papers with their scores, the cut that was applied, the judge's report."""

from __future__ import annotations

from pydantic import BaseModel

from litreview.corpus.paper import Paper
from litreview.select.cut import Rule


class Scored(BaseModel):
    """One selected paper: its rank (1 = best), score, and the LLM's grade and reason when judged."""

    rank: int
    key: str
    score: float
    paper: Paper
    included: bool = False
    grade: int | None = None
    reason: str | None = None


class Cut(BaseModel):
    """The rules applied to the ranked list, what each filtered out, and which rule ended the list."""

    top_k: int
    min_score: float | None
    drop_off: float | None
    year_from: int | None
    year_to: int | None
    corpus_size: int
    excluded: list[str]
    outside_years: int
    without_year: int
    matched: int
    kept: int
    included: list[str]
    rule: Rule
    reason: str
    notices: list[str] = []  # errata, corrections and retractions (`select.notices`), left out unless included
    front_matter: list[str] = []  # proceedings title pages, contents and topic lists (`select.notices`), the same


class JudgeReport(BaseModel):
    """What the LLM judge did: how many papers it graded, which failed (with why), which fell below min_grade."""

    model: str
    prompt_version: str
    judged: int
    min_grade: int | None = None
    dropped: list[str] = []
    failed: list[str] = []


class Selection(BaseModel):
    """The papers kept for a theme, best first, with the cut that was applied and how scores were made."""

    theme: str
    considered: int
    scoring: str
    cut: Cut
    selected: list[Scored]
    expansion: list[str] = []
    judge: JudgeReport | None = None

    @property
    def keys(self) -> list[str]:
        return [scored.key for scored in self.selected]
