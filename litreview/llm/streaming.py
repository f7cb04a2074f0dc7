"""One attempt on the wire, streamed, so that the timeout measures silence, not the length of the answer.

Each attempt asks for a streamed answer; openai's HTTP read timeout (`--timeout`) then applies to each
read: the wait for the first chunk and every gap between chunks. A slow server that keeps writing
tokens is never abandoned; one that sends nothing is given up after `--timeout` (and not sent the
request again: see `transport`). openai's SDK parses the server-sent events and its
`ChatCompletionStreamState` assembles the chunks into one ChatCompletion, tool calls included, which
instructor then parses, validates and re-asks on as it would a plain answer.

A parallel server whose answers all came far within the timeout gets plain requests (see `Wire._fast`).
Two real-server behaviours are handled and remembered per server (`memory`):
- a server that refuses `stream` (400/422 naming it) gets plain requests from then on;
- llama-cpp-python (`interrupt_requests`, on by default) ends a streamed answer early, with no
  finish_reason, as soon as another request waits for its one slot. Recognised by its tokenizer
  endpoint, it is sent one request at a time from the start (it serves one at a time anyway); any
  other server that cuts a stream short has that attempt sent again, then one request at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

from litreview.config import Settings
from litreview.llm.budget import prompt_tokens
from litreview.llm.concurrency import AdaptiveLimiter
from litreview.llm.memory import ServerMemory
from litreview.llm.usage import Usage


FAST = 20  # answers all this many times quicker than --timeout: a plain request is as safe, and cheaper
MAX_CUTS = 3  # streamed answers cut short, one request after another, before asking without streaming


class _Interrupted(Exception):
    """The server ended the stream before the answer had a finish_reason."""


class Wire:
    """How one client sends an attempt to its server: streamed or not, in parallel or one at a time."""

    def __init__(self, settings: Settings, usage: Usage, limiter: AdaptiveLimiter,
                 notify: Callable[[str], None]) -> None:
        self.memory = ServerMemory(settings)
        self.usage, self.limiter, self.notify = usage, limiter, notify
        self.streams: bool = bool(self.memory.get("stream", True))
        self.one_at_a_time: bool = bool(self.memory.get("one_at_a_time", False))
        if self.one_at_a_time:
            limiter.cap(1)

    def create_for(self, openai_client: Any, lock: asyncio.Lock) -> Callable[..., Awaitable[Any]]:
        """The `create` function instructor calls, bound to one event loop's client and lock."""
        async def create(**kwargs: Any) -> Any:
            return await self.create(openai_client, lock, kwargs)

        return create

    async def create(self, openai_client: Any, lock: asyncio.Lock, kwargs: dict[str, Any]) -> Any:
        """One attempt: the ChatCompletion, streamed when the server allows it."""
        import openai

        for _ in range(MAX_CUTS + 1):
            if not self.streams or self._fast():
                break
            try:
                async with lock if self.one_at_a_time else contextlib.nullcontext():
                    return await _streamed(openai_client, kwargs)
            except openai.APIStatusError as error:
                if error.status_code not in (400, 422) or "stream" not in str(error.message).lower():
                    raise
                self._stop_streaming(f"the server refused a streamed request ({error.status_code})")
            except _Interrupted:
                # sent again in line behind the lock (requests sent before the switch may still cut it)
                self.usage.retries += 1  # the server did part of this work for nothing
                self._one_at_a_time()
        else:  # cut short every time, although sent one at a time: another client shares the server
            self._stop_streaming("the server keeps cutting streamed answers short")
        return await openai_client.chat.completions.create(**kwargs)

    def _fast(self) -> bool:
        """Whether a parallel server has answered everything far within --timeout: parsing a stream costs the
        client about as much CPU as the rest of a request (openai builds an object per chunk), which caps
        throughput at high concurrency, and a plain answer would have to be FAST times slower than any so far
        to meet the timeout. A server sent one request at a time is always streamed (its CPU cost is nil)."""
        slowest = self.limiter.slowest_recent()
        return not self.one_at_a_time and slowest is not None and slowest * FAST < self.limiter.timeout

    def _stop_streaming(self, why: str) -> None:
        if self.streams:
            self.streams = False
            self.memory.remember("stream", False)
            self.notify(f"{why}: asking without streaming from now on (then --timeout bounds each whole answer)")

    def one_at_a_time_for(self, why: str) -> None:
        """Send one request at a time from now on (and in later runs), saying `why`."""
        if not self.one_at_a_time:
            self.one_at_a_time = True
            self.limiter.cap(1)
            self.memory.remember("one_at_a_time", True)
            self.notify(f"{why}: sending one request at a time from now on")

    def _one_at_a_time(self) -> None:
        self.one_at_a_time_for("the server cut a streamed answer short when another request arrived (llama-cpp-python does)")


async def _streamed(openai_client: Any, kwargs: dict[str, Any]) -> Any:
    """Send `kwargs` as a streamed request and assemble its chunks; raises _Interrupted when the stream
    ends without a finish_reason, openai's timeout/connection errors when the server falls silent."""
    import httpx2
    import openai
    from openai.lib.streaming.chat import ChatCompletionStreamState

    stream = await openai_client.chat.completions.create(
        **kwargs, stream=True, stream_options={"include_usage": True})
    state, tokens = ChatCompletionStreamState(), 0
    try:
        async with stream:
            async for chunk in stream:
                state.handle_chunk(chunk)
                # llama.cpp servers send one token per chunk and no usage in a stream: count them
                tokens += sum(1 for choice in chunk.choices if choice.delta.content or choice.delta.tool_calls)
    except httpx2.TimeoutException as error:  # silence between chunks: openai wraps only the first wait
        raise openai.APITimeoutError(request=error.request) from None
    except httpx2.HTTPError as error:
        raise openai.APIConnectionError(message=str(error), request=error.request) from None
    try:
        snapshot = state.current_completion_snapshot
    except AssertionError:  # not a single chunk
        raise _Interrupted() from None
    if not snapshot.choices or not all(choice.finish_reason for choice in snapshot.choices):
        raise _Interrupted()
    return _completion(snapshot, tokens, kwargs)


def _declared_name(name: Any, declared: list[str]) -> Any:
    """llama-cpp-python repeats a tool call's name in every chunk, which accumulates to "AnswerAnswer...":
    the declared tool that name repeats, else the name as it came."""
    for tool in declared:
        if tool and isinstance(name, str) and name != tool and name == tool * (len(name) // len(tool)):
            return tool
    return name


def _completion(snapshot: Any, tokens: int, kwargs: dict[str, Any]) -> Any:
    """The assembled answer as a plain ChatCompletion, with usage when the server sent none."""
    from openai.types import CompletionUsage
    from openai.types.chat import ChatCompletion

    data = snapshot.to_dict()
    declared = [tool.get("function", {}).get("name", "") for tool in kwargs.get("tools") or []]
    for choice in data.get("choices", []):
        message = choice.get("message", {})
        message.pop("parsed", None)
        functions = [call.get("function") or {} for call in message.get("tool_calls") or []]
        for function in [*functions, message.get("function_call") or {}]:
            function.pop("parsed_arguments", None)
            function["name"] = _declared_name(function.get("name"), declared)
    if data.get("usage") is None:
        prompt = prompt_tokens(kwargs.get("messages") or [])  # an estimate: the server did not say
        data["usage"] = CompletionUsage(prompt_tokens=prompt, completion_tokens=tokens,
                                        total_tokens=prompt + tokens).model_dump()
    return ChatCompletion.model_validate(data)
