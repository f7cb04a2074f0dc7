"""XML exports, known by their outermost element: EndNote's (`<xml><records>`, also Zotero's "EndNote XML") and
PubMed's (`<PubmedArticleSet>`, as E-utilities' efetch gives it); parsed once by the standard library, each record
pointing at the line it opens on.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from litreview.corpus.readers import FileRecords, endnote, pubmed_xml
from litreview.errors import CorpusError, NotABibliography

_HINT = "export the records again: from EndNote (File, Export, type XML) or PubMed (efetch, retmode=xml); or as RIS"


def read(text: str, path: str) -> FileRecords:
    """Every record of an EndNote or PubMed XML export, in file order."""
    try:
        root = ElementTree.fromstring(text.lstrip("\ufeff"))
    except ElementTree.ParseError as error:  # a tag never closed, a stray "&"
        line, _ = error.position
        raise CorpusError(path, line, f"not well-formed XML ({str(error).split(':')[0]})", hint=_HINT) from None
    library = root.find("records") if root.tag == "xml" else None
    if library is not None:
        records = list(library.iter("record"))
        lines = opening_lines(text, "record", len(records))
        return FileRecords(path=path, format="endnote-xml",
                           papers=[endnote.paper(record, path, line) for record, line in zip(records, lines)])
    if root.tag == "PubmedArticleSet":
        records = [element for element in root if element.tag in ("PubmedArticle", "PubmedBookArticle")]
        lines = opening_lines(text, "PubmedArticle|PubmedBookArticle", len(records))
        return FileRecords(path=path, format="pubmed-xml",
                           papers=[pubmed_xml.paper(record, path, line) for record, line in zip(records, lines)])
    raise NotABibliography(path, 1, f"XML, but not an EndNote or PubMed export (its outermost element is <{root.tag}>)",
                           hint=_HINT)


def opening_lines(text: str, tags: str, count: int) -> list[int]:
    """The line each of `count` elements named by `tags` (a regex alternation) opens on, in order (EndNote writes a
    whole file on one line: all 1); a line is 1 for any the text's tags do not account for (one inside a comment
    would shift them, never lose a record)."""
    lines, line, at = [], 1, 0
    for tag in re.finditer(rf"<(?:{tags})[\s/>]", text):
        line += text.count("\n", at, tag.start())
        lines.append(line)
        at = tag.start()
    return (lines + [1] * count)[:count]
