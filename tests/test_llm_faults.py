"""Each fault the fake server can script: retried (HTTP) or re-asked (bad output) and then answered,
or reported as a Failure with its reason while the other requests complete."""

from __future__ import annotations

import time

import pytest
from fake_llm import Fault, FakeRequest
from pydantic import BaseModel, ValidationInfo, field_validator
from test_llm_client import Finding, answer_finding, finding_request

from litreview.llm import Failure, LLMClient, LLMRequest, Result, failures_error


class Cited(BaseModel):
    """Citation keys chosen for a sentence."""

    keys: list[str]

    @field_validator("keys")
    @classmethod
    def keys_are_in_the_corpus(cls, keys: list[str], info: ValidationInfo) -> list[str]:
        allowed = (info.context or {}).get("corpus_keys", set())
        unknown = [key for key in keys if key not in allowed]
        if unknown:
            raise ValueError(f"unknown citation keys {unknown}; cite only {sorted(allowed)}")
        return keys


@pytest.fixture
def fake(fake_llm):
    fake_llm.responder = answer_finding
    return fake_llm


def ask_one(settings, number: int = 1) -> tuple[Finding, LLMClient]:
    with LLMClient(settings) as llm:
        return llm.ask_sync(Finding, finding_request(number).messages, prompt_version="v1"), llm


def test_429_honours_retry_after_then_succeeds(fake, llm_settings):
    fake.script(Fault.status(429, retry_after=0.4))
    started = time.perf_counter()
    value, llm = ask_one(llm_settings)
    assert time.perf_counter() - started >= 0.4  # the server's wait, not the 0.01 s backoff
    assert value.item == "item-1" and len(fake.requests) == 2 and llm.usage.retries == 1


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_retried(fake, llm_settings, status):
    fake.script(Fault.status(status), times=2)
    value, llm = ask_one(llm_settings)
    assert value.item == "item-1" and len(fake.requests) == 3 and llm.usage.retries == 2


def test_silence_past_the_timeout_is_not_sent_again(fake, llm_settings):
    # the server may still be working on it: a resend would double its work (it was retried before issue 15)
    fake.script(Fault.delay(1.5))
    with LLMClient(llm_settings.model_copy(update={"timeout": 0.3})) as llm:
        outcomes = llm.ask_many_sync([finding_request(1)])
    assert outcomes[0].reason == ("item-1: the server sent nothing for 0.3 s (--timeout), with one request at a time; "
                                  "the server takes longer than that to begin an answer, or hangs: raise --timeout, "
                                  "or check the server")
    assert len(fake.requests) == 1 and llm.usage.retries == 0


def test_a_dropped_connection_is_retried(fake, llm_settings):
    fake.script(Fault.drop())
    value, llm = ask_one(llm_settings)
    assert value.item == "item-1" and len(fake.requests) == 2 and llm.usage.retries == 1


@pytest.mark.parametrize("mode", ["tools", "json_schema", "md_json"])
def test_malformed_json_is_reasked_with_the_error(fake, llm_settings, mode):
    fake.script(Fault.content('{"item": "item-1", "quote": '))
    value, llm = ask_one(llm_settings.model_copy(update={"mode": mode}))
    assert value.item == "item-1" and llm.usage.reasks == 1
    first, reask = fake.chat_requests
    assert not first.is_reask and reask.is_reask
    assert "json_invalid" in reask.prompt or "Invalid JSON" in reask.prompt


def test_schema_invalid_json_is_reasked_with_the_error(fake, llm_settings):
    fake.script(Fault.answer({"item": "item-1"}))  # "quote" is missing
    value, llm = ask_one(llm_settings)
    assert value.quote.startswith("Paper 1") and llm.usage.reasks == 1
    first, reask = fake.chat_requests  # the re-ask is the prompt plus one line: never the failed answer's bulk
    assert reask.last_user_text.endswith("Your previous answer could not be used: quote: Field required. "
                                         "Answer again: one JSON object and nothing else.")
    assert len(reask.messages) == len(first.messages) + 1


def test_an_invented_citation_key_is_reasked_with_the_validator_message(fake, llm_settings):
    fake.responder = lambda request: {"keys": ["vaswani2017"]}
    fake.script(Fault.answer({"keys": ["invented2099"]}))
    context = {"corpus_keys": {"vaswani2017", "devlin2019"}}
    with LLMClient(llm_settings) as llm:
        value = llm.ask_sync(Cited, [{"role": "user", "content": "Cite."}], prompt_version="cite-v1", context=context)
    assert value.keys == ["vaswani2017"] and llm.usage.reasks == 1
    assert "unknown citation keys ['invented2099']; cite only ['devlin2019', 'vaswani2017']" in fake.chat_requests[1].prompt


def test_a_cached_answer_is_revalidated_with_the_current_context(fake, llm_settings):
    fake.responder = lambda request: {"keys": ["vaswani2017"]}
    messages = [{"role": "user", "content": "Cite."}]
    with LLMClient(llm_settings) as llm:
        llm.ask_sync(Cited, messages, prompt_version="v1", context={"corpus_keys": {"vaswani2017"}})
        fake.responder = lambda request: {"keys": ["devlin2019"]}
        # the corpus lost that key: the cached answer no longer validates, so it is asked again
        value = llm.ask_sync(Cited, messages, prompt_version="v1", context={"corpus_keys": {"devlin2019"}})
    assert value.keys == ["devlin2019"] and len(fake.requests) == 2


def failing_batch(fake) -> None:
    """Items 1, 3 and 5 fail on every attempt, each in its own way."""
    fake.script(Fault.status(500), when=lambda r: "item-1<" in r.prompt, times=None)
    fake.script(Fault.content("I cannot answer in JSON."), when=lambda r: "item-3<" in r.prompt, times=None)
    fake.script(Fault.delay(1.0), when=lambda r: "item-5<" in r.prompt, times=None)


def test_items_that_keep_failing_are_reported_while_the_others_complete(fake, llm_settings):
    failing_batch(fake)
    settings = llm_settings.model_copy(update={"timeout": 0.25, "max_retries": 1})
    with LLMClient(settings) as llm:
        outcomes = llm.ask_many_sync([finding_request(n) for n in range(7)])
        usage = llm.usage
    assert [o.ok for o in outcomes] == [True, False, True, False, True, False, True]
    assert [o.value.item for o in outcomes if isinstance(o, Result)] == ["item-0", "item-2", "item-4", "item-6"]
    reasons = [o.reason for o in outcomes if isinstance(o, Failure)]
    assert reasons[0] == "item-1: server error 500 on all 2 tries: fake failure 500; rerun later (answers so far are cached)"
    assert reasons[1].startswith("item-3: the answer failed validation 2 times: Invalid JSON: expected ident at line 1 column 2;")
    assert reasons[1].endswith("; raise --reask, or try another model; "
                               "if the server lacks tool calling or JSON schema, try --mode json_schema, json or md_json")
    # the retries (500s, the timeout) each halved the requests in flight: one at a time when it failed
    assert reasons[2] == ("item-5: the server sent nothing for 0.25 s (--timeout), with one request at a time; "
                          "the server takes longer than that to begin an answer, or hangs: raise --timeout, "
                          "or check the server")
    # paid: 4 answers + item-3's 2 invalid ones; not paid: 2 tries of item-1 (500), 1 of item-5 (silence: never resent)
    assert (usage.calls, usage.failed, usage.reasks, usage.failed_attempts) == (6, 3, 1, 3)
    assert usage.sent == len(fake.requests) == 9
    error = failures_error([o for o in outcomes if isinstance(o, Failure)])
    assert error.line().startswith("3 requests failed: item-1: server error 500")
    assert error.exit_code == 1


def test_a_rerun_asks_again_only_for_the_failed_items(fake, llm_settings):
    failing_batch(fake)
    settings = llm_settings.model_copy(update={"timeout": 0.25, "max_retries": 0, "reask": 0})
    requests = [finding_request(n) for n in range(7)]
    with LLMClient(settings) as llm:
        llm.ask_many_sync(requests)
    fake.reset()  # the server recovered
    with LLMClient(settings) as llm:
        outcomes = llm.ask_many_sync(requests)
    assert all(o.ok for o in outcomes)
    assert sorted(answer_finding(r)["item"] for r in fake.requests) == ["item-1", "item-3", "item-5"]


def test_a_responder_may_fail_requests_itself(fake, llm_settings):
    fake.responder = lambda r: Fault.status(500) if "item-1<" in r.prompt else answer_finding(r)
    with LLMClient(llm_settings) as llm:
        outcomes = llm.ask_many_sync([finding_request(n) for n in range(3)])
    assert [o.ok for o in outcomes] == [True, False, True]
    assert fake.errors == []


def test_a_wrong_model_name_says_so(fake, llm_settings):
    fake.script(Fault.status(404, message="model 'gtp-4' not found"), times=None)
    with LLMClient(llm_settings) as llm:
        (outcome,) = llm.ask_many_sync([LLMRequest(Finding, finding_request(1).messages, "v1")])
    assert outcome.reason == (
        f"LLM fake-model: model 'fake-model' or endpoint not found at {fake.url} (404): "
        "model 'gtp-4' not found; check --model and --base-url"
    )
    assert len(fake.requests) == 1  # a 404 is not retried


def test_messages_are_sent_verbatim_even_with_a_validation_context(fake, llm_settings):
    # instructor renders messages as Jinja templates when given a context; abstracts are not templates
    text = "Abstract: we bound {{ x }} and {% raw %} by \\newcommand{\\R}[1]{#1}.\n    indented line\n\n   \n"
    fake.responder = lambda request: {"keys": ["vaswani2017"]}
    messages = [{"role": "user", "content": text}]
    with LLMClient(llm_settings) as llm:
        llm.ask_sync(Cited, messages, prompt_version="v1", context={"corpus_keys": {"vaswani2017"}})
    assert fake.chat_requests[0].messages == messages


def test_a_server_that_is_not_running_is_named(llm_settings):
    import socket

    with socket.socket() as probe:  # a free port with nothing listening
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/v1"
    with LLMClient(llm_settings.model_copy(update={"base_url": url})) as llm:
        (outcome,) = llm.ask_many_sync([finding_request(1)])
        assert llm.usage.retries == 2
    assert outcome.reason == (
        f"item-1: could not connect to {url} (3 tries); check --base-url and that the server is running"
    )


def test_an_answer_cut_off_at_the_token_limit_is_reported(fake, llm_settings):
    fake.script(Fault.cut_off(), times=None)
    with LLMClient(llm_settings) as llm:
        (outcome,) = llm.ask_many_sync([finding_request(1)])
    assert outcome.reason == (
        "item-1: the answer ran to the token limit (256 tokens) and was cut off, twice (the second time at a higher "
        "temperature): the model repeats itself or writes too much; try another model, or raise --max-tokens if the "
        "answers are long but sound"
    )
    first, second = fake.chat_requests  # re-asked once, never identically: briefly, and less deterministic
    assert (first.body["max_tokens"], first.body["temperature"]) == (256, 0.0)
    assert second.body["temperature"] == 0.5 and "cut off" in second.last_user_text
