"""A paper as litreview knows it, and where it came from."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from litreview.corpus.fetched import Excerpt, FieldSource
from litreview.text import surname


class Origin(BaseModel):
    """A record's place in an input file: every message about the record points here."""

    model_config = ConfigDict(frozen=True)

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class Paper(BaseModel):
    """One paper. `key` is the citation key the user's LaTeX will use.

    Readers leave `key` empty when the input has none; the corpus then generates one.
    `bibtex` holds the original entry verbatim when the paper came from a .bib file,
    so an exported bibliography is the user's own.
    """

    model_config = ConfigDict(frozen=True)

    key: str | None = None
    title: str | None = None
    abstract: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None
    venue: str | None = None
    doi: str | None = None
    arxiv: str | None = None
    isbn: str | None = None  # books: Zotero's duplicate rule compares it
    url: str | None = None
    keywords: tuple[str, ...] = ()
    entry_type: str = "article"
    bibtex: str | None = None
    origins: tuple[Origin, ...] = ()
    # Text gained beyond the record (corpus/enrich.py, corpus/fulltext.py): fetched fields, PDF excerpts.
    provenance: tuple[FieldSource, ...] = ()
    excerpts: tuple[Excerpt, ...] = ()

    @property
    def origin(self) -> Origin:
        """The first place the paper was read from."""
        return self.origins[0]


def author_phrase(paper: Paper) -> str | None:
    """How prose names a paper's authors: `Smith`, `Smith and Lee`, `Smith et al.` (None without authors).

    A sentence about one paper that starts with this phrase followed by a space is rendered with a textual
    citation (`\\citet`) in its place, so writers should start such sentences with exactly this phrase.
    """
    names = [_said(surname(author), author) for author in paper.authors if author.strip()]
    if not names or not names[0]:
        return None
    if len(names) == 1:
        return names[0]
    if len(names) == 2 and names[1].lower() != "others":
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


def _said(name: str, author: str) -> str:
    """A surname as prose says it: one in capitals beside a given name that is not ("Yasmine ABDOULAYE", as The Lens
    and CINAHL write some) as a name, "Abdoulaye"; a collective author ("WHO") as it is."""
    return name.title() if name.isupper() and len(name) > 1 and any(c.islower() for c in author) else name
