"""Provenance read back from an enriched .bib: `abstract-source = {openalex:W1 via doi:10.1/x on 2026-11-28}`."""

from __future__ import annotations

import re

from litreview.corpus.fetched import FieldSource
from litreview.corpus.paper import Paper

_TAIL = 600  # characters: the three -source fields enrich can add, with room for the closing lines
_SOURCE_FIELD = re.compile(
    r"""\b(abstract|doi|arxiv)-source\s*=\s*[{"]\s*([a-z]+):(\S+)\s+via\s+(\S+)\s+on\s+(\d{4}-\d\d-\d\d)\s*[}"]""",
    re.IGNORECASE)


def with_recorded_sources(papers: list[Paper]) -> list[Paper]:
    """Papers with the provenance their BibTeX entries record (an earlier `litreview enrich` wrote it).

    Applied where provenance is shown (corpus JSON, the draft's selected papers), not on every load: `enrich`
    writes the `-source` fields last in the entry, so only each entry's tail is searched; returns `papers` itself
    when none records any.
    """
    if not any(_records_sources(paper) for paper in papers):
        return papers
    return [_recorded(paper) if _records_sources(paper) else paper for paper in papers]


def _records_sources(paper: Paper) -> bool:
    return bool(paper.bibtex) and "-source" in paper.bibtex[-_TAIL:]  # type: ignore[index]


def _recorded(paper: Paper) -> Paper:
    assert paper.bibtex is not None
    found = tuple(FieldSource(field=m.group(1).lower(), source=m.group(2).lower(), id=m.group(3), via=m.group(4),
                              date=m.group(5)) for m in _SOURCE_FIELD.finditer(paper.bibtex))
    known = {s.field for s in paper.provenance}
    added = tuple(s for s in found if s.field not in known)
    return paper.model_copy(update={"provenance": paper.provenance + added}) if added else paper
