"""Real processes: a run killed with SIGKILL resumes without repeating a completed request; processes
sharing one cache do not corrupt it; instructor's failure logging never reaches the terminal."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import TEST_API_KEY
from fake_llm import Fault
from test_llm_client import answer_finding

TESTS = Path(__file__).parent

# A small program using the library as a command would: ask for items 0..count-1, print a JSON report.
WORKER = f"""
import json, sys
sys.path.insert(0, {str(TESTS)!r})
from test_llm_client import finding_request
from litreview.config import Settings
from litreview.llm import LLMClient

url, cache_dir, count, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
settings = Settings(model="fake-model", base_url=url, api_key={TEST_API_KEY!r}, cache_dir=cache_dir,
                    concurrency=concurrency, max_retries=0, reask=0, retry_backoff=0.01)
with LLMClient(settings) as llm:
    outcomes = llm.ask_many_sync([finding_request(n) for n in range(count)])
print(json.dumps({{"answered": sum(o.ok for o in outcomes), "failed": [o.reason for o in outcomes if not o.ok]}}))
"""


def start_worker(url: str, cache_dir: Path, count: int, concurrency: int) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", WORKER, url, str(cache_dir), str(count), str(concurrency)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_worker(url: str, cache_dir: Path, count: int, concurrency: int) -> tuple[dict, str]:
    out, err = start_worker(url, cache_dir, count, concurrency).communicate(timeout=60)
    return json.loads(out), err


def cached_items(cache_dir: Path) -> set[str]:
    """The items whose answers are in the cache, read straight from diskcache's store."""
    import diskcache

    with diskcache.Cache(str(cache_dir / "llm")) as cache:
        return {json.loads(cache[key])["value"]["item"] for key in cache.iterkeys()}


def asked_items(fake) -> list[str]:
    return [answer_finding(request)["item"] for request in fake.chat_requests]


def test_a_run_killed_with_sigkill_resumes_without_repeating_completed_requests(fake_llm, tmp_path):
    fake_llm.responder, fake_llm.latency = answer_finding, 0.05
    cache_dir, count = tmp_path / "cache", 40
    worker = start_worker(fake_llm.url, cache_dir, count, concurrency=2)
    deadline = time.monotonic() + 30
    while len(fake_llm.requests) < 12 and time.monotonic() < deadline:
        time.sleep(0.005)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    done_before = cached_items(cache_dir)
    assert 8 <= len(done_before) < count  # killed half way, after some answers were stored

    fake_llm.reset()
    report, _ = run_worker(fake_llm.url, cache_dir, count, concurrency=2)
    asked_again = asked_items(fake_llm)
    assert report == {"answered": count, "failed": []}
    assert not set(asked_again) & done_before  # no completed request is repeated
    assert sorted(asked_again) == sorted(set(asked_again))
    assert set(asked_again) | done_before == {f"item-{n}" for n in range(count)}


def test_processes_sharing_one_cache_do_not_corrupt_it(fake_llm, tmp_path):
    import diskcache

    fake_llm.responder, fake_llm.latency = answer_finding, 0.01
    cache_dir, count = tmp_path / "shared", 30
    workers = [start_worker(fake_llm.url, cache_dir, count, concurrency=4) for _ in range(2)]
    reports = [json.loads(worker.communicate(timeout=60)[0]) for worker in workers]
    assert reports == [{"answered": count, "failed": []}] * 2
    assert count <= len(fake_llm.requests) <= 2 * count
    with diskcache.Cache(str(cache_dir / "llm")) as cache:
        assert cache.check() == []  # diskcache's own consistency check: no warnings
        assert len(cache) == count
    assert cached_items(cache_dir) == {f"item-{n}" for n in range(count)}


def test_failures_are_reported_as_values_and_nothing_is_printed(fake_llm, tmp_path):
    fake_llm.responder = answer_finding
    fake_llm.script(Fault.status(500), when=lambda r: "item-1<" in r.prompt, times=None)
    fake_llm.script(Fault.content("not json"), when=lambda r: "item-2<" in r.prompt, times=None)
    report, stderr = run_worker(fake_llm.url, tmp_path / "cache", 4, concurrency=2)
    assert report["answered"] == 2 and len(report["failed"]) == 2
    assert stderr == ""  # instructor logs failed attempts at ERROR; they must not reach the terminal
