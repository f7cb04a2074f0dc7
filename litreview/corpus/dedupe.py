"""Find records that describe the same paper: same DOI, arXiv id, citation key, title or abstract.

Titles are compared exactly after normalisation and then fuzzily (rapidfuzz) between neighbours in
sorted order, never all pairs, so 100,000 records stay fast.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from litreview.corpus.paper import Paper
from litreview.errors import CorpusError
from litreview.text import compact

FUZZY_TITLE_MIN = 95  # rapidfuzz ratio: typos and punctuation merge, "X" vs "Reproducing X" does not
_MIN_TITLE_CHARS = 12  # short titles ("Introduction", "Editorial") are too common to merge on
_ABSTRACT_PREFIX = 300
_WINDOW = 5  # neighbours compared in each sorted order
_ARXIV = re.compile(r"(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", re.IGNORECASE)


def find_duplicates(papers: Sequence[Paper]) -> tuple[list[list[int]], dict[int, str]]:
    """Groups of indices of `papers` that are one paper, and why each non-first member joined."""
    links = _Links(len(papers))
    titles = [compact(p.title) if p.title else "" for p in papers]
    _link_equal(links, papers, [_doi(p.doi) for p in papers], "same DOI")
    _link_equal(links, papers, [_arxiv(p.arxiv) for p in papers], "same arXiv id")
    _link_equal(links, papers, [t if len(t) >= _MIN_TITLE_CHARS else "" for t in titles], "same title")
    _link_similar_titles(links, papers, titles)
    _link_untitled_abstracts(links, papers)
    _link_same_keys(links, papers, titles)
    return links.groups(), links.reasons


class _Links:
    """Union-find over record indices; the smallest index of a group is its representative."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.reasons: dict[int, str] = {}

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def join(self, first: int, second: int, reason: str) -> None:
        a, b = self.find(first), self.find(second)
        if a == b:
            return
        keep, other = min(a, b), max(a, b)
        self.parent[other] = keep
        self.reasons.setdefault(max(first, second), reason)

    def groups(self) -> list[list[int]]:
        members: dict[int, list[int]] = defaultdict(list)
        for index in range(len(self.parent)):
            members[self.find(index)].append(index)
        return [group for _, group in sorted(members.items())]


def _link_equal(links: _Links, papers: Sequence[Paper], values: Sequence[str], reason: str) -> None:
    """Join records whose non-empty `values` are equal."""
    first_with: dict[str, int] = {}
    for index, (paper, value) in enumerate(zip(papers, values)):
        if not value:
            continue
        if value in first_with and _compatible(papers[first_with[value]], paper):
            links.join(first_with[value], index, reason)
        first_with.setdefault(value, index)


def _link_similar_titles(links: _Links, papers: Sequence[Paper], titles: list[str]) -> None:
    """Fuzzy title matches between neighbours in sorted order, forwards and backwards.

    Sorting the titles, and the reversed titles, puts two spellings of one title next to each other
    whether they differ at the end or at the start; comparing only a window of neighbours keeps this
    linear in the number of records.
    """
    candidates = [index for index, title in enumerate(titles) if len(title) >= _MIN_TITLE_CHARS]
    for order in (sorted(candidates, key=titles.__getitem__), sorted(candidates, key=lambda i: titles[i][::-1])):
        ordered = [titles[index] for index in order]
        for offset in range(1, _WINDOW + 1):
            # All pairs at this distance in one vectorised call; only the rare matches reach Python.
            scores = process.cpdist(ordered[:-offset], ordered[offset:], scorer=fuzz.ratio,
                                    score_cutoff=FUZZY_TITLE_MIN, workers=-1)
            for position in np.flatnonzero(scores):
                first, second = order[position], order[position + offset]
                if titles[first] != titles[second] and links.find(first) != links.find(second) \
                        and _compatible(papers[first], papers[second]):
                    links.join(first, second, f"similar title ({scores[position]:.0f}%)")


def _link_untitled_abstracts(links: _Links, papers: Sequence[Paper]) -> None:
    """A record without a title joins any record whose abstract starts the same way."""
    if all(paper.title or not paper.abstract for paper in papers):
        return
    prefixes = [_abstract_prefix(paper.abstract) for paper in papers]
    first_with: dict[str, int] = {}
    for index, prefix in enumerate(prefixes):
        if prefix:
            first_with.setdefault(prefix, index)
    for index, paper in enumerate(papers):
        if prefixes[index] and not paper.title and first_with[prefixes[index]] != index:
            links.join(first_with[prefixes[index]], index, "same abstract")


def _abstract_prefix(abstract: str | None) -> str:
    # Compacting a generous slice is enough for the prefix and much cheaper than the whole abstract.
    return compact(abstract[: 2 * _ABSTRACT_PREFIX])[:_ABSTRACT_PREFIX] if abstract else ""


def _link_same_keys(links: _Links, papers: Sequence[Paper], titles: list[str]) -> None:
    """Records sharing an input key must be one paper; otherwise the key is ambiguous: an error."""
    first_with: dict[str, int] = {}
    for index, paper in enumerate(papers):
        if not paper.key:
            continue
        first = first_with.setdefault(paper.key, index)
        if first == index or links.find(first) == links.find(index):
            continue
        if not _same_content(papers[first], paper, titles[first], titles[index]):
            raise CorpusError(paper.origin.path, paper.origin.line,
                              f"duplicate key {paper.key!r} with different content (first at {papers[first].origin})",
                              hint="rename one of the two keys or delete the duplicate entry")
        links.join(first, index, "same key")


def _same_content(a: Paper, b: Paper, title_a: str, title_b: str) -> bool:
    if title_a and title_b:
        return fuzz.ratio(title_a, title_b) >= 90
    return not (a.doi and b.doi and _doi(a.doi) != _doi(b.doi))


def _compatible(a: Paper, b: Paper) -> bool:
    """Years at most one apart (preprint vs. publication) when both are known."""
    return a.year is None or b.year is None or abs(a.year - b.year) <= 1


def _doi(doi: str | None) -> str:
    if not doi:
        return ""
    if not doi.startswith(("http", "doi:", "DOI:", " ")):
        return doi.lower()
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", doi.strip().lower())


def _arxiv(arxiv: str | None) -> str:
    match = _ARXIV.search(arxiv or "")
    return match.group(1).lower() if match else ""
