"""What every stage reports when it degrades visibly; a value of its own so that stages need not import the Draft."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class DraftWarning(BaseModel):
    """Something that degraded visibly: a dropped sentence, a fallback grouping, a paper not summarised."""

    stage: Literal["select", "summarize", "group", "write", "enrich", "fulltext"]
    message: str
    key: str | None = None
