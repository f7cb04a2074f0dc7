"""Streamed answers: --timeout measures the server's silence, not the length of its answer. A slow server
that keeps writing is never abandoned; a silent one is given up after --timeout, once, not per retry; a
server that refuses streaming or cuts streams short (llama-cpp-python) still gives a draft."""

from __future__ import annotations

import json
import time

from fake_llm import Fault, without_progress
from pydantic import BaseModel
from test_draft_llm import fake, here, llm_args  # noqa: F401 - fixtures
from test_generation_llm import paper_keys
from test_local_servers import distinct

from litreview.llm import LLMClient


def args(fake, here, *more: str) -> list[str]:
    return [*llm_args(fake, here)[:-2], "--top-k", "3", *more]


def test_a_slow_server_that_keeps_writing_is_never_abandoned(run_cli, fake, here):
    fake.script(Fault.trickle(0.3), when=lambda r: len(paper_keys(r)) == 1, times=1)  # the first summary, slowly
    result = run_cli(*args(fake, here, "--timeout", "1", "-o", "related.tex"))
    assert result.exit_code == 0, result.stderr
    assert all(r.body.get("stream") for r in fake.chat_requests)
    assert max(r.seconds for r in fake.chat_requests) > 1.5  # longer than --timeout in all, each gap 0.3 s
    assert distinct(fake.chat_requests) and len(fake.chat_requests) == 3 + 1 + 2  # nothing sent twice


def test_a_silent_server_fails_after_the_timeout_once_not_per_retry(run_cli, fake, here):
    fake.script(Fault.silent(), times=None)
    started = time.monotonic()
    result = run_cli(*args(fake, here, "--timeout", "1", "--max-retries", "3", "-o", "related.tex"))
    elapsed = time.monotonic() - started
    assert result.exit_code == 1 and list(here.iterdir()) == []
    assert without_progress(result.stderr)[-1].startswith("error: 3 paper summaries failed: ")
    assert without_progress(result.stderr)[-1].endswith(
        ": the server sent nothing for 1 s (--timeout), with one request at a time; the server takes longer than "
        "that to begin an answer, or hangs: raise --timeout, or check the server; rerun the same command to ask "
        "again for these only (the rest is cached)")
    assert len(fake.chat_requests) == 1 and elapsed < 3.5  # not 1 s x 4 tries x 3 papers


def test_a_server_that_refuses_streaming_gets_plain_requests_and_it_is_remembered(run_cli, fake, here):
    fake.refuses_stream = True
    result = run_cli(*args(fake, here, "-o", "related.tex"))
    assert result.exit_code == 0, result.stderr
    assert ("the server refused a streamed request (400): asking without streaming from now on (then --timeout "
            "bounds each whole answer)") in result.stderr
    assert [bool(r.body.get("stream")) for r in fake.chat_requests] == [True] + [False] * (3 + 1 + 2)
    fake.reset()
    assert run_cli(*args(fake, here, "--no-cache", "-o", "again.tex")).exit_code == 0
    assert not any(r.body.get("stream") for r in fake.chat_requests)  # the next run knows


def draft_from_a_one_slot_server_that_cuts_streams(run_cli, fake, here) -> tuple[str, dict]:
    """stderr and the JSON draft from a server like llama-cpp-python: one slot, `interrupt_requests` on."""
    fake.slots, fake.interrupts_streams = 1, True
    fake.script(Fault.trickle(0.05), times=None)
    result = run_cli(*args(fake, here, "--concurrency", "4", "-o", "related.json"))
    assert result.exit_code == 0, result.stderr
    return result.stderr, json.loads((here / "related.json").read_text())


def test_a_server_that_cuts_streams_for_a_waiting_request_is_sent_one_at_a_time(run_cli, fake, here):
    stderr, draft = draft_from_a_one_slot_server_that_cuts_streams(run_cli, fake, here)
    assert ("the server cut a streamed answer short when another request arrived (llama-cpp-python does): "
            "sending one request at a time from now on") in stderr
    bodies = [json.dumps(r.body, sort_keys=True) for r in fake.chat_requests]
    resent = len(bodies) - len(set(bodies))
    assert draft["usage"]["retries"] == resent >= 1  # each cut answer was sent again, and counted
    assert len(draft["selection"]) == 3 and not draft.get("warnings") and all(r.body["stream"] for r in fake.chat_requests)


def test_llama_cpp_pythons_server_is_known_by_its_tokenizer_and_sent_one_request_at_a_time(run_cli, fake, here):
    fake.tokenizer = "llama-cpp-python"
    stderr, draft = draft_from_a_one_slot_server_that_cuts_streams(run_cli, fake, here)
    assert ("llama-cpp-python's server answers one request at a time and cuts a streamed answer short when another "
            "arrives: sending one request at a time from now on") in stderr
    assert draft["usage"]["retries"] == 0 and fake.max_in_flight == 1 and distinct(fake.chat_requests)


class Quote(BaseModel):
    quote: str


def test_tokens_are_counted_when_a_stream_carries_no_usage(fake_llm, llm_settings):
    fake_llm.stream_usage = False  # llama-cpp-python ignores stream_options
    with LLMClient(llm_settings) as llm:
        llm.ask_sync(Quote, [{"role": "user", "content": "Quote: alpha beta gamma delta"}], prompt_version="v1")
    assert fake_llm.chat_requests[0].body["stream"] and llm.usage.completion_tokens > 0 and llm.usage.prompt_tokens > 0


def test_a_parallel_server_answering_far_within_the_timeout_gets_plain_requests(fake_llm, llm_settings):
    # parsing a stream costs the client as much CPU as the rest of a request: not worth it when answers come
    # twenty times quicker than --timeout (bench/llm_throughput.py at concurrency 32)
    requests = [[{"role": "user", "content": f"Quote: paper {n} alpha beta"}] for n in range(4)]
    with LLMClient(llm_settings.model_copy(update={"timeout": 30.0})) as llm:
        for messages in requests:
            llm.ask_sync(Quote, messages, prompt_version="v1")
    assert [bool(r.body.get("stream")) for r in fake_llm.chat_requests] == [True, False, False, False]
