"""What a group's papers say and the others' do not: its class-based TF-IDF (c-TF-IDF) terms, which name and describe it.

Terms are noun phrases of up to three words that never span a stop word or punctuation (`terms.phrases`), counted
once per paper; a term must be shared by two papers of its group (or all, if fewer). A phrase weighs more than a
word: it says more ("label noise" over "noise").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

from litreview.group.phrasing import with_head_noun
from litreview.group.terms import MAX_PHRASE_WORDS, is_noun_phrase, phrases, said_as_verb, term_stems

DESCRIPTION_TERMS = 4   # a group is described by its first four terms
LABEL_TERMS = 10        # and named by a phrase among its first ten (TREC-COVID labels naming their topic: bench/writing.py)
PHRASE_WEIGHT = 1.5


class TermWeights(NamedTuple):
    """The terms of some groups' papers and each group's c-TF-IDF weight for each (0 for a term it does not share),
    counted once for all that names and describes the groups."""

    vocabulary: np.ndarray
    weights: np.ndarray  # a row per group
    group_texts: list[list[str]]


def distinctive_terms(weighed: TermWeights, topic: frozenset[str], top: int = DESCRIPTION_TERMS) -> list[list[str]]:
    """Per group, its `top` c-TF-IDF terms; terms of only `topic`'s stems (which name the section, not a group),
    generic words and near-repeats are left out."""
    return [_pick_terms(weighed.vocabulary, row, set(topic), top, texts) for row, texts in zip(weighed.weights, weighed.group_texts)]


def theme_parts(weighed: TermWeights, topic: frozenset[str]) -> list[list[str]]:
    """Per group, its best c-TF-IDF phrase made of some of `topic`'s stems but not all (none if no such phrase):
    "prompt tuning" names a group of papers on it under "multimodal prompt tuning" when nothing else can."""
    parts = np.array([" " in term and term_stems(term) < topic for term in weighed.vocabulary], dtype=bool)
    return [_pick_terms(weighed.vocabulary, row * parts, set(), 1, texts) for row, texts in zip(weighed.weights, weighed.group_texts)]


def headed_modifiers(weighed: TermWeights, topic: frozenset[str]) -> list[list[str]]:
    """Per group, its best c-TF-IDF modifier with the generic noun its papers put after it, none of only `topic`'s
    stems: "vision-language models" for two titles "... for Vision-Language Models", which share no noun phrase
    ("models" ends none, and "vision-language" alone names nothing)."""
    return [[with_head_noun(term, texts) for term in _pick_terms(weighed.vocabulary, row, set(topic), 1, texts, _headed_modifier)]
            for row, texts in zip(weighed.weights, weighed.group_texts)]


def _headed_modifier(term: str, texts: list[str]) -> bool:
    headed = with_head_noun(term, texts)
    return not is_noun_phrase(term) and headed != term and is_noun_phrase(headed)


def _noun_phrase(term: str, _texts: list[str]) -> bool:
    return is_noun_phrase(term)


def term_weights(group_texts: list[list[str]]) -> TermWeights:
    """The terms of the groups' papers (each group a list of paper texts), and each group's c-TF-IDF weights."""
    vectorizer = CountVectorizer(analyzer=lambda text: phrases(text, MAX_PHRASE_WORDS), binary=True)
    try:
        presence = vectorizer.fit_transform([text for texts in group_texts for text in texts]).toarray()
    except ValueError:  # not one usable word in any paper
        return TermWeights(np.array([], dtype=str), np.zeros((len(group_texts), 0)), group_texts)
    bounds = np.cumsum([0] + [len(texts) for texts in group_texts])
    counts = np.array([presence[start:end].sum(axis=0) for start, end in zip(bounds, bounds[1:])], dtype=float)
    vocabulary = vectorizer.get_feature_names_out()
    frequency = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1.0)
    average = counts.sum() / len(group_texts)
    # One group has nothing to be distinctive against: its label is then what most of its papers share.
    distinctive = np.log(1.0 + average / np.maximum(counts.sum(axis=0), 1.0)) if len(group_texts) > 1 else 1.0
    weights = frequency * distinctive
    weights *= np.array([PHRASE_WEIGHT if " " in term else 1.0 for term in vocabulary])
    sizes = np.array([[min(2, len(texts))] for texts in group_texts])
    return TermWeights(vocabulary, weights * (counts >= sizes), group_texts)


def _pick_terms(vocabulary: np.ndarray, weights: np.ndarray, excluded: set[str], top: int, texts: list[str],
                fits: Callable[[str, list[str]], bool] = _noun_phrase) -> list[str]:
    """The best-weighted terms that `fits` (noun phrases), skipping any that shares a word stem with one already
    chosen, and a word that `texts` use as a verb ("Keeps", "Generalize" name no topic). A phrase that holds all the words of one
    already chosen takes its place ("multi-label text classification" for "classification" or "multi-label text")."""
    chosen: list[str] = []
    for index in np.argsort(-weights, kind="stable"):
        term = str(vocabulary[index])
        if weights[index] <= 0 or len(chosen) == top:
            break
        stems = term_stems(term)
        if stems <= excluded or not fits(term, texts) or said_as_verb(term, texts):
            continue
        held = [n for n, shorter in enumerate(chosen) if term_stems(shorter) < stems]
        if any(stems & term_stems(other) for n, other in enumerate(chosen) if n not in held):
            continue
        if held:  # in the place of the first, the others dropped
            chosen = [term if n == held[0] else other for n, other in enumerate(chosen) if n == held[0] or n not in held]
        else:
            chosen.append(term)
    return chosen
