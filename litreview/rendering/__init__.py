"""Rendering a Draft as LaTeX, Markdown or JSON, with the companion .bib holding exactly the cited entries.

LaTeX and Markdown go through Jinja templates (the bundled `tex.j2` / `md.j2`, or the researcher's own). The
environment escapes every printed value for the output format in `finalize`; only the markers litreview's
own filters make (citations, headings) are printed as they are. Template variables: docs/templates.md.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import jinja2
from pydantic import BaseModel

from litreview.corpus.paper import author_phrase
from litreview.document import Draft
from litreview.errors import ConfigError, LitreviewError, TemplateError
from litreview.prompts import prompts_dir
from litreview.rendering.checks import biblatex_entries, latex_warnings
from litreview.rendering.citestyle import CiteStyle, cite_style
from litreview.rendering.markup import (
    MARKERS,
    Format,
    escape_md,
    finalizer,
    join_filter,
)
from litreview.text import is_own_text

OutputFormat = Literal["tex", "md", "json"]
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z]|\s*$)")

# Sectioning levels, outermost first: the sub-themes take the level below the section's.
HEADINGS = ("section", "subsection", "subsubsection", "paragraph", "subparagraph")
_TEMPLATE_HINT = "the variables and filters a template gets are listed in docs/templates.md"


class Rendered(BaseModel):
    """A rendered draft: the main text and, for LaTeX and Pandoc Markdown, the .bib of the cited entries."""

    format: OutputFormat
    text: str
    bib: str | None = None
    cite_style: str | None = None
    cited_keys: list[str] = []
    warnings: list[str] = []  # what to check before compiling (characters pdflatex lacks, risky entries)
    notes: list[str] = []  # choices made for the user (the cite style the entries call for)


def render(draft: Draft, fmt: OutputFormat, *, cite_style: str | None = None, heading: str = "section",
           template: Path | None = None) -> Rendered:
    """Render `draft` as `fmt`; `template` replaces the bundled template (same variables, same escaping)."""
    if fmt == "json":
        if template is not None:
            raise ConfigError("a template renders LaTeX or Markdown, not JSON", where=str(template),
                              hint="write to a .tex or .md file, or drop --template")
        return Rendered(format="json", text=draft.model_dump_json(indent=2) + "\n", cited_keys=draft.cited_keys())
    cited = draft.cited_keys()
    notes: list[str] = []
    if fmt == "tex" and cite_style is None:
        cite_style = _default_tex_style(draft, cited, notes)
    style = _style(fmt, cite_style, draft, cited)
    text = _render_template(template, fmt, template_context(draft, style, heading))
    bib = _companion_bib(draft, cited, utf8=style.name == "biblatex") if style.needs_bib else None
    warnings = latex_warnings(draft, cited) if fmt == "tex" else []
    return Rendered(format=fmt, text=text, bib=bib, cite_style=style.name, cited_keys=cited, warnings=warnings,
                    notes=notes)


def _default_tex_style(draft: Draft, cited: list[str], notes: list[str]) -> str:
    """biblatex when a cited entry is written for it (BibTeX would drop `date`, `journaltitle`, `@online`), else natbib."""
    keys = biblatex_entries([draft.papers[key] for key in cited if key in draft.papers])  # others fail in _style
    if not keys:
        return "natbib"
    notes.append(f"citing with biblatex: {len(keys)} cited entries use biblatex fields or types (first: {keys[0]}); "
                 "pass --cite-style natbib for BibTeX")
    return "biblatex"


def templates_dir() -> Path:
    """The bundled templates: `litreview/templates` in an installed wheel, `templates/` in a checkout."""
    return prompts_dir().parent  # the prompts live in the same folder, found the same way


def template_context(draft: Draft, style: CiteStyle, heading: str) -> dict[str, Any]:
    """The variables every template gets (documented in docs/templates.md)."""
    levels = _heading_levels(heading)
    cited = draft.cited_keys()
    return {
        "draft": draft, "theme": draft.theme, "title": _title(draft.theme), "engine": draft.engine, "format": style.format,
        "cite_style": style.name, "heading": levels[0], "subheading": levels[1],
        "sections": draft.sections, "papers": draft.papers, "cited": [draft.papers[k] for k in cited],
        "numbers": dict(style.numbers), "selection": draft.selection, "summaries": draft.summaries,
        "warnings": draft.warnings, "usage": draft.usage, "considered": draft.considered, "_style": style,
    }


def _title(theme: str) -> str:
    """The section's heading: the theme, or "Related work" when the theme is the researcher's abstract (long,
    and of two sentences or more: a long topic phrase still names the section)."""
    sentences = len(_SENTENCE_END.findall(theme.strip()))
    return "Related work" if is_own_text(theme) and sentences >= 2 else theme


def environment(fmt: Format, search_path: list[Path]) -> jinja2.Environment:
    """A Jinja environment that escapes every printed value for `fmt` and fails on undefined names."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(p) for p in search_path]),
        finalize=finalizer(fmt),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(_filters(fmt))
    return env


def _filters(fmt: Format) -> dict[str, Callable[..., Any]]:
    marker = MARKERS[fmt]
    return {
        "join": join_filter(fmt),
        "sentence": jinja2.pass_context(lambda context, sentence: context["_style"].sentence(sentence)),
        "cite": jinja2.pass_context(lambda context, keys: context["_style"].parenthetical(keys)),
        "citet": jinja2.pass_context(lambda context, key: context["_style"].textual(key)),
        "heading": jinja2.pass_context(lambda context, title: _heading(fmt, context["heading"], title)),
        "subheading": jinja2.pass_context(lambda context, title: _heading(fmt, context["subheading"], title)),
        "reference": lambda paper: _reference(fmt, paper),
        "authors": lambda paper: author_phrase(paper) or "",
        "slug": lambda text: marker(_slug(text)),
    }


def _slug(text: object, limit: int = 40) -> str:
    """`Prompt Tuning & More` -> `prompt-tuning-more`, cut at a word boundary, for `\\label{sec:...}`."""
    slug = re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")
    return slug if len(slug) <= limit else slug[:limit + 1].rsplit("-", 1)[0]


def _style(fmt: Format, name: str | None, draft: Draft, cited: list[str]) -> CiteStyle:
    style = cite_style(fmt, name, draft.papers, cited)
    for key in cited:  # fail before rendering anything: only keys of the draft's papers reach a citation
        style.parenthetical(key)
    return style


def _heading_levels(heading: str) -> tuple[str, str]:
    if heading not in HEADINGS[:-1]:
        raise ConfigError(f"unknown heading level {heading!r}", where="--heading",
                          hint=f"use one of: {', '.join(HEADINGS[:-1])}")
    index = HEADINGS.index(heading)
    return HEADINGS[index], HEADINGS[index + 1]


def _heading(fmt: Format, level: str, title: object) -> str:
    """`\\section{Title}` or `## Title` (section is `#`, each level below adds one `#`)."""
    if fmt == "tex":
        return MARKERS["tex"](f"\\{level}{{{finalizer('tex')(_capitalised(title))}}}")
    return MARKERS["md"]("#" * (HEADINGS.index(level) + 1) + " " + escape_md(_capitalised(title)))


def _capitalised(title: object) -> str:
    text = " ".join(str(title).split())
    return text[:1].upper() + text[1:]


def _reference(fmt: Format, paper: Any) -> str:
    """A reference-list entry: `Ann Smith, Bo Lee and Chen Wu. Title. *Venue*, 2020.` with what is known."""
    escape = finalizer(fmt)
    parts = [escape(_author_list(paper.authors))] if paper.authors else []
    if paper.title:
        parts.append(escape(paper.title))
    venue = _emphasis(fmt, escape(paper.venue)) if paper.venue else ""
    tail = ", ".join(p for p in (venue, str(paper.year or "")) if p)
    if tail:
        parts.append(tail)
    return MARKERS[fmt](" ".join(p if p.endswith((".", "?", "!")) else p + "." for p in parts))


def _author_list(authors: tuple[str, ...]) -> str:
    """`Smith, Ann` / `Ann Smith` names as `Ann Smith, Bo Lee and Chen Wu` (six at most, then `et al.`)."""
    names = [" ".join(reversed([part.strip() for part in a.split(",", 1)])) if "," in a else a.strip() for a in authors]
    if len(names) > 6:
        return ", ".join(names[:6]) + " et al."
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _emphasis(fmt: Format, escaped: str) -> str:
    return f"\\emph{{{escaped}}}" if fmt == "tex" else f"*{escaped}*"


def _render_template(template: Path | None, fmt: Format, context: dict[str, Any]) -> str:
    search_path = [templates_dir()]
    name = f"{fmt}.j2"
    if template is not None:
        if not template.is_file():
            raise TemplateError("template file not found", where=str(template), hint="check the --template path")
        search_path.insert(0, template.resolve().parent)
        name = template.name
    try:
        return environment(fmt, search_path).get_template(name).render(context)
    except LitreviewError:
        raise
    except Exception as error:  # a user template can raise anything Python can (`{{ 1 + "a" }}`)
        raise _template_error(error, name) from None


def _template_error(error: Exception, name: str) -> TemplateError:
    """The one-line error for a template that does not parse or render: `FILE:LINE: what; hint`."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = f"{error.filename or name}:{error.lineno}"
        return TemplateError((error.message or "syntax error").rstrip("."), where=where,
                             hint=f"check the Jinja syntax there; {_TEMPLATE_HINT}")
    if isinstance(error, jinja2.TemplateError):
        message = str(error.message or error).rstrip(".")
    else:
        message = f"{type(error).__name__}: {error}"
    return TemplateError(message, where=_failing_line(error, name), hint=_TEMPLATE_HINT)


def _failing_line(error: Exception, name: str) -> str:
    """`FILE:LINE` of the innermost template frame of a rendering error (Jinja maps frames to template lines)."""
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if not f.filename.endswith(".py") and not f.filename.startswith("<")]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name


def _companion_bib(draft: Draft, cited: list[str], *, utf8: bool) -> str:
    from litreview.corpus.bibexport import to_bibtex

    return to_bibtex([draft.papers[key] for key in cited], utf8=utf8)
