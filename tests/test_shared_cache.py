"""Runs that share a cache do not pay twice: identical requests in flight in one process are asked once, and two
processes drafting the same theme at once on one cache send about as many requests as one draft alone."""

from __future__ import annotations

import os
import re
import subprocess
import time
import sys
from pathlib import Path

from test_draft_llm import EXAMPLES, THEME, by_schema, fake  # noqa: F401
from test_llm_client import Finding, answer_finding, finding_request

from litreview.llm import LLMClient, Result
from litreview.llm.values import LLMRequest

LITREVIEW = Path(sys.executable).parent / "litreview"
TOP_K = "20"


def test_identical_requests_in_flight_are_asked_once(fake_llm, llm_settings):
    fake_llm.responder = answer_finding
    fake_llm.latency = 0.2  # all six are in flight together
    same_text = [LLMRequest(Finding, finding_request(n % 2).messages, "finding-v1", label=f"copy-{n}") for n in range(6)]
    with LLMClient(llm_settings) as llm:
        outcomes = llm.ask_many_sync(same_text)
        usage = llm.usage
    assert len(fake_llm.requests) == 2
    assert [o.value.item for o in outcomes] == ["item-0", "item-1"] * 3
    assert [o.from_cache for o in outcomes if isinstance(o, Result)] == [False, False, True, True, True, True]
    assert (usage.calls, usage.cached, usage.sent) == (2, 4, 2)


def test_two_drafts_at_once_on_one_cache_pay_about_once(fake, tmp_path):
    fake.latency = 0.1
    cache = tmp_path / "cache"
    env = {**os.environ, "LITREVIEW_CACHE_DIR": str(cache), "LITREVIEW_API_KEY": "sk-test-0123456789abcdef"}
    command = [str(LITREVIEW), "draft", THEME, "--corpus", str(EXAMPLES), "--model", "test-model", "--base-url",
               fake.url, "--timeout", "5", "--max-retries", "1", "--top-k", TOP_K, "--drop-off", "0"]
    runs = [subprocess.Popen([*command, "-o", f"run{n}.tex"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True) for n in (1, 2)]
    errors = [run.communicate(timeout=300)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], errors
    together = len(fake.chat_requests)
    tex = [(tmp_path / f"run{n}.tex").read_text(encoding="utf-8") for n in (1, 2)]

    fake.reset()
    alone = subprocess.run([*command, "-o", "alone.tex"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                           env={**env, "LITREVIEW_CACHE_DIR": str(tmp_path / "fresh")})
    assert alone.returncode == 0, alone.stderr
    one_draft = len(fake.chat_requests)
    assert by_schema(fake.chat_requests)["PaperSummary"] == int(TOP_K)
    assert together <= 1.1 * one_draft, (together, one_draft, errors)
    assert tex[0] == tex[1] == (tmp_path / "alone.tex").read_text(encoding="utf-8")
    paid = [int(re.search(r"LLM: (\d+) new calls", stderr).group(1)) for stderr in errors]
    assert sum(paid) == together  # each request was paid by exactly one of the two runs


def test_a_streamed_answer_longer_than_a_claim_lives_is_still_asked_once(fake_llm, llm_settings):
    """Two runs sharing a cache (two clients on two threads: claims are per cache folder and process) ask the same
    question while the server streams a long answer: the first run keeps its claim alive, the second waits."""
    import threading

    from fake_llm import Fault

    fake_llm.responder = answer_finding
    fake_llm.script(Fault.trickle(0.2), times=None)  # each gap within --timeout, the whole answer far longer
    settings = llm_settings.model_copy(update={"timeout": 0.5, "max_retries": 0, "reask": 0})  # a claim lives 0.5 s
    values: dict[str, object] = {}

    def run(name: str, delay: float) -> None:
        time.sleep(delay)
        with LLMClient(settings) as llm:
            values[name] = llm.ask_sync(Finding, finding_request(0).messages, prompt_version="finding-v1")

    runs = [threading.Thread(target=run, args=(name, delay)) for name, delay in (("first", 0.0), ("second", 0.2))]
    for thread in runs:
        thread.start()
    for thread in runs:
        thread.join(timeout=60)
    assert max(r.seconds for r in fake_llm.chat_requests) > 1.0  # the answer outlived the claim's 0.5 s
    assert len(fake_llm.chat_requests) == 1 and values["first"] == values["second"]
