"""The kind of analysis a paper says it is ("a bibliometric analysis", "phylogenetic and mutational analysis"), which
papers of one group may share: "All eight works are bibliometric analyses"."""

from __future__ import annotations

import re

from litreview.group.terms import GENERIC

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
