"""What the LLM layer spent: calls, cache hits, retries, tokens, time and an estimated cost."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from litreview.config import Price
from litreview.text import counted


@dataclass
class Usage:
    """Counters of one client's work; `cost()` turns tokens into dollars with a price table."""

    calls: int = 0  # paid calls: requests the server answered (re-asks included, as each is paid)
    cached: int = 0  # answers with no request: from the cache, or shared with an identical request in flight
    failed: int = 0  # requests that still failed after retries and re-asks
    unanswered: int = 0  # requests whose last attempt got no answer (refused, dropped, timed out, 429, 5xx)
    retries: int = 0  # HTTP retries by the client (429, 5xx, timeouts, dropped connections)
    reasks: int = 0  # re-asks after an answer that was not valid JSON or failed validation
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0  # wall time spent inside ask/ask_many/embed
    tokens_by_model: dict[str, list[int]] = field(default_factory=dict)  # model -> [prompt, completion]

    @property
    def failed_attempts(self) -> int:
        """Attempts that got no answer, so were not paid: each one retried, and the last of each unanswered request."""
        return self.retries + self.unanswered

    @property
    def sent(self) -> int:
        """Every request sent to the server: paid calls and failed attempts."""
        return self.calls + self.failed_attempts

    @classmethod
    def from_dict(cls, counters: Mapping[str, object]) -> Usage:
        """The counters saved by `as_dict` (unknown names ignored, missing ones 0: older records still read)."""
        return cls(**{name: counters[name] for name in cls.__dataclass_fields__ if name in counters})  # type: ignore[arg-type]

    def counts(self) -> str:
        """What was sent and what it came to, e.g. `5 requests sent: 3 paid calls, 2 failed attempts (not paid), ...`."""
        parts = [
            f"{counted(self.sent, 'request')} sent: {counted(self.calls, 'paid call')}, "
            f"{counted(self.failed_attempts, 'failed attempt')} (not paid)",
            counted(self.cached, "answer") + " from the cache",
            counted(self.retries, "retry", "retries"),
            counted(self.reasks, "re-ask"),
        ]
        if self.failed:
            parts.append(f"{counted(self.failed, 'request')} failed")
        return ", ".join(parts)

    def count_attempts(self, structured: Any) -> None:
        """Hook `structured` (an instructor client) to count: a paid call per answer the server sent, an unanswered
        request per last attempt that raised."""
        def answered(*_: Any, **__: Any) -> None:
            self.calls += 1

        def unanswered(*_: Any, **__: Any) -> None:
            self.unanswered += 1

        structured.on("completion:response", answered)
        structured.on("completion:error", unanswered)

    def add_tokens(self, model: str, prompt: int, completion: int) -> None:
        """Count tokens a server reported for one request (re-asks included)."""
        self.prompt_tokens += prompt
        self.completion_tokens += completion
        spent = self.tokens_by_model.setdefault(model, [0, 0])
        spent[0] += prompt
        spent[1] += completion

    def cost(self, prices: Mapping[str, Price]) -> float | None:
        """Estimated USD for the tokens spent; None when a model used has no price."""
        total = 0.0
        for model, (prompt, completion) in self.tokens_by_model.items():
            price = prices.get(model)
            if price is None:
                return None
            total += prompt / 1e6 * price.input + completion / 1e6 * price.output
        return total

    def summary(self, prices: Mapping[str, Price] | None = None) -> str:
        """One line for the terminal, e.g. `12 calls, 30 from cache, 1 retry, 3400+800 tokens, 4.2 s`."""
        parts = [
            counted(self.calls, "call"),
            f"{self.cached} from cache",
            counted(self.retries, "retry", "retries"),
            counted(self.reasks, "re-ask"),
            f"{self.prompt_tokens}+{self.completion_tokens} tokens",
            f"{self.seconds:.1f} s",
        ]
        if self.failed_attempts:
            parts.insert(2, f"{counted(self.failed_attempts, 'failed attempt')} (not paid)")
        if self.failed:
            parts.insert(2, f"{self.failed} failed")
        cost = self.cost(prices) if prices is not None and self.tokens_by_model else None
        if cost is not None:
            parts.append(f"~${cost:.4f}")
        return ", ".join(parts)

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-ready values (for `cache info` and machine-readable reports)."""
        counters = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return {**counters, "failed_attempts": self.failed_attempts, "sent": self.sent}


class WallClock:
    """Adds to usage.seconds the wall time while at least one public call is running."""

    def __init__(self, usage: Usage) -> None:
        self._usage, self._depth, self._start = usage, 0, 0.0

    def __enter__(self) -> None:
        if self._depth == 0:
            self._start = time.perf_counter()
        self._depth += 1

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth == 0:
            self._usage.seconds += time.perf_counter() - self._start
