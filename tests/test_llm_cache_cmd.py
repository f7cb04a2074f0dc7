"""`litreview cache info` and `litreview cache clear [--older-than]` on a real cache."""

from __future__ import annotations

import json
import socket
import re
import time
from pathlib import Path

from test_llm_client import answer_finding, finding_request

from litreview.llm import AnswerCache, LLMClient

DATA = Path(__file__).parent / "data"


def fill_cache(fake_llm, llm_settings) -> None:
    """3 paid answers, then a run with 2 of them from cache and 1 more paid."""
    fake_llm.responder = answer_finding
    with LLMClient(llm_settings) as llm:
        llm.ask_many_sync([finding_request(n) for n in range(3)])
    with LLMClient(llm_settings) as llm:
        llm.ask_many_sync([finding_request(n) for n in range(1, 4)])


def test_info_on_an_empty_cache(run_cli, tmp_path):
    result = run_cli("cache", "info", "--cache-dir", str(tmp_path / "none"))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"cache: {tmp_path / 'none'}", "answers: 0 (0 B)", "search indexes: 0 (0 B)", "scholarly lookups: 0 (0 B)", "total size: 0 B",
        "last run: none recorded",
    ]
    assert not (tmp_path / "none").exists()  # looking does not create it


def test_info_shows_each_part_its_size_and_the_last_runs_counts(run_cli, fake_llm, llm_settings, monkeypatch):
    fill_cache(fake_llm, llm_settings)
    monkeypatch.setenv("LITREVIEW_CACHE_DIR", str(llm_settings.cache_dir))
    run_cli("select", "transformers", "--corpus", str(DATA / "better_bibtex.bib"))  # saves an index
    lines = run_cli("cache", "info").stdout.splitlines()
    assert lines[0] == f"cache: {llm_settings.cache_dir}"
    assert re.fullmatch(r"answers: 4 \(\d+\.\d KiB\)", lines[1])
    assert re.fullmatch(r"search indexes: 1 \(\d+\.\d KiB\)", lines[2])
    assert re.fullmatch(r"total size: \d+\.\d KiB", lines[4])
    assert lines[5].startswith("last run: 1 request sent: 1 paid call, 0 failed attempts (not paid), "
                               "2 answers from the cache, 0 retries, 0 re-asks, finished 20")


def test_clear_older_than_keeps_recent_answers(run_cli, fake_llm, llm_settings):
    fill_cache(fake_llm, llm_settings)
    _age_one_entry(llm_settings.cache_dir, days=40)
    cache_dir = str(llm_settings.cache_dir)
    result = run_cli("cache", "clear", "--older-than", "30d", "--cache-dir", cache_dir)
    assert result.stdout == f"removed 1 answer older than 30d from {cache_dir}\n"
    assert "answers: 3 (" in run_cli("cache", "info", "--cache-dir", cache_dir).stdout
    assert run_cli("cache", "clear", "--cache-dir", cache_dir).stdout == f"removed 3 answers, 0 search indexes and 0 scholarly lookups from {cache_dir}\n"
    assert "answers: 0 (0 B)" in run_cli("cache", "info", "--cache-dir", cache_dir).stdout


def test_a_cleared_answer_is_paid_for_again(fake_llm, llm_settings, run_cli):
    fill_cache(fake_llm, llm_settings)
    run_cli("cache", "clear", "--cache-dir", str(llm_settings.cache_dir))
    fake_llm.reset()
    with LLMClient(llm_settings) as llm:
        llm.ask_many_sync([finding_request(0)])
    assert len(fake_llm.requests) == 1


def test_a_bad_duration_is_a_one_line_error(run_cli, tmp_path):
    result = run_cli("cache", "clear", "--older-than", "a month", "--cache-dir", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == "error: --older-than: cannot read 'a month' as a duration; write a number and a unit: 30d, 12h, 90m, 45s, 2w\n"


def _age_one_entry(cache_dir, days: int) -> None:
    import diskcache

    cache = AnswerCache(cache_dir)
    cache.close()
    with diskcache.Cache(str(cache.store)) as store:
        key = next(iter(store.iterkeys()))
        record = json.loads(store[key])
        record["created"] = time.time() - days * 86400
        store[key] = json.dumps(record)


def test_info_after_a_refused_connection_counts_no_paid_call(run_cli, llm_settings):
    with socket.socket() as probe:  # a port nobody listens on: every attempt is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = llm_settings.model_copy(update={"base_url": f"http://127.0.0.1:{port}/v1", "max_retries": 2})
    with LLMClient(settings) as llm:
        (outcome,) = llm.ask_many_sync([finding_request(0)])
    assert not outcome.ok and outcome.reason.startswith("item-0: could not connect to ")
    lines = run_cli("cache", "info", "--cache-dir", str(settings.cache_dir)).stdout.splitlines()
    assert lines[5].startswith("last run: 3 requests sent: 0 paid calls, 3 failed attempts (not paid), "
                               "0 answers from the cache, 2 retries, 0 re-asks, 1 request failed, finished 20")


def test_usage_counts_paid_calls_re_asks_and_failed_attempts_apart(run_cli, fake_llm, llm_settings):
    from fake_llm import Fault

    fake_llm.responder = answer_finding
    fake_llm.script(Fault.status(503), times=1)  # first attempt: no answer, retried
    fake_llm.script(Fault.content("not JSON"), times=1)  # then an answer that is paid for but re-asked
    with LLMClient(llm_settings) as llm:
        llm.ask_many_sync([finding_request(0)])
        usage = llm.usage
    assert (usage.sent, usage.calls, usage.failed_attempts, usage.retries, usage.reasks) == (3, 2, 1, 1, 1)
    assert len(fake_llm.requests) == usage.sent
    info = run_cli("cache", "info", "--cache-dir", str(llm_settings.cache_dir)).stdout.splitlines()
    assert info[5].startswith("last run: 3 requests sent: 2 paid calls, 1 failed attempt (not paid), "
                              "0 answers from the cache, 1 retry, 1 re-ask, finished 20")
