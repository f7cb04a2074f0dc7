"""Where a closing sentence cites the papers it positions the researcher's work against."""

from __future__ import annotations

import re

from litreview.write.schema import InlineCitation, Sentence

# How a closing names the paragraph's papers: "these works", "prior approaches", "unlike them", "In this context".
_NAMES_THE_PAPERS = re.compile(r"\b(?:these|those|such|prior|previous|existing|earlier|the above)\s(?:\w+\s)?(?:works?|methods|"
                               r"approaches|studies|papers|models|systems|efforts|techniques)\b|\b(?:unlike|like|than|"
                               r"beyond|to|with|from|of) them\b|^(?:Against this background|In this context)\b", re.IGNORECASE)


def cited_where_named(closing: Sentence) -> Sentence:
    """A closing (ours or an LLM's) with its papers cited where it names them ("with these works [@a]; we ...",
    "Unlike them [@a], our method ..."), when it does and cites nothing inline yet: at the end the citations would
    credit them with the researcher's work."""
    named = _NAMES_THE_PAPERS.search(closing.text)
    if closing.inline or not named:
        return closing
    return closing.model_copy(update={"inline": [InlineCitation(after=named.group(0), keys=list(closing.keys))]})
