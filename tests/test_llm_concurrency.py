"""One bound on requests in flight; batches finish close to N*L/C; outcomes keep request order."""

from __future__ import annotations

import time

import pytest
from test_llm_client import answer_finding, finding_request

from litreview.llm import LLMClient


@pytest.mark.parametrize("concurrency", [1, 3, 8])
def test_server_never_sees_more_than_c_requests_in_flight(fake_llm, llm_settings, concurrency):
    fake_llm.responder, fake_llm.latency = answer_finding, 0.05
    count = 16
    with LLMClient(llm_settings.model_copy(update={"concurrency": concurrency})) as llm:
        warm_up(llm)  # imports and the first connection are not what this measures
        started = time.perf_counter()
        outcomes = llm.ask_many_sync([finding_request(n) for n in range(count)])
        elapsed = time.perf_counter() - started
    assert fake_llm.max_in_flight == concurrency  # the bound holds, and is used
    assert [o.value.item for o in outcomes] == [f"item-{n}" for n in range(count)]
    ideal = -(-count // concurrency) * fake_llm.latency
    assert ideal <= elapsed < ideal * 2 + 0.5  # loose: the benchmark measures efficiency properly


def test_embeddings_share_the_bound(fake_llm, llm_settings):
    fake_llm.latency = 0.05
    texts = [f"text number {n}" for n in range(64 * 6)]  # six requests of 64 texts
    with LLMClient(llm_settings.model_copy(update={"concurrency": 2})) as llm:
        vectors = llm.embed_sync(texts, model="fake-embed")
    assert len(vectors) == len(texts) and len(fake_llm.requests) == 6
    assert fake_llm.max_in_flight == 2


def warm_up(llm: LLMClient) -> None:
    request = finding_request(999)
    llm.ask_sync(request.response_model, request.messages, prompt_version="warm-up")
