"""A record of PubMed's XML (`<PubmedArticle>` of a `<PubmedArticleSet>`, as E-utilities' efetch and Biopython's
Entrez give it): the same fields as PubMed's own text format, a structured abstract's sections each with its label.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers.fields import doi_from, prose_text, year_from
from litreview.corpus.readers.fields import element_text as _text
from litreview.corpus.readers.medline import PUBLICATION_TYPES


def paper(record: ElementTree.Element, path: str, line: int) -> Paper:
    """The paper of one `<PubmedArticle>` (or `<PubmedBookArticle>`, a chapter of the NCBI Bookshelf)."""
    article = record.find("MedlineCitation/Article")
    book = record.find("BookDocument")
    part = article if article is not None else book if book is not None else record
    pmid = _text(record.find("MedlineCitation/PMID")) or _text(record.find("BookDocument/PMID"))
    types = [_text(kind) for kind in part.iterfind("PublicationTypeList/PublicationType")]
    return Paper(
        title=prose_text(_text(part.find("ArticleTitle")) or _text(part.find("Book/BookTitle"))),
        abstract=prose_text(" ".join(_section(text) for text in part.iterfind("Abstract/AbstractText"))),
        authors=tuple(filter(None, map(_name, part.iterfind("AuthorList/Author")))),
        year=year_from(_text(part.find("Journal/JournalIssue/PubDate/Year"))
                       or _text(part.find("Journal/JournalIssue/PubDate/MedlineDate"))
                       or _text(part.find("ArticleDate/Year")) or _text(part.find("Book/PubDate/Year"))),
        venue=_text(part.find("Journal/Title")) or _text(part.find("Journal/ISOAbbreviation")) or None,
        doi=doi_from(next(iter(_texts(part, "ELocationID[@EIdType='doi']")
                               + _texts(record, "PubmedData/ArticleIdList/ArticleId[@IdType='doi']")), None)),
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid.isdigit() else None,
        keywords=tuple(dict.fromkeys(_texts(record, "MedlineCitation/KeywordList/Keyword")
                                     + _texts(record, "MedlineCitation/MeshHeadingList/MeshHeading/DescriptorName"))),
        entry_type="incollection" if book is not None else next(
            (PUBLICATION_TYPES[kind] for kind in types if kind in PUBLICATION_TYPES), "article"),
        origins=(Origin(path=path, line=line),),
    )


def _section(text: ElementTree.Element) -> str:
    """One `<AbstractText>`, after its label as PubMed's text format writes it ("METHODS: ..."); none for UNLABELLED."""
    label = text.get("Label", "")
    return f"{label}: {_text(text)}" if label and label.upper() != "UNLABELLED" else _text(text)


def _name(author: ElementTree.Element) -> str:
    """`Last, Fore` (`Last, I` without a fore name), or a collective name as it is."""
    last = _text(author.find("LastName"))
    first = _text(author.find("ForeName")) or _text(author.find("Initials"))
    return f"{last}, {first}" if last and first else last or _text(author.find("CollectiveName"))


def _texts(element: ElementTree.Element, path: str) -> list[str]:
    """The texts of the elements at `path` under `element`, blanks left out."""
    return [text for text in map(_text, element.iterfind(path)) if text]
