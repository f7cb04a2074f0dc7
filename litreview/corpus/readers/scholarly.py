"""Works saved from a scholarly API's answer, as researchers save them with `curl` or a notebook: OpenAlex's
(`/works?search=...`: `{"meta": ..., "results": [work, ...]}`, a list of works, or one work a line as its snapshot
and `pyalex` write them), Semantic Scholar's (`/paper/search`: `{"total": ..., "data": [paper, ...]}`, a list of
papers, or a line each) and Crossref's (`/works?query=...`: `{"message": {"items": [work, ...]}}`). A work is told
by its fields: OpenAlex's `abstract_inverted_index` or `openalex.org` id, Semantic Scholar's `paperId`, Crossref's
`DOI` with its titles in a list. The fields shared with enrichment are read as enrichment reads them
(`sources.openalex.work`, `sources.semanticscholar.paper`, `sources.crossref.work`).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers.fields import arxiv_from, plain_text, prose_text
from litreview.corpus.sources import crossref, openalex, semanticscholar

# Where an answer's list of works opens: after `"results": [` (OpenAlex), `"data": [` (Semantic Scholar) or `"items": [`
# (Crossref), within the answer's first few thousand characters ("meta", "total", "facets" come first)
_WORKS = re.compile(r'^\s*\{.{0,4000}?"(?:results|data|items)"\s*:\s*(?=\[)', re.DOTALL)
_OPENALEX_TYPES = {"article": "article", "review": "article", "letter": "article", "editorial": "article",
                   "book": "book", "book-chapter": "incollection", "dissertation": "phdthesis", "preprint": "misc",
                   "report": "techreport", "dataset": "misc"}
_CROSSREF_TYPES = {"journal-article": "article", "proceedings-article": "inproceedings", "book-chapter": "incollection",
                   "book": "book", "monograph": "book", "edited-book": "book", "dissertation": "phdthesis",
                   "report": "techreport", "posted-content": "misc", "dataset": "misc"}
_SEMANTIC_SCHOLAR_TYPES = {"JournalArticle": "article", "Review": "article", "Conference": "inproceedings",
                           "Book": "book", "BookSection": "incollection", "Dataset": "misc"}


def works_start(text: str) -> int | None:
    """Where the list of works of an API answer (`{"results": [...]}`, `{"data": [...]}`) opens, or None."""
    found = _WORKS.match(text)
    return found.end() if found else None


def is_a_work(item: Any) -> bool:
    """Whether `item` is an OpenAlex work, a Semantic Scholar paper or a Crossref work."""
    return source_of(item) is not None


def source_of(item: Any) -> str | None:
    """"openalex", "semantic-scholar" or "crossref" for a work of theirs, None for anything else (a CSL item)."""
    if not isinstance(item, dict):
        return None
    if "paperId" in item:
        return "semantic-scholar"
    if "abstract_inverted_index" in item or str(item.get("id", "")).startswith("https://openalex.org/W"):
        return "openalex"
    return "crossref" if "DOI" in item and isinstance(item.get("title"), list) else None


class UnreadableWork(ValueError):
    """A work with a field of a type its API never gives (a file edited by hand, or cut short)."""


def work_paper(item: dict[str, Any], path: str, line: int) -> Paper:
    """The paper of one work (`is_a_work`); raises UnreadableWork naming what is wrong."""
    try:
        return _paper(item, path, line)
    except ValidationError as error:  # a year or a title that is no number or text
        field = ".".join(str(part) for part in error.errors()[0]["loc"])
        raise UnreadableWork(f"{source_of(item)} work field {field!r}: {error.errors()[0]['msg']}") from None
    except (ValueError, TypeError, AttributeError, KeyError) as error:  # an author or a source that is no object
        raise UnreadableWork(f"{source_of(item)} work cannot be read ({error.__class__.__name__})") from None


def _paper(item: dict[str, Any], path: str, line: int) -> Paper:
    """The paper of one work, with its venue, kind and link as its API gives them."""
    source = source_of(item)
    if source == "semantic-scholar":
        found, venue = semanticscholar.paper(item), item.get("venue") or (item.get("journal") or {}).get("name")
        kinds = item.get("publicationTypes") or []
        entry_type = next((_SEMANTIC_SCHOLAR_TYPES[kind] for kind in kinds if kind in _SEMANTIC_SCHOLAR_TYPES), None)
        url = item.get("url")
    elif source == "crossref":
        found, venue = crossref.work(item), next(iter(item.get("container-title") or []), None)
        entry_type, url = _CROSSREF_TYPES.get(str(item.get("type"))), item.get("URL")
    else:
        found = openalex.work(item)
        place = (item.get("primary_location") or {}).get("source") or item.get("host_venue") or {}
        venue, entry_type = place.get("display_name"), _OPENALEX_TYPES.get(str(item.get("type")))
        url = item.get("id") if str(item.get("id", "")).startswith("https://openalex.org/") else None
    venue = plain_text(venue) if isinstance(venue, str) else None
    return Paper(
        title=prose_text(found.title),
        abstract=prose_text(found.abstract),
        authors=found.authors,
        year=found.year if isinstance(found.year, int) else None,
        venue=venue,
        doi=found.doi,
        arxiv=found.arxiv or arxiv_from(None, url, found.doi),
        url=url if isinstance(url, str) else None,
        entry_type=entry_type or ("article" if venue else "misc"),
        origins=(Origin(path=path, line=line),),
    )
