"""Mojibake in what a corpus says: UTF-8 read as Latin-1 or Windows-1252 somewhere upstream ("IFN-Î³" for
"IFN-γ", "MÃ¼ller" for "Müller", "donâ€™t"), as CORD-19 and exports passed through a spreadsheet keep it. Repaired
once, for every reader, before duplicates are merged and keys made; ftfy repairs it where it is sure. So are two other
characters lost upstream, a thin space before a unit and a dash PubMed wrote "(-)"; and a soft hyphen, invisible where
no line breaks, is a hyphen: CORD-19 writes "COVID\u00ad19" and "meta\u00adanalysis", a PDF "large-\u00adscale". A
typographic ligature copied out of a PDF is its letters ("ofﬂine", "efﬁciency": no search finds "offline" in them)."""

from __future__ import annotations

import re

from litreview.corpus.paper import Paper

# A Latin-1 letter that leads a UTF-8 sequence, then a character its continuation byte became: only such text goes
# to ftfy (most text has none, and ftfy is imported only for it).
_GARBLED = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                      "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


# The thin space between a number and its unit, lost upstream to a replacement character: "187-\ufffddays",
# "15\ufffdmmol/L" (on 168 lines of a Zotero export on fisheries). Before a capital it may have been a degree
# ("24.0-\ufffdC"): left as it is.
_LOST_SPACE = re.compile("(?<=\\d)-?\ufffd(?=[a-z\u00b5\u03bc])")

# A dash PubMed could not set, written "(-)" in MEDLINE's text and so in exports from PubMed: "virus(-)host protein(-)
# protein interactions". Between letters only: "(-)-epicatechin" is a levorotatory molecule.
_LOST_DASH = re.compile(r"(?<=[A-Za-z])\(-\)(?=[A-Za-z])")


# An apostrophe some publishers' platforms set as a "9" (AGU and GSA abstracts through HighWire, as a Zotero export of
# the EarthCube program keeps them: "a software extension of CUAHSI9s newest product, HydroShare9s social hydrology").
_APOSTROPHE_NINE = re.compile(r"(?<=[A-Za-z]{3})9(?=s\b)")


# The ligatures of Unicode's Alphabetic Presentation Forms, as text copied from a PDF keeps them (a Zotero library on
# exoskeleton control: "online and ofﬂine PICE implementations that provide additional ﬂexibility").
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})


def repaired(text: str) -> str:
    """`text` with its mojibake repaired ("IFN-Î³" -> "IFN-γ", "MÃ¼ller" -> "Müller"); as it is when it has none.
    Word by word: a long abstract is slow to repair whole, and a sequence that lost a byte upstream ("30â\x80 min")
    is better left than read as another character ("30†min"). A space lost before a unit is a space again, a dash
    PubMed wrote "(-)" a dash, an apostrophe set as "9" ("CUAHSI9s") an apostrophe, a soft hyphen a hyphen (one only
    after a hyphen), and a ligature its letters ("ﬂ" -> "fl")."""
    if "\ufffd" in text:
        text = _LOST_SPACE.sub(" ", text)
    if "(-)" in text:
        text = _LOST_DASH.sub("-", text)
    if "9s" in text:
        text = _APOSTROPHE_NINE.sub("’", text)
    text = text.translate(_LIGATURES)
    if "\u00ad" in text:
        text = text.replace("-\u00ad", "-").replace("\u00ad", "-")
    if not _GARBLED.search(text):
        return text
    import ftfy  # only for text that looks garbled

    return re.sub(r"\S+", lambda word: ftfy.fix_encoding(word[0]) if _GARBLED.search(word[0]) else word[0], text)


def without_mojibake(paper: Paper) -> Paper:
    """`paper` with its title, abstract, authors and venue repaired; the same object when none needs it."""
    fixed: dict[str, object] = {}
    for name in ("title", "abstract", "venue"):
        value = getattr(paper, name)
        if value and (said := repaired(value)) != value:
            fixed[name] = said
    authors = tuple(repaired(author) for author in paper.authors)
    if authors != paper.authors:
        fixed["authors"] = authors
    return paper.model_copy(update=fixed) if fixed else paper
