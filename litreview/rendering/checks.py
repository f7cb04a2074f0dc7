"""What a rendered LaTeX draft needs said before it is compiled: the style its entries call for, characters
pdflatex cannot typeset, and user entries that run TeX code when the bibliography is read."""

from __future__ import annotations

import re
from collections.abc import Sequence

from litreview.corpus.latex import untypesettable
from litreview.corpus.paper import Paper
from litreview.document import Draft

# Entry types and fields that only biblatex knows: BibTeX styles would drop or misprint them.
_BIBLATEX_ONLY = re.compile(
    r"^\s*@(?:online|report|thesis|dataset|software|mvbook|mvcollection|mvproceedings|bookinbook|suppbook"
    r"|reference|inreference|patent|set|xdata)\s*[{(]"
    r"|^\s*(?:date|journaltitle|location|eprinttype|urldate|origdate|eventdate)\s*=", re.IGNORECASE | re.MULTILINE)
# Commands that read or write files or change how TeX reads: copied as the user wrote them, but said.
_DANGEROUS = re.compile(r"\\(?:input|include|write18|openout|openin|catcode)(?![A-Za-z])")
_SHOWN = 8  # characters listed in the warning


def biblatex_entries(papers: Sequence[Paper]) -> list[str]:
    """Keys of the entries written for biblatex (`date`, `journaltitle`, `@online`...)."""
    return [paper.key or "" for paper in papers if paper.bibtex and _BIBLATEX_ONLY.search(paper.bibtex)]


def latex_warnings(draft: Draft, cited: Sequence[str]) -> list[str]:
    """Warnings for a LaTeX rendering of `draft` citing `cited`."""
    papers = [draft.papers[key] for key in cited]
    warnings = [_dangerous(paper) for paper in papers if paper.bibtex and _DANGEROUS.search(paper.bibtex)]
    texts = [draft.theme, *(section.title for section in draft.sections),
             *(sentence.text for section in draft.sections for sentence in section.sentences),
             *(text for paper in papers if not paper.bibtex
               for text in (paper.title, paper.venue, paper.abstract, *paper.authors) if text)]
    characters = list(dict.fromkeys(char for text in texts for char in untypesettable(text)))
    if characters:
        warnings.append(f"characters pdflatex cannot typeset were transliterated to ASCII or dropped: "
                        f"{_listed(characters)}; edit the text, or compile your own copy with xelatex or lualatex")
    return warnings


def _dangerous(paper: Paper) -> str:
    command = _DANGEROUS.search(paper.bibtex or "").group()
    return (f"the entry {paper.key!r} ({paper.origin}) holds {command}, which runs when the bibliography is "
            "typeset: it is copied into the .bib as you wrote it; check it before compiling")


def _listed(characters: list[str]) -> str:
    shown = [f"{char!r} (U+{ord(char):04X})" if char.isprintable() else f"U+{ord(char):04X}"
             for char in characters[:_SHOWN]]
    more = f" and {len(characters) - _SHOWN} more" if len(characters) > _SHOWN else ""
    return ", ".join(shown) + more
