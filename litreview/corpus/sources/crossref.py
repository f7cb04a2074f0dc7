"""Crossref REST API: works by DOI (`/works/{doi}`) and by bibliographic query; abstracts come as JATS XML.

Its docs ask for a `mailto` (the polite pool: 10 requests a second, 3 at once; public: 5 a second, 1 at once)
and advertise the limit in force in `x-rate-limit-limit` / `x-rate-limit-interval`, which the client follows.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import quote

from litreview.corpus.readers.fields import markup_text
from litreview.corpus.sources import Found, normal_doi
from litreview.corpus.sources.http import Politeness, SourceClient

NAME = "crossref"
POLITE = Politeness(concurrency=3, interval=0.1)
PUBLIC = Politeness(concurrency=1, interval=0.2)


def politeness(mailto: str | None) -> Politeness:
    """The polite pool's limits with a mailto, the public pool's without."""
    return POLITE if mailto else PUBLIC


async def by_dois(client: SourceClient, dois: list[str]) -> dict[str, Found]:
    """The works of `dois` (normalised) that Crossref knows, keyed by DOI (one request each, concurrently)."""
    answers = await asyncio.gather(*(_by_doi(client, doi) for doi in dois))
    return {doi: found for doi, found in zip(dois, answers) if found is not None}


async def by_title(client: SourceClient, title: str) -> list[Found]:
    """The best few works for a bibliographic query on the title (the caller decides whether one matches)."""
    response = await client.get("works", {"query.bibliographic": title, "rows": "5"})
    if response is None:
        return []
    return [work(item) for item in response.json().get("message", {}).get("items", [])]


async def _by_doi(client: SourceClient, doi: str) -> Found | None:
    response = await client.get(f"works/{quote(doi, safe='/')}")
    return work(response.json().get("message", {})) if response is not None else None


def work(item: dict[str, Any]) -> Found:
    """A `Found` from one Crossref work (`message` of /works/{doi}, or an item of a query)."""
    issued = (item.get("issued") or item.get("published") or {}).get("date-parts") or [[None]]
    titles = item.get("title") or []
    return Found(
        source=NAME, id=normal_doi(item.get("DOI")) or "",
        title=" ".join(titles[0].split()) if titles else None,
        abstract=jats_text(item.get("abstract")),
        doi=normal_doi(item.get("DOI")),
        year=issued[0][0] if issued and issued[0] and isinstance(issued[0][0], int) else None,
        authors=tuple(_author(a) for a in item.get("author") or [] if a.get("family") or a.get("name")),
    )


def jats_text(abstract: str | None) -> str | None:
    """Plain text of a JATS abstract: tags dropped, an `Abstract` heading dropped, entities decoded."""
    return markup_text(abstract)


def _author(author: dict[str, Any]) -> str:
    if author.get("family"):
        return f"{author['family']}, {author['given']}" if author.get("given") else author["family"]
    return author["name"]
