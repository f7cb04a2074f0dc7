"""BibTeX / biblatex `.bib` files, parsed by bibtexparser v2.

Keys are kept verbatim and every entry is returned, duplicates included (the corpus decides what
a duplicate key means). `Paper.bibtex` is the user's own entry text; it is only made
self-contained where it would not compile on its own: a value using an `@string` macro gets
the macro's text, and a `crossref` child gets the fields it inherits (the `crossref` line goes).
Titles, abstracts, authors and venues are decoded from LaTeX to text for search and prompts.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

import bibtexparser
from bibtexparser import model

from litreview.corpus.gcpause import cyclic_gc_paused
from litreview.corpus.latex import LatexDecodingError, latex_to_text, plain_latex_text
from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords, Problem
from litreview.corpus.readers.bibblocks import (
    ENTRY_HEAD,
    block_line,
    raise_unless_bibtex,
    readable_blocks,
    repaired_entry,
    skip,
)
from litreview.corpus.readers.fields import (
    arxiv_from,
    doi_from,
    markup_text,
    split_authors,
    split_keywords,
    year_from,
)
from litreview.errors import CorpusError

# bibtexparser logs each failed block; without a handler Python would print that to stderr, and our
# error already says it in one line.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

MONTHS = {
    name[:3]: name
    for name in "january february march april may june july august september october november december".split()
}
_VENUE_FIELDS = (
    "journal", "journaltitle", "booktitle", "publisher", "institution", "school", "organization", "howpublished",
)
# Fields that describe the cross-referenced parent itself, never its children (biblatex's rules).
_NOT_INHERITED = frozenset(
    "title subtitle titleaddon shorttitle abstract doi url urldate eprint eprinttype archiveprefix "
    "primaryclass eprintclass keywords crossref xref ids key label shorthand sortkey file note annote "
    "pages isbn".split()
)
_VALUE_DELIMITERS = re.compile(r'[{}"#]')
_MACRO_NAME = re.compile(r"""^[^\s"#%'(),={}0-9][^\s"#%'(),={}]*$""")
_EQUALS = re.compile(r"\s*=\s*")
_NEXT_FIELD = re.compile(r"[}\"]\s*\n\s*[A-Za-z][\w:.+-]*\s*=")  # a value, then the next field's line: no comma
_CROSSREF_LINE = re.compile(
    r"""\s*(?<![\w-])crossref\s*=\s*(?:\{[^{}]*\}|"[^"]*"|[^\s,{}]+)\s*,?""", re.IGNORECASE
)


@dataclass
class _Entry:
    """One entry as read: its block, its field values as LaTeX, its exportable text and its first line."""

    block: model.Entry
    values: dict[str, str]
    bibtex: str
    line: int


def read(text: str, path: str) -> FileRecords:
    """Every entry of a .bib file, in file order, as papers pointing at the entry's first line.

    An entry that cannot be read is reported and skipped, as BibTeX and biber do; one whose only fault is an
    unbalanced brace or quote in a value, a missing comma between fields or a missing closing brace, is read with
    that repaired.
    """
    with cyclic_gc_paused():
        return _read(text, path)


def _read(text: str, path: str) -> FileRecords:
    """`read` itself."""
    library = bibtexparser.parse_string(text, parse_stack=[])
    problems: list[Problem] = []
    blocks = readable_blocks(library.blocks, path, problems)
    entries = [block for block in blocks if isinstance(block, model.Entry)]
    if not entries and not problems:
        raise_unless_bibtex(library.blocks, path)
    macros = _macros(library.blocks, path, problems)
    parsed = [entry for entry in (_read_entry(block, macros, path, problems) for block in entries) if entry]
    if any("crossref" in entry.values for entry in parsed):
        _inherit_crossrefs(parsed)
    papers = [_paper(entry, path, problems) for entry in parsed]
    problems.sort(key=lambda problem: problem.origin.line)
    return FileRecords(path=path, format="bibtex", papers=papers, problems=problems)


def _macros(blocks: list[model.Block], path: str, problems: list[Problem]) -> dict[str, str]:
    """`@string` macros (lower-case names) resolved in file order, month names predefined; one that cannot be
    read is reported and left undefined."""
    macros: dict[str, str] = dict(MONTHS)
    for block in blocks:
        string = block.ignore_error_block if isinstance(block, model.DuplicateBlockKeyBlock) else block
        if isinstance(string, model.String):
            try:
                macros[string.key.lower()] = _resolve(string.value, macros)[0]
            except _UnreadableValue as error:
                skip(_unreadable(path, block_line(string), f"@string {string.key!r}", error), problems)
    return macros


def _read_entry(block: model.Entry, macros: dict[str, str], path: str, problems: list[Problem]) -> _Entry | None:
    """An entry's values resolved to LaTeX strings; macro uses are inlined into its export text.

    None (and a problem) for an entry with a value BibTeX could not read either.
    """
    values: dict[str, str] = {}
    bibtex = block.raw or ""
    if any(char.isspace() for char in block.key):
        bibtex = _key_without_spaces(block, bibtex, path, problems)
    for field in block.fields:
        name = field.key.lower()
        if name in values:  # BibTeX keeps the first of a repeated field
            continue
        try:
            values[name], used_macro = _resolve(field.value, macros)
        except _UnreadableValue as error:
            repaired = repaired_entry(block, path, problems) if _NEXT_FIELD.search(field.value) else None
            if repaired is not None:  # "isbn = {X}⏎ doi = {Y}": a comma missing, read as BibTeX would read it mended
                return _read_entry(repaired, macros, path, problems)
            what = f"entry {block.key!r} field {field.key!r}"
            skip(_unreadable(path, field.start_line + 1, what, error), problems)
            return None
        if used_macro:
            bibtex = _inline_value(bibtex, field, values[name])
    return _Entry(block=block, values=values, bibtex=bibtex, line=block_line(block))


def _key_without_spaces(block: model.Entry, bibtex: str, path: str, problems: list[Problem]) -> str:
    """The entry text with the spaces taken out of its key (and the block's key so too), reported.

    BibTeX and biber stop reading a key at a space and skip the entry; its author and year are plain, so the
    paper is kept under the key the researcher would write, and a draft's .bib carries that key.
    """
    key = "".join(block.key.split())
    problems.append(Problem(origin=Origin(path=path, line=block_line(block)), skipped=False,
                            message=f"entry key {block.key!r} holds a space, which BibTeX and biber cannot read",
                            outcome=f"read as {key!r} (a draft's .bib gets that key)",
                            hint="remove the spaces from the key in your file"))
    head = ENTRY_HEAD.match(bibtex)  # Scopus writes keys such as `Di Rocco2025923`
    if head and bibtex.startswith(block.key, head.start(2)):
        bibtex = bibtex[:head.start(2)] + key + bibtex[head.start(2) + len(block.key):]
    block.key = key
    return bibtex


class _UnreadableValue(ValueError):
    """A piece of a value that is not `{...}`, `"..."`, a number or a macro name."""


def _unreadable(path: str, line: int, what: str, error: _UnreadableValue) -> CorpusError:
    """The error for a value BibTeX could not read either."""
    return CorpusError(path, line, f"{what} has a value that cannot be read: {_shorten(str(error))}",
                       hint="a value is {...}, \"...\", a number or an @string name, joined by #; "
                            "separate fields with commas")


def _resolve(raw: str, macros: dict[str, str]) -> tuple[str, bool]:
    """A raw value (`{...}`, `"..."`, number, macro, joined by `#`) as one LaTeX string.

    Also says whether a user-defined macro was used, which a lone entry cannot export.
    """
    if raw[:1] == "{" and raw[-1:] == "}" and raw.count("{") == 1:
        return raw[1:-1], False
    if raw.isdigit():
        return raw, False
    parts: list[str] = []
    used_macro = False
    for piece, one_group in _pieces(raw):
        if one_group or (len(piece) > 1 and piece[0] == piece[-1] == '"'):
            parts.append(piece[1:-1])
        elif piece.isdigit():
            parts.append(piece)
        elif _MACRO_NAME.match(piece):
            name = piece.lower()
            parts.append(macros.get(name, piece))
            # month names are predefined by every style; only user macros need inlining on export
            used_macro = used_macro or (name in macros and macros[name] != MONTHS.get(name))
        else:
            raise _UnreadableValue(piece)
    return "".join(parts), used_macro


def _pieces(raw: str) -> list[tuple[str, bool]]:
    """Each piece of a value joined by `#` outside braces and quotes, and whether it is one `{...}` group."""
    pieces: list[tuple[str, bool]] = []
    depth, quoted, start, first_close = 0, False, 0, -1
    for match in _VALUE_DELIMITERS.finditer(raw):
        char = match.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and first_close < 0 and not quoted:
                first_close = match.end()
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            pieces.append(_piece(raw, start, match.start(), first_close))
            start, first_close = match.end(), -1
    pieces.append(_piece(raw, start, len(raw), first_close))
    return pieces


def _piece(raw: str, start: int, end: int, first_close: int) -> tuple[str, bool]:
    """`raw[start:end]` stripped, and whether it is a brace group that closes only at its end."""
    piece = raw[start:end].strip()
    one_group = piece[:1] == "{" and first_close >= 0 and not raw[first_close:end].strip()
    return piece, one_group


def _inline_value(bibtex: str, field: model.Field, value: str) -> str:
    """The entry text with one field's macro expression replaced by its braced text."""
    position = bibtex.find(field.key)  # str.find, then a check: a regex scan of each entry is slower
    while position >= 0:
        equals = _EQUALS.match(bibtex, position + len(field.key))
        starts_name = position == 0 or not (bibtex[position - 1].isalnum() or bibtex[position - 1] in "_:.-")
        if equals and starts_name and bibtex.startswith(field.value, equals.end()):
            return f"{bibtex[:equals.end()]}{{{value}}}{bibtex[equals.end() + len(field.value):]}"
        position = bibtex.find(field.key, position + 1)
    return bibtex


def _inherit_crossrefs(entries: list[_Entry]) -> None:
    """Give each `crossref` child the parent's fields it lacks, booktitle from the parent's title."""
    parents: dict[str, _Entry] = {}
    for entry in entries:
        parents.setdefault(entry.block.key, entry)
        parents.setdefault(entry.block.key.lower(), entry)
    for entry in entries:
        target = entry.values.get("crossref", "").strip()
        parent = parents.get(target) or parents.get(target.lower())
        if parent is None or parent is entry:
            continue
        inherited = {name: value for name, value in parent.values.items()
                     if name not in entry.values and name not in _NOT_INHERITED}
        if "title" in parent.values and "booktitle" not in entry.values and "booktitle" not in inherited:
            inherited["booktitle"] = parent.values["title"]
        entry.values.update(inherited)
        entry.bibtex = _with_fields(_CROSSREF_LINE.sub("", entry.bibtex, count=1), inherited)


def _with_fields(bibtex: str, fields: dict[str, str]) -> str:
    """Entry text with `fields` added before its closing brace."""
    body = bibtex.rstrip()
    closing = body[-1]
    body = body[:-1].rstrip()
    if not body.endswith(","):
        body += ","
    added = "".join(f"\n  {name} = {{{value}}}," for name, value in fields.items())
    return f"{body}{added}\n{closing}"


def _paper(entry: _Entry, path: str, problems: list[Problem]) -> Paper:
    """The paper of one entry: text fields decoded from LaTeX, identifiers cleaned."""
    values = entry.values
    origin = Origin(path=path, line=entry.line)
    _text = functools.partial(_decoded, origin=origin, problems=problems)
    venue = next((values[name] for name in _VENUE_FIELDS if _is_venue(values.get(name))), None)
    url = _identifier(values.get("url"))
    doi = doi_from(_identifier(values.get("doi")), url)
    return Paper(
        key=entry.block.key,
        title=markup_text(_text(values.get("title"))),
        abstract=markup_text(_text(values.get("abstract"))),
        authors=tuple(_text(name) or "" for name in split_authors(values.get("author", ""))),
        year=year_from(values.get("year") or values.get("date")),
        venue=_text(venue),
        doi=doi,
        arxiv=_arxiv(values, url, doi, venue),
        url=url,
        isbn=_identifier(values.get("isbn")),
        keywords=tuple(_text(word) or "" for word in split_keywords(values.get("keywords", ""))),
        entry_type=entry.block.entry_type.lower(),
        bibtex=entry.bibtex,
        origins=(origin,),
    )


def _arxiv(values: dict[str, str], url: str | None, doi: str | None, venue: str | None) -> str | None:
    """The arXiv id from `eprint` (when the archive is arXiv or unnamed), a URL, DOI or venue."""
    archive = (values.get("archiveprefix") or values.get("eprinttype") or "arxiv").lower()
    eprint = _identifier(values.get("eprint")) if archive == "arxiv" else None
    return arxiv_from(eprint, url, doi, venue)


def _is_venue(value: str | None) -> bool:
    """True for a value naming where a paper appeared; `howpublished = {\\url{...}}` names no venue."""
    return bool(value) and "\\url" not in value and "://" not in value


def _decoded(value: str | None, *, origin: Origin, problems: list[Problem]) -> str | None:
    """Decoded text of a LaTeX value, None when missing or blank; a value pylatexenc could not read is
    decoded plainly (macro names dropped) and reported."""
    if not value:
        return None
    try:
        return latex_to_text(value) or None
    except LatexDecodingError as error:
        problems.append(Problem(origin=origin, skipped=False, hint="check the LaTeX of that value",
                                message=f"LaTeX that cannot be decoded ({_shorten(error.latex)})",
                                outcome="read as plain text"))
        return plain_latex_text(value) or None


def _identifier(value: str | None) -> str | None:
    """A URL, DOI or eprint as written, without braces or the backslashes some exporters add."""
    if not value:
        return None
    cleaned = value.replace("{", "").replace("}", "")
    if "\\" in cleaned:
        cleaned = re.sub(r"\\([%&_#~$])", r"\1", cleaned)
    return cleaned.strip() or None


def _shorten(text: str, limit: int = 40) -> str:
    """`text` on one line, cut to `limit` characters for an error message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
