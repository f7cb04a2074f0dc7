"""Ranking a corpus against a theme: which papers a related-work section on it should consider, and why.

`rank(corpus, theme)` scores every paper lexically (BM25 over title, keywords and abstract, widened by
pseudo-relevance feedback; see `select_index` and `select_lexical`), applies the year and key filters,
then cuts the ranked list by explicit rules (`select_cut`) and records which rule ended it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np
from pydantic import BaseModel
from rapidfuzz import fuzz, process

from litreview.corpus import Corpus
from litreview.errors import SelectionError
from litreview.paper import Paper
from litreview.select_cut import Rule, apply_cut
from litreview.select_index import open_index, tokens
from litreview.select_lexical import theme_scores

DEFAULT_TOP_K = 30
DEFAULT_DROP_OFF = 0.3


class Scored(BaseModel):
    """One selected paper: its rank (1 = best), score, and the LLM's grade and reason when judged."""

    rank: int
    key: str
    score: float
    paper: Paper
    included: bool = False
    grade: int | None = None
    reason: str | None = None


class Cut(BaseModel):
    """The rules applied to the ranked list, what each filtered out, and which rule ended the list."""

    top_k: int
    min_score: float | None
    drop_off: float | None
    year_from: int | None
    year_to: int | None
    corpus_size: int
    excluded: list[str]
    outside_years: int
    without_year: int
    matched: int
    kept: int
    included: list[str]
    rule: Rule
    reason: str


class Selection(BaseModel):
    """The papers kept for a theme, best first, with the cut that was applied."""

    theme: str
    considered: int
    cut: Cut
    selected: list[Scored]
    expansion: list[str] = []

    @property
    def keys(self) -> list[str]:
        return [scored.key for scored in self.selected]


def rank(corpus: Corpus, theme: str, *, top_k: int = DEFAULT_TOP_K, min_score: float | None = None,
         drop_off: float | None = DEFAULT_DROP_OFF, year_from: int | None = None, year_to: int | None = None,
         include: Iterable[str] = (), exclude: Iterable[str] = (), cache_dir: Path | None = None,
         feedback: bool = True) -> Selection:
    """Rank `corpus` against `theme`, best first, cut by the rules given (see `select_cut`).

    `include` keys are always selected, `exclude` keys never; papers outside `year_from..year_to`
    (inclusive; papers without a year when any bound is set) are not considered. `cache_dir` keeps the
    index on disk so that a corpus is indexed once. `feedback=False` turns off query expansion.
    """
    _check_arguments(theme, top_k, min_score, drop_off, year_from, year_to)
    included, excluded = resolve_keys(corpus, include, "include"), resolve_keys(corpus, exclude, "exclude")
    _check_disjoint(included, excluded)
    papers = corpus.papers
    allowed, outside, without_year = _considered(papers, excluded, year_from, year_to)
    lexical = theme_scores(open_index(papers, cache_dir), papers, theme, feedback=feedback, allowed=allowed)
    scores = lexical.scores
    order = [int(i) for i in np.argsort(-scores, kind="stable") if allowed[i]]
    stop = apply_cut([float(scores[i]) for i in order], top_k=top_k, min_score=min_score, drop_off=drop_off)
    extra = [i for i in np.argsort(-scores, kind="stable") if papers[i].key in included and i not in order[:stop.kept]]
    cut = Cut(top_k=top_k, min_score=min_score, drop_off=drop_off, year_from=year_from, year_to=year_to,
              corpus_size=len(papers), excluded=sorted(excluded), outside_years=outside, without_year=without_year,
              matched=int(np.count_nonzero(scores[allowed] > 0)), kept=stop.kept,
              included=[papers[i].key for i in extra], rule=stop.rule, reason=stop.reason)
    chosen = sorted(order[:stop.kept] + [int(i) for i in extra], key=lambda i: -float(scores[i]))
    selected = [Scored(rank=n, key=papers[i].key, score=round(float(scores[i]), 4), paper=papers[i],
                       included=papers[i].key in cut.included) for n, i in enumerate(chosen, start=1)]
    return Selection(theme=theme, considered=len(order), cut=cut, selected=selected, expansion=lexical.expansion)


def resolve_keys(corpus: Corpus, keys: Iterable[str], rule: str) -> set[str]:
    """The corpus keys named by `keys` (a merged duplicate's key names the paper it was merged into)."""
    resolved = set()
    for key in keys:
        paper = corpus.get(key)
        if paper is None:
            raise SelectionError(f"no paper in the corpus has the key {key!r}", where=rule, hint=_key_hint(corpus, key))
        resolved.add(paper.key)
    return resolved


def selection_to_dict(selection: Selection) -> dict:
    """The `litreview select --json` document (a contract for scripts): grade and reason only when judged."""
    return {
        "theme": selection.theme,
        "considered": selection.considered,
        "cut": selection.cut.model_dump(),
        "expansion": selection.expansion,
        "selected": [_scored_to_dict(scored) for scored in selection.selected],
    }


def _scored_to_dict(scored: Scored) -> dict:
    entry = {"rank": scored.rank, "key": scored.key, "score": scored.score, "title": scored.paper.title,
             "year": scored.paper.year, "included": scored.included}
    if scored.grade is not None:
        entry |= {"grade": scored.grade, "reason": scored.reason}
    return entry


def _check_arguments(theme: str, top_k: int, min_score: float | None, drop_off: float | None,
                     year_from: int | None, year_to: int | None) -> None:
    if not tokens(theme):
        raise SelectionError(f"the theme {theme!r} has no searchable words", where="theme",
                             hint="describe the topic in a few content words, e.g. 'label noise in image classification'")
    if top_k < 1:
        raise SelectionError(f"top-k must be at least 1, not {top_k}", where="top-k")
    if drop_off is not None and not 0 <= drop_off <= 1:
        raise SelectionError(f"drop-off must be a fraction of the top score between 0 and 1, not {drop_off:g}", where="drop-off")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise SelectionError(f"the year range {year_from}-{year_to} is empty", where="years",
                             hint="give the earlier year as the start of the range")


def _check_disjoint(included: set[str], excluded: set[str]) -> None:
    both = sorted(included & excluded)
    if both:
        raise SelectionError(f"{', '.join(both)} is both included and excluded", where="include",
                             hint="name each key in only one of the two")


def _considered(papers: list[Paper], excluded: set[str], year_from: int | None,
                year_to: int | None) -> tuple[np.ndarray, int, int]:
    """Which papers are ranked, how many the year range left out, and how many of those have no year."""
    bounded = year_from is not None or year_to is not None
    allowed = np.ones(len(papers), dtype=bool)
    outside = without_year = 0
    for position, paper in enumerate(papers):
        if paper.key in excluded:
            allowed[position] = False
        elif bounded and not _in_years(paper.year, year_from, year_to):
            allowed[position] = False
            outside += 1
            without_year += paper.year is None
    return allowed, outside, without_year


def _in_years(year: int | None, year_from: int | None, year_to: int | None) -> bool:
    if year is None:
        return False
    return (year_from is None or year >= year_from) and (year_to is None or year <= year_to)


def _key_hint(corpus: Corpus, key: str) -> str:
    match = process.extractOne(key, corpus.keys, scorer=fuzz.ratio, score_cutoff=75)
    if match is not None:
        return f"did you mean {match[0]!r}?"
    return "list the corpus keys with `litreview corpus --json`"
