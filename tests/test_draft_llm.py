"""`litreview draft` with an LLM, through the real CLI and the fake OpenAI-compatible server over HTTP: only corpus
keys are cited, answers are cached (a rerun sends nothing), --dry-run counts new and cached calls, a failing
server is an error and never an offline fallback, and an edited plan re-asks only the paragraphs it changed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fake_llm import Fault, FakeRequest, without_progress
from test_generation_llm import grounded_answer, paper_keys, schema_name

from litreview.check import find_citations
from litreview.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
THEME = "multimodal prompt tuning"
TOP_K = "8"
# 8 summaries, 1 grouping, 1 paragraph for each of the 2 groups the grounded model makes.
REQUESTS = 8 + 1 + 2
NO_KEY = ("error: model 'test-model' is set but there is no API key or server; set OPENAI_API_KEY (or "
          "LITREVIEW_API_KEY), or --base-url for a local server, or pass --offline\n")


@pytest.fixture
def fake(fake_llm, monkeypatch):
    """The fake server answering as a well-behaved model; an API key and fast retries in the environment."""
    fake_llm.responder = grounded_answer
    monkeypatch.setenv("LITREVIEW_API_KEY", "sk-test-0123456789abcdef")
    monkeypatch.setenv("LITREVIEW_RETRY_BACKOFF", "0.01")
    monkeypatch.setenv("LITREVIEW_RETRY_BACKOFF_MAX", "0.05")
    return fake_llm


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def llm_args(fake, here: Path, *more: str) -> list[str]:
    return ["draft", THEME, "--model", "test-model", "--base-url", fake.url, "--cache-dir", str(here.parent / "cache"),
            "--timeout", "2", "--max-retries", "1", "--top-k", TOP_K, *more]


def llm_draft(run_cli, fake, here, *more: str):
    result = run_cli(*llm_args(fake, here, *more))
    assert result.exit_code == 0, result.stderr
    return result


def usage_line(stderr: str) -> str:
    return next(line for line in stderr.splitlines() if line.startswith("LLM: "))


def by_schema(requests: list[FakeRequest]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for request in requests:
        counts[schema_name(request)] = counts.get(schema_name(request), 0) + 1
    return counts


# --- a draft, then the same draft again from the cache ---------------------------------------------------

def test_llm_draft_cites_only_corpus_keys_and_a_rerun_makes_zero_requests(run_cli, fake, here):
    first = llm_draft(run_cli, fake, here, "-o", "related.tex")
    assert by_schema(fake.chat_requests) == {"PaperSummary": 8, "Groups": 1, "Paragraph": 2}
    assert "offline" not in first.stderr
    assert re.fullmatch(rf"LLM: {REQUESTS} new calls, 0 cached, 0 retries, \d+\+\d+ tokens", usage_line(first.stderr))
    assert first.stderr.splitlines()[-1] == "wrote related.tex, related.bib"
    tex = (here / "related.tex").read_text(encoding="utf-8")
    keys = list(dict.fromkeys(c.key for c in find_citations(tex, "tex")))
    corpus = load_corpus([EXAMPLES])
    assert len(keys) == 8 and all(key in corpus for key in keys)
    assert "engine llm:test-model" in first.stderr and "(llm:test-model); 8 papers cited." in tex
    assert sorted(paper.key for paper in load_corpus([here / "related.bib"]).papers) == sorted(keys)

    fake.reset()
    second = llm_draft(run_cli, fake, here, "-o", "again.tex")
    assert fake.requests == []
    assert re.fullmatch(rf"LLM: 0 new calls, {REQUESTS} cached, 0 retries, 0\+0 tokens", usage_line(second.stderr))
    assert (here / "again.tex").read_text(encoding="utf-8") == tex


def test_json_draft_records_usage_and_the_cost_when_prices_are_set(run_cli, fake, here):
    (here / "litreview.toml").write_text('[prices.test-model]\ninput = 2.5\noutput = 10.0\n', encoding="utf-8")
    result = llm_draft(run_cli, fake, here, "-o", "draft.json")
    usage = json.loads((here / "draft.json").read_text(encoding="utf-8"))["usage"]
    assert (usage["calls"], usage["cached"], usage["failed"]) == (REQUESTS, 0, 0)
    assert usage["prompt_tokens"] > 0 and usage["completion_tokens"] > 0
    cost = (usage["prompt_tokens"] * 2.5 + usage["completion_tokens"] * 10.0) / 1e6
    assert usage_line(result.stderr).endswith(f"{usage['prompt_tokens']}+{usage['completion_tokens']} tokens, ~${cost:.4f}")


def test_offline_flag_sends_nothing_even_with_a_configured_llm(run_cli, fake, here):
    result = run_cli("draft", THEME, "--model", "test-model", "--base-url", fake.url, "--offline", "--top-k", "5")
    assert result.exit_code == 0 and fake.requests == []
    assert "engine offline" in result.stderr and "[@" in result.stdout


# --- dry run -----------------------------------------------------------------------------------------

def dry_run_line(run_cli, fake, here, top_k: str) -> str:
    args = llm_args(fake, here, "--dry-run")
    args[args.index("--top-k") + 1] = top_k
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()[-1]


def test_dry_run_counts_new_and_cached_summaries_and_sends_nothing(run_cli, fake, here):
    line = "LLM calls: {n} summaries ({new} new, {cached} cached), then 1 grouping and one paragraph per sub-theme (cached when unchanged)."
    assert dry_run_line(run_cli, fake, here, "8") == line.format(n=8, new=8, cached=0)
    assert fake.requests == [] and list(here.iterdir()) == []
    args = llm_args(fake, here, "-o", "five.md")
    args[args.index("--top-k") + 1] = "5"
    assert run_cli(*args).exit_code == 0  # the top 5 are the first 5 of the top 8
    fake.reset()
    assert dry_run_line(run_cli, fake, here, "8") == line.format(n=8, new=3, cached=5)
    llm_draft(run_cli, fake, here, "-o", "eight.md")
    assert by_schema(fake.chat_requests)["PaperSummary"] == 3
    fake.reset()
    assert dry_run_line(run_cli, fake, here, "8") == line.format(n=8, new=0, cached=8)
    assert fake.requests == []


def test_dry_run_offline_says_no_calls(run_cli, here):
    result = run_cli("draft", THEME, "--top-k", "3", "--dry-run")
    assert result.exit_code == 0 and result.stdout.splitlines()[-1] == "Offline engine: no LLM calls would be made."
    assert list(here.iterdir()) == []


# --- failures are errors, never an offline fallback ----------------------------------------------------------

@pytest.mark.parametrize("failing, message", [
    (None, "error: 8 paper summaries failed: m2pt, e5v, "),
    ("Groups", "error: grouping of 8 papers: server error 500 on all 2 tries: fake failure 500; rerun later "
               "(answers so far are cached)\n"),
    ("Paragraph", "error: 2 paragraphs failed: paragraph 'First', paragraph 'Second': server error 500 on all 2 tries: "
                  "fake failure 500; rerun later (answers so far are cached); rerun the same command to ask again for "
                  "these only (the rest is cached)\n"),
])
def test_a_failing_llm_exits_1_naming_what_failed_and_writes_nothing(run_cli, fake, here, failing, message):
    fake.script(Fault.status(500), when=(lambda r: schema_name(r) == failing) if failing else None, times=None)
    result = run_cli(*llm_args(fake, here, "-o", "related.tex"))
    assert result.exit_code == 1
    error = result.stderr.splitlines()[-1] + "\n"
    notice, *mode, _ = without_progress(result.stderr)  # the corpus notice, the mode auto found (if any), the error
    assert error.startswith(message) and notice.startswith("no --corpus given")
    assert mode == ([] if failing is None else ["--mode auto: using tools (works with test-model at "
                                                f"{fake.url}; --mode chooses another)"])
    assert error.count("server error 500") == 1  # one cause, said once with the names of what it hit
    assert "offline" not in result.stderr and list(here.iterdir()) == []
    fake.reset()  # the server recovers: the rerun asks only for what failed
    llm_draft(run_cli, fake, here, "-o", "related.tex")
    expected = {None: {"PaperSummary": 8, "Groups": 1, "Paragraph": 2}, "Groups": {"Groups": 1, "Paragraph": 2},
                "Paragraph": {"Paragraph": 2}}[failing]
    assert by_schema(fake.chat_requests) == expected


def test_a_model_without_a_key_or_server_is_exit_2(run_cli, here):
    result = run_cli("draft", THEME, "--model", "test-model", "-q")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", NO_KEY)


def test_a_server_that_is_not_running_is_named(run_cli, fake, here):
    args = llm_args(fake, here, "-o", "related.tex")
    args[args.index("--base-url") + 1] = "http://127.0.0.1:9/v1"
    result = run_cli(*args)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(
        "error: 8 paper summaries failed: m2pt, e5v, ")
    assert result.stderr.splitlines()[-1].endswith(
        " and 3 more: could not connect to http://127.0.0.1:9/v1 (2 tries); check --base-url and that the server is "
        "running; rerun the same command to ask again for these only (the rest is cached)")


# --- an edited plan re-asks only what changed ------------------------------------------------------------

def three_groups(request: FakeRequest):
    """A model that makes three sub-themes of consecutive keys."""
    if schema_name(request) != "Groups":
        return grounded_answer(request)
    keys = paper_keys(request)
    return {"groups": [{"title": title, "description": f"The {title.lower()} papers.", "keys": keys[n::3]}
                       for n, title in enumerate(["First", "Second", "Third"])]}


def test_an_edited_plan_asks_only_for_the_paragraphs_of_the_two_changed_groups(run_cli, fake, here):
    fake.responder = three_groups
    llm_draft(run_cli, fake, here, "-o", "first.md", "--save-plan", "plan.json")
    assert by_schema(fake.chat_requests) == {"PaperSummary": 8, "Groups": 1, "Paragraph": 3}
    plan = json.loads((here / "plan.json").read_text(encoding="utf-8"))
    moved = plan["groups"][0]["keys"].pop()
    plan["groups"][1]["keys"].append(moved)
    (here / "plan.json").write_text(json.dumps(plan, indent=2), encoding="utf-8")

    fake.reset()
    dry = llm_draft(run_cli, fake, here, "--plan", "plan.json", "--dry-run")
    assert dry.stdout == ("Plan plan.json: 8 papers in 3 sub-themes.\nLLM calls: 8 summaries (0 new, 8 cached), then no "
                          "grouping (the plan's) and 3 paragraphs (cached when unchanged).\n")
    assert fake.requests == []
    result = llm_draft(run_cli, fake, here, "-o", "second.md", "--plan", "plan.json")
    assert by_schema(fake.chat_requests) == {"Paragraph": 2}
    assert [paper_keys(r) for r in fake.chat_requests] in ([g["keys"] for g in plan["groups"][:2]],
                                                            [g["keys"] for g in plan["groups"][1::-1]])
    assert re.fullmatch(r"LLM: 2 new calls, 9 cached, 0 retries, \d+\+\d+ tokens", usage_line(result.stderr))
    sections = (here / "second.md").read_text(encoding="utf-8").split("\n## ")[1:]
    assert [s.splitlines()[0] for s in sections] == ["First", "Second", "Third"]
    assert f"[@{moved}]" in sections[1] and f"[@{moved}]" not in sections[0]
    assert sections[2] == (here / "first.md").read_text(encoding="utf-8").split("\n## ")[3]  # unchanged: from the cache


# --- progress on a terminal --------------------------------------------------------------------------

def test_progress_shows_each_stage_with_cached_counts_on_a_terminal(run_cli, fake, here):
    """rich draws the stages only on a terminal; TTY_COMPATIBLE makes the subprocess's stderr count as one."""
    llm_draft(run_cli, fake, here, "-o", "related.md")  # not a terminal: no progress, the summary only
    env = {**os.environ, "TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "120"}
    command = [str(Path(sys.executable).parent / "litreview"), *llm_args(fake, here, "-o", "related.md")]
    done = subprocess.run(command, cwd=here, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\u2501", "", done.stderr).replace("\r", "\n")
    final = [" ".join(line.split()) for line in screen.splitlines() if line.strip()][-9:]  # the last frame, the summary
    assert [line.rsplit(" ", 1)[0] for line in final[:5]] == [
        "reading 1/1", "ranking 450/450", "summarising 8/8 (8 cached)", "grouping 1/1", "writing 2/2 (2 cached)"]
    assert final[6:] == ["text: 8 abstracts from the corpus, 0 fetched, 0 with full text, 0 title only",
                         f"LLM: 0 new calls, {REQUESTS} cached, 0 retries, 0+0 tokens", "wrote related.md, related.bib"]
    quiet = subprocess.run([*command, "--quiet"], cwd=here, env=env, capture_output=True, text=True, timeout=120)
    assert quiet.returncode == 0 and quiet.stderr == ""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])  # utf-16: Notepad's "Unicode"
def test_our_work_from_a_file_ends_each_paragraph_by_positioning_it(run_cli, fake, here, encoding):
    (here / "abstract.txt").write_text("We tune prompts for speech models. Unlike prior work, our method needs no "
                                       "labelled audio.\n", encoding=encoding)
    llm_draft(run_cli, fake, here, "-o", "related.md", "--our-work", "abstract.txt")
    paragraphs = [r for r in fake.chat_requests if schema_name(r) == "PositionedParagraph"]
    assert len(paragraphs) == 2 and all("<our_work>\nWe tune prompts for speech models." in r.prompt for r in paragraphs)
    sections = (here / "related.md").read_text(encoding="utf-8").split("\n## ")[1:]
    for section in sections:
        last = section.strip().splitlines()[-1]
        # cited where the sentence names the papers, not after the researcher's own method
        assert last.startswith("Unlike them [@") and last.endswith("], our method needs no labelled audio.")


# --- the same selection as `select`: --judge and the embedding model ----------------------------------------

def judge_or_ground(request: FakeRequest):
    """The grounded model, which also grades: 3 for papers whose abstract mentions 'prompt', else 1."""
    if schema_name(request) != "RelevanceGrade":
        return grounded_answer(request)
    key = request.between('<paper key="', '">')[0]
    grade = 3 if "prompt" in request.between("<abstract>", "</abstract>")[0].lower() else 1
    return {"key": key, "grade": grade, "reason": "Graded by its abstract."}


def test_judge_grades_the_selection_before_drafting(run_cli, fake, here):
    fake.responder = judge_or_ground
    result = llm_draft(run_cli, fake, here, "-o", "related.json")
    plain = [s["key"] for s in json.loads((here / "related.json").read_text())["selection"]]
    llm_draft(run_cli, fake, here, "-o", "judged.json", "--judge")
    judged = json.loads((here / "judged.json").read_text())["selection"]
    assert sorted(s["key"] for s in judged) == sorted(plain)
    assert all(s["reason"] == "Graded by its abstract." for s in judged)
    grades = [s["grade"] for s in judged]
    assert grades == sorted(grades, reverse=True) and by_schema(fake.chat_requests)["RelevanceGrade"] == len(plain)
    assert result.exit_code == 0


def test_judge_without_an_llm_is_a_clear_error(run_cli, here):
    result = run_cli("draft", THEME, "--judge", "-q")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("error: --judge: --judge needs an LLM; configure a model (--model with an API key or "
                             "--base-url), or drop --judge\n")


def test_dry_run_with_judge_pays_for_no_grading(run_cli, fake, here):
    fake.responder = judge_or_ground
    result = run_cli(*llm_args(fake, here, "--judge", "--dry-run"))
    assert result.exit_code == 0, result.stderr
    assert f"--judge would first grade these {TOP_K} papers" in result.stdout
    assert fake.chat_requests == []


def test_max_calls_stops_before_the_next_paid_call_and_keeps_what_was_paid_for(run_cli, fake, here):
    result = run_cli(*llm_args(fake, here, "-o", "related.tex", "--max-calls", "3", "--concurrency", "1"))
    assert result.exit_code == 1 and list(here.iterdir()) == []
    assert "--max-calls" in result.stderr.splitlines()[-1]
    assert len(fake.chat_requests) == 3
    llm_draft(run_cli, fake, here, "-o", "related.tex")
    assert len(fake.chat_requests) == REQUESTS  # the rerun paid only for what the first run had not
