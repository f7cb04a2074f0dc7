"""What a paper gained beyond its record: fields fetched from scholarly APIs, and excerpts of its attached PDF."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class FieldSource(BaseModel):
    """Where one fetched field came from: `openalex:W2741809807`, asked by `doi:10.1145/...` on a date."""

    model_config = ConfigDict(frozen=True)

    field: str  # "abstract", "doi" or "arxiv"
    source: str  # "arxiv", "openalex", "crossref" or "semanticscholar"
    id: str  # the record's id at that source
    via: str  # the identifier the lookup used: "doi:...", "arxiv:..." or "title"
    date: str  # ISO date of the lookup

    def label(self) -> str:
        """The value of the `<field>-source` BibTeX field: `openalex:W1 via doi:10.1/x on 2026-11-28`."""
        return f"{self.source}:{self.id} via {self.via} on {self.date}"


class Excerpt(BaseModel):
    """A passage of a paper's attached PDF kept for its summary: the section it sits in and its page."""

    model_config = ConfigDict(frozen=True)

    page: int
    section: str
    text: str
