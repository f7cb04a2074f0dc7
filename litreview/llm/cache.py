"""The answer cache: diskcache under our own keys, JSON text values (no pickles), never the API key.

diskcache keeps entries in SQLite (WAL) plus files, so processes sharing one directory are safe.
Each answer is committed as soon as it arrives, which is what lets a killed run resume.

A damaged answer database is not a dead end: it is moved aside (`cache.db.corrupt-<date>`, kept for
whoever wants to dig in it), a fresh one is started, and a CacheWarning says how many answers were lost.
A cache that cannot be written is a CacheError naming the folder: an LLM run never pays for answers it
could not keep (unless the caller turned caching off).
"""

from __future__ import annotations

import asyncio
import datetime
import hashlib
import json
import os
import socket
import sqlite3
import time
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from litreview.errors import (
    CACHE_IS_A_FILE_HINT,
    CACHE_NOT_WRITABLE_HINT,
    CacheError,
    CacheWarning,
)
from litreview.files import (
    IS_A_FILE,
    file_size,
    folder_size,
    remove_tree,
    unwritable_reason,
    write_atomic,
)

CACHE_FORMAT = 1  # bump to invalidate every entry when the stored layout changes
STORE = "llm"  # answers live in <cache_dir>/llm: other stages keep their own folders beside it
CLAIMS = "llm-claims"  # who is asking what right now, for processes sharing the cache (see `claim`)
LAST_RUN_FILE = "llm-last-run.json"  # beside the store: diskcache's check() flags foreign files inside it
DATABASE = "cache.db"
CORRUPT = ".corrupt-"  # cache.db.corrupt-2026-11-28T22-16-24: a damaged database set aside
NO_CACHE_HINT = " (--no-cache runs without it, paying again on every rerun)"

R = TypeVar("R")


@dataclass(frozen=True)
class CachedAnswer:
    """A stored answer: the validated object as JSON data, and what it cost when it was paid for."""

    value: Any
    prompt_tokens: int
    completion_tokens: int
    created: float


@dataclass(frozen=True)
class CacheInfo:
    """What `litreview cache info` shows of the answers: how many, their size, damaged copies, the last run."""

    directory: Path
    entries: int
    size_bytes: int
    last_run: dict[str, Any] | None
    set_aside: list[Path]
    set_aside_bytes: int


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
        self._claims: Any = None

    def get(self, key: str) -> CachedAnswer | None:
        """The stored answer, or None (absent or unreadable: both mean ask again)."""
        text = self._healing(lambda cache: cache.get(key))
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
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        self._healing(lambda cache: cache.set(key, text))

    def check_writable(self) -> None:
        """Raise CacheError when answers could not be stored here; creates nothing."""
        found = unwritable_reason(self.store)
        if found is not None:
            place, problem = found
            subject = "it" if place == self.directory else str(place)
            hint = CACHE_IS_A_FILE_HINT if problem == IS_A_FILE else CACHE_NOT_WRITABLE_HINT
            raise CacheError(f"cannot write the answer cache ({subject} {problem})", where=str(self.directory),
                             hint=hint + NO_CACHE_HINT)

    def info(self) -> CacheInfo:
        """Location, entry count, size on disk, damaged copies set aside and the last run's counters."""
        entries = self._healing(len) if (self.store / DATABASE).is_file() else 0  # may set a damaged database aside
        set_aside = self.set_aside()
        aside_bytes = sum(file_size(path) for path in set_aside)
        return CacheInfo(self.directory, entries, folder_size(self.store) - aside_bytes, self._last_run(),
                         set_aside, aside_bytes)

    def clear(self, older_than: float | None = None) -> int:
        """Delete every entry (and damaged copies set aside), or those stored more than `older_than` seconds ago.

        Returns how many answers were removed. Clearing everything works on a damaged database too: the
        store folder is removed whole, whatever state its database is in.
        """
        if not self.store.is_dir():
            return 0
        if older_than is not None:
            return self._clear_older(time.time() - older_than)
        removed = self._count_or_zero()
        self.close()
        remove_tree(self.store)
        remove_tree(self.directory / CLAIMS)
        (self.directory / LAST_RUN_FILE).unlink(missing_ok=True)
        return removed

    def set_aside(self) -> list[Path]:
        """The damaged databases moved aside so far (with their -wal/-shm companions)."""
        if not self.store.is_dir():
            return []
        return sorted(path for path in self.store.iterdir() if path.name.startswith(DATABASE + CORRUPT))

    def claim(self, key: str, seconds: float) -> bool:
        """Mark `key` as being asked by this process; False while another live process holds it.

        Claims let processes sharing the cache ask each question once: the others wait for the answer. A
        claim ends with `release`, or after `seconds`, or when its process is found dead (same host).
        """
        def take(claims: Any) -> bool:
            if claims.add(key, _holder(), expire=seconds):
                return True
            holder = claims.get(key)
            if holder is None or _abandoned(holder):
                claims.set(key, _holder(), expire=seconds)
                return True
            return False

        return self._with_claims(take)

    async def keep_claim(self, key: str, seconds: float) -> None:
        """Renew this process's claim on `key` every third of `seconds` until cancelled: a streamed answer may
        run longer than a claim lives, and a process waiting for it must not ask the same meanwhile."""
        while True:
            self._with_claims(lambda claims: claims.touch(key, expire=seconds))
            await asyncio.sleep(seconds / 3)

    def release(self, key: str) -> None:
        """End this process's claim on `key` (answered or failed)."""
        self._with_claims(lambda claims: claims.delete(key))

    def record_run(self, counters: Mapping[str, Any]) -> None:
        """Keep the last run's counters and the entry count for `cache info` and for telling what a damaged
        database held (atomic replace: concurrent runs never tear it)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        entries = self._healing(len) if (self.store / DATABASE).exists() else 0
        record = {**counters, "entries": entries, "finished": time.time()}
        write_atomic(self.directory / LAST_RUN_FILE, json.dumps(record))

    def close(self) -> None:
        for cache in (self._cache, self._claims):
            if cache is not None:
                cache.close()
        self._cache = self._claims = None

    def _healing(self, operation: Callable[[Any], R]) -> R:
        """Run `operation` on the open store; a damaged database is set aside and the operation runs on a fresh one."""
        try:
            return operation(self._open())
        except sqlite3.OperationalError as error:  # locked, read-only, disk full: not damage
            raise self._unusable(error) from None
        except sqlite3.DatabaseError as error:
            self._set_damaged_aside(error)
            return operation(self._open())

    def _open(self) -> Any:
        if self._cache is None:
            import diskcache

            try:
                # No eviction: an answer that was paid for is only dropped by `litreview cache clear`.
                self._cache = diskcache.Cache(str(self.store), eviction_policy="none")
            except sqlite3.OperationalError as error:
                raise self._unusable(error) from None
            except sqlite3.DatabaseError as error:
                self._set_damaged_aside(error)
                self._cache = diskcache.Cache(str(self.store), eviction_policy="none")
            except OSError as error:
                raise self._unusable(error) from None
        return self._cache

    def _with_claims(self, operation: Callable[[Any], R]) -> R:
        """Run `operation` on the claims store. Claims only live while runs do: a damaged store is simply started
        afresh (the worst a lost claim costs is one request asked twice)."""
        import diskcache

        try:
            if self._claims is None:
                self._claims = diskcache.Cache(str(self.directory / CLAIMS))
            return operation(self._claims)
        except sqlite3.OperationalError as error:
            raise self._unusable(error) from None
        except sqlite3.DatabaseError:
            if self._claims is not None:
                self._claims.close()
            remove_tree(self.directory / CLAIMS)
            self._claims = diskcache.Cache(str(self.directory / CLAIMS))
            return operation(self._claims)
        except OSError as error:
            raise self._unusable(error) from None

    def _set_damaged_aside(self, error: sqlite3.DatabaseError) -> None:
        """Move the damaged database (and its journal files) aside and warn how many answers were lost."""
        self.close()
        stamp = datetime.datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
        database = self.store / DATABASE
        aside = self.store / f"{DATABASE}{CORRUPT}{stamp}"
        try:
            os.replace(database, aside)
            for journal in ("-wal", "-shm"):
                if database.with_name(DATABASE + journal).exists():
                    os.replace(database.with_name(DATABASE + journal), aside.with_name(aside.name + journal))
        except OSError as move_error:
            raise self._unusable(move_error) from None
        known = (self._last_run() or {}).get("entries")
        lost = f"{known} cached answers (as of the last run)" if isinstance(known, int) else "the answers it held"
        warnings.warn(CacheWarning(
            f"{database}: the answer database was damaged ({error}); moved it to {aside} and started a fresh one: "
            f"{lost} are lost and will be asked again (delete the old file once you no longer need it)"), stacklevel=4)

    def _unusable(self, error: BaseException) -> CacheError:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        return CacheError(f"cannot use the answer cache ({reason})", where=str(self.directory), hint=CACHE_NOT_WRITABLE_HINT)

    def _clear_older(self, cutoff: float) -> int:
        def remove_stale(cache: Any) -> int:
            stale = [key for key in cache.iterkeys() if _created(cache.get(key)) < cutoff]
            return sum(1 for key in stale if cache.delete(key))

        return self._healing(remove_stale)

    def _count_or_zero(self) -> int:
        """How many answers the store holds; for a database that cannot be read, the count the last run recorded."""
        import diskcache

        try:
            with diskcache.Cache(str(self.store), eviction_policy="none") as cache:
                return len(cache)
        except (sqlite3.DatabaseError, OSError):
            known = (self._last_run() or {}).get("entries")
            return known if isinstance(known, int) else 0

    def _last_run(self) -> dict[str, Any] | None:
        try:
            found = json.loads((self.directory / LAST_RUN_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return found if isinstance(found, dict) else None


def _holder() -> dict[str, Any]:
    return {"pid": os.getpid(), "host": socket.gethostname()}


def _abandoned(holder: Any) -> bool:
    """A claim whose process is gone (only knowable on the same host; elsewhere the claim's expiry decides)."""
    if not isinstance(holder, dict) or not isinstance(holder.get("pid"), int):
        return True
    pid = holder["pid"]
    if holder.get("host") != socket.gethostname() or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def _created(text: Any) -> float:
    try:
        return float(json.loads(text)["created"])
    except (TypeError, ValueError, KeyError):
        return 0.0  # unreadable entries count as ancient: clearing them is harmless


def _digest(payload: Mapping[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
