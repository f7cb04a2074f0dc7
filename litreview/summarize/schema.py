"""The summarize stage's answer: what one paper addresses, does and finds, with quotes checked against it.

Validators read the paper from the pydantic validation context (`{"paper": Paper}`), which instructor
passes through, so a failure is fed back to the model as a re-ask: every evidence quote and the method
name occur in the paper's title or abstract (whitespace- and case-insensitive), and the key is the paper's.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator

from litreview.corpus.paper import Paper
from litreview.corpus.texts import grounding_texts
from litreview.grounding import occurs_in

Kind = Literal["method", "dataset", "benchmark", "survey", "analysis", "system", "position", "other"]


class PaperSummary(BaseModel):
    """What one paper addresses, does and finds, grounded in quotes from its own title or abstract."""

    key: str = Field(description="The paper's citation key, exactly as given.")
    problem: str = Field(description="The problem the paper addresses, in one sentence.")
    approach: str = Field(description="What the paper does or proposes, in one sentence.")
    finding: str | None = Field(None, description="The main result or finding the abstract states, if any.")
    kind: Kind = Field(description="The kind of contribution.")
    method_name: str | None = Field(None, description="The short name the paper gives its method, only if the title or abstract names one.")
    evidence: list[str] = Field(min_length=1, max_length=3, description="One to three verbatim quotes from the abstract or title supporting the summary.")

    @field_validator("evidence")
    @classmethod
    def _quotes_are_verbatim(cls, quotes: list[str], info: ValidationInfo) -> list[str]:
        paper = (info.context or {}).get("paper")
        if paper is not None:
            for quote in quotes:
                if not occurs_in(quote, *grounding_texts(paper)):
                    raise ValueError(f"evidence quote {quote!r} does not occur in the paper's {_texts(paper)}; quote it verbatim")
        return quotes

    @field_validator("method_name")
    @classmethod
    def _name_is_the_papers(cls, name: str | None, info: ValidationInfo) -> str | None:
        paper = (info.context or {}).get("paper")
        if name and paper is not None and not occurs_in(name, *grounding_texts(paper)):
            raise ValueError(f"method name {name!r} does not occur in the paper's {_texts(paper)}; use null when the paper names none")
        return name

    @model_validator(mode="after")
    def _key_is_the_papers(self, info: ValidationInfo) -> PaperSummary:
        paper = (info.context or {}).get("paper")
        if paper is not None and self.key != paper.key:
            raise ValueError(f"key {self.key!r} is not the key of this paper; use {paper.key!r}")
        return self


def _texts(paper: Paper) -> str:
    """What the paper's text is made of, as validation messages name it."""
    return "title, abstract or excerpts" if paper.excerpts else "title or abstract"
