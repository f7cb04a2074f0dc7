"""An enriched .bib: the user's file byte for byte, with the fetched fields added inside their entries.

Each fetched field comes with a `<field>-source` field naming where it came from, e.g.
`abstract-source = {openalex:W2741809807 via doi:10.1145/3292500 on 2026-11-28}`; BibTeX styles ignore
fields they do not know, so the file still compiles as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from litreview.corpus.bibexport import entry_text
from litreview.corpus.latex import text_to_latex
from litreview.corpus.paper import Paper

_ENTRY_START = re.compile(r"^[ \t]*@", re.MULTILINE)
_OPENING = re.compile(r"@\s*\w+\s*([{(])")


def enriched_file(text: str, path: str, papers: Iterable[Paper]) -> str:
    """`text`, the .bib read from `path`, with each paper's fetched fields added to its entry there."""
    newline = "\r\n" if "\r\n" in text else "\n"
    starts = _line_offsets(text)
    insertions = []
    for paper in papers:
        fields = added_fields(paper)
        span = _entry_span(text, starts, paper, path) if fields else None
        if span is not None:
            insertions.append((span, fields))
    for (start, end), fields in sorted(insertions, key=lambda item: -item[0][0]):
        text = text[:start] + with_fields(text[start:end], fields, newline) + text[end:]
    return text


def enriched_entries(papers: Iterable[Paper]) -> list[Paper]:
    """Papers whose `bibtex` is their exported entry plus the fetched fields (for `to_bibtex`)."""
    out = []
    for paper in papers:
        if not paper.provenance:
            out.append(paper)
            continue
        generated = paper.bibtex is None  # a generated entry already holds abstract, doi and eprint
        fields = [(name, value) for name, value in added_fields(paper) if not generated or name.endswith("-source")]
        out.append(paper.model_copy(update={"bibtex": with_fields(entry_text(paper), fields, "\n")}))
    return out


def added_fields(paper: Paper) -> list[tuple[str, str]]:
    """The BibTeX fields a paper gained: each fetched value and its `-source`, in a fixed order."""
    fields: list[tuple[str, str]] = []
    for source in paper.provenance:
        if source.field == "abstract" and paper.abstract:
            fields.append(("abstract", text_to_latex(paper.abstract)))
        elif source.field == "doi" and paper.doi:
            fields.append(("doi", paper.doi.replace("{", "%7B").replace("}", "%7D")))
        elif source.field == "arxiv" and paper.arxiv:
            fields += [("eprint", paper.arxiv), ("archiveprefix", "arXiv")]
        else:
            continue
        fields.append((f"{source.field}-source", source.label()))
    return fields


def with_fields(entry: str, fields: list[tuple[str, str]], newline: str) -> str:
    """One entry's text with `fields` added before its closing brace; nothing else in it changes."""
    if not fields:
        return entry
    closing = len(entry.rstrip()) - 1  # the entry's own closing brace or parenthesis
    body = entry[:closing].rstrip()
    trailing = entry[len(body):closing] or newline
    comma = "" if body.endswith((",", "{", "(")) else ","
    added = ",".join(f"{newline}  {name} = {{{value}}}" for name, value in fields)
    return f"{body}{comma}{added}{trailing}{entry[closing:]}"


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    offsets += [match.end() for match in re.finditer(r"\n", text)]
    return offsets


def _entry_span(text: str, starts: list[int], paper: Paper, path: str) -> tuple[int, int] | None:
    """Where the paper's entry sits in `text`: from its first line to the last brace before the next `@` line.

    A paper merged from duplicates has several origins; its entry is the one whose first line holds its key.
    """
    lines = [o.line for o in paper.origins if o.path == path and 0 < o.line <= len(starts)]
    if not lines:
        return None
    line = next((n for n in lines if paper.key and paper.key in text[starts[n - 1]:_line_end(text, starts, n)]), lines[0])
    start = starts[line - 1]
    following = _ENTRY_START.search(text, start + 1)
    end = following.start() if following else len(text)
    opening = _OPENING.search(text, start, end)
    closer = ")" if opening and opening.group(1) == "(" else "}"  # @article(key, ...) closes with a parenthesis
    closing = text.rfind(closer, start, end)
    return (start, closing + 1) if closing > start else None


def _line_end(text: str, starts: list[int], line: int) -> int:
    return starts[line] if line < len(starts) else len(text)
