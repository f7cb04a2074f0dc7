"""Escaping data for LaTeX and Markdown output, and the marker types for markup that must not be escaped.

A template's own text is markup. Every value a template prints is data (a title, an abstract, a sentence an
LLM wrote) and is escaped by the Jinja environment's `finalize`, unless it is an instance of the output
format's marker type: only litreview's own filters make those (a `\\citep{...}`, a `## heading`). Plain `str`
operations on a marker (`+`, `~`, `|upper`) give back a plain `str`, so anything derived from data is escaped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Literal

from litreview.corpus.latex import text_to_latex

Format = Literal["tex", "md"]


class Raw(str):
    """Markup for one output format, printed as is; never built from unescaped data."""

    format: Format


class Tex(Raw):
    """LaTeX markup (a citation command, a sectioning command)."""

    format = "tex"


class Md(Raw):
    """Markdown markup (a Pandoc citation, a heading, emphasis)."""

    format = "md"


def escape_tex(value: object) -> Tex:
    """LaTeX that typesets `value` literally, on one line: `\\input{x}` -> `{\\textbackslash}input\\{x\\}`."""
    return value if isinstance(value, Tex) else Tex(text_to_latex(one_line(value)))


# Characters Pandoc Markdown gives a meaning anywhere in a line; `-` only where `--` would become a dash.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#|@$~^&]|-(?=-)")
# What a line may start with to become a list item, a definition or (first line) a title block.
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([-+:%])")


def escape_md(value: object) -> Md:
    """Pandoc Markdown that shows `value` literally, on one line: `*x* [@k]` -> `\\*x\\* \\[\\@k\\]`."""
    if isinstance(value, Md):
        return value
    text = _MD_SPECIAL.sub(r"\\\g<0>", one_line(value))
    return Md(_MD_LINE_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", text))


ESCAPERS: dict[Format, Callable[[object], Raw]] = {"tex": escape_tex, "md": escape_md}
MARKERS: dict[Format, type[Raw]] = {"tex": Tex, "md": Md}


_LATEX_QUOTES = re.compile(r"``(?P<quoted>[^`']+?)''")
_LATEX_SPECIAL = re.compile(r"\\(?=[%&_#$])")  # arXiv abstracts keep LaTeX's "0.1\%": the backslash is no text


def one_line(value: object) -> str:
    """`value` as text with control characters dropped and whitespace runs (newlines too) made one space.

    One line, so that data can never end a LaTeX comment or start a Markdown block.
    """
    text = "" if value is None else str(value)
    if not text.isprintable():
        text = "".join(" " if char.isspace() else char for char in text
                       if char.isspace() or unicodedata.category(char) != "Cc")
    # arXiv abstracts keep LaTeX's ``quotes'' and "0.1\%": printed as the quotes and the sign they stand for
    text = _LATEX_SPECIAL.sub("", text) if "\\" in text else text
    return _LATEX_QUOTES.sub("\u201c\\g<quoted>\u201d", " ".join(text.split()))


def finalizer(fmt: Format) -> Callable[[object], Raw]:
    """The `finalize` of a Jinja environment for `fmt`: markers pass, everything else is escaped."""
    return ESCAPERS[fmt]


def join_filter(fmt: Format) -> Callable[[Iterable[object], str], Raw]:
    """Jinja's `join`, marker-aware: items and separator are escaped unless they are markers of `fmt`."""
    escape = ESCAPERS[fmt]

    def join(items: Iterable[object], separator: str = "") -> Raw:
        # The separator's own spaces and newlines are kept: they are the template's layout, not data.
        lead, core, trail = re.fullmatch(r"(\s*)(.*?)(\s*)", separator, re.DOTALL).groups()
        glue = lead + escape(core) + trail if core else separator
        return MARKERS[fmt](glue.join(escape(item) for item in items))

    return join
