"""arXiv export API: papers by id through `query?id_list=...` (an Atom feed); metadata is CC0.

Its terms ask for one request every three seconds on a single connection; ids are batched, 100 a request.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from litreview.corpus.sources import Found, normal_arxiv, normal_doi
from litreview.corpus.sources.http import Politeness, SourceClient

NAME = "arxiv"
POLITENESS = Politeness(concurrency=1, interval=3.0)
BATCH = 100
_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"


async def by_arxiv_ids(client: SourceClient, ids: list[str]) -> dict[str, Found]:
    """The papers of `ids` (normalised arXiv ids) that arXiv knows, keyed by id."""
    found: dict[str, Found] = {}
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        response = await client.get("query", {"id_list": ",".join(batch), "max_results": str(len(batch))})
        if response is not None:
            found.update((f.arxiv, f) for f in parse_feed(response.text) if f.arxiv in batch)
    return found


def parse_feed(text: str) -> list[Found]:
    """The entries of an Atom feed that describe a paper (arXiv answers an unknown id with an empty entry)."""
    root = ElementTree.fromstring(text)
    return [found for entry in root.iter(f"{_ATOM}entry") if (found := _entry(entry)) is not None]


def _entry(entry: ElementTree.Element) -> Found | None:
    url = _text(entry, f"{_ATOM}id") or ""
    arxiv = normal_arxiv(url.rsplit("/abs/", 1)[-1])
    title, summary = _text(entry, f"{_ATOM}title"), _text(entry, f"{_ATOM}summary")
    if not arxiv or not title or title == "Error":
        return None
    published = _text(entry, f"{_ATOM}published") or ""
    return Found(
        source=NAME, id=arxiv, title=title, abstract=summary, arxiv=arxiv,
        doi=normal_doi(_text(entry, f"{_ARXIV}doi")),
        year=int(published[:4]) if published[:4].isdigit() else None,
        authors=tuple(name for author in entry.iter(f"{_ATOM}author") if (name := _text(author, f"{_ATOM}name"))),
    )


def _text(element: ElementTree.Element, tag: str) -> str | None:
    child = element.find(tag)
    return " ".join(child.text.split()) if child is not None and child.text and child.text.strip() else None
