"""The text a paper offers its summary: title, abstract (the record's or a fetched one) and PDF excerpts.

Summaries read `summary_text`; their validators check quotes against `grounding_texts`, and `quote_source`
says which of them a quote came from ("abstract", "page 3"), so every quote can be found again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from litreview.corpus.paper import Paper
from litreview.grounding import occurs_in


def summary_text(paper: Paper) -> str | None:
    """The abstract followed by the PDF excerpts, or None when the paper has neither."""
    parts = [paper.abstract or "", *(excerpt.text for excerpt in paper.excerpts)]
    return " ".join(part for part in parts if part.strip()) or None


def grounding_texts(paper: Paper) -> list[str]:
    """Every text a quote about `paper` may come from: title, abstract, each excerpt."""
    return [text for text in (paper.title, paper.abstract, *(e.text for e in paper.excerpts)) if text]


def quote_source(quote: str, paper: Paper) -> str | None:
    """Where `quote` occurs: "title", "abstract" or "page N" of the attached PDF; None when nowhere."""
    if occurs_in(quote, paper.abstract):
        return "abstract"
    if occurs_in(quote, paper.title):
        return "title"
    return next((f"page {e.page}" for e in paper.excerpts if occurs_in(quote, e.text)), None)


def text_counts(papers: Iterable[Paper]) -> dict[str, object]:
    """How many papers had an abstract from the corpus, a fetched abstract (by source), full text, or title only."""
    papers = list(papers)
    fetched = Counter(next((s.source for s in p.provenance if s.field == "abstract"), None) for p in papers)
    fetched.pop(None, None)
    return {
        "corpus_abstract": sum(1 for p in papers if p.abstract and not any(s.field == "abstract" for s in p.provenance)),
        "fetched_abstract": dict(sorted(fetched.items())),
        "fulltext": sum(1 for p in papers if p.excerpts),
        "title_only": sum(1 for p in papers if not p.abstract and not p.excerpts),
    }
