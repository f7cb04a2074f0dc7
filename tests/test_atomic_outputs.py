"""Outputs are replaced in one step: a run killed while writing leaves the previous file whole; a rewrite keeps
the file's permissions and writes through a symlink rather than over it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).parent / "data"
BIB = DATA / "better_bibtex.bib"
BIG_TEMPLATE = DATA / "templates" / "with_appendix.tex.j2"
LITREVIEW = Path(sys.executable).parent / "litreview"


def draft_args(out: str, *more: str) -> list[str]:
    return ["draft", "transformers", "--corpus", str(BIB), "--offline", "-q", "-o", out, *more]


def test_a_kill_while_writing_a_large_draft_leaves_the_previous_one_intact(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_cli(*draft_args("related.tex")).exit_code == 0
    before = (tmp_path / "related.tex").read_bytes()

    writing = subprocess.Popen([str(LITREVIEW), *draft_args("related.tex", "--template", str(BIG_TEMPLATE))],
                               cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    def partial() -> Path:  # named by the writer's process and thread
        return next(tmp_path.glob(f".related.tex.{writing.pid}-*.partial"), tmp_path / "none")

    deadline = time.monotonic() + 120
    while not (partial().exists() and partial().stat().st_size > 0) and writing.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    partial = partial()
    writing.send_signal(signal.SIGKILL)
    writing.wait()
    assert writing.returncode == -signal.SIGKILL, writing.stderr.read()  # killed, not finished

    assert (tmp_path / "related.tex").read_bytes() == before  # the previous draft, whole
    assert partial.exists() and partial.stat().st_size < 80_000_000  # the kill did land mid-write

    rerun = run_cli(*draft_args("related.tex"))
    assert rerun.exit_code == 0 and (tmp_path / "related.tex").read_bytes() == before
    assert not partial.exists()  # the abandoned partial file is cleaned up by the next write
    assert sorted(path.name for path in tmp_path.iterdir()) == ["related.bib", "related.tex"]


def test_a_rewritten_draft_keeps_its_permissions_and_its_symlink(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "paper").mkdir()
    target = tmp_path / "paper" / "related.md"
    target.write_text("old draft\n", encoding="utf-8")
    target.chmod(0o640)
    (tmp_path / "related.md").symlink_to(target)

    assert run_cli(*draft_args("related.md")).exit_code == 0
    assert (tmp_path / "related.md").is_symlink()  # still a link, to the same file, now holding the new draft
    assert target.read_text(encoding="utf-8").startswith("# Transformers\n")
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert sorted(path.name for path in (tmp_path / "paper").iterdir()) == ["related.md"]


def test_a_new_draft_gets_the_usual_permissions(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    umask = os.umask(0o022)
    try:
        assert run_cli(*draft_args("related.tex", "--save-plan", "plan.json")).exit_code == 0
    finally:
        os.umask(umask)
    for name in ("related.tex", "related.bib", "plan.json"):
        assert oct((tmp_path / name).stat().st_mode & 0o777) == oct(0o644), name


def test_a_partial_file_of_a_run_still_writing_is_left_alone(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with subprocess.Popen(["sleep", "60"]) as other_run:  # stands for a concurrent run writing the same file
        theirs = tmp_path / f".related.md.{other_run.pid}.partial"
        theirs.write_text("half of their draft", encoding="utf-8")
        gone = tmp_path / ".related.md.999999999.partial"  # no such process: abandoned by a killed run
        gone.write_text("half of an old draft", encoding="utf-8")
        assert run_cli(*draft_args("related.md")).exit_code == 0
        other_run.kill()
    assert theirs.read_text(encoding="utf-8") == "half of their draft" and not gone.exists()


def test_two_threads_replacing_one_file_at_once_both_succeed(tmp_path):
    """Two clients of one process (a script drafting on threads) write the same run record at once."""
    import threading

    from litreview.files import write_atomic

    target, errors = tmp_path / "record.json", []

    def write(text: str) -> None:
        try:
            for _ in range(200):
                write_atomic(target, text)
        except OSError as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(text,)) for text in ("first" * 1000, "second" * 1000)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and target.read_text() in ("first" * 1000, "second" * 1000)
    assert [path.name for path in tmp_path.iterdir()] == ["record.json"]
