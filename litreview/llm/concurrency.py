"""How many requests to keep in flight: found as TCP finds its window, with `--concurrency` as the ceiling.

A local server answers one or a few requests at a time and queues the rest; time in its queue counts
against our timeout, so sending eight to a one-slot server that takes a minute per answer makes
requests time out and be sent again. The limiter therefore:

- starts with one request in flight, which measures the server's service time (its quickest answer);
- then opens the window as far as is safe (slow start): never more requests than the server could
  finish within half the timeout if it served them one by one, and never above the ceiling;
- raises it by one per window of good answers while latency holds (additive increase), waiting longer
  before each new probe after a probe failed (so a one-slot server is not probed every other answer);
- halves it when an answer sent alongside others takes over one and a half service times (the
  server is queueing), or an attempt has to be retried (a timeout, a 429, a 5xx): multiplicative
  decrease, at most once per round trip.

A one-slot server thus gets one request at a time and nothing is sent twice; a parallel server (OpenAI,
vLLM) reaches the ceiling after its first answer. Waiting for a slot here never counts toward the
timeout: the HTTP timeout starts when the request is sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

CONGESTED = 1.5  # an answer slower than this many service times (plus slack) means the server is queueing
SLACK = 0.25  # seconds of jitter (a busy client, the network) that say nothing about a queue
CALM = 4  # good answers to wait, after a cut, before raising the limit again (doubled after each cut)
RECENT = 50  # answers remembered per kind when estimating the service time


@dataclass
class Slot:
    """One request's place in flight; `observe` reports how long each attempt on the wire took."""

    limiter: AdaptiveLimiter
    kind: str
    attempts: list[float] = field(default_factory=list)

    def observe(self, seconds: float, *, started: float) -> None:
        """An attempt sent at `started` (time.monotonic) was answered after `seconds`."""
        self.attempts.append(seconds)
        self.limiter.observe(self.kind, seconds, started, alone=self.limiter.in_flight <= 1)


class AdaptiveLimiter:
    """At most `limit` requests in flight; the limit adapts to the server's latency (see the module doc).

    The numbers live here and outlast an event loop (the sync API runs one loop per call); the waiters
    are futures of the loop that is running when they wait.
    """

    def __init__(self, ceiling: int, timeout: float, *, start: int = 1) -> None:
        self.ceiling = max(1, ceiling)
        self.timeout = timeout
        self.limit = float(min(start, self.ceiling))
        self.in_flight = 0
        self.peak = 0  # most requests in flight at once
        self.slow_start = True
        self._recent: dict[str, deque[float]] = {}
        self._last_cut = -math.inf  # when the limit was last halved (time.monotonic)
        self._calm, self._calm_left = CALM // 2, 0  # good answers to see before the next raise
        self._waiters: deque[asyncio.Future[None]] = deque()

    @contextlib.asynccontextmanager
    async def slot(self, kind: str = "") -> AsyncIterator[Slot]:
        """Wait (outside any timeout) for a place in flight; `kind` groups requests of similar length."""
        await self._acquire()
        try:
            yield Slot(self, kind)
        finally:
            self.in_flight -= 1
            self._wake()

    def service_time(self, kind: str = "") -> float | None:
        """The quickest recent answer of this kind: the server's time for one request with no queue."""
        recent = self._recent.get(kind)
        return min(recent) if recent else None

    def slowest_recent(self) -> float | None:
        """The slowest recent answer of any kind (seconds), or None before the first."""
        return max((max(recent) for recent in self._recent.values() if recent), default=None)

    def observe(self, kind: str, seconds: float, started: float, *, alone: bool = False) -> None:
        """Adapt the limit to one attempt's latency (see the module doc); `alone`: nothing else was in flight."""
        recent = self._recent.setdefault(kind, deque(maxlen=RECENT))
        recent.append(seconds)
        quickest = min(recent)
        cap = self._safe_cap(quickest)
        if not alone and seconds > CONGESTED * quickest + SLACK:
            if started > self._last_cut:  # once per round trip: answers sent before the cut say nothing new
                self._cut()
        elif self.slow_start:
            self.limit = float(cap)
        elif self._calm_left > 0:
            self._calm_left -= 1
        else:
            self.limit = min(float(cap), self.limit + 1.0 / self.limit)
        self.limit = min(self.limit, float(cap))
        self._wake()

    def cap(self, ceiling: int) -> None:
        """Never more than `ceiling` requests in flight from now on (a server found to serve one at a time)."""
        self.ceiling = max(1, min(self.ceiling, ceiling))
        self.limit = min(self.limit, float(self.ceiling))

    def back_off(self) -> None:
        """An attempt had to be retried (timeout, 429, 5xx): halve the limit."""
        self._cut()

    def _cut(self) -> None:
        self.limit = max(1.0, self.limit / 2)
        self.slow_start = False
        self._last_cut = time.monotonic()
        self._calm = min(self._calm * 2, 256)
        self._calm_left = self._calm

    def _safe_cap(self, service_time: float) -> int:
        """Most requests the server could finish within half the timeout when it serves one at a time."""
        fits = int(self.timeout / (2 * service_time)) if service_time > 0 else self.ceiling
        return max(1, min(self.ceiling, fits))

    async def _acquire(self) -> None:
        if self.in_flight < int(self.limit) and not self._waiters:
            self._enter()
            return
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.in_flight -= 1  # it was given a place it will not use
                self._wake()
            with contextlib.suppress(ValueError):
                self._waiters.remove(waiter)
            raise

    def _enter(self) -> None:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)

    def _wake(self) -> None:
        while self._waiters and self.in_flight < int(self.limit):
            waiter = self._waiters.popleft()
            if not waiter.done():
                self._enter()
                waiter.set_result(None)
