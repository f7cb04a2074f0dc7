"""Read papers from files: the format is chosen by extension and confirmed by content.

Each format lives in its own module with one function, `read(text, path) -> FileRecords`,
that returns every record of the file or raises `CorpusError` pointing at the bad line.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from litreview.corpus.paper import Origin, Paper
from litreview.errors import CorpusError
from litreview.resources import is_companion_bib

# extension -> (format name, module under litreview.corpus.readers)
FORMATS: dict[str, tuple[str, str]] = {
    ".bib": ("bibtex", "bibtex"),
    ".ris": ("ris", "ris"),
    ".json": ("csl-json", "csljson"),
    ".jsonl": ("jsonl", "jsonl"),
    ".txt": ("listing", "listing"),
}


class Skipped(BaseModel):
    """Something in the input that is deliberately not a paper, and why."""

    origin: Origin
    reason: str


class FileRecords(BaseModel):
    """What one input file held: its papers in file order, and what was skipped."""

    path: str
    format: str
    papers: list[Paper]
    skipped: list[Skipped] = []


def read_paths(paths: Iterable[str | Path]) -> list[FileRecords]:
    """Read every path: files by extension, directories recursively, `-` from stdin."""
    results: list[FileRecords] = []
    for path in paths:
        if str(path) == "-":
            results.append(read_text(sys.stdin.read(), "<stdin>", fmt=None))
        elif Path(path).is_dir():
            results.extend(read_file(file) for file in _files_in(Path(path)))
        else:
            results.append(read_file(Path(path)))
    return results


def read_file(path: Path) -> FileRecords:
    """Read one file whose extension names its format."""
    name = str(path)
    if not path.exists():
        raise CorpusError(name, None, "no such file or directory", hint="check the path")
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise CorpusError(name, None, f"unknown extension {suffix or '(none)'!r}",
                          hint=f"litreview reads {known}; rename or convert the file")
    return read_text(decode(path.read_bytes(), name), name, fmt=suffix)


def read_text(text: str, path: str, fmt: str | None) -> FileRecords:
    """Parse `text` as the format of extension `fmt`, or guess it from the content when None."""
    suffix = fmt or guess_extension(text)
    name, module = FORMATS[suffix]
    reader = importlib.import_module(f"litreview.corpus.readers.{module}")
    if "\r" in text:  # a scan is cheaper than two copies of a large file that has no CR
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return reader.read(text, path)


def guess_extension(text: str) -> str:
    """The extension whose format `text` looks like, for stdin which has no name."""
    head = text.lstrip("\ufeff \t\n")
    if head.startswith("@") or head.startswith("%"):
        return ".bib"
    if head.startswith("TY  -"):
        return ".ris"
    if head.startswith("["):
        return ".json"
    if head.startswith("{"):
        return ".jsonl"
    return ".txt"


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (a byte-order mark is dropped), or an error naming the first bad line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise CorpusError(path, line, f"byte 0x{byte:02X} is not UTF-8",
                          hint="re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)") from None


def _files_in(directory: Path) -> list[Path]:
    """Readable files under `directory`, sorted so runs do not depend on the file system.

    Hidden files are left out, and so are the .bib files `litreview draft` wrote beside its outputs: they
    repeat entries of the corpus, and are the user's bibliography only when named on their own.
    """
    files = [p for p in directory.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS]
    visible = (p for p in files if not any(part.startswith(".") for part in p.relative_to(directory).parts))
    return sorted(p for p in visible if not (p.suffix.lower() == ".bib" and is_companion_bib(p)))
