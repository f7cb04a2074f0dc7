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
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS
from bm25s.tokenization import Tokenized

from litreview.corpus.paper import Paper
from litreview.errors import CACHE_IS_A_FILE_HINT, CACHE_NOT_WRITABLE_HINT, CacheWarning
from litreview.files import (
    IS_A_FILE,
    folder_size,
    remove_tree,
    unwritable_reason,
    write_atomic,
)
from litreview.text import ascii_fold

# Bump when tokens, texts or BM25 parameters change: it is part of the cache key.
INDEX_VERSION = 2
K1, B = 1.2, 0.75
TITLE_REPEATS = 2

# Terms are runs of ASCII letters and digits (after folding) of at most _MAX_WORD characters: longer runs
# (sequences, hashes, glued URLs) are not words anyone searches for, and would widen the term table.
_TOKEN = re.compile(r"[a-z0-9]+")
_MAX_WORD = 48
_COMPLETE = "complete"
_NPY_MAGIC = b"\x93NUMPY"
_PARAMS = "params.index.json"  # bm25s's parameters: the one JSON file it reads back
INDEXES = "bm25"  # <cache_dir>/bm25/<content digest>/: one folder per indexed corpus
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
    return [w for w in _TOKEN.findall(folded) if w not in _STOPWORDS and len(w) <= _MAX_WORD]


def paper_text(paper: Paper) -> str:
    """What is indexed of a paper: the title twice, the keywords, the abstract."""
    parts = [paper.title or ""] * TITLE_REPEATS + ["; ".join(paper.keywords), paper.abstract or ""]
    return "\n".join(part for part in parts if part)


class LexicalIndex:
    """BM25 scores of every paper of a corpus, in corpus order, for weighted query terms."""

    def __init__(self, retriever: bm25s.BM25, digest: str, terms: TermTable | None = None) -> None:
        self.digest = digest
        self._terms = terms or TermTable.from_vocab(retriever.vocab_dict)
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

    def papers_with_all(self, terms: Iterable[str]) -> np.ndarray:
        """The positions of the papers that contain every one of `terms`, ascending."""
        found: np.ndarray | None = None
        for term in set(terms):
            postings = self._postings(term)
            if postings is None:
                return np.zeros(0, dtype=np.int64)
            found = postings[0] if found is None else np.intersect1d(found, postings[0], assume_unique=True)
        return np.zeros(0, dtype=np.int64) if found is None else np.asarray(found, dtype=np.int64)

    def _postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        position = self._terms.find(term)
        if position is None:
            return None
        start, end = int(self._indptr[position]), int(self._indptr[position + 1])
        return np.asarray(self._indices[start:end]), np.asarray(self._data[start:end])


class TermTable:
    """Term -> column of the index, as two sorted arrays searched by bisection.

    Saved as .npy and memory-mapped, it loads in no time whatever the vocabulary size, where bm25s's
    JSON vocabulary takes ~50 ms per 100,000 papers to parse. Terms are ASCII (see `words`).
    """

    def __init__(self, terms: np.ndarray, columns: np.ndarray) -> None:
        self.terms, self.columns = terms, columns

    @classmethod
    def from_vocab(cls, vocab: Mapping[str, int]) -> TermTable:
        ordered = sorted(vocab)
        width = max((len(t) for t in ordered), default=1) or 1
        return cls(np.array([t.encode() for t in ordered], dtype=f"S{width}"),
                   np.array([vocab[t] for t in ordered], dtype=np.int64))

    @classmethod
    def load(cls, place: Path) -> TermTable:
        return cls(np.load(place / "terms.npy", mmap_mode="r"), np.load(place / "columns.npy", mmap_mode="r"))

    def save(self, place: Path) -> None:
        np.save(place / "terms.npy", self.terms)
        np.save(place / "columns.npy", self.columns)

    def find(self, term: str) -> int | None:
        """The index column of `term`, or None when no paper has it."""
        key = term.encode("ascii", "ignore")
        position = int(np.searchsorted(self.terms, key))
        if position < len(self.terms) and self.terms[position] == key:
            return int(self.columns[position])
        return None


def open_index(papers: Sequence[Paper], cache_dir: Path | None) -> LexicalIndex:
    """The index of `papers`: loaded from `cache_dir` when this content was indexed before, else built (and saved).

    A saved index that fails its checks is rebuilt, and a cache that cannot be written is done without:
    either way with a CacheWarning, never an error, since the index can always be built again.
    """
    digest = content_digest(papers)
    if cache_dir is None:
        return LexicalIndex(build_retriever(papers), digest)
    index = cached_index(cache_dir, digest)
    if index is None:
        retriever = build_retriever(papers)
        if not _saved(retriever, Path(cache_dir) / INDEXES / digest):
            return LexicalIndex(retriever, digest)
        index = cached_index(cache_dir, digest) or LexicalIndex(retriever, digest)
    return index


def cached_index(cache_dir: Path, digest: str) -> LexicalIndex | None:
    """The index saved under `digest`, memory-mapped, or None when there is none (or it was damaged: then it is
    removed, with a CacheWarning, so that the caller builds it again)."""
    place = Path(cache_dir) / INDEXES / digest
    if not (place / _COMPLETE).exists():
        return None
    try:
        _check_files(place)
        retriever = bm25s.BM25.load(str(place), mmap=True, load_vocab=False, show_progress=False)
        index = LexicalIndex(retriever, digest, TermTable.load(place))
        _check_shapes(index)
    except (OSError, ValueError, KeyError, EOFError) as error:  # truncated, overwritten or missing files
        _discard_damaged(place, error)
        return None
    return index


def indexes_info(cache_dir: Path) -> tuple[int, int]:
    """How many corpus indexes `cache_dir` holds, and their size in bytes."""
    folder = Path(cache_dir) / INDEXES
    if not folder.is_dir():
        return 0, 0
    saved = [place for place in folder.iterdir() if place.is_dir() and not place.name.startswith(".")]
    return len(saved), folder_size(folder)


def clear_indexes(cache_dir: Path) -> int:
    """Delete every saved index (they are rebuilt on the next run); returns how many there were."""
    count, _ = indexes_info(cache_dir)
    remove_tree(Path(cache_dir) / INDEXES)
    return count


def build_retriever(papers: Sequence[Paper]) -> bm25s.BM25:
    """A bm25s index over the papers' texts, in corpus order."""
    retriever = bm25s.BM25(k1=K1, b=B, method="lucene")
    tokens = tokenize_corpus(papers)
    # not one word in any paper (a title "T"): each holds the empty token bm25s adds itself, which no theme holds, so
    # that every paper scores 0 and the selection says no paper shares a word with the theme (bm25s fails on no
    # vocabulary, and divides by a mean length of 0)
    retriever.index(tokens if tokens.vocab else Tokenized(ids=[[0] for _ in tokens.ids], vocab={"": 0}), show_progress=False)
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


def _saved(retriever: bm25s.BM25, place: Path) -> bool:
    """Save the index; False (with a CacheWarning) when the cache folder cannot be written."""
    try:
        _save(retriever, place)
    except OSError as error:
        cache_dir = place.parent.parent
        found = unwritable_reason(place.parent)
        hint = CACHE_IS_A_FILE_HINT if found and found[1] == IS_A_FILE else CACHE_NOT_WRITABLE_HINT
        warnings.warn(CacheWarning(
            f"{cache_dir}: cannot save the search index there ({error.strerror or error}); ranking without the cache "
            f"(the corpus is indexed again on every run): {hint}"), stacklevel=3)
        return False
    return True


def _save(retriever: bm25s.BM25, place: Path) -> None:
    """Write to a temporary sibling then rename, so a concurrent or killed run never sees half an index.

    The `complete` marker, written last, lists every file's size: a file damaged later is caught by that
    check before it is memory-mapped (a truncated .npy would fail deep inside numpy or bm25s).
    """
    place.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{place.name}.", dir=place.parent))
    try:
        retriever.save(str(staging), show_progress=False)
        TermTable.from_vocab(retriever.vocab_dict).save(staging)
        sizes = {entry.name: _synced_size(entry) for entry in sorted(staging.iterdir())}
        write_atomic(staging / _COMPLETE, json.dumps({"sizes": sizes}))
        os.replace(staging, place)
    except OSError:
        # Another process won the race (the target exists and is not empty): its index is the same.
        if not (place / _COMPLETE).exists():
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _synced_size(path: Path) -> int:
    """The file's size once its data is on disk."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
        return os.fstat(handle.fileno()).st_size


def _check_files(place: Path) -> None:
    """Raise ValueError when a file is missing, not the size it was saved at, or not in its format (NumPy's
    header, JSON): cheap checks that name the file, before numpy or bm25s fail on it in their own words."""
    text = (place / _COMPLETE).read_text(encoding="utf-8")
    if not text.strip():
        return  # an index saved before files were listed: only loading it checks it
    marker = json.loads(text)
    sizes = marker.get("sizes") if isinstance(marker, dict) else None
    if not isinstance(sizes, dict):
        raise ValueError("its list of files is unreadable")
    for name, size in sizes.items():
        found = (place / name).stat().st_size
        if found != size:
            raise ValueError(f"{name} is {found} bytes, saved as {size}")
        if name.endswith(".npy") and _first_bytes(place / name, len(_NPY_MAGIC)) != _NPY_MAGIC:
            raise ValueError(f"{name} is not a NumPy array file")
        if name == _PARAMS:  # the vocabulary's JSON is never loaded (TermTable replaces it): not worth parsing
            try:
                json.loads((place / name).read_bytes())
            except ValueError:
                raise ValueError(f"{name} is not valid JSON") from None


def _first_bytes(path: Path, count: int) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(count)


def _check_shapes(index: LexicalIndex) -> None:
    """Raise ValueError when the arrays do not fit together (a file replaced by another index's)."""
    # bm25s keeps one column per term, the empty term last (never looked up), and its pointer array that long
    if not len(index._terms.terms) == len(index._terms.columns) <= len(index._indptr):
        raise ValueError("the term table does not match the postings")
    if int(index._indptr[-1]) != len(index._data) or len(index._data) != len(index._indices):
        raise ValueError("the postings arrays do not match")


def _discard_damaged(place: Path, error: BaseException) -> None:
    """Remove a damaged index (so it is rebuilt) and say so."""
    reason = f"{error.strerror}: {Path(error.filename).name}" if isinstance(error, OSError) and error.filename else str(error)
    warnings.warn(CacheWarning(f"{place}: the saved search index was damaged ({reason}); rebuilding it"), stacklevel=4)
    trash = place.with_name(f".{place.name}.damaged-{os.getpid()}")
    try:
        os.replace(place, trash)  # out of the way at once: a concurrent run must not load it either
    except OSError:
        return  # cannot be removed (read-only cache): the rebuilt index is then used without being saved
    shutil.rmtree(trash, ignore_errors=True)
