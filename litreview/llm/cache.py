"""The answer cache: diskcache under our own keys, JSON text values (no pickles), never the API key.

diskcache keeps entries in SQLite (WAL) plus files, so processes sharing one directory are safe.
Each answer is committed as soon as it arrives, which is what lets a killed run resume.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CACHE_FORMAT = 1  # bump to invalidate every entry when the stored layout changes
STORE = "llm"  # answers live in <cache_dir>/llm: other stages keep their own folders beside it
LAST_RUN_FILE = "llm-last-run.json"  # beside the store: diskcache's check() flags foreign files inside it


@dataclass(frozen=True)
class CachedAnswer:
    """A stored answer: the validated object as JSON data, and what it cost when it was paid for."""

    value: Any
    prompt_tokens: int
    completion_tokens: int
    created: float


@dataclass(frozen=True)
class CacheInfo:
    """What `litreview cache info` shows."""

    directory: Path
    entries: int
    size_bytes: int
    last_run: dict[str, Any] | None


def answer_key(
    *,
    base_url: str,
    model: str,
    mode: str,
    messages: list[dict[str, Any]],
    schema: Mapping[str, Any],
    temperature: float,
    prompt_version: str,
) -> str:
    """sha256 of everything that decides an answer (never the API key)."""
    return _digest({
        "kind": "answer", "format": CACHE_FORMAT, "base_url": base_url, "model": model, "mode": mode,
        "messages": messages, "schema": schema, "temperature": temperature, "prompt_version": prompt_version,
    })


def embedding_key(*, base_url: str, model: str, text: str) -> str:
    """sha256 of one text's embedding request."""
    return _digest({"kind": "embedding", "format": CACHE_FORMAT, "base_url": base_url, "model": model, "text": text})


class AnswerCache:
    """One cache directory. Opens lazily so commands that never ask the LLM do not create it."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.store = self.directory / STORE
        self._cache: Any = None

    def get(self, key: str) -> CachedAnswer | None:
        """The stored answer, or None (absent or unreadable: both mean ask again)."""
        text = self._open().get(key)
        if not isinstance(text, str):
            return None
        try:
            record = json.loads(text)
            usage = record["usage"]
            return CachedAnswer(record["value"], usage["prompt_tokens"], usage["completion_tokens"], record["created"])
        except (ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, value: Any, *, prompt_tokens: int = 0, completion_tokens: int = 0) -> None:
        """Store `value` (JSON data) under `key`; committed before this returns."""
        record = {
            "format": CACHE_FORMAT,
            "value": value,
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens},
            "created": time.time(),
        }
        self._open().set(key, json.dumps(record, ensure_ascii=False, separators=(",", ":")))

    def info(self) -> CacheInfo:
        """Location, entry count, size on disk and the last run's counters."""
        if not self.store.is_dir():
            return CacheInfo(self.directory, 0, 0, self._last_run())
        cache = self._open()
        return CacheInfo(self.directory, len(cache), cache.volume(), self._last_run())

    def clear(self, older_than: float | None = None) -> int:
        """Delete every entry, or those stored more than `older_than` seconds ago; returns how many."""
        if not self.store.is_dir():
            return 0
        cache = self._open()
        if older_than is None:
            (self.directory / LAST_RUN_FILE).unlink(missing_ok=True)
            return cache.clear()
        cutoff = time.time() - older_than
        stale = [key for key in cache.iterkeys() if self._created(cache.get(key)) < cutoff]
        return sum(1 for key in stale if cache.delete(key))

    def record_run(self, counters: Mapping[str, Any]) -> None:
        """Keep the last run's counters for `cache info` (atomic replace: concurrent runs never tear it)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=self.directory, prefix=".llm-last-run-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({**counters, "finished": time.time()}, handle)
        os.replace(temporary, self.directory / LAST_RUN_FILE)

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None

    def _open(self) -> Any:
        if self._cache is None:
            import diskcache

            # No eviction: an answer that was paid for is only dropped by `litreview cache clear`.
            self._cache = diskcache.Cache(str(self.store), eviction_policy="none")
        return self._cache

    def _last_run(self) -> dict[str, Any] | None:
        try:
            return json.loads((self.directory / LAST_RUN_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    @staticmethod
    def _created(text: Any) -> float:
        try:
            return float(json.loads(text)["created"])
        except (TypeError, ValueError, KeyError):
            return 0.0  # unreadable entries count as ancient: clearing them is harmless


def _digest(payload: Mapping[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
