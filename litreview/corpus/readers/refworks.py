"""RefWorks' tagged format: what RefWorks, CNKI and Wanfang export as "RefWorks" (a .txt), parsed record by record by
rispy. Read as a listing, each of its lines had been a paper ("RT Journal Article", "A1 Willighagen, Lars G.").

A record opens with "RT" and its kind; a tag is two capitals (or a capital and a digit) and a space; a line that
starts with a space goes on with the tag before it (CNKI's English keywords under its Chinese ones). Authors come
one to an "A1" line (RefWorks) or several to a line, each ended by ";" (CNKI: "A1 张晓庆;邵波;").
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords, Problem
from litreview.corpus.readers.fields import doi_from, prose_text, split_keywords, year_from
from litreview.corpus.readers.ris import TaggedParser, rispy_papers

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]) (?=\S)")
_OPENS = re.compile(r"^RT (?=\S)")
_LOOKS_LIKE = re.compile(r"^\ufeff?\s*RT [A-Z][a-z]+.*\n(?:SR |ID |A1 |T1 )")
_ENTRY_TYPES = {"journal article": "article", "magazine article": "article", "newspaper article": "article",
                "book, whole": "book", "book, section": "incollection", "book, edited": "book",
                "conference proceedings": "inproceedings", "dissertation/thesis": "phdthesis",
                "dissertation": "phdthesis", "report": "techreport"}


class RefWorksParser(TaggedParser):
    """rispy's parser for RefWorks' tags (the tags read, named as litreview uses them)."""

    TAG_LINE = _TAG_LINE
    START_TAG = "RT"
    DEFAULT_MAPPING: ClassVar[dict[str, str]] = {
        "RT": "kind", "A1": "authors", "T1": "title", "JF": "journal", "JO": "journal_abbreviation", "T2": "secondary",
        "YR": "year", "FD": "date", "AB": "abstract", "K1": "keywords", "DO": "doi", "UL": "url", "ID": "id",
    }
    DEFAULT_LIST_TAGS: ClassVar[list[str]] = ["A1", "K1", "UL"]


def looks_like_refworks(text: str) -> bool:
    """Whether `text` opens as RefWorks' tagged format does: "RT Journal Article", then a tag."""
    return bool(_LOOKS_LIKE.match(text[:2000]))


def read(text: str, path: str) -> FileRecords:
    """Every record, in file order, each pointing at its "RT" line; one rispy cannot read is reported and skipped."""
    lines = text.lstrip("\ufeff").split("\n")
    starts = [n for n, line in enumerate(lines) if _OPENS.match(line)]
    records = [(start + 1, [*(line for line in lines[start:end] if line.strip()), "ER end"])  # the end rispy needs
               for start, end in zip(starts, [*starts[1:], len(lines)])]
    problems: list[Problem] = []
    papers = rispy_papers(records, RefWorksParser, _paper, path, problems,
                          hint="export the records again in RefWorks' tagged format (or as RIS)")
    return FileRecords(path=path, format="refworks", papers=papers, problems=problems)


def _paper(record: dict[str, Any], path: str, line: int) -> Paper:
    """The paper of one rispy record of RefWorks' tags."""
    authors = [name.strip() for said in record.get("authors", []) for name in said.split(";") if name.strip()]
    urls = record.get("url", [])
    return Paper(
        title=prose_text(record.get("title")),
        abstract=prose_text(record.get("abstract")),
        authors=tuple(authors),
        year=year_from(record.get("year")) or year_from(record.get("date")),
        venue=(record.get("journal") or record.get("journal_abbreviation") or record.get("secondary") or "").strip()
        or None,
        doi=doi_from(record.get("doi")),
        url=urls[0] if urls else None,
        keywords=tuple(word for said in record.get("keywords", []) for word in split_keywords(said.replace("；", ";"))),
        entry_type=_ENTRY_TYPES.get((record.get("kind") or "").strip().lower(), "misc"),
        origins=(Origin(path=path, line=line),),
    )
