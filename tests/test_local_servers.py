"""The model a researcher actually runs: a small model on a local server (llama.cpp, Ollama) that answers
one request at a time, refuses a mode, quotes loosely, wraps its JSON in prose, loops until its token
limit, copies its instructions into a field, and has a small context. Each still gives a draft (with
warnings naming what degraded), and no request is sent twice; --strict fails; refusals stop at once."""

from __future__ import annotations

import json
import re

from fake_llm import (
    LLAMA_CPP_JSON_SCHEMA,
    FakeLLM,
    FakeRequest,
    Fault,
    without_progress,
)
from test_draft_llm import by_schema, fake, here, llm_args  # noqa: F401 - fake and here are fixtures
from test_generation_llm import grounded_answer, paper_keys, schema_name

from litreview.llm.budget import answer_tokens
from litreview.summarize.schema import SummaryAnswer

SUMMARY_DESCRIPTION = "What one paper addresses, does and finds, grounded in quotes from its own title or abstract."


def abstract_of(request: FakeRequest) -> str:
    return request.between("<abstract>", "</abstract>")[0]


def small_model(request: FakeRequest):
    """A well-meaning small model: each of five papers gets one of its typical flaws."""
    if schema_name(request) != "PaperSummary":
        return grounded_answer(request)
    answer = grounded_answer(request)
    words = abstract_of(request).split()
    key = paper_keys(request)[0]
    if key == "m2pt":  # an empty quote beside a good one; a sentence given as the method's name
        answer.update(evidence=["", " ".join(words[:8])], method_name=" ".join(words[:14]))
    elif key == "e5v":  # an elided quote, and typographic quotes/dashes of its own
        answer.update(evidence=[" ".join(words[:4]) + " ... " + " ".join(words[10:14])])
    elif key == "listitemsone" and not request.is_reask:  # the schema's own description as the problem
        answer.update(problem=SUMMARY_DESCRIPTION)
    elif key == "notellm2":  # loops until the token limit, every time
        return Fault.runaway()
    elif key == "controlmllm":  # chatty: prose around the JSON
        return Fault.content("Sure! Here is the JSON you asked for:\n" + json.dumps(answer) + "\nI hope this helps.")
    return answer


def distinct(requests: list[FakeRequest]) -> bool:
    bodies = [json.dumps(r.body, sort_keys=True) for r in requests]
    return len(set(bodies)) == len(bodies)


def warning_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning ")]


# --- a small model's flaws degrade a field or a paper, never the draft --------------------------------

def test_a_small_models_flaws_give_a_draft_with_warnings_and_no_request_twice(run_cli, fake, here):
    fake.responder = small_model
    result = run_cli(*llm_args(fake, here, "-o", "related.json"))
    assert result.exit_code == 0, result.stderr
    limit = answer_tokens(SummaryAnswer.model_json_schema())
    assert warning_lines(result.stderr) == [
        "warning (summarize) [m2pt]: dropped the evidence quote '': it does not occur in the title or abstract",
        f"warning (summarize) [m2pt]: dropped the method name {long_name(fake)!r}: it is a phrase, not a name",
        f"warning (summarize) [notellm2]: the LLM's summary was unusable (the answer ran to the token limit ({limit} "
        "tokens) and was cut off, twice (the second time at a higher temperature): the model repeats itself or writes "
        "too much); used the offline summary of notellm2 instead",
    ]
    draft = json.loads((here / "related.json").read_text())
    assert [(w["stage"], w["key"]) for w in draft["warnings"]] == [("summarize", "m2pt")] * 2 + [("summarize", "notellm2")]
    summaries = draft["summaries"]
    assert summaries["m2pt"]["method_name"] is None and len(summaries["m2pt"]["evidence"]) == 1
    assert " ... " in summaries["e5v"]["evidence"][0] and summaries["controlmllm"]["evidence"]
    assert summaries["listitemsone"]["problem"] == "A problem." and summaries["notellm2"]["key"] == "notellm2"
    assert distinct(fake.chat_requests)  # nothing sent twice: every re-ask differs from what it follows
    assert by_schema(fake.chat_requests) == {"PaperSummary": 8 + 1 + 1, "Groups": 1, "Paragraph": 2}
    runaway = [r for r in fake.chat_requests if paper_keys(r) == ["notellm2"]]
    assert [(r.body["max_tokens"], r.body["temperature"]) for r in runaway] == [(limit, 0.0), (limit, 0.5)]
    reask = next(r for r in fake.chat_requests if paper_keys(r) == ["listitemsone"] and r.is_reask)
    assert "problem: it repeats the instructions" in reask.last_user_text
    fake.reset()
    rerun = run_cli(*llm_args(fake, here, "-o", "related.json"))  # the same degradations, nothing paid again
    assert warning_lines(rerun.stderr) == warning_lines(result.stderr) and fake.chat_requests == []


def long_name(fake: FakeLLM) -> str:
    """The sentence the model gave as m2pt's method name, as a warning shows it (cut at 80 characters)."""
    request = next(r for r in fake.chat_requests if paper_keys(r) == ["m2pt"])
    name = " ".join(abstract_of(request).split()[:14])
    return name if len(name) <= 80 else name[:77] + "..."


def test_strict_fails_on_any_degradation_and_writes_nothing(run_cli, fake, here):
    fake.responder = small_model
    result = run_cli(*llm_args(fake, here, "-o", "related.tex", "--strict"))
    assert result.exit_code == 1 and list(here.iterdir()) == []
    lines = without_progress(result.stderr)
    assert len(warning_lines(result.stderr)) == 3 and lines[-1] == (
        "error: the draft degraded in 3 places (warnings above) and --strict is set; nothing was written; rerun "
        "without --strict to get the draft with these warnings (the answers are cached), or use a stronger model")


def test_a_server_that_never_answers_still_fails_the_run(run_cli, fake, here):
    fake.script(Fault.status(503), when=lambda r: paper_keys(r) == ["e5v"], times=None)
    result = run_cli(*llm_args(fake, here, "-o", "related.tex"))
    assert result.exit_code == 1 and "offline" not in result.stderr and list(here.iterdir()) == []
    assert result.stderr.splitlines()[-1].startswith("error: 1 paper summaries failed: e5v: server error 503 on all 2 tries")


def test_warnings_gathered_before_a_failure_are_still_shown(run_cli, fake, here):
    fake.script(Fault.answer({"groups": [{"title": "All", "description": "d", "keys": ["smith2099"]}]}),
                when=lambda r: schema_name(r) == "Groups", times=None)
    fake.script(Fault.status(500), when=lambda r: schema_name(r) == "Paragraph", times=None)
    result = run_cli(*llm_args(fake, here, "-o", "related.tex"))
    assert result.exit_code == 1
    lines = without_progress(result.stderr)
    assert lines[-2].startswith("warning (group): the LLM's grouping was unusable (the answer failed validation 3 times")
    assert re.match(r"error: \d+ paragraphs failed", lines[-1])  # one per sub-theme of the offline grouping


# --- modes: refusals are permanent; auto finds one that works and remembers it ---------------------------

def refusing_llama_server(request: FakeRequest):
    """llama.cpp without --jinja refuses tools; llama-cpp-python refuses a json_schema response_format."""
    if request.mode == "tools":
        return Fault.status(500, message="tools param requires --jinja flag")
    if request.mode == "json_schema":
        return Fault.status(500, message=LLAMA_CPP_JSON_SCHEMA)
    return grounded_answer(request)


def test_mode_auto_finds_a_mode_the_server_accepts_says_so_and_remembers_it(run_cli, fake, here):
    fake.responder = refusing_llama_server
    result = run_cli(*llm_args(fake, here, "-o", "related.tex"))
    assert result.exit_code == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if line.startswith("--mode auto")]
    assert notices[0] == ("--mode auto: tools does not work with this server (the server refused tools (500): "
                          "tools param requires --jinja flag); trying json_schema")
    assert notices[1].startswith("--mode auto: json_schema does not work with this server (the server refused "
                                 "json_schema (500): [{'type': 'literal_error', 'loc': ('body', 'response_format'")
    assert notices[1].endswith("); trying json")
    assert notices[2:] == [f"--mode auto: using json (works with test-model at {fake.url}; --mode chooses another)"]
    assert [r.mode for r in fake.chat_requests[:3]] == ["tools", "json_schema", "json"]  # each refusal sent once
    assert {r.mode for r in fake.chat_requests[3:]} == {"json"} and len(fake.chat_requests) == 2 + 8 + 1 + 2
    fake.reset()
    again = run_cli(*llm_args(fake, here, "-o", "related.tex", "--no-cache"))  # a new run starts with json
    assert {r.mode for r in fake.chat_requests} == {"json"} and len(fake.chat_requests) == 8 + 1 + 2
    assert f"--mode auto: using json (remembered for test-model at {fake.url}; --mode chooses another)" in again.stderr
    assert run_cli("cache", "clear", "--cache-dir", str(here.parent / "cache")).exit_code == 0  # forgets the mode too
    fake.reset()
    run_cli(*llm_args(fake, here, "-o", "related.tex"))
    assert [r.mode for r in fake.chat_requests[:3]] == ["tools", "json_schema", "json"]  # found again


def test_a_refused_mode_stops_at_once_with_what_to_do(run_cli, fake, here):
    fake.responder = refusing_llama_server
    result = run_cli(*llm_args(fake, here, "-o", "related.tex", "--mode", "json_schema", "--max-retries", "4"))
    assert result.exit_code == 1 and len(fake.chat_requests) == 1  # no retry, and the other papers are not sent
    error = result.stderr.splitlines()[-1]
    assert error.startswith("error: 8 paper summaries failed: m2pt, e5v, ")
    assert error.endswith("; this server has no JSON-schema mode; use --mode json or tools")
    assert "the server refused json_schema (500): [{'type': 'literal_error'" in error


# --- slow servers: one slot, small context -------------------------------------------------------------------

def test_a_one_slot_server_gets_one_request_at_a_time_and_none_twice(run_cli, fake, here):
    fake.slots, fake.latency = 1, 0.6  # 0.6 s an answer against a 2 s timeout: only one can be in flight safely
    result = run_cli(*llm_args(fake, here)[:-2], "--top-k", "4", "--concurrency", "8", "-o", "related.tex")
    assert result.exit_code == 0, result.stderr
    assert fake.max_in_flight == 1 and distinct(fake.chat_requests) and len(fake.chat_requests) == 4 + 1 + 2


def test_a_grouping_larger_than_the_context_is_made_in_batches_that_fit(run_cli, fake, here):
    fake.context_limit = 2048  # words of prompt + max_tokens; litreview counts tokens more cautiously
    result = run_cli(*llm_args(fake, here)[:-2], "--top-k", "24", "--context-tokens", "2048", "-o", "related.json")
    assert result.exit_code == 0, result.stderr
    groupings = [r for r in fake.chat_requests if schema_name(r) == "Groups"]
    assert len(groupings) >= 2 and sorted(k for r in groupings for k in paper_keys(r)) == sorted(
        s["key"] for s in json.loads((here / "related.json").read_text())["selection"])
    draft = json.loads((here / "related.json").read_text())
    assert 2 <= len(draft["sections"]) <= 8 and len({k for s in draft["sections"] for k in s["keys"]}) == 24


def test_a_prompt_over_the_servers_context_says_to_raise_it_or_lower_top_k(run_cli, fake, here):
    fake.context_limit = 300
    result = run_cli(*llm_args(fake, here, "-o", "related.tex"))
    assert result.exit_code == 1
    assert re.search(r"the prompt does not fit the server's context \(400\): Requested tokens \(\d+\) exceed context "
                     r"window of 300; raise the server's context size \(llama.cpp: -c / --n_ctx; Ollama: num_ctx\) and "
                     r"litreview's context_tokens, or use a smaller --top-k", result.stderr.splitlines()[-1])
    assert len(fake.chat_requests) == 8  # each sent once: a 400 is not retried


# --- progress on a non-terminal --------------------------------------------------------------------------------

def test_progress_is_plain_lines_when_stderr_is_not_a_terminal(run_cli, fake, here):
    result = run_cli(*llm_args(fake, here, "-o", "related.tex"))
    progress = [line for line in result.stderr.splitlines() if line.startswith("progress: ")]
    assert progress[:3] == ["progress: reading", "progress: ranking 0/450", "progress: summarising 0/8"]
    assert "progress: summarising 8/8" in progress and progress[-1] == "progress: writing 2/2"
    quiet = run_cli(*llm_args(fake, here, "-o", "related.tex", "--quiet"))
    assert "progress: " not in quiet.stderr


def test_a_grouping_and_a_paragraph_that_run_away_degrade_instead_of_failing(run_cli, fake, here):
    fake.script(Fault.runaway(), when=lambda r: schema_name(r) == "Groups", times=None)
    fake.script(Fault.runaway(), when=lambda r: schema_name(r) == "Paragraph", times=None)
    result = run_cli(*llm_args(fake, here, "-o", "related.json"))
    assert result.exit_code == 0, result.stderr
    warnings = warning_lines(result.stderr)
    assert warnings[0].startswith("warning (group): the LLM's grouping was unusable (the answer ran to the token limit")
    assert any(w.startswith("warning (write)") and "the LLM left this paper uncited" in w for w in warnings)
    draft = json.loads((here / "related.json").read_text())
    assert sorted(k for s in draft["sections"] for k in s["keys"]) == sorted(s["key"] for s in draft["selection"])
    assert distinct(fake.chat_requests)


def test_a_server_that_ignores_tools_is_left_for_the_next_mode_or_named_with_mode_tools(run_cli, fake, here):
    fake.responder = lambda r: Fault.no_tool_call() if r.mode == "tools" else grounded_answer(r)
    result = run_cli(*llm_args(fake, here, "-o", "related.tex"))
    assert result.exit_code == 0, result.stderr
    assert ("--mode auto: tools does not work with this server (the server answered without a tool call: it ignores "
            "tools for this model); trying json_schema") in result.stderr
    assert [r.mode for r in fake.chat_requests].count("tools") == 1
    fake.reset()
    forced = run_cli(*llm_args(fake, here, "-o", "related.tex", "--mode", "tools", "--no-cache"))
    assert forced.exit_code == 1 and len(fake.chat_requests) == 1
    assert forced.stderr.splitlines()[-1].endswith(
        ": the server answered without a tool call: it ignores tools for this model; this server has no tool calling; "
        "use --mode json or md_json")
