"""EndNote's XML export (File, Export, "XML"; Zotero writes it too): `<xml><records><record>`, a field's text in one
or more `<style>` runs (a title set partly in italics is several), authors one an element, no citation keys.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords
from litreview.corpus.readers.fields import doi_from, last_first, prose_text, year_from
from litreview.errors import CorpusError, NotABibliography

_HINT = "export the library again from EndNote (File, Export, type XML) or as RIS"
# EndNote's reference types that are no journal article (the name its export gives each).
_ENTRY_TYPES = {"Conference Proceedings": "inproceedings", "Conference Paper": "inproceedings", "Book": "book",
                "Edited Book": "book", "Book Section": "incollection", "Thesis": "phdthesis", "Report": "techreport",
                "Web Page": "misc", "Dataset": "misc", "Generic": "misc"}
_RECORD_TAG = re.compile(r"<record[\s/>]")


def read(text: str, path: str) -> FileRecords:
    """Every record of an EndNote XML export, in file order, each pointing at the line its `<record>` opens on
    (EndNote writes the whole file on one line; Zotero a record over many)."""
    try:
        root = ElementTree.fromstring(text.lstrip("\ufeff"))
    except ElementTree.ParseError as error:  # a tag never closed, a stray "&"
        line, _ = error.position
        raise CorpusError(path, line, f"not well-formed XML ({str(error).split(':')[0]})", hint=_HINT) from None
    records = root.find("records")
    if root.tag != "xml" or records is None:
        raise NotABibliography(path, 1, f"XML, but not an EndNote export (its outermost element is <{root.tag}>)",
                               hint=_HINT)
    lines, line, at = [], 1, 0
    for tag in _RECORD_TAG.finditer(text):
        line += text.count("\n", at, tag.start())
        lines.append(line)
        at = tag.start()
    elements = list(records.iter("record"))
    lines += [1] * (len(elements) - len(lines))  # a "<record" in a comment or CDATA makes no record: line 1, not lost
    papers = [_paper(record, path, line) for record, line in zip(elements, lines)]
    return FileRecords(path=path, format="endnote-xml", papers=papers)


def _paper(record: ElementTree.Element, path: str, line: int) -> Paper:
    """The paper of one `<record>`."""
    kind = record.find("ref-type")
    urls = [_text(url) for url in record.iterfind("urls/related-urls/url")]
    return Paper(
        title=prose_text(_text(record.find("titles/title"))),
        abstract=prose_text(_text(record.find("abstract"))),
        authors=tuple(last_first(name) for name in map(_text, record.iterfind("contributors/authors/author")) if name),
        year=year_from(_text(record.find("dates/year")) or _text(record.find("dates/pub-dates/date"))),
        venue=_text(record.find("titles/secondary-title")) or _text(record.find("periodical/full-title")) or None,
        doi=doi_from(_text(record.find("electronic-resource-num")), next((url for url in urls if url), None)),
        url=next((url for url in urls if url), None),
        keywords=tuple(dict.fromkeys(word for word in map(_text, record.iterfind("keywords/keyword")) if word)),
        entry_type=_ENTRY_TYPES.get(kind.get("name", "") if kind is not None else "", "article"),
        origins=(Origin(path=path, line=line),),
    )


def _text(element: ElementTree.Element | None) -> str:
    """All the text of `element`, its `<style>` runs joined, whitespace collapsed; "" when there is none."""
    return " ".join("".join(element.itertext()).split()) if element is not None else ""
