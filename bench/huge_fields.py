"""Benchmark: files whose fields are 1 MB each, the shapes that once took minutes or raised.

    python bench/huge_fields.py [--mb 1] [--repeat 3]

One .bib and one CSL-JSON file, each with entries whose title or abstract is N MB of: prose, `\\a[` repeated (an
unclosed optional argument once rescanned the rest of the value at each macro), `We propose AAAA...` (a method
name once split in every possible way), nested braces, and one 4,301-digit number. Reported: bibtexparser's bare
parse of the .bib, litreview's `load_corpus` of each file, and `litreview draft --offline` on the .bib (summaries,
method names and sentence splitting included), each in a fresh subprocess, best of --repeat; and the same for
half the size, so the ratio shows the growth is linear.
"""

from __future__ import annotations

import sys

sys.path.append(sys.path.pop(0))  # bench/select.py would shadow the standard library's `select`

import argparse
import json
import platform
import subprocess
import time
from pathlib import Path

from results import load_average, memory_total, write_section

HERE = Path(__file__).resolve().parent
WORK = HERE / "_work"

BARE = """
import bibtexparser, sys, time
text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
bibtexparser.parse_string(text, parse_stack=[])
print(time.perf_counter() - start)
"""
LOAD = """
import sys, time
from litreview.corpus import load_corpus
start = time.perf_counter()
corpus = load_corpus([sys.argv[1]])
print(time.perf_counter() - start)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = [measure(size, args.repeat) for size in (args.mb / 2, args.mb)]
    report(args.mb, args.repeat, rows)


def fields(size: int) -> dict[str, str]:
    """The hostile field values, each `size` characters long."""
    prose = ("We study robust training under label noise and report accuracy on four benchmarks. " * (size // 84 + 1))
    return {
        "prose": prose[:size],
        "unclosed": "\\a[" * (size // 3),  # whole repeats: a value cut after its `\\` would escape the closing brace
        "propose": "We propose " + "A" * (size - 11),
        "braces": "{" * (size // 2) + "}" * (size // 2),
    }


def bib_file(size: int) -> Path:
    path = WORK / f"huge-{size}.bib"
    if not path.exists():
        entries = [f"@article{{huge{kind},\n  title = {{Huge {kind} field}},\n  year = {{2020}},\n  author = {{Lee, Bo}},\n"
                   f"  abstract = {{{value}}}\n}}\n" for kind, value in fields(size).items()]
        entries.append(f"@article{{hugetitle,\n  title = {{{fields(size)['unclosed']}}},\n  year = {{2021}}\n}}\n")
        path.write_text("\n".join(entries), encoding="utf-8")
    return path


def json_file(size: int) -> Path:
    path = WORK / f"huge-{size}.json"
    if not path.exists():
        items = [{"id": f"huge{kind}", "title": f"Huge {kind} field", "abstract": value, "issued": {"date-parts": [[2020]]}}
                 for kind, value in fields(size).items()]
        text = json.dumps(items, indent=1)
        text = text[:-1] + ',{"id": "bignum", "title": "A long number", "number": ' + "9" * 4301 + "}]"
        path.write_text(text, encoding="utf-8")
    return path


def best(command: list[str], repeat: int) -> float:
    """The fastest of `repeat` runs: the seconds the command printed, or its wall time."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=WORK)
        wall = time.perf_counter() - start
        try:
            times.append(float(done.stdout.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            times.append(wall)
    return min(times)


def measure(mb: float, repeat: int) -> dict:
    WORK.mkdir(exist_ok=True)
    size = int(mb * 1_000_000)
    bib, csl = bib_file(size), json_file(size)
    litreview = str(Path(sys.executable).with_name("litreview"))
    draft = [litreview, "draft", "label noise", "--corpus", str(bib), "--offline", "-q", "-o", "huge-draft.json"]
    return {
        "mb": mb, "bib_mb": bib.stat().st_size / 1e6, "json_mb": csl.stat().st_size / 1e6,
        "bare": best([sys.executable, "-c", BARE, str(bib)], repeat),
        "load_bib": best([sys.executable, "-c", LOAD, str(bib)], repeat),
        "load_json": best([sys.executable, "-c", LOAD, str(csl)], repeat),
        "draft": best(draft, repeat),
    }


def report(mb: float, repeat: int, rows: list[dict]) -> None:
    lines = [
        "## huge fields (bench/huge_fields.py)",
        "",
        f"Command: `python bench/huge_fields.py --mb {mb:g}`; machine: {platform.machine()}, Python "
        f"{platform.python_version()}, 2 cores / {memory_total()} (shared); load average before: {load_average()}.",
        "Each file: 4 entries whose abstract is N MB (prose, `\\a[` repeated, `We propose AAAA...`, nested braces) and "
        f"one whose title is N MB of `\\a[`; the CSL-JSON also holds a 4,301-digit number. Best of {repeat} fresh processes.",
        "",
        "| field size | .bib MB | bare parse (s) | load .bib (s) | load / bare | .json MB | load .json (s) | draft --offline (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(f"| {row['mb']:g} MB | {row['bib_mb']:.1f} | {row['bare']:.2f} | {row['load_bib']:.2f} | "
                     f"{row['load_bib'] / row['bare']:.2f}x | {row['json_mb']:.1f} | {row['load_json']:.2f} | "
                     f"{row['draft']:.2f} |")
    half, full = rows
    lines += ["", f"Doubling the field size multiplies the .bib load by {full['load_bib'] / half['load_bib']:.2f}, "
                  f"the CSL-JSON load by {full['load_json'] / half['load_json']:.2f} and the offline draft by "
                  f"{full['draft'] / half['draft']:.2f} (2.0 is linear).", ""]
    print("\n".join(lines))
    write_section(lines)


if __name__ == "__main__":
    main()
