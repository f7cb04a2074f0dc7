"""When a title search found the paper itself: near-identical titles, close years, the same first author.

A search always returns something; attaching another paper's abstract would be worse than none, so a
candidate is accepted only if its normalised title is at least 95% similar, the years (when both are known)
are at most one apart (preprint vs. publication) and, when both have authors, the first surnames agree.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from litreview.corpus.paper import Paper
from litreview.corpus.sources import Found
from litreview.text import ascii_fold, surname, words

SIMILARITY = 95.0


def matching(paper: Paper, candidates: Iterable[Found]) -> Found | None:
    """The first candidate that is `paper` by the rules above, or None."""
    return next((found for found in candidates if is_same_paper(paper, found)), None)


def is_same_paper(paper: Paper, found: Found) -> bool:
    """Titles at least 95% similar, years within 1, first-author surnames equal (each when both known)."""
    if not paper.title or not found.title:
        return False
    if fuzz.ratio(normal_title(paper.title), normal_title(found.title)) < SIMILARITY:
        return False
    if paper.year is not None and found.year is not None and abs(paper.year - found.year) > 1:
        return False
    if paper.authors and found.authors:
        return _first_surname(paper.authors) == _first_surname(found.authors)
    return True


def normal_title(title: str) -> str:
    """Lower-case ASCII words joined by single spaces: punctuation, accents and case do not count."""
    return " ".join(words(title))


def _first_surname(authors: tuple[str, ...]) -> str:
    return " ".join(words(ascii_fold(surname(authors[0]))))
