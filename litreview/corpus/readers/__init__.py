"""Read papers from files: the format is chosen by extension and confirmed by content.

Each format lives in its own module with one function, `read(text, path) -> FileRecords`,
that returns every record it can read and a `Problem` for each one it could not (or read only with a
repair), as BibTeX and biber do: one broken record never costs the rest of the file. `strict=True`
turns the first problem into a `CorpusError` instead.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from litreview.corpus.paper import Origin, Paper
from litreview.errors import CorpusError, NotABibliography
from litreview.files import path_kind
from litreview.resources import is_litreview_output
from litreview.text import wide_unicode

# extension -> (format name, module under litreview.corpus.readers)
FORMATS: dict[str, tuple[str, str]] = {
    ".bib": ("bibtex", "bibtex"),
    ".ris": ("ris", "ris"),
    ".nbib": ("medline", "medline"),
    ".json": ("csl-json", "csljson"),
    ".jsonl": ("jsonl", "jsonl"),
    ".txt": ("listing", "listing"),
    ".ciw": ("web-of-science", "wos"),  # Web of Science's plain text; saved as savedrecs.txt, it is read as such too
    ".csv": ("csv", "table"),  # Scopus, Zotero, Rayyan, Covidence ... spreadsheets
    ".tsv": ("csv", "table"),
    ".xml": ("xml", "xmlexports"),  # EndNote's (and Zotero's) XML export, PubMed's XML
    ".enw": ("endnote-tagged", "enw"),  # EndNote's tagged format: Google Scholar's and publishers' "EndNote" links
    ".ovd": ("ovid", "ovid"),  # Ovid's (MEDLINE, Embase, PsycINFO) "Citavi" and "Reference Manager" exports
    ".cgi": ("ovid", "ovid"),  # Ovid's "EndNote" export
}
# Bibliographies in formats litreview does not read: what each is, and how to get one it reads.
_SPREADSHEET = ("a spreadsheet workbook, which litreview does not read",
                "save the sheet as CSV UTF-8 (File, Save As) and pass the .csv; its columns are read by their names")
_CONVERT = {
    ".xlsx": _SPREADSHEET, ".xls": _SPREADSHEET, ".ods": _SPREADSHEET,
    ".enl": ("an EndNote library, which litreview does not read", "export it from EndNote (File, Export, type XML)"),
    ".enlx": ("an EndNote library, which litreview does not read", "export it from EndNote (File, Export, type XML)"),
    ".rdf": ("a Zotero RDF export, which litreview does not read", "export the collection as BibTeX, RIS or CSL JSON"),
    # exports downloaded compressed (EndNote Web, a database's bulk download, OpenAlex's snapshot)
    ".zip": ("a zip archive, which litreview does not open", "unzip it and pass the folder it makes"),
    ".gz": ("a compressed file, which litreview does not open", "decompress it (gunzip FILE) and pass the file it holds"),
}
# Files read as what they hold, not as their name says: PubMed's "Save as PubMed" (.txt), Web of Science's
# savedrecs.txt, Ovid's exports saved as text or named .ris, and BibTeX or RIS saved as text (Google Scholar's BibTeX
# page, a database's "citations.txt"), which were read as listings of titles ("@article{smith2020,").
_READ_BY_CONTENT = {".ris": (".nbib", ".ciw", ".ovd"), ".txt": (".nbib", ".ciw", ".bib", ".ris", ".ovd")}
# Web of Science's plain text ("FN Clarivate Analytics Web of Science", or a record's "PT J") or tab-delimited header.
_WEB_OF_SCIENCE = re.compile(r"FN [A-Z]|PT [A-Z]\n|PT\tAU\t")
# Ovid's: a record's number ("<1. >", an alert's "<1>"), then "VN  - Ovid Technologies"
_OVID = re.compile(r"(?:<\d+\.?\s*>\s*\n\s*)?VN {1,2}- ")


class Skipped(BaseModel):
    """Something in the input that is deliberately not a paper, and why."""

    origin: Origin
    reason: str


class Problem(BaseModel):
    """A record that was skipped, or read only after a repair: where, what is wrong, how to fix it."""

    origin: Origin
    message: str  # what is wrong
    outcome: str  # what litreview did about it: "entry skipped", "read with the braces balanced"
    hint: str  # how to fix it
    skipped: bool = True

    def line(self) -> str:
        """`FILE:LINE: what is wrong: what was done; how to fix it`."""
        return f"{self.origin}: {self.message}: {self.outcome}; {self.hint}"

    def error(self) -> CorpusError:
        """The problem as the error `--strict` raises."""
        return CorpusError(self.origin.path, self.origin.line, self.message, hint=self.hint)


class FileRecords(BaseModel):
    """What one input file held: its papers in file order, what was skipped, and what could not be read."""

    path: str
    format: str
    papers: list[Paper]
    skipped: list[Skipped] = []
    problems: list[Problem] = []


def read_paths(paths: Iterable[str | Path], *, strict: bool = False) -> list[FileRecords]:
    """Read every path: files by extension, directories recursively, `-` from stdin.

    With `strict`, the first problem of a file is raised as a `CorpusError` instead of reported.
    """
    results: list[FileRecords] = []
    for path in paths:
        if str(path) == "-":
            results.append(_read_data(sys.stdin.buffer.read(), "<stdin>", fmt=None))
        elif path_kind(Path(path)) == "folder":
            results.extend(_read_in_directory(file) for file in _files_in(Path(path)))
        else:
            results.append(read_file(Path(path)))
        if strict and any(f.problems for f in results):
            raise next(f.problems[0] for f in results if f.problems).error()
    return results


def _read_in_directory(path: Path) -> FileRecords:
    """`read_file`, but a file among those of a directory that holds no bibliography at all (a table of results
    beside the .bib), or one in a format litreview does not read (a workbook), is skipped with a warning, not an
    error: no one named it as a corpus."""
    try:
        return read_file(path)
    except NotABibliography as error:
        kind = FORMATS.get(path.suffix.lower(), (path.suffix.lower().lstrip("."),))[0]
        return FileRecords(path=str(path), format=kind, papers=[], problems=[Problem(
            origin=Origin(path=str(path), line=error.line_number or 1), message=error.message, outcome="file skipped",
            hint=error.hint if path.suffix.lower() in _CONVERT else "name it with --corpus to read it as a bibliography")])


def read_file(path: Path) -> FileRecords:
    """Read one file whose extension names its format."""
    name = str(path)
    if path_kind(path) is None:
        raise CorpusError(name, None, "no such file or directory", hint="check the path")
    suffix = path.suffix.lower()
    if suffix in _CONVERT:
        raise NotABibliography(name, None, _CONVERT[suffix][0], hint=_CONVERT[suffix][1])
    if suffix == ".pdf":  # a paper, named where its bibliography belongs; in a folder, PDFs are no one's corpus
        raise CorpusError(name, None, "a PDF, not a bibliography",
                          hint="pass the .bib (or .ris ...) that lists it; papers' PDFs go in --pdf-dir, named KEY.pdf")
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise CorpusError(name, None, f"unknown extension {suffix or '(none)'!r}",
                          hint=f"litreview reads {known}; rename or convert the file")
    try:
        data = path.read_bytes()
    except OSError as error:  # no permission to read it, a directory named like a file, a disk error
        raise CorpusError(name, None, f"cannot be read ({error.strerror or error.__class__.__name__})",
                          hint="check the file and its permissions") from error
    return _read_data(data, name, fmt=suffix)


def _read_data(data: bytes, name: str, fmt: str | None) -> FileRecords:
    """Decode and parse a file's bytes, with a problem first where lines were not UTF-8."""
    text, problem = decode(data, name)
    records = read_text(text, name, fmt=fmt)
    if problem is not None:
        records.problems.insert(0, problem)
    return records


def read_text(text: str, path: str, fmt: str | None) -> FileRecords:
    """Parse `text` as the format of extension `fmt`, or guess it from the content when None."""
    guessed = guess_extension(text) if fmt in (None, *_READ_BY_CONTENT) else None
    suffix = guessed if fmt is None or guessed in _READ_BY_CONTENT.get(fmt, ()) else fmt
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
    if head.startswith("PMID-"):
        return ".nbib"
    if _WEB_OF_SCIENCE.match(head):
        return ".ciw"
    if _OVID.match(head):
        return ".ovd"
    if head.startswith("<"):  # "<?xml ...", EndNote's "<xml><records>"
        return ".xml"
    if head.startswith("["):
        return ".json"
    if head.startswith("{"):
        return ".jsonl"
    return ".txt"


def decode(data: bytes, path: str) -> tuple[str, Problem | None]:
    """UTF-8 text (a byte-order mark is dropped) or UTF-16, and a problem naming the first line that is neither.

    Such lines are read as Windows-1252 (Latin-1 for the bytes it leaves undefined), the usual encoding of
    an older .bib, so that one bad line costs no record; the UTF-8 lines around them stay as they are.
    """
    wide = wide_unicode(data)
    if wide is not None:
        return wide, None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problem = Problem(origin=Origin(path=path, line=line), skipped=False,
                          message=f"byte 0x{data[error.start]:02X} is not UTF-8",
                          outcome="lines that are not UTF-8 were read as Latin-1",
                          hint="re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)")
        return "".join(_decode_line(part) for part in data.splitlines(keepends=True)).removeprefix("\ufeff"), problem


def _decode_line(line: bytes) -> str:
    """One line as UTF-8, else as Windows-1252, else as Latin-1."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return line.decode(encoding)
        except UnicodeDecodeError:
            continue
    return line.decode("latin-1")


def _files_in(directory: Path) -> list[Path]:
    """Readable files under `directory` (and bibliographies it cannot read, to be reported), sorted so runs do not
    depend on the file system.

    Hidden files are left out, and so are the .bib files litreview wrote (a draft's companion, a `corpus
    --export`): they repeat entries of the corpus, and are the user's bibliography only when named on their own.
    """
    files = [p for p in directory.rglob("*") if p.is_file() and (p.suffix.lower() in FORMATS or p.suffix.lower() in _CONVERT)]
    visible = (p for p in files if not any(part.startswith(".") for part in p.relative_to(directory).parts))
    return sorted(p for p in visible if not (p.suffix.lower() == ".bib" and is_litreview_output(p)))
