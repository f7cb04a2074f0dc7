"""`litreview cache info|clear`: where the cache is, what each part of it holds, and emptying it."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Annotated, Any

import typer

from litreview.cli import output
from litreview.text import counted

app = typer.Typer(help="Inspect or clear the cache: LLM answers, search indexes and scholarly-API lookups.", no_args_is_help=True)

CacheDirOption = Annotated[Path | None, typer.Option("--cache-dir", help="Cache directory (default: from settings).")]
DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


@app.command("info")
def info(cache_dir: CacheDirOption = None) -> None:
    """Where the cache is, each part of it (answers, search indexes, lookups, damaged copies) and its size, and the last run."""
    with output.reported_errors():
        from litreview.corpus.lookup_cache import lookups_info
        from litreview.files import file_size
        from litreview.select.index import indexes_info

        cache = _cache(cache_dir)
        found = cache.info()
        indexes, index_bytes = indexes_info(cache.directory)
        lookups, lookup_bytes = lookups_info(cache.directory)
        lines = [
            f"cache: {found.directory}",
            f"answers: {found.entries} ({_size(found.size_bytes)})",
            f"search indexes: {indexes} ({_size(index_bytes)})",
            f"scholarly lookups: {lookups} ({_size(lookup_bytes)})",
            *(f"set aside: {path} ({_size(file_size(path))}), a damaged answer database" for path in found.set_aside
              if not path.name.endswith(("-wal", "-shm"))),
            f"total size: {_size(found.size_bytes + index_bytes + lookup_bytes + found.set_aside_bytes)}",
            f"last run: {_last_run(found.last_run)}",
        ]
        for line in lines:
            output.print_line(line)


@app.command("clear")
def clear(
    older_than: Annotated[str | None, typer.Option("--older-than", help="Only answers stored longer ago than this, e.g. 30d, 12h, 90m (indexes stay).")] = None,
    cache_dir: CacheDirOption = None,
) -> None:
    """Delete cached answers, search indexes and lookups (or only answers older than --older-than); the next run asks again."""
    with output.reported_errors():
        from litreview.corpus.lookup_cache import clear_lookups
        from litreview.llm.memory import SERVERS_FILE
        from litreview.llm.modes import MODES_FILE
        from litreview.select.index import clear_indexes

        seconds = parse_duration(older_than) if older_than is not None else None
        cache = _cache(cache_dir)
        if seconds is not None:
            removed = cache.clear(older_than=seconds)
            output.print_line(f"removed {counted(removed, 'answer')} older than {older_than} from {cache.directory}")
            return
        set_aside = len([path for path in cache.set_aside() if not path.name.endswith(("-wal", "-shm"))])
        try:
            answers = cache.clear()
            indexes = clear_indexes(cache.directory)
            lookups = clear_lookups(cache.directory)
            (cache.directory / MODES_FILE).unlink(missing_ok=True)  # the modes `--mode auto` found: asked again too
            (cache.directory / SERVERS_FILE).unlink(missing_ok=True)  # what was learned about servers: probed again
        except OSError as error:
            from litreview.errors import CACHE_NOT_WRITABLE_HINT, CacheError

            raise CacheError(f"cannot clear the cache ({error.strerror})", where=str(error.filename or cache.directory),
                             hint=CACHE_NOT_WRITABLE_HINT) from None
        damaged = f", and {counted(set_aside, 'damaged answer database')} set aside" if set_aside else ""
        output.print_line(f"removed {counted(answers, 'answer')}, {counted(indexes, 'search index', 'search indexes')} and "
                          f"{counted(lookups, 'scholarly lookup')}{damaged} from {cache.directory}")


def parse_duration(text: str) -> float:
    """'30d' -> seconds. Units: s, m, h, d, w."""
    from litreview.errors import ConfigError

    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*", text)
    if not found:
        raise ConfigError(f"cannot read {text!r} as a duration", where="--older-than", hint="write a number and a unit: 30d, 12h, 90m, 45s, 2w")
    return float(found.group(1)) * DURATION_UNITS[found.group(2)]


def _cache(cache_dir: Path | None) -> Any:
    """The configured cache; a file where its folder should be is an error (never deleted: it is not ours)."""
    from litreview.config import load_settings
    from litreview.errors import CACHE_IS_A_FILE_HINT, CacheError
    from litreview.llm.cache import AnswerCache

    settings = load_settings({"cache_dir": cache_dir}, Path.cwd())
    if settings.cache_dir.exists() and not settings.cache_dir.is_dir():
        raise CacheError("this is a file, not a cache folder", where=str(settings.cache_dir), hint=CACHE_IS_A_FILE_HINT)
    return AnswerCache(settings.cache_dir)


def _last_run(counters: dict[str, Any] | None) -> str:
    from litreview.llm.usage import Usage

    if not counters:
        return "none recorded"
    when = datetime.datetime.fromtimestamp(counters.get("finished", 0)).strftime("%Y-%m-%d %H:%M")
    return f"{Usage.from_dict(counters).counts()}, finished {when}"


def _size(size: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} B"
