"""What the LLM (or the offline engine) must produce, and the validators that keep it true to the papers.

Validators read what they check against from the pydantic validation context, which instructor passes
through (`context=`), so a failure is fed back to the model as a re-ask:
- PaperSummary: `{"paper": Paper}`; every evidence quote and the method name occur in the paper's title or
  abstract (whitespace- and case-insensitive).
- Groups: `{"keys": [...], "min_groups": 2, "max_groups": 8}`; every key exactly once, no unknown key, no
  empty group, a number of groups within bounds.
- Paragraph: `{"group_keys": [...]}`; every cited key belongs to the group, every member is cited, every
  sentence cites a paper, and no sentence holds a citation marker (templates render citations, never the text).
- PositionedParagraph: also `{"our_work": text}`; the closing positioning sentence cites only the group and
  its quote occurs in the researcher's own text.

A context may also hold `"answers": []`: Groups and Paragraph append every raw answer they are asked to
validate, so that when the re-ask budget is spent the caller can still salvage the supported part of the
model's last answer (see `litreview.write`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator

Kind = Literal["method", "dataset", "benchmark", "survey", "analysis", "system", "position", "other"]

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
                if not occurs_in(quote, paper.title, paper.abstract):
                    raise ValueError(f"evidence quote {quote!r} does not occur in the paper's title or abstract; quote it verbatim")
        return quotes

    @field_validator("method_name")
    @classmethod
    def _name_is_the_papers(cls, name: str | None, info: ValidationInfo) -> str | None:
        paper = (info.context or {}).get("paper")
        if name and paper is not None and not occurs_in(name, paper.title, paper.abstract):
            raise ValueError(f"method name {name!r} does not occur in the paper's title or abstract; use null when the paper names none")
        return name

    @model_validator(mode="after")
    def _key_is_the_papers(self, info: ValidationInfo) -> PaperSummary:
        paper = (info.context or {}).get("paper")
        if paper is not None and self.key != paper.key:
            raise ValueError(f"key {self.key!r} is not the key of this paper; use {paper.key!r}")
        return self


class SubTheme(BaseModel):
    """One sub-theme of the related-work section and the papers it holds."""

    title: str = Field(description="A short title for the sub-theme (2-6 words).")
    description: str = Field(description="One line saying what the papers of this sub-theme have in common.")
    keys: list[str] = Field(description="Citation keys of the member papers.")


class Groups(BaseModel):
    """The selected papers divided into sub-themes: every selected key in exactly one group."""

    groups: list[SubTheme]

    @model_validator(mode="before")
    @classmethod
    def _record_answer(cls, data: object, info: ValidationInfo) -> object:
        return record_answer(data, info)

    @model_validator(mode="after")
    def _partition(self, info: ValidationInfo) -> Groups:
        context = info.context or {}
        if "keys" in context:
            problems = partition_problems(self, context["keys"], context.get("min_groups", 2), context.get("max_groups", 8))
            if problems:
                raise ValueError("; ".join(problems))
        return self


def partition_problems(groups: Groups, keys: list[str], min_groups: int, max_groups: int) -> list[str]:
    """Why `groups` is not a partition of `keys` into min..max non-empty groups (empty when it is)."""
    counts = Counter(key for group in groups.groups for key in group.keys)
    expected = set(keys)
    low = min(min_groups, len(expected))
    problems = [f"unknown key {key!r} (use only the given keys)" for key in counts if key not in expected]
    problems += [f"key {key!r} is in {n} groups (put it in exactly one)" for key, n in counts.items() if n > 1 and key in expected]
    problems += [f"key {key!r} is in no group" for key in sorted(expected - set(counts))]
    problems += [f"group {g.title!r} is empty" for g in groups.groups if not g.keys]
    if not low <= len(groups.groups) <= max_groups:
        problems.append(f"{len(groups.groups)} groups; make between {low} and {max_groups}")
    return problems


class Sentence(BaseModel):
    """One sentence of prose and the keys of the papers it is about (rendered as citations by templates)."""

    text: str = Field(description="The sentence, without any citation marker.")
    keys: list[str] = Field(description="Citation keys of the papers this sentence is about.")

    @field_validator("text")
    @classmethod
    def _no_citation_marker(cls, text: str) -> str:
        marker = CITATION_MARKERS.search(text)
        if marker:
            raise ValueError(f"the text holds a citation marker {marker.group(0)!r}; put keys only in 'keys', never in the text")
        return text


class Paragraph(BaseModel):
    """A paragraph about one sub-theme; every member paper is cited, no other paper is."""

    sentences: list[Sentence] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _record_answer(cls, data: object, info: ValidationInfo) -> object:
        return record_answer(data, info)

    @model_validator(mode="after")
    def _cites_exactly_the_group(self, info: ValidationInfo) -> Paragraph:
        group = (info.context or {}).get("group_keys")
        if group is not None:
            problems = citation_problems(self, group)
            if problems:
                raise ValueError("; ".join(problems))
        return self


def citation_problems(paragraph: Paragraph, group_keys: list[str]) -> list[str]:
    """Keys cited outside the group, sentences citing nothing, and members left uncited."""
    cited = [key for sentence in paragraph.sentences for key in sentence.keys]
    problems = [f"key {key!r} is not a paper of this group" for key in dict.fromkeys(cited) if key not in group_keys]
    problems += [f"sentence {n} cites no paper; give every sentence the keys of the papers it is about"
                 for n, sentence in enumerate(paragraph.sentences, 1) if not sentence.keys]
    problems += [f"paper {key!r} is not cited; cite every paper of the group" for key in group_keys if key not in cited]
    return problems


class PositionedParagraph(Paragraph):
    """A paragraph that closes by positioning the researcher's own work against the group's papers."""

    positioning: Sentence = Field(description="One closing sentence: the researcher's work against these papers; keys = papers it is contrasted with.")
    our_work_quote: str = Field(description="Words copied exactly from the researcher's own text that support the positioning sentence.")

    @model_validator(mode="after")
    def _positioning_is_grounded(self, info: ValidationInfo) -> PositionedParagraph:
        context = info.context or {}
        problems = positioning_problems(self, context.get("group_keys"), context.get("our_work"))
        if problems:
            raise ValueError("; ".join(problems))
        return self


def positioning_problems(paragraph: PositionedParagraph, group_keys: list[str] | None, our_work: str | None) -> list[str]:
    """Why the positioning sentence is unsupported: a key outside the group, or a quote not in our work."""
    problems = []
    if not paragraph.positioning.keys:
        problems.append("positioning cites no paper; give the keys of the papers it is contrasted with")
    if group_keys is not None:
        problems += [f"positioning cites {key!r}, not a paper of this group" for key in paragraph.positioning.keys if key not in group_keys]
    if our_work is not None and not occurs_in(paragraph.our_work_quote, our_work):
        problems.append(f"our_work_quote {paragraph.our_work_quote!r} does not occur in the researcher's text; copy it exactly")
    return problems


def record_answer(data: object, info: ValidationInfo) -> object:
    """Append the raw answer to the context's "answers" list, when the caller asked for one."""
    answers = (info.context or {}).get("answers")
    if isinstance(answers, list):
        answers.append(data)
    return data
