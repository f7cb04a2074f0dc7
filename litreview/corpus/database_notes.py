"""What a bibliographic database appends to an abstract, which is no part of it: EBSCO's (CINAHL, PsycINFO,
Academic Search) "[ABSTRACT FROM AUTHOR]" and its copyright notice, which may stand in for an abstract it could not
give ("Copyright of PLoS ONE is the property of ... (Copyright applies to all Abstracts.)"); PsycINFO's rights
("(PsycInfo Database Record (c) 2020 APA, all rights reserved)"); the Cochrane Library's "Abstract - " before a
review's abstract and the plain language summary after it, which says it again for lay readers; the "; ;" The Lens
leaves where it ran an abstract's paragraphs together, and the "null" it writes for a missing first name ("null Neetha
Das": the same author then had two first initials, and two records of one paper were kept apart); and the titles in
other languages Scopus appends to a title ("Academic Performance in Spanish undergraduates; [Rendimiento académico en
universitarios españoles]"), whose words then named groups ("Alumnado universitario"). Removed once, for every reader (a Zotero or EndNote library imported
from EBSCO or Scopus keeps them too), before duplicates are merged.
"""

from __future__ import annotations

import re

from litreview.corpus.paper import Paper

_SOURCE_NOTE = re.compile(r"\s*\[abstract from [^\[\]]{1,40}\]", re.IGNORECASE)
_COPYRIGHT_NOTE = re.compile(r"\s*Copyright of \S.{0,300}? is the property of .*?(?:\(Copyright applies to all "
                             r"(?:Abstracts|Articles)\.\)|$)", re.DOTALL)

_PSYCINFO_RIGHTS = re.compile(r"\s*\((?i:psycinfo) Database Record \(c\) \d{4} APA[^)]*\)(?:\s*\([^()]*\))?\.?\s*$")
_COCHRANE_HEAD = re.compile(r"^Abstract\s+-\s+")
_LAY_SUMMARY = re.compile(r"\s+Plain language summary\s.*$", re.DOTALL)
_PARAGRAPHS_RUN_TOGETHER = re.compile(r"\s*;(?:\s*;)+\s*")  # "literature. ; ; An objective", "topic.; ; This"
_NULL_NAME = re.compile(r"^null\s+(?=\S)|(?<=\S)\s+null$")
_TRANSLATED_TITLES = re.compile(r"(?:\s*;\s*\[[^\[\]]{3,}\])+\s*$")  # "Title; [Título]; [Titre]"


def without_database_notes(paper: Paper) -> Paper:
    """`paper` without the notes a database appended to its abstract (none left: no abstract), the translations to
    its title and the "null" in its authors' names; the same object when it has none."""
    if any("null" in author for author in paper.authors):
        paper = paper.model_copy(update={"authors": tuple(_NULL_NAME.sub("", author) for author in paper.authors)})
    title = paper.title
    if title and "; [" in title and (alone := _TRANSLATED_TITLES.sub("", title)) and alone != title:
        paper = paper.model_copy(update={"title": alone})
    abstract = paper.abstract
    if not abstract or not any(mark in abstract for mark in ("bstract from", "BSTRACT FROM", "Copyright of ", ";",
                                                             "Database Record", "Abstract - ", "Plain language summary")):
        return paper
    said = _COPYRIGHT_NOTE.sub("", _SOURCE_NOTE.sub("", abstract))
    said = _LAY_SUMMARY.sub("", _COCHRANE_HEAD.sub("", _PSYCINFO_RIGHTS.sub("", said)))
    # a paragraph that did not end with a full stop ends with one
    said = _PARAGRAPHS_RUN_TOGETHER.sub(lambda run: " " if said[run.start() - 1:run.start()] in ".!?" else ". ", said)
    said = said.strip()
    return paper.model_copy(update={"abstract": said or None}) if said != abstract else paper
