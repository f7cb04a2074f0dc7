"""A fake OpenAI-compatible server for tests: a real HTTP server on 127.0.0.1, not a mock.

openai 3.x sends through httpx2, so respx-style mocks do not intercept it; this server does, because
the real client talks to it over a socket. It speaks `POST /v1/chat/completions` (answering with a
tool call when the request has `tools`, JSON content for `response_format` requests, a ```json block
for instructor's MD_JSON mode) and `POST /v1/embeddings`.

Use (the `fake_llm` fixture in conftest.py starts one per test on a free port):

    def test_summary(fake_llm, llm_settings):           # llm_settings points at fake_llm.url
        fake_llm.responder = lambda req: {"quote": req.between("<abstract>", "</abstract>")[0][:40]}
        fake_llm.script(Fault.status(429, retry_after=0.01), when=lambda req: "paper-3" in req.prompt)
        fake_llm.script(Fault.answer({"keys": ["invented2099"]}), times=2)   # the next 2 requests
        ...
        assert len(fake_llm.chat_requests) == 4 and fake_llm.max_in_flight <= 8

- `responder(req)` returns the answer for the schema the request asked for: a dict (wrapped as tool
  arguments or JSON content as the mode requires), a `str` (raw text in that place), or a `Fault`.
  The default `fill_schema_from_prompt` fills any schema with quotes taken from the last user message.
- `script(fault, when=..., times=1)` queues a fault for the next matching requests (rules are tried in
  the order added; `times=None` applies forever). Faults: `Fault.status(code, retry_after=...)`,
  `Fault.delay(seconds)` (then answer normally: past the client's timeout it is a timeout),
  `Fault.drop()` (close the connection without a response), `Fault.content(text)` (e.g. malformed
  JSON), `Fault.answer(obj)` (schema-invalid JSON, an invented citation key...), `Fault.cut_off()`
  (finish_reason "length").
- `latency` (seconds) delays every answer; `requests` records every request (`FakeRequest`);
  `in_flight` / `max_in_flight` count concurrent requests.
- Like a local server (llama.cpp, Ollama): `slots=1` serves one request at a time and queues the
  others (their latency grows with the queue, as a real one's does); `context_limit=N` answers 400
  (llama-cpp-python's message) when the prompt's words plus max_tokens exceed N; `Fault.runaway()`
  loops one sentence until max_tokens and still says finish_reason "tool_calls"; `LLAMA_CPP_JSON_SCHEMA`
  is the body llama-cpp-python sends with its 500 for a json_schema response_format.
- Streams like the real servers when a request says `stream`: server-sent events in OpenAI's chunk
  format (tool-call arguments in deltas, a usage chunk when `stream_options.include_usage`, unless
  `stream_usage=False` as with llama-cpp-python). `Fault.trickle(gap)` streams slowly, `Fault.silent()`
  accepts and never sends a byte; `refuses_stream=True` answers 400 naming `stream`;
  `interrupts_streams=True` ends a stream early (no finish_reason) when another request waits for the
  one slot, as llama-cpp-python's `interrupt_requests` does.
- Tokenizers of local servers: `tokenizer="llama-cpp-python"` answers POST /extras/tokenize[/count],
  `tokenizer="llama.cpp"` POST /tokenize and GET /props (`n_ctx`), with `fake_tokens` (then the
  `context_limit` is counted with it too); other paths outside /v1 answer 404. They are recorded in
  `tokenize_requests`, not `requests`.
- `python tests/fake_llm.py --latency 0.2` runs one in its own process (the benchmark does this so
  the server does not share the client's GIL) and prints its URL.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import math
import re
import socket
import sys
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

EMBEDDING_DIMENSIONS = 64
REASK_MARK = "Your previous answer could not be used"  # how litreview's re-asks begin
# llama-cpp-python's answer (HTTP 500) to `response_format: {"type": "json_schema", ...}`
LLAMA_CPP_JSON_SCHEMA = ("[{'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), "
                         "'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema', "
                         "'ctx': {'expected': \"'text' or 'json_object'\"}}]")
RUNAWAY_SENTENCE = "The paper studies the problem of the paper and the paper studies the problem. "
MD_JSON_SUFFIX = re.compile(r"\s*Return the correct JSON response within a ```json codeblock\. not the JSON_SCHEMA\s*$")


@dataclass(frozen=True)
class Fault:
    """One scripted misbehaviour of the server for one request."""

    kind: str  # "status" | "delay" | "drop" | "content" | "answer" | "cut_off" | "runaway" | "trickle" | "silent"
    code: int = 200  # the HTTP status of a "status" fault
    retry_after: float | None = None
    seconds: float = 0.0
    text: str = ""
    answer_obj: Any = None

    @classmethod
    def status(cls, code: int, *, retry_after: float | None = None, message: str = "") -> Fault:
        """An HTTP error status (429, 500...), with a Retry-After header and an error message when given."""
        return cls("status", code=code, retry_after=retry_after, text=message or f"fake failure {code}")

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait this long before answering normally (longer than the client's timeout = a timeout)."""
        return cls("delay", seconds=seconds)

    @classmethod
    def drop(cls) -> Fault:
        """Close the connection without sending any response."""
        return cls("drop")

    @classmethod
    def content(cls, text: str) -> Fault:
        """Answer with this raw text where the JSON belongs (malformed JSON, prose...)."""
        return cls("content", text=text)

    @classmethod
    def cut_off(cls) -> Fault:
        """Answer normally but with finish_reason "length", as a server hitting its token limit does."""
        return cls("cut_off")

    @classmethod
    def no_tool_call(cls) -> Fault:
        """Answer in the message's text even when the request asked for a tool call, as a server
        whose chat template knows no tools does."""
        return cls("no_tool_call")

    @classmethod
    def runaway(cls) -> Fault:
        """A model that repeats one sentence until max_tokens, reported (as llama-cpp-python does) with
        finish_reason "tool_calls" / "stop", not "length"."""
        return cls("runaway")

    @classmethod
    def trickle(cls, gap: float) -> Fault:
        """Stream the answer in small pieces, `gap` seconds apart (a slow server that keeps writing)."""
        return cls("trickle", seconds=gap)

    @classmethod
    def silent(cls) -> Fault:
        """Accept the request, then never send a byte (a server that hangs)."""
        return cls("silent")

    @classmethod
    def answer(cls, obj: Any) -> Fault:
        """Answer with this JSON value instead of the responder's (schema-invalid, invented key...)."""
        return cls("answer", answer_obj=obj)


@dataclass
class FakeRequest:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    seconds: float = 0.0  # from arrival to the end of the answer (queue included)

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.body.get("messages", [])

    @property
    def model(self) -> str:
        return self.body.get("model", "")

    @property
    def mode(self) -> str:
        """'tools', 'json_schema', 'json', 'md_json' (instructor's modes) or 'embeddings'."""
        if self.path.endswith("/embeddings"):
            return "embeddings"
        if self.body.get("tools"):
            return "tools"
        kind = (self.body.get("response_format") or {}).get("type")
        return {"json_schema": "json_schema", "json_object": "json"}.get(kind, "md_json")

    @property
    def schema(self) -> dict[str, Any] | None:
        """The JSON schema the client asked for, wherever the mode put it."""
        if self.mode == "tools":
            return self.body["tools"][0]["function"]["parameters"]
        if self.mode == "json_schema":
            return self.body["response_format"]["json_schema"]["schema"]
        return _schema_in_system_message(self.messages)

    @property
    def tool_name(self) -> str:
        tools = self.body.get("tools") or [{"function": {"name": "answer"}}]
        return tools[0]["function"]["name"]

    @property
    def prompt(self) -> str:
        """The text of every message, joined: what tests search for markers."""
        return "\n".join(_text_of(message) for message in self.messages)

    @property
    def last_user_text(self) -> str:
        """The last user message, without the instruction instructor appends in MD_JSON mode."""
        users = [_text_of(m) for m in self.messages if m.get("role") == "user"]
        return MD_JSON_SUFFIX.sub("", users[-1]) if users else ""

    @property
    def is_reask(self) -> bool:
        """True when the client is re-asking after an unusable answer (litreview's brief re-ask line, or
        instructor's own re-ask, which repeats the failed answer)."""
        return REASK_MARK in self.last_user_text or any(m.get("role") in ("assistant", "tool") for m in self.messages)

    def between(self, start: str, end: str) -> list[str]:
        """Every piece of the prompt between the delimiters `start` and `end`, in order."""
        return re.findall(re.escape(start) + r"(.*?)" + re.escape(end), self.prompt, flags=re.S)


Responder = Callable[[FakeRequest], "dict[str, Any] | list[Any] | str | Fault"]


@dataclass
class _Rule:
    fault: Fault
    when: Callable[[FakeRequest], bool] | None
    times: int | None


@dataclass
class FakeLLM:
    """The server. `start()` binds a free port on 127.0.0.1; `url` is the base URL for the client."""

    latency: float = 0.0
    slots: int | None = None  # requests served at once; the others wait in the server's queue
    context_limit: int | None = None  # words of prompt + max_tokens the server accepts (400 beyond)
    responder: Responder = field(default=None)  # type: ignore[assignment]
    embedder: Callable[[str], list[float]] = field(default=None)  # type: ignore[assignment]
    requests: list[FakeRequest] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    errors: list[Exception] = field(default_factory=list)  # exceptions raised by the responder
    refuses_stream: bool = False  # answer a streamed request with 400 naming `stream`
    stream_usage: bool = True  # send a usage chunk when asked (llama-cpp-python never does)
    interrupts_streams: bool = False  # end a stream early when another request waits (llama-cpp-python)
    waiting: int = 0  # requests waiting in the queue for a slot
    tokenizer: str | None = None  # "llama-cpp-python" or "llama.cpp": offer that server's tokenize endpoints
    n_ctx: int | None = None  # the context size llama.cpp's GET /props tells
    tokenize_requests: list[FakeRequest] = field(default_factory=list)  # tokenize and props requests

    def __post_init__(self) -> None:
        self.responder = self.responder or fill_schema_from_prompt
        self.embedder = self.embedder or embed_text
        self._rules: list[_Rule] = []
        self._lock = threading.Lock()
        self._slots: threading.Semaphore | None = None
        self._server: ThreadingHTTPServer | None = None
        self._stopped = threading.Event()

    def start(self) -> FakeLLM:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self  # type: ignore[attr-defined]
        threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True, name="fake-llm").start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FakeLLM:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server, "start() the server first"
        return f"http://127.0.0.1:{self._server.server_port}/v1"

    @property
    def chat_requests(self) -> list[FakeRequest]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def script(self, fault: Fault, *, when: Callable[[FakeRequest], bool] | None = None, times: int | None = 1) -> None:
        """Apply `fault` to the next `times` requests matching `when` (all requests if None)."""
        with self._lock:
            self._rules.append(_Rule(fault, when, times))

    def reset(self) -> None:
        """Forget recorded requests, counters and scripted faults."""
        with self._lock:
            self.requests.clear()
            self._rules.clear()
            self.max_in_flight = self.in_flight

    def _admit(self, request: FakeRequest) -> Fault | None:
        with self._lock:
            self.requests.append(request)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            return self._take_fault(request)

    def _take_fault(self, request: FakeRequest) -> Fault | None:
        for rule in self._rules:
            if rule.times == 0 or (rule.when and not rule.when(request)):
                continue
            if rule.times is not None:
                rule.times -= 1
            return rule.fault
        return None

    def _queue(self) -> Any:
        """The server's request queue: `slots` requests at a time, or no queue at all."""
        with self._lock:
            if self.slots and self._slots is None:
                self._slots = threading.Semaphore(self.slots)
        return self._slots or contextlib.nullcontext()

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # a burst of concurrent connects must not overflow the listen backlog

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that closed its connection (openai closes a stream after `[DONE]`, unread bytes and all, so
        the socket is reset) is routine, as for a real server: not a traceback on the test's stderr."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    disable_nagle_algorithm = True  # else headers and body in two writes meet delayed ACK: +40 ms each

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence the default stderr log
        pass

    def do_GET(self) -> None:
        fake: FakeLLM = self.server.fake  # type: ignore[attr-defined]
        fake.tokenize_requests.append(FakeRequest(self.path, dict(self.headers.items()), {}))
        if self.path == "/props" and fake.tokenizer == "llama.cpp":
            self._send_json(200, {"default_generation_settings": {"n_ctx": fake.n_ctx}, "total_slots": 1})
        else:
            self._send_json(404, {"error": {"message": "File Not Found", "type": "not_found_error"}})

    def do_POST(self) -> None:
        fake: FakeLLM = self.server.fake  # type: ignore[attr-defined]
        length = int(self.headers.get("content-length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        request = FakeRequest(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        if not self.path.startswith("/v1/"):
            fake.tokenize_requests.append(request)
            return self._tokenize(fake, request)
        started = time.monotonic()
        fault = fake._admit(request)
        queue = fake._queue()
        try:
            with fake._lock:
                fake.waiting += 1
            with queue:  # a one-slot server: the others wait here, and their latency grows
                with fake._lock:
                    fake.waiting -= 1
                arrived = time.monotonic()  # latency counts from here: the answer is sent at arrived + latency
                if fake.context_limit and _too_long(request, fake.context_limit, fake.tokenizer):
                    self._send_context_error(request, fake.context_limit, fake.tokenizer)
                elif fake.refuses_stream and request.body.get("stream"):
                    error = {"error": {"message": "stream is not supported", "type": "invalid_request_error"}}
                    self._send_json(400, error)
                else:
                    self._answer(fake, request, fault, arrived)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (timeout): nothing to do
        finally:
            request.seconds = time.monotonic() - started
            fake._leave()

    def _answer(self, fake: FakeLLM, request: FakeRequest, fault: Fault | None, arrived: float) -> None:
        fault, answer = _plan(fake, request, fault)
        if request.mode == "embeddings":
            payload = _embeddings_response(request, fake.embedder)
        else:
            if fault and fault.kind == "runaway":
                answer = _runaway_text(request)
            payload = _chat_response(request, answer, cut_off=bool(fault and fault.kind == "cut_off"),
                                     as_text=bool(fault and fault.kind == "no_tool_call"))
            if fault and fault.kind == "runaway":
                payload["usage"]["completion_tokens"] = int(request.body.get("max_tokens") or 4096)
        delay = fake.latency + (fault.seconds if fault and fault.kind == "delay" else 0.0)
        time.sleep(max(0.0, arrived + delay - time.monotonic()))
        if fault and fault.kind == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif fault and fault.kind == "status":
            self._send_error_status(fault)
        elif fault and fault.kind == "silent":
            fake._stopped.wait(60)  # hold the connection, say nothing
            self.close_connection = True
        elif request.body.get("stream") and request.mode != "embeddings":
            self._send_stream(fake, request, payload, fault.seconds if fault and fault.kind == "trickle" else 0.0)
        else:
            self._send_json(200, payload)

    def _send_stream(self, fake: FakeLLM, request: FakeRequest, payload: dict[str, Any], gap: float) -> None:
        """The answer as server-sent events in OpenAI's chunk format, `gap` seconds between chunks."""
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        for number, chunk in enumerate(_stream_chunks(payload)):
            if number and fake.interrupts_streams and fake.waiting:
                break  # llama-cpp-python: [DONE] without a finish_reason, so the waiting request gets the slot
            if chunk.get("usage") and not (fake.stream_usage and (request.body.get("stream_options") or {}).get("include_usage")):
                continue
            time.sleep(gap if number else 0.0)
            self._write_chunk(f"data: {json.dumps(chunk)}\n\n".encode())
        self._write_chunk(b"data: [DONE]\n\n")
        self._write_chunk(b"")

    def _write_chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _tokenize(self, fake: FakeLLM, request: FakeRequest) -> None:
        """llama-cpp-python's POST /extras/tokenize[/count] {"input"}, llama.cpp's POST /tokenize {"content"}."""
        if fake.tokenizer == "llama-cpp-python" and request.path in ("/extras/tokenize", "/extras/tokenize/count"):
            tokens = fake_tokens(request.body["input"])
            self._send_json(200, {"count": len(tokens)} if request.path.endswith("/count") else {"tokens": tokens})
        elif fake.tokenizer == "llama.cpp" and request.path == "/tokenize":
            self._send_json(200, {"tokens": fake_tokens(request.body["content"])})
        else:
            self._send_json(404, {"error": {"message": "File Not Found", "type": "not_found_error"}})

    def _send_error_status(self, fault: Fault) -> None:
        headers = {"retry-after": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
        kind = "rate_limit_exceeded" if fault.code == 429 else "server_error"
        error = {"error": {"message": fault.text, "type": kind, "code": kind}}
        self._send_json(fault.code, error, headers)

    def _send_context_error(self, request: FakeRequest, limit: int, tokenizer: str | None) -> None:
        wanted = _prompt_tokens(request, tokenizer) + int(request.body.get("max_tokens") or 0)
        message = f"Requested tokens ({wanted}) exceed context window of {limit}"
        self._send_json(400, {"error": {"message": message, "type": "invalid_request_error", "code": None}})

    def _send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


def _plan(fake: FakeLLM, request: FakeRequest, fault: Fault | None) -> tuple[Fault | None, Any]:
    """The fault to apply and the answer to send; a responder may return a Fault itself."""
    if request.mode == "embeddings":
        return fault, None
    if fault and fault.kind == "content":
        return fault, fault.text
    if fault and fault.kind == "answer":
        return fault, fault.answer_obj
    try:
        answer = fake.responder(request)
    except Exception as error:  # a broken responder must show up in the test, not hang it
        fake.errors.append(error)
        return Fault.status(500), None
    if isinstance(answer, Fault) and answer.kind in ("content", "answer"):
        return _plan(fake, request, answer)
    if isinstance(answer, Fault):  # status, drop, or delay (then the default answer)
        return answer, fill_schema_from_prompt(request)
    return fault, answer


def _chat_response(request: FakeRequest, answer: Any, *, cut_off: bool = False, as_text: bool = False) -> dict[str, Any]:
    """Wrap `answer` the way the request's mode expects: tool call, JSON content or a ```json block
    (`as_text`: the message's text whatever the mode)."""
    text = answer if isinstance(answer, str) else json.dumps(answer)
    if request.mode == "tools" and not as_text:
        call = {"id": "call_1", "type": "function", "function": {"name": request.tool_name, "arguments": text}}
        message: dict[str, Any] = {"role": "assistant", "content": None, "tool_calls": [call]}
        finish = "tool_calls"
    else:
        content = f"```json\n{text}\n```" if request.mode == "md_json" and not isinstance(answer, str) else text
        message, finish = {"role": "assistant", "content": content}, "stop"
    prompt_tokens, completion_tokens = _count_tokens(request.prompt), _count_tokens(text)
    return {
        "id": f"chatcmpl-{len(request.prompt)}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.model,
        "choices": [{"index": 0, "message": message, "finish_reason": "length" if cut_off else finish}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def _stream_chunks(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """A chat completion cut into stream chunks: the role, then the text or the tool call's arguments
    in pieces of a few words (a tool call's id and name in its first delta), then the finish_reason,
    then the usage (choices empty), as OpenAI streams them."""
    choice = payload["choices"][0]
    message = choice["message"]
    call = (message.get("tool_calls") or [None])[0]
    text = call["function"]["arguments"] if call else message.get("content") or ""
    pieces = re.findall(r"\S+\s*|\s+", text)
    pieces = ["".join(pieces[start:start + 3]) for start in range(0, len(pieces), 3)] or [""]
    base = {key: payload[key] for key in ("id", "created", "model")} | {"object": "chat.completion.chunk"}

    def chunk(delta: dict[str, Any], finish: str | None = None, **more: Any) -> dict[str, Any]:
        return {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **more}

    chunks = [chunk({"role": "assistant", "content": None if call else ""})]
    for number, piece in enumerate(pieces):
        if call:
            head = {"id": call["id"], "type": "function", "function": {"name": call["function"]["name"]}} if number == 0 else {}
            delta = {"tool_calls": [{"index": 0, **head, "function": {**head.get("function", {}), "arguments": piece}}]}
        else:
            delta = {"content": piece}
        chunks.append(chunk(delta))
    chunks.append(chunk({}, choice["finish_reason"]))
    chunks.append({**base, "choices": [], "usage": payload["usage"]})
    return chunks


def _too_long(request: FakeRequest, limit: int, tokenizer: str | None = None) -> bool:
    return request.mode != "embeddings" and _prompt_tokens(request, tokenizer) + int(request.body.get("max_tokens") or 0) > limit


def _prompt_tokens(request: FakeRequest, tokenizer: str | None) -> int:
    """The prompt's tokens as this server counts them: by its tokenizer when it has one, else its words."""
    return len(fake_tokens(request.prompt)) if tokenizer else _count_tokens(request.prompt)


def fake_tokens(text: str) -> list[int]:
    """A deterministic tokenizer: one token per piece of at most two letters or digits, or per other sign
    (so about one token per two characters: more than litreview's estimate of one per three)."""
    return [zlib.crc32(piece.encode()) % 50_000 for piece in re.findall(r"\w{1,2}|[^\w\s]", text)]


def _runaway_text(request: FakeRequest) -> str:
    """The start of a JSON answer whose first string never ends, cut at max_tokens words."""
    limit = int(request.body.get("max_tokens") or 4096)
    words = (RUNAWAY_SENTENCE * (limit // len(RUNAWAY_SENTENCE.split()) + 1)).split()[:limit]
    return '{"problem": "' + " ".join(words)


def _embeddings_response(request: FakeRequest, embedder: Callable[[str], list[float]]) -> dict[str, Any]:
    inputs = request.body.get("input", [])
    texts = [inputs] if isinstance(inputs, str) else list(inputs)
    data = [{"object": "embedding", "index": i, "embedding": embedder(t)} for i, t in enumerate(texts)]
    tokens = sum(_count_tokens(t) for t in texts)
    return {
        "object": "list",
        "data": data,
        "model": request.model,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }


def fill_schema_from_prompt(request: FakeRequest) -> Any:
    """The default responder: any schema, filled with quotes from the last user message."""
    schema = request.schema or {"type": "object", "properties": {}}
    return fill_schema(schema, request.last_user_text)


def fill_schema(schema: dict[str, Any], source: str, root: dict[str, Any] | None = None) -> Any:
    """An instance of `schema` whose strings are quotes (first words) of `source`."""
    root = root or schema
    if "$ref" in schema:
        return fill_schema(_resolve_ref(root, schema["$ref"]), source, root)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    options = schema.get("anyOf") or schema.get("oneOf")
    if options:
        usable = [o for o in options if o.get("type") != "null"] or options
        return fill_schema(usable[0], source, root)
    kind = schema.get("type", "object")
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: fill_schema(sub, source, root) for name, sub in properties.items()}
    if kind == "array":
        count = max(schema.get("minItems", 1), 1)
        return [fill_schema(schema.get("items", {}), source, root) for _ in range(count)]
    return _fill_scalar(kind, schema, source)


def _fill_scalar(kind: str, schema: dict[str, Any], source: str) -> Any:
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return float(schema.get("minimum", 0.5))
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    words = source.split()[:12] or ["text"]
    return " ".join(words)


def without_progress(stderr: str) -> list[str]:
    """The lines of a command's stderr without its plain progress lines (`progress: ...`, written when
    stderr is not a terminal, as under the test runner)."""
    return [line for line in stderr.splitlines() if not line.startswith("progress: ")]


def embed_text(text: str) -> list[float]:
    """A deterministic unit vector: hashed bag of lowercase words, so similar texts are close."""
    vector = [0.0] * EMBEDDING_DIMENSIONS
    for word in re.findall(r"\w+", text.lower()):
        digest = hashlib.sha256(word.encode()).digest()
        vector[digest[0] % EMBEDDING_DIMENSIONS] += 1.0 if digest[1] % 2 else -1.0
    norm = math.sqrt(sum(v * v for v in vector)) or 1.0
    return [v / norm for v in vector]


def _resolve_ref(root: dict[str, Any], ref: str) -> dict[str, Any]:
    node: Any = root
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node


def _schema_in_system_message(messages: list[dict[str, Any]]) -> dict[str, Any] | None:
    """JSON / MD_JSON modes put the schema in the system message after 'json_schema:'."""
    for message in messages:
        text = _text_of(message)
        start = text.find("{", text.find("json_schema"))
        if message.get("role") == "system" and "json_schema" in text and start >= 0:
            return json.JSONDecoder().raw_decode(text[start:])[0]
    return None


def _text_of(message: dict[str, Any]) -> str:
    content = message.get("content") or ""
    if isinstance(content, list):  # content parts
        return "\n".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


def _count_tokens(text: str) -> int:
    return max(1, len(text.split()))


def main() -> None:
    """Run a server in this process until killed; print its base URL on the first line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before every answer")
    args = parser.parse_args()
    fake = FakeLLM(latency=args.latency).start()
    print(fake.url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()
