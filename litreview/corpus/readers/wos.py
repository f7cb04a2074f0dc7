"""Web of Science exports: its plain text (`savedrecs.txt`, `.ciw`: two-letter tags, a record from `PT` to `ER`,
lines that start with spaces going on with the tag before them, one author a line) parsed record by record by
rispy's reader for it; and its tab-delimited text (a header row of the same tags, a record a row, authors
separated by "; ").
"""

from __future__ import annotations

import csv
import io
from typing import Any

from rispy import WokParser

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords, Problem
from litreview.corpus.readers.fields import doi_from, prose_text, year_from
from litreview.corpus.readers.ris import rispy_papers
from litreview.errors import CorpusError

_HINT = "export the records from Web of Science again (Export, Plain text file or Tab delimited file)"
# Web of Science's document types that are no journal article ("Article", "Review", "Editorial Material" are).
_ENTRY_TYPES = {"proceedings paper": "inproceedings", "book": "book", "book chapter": "incollection"}
# The tab-delimited header's tags whose values list several, and how WoS's reader names each (as rispy does).
_LISTED = {"AU": "authors", "AF": "author_full_name"}


class _WokParser(WokParser):
    """rispy's reader of Web of Science's tags, passing over those it has no name for: Web of Science adds tags
    ("WE", its edition, on every record of a current export; "C3"), and rispy raises KeyError on one it lacks."""

    def __init__(self) -> None:
        super().__init__(skip_unknown_tags=True)


def read(text: str, path: str) -> FileRecords:
    """Every record of a Web of Science export, plain or tab-delimited, in file order, each pointing at its first
    line; a record that cannot be read is reported and skipped."""
    text = text.lstrip("\ufeff")
    problems: list[Problem] = []
    if text.startswith("PT\t"):
        papers = [_paper(record, path, line) for line, record in _rows(text, path)]
    else:
        papers = rispy_papers(_records(text.split("\n"), path), _WokParser, _paper, path, problems, hint=_HINT)
    return FileRecords(path=path, format="web-of-science", papers=papers, problems=problems)


def _records(lines: list[str], path: str) -> list[tuple[int, list[str]]]:
    """(line of `PT`, its lines up to its `ER`) for each record: a record without its `ER` ends where the next
    begins."""
    records: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    for number, line in enumerate(lines, 1):
        if line.startswith("PT "):
            current = [line]
            records.append((number, current))
        elif current is not None and line.strip():
            current.append(line)
            if line.rstrip() == "ER":
                current = None
    if not records:
        raise CorpusError(path, 1, "no Web of Science records found", hint="a record starts with a line 'PT J'")
    return [(number, record if record[-1].rstrip() == "ER" else [*record, "ER"]) for number, record in records]


def _rows(text: str, path: str) -> list[tuple[int, dict[str, Any]]]:
    """(line, record named as WoS's plain-text reader names it) for each row of a tab-delimited export."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    try:
        header = [tag.strip() for tag in next(reader)]
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            values = {tag: cell.strip() for tag, cell in zip(header, row) if cell.strip()}
            record: dict[str, Any] = {WokParser.DEFAULT_MAPPING[tag]: value for tag, value in values.items()
                                      if tag in WokParser.DEFAULT_MAPPING}
            for tag, name in _LISTED.items():
                record[name] = [part.strip() for part in values.get(tag, "").split(";") if part.strip()]
            rows.append((reader.line_num, record))
    except csv.Error as error:  # a NUL byte
        raise CorpusError(path, reader.line_num + 1, f"not a tab-delimited line ({error})", hint=_HINT) from None
    return rows


def _paper(record: dict[str, Any], path: str, line: int) -> Paper:
    """The paper of one Web of Science record."""
    keywords = [word.strip() for name in ("author_keywords", "keywords_plus")
                for word in (record.get(name) or "").split(";") if word.strip()]
    kind = (record.get("document_type") or "").split(";")[0].strip().lower()
    return Paper(
        title=prose_text(record.get("document_title")),
        abstract=prose_text(record.get("abstract")),
        authors=tuple(record.get("author_full_name") or record.get("authors") or ()),
        year=year_from(record.get("publication_year") or record.get("early_access_year")),
        venue=(record.get("publication_name") or "").strip() or None,
        doi=doi_from(record.get("doi")),
        keywords=tuple(dict.fromkeys(keywords)),
        entry_type=_ENTRY_TYPES.get(kind, "article" if record.get("publication_type") == "J" else "misc"),
        origins=(Origin(path=path, line=line),),
    )
