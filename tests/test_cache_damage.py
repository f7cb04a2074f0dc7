"""A damaged, missing or unusable cache, through the real CLI: each case ends in one warning or one error line,
never a traceback, and the next run works.

Unwritable caches are made in ways that stop root too (tests run as root, whom `chmod` does not stop): a file
where the cache folder should be, a path whose parent is a regular file, and a read-only file system mounted
where the cache folder is (chmod 555 when the tests run as a normal user).
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from test_draft_llm import EXAMPLES, REQUESTS, THEME, TOP_K, by_schema, fake, here, usage_line  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
BIB = Path(__file__).parent / "data" / "better_bibtex.bib"
FIX = "make it writable, or set --cache-dir (or LITREVIEW_CACHE_DIR) to a folder that is"
FILE_FIX = "move that file away, or set --cache-dir (or LITREVIEW_CACHE_DIR) to a folder"
NO_CACHE = " (--no-cache runs without it, paying again on every rerun)"


def llm_draft(run_cli, fake, cache: Path, *more: str):
    return run_cli("draft", THEME, "--corpus", str(EXAMPLES), "--model", "test-model", "--base-url", fake.url, "--cache-dir", str(cache),
                   "--timeout", "2", "--max-retries", "1", "--top-k", TOP_K, *more)


def offline_select(run_cli, cache: Path):
    return run_cli("select", "transformers", "--corpus", str(BIB), "--cache-dir", str(cache))


def warnings_in(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning:")]


# --- the answer database ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("damage", "sqlite_says"), [
    ("truncated", "database disk image is malformed"),
    ("overwritten", "file is not a database"),
])
def test_a_damaged_answer_database_is_set_aside_and_the_run_goes_on(run_cli, fake, here, damage, sqlite_says):
    cache = here.parent / "cache"
    assert llm_draft(run_cli, fake, cache, "-o", "first.tex").exit_code == 0
    database = cache / "llm" / "cache.db"
    _damage(database, damage)
    fake.reset()

    result = llm_draft(run_cli, fake, cache, "-o", "second.tex")
    assert result.exit_code == 0, result.stderr
    (aside,) = sorted((cache / "llm").glob("cache.db.corrupt-*[0-9]"))
    assert re.fullmatch(r"cache\.db\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d", aside.name)
    assert warnings_in(result.stderr) == [
        f"warning: {database}: the answer database was damaged ({sqlite_says}); moved it to {aside} and started a "
        f"fresh one: {REQUESTS} cached answers (as of the last run) are lost and will be asked again (delete the old "
        "file once you no longer need it)"]
    assert len(fake.chat_requests) == REQUESTS  # paid again, once
    assert (here / "second.tex").read_text(encoding="utf-8") == (here / "first.tex").read_text(encoding="utf-8")

    fake.reset()
    again = llm_draft(run_cli, fake, cache, "-o", "third.tex")
    assert again.exit_code == 0 and warnings_in(again.stderr) == [] and fake.requests == []
    assert re.fullmatch(rf"LLM: 0 new calls, {REQUESTS} cached, 0 retries, 0\+0 tokens", usage_line(again.stderr))


def test_cache_info_and_clear_work_on_a_damaged_database(run_cli, fake, here):
    cache = here.parent / "cache"
    assert llm_draft(run_cli, fake, cache, "-o", "first.tex").exit_code == 0
    _damage(cache / "llm" / "cache.db", "overwritten")

    info = run_cli("cache", "info", "--cache-dir", str(cache))
    assert info.exit_code == 0
    assert len(warnings_in(info.stderr)) == 1 and "file is not a database" in info.stderr
    (aside,) = sorted((cache / "llm").glob("cache.db.corrupt-*[0-9]"))
    lines = info.stdout.splitlines()
    assert lines[1] == "answers: 0 (0 B)" or lines[1].startswith("answers: 0 (")
    assert lines[2].startswith("search indexes: 1 (")
    assert re.fullmatch(rf"set aside: {re.escape(str(aside))} \(\d+\.\d KiB\), a damaged answer database", lines[4])

    cleared = run_cli("cache", "clear", "--cache-dir", str(cache))
    assert cleared.exit_code == 0, cleared.stderr
    assert cleared.stdout == f"removed 0 answers, 1 search index and 0 scholarly lookups, and 1 damaged answer database set aside from {cache}\n"
    assert not (cache / "llm").exists() and not (cache / "bm25").exists()
    assert run_cli("cache", "info", "--cache-dir", str(cache)).stdout.splitlines()[1:5] == [
        "answers: 0 (0 B)", "search indexes: 0 (0 B)", "scholarly lookups: 0 (0 B)", "total size: 0 B"]


def test_cache_clear_removes_a_database_that_cannot_even_be_opened(run_cli, fake, here):
    cache = here.parent / "cache"
    assert llm_draft(run_cli, fake, cache, "-o", "first.tex").exit_code == 0
    _damage(cache / "llm" / "cache.db", "truncated")
    cleared = run_cli("cache", "clear", "--cache-dir", str(cache))
    assert cleared.exit_code == 0 and cleared.stderr == ""
    # the count comes from what the last run recorded, since the database itself cannot be read
    assert cleared.stdout == f"removed {REQUESTS} answers, 1 search index and 0 scholarly lookups from {cache}\n"
    fake.reset()
    assert llm_draft(run_cli, fake, cache, "-o", "again.tex").exit_code == 0
    assert len(fake.chat_requests) == REQUESTS


def test_a_missing_answer_database_is_started_afresh_without_a_word(run_cli, fake, here):
    cache = here.parent / "cache"
    assert llm_draft(run_cli, fake, cache, "-o", "first.tex").exit_code == 0
    (cache / "llm" / "cache.db").unlink()
    fake.reset()
    result = llm_draft(run_cli, fake, cache, "-o", "second.tex")
    assert result.exit_code == 0 and warnings_in(result.stderr) == []
    assert len(fake.chat_requests) == REQUESTS


# --- the search index ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("damage", "file", "reason"), [
    ("truncated", "data.csc.index.npy", r"data\.csc\.index\.npy is \d+ bytes, saved as \d+"),
    ("overwritten", "params.index.json", r"params\.index\.json is not valid JSON"),
    ("overwritten", "terms.npy", r"terms\.npy is not a NumPy array file"),
    ("missing", "indices.csc.index.npy", r"No such file or directory: indices\.csc\.index\.npy"),
])
def test_a_damaged_search_index_is_rebuilt_with_a_warning(run_cli, tmp_path, damage, file, reason):
    cache = tmp_path / "cache"
    first = offline_select(run_cli, cache)
    assert first.exit_code == 0
    (place,) = (cache / "bm25").iterdir()
    _damage(place / file, damage)

    result = offline_select(run_cli, cache)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == first.stdout
    (warning,) = warnings_in(result.stderr)
    assert re.fullmatch(rf"warning: {re.escape(str(place))}: the saved search index was damaged \({reason}\); "
                        "rebuilding it", warning), warning
    again = offline_select(run_cli, cache)
    assert again.stdout == first.stdout and warnings_in(again.stderr) == []


def test_an_offline_draft_rebuilds_a_truncated_index_too(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cache = tmp_path / "cache"
    args = ["draft", "transformers", "--corpus", str(BIB), "--cache-dir", str(cache), "--offline", "-q", "-o", "a.md"]
    assert run_cli(*args).exit_code == 0
    (place,) = (cache / "bm25").iterdir()
    _damage(place / "data.csc.index.npy", "truncated")
    result = run_cli(*args[:-1], "b.md")
    assert result.exit_code == 0 and len(warnings_in(result.stderr)) == 1
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == (tmp_path / "a.md").read_text(encoding="utf-8")


# --- a cache that cannot be written ----------------------------------------------------------------------

def test_a_file_where_the_cache_folder_should_be(run_cli, fake, here):
    cache = here.parent / "cache"
    cache.write_text("my notes, not a cache\n", encoding="utf-8")

    offline = offline_select(run_cli, cache)
    assert offline.exit_code == 0 and "transformers" not in offline.stderr
    assert warnings_in(offline.stderr) == [
        f"warning: {cache}: cannot save the search index there (Not a directory); ranking without the cache (the "
        f"corpus is indexed again on every run): {FILE_FIX}"]

    paid = llm_draft(run_cli, fake, cache, "-o", "related.tex")
    assert paid.exit_code == 2 and paid.stdout == "" and fake.requests == []
    assert paid.stderr == f"error: {cache}: cannot write the answer cache (it is a file, not a folder); {FILE_FIX}{NO_CACHE}\n"
    for command in ("info", "clear"):
        refused = run_cli("cache", command, "--cache-dir", str(cache))
        assert refused.exit_code == 2
        assert refused.stderr == f"error: {cache}: this is a file, not a cache folder; {FILE_FIX}\n"
    assert cache.read_text(encoding="utf-8") == "my notes, not a cache\n"  # never deleted

    uncached = llm_draft(run_cli, fake, cache, "-o", "related.tex", "--no-cache")
    assert uncached.exit_code == 0, uncached.stderr
    assert len(fake.chat_requests) == REQUESTS

    cache.unlink()  # the user moves the file away: the same command now caches
    fake.reset()
    assert llm_draft(run_cli, fake, cache, "-o", "related.tex").exit_code == 0
    assert (cache / "llm" / "cache.db").is_file() and len(fake.chat_requests) == REQUESTS


def test_a_cache_below_a_file_is_refused_before_any_paid_call(run_cli, fake, here):
    blocker = here.parent / "blocker"
    blocker.write_text("", encoding="utf-8")
    cache = blocker / "cache"
    paid = llm_draft(run_cli, fake, cache, "-o", "related.tex")
    assert paid.exit_code == 2 and fake.requests == []
    assert paid.stderr == f"error: {cache}: cannot write the answer cache ({blocker} is a file, not a folder); {FILE_FIX}{NO_CACHE}\n"


@pytest.fixture
def read_only_folder(tmp_path):
    """An empty folder nobody can write in: permission bits for a normal user; for root (whom permission bits do
    not stop) a read-only tmpfs mounted there, or the test is skipped where mounting is not allowed."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot make a folder read-only for root here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_read_only_cache_folder(run_cli, fake, here, read_only_folder):
    cache = read_only_folder
    with pytest.raises(OSError):  # really read-only, for whoever runs the tests
        (cache / "probe").mkdir()
    problem = "it is on a read-only disk" if os.geteuid() == 0 else "it is not writable (permission denied)"
    reason = "Read-only file system" if os.geteuid() == 0 else "Permission denied"

    offline = offline_select(run_cli, cache)
    assert offline.exit_code == 0, offline.stderr
    assert warnings_in(offline.stderr) == [
        f"warning: {cache}: cannot save the search index there ({reason}); ranking without the cache (the corpus is "
        f"indexed again on every run): {FIX}"]
    assert offline.stdout == offline_select(run_cli, here.parent / "writable").stdout
    assert run_cli("cache", "info", "--cache-dir", str(cache)).stdout.splitlines()[1] == "answers: 0 (0 B)"

    paid = llm_draft(run_cli, fake, cache, "-o", "related.tex")
    assert paid.exit_code == 2 and fake.requests == [] and not (here / "related.tex").exists()
    assert paid.stderr == f"error: {cache}: cannot write the answer cache ({problem}); {FIX}{NO_CACHE}\n"

    uncached = llm_draft(run_cli, fake, cache, "-o", "related.tex", "--no-cache")
    assert uncached.exit_code == 0, uncached.stderr
    assert len(fake.chat_requests) == REQUESTS and (here / "related.tex").is_file()
    assert warnings_in(uncached.stderr) == [line for line in warnings_in(offline.stderr)]  # only the index, again


def _damage(path: Path, how: str) -> None:
    """Truncate a file to half its size, overwrite it with zeros (same size), or delete it."""
    if how == "missing":
        path.unlink()
        return
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        if how == "truncated":
            handle.truncate(size // 2)
        else:
            handle.write(b"\0" * size)
