"""render(): LaTeX (natbib, biblatex), Markdown (Pandoc, numbered) and JSON from a hand-made draft."""

from __future__ import annotations

import json

import pytest

from litreview.corpus.bibexport import to_bibtex
from litreview.document import Section
from litreview.errors import ConfigError, RenderError
from litreview.rendering import render, templates_dir
from litreview.write.schema import Paragraph, Sentence
from render_samples import INJECTION, SMITH_BIBTEX, sample_draft

NATBIB = r"""% Related work on "prompt tuning", drafted by litreview (offline); 3 papers cited.
% Citations use natbib; the cited entries are in the companion .bib file.
% Preamble it needs: \usepackage[T1]{fontenc} \usepackage[utf8]{inputenc} \usepackage{url}
% \usepackage{natbib}; \bibliographystyle{plainnat} \bibliography{<the companion .bib, without .bib>}; build with bibtex.
\section{Prompt tuning}
\label{sec:prompt-tuning}

\subsection{Prompts for vision}
\citet{smith2020} tune prompts for vision models.
Prompts were also studied as text\_with 50\% \& \#hash~\citep{wu2022:x,smith2020}.

\subsection{Adapters}
Adapters are cheap~\citep{lee2021}.
\citet{lee2021} report a *first* place.
Both families keep the backbone frozen.
"""

PANDOC = r"""# Prompt tuning

## Prompts for vision

@smith2020 tune prompts for vision models.
Prompts were also studied as text\_with 50% \& \#hash [@wu2022:x; @smith2020].

## Adapters

Adapters are cheap [@lee2021].
@lee2021 report a \*first\* place.
Both families keep the backbone frozen.
"""


def test_latex_natbib_is_the_default():
    rendered = render(sample_draft(), "tex")
    assert rendered.text == NATBIB
    assert rendered.cite_style == "natbib"
    assert rendered.cited_keys == ["smith2020", "wu2022:x", "lee2021"]


def test_a_one_paper_draft_says_paper_in_the_singular():
    draft = sample_draft()
    draft = draft.model_copy(update={"sections": draft.sections[1:]})  # "Adapters": lee2021 only
    assert render(draft, "tex").text.splitlines()[0].endswith("drafted by litreview (offline); 1 paper cited.")


def test_a_lone_sub_theme_gets_no_heading_of_its_own():
    draft = sample_draft()
    draft = draft.model_copy(update={"sections": draft.sections[1:]})
    assert render(draft, "md").text == "# Prompt tuning\n\nAdapters are cheap [@lee2021].\n" + PANDOC.split("[@lee2021].\n")[1]
    assert render(draft, "tex").text.endswith("\\label{sec:prompt-tuning}\n\nAdapters are cheap~\\citep{lee2021}.\n"
                                              + NATBIB.split("\\citep{lee2021}.\n")[1])
    assert render(draft, "md", cite_style="numbered").text.startswith("# Prompt tuning\n\nAdapters are cheap [1].\n")


def test_latex_biblatex_uses_autocite_and_textcite():
    text = render(sample_draft(), "tex", cite_style="biblatex").text
    preamble = (r"% \usepackage[backend=biber]{biblatex} \addbibresource{<the companion .bib>}; build with biber.")
    assert text == (NATBIB.replace(NATBIB.splitlines()[3], preamble).replace("natbib", "biblatex")
                    .replace(r"\citet", r"\textcite").replace(r"\citep", r"\autocite"))


def test_companion_bib_holds_exactly_the_cited_entries_in_citation_order():
    draft = sample_draft()
    draft.sections[1].sentences[0] = Sentence(text="Adapters are cheap.", keys=[])
    draft.sections[1].sentences[1] = Sentence(text="Nothing cited.", keys=[])
    rendered = render(draft, "tex")
    assert rendered.cited_keys == ["smith2020", "wu2022:x"]
    assert rendered.bib == to_bibtex([draft.papers["smith2020"], draft.papers["wu2022:x"]])
    assert SMITH_BIBTEX in rendered.bib  # the user's own entry, verbatim
    assert "lee2021" not in rendered.bib


@pytest.mark.parametrize(("heading", "levels"), [
    ("section", ("section", "subsection")),
    ("subsection", ("subsection", "subsubsection")),
    ("subsubsection", ("subsubsection", "paragraph")),
    ("paragraph", ("paragraph", "subparagraph")),
])
def test_heading_level_shifts_the_sub_themes(heading, levels):
    text = render(sample_draft(), "tex", heading=heading).text
    assert f"\\{levels[0]}{{Prompt tuning}}\n" in text
    assert f"\\{levels[1]}{{Prompts for vision}}\n" in text
    assert f"\\{levels[1]}{{Adapters}}\n" in text


def test_markdown_pandoc_is_the_default_with_a_bib():
    rendered = render(sample_draft(), "md")
    assert rendered.text == PANDOC
    assert rendered.cite_style == "pandoc"
    assert rendered.bib == to_bibtex([sample_draft().papers[k] for k in ("smith2020", "wu2022:x", "lee2021")])


def test_markdown_heading_levels():
    text = render(sample_draft(), "md", heading="subsection").text
    assert text.startswith("## Prompt tuning\n\n### Prompts for vision\n")


def test_markdown_numbered_has_a_reference_list_and_no_bib():
    rendered = render(sample_draft(), "md", cite_style="numbered")
    assert rendered.bib is None
    assert rendered.text == r"""# Prompt tuning

## Prompts for vision

Smith et al. [1] tune prompts for vision models.
Prompts were also studied as text\_with 50% \& \#hash [1, 2].

## Adapters

Adapters are cheap [3].
Lee and Park [3] report a \*first\* place.
Both families keep the backbone frozen.

## References

1. Ann Smith, Bo Lee and Chen Wu. Prompt Tuning for Vision Models. *Journal of Tricky Titles*, 2020.
2. Chen Wu. \\input\{/etc/passwd\} \\write18\{touch pwned\} 50% \& a\_b \#1 \$x\$ \{\{ 7\*7 \}\} \{% if 1 %\}X\{% endif %\} \~\^. 2022.
3. Bo Lee and Kim Park. Adapters: 100% \& \$5 of\_the \#1 Way. *Proc. of A\&B*, 2021.
"""


def test_json_is_the_whole_draft():
    draft = sample_draft()
    rendered = render(draft, "json")
    assert rendered.bib is None
    data = json.loads(rendered.text)
    assert data == json.loads(draft.model_dump_json())
    assert data["selection"][1] == {"rank": 2, "key": "lee2021", "score": 2.25, "grade": None, "reason": None}
    assert data["summaries"]["smith2020"]["evidence"] == ["We tune prompts."]
    assert data["sections"][0]["sentences"][1]["keys"] == ["wu2022:x", "smith2020"]
    assert data["warnings"] == [{"stage": "summarize", "message": "no abstract", "key": "wu2022:x"}]
    assert data["usage"] == {"calls": 0, "cached": 0, "seconds": 0.5}


def test_injection_renders_as_literal_latex_text():
    text = render(sample_draft(injected=True), "tex").text
    escaped = (r"{\textbackslash}input\{/etc/passwd\} {\textbackslash}write18\{touch pwned\} 50\% \& a\_b \#1 "
               r"\$x\$ \{\{ 7*7 \}\} \{\% if 1 \%\}X\{\% endif \%\} {\textasciitilde}{\textasciicircum}")
    assert f"\\section{{Prompt tuning {escaped}}}\n" in text
    assert f"\\subsection{{Prompts for vision {escaped}}}\n" in text
    assert f"\\#hash {escaped}~\\citep{{wu2022:x,smith2020}}.\n" in text
    assert "\\input{" not in text and "\\write18{" not in text and "49" not in text and "\nX" not in text


def test_injection_renders_as_literal_markdown_text():
    text = render(sample_draft(injected=True), "md").text
    escaped = (r"\\input\{/etc/passwd\} \\write18\{touch pwned\} 50% \& a\_b \#1 \$x\$ \{\{ 7\*7 \}\} "
               r"\{% if 1 %\}X\{% endif %\} \~\^")
    assert text.startswith(f"# Prompt tuning {escaped}\n\n## Prompts for vision {escaped}\n")
    assert "49" not in text


def test_newlines_in_data_cannot_leave_a_latex_comment_or_start_a_markdown_block():
    draft = sample_draft(theme="line one\n\\input{x}\n# heading\r\n- item\x00\x1b")
    assert render(draft, "tex").text.startswith(
        '% Related work on "line one {\\textbackslash}input\\{x\\} \\# heading - item", drafted')
    assert render(draft, "md").text.startswith("# Line one \\\\input\\{x\\} \\# heading - item\n")


def test_latex_quotes_from_an_arxiv_abstract_print_as_quotes():
    draft = sample_draft(theme="a ``warm-up'' phase")
    assert render(draft, "md").text.startswith("# A \u201cwarm-up\u201d phase\n")
    assert render(draft, "tex").text.startswith('% Related work on "a {\\textquotedblleft}warm-up{\\textquotedblright} phase"')


def test_escaped_latex_specials_from_an_arxiv_abstract_print_as_the_sign():
    draft = sample_draft(theme="tuning 0.1\\% of weights \\& a\\_b")
    assert render(draft, "md").text.startswith("# Tuning 0.1% of weights \\& a\\_b\n")  # was "0.1\\\\%"
    assert render(draft, "tex").text.startswith('% Related work on "tuning 0.1\\% of weights \\& a\\_b"')


def test_a_key_outside_the_draft_never_reaches_a_citation():
    draft = sample_draft()
    draft.sections[1].sentences.append(Sentence(text="Invented.", keys=["ghost2020"]))
    with pytest.raises(RenderError) as caught:
        render(draft, "tex")
    assert caught.value.line() == "draft: cannot cite 'ghost2020': it is not a paper of the draft; " \
                                  "cite only keys of the draft's papers"


def test_a_key_that_would_break_out_of_the_citation_is_refused():
    draft = sample_draft()
    bad = "x}\\input{/etc/passwd}\\cite{y"
    draft.papers[bad] = draft.papers["lee2021"].model_copy(update={"key": bad})
    draft.sections[1].sentences.append(Sentence(text="Bad key.", keys=[bad]))
    with pytest.raises(RenderError) as caught:
        render(draft, "md")
    assert caught.value.line() == (f"draft: the key {bad!r} holds characters a citation cannot carry; "
                                   "give the paper a key without spaces, commas, braces, quotes or %#'=\\~")


@pytest.mark.parametrize(("fmt", "style", "expected"), [
    ("tex", "pandoc", "--cite-style: cite style 'pandoc' does not apply to tex output; use one of: natbib, biblatex"),
    ("md", "natbib", "--cite-style: cite style 'natbib' does not apply to md output; use one of: pandoc, numbered"),
])
def test_cite_style_must_fit_the_format(fmt, style, expected):
    with pytest.raises(ConfigError) as caught:
        render(sample_draft(), fmt, cite_style=style)
    assert caught.value.line() == expected


def test_unknown_heading_level():
    with pytest.raises(ConfigError) as caught:
        render(sample_draft(), "tex", heading="chapter")
    assert caught.value.line() == ("--heading: unknown heading level 'chapter'; "
                                   "use one of: section, subsection, subsubsection, paragraph")


def test_textual_citation_only_when_the_sentence_starts_with_the_authors_of_its_one_paper():
    draft = sample_draft()
    draft.sections[0] = Section(title="T", description="d", keys=["smith2020", "lee2021"], sentences=[
        Sentence(text="Smith et al. and Lee and Park agree.", keys=["smith2020", "lee2021"]),
        Sentence(text="Smith et al.'s method works.", keys=["smith2020"]),
        Sentence(text="As Smith et al. show, it works!", keys=["smith2020"]),
        Sentence(text="Smith et al. show it works?", keys=["smith2020"]),
    ])
    text = render(draft, "tex").text
    assert ("Smith et al. and Lee and Park agree~\\citep{smith2020,lee2021}.\n"
            "Smith et al.'s method works~\\citep{smith2020}.\n"
            "As Smith et al. show, it works~\\citep{smith2020}!\n"
            "\\citet{smith2020} show it works?\n") in text


@pytest.mark.parametrize(("fmt", "style", "expected"), [
    ("tex", "natbib", "\\citet{smith2020} and Adapters~\\citep{lee2021} keep the backbone frozen, 50\\% of it~\\citep{wu2022:x}.\n"),
    ("tex", "biblatex", "\\textcite{smith2020} and Adapters~\\autocite{lee2021} keep the backbone frozen, 50\\% of it~\\autocite{wu2022:x}.\n"),
    ("md", "pandoc", "@smith2020 and Adapters [@lee2021] keep the backbone frozen, 50% of it [@wu2022:x].\n"),
    ("md", "numbered", "Smith et al. [1] and Adapters [2] keep the backbone frozen, 50% of it [3].\n"),
])
def test_keys_cited_inside_a_sentence_come_right_after_their_words(fmt, style, expected):
    draft = sample_draft()
    draft.sections[0] = Section(title="T", description="d", keys=["smith2020", "lee2021", "wu2022:x"], sentences=[
        Sentence(text="Smith et al. and Adapters keep the backbone frozen, 50% of it.", keys=["smith2020", "lee2021", "wu2022:x"],
                 inline=[{"after": "Smith et al.", "keys": ["smith2020"]}, {"after": "Adapters", "keys": ["lee2021"]}]),
    ])
    draft.sections.pop()
    assert expected in render(draft, fmt, cite_style=style).text


def test_inline_citations_must_stand_on_words_of_the_sentence_and_are_never_asked_of_an_llm():
    with pytest.raises(ValueError, match="inline citation after 'GeoNet': those words are not in the text"):
        Sentence(text="UnDeepVO and GeoNet use stereo pairs.", keys=["a", "b"],
                 inline=[{"after": "UnDeepVO", "keys": ["a"]}, {"after": "GeoNet", "keys": ["b"]},
                         {"after": "GeoNet", "keys": ["b"]}])
    with pytest.raises(ValueError, match="inline citation of 'c', which is not among the sentence's keys"):
        Sentence(text="UnDeepVO uses stereo pairs.", keys=["a"], inline=[{"after": "UnDeepVO", "keys": ["c"]}])
    assert "inline" not in json.dumps(Paragraph.model_json_schema())  # the offline engine's, not the model's to fill


def test_templates_are_found_from_a_checkout():
    assert (templates_dir() / "tex.j2").is_file()
    assert (templates_dir() / "md.j2").is_file()


def test_data_is_never_evaluated_as_template_code():
    draft = sample_draft(theme="{{ 7*7 }} {% for x in range(3) %}loop{% endfor %} {{ draft.engine }}")
    text = render(draft, "md").text
    assert text.startswith("# \\{\\{ 7\\*7 \\}\\} \\{% for x in range(3) %\\}loop\\{% endfor %\\} "
                           "\\{\\{ draft.engine \\}\\}\n")
    assert INJECTION not in text
