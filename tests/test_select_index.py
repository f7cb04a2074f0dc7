"""The BM25 index: tokens, indexed text, and the on-disk cache keyed by corpus content."""

from __future__ import annotations

import numpy as np

from litreview.corpus.paper import Paper
from litreview.select.index import content_digest, open_index, paper_text, tokens

PAPERS = [
    Paper(key="a", title="Prompt tuning for vision", abstract="Visual prompts are tuned."),
    Paper(key="b", title=None, abstract="Multimodal prompts tune a language model."),
    Paper(key="c", title="Graph networks", abstract=None, keywords=("molecules", "chemistry")),
]


def test_tokens_are_folded_stemmed_and_without_stopwords():
    assert tokens("What are the Effects of Pre-Training on Müller's Networks?") == [
        "effect", "pre", "train", "muller", "network"]


def test_title_counts_twice_then_keywords_then_abstract():
    assert paper_text(PAPERS[2]) == "Graph networks\nGraph networks\nmolecules; chemistry"
    assert paper_text(PAPERS[1]) == "Multimodal prompts tune a language model."


def test_index_is_saved_once_and_loaded_by_content(tmp_path):
    built = open_index(PAPERS, None)
    cached = open_index(PAPERS, tmp_path)
    stored = list((tmp_path / "bm25").iterdir())
    assert [p.name for p in stored] == [content_digest(PAPERS)]
    mtimes = {f.name: f.stat().st_mtime_ns for f in stored[0].iterdir()}
    reloaded = open_index(PAPERS, tmp_path)
    assert {f.name: f.stat().st_mtime_ns for f in stored[0].iterdir()} == mtimes
    weights = {"prompt": 1.0, "tune": 0.5, "molecul": 2.0}
    assert np.allclose(reloaded.scores(weights), built.scores(weights))
    assert np.allclose(cached.scores(weights), built.scores(weights))
    assert reloaded.scores(weights)[2] > 0 and reloaded.document_frequency("prompt") == 2


def test_changed_text_gets_a_new_index(tmp_path):
    open_index(PAPERS, tmp_path)
    edited = [PAPERS[0].model_copy(update={"abstract": "Visual prompts are learned."}), *PAPERS[1:]]
    open_index(edited, tmp_path)
    assert len(list((tmp_path / "bm25").iterdir())) == 2
    # Keys are not part of the indexed content: renaming a paper reuses the index.
    open_index([PAPERS[0].model_copy(update={"key": "z"}), *PAPERS[1:]], tmp_path)
    assert len(list((tmp_path / "bm25").iterdir())) == 2


def test_unknown_terms_score_zero():
    index = open_index(PAPERS, None)
    assert index.scores({"nonexistentterm": 1.0}).tolist() == [0.0, 0.0, 0.0]
