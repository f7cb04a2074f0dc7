"""Where a paragraph cites its papers: a closing where it names them, one sentence that two papers say alike."""

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


def said_once(sentences: list[Sentence]) -> list[Sentence]:
    """`sentences` with one said again word for word for another paper said once, citing both: two records of one
    group with the same abstract (a conference paper and its extended version, as an ACM export had them) would
    otherwise read "Qiu et al. aim to X." twice."""
    kept: list[Sentence] = []
    at: dict[str, int] = {}  # where each text with keys was first said
    for sentence in sentences:
        first = at.get(sentence.text) if sentence.keys else None
        if first is None:
            if sentence.keys:
                at[sentence.text] = len(kept)
            kept.append(sentence)
            continue
        earlier = kept[first]
        keys = earlier.keys + [key for key in sentence.keys if key not in earlier.keys]
        inline = [citation.model_copy(update={"keys": keys}) if citation.keys == earlier.keys else citation
                  for citation in earlier.inline]
        kept[first] = earlier.model_copy(update={"keys": keys, "inline": inline})
    return kept
