"""The LLM layer: structured answers from any OpenAI-compatible server, cached, concurrent, bounded.

    from litreview.config import load_settings
    from litreview.llm import LLMClient, LLMRequest

    with LLMClient(load_settings()) as llm:
        summary = llm.ask_sync(PaperSummary, messages, prompt_version="summary-v1", label=paper.key)
        outcomes = llm.ask_many_sync([LLMRequest(PaperSummary, m, "summary-v1", label=k) for k, m in todo])
        failed = [o for o in outcomes if not o.ok]      # Failure: .request, .reason, .error

Importing this package is cheap: openai and instructor load when the first request is sent.
"""

from litreview.llm.cache import AnswerCache, CacheInfo
from litreview.llm.client import LLMClient
from litreview.llm.faults import failures_error
from litreview.llm.usage import Usage
from litreview.llm.values import (
    Failure,
    LLMRequest,
    Outcome,
    Progress,
    ProgressCallback,
    Result,
)

__all__ = [
    "AnswerCache", "CacheInfo", "Failure", "LLMClient", "LLMRequest", "Outcome", "Progress",
    "ProgressCallback", "Result", "Usage", "failures_error",
]
