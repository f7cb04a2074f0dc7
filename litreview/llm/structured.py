"""The instructor side: a structured-output client per event loop, and validation contexts that
reach the response model's validators without passing through instructor's message templating."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from litreview.config import Settings
from litreview.llm.concurrency import AdaptiveLimiter
from litreview.llm.streaming import Wire
from litreview.llm.transport import make_openai_client
from litreview.llm.usage import Usage

# The validation context of the request running in the current asyncio task (see instructor_model).
_VALIDATION_CONTEXT: ContextVar[dict[str, Any] | None] = ContextVar("litreview_validation_context", default=None)


@dataclass
class LoopState:
    """The HTTP client, instructor clients and locks of one event loop (each is bound to its loop); the
    concurrency limiter is the client's, whose numbers outlast the loop."""

    loop: asyncio.AbstractEventLoop
    openai: Any
    limiter: AdaptiveLimiter
    wire: Wire
    probe_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # held while `--mode auto` finds a mode
    on_created: Callable[[Any], None] | None = None  # given each new instructor client (the usage counters' hooks)
    one_at_a_time: asyncio.Lock = field(default_factory=asyncio.Lock)  # the wire, for a server that cuts streams
    _structured: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(cls, settings: Settings, loop: asyncio.AbstractEventLoop, usage: Usage,
               limiter: AdaptiveLimiter, wire: Wire) -> LoopState:
        def count_retry() -> None:
            usage.retries += 1
            limiter.back_off()  # a timeout, 429 or 5xx: fewer requests in flight

        return cls(loop, make_openai_client(settings, on_retry=count_retry), limiter, wire)

    def structured(self, mode: str) -> Any:
        """instructor over this loop's openai client in `mode` (tools, json_schema, json or md_json), each
        attempt sent through the wire (streamed; see `streaming`)."""
        if mode not in self._structured:
            import instructor

            chosen = getattr(instructor.Mode, mode.upper())
            create = instructor.patch(create=self.wire.create_for(self.openai, self.one_at_a_time), mode=chosen)
            self._structured[mode] = instructor.AsyncInstructor(client=self.openai, create=create, mode=chosen,
                                                                provider=instructor.Provider.OPENAI)
            if self.on_created is not None:
                self.on_created(self._structured[mode])
        return self._structured[mode]


@contextlib.contextmanager
def validation_context(context: dict[str, Any] | None) -> Iterator[None]:
    """Make `context` the validators' context for the request running in this task."""
    token = _VALIDATION_CONTEXT.set(context)
    try:
        yield
    finally:
        _VALIDATION_CONTEXT.reset(token)


@functools.cache
def instructor_model(response_model: type[BaseModel]) -> type[BaseModel]:
    """instructor's wrapper class for a model, built once, whose validation reads the task's context.

    The context is not handed to instructor: given one, instructor renders every message as a Jinja
    template (an abstract containing `{{`, `{%` or `{#` would be altered or fail, and what is sent
    would differ from what the cache key hashed). instructor validates through these two classmethods,
    so its re-asks still carry the validators' messages.
    """
    from instructor.v2.core.function_calls import response_schema

    wrapped = response_schema(response_model)

    def model_validate_json(cls: Any, json_data: Any, *, context: Any = None, **kwargs: Any) -> Any:
        return super(with_context, cls).model_validate_json(json_object_in(json_data), context=_context_or(context), **kwargs)

    def model_validate(cls: Any, obj: Any, *, context: Any = None, **kwargs: Any) -> Any:
        return super(with_context, cls).model_validate(obj, context=_context_or(context), **kwargs)

    namespace = {"model_validate_json": classmethod(model_validate_json), "model_validate": classmethod(model_validate),
                 "__doc__": response_model.__doc__, "__module__": response_model.__module__}
    with_context = type(wrapped)(wrapped.__name__, (wrapped,), namespace)
    return with_context


def json_object_in(text: Any) -> Any:
    """The JSON object inside `text` when a model wrapped it in prose ("Here is the JSON: {...} Hope this
    helps"); `text` unchanged when it parses as it is or holds no complete object."""
    if not isinstance(text, str | bytes):
        return text
    raw = text.decode() if isinstance(text, bytes) else text
    try:
        json.loads(raw)
        return text
    except ValueError:
        pass
    decoder = json.JSONDecoder()
    start = raw.find("{")
    while start >= 0:
        try:
            found, _ = decoder.raw_decode(raw, start)
        except ValueError:
            start = raw.find("{", start + 1)
            continue
        return json.dumps(found) if isinstance(found, dict) else text
    return text


def _context_or(context: Any) -> Any:
    return context if context is not None else _VALIDATION_CONTEXT.get()


def keep_library_logs_off_the_terminal() -> None:
    """instructor logs failed attempts at ERROR; without a handler Python would print them to stderr."""
    for name in ("instructor", "openai", "httpx2", "httpcore2"):
        logger = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())
