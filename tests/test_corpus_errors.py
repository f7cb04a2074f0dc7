"""Bad input gets one line `FILE:LINE: what is wrong; how to fix it` and exit code 2, never a traceback."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

LISTING = "A Title For A Paper\n" + "We study a problem that matters. " * 10 + "\n"


def test_missing_path(run_cli, tmp_path):
    result = run_cli("corpus", str(tmp_path / "nope.bib"))
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nope.bib'}: no such file or directory; check the path\n"
    assert result.stdout == ""


def test_a_path_longer_than_the_system_allows_is_no_such_file(run_cli, tmp_path):
    # was a traceback: "OSError: [Errno 36] File name too long" (a pasted abstract given as --corpus)
    path = tmp_path / ("a" * 300 + ".bib")
    result = run_cli("corpus", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}: no such file or directory; check the path\n"


def test_a_corpus_without_one_word_says_no_paper_shares_a_word_with_the_theme(run_cli, tmp_path):
    # was a traceback from the index ("max() arg is an empty sequence"): one record titled "T"
    (tmp_path / "x.bib").write_text("@article{a, title={T}}\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nor a RuntimeWarning of a mean document length of 0
        result = run_cli("draft", "label noise", "--corpus", str(tmp_path / "x.bib"), "--offline")
    assert result.exit_code != 0 and "Traceback" not in result.stderr
    assert "none of the 1 papers considered shares a word with it" in result.stderr


def test_unknown_extension(run_cli, tmp_path):
    (tmp_path / "refs.docx").write_text("x")
    result = run_cli("corpus", str(tmp_path / "refs.docx"))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path / 'refs.docx'}: unknown extension '.docx'; "
                             "litreview reads .bib, .cgi, .ciw, .csv, .enw, .json, .jsonl, .nbib, .ovd, .ris, .tsv, .txt, .xml; "
                             "rename or convert the file\n")


def test_a_bibliography_in_a_format_litreview_does_not_read_says_how_to_convert_it(run_cli, tmp_path):
    # a Scopus or Dimensions export saved from Excel, an EndNote library: "unknown extension '.xlsx'" named no way out,
    # and inside a folder such a file was passed over without a word
    (tmp_path / "scopus.xlsx").write_bytes(b"PK\x03\x04 a workbook")
    result = run_cli("corpus", str(tmp_path / "scopus.xlsx"))
    assert (result.exit_code, result.stderr) == (2, f"error: {tmp_path / 'scopus.xlsx'}: a spreadsheet workbook, which "
                                                    "litreview does not read; save the sheet as CSV UTF-8 (File, Save As) "
                                                    "and pass the .csv; its columns are read by their names\n")
    (tmp_path / "refs.bib").write_text("@article{a, title={A paper}, abstract={We study floods.}}\n", encoding="utf-8")
    (tmp_path / "My Library.enl").write_bytes(b"\x00\x01")
    result = run_cli("corpus", str(tmp_path))
    assert result.exit_code == 0
    assert f"warning: {tmp_path / 'My Library.enl'}:1: an EndNote library, which litreview does not read: file " \
           "skipped; export it from EndNote (File, Export, type XML)" in result.stderr
    assert f"{tmp_path / 'scopus.xlsx'}:1: a spreadsheet workbook" in result.stderr


def test_a_compressed_export_or_a_pdf_named_as_the_corpus_says_what_to_pass(run_cli, tmp_path):
    # was "unknown extension '.zip'; ... rename or convert the file", and a zipped export in the folder went unsaid
    (tmp_path / "savedrecs.zip").write_bytes(b"PK\x03\x04")
    (tmp_path / "works.jsonl.gz").write_bytes(b"\x1f\x8b\x08")
    (tmp_path / "smith2020.pdf").write_bytes(b"%PDF-1.4\n")
    named = {name: run_cli("corpus", str(tmp_path / name)) for name in ("savedrecs.zip", "works.jsonl.gz", "smith2020.pdf")}
    assert {name: (r.exit_code, r.stderr) for name, r in named.items()} == {
        "savedrecs.zip": (2, f"error: {tmp_path / 'savedrecs.zip'}: a zip archive, which litreview does not open; "
                             "unzip it and pass the folder it makes\n"),
        "works.jsonl.gz": (2, f"error: {tmp_path / 'works.jsonl.gz'}: a compressed file, which litreview does not "
                              "open; decompress it (gunzip FILE) and pass the file it holds\n"),
        "smith2020.pdf": (2, f"error: {tmp_path / 'smith2020.pdf'}: a PDF, not a bibliography; pass the .bib (or .ris "
                             "...) that lists it; papers' PDFs go in --pdf-dir, named KEY.pdf\n")}
    (tmp_path / "refs.bib").write_text("@article{a, title={A paper}, abstract={We study floods.}}\n", encoding="utf-8")
    folder = run_cli("corpus", str(tmp_path))
    assert folder.exit_code == 0 and "savedrecs.zip:1: a zip archive" in folder.stderr
    assert "smith2020.pdf" not in folder.stderr  # the papers' PDFs beside their .bib are no one's corpus


def test_bytes_that_are_not_utf8(run_cli, tmp_path):
    (tmp_path / "latin1.txt").write_bytes(LISTING.encode() + "Caf\u00e9 title\n".encode("latin-1"))
    result = run_cli("corpus", str(tmp_path / "latin1.txt"), "--json")
    assert result.exit_code == 0
    assert result.stderr == (f"warning: {tmp_path / 'latin1.txt'}:3: byte 0xE9 is not UTF-8: lines that are not "
                             "UTF-8 were read as Latin-1; re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)\n")
    assert json.loads(result.stdout)["papers"][1]["title"] == "Caf\u00e9 title"


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


BIB_A = """@article{smith2020noise,
  title = {Learning with Noisy Labels},
  author = {Smith, Ann},
  year = {2020},
  abstract = {We study label noise.}
}
"""


def test_duplicate_key_with_different_content_keeps_the_first_as_bibtex_does(run_cli, tmp_path):
    (tmp_path / "a.bib").write_text(BIB_A)
    (tmp_path / "b.bib").write_text("\n\n" + BIB_A.replace("Learning with Noisy Labels", "A Completely Different Paper"))
    result = run_cli("corpus", str(tmp_path / "a.bib"), str(tmp_path / "b.bib"), "--json")
    assert result.exit_code == 0
    assert result.stderr == (f"warning: {tmp_path / 'b.bib'}:3: duplicate key 'smith2020noise' with different content "
                             f"(first at {tmp_path / 'a.bib'}:1): entry skipped, as BibTeX keeps the first; "
                             "rename one of the two keys or delete the duplicate entry\n")
    data = json.loads(result.stdout)
    assert [p["title"] for p in data["papers"]] == ["Learning with Noisy Labels"]
    assert [(f["records"], f["skipped"]) for f in data["files"]] == [(1, 0), (1, 1)]
    table = run_cli("corpus", str(tmp_path / "a.bib"), str(tmp_path / "b.bib")).stdout.splitlines()
    assert table[0].split() == ["file", "format", "read", "skipped", "merged", "no", "title", "no", "abstract", "no",
                                "year"]
    assert table[-1].split() == ["1", "unique", "papers", "2", "1", "0", "0", "0", "0"]
    strict = run_cli("corpus", str(tmp_path / "a.bib"), str(tmp_path / "b.bib"), "--strict")
    assert strict.exit_code == 2 and strict.stderr.startswith(f"error: {tmp_path / 'b.bib'}:3: duplicate key")


def test_a_key_defined_twice_in_one_file_keeps_the_first(run_cli, tmp_path):
    (tmp_path / "a.bib").write_text(BIB_A + "\n" + BIB_A.replace("Learning with Noisy Labels", "Another Paper"))
    data = json.loads(run_cli("corpus", str(tmp_path / "a.bib"), "--json").stdout)
    assert [p["title"] for p in data["papers"]] == ["Learning with Noisy Labels"]
    assert data["problems"][0]["origin"] == f"{tmp_path / 'a.bib'}:8"


def test_duplicate_key_with_the_same_paper_is_merged(run_cli, tmp_path):
    (tmp_path / "a.bib").write_text(BIB_A)
    (tmp_path / "b.bib").write_text(BIB_A.replace("{Learning with Noisy Labels}", "{Learning With Noisy Labels.}"))
    data = json.loads(run_cli("corpus", str(tmp_path / "a.bib"), str(tmp_path / "b.bib"), "--json").stdout)
    assert [p["key"] for p in data["papers"]] == ["smith2020noise"]
    assert data["papers"][0]["origins"] == [f"{tmp_path / 'a.bib'}:1", f"{tmp_path / 'b.bib'}:1"]
    assert data["duplicates"] == 1


def test_merged_duplicates_keep_the_richest_fields_and_every_origin(run_cli, tmp_path):
    (tmp_path / "a.bib").write_text(BIB_A.replace("  abstract = {We study label noise.}\n", "  doi = {10.1/x}\n"))
    (tmp_path / "b.jsonl").write_text(json.dumps({"title": "Learning with noisy labels", "doi": "https://doi.org/10.1/X",
                                                  "abstract": "We study label noise in depth.", "year": 2020}) + "\n")
    data = json.loads(run_cli("corpus", str(tmp_path / "a.bib"), str(tmp_path / "b.jsonl"), "--json").stdout)
    (paper,) = data["papers"]
    assert paper["key"] == "smith2020noise"
    assert paper["abstract"] == "We study label noise in depth."
    assert paper["authors"] == ["Smith, Ann"]
    assert data["merges"][0]["reason"] == "same DOI"


def test_export_never_overwrites_an_input(run_cli, tmp_path):
    (tmp_path / "refs.bib").write_text(BIB_A)
    result = run_cli("corpus", str(tmp_path / "refs.bib"), "--export", "bib", "-o", str(tmp_path / "refs.bib"))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path / 'refs.bib'}: the export would overwrite an input of the corpus; "
                             "write it under another name\n")
    assert (tmp_path / "refs.bib").read_text() == BIB_A


def test_a_short_one_sentence_abstract_stays_with_its_title(run_cli, tmp_path):
    (tmp_path / "l.txt").write_text("Sparse Adapters for Speech\nWe prune adapter weights and keep accuracy on four speech benchmarks.\n"
                                    "\nA Title Without Abstract\n")
    papers = json.loads(run_cli("corpus", str(tmp_path / "l.txt"), "--json").stdout)["papers"]
    assert [(p["title"], p["abstract"]) for p in papers] == [
        ("Sparse Adapters for Speech", "We prune adapter weights and keep accuracy on four speech benchmarks."),
        ("A Title Without Abstract", None)]
