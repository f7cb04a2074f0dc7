"""Find the citation keys a LaTeX or Markdown manuscript uses, with line numbers, and those a corpus lacks.

LaTeX: natbib and biblatex commands (`\\citep[see][p.~3]{a, b}`, `\\cites(pre)(post)[x]{a}[y]{b}`, ...),
comments ignored. Markdown: Pandoc citations (`[@a; @b]`, `@a` in text, `[-@a]`, `@{odd key}`), not e-mail
addresses, code, autolinks or link targets.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from litreview.corpus import Corpus
from litreview.errors import LitreviewError

ManuscriptFormat = Literal["tex", "md"]

_EXTENSIONS: dict[str, ManuscriptFormat] = {
    ".tex": "tex", ".latex": "tex", ".ltx": "tex",
    ".md": "md", ".markdown": "md", ".qmd": "md", ".rmd": "md",
}


@dataclass(frozen=True)
class Citation:
    """One citation key as written in a manuscript, and the 1-based line it is on."""

    key: str
    line: int


@dataclass(frozen=True)
class CheckReport:
    """Every citation of a manuscript and those whose key the corpus does not hold."""

    path: str
    citations: list[Citation]
    unknown: list[Citation]
    suggestions: dict[str, str]  # unknown key -> the closest corpus key, when one is close

    @property
    def keys(self) -> list[str]:
        """Distinct keys cited, in order of first citation."""
        return list(dict.fromkeys(c.key for c in self.citations))


def check_file(path: str | Path, corpus: Corpus) -> CheckReport:
    """Read a .tex or .md manuscript and report the citation keys `corpus` does not hold (aliases count)."""
    path = Path(path)
    fmt = manuscript_format(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise LitreviewError(f"cannot read the manuscript ({error.strerror})", where=str(path),
                             hint="check the path") from None
    citations = find_citations(text, fmt)
    unknown = [c for c in citations if c.key not in corpus]
    return CheckReport(str(path), citations, unknown, _suggestions({c.key for c in unknown}, corpus))


def manuscript_format(path: Path) -> ManuscriptFormat:
    """`tex` or `md` from the file's extension."""
    fmt = _EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise LitreviewError(f"cannot tell the manuscript format from the extension {path.suffix!r}", where=str(path),
                             hint="check reads LaTeX (.tex) and Markdown (.md, .markdown, .qmd, .rmd)")
    return fmt


def find_citations(text: str, fmt: ManuscriptFormat) -> list[Citation]:
    """Every citation key in `text`, in order, with its line."""
    found = _tex_keys(text) if fmt == "tex" else _markdown_keys(text)
    newlines = [i for i, char in enumerate(text) if char == "\n"]
    return [Citation(key, bisect.bisect_left(newlines, offset) + 1) for key, offset in found]


# --- LaTeX -------------------------------------------------------------------------------------------

# natbib (cite, citep, citet, citealp, citealt, citeauthor, citeyear(par), citenum, Citet...) and biblatex
# (autocite, textcite, parencite, footcite(text), smartcite, supercite, fullcite, citetitle, ... and their
# multicite `...s` forms). `\citetext` and `\setcitestyle` take no keys and are not matched.
_TEX_CITE = re.compile(
    r"\\(?:[Cc]ite(?:p|t|alp|alt|author|fullauthor|year|yearpar|num|title|url|date)?"
    r"|[Nn]ocite|[Aa]utocite|[Tt]extcite|[Pp]arencite|[Ff]ootcite(?:text)?|[Ss]martcite|[Ss]upercite"
    r"|(?:foot)?fullcite)(?P<multi>s?)(?![A-Za-z@])\*?"
)
_TEX_COMMENT = re.compile(r"(?<!\\)((?:\\\\)*)%[^\n]*")
_CLOSING = {"{": "}", "[": "]", "(": ")"}
_BETWEEN_ARGUMENTS = re.compile(r"[ \t]*(?:\n[ \t]*)?")


def _tex_keys(text: str) -> list[tuple[str, int]]:
    text = _TEX_COMMENT.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)
    found: list[tuple[str, int]] = []
    for command in _TEX_CITE.finditer(text):
        for start, end in _key_groups(text, command.end(), multi=bool(command.group("multi"))):
            found.extend(_split_keys(text, start, end))
    return found


def _key_groups(text: str, position: int, *, multi: bool) -> list[tuple[int, int]]:
    """Spans inside the mandatory `{...}` arguments after a cite command (several for multicite forms)."""
    groups: list[tuple[int, int]] = []
    while True:
        position = _skip_space(text, position)
        opener = text[position:position + 1]
        if opener not in _CLOSING or (opener == "(" and not multi):
            return groups
        end = _balanced_end(text, position)
        if end is None:
            return groups
        if opener == "{":
            groups.append((position + 1, end))
            if not multi:
                return groups
        position = end + 1


def _skip_space(text: str, position: int) -> int:
    """Past spaces and at most one line break, as TeX reads between arguments."""
    return _BETWEEN_ARGUMENTS.match(text, position).end()


def _balanced_end(text: str, start: int) -> int | None:
    """Index of the bracket closing the one at `start` (braces nest inside any kind), or None."""
    opener, closer, depth, braces = text[start], _CLOSING[text[start]], 0, 0
    for index in range(start, len(text)):
        char = text[index]
        if index > start and text[index - 1] == "\\":
            continue
        if opener != "{" and char in "{}":
            braces += 1 if char == "{" else -1
        elif braces == 0 and char == opener:
            depth += 1
        elif braces == 0 and char == closer:
            depth -= 1
            if depth == 0:
                return index
    return None


def _split_keys(text: str, start: int, end: int) -> list[tuple[str, int]]:
    keys = []
    for match in re.finditer(r"[^,\s]+", text[start:end]):
        if match.group(0) != "*":  # \nocite{*}: every entry, not a key
            keys.append((match.group(0), start + match.start()))
    return keys


# --- Markdown ----------------------------------------------------------------------------------------

# Pandoc: a key starts with a letter, digit or _ and may hold internal punctuation :.#$%&-+?<>~/ ; the @
# must not follow a word character (that is an e-mail address) or a backslash (an escaped @).
_MD_CITE = re.compile(r"(?<![\w\\@])@(?:\{(?P<braced>[^{}\n]+)\}|(?P<plain>\w+(?:[:.#$%&\-+?<>~/]+\w+)*))")
_MD_NOT_PROSE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=fence)[ \t]*$"  # fenced code blocks
    r"|(?P<ticks>`+).+?(?P=ticks)"                           # code spans
    r"|<!--.*?-->"                                           # HTML comments
    r"|<[A-Za-z][A-Za-z0-9+.-]*:[^>\s]*>"                    # autolinks <https://...>
    r"|\]\([^)\s]*",                                         # link targets ](https://x/@y)
    re.DOTALL | re.MULTILINE,
)


def _markdown_keys(text: str) -> list[tuple[str, int]]:
    text = _MD_NOT_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    found = []
    for match in _MD_CITE.finditer(text):
        group = "braced" if match.group("braced") else "plain"
        found.append((match.group(group).strip(), match.start(group)))
    return found


def _suggestions(unknown: set[str], corpus: Corpus) -> dict[str, str]:
    """The closest corpus key to each unknown key, for typos (`smith2019` for `smith2020`)."""
    if not unknown:
        return {}
    from rapidfuzz import fuzz, process

    choices = corpus.keys + list(corpus.aliases)
    suggestions = {}
    for key in sorted(unknown):
        best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=75)
        if best:
            suggestions[key] = best[0]
    return suggestions
