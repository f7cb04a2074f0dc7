"""Spreadsheet exports (`.csv`, `.tsv`): Scopus, Zotero, Rayyan, Covidence, Dimensions, Lens, OpenAlex, ASReview; a
header row naming the columns (Dimensions writes a line about the export above it), one record a row, read by the csv
module. A column is known by the names those tools give it ("Abstract", "Abstract Note", "Author full names",
OpenAlex's "display_name" ...); one holding a citation key gives the key (not Zotero's "Key", its item id, which no
.bib cites).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords, Problem
from litreview.corpus.readers.fields import (
    doi_from,
    last_first,
    prose_text,
    vancouver_list,
    year_from,
)
from litreview.errors import CorpusError, NotABibliography

# Each field, and the column names that hold it (lower case), the first found read first.
_COLUMNS = {
    "key": ("citation key", "citationkey", "citekey", "bibtex key"),
    "title": ("title", "article title", "document title", "primary title", "display_name"),  # the last: OpenAlex
    "abstract": ("abstract", "abstract note"),
    "authors": ("author full names", "authors", "author", "author/s", "author names",  # "author/s": Lens
                "authorships.author.display_name"),
    "year": ("year", "publication year", "published year", "pubyear", "publication_year", "date"),
    "venue": ("source title", "source title/anthology title", "publication title", "journal", "journal/book",
              "secondary title", "primary_location.source.display_name", "source"),  # Dimensions, PubMed, OpenAlex
    "doi": ("doi",),
    "url": ("link", "url"),
    "keywords": ("author keywords", "keywords", "manual tags", "index keywords", "keywords.display_name"),
    "type": ("document type", "item type", "publication type", "type", "document identifier"),  # the last: IEEE Xplore
}
_AUTHOR_ID = re.compile(r"\s*\(\d+\)$")  # Scopus's "Lytle, David A. (7004067856)"
# Document types of Scopus, Zotero and the rest that are no journal article.
_ENTRY_TYPES = {"conference paper": "inproceedings", "conferencepaper": "inproceedings",
                "proceedings paper": "inproceedings", "book": "book", "book chapter": "incollection",
                "book-chapter": "incollection", "booksection": "incollection", "thesis": "phdthesis",
                "dissertation": "phdthesis", "report": "techreport", "preprint": "misc", "dataset": "misc"}
# IEEE Xplore's "Document Identifier": "IEEE Journals", "IEEE Early Access Articles", "IET Conferences", "Wiley-IEEE Press
# eBook Chapters", "IEEE Standards" (a journal article where it names none of these)
_IEEE_TYPES = {"conferences": "inproceedings", "chapters": "incollection", "books": "book", "standards": "misc",
               "courses": "misc"}
_HEADER_WITHIN = 3  # rows the header is looked for in
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
_HINT = "export the records again as CSV with a header row (Title, Abstract, Authors, Year, DOI)"


def read(text: str, path: str) -> FileRecords:
    """Every row of a spreadsheet export, in file order, each pointing at its first line."""
    text = text.lstrip("\ufeff")
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    # a comma, a tab, or the semicolon a spreadsheet saved in a European locale writes: the one whose split finds the
    # header, tried most frequent in the first line first (Dimensions's line above its header lists criteria with ";")
    delimiters = ("\t",) if path.lower().endswith(".tsv") else sorted(",;\t", key=first.count, reverse=True)
    try:
        for delimiter in delimiters:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)  # a quoted cell may hold line breaks
            if (columns := _header(reader)) is not None:
                break
        else:
            raise NotABibliography(path, 1, "no column of titles or abstracts in the header row", hint=_HINT)
        papers, not_dois, start = [], [], reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                cells = {field: row[at].strip() if at is not None and at < len(row) else ""
                         for field, at in columns.items()}
                papers.append(_paper(cells, path, start))
                if cells["doi"] and papers[-1].doi is None:
                    not_dois.append((start, cells["doi"]))
            start = reader.line_num + 1
    except csv.Error as error:  # a NUL byte, a quote never closed
        raise CorpusError(path, reader.line_num, f"not a {_NAMES[delimiter]}-separated line ({error})",
                          hint=_HINT) from None
    problems = [_not_dois_problem(path, not_dois)] if not_dois else []
    return FileRecords(path=path, format="csv", papers=papers, problems=problems)


def _not_dois_problem(path: str, cells: list[tuple[int, str]]) -> Problem:
    """One problem for the DOI cells of a file that hold no DOI, at the first of them: a file that has one often has
    dozens (a Scopus export with Web of Science rows pasted in, 71), and a warning each would bury the rest."""
    named = ", ".join(f"line {line}: {value!r}" for line, value in cells[:3])
    more = f" and {len(cells) - 3} more" if len(cells) > 3 else ""
    hold = "cells hold" if len(cells) > 1 else "cell holds"
    return Problem(origin=Origin(path=path, line=cells[0][0]), skipped=False,
                   message=f"{len(cells)} DOI {hold} no DOI ({named}{more})",
                   outcome="read without a DOI", hint="check the columns of those rows (a DOI starts with \"10.\")")


def _header(reader: Iterator[list[str]]) -> dict[str, int | None] | None:
    """The column of each field, from the first of the first _HEADER_WITHIN rows that names a title or abstract column
    (Dimensions writes "About the data: Exported on ..." above its header); None when none does."""
    for _ in range(_HEADER_WITHIN):
        header = [name.strip().lower() for name in next(reader, [])]
        columns = {field: next((header.index(name) for name in names if name in header), None)
                   for field, names in _COLUMNS.items()}
        if columns["title"] is not None or columns["abstract"] is not None:
            return columns
    return None


def _paper(row: dict[str, str], path: str, line: int) -> Paper:
    """The paper of one row, its cells named by field."""
    authors = row["authors"]
    # "; " between names (Scopus, Lens, Dimensions), "|" (OpenAlex), " and " (BibTeX's, in Zotero's), ", " between
    # Vancouver names (PubMed: "Griffin DK, Larkin DM.")
    listed = re.split(r"\s*[;|]\s*", authors) if ";" in authors or "|" in authors else \
        vancouver_list(authors) or re.split(r"\s+and\s+", authors)
    return Paper(
        key=row["key"] or None,
        title=prose_text(row["title"]),
        abstract=prose_text(row["abstract"]) if row["abstract"] not in ("[No abstract available]", "") else None,
        authors=tuple(last_first(_AUTHOR_ID.sub("", name)) for name in listed if name.strip()),
        year=year_from(row["year"]),
        venue=row["venue"] or None,
        doi=doi_from(row["doi"], row["url"] or None),
        # Web of Science rows pasted into a Scopus export say "View Full Record in Web of Science" where a link goes
        url=row["url"] if re.match(r"(?:https?|ftp)://", row["url"]) else None,
        # "; " between keywords (Scopus, Zotero, Lens), "|" (OpenAlex)
        keywords=tuple(dict.fromkeys(word.strip() for word in re.split(r"[;|]", row["keywords"]) if word.strip())),
        entry_type=_entry_type(row["type"].lower()),
        origins=(Origin(path=path, line=line),),
    )


def _entry_type(kind: str) -> str:
    """The BibTeX entry type of a row's document type (lower case): a journal article unless it names another kind;
    `misc` where the export gives none."""
    return _ENTRY_TYPES.get(kind) or _IEEE_TYPES.get(kind.rsplit(" ", 1)[-1]) or ("article" if kind else "misc")
