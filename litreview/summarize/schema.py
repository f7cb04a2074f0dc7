"""The summarize stage's answer: what one paper addresses, does and finds, checked field by field against it.

The model is asked for a `SummaryAnswer` (never for the paper's key, which litreview knows and fills in:
`PaperSummary`). Validators read the paper from the pydantic validation context (`{"paper": Paper}`) and
degrade per field, never per answer when a field can go: an evidence quote that is not the paper's text
is dropped (a near-verbatim one is repaired to the paper's words), an unsupported optional field
(`finding`, `method_name`) is set to null, and each such step is a note kept with the answer. Only what
leaves nothing usable fails validation (and is re-asked): no verified quote at all, or a `problem` /
`approach` that is empty, repeats the instructions, or shares no content word with the paper.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator
from pydantic.json_schema import SkipJsonSchema

from litreview.corpus.paper import Paper
from litreview.corpus.texts import grounding_texts
from litreview.grounding import content_words, echoes, find_quote, occurs_in

Kind = Literal["method", "dataset", "benchmark", "survey", "analysis", "system", "position", "other"]
MAX_QUOTES = 3
MAX_NAME_WORDS = 6  # a method name is a name (GPT-4, LoRA, Graph Attention Networks), not a sentence
MAX_NAME_CHARS = 60
SENTENCE: dict[str, Any] = {"maxLength": 400}  # characters: a long sentence

# What a confused model copies into a field instead of answering: its instructions and our re-asks.
REASK_OPENING = "Your previous answer could not be used"
_INSTRUCTION_ECHOES = [
    REASK_OPENING, "does not occur in the paper's title or abstract", "quote it verbatim",
    "in one sentence of your own", "exactly the value of the key attribute",
]


class SummaryAnswer(BaseModel):
    """What one paper addresses, does and finds, grounded in quotes from its own title or abstract."""

    model_config = ConfigDict(title="PaperSummary")  # the name the model sees (a tool's name, a schema's title)

    # The bounds in the schema (not enforced on the answer) let a server that constrains its output to the
    # schema (llama.cpp's grammars) stop a looping model early; a longer answer is still accepted.
    problem: str = Field(description="The problem the paper addresses, in one sentence.", json_schema_extra=SENTENCE)
    approach: str = Field(description="What the paper does or proposes, in one sentence.", json_schema_extra=SENTENCE)
    finding: str | None = Field(None, description="The main result or finding the abstract states, if any.",
                                json_schema_extra=SENTENCE)
    kind: Kind = Field(description="The kind of contribution.")
    method_name: str | None = Field(None, description="The short name the paper gives its method, only if the title or abstract names one.",
                                    json_schema_extra={"maxLength": MAX_NAME_CHARS})
    evidence: list[str] = Field(min_length=1, description="One to three verbatim quotes from the abstract or title supporting the summary.",
                                json_schema_extra={"maxItems": MAX_QUOTES, "items": {"type": "string", **SENTENCE}})
    notes: SkipJsonSchema[list[str]] = Field(default_factory=list, description="What litreview dropped or repaired in the model's answer.")

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> SummaryAnswer:
        paper = (info.context or {}).get("paper")
        if paper is not None:
            self._check_quotes(paper)
            self._check_prose(paper)
            self._check_method_name(paper)
        return self

    def _check_quotes(self, paper: object) -> None:
        """Keep the verified quotes (repaired to the paper's words); fail only when none is left."""
        kept: list[str] = []
        dropped: list[str] = []
        for quote in self.evidence:
            match = find_quote(quote, *grounding_texts(paper))  # type: ignore[arg-type]
            if match is None:
                dropped.append(quote)
                self.notes.append(_dropped("evidence quote", quote, f"it does not occur in the {_texts(paper)}"))
            elif match.text not in kept:
                kept.append(match.text)
                if match.how == "repaired":
                    self.notes.append(f"repaired an evidence quote to the paper's words: {_short(match.text)!r}")
        if not kept:
            said = ", ".join(repr(_short(quote, 60)) for quote in dropped[:2]) or "none given"
            raise ValueError(f"no evidence quote occurs in the paper's {_texts(paper)} ({said}); copy one to "
                             "three phrases from the abstract word for word")
        self.evidence = kept[:MAX_QUOTES]

    def _check_prose(self, paper: object) -> None:
        """`problem` and `approach` must be about this paper; an unsupported `finding` is dropped."""
        for name in ("problem", "approach"):
            problem = _prose_problem(getattr(self, name), paper)
            if problem:
                raise ValueError(f"{name}: {problem}; write one sentence of your own about this paper")
        if self.finding is not None:
            problem = _prose_problem(self.finding, paper)
            if problem:
                self.notes.append(_dropped("finding", self.finding, problem))
                self.finding = None

    def _check_method_name(self, paper: object) -> None:
        name = (self.method_name or "").strip()
        if not name:
            self.method_name = None
            return
        if len(name.split()) > MAX_NAME_WORDS or len(name) > MAX_NAME_CHARS:
            self.notes.append(_dropped("method name", name, "it is a phrase, not a name"))
            self.method_name = None
        elif not occurs_in(name, *grounding_texts(paper)):  # type: ignore[arg-type]
            self.notes.append(_dropped("method name", name, "the title, abstract and excerpts do not name it"
                                      if paper.excerpts else "the title and abstract do not name it"))  # type: ignore[attr-defined]
            self.method_name = None


class PaperSummary(SummaryAnswer):
    """A paper's summary under its citation key (filled in by litreview, never asked of the model)."""

    key: str = Field(description="The paper's citation key.")

    @classmethod
    def of(cls, key: str, answer: SummaryAnswer) -> PaperSummary:
        """The summary of the paper `key` from the model's validated answer."""
        return cls(key=key, **answer.model_dump())


def _prose_problem(text: str, paper: object) -> str | None:
    """Why `text` is not a sentence about `paper` (empty, the instructions echoed, off the paper), or None."""
    if not text.strip():
        return "it is empty"
    echoed = echoes(text, _schema_descriptions() + _INSTRUCTION_ECHOES)
    if echoed:
        return f"it repeats the instructions ({_short(echoed, 40)!r})"
    words = content_words(text)
    source = content_words(" ".join(grounding_texts(paper)))  # type: ignore[arg-type]
    if len(words) >= 3 and source and not words & source:
        return f"it shares no content word with the {_texts(paper)}"
    return None


def _schema_descriptions() -> list[str]:
    fields = [field.description or "" for field in SummaryAnswer.model_fields.values()]
    return [SummaryAnswer.__doc__ or "", *fields]


def _dropped(what: str, value: str, why: str) -> str:
    return f"dropped the {what} {_short(value)!r}: {why}"


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _texts(paper: Paper) -> str:
    """What the paper's text is made of, as validation messages name it."""
    return "title, abstract or excerpts" if paper.excerpts else "title or abstract"
