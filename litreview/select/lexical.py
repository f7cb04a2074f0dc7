"""Lexical relevance of every paper to a theme: BM25, widened by pseudo-relevance feedback (RM3).

A theme is a few words and papers say the same thing in other words ("coronavirus" / "SARS-CoV-2").
RM3 reads the best-matching papers of a first BM25 pass, takes the terms that carry most of their
weight, and adds them to the theme at half its weight. The constants are the published RM3 defaults
(Anserini: 10 feedback documents, 10 terms, original query weight 0.5), not values fitted to a benchmark.

Bags of stems lose a theme's word order, and the stemmer makes "modeling" and "models" one term: "domain-specific
modeling languages" scored papers on "domain-specific language models" first. A paper that says the theme's words
in the theme's order, as a phrase (stop words aside), gains a phrase score as Lucene's phrase queries make one (the
idf of its words, its frequency saturated by k1), at a small weight: it orders papers the bag cannot tell apart.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from litreview.corpus.paper import Paper
from litreview.select.index import (
    K1,
    LexicalIndex,
    paper_text,
    stem_words,
    tokens,
    words,
)

FEEDBACK_DOCS = 10
FEEDBACK_TERMS = 10
ORIGINAL_WEIGHT = 0.5
# The sequential dependence model's weight of ordered pairs (Metzler and Croft, 2005). TREC-COVID's topics seldom
# form a phrase of the papers: nDCG@10 moves 0.3 points on one field, none on the other (bench/RESULTS.md).
PHRASE_WEIGHT = 0.1
PHRASE_WINDOW = 1000  # papers read for the phrase: a draft selects tens of papers, not a thousand


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
    Scores are on the scale of a plain BM25 score of the theme (the weights are scaled so that the
    theme's own terms weigh as many units as it has terms), plus the phrase score at PHRASE_WEIGHT.
    """
    theme_terms = tokens(theme)
    query = Counter(theme_terms)
    first = index.scores(query)
    phrase = PHRASE_WEIGHT * phrase_scores(index, papers, theme_terms, first)
    if not feedback or not query:
        return LexicalScores(scores=first + phrase, terms=dict(query), expansion=[])
    relevance, surface = feedback_model(first if allowed is None else np.where(allowed, first, 0), papers)
    length = sum(query.values())
    terms = Counter({term: ORIGINAL_WEIGHT * count for term, count in query.items()})
    for term, weight in relevance.items():
        terms[term] += (1 - ORIGINAL_WEIGHT) * weight * length
    expansion = [surface[term] for term in relevance if term not in query]
    return LexicalScores(scores=index.scores(terms) + phrase, terms=dict(terms), expansion=expansion)


def phrase_scores(index: LexicalIndex, papers: Sequence[Paper], theme_terms: list[str], first: np.ndarray) -> np.ndarray:
    """For every paper (corpus order), a phrase score of the theme's terms in the theme's order (0 for a theme of
    one term, or where the paper never says them so): the sum of their idfs (Lucene's) times the phrase's frequency
    saturated as BM25 saturates a term's. Only papers holding every term are read, the PHRASE_WINDOW best of them
    by their `first` (bag-of-words) score: reading a paper's words costs far more than a posting list."""
    scores = np.zeros(index.size, dtype=np.float32)
    length = len(theme_terms)
    if length < 2:
        return scores
    holding = index.papers_with_all(theme_terms)
    if not len(holding):  # no paper says every term: no idf to weigh
        return scores
    weight = sum(math.log(1 + (index.size - df + 0.5) / (df + 0.5))
                 for df in map(index.document_frequency, theme_terms))
    for position in holding[np.argsort(-first[holding], kind="stable")[:PHRASE_WINDOW]]:
        said = tokens(paper_text(papers[position]))
        count = sum(1 for start in range(len(said) - length + 1) if said[start:start + length] == theme_terms)
        if count:
            scores[position] = weight * count * (K1 + 1) / (count + K1)
    return scores


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
