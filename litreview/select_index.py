"""The BM25 index of a corpus, built once per corpus content and cached on disk.

Each paper is indexed as its title (counted twice: a title is the densest statement of what a paper is
about), its keywords and its abstract, lower-cased, ASCII-folded, without English stopwords and stemmed
(Snowball). A paper without a title is ranked by its abstract, one without an abstract by its title.
The scores are the classic Okapi BM25 ones (k1=1.2, b=0.75, Lucene's idf); bm25s stores them
precomputed per term, so a query is a weighted sum of a few posting lists.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS
from bm25s.tokenization import Tokenized

from litreview.paper import Paper
from litreview.text import ascii_fold

# Bump when tokens, texts or BM25 parameters change: it is part of the cache key.
INDEX_VERSION = 1
K1, B = 1.2, 0.75
TITLE_REPEATS = 2

_TOKEN = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(STOPWORDS_EN_PLUS)
_STEMMER = Stemmer.Stemmer("english")


def tokens(text: str) -> list[str]:
    """The index terms of `text`: folded words, stopwords dropped, stemmed."""
    return stem_words(words(text))


def stem_words(text_words: list[str]) -> list[str]:
    """The Snowball (English) stems of `text_words`, one each."""
    return _STEMMER.stemWords(text_words)


def words(text: str) -> list[str]:
    """The words of `text` that become index terms, before stemming (aligned with `tokens`)."""
    folded = text.lower() if text.isascii() else ascii_fold(text)  # the fold is slow; most text is ASCII
    return [w for w in _TOKEN.findall(folded) if w not in _STOPWORDS]


def paper_text(paper: Paper) -> str:
    """What is indexed of a paper: the title twice, the keywords, the abstract."""
    parts = [paper.title or ""] * TITLE_REPEATS + ["; ".join(paper.keywords), paper.abstract or ""]
    return "\n".join(part for part in parts if part)


class LexicalIndex:
    """BM25 scores of every paper of a corpus, in corpus order, for weighted query terms."""

    def __init__(self, retriever: bm25s.BM25, digest: str) -> None:
        self.digest = digest
        self._vocab: dict[str, int] = retriever.vocab_dict
        self._data = retriever.scores["data"]
        self._indices = retriever.scores["indices"]
        self._indptr = retriever.scores["indptr"]
        self.size = int(retriever.scores["num_docs"])

    def scores(self, weights: Mapping[str, float]) -> np.ndarray:
        """Sum over terms of weight x BM25 term score, for every paper (0 where no term occurs)."""
        total = np.zeros(self.size, dtype=np.float32)
        for term, weight in weights.items():
            postings = self._postings(term)
            if postings is not None:
                # A term's postings name each document once, so fancy-index addition is exact.
                docs, term_scores = postings
                total[docs] += np.float32(weight) * term_scores
        return total

    def document_frequency(self, term: str) -> int:
        """How many papers contain `term`."""
        postings = self._postings(term)
        return 0 if postings is None else len(postings[0])

    def _postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        position = self._vocab.get(term)
        if position is None:
            return None
        start, end = int(self._indptr[position]), int(self._indptr[position + 1])
        return np.asarray(self._indices[start:end]), np.asarray(self._data[start:end])


def open_index(papers: Sequence[Paper], cache_dir: Path | None) -> LexicalIndex:
    """The index of `papers`: loaded from `cache_dir` when this content was indexed before, else built (and saved)."""
    digest = content_digest(papers)
    if cache_dir is None:
        return LexicalIndex(build_retriever(papers), digest)
    place = Path(cache_dir) / "bm25" / digest
    if not (place / "params.index.json").exists():
        _save(build_retriever(papers), place)
    return LexicalIndex(bm25s.BM25.load(str(place), mmap=True, show_progress=False), digest)


def build_retriever(papers: Sequence[Paper]) -> bm25s.BM25:
    """A bm25s index over the papers' texts, in corpus order."""
    retriever = bm25s.BM25(k1=K1, b=B, method="lucene")
    retriever.index(tokenize_corpus(papers), show_progress=False)
    return retriever


def tokenize_corpus(papers: Sequence[Paper]) -> Tokenized:
    """Term ids of every paper and the term vocabulary; each distinct word is stemmed once, not per occurrence."""
    vocab: dict[str, int] = {}
    word_ids: dict[str, int] = {}
    corpus_ids = []
    for paper in papers:
        text_words = words(paper_text(paper))
        unseen = [w for w in dict.fromkeys(text_words) if w not in word_ids]
        for word, stem in zip(unseen, stem_words(unseen)):
            word_ids[word] = vocab.setdefault(stem, len(vocab))
        corpus_ids.append([word_ids[w] for w in text_words])
    return Tokenized(ids=corpus_ids, vocab=vocab)


def content_digest(papers: Iterable[Paper]) -> str:
    """A hash of everything the index depends on: the indexed texts in order, the tokenizer and BM25 parameters."""
    digest = hashlib.sha256(json.dumps([INDEX_VERSION, K1, B, TITLE_REPEATS, bm25s.__version__]).encode())
    for paper in papers:
        # The fields paper_text reads, not paper_text itself: this runs on every query and must be cheap.
        text = f"{paper.title}\x1f{paper.keywords}\x1f{paper.abstract}\x1e"
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _save(retriever: bm25s.BM25, place: Path) -> None:
    """Write to a temporary sibling then rename, so a concurrent or killed run never sees half an index."""
    place.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{place.name}.", dir=place.parent))
    try:
        retriever.save(str(staging), show_progress=False)
        os.replace(staging, place)
    except OSError:
        # Another process won the race (the target exists and is not empty): its index is the same.
        if not (place / "params.index.json").exists():
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
