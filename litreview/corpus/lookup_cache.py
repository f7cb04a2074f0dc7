"""Answers of scholarly APIs kept on disk (diskcache, JSON values) so a rerun asks nothing again.

Keys are `source:kind:identifier` with the identifier normalised (DOI lower case, arXiv id without version,
a hash of the normalised title, year and first author). A miss is remembered too, for `lookup_miss_days`.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import diskcache

from litreview.corpus.sources import Found
from litreview.errors import ConfigError
from litreview.files import folder_size, remove_tree

STORE = "lookups"  # beside the LLM answers in the cache directory
CACHE_FORMAT = 1  # bump when the stored layout changes


@dataclass(frozen=True)
class CachedLookup:
    """One remembered answer: what was found (None for a miss) and the day it was asked."""

    found: Found | None
    date: str


class LookupCache:
    """The lookup store under `cache_dir`; with `refresh`, nothing is read (answers are still written)."""

    def __init__(self, cache_dir: Path, *, miss_days: float, refresh: bool = False) -> None:
        try:
            self._store = diskcache.Cache(str(cache_dir / STORE))
        except (OSError, sqlite3.Error) as error:
            raise ConfigError(f"cannot open the lookup cache ({error})", where=str(cache_dir / STORE),
                              hint="set cache_dir (LITREVIEW_CACHE_DIR or litreview.toml) to a folder you can write") from None
        self._miss_seconds = miss_days * 86400
        self._refresh = refresh

    def __enter__(self) -> LookupCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self._store.close()

    def get(self, key: str) -> CachedLookup | None:
        """The remembered answer for `key`, or None when it must be asked."""
        if self._refresh:
            return None
        raw = self._store.get(f"{CACHE_FORMAT}:{key}")
        if raw is None:
            return None
        data = json.loads(raw)
        return CachedLookup(Found(**data["found"]) if data["found"] else None, data["date"])

    def put(self, key: str, found: Found | None, date: str) -> None:
        """Remember an answer: a hit for good, a miss until it expires (not at all with `miss_days` 0)."""
        if found is None and not self._miss_seconds:
            return
        value = json.dumps({"found": found.model_dump() if found else None, "date": date})
        self._store.set(f"{CACHE_FORMAT}:{key}", value, expire=None if found is not None else self._miss_seconds)


def lookups_info(cache_dir: Path) -> tuple[int, int]:
    """How many scholarly-API answers `cache_dir` keeps (misses included), and their size in bytes."""
    folder = Path(cache_dir) / STORE
    if not folder.is_dir():
        return 0, 0
    try:
        with diskcache.Cache(str(folder)) as store:
            count = len(store)
    except (OSError, sqlite3.Error):
        count = 0  # damaged: its size still says it is there, and `cache clear` removes it
    return count, folder_size(folder)


def clear_lookups(cache_dir: Path) -> int:
    """Delete every remembered lookup (the next `--enrich` asks again); returns how many there were."""
    count, _ = lookups_info(cache_dir)
    remove_tree(Path(cache_dir) / STORE)
    return count
