"""The write stage's answer: paragraphs of sentences, each carrying the keys of the papers it is about.

Validators read `{"group_keys": [...]}` (and `{"our_work": text}` for a positioned paragraph) from the
validation context: every cited key belongs to the group, every member is cited, every sentence cites a
paper, no sentence holds a citation marker (templates render citations, never the text), and the closing
positioning sentence cites only the group and quotes the researcher's own text. A context may also hold
`"answers": []`, so that when the re-ask budget is spent the caller can still salvage the supported part
of the model's last answer (see `litreview.write`).
"""

from __future__ import annotations

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import SkipJsonSchema

from litreview.grounding import CITATION_MARKERS, occurs_in, record_answer


class InlineCitation(BaseModel):
    """Keys cited inside a sentence, right after the words `after` ("UnDeepVO [7] and GeoNet [2] use ...")."""

    after: str
    keys: list[str]


class Sentence(BaseModel):
    """One sentence of prose and the keys of the papers it is about (rendered as citations by templates)."""

    text: str = Field(description="The sentence, without any citation marker.")
    keys: list[str] = Field(description="Citation keys of the papers this sentence is about.")
    # Where some of `keys` are cited inside the sentence, in the text's order; the others are cited at its end.
    # Written by the offline engine only: not part of the schema the LLM is shown.
    inline: SkipJsonSchema[list[InlineCitation]] = Field(default_factory=list)

    @field_validator("text")
    @classmethod
    def _no_citation_marker(cls, text: str) -> str:
        marker = CITATION_MARKERS.search(text)
        if marker:
            raise ValueError(f"the text holds a citation marker {marker.group(0)!r}; put keys only in 'keys', never in the text")
        return text

    @model_validator(mode="after")
    def _inline_citations_are_in_place(self) -> Sentence:
        position = 0
        for citation in self.inline:
            found = self.text.find(citation.after, position)
            if found < 0:
                raise ValueError(f"inline citation after {citation.after!r}: those words are not in the text after its last one")
            outside = [key for key in citation.keys if key not in self.keys]
            if outside:
                raise ValueError(f"inline citation of {outside[0]!r}, which is not among the sentence's keys")
            position = found + len(citation.after)
        return self


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


class Section(BaseModel):
    """One sub-theme of the draft: its title, one-line description, member keys and its paragraph."""

    title: str
    description: str
    keys: list[str]
    sentences: list[Sentence]
