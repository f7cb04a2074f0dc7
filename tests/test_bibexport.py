"""BibTeX export: the user's entries verbatim, generated entries complete, everything reads back and compiles."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from litreview.corpus.bibexport import to_bibtex
from litreview.corpus import load_corpus
from litreview.errors import LitreviewError
from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import bibtex as bibtex_reader
from litreview.corpus.readers import read_file

DATA = Path(__file__).parent / "data"
ALL_FORMATS = [DATA / name for name in ("better_bibtex.bib", "zotero.ris", "zotero.json", "papers.jsonl")]

TRICKY = Paper(
    key="lee2021adapters",
    title="Adapters: 100% & $5 of_the #1 {Way} -- Über Alles",
    abstract="We show \\input{x} and {{ 7*7 }} are text ~^.",
    authors=("Lee, Bo", "Park, Kim", "Barnes and Noble Research"),
    year=2021,
    venue="Findings of ACL & EMNLP",
    doi="10.1007/978-3-030-58452-8_13",
    arxiv="2101.00001",
    url="https://example.org/a%20b?q={x}",
    keywords=("adapters", "parameter-efficient"),
    entry_type="inproceedings",
    origins=(Origin(path="p.jsonl", line=1),),
)


def test_entries_read_from_a_bib_file_are_written_verbatim():
    bert = read_file(DATA / "better_bibtex.bib").papers[0]
    assert to_bibtex([bert]) == bert.bibtex + "\n"


def test_generated_entry_is_complete_and_escaped():
    assert to_bibtex([TRICKY]) == (
        "@inproceedings{lee2021adapters,\n"
        "  title = {{Adapters: 100\\% \\& \\$5 of\\_the \\#1 {\\textbraceleft}Way{\\textbraceright} -{}- {\\\"U}ber Alles}},\n"
        "  author = {Lee, Bo and Park, Kim and {Barnes and Noble Research}},\n"
        "  year = {2021},\n"
        "  booktitle = {Findings of ACL \\& EMNLP},\n"
        "  doi = {10.1007/978-3-030-58452-8_13},\n"
        "  eprint = {2101.00001},\n"
        "  archiveprefix = {arXiv},\n"
        "  url = {https://example.org/a%20b?q=%7Bx%7D},\n"
        "  keywords = {adapters, parameter-efficient},\n"
        "  abstract = {We show {\\textbackslash}input{\\textbraceleft}x{\\textbraceright} and {\\textbraceleft}"
        "{\\textbraceleft} 7*7 {\\textbraceright}{\\textbraceright} are text "
        "{\\textasciitilde}{\\textasciicircum}.},\n"
        "}\n"
    )


def test_generated_entry_reads_back_to_the_same_paper():
    (back,) = bibtex_reader.read(to_bibtex([TRICKY]), "export.bib").papers
    fields = ("key", "title", "abstract", "authors", "year", "venue", "doi", "arxiv", "keywords", "entry_type")
    assert {name: getattr(back, name) for name in fields} == {name: getattr(TRICKY, name) for name in fields}
    assert back.url == "https://example.org/a%20b?q=%7Bx%7D"


def test_a_paper_without_venue_is_a_misc_entry():
    paper = Paper(key="k", title="T", entry_type="article", origins=(Origin(path="p.jsonl", line=3),))
    assert to_bibtex([paper]) == "@misc{k,\n  title = {{T}},\n}\n"


def test_whole_corpus_of_every_format_round_trips_through_bibtex():
    corpus = load_corpus(ALL_FORMATS)
    exported = bibtex_reader.read(to_bibtex(corpus.papers), "corpus.bib").papers
    fields = ("key", "title", "abstract", "authors", "year", "doi", "arxiv", "url")
    assert sorted(tuple(getattr(p, name) for name in fields) for p in exported) == \
        sorted(tuple(getattr(p, name) for name in fields) for p in corpus.papers)
    assert len(exported) == len(corpus.papers) == 14


def test_crossref_parents_come_after_every_child():
    """A parent in another file cannot be inlined into its child, so BibTeX needs it after the child."""
    (child,) = bibtex_reader.read("@inproceedings{child, title = {C}, crossref = {Conf2020}}\n", "a.bib").papers
    (parent,) = bibtex_reader.read("@proceedings{conf2020, title = {Proc.}, year = 2020}\n", "b.bib").papers
    assert to_bibtex([parent, child]) == child.bibtex + "\n\n" + parent.bibtex + "\n"


def test_entries_are_separated_by_one_blank_line_and_nothing_is_empty():
    assert to_bibtex([]) == ""
    first, second = read_file(DATA / "papers.jsonl").papers[:2]
    text = to_bibtex([first.model_copy(update={"key": "a"}), second.model_copy(update={"key": "b"})])
    assert text.count("\n\n") == 1 and text.startswith("@article{a,\n") and "\n\n@misc{b,\n" in text


def test_a_paper_without_key_cannot_be_exported():
    paper = Paper(title="T", origins=(Origin(path="z.ris", line=4),))
    with pytest.raises(LitreviewError) as error:
        to_bibtex([paper])
    assert error.value.line() == ("z.ris:4: paper has no citation key; "
                                  "export papers of a loaded corpus, which gives every paper a key")


def test_a_key_bibtex_cannot_parse_is_an_error():
    paper = Paper(key="Smith 2020", title="T", origins=(Origin(path="z.json", line=2),))
    with pytest.raises(LitreviewError) as error:
        to_bibtex([paper])
    assert error.value.line() == ("z.json:2: citation key 'Smith 2020' cannot be used in BibTeX; "
                                  "give the paper a key without spaces, commas, braces, quotes or %#'=\\~")


def test_cli_export_writes_a_bib_file_that_loads_back(run_cli, tmp_path):
    out = tmp_path / "corpus.bib"
    result = run_cli("corpus", *map(str, ALL_FORMATS), "--export", "bib", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    again = load_corpus([out])
    assert sorted(p.key for p in again.papers) == sorted(p.key for p in load_corpus(ALL_FORMATS).papers)
    one = run_cli("corpus", str(ALL_FORMATS[-1]), "--export", "bib", "-o", str(tmp_path / "one.bib"))
    assert f"wrote {len(load_corpus(ALL_FORMATS[-1:]).papers)} entries to " in one.stderr + one.stdout
    single = tmp_path / "single.jsonl"
    single.write_text('{"key": "solo2020", "title": "Solo", "abstract": "One paper."}\n', encoding="utf-8")
    alone = run_cli("corpus", str(single), "--export", "bib", "-o", str(tmp_path / "solo.bib"))
    assert f"wrote 1 entry to {tmp_path / 'solo.bib'}" in alone.stderr + alone.stdout  # was "wrote 1 entries"



def test_cli_json_goes_to_the_file_asked_for_and_o_alone_says_what_it_needs(run_cli, tmp_path):
    # `litreview corpus refs.bib --json -o corpus.json` printed the JSON and ignored -o, which only --export wrote to
    bib = Path(__file__).parent / "data" / "better_bibtex.bib"
    result = run_cli("corpus", str(bib), "--json", "-o", str(tmp_path / "corpus.json"))
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads((tmp_path / "corpus.json").read_text())["papers"]) == 6
    result = run_cli("corpus", str(bib), "-o", str(tmp_path / "table.txt"))
    assert result.exit_code == 2 and result.stderr == "error: -o: -o writes the corpus --json or --export; add --json or --export bib\n"
    assert not (tmp_path / "table.txt").exists()


def test_cli_export_to_a_missing_folder_is_one_line(run_cli, tmp_path):
    out = tmp_path / "missing" / "corpus.bib"
    result = run_cli("corpus", *map(str, ALL_FORMATS), "--export", "bib", "-o", str(out))
    assert (result.exit_code, result.stderr) == (
        2, f"error: {out}: cannot write the file (No such file or directory); check the path and its permissions\n")

# --- the exported file compiles (skipped where TeX is not installed; .ci/run installs it) -------------

NATBIB = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage{natbib}
\usepackage{url}
\begin{document}
\nocite{*}
\bibliographystyle{plainnat}
\bibliography{refs}
\end{document}
"""

BIBLATEX = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[backend=biber]{biblatex}
\addbibresource{refs.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""


def _compile(directory: Path, main: str, bibliography_tool: str) -> str:
    (directory / "main.tex").write_text(main, encoding="utf-8")
    latex = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "main"]
    for command in (latex, [bibliography_tool, "main"], latex, latex):
        done = subprocess.run(command, cwd=directory, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout[-3000:]
    pdf_text = subprocess.run(["pdftotext", "main.pdf", "-"], cwd=directory, capture_output=True, text=True)
    return " ".join(pdf_text.stdout.split())


@pytest.mark.parametrize(("main", "tool"), [(NATBIB, "bibtex"), (BIBLATEX, "biber")])
def test_exported_corpus_compiles(tmp_path, main, tool):
    if not all(shutil.which(program) for program in ("pdflatex", tool, "pdftotext")):
        pytest.skip(f"pdflatex, {tool} or pdftotext is not installed")
    corpus = load_corpus(ALL_FORMATS)
    special = TRICKY.model_copy(update={"url": "https://example.org/zero%20shot"})
    (tmp_path / "refs.bib").write_text(to_bibtex([*corpus.papers, special]), encoding="utf-8")
    text = _compile(tmp_path, main, tool)
    for expected in ("Müller", "Émilie", "García", "Adapters: 100% & $5 of_the #1 {Way} -- Über Alles"):
        assert expected in text
    assert "zero%20shot" in text.replace("- ", "").replace(" ", "")
