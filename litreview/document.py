"""The draft: everything a template needs to render a related-work section, and everything a script needs."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from litreview.corpus.paper import Paper
from litreview.summarize.schema import PaperSummary
from litreview.warning import DraftWarning
from litreview.write.schema import Section

__all__ = ["Draft", "DraftWarning", "SelectedPaper", "Section"]


class SelectedPaper(BaseModel):
    """A paper of the selection with its relevance to the theme."""

    rank: int
    key: str
    score: float
    grade: int | None = None
    reason: str | None = None


class Draft(BaseModel):
    """A related-work section for one theme: selection, summaries, sections, warnings and usage."""

    theme: str
    engine: str  # "offline" or "llm:<model>"
    considered: int
    selection: list[SelectedPaper]
    papers: dict[str, Paper]
    summaries: dict[str, PaperSummary]
    sections: list[Section]
    warnings: list[DraftWarning] = []
    usage: dict[str, Any] = {}
    # Where the papers' text came from: counts (corpus_abstract, fetched_abstract by source, fulltext, title_only)
    # and, per summary, where each evidence quote was found ("abstract", "title", "page 3").
    texts: dict[str, Any] = {}
    evidence_sources: dict[str, list[str | None]] = {}

    def cited_keys(self) -> list[str]:
        """Keys cited anywhere in the prose, in order of first citation."""
        return list(dict.fromkeys(k for s in self.sections for sentence in s.sentences for k in sentence.keys))
