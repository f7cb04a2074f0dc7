"""LLMClient through the real openai + instructor client, over HTTP to the fake server: answers, cache, usage."""

from __future__ import annotations

import asyncio

import pytest
from conftest import TEST_API_KEY
from fake_llm import Fault, FakeRequest
from pydantic import BaseModel

from litreview.config import Price, Settings
from litreview.errors import BudgetExceeded, ConfigError, LLMError
from litreview.llm import LLMClient, LLMRequest, Progress, Result


class Finding(BaseModel):
    """What one paper found, in its own words."""

    item: str
    quote: str


def finding_request(number: int, version: str = "finding-v1") -> LLMRequest[Finding]:
    text = f"<item>item-{number}</item><text>Paper {number} shows that caching saves money.</text>"
    messages = [{"role": "system", "content": "Quote the finding."}, {"role": "user", "content": text}]
    return LLMRequest(Finding, messages, version, label=f"item-{number}")


def answer_finding(request: FakeRequest) -> dict[str, str]:
    """Responder: the item marker and the text between <text> tags, as a Finding."""
    return {"item": request.between("<item>", "</item>")[0], "quote": request.between("<text>", "</text>")[0]}


@pytest.fixture
def fake(fake_llm):
    fake_llm.responder = answer_finding
    return fake_llm


@pytest.mark.parametrize("mode", ["tools", "json_schema", "json", "md_json"])
def test_each_mode_answers_with_the_callers_model(fake, llm_settings, mode):
    with LLMClient(llm_settings.model_copy(update={"mode": mode})) as llm:
        value = llm.ask_sync(Finding, finding_request(3).messages, prompt_version="v1")
    assert type(value) is Finding
    assert value == Finding(item="item-3", quote="Paper 3 shows that caching saves money.")
    assert fake.chat_requests[0].mode == mode
    assert fake.chat_requests[0].headers["authorization"] == f"Bearer {TEST_API_KEY}"


def test_rerun_makes_zero_requests(fake, llm_settings):
    requests = [finding_request(n) for n in range(10)]
    with LLMClient(llm_settings) as llm:
        first = llm.ask_many_sync(requests)
    assert len(fake.requests) == 10 and all(isinstance(o, Result) and not o.from_cache for o in first)
    with LLMClient(llm_settings) as llm:
        second = llm.ask_many_sync(requests)
        assert (llm.usage.calls, llm.usage.cached) == (0, 10)
    assert len(fake.requests) == 10
    assert [o.value for o in second] == [o.value for o in first]
    assert all(o.from_cache and type(o.value) is Finding for o in second)


@pytest.mark.parametrize("change", ["prompt_version", "model", "temperature", "mode", "messages", "schema", "base_url"])
def test_cache_key_covers_everything_that_decides_the_answer(fake, llm_settings, change):
    class OtherFinding(BaseModel):
        item: str
        quote: str
        year: int | None = None

    request = finding_request(1)
    with LLMClient(llm_settings) as llm:
        llm.ask_sync(request.response_model, request.messages, prompt_version="v1")
    settings, model, messages, version = llm_settings, Finding, request.messages, "v1"
    if change in ("model", "temperature", "mode"):
        settings = llm_settings.model_copy(update={change: {"model": "other", "temperature": 0.7, "mode": "json"}[change]})
    if change == "base_url":  # same server, another spelling of its address
        settings = llm_settings.model_copy(update={"base_url": llm_settings.base_url.replace("127.0.0.1", "localhost")})
    model = OtherFinding if change == "schema" else model
    messages = finding_request(2).messages if change == "messages" else messages
    version = "v2" if change == "prompt_version" else version
    with LLMClient(settings) as llm:
        llm.ask_sync(model, messages, prompt_version=version)
    assert len(fake.requests) == 2


def test_api_key_is_absent_from_every_cache_file(fake, llm_settings):
    fake.script(Fault.status(401, message=f"Incorrect API key provided: {TEST_API_KEY}"), when=lambda r: "item-2" in r.prompt)
    with LLMClient(llm_settings) as llm:
        outcomes = llm.ask_many_sync([finding_request(n) for n in range(4)])
        llm.embed_sync(["a text"], model="fake-embed")
    assert fake.requests[0].headers["authorization"] == f"Bearer {TEST_API_KEY}"  # it was really used
    assert outcomes[2].reason == (
        "item-2: the server rejected the API key (401): Incorrect API key provided: sk-...CRET; "
        "check LITREVIEW_API_KEY or OPENAI_API_KEY"
    )
    files = [path for path in llm_settings.cache_dir.rglob("*") if path.is_file()]
    assert len(files) >= 2  # cache.db, last-run.json
    for path in files:
        assert TEST_API_KEY.encode() not in path.read_bytes(), path


def test_usage_counts_tokens_time_and_cost(fake, llm_settings):
    settings = llm_settings.model_copy(update={"prices": {"fake-model": Price(input=1.0, output=2.0)}})
    with LLMClient(settings) as llm:
        llm.ask_many_sync([finding_request(n) for n in range(3)])
        usage = llm.usage
    served = [r for r in fake.chat_requests]
    assert usage.calls == 3 and usage.cached == 0 and usage.failed == 0
    assert usage.prompt_tokens == sum(len(r.prompt.split()) for r in served)
    assert usage.completion_tokens > 0 and usage.seconds > 0
    assert usage.cost(settings.prices) == pytest.approx((usage.prompt_tokens + 2 * usage.completion_tokens) / 1e6)
    assert usage.cost({}) is None
    assert usage.summary(settings.prices).startswith("3 calls, 0 from cache, 0 retries, 0 re-asks, ")


def test_max_calls_stops_before_the_next_paid_call_and_keeps_what_was_done(fake, llm_settings):
    requests = [finding_request(n) for n in range(5)]
    with LLMClient(llm_settings.model_copy(update={"max_calls": 3})) as llm:
        with pytest.raises(BudgetExceeded) as caught:
            llm.ask_many_sync(requests)
    assert caught.value.line() == (
        "stopped before paid call 4: --max-calls is 3; 2 of 5 requests were not sent; "
        "everything answered so far is cached; rerun with a higher --max-calls to continue"
    )
    assert caught.value.exit_code == 1
    assert len(fake.requests) == 3
    with LLMClient(llm_settings.model_copy(update={"max_calls": 2})) as llm:
        outcomes = llm.ask_many_sync(requests)  # 3 cached + 2 paid: within the budget
    assert len(fake.requests) == 5 and sum(o.from_cache for o in outcomes) == 3


def test_max_calls_on_a_single_ask(fake, llm_settings):
    with LLMClient(llm_settings.model_copy(update={"max_calls": 0})) as llm:
        with pytest.raises(BudgetExceeded, match=r"^stopped before paid call 1: --max-calls is 0;"):
            llm.ask_sync(Finding, finding_request(1).messages, prompt_version="v1")
    assert fake.requests == []


def test_progress_is_reported_through_the_callback(fake, llm_settings):
    seen: list[Progress] = []
    with LLMClient(llm_settings, progress=seen.append) as llm:
        llm.ask_many_sync([finding_request(n) for n in range(3)])
        llm.ask_many_sync([finding_request(n) for n in range(4)])
    assert [(p.done, p.total) for p in seen] == [(1, 3), (2, 3), (3, 3), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert sorted(p.label for p in seen[3:] if p.from_cache) == ["item-0", "item-1", "item-2"]
    assert not any(p.failed for p in seen)


def test_async_api_with_several_event_loops(fake, llm_settings):
    async def ask(llm: LLMClient, number: int) -> Finding:
        return await llm.ask(Finding, finding_request(number).messages, prompt_version="v1")

    llm = LLMClient(llm_settings)
    assert asyncio.run(ask(llm, 1)).item == "item-1"
    assert llm.ask_sync(Finding, finding_request(2).messages, prompt_version="v1").item == "item-2"
    assert asyncio.run(ask(llm, 3)).item == "item-3"  # a new loop gets a new HTTP client
    asyncio.run(llm.aclose())
    assert len(fake.requests) == 3


def test_embeddings_are_floats_cached_per_text(fake, llm_settings):
    texts = ["graph neural networks", "retrieval augmented generation", "graph neural networks"]
    with LLMClient(llm_settings) as llm:
        vectors = llm.embed_sync(texts, model="fake-embed")
    assert len(vectors) == 3 and vectors[0] == vectors[2] and len(vectors[0]) == 64
    body = fake.requests[0].body
    assert body["encoding_format"] == "float" and body["input"] == texts[:2]
    with LLMClient(llm_settings) as llm:
        assert llm.embed_sync(texts + ["new text"], model="fake-embed")[:3] == vectors
    assert len(fake.requests) == 2 and fake.requests[1].body["input"] == ["new text"]


def test_a_client_needs_a_server(tmp_path):
    with pytest.raises(ConfigError) as caught:
        LLMClient(Settings(model="m", cache_dir=tmp_path))
    assert caught.value.line() == "no LLM server configured; set OPENAI_API_KEY, or --base-url for a local server"


def test_ask_raises_the_failure_with_its_label(fake, llm_settings):
    fake.script(Fault.status(503), times=None)
    with LLMClient(llm_settings) as llm:
        with pytest.raises(LLMError) as caught:
            llm.ask_sync(Finding, finding_request(1).messages, prompt_version="v1", label="smith2020")
    assert caught.value.line() == (
        "smith2020: server error 503 on all 3 tries: fake failure 503; rerun later (answers so far are cached)"
    )
