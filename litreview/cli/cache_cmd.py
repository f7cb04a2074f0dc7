"""`litreview cache info|clear`: where the answer cache is, what it holds, and emptying it."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Annotated, Any

import typer

from litreview.cli import output

app = typer.Typer(help="Inspect or clear the cache of LLM answers.", no_args_is_help=True)

CacheDirOption = Annotated[Path | None, typer.Option("--cache-dir", help="Cache directory (default: from settings).")]
DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


@app.command("info")
def info(cache_dir: CacheDirOption = None) -> None:
    """Where the cache is, how many answers it holds, its size, and the last run's hits and misses."""
    with output.reported_errors():
        found = _cache(cache_dir).info()
        lines = [
            f"cache: {found.directory}",
            f"entries: {found.entries}",
            f"size: {_size(found.size_bytes)}",
            f"last run: {_last_run(found.last_run)}",
        ]
        for line in lines:
            output.print_line(line)


@app.command("clear")
def clear(
    older_than: Annotated[str | None, typer.Option("--older-than", help="Only entries stored longer ago than this, e.g. 30d, 12h, 90m.")] = None,
    cache_dir: CacheDirOption = None,
) -> None:
    """Delete cached answers (all, or those older than --older-than); the next run pays for them again."""
    with output.reported_errors():
        seconds = parse_duration(older_than) if older_than is not None else None
        cache = _cache(cache_dir)
        removed = cache.clear(older_than=seconds)
        qualifier = f" older than {older_than}" if older_than else ""
        text = f"removed {_count(removed, 'entry', 'entries')}{qualifier} from {cache.directory}"
        output.print_line(text)


def parse_duration(text: str) -> float:
    """'30d' -> seconds. Units: s, m, h, d, w."""
    from litreview.errors import ConfigError

    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*", text)
    if not found:
        raise ConfigError(f"cannot read {text!r} as a duration", where="--older-than", hint="write a number and a unit: 30d, 12h, 90m, 45s, 2w")
    return float(found.group(1)) * DURATION_UNITS[found.group(2)]


def _cache(cache_dir: Path | None) -> Any:
    from litreview.config import load_settings
    from litreview.llm.cache import AnswerCache

    settings = load_settings({"cache_dir": cache_dir}, Path.cwd())
    return AnswerCache(settings.cache_dir)


def _last_run(counters: dict[str, Any] | None) -> str:
    if not counters:
        return "none recorded"
    hits, misses = counters.get("cached", 0), counters.get("calls", 0)
    when = datetime.datetime.fromtimestamp(counters.get("finished", 0)).strftime("%Y-%m-%d %H:%M")
    extra = f", {counters['failed']} failed" if counters.get("failed") else ""
    retries = _count(counters.get("retries", 0), "retry", "retries")
    return f"{_count(hits, 'hit')}, {_count(misses, 'miss', 'misses')} (paid calls){extra}, {retries}, finished {when}"


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def _size(size: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"
