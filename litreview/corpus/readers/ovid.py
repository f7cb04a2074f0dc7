"""Ovid's tagged exports: MEDLINE, Embase, PsycINFO, Journals@Ovid ... searched on Ovid and exported as "Citavi" or
"Reference Manager" (.ovd), "EndNote" (.cgi) or text, with its e-mailed alerts, parsed record by record by rispy.

A record opens with its number ("<12. >", "<3>"), then "VN  - Ovid Technologies"; a tag is two or three capitals
padded before "- " (PsycINFO's text pads with one space, and some exports indent every line), and an indented line
goes on with the tag before it. Field tags differ between databases (ospguides.ovid.com): the year is YR, the DOI
DO or DI, the authors AU as each database writes names ("Behan L.", "Smith JA", "Kobori, Osamu", "Zhang, Weijia
1,2,+").
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords, Problem
from litreview.corpus.readers.fields import doi_from, last_first, prose_text, split_keywords, year_from
from litreview.corpus.readers.ris import TaggedParser, rispy_papers

_RECORD_NUMBER = re.compile(r"^\s*<\d+\.?\s*>\s*$")  # "<3001. >", an alert's "<13>"
_TAG_LINE = re.compile(r"^ ?([A-Z][A-Z0-9]{1,4}) {1,2}- ?")  # one space before at most: an indented line goes on
_OPENS = "REC  - "  # the line each record is handed to rispy after: its START_TAG (rispy needs one)
# Ovid's own label after a title ("[References]", "[Article]", "[Miscellaneous]"); not a translated title in brackets
_TITLE_LABEL = re.compile(r"\.?\s*\[[A-Z][a-z]+(?: [A-Z][a-z]+)*\]\.?$")
_QUOTED = re.compile(r'^"(?P<title>[^"]+)"\.?$')  # Journals@Ovid: "\"Injury, Illness, and Work Restriction ...\"."
_ARTICLE_AFTER = re.compile(r"^(?P<head>[^:]+?), (?P<article>A|An|The)(?=:|$)")  # Books@Ovid: "Review of Natural Products, The"
# What follows a name: affiliation numbers and marks ("1,2,+"), a role ("[Inventor, Reprint Author]"), degrees
_AFTER_A_NAME = re.compile(r"(?:\s*\[.*|[\s\d,+*]+|,?\s+(?:Ph\.?\s?D|M\.?D|[BM]Sc|[BM]A|MPH|MB|FACSM|RN)\b.*|(?<=[a-z]{3})\.)$")
# Where a source's journal ends: at ". " ("Forest Ecology & Management. 201(2-3):327-334, 2004."), or before its
# date and volume ("ACSM'S Health & Fitness Journal January/February 2010;14(1):56", "Journal of Political Studies 12,
# Winter 2007: 7-14")
_JOURNAL_END = re.compile(r"\.\s|\s+(?:[A-Z][a-z]+(?:/[A-Z][a-z]+)?\s+)?\d{4};|,?\s+\d+\s*[,(:;]")
# A chapter's source names its editors, then its book: "Kamp, R. M. [Editor], ... . Methods in proteome analysis.:371",
# "Neenan, Michael [Ed]; Palmer, Stephen [Ed]. (2012). Cognitive behavioural coaching in practice: An ... approach. (pp."
_BOOK_AFTER_EDITORS = re.compile(r".*\[Ed(?:itor|\.)?[^\]]*\][.;,\s]*(?:\(\d{4}\)\.\s*)?(?P<book>.+?)\.(?:\s|:|$)")
# What Ovid's databases add to an abstract: where it came from, its sections joined with "., " ("lost work., Materials
# and Methods: The study ...")
_SOURCE_MARK = re.compile(r"\s*\[[A-Z](?:, abr\.)?\]$")  # International Political Science Abstracts: "[R, abr.]"
_FROM_THE = re.compile(r"^\(from the (?:chapter|book|journal|preface|introduction)\)\s*", re.IGNORECASE)
_JOINED_SECTION = re.compile(r"\.,\s+(?=[A-Z][A-Za-z ]{2,40}:\s|Copyright\b|\([Cc]\)\s)")
_ENTRY_TYPES = {"book": "book", "book chapter": "incollection", "chapter": "incollection",
                "conference abstract": "inproceedings", "conference paper": "inproceedings",
                "conference proceeding": "inproceedings", "dissertation": "phdthesis",
                "dissertation abstract": "phdthesis", "patent": "misc", "report": "techreport",
                "technical report": "techreport"}


class OvidParser(TaggedParser):
    """rispy's parser for Ovid's tags (the tags read, named as litreview uses them)."""

    TAG_LINE = _TAG_LINE  # which reads the line each record opens with, _OPENS, as the tag REC
    START_TAG = "REC"
    DEFAULT_MAPPING: ClassVar[dict[str, str]] = {
        "REC": "record", "DB": "database", "UI": "accession", "PM": "pmid", "TI": "title", "AB": "abstract", "AU": "authors",
        "YR": "year", "DP": "date", "SO": "source", "JT": "journal", "DO": "doi", "DI": "doi_other", "PT": "types",
        "DT": "document_types", "KW": "keywords", "ID": "identifiers", "MH": "headings",
    }
    DEFAULT_LIST_TAGS: ClassVar[list[str]] = ["AU", "PT", "DT", "KW", "ID", "MH"]


def read(text: str, path: str) -> FileRecords:
    """Every record of an Ovid export, in file order, each pointing at its first line; a record rispy cannot read is
    reported and skipped."""
    problems: list[Problem] = []
    papers = rispy_papers(_records(text.lstrip("\ufeff").split("\n")), OvidParser, _paper, path, problems,
                          hint="export the records from Ovid again (Export, format Citavi or EndNote, "
                               "fields Complete Reference)")
    return FileRecords(path=path, format="ovid", papers=papers, problems=problems)


def _records(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(first line, its lines for rispy) for each record: one opens at its number, or at "VN" where numbers were left
    out, and ends where the next opens."""
    records: list[tuple[int, list[str]]] = []
    numbered = False
    for number, line in enumerate(lines, 1):
        opens_here = _RECORD_NUMBER.match(line)
        if opens_here or (line.lstrip().startswith("VN ") and not numbered):
            records.append((number, [_OPENS]))
        numbered = bool(opens_here)
        if records and line.strip() and not opens_here:
            records[-1][1].append(line)
    return [(number, [*lines, "ER  - "]) for number, lines in records]


def _paper(record: dict[str, Any], path: str, line: int) -> Paper:
    """The paper of one rispy record of Ovid's tags."""
    source = (record.get("source") or "").strip()
    medline = "MEDLINE" in (record.get("database") or "")
    pmid = (record.get("pmid") or (record.get("accession") if medline else "") or "").strip()
    kinds = [kind.strip().lower() for kind in (*record.get("types", []), *record.get("document_types", []))]
    names = [_AFTER_A_NAME.sub("", name) for name in record.get("authors", [])]
    abstract = _SOURCE_MARK.sub("", record.get("abstract") or "")  # PsycINFO's rights: corpus.database_notes
    abstract = _JOINED_SECTION.sub(". ", _FROM_THE.sub("", abstract))
    return Paper(
        title=prose_text(_title(record.get("title") or "")),
        abstract=prose_text(abstract or None),
        authors=tuple(last_first(name, vancouver=True) for name in names if name),
        year=year_from(record.get("year")) or year_from(record.get("date")) or year_from(source),
        venue=_venue(record.get("journal"), source),
        doi=doi_from(record.get("doi")) or doi_from(record.get("doi_other")),
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid.isdigit() else None,
        keywords=tuple(dict.fromkeys(word for word in _keywords(record) if word)),
        entry_type=next((_ENTRY_TYPES[kind] for kind in kinds if kind in _ENTRY_TYPES), "article"),
        origins=(Origin(path=path, line=line),),
    )


def _title(said: str) -> str | None:
    """A title without Ovid's label, quotes, or article put last."""
    title = _TITLE_LABEL.sub("", said).strip()
    quoted = _QUOTED.match(title)
    title = quoted["title"] if quoted else title
    return _ARTICLE_AFTER.sub(r"\g<article> \g<head>", title) or None


def _venue(journal: str | None, source: str) -> str | None:
    """The journal, or the book a chapter is in, as the record's source names it."""
    book = _BOOK_AFTER_EDITORS.match(source)
    venue = journal or (book["book"] if book else _JOURNAL_END.split(source, maxsplit=1)[0])
    return venue.strip(" .") or None


def _keywords(record: dict[str, Any]) -> list[str]:
    """Author keywords (KW, PsycINFO's ID), then subject headings without their major mark and subheading."""
    listed = [word for value in (*record.get("keywords", []), *record.get("identifiers", []))
              for word in split_keywords(value)]
    return listed + [heading.lstrip("*").split("/")[0].strip() for heading in record.get("headings", [])]
