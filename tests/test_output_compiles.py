"""Drafts of real-looking libraries compile on the preamble their header names: ADS bibcode keys and journal macros, a stray brace,
CJK, emoji and invisible characters in a title, a biblatex-style corpus (which gets biblatex by default)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_render_compile import build, need, run

COMPILE = Path(__file__).parent / "data" / "compile"
THEME = "cosmic microwave background cosmological parameters"

PREAMBLE = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{url}
"""
NATBIB_MAIN = PREAMBLE + r"""\usepackage{natbib}
\begin{document}
\input{related}
\bibliographystyle{plainnat}
\bibliography{related}
\end{document}
"""
BIBLATEX_MAIN = PREAMBLE + r"""\usepackage[backend=biber]{biblatex}
\addbibresource{related.bib}
\begin{document}
\input{related}
\printbibliography
\end{document}
"""


def test_ads_keys_and_untypesettable_characters_compile_with_natbib(run_cli, tmp_path, monkeypatch):
    need("pdflatex", "bibtex")
    monkeypatch.chdir(tmp_path)
    result = run_cli("draft", THEME, "--corpus", str(COMPILE / "ads.bib"), "--corpus", str(COMPILE / "tricky.json"),
                     "-o", "related.tex", "--offline")
    assert result.exit_code == 0, result.stderr
    assert ("warning (render): characters pdflatex cannot typeset were transliterated to ASCII or dropped: "
            "'王' (U+738B), '北' (U+5317), '京' (U+4EAC), '😀' (U+1F600), U+200B, U+202E, '芳' (U+82B3); edit the "
            "text, or compile your own copy with xelatex or lualatex\n") in result.stderr
    tex = (tmp_path / "related.tex").read_text(encoding="utf-8")
    assert "\\citet{2016A&A...594A..13P}" in tex and "\\citet{2018ApJ...855..102R}" in tex
    assert "% Preamble it needs: \\usepackage[T1]{fontenc} \\usepackage[utf8]{inputenc} \\usepackage{url}" in tex
    bib = (tmp_path / "related.bib").read_text(encoding="utf-8")
    assert "{\\textbraceleft}a stray brace, BeiJing survey :grinning: and zerowidth spaces, caf{\\'e}" in bib
    # ADS's journal macros (`journal = {\\aap}`), which only AASTeX and the MNRAS class define, written out as they print
    assert "journal = {A\\&A}," in bib and "journal = {ApJ}," in bib and "\\aap" not in bib
    text = build(tmp_path, NATBIB_MAIN, "bibtex")
    if shutil.which("pdftotext"):
        assert "A&A" in text and "ApJ" in text
        assert "Lensing of the cosmic microwave background {a stray brace, BeiJing survey :grinning: and zerowidth " \
               "spaces, café" in text
        assert "Planck Collaboration" in text and "Planck 2015 results" in text


def test_a_biblatex_corpus_gets_biblatex_by_default_and_compiles_with_biber(run_cli, tmp_path, monkeypatch):
    need("pdflatex", "biber")
    monkeypatch.chdir(tmp_path)
    result = run_cli("draft", THEME, "--corpus", str(COMPILE / "biblatex.bib"), "--corpus", str(COMPILE / "ads.bib"),
                     "--corpus", str(COMPILE / "tricky.json"), "-o", "related.tex", "--offline", "--quiet")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == ("note: citing with biblatex: 2 cited entries use biblatex fields or "
                                             "types (first: ortiz2022cmb); pass --cite-style natbib for BibTeX")
    tex = (tmp_path / "related.tex").read_text(encoding="utf-8")
    assert "\\textcite{2018ApJ...855..102R}" in tex and "\\addbibresource" in tex
    bib = (tmp_path / "related.bib").read_text(encoding="utf-8")  # for biber: accented letters stay UTF-8
    assert "{\\textbraceleft}a stray brace, BeiJing survey :grinning: and zerowidth spaces, café}}" in bib
    text = build(tmp_path, BIBLATEX_MAIN, "biber")
    if shutil.which("pdftotext"):
        assert "Foreground Cleaning of Cosmic Microwave Background Maps" in text
        assert "zerowidth spaces, café" in text


def test_ads_keys_get_braces_in_pandoc_markdown(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("draft", THEME, "--corpus", str(COMPILE / "ads.bib"), "-o", "related.md", "--offline", "-q")
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "related.md").read_text(encoding="utf-8")
    assert "@{2016A&A...594A..13P}" in text
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    done = run(["pandoc", "related.md", "--citeproc", "--bibliography", "related.bib", "-t", "plain"], tmp_path)
    assert "Planck Collaboration" in done.stdout and "2016A&A" not in done.stdout


def test_manubot_keys_are_cited_as_a_manubot_manuscript_cites_them(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = Path(__file__).parent / "data" / "manubot_references.json"
    result = run_cli("draft", "in-context learning by gradient descent", "--corpus", str(corpus), "-o", "related.md",
                     "--offline", "-q")
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "related.md").read_text(encoding="utf-8")
    assert "@arxiv:2212.07677" in text and "Humo13Op" not in text
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    done = run(["pandoc", "related.md", "--citeproc", "--bibliography", "related.bib", "-t", "plain"], tmp_path)
    assert "Oswald" in done.stdout and "@" not in done.stdout and "???" not in done.stdout


def test_a_users_entry_that_runs_tex_code_is_copied_but_warned_about(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = COMPILE / "risky.bib"
    result = run_cli("draft", THEME, "--corpus", str(path), "-o", "related.tex", "--offline", "--quiet")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (f"warning (render): the entry 'hacker2020cmb' ({path}:1) holds \\write18, which runs when "
                             "the bibliography is typeset: it is copied into the .bib as you wrote it; check it before "
                             "compiling\n")
    assert "\\immediate\\write18{touch pwned}" in (tmp_path / "related.bib").read_text(encoding="utf-8")
