"""Bad input gets one line `FILE:LINE: what is wrong; how to fix it` and exit code 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

LISTING = "A Title For A Paper\n" + "We study a problem that matters. " * 10 + "\n"


def test_missing_path(run_cli, tmp_path):
    result = run_cli("corpus", str(tmp_path / "nope.bib"))
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nope.bib'}: no such file or directory; check the path\n"
    assert result.stdout == ""


def test_unknown_extension(run_cli, tmp_path):
    (tmp_path / "refs.docx").write_text("x")
    result = run_cli("corpus", str(tmp_path / "refs.docx"))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path / 'refs.docx'}: unknown extension '.docx'; "
                             "litreview reads .bib, .json, .jsonl, .ris, .txt; rename or convert the file\n")


def test_bytes_that_are_not_utf8(run_cli, tmp_path):
    (tmp_path / "latin1.txt").write_bytes(LISTING.encode() + "Caf\u00e9 title\n".encode("latin-1"))
    result = run_cli("corpus", str(tmp_path / "latin1.txt"))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path / 'latin1.txt'}:3: byte 0xE9 is not UTF-8; "
                             "re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)\n")


def test_empty_corpus(run_cli, tmp_path):
    (tmp_path / "empty.txt").write_text("\n\n")
    result = run_cli("corpus", str(tmp_path / "empty.txt"))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path / 'empty.txt'}: no papers found; "
                             "check that the files hold entries in a supported format\n")


def test_directory_without_papers_is_an_empty_corpus(run_cli, tmp_path):
    result = run_cli("corpus", str(tmp_path))
    assert result.exit_code == 2
    assert "no papers found" in result.stderr


def test_stdin_is_read_and_detected(run_cli):
    result = run_cli("corpus", "-", "--json", input=LISTING)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["papers"][0]["title"] == "A Title For A Paper"
    assert data["papers"][0]["origins"] == ["<stdin>:1"]
    assert data["files"][0]["format"] == "listing"


def test_a_title_without_abstract_is_kept_and_reported(run_cli, tmp_path):
    (tmp_path / "l.txt").write_text(LISTING + "\nA Lonely Title Without Abstract\n")
    result = run_cli("corpus", str(tmp_path / "l.txt"), "--json")
    papers = json.loads(result.stdout)["papers"]
    assert [p["title"] for p in papers] == ["A Title For A Paper", "A Lonely Title Without Abstract"]
    assert papers[1]["abstract"] is None
    table = run_cli("corpus", str(tmp_path / "l.txt")).stdout
    assert "2 unique papers" in table
