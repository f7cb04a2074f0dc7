"""Benchmark: loading a 100,000-entry BibTeX file, and `litreview --help` start-up.

    python bench/corpus.py [--entries 100000] [--repeat 3]

Each measurement runs in a fresh subprocess (so peak RSS is its own), bare parse and load alternating;
the figure kept is the fastest of `--repeat` runs, and load time is reported as a ratio to bibtexparser's bare parse of the same file in
the same run, because this machine is noisy. Targets: load <= 1.5x bare parse; --help < 0.3 s over `python -c pass`.
"""

from __future__ import annotations

import sys

# bench/select.py would shadow the standard library's `select`: look in bench/ last.
sys.path.append(sys.path.pop(0))

import argparse
import json
import platform
import random
import statistics
import subprocess
import time
from pathlib import Path

from results import write_section

HERE = Path(__file__).resolve().parent
WORK = HERE / "_work"

BARE = """
import bibtexparser, json, resource, sys, time
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
library = bibtexparser.parse_string(text, parse_stack=[])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "entries": len(library.entries),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

LOAD = """
import json, resource, sys, time
from litreview.corpus import load_corpus
start = time.perf_counter()
corpus = load_corpus([sys.argv[1]])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "entries": len(corpus), "duplicates": corpus.duplicates,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

WORDS = ("learning neural network language model graph attention robust efficient multimodal prompt tuning "
         "retrieval generation transformer vision reinforcement label noise contrastive representation "
         "benchmark dataset analysis sparse adaptive federated causal inference diffusion").split()
ACCENTED = ("M{\\\"u}ller", "Garc{\\'\\i}a", "{\\v{C}}ech", "Nov{\\'a}k", "Fran{\\c{c}}ois", "Smith", "Lee", "Chen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bib = corpus_file(args.entries)
    bare, load = best_of(args.repeat, bib)
    startup = startup_times()
    report(args.entries, bib, bare, load, startup)


def corpus_file(entries: int) -> Path:
    """The generated .bib of `entries` entries under WORK, written on first use and reused after."""
    WORK.mkdir(exist_ok=True)
    bib = WORK / f"corpus-{entries}.bib"
    if not bib.exists():
        bib.write_text(make_bibtex(entries), encoding="utf-8")
    return bib


def make_bibtex(count: int, seed: int = 7) -> str:
    """Realistic entries: accents, braces, @string venues, ~3% duplicates under other keys."""
    rng = random.Random(seed)
    parts = ['@string{neurips = "Advances in Neural Information Processing Systems"}\n']
    for index in range(count):
        source = rng.randrange(index) if index > 100 and rng.random() < 0.03 else index
        rng_entry = random.Random(source)
        title = " ".join(rng_entry.choice(WORDS) for _ in range(rng_entry.randint(5, 12))).capitalize()
        title = f"{{{title.split()[0].upper()}}}: {title}"
        authors = " and ".join(f"{rng_entry.choice(ACCENTED)}, A{rng_entry.randrange(99)}." for _ in range(rng_entry.randint(1, 5)))
        abstract = " ".join(rng_entry.choice(WORDS) for _ in range(rng_entry.randint(80, 200))) + r" with 95\% accuracy."
        parts.append(
            f"@inproceedings{{key{index},\n  title = {{{title} {source}}},\n  author = {{{authors}}},\n"
            f"  booktitle = neurips,\n  year = {{{2000 + source % 25}}},\n  doi = {{10.1000/bench.{source}}},\n"
            f"  abstract = {{{abstract}}}\n}}\n"
        )
    return "\n".join(parts)


def best_of(repeat: int, bib: Path) -> tuple[dict, dict]:
    """Bare parse and litreview load, alternating so that both see the same machine load."""
    runs: dict[str, list[dict]] = {BARE: [], LOAD: []}
    for _ in range(repeat):
        for script in (BARE, LOAD):
            done = subprocess.run([sys.executable, "-c", script, str(bib)], check=True, capture_output=True, text=True)
            runs[script].append(json.loads(done.stdout))
    return _best(runs[BARE]), _best(runs[LOAD])


def _best(runs: list[dict]) -> dict:
    best = min(runs, key=lambda run: run["seconds"])
    return {**best, "rss_mb": max(run["rss_mb"] for run in runs), "all": [round(r["seconds"], 2) for r in runs]}


def startup_times(repeat: int = 15) -> dict:
    litreview = Path(sys.executable).with_name("litreview")
    return {"python": median_seconds([sys.executable, "-c", "pass"], repeat),
            "help": median_seconds([str(litreview), "--help"], repeat)}


def median_seconds(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(entries: int, bib: Path, bare: dict, load: dict, startup: dict) -> None:
    ratio = load["seconds"] / bare["seconds"]
    extra = startup["help"] - startup["python"]
    lines = [
        "## corpus load (bench/corpus.py)",
        "",
        f"Command: `python bench/corpus.py --entries {entries}`; machine: {platform.machine()}, "
        f"Python {platform.python_version()}, 2 cores / 24 GiB (shared, noisy: best of runs, ratios in one run).",
        "",
        "| what | seconds (best) | runs | peak RSS MB |",
        "|---|---|---|---|",
        f"| bibtexparser bare parse (`parse_stack=[]`), {bare['entries']} entries, {bib.stat().st_size / 1e6:.0f} MB | {bare['seconds']:.2f} | {bare['all']} | {bare['rss_mb']:.0f} |",
        f"| litreview `load_corpus` (parse + decode + dedupe + keys): {load['entries']} papers, {load['duplicates']} duplicates merged | {load['seconds']:.2f} | {load['all']} | {load['rss_mb']:.0f} |",
        "",
        f"Load / bare parse: **{ratio:.2f}x** (target <= 1.5x): {'met' if ratio <= 1.5 else 'NOT met'}.",
        "",
        f"`litreview --help`: {startup['help'] * 1000:.0f} ms vs `python -c pass`: {startup['python'] * 1000:.0f} ms "
        f"(median of 15): **{extra * 1000:.0f} ms extra** (target < 300 ms): {'met' if extra < 0.3 else 'NOT met'}.",
        "",
    ]
    print("\n".join(lines))
    write_section(lines)


if __name__ == "__main__":
    main()
