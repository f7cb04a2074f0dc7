"""Context budgets counted the way the server counts: its own tokenizer (llama-cpp-python's
/extras/tokenize/count, llama.cpp's /tokenize) and the context it says it runs with (llama.cpp's /props),
probed once and remembered; a server without them is counted with the conservative estimate, without error."""

from __future__ import annotations

import json

from fake_llm import fake_tokens
from test_draft_llm import fake, here, llm_args  # noqa: F401 - fixtures
from test_generation_llm import paper_keys, schema_name

from litreview.llm.budget import prompt_tokens

CONTEXT = 3600  # the whole selection's grouping fits by litreview's estimate (~3,100), not by the server's count (~4,000)


def draft(run_cli, fake, here, *more: str) -> dict:
    result = run_cli(*llm_args(fake, here)[:-2], "--top-k", "24", *more, "-o", "related.json")
    assert result.exit_code == 0, result.stderr
    return json.loads((here / "related.json").read_text())


def groupings(fake) -> list:
    return [r for r in fake.chat_requests if schema_name(r) == "Groups"]


def assert_batched_to_fit_the_servers_count(fake, selection: list[dict]) -> None:
    batches = groupings(fake)
    assert len(batches) >= 2 and sorted(k for r in batches for k in paper_keys(r)) == sorted(s["key"] for s in selection)
    assert all(len(fake_tokens(r.prompt)) + r.body["max_tokens"] <= CONTEXT for r in batches)


def test_llama_cpps_tokenizer_and_context_size_batch_the_grouping(run_cli, fake, here):
    fake.tokenizer, fake.n_ctx, fake.context_limit = "llama.cpp", CONTEXT, CONTEXT  # no --context-tokens given
    result = draft(run_cli, fake, here)
    assert_batched_to_fit_the_servers_count(fake, result["selection"])
    # probed once (llama-cpp-python's path first), then one count of the whole selection's prompt
    assert [r.path for r in fake.tokenize_requests] == ["/extras/tokenize/count", "/tokenize", "/props", "/tokenize"]


def test_llama_cpp_pythons_tokenizer_batches_the_grouping(run_cli, fake, here):
    fake.tokenizer, fake.context_limit = "llama-cpp-python", CONTEXT  # it does not tell its context: set it
    result = draft(run_cli, fake, here, "--context-tokens", str(CONTEXT))
    assert_batched_to_fit_the_servers_count(fake, result["selection"])
    assert [r.path for r in fake.tokenize_requests] == ["/extras/tokenize/count"] * 2
    assert fake.tokenize_requests[1].body == {"input": fake.tokenize_requests[1].body["input"], "model": "test-model"}


def test_an_explicit_context_size_wins_over_the_servers(run_cli, fake, here):
    fake.tokenizer, fake.n_ctx, fake.context_limit = "llama.cpp", 100_000, CONTEXT
    result = draft(run_cli, fake, here, "--context-tokens", str(CONTEXT))
    assert_batched_to_fit_the_servers_count(fake, result["selection"])


def test_a_server_without_a_tokenizer_is_counted_by_the_estimate_and_not_probed_again(run_cli, fake, here):
    fake.context_limit = CONTEXT  # counted in words by this server: the whole selection fits
    draft(run_cli, fake, here, "--context-tokens", str(CONTEXT))
    (grouping,) = groupings(fake)  # by the estimate, one request holds every paper
    assert prompt_tokens(grouping.messages, grouping.schema) + grouping.body["max_tokens"] <= CONTEXT
    assert [(r.path, r.body.get("model")) for r in fake.tokenize_requests] == [
        ("/extras/tokenize/count", "test-model"), ("/tokenize", "test-model")]  # both 404: no error
    fake.reset()
    fake.tokenize_requests.clear()
    draft(run_cli, fake, here, "--context-tokens", str(CONTEXT), "--no-cache")
    assert fake.tokenize_requests == []  # remembered in the cache folder
