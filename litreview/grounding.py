"""What keeps every stage's output true to the papers: citation markers, verbatim matching, answer records.

Shared by the summarize, group and write stages (their schemas' validators) and by the offline engine.
"""

from __future__ import annotations

import re

from pydantic import ValidationInfo

CITATION_MARKERS = re.compile(
    r"\[\s*\d+(?:\s*[,;\u2013-]\s*\d+)*\s*\]"          # [1], [2, 3], [4-6]
    r"|\\[A-Za-z]*cite[A-Za-z]*\b"                     # \cite, \citep, \autocite, \textcite
    r"|\[@|(?<![\w.])@[A-Za-z][\w:.-]*"                 # Pandoc [@key] and @key
    r"|[(\[]\s*[A-Z][^()\[\]]{0,60}?,?\s+(?:19|20)\d{2}[a-z]?\s*[)\]]"  # (Smith, 2020), [Smith et al. 2020]
)


def normalise(text: str) -> str:
    """Case-folded text with runs of whitespace collapsed, for grounding checks."""
    return " ".join(text.split()).casefold()


def occurs_in(fragment: str, *sources: str | None) -> bool:
    """Whether `fragment` appears verbatim (modulo case and whitespace) in one of `sources`."""
    needle = normalise(fragment)
    return bool(needle) and any(needle in normalise(source) for source in sources if source)


def record_answer(data: object, info: ValidationInfo) -> object:
    """Append the raw answer to the context's "answers" list, when the caller asked for one."""
    answers = (info.context or {}).get("answers")
    if isinstance(answers, list):
        answers.append(data)
    return data
