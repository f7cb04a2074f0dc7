"""PubMed's own format (MEDLINE, `.nbib`; "Save as PubMed" gives it, often named .txt or .ris), parsed record by
record by rispy with PubMed's tags: `PMID- ` opens a record, a tag is up to four letters padded before `- `, and a
line that starts with spaces goes on with the tag before it.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords, Problem
from litreview.corpus.readers.fields import doi_from, last_first, prose_text, year_from
from litreview.corpus.readers.ris import TaggedParser, rispy_papers

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]{1,3}) *- ")
_DOI = re.compile(r"^(?P<doi>10\.\S+) \[doi\]$")
# Publication types (PT) that are no journal article: the rest of PubMed is.
PUBLICATION_TYPES = {"Book": "book", "Book Chapter": "incollection", "Preprint": "misc", "Dataset": "misc"}


class MedlineParser(TaggedParser):
    """rispy's parser for PubMed's tags (the tags read, named as litreview uses them)."""

    TAG_LINE = _TAG_LINE
    START_TAG = "PMID"
    DEFAULT_MAPPING: ClassVar[dict[str, str]] = {
        "PMID": "pmid", "TI": "title", "BTI": "book_title", "AB": "abstract", "FAU": "full_authors", "AU": "authors",
        "DP": "date", "LID": "location_ids", "AID": "article_ids", "JT": "journal", "TA": "journal_abbreviation",
        "PT": "publication_types", "OT": "other_terms", "MH": "mesh_terms",
    }
    DEFAULT_LIST_TAGS: ClassVar[list[str]] = ["FAU", "AU", "LID", "AID", "PT", "OT", "MH"]


def read(text: str, path: str) -> FileRecords:
    """Every record of a MEDLINE file, in file order, each pointing at its `PMID` line; a record rispy cannot read
    is reported and skipped."""
    problems: list[Problem] = []
    papers = rispy_papers(_records(text.lstrip("\ufeff").split("\n")), MedlineParser, _paper, path, problems,
                          hint="export the records from PubMed again (Save, format PubMed)")
    return FileRecords(path=path, format="medline", papers=papers, problems=problems)


def _records(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(line of `PMID`, its lines and an end tag for rispy) for each record: a record ends where the next begins."""
    records: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines, 1):
        if line.startswith("PMID-"):
            records.append((number, [line]))
        elif records and line.strip():
            records[-1][1].append(line)
    return [(number, [*lines, "ER  - "]) for number, lines in records]


def _paper(record: dict[str, Any], path: str, line: int) -> Paper:
    """The paper of one rispy record of PubMed's tags."""
    ids = [*record.get("location_ids", []), *record.get("article_ids", [])]
    doi = next((doi_from(found["doi"]) for found in map(_DOI.match, ids) if found), None)
    pmid = (record.get("pmid") or "").strip()
    types = record.get("publication_types", [])
    return Paper(
        title=prose_text(record.get("title") or record.get("book_title")),
        abstract=prose_text(record.get("abstract")),
        # full names, else (older records) Vancouver ones: "Lytle DA"
        authors=tuple(record.get("full_authors")
                      or (last_first(name, vancouver=True) for name in record.get("authors") or ())),
        year=year_from(record.get("date")),
        venue=(record.get("journal") or record.get("journal_abbreviation") or "").strip() or None,
        doi=doi,
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid.isdigit() else None,
        keywords=tuple(dict.fromkeys(term for term in (*record.get("other_terms", []), *record.get("mesh_terms", []))
                                     if term)),
        entry_type=next((PUBLICATION_TYPES[kind] for kind in types if kind in PUBLICATION_TYPES), "article"),
        origins=(Origin(path=path, line=line),),
    )
