"""`litreview check`: citation keys of .tex and .md manuscripts against a corpus, through the real CLI."""

from __future__ import annotations

import textwrap

import pytest

from litreview.check import Citation, find_citations

BIB = """\
@article{smith2020,
  title = {Prompt Tuning for Vision},
  author = {Smith, Ann},
  year = {2020},
}
@inproceedings{lee2021,
  title = {Adapters Everywhere},
  author = {Lee, Bo},
  year = {2021},
}
@misc{wu2022,
  title = {Visual Prompts},
  author = {Wu, Chen},
  year = {2022},
}
"""


@pytest.fixture
def corpus_file(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_tex_all_known_prints_one_ok_line(run_cli, tmp_path, corpus_file):
    paper = write(tmp_path, "paper.tex", r"""
        Prompt tuning~\citep{smith2020} and adapters \citet[see][p.~3]{lee2021, wu2022}.
        \autocite{smith2020}
    """)
    result = run_cli("check", str(paper), "--corpus", str(corpus_file))
    assert result.exit_code == 0
    assert result.stdout == f"{paper}: OK, all 3 cited keys are in the corpus (4 citations)\n"


def test_tex_unknown_keys_listed_with_lines_and_exit_1(run_cli, tmp_path, corpus_file):
    paper = write(tmp_path, "paper.tex", r"""\section{Related work}
        Known~\citep{smith2020}, unknown~\citep{smith2019, nobody2000}.
        % \citep{commented2000} is ignored, and so is 50\% of nothing
        As \textcite{lee2021} and \parencite[p.~4]{ghost99} show. 100\% \cite{again1} % \cite{hidden}
    """)
    result = run_cli("check", str(paper), "--corpus", str(corpus_file))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{paper}:2: unknown citation key 'smith2019'; did you mean 'smith2020'?\n"
        f"{paper}:2: unknown citation key 'nobody2000'\n"
        f"{paper}:4: unknown citation key 'ghost99'\n"
        f"{paper}:4: unknown citation key 'again1'\n"
    )
    assert result.stderr == "4 of 6 cited keys are not in the corpus\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_a_manuscript_saved_as_utf16_is_checked_like_any_other(run_cli, tmp_path, corpus_file, encoding):
    # Notepad's "Unicode" (UTF-16 with a byte-order mark): read as 8-bit text, it held no citations, without a word
    paper = tmp_path / "paper.tex"
    paper.write_bytes("Caf\u00e9 prompts~\\citep{smith2020}.\r\nAnd \\citet{ghost99}.\r\n".encode(encoding))
    result = run_cli("check", str(paper), "--corpus", str(corpus_file))
    assert (result.exit_code, result.stdout) == (1, f"{paper}:2: unknown citation key 'ghost99'\n")


def test_md_pandoc_citations_and_not_emails(run_cli, tmp_path, corpus_file):
    paper = write(tmp_path, "paper.md", """\
        # Related work

        Prompt tuning [@smith2020; see @lee2021, p. 3] and @wu2022 argue; also [-@nobody2000].
        Write to ann@example.org or `@code2000` or <https://x.org/@handle>.

        ```
        @fenced2000
        ```
        Finally @{braced key} and \\@escaped.
    """)
    result = run_cli("check", str(paper), "--corpus", str(corpus_file))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{paper}:3: unknown citation key 'nobody2000'\n"
        f"{paper}:9: unknown citation key 'braced key'\n"
    )


def test_aliases_of_merged_duplicates_count(run_cli, tmp_path, corpus_file):
    # The same paper under a second key: the corpus merges it and keeps the key as an alias.
    duplicate = tmp_path / "more.bib"
    duplicate.write_text("@article{smith2020dup,\n  title = {Prompt Tuning for Vision},\n"
                         "  author = {Smith, Ann},\n  year = {2020},\n}\n", encoding="utf-8")
    paper = write(tmp_path, "paper.md", "See @smith2020dup.\n")
    result = run_cli("check", str(paper), "--corpus", str(corpus_file), "--corpus", str(duplicate))
    assert result.exit_code == 0, result.stdout
    assert result.stdout == f"{paper}: OK, the 1 cited key is in the corpus (1 citation)\n"


def test_unknown_extension_is_an_error_with_a_hint(run_cli, tmp_path, corpus_file):
    paper = write(tmp_path, "paper.docx", "x")
    result = run_cli("check", str(paper), "--corpus", str(corpus_file))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {paper}: cannot tell the manuscript format from the extension '.docx'; "
                             "check reads LaTeX (.tex) and Markdown (.md, .markdown, .qmd, .rmd)\n")


def test_no_citations(run_cli, tmp_path, corpus_file):
    paper = write(tmp_path, "paper.tex", "No citations here.\n")
    result = run_cli("check", str(paper), "--corpus", str(corpus_file))
    assert result.exit_code == 0
    assert result.stdout == f"{paper}: no citations found\n"


@pytest.mark.parametrize(("text", "expected"), [
    (r"\citep{a,b}", [("a", 1), ("b", 1)]),
    (r"\citep{a,% comment, x" "\n" r"  b}", [("a", 1), ("b", 2)]),
    (r"\citet*[see][chap.~2]{a}", [("a", 1)]),
    (r"\citep[{p.~[3]}]{a}", [("a", 1)]),
    (r"\cites(pre)(post)[x]{a}[y]{b,c}{d} and {not}", [("a", 1), ("b", 1), ("c", 1), ("d", 1)]),
    (r"\autocites{a}" "\n" r"{b}", [("a", 1), ("b", 2)]),
    (r"\citep{a}{notakey}", [("a", 1)]),
    (r"\Citeauthor{a} \citeyearpar{b} \footcite{c} \nocite{*} \fullcite{d} \supercite{e}",
     [("a", 1), ("b", 1), ("c", 1), ("d", 1), ("e", 1)]),
    (r"\setcitestyle{authoryear} \citetext{x} \citation{y} \excited{z}", []),
    (r"\\% \cite{commented}" "\n" r"\% \cite{kept}", [("kept", 2)]),
])
def test_tex_citation_forms(text, expected):
    assert find_citations(text, "tex") == [Citation(key, line) for key, line in expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("[@a; @b]", ["a", "b"]),
    ("[see @a, pp. 33-35; also @b, chap. 1]", ["a", "b"]),
    ("@a says [p. 33].", ["a"]),
    ("[-@doe99]", ["doe99"]),
    ("@Doe:2020.x.", ["Doe:2020.x"]),
    ("mail me@x.org, \\@no", []),
    ("[link](https://x.org/@user) and `@code`", []),
    ("<!-- @hidden -->", []),
])
def test_markdown_citation_forms(text, expected):
    assert [c.key for c in find_citations(text, "md")] == expected


@pytest.mark.parametrize(("fmt", "style"), [("tex", "natbib"), ("tex", "biblatex"), ("md", "pandoc")])
def test_rendered_drafts_cite_exactly_their_keys(fmt, style):
    from litreview.rendering import render
    from render_samples import sample_draft

    draft = sample_draft(theme="prompts @ scale [@ghost] \\cite{ghost2}", injected=True)
    rendered = render(draft, fmt, cite_style=style)
    assert [c.key for c in find_citations(rendered.text, fmt)] == [
        "smith2020", "wu2022:x", "smith2020", "lee2021", "lee2021"]


def test_check_follows_inputs_and_reads_the_bibliographies_the_manuscript_names(run_cli, tmp_path):
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "more.bib").write_text("@misc{extra2023, title = {Extra}, year = {2023}}\n"
                                       "@article{smith2020, title = {A Different Paper}, year = {2019}}\n")
    (tmp_path / "sections").mkdir()
    write(tmp_path, "sections/intro.tex", "Intro~\\citep{smith2020}.\n\\input{sections/deeper}\n")
    write(tmp_path, "sections/deeper.tex", "\n\nDeep~\\citet{extra2023, ghost2024}.\n")
    main = write(tmp_path, "main.tex", r"""\documentclass{article}
        \begin{document}
        \input{sections/intro}
        \include{sections/missing}
        % \input{commented}
        Last~\cite{lee2021}.
        \bibliography{refs,more}
        \end{document}
    """)
    result = run_cli("check", str(main))
    assert result.exit_code == 1
    assert result.stdout == f"{tmp_path / 'sections' / 'deeper.tex'}:3: unknown citation key 'ghost2024'\n"
    assert result.stderr == (
        f"warning: {main}:4: included file 'sections/missing' not found: its citations are not checked; "
        "names are read from the main file's folder, as LaTeX run there reads them\n"
        f"using {tmp_path / 'refs.bib'}, {tmp_path / 'more.bib'} (from the manuscript's bibliography commands)\n"
        f"warning: {tmp_path / 'more.bib'}:2: duplicate key 'smith2020' with different content (first at "
        f"{tmp_path / 'refs.bib'}:1): entry skipped, as BibTeX keeps the first; rename one of the two keys or "
        "delete the duplicate entry\n"
        "1 of 4 cited keys are not in the corpus\n")


def test_addbibresource_names_the_corpus(run_cli, tmp_path):
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    main = write(tmp_path, "main.tex", "\\addbibresource[label=x]{refs.bib}\n\\autocite{wu2022}\n")
    result = run_cli("check", str(main))
    assert (result.exit_code, result.stdout) == (0, f"{main}: OK, the 1 cited key is in the corpus (1 citation)\n")


def test_no_corpus_anywhere_is_an_error_with_a_hint(run_cli, tmp_path):
    main = write(tmp_path, "main.tex", "\\cite{a}\n")
    result = run_cli("check", str(main))
    assert result.exit_code == 2
    assert result.stderr == (f"error: {main}: no corpus to check against; pass --corpus refs.bib, or name it with "
                             "\\bibliography{refs} / \\addbibresource{refs.bib}\n")


def test_markdown_keys_are_read_as_pandoc_reads_them(run_cli, tmp_path):
    ads = tmp_path / "ads.bib"
    ads.write_text("@ARTICLE{2016A&A...594A..13P,\n  title = {Planck 2015 results. XIII.},\n  year = 2016\n}\n")
    paper = write(tmp_path, "paper.qmd", """\
        As measured [@{2016A&A...594A..13P}], see @fig-spectrum and @sec-results.

        Without braces @2016A&A...594A..13P is another key to Pandoc.
    """)
    result = run_cli("check", str(paper), "--corpus", str(ads))
    assert result.exit_code == 1
    assert result.stdout == (f"{paper}:3: Pandoc reads @2016A&A...594A..13P as the key '2016A&A', which is not in "
                             "the corpus; write @{2016A&A...594A..13P}\n")


def test_a_manubot_manuscript_matches_its_references_json_as_manubot_does(run_cli, tmp_path):
    from pathlib import Path
    references = Path(__file__).parent / "data" / "manubot_references.json"
    # a Manubot review's content/*.md against its references.json: 170 of 268 keys were "not in the corpus", for the
    # capitals of DOIs and prefixes Manubot standardises away, and pandoc-crossref's @fig: and @eq:
    paper = write(tmp_path, "02.introduction.md", """\
        Boosting [@doi:10.1145/2939672.2939785] and [@DOI:10.1145/2939672.2939785], see @fig:overview-bridge and
        @eq:unified; transformers learn in context [@arXiv:2212.07677] as estimators do [@raw:Henderson1950Genetic].
        Unknown still: [@doi:10.1000/missing].
    """)
    result = run_cli("check", str(paper), "--corpus", str(references))
    assert result.exit_code == 1
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines()] == ["unknown citation key 'doi:10.1000/missing'"]


@pytest.mark.parametrize("header", ["bibliography: refs.bib", "bibliography: [refs.bib]", "bibliography:\n  - refs.bib"])
def test_markdown_front_matter_names_the_corpus(run_cli, tmp_path, header):
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    paper = tmp_path / "paper.qmd"
    paper.write_text(f"---\ntitle: Draft\n{header}\n---\n\nSee @lee2021 and @fig-one.\n", encoding="utf-8")
    result = run_cli("check", str(paper))
    assert (result.exit_code, result.stdout) == (0, f"{paper}: OK, the 1 cited key is in the corpus (1 citation)\n")
