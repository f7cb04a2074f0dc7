"""Benchmark: litreview's .bib reader alone against bibtexparser's bare parse of the same file.

    python bench/bibtex_reader.py [--entries 100000] [--repeat 3]

The file is bench/corpus.py's generated one (accents, braces, an @string venue, `\\%` in every abstract).
Each run is a fresh subprocess, the three programs alternate, and the best of `--repeat` runs is kept,
because this machine is shared and noisy. The reader parses, resolves macros, decodes LaTeX and builds
the `Paper` objects; deduplication and keys (the rest of `load_corpus`) are measured by bench/corpus.py.
"""

from __future__ import annotations

import sys

# bench/select.py would shadow the standard library's `select` (subprocess imports it): look here last.
sys.path.append(sys.path.pop(0))

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import subprocess  # noqa: E402

from corpus import BARE, corpus_file  # noqa: E402
from results import write_section  # noqa: E402

DEFAULT_STACK = BARE.replace("parse_stack=[]", "")

READER = """
import json, resource, sys, time
from litreview.corpus.readers.bibtex import read
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
records = read(text, sys.argv[1])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "entries": len(records.papers),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PROGRAMS = {
    "bibtexparser bare parse (`parse_stack=[]`)": BARE,
    "bibtexparser default parse stack": DEFAULT_STACK,
    "litreview `readers.bibtex.read` (parse + macros + LaTeX decoding + Paper objects)": READER,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bib = corpus_file(args.entries)
    runs: dict[str, list[dict]] = {name: [] for name in PROGRAMS}
    for _ in range(args.repeat):
        for name, script in PROGRAMS.items():
            done = subprocess.run([sys.executable, "-c", script, str(bib)], check=True, capture_output=True, text=True)
            runs[name].append(json.loads(done.stdout))
    report(args.entries, bib.stat().st_size, runs)


def report(entries: int, size: int, runs: dict[str, list[dict]]) -> None:
    best = {name: min(r["seconds"] for r in results) for name, results in runs.items()}
    bare, reader = best[next(iter(PROGRAMS))], best[list(PROGRAMS)[-1]]
    lines = [
        "## BibTeX reader (bench/bibtex_reader.py)",
        "",
        f"Command: `python bench/bibtex_reader.py --entries {entries}` "
        f"({size / 1e6:.0f} MB file from bench/corpus.py); machine: {platform.machine()}, "
        f"Python {platform.python_version()}, 2 cores / 24 GiB, shared and noisy "
        "(fresh process per run, programs alternating, best kept).",
        "",
        "| what | seconds (best) | runs | peak RSS MB |",
        "|---|---|---|---|",
    ]
    for name, results in runs.items():
        seconds = [round(r["seconds"], 2) for r in results]
        lines.append(f"| {name} | {best[name]:.2f} | {seconds} | {max(r['rss_mb'] for r in results):.0f} |")
    lines += ["", f"Reader / bare parse: **{reader / bare:.2f}x**.", ""]
    print("\n".join(lines))
    write_section(lines)


if __name__ == "__main__":
    main()
