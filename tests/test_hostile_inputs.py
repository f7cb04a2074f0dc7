"""Inputs that used to print a traceback or take minutes: each is read (or skipped with a warning) at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview import load_corpus
from litreview.corpus.latex import LatexDecodingError, latex_to_text, plain_latex_text
from litreview.corpus.method_names import method_name

HOSTILE = Path(__file__).parent / "data" / "hostile"


def corpus_json(run_cli, *paths: Path):
    result = run_cli("corpus", *map(str, paths), "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def test_latex_pylatexenc_cannot_read_is_decoded_plainly_with_a_warning(run_cli):
    path = HOSTILE / "latex.bib"
    data, stderr = corpus_json(run_cli, path)
    assert [p["title"] for p in data["papers"]] == [
        "Escaping |x| in Listings", "Data at our site", "Error Scales as T in Online Learning",
        "Highlighting with a", "Typesetting with alone", "A Radix-2^k FFT for ΣΔ Modulators"]
    assert stderr.splitlines() == [
        f"warning: {path}:{line}: LaTeX that cannot be decoded ({latex}): read as plain text; check the LaTeX of that value"
        for line, latex in ((2, "\\verb"), (12, "\\sqrt"), (17, "\\textcolor{a}"), (22, "\\title"))]


def test_export_keeps_the_users_entry_while_search_gets_the_decoded_math():
    (paper,) = [p for p in load_corpus([HOSTILE / "latex.bib"]).papers if p.key == "radix2017"]
    assert paper.title == "A Radix-2^k FFT for ΣΔ Modulators"
    assert "title = {A Radix-2\\({}^{\\mbox{k}}\\) {FFT} for $\\Sigma\\Delta$ Modulators}," in paper.bibtex


def test_deep_nesting_an_endless_number_and_an_empty_container_title(run_cli):
    data, stderr = corpus_json(run_cli, HOSTILE / "nested.json", HOSTILE / "bignum.jsonl")
    assert [(p["key"], p["venue"], p["year"]) for p in data["papers"]] == [
        ("empty2021", None, None), ("after2022", None, None), ("big2020", None, None), ("fine2021", None, 2021)]
    assert stderr == (f"warning: {HOSTILE / 'nested.json'}:2: invalid JSON (nested too deeply): item skipped; "
                      "fix the item or export the file again as CSL JSON\n")


@pytest.mark.parametrize("value", [
    "\\a[" * 100_000,  # 300 KB: each unclosed optional argument once rescanned the rest of the value
    "{" * 50_000 + "x",
    "$" + "{" * 250 + "x" + "}" * 250 + "$",
    "\\(" * 50_000,
])
def test_pathological_latex_finishes_with_text_or_litreviews_own_error(value):
    try:
        assert isinstance(latex_to_text(value), str)
    except LatexDecodingError:
        assert isinstance(plain_latex_text(value), str)


def test_a_40000_letter_word_after_we_propose_is_no_method_name():
    assert method_name(None, "We propose a " + "A" * 40_000 + " B for speech.") is None
    assert method_name(None, "We propose " + "Ab" * 20_000 + ".") is None
    assert method_name(None, "We propose SpAdapt, a method for pruning adapters.") == "SpAdapt"


@pytest.mark.parametrize(("text", "fmt"), [
    ("\\cite{" * 20_000, "tex"),  # each unclosed argument once rescanned the rest of the manuscript
    ("\\cites(" * 20_000, "tex"),
    ("`" * 20_000, "md"),  # a run of backticks once backtracked through every split
    ("<!-- " * 20_000, "md"),
    ("```\n" * 20_000, "md"),
])
def test_manuscripts_with_unclosed_openers_are_read_in_one_pass(run_cli, tmp_path, text, fmt):
    (tmp_path / "refs.bib").write_text("@misc{a, title = {A}}\n")
    paper = tmp_path / f"paper.{fmt}"
    paper.write_text(text + "\n\\cite{a} @a\n")
    result = run_cli("check", str(paper), "--corpus", str(tmp_path / "refs.bib"))
    assert result.exit_code in (0, 1) and "Traceback" not in result.stderr
