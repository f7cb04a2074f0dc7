"""LLM layer throughput: N requests at a fixed server latency L, at several concurrencies C.

    .venv/bin/python bench/llm_throughput.py [--requests 400] [--latency 0.2] [--concurrency 1 8 32] [--repeat 3]

Efficiency = (N * L / C) / measured seconds (1.0 = the latency is all there is; target >= 0.85 at 32).
A warm rerun (every answer cached) is reported as a fraction of the cold run (target <= 3%).
The fake server runs in its own process so it does not share the client's GIL. Writes its section of
bench/RESULTS.md unless --no-write.
"""

from __future__ import annotations

import os
import sys

# bench/select.py would shadow the standard library's `select` (which subprocess imports) while this
# folder is first on sys.path: use the project root instead, and import the helper as bench.results.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [os.path.dirname(_HERE)] + [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import argparse  # noqa: E402
import platform  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from pydantic import BaseModel  # noqa: E402

from bench.results import load_average, memory_total, publish, served  # noqa: E402
from litreview.config import Settings  # noqa: E402
from litreview.llm import LLMClient, LLMRequest  # noqa: E402

ROOT = Path(_HERE).parent
SECTION = "## LLM throughput (bench/llm_throughput.py)"


class Finding(BaseModel):
    """What one paper found."""

    item: str
    quote: str


def main() -> None:
    args = _arguments()
    load_before = load_average()
    with served([sys.executable, str(ROOT / "tests" / "fake_llm.py"), "--latency", str(args.latency)]) as url:
        rows = [best_of(url, args, c) for c in args.concurrency]
    publish(_report(rows, args, load_before), write=not args.no_write)


def best_of(url: str, args: argparse.Namespace, concurrency: int) -> dict[str, float]:
    """Median efficiency and median warm fraction of `--repeat` runs (one run when it would take over
    30 s), plus the best efficiency seen: other processes on a shared machine only ever slow a run down."""
    runs = 1 if args.requests * args.latency / concurrency > 30 else args.repeat
    measured = sorted((measure(url, args.requests, args.latency, concurrency) for _ in range(runs)),
                      key=lambda row: row["efficiency"])
    warm = sorted(measured, key=lambda row: row["warm_fraction"])[len(measured) // 2]  # its own median
    return {**measured[len(measured) // 2], "warm": warm["warm"], "warm_fraction": warm["warm_fraction"],
            "best": measured[-1]["efficiency"], "runs": runs}


def measure(url: str, count: int, latency: float, concurrency: int) -> dict[str, float]:
    """Cold run (every request paid) then warm rerun (every answer cached), in a fresh cache."""
    with tempfile.TemporaryDirectory(prefix="llm-bench-") as cache_dir:
        settings = Settings(model="bench-model", base_url=url, api_key="sk-bench-not-a-real-key",
                            cache_dir=Path(cache_dir), concurrency=concurrency)
        requests = [_request(n, concurrency) for n in range(count)]
        with LLMClient(settings) as llm:
            llm.ask_sync(Finding, _request(-1, concurrency).messages, prompt_version="warm-up")  # imports, connect
            cold = _timed(lambda: llm.ask_many_sync(requests))
            assert llm.usage.calls == count + 1 and llm.usage.failed == 0, llm.usage
        with LLMClient(settings) as llm:
            warm = _timed(lambda: llm.ask_many_sync(requests))
            assert llm.usage.calls == 0 and llm.usage.cached == count, llm.usage
    ideal = count * latency / concurrency
    return {"concurrency": concurrency, "cold": cold, "ideal": ideal, "efficiency": ideal / cold,
            "warm": warm, "warm_fraction": warm / cold}


def _request(number: int, concurrency: int) -> LLMRequest[Finding]:
    text = f"<item>item-{number}-c{concurrency}</item> Paper {number} shows that caching saves money and time."
    return LLMRequest(Finding, [{"role": "user", "content": text}], "bench-v1", label=f"item-{number}")


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def _report(rows: list[dict[str, float]], args: argparse.Namespace, load_before: str) -> str:
    lines = [
        SECTION,
        "",
        f"Command: `.venv/bin/python bench/llm_throughput.py --requests {args.requests} --latency {args.latency} "
        f"--concurrency {' '.join(map(str, args.concurrency))} --repeat {args.repeat}`",
        f"Machine: {os.cpu_count()} cores, {memory_total()}, Python {platform.python_version()}; "
        "fake server (tests/fake_llm.py) in its own process on 127.0.0.1; real openai + instructor client, diskcache.",
        f"Run: {time.strftime('%Y-%m-%d %H:%M')}",
        "",
        f"Load average (1, 5, 15 min) before the run: {load_before}. Median run of {args.repeat} (one run when it takes over 30 s).",
        "",
        "| concurrency | cold run (s) | ideal N*L/C (s) | efficiency | best of runs | warm rerun (s) | warm / cold |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(f"| {row['concurrency']} | {row['cold']:.2f} | {row['ideal']:.2f} | {row['efficiency']:.2f} "
                     f"| {row['best']:.2f} ({row['runs']}) | {row['warm']:.3f} | {100 * row['warm_fraction']:.1f}% |")
    lines += [
        "",
        "Targets: efficiency >= 0.85 at concurrency 32; warm rerun <= 3% of the cold run.",
        "",
        "What limits concurrency 32: the client spends about 3 ms of CPU per request (openai + instructor about",
        "85% of it; our cache, key and validation the rest) in one event loop, 160 requests/s here; and 400/32 is",
        "12.5 rounds, so 13 rounds of 0.2 s cap the efficiency at 0.96. The machine is shared: with other jobs",
        "running (load average 3 to 5) the same command measured 0.5 to 0.75 at concurrency 32.",
        "",
    ]
    return "\n".join(lines)




def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--latency", type=float, default=0.2, help="server latency per request, seconds")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--repeat", type=int, default=3, help="runs per concurrency; the median is reported")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    return parser.parse_args()


if __name__ == "__main__":
    main()
