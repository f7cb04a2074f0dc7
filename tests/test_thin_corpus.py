"""Saying what is thin: selected papers without abstracts are counted and named; with no --corpus, the files
read are named and litreview's own outputs are never read as the corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

THIN = Path(__file__).parent / "data" / "thin"


def test_papers_without_abstracts_are_counted_and_named(run_cli, tmp_path):
    result = run_cli("draft", "label noise deep networks", "--corpus", str(THIN / "dblp.bib"), "--offline",
                     "-o", str(tmp_path / "related.json"))
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert ("warning (select): 2 selected papers have no abstract and are written from their titles alone: "
            "DBLP:conf/icml/ArpitJBKBKMFCBL17, DBLP:conf/nips/HanYYNXHTS18") in lines
    assert ("2 of the 3 selected papers have no abstract: the draft says little about them (fetch them with --enrich, "
            "or add them to the corpus, e.g. a Zotero export)") in lines
    assert lines[-1] == "1 warning (above)"  # the one line shown; was "2 warnings (above)" under it
    warnings = json.loads((tmp_path / "related.json").read_text(encoding="utf-8"))["warnings"]
    assert [(w["stage"], w["key"], w["message"]) for w in warnings if w["stage"] == "select"] == [
        ("select", "DBLP:conf/icml/ArpitJBKBKMFCBL17", "no abstract: written from its title alone"),
        ("select", "DBLP:conf/nips/HanYYNXHTS18", "no abstract: written from its title alone")]


def test_without_corpus_the_files_read_are_named_and_litreviews_exports_are_not_read(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(THIN / "dblp.bib", tmp_path / "refs.bib")
    export = run_cli("corpus", "refs.bib", "--export", "bib", "-o", "all.bib")
    assert export.exit_code == 0
    assert (tmp_path / "all.bib").read_text(encoding="utf-8").startswith(
        "% Written by litreview corpus --export: 3 papers read from refs.bib.\n\n@inproceedings{")
    result = run_cli("draft", "label noise", "-o", "related.md")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == ("using refs.bib from the working directory; not all.bib, written by "
                                             "litreview (name others with --corpus)")
    named = run_cli("corpus", "all.bib", "--json")  # named on its own, an export is read like any .bib
    assert len(json.loads(named.stdout)["papers"]) == 3
