"""The kind of study a paper says it is: the kind of its analysis ("a bibliometric analysis", "phylogenetic and
mutational analysis") or of its review ("This scoping review aims"), which papers of one group may share: "All eight
works are bibliometric analyses", "Two of them are scoping reviews"."""

from __future__ import annotations

import re

from litreview.group.terms import GENERIC
from litreview.text import REVIEW_DESIGN

# A kind, not which analysis ("further", "this", "such", "each") nor how well it was done (`_HOW_WELL`).
_KIND_WORD = r"[A-Za-z][a-z-]{3,}(?<!ther)(?<!this)(?<!such)(?<!each)"
_ANALYSIS_OF_KIND = re.compile(rf"\b(?:{_KIND_WORD},?\s+(?:and\s+)?)*{_KIND_WORD}\s+analys[ie]s\b")
_HOW_WELL = frozenset("detailed thorough careful rigorous brief deeper in-depth preliminary simple first initial "
                      "full complete overall final".split())


def analysis_kinds(text: str) -> set[str]:
    """The kinds `text` says its analyses are, in lower case: "a bibliometric analysis" is bibliometric, "phylogenetic,
    structural and evolutionary analysis" all three; "a comprehensive analysis" none (generic words are no kind)."""
    kinds = {word.lower() for found in _ANALYSIS_OF_KIND.finditer(text)
             for word in re.findall(_KIND_WORD, found.group(0).rsplit(" ", 1)[0])}
    return kinds - GENERIC - _HOW_WELL


# Where a paper says what it is: anywhere in its title (its first line), else after "this", "our" or a verb of doing
# ("we conducted a systematic review"), a word between ("this rapid scoping review", "a systematic literature review").
_SAID_TO_BE = re.compile(rf"\A[^\n]*?\b({REVIEW_DESIGN})\b|\b(?:this|our|the present|the current)\s+(?:[\w-]+\s+)??"
                         rf"({REVIEW_DESIGN})\b|\b(?:conduct|perform|undert|carri|report|present)\w*\s+(?:out\s+)?an?\s+"
                         rf"(?:[\w-]+\s+)??({REVIEW_DESIGN})\b", re.IGNORECASE)


def designs(text: str) -> set[str]:
    """The kinds of review a paper's `text` (title first) says it is, in lower case and the singular, each with its
    head alone: "..., a scoping review" (in its title), "This scoping review aims ..." are {"scoping review",
    "review"}; "we conducted a meta-analysis" is {"meta-analysis"}; "Earlier scoping reviews left trials out" none."""
    said = set()
    for found in _SAID_TO_BE.finditer(text):
        design = as_design(next(group for group in found.groups() if group))
        said |= {design, design.rsplit(" ", 1)[-1]}
    return said


def as_design(term: str) -> str:
    """A review design as `designs` gives it: lower case, one space, singular ("Scoping reviews" -> "scoping review")."""
    return re.sub(r"reviews$", "review", re.sub(r"analyses$", "analysis", " ".join(term.lower().split())))


def in_plural_design(design: str) -> str:
    """A design of `designs` in the plural: "scoping reviews", "meta-analyses"."""
    return f"{design[:-2]}es" if design.endswith("analysis") else f"{design}s"
