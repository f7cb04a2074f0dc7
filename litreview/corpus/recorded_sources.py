"""Provenance read back from an enriched .bib: `abstract-source = {openalex:W1 via doi:10.1/x on 2026-11-28}`."""

from __future__ import annotations

import re

from litreview.corpus.fetched import FieldSource
from litreview.corpus.paper import Paper

_SOURCE_FIELD = re.compile(
    r"""\b(abstract|doi|arxiv)-source\s*=\s*[{"]\s*([a-z]+):(\S+)\s+via\s+(\S+)\s+on\s+(\d{4}-\d\d-\d\d)\s*[}"]""",
    re.IGNORECASE)


def with_recorded_sources(papers: list[Paper]) -> list[Paper]:
    """Papers with the provenance their BibTeX entries record (an earlier `litreview enrich` wrote it).

    Returns `papers` itself when no entry records any, so loading a plain .bib costs one substring scan.
    """
    if not any(paper.bibtex and "-source" in paper.bibtex for paper in papers):
        return papers
    return [_recorded(paper) if paper.bibtex and "-source" in paper.bibtex else paper for paper in papers]


def _recorded(paper: Paper) -> Paper:
    assert paper.bibtex is not None
    found = tuple(FieldSource(field=m.group(1).lower(), source=m.group(2).lower(), id=m.group(3), via=m.group(4),
                              date=m.group(5)) for m in _SOURCE_FIELD.finditer(paper.bibtex))
    known = {s.field for s in paper.provenance}
    added = tuple(s for s in found if s.field not in known)
    return paper.model_copy(update={"provenance": paper.provenance + added}) if added else paper
