"""The rendered LaTeX compiles (pdflatex + bibtex, pdflatex + biber) and the Markdown goes through pandoc --citeproc.

Each test is skipped only when its programs are not installed (`.ci/run` installs them). The draft holds an
injection text in its theme, a sub-theme title, a sentence and a paper title: it must compile and read back as
literal text.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from litreview.document import Draft
from litreview.rendering import render
from litreview.write.schema import InlineCitation, Sentence
from render_samples import INJECTION, sample_draft

LATEX = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "main"]

NATBIB_MAIN = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage{natbib}
\hyphenpenalty=10000 \exhyphenpenalty=10000 \sloppy
\begin{document}
\input{related}
\bibliographystyle{plainnat}
\bibliography{related}
\end{document}
"""

BIBLATEX_MAIN = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[backend=biber,style=authoryear]{biblatex}
\addbibresource{related.bib}
\hyphenpenalty=10000 \exhyphenpenalty=10000 \sloppy
\begin{document}
\input{related}
\printbibliography
\end{document}
"""


def need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)}")


def run(command: list[str], cwd) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}"
    return done


def draft() -> Draft:
    """The injected sample draft, with a sentence citing two papers where they are named (inline)."""
    sample = sample_draft(injected=True)
    sample.sections[1].sentences.append(Sentence(
        text="Lee and Park keep adapters small, as do Smith et al. for prompts.", keys=["lee2021", "smith2020"],
        inline=[InlineCitation(after="Lee and Park", keys=["lee2021"]), InlineCitation(after="Smith et al.", keys=["smith2020"])]))
    return sample


def compile_latex(tmp_path, main: str, bibliography_tool: str, cite_style: str | None) -> str:
    """Write the rendered section, its .bib and `main`; build; return the PDF's text (whitespace-normalised)."""
    rendered = render(draft(), "tex", cite_style=cite_style)
    (tmp_path / "related.tex").write_text(rendered.text, encoding="utf-8")
    (tmp_path / "related.bib").write_text(rendered.bib, encoding="utf-8")
    text = build(tmp_path, main, bibliography_tool)
    assert "(/etc/passwd" not in (tmp_path / "main.log").read_text(encoding="latin-1")  # \input never ran
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "pwned.tex").exists()
    return text


def build(folder, main: str, tool: str) -> str:
    """Write `main` beside related.tex/.bib, run LaTeX, the bibliography tool and LaTeX twice; the PDF's text."""
    (folder / "main.tex").write_text(main, encoding="utf-8")
    run(LATEX, folder)
    run([tool, "main"], folder)
    run(LATEX, folder)
    run(LATEX, folder)
    log = (folder / "main.log").read_text(encoding="latin-1")
    assert "undefined" not in log.lower(), log[-3000:]
    return pdf_text(folder)


def pdf_text(tmp_path) -> str:
    """The PDF's text by pdftotext; without it, the .aux (which holds the section titles as TeX)."""
    if shutil.which("pdftotext") is None:
        return " ".join((tmp_path / "main.aux").read_text(encoding="latin-1").split())
    done = run(["pdftotext", "-enc", "UTF-8", "main.pdf", "-"], tmp_path)
    return " ".join(done.stdout.split())


def literal() -> str:
    return " ".join(INJECTION.split())


def test_natbib_section_compiles_with_bibtex_and_shows_the_injection_as_text(tmp_path):
    need("pdflatex", "bibtex")
    text = compile_latex(tmp_path, NATBIB_MAIN, "bibtex", None)
    if shutil.which("pdftotext"):
        assert f"1 Prompt tuning {literal()}" in text
        assert f"1.1 Prompts for vision {literal()}" in text
        assert f"as text_with 50% & #hash {literal()} [Wu, 2022, Smith et al., 2020]." in text
        assert "Smith et al. [2020] tune prompts for vision models." in text
        assert "Adapters are cheap [Lee and Park, 2021]. Lee and Park [2021] report a *" in text
        assert "Lee and Park [2021] keep adapters small, as do Smith et al. [2020] for prompts." in text  # inline
        assert text.lower().count(literal().lower()) == 4  # theme, sub-theme, sentence, the .bib entry's title
    else:
        assert "{\\textbackslash }input\\{/etc/passwd\\}" in text


def test_biblatex_section_compiles_with_biber_and_shows_the_injection_as_text(tmp_path):
    need("pdflatex", "biber")
    text = compile_latex(tmp_path, BIBLATEX_MAIN, "biber", "biblatex")
    if shutil.which("pdftotext"):
        assert f"1 Prompt tuning {literal()}" in text
        assert f"as text_with 50% & #hash {literal()} (Wu 2022; Smith, Lee, and Wu 2020)." in text
        assert "Smith, Lee, and Wu (2020) tune prompts for vision models." in text
        assert "Adapters are cheap (Lee and Park 2021). Lee and Park (2021) report a *" in text
        assert "Lee and Park (2021) keep adapters small, as do Smith, Lee, and Wu (2020) for prompts." in text
        assert text.lower().count(literal().lower()) == 4  # theme, sub-theme, sentence, the .bib entry's title
    else:
        assert "{\\textbackslash }input\\{/etc/passwd\\}" in text


def test_markdown_goes_through_pandoc_citeproc_with_the_companion_bib(tmp_path):
    need("pandoc")
    rendered = render(draft(), "md")
    (tmp_path / "related.md").write_text(rendered.text, encoding="utf-8")
    (tmp_path / "related.bib").write_text(rendered.bib, encoding="utf-8")
    done = run(["pandoc", "related.md", "--citeproc", "--bibliography", "related.bib", "-t", "plain",
                "--wrap=none"], tmp_path)
    assert done.stderr == ""  # no "[WARNING] Citeproc: citation ... not found"
    text = " ".join(done.stdout.split())
    assert text.startswith(f"Prompt tuning {literal()} Prompts for vision {literal()} ")
    assert "Smith, Lee, and Wu (2020) tune prompts for vision models." in text
    assert f"as text_with 50% & #hash {literal()} (Wu 2022; Smith, Lee, and Wu 2020)." in text
    assert "Adapters are cheap (Lee and Park 2021). Lee and Park (2021) report a *" in text
    assert "Lee and Park (2021) keep adapters small, as do Smith, Lee, and Wu (2020) for prompts." in text


def test_numbered_markdown_reads_back_literally_through_pandoc(tmp_path):
    need("pandoc")
    rendered = render(sample_draft(injected=True), "md", cite_style="numbered")
    done = subprocess.run(["pandoc", "-f", "markdown", "-t", "plain", "--wrap=none"], input=rendered.text,
                          capture_output=True, text=True, timeout=60, check=True)
    text = " ".join(done.stdout.split())
    assert "[1, 2]. Adapters Adapters are cheap [3]. Lee and Park [3] report a *" in text
    assert f"2. Chen Wu. {literal()}. 2022." in text


@pytest.mark.parametrize("value", [
    INJECTION, "*em* **b** `code` <b>html</b> &amp; [link](http://x) ![img](y)", "1. not a list", "- no bullet",
    "+ no", "% no title", ": no definition", "> no quote", "a | b | c", "@key [@key] -@k", "x--y---z",
    "H~2~O x^2^ ~~strike~~", "<!-- c -->", "ends with a backslash \\", "# no heading", "[^1] no footnote",
    "{.class} [span]{.x}", "2020. A year", "line\nbreak\n\n- item",
])
def test_markdown_escaping_reads_back_as_the_same_text(value):
    need("pandoc")
    from litreview.rendering.markup import escape_md

    for prefix in ("", "word "):  # at the start of a paragraph and inside one
        done = subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "plain", "--wrap=none"],
                              input=prefix + escape_md(value), capture_output=True, text=True, timeout=60, check=True)
        assert done.stdout.strip() == prefix + " ".join(value.split())
