"""Records that are not papers: notices about a paper (errata, corrections, addenda, retraction notices and
expressions of concern, as publishers title them: "Erratum: Author Correction: A remarkable assemblage of ...",
"Correction to: ...", "Retraction Note: ...", "RETRACTED: ..."), which Embase, Scopus and PubMed keep beside the paper
they concern, and a proceedings volume's front matter, which IEEE Xplore and Scopus list beside its papers ("[Title
page i]", "Table of contents", "[Copyright notice]", or a volume whose abstract lists its topics: "The following topics
are dealt with: ...", "The proceedings contain 22 papers. ..."), or the volume itself (BibTeX's @proceedings, the
parent a paper's `crossref` names). A related-work section cites papers, never these.
"""

from __future__ import annotations

import re

_NOTICE = re.compile(r"^\W*(?:(?:author|publisher)(?:'s)?\s+)?(?:erratum|errata|corrigendum|corrigenda|correction|"
                     r"addendum|retraction(?:\s+note)?|retracted(?:\s+article)?|notice\s+of\s+retraction|"
                     r"expression\s+of\s+concern)\b\s*(?::|to\b|-|–|—|\[|\()", re.IGNORECASE)
_FRONT_MATTER_TITLE = re.compile(r"^\W*(?:title\s+page|table\s+of\s+contents|contents|copyright(?:\s+(?:notice|page))?|"
                                 r"front\s+(?:matter|cover)|back\s+(?:matter|cover)|author\s+index|index\s+of\s+authors|"
                                 r"blank\s+page)(?:\s+(?:[ivxlc]+|\d+))?\W*$", re.IGNORECASE)  # "[Title page i]"
_FRONT_MATTER_ABSTRACT = re.compile(r"^\W*(?:the\s+proceedings\s+contains?\s+\d+\s+papers|"
                                    r"the\s+following\s+topics\s+are\s+dealt\s+with)\b", re.IGNORECASE)


def is_notice(title: str | None) -> bool:
    """Whether `title` is that of a notice about another paper (see the module docstring)."""
    return bool(title and _NOTICE.match(title))


# Entry types of a whole volume, which holds papers and is none (BibTeX's and biblatex's)
_VOLUMES = frozenset({"proceedings", "mvproceedings", "periodical"})


def is_front_matter(title: str | None, abstract: str | None, entry_type: str = "") -> bool:
    """Whether a record is a proceedings volume or its front matter (see the module docstring), by its entry type,
    title or abstract."""
    return entry_type.lower() in _VOLUMES or bool(title and _FRONT_MATTER_TITLE.match(title)
                                                  or abstract and _FRONT_MATTER_ABSTRACT.match(abstract))
