"""Scholarly APIs that give a paper's abstract: arXiv, OpenAlex, Crossref, Semantic Scholar (one module each).

Each module turns its API's documented response into `Found` records, keyed by the identifier asked for.
`corpus/enrich.py` decides which source is asked for which paper, caches the answers and applies them.

Why plain HTTP (httpx2, which the openai client already installs) rather than `pyalex` and `arxiv`: both would let
tests point them elsewhere (`pyalex.config.openalex_url`, `arxiv.Client.query_url_format`), but both are synchronous
clients on `requests` with process-wide settings (pyalex) or their own fixed paging and delays (arxiv), and Crossref
and Semantic Scholar have no client that fits. One small async layer (`http.py`) gives all four the same policy:
documented spacing, bounded concurrency, Retry-After, `x-rate-limit-*`, a timeout per request, a source marked down
once; what the clients would save here is the Atom parse and the inverted-index rebuild, a few lines each.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from litreview.corpus.readers.fields import normal_doi

__all__ = ["Found", "normal_arxiv", "normal_doi"]

_ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z-]+)?/\d{7})(?:v\d+)?", re.IGNORECASE)


class Found(BaseModel):
    """One paper as a source knows it; `id` is the source's own id (e.g. OpenAlex `W2741809807`)."""

    model_config = ConfigDict(frozen=True)

    source: str
    id: str
    title: str | None = None
    abstract: str | None = None
    doi: str | None = None
    arxiv: str | None = None
    year: int | None = None
    authors: tuple[str, ...] = ()


def normal_arxiv(arxiv: str | None) -> str | None:
    """An arXiv id without `arXiv:` prefix or version (`1706.03762`, `hep-th/9901001`), or None."""
    match = _ARXIV_ID.search(arxiv or "")
    return match.group(1).lower() if match else None
