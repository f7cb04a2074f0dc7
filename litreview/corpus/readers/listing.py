"""Plain-text paper listings, as copied from paper-listing web pages.

Three layouts are read, in any mix: one abstract per line without titles; a title line directly
followed by its abstract line; and title / abstract blocks separated by blank lines. Web-page
boilerplate (subscribe prompts, "new", dates) is recognised and skipped, also when glued to the
front of a title. A line is an abstract when it reads like prose (long, several sentences); a short
line is a title when an abstract follows it, otherwise it is boilerplate or a title without abstract.
"""

from __future__ import annotations

import re

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords, Skipped, pubmed_text, refworks
from litreview.corpus.readers.fields import prose_text

# Whole lines that listing pages put around papers.
_BOILERPLATE_LINE = re.compile(
    r"^(?:new|subscribe|get trending papers in your email inbox.*|by\s*ak and the research community"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:, \d{4})?"
    r"|\d{4}-\d{2}-\d{2}|upvote|\d+ upvotes?|submitted by .*)$",
    re.IGNORECASE,
)
# Boilerplate glued to the front of the next line's text, e.g. "SubscribeMixout: ...".
_GLUED_PREFIX = re.compile(r"^(?:Subscribe|Get trending papers in your email inbox!?)(?=[A-Z0-9])")

_MIN_ABSTRACT_CHARS = 200
_MIN_SENTENCE_WORDS = 10  # a one-sentence abstract; a title this long rarely ends with a full stop
# Titles may hold "?" or "!", but hardly ever a full stop followed by more text.
_SENTENCE_END = re.compile(r"\.[\"')\]]?(?:\s|$)")


def read(text: str, path: str) -> FileRecords:
    """Every paper of a listing, each pointing at the line of its title (or abstract when untitled); PubMed's
    Abstract (text) format and RefWorks' tagged format, text files too, read as such (`pubmed_text`, `refworks`)."""
    if pubmed_text.looks_like_pubmed_text(text):
        return pubmed_text.read(text, path)
    if refworks.looks_like_refworks(text):
        return refworks.read(text, path)
    lines = [(number, _strip_glued(line.strip())) for number, line in enumerate(text.split("\n"), 1)]
    lines = [(number, line) for number, line in lines if line]
    papers: list[Paper] = []
    skipped: list[Skipped] = []
    index = 0
    while index < len(lines):
        number, line = lines[index]
        following = lines[index + 1][1] if index + 1 < len(lines) else None
        if is_abstract(line):
            papers.append(Paper(abstract=prose_text(line), entry_type="misc", origins=(Origin(path=path, line=number),)))
            index += 1
        elif following is not None and is_abstract(following):
            papers.append(Paper(title=prose_text(line), abstract=prose_text(following), entry_type="misc",
                                origins=(Origin(path=path, line=number),)))
            index += 2
        elif _BOILERPLATE_LINE.match(line):
            skipped.append(Skipped(origin=Origin(path=path, line=number), reason=f"page boilerplate {line!r}"))
            index += 1
        else:
            papers.append(Paper(title=prose_text(line), entry_type="misc", origins=(Origin(path=path, line=number),)))
            index += 1
    return FileRecords(path=path, format="listing", papers=papers, skipped=skipped)


def is_abstract(line: str) -> bool:
    """Prose rather than a title: long, or several sentences, or one full sentence (titles end without a stop)."""
    if len(line) >= _MIN_ABSTRACT_CHARS:
        return True
    sentences = len(_SENTENCE_END.findall(line))
    return (sentences >= 2 and len(line) >= 80) or (line.endswith(".") and len(line.split()) >= _MIN_SENTENCE_WORDS)


def _strip_glued(line: str) -> str:
    return _GLUED_PREFIX.sub("", line)
