"""Write one benchmark's section of bench/RESULTS.md, keeping every other section as it is."""

from __future__ import annotations

import contextlib
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(lines: list[str], path: Path = RESULTS) -> None:
    """`lines[0]` is the section's `## heading`; a section with that heading is replaced, else appended."""
    text = path.read_text() if path.exists() else "# Benchmark results\n"
    head, *sections = re.split(r"(?m)^(?=## )", text)
    kept = [s.rstrip("\n") for s in sections if s.splitlines()[0].strip() != lines[0].strip()]
    body = "\n\n".join([head.rstrip("\n"), *kept, "\n".join(lines).rstrip("\n")])
    path.write_text(body + "\n")


def load_average() -> str:
    """The 1, 5 and 15 minute load averages, to judge how noisy the shared machine was."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def memory_total() -> str:
    """The machine's memory, e.g. `24 GiB`."""
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        return f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        return "unknown memory"


def publish(report: str, *, write: bool) -> None:
    """Print a section of results; also put it in RESULTS.md unless the run was asked not to (--no-write)."""
    print(report)
    if write:
        write_section(report.splitlines())


@contextlib.contextmanager
def served(command: list[str]) -> Iterator[str]:
    """Run a fake server (`command` prints its URL on its first line) for the block; yields the URL."""
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        yield server.stdout.readline().strip()
    finally:
        server.kill()
        server.wait()
