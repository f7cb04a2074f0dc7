"""Benchmark `litreview enrich` on a 2,000-entry .bib of DOIs against the fake scholarly APIs at a fixed latency.

What it measures: requests made vs entries (OpenAlex batches 100 DOIs a request; the DOIs it does not know go
to Crossref one by one and to Semantic Scholar in batches of 500), wall time vs the bound the documented rate
limits set (requests x the source's spacing, or x latency / concurrency when the latency dominates), and the
requests of a warm rerun (0). The fake server (tests/fake_scholar.py) runs in this process's threads.

    python bench/enrich.py --entries 2000 --latency 0.05 --unknown 0.02
"""

from __future__ import annotations

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
# bench/select.py would shadow the standard library's `select` while this folder is first on sys.path.
sys.path = [os.path.dirname(_HERE), os.path.join(os.path.dirname(_HERE), "tests")] + [
    p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from fake_scholar import FakeScholar, Work  # noqa: E402

from bench.results import load_average, memory_total, write_section  # noqa: E402
from litreview.corpus.sources import arxiv, crossref, openalex, semanticscholar  # noqa: E402

LITREVIEW = Path(sys.executable).parent / "litreview"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds the fake server waits before each answer")
    parser.add_argument("--unknown", type=float, default=0.02, help="share of DOIs OpenAlex does not know")
    parser.add_argument("--no-write", action="store_true", help="print, do not update bench/RESULTS.md")
    options = parser.parse_args()
    load = load_average()
    works = _works(options.entries, options.unknown)
    with tempfile.TemporaryDirectory() as folder, FakeScholar(works, latency=options.latency) as server:
        bib = Path(folder) / "refs.bib"
        bib.write_text(_bib(options.entries), encoding="utf-8")
        env = {**os.environ, **server.env(), "LITREVIEW_CACHE_DIR": str(Path(folder) / "cache")}
        cold, report = _run(bib, env)
        asked = {api: server.count(api) for api in ("arxiv", "openalex", "crossref", "s2")}
        warm, _ = _run(bib, env)
        warm_requests = server.count() - sum(asked.values())
    lines = _section(options, load, cold, warm, asked, warm_requests, report)
    print("\n".join(lines))
    if not options.no_write:
        write_section(lines)


_WORDS = ("graph neural sparse robust efficient learning attention transfer contrastive label noise spectral "
          "temporal causal federated adaptive kernel bayesian quantum molecular protein vision speech retrieval "
          "ranking memory privacy fairness pruning distillation diffusion flow reinforcement policy planning").split()


def _title(n: int) -> str:
    """A distinct title per entry: titles that differ only by a number would be merged as duplicates."""
    return " ".join(random.Random(n).sample(_WORDS, 7)).capitalize()


def _works(entries: int, unknown: float) -> list[Work]:
    """OpenAlex knows all but the `unknown` share; Crossref knows none of those; Semantic Scholar knows them."""
    missing = set(range(0, entries, round(1 / unknown))) if unknown else set()
    return [Work(_title(n), f"Abstract of paper {n}. We propose method {n}.", 2020,
                 (f"Author{n} Surname{n}",), doi=f"10.1234/bench.{n}", openalex_id=f"W{n}",
                 known_by=("s2",) if n in missing else ("openalex",)) for n in range(entries)]


def _bib(entries: int) -> str:
    return "\n".join(f"@article{{paper{n},\n  title = {{{_title(n)}}},\n  author = {{Surname{n}, "
                     f"Author{n}}},\n  year = {{2020}},\n  journal = {{Journal}},\n  doi = {{10.1234/bench.{n}}}\n}}\n"
                     for n in range(entries))


def _run(bib: Path, env: dict[str, str]) -> tuple[float, dict]:
    started = time.perf_counter()
    done = subprocess.run([str(LITREVIEW), "enrich", str(bib), "-o", str(bib.with_name("out.bib")), "--json",
                           "--mailto", "bench@example.org"], env=env, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return seconds, json.loads(done.stdout)


def _bound(asked: dict[str, int], latency: float) -> float:
    """Seconds the documented limits allow at best: per source, requests x spacing, or x latency / concurrency."""
    limits = {"arxiv": arxiv.POLITENESS, "openalex": openalex.POLITENESS, "crossref": crossref.POLITE,
              "s2": semanticscholar.POLITENESS}
    return sum(max((n - 1) * limits[api].interval, math.ceil(n / limits[api].concurrency) * latency) + latency
               for api, n in asked.items() if n)


def _section(options: argparse.Namespace, load: str, cold: float, warm: float, asked: dict[str, int],
             warm_requests: int, report: dict) -> list[str]:
    total = sum(asked.values())
    bound = _bound(asked, options.latency)
    return [
        "## enrich: abstracts for a .bib of DOIs through the fake scholarly APIs (bench/enrich.py)",
        "",
        f"Command: `.venv/bin/python bench/enrich.py --entries {options.entries} --latency {options.latency} "
        f"--unknown {options.unknown}`",
        f"Machine: {os.cpu_count()} cores / {memory_total()}, Python {platform.python_version()}; run "
        f"{time.strftime('%Y-%m-%d %H:%M')}; load average before: {load}.",
        f"Corpus: {options.entries} generated BibTeX entries, each with a DOI and no abstract; OpenAlex knows all but "
        f"{options.unknown:.0%}, which only Semantic Scholar knows (so Crossref is asked for them one by one first). "
        "Each run is `litreview enrich refs.bib -o out.bib --json --mailto ...` in its own process.",
        "",
        "| entries | found | requests (openalex / crossref / s2) | entries per request | cold wall (s) | rate-limit bound (s) "
        "| cold / bound | warm wall (s) | warm requests |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|",
        f"| {options.entries} | {sum(report['found'].values())} | {total} ({asked['openalex']} / {asked['crossref']} / "
        f"{asked['s2']}) | {options.entries / max(total, 1):.1f} | {cold:.1f} | {bound:.1f} | {cold / bound:.2f} | "
        f"{warm:.1f} | {warm_requests} |",
        "",
        "The bound is, per source, (requests - 1) x the spacing its documentation asks for (OpenAlex 0.1 s, Crossref's "
        "polite pool 0.1 s, Semantic Scholar 1 s) or ceil(requests / concurrency) x latency when that is longer, plus "
        "one latency; the sources are asked one after another. Cold wall includes start-up, reading and writing the .bib.",
        "",
        f"Reading: {options.entries} entries took {total} requests ({asked['openalex']} OpenAlex batches of up to 100, "
        f"{asked['crossref']} single Crossref lookups for the DOIs OpenAlex did not know, {asked['s2']} Semantic Scholar "
        f"batch). Cold minus warm wall ({cold - warm:.1f} s; start-up, reading and writing the .bib are in both) is the "
        f"time spent asking, {(cold - warm) / bound:.2f}x the rate-limit bound. The warm rerun sent {warm_requests} "
        "requests: every answer, the misses included, came from the lookup cache.",
    ]


if __name__ == "__main__":
    main()
