"""OpenAlex works: by DOI, 100 a request as `filter=doi:a|b|...`, and by title search; metadata is CC0.

Abstracts come as `abstract_inverted_index` (word -> positions) and are rebuilt here. Its docs ask for an
`api_key` parameter (or a `mailto` for the polite pool); they allow 10 requests a second.
"""

from __future__ import annotations

import asyncio
from typing import Any

from litreview.corpus.sources import Found, normal_arxiv, normal_doi
from litreview.corpus.sources.http import Politeness, SourceClient

NAME = "openalex"
POLITENESS = Politeness(concurrency=4, interval=0.1)
BATCH = 100
_FIELDS = "id,doi,title,display_name,publication_year,authorships,abstract_inverted_index,ids,locations"


def auth_params(mailto: str | None, api_key: str | None) -> dict[str, str]:
    """The query parameters OpenAlex's docs ask for: `api_key` when there is one, `mailto` when given."""
    params = {"api_key": api_key} if api_key else {}
    return {**params, "mailto": mailto} if mailto else params


async def by_dois(client: SourceClient, dois: list[str]) -> dict[str, Found]:
    """The works of `dois` (normalised) that OpenAlex knows, keyed by DOI.

    A DOI holding `,` or `|` (old Wiley DOIs do) would break the filter syntax; those are left to Crossref.
    """
    dois = [doi for doi in dois if "," not in doi and "|" not in doi]
    batches = [dois[start:start + BATCH] for start in range(0, len(dois), BATCH)]
    answers = await asyncio.gather(*(_doi_batch(client, batch) for batch in batches))
    return {doi: found for answer in answers for doi, found in answer.items()}


async def by_title(client: SourceClient, title: str) -> list[Found]:
    """The best few works for a title search (the caller decides whether one is the paper)."""
    response = await client.get("works", {"filter": f"title.search:{_filter_value(title)}", "per-page": "5",
                                          "select": _FIELDS})
    return [work(item) for item in response.json().get("results", [])] if response is not None else []


async def _doi_batch(client: SourceClient, dois: list[str]) -> dict[str, Found]:
    # The docs' form: full DOI URLs OR-ed with `|` (https://docs.openalex.org, "filter works": doi)
    wanted = "|".join(f"https://doi.org/{doi}" for doi in dois)
    response = await client.get("works", {"filter": f"doi:{wanted}", "per-page": str(BATCH),
                                          "select": _FIELDS})
    if response is None:
        return {}
    found = (work(item) for item in response.json().get("results", []))
    return {f.doi: f for f in found if f.doi in dois}


def work(item: dict[str, Any]) -> Found:
    """A `Found` from one OpenAlex work object."""
    ids = item.get("ids") or {}
    return Found(
        source=NAME, id=str(item.get("id", "")).rsplit("/", 1)[-1],
        title=item.get("title") or item.get("display_name"),
        abstract=abstract_text(item.get("abstract_inverted_index")),
        doi=normal_doi(item.get("doi") or ids.get("doi")),
        arxiv=_arxiv_of(item),
        year=item.get("publication_year"),
        authors=tuple(a["author"]["display_name"] for a in item.get("authorships") or []
                      if (a.get("author") or {}).get("display_name")),
    )


def abstract_text(inverted: dict[str, list[int]] | None) -> str | None:
    """The abstract rebuilt from OpenAlex's inverted index: each word placed at each of its positions."""
    if not inverted:
        return None
    placed = sorted((position, word) for word, positions in inverted.items() for position in positions)
    return " ".join(word for _, word in placed) or None


def _arxiv_of(item: dict[str, Any]) -> str | None:
    for location in item.get("locations") or []:
        url = location.get("landing_page_url") or ""
        if "arxiv.org/abs/" in url:
            return normal_arxiv(url)
    return None


def _filter_value(text: str) -> str:
    """A filter value without the characters that separate filters (`,`), alternatives (`|`) or name (`:`)."""
    return " ".join(text.replace(",", " ").replace("|", " ").replace(":", " ").split())
