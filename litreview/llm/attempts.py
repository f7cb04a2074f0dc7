"""One request's attempts: the structured-output mode to use, bounded answers, and brief re-asks.

instructor turns each attempt into a structured answer in the chosen mode; the re-asks are ours, so
that the prompt does not grow: a re-ask is the original messages plus one short line saying what was
wrong (never the failed answer itself, which from a looping model fills the context). Every attempt
sets `max_tokens`; an answer cut at that limit (whatever `finish_reason` the server reports: an
incomplete JSON text is the sign) is re-asked once at a higher temperature, then reported. A re-ask
that would repeat the previous request exactly is sent at a higher temperature instead.
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from litreview.config import Settings
from litreview.errors import LLMError, RefusedRequest
from litreview.llm.budget import answer_tokens, prompt_tokens
from litreview.llm.concurrency import Slot
from litreview.llm.faults import (
    PARAMETER_HINTS,
    brief_problem,
    is_invalid_answer,
    llm_error,
)
from litreview.llm.modes import ModeChooser
from litreview.llm.usage import Usage
from litreview.llm.values import LLMRequest

if TYPE_CHECKING:
    from litreview.llm.structured import LoopState

REASK_OPENING = "Your previous answer could not be used"
CUT_OFF_TEMPERATURE_STEP = 0.5
REPEAT_TEMPERATURE_STEP = 0.3
NO_TOOL_CALL = "No tool calls or function call found"  # instructor's words for an answer in plain text
MODE_PARAMETERS = {"json_schema", "response_format", "tools", "tool_choice", "functions", "parallel_tool_calls"}


class Attempts:
    """Runs a request's attempts for one client: mode choice (with `auto`), budgets and re-asks."""

    def __init__(self, settings: Settings, usage: Usage, notify: Callable[[str], None],
                 count_tokens: Callable[[Any], Any], context_size: Callable[[], int]) -> None:
        self.settings, self.usage, self.notify, self.count_tokens = settings, usage, notify, count_tokens
        self.context_size = context_size
        self.modes = ModeChooser(settings)
        self._said_mode = False
        self._refused: LLMError | None = None  # a failure every later request would meet too

    async def answer(self, state: LoopState, request: LLMRequest[Any], slot: Slot) -> tuple[BaseModel, Any, str]:
        """The validated answer, its completion and the mode that produced it; raises LLMError.

        After a refusal that every request would meet (a key, a model, a mode the server lacks), or a
        silence of --timeout from a server that has not answered once, the requests still waiting fail
        with it at once instead of being sent.
        """
        if self._refused is not None:
            raise type(self._refused)(self._refused.message, where=_where(request, self.settings), hint=self._refused.hint)
        try:
            return await self._answer(state, request, slot)
        except RefusedRequest as error:
            if not getattr(error, "context_full", False):
                self._refused = error
            raise
        except LLMError as error:
            if getattr(error, "timed_out", False) and self.usage.calls == 0:  # never answered: dead, not slow
                self._refused = error
            raise

    async def _answer(self, state: LoopState, request: LLMRequest[Any], slot: Slot) -> tuple[BaseModel, Any, str]:
        if self.modes.settled:
            return await self._in_mode(state, request, slot, self.modes.settled)
        async with state.probe_lock:  # one request finds the mode; the others then use it
            if self.modes.settled:
                return await self._in_mode(state, request, slot, self.modes.settled)
            candidates = self.modes.candidates()
            for number, mode in enumerate(candidates):
                try:
                    found = await self._in_mode(state, request, slot, mode)
                except RefusedRequest as error:
                    if number + 1 == len(candidates) or not _about_the_mode(error):
                        raise
                    self.notify(f"--mode auto: {mode} does not work with this server ({error.message}); "
                                f"trying {candidates[number + 1]}")
                    continue
                return found
        raise AssertionError("unreachable: the last candidate returns or raises")

    def say_mode(self) -> None:
        """Tell once which mode `auto` uses (learned now, or remembered from an earlier run)."""
        if self.settings.mode != "auto" or self._said_mode or not self.modes.settled:
            return
        self._said_mode = True
        how = "remembered for" if self.modes.remembered == self.modes.settled else "works with"
        self.notify(f"--mode auto: using {self.modes.settled} ({how} {self.settings.model} at "
                    f"{self.settings.effective_base_url}; --mode chooses another)")

    async def _in_mode(self, state: LoopState, request: LLMRequest[Any], slot: Slot,
                       mode: str) -> tuple[BaseModel, Any, str]:
        answer, completion = await self._with_reasks(state, request, slot, mode)
        self.modes.settle(mode)
        self.say_mode()
        return answer, completion, mode

    async def _with_reasks(self, state: LoopState, request: LLMRequest[Any], slot: Slot,
                           mode: str) -> tuple[BaseModel, Any]:
        """Up to 1 + reask attempts; the last unusable answer's error is raised as UnusableAnswer."""
        from litreview.llm.structured import instructor_model

        limit = self.max_tokens(request, _schema(instructor_model(request.response_model)))
        messages, temperature = request.messages, self.settings.temperature
        previous: tuple[str, float] | None = None
        cut_before, attempts = False, 0
        for attempt in range(self.settings.reask + 1):
            if (str(messages), temperature) == previous:  # at temperature 0 it would get the same answer
                temperature = min(2.0, temperature + REPEAT_TEMPERATURE_STEP)
            previous = (str(messages), temperature)
            if attempt:
                self.usage.reasks += 1
            attempts += 1
            try:
                return await self._one(state, request, slot, mode, messages, temperature, limit)
            except _Unusable as unusable:
                failure = unusable.error
                if unusable.cut_off:
                    if cut_before:
                        break
                    cut_before, temperature = True, min(2.0, temperature + CUT_OFF_TEMPERATURE_STEP)
                messages = request.messages + [{"role": "user", "content": _reask_text(unusable, limit)}]
        raise llm_error(failure, self.settings, where=_where(request, self.settings), attempts=attempts,
                        cut_off_at=limit if cut_before else None)

    async def _one(self, state: LoopState, request: LLMRequest[Any], slot: Slot, mode: str,
                   messages: list[dict[str, Any]], temperature: float, limit: int) -> tuple[BaseModel, Any]:
        from litreview.llm.structured import instructor_model

        started = time.monotonic()
        try:
            answer, completion = await state.structured(mode).chat.completions.create_with_completion(
                model=self.settings.model, messages=messages, response_model=instructor_model(request.response_model),
                max_retries=0, temperature=temperature, max_tokens=limit)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # openai / instructor errors
            slot.observe(time.monotonic() - started, started=started)
            self.count_tokens(getattr(error, "total_usage", None))
            cause = error.__cause__ if type(error).__name__ == "InstructorRetryException" and error.__cause__ else error
            if mode == "tools" and NO_TOOL_CALL in str(cause):
                raise _ignores_tools(request, self.settings) from None
            if type(cause).__name__ == "APITimeoutError":
                slot.limiter.back_off()  # silence past --timeout: fewer requests in flight
            cut = _was_cut(error, cause, limit)
            if cut or is_invalid_answer(cause):
                raise _Unusable(error, cut_off=cut) from None
            raise llm_error(error, self.settings, where=_where(request, self.settings),
                            concurrency=int(slot.limiter.limit)) from None
        slot.observe(time.monotonic() - started, started=started)
        return answer, completion

    def max_tokens(self, request: LLMRequest[Any], schema: dict[str, Any]) -> int:
        """The answer's bound: the request's own, else sized to its schema; within what the context leaves."""
        wanted = self.settings.max_tokens or request.max_tokens or answer_tokens(schema)
        room = self.context_size() - prompt_tokens(request.messages, schema)
        return max(64, min(wanted, room)) if room > 0 else wanted


@functools.cache
def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema()


class _Unusable(Exception):
    """An attempt whose answer was not usable (invalid, ungrounded, or cut off at the token limit)."""

    def __init__(self, error: BaseException, *, cut_off: bool) -> None:
        super().__init__(str(error))
        self.error, self.cut_off = error, cut_off


def _was_cut(error: BaseException, cause: BaseException, limit: int) -> bool:
    """Whether the answer stopped at the token limit: said by the server, or an unfinished JSON text."""
    if type(cause).__name__ == "IncompleteOutputException":
        return True
    completion = getattr(error, "last_completion", None)
    used = getattr(getattr(completion, "usage", None), "completion_tokens", None)
    # an unfinished JSON text is malformed, unless it also used up the budget: then it was cut
    return isinstance(used, int) and used >= 0.9 * limit


def _ignores_tools(request: LLMRequest[Any], settings: Settings) -> RefusedRequest:
    """A server that answers a tool-calling request in plain text has no tool calling (for this model)."""
    error = RefusedRequest("the server answered without a tool call: it ignores tools for this model",
                           where=_where(request, settings), hint=PARAMETER_HINTS["tools"])
    error.parameter, error.status, error.context_full = "tools", None, False  # type: ignore[attr-defined]
    return error


def _reask_text(unusable: _Unusable, limit: int) -> str:
    if unusable.cut_off:
        return (f"{REASK_OPENING}: it ran past {limit} tokens and was cut off. Answer again, briefly: one "
                "sentence per field, no repetition, one JSON object and nothing else.")
    return f"{REASK_OPENING}: {brief_problem(unusable.error)}. Answer again: one JSON object and nothing else."


def _about_the_mode(error: RefusedRequest) -> bool:
    parameter = getattr(error, "parameter", None)
    return parameter in MODE_PARAMETERS or (parameter is None and getattr(error, "status", None) in (400, 422)
                                             and not getattr(error, "context_full", False))


def _where(request: LLMRequest[Any], settings: Settings) -> str:
    return request.label or f"LLM {settings.model}"


__all__ = ["Attempts", "LLMError", "REASK_OPENING"]
