"""render(..., template=FILE): the researcher's own Jinja template, same variables, same escaping, clear errors."""

from __future__ import annotations

import textwrap

import pytest

from litreview.errors import ConfigError, TemplateError
from litreview.rendering import render
from render_samples import sample_draft


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_own_template_gets_the_variables_and_the_escaping(tmp_path):
    template = write(tmp_path, "mine.tex.j2", r"""
        \chapter*{ {{- theme -}} } % {{ cite_style }}, {{ heading }}/{{ subheading }}, {{ engine }}
        {% for section in sections %}
        \{{ subheading }}{ {{- section.title -}} } ({{ section.keys|join(", ") }})
        {% for sentence in section.sentences %}
        {{ sentence|sentence }}
        {% endfor %}
        {% endfor %}
        Cited: {{ cited|map(attribute="key")|join("; ") }}; also {{ ["lee2021", "smith2020"]|cite }} and {{ "lee2021"|citet }}.
        {% for paper in cited %}
        \item {{ paper|reference }} -- {{ paper|authors }} -- {{ papers[paper.key].year }} -- {{ numbers[paper.key] }}
        {% endfor %}
        Best: {{ selection[0].key }} ({{ selection[0].score }}), {{ summaries["smith2020"].evidence[0] }}
        Warnings: {% for w in warnings %}{{ w.stage }}: {{ w.message }}{% endfor %}; {{ considered }} considered.
    """)
    text = render(sample_draft(theme="50% & more"), "tex", template=template, heading="subsection").text
    assert text == textwrap.dedent(r"""
        \chapter*{50\% \& more} % natbib, subsection/subsubsection, offline
        \subsubsection{Prompts for vision} (smith2020, wu2022:x)
        \citet{smith2020} tune prompts for vision models.
        Prompts were also studied as text\_with 50\% \& \#hash~\citep{wu2022:x,smith2020}.
        \subsubsection{Adapters} (lee2021)
        Adapters are cheap~\citep{lee2021}.
        \citet{lee2021} report a *first* place.
        Both families keep the backbone frozen.
        Cited: smith2020; wu2022:x; lee2021; also \citep{lee2021,smith2020} and \citet{lee2021}.
        \item Ann Smith, Bo Lee and Chen Wu. Prompt Tuning for Vision Models. \emph{Journal of Tricky Titles}, 2020. -- Smith et al. -- 2020 -- 1
        \item Chen Wu. {\textbackslash}input\{/etc/passwd\} {\textbackslash}write18\{touch pwned\} 50\% \& a\_b \#1 \$x\$ \{\{ 7*7 \}\} \{\% if 1 \%\}X\{\% endif \%\} {\textasciitilde}{\textasciicircum}. 2022. -- Wu -- 2022 -- 2
        \item Bo Lee and Kim Park. Adapters: 100\% \& \$5 of\_the \#1 Way. \emph{Proc. of A\&B}, 2021. -- Lee and Park -- 2021 -- 3
        Best: smith2020 (3.5), We tune prompts.
        Warnings: summarize: no abstract; 12 considered.
    """)


def test_concatenating_markup_with_data_gives_escaped_text(tmp_path):
    template = write(tmp_path, "mine.md.j2", """\
        {{ "lee2021"|cite ~ theme }}
        {{ ("lee2021"|cite) + "*" }}
        {{ ["*", "lee2021"|cite]|join("_") }}
    """)
    text = render(sample_draft(theme="*x*"), "md", template=template).text
    assert text == "\\[\\@lee2021\\]\\*x\\*\n\\[\\@lee2021\\]\\*\n\\*\\_[@lee2021]\n"


def test_own_template_can_extend_the_bundled_one(tmp_path):
    template = write(tmp_path, "mine.j2", """\
        {% extends "md.j2" %}
    """)
    assert render(sample_draft(), "md", template=template).text == render(sample_draft(), "md").text


@pytest.mark.parametrize(("text", "line", "message"), [
    ("ok\n{% for s in sections %}\n{{ s.title }\n{% endfor %}\n", 3, "unexpected '}'; check the Jinja syntax there"),
    ("ok\n{% if theme %}\nno end\n", 3, "Unexpected end of template. Jinja was looking for the following tags: "
                                        "'elif' or 'else' or 'endif'. The innermost block that needs to be closed "
                                        "is 'if'; check the Jinja syntax there"),
])
def test_a_template_that_does_not_parse_names_file_and_line(tmp_path, text, line, message):
    template = write(tmp_path, "broken.j2", text)
    with pytest.raises(TemplateError) as caught:
        render(sample_draft(), "tex", template=template)
    assert caught.value.line() == (f"{template}:{line}: {message}; "
                                   "the variables and filters a template gets are listed in docs/templates.md")


@pytest.mark.parametrize(("text", "line", "message"), [
    ("one\ntwo {{ thme }}\n", 2, "'thme' is undefined"),
    ("{% for s in sections %}\n\n{{ s.sentences[0].keys|citet }}\n{% endfor %}\n", 3,
     "TypeError: a textual citation takes one key, not a list"),
    ("{{ 1 + theme }}\n", 1, "TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
])
def test_a_template_that_fails_to_render_names_file_and_line(tmp_path, text, line, message):
    template = write(tmp_path, "failing.j2", text)
    with pytest.raises(TemplateError) as caught:
        render(sample_draft(), "md", template=template)
    assert caught.value.line() == (f"{template}:{line}: {message}; "
                                   "the variables and filters a template gets are listed in docs/templates.md")


def test_missing_template_file(tmp_path):
    with pytest.raises(TemplateError) as caught:
        render(sample_draft(), "md", template=tmp_path / "nope.j2")
    assert caught.value.line() == f"{tmp_path / 'nope.j2'}: template file not found; check the --template path"


def test_json_takes_no_template(tmp_path):
    template = write(tmp_path, "x.j2", "{{ theme }}")
    with pytest.raises(ConfigError) as caught:
        render(sample_draft(), "json", template=template)
    assert caught.value.line() == (f"{template}: a template renders LaTeX or Markdown, not JSON; "
                                   "write to a .tex or .md file, or drop --template")
