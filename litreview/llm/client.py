"""LLMClient: structured answers from any OpenAI-compatible server, cached, concurrent and bounded.

One request = one pydantic response model + chat messages + a prompt version. A cached answer costs
no request at all; a miss goes through instructor in the chosen mode (`attempts`: brief re-asks with
the validation error, bounded answers, `--mode auto`) over openai's client (HTTP retries with
backoff), holding a place of the adaptive concurrency limiter (`concurrency`). The answer is cached
the moment it is validated, so a killed run resumes where it stopped. Embeddings: `embeddings`.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from litreview.config import Settings
from litreview.errors import BudgetExceeded, ConfigError, LLMError
from litreview.llm.attempts import Attempts
from litreview.llm.budget import CHARS_PER_TOKEN, context_of
from litreview.llm.cache import AnswerCache, answer_key
from litreview.llm.concurrency import AdaptiveLimiter
from litreview.llm.faults import llm_error, raise_if_over_budget
from litreview.llm.streaming import Wire
from litreview.llm.tokenizer import ServerTokenizer
from litreview.llm.usage import Usage, WallClock
from litreview.llm.values import (
    Failure,
    LLMRequest,
    Outcome,
    ProgressCallback,
    ProgressCounter,
    Result,
    T,
)

if TYPE_CHECKING:
    from litreview.llm.structured import LoopState

TOKENIZER_MARGIN = 1.05  # a measured ratio, applied to other prompts of the same kind
CLAIM_POLL_SECONDS = 0.05  # how often a request waiting on another process's identical request looks for its answer


_UNUSABLE = ":unusable"  # cache-key suffix of a remembered unusable answer

class LLMClient:
    """The one way litreview talks to a model. Use `async with` / `with`, or call `close()`."""

    def __init__(self, settings: Settings, *, progress: ProgressCallback | None = None,
                 notify: Callable[[str], None] | None = None) -> None:
        """`notify` receives one-line notices (which mode `auto` uses), also kept in `notices`; the library never
        prints them."""
        if settings.api_key is None and settings.base_url is None:
            raise ConfigError("no LLM server configured", hint="set OPENAI_API_KEY, or --base-url for a local server")
        self.settings = settings
        self.usage = Usage()
        self.cache = AnswerCache(settings.cache_dir)
        if settings.cache:
            self.cache.check_writable()  # before any call: an answer that cannot be kept must not be paid for
        self.notices: list[str] = []
        self._notify = notify
        self._progress = progress
        self._in_flight: dict[str, asyncio.Future[Outcome]] = {}  # key -> the outcome of the request asking it
        self._reserved = 0  # paid calls reserved against max_calls
        self._loop_state: LoopState | None = None
        self._busy = WallClock(self.usage)
        self.limiter = AdaptiveLimiter(settings.concurrency, settings.timeout)
        self._attempts = Attempts(settings, self.usage, self._notice, self._count_tokens, self.context_size)
        self._wire = Wire(settings, self.usage, self.limiter, self._notice)
        self._tokenizer = ServerTokenizer(settings, self._wire.memory)

    async def ask(self, response_model: type[T], messages: list[dict[str, Any]], *, prompt_version: str,
                  context: dict[str, Any] | None = None, label: str = "") -> T:
        """The validated answer; raises LLMError (or BudgetExceeded) when there is none."""
        with self._busy:
            outcome = await self._outcome(LLMRequest(response_model, messages, prompt_version, context, label))
        if isinstance(outcome, Failure):
            raise outcome.error
        return outcome.value

    async def ask_many(self, requests: Sequence[LLMRequest[Any]], *,
                       progress: ProgressCallback | None = None) -> list[Outcome]:
        """Every request concurrently (at most `concurrency` in flight); outcomes in request order.

        A failing request becomes a Failure while the others complete. If `max_calls` ran out, the
        requests already answered stay cached and BudgetExceeded is raised at the end.
        """
        report = progress or self._progress or (lambda _: None)
        counter = ProgressCounter(len(requests))

        async def run(request: LLMRequest[Any]) -> Outcome:
            outcome = await self._outcome(request)
            report(counter.step(request, outcome))
            return outcome

        with self._busy:
            outcomes = await asyncio.gather(*(run(request) for request in requests))
        self._record_run()
        raise_if_over_budget(outcomes)
        return list(outcomes)

    async def embed(self, texts: Sequence[str], model: str | None = None) -> list[list[float]]:
        """One vector per text (cached per text and model); raises LLMError on failure."""
        from litreview.llm.embeddings import embed_texts

        return await embed_texts(self, texts, model or self.settings.embedding_model)

    def ask_sync(self, response_model: type[T], messages: list[dict[str, Any]], *, prompt_version: str,
                 context: dict[str, Any] | None = None, label: str = "") -> T:
        """`ask` for callers that are not async (not from inside a running event loop)."""
        return self._run(self.ask(response_model, messages, prompt_version=prompt_version, context=context, label=label))

    def ask_many_sync(self, requests: Sequence[LLMRequest[Any]], *,
                      progress: ProgressCallback | None = None) -> list[Outcome]:
        """`ask_many` for callers that are not async."""
        return self._run(self.ask_many(requests, progress=progress))

    def embed_sync(self, texts: Sequence[str], model: str | None = None) -> list[list[float]]:
        """`embed` for callers that are not async."""
        return self._run(self.embed(texts, model))

    def context_size(self) -> int:
        """The context to plan prompts with: context_tokens when set, else the size the server says it runs
        with, else the model family's (8k when unknown)."""
        return self.settings.context_tokens or self._tokenizer.context() or context_of(self.settings.model)

    def chars_per_token(self, text: str) -> float:
        """Characters per token in prompts like `text`, measured once by the server's tokenizer (with a margin,
        for prompts of the same kind that differ in detail); the conservative estimate's without one."""
        tokens = self._tokenizer.count(text) if text else None
        if not tokens:
            return CHARS_PER_TOKEN
        return len(text) / tokens / TOKENIZER_MARGIN

    def remember_unusable(self, request: LLMRequest[Any], answer: Any, reason: str) -> None:
        """Keep the last answer that failed validation after every re-ask, so that a rerun degrades the
        same way (from `recall_unusable`) without paying for the same unusable answer again."""
        if self.settings.cache:
            self.cache.put(self._key(request) + _UNUSABLE, {"answer": answer, "reason": reason})

    def recall_unusable(self, request: LLMRequest[Any]) -> tuple[Any, str] | None:
        """The answer and reason an earlier run remembered for `request`, or None (`cache clear` forgets it)."""
        found = self.cache.get(self._key(request) + _UNUSABLE) if self.settings.cache else None
        if found is None or not isinstance(found.value, dict):
            return None
        return found.value.get("answer"), str(found.value.get("reason", ""))

    def has_answer(self, request: LLMRequest[Any]) -> bool:
        """Whether `request` would be answered from the cache; counts nothing and sends nothing (for --dry-run)."""
        return self._cached_value(request, self._key(request)) is not None

    async def aclose(self) -> None:
        """Close the HTTP connections and the cache, recording this run's counters for `cache info`."""
        await self._close_transport()
        self._record_run()
        self.cache.close()

    def close(self) -> None:
        """`aclose` for callers that are not async (the HTTP side is closed by each *_sync call)."""
        self._record_run()
        self.cache.close()

    async def __aenter__(self) -> LLMClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __enter__(self) -> LLMClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def _outcome(self, request: LLMRequest[Any]) -> Outcome:
        """Cache first, then an identical request already in flight, then the server; every failure but the
        budget becomes a Failure value."""
        key = self._key(request)
        cached = self._cached_value(request, key)
        if cached is None and not self._attempts.modes.settled:  # auto, mode not known yet: any mode's answer
            cached = next((value for mode in self._attempts.modes.candidates()[1:]
                           if (value := self._cached_value(request, self._key(request, mode))) is not None), None)
        if cached is not None:
            self.usage.cached += 1
            return Result(request, cached, from_cache=True)
        if key in self._in_flight:
            return self._shared(request, await asyncio.shield(self._in_flight[key]))
        shared = self._in_flight[key] = asyncio.get_running_loop().create_future()
        shared.add_done_callback(lambda done: done.cancelled() or done.exception())  # an error nobody awaited is fine
        try:
            outcome = await self._asked(request, key)
            shared.set_result(outcome)
            return outcome
        except Exception as error:  # a CacheError or ConfigError: the identical requests waiting on it end the same way
            shared.set_exception(error)
            raise
        finally:
            del self._in_flight[key]
            shared.cancel()  # no-op once settled; if this task was cancelled, its followers are too

    async def _asked(self, request: LLMRequest[Any], key: str) -> Outcome:
        try:
            value, from_cache = await self._ask_server(request, key)
        except BudgetExceeded as error:
            return Failure(request, error)
        except LLMError as error:
            self.usage.failed += 1
            return Failure(request, error)
        return Result(request, value, from_cache=from_cache)

    def _shared(self, request: LLMRequest[Any], outcome: Outcome) -> Outcome:
        """The outcome of an identical request that was in flight, as this request's own (validated in its context)."""
        if isinstance(outcome, Failure):
            return Failure(request, outcome.error)
        data = outcome.value.model_dump(mode="json", by_alias=True)
        try:
            value = request.response_model.model_validate(data, context=request.context)
        except ValidationError as error:
            return Failure(request, llm_error(error, self.settings, where=request.label or f"LLM {self.settings.model}"))
        self.usage.cached += 1
        return Result(request, value, from_cache=True)

    async def _ask_server(self, request: LLMRequest[T], key: str) -> tuple[T, bool]:
        """The answer and whether it came from the cache after all (another run answered it meanwhile)."""
        if not self.settings.model:
            raise ConfigError("no model set", hint="set --model, LITREVIEW_MODEL or model in litreview.toml")
        state = self._state()
        from litreview.llm.structured import validation_context

        self._know_the_server()  # before any claim: a first probe of the server must not eat into the claim's life
        async with state.limiter.slot(request.response_model.__name__) as slot:  # waiting here is not timed
            # Look again now that a slot is held: a run sharing the cache may have answered it meanwhile.
            cached = await self._answered_elsewhere(request, key)
            if cached is not None:
                self.usage.cached += 1
                return cached, True
            renewal = asyncio.create_task(self.cache.keep_claim(key, self._claim_seconds())) if self.settings.cache else None
            try:
                self._pay_for_one_call()
                with validation_context(request.context):
                    answer, completion, mode = await self._attempts.answer(state, request, slot)
                return self._keep(request, self._key(request, mode), answer, completion), False
            finally:
                if renewal is not None:
                    renewal.cancel()
                    self.cache.release(key)

    def _claim_seconds(self) -> float:
        """How long a claim lives unless renewed: the longest a request takes when the server stays silent."""
        return self.settings.timeout * (self.settings.max_retries + 1) * (self.settings.reask + 1)

    def _know_the_server(self) -> None:
        """Before the first request: llama-cpp-python's server (known by its tokenizer endpoint; probed once,
        remembered) answers one request at a time and cuts a streamed answer short when another one waits."""
        if not self._wire.one_at_a_time and self._tokenizer.is_llama_cpp_python():
            self._wire.one_at_a_time_for("llama-cpp-python's server answers one request at a time and cuts a "
                                         "streamed answer short when another arrives")

    async def _answered_elsewhere(self, request: LLMRequest[T], key: str) -> T | None:
        """The cached answer; while another process sharing the cache is asking the same, its answer once it
        arrives; None when this process should ask (it then holds the claim on `key`)."""
        if not self.settings.cache:
            return None
        claim_seconds = self._claim_seconds()
        while True:
            cached = self._cached_value(request, key)
            if cached is not None:
                return cached
            if self.cache.claim(key, claim_seconds):
                # A run that stores its answer, then releases its claim, may have done both since the first look.
                cached = self._cached_value(request, key)
                if cached is not None:
                    self.cache.release(key)
                return cached
            await asyncio.sleep(CLAIM_POLL_SECONDS)

    def _keep(self, request: LLMRequest[T], key: str, answer: BaseModel, completion: Any) -> T:
        """Count the tokens, store the answer, and return it as the caller's own class."""
        prompt_tokens, completion_tokens = self._count_tokens(getattr(answer, "_total_usage", None) or completion.usage)
        data = answer.model_dump(mode="json", by_alias=True)
        try:
            # instructor returns a subclass of the caller's model; give back the caller's own class,
            # exactly as a cache hit will.
            value = request.response_model.model_validate(data, context=request.context)
        except ValidationError as error:
            raise llm_error(error, self.settings, where=request.label or f"LLM {self.settings.model}") from None
        if self.settings.cache:
            self.cache.put(key, data, prompt_tokens=prompt_tokens, completion_tokens=completion_tokens)
        return value

    def _cached_value(self, request: LLMRequest[T], key: str) -> T | None:
        cached = self.cache.get(key) if self.settings.cache else None
        if cached is None:
            return None
        try:
            return request.response_model.model_validate(cached.value, context=request.context)
        except ValidationError:
            return None  # validators changed since it was stored: ask again

    def _key(self, request: LLMRequest[Any], mode: str | None = None) -> str:
        return answer_key(
            base_url=self.settings.effective_base_url,
            model=self.settings.model or "",
            mode=mode or self._attempts.modes.current,
            messages=request.messages,
            schema=_schema_of(request.response_model),
            temperature=self.settings.temperature,
            prompt_version=request.prompt_version,
        )

    def _pay_for_one_call(self) -> None:
        """Reserve one paid call, or raise BudgetExceeded before sending it."""
        limit = self.settings.max_calls
        if limit is not None and self._reserved >= limit:
            raise BudgetExceeded(
                f"stopped before paid call {limit + 1}: --max-calls is {limit}",
                hint="everything answered so far is cached; rerun with a higher --max-calls to continue",
            )
        self._reserved += 1

    def _notice(self, text: str) -> None:
        self.notices.append(text)
        if self._notify is not None:
            self._notify(text)

    def _count_tokens(self, usage: Any) -> tuple[int, int]:
        prompt = int(getattr(usage, "prompt_tokens", 0) or 0)
        completion = int(getattr(usage, "completion_tokens", 0) or 0)
        if usage is not None:
            self.usage.add_tokens(self.settings.model or "", prompt, completion)
        return prompt, completion

    def _state(self) -> LoopState:
        """The HTTP client and semaphore of the running event loop (both are bound to one loop)."""
        loop = asyncio.get_running_loop()
        if self._loop_state is None or self._loop_state.loop is not loop:
            from litreview.llm.structured import (
                LoopState,
                keep_library_logs_off_the_terminal,
            )

            keep_library_logs_off_the_terminal()
            self._loop_state = LoopState.create(self.settings, loop, self.usage, self.limiter, self._wire)
            self._loop_state.on_created = self.usage.count_attempts  # every mode's instructor client counts its attempts
        return self._loop_state

    async def _close_transport(self) -> None:
        state, self._loop_state = self._loop_state, None
        if state is not None and state.loop is asyncio.get_running_loop():
            await state.openai.close()

    def _run(self, work: Awaitable[Any]) -> Any:
        async def run_then_close() -> Any:
            try:
                return await work
            finally:
                await self._close_transport()

        try:
            return asyncio.run(run_then_close())
        finally:
            self._record_run()

    def _record_run(self) -> None:
        if self.settings.cache and (self.usage.sent or self.usage.cached):
            self.cache.record_run(self.usage.as_dict())


@functools.cache
def _schema_of(response_model: type[BaseModel]) -> dict[str, Any]:
    return response_model.model_json_schema()

