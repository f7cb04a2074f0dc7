"""Benchmark: two `litreview draft` processes on the same theme at once, sharing one cache, against one draft alone.

    .venv/bin/python bench/shared_cache.py [--papers 200] [--latency 0.1] [--concurrency 8] [--processes 2 3]
                                           [--before DIR] [--no-write]

Both runs use the generated corpus of bench/draft.py and the fake server in its own process (answering every request
after L seconds). Reported: the requests each scenario sent (from the drafts' own usage: paid calls + failed
attempts), their ratio (target: the runs together at most 1.1x one draft alone), wall times, and whether every
output is identical. `--before DIR` runs the same scenarios once more with the litreview package found in DIR
(e.g. `git archive main | tar -x -C DIR`), for a before/after comparison in one run. Writes its section of
bench/RESULTS.md unless --no-write.
"""

from __future__ import annotations

import os
import sys

# bench/select.py would shadow the standard library's `select`: see bench/draft.py.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [os.path.dirname(_HERE)] + [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from bench.draft import LITREVIEW, THEME, WORK, server_command, write_corpus  # noqa: E402
from bench.results import load_average, memory_total, publish, served  # noqa: E402

SECTION = "## shared cache: drafts of one theme at once on one cache (bench/shared_cache.py)"


def main() -> None:
    args = _arguments()
    corpus = write_corpus(args.papers, WORK / f"draft-{args.papers}.jsonl")
    load_before = load_average()
    with served(server_command(args.latency)) as url:
        rows = [("this code", scenarios(url, corpus, args, code=None))]
        if args.before:
            rows.append((f"code in {args.before}", scenarios(url, corpus, args, code=args.before)))
    publish(_report(rows, args, load_before), write=not args.no_write)


def scenarios(url: str, corpus: Path, args: argparse.Namespace, code: Path | None) -> tuple[dict, list[dict]]:
    """One draft alone, then each count of drafts at once, every scenario on its own empty cache."""
    with tempfile.TemporaryDirectory(prefix="shared-cache-bench-") as scratch:
        alone = run_drafts(url, corpus, Path(scratch) / "alone", args, 1, code)
        together = [run_drafts(url, corpus, Path(scratch) / f"together-{count}", args, count, code)
                    for count in args.processes]
    return alone, together


def run_drafts(url: str, corpus: Path, folder: Path, args: argparse.Namespace, processes: int,
               code: Path | None) -> dict:
    """`processes` drafts started together on one empty cache; what each sent and wrote, and the wall time."""
    folder.mkdir(parents=True)
    env = {**os.environ, "LITREVIEW_API_KEY": "sk-bench-not-a-real-key"}
    if code is not None:
        env["PYTHONPATH"] = str(code.resolve())  # its `litreview` package comes before the installed one
    command = [str(LITREVIEW), "draft", THEME, "--corpus", str(corpus), "--top-k", str(args.papers), "--drop-off", "0",
               "--model", "bench-model", "--base-url", url, "--cache-dir", str(folder / "cache"),
               "--concurrency", str(args.concurrency), "--quiet"]
    started = time.perf_counter()
    runs = [subprocess.Popen([*command, "-o", str(folder / f"draft{n}.json")], env=env, stderr=subprocess.PIPE, text=True)
            for n in range(processes)]
    for run in runs:
        _, stderr = run.communicate()
        if run.returncode != 0:
            raise SystemExit(f"draft failed ({run.returncode}): {stderr}")
    seconds = time.perf_counter() - started
    drafts = [json.loads((folder / f"draft{n}.json").read_text(encoding="utf-8")) for n in range(processes)]
    usages = [draft.pop("usage") for draft in drafts]
    # older code counted each request once in `calls`, sent or failed, and had no failed_attempts
    return {"seconds": seconds, "sent": [u["calls"] + u.get("failed_attempts", 0) for u in usages],
            "cached": [u["cached"] for u in usages], "identical": all(d == drafts[0] for d in drafts),
            "draft": drafts[0]}


def _report(rows: list[tuple[str, tuple[dict, list[dict]]]], args: argparse.Namespace, load_before: str) -> str:
    before = f" --before {args.before}" if args.before else ""
    lines = [
        SECTION, "",
        f"Command: `.venv/bin/python bench/shared_cache.py --papers {args.papers} --latency {args.latency} "
        f"--concurrency {args.concurrency} --processes {' '.join(map(str, args.processes))}{before}`",
        f"Machine: {os.cpu_count()} cores / {memory_total()}, Python {platform.python_version()}; run "
        f"{time.strftime('%Y-%m-%d %H:%M')}; load average before: {load_before}.",
        f"Each draft: theme \"{THEME}\", {args.papers} generated papers, `--top-k {args.papers} --drop-off 0`, its own "
        "process; requests = the draft's paid calls + failed attempts; the fake server answers after L seconds.",
        "",
        "| code | scenario | requests sent (per run) | total | x one draft | answers from cache or other run | wall (s) | outputs identical |",
        "|---|---|---|---:|---:|---|---:|---|",
    ]
    for code, (alone, together) in rows:
        one = sum(alone["sent"])
        lines.append(f"| {code} | one draft alone | {alone['sent'][0]} | {one} | 1.00 | {alone['cached'][0]} | "
                     f"{alone['seconds']:.1f} | - |")
        lines += [_row(code, run, one, alone) for run in together]
    lines += [
        "",
        "Target: the runs together send at most 1.1x the requests of one draft. Before issue 14 the cache was "
        "consulted only before a request waited for a slot, so runs started together paid for the same answers. Now "
        "a request holding a slot looks again and, while another process holds the claim on the same request in the "
        "cache folder, waits for that answer instead of asking; identical requests within one process are merged."
        + (f" The rows for {args.before} are the same runs with the code given by --before (made with "
           "`git archive main | tar -x -C DIR` before this change was merged)." if args.before else ""),
        "",
    ]
    return "\n".join(lines)


def _row(code: str, run: dict, one: int, alone: dict) -> str:
    total, same = sum(run["sent"]), run["identical"] and run["draft"] == alone["draft"]
    return (f"| {code} | {len(run['sent'])} drafts at once, one cache | {' + '.join(map(str, run['sent']))} | {total} | "
            f"{total / one:.2f} | {' + '.join(map(str, run['cached']))} | {run['seconds']:.1f} | {'yes' if same else 'NO'} |")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.1, help="server latency per request, seconds")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--processes", type=int, nargs="+", default=[2, 3], help="drafts started at once, per scenario")
    parser.add_argument("--before", type=Path, help="also run with the litreview package in this folder (old code)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    return parser.parse_args()


if __name__ == "__main__":
    main()
