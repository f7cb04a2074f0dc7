"""What the LLM layer spent: calls, cache hits, retries, tokens, time and an estimated cost."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from litreview.config import Price


@dataclass
class Usage:
    """Counters of one client's work; `cost()` turns tokens into dollars with a price table."""

    calls: int = 0  # paid requests sent (cache misses), including those that then failed
    cached: int = 0  # answers served from the cache, with no request at all
    failed: int = 0  # requests that still failed after retries and re-asks
    retries: int = 0  # HTTP retries by the client (429, 5xx, timeouts, dropped connections)
    reasks: int = 0  # re-asks after an answer that was not valid JSON or failed validation
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0  # wall time spent inside ask/ask_many/embed
    tokens_by_model: dict[str, list[int]] = field(default_factory=dict)  # model -> [prompt, completion]

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
            _count(self.calls, "call"),
            f"{self.cached} from cache",
            _count(self.retries, "retry", "retries"),
            _count(self.reasks, "re-ask"),
            f"{self.prompt_tokens}+{self.completion_tokens} tokens",
            f"{self.seconds:.1f} s",
        ]
        if self.failed:
            parts.insert(2, f"{self.failed} failed")
        cost = self.cost(prices) if prices is not None and self.tokens_by_model else None
        if cost is not None:
            parts.append(f"~${cost:.4f}")
        return ", ".join(parts)

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-ready values (for `cache info` and machine-readable reports)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
