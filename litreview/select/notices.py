"""Records that are notices about a paper, not papers: errata, corrections, addenda, retraction notices and
expressions of concern, as publishers title them ("Erratum: Author Correction: A remarkable assemblage of ...",
"Correction to: ...", "Retraction Note: ...", "RETRACTED: ..."). Exports from Embase, Scopus and PubMed keep them
beside the paper they concern; a related-work section cites the paper, never the notice.
"""

from __future__ import annotations

import re

_NOTICE = re.compile(r"^\W*(?:(?:author|publisher)(?:'s)?\s+)?(?:erratum|errata|corrigendum|corrigenda|correction|"
                     r"addendum|retraction(?:\s+note)?|retracted(?:\s+article)?|notice\s+of\s+retraction|"
                     r"expression\s+of\s+concern)\b\s*(?::|to\b|-|–|—|\[|\()", re.IGNORECASE)


def is_notice(title: str | None) -> bool:
    """Whether `title` is that of a notice about another paper (see the module docstring)."""
    return bool(title and _NOTICE.match(title))
