"""A fake of four scholarly APIs for tests: a real HTTP server on 127.0.0.1, answering in each API's documented shape.

- arXiv export API: `GET /arxiv/query?id_list=a,b` -> an Atom feed (`entry/id` is `http://arxiv.org/abs/<id>v<n>`,
  `summary` the abstract, `arxiv:doi`); an id it does not know gets no entry.
- OpenAlex: `GET /openalex/works?filter=doi:a|b` and `?filter=title.search:...` -> `{"meta": ..., "results": [work]}`
  with `abstract_inverted_index` (word -> positions), `doi` as `https://doi.org/...`, `authorships[].author`.
- Crossref: `GET /crossref/works/{doi}` -> `{"status": "ok", "message-type": "work", "message": {...}}` with a JATS
  `abstract`, 404 text `Resource not found.` for an unknown DOI; `GET /crossref/works?query.bibliographic=` ->
  `message.items`; every answer carries `x-rate-limit-limit` / `x-rate-limit-interval`.
- Semantic Scholar Graph: `POST /s2/paper/batch?fields=...` with `{"ids": [...]}` -> a list aligned with the ids,
  `null` where unknown.

`works` are the papers the server knows (each says which APIs know it); `fail(source, *faults)` queues faults for
that API's next requests: `Fault(status=429, retry_after="1")`, `Fault(status=503)`, `Fault(delay=2.0)`.
`requests` records `(api, path_and_query)` and `headers` their headers; `latency` delays every answer.
"""

from __future__ import annotations

import html
import json
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

APIS = ("arxiv", "openalex", "crossref", "s2")


@dataclass(frozen=True)
class Work:
    """A paper the fake APIs know."""

    title: str
    abstract: str | None
    year: int
    authors: tuple[str, ...]  # "First Last"
    doi: str | None = None
    arxiv: str | None = None
    openalex_id: str = "W1"
    known_by: tuple[str, ...] = APIS


@dataclass(frozen=True)
class Fault:
    """One misbehaviour for one request: an HTTP status (with Retry-After) or a delay before answering."""

    status: int = 0
    retry_after: str | None = None
    delay: float = 0.0


@dataclass
class FakeScholar:
    """Start with `with FakeScholar(works) as server:`; `server.url` is the base of every API."""

    works: list[Work] = field(default_factory=list)
    latency: float = 0.0
    requests: list[tuple[str, str]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)  # of each request, in the order of `requests`
    faults: dict[str, list[Fault]] = field(default_factory=dict)

    def __enter__(self) -> FakeScholar:
        handler = type("Handler", (_Handler,), {"scholar": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self._lock = threading.Lock()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def env(self) -> dict[str, str]:
        """LITREVIEW_* variables pointing every source here."""
        return {f"LITREVIEW_{name.upper()}_URL": f"{self.url}/{name}" for name in APIS}

    def fail(self, api: str, *faults: Fault) -> None:
        """Queue faults for the next requests to `api`."""
        self.faults.setdefault(api, []).extend(faults)

    def count(self, api: str | None = None) -> int:
        """Requests received (by `api`)."""
        return sum(1 for name, _ in self.requests if api is None or name == api)

    def next_fault(self, api: str) -> Fault | None:
        with self._lock:
            queue = self.faults.get(api) or []
            return queue.pop(0) if queue else None

    def known(self, api: str) -> list[Work]:
        return [work for work in self.works if api in work.known_by]


class _Handler(BaseHTTPRequestHandler):
    scholar: FakeScholar

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._serve(None)

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        self._serve(json.loads(self.rfile.read(length) or b"null"))

    def _serve(self, body: Any) -> None:
        parts = urlsplit(self.path)
        api, _, rest = parts.path.lstrip("/").partition("/")
        self.scholar.requests.append((api, self.path))
        self.scholar.headers.append({name.lower(): value for name, value in self.headers.items()})
        query = {name: values[0] for name, values in parse_qs(parts.query).items()}
        fault = self.scholar.next_fault(api)
        if self.scholar.latency:
            time.sleep(self.scholar.latency)
        if fault and fault.delay:
            time.sleep(fault.delay)
        if fault and fault.status:
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            return self._send(fault.status, "text/plain", "fault", headers)
        answer = getattr(self, f"_{api}", None)
        if answer is None:
            return self._send(404, "text/plain", "no such API")
        answer(rest, query, body)

    # --- arXiv ---
    def _arxiv(self, rest: str, query: dict[str, str], body: Any) -> None:
        ids = [i for i in query.get("id_list", "").split(",") if i]
        works = {work.arxiv: work for work in self.scholar.known("arxiv") if work.arxiv}
        entries = "".join(_atom_entry(works[i]) for i in ids if i in works)
        feed = ('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
                'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">'
                f'<title type="html">ArXiv Query: id_list={html.escape(",".join(ids))}</title>'
                f'<opensearch:totalResults>{len(ids)}</opensearch:totalResults>{entries}</feed>')
        self._send(200, "application/atom+xml", feed)

    # --- OpenAlex ---
    def _openalex(self, rest: str, query: dict[str, str], body: Any) -> None:
        works, wanted = self.scholar.known("openalex"), query.get("filter", "")
        if wanted.startswith("doi:"):
            dois = {_bare_doi(d) for d in wanted[4:].split("|")}
            results = [w for w in works if w.doi and w.doi.lower() in dois]
        elif wanted.startswith("title.search:"):
            results = _search(works, wanted.split(":", 1)[1])
        else:
            return self._send(400, "application/json", json.dumps({"error": "Invalid query parameters error."}))
        answer = {"meta": {"count": len(results), "db_response_time_ms": 12, "page": 1, "per_page": 25},
                  "results": [_openalex_work(w) for w in results], "group_by": []}
        self._send(200, "application/json", json.dumps(answer))

    # --- Crossref ---
    def _crossref(self, rest: str, query: dict[str, str], body: Any) -> None:
        limits = {"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s"}
        works = self.scholar.known("crossref")
        if rest.startswith("works/"):
            doi = unquote(rest[len("works/"):]).lower()
            work = next((w for w in works if w.doi and w.doi.lower() == doi), None)
            if work is None:
                return self._send(404, "text/plain", "Resource not found.", limits)
            answer = {"status": "ok", "message-type": "work", "message-version": "1.0.0", "message": _crossref_work(work)}
        else:
            items = [_crossref_work(w) for w in _search(works, query.get("query.bibliographic", ""))]
            answer = {"status": "ok", "message-type": "work-list", "message": {"total-results": len(items), "items": items}}
        self._send(200, "application/json", json.dumps(answer), limits)

    # --- Semantic Scholar ---
    def _s2(self, rest: str, query: dict[str, str], body: Any) -> None:
        works = self.scholar.known("s2")
        answers = []
        for asked in (body or {}).get("ids", []):
            kind, _, value = asked.partition(":")
            match = next((w for w in works if (kind == "DOI" and (w.doi or "").lower() == value.lower())
                          or (kind == "ARXIV" and w.arxiv == value)), None)
            answers.append(_s2_paper(match) if match else None)
        self._send(200, "application/json", json.dumps(answers))

    def _send(self, status: int, content_type: str, text: str, headers: dict[str, str] | None = None) -> None:
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client timed out and left
            pass


def _search(works: list[Work], text: str) -> list[Work]:
    """Works sharing words with `text`, most shared first (a search engine always returns its nearest)."""
    asked = set(text.lower().split())
    scored = [(len(asked & set(w.title.lower().split())), n, w) for n, w in enumerate(works)]
    return [w for score, _, w in sorted(scored, key=lambda s: (-s[0], s[1])) if score][:5]


def _bare_doi(doi: str) -> str:
    return doi.lower().removeprefix("https://doi.org/")


def _atom_entry(work: Work) -> str:
    authors = "".join(f"<author><name>{html.escape(a)}</name></author>" for a in work.authors)
    doi = f"<arxiv:doi>{work.doi}</arxiv:doi>" if work.doi else ""
    return (f"<entry><id>http://arxiv.org/abs/{work.arxiv}v2</id><updated>{work.year}-06-01T00:00:00Z</updated>"
            f"<published>{work.year}-05-01T00:00:00Z</published><title>{html.escape(work.title)}</title>"
            f"<summary>  {html.escape(work.abstract or '')}\n</summary>{authors}{doi}"
            f'<link href="http://arxiv.org/abs/{work.arxiv}v2" rel="alternate" type="text/html"/>'
            '<arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/></entry>')


def _openalex_work(work: Work) -> dict[str, Any]:
    index: dict[str, list[int]] = {}
    for position, word in enumerate((work.abstract or "").split()):
        index.setdefault(word, []).append(position)
    return {
        "id": f"https://openalex.org/{work.openalex_id}", "doi": f"https://doi.org/{work.doi}" if work.doi else None,
        "title": work.title, "display_name": work.title, "publication_year": work.year,
        "ids": {"openalex": f"https://openalex.org/{work.openalex_id}"},
        "authorships": [{"author_position": "first" if n == 0 else "middle",
                         "author": {"id": f"https://openalex.org/A{n}", "display_name": a}} for n, a in enumerate(work.authors)],
        "abstract_inverted_index": index or None,
        "locations": [{"landing_page_url": f"https://arxiv.org/abs/{work.arxiv}"}] if work.arxiv else [],
    }


def _crossref_work(work: Work) -> dict[str, Any]:
    item: dict[str, Any] = {
        "DOI": work.doi, "type": "journal-article", "title": [work.title],
        "author": [{"given": a.rsplit(" ", 1)[0], "family": a.rsplit(" ", 1)[-1], "sequence": "first" if n == 0 else "additional"}
                   for n, a in enumerate(work.authors)],
        "issued": {"date-parts": [[work.year, 3]]},
    }
    if work.abstract:
        item["abstract"] = f"<jats:title>Abstract</jats:title><jats:p>{html.escape(work.abstract)}</jats:p>"
    return item


def _s2_paper(work: Work) -> dict[str, Any]:
    external = {"DOI": work.doi} if work.doi else {}
    if work.arxiv:
        external["ArXiv"] = work.arxiv
    return {"paperId": f"{zlib.crc32(work.title.encode()):040x}"[-40:], "externalIds": external, "title": work.title,
            "abstract": work.abstract, "year": work.year, "authors": [{"authorId": "1", "name": a} for a in work.authors]}
