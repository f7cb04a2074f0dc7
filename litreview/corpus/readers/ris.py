"""RIS files (Zotero, EndNote, Mendeley, publisher exports), parsed record by record by rispy.

rispy silently skips what it does not recognise (a record without `TY`, a last record without
`ER`), so records are delimited here, where their line numbers are known, and each one is
handed to rispy on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar

from rispy import RisParser

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords, Problem
from litreview.corpus.readers.fields import (
    arxiv_from,
    doi_from,
    last_first,
    prose_text,
    year_from,
)
from litreview.errors import CorpusError

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: |$)")
# Rayyan writes some tags after another's value on one line: "DO  - 10.1038/x     LK  - https://...".
_JOINED_TAG = re.compile(r"\s{3,}(?=[A-Z][A-Z0-9]  - )")
_ENTRY_TYPES = {
    "JOUR": "article", "JFULL": "article", "EJOUR": "article", "MGZN": "article", "NEWS": "article",
    "CONF": "inproceedings", "CPAPER": "inproceedings", "BOOK": "book", "EBOOK": "book",
    "CHAP": "incollection", "ECHAP": "incollection", "THES": "phdthesis", "RPRT": "techreport",
}


def read(text: str, path: str) -> FileRecords:
    """Every record of a RIS file, in file order, each pointing at its `TY` line; lines outside a record
    and records rispy cannot read are reported and skipped."""
    problems: list[Problem] = []
    records = _records(text.lstrip("\ufeff").split("\n"), path, problems)
    if not records and text.strip() and not problems:
        raise CorpusError(path, 1, "no RIS records found",
                          hint="a RIS record starts with a line 'TY  - JOUR' and ends with 'ER  - '")
    papers = rispy_papers(records, RisParser, _paper, path, problems,
                          hint="check the record's tags ('XY  - value') or export the file again")
    return FileRecords(path=path, format="ris", papers=papers, problems=problems)


class TaggedParser(RisParser):
    """rispy's parser for a tagged format of another kind (MEDLINE, Ovid, RefWorks): `TAG_LINE` finds a line's tag, and
    a line without one goes on with the tag before it; tags not mapped are skipped."""

    TAG_LINE: ClassVar[re.Pattern[str]]

    def __init__(self) -> None:
        super().__init__(skip_unknown_tags=True)

    def parse_line(self, line: str) -> tuple[str, str] | tuple[None, str]:
        match = self.TAG_LINE.match(line)
        return (match.group(1), line[match.end():].strip()) if match else (None, line.strip())


def rispy_papers(records: list[tuple[int, list[str]]], parser: type[RisParser],
                 paper: Callable[[dict[str, Any], str, int], Paper], path: str, problems: list[Problem], *,
                 hint: str) -> list[Paper]:
    """The `paper` of each record (its first line, its lines) as `parser` reads it; one it cannot read is a problem,
    with `hint`, and the records after it are still read."""
    papers = []
    for line, lines in records:
        try:
            papers.append(paper(parser().parse_lines(iter(lines))[0], path, line))
        except Exception as error:  # rispy raises plain exceptions (IndexError, ValueError) on odd tags
            problems.append(Problem(origin=Origin(path=path, line=line), outcome="record skipped",
                                    message=f"record cannot be read ({type(error).__name__}: {error})", hint=hint))
    return papers


def _records(lines: list[str], path: str, problems: list[Problem]) -> list[tuple[int, list[str]]]:
    """(line of `TY`, lines up to and including `ER`) for each record, one tag a line; `ER` may be missing."""
    records: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    orphan = False  # inside tag lines that no `TY` opened: one problem for all of them, up to their `ER`
    for number, line in ((number, part) for number, joined in enumerate(lines, 1) for part in _JOINED_TAG.split(joined)):
        name = _tag(line)
        if name == "TY":  # also ends a record that lacks its `ER` line
            current, orphan = [line], False
            records.append((number, current))
        elif current is not None:
            current.append(line)
            if name == "ER":
                current = None
        elif name == "ER":
            orphan = False
        elif name is not None and not orphan:
            orphan = True
            problems.append(Problem(origin=Origin(path=path, line=number),
                                    message=f"'{name}  - ' line outside a record", outcome="lines up to the next 'ER  - ' skipped",
                                    hint="start each record with a line 'TY  - <type>'"))
    return [(number, record if _tag(record[-1]) == "ER" else [*record, "ER  - "]) for number, record in records]


def _tag(line: str) -> str | None:
    """The tag of a `XY  - value` line, None for a continuation line."""
    match = _TAG_LINE.match(line)
    return match.group(1) if match else None


def _citable_id(record_id: str | None) -> str | None:
    """A record's ID as its citation key; not EndNote's record number ("ID  - 904"), which no one cites by: such a
    record gets a key made from its authors, year and title, as one without an ID does."""
    return None if record_id is None or record_id.strip().isdigit() else record_id


def _paper(record: dict[str, Any], path: str, line: int) -> Paper:
    """The paper of one rispy record."""
    urls = record.get("urls") or []
    doi = doi_from(record.get("doi"), urls[0] if urls else None)
    venue = _first(record, "secondary_title", "journal_name", "alternate_title3", "alternate_title1", "publisher")
    return Paper(
        key=_citable_id(_first(record, "id")),
        title=prose_text(_first(record, "title", "primary_title")),
        abstract=prose_text(_first(record, "abstract", "notes_abstract")),
        authors=tuple(map(last_first, _unique([*record.get("authors", []), *record.get("first_authors", [])]))),
        year=year_from(_first(record, "year", "publication_year", "date") or _early_access(record)),
        venue=venue,
        doi=doi,
        arxiv=arxiv_from(None, *urls, doi, venue),
        url=urls[0] if urls else None,
        keywords=tuple(word for word in record.get("keywords", []) if word),
        entry_type=_ENTRY_TYPES.get(record.get("type_of_reference", ""), "misc"),
        origins=(Origin(path=path, line=line),),
    )


# Web of Science's RIS gives an article online before its issue no PY, only "C6  - SEP 2022", its early access date
_EARLY_ACCESS = re.compile(r"(?:[A-Z]{3}\s)?\d{4}")


def _early_access(record: dict[str, Any]) -> str | None:
    """The early access date of a Web of Science record (C6, which other exporters use for other things)."""
    said = _first(record, "custom6")
    from_wos = str(record.get("accession_number", "")).startswith("WOS:")
    return said if said and from_wos and _EARLY_ACCESS.fullmatch(said) else None


def _first(record: dict[str, Any], *names: str) -> str | None:
    """The first non-blank value among `names`."""
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _unique(names: list[str]) -> list[str]:
    """Names in order without repeats or blanks (Zotero may write an author as both AU and A1)."""
    seen: dict[str, None] = {}
    for name in names:
        if name.strip():
            seen.setdefault(name.strip(), None)
    return list(seen)
