"""Field values the structured readers share: text, years, DOIs, arXiv ids, author lists, keywords."""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING

from litreview.text import SUPERSCRIPTS

if TYPE_CHECKING:  # only the XML readers parse XML: the others need not import it
    import xml.etree.ElementTree as ElementTree

# What arXiv abstracts keep of their LaTeX source: escaped characters and text styles around plain words.
_LATEX_ESCAPED = re.compile(r"\\([%&_#$~])")
_LATEX_TEXT_STYLE = re.compile(r"\\(?:emph|textit|textbf|textsc|texttt|textsf|textrm|textup|underline)\{([^{}\\]*)\}")
# Inline math arXiv abstracts keep ("PanGu-$α$", "POINT$^{2}$", "$k$-NN", "$2\\cdot10^{-5}$"), read as text; not
# prices ("$5 and $10": a number after "$" is math only with TeX in it).
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?:(?=[^$\n]{0,80}?[\\^_{])|(?![\d\s$]))[^$\n]{1,80}?(?<![\s\\])\$(?!\d)")
_BRACED_SCRIPT = re.compile(r"(?<=\w)([\^_])\{([\w+-]{1,10})\}")  # "POINT^{2}" outside math, as its title's "POINT^2"
_POWER = re.compile(r"(?<=\w)\^(-?\d{1,3})(?![\w.])")  # "POINT^2", "10^-5": said "POINT²", "10⁻⁵"
# A number set as a superscript in markup ("10<sup>7</sup>", "10<SUP>-5</SUP>"): said "10⁷", never "107".
_SUP_NUMBER = re.compile(r"<(?:jats:)?sup>\s*([\d-]{1,4})\s*</(?:jats:)?sup>", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
# EndNote's reference types that are no journal article, as its XML export names them and its tagged `.enw` (`%0`).
ENDNOTE_TYPES = {"Conference Proceedings": "inproceedings", "Conference Paper": "inproceedings", "Book": "book",
                 "Edited Book": "book", "Book Section": "incollection", "Thesis": "phdthesis", "Report": "techreport",
                 "Electronic Article": "article", "Web Page": "misc", "Dataset": "misc", "Generic": "misc"}
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_DOI_IN_URL = re.compile(r"(?:doi\.org/|/doi/(?:abs/|full/|pdf/|epdf/)?)(10\.\d{4,9}/[^\s?#]+)", re.IGNORECASE)
# A DOI is "10." + registrant code (dotted subdivisions allowed) + "/" + suffix (the DOI Handbook, 2 Numbering);
# one inside another value: a resolver this module does not strip ("http://doi.acm.org/10.1145/...").
_DOI = re.compile(r"10\.\d+(?:\.\d+)*/\S")
_DOI_WITHIN = re.compile(r"(?<![\w.])10\.\d{4,9}(?:\.\d+)*/[^\s\"<>]+")
# arXiv identifiers: new style 2101.00001 (optionally with version) or old style hep-th/9901001.
_ARXIV_ID = r"(\d{4}\.\d{4,5}|[a-z][a-z.-]*/\d{7})(?:v\d+)?"
_ARXIV_BARE = re.compile(rf"^\s*(?:arxiv:\s*)?{_ARXIV_ID}\s*$", re.IGNORECASE)
_ARXIV_MENTION = re.compile(
    rf"(?:arxiv\.org/(?:abs|pdf|html)/|10\.48550/arxiv\.|arxiv:\s*){_ARXIV_ID}", re.IGNORECASE
)
_AUTHOR_SEPARATOR = re.compile(r"\{|\}|\s+and\s+", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_KEYWORD_SEPARATOR = re.compile(r"\s*[,;]\s*")
_ABSTRACT_HEADING = re.compile(r"<(?:jats:)?title[^<>]*>\s*abstract\s*</(?:jats:)?title>", re.IGNORECASE)
_SECTION_TITLE = re.compile(r"<(?:jats:)?title[^<>]*>\s*([^<>]{1,60}?)[\s:.]*</(?:jats:)?title>", re.IGNORECASE)
# Tags that end a block (a paragraph, a heading) are a space; inline ones (italics, subscripts) are nothing.
_BLOCK_TAG = re.compile(r"</?(?:jats:)?(?:p|title|sec|br|div|list|list-item|abstract|label)(?:\s[^<>]*)?/?>", re.IGNORECASE)
_INLINE_TAG = re.compile(r"<\s?/?\s?(?:m\s?m\s?l|j\s?a\s?t\s?s)\s?:\s?[\w-]+(?:\s[^<>]*)?/?>|"  # MathML as ADS has it,
                         # stray spaces and all: "<m ml:mrow>", "< /mml:mo>"
                         r"</?(?:(?:jats|mml):[\w-]+|i|b|u|em|strong|sub|sup|sc|span|a|italic|bold|small|tt|scp|"
                         r"inline-\s?formula|tex-\s?math|alternatives|named-content|ext-link)(?:\s[^<>]*)?/?>",
                         re.IGNORECASE)  # ADS: "22 <inline-formula><tex-math>$\mu$</tex-math></inline-formula>m", wrapped too


# A space inside a bracket, where an export wrapped its lines: Web of Science's "models (\n   interpolation and ...)".
_SPACED_BRACKET = re.compile(r"(?<=[(\[]) (?=\w)|(?<=[\w.%]) (?=[)\]])")


def plain_text(value: str | None) -> str | None:
    """`value` with whitespace collapsed (none just inside a bracket), None when blank."""
    text = " ".join(value.split()) if value else ""
    if "( " in text or " )" in text or "[ " in text or " ]" in text:
        text = _SPACED_BRACKET.sub("", text)
    return text or None


def markup_text(value: str | None) -> str | None:
    """`plain_text` of a title or abstract without the JATS or HTML markup that Crossref, and Zotero exports of
    what it fetched, keep in them (`<jats:title>Abstract</jats:title><jats:p>...`, `<i>in vivo</i>`,
    `H<sub>2</sub>O` -> `H2O`, `10<sup>7</sup>` -> `10⁷`, `&amp;` -> `&`, ADS's `&sun;` -> `⊙`, a section title ->
    `Motivation: `). Only known tag names are removed, so `a < b > c` stays."""
    if not value or "<" not in value and "&" not in value:
        return plain_text(value)
    text = _ABSTRACT_HEADING.sub(" ", value)
    text = _SECTION_TITLE.sub(r" \1: ", text)  # a structured abstract's "Motivation: ...", as PubMed writes it
    text = _BLOCK_TAG.sub(" ", _SUP_NUMBER.sub(lambda power: power.group(1).translate(SUPERSCRIPTS), text))
    return plain_text(html.unescape(_INLINE_TAG.sub("", text).replace("&sun;", "\u2299")))  # ADS's "M&sun;": M⊙, as "M$_\\odot$"


def prose_text(value: str | None) -> str | None:
    """`markup_text` of a title or abstract from a format without LaTeX of its own (CSL-JSON, RIS, JSON lines, a
    listing), without the LaTeX that arXiv abstracts keep: `40\\%` -> `40%`, `\\&` -> `&`, `\\~4k` -> `~4k`,
    `\\emph{scan and snap}` -> `scan and snap`, and inline math (`POINT$^{2}$` -> `POINT²`, `$k$-NN` -> `k-NN`).
    Nothing else is read as LaTeX: such text may hold a real backslash, or prices in dollars."""
    text = markup_text(value)
    if text and "$" in text:
        text = _INLINE_MATH.sub(lambda math: _math_text(math.group(0)), text)
    if text and "{" in text:
        text = _BRACED_SCRIPT.sub(r"\1\2", text)
    if text and "^" in text:
        text = _POWER.sub(lambda power: power.group(1).translate(SUPERSCRIPTS), text)
    if not text or "\\" not in text:
        return text
    return _LATEX_TEXT_STYLE.sub(r"\1", _LATEX_ESCAPED.sub(r"\1", text))


def _math_text(math: str) -> str:
    """Inline math as text ("$^{2}$" -> "^2", "$\\alpha$" -> "α"), or as written when it cannot be read whole."""
    from litreview.corpus.latex import (  # pylatexenc: only for math
        LatexDecodingError,
        latex_to_text,
        unknown_macros,
    )

    if unknown_macros(math):  # "$\\write18{x}$" would read as "18x": kept as written
        return math
    try:
        return latex_to_text(math).strip() or math  # what reads as nothing ("$\\foo{$") is kept as written
    except LatexDecodingError:
        return math


def year_from(value: object) -> int | None:
    """The year in `value` (`2020`, `"2021-05"`, `"2017///"`), or None when it holds no year."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 1000 <= value <= 2999 else None
    if not isinstance(value, str):
        return None
    match = _YEAR.search(value)
    return int(match.group(1)) if match else None


def doi_from(value: str | None, url: str | None = None) -> str | None:
    """A DOI without its resolver prefix (`https://doi.org/`, `doi:`), or None when empty or not a DOI; whole from the
    record's `url` where the export cut it short (the ACM Digital Library's "10.1145/371446" for the url's
    ".../doi/10.1145/3714465")."""
    if not value:
        return None
    doi = _DOI_PREFIX.sub("", value.strip()).strip()
    if not _DOI.match(doi):
        # a bare number in a DOI cell ("112", in a Scopus export with Web of Science rows pasted in), kept, would keep
        # two copies of one paper apart as two DOIs; a DOI behind another resolver is kept
        found = _DOI_WITHIN.search(doi)
        doi = found[0] if found else ""
    whole = _DOI_IN_URL.search(url) if url and doi else None
    if whole and whole[1].lower().startswith(doi.lower()) and whole[1][len(doi):len(doi) + 1].isalnum():
        return whole[1]  # cut inside its last part: a DOI that goes on after a "." is another (a paper of a volume)
    return doi or None


def normal_doi(value: str | None) -> str | None:
    """A DOI without resolver prefix, lower case (DOIs are case-insensitive): the form DOIs are compared and
    looked up by."""
    doi = doi_from(value)
    return doi.lower() if doi else None


def arxiv_from(eprint: str | None = None, *mentions: str | None) -> str | None:
    """The arXiv id (no version) of an eprint field, or else one mentioned in a URL, DOI or venue."""
    if eprint:
        match = _ARXIV_BARE.match(eprint)
        if match:
            return match.group(1)
    for text in mentions:
        match = _ARXIV_MENTION.search(text) if text and "arxiv" in text.lower() else None
        if match:
            return match.group(1)
    return None


def split_authors(value: str) -> list[str]:
    """Names of a BibTeX-style author list, split on ` and ` outside braces (`{Barnes and Noble}`)."""
    pieces = _AND.split(value)
    # A split inside braces leaves a piece with an unclosed brace; only then is the careful scan needed.
    if all(piece.count("{") == piece.count("}") for piece in pieces):
        return _paired([name.strip() for name in pieces if name.strip()])
    names: list[str] = []
    depth = 0
    start = 0
    for match in _AUTHOR_SEPARATOR.finditer(value):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            names.append(value[start : match.start()])
            start = match.end()
    names.append(value[start:])
    return _paired([name.strip() for name in names if name.strip()])


def _paired(names: list[str]) -> list[str]:
    """The names of the Cochrane Library's lists, "Smith, SR, Newton, K, and Hill, J" (one "and", before the last
    name, after a comma), each as `Last, F. M.`; any other list as it is."""
    if not any(name.endswith(",") for name in names):
        return names
    parts = [part.strip() for name in names for part in name.strip(" ,").split(",")]
    if len(parts) % 2 or not all(_CAPITALS.fullmatch(initials) for initials in parts[1::2]):
        return names
    return [last_first(f"{last} {initials}", vancouver=True) for last, initials in zip(parts[::2], parts[1::2])]


_CAPITALS = re.compile(r"[A-Z]{1,4}")
# A Vancouver name, initials after the surname without a comma: MEDLINE's "Altman DG", Scopus's "Altman D.G.",
# EPPI-Reviewer's "Altman D G", "Pérez-de la Fuente R", "Lacroix J.-P."; not "Wei Li" nor "Yasmine ABDOULAYE".
_VANCOUVER = re.compile(r"^(?P<last>[^\s,.][^,]*?)\s(?P<initials>[A-Z]\.?(?:[\s-]?[A-Z]\.?){0,3})$")
# Initials no surname could be: dotted ("D.A.", "F."), or single letters ("D A", "J"); "DK" could be "Wei LI"'s "LI".
_UNMISTAKABLE = re.compile(r"[A-Z]\.(?:-?\s?[A-Z]\.){0,3}|[A-Z](?:\s[A-Z]){0,3}")


def last_first(name: str, *, vancouver: bool = False) -> str:
    """A Vancouver name as BibTeX reads one, `Last, F. M.` ("Altman D.G." -> "Altman, D. G."): BibTeX takes "Altman
    D.G." for a first name "Altman" and a surname "D.G."; any other name as it is. Initials run together ("Altman DG")
    only where the source writes `vancouver` names (MEDLINE, PubMed's CSV): elsewhere "Wei LI" may be a first name and
    a surname in capitals."""
    found = _vancouver(name)
    if not found or not vancouver and not _UNMISTAKABLE.fullmatch(found["initials"]):
        return name
    initials = " ".join(re.sub(r"([A-Z])\.?", r"\1. ", found["initials"]).split()).replace(" -", "-")
    return f"{found['last']}, {initials}"


def _vancouver(name: str) -> re.Match[str] | None:
    """`name` read as surname and initials; None for a surname in capitals ("CAIZHI SHEN" is no "Caizhi, S. H. E. N.")."""
    found = _VANCOUVER.match(name.strip())
    return found if found and not found["last"].isupper() else None


def vancouver_list(value: str) -> list[str] | None:
    """The names of a comma-separated list of Vancouver names, as PubMed's CSV and older Scopus exports write
    authors ("Griffin DK, Larkin DM, O'Connor RE.", "Lytle D.A., Poff N.L."), each `last_first`; None when some
    piece is no such name (a "Last, First" name holds a comma too)."""
    pieces = [piece.strip() for piece in value.split(",")]
    if len(pieces) < 2 or not all(map(_vancouver, pieces)):
        return None
    return [last_first(piece, vancouver=True) for piece in pieces]


def element_text(element: ElementTree.Element | None) -> str:
    """All the text of an XML `element` (EndNote's `<style>` runs, PubMed's italics and superscripts joined),
    whitespace collapsed; "" when there is none."""
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def split_keywords(value: str) -> list[str]:
    """Keywords of a comma- or semicolon-separated list."""
    return [word for word in _KEYWORD_SEPARATOR.split(value.strip()) if word]


def bounded_int(digits: str) -> int | str:
    """A JSON integer as `int`, or as its digits when it is too long for one (Python refuses 4,300+ digits,
    and no field litreview reads holds such a number): the record is then read without it."""
    return int(digits) if len(digits) <= 20 else digits


def invalid_json(error: json.JSONDecodeError) -> str:
    """`invalid JSON (what json found at column N)`, for an error message."""
    return f"invalid JSON ({error.msg.removesuffix(' at')} at column {error.colno})"
