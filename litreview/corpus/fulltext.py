"""Excerpts of a paper's attached PDF for its summary: text read with pypdf (BSD), running headers and
footers and the reference list dropped, sections found by their headings, and the parts a related-work
summary needs (introduction, method, results, conclusion) kept within a token budget.

A PDF that is missing, encrypted or has no text layer (a scan) gives a warning for that paper, never an error.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from litreview.corpus.attachments import attached_pdfs
from litreview.corpus.fetched import Excerpt
from litreview.corpus.paper import Paper

MAX_PAGES = 40  # a thesis or a book attached to a record is not read to its end
_REFERENCES = re.compile(r"^\s*(?:\d+\.?|[IVX]+\.)?\s*(?:references|bibliography|literature cited)\s*$", re.IGNORECASE)
_NUMBERED_HEADING = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+([A-Z][^.!?:;,]{1,70})$")
_NAMED_HEADING = re.compile(
    r"^\s*(?:[IVX]+\.\s*)?(abstract|introduction|related work|background|preliminaries|methods?|methodology|approach|"
    r"model|experiments?|experimental (?:setup|results)|results|evaluation|discussion|conclusions?|"
    r"limitations|acknowledge?ments?|appendix)\s*$", re.IGNORECASE)
# The parts a related-work summary needs, in the order they are given the budget.
_KEPT = [("abstract", re.compile(r"abstract", re.I)),
         ("introduction", re.compile(r"introduction", re.I)),
         ("conclusion", re.compile(r"conclusion|discussion|summary", re.I)),
         ("results", re.compile(r"result|experiment|evaluation|empirical", re.I)),
         ("method", re.compile(r"method|approach|model|framework|algorithm|proposed|our ", re.I))]
_DROPPED = re.compile(r"related work|background|preliminar|acknowledg|appendix|notation|limitation|ethic|impact", re.I)
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,4}\s*(?:of\s*\d+)?\s*$", re.IGNORECASE)
TOKENS_PER_WORD = 4 / 3  # English prose: about three words per four tokens


class UnreadablePdf(Exception):
    """A PDF that gives no text: encrypted, a scan without text layer, or not a PDF at all."""


@dataclass(frozen=True)
class Section:
    """A run of text under one heading: its text per page, in order."""

    title: str
    pages: tuple[tuple[int, str], ...]

    @property
    def text(self) -> str:
        return " ".join(text for _, text in self.pages)


def with_fulltext(paper: Paper, *, pdf_dir: Path | None, budget: int) -> tuple[Paper, str | None]:
    """The paper with excerpts of its first readable attached PDF, and a warning when a named PDF was unusable."""
    problems = []
    for path in attached_pdfs(paper, pdf_dir):
        if not path.is_file():
            problems.append(f"the attached PDF {path} does not exist")
            continue
        try:
            pages = pdf_pages(path)
        except UnreadablePdf as error:
            problems.append(f"{path}: {error}")
            continue
        chosen = excerpts(pages, budget, has_abstract=bool(paper.abstract))
        if chosen:
            return paper.model_copy(update={"excerpts": tuple(chosen)}), None
        problems.append(f"{path}: no body text found")
    return paper, "; ".join(problems) or None


def pdf_pages(path: Path) -> list[str]:
    """The text of each page (up to MAX_PAGES), NFKC-normalised so ligatures become letters."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadablePdf("the PDF is encrypted with a password; save an unencrypted copy to read it")
        pages = [unicodedata.normalize("NFKC", page.extract_text() or "") for page in reader.pages[:MAX_PAGES]]
    except DependencyError as error:
        raise UnreadablePdf(f"the PDF is encrypted and cannot be decrypted here ({error})") from None
    except (PdfReadError, OSError, ValueError) as error:
        raise UnreadablePdf(f"not a readable PDF ({error})") from None
    if sum(len(page.split()) for page in pages) < 20:
        raise UnreadablePdf("the PDF has no text layer (a scan?); run OCR on it (e.g. ocrmypdf) to read it")
    return pages


def excerpts(pages: list[str], budget: int, *, has_abstract: bool = True) -> list[Excerpt]:
    """The kept sections' opening text, each within its share of `budget` tokens, one Excerpt per page touched.

    Kept: the PDF's abstract when the record has none, then introduction, conclusion, results and the first
    other section (the method, whatever its title); without any heading found, the opening of the body.
    """
    kinds = [kind for kind, _ in _KEPT]
    chosen: dict[str, Section] = {}
    for section in split_sections(body_lines(pages)):
        kind = _kind(section.title)
        if kind and kind not in chosen and not (has_abstract and kind == "abstract"):
            chosen[kind] = section
    if not chosen:
        body = [s for s in split_sections(body_lines(pages)) if not _DROPPED.search(s.title)]
        chosen = {"introduction": body[0]} if body else {}
    words_each = int(budget / TOKENS_PER_WORD) // max(1, len(chosen))
    ordered = sorted(chosen.items(), key=lambda item: kinds.index(item[0]))
    return [excerpt for _, section in ordered for excerpt in _opening(section, words_each)]


def body_lines(pages: list[str]) -> list[tuple[int, str]]:
    """(page number, line) of the body: running headers/footers, page numbers and the references dropped."""
    split = [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]
    running = _running_lines(split)
    lines = [(number, line) for number, page in enumerate(split, 1) for line in page
             if _shape(line) not in running and not _PAGE_NUMBER.match(line)]
    cut = next((i for i, (number, line) in enumerate(lines) if i > 0 and _REFERENCES.match(line)), len(lines))
    return lines[:cut]


def split_sections(lines: list[tuple[int, str]]) -> list[Section]:
    """Sections by headings (`2 Method`, `3.1 Setup`, `Introduction`); text before the first is `front`."""
    sections: list[Section] = []
    title, text = "front", []
    for number, line in lines:
        heading = _heading(line)
        if heading:
            sections.append(Section(title, _by_page(text)))
            title, text = heading, []
        else:
            text.append((number, line))
    sections.append(Section(title, _by_page(text)))
    return [s for s in sections if s.pages]


def _by_page(lines: list[tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    pages: dict[int, list[str]] = {}
    for number, line in lines:
        pages.setdefault(number, []).append(line)
    return tuple((number, _joined(text)) for number, text in pages.items())


def _heading(line: str) -> str | None:
    named = _NAMED_HEADING.match(line)
    if named:
        return named.group(1).strip().capitalize()
    numbered = _NUMBERED_HEADING.match(line)
    if numbered and len(numbered.group(2).split()) <= 8 and not numbered.group(2).rstrip().endswith("-"):
        return numbered.group(2).strip()
    return None


def _kind(title: str) -> str | None:
    """Which kept part a section is (a section of another title counts as the method), or None to leave it out."""
    if _DROPPED.search(title) or title == "front":
        return None
    return next((kind for kind, pattern in _KEPT if pattern.search(title)), "method")


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Line shapes at the top or bottom of at least half the pages (of three or more): headers and footers."""
    if len(pages) < 3:
        return set()
    edges = Counter(shape for page in pages for shape in {_shape(line) for line in page[:2] + page[-2:]})
    return {shape for shape, count in edges.items() if count >= len(pages) / 2}


def _shape(line: str) -> str:
    """A line with its digits blanked, so `Page 3` and `Page 4` are the same running footer."""
    return re.sub(r"\d+", "#", line.casefold())


def _joined(lines: list[str]) -> str:
    """Lines as running text: a word hyphenated across a line break is joined again."""
    text = ""
    for line in lines:
        if text.endswith("-") and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text


def _opening(section: Section, words: int) -> list[Excerpt]:
    """The first `words` words of a section, one Excerpt per page, ended at a sentence end when one is near."""
    excerpts, left = [], words
    for page, text in section.pages:
        if left <= 0:
            break
        taken = text.split()[:left]
        left -= len(taken)
        kept = " ".join(taken)
        if left <= 0:
            end = kept.rfind(". ") + 1 if not kept.endswith(".") else len(kept)
            kept = kept[:end] if end > len(kept) // 2 else kept
        excerpts.append(Excerpt(page=page, section=section.title, text=kept))
    return excerpts


@dataclass(frozen=True)
class FulltextOptions:
    """`--fulltext`: where else to look for PDFs (`KEY.pdf` in `pdf_dir`) and the token budget per paper."""

    pdf_dir: Path | None = None
    budget: int = 1500


def read_attached(papers: dict[str, Paper], options: FulltextOptions) -> tuple[dict[str, Paper], list[tuple[str | None, str]]]:
    """Each paper with excerpts of its attached PDF, and (key, message) warnings: one per unusable PDF,
    one for all the papers that have none attached."""
    read: dict[str, Paper] = {}
    warnings: list[tuple[str | None, str]] = []
    unattached = []
    for key, paper in papers.items():
        read[key], problem = with_fulltext(paper, pdf_dir=options.pdf_dir, budget=options.budget)
        if problem:
            warnings.append((key, problem))
        elif not read[key].excerpts:
            unattached.append(key)
    if unattached:
        where = " or KEY.pdf in the --pdf-dir" if options.pdf_dir else ""
        warnings.append((None, f"{len(unattached)} of {len(papers)} papers have no PDF attached (a `file` field{where}): "
                               + ", ".join(unattached[:10]) + (" ..." if len(unattached) > 10 else "")))
    return read, warnings
