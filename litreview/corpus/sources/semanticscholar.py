"""Semantic Scholar Graph API: papers by DOI or arXiv id through `POST /paper/batch` (500 ids a request).

Its terms are the most restrictive of the four sources, so it is asked last. The key goes in `x-api-key`;
it allows one request a second. The answer is a list aligned with the ids asked, null where unknown.
"""

from __future__ import annotations

from typing import Any

from litreview.corpus.sources import Found, normal_arxiv, normal_doi
from litreview.corpus.sources.http import Politeness, SourceClient

NAME = "semanticscholar"
POLITENESS = Politeness(concurrency=1, interval=1.0)
BATCH = 500
_FIELDS = "title,abstract,year,authors,externalIds"


def auth_headers(api_key: str | None) -> dict[str, str]:
    """The header its docs ask for when there is a key."""
    return {"x-api-key": api_key} if api_key else {}


async def by_ids(client: SourceClient, ids: list[str]) -> dict[str, Found]:
    """The papers of `ids` (`DOI:10...` or `ARXIV:1706.03762`) that Semantic Scholar knows, keyed by those ids."""
    found: dict[str, Found] = {}
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        response = await client.post("paper/batch", {"fields": _FIELDS}, {"ids": batch})
        if response is None:
            continue
        answers = response.json()
        found.update((asked, paper(item)) for asked, item in zip(batch, answers) if isinstance(item, dict))
    return found


def paper(item: dict[str, Any]) -> Found:
    """A `Found` from one paper object of the batch answer."""
    external = item.get("externalIds") or {}
    return Found(
        source=NAME, id=str(item.get("paperId", "")),
        title=item.get("title"), abstract=item.get("abstract") or None,
        doi=normal_doi(external.get("DOI")), arxiv=normal_arxiv(external.get("ArXiv")),
        year=item.get("year"),
        authors=tuple(a["name"] for a in item.get("authors") or [] if a.get("name")),
    )
