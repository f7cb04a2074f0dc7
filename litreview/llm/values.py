"""The values of the LLM layer: a request, its outcome (Result or Failure), and progress reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel

from litreview.errors import LLMError

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True, eq=False)
class LLMRequest(Generic[T]):
    """One question: answer `messages` as a `response_model`. `label` names it in failures and progress."""

    response_model: type[T]
    messages: list[dict[str, Any]]
    prompt_version: str
    context: dict[str, Any] | None = None  # handed to the model's validators (pydantic validation context)
    label: str = ""
    max_tokens: int | None = None  # the answer's bound; None sizes it to the response model's schema


@dataclass(frozen=True, eq=False)
class Result(Generic[T]):
    """A validated answer."""

    request: LLMRequest[T]
    value: T
    from_cache: bool
    ok: ClassVar[bool] = True


@dataclass(frozen=True, eq=False)
class Failure:
    """A request that still failed after retries and re-asks; `reason` is its one-line message."""

    request: LLMRequest[Any]
    error: LLMError
    ok: ClassVar[bool] = False

    @property
    def reason(self) -> str:
        return self.error.line()


Outcome = Result[Any] | Failure


@dataclass(frozen=True)
class Progress:
    """Reported to the progress callback after each request of a batch finishes."""

    done: int
    total: int
    label: str
    from_cache: bool
    failed: bool


ProgressCallback = Callable[[Progress], None]


@dataclass
class ProgressCounter:
    """Turns each finished request of a batch into a Progress event."""

    total: int
    done: int = field(default=0)

    def step(self, request: LLMRequest[Any], outcome: Outcome) -> Progress:
        self.done += 1
        from_cache = isinstance(outcome, Result) and outcome.from_cache
        return Progress(self.done, self.total, request.label, from_cache, failed=not outcome.ok)
