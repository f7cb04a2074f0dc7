"""litreview: draft the related-work section of a paper from your own bibliography, with real citations.

The Python API does everything the CLI does, without printing:

    from litreview import load_corpus, rank, draft, render, load_settings, LLMClient

    corpus = load_corpus(["refs.bib"])
    corpus = enrich(corpus, load_settings()).corpus          # optional: missing abstracts from scholarly APIs
    selection = rank(corpus, "label noise", top_k=20)        # inspect or adjust before paying for summaries
    result = draft(corpus, "label noise", selection=selection)  # offline engine; pass llm=LLMClient(settings)
    markdown = render(result, "md").text

Names are imported on first use, so `import litreview` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "litreview.corpus", "Corpus": "litreview.corpus",
    "enrich": "litreview.corpus.enrich", "Enrichment": "litreview.corpus.enrich",
    "rank": "litreview.select", "Selection": "litreview.select",
    "draft": "litreview.pipeline", "make_plan": "litreview.pipeline",
    "render": "litreview.rendering", "Rendered": "litreview.rendering",
    "Settings": "litreview.config", "load_settings": "litreview.config",
    "LLMClient": "litreview.llm",
    "Paper": "litreview.corpus.paper", "Draft": "litreview.document",
    "Plan": "litreview.plan", "load_plan": "litreview.plan", "save_plan": "litreview.plan",
    "LitreviewError": "litreview.errors",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from litreview.config import Settings, load_settings
    from litreview.corpus import Corpus, load_corpus
    from litreview.corpus.enrich import Enrichment, enrich
    from litreview.corpus.paper import Paper
    from litreview.document import Draft
    from litreview.errors import LitreviewError
    from litreview.llm import LLMClient
    from litreview.pipeline import draft, make_plan
    from litreview.plan import Plan, load_plan, save_plan
    from litreview.rendering import Rendered, render
    from litreview.select import Selection, rank


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'litreview' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
