"""`draft --fulltext`: attached PDFs (compiled by the tests with pdflatex) read into excerpts for the summaries."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from fake_llm import FakeRequest, without_progress
from test_generation_llm import grounded_answer, paper_keys, schema_name

from litreview.corpus.attachments import file_field_paths
from litreview.corpus.paper import Origin, Paper

DATA = Path(__file__).parent / "data" / "fulltext"
THEME = "label noise"


def pdflatex(source: str, folder: Path, name: str) -> Path:
    (folder / f"{name}.tex").write_text(source, encoding="utf-8")
    subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"], cwd=folder,
                   capture_output=True, check=True, timeout=120)
    return folder / f"{name}.pdf"


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> Path:
    """A two-column paper with running headers and references, an encrypted copy and an image-only scan of it."""
    from pypdf import PdfReader, PdfWriter

    folder = tmp_path_factory.mktemp("pdfs")
    paper = pdflatex((DATA / "peer_selection.tex").read_text(encoding="utf-8"), folder, "peer_selection")
    writer = PdfWriter(clone_from=PdfReader(paper))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with (folder / "locked.pdf").open("wb") as handle:
        writer.write(handle)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(paper), str(folder / "page")],
                   check=True, timeout=60)
    image = next(folder.glob("page*.png")).name
    pdflatex("\\documentclass{article}\\usepackage{graphicx}\\pagestyle{empty}\\begin{document}\\noindent"
             f"\\includegraphics[width=\\textwidth]{{{image}}}\\end{{document}}\n", folder, "scanned")
    return folder


@pytest.fixture
def library(tmp_path, monkeypatch, pdfs) -> Path:
    """The Zotero library in a folder with its `pdfs/` beside it (no moved-away.pdf: that attachment is missing)."""
    (tmp_path / "pdfs").mkdir()
    for name in ("peer_selection.pdf", "locked.pdf", "scanned.pdf"):
        shutil.copy(pdfs / name, tmp_path / "pdfs" / name)
    shutil.copy(DATA / "library.bib", tmp_path / "library.bib")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_summaries_read_the_attached_pdf_without_headers_or_references(run_cli, library):
    done = run_cli("draft", THEME, "--corpus", "library.bib", "--drop-off", "0", "--fulltext", "--offline", "-o", "draft.json")
    assert done.exit_code == 0, done.stderr
    document = json.loads((library / "draft.json").read_text(encoding="utf-8"))
    excerpts = document["papers"]["example2024peer"]["excerpts"]
    assert [(e["section"], e["page"]) for e in excerpts] == [
        ("Abstract", 1), ("Introduction", 1), ("Conclusion", 3), ("Experiments", 2), ("Experiments", 3),
        ("Peer Selection", 2)]
    text = " ".join(e["text"] for e in excerpts)
    assert "forty-five percent pair-flip noise" in text  # ligatures read as letters
    assert "Bootstrapping deep networks" not in text and "Loss correction" not in text  # the reference list
    assert "Preprint" not in text and "Earlier work corrects the loss" not in text  # running header, related work
    assert sum(len(e["text"].split()) for e in excerpts) <= 1500 * 3 / 4
    summary = document["summaries"]["example2024peer"]
    assert summary["approach"] == "We study training under extreme label noise and propose peer selection of small-loss samples."
    assert document["evidence_sources"]["example2024peer"][0] == "page 1"
    assert document["texts"] == {"corpus_abstract": 4, "fetched_abstract": {}, "fulltext": 1, "title_only": 0}


def test_an_unreadable_or_missing_pdf_is_a_warning_for_that_paper(run_cli, library):
    done = run_cli("draft", THEME, "--corpus", "library.bib", "--drop-off", "0", "--fulltext", "--offline", "-o", "related.md")
    assert done.exit_code == 0
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning (fulltext)")]
    assert warnings == [  # in the order of the selection; paths as the .bib names them, from its folder
        "warning (fulltext) [missing2021]: the attached PDF pdfs/moved-away.pdf does not exist",
        "warning (fulltext) [locked2023]: pdfs/locked.pdf: the PDF is encrypted with a password; "
        "save an unencrypted copy to read it",
        "warning (fulltext) [scanned2022]: pdfs/scanned.pdf: the PDF has no text layer (a scan?); "
        "run OCR on it (e.g. ocrmypdf) to read it",
        "warning (fulltext): 1 of 5 papers have no PDF attached (a `file` field): nofile2020",
    ]
    assert "text: 4 abstracts from the corpus, 0 fetched, 1 with full text, 0 title only" in done.stderr


def test_pdf_dir_finds_key_named_pdfs(run_cli, library, pdfs, tmp_path):
    (tmp_path / "folder").mkdir()
    shutil.copy(pdfs / "peer_selection.pdf", tmp_path / "folder" / "nofile2020.pdf")
    done = run_cli("draft", THEME, "--corpus", "library.bib", "--drop-off", "0", "--pdf-dir", "folder", "--offline", "-o", "draft.json")
    document = json.loads((library / "draft.json").read_text(encoding="utf-8"))
    assert done.exit_code == 0 and document["texts"]["fulltext"] == 2
    assert [e["section"] for e in document["papers"]["nofile2020"]["excerpts"]][0] == "Introduction"  # it has an abstract


def test_a_missing_pdf_dir_is_an_error(run_cli, library):
    done = run_cli("draft", THEME, "--corpus", "library.bib", "--drop-off", "0", "--pdf-dir", "nowhere", "--offline")
    assert done.exit_code == 2
    assert without_progress(done.stderr) == [
        "error: nowhere: there is no such folder; give --pdf-dir the folder holding KEY.pdf files"]


def excerpt_answer(request: FakeRequest) -> dict:
    """A summary quoting the first sentence of the paper's Experiments excerpt when there is one."""
    if schema_name(request) != "PaperSummary":
        return grounded_answer(request)
    experiments = request.between('<excerpt section="Experiments" page="2">', "</excerpt>")
    quote = experiments[0].split(". ")[0] if experiments else request.between("<abstract>", "</abstract>")[0].split(". ")[0]
    return {"key": paper_keys(request)[0], "problem": "A problem.", "approach": "An approach.", "finding": None,
            "kind": "method", "method_name": None, "evidence": [quote]}


def test_llm_summaries_see_the_excerpts_and_may_quote_them(run_cli, library, fake_llm, monkeypatch, tmp_path):
    fake_llm.responder = excerpt_answer
    monkeypatch.setenv("LITREVIEW_API_KEY", "sk-test-0123456789abcdef")
    done = run_cli("draft", THEME, "--corpus", "library.bib", "--drop-off", "0", "--fulltext", "--model", "test-model", "--base-url",
                   fake_llm.url, "--cache-dir", str(tmp_path / "cache"), "-o", "draft.json")
    assert done.exit_code == 0, done.stderr
    prompt = next(r.prompt for r in fake_llm.chat_requests if 'key="example2024peer"' in r.prompt)
    assert '<excerpt section="Introduction" page="1">Deep networks memorise noisy labels' in prompt
    document = json.loads((library / "draft.json").read_text(encoding="utf-8"))
    assert document["summaries"]["example2024peer"]["evidence"] == [
        "On CIFAR-10 with forty-five percent pair-flip noise, peer selection reaches an accuracy of seventy-two "
        "percent, eleven points above the standard crossentropy baseline"]
    assert document["evidence_sources"]["example2024peer"] == ["page 2"]
    assert document["evidence_sources"]["nofile2020"] == ["abstract"]


def paper_with_file(value: str, bib: str = "/library/refs.bib") -> Paper:
    entry = f"@article{{k,\n  title = {{T}},\n  file = {{{value}}}\n}}"
    return Paper(key="k", title="T", bibtex=entry, origins=(Origin(path=bib, line=1),))


@pytest.mark.parametrize(("value", "paths"), [
    # Better BibTeX: ;-separated, \; and \\ escaped
    ("/home/ada/Zotero/storage/AB12/Smith - 2020 - Noise\\; a study.pdf;/home/ada/Zotero/storage/AB12/snapshot.html",
     ["/home/ada/Zotero/storage/AB12/Smith - 2020 - Noise; a study.pdf", "/home/ada/Zotero/storage/AB12/snapshot.html"]),
    # JabRef: description:path:type, relative to the .bib
    ("Full Text PDF:papers/smith2020.pdf:application/pdf;:papers/supplement.pdf:PDF",
     ["/library/papers/smith2020.pdf", "/library/papers/supplement.pdf"]),
    # JabRef on Windows: the drive's colon and the backslashes escaped
    (":C\\:\\\\Users\\\\ada\\\\paper.pdf:PDF", ["C:\\Users\\ada\\paper.pdf"]),
])
def test_file_fields_of_better_bibtex_and_jabref(value, paths):
    found = [str(path) for path in file_field_paths(paper_with_file(value))]
    assert found == [p if p.startswith("/") else str(Path("/library") / p) for p in paths]


def test_a_file_that_is_not_a_pdf_is_a_warning(tmp_path):
    from litreview.corpus.fulltext import with_fulltext

    (tmp_path / "pdfs").mkdir()
    (tmp_path / "pdfs" / "saved.pdf").write_text("<html><body>Access denied</body></html>", encoding="utf-8")
    paper = paper_with_file("pdfs/saved.pdf", bib=str(tmp_path / "refs.bib"))
    read, problem = with_fulltext(paper, pdf_dir=None, budget=1500)
    assert read.excerpts == () and problem.startswith(f"{tmp_path / 'pdfs' / 'saved.pdf'}: not a readable PDF (")
