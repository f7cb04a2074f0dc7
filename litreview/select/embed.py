"""Hybrid ranking: embedding similarity to the theme, fused with the lexical scores.

Embeddings come from the configured OpenAI-compatible server through the LLM layer, which caches each
vector per text and model, so a paper is embedded once per model. Two fusions:
- `rrf` (default): reciprocal-rank fusion, sum of 1/(60 + rank) over the lexical ranking (papers that share
  a term with the theme) and the embedding ranking (Cormack, Clarke & Buettcher 2009; k=60 is theirs).
  It needs no calibration between the two score scales, which differ per model and per corpus.
- `scores`: the mean of both scores after min-max normalisation over the papers being ranked.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np

from litreview.corpus.paper import Paper

if TYPE_CHECKING:
    from litreview.llm import LLMClient

RRF_K = 60


def fused_scores(llm: LLMClient, model: str, theme: str, papers: Sequence[Paper], allowed: np.ndarray,
                 lexical: np.ndarray, *, fusion: Literal["rrf", "scores"] = "scores") -> np.ndarray:
    """Lexical and embedding relevance of every paper (corpus order) in one score; 0 outside `allowed`."""
    if not allowed.any():
        return np.zeros(len(papers))
    semantic = similarities(llm, model, theme, papers, allowed)
    if fusion == "rrf":
        return reciprocal_rank_fusion([np.where(lexical > 0, lexical, np.nan), semantic], allowed)
    return normalised_mean([lexical, semantic], allowed)


def similarities(llm: LLMClient, model: str, theme: str, papers: Sequence[Paper], allowed: np.ndarray) -> np.ndarray:
    """Cosine similarity of each allowed paper's embedding to the theme's; NaN for the others."""
    positions = np.flatnonzero(allowed)
    vectors = np.asarray(llm.embed_sync([theme, *(embedding_text(papers[i]) for i in positions)], model),
                         dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1)
    vectors /= np.where(norms > 0, norms, 1)[:, None]
    result = np.full(len(papers), np.nan, dtype=np.float32)
    result[positions] = vectors[1:] @ vectors[0]
    return result


def embedding_text(paper: Paper) -> str:
    """What is embedded of a paper: its title and abstract (either alone when the other is missing)."""
    return "\n\n".join(part for part in (paper.title, paper.abstract) if part)


def reciprocal_rank_fusion(rankings: list[np.ndarray], allowed: np.ndarray) -> np.ndarray:
    """Sum over score arrays of 1/(RRF_K + rank); a paper with a NaN score is absent from that ranking."""
    fused = np.zeros(len(allowed), dtype=np.float64)
    for scores in rankings:
        present = np.flatnonzero(allowed & ~np.isnan(scores))
        order = present[np.argsort(-scores[present], kind="stable")]
        fused[order] += 1.0 / (RRF_K + np.arange(1, len(order) + 1))
    return fused


def normalised_mean(score_arrays: list[np.ndarray], allowed: np.ndarray) -> np.ndarray:
    """Mean of the score arrays, each min-max normalised over the allowed papers (NaN counts as the minimum)."""
    fused = np.zeros(len(allowed), dtype=np.float64)
    for scores in score_arrays:
        values = np.where(np.isnan(scores), np.nanmin(scores[allowed]), scores)[allowed].astype(np.float64)
        span = values.max() - values.min()
        fused[allowed] += (values - values.min()) / span if span > 0 else 0.0
    return fused / len(score_arrays)
