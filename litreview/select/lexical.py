"""Lexical relevance of every paper to a theme: BM25, widened by pseudo-relevance feedback (RM3).

A theme is a few words and papers say the same thing in other words ("coronavirus" / "SARS-CoV-2").
RM3 reads the best-matching papers of a first BM25 pass, takes the terms that carry most of their
weight, and adds them to the theme at half its weight. The constants are the published RM3 defaults
(Anserini: 10 feedback documents, 10 terms, original query weight 0.5), not values fitted to a benchmark.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from litreview.corpus.paper import Paper
from litreview.select.index import LexicalIndex, paper_text, stem_words, tokens, words

FEEDBACK_DOCS = 10
FEEDBACK_TERMS = 10
ORIGINAL_WEIGHT = 0.5


@dataclass(frozen=True)
class LexicalScores:
    """BM25 scores of every paper (corpus order) and the weighted terms that produced them."""

    scores: np.ndarray
    terms: dict[str, float]
    expansion: list[str]


def theme_scores(index: LexicalIndex, papers: Sequence[Paper], theme: str, *, feedback: bool = True,
                 allowed: np.ndarray | None = None) -> LexicalScores:
    """Score every paper against `theme` (its stemmed terms; RM3-expanded unless `feedback` is False).

    Feedback is read only from `allowed` papers (a boolean mask; all when None), the ones being ranked.
    Scores are on the scale of a plain BM25 score of the theme: the weights are scaled so that the
    theme's own terms weigh as many units as it has terms.
    """
    query = Counter(tokens(theme))
    first = index.scores(query)
    if not feedback or not query:
        return LexicalScores(scores=first, terms=dict(query), expansion=[])
    relevance, surface = feedback_model(first if allowed is None else np.where(allowed, first, 0), papers)
    length = sum(query.values())
    terms = Counter({term: ORIGINAL_WEIGHT * count for term, count in query.items()})
    for term, weight in relevance.items():
        terms[term] += (1 - ORIGINAL_WEIGHT) * weight * length
    expansion = [surface[term] for term in relevance if term not in query]
    return LexicalScores(scores=index.scores(terms), terms=dict(terms), expansion=expansion)


def feedback_model(scores: np.ndarray, papers: Sequence[Paper]) -> tuple[dict[str, float], dict[str, str]]:
    """RM3's relevance model: P(term | top papers), each paper weighted by its score; the top terms, summing to 1.

    Also the word each term most often stems from in those papers, to show the expansion readably.
    """
    top = [int(i) for i in np.argsort(-scores, kind="stable")[:FEEDBACK_DOCS] if scores[i] > 0]
    model: Counter[str] = Counter()
    spellings: Counter[tuple[str, str]] = Counter()
    for position in top:
        text_words = words(paper_text(papers[position]))
        pairs = [(t, w) for t, w in zip(stem_words(text_words), text_words) if _may_expand(t)]
        spellings.update(pairs)
        for term, count in Counter(t for t, _ in pairs).items():
            model[term] += float(scores[position]) * count / len(pairs)
    best = model.most_common(FEEDBACK_TERMS)
    total = sum(weight for _, weight in best) or 1.0
    surface = {}
    for (term, word), _ in spellings.most_common():
        surface.setdefault(term, word)
    return {term: weight / total for term, weight in best}, surface


def _may_expand(term: str) -> bool:
    # As in Anserini: numbers and one-letter stems are too unspecific to add to a theme.
    return len(term) > 1 and not term.isdigit()
