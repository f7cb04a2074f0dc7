"""Give papers without an abstract the one a scholarly API has, recording where each fetched field came from.

Order: a paper without identifiers is first looked up by title (OpenAlex, then Crossref; accepted only by the
rules of `title_match`), which may give it a DOI or arXiv id; then by arXiv id (arXiv), by DOI (OpenAlex in
batches, then Crossref), and last Semantic Scholar (DOI or arXiv id). Every answer, a miss included, is cached,
so a rerun sends nothing. A source that fails is reported and skipped; the others still run.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import hashlib
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from litreview.config import Settings
from litreview.corpus import Corpus
from litreview.corpus.fetched import FieldSource
from litreview.corpus.lookup_cache import CachedLookup, LookupCache
from litreview.corpus.paper import Paper
from litreview.corpus.sources import (
    Found,
    arxiv,
    crossref,
    normal_arxiv,
    normal_doi,
    openalex,
    semanticscholar,
)
from litreview.corpus.sources.http import Retrying, SourceClient, SourceFailed
from litreview.corpus.title_match import matching, normal_title
from litreview.text import surname

SOURCES = (arxiv.NAME, openalex.NAME, crossref.NAME, semanticscholar.NAME)
_KIND_NAMES = {"arxiv": "arXiv id", "doi": "DOI", "id": "DOI or arXiv id"}


class EnrichReport(BaseModel):
    """What enrichment did: papers that needed an abstract, found by source, not found, sources that failed."""

    papers: int
    had_abstract: int
    asked: int
    found: dict[str, int]
    not_found: list[str]
    identifiers_added: int
    failed: dict[str, str]
    requests: dict[str, int]

    @property
    def unreachable(self) -> bool:
        """True when something was asked and every source that was tried failed."""
        tried = [name for name, count in self.requests.items() if count]
        return self.asked > 0 and bool(tried) and all(name in self.failed for name in tried)


class Enrichment(BaseModel):
    """The corpus with fetched fields applied, and the report of how they were found."""

    corpus: Corpus
    report: EnrichReport


@dataclass(frozen=True)
class LookupProgress:
    """One step of the lookups advanced: `done` of `total` lookups of `step` (e.g. "openalex by DOI"), `cached` of
    them answered by the cache."""

    step: str
    done: int
    total: int
    cached: int = 0


def enrich(corpus: Corpus, settings: Settings | None = None, *, refresh: bool = False,
           progress: Callable[[LookupProgress], None] | None = None) -> Enrichment:
    """Fetch missing abstracts (and identifiers) for `corpus`; `refresh` asks again what the cache remembers."""
    settings = settings or Settings()
    return asyncio.run(_enrich(corpus, settings, refresh or not settings.cache, progress or (lambda event: None)))


@dataclass
class _Run:
    """One enrichment run: the cache, a client per source, and what was found for which paper."""

    cache: LookupCache
    clients: dict[str, SourceClient]
    today: str
    progress: Callable[[LookupProgress], None]
    found: dict[int, list[tuple[Found, str, str]]] = field(default_factory=dict)  # index -> (found, via, date)
    failed: dict[str, str] = field(default_factory=dict)


async def _enrich(corpus: Corpus, settings: Settings, refresh: bool,
                  progress: Callable[[LookupProgress], None]) -> Enrichment:
    papers = list(corpus.papers)
    needing = {i: p for i, p in enumerate(papers) if not p.abstract}
    with LookupCache(settings.cache_dir, miss_days=settings.lookup_miss_days, refresh=refresh) as cache:
        async with contextlib.AsyncExitStack() as stack:
            clients = {name: await stack.enter_async_context(client) for name, client in _clients(settings).items()}
            run = _Run(cache, clients, datetime.date.today().isoformat(), progress)
            await _look_up(run, needing)
    enriched = [_applied(paper, run.found.get(i, [])) for i, paper in enumerate(papers)]
    return Enrichment(corpus=corpus.with_papers(enriched), report=_report(papers, enriched, needing, run))


async def _look_up(run: _Run, needing: dict[int, Paper]) -> None:
    """Every step in order; each asks only for the papers still without an abstract."""
    untitled = {i: p for i, p in needing.items() if not p.doi and not p.arxiv and p.title}
    await _by_title(run, untitled, openalex.NAME, openalex.by_title)
    await _by_title(run, _still(run, untitled), crossref.NAME, crossref.by_title)
    await _by_id(run, _ids(run, needing, "arxiv"), arxiv.NAME, "arxiv", arxiv.by_arxiv_ids)
    await _by_id(run, _ids(run, needing, "doi"), openalex.NAME, "doi", openalex.by_dois)
    await _by_id(run, _ids(run, needing, "doi"), crossref.NAME, "doi", crossref.by_dois)
    scholar_ids = {i: f"DOI:{doi}" for i, doi in _ids(run, needing, "doi").items()}
    scholar_ids.update({i: f"ARXIV:{a}" for i, a in _ids(run, needing, "arxiv").items() if i not in scholar_ids})
    await _by_id(run, scholar_ids, semanticscholar.NAME, "id", semanticscholar.by_ids)


async def _by_id(run: _Run, wanted: dict[int, str], source: str, kind: str,
                 fetch: Callable[[SourceClient, list[str]], Awaitable[dict[str, Found]]]) -> None:
    """Ask `source` for the identifiers of `wanted` (paper index -> id) that the cache does not answer."""
    keys = {ident: f"{source}:{kind}:{ident}" for ident in wanted.values()}
    remembered = {ident: run.cache.get(key) for ident, key in keys.items()}
    missing = sorted(ident for ident, hit in remembered.items() if hit is None)
    step, cached = f"{source} by {_KIND_NAMES[kind]}", len(remembered) - len(missing)
    run.progress(LookupProgress(step, cached, len(remembered), cached))
    answers = await _fetch(run, source, fetch, missing) if missing else {}
    run.progress(LookupProgress(step, len(remembered), len(remembered), cached))
    if answers is not None:  # a failed source is asked again next run: nothing of it is remembered
        for ident in missing:
            run.cache.put(keys[ident], answers.get(ident), run.today)
    for index, ident in wanted.items():
        hit = remembered.get(ident)
        found, date = (hit.found, hit.date) if hit else ((answers or {}).get(ident), run.today)
        if found is not None:
            run.found.setdefault(index, []).append((found, _via(kind, ident), date))


async def _by_title(run: _Run, wanted: dict[int, Paper], source: str,
                    search: Callable[[SourceClient, str], Awaitable[list[Found]]]) -> None:
    """Search `source` for each paper's title; keep only a candidate that is the paper (title_match)."""
    done, cached = 0, 0

    async def one(index: int, paper: Paper) -> None:
        nonlocal done, cached
        key = f"{source}:title:{_title_hash(paper)}"
        hit = run.cache.get(key)
        cached += hit is not None
        if hit is None:
            candidates = await _fetch(run, source, search, paper.title)
            hit = _remember(run, key, matching(paper, candidates)) if candidates is not None else None
        done += 1
        run.progress(LookupProgress(f"{source} by title", done, len(wanted), cached))
        if hit is not None and hit.found is not None:
            run.found.setdefault(index, []).append((hit.found, "title", hit.date))

    await asyncio.gather(*(one(i, p) for i, p in wanted.items()))


def _remember(run: _Run, key: str, found: Found | None) -> CachedLookup:
    run.cache.put(key, found, run.today)
    return CachedLookup(found, run.today)


async def _fetch(run: _Run, source: str, fetch: Callable[[SourceClient, Any], Awaitable[Any]], argument: Any) -> Any:
    """`fetch(client, argument)`, or None when the source failed (recorded once in `run.failed`)."""
    try:
        return await fetch(run.clients[source], argument)
    except SourceFailed as error:
        run.failed.setdefault(source, error.reason)
        return None


def _via(kind: str, ident: str) -> str:
    """How provenance names the identifier a lookup used: `doi:10...`, `arxiv:1706.03762`."""
    if kind == "id":  # Semantic Scholar's own prefixes, DOI:/ARXIV:
        prefix, _, value = ident.partition(":")
        return f"{prefix.lower()}:{value}"
    return f"{kind}:{ident}"


def _still(run: _Run, wanted: dict[int, Paper]) -> dict[int, Paper]:
    """The papers of `wanted` for which nothing was found yet."""
    return {i: p for i, p in wanted.items() if i not in run.found}


def _ids(run: _Run, needing: dict[int, Paper], kind: str) -> dict[int, str]:
    """The normalised DOIs or arXiv ids (the record's, else one a title match found) of papers still without abstract."""
    wanted = {}
    for index, paper in needing.items():
        found = run.found.get(index, [])
        if any(f.abstract for f, _, _ in found):
            continue
        own = paper.doi if kind == "doi" else paper.arxiv
        ident = own or next((getattr(f, kind) for f, _, _ in found if getattr(f, kind)), None)
        ident = normal_doi(ident) if kind == "doi" else normal_arxiv(ident)
        if ident:
            wanted[index] = ident
    return wanted


def _applied(paper: Paper, found: list[tuple[Found, str, str]]) -> Paper:
    """The paper with the first fetched abstract, identifiers it lacked, and a FieldSource for each."""
    if not found:
        return paper
    update: dict[str, object] = {}
    sources: list[FieldSource] = []
    with_abstract = next(((f, via, date) for f, via, date in found if f.abstract), None)
    if with_abstract:
        f, via, date = with_abstract
        update["abstract"] = f.abstract
        sources.append(FieldSource(field="abstract", source=f.source, id=f.id, via=via, date=date))
    for name in ("doi", "arxiv"):
        got = next(((f, via, date) for f, via, date in found if getattr(f, name)), None)
        if got and not getattr(paper, name) and got[1] == "title":
            update[name] = getattr(got[0], name)
            sources.append(FieldSource(field=name, source=got[0].source, id=got[0].id, via=got[1], date=got[2]))
    return paper.model_copy(update={**update, "provenance": paper.provenance + tuple(sources)})


def _clients(settings: Settings) -> dict[str, SourceClient]:
    """One polite client per source, with its documented limits and the keys/contacts its docs ask for."""
    retrying = Retrying(retries=settings.max_retries, backoff=settings.retry_backoff,
                        backoff_max=settings.retry_backoff_max, timeout=settings.lookup_timeout)
    openalex_key = settings.openalex_api_key.get_secret_value() if settings.openalex_api_key else None
    s2_key = settings.s2_api_key.get_secret_value() if settings.s2_api_key else None
    contact = {"mailto": settings.mailto} if settings.mailto else {}
    return {
        arxiv.NAME: SourceClient(arxiv.NAME, settings.arxiv_url, arxiv.POLITENESS, retrying),
        openalex.NAME: SourceClient(openalex.NAME, settings.openalex_url, openalex.POLITENESS, retrying,
                                    params=openalex.auth_params(settings.mailto, openalex_key)),
        crossref.NAME: SourceClient(crossref.NAME, settings.crossref_url, crossref.politeness(settings.mailto),
                                    retrying, params=contact),
        semanticscholar.NAME: SourceClient(semanticscholar.NAME, settings.s2_url, semanticscholar.POLITENESS,
                                           retrying, headers=semanticscholar.auth_headers(s2_key)),
    }


def _title_hash(paper: Paper) -> str:
    """The cache identity of a title search: normalised title, year and first surname (they decide the match)."""
    first = surname(paper.authors[0]).lower() if paper.authors else ""
    text = f"{normal_title(paper.title or '')}|{paper.year or ''}|{first}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _report(before: list[Paper], after: list[Paper], needing: dict[int, Paper], run: _Run) -> EnrichReport:
    fetched = Counter(s.source for p in after for s in p.provenance if s.field == "abstract")
    return EnrichReport(
        papers=len(before), had_abstract=len(before) - len(needing), asked=len(needing),
        found={name: fetched[name] for name in SOURCES if fetched[name]},
        not_found=[after[i].key or "" for i in needing if not after[i].abstract],
        identifiers_added=sum(1 for p in after for s in p.provenance if s.field in ("doi", "arxiv")),
        failed=dict(run.failed),
        requests={name: client.requests for name, client in run.clients.items()},
    )
