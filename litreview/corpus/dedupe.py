"""Find records that describe the same work: by the rules Zotero and JabRef use, and by one abstract.

Two records are one work when they share a DOI, an arXiv id or (books) an ISBN (one of the several a Zotero record may
hold, an ISBN-10 as its ISBN-13), with no conflicting identifier; otherwise when they are one web page (one address,
one title, however short) or their titles match (exactly after normalisation, or fuzzily between neighbours in sorted
order, never all pairs, so 100,000 records stay fast) or their abstracts open with the same 300 characters, AND in
all these cases their years are at most one apart AND, when both name authors, they share a surname with the same first
initial AND their types are compatible (a chapter or conference paper is never its book or proceedings; an article is
never a book). The same title and the
same abstract are one work whatever DOIs and years the records give (a reprint, or a database's wrong DOI). Titles that
differ in a number, a part/volume/edition marker, a negated word ("nonhuman") or in being an erratum, reply or comment
never match.
These conditions hold for every pair of a merged group, not only for the pair that linked it, so a record
without a year cannot chain a 2015 paper to a 2017 one. A record whose citation key an earlier record
already holds is either that record again (merged) or dropped, as BibTeX keeps the first of a duplicate key.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process

from litreview.corpus.paper import Paper
from litreview.corpus.readers.fields import normal_doi
from litreview.text import ascii_fold, compact, significant_words, surname

FUZZY_TITLE_MIN = 95  # rapidfuzz ratio: typos and punctuation merge, "X" vs "Reproducing X" does not
_MIN_TITLE_CHARS = 12  # short titles ("Introduction", "Editorial") are too common to merge on
_ABSTRACT_PREFIX = 300
_WINDOW = 5  # neighbours compared in each sorted order
_SUBTITLE = re.compile(r"\s*(?:[:\[(]|\s[-–—]\s)")  # where a main title ends
_URL = re.compile(r"(?:https?://)?(?:www\.)?(?P<host>[^/\s]+)(?P<path>\S*)$", re.IGNORECASE)
_ARXIV = re.compile(r"(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", re.IGNORECASE)
# A book, a part of one, a journal article: two of these families are never one work (Zotero, JabRef).
_FAMILIES = {
    **dict.fromkeys("book mvbook collection mvcollection proceedings mvproceedings reference mvreference "
                    "booklet manual periodical".split(), "whole"),
    **dict.fromkeys("inbook incollection inproceedings conference inreference bookinbook suppbook "
                    "suppcollection chapter".split(), "part"),
    **dict.fromkeys(["article", "suppperiodical"], "article"),
}
_NEVER_ONE = {frozenset({"whole", "part"}), frozenset({"whole", "article"})}
# What makes two near-identical titles two works: numbers, part/volume/edition markers, notices about a paper.
_NUMBERS = re.compile(r"\d+")
_PART = re.compile(r"\b(?:part|vol|volume|book|chapter|edition|ed|no|number|series|section|issue)\b\.?\s*"
                   r"([ivxlcdm]+|[a-z]|one|two|three|four|five|first|second|third|fourth|fifth)\b", re.IGNORECASE)
_NOTICE = re.compile(r"\b(errat(?:um|a)|corrigend(?:um|a)|correction|retract(?:ion|ed)|reply|replies|comments?"
                     r"|response|rejoinder|addendum)\b", re.IGNORECASE)
# "nonhuman" and "human" evidence, "non-invasive" and "invasive" methods: a few letters that make another work
_NEGATED = re.compile(r"\bnon-?([a-z]{3,})", re.IGNORECASE)


@dataclass
class Duplicates:
    """Groups of record indices that are one work (in first-seen order), why each record after a group's
    first joined it and with which record, and the records dropped for reusing an earlier record's key."""

    groups: list[list[int]]
    reasons: dict[int, tuple[str, int]]
    dropped: dict[int, int] = field(default_factory=dict)  # dropped record -> the record holding its key
    # records of one title, authors and years kept apart only by their identifiers (two DOIs: a preprint and its
    # article, a journal's renamed DOI prefix): said to the user, who knows which to keep
    kept_apart: list[tuple[int, int]] = field(default_factory=list)


def find_duplicates(papers: Sequence[Paper]) -> Duplicates:
    """Which of `papers` are one work, and which reuse a key another work already holds."""
    links = _Links(papers)
    titles = [compact(p.title) if p.title else "" for p in papers]
    dropped = _link_same_keys(links, papers, titles)
    live = [index not in dropped for index in range(len(papers))]
    _link_equal(links, [_doi(p.doi) if ok else "" for p, ok in zip(papers, live)], "same DOI", identity=True)
    _link_equal(links, [_arxiv(p.arxiv) if ok else "" for p, ok in zip(papers, live)], "same arXiv id", identity=True)
    _link_shared(links, [_isbns(p) if ok else frozenset() for p, ok in zip(papers, live)], "same ISBN", identity=True)
    # A web page saved twice: one address and one title, however short ("Resources"), is one page.
    pages = [f"{_url(p.url)} {t}" if ok and t and _url(p.url) else "" for p, t, ok in zip(papers, titles, live)]
    _link_equal(links, pages, "same web address and title", identity=False)
    long_titles = [t if ok and len(t) >= _MIN_TITLE_CHARS else "" for t, ok in zip(titles, live)]
    _link_equal(links, long_titles, "same title", identity=False)
    _link_similar_titles(links, long_titles)
    _link_same_abstracts(links, papers, titles, live)
    groups = [group for group in links.groups() if group[0] not in dropped]
    apart = {tuple(sorted((links.find(a), links.find(b)))) for a, b in links.kept_apart
             if links.find(a) != links.find(b)}
    return Duplicates(groups=groups, reasons=links.reasons, dropped=dropped, kept_apart=sorted(apart))


@dataclass
class _Work:
    """What a group of records claims about its work; two groups join only when their claims agree."""

    years: tuple[int, int] | None
    dois: frozenset[str]
    arxivs: frozenset[str]
    isbns: frozenset[str]
    families: frozenset[str]
    markers: frozenset[tuple]

    def agrees(self, other: _Work, *, identity: bool, reprint: bool = False, identifiers: bool = True) -> bool:
        """Whether the two groups can be one work: no conflicting identifier (unless a `reprint`, or not asked about
        `identifiers`) or type (unless they share a DOI: Scopus calls a chapter a book); when matched by title (not
        `identity`), also years at most one apart (unless a `reprint`) and the same title markers."""
        if identifiers and not reprint and (_different_dois(self.dois | other.dois) or len(self.arxivs | other.arxivs) > 1
                                            or self.isbns and other.isbns and not self.isbns & other.isbns):
            return False
        families = self.families | other.families
        if (families in _NEVER_ONE or len(families) > 2) and not self.dois & other.dois:
            return False
        if identity:
            return True
        if not reprint and self.years and other.years and \
                max(self.years[1], other.years[1]) - min(self.years[0], other.years[0]) > 1:
            return False
        return len(self.markers | other.markers) <= 1

    def joined(self, other: _Work) -> _Work:
        """The claims of both groups together."""
        spans = [span for span in (self.years, other.years) if span]
        years = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
        return _Work(years, self.dois | other.dois, self.arxivs | other.arxivs, self.isbns | other.isbns,
                     self.families | other.families, self.markers | other.markers)


class _Links:
    """Union-find over record indices; the smallest index of a group is its representative.

    The claims of a group (`_Work`) are built only for records that take part in a join attempt, so the
    many records without a duplicate cost nothing.
    """

    def __init__(self, papers: Sequence[Paper]) -> None:
        self.papers = papers
        self.parent = list(range(len(papers)))
        self.reasons: dict[int, tuple[str, int]] = {}
        self.works: dict[int, _Work] = {}
        self.kept_apart: list[tuple[int, int]] = []

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, first: int, second: int, reason: str, *, identity: bool, reprint: bool = False) -> bool:
        """Join the groups of two records when they can be one work; True when they are one afterwards."""
        a, b = self.find(first), self.find(second)
        if a == b:
            return True
        if not identity and not _share_an_author(self.papers[first], self.papers[second]):
            return False
        if identity and _titles_of_two_works(self.papers[first], self.papers[second]):
            return False  # a supplement's DOI on each of its conference abstracts (Embase)
        work_a, work_b = self._work(a), self._work(b)
        if not work_a.agrees(work_b, identity=identity, reprint=reprint):
            if not identity and not reprint and work_a.agrees(work_b, identity=False, identifiers=False):
                self.kept_apart.append((first, second))
            return False
        keep, other = min(a, b), max(a, b)
        self.parent[other] = keep
        self.works[keep] = work_a.joined(work_b)
        self.works.pop(other, None)
        self.reasons[other] = (reason, first if other == b else second)
        return True

    def _work(self, root: int) -> _Work:
        if root not in self.works:
            self.works[root] = _claims(self.papers[root])
        return self.works[root]

    def groups(self) -> list[list[int]]:
        members: dict[int, list[int]] = defaultdict(list)
        for index in range(len(self.parent)):
            members[self.find(index)].append(index)
        return [group for _, group in sorted(members.items())]


def _claims(paper: Paper) -> _Work:
    """What one record claims about its work."""
    family = _FAMILIES.get(paper.entry_type)
    return _Work(
        years=(paper.year, paper.year) if paper.year else None,
        dois=frozenset(filter(None, [_doi(paper.doi)])),
        arxivs=frozenset(filter(None, [_arxiv(paper.arxiv)])),
        isbns=_isbns(paper),
        families=frozenset([family] if family else []),
        markers=frozenset([title_markers(paper.title)] if paper.title else []),
    )


def title_markers(title: str) -> tuple:
    """What distinguishes two works with near-identical titles: numbers, part markers, notice words, negated words."""
    folded = ascii_fold(title)
    return (tuple(_NUMBERS.findall(folded)), tuple(m.lower() for m in _PART.findall(folded)),
            tuple(sorted({m.lower() for m in _NOTICE.findall(folded)})),
            tuple(sorted({m.lower() for m in _NEGATED.findall(folded)})))


def _share_an_author(a: Paper, b: Paper) -> bool:
    """True when either names no author, or they share a surname with the same first initial (Zotero's rule)."""
    if not a.authors or not b.authors:
        return True
    theirs = _name_signatures(b.authors)
    for name, initials in _name_signatures(a.authors).items():
        other = theirs.get(name)
        if other is not None and ("" in initials or "" in other or initials & other):
            return True
    return False


def _name_signatures(authors: Sequence[str]) -> dict[str, set[str]]:
    """Folded surname -> first initials, from `Last, First` or `First Last` names."""
    signatures: dict[str, set[str]] = defaultdict(set)
    for author in authors:
        last = compact(surname(author))
        if not last or last == "others":
            continue
        given = author.split(",", 1)[1] if "," in author else author.strip().rpartition(" ")[0]
        signatures[last].add(compact(given)[:1])
    return signatures


def _link_equal(links: _Links, values: Sequence[str], reason: str, *, identity: bool) -> None:
    """Join records whose non-empty `values` are equal, each with the first earlier group it can be one work with."""
    _link_shared(links, [frozenset([value]) if value else frozenset() for value in values], reason, identity=identity)


def _link_similar_titles(links: _Links, titles: list[str]) -> None:
    """Fuzzy title matches between neighbours in sorted order, forwards and backwards.

    Sorting the titles, and the reversed titles, puts two spellings of one title next to each other
    whether they differ at the end or at the start; comparing only a window of neighbours keeps this
    linear in the number of records.
    """
    candidates = [index for index, title in enumerate(titles) if title]
    for order in (sorted(candidates, key=titles.__getitem__), sorted(candidates, key=lambda i: titles[i][::-1])):
        ordered = [titles[index] for index in order]
        for offset in range(1, _WINDOW + 1):
            # All pairs at this distance in one vectorised call; only the rare matches reach Python.
            scores = process.cpdist(ordered[:-offset], ordered[offset:], scorer=fuzz.ratio,
                                    score_cutoff=FUZZY_TITLE_MIN, workers=-1)
            for position in np.flatnonzero(scores):
                first, second = order[position], order[position + offset]
                if titles[first] != titles[second] and links.find(first) != links.find(second):
                    links.join(first, second, f"similar title ({scores[position]:.0f}%)", identity=False)


def _link_same_abstracts(links: _Links, papers: Sequence[Paper], titles: list[str], live: list[bool]) -> None:
    """Records whose abstracts open with the same 300 characters and whose titles differ only by what follows one's
    main title (Web of Science cuts a subtitle that Scopus keeps) are one work where they agree as two records of one
    title must; a record without a title joins any record whose abstract starts the same way, however short.

    A conference paper and its extended version often share an abstract under another title: those stay two works.
    """
    prefixes = [abstract_prefix(paper.abstract) if ok else "" for paper, ok in zip(papers, live)]
    earlier_with: dict[str, list[int]] = {}
    for index, prefix in enumerate(prefixes):
        if len(prefix) < _ABSTRACT_PREFIX:
            continue
        earlier = earlier_with.setdefault(prefix, [])
        if not any(_joined_by_abstract(links, titles, first, index) for first in earlier):
            earlier.append(index)
    if all(paper.title or not paper.abstract for paper in papers):
        return
    first_with: dict[str, int] = {}
    for index, prefix in enumerate(prefixes):
        if prefix:
            first_with.setdefault(prefix, index)
    for index, paper in enumerate(papers):
        if prefixes[index] and not paper.title and first_with[prefixes[index]] != index:
            links.join(first_with[prefixes[index]], index, "same abstract", identity=False)


def _joined_by_abstract(links: _Links, titles: list[str], first: int, second: int) -> bool:
    """Join two records of one abstract where their titles are one too. The same title and abstract are one work
    whatever the records' DOIs and years say: a reprint (IGI Global publishes a chapter again in its collections, each
    time under a DOI of its own), or a database's wrong DOI (Web of Science's "10.1109/CSCI.2016.95" for IEEE's
    "10.1109/CSCI.2016.0096")."""
    a, b = links.papers[first], links.papers[second]
    if a.title and b.title and titles[first] == titles[second]:
        return links.join(first, second, "same title and abstract", identity=False, reprint=True)
    return _one_title(a, b, titles[first], titles[second]) and links.join(first, second, "same abstract", identity=False)


def _one_title(a: Paper, b: Paper, title_a: str, title_b: str) -> bool:
    """Whether one record's main title (before a colon or bracket) opens the other's title (`title_a`, `title_b`:
    theirs compacted), or either has none."""
    if not a.title or not b.title:
        return True
    main_a, main_b = (compact(_SUBTITLE.split(paper.title, maxsplit=1)[0]) for paper in (a, b))
    return bool(main_a and main_b) and (title_b.startswith(main_a) or title_a.startswith(main_b))


def abstract_prefix(abstract: str | None) -> str:
    """The first letters and digits of `abstract`, which tell one abstract from another whatever its spacing or markup."""
    # Compacting a generous slice is enough for the prefix and much cheaper than the whole abstract.
    return compact(abstract[: 2 * _ABSTRACT_PREFIX])[:_ABSTRACT_PREFIX] if abstract else ""


def _link_same_keys(links: _Links, papers: Sequence[Paper], titles: list[str]) -> dict[int, int]:
    """Join records that share an input key and are one work; drop the later ones that are not (as BibTeX does).

    Runs before any other link, so a dropped record is in no group.
    """
    first_with: dict[str, int] = {}
    dropped: dict[int, int] = {}
    for index, paper in enumerate(papers):
        if not paper.key:
            continue
        first = first_with.setdefault(paper.key, index)
        if first == index:
            continue
        same = _same_content(papers[first], paper, titles[first], titles[index])
        if not (same and links.join(first, index, "same key", identity=True)):
            dropped[index] = first
    return dropped


def _same_content(a: Paper, b: Paper, title_a: str, title_b: str) -> bool:
    """Two records under one key describe the same work: the same entry text, the same DOI (two databases' exports
    of one chapter, one titled "Chapter 12 - ..."), or close titles."""
    if a.bibtex is not None and a.bibtex == b.bibtex:
        return True
    if a.doi and b.doi and _doi(a.doi) and _doi(a.doi) == _doi(b.doi):
        return True
    if title_a and title_b:
        return fuzz.ratio(title_a, title_b) >= 90 and title_markers(a.title or "") == title_markers(b.title or "")
    return not (a.doi and b.doi and _doi(a.doi) != _doi(b.doi))


def _different_dois(dois: Iterable[str]) -> bool:
    """Whether `dois` (compared as `_doi` makes them) name more than one work: two DOIs neither of which opens the
    other. An export that cuts a DOI short names the same work: the ACM Digital Library's "10.1109/MODELS58315.2023.000"
    for IEEE's "...2023.00036", a Zotero export's "10.1890/0012-9658(2007)88[347" cut at its bracket."""
    longest = max(dois, key=len, default="")
    return any(not longest.startswith(doi) for doi in dois)


def _doi(doi: str | None) -> str:
    """A DOI for comparison; arXiv's own DOIs (10.48550/arXiv.*) count as the arXiv id, not as a DOI."""
    normal = normal_doi(doi) or ""
    return "" if normal.startswith("10.48550/arxiv.") else normal


def _url(url: str | None) -> str:
    """A web address for comparison: no scheme, no "www.", no trailing slash, the host in lower case."""
    match = _URL.match(url.strip()) if url else None
    return f"{match['host'].lower()}{match['path'].rstrip('/')}" if match else ""


def _arxiv(arxiv: str | None) -> str:
    match = _ARXIV.search(arxiv or "")
    return match.group(1).lower() if match else ""


def _isbns(paper: Paper) -> frozenset[str]:
    """The ISBNs of a book, as ISBN-13 digits, which Zotero compares for books alone: a Zotero record may hold several
    ("978-0-521-52902-0 978-0-521-82150-6", its paperback and hardback), and one ISBN in common makes two records one."""
    if not paper.isbn or _FAMILIES.get(paper.entry_type) != "whole":
        return frozenset()
    found = (re.sub(r"[-\s]", "", isbn).upper() for isbn in _ISBN.findall(paper.isbn))
    return frozenset(_isbn13(isbn) for isbn in found if len(isbn) in (10, 13))


_ISBN = re.compile(r"\b(?:97[89][-\s]?)?\d(?:[-\s]?\d){8}[-\s]?[\dXx]\b")


def _isbn13(isbn: str) -> str:
    """An ISBN-10 as the ISBN-13 it is (prefix 978, check digit recomputed); an ISBN-13 as it is."""
    if len(isbn) == 13:
        return isbn
    body = "978" + isbn[:9]
    check = (10 - sum(int(digit) * (3 if n % 2 else 1) for n, digit in enumerate(body)) % 10) % 10
    return body + str(check)


def _titles_of_two_works(a: Paper, b: Paper) -> bool:
    """Whether two titles of three or more content words each share fewer than half of the shorter's words."""
    words_a, words_b = (set(significant_words(p.title or "")) for p in (a, b))
    return min(len(words_a), len(words_b)) >= 3 and 2 * len(words_a & words_b) < min(len(words_a), len(words_b))


def _link_shared(links: _Links, values: Sequence[frozenset[str]], reason: str, *, identity: bool) -> None:
    """Join records that share one of their `values` (a record's ISBNs; one title, one DOI), each with the first
    earlier group it can be one work with."""
    groups_with: dict[str, list[int]] = {}
    for index, held in enumerate(values):
        for value in sorted(held):
            earlier = groups_with.setdefault(value, [])
            if not any(links.join(first, index, reason, identity=identity) for first in earlier):
                earlier.append(index)
