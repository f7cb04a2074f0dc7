"""Papers as a BibTeX file: the user's own entries verbatim, complete generated ones for the rest.

Verbatim but for two things: the journal macros of ADS exports (`journal = {\\apjl}`), which only AASTeX and the MNRAS
class define (elsewhere BibTeX's output stops at "Undefined control sequence", and pandoc drops the journal), are
written out as the abbreviations AASTeX prints for them (`journal = {ApJL}`); and the Cochrane Library's author lists
("Smith, SR, Newton, K, and Hill, J"), which BibTeX reads as one name with too many commas, are written with an "and"
between each two names ("Smith, S. R. and Newton, K. and Hill, J.").

Generated entries work with both BibTeX and biblatex/biber: text values are escaped with
`text_to_latex` (titles double-braced so no style changes their case), while `url`, `doi` and
`eprint` are written as they are: biblatex reads those fields verbatim and the url/hyperref
packages typeset BibTeX's `\\url{...}` verbatim, so a `%` in a URL is kept as `%` (an escaped
`\\%` would end up in the link: `%5C%20` with biber, `\\%20` with the url package). Only braces,
which would unbalance the entry, are percent-encoded. (BibTeX styles fall back to `\\texttt` when
neither url nor hyperref is loaded, and there a `%` comments out the rest: load one of them.)
An entry without a venue is a `@misc`. A brace in a generated value is written `{\\textbraceleft}`: BibTeX
counts every brace, escaped or not, so a lone `\\{` would end the entry early and lose it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from litreview.corpus.keys import is_citable_key
from litreview.corpus.latex import ADS_JOURNALS, text_to_latex
from litreview.corpus.paper import Paper
from litreview.corpus.readers.fields import split_authors
from litreview.errors import LitreviewError

_CROSSREF = re.compile(r"""\bcrossref\s*=\s*[{"]?\s*([^\s,{}"]+)""", re.IGNORECASE)
# The entry types litreview generates, each with the field its venue goes in.
_VENUE_FIELD = {
    "article": "journal", "inproceedings": "booktitle", "incollection": "booktitle", "book": "publisher",
    "phdthesis": "school", "techreport": "institution", "misc": "howpublished",
}


def to_bibtex(papers: Iterable[Paper], *, utf8: bool = False) -> str:
    """A .bib file of `papers`, one entry each, separated by blank lines.

    Entries that others cross-reference come after every entry, as BibTeX requires. `utf8` (for biber)
    writes accented Latin letters of generated entries as UTF-8 instead of LaTeX accents.
    """
    papers = list(papers)
    parents = {key.lower() for paper in papers if paper.bibtex for key in _CROSSREF.findall(paper.bibtex)}
    ordered = [p for p in papers if not _is_parent(p, parents)] + [p for p in papers if _is_parent(p, parents)]
    return "\n\n".join(entry_text(paper, utf8=utf8) for paper in ordered) + ("\n" if ordered else "")


def entry_text(paper: Paper, *, utf8: bool = False) -> str:
    """One paper's entry: its original BibTeX when it came from a .bib file, else a generated one."""
    if paper.bibtex:
        text = _ADS_JOURNAL.sub(_written_out, paper.bibtex.strip())
        return _LISTED_AUTHORS.sub(_names_apart, text) if ", and " in text else text
    return _generated_entry(paper, utf8)


# An author field that lists its names with commas, "and" only before the last, after a comma (the Cochrane Library's)
_LISTED_AUTHORS = re.compile(r"^(?P<field>\s*author\s*=\s*\{)(?P<names>[^{}\n]*,\s+and\s[^{}\n]*)(?=\})",
                             re.IGNORECASE | re.MULTILINE)


def _names_apart(author: re.Match[str]) -> str:
    return f"{author['field']}{' and '.join(split_authors(author['names']))}"


_ADS_JOURNAL = re.compile(r"^(?P<field>\s*journal\s*=\s*)(?P<open>[{\"])\s*\\(?P<macro>" + "|".join(ADS_JOURNALS)
                          + r")\s*(?P<close>[}\"])", re.IGNORECASE | re.MULTILINE)


def _written_out(journal: re.Match[str]) -> str:
    name = text_to_latex(ADS_JOURNALS[journal["macro"].lower()])  # "A&A" -> "A\&A"
    return f"{journal['field']}{journal['open']}{name}{journal['close']}"


def _is_parent(paper: Paper, parents: set[str]) -> bool:
    """True when another exported entry names this one in its `crossref`."""
    return paper.key is not None and paper.key.lower() in parents


def _generated_entry(paper: Paper, utf8: bool = False) -> str:
    """A complete BibTeX entry built from the paper's fields."""
    key = _checked_key(paper)
    escape = functools.partial(_escaped, keep_latin=utf8)
    entry_type = paper.entry_type if paper.entry_type in _VENUE_FIELD and paper.venue else "misc"
    fields = [
        ("title", f"{{{escape(paper.title)}}}" if paper.title else None),
        ("author", " and ".join(_author(name, escape) for name in paper.authors) or None),
        ("year", str(paper.year) if paper.year else None),
        (_VENUE_FIELD[entry_type], escape(paper.venue) if paper.venue else None),
        ("doi", _verbatim(paper.doi)),
        ("eprint", _verbatim(paper.arxiv)),
        ("archiveprefix", "arXiv" if paper.arxiv else None),
        ("url", _verbatim(paper.url)),
        ("keywords", escape(", ".join(paper.keywords)) if paper.keywords else None),
        ("abstract", escape(paper.abstract) if paper.abstract else None),
    ]
    lines = [f"  {name} = {{{value}}}," for name, value in fields if value]
    return "\n".join([f"@{entry_type}{{{key},", *lines, "}"])


def _checked_key(paper: Paper) -> str:
    """The paper's key, or an error when BibTeX could not use it."""
    where = str(paper.origin) if paper.origins else None
    if not paper.key:
        raise LitreviewError("paper has no citation key", where=where,
                             hint="export papers of a loaded corpus, which gives every paper a key")
    if not is_citable_key(paper.key):
        raise LitreviewError(f"citation key {paper.key!r} cannot be used in BibTeX", where=where,
                             hint="give the paper a key without spaces, commas, braces, quotes or %#'=\\~")
    return paper.key


def _author(name: str, escape: Callable[[str], str]) -> str:
    """One name for an `author` list; a name containing ` and ` is braced so it is not split."""
    latex = escape(name)
    return f"{{{latex}}}" if re.search(r"\sand\s", name, re.IGNORECASE) else latex


def _escaped(text: str, *, keep_latin: bool = False) -> str:
    """`text_to_latex` with braces as `{\\textbraceleft}` / `{\\textbraceright}`, which keep the entry balanced."""
    latex = text_to_latex(text, keep_latin=keep_latin)
    if "\\{" in latex or "\\}" in latex:
        latex = latex.replace("\\{", "{\\textbraceleft}").replace("\\}", "{\\textbraceright}")
    return latex


def _verbatim(value: str | None) -> str | None:
    """A URL-like value as written, braces percent-encoded so the entry stays balanced."""
    if not value:
        return None
    return value.replace("{", "%7B").replace("}", "%7D")
