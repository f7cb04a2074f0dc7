"""The PDFs attached to a record: its BibTeX `file` field, or `KEY.pdf` in a folder of PDFs.

`file` comes in two dialects. Better BibTeX (Zotero) writes paths separated by `;`, escaping `\\` and `;`
with a backslash; JabRef writes `description:path:type` triples separated by `;`, escaping `:` and `\\`.
Relative paths are relative to the .bib file that holds the record.
"""

from __future__ import annotations

import re
from pathlib import Path

from litreview.corpus.paper import Paper

_FILE_FIELD = re.compile(r"(?:^|[\s,])file\s*=\s*([{\"])", re.IGNORECASE)
_UNSAFE_IN_NAME = re.compile(r"[/\\:*?\"<>|]")


def attached_pdfs(paper: Paper, pdf_dir: Path | None = None) -> list[Path]:
    """Paths of the PDFs attached to `paper` (they may not exist): its `file` field's, then `KEY.pdf` in `pdf_dir`."""
    found = [path for path in file_field_paths(paper) if path.suffix.lower() == ".pdf"]
    if pdf_dir is not None and paper.key:
        for name in dict.fromkeys((paper.key, _UNSAFE_IN_NAME.sub("_", paper.key))):
            candidate = pdf_dir / f"{name}.pdf"
            if candidate.is_file() and candidate not in found:
                found.append(candidate)
    return found


def file_field_paths(paper: Paper) -> list[Path]:
    """The paths named by the record's `file` field, made absolute against its .bib's folder."""
    value = _file_value(paper.bibtex or "")
    if not value:
        return []
    base = Path(paper.origin.path).parent if paper.origins else Path.cwd()
    paths = []
    for item in _split_unescaped(value, ";"):
        parts = _split_unescaped(item, ":")
        raw = parts[1] if len(parts) == 3 else item  # JabRef's description:path:type, else a bare path
        path = Path(_unescape(raw).strip())
        if str(path) and str(path) != ".":
            paths.append(path if path.is_absolute() else base / path)
    return paths


def _file_value(bibtex: str) -> str | None:
    """The raw text of the `file` field (between its braces or quotes), or None."""
    match = _FILE_FIELD.search(bibtex)
    if match is None:
        return None
    start, opener = match.end(), match.group(1)
    if opener == '"':
        end = bibtex.find('"', start)
        return bibtex[start:end] if end >= 0 else None
    depth = 1
    for position in range(start, len(bibtex)):
        char = bibtex[position]
        if char == "\\":
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return bibtex[start:position]
    return None


def _split_unescaped(text: str, separator: str) -> list[str]:
    """`text` split at `separator`s not preceded by a backslash escape (escapes are kept)."""
    parts, current, escaped = [], [], False
    for char in text:
        if char == separator and not escaped:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
        escaped = char == "\\" and not escaped
    parts.append("".join(current))
    return [part for part in parts if part.strip()] if separator == ";" else parts


def _unescape(text: str) -> str:
    r"""`\;` -> `;`, `\:` -> `:`, `\\` -> `\`."""
    return re.sub(r"\\(.)", r"\1", text)
