"""A record of EndNote's XML export (File, Export, "XML"; Zotero writes it too): `<record>`, a field's text in one or
more `<style>` runs (a title set partly in italics is several), authors one an element, no citation keys.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers.fields import (
    ENDNOTE_TYPES,
    doi_from,
    last_first,
    prose_text,
    year_from,
)
from litreview.corpus.readers.fields import element_text as _text


def paper(record: ElementTree.Element, path: str, line: int) -> Paper:
    """The paper of one `<record>` of EndNote's XML export (read by `xmlexports`)."""
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
        entry_type=ENDNOTE_TYPES.get(kind.get("name", "") if kind is not None else "", "article"),
        origins=(Origin(path=path, line=line),),
    )

