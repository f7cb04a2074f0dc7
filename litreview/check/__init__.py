"""Find the citation keys a LaTeX or Markdown manuscript uses, with line numbers, and those a corpus lacks.

LaTeX: natbib and biblatex commands (`\\citep[see][p.~3]{a, b}`, `\\cites(pre)(post)[x]{a}[y]{b}`, ...),
comments ignored; `\\input`, `\\include` and `\\subfile` are followed, and `\\bibliography{a,b}` /
`\\addbibresource{x.bib}` name the corpus when none is given. Markdown: Pandoc citations (`[@a; @b]`, `@a` in
text, `[-@a]`, `@{odd key}`) read as Pandoc reads them (`@2016A&A...594A..13P` is the key `2016A&A`), not e-mail
addresses, code, links or cross-references (`@fig-x`, `@sec:y`); Manubot's `@doi:...` matched as Manubot does.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from litreview.corpus import Corpus
from litreview.errors import LitreviewError
from litreview.check.markdown import markdown_keys
from litreview.text import decoded

ManuscriptFormat = Literal["tex", "md"]

_EXTENSIONS: dict[str, ManuscriptFormat] = {
    ".tex": "tex", ".latex": "tex", ".ltx": "tex",
    ".md": "md", ".markdown": "md", ".qmd": "md", ".rmd": "md",
}


@dataclass(frozen=True)
class Citation:
    """One citation key as read from a manuscript, and the 1-based line it is on."""

    key: str
    line: int
    path: str | None = None  # the file, when the manuscript includes others
    written: str | None = None  # what the author wrote, when Pandoc reads only its start as the key


@dataclass(frozen=True)
class Manuscript:
    """The citations of a manuscript and the files it includes, and the bibliographies it names."""

    path: str
    citations: list[Citation]
    bibliographies: list[str] = field(default_factory=list)
    missing: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, included name not found)


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
    return check_manuscript(read_manuscript(path), corpus)


def check_manuscript(manuscript: Manuscript, corpus: Corpus) -> CheckReport:
    """The citations of `manuscript` that `corpus` does not hold (aliases count), with suggestions."""
    citations = manuscript.citations
    unknown = [c for c in citations if c.key not in corpus and _manubot_standard(c.key) not in corpus]
    return CheckReport(manuscript.path, citations, unknown, _suggestions({c.key for c in unknown}, corpus))


# A Manubot citation of a persistent identifier, which Manubot standardises before it looks it up: its prefix in
# lower case, and a DOI too (`@doi:10.1109/TPAMI.2013.50` is the item `doi:10.1109/tpami.2013.50`); `@raw:key` is `key`.
_MANUBOT_CITATION = re.compile(r"(?i:(?P<prefix>doi|arxiv|pmid|pmcid|isbn|raw):)(?P<id>.+)")


def _manubot_standard(key: str) -> str:
    """`key` as Manubot standardises a citation of a persistent identifier; as it is when it is no such citation."""
    cited = _MANUBOT_CITATION.fullmatch(key)
    if not cited:
        return key
    prefix, found = cited["prefix"].lower(), cited["id"]
    return found if prefix == "raw" else f"{prefix}:{found.lower() if prefix == 'doi' else found}"


def read_manuscript(path: str | Path) -> Manuscript:
    """Every citation of a .tex or .md manuscript; a .tex with the files it inputs, in reading order."""
    path = Path(path)
    fmt = manuscript_format(path)
    text = _read(path, "the manuscript")
    if fmt == "md":
        return Manuscript(str(path), [replace(c, path=str(path)) for c in find_citations(text, "md")],
                          bibliographies=_front_matter_bibliographies(text, path.parent))
    manuscript = Manuscript(str(path), [])
    _read_tex(path, text, path.parent, manuscript, {path.resolve()})
    return manuscript


def _read(path: Path, what: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise LitreviewError(f"cannot read {what} ({error.strerror})", where=str(path), hint="check the path") from None
    return decoded(data, errors="replace")  # keys are ASCII in any 8-bit encoding


def _read_tex(path: Path, text: str, root: Path, manuscript: Manuscript, seen: set[Path]) -> None:
    """Citations of one .tex file, with each included file's citations where its include stands.

    Included names are resolved against the main file's folder, as LaTeX run there resolves them.
    """
    text = _without_comments(text)
    lines, pairs = _line_starts(text), _brace_pairs(text)
    events = [(m.start(), "cite", m) for m in _TEX_CITE.finditer(text)]
    events += [(m.start(), "include", m) for m in _TEX_INCLUDE.finditer(text)]
    events += [(m.start(), "bibliography", m) for m in _TEX_BIBLIOGRAPHY.finditer(text)]
    for offset, kind, match in sorted(events, key=lambda event: event[0]):
        if kind == "cite":
            for start, end in _key_groups(text, match.end(), pairs, multi=bool(match.group("multi"))):
                manuscript.citations.extend(Citation(key, bisect.bisect_right(lines, at), str(path))
                                            for key, at in _split_keys(text, start, end))
        elif kind == "bibliography":
            manuscript.bibliographies.extend(_bibliography_files(match, root))
        else:
            _include(match.group("name").strip(), path, bisect.bisect_right(lines, offset), root, manuscript, seen)


def _include(name: str, parent: Path, line: int, root: Path, manuscript: Manuscript, seen: set[Path]) -> None:
    """Read an `\\input`/`\\include`/`\\subfile`d file (`.tex` added when the name has no extension)."""
    candidates = [root / name] if Path(name).suffix else [root / f"{name}.tex", root / name]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        manuscript.missing.append((str(parent), line, name))
        return
    if found.resolve() in seen:
        return
    seen.add(found.resolve())
    _read_tex(found, _read(found, "an included file"), root, manuscript, seen)


def _front_matter_bibliographies(text: str, root: Path) -> list[str]:
    """The files of a Pandoc/Quarto YAML header's `bibliography:` (one name, `[a, b]`, or a `- name` list)."""
    header = _FRONT_MATTER.match(text)
    field = _BIBLIOGRAPHY_FIELD.search(header.group(1)) if header else None
    if field is None:
        return []
    names = field.group(1).strip().strip("[]").split(",") if field.group(1).strip() else field.group(2).split("\n")
    cleaned = (name.strip().lstrip("-").strip().strip("'\"") for name in names)
    return [str(root / name) for name in cleaned if name]


_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_BIBLIOGRAPHY_FIELD = re.compile(r"^bibliography:[ \t]*(.*)\n?((?:[ \t]+-[^\n]*\n?)*)", re.MULTILINE)


def _bibliography_files(match: re.Match[str], root: Path) -> list[str]:
    """The .bib files a `\\bibliography{a,b}` or `\\addbibresource{x.bib}` names, next to the main file."""
    names = [name.strip() for name in match.group("names").split(",") if name.strip()]
    if match.group("command") == "bibliography":
        names = [name if name.endswith(".bib") else f"{name}.bib" for name in names]
    return [str(root / name) for name in names]


def manuscript_format(path: Path) -> ManuscriptFormat:
    """`tex` or `md` from the file's extension."""
    fmt = _EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise LitreviewError(f"cannot tell the manuscript format from the extension {path.suffix!r}", where=str(path),
                             hint="check reads LaTeX (.tex) and Markdown (.md, .markdown, .qmd, .rmd)")
    return fmt


def find_citations(text: str, fmt: ManuscriptFormat) -> list[Citation]:
    """Every citation key in `text`, in order, with its line."""
    found = _tex_keys(text) if fmt == "tex" else markdown_keys(text)
    lines = _line_starts(text)
    return [Citation(key, bisect.bisect_right(lines, offset), written=written) for key, offset, written in found]


def _line_starts(text: str) -> list[int]:
    """The offset where each line starts (`bisect_right` of an offset gives its 1-based line)."""
    return [0] + [match.end() for match in re.finditer("\n", text)]


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


_TEX_INCLUDE = re.compile(r"\\(?:input|include|subfile)\s*\{(?P<name>[^{}]+)\}")
_TEX_BIBLIOGRAPHY = re.compile(r"\\(?P<command>bibliography|addbibresource)\s*(?:\[[^\]]*\])?\s*\{(?P<names>[^{}]+)\}")


def _without_comments(text: str) -> str:
    """`text` with each comment blanked out (offsets and lines unchanged)."""
    return _TEX_COMMENT.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)


def _tex_keys(text: str) -> list[tuple[str, int, None]]:
    text = _without_comments(text)
    pairs = _brace_pairs(text)
    found: list[tuple[str, int, None]] = []
    for command in _TEX_CITE.finditer(text):
        for start, end in _key_groups(text, command.end(), pairs, multi=bool(command.group("multi"))):
            found.extend((key, at, None) for key, at in _split_keys(text, start, end))
    return found


def _key_groups(text: str, position: int, pairs: dict[int, int], *, multi: bool) -> list[tuple[int, int]]:
    """Spans inside the mandatory `{...}` arguments after a cite command (several for multicite forms)."""
    groups: list[tuple[int, int]] = []
    while True:
        position = _skip_space(text, position)
        opener = text[position:position + 1]
        if opener not in _CLOSING or (opener == "(" and not multi):
            return groups
        end = _balanced_end(text, position, pairs)
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


def _brace_pairs(text: str) -> dict[int, int]:
    """Where each unescaped `{` of `text` is closed, found in one pass (unclosed ones are absent)."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    for match in _BRACE.finditer(text):
        if match.group() == "{":
            opened.append(match.start())
        elif opened:
            pairs[opened.pop()] = match.start()
    return pairs


_BRACE = re.compile(r"(?<!\\)[{}]")
_OPTIONAL_MAX = 500  # an optional argument (`[see][p.~3]`, `(pre)`) longer than this is not one
_BRACKET_EVENTS = {"[": re.compile(r"(?<!\\)[\[\]{]"), "(": re.compile(r"(?<!\\)[(){]")}


def _balanced_end(text: str, start: int, pairs: dict[int, int]) -> int | None:
    """Index of the bracket closing the one at `start` (braces nest inside any kind), or None."""
    if text[start] == "{":
        return pairs.get(start)
    opener, depth, index = text[start], 0, start
    events, stop = _BRACKET_EVENTS[opener], min(len(text), start + _OPTIONAL_MAX)
    while (event := events.search(text, index, stop)) is not None:
        index = event.start()
        if event.group() == "{":  # a brace group inside, skipped whole
            if index not in pairs:
                return None
            index = pairs[index]
        else:
            depth += 1 if event.group() == opener else -1
            if depth == 0:
                return index
        index += 1
    return None


def _split_keys(text: str, start: int, end: int) -> list[tuple[str, int]]:
    keys = []
    for match in re.finditer(r"[^,\s]+", text[start:end]):
        if match.group(0) != "*":  # \nocite{*}: every entry, not a key
            keys.append((match.group(0), start + match.start()))
    return keys


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
