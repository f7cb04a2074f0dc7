"""The offline grouping: papers clustered by their words, each group named by its distinctive terms.

TF-IDF over title + abstract -> LSA (truncated SVD, when there are enough papers) -> unit length ->
k-means with a fixed seed, for every k in the allowed range; the k kept is the one whose clustering
has the best silhouette, measured in the TF-IDF space itself (cosine) so that the LSA dimension does
not favour a k (that choice and the dimension were measured: bench/generation.py). Labels are the
class-based TF-IDF (c-TF-IDF) terms of each group: words and two-word phrases that never span a stop
word or punctuation, counted once per paper, acronyms in the papers' own spelling. Everything is
seeded and single-threaded, so the same papers give the same groups byte for byte.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import Stemmer
from scipy.sparse import csr_matrix
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import (
    ENGLISH_STOP_WORDS,
    CountVectorizer,
    TfidfVectorizer,
)
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize
from threadpoolctl import (
    threadpool_limits,  # installed with scikit-learn, which requires it
)

from litreview.corpus.paper import Paper
from litreview.group.schema import Groups, SubTheme
from litreview.summarize.offline import content_sentences
from litreview.text import words

SEED = 0
LSA_COMPONENTS = 5      # best of 3..50 at recovering TREC-COVID topics (bench/generation.py)
LSA_MIN_PAPERS = 12     # below this, cluster the TF-IDF vectors directly
TITLE_TERMS = 2
DESCRIPTION_TERMS = 4
PHRASE_WEIGHT = 1.5     # a two-word term says more than one word ("label noise" over "noise")
_TOKEN = r"(?u)\b[a-zA-Z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)*\b"
_WORD_OR_BREAK = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*|[^\sa-z]+")
# Words every abstract uses: distinctive of no sub-theme, so never a label (and they break phrases).
_GENERIC = frozenset(
    "propose proposed proposes approach approaches method methods model models paper work works results result "
    "performance task tasks show shows shown demonstrate demonstrates novel existing based state art use uses "
    "using used new improve improves improved effective extensive experiments experimental achieve achieves "
    "significantly framework study studies different various including however also well large recent "
    "furthermore baseline baselines benchmarks address addresses available code github com https http www et al "
    "eg ie prior aim aims tackle help just include includes provide provides allow allows best better high "
    "does way ways make makes making given present presents paper introduce introduces outperforms "
    "outperform particular specifically moreover thus finally firstly second third lastly compared compare "
    "certain discuss discusses size state-of-the-art sota".split()
)
# Words too common in abstracts to name a group alone, though they may be part of a phrase ("training data").
_WEAK_ALONE = frozenset(
    "language learning data training trained model perform performs performance ability abilities common "
    "problem problems faced world quality human humans information text task input output large small "
    "min max recent analysis evaluation".split()
)
_ACRONYM = re.compile(r"[A-Z].*[A-Z]|[a-z][A-Z]")  # two capitals or one inside: CLIP, MLLMs, TabPFN, eBay
_stemmer = Stemmer.Stemmer("english")


def offline_groups(papers: list[Paper], theme: str, *, min_groups: int = 2, max_groups: int = 8) -> Groups:
    """`papers` divided into between `min_groups` and `max_groups` labelled groups (fewer if few papers)."""
    texts = {paper.key or "": _text(paper) for paper in papers}
    labels = cluster_labels(list(texts.values()), min_groups, max_groups) if len(papers) > 1 else [0] * len(papers)
    members = [[key for key, label in zip(texts, labels) if label == cluster] for cluster in _cluster_order(labels)]
    terms = distinctive_terms([[texts[key] for key in keys] for keys in members], theme) if members else []
    return Groups(groups=[_subtheme(keys, group_terms, [texts[key] for key in keys])
                          for keys, group_terms in zip(members, terms)])


def cluster_labels(texts: list[str], min_groups: int, max_groups: int, *, components: int = LSA_COMPONENTS) -> list[int]:
    """A cluster number per text, k chosen by silhouette within [min_groups, min(max_groups, n/2)]."""
    low = max(1, min(min_groups, len(texts)))
    high = max(low, min(max_groups, len(texts) // 2))
    tfidf = _tfidf(texts)
    if tfidf is None or low == 1 and high == 1:
        return [index * low // len(texts) for index in range(len(texts))]
    points = _reduced(tfidf, components)
    candidates = [_kmeans(points, k) for k in range(low, high + 1)]
    return max(candidates, key=lambda labels: _silhouette(tfidf, labels))


def distinctive_terms(group_texts: list[list[str]], theme: str, top: int = DESCRIPTION_TERMS) -> list[list[str]]:
    """Per group (a list of paper texts), its `top` c-TF-IDF terms: words and two-word phrases.

    Counts are papers containing a term (not occurrences), a term must occur in two papers of its
    group (or all, if fewer), and theme words, generic words and near-repeats are left out.
    """
    vectorizer = CountVectorizer(analyzer=phrases, binary=True)
    try:
        presence = vectorizer.fit_transform([text for texts in group_texts for text in texts]).toarray()
    except ValueError:  # not one usable word in any paper
        return [[] for _ in group_texts]
    bounds = np.cumsum([0] + [len(texts) for texts in group_texts])
    counts = np.array([presence[start:end].sum(axis=0) for start, end in zip(bounds, bounds[1:])], dtype=float)
    vocabulary = vectorizer.get_feature_names_out()
    frequency = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1.0)
    average = counts.sum() / len(group_texts)
    weights = frequency * np.log(1.0 + average / np.maximum(counts.sum(axis=0), 1.0))
    weights *= np.where([" " in term for term in vocabulary], PHRASE_WEIGHT, 1.0)
    sizes = np.array([[min(2, len(texts))] for texts in group_texts])
    weights *= counts >= sizes
    excluded = {_stem(w) for w in words(theme)}
    return [_pick_terms(vocabulary, row, excluded, top) for row in weights]


def phrases(text: str) -> list[str]:
    """Lower-case words and adjacent word pairs of `text`, never across punctuation or a stop word."""
    terms: list[str] = []
    previous: str | None = None
    for token in _WORD_OR_BREAK.findall(text.lower()):
        if not token[0].isalpha() or len(token) < 2 or token in ENGLISH_STOP_WORDS or token in _GENERIC:
            previous = None
            continue
        terms.append(token)
        if previous:
            terms.append(f"{previous} {token}")
        previous = token
    return terms


def _pick_terms(vocabulary: np.ndarray, weights: np.ndarray, excluded: set[str], top: int) -> list[str]:
    """The best-weighted terms, skipping any that shares a word stem with one already chosen."""
    chosen: list[str] = []
    used = set(excluded)
    for index in np.argsort(-weights, kind="stable"):
        term = str(vocabulary[index])
        stems = {_stem(part) for word in term.split() for part in word.split("-") if part}
        if weights[index] <= 0 or len(chosen) == top:
            break
        if stems & used or term in _WEAK_ALONE:
            continue
        chosen.append(term)
        used |= stems
    return chosen


def _stem(word: str) -> str:
    """A word's stem without a final s, so that `LLM` and `LLMs` count as one word."""
    stem = _stemmer.stemWord(word)
    return stem[:-1] if len(stem) > 3 and stem.endswith("s") else stem


def _tfidf(texts: list[str]) -> csr_matrix | None:
    """Unit-length TF-IDF rows, or None when the texts share no usable word."""
    min_df = 2 if len(texts) >= 10 else 1
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=min_df, max_df=0.9, token_pattern=_TOKEN)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # empty vocabulary: nothing to cluster on
        return None
    return matrix if matrix.nnz else None


def _reduced(tfidf: csr_matrix, components: int) -> np.ndarray:
    n_papers, n_terms = tfidf.shape
    components = min(components, n_papers - 1, n_terms - 1)
    if n_papers < LSA_MIN_PAPERS or components < 2:
        return tfidf.toarray()
    return normalize(TruncatedSVD(components, random_state=SEED).fit_transform(tfidf))


def _kmeans(points: np.ndarray, k: int) -> list[int]:
    # One BLAS/OpenMP thread: ten times faster on a few dozen papers, and no thread-order float noise.
    with threadpool_limits(limits=1):
        labels = KMeans(n_clusters=k, random_state=SEED, n_init=10).fit_predict(points)
    return [int(label) for label in labels]


def _silhouette(tfidf: csr_matrix, labels: list[int]) -> float:
    """Cosine silhouette in TF-IDF space; -1 when undefined (one cluster, or one per paper)."""
    distinct = len(set(labels))
    if not 2 <= distinct <= len(labels) - 1:
        return -1.0
    return float(silhouette_score(tfidf, labels, metric="cosine"))


def _cluster_order(labels: list[int]) -> list[int]:
    """Cluster numbers, largest first, ties by first appearance (so input order decides, not k-means)."""
    sizes = Counter(labels)
    first = {label: labels.index(label) for label in sizes}
    return sorted(sizes, key=lambda label: (-sizes[label], first[label]))


def _subtheme(keys: list[str], terms: list[str], texts: list[str]) -> SubTheme:
    shown = [surface_form(term, texts) for term in terms]
    title = " and ".join(shown[:TITLE_TERMS]) or texts[0].split("\n", 1)[0] or "Other work"
    description = f"Papers on {_listing(shown)}." if shown else "Papers without distinctive terms."
    return SubTheme(title=_capitalised(title), description=description, keys=keys)


def surface_form(term: str, texts: list[str]) -> str:
    """`term` with each word as the papers spell it when that is an acronym (`clip` -> `CLIP`), else lower case."""
    return " ".join(_word_form(word, texts) for word in term.split())


def _word_form(word: str, texts: list[str]) -> str:
    """The most common spelling, each hyphenated part kept only if it is an acronym (CLIP-Driven -> CLIP-driven)."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", re.IGNORECASE)
    spellings = Counter(m.group(0) for text in texts for m in pattern.finditer(text))
    spelling = spellings.most_common(1)[0][0] if spellings else word
    return "-".join(part if _ACRONYM.search(part) else part.lower() for part in spelling.split("-"))


def _listing(terms: list[str]) -> str:
    return terms[0] if len(terms) == 1 else ", ".join(terms[:-1]) + " and " + terms[-1]


def _capitalised(title: str) -> str:
    return title[:1].upper() + title[1:]


def _text(paper: Paper) -> str:
    return "\n".join([paper.title or "", *content_sentences(paper.abstract)])
