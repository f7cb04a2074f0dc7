"""One polite HTTP client per scholarly API: bounded concurrency, the documented request spacing, Retry-After,
Crossref's `x-rate-limit-*` headers, a timeout per request and retries with backoff.

A source that still fails after its retries is marked down for the rest of the run (every later call fails at
once), so a machine without network spends one timeout per source, not one per paper.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import re
import time
from dataclasses import dataclass
from typing import Any

import httpx2

# A Retry-After longer than this is not waited out: the source counts as down for this run.
LONGEST_WAIT = 60.0
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$")


@dataclass(frozen=True)
class Politeness:
    """What a source's documentation allows: requests in flight at once and seconds between request starts."""

    concurrency: int
    interval: float


@dataclass(frozen=True)
class Retrying:
    """How failed requests are retried: attempts after the first, first backoff, longest backoff, timeout."""

    retries: int = 3
    backoff: float = 0.5
    backoff_max: float = 8.0
    timeout: float = 30.0


class SourceFailed(Exception):
    """A source that could not answer (down, unreachable, refusing or rate-limiting for too long)."""

    def __init__(self, source: str, reason: str) -> None:
        self.source, self.reason = source, reason
        super().__init__(f"{source}: {reason}")


class SourceClient:
    """HTTP to one API; use as `async with SourceClient(...) as client`. `requests` counts what was sent."""

    def __init__(self, name: str, base_url: str, politeness: Politeness, retrying: Retrying,
                 headers: dict[str, str] | None = None, params: dict[str, str] | None = None) -> None:
        self.name, self.base_url = name, base_url.rstrip("/")
        self.politeness, self.retrying = politeness, retrying
        self.requests = 0
        self.down: str | None = None
        self._interval = politeness.interval
        self._headers, self._params = headers or {}, params or {}
        self._slots = asyncio.Semaphore(politeness.concurrency)
        self._turn = asyncio.Lock()
        self._next_start = 0.0
        self._http: httpx2.AsyncClient | None = None

    async def __aenter__(self) -> SourceClient:
        self._http = httpx2.AsyncClient(timeout=self.retrying.timeout, headers=self._headers, follow_redirects=True)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._http is not None:
            await self._http.aclose()

    async def get(self, path: str, params: dict[str, str] | None = None) -> httpx2.Response | None:
        """The answer to GET base/path (None for 404); raises SourceFailed."""
        return await self._send("GET", path, params=params)

    async def post(self, path: str, params: dict[str, str] | None = None, body: Any = None) -> httpx2.Response | None:
        """The answer to POST base/path with a JSON body (None for 404); raises SourceFailed."""
        return await self._send("POST", path, params=params, json=body)

    async def _send(self, method: str, path: str, **options: Any) -> httpx2.Response | None:
        options["params"] = {**self._params, **(options.get("params") or {})}
        url = f"{self.base_url}/{path.lstrip('/')}" if path else self.base_url
        for attempt in range(self.retrying.retries + 1):
            if self.down:
                raise SourceFailed(self.name, self.down)
            async with self._slots:
                await self._wait_for_turn()
                response, failure = await self._attempt(method, url, options)
            if response is not None and response.status_code < 400:
                self._follow_rate_limit(response)
                return response
            if response is not None and response.status_code == 404:
                return None
            wait = self._wait_before_retry(response, attempt)
            failure = failure or _status_failure(response)
            if wait is None or attempt == self.retrying.retries or self.down:
                self.down = failure
                raise SourceFailed(self.name, failure)
            await asyncio.sleep(wait)
        raise AssertionError("unreachable")  # the loop returns or raises

    async def _attempt(self, method: str, url: str, options: dict[str, Any]) -> tuple[httpx2.Response | None, str | None]:
        """One request: its response, or None and why there was none."""
        assert self._http is not None, "use SourceClient as an async context manager"
        self.requests += 1
        try:
            return await self._http.request(method, url, **options), None
        except httpx2.TimeoutException:
            return None, f"no answer within {self.retrying.timeout:g} s"
        except httpx2.ConnectError as error:
            self.down = f"cannot connect ({type(error).__name__})"  # no network or no server: retrying will not help
            return None, self.down
        except httpx2.TransportError as error:
            return None, f"connection failed ({type(error).__name__})"

    async def _wait_for_turn(self) -> None:
        """Space request starts by the source's interval (raised by its rate-limit headers or a Retry-After)."""
        async with self._turn:
            now = time.monotonic()
            start = max(now, self._next_start)
            self._next_start = start + self._interval
        if start > now:
            await asyncio.sleep(start - now)

    def _wait_before_retry(self, response: httpx2.Response | None, attempt: int) -> float | None:
        """Seconds to wait before retrying, or None when retrying is pointless (4xx, or a very long Retry-After)."""
        backoff = min(self.retrying.backoff * 2 ** attempt, self.retrying.backoff_max) * random.uniform(0.8, 1.2)
        if response is None:
            return backoff
        status = response.status_code
        if status != 429 and status < 500:
            return None
        after = retry_after(response.headers.get("retry-after"))
        if after is None:
            return backoff
        if after > LONGEST_WAIT:
            return None
        self._next_start = max(self._next_start, time.monotonic() + after)  # the whole source pauses
        return after

    def _follow_rate_limit(self, response: httpx2.Response) -> None:
        """Slow down to what `x-rate-limit-limit` per `x-rate-limit-interval` allows (Crossref sends them)."""
        limit, interval = response.headers.get("x-rate-limit-limit"), response.headers.get("x-rate-limit-interval")
        seconds = interval_seconds(interval) if interval else None
        if limit and limit.isdigit() and int(limit) > 0 and seconds:
            self._interval = max(self.politeness.interval, seconds / int(limit))


def retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def interval_seconds(value: str) -> float | None:
    """`1s`, `500ms`, `1m` -> seconds."""
    match = _INTERVAL.match(value)
    if not match:
        return None
    number, unit = float(match.group(1)), match.group(2) or "s"
    return number * {"ms": 0.001, "s": 1.0, "m": 60.0}[unit]


def _status_failure(response: httpx2.Response | None) -> str:
    if response is None:
        return "no answer"
    if response.status_code == 429:
        after = retry_after(response.headers.get("retry-after"))
        return f"rate-limited (HTTP 429{f', Retry-After {after:g} s' if after is not None else ''})"
    return f"HTTP {response.status_code}"
