"""CSL-JSON files as Zotero and Better BibTeX export them: a JSON array of CSL items.

The citation key is `citation-key` (or `citationKey`) when present; else, in the `references.json` Manubot
writes, the `standard_id` its note names, which is what a Manubot manuscript cites (`@doi:10.1145/2939672.2939785`,
`@arxiv:2005.14165`, a raw key) where the item's `id` is a hash of it; else `id`, which is where Better BibTeX puts
it. An `id` that is a Zotero item URI or library/item path is not a key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from litreview.corpus.keys import is_citable_key
from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords, Problem, scholarly
from litreview.corpus.readers.fields import (
    arxiv_from,
    bounded_int,
    doi_from,
    invalid_json,
    plain_text,
    prose_text,
    split_keywords,
    year_from,
)

_NOT_A_KEY = re.compile(r"^(?:https?://|\d+/[A-Z0-9]{8}$)")
_MANUBOT_ID = re.compile(r"^standard_id:[ \t]*(\S+)[ \t]*$", re.MULTILINE)  # a line of the note Manubot writes
_SEPARATORS = re.compile(r"[\s,]*")
_OPENING = re.compile(r"\s*\[")
_ENTRY_TYPES = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "article": "misc", "paper-conference": "inproceedings", "book": "book", "chapter": "incollection",
    "thesis": "phdthesis", "report": "techreport",
}


class CslName(BaseModel):
    """One CSL name: family/given parts, or a `literal` for organisations."""

    model_config = ConfigDict(extra="ignore")

    family: str | None = None
    given: str | None = None
    literal: str | None = None
    dropping_particle: str | None = Field(None, alias="dropping-particle")
    particle: str | None = Field(None, alias="non-dropping-particle")
    suffix: str | None = None

    def as_written(self) -> str:
        """`von Family, Jr, Given` as BibTeX writes a name, or the literal name."""
        family = " ".join(part for part in (self.dropping_particle, self.particle, self.family) if part)
        parts = [part for part in (family, self.suffix, self.given) if part]
        return self.literal or ", ".join(parts)


class CslDate(BaseModel):
    """A CSL date: `date-parts` (numbers or strings, as Zotero writes them), or `raw` / `literal`."""

    model_config = ConfigDict(extra="ignore")

    date_parts: list[list[int | str | None]] | None = Field(None, alias="date-parts")
    raw: str | None = None
    literal: str | None = None

    def year(self) -> int | None:
        """The year of the date, or None."""
        if self.date_parts and self.date_parts[0]:
            return year_from(str(self.date_parts[0][0]))
        return year_from(self.raw or self.literal)


class CslItem(BaseModel):
    """The CSL variables litreview uses; every other variable is ignored."""

    model_config = ConfigDict(extra="ignore")

    id: str | int | None = None
    citation_key: str | None = Field(None, alias="citation-key")
    citation_key_camel: str | None = Field(None, alias="citationKey")
    type: str | None = None
    title: str | None = None
    abstract: str | None = None
    author: list[CslName] = []
    issued: CslDate | None = None
    container_title: str | list[str] | None = Field(None, alias="container-title")
    publisher: str | None = None
    doi: str | None = Field(None, alias="DOI")
    isbn: str | None = Field(None, alias="ISBN")
    url: str | None = Field(None, alias="URL")
    number: str | int | None = None
    keyword: str | None = None
    keywords: list[str] | str | None = None
    note: str | None = None

    def key(self) -> str | None:
        """The citation key: `citation-key`, else the `standard_id` Manubot noted where it is citable as it is, else
        an `id` that is not a Zotero item reference."""
        key = self.citation_key or self.citation_key_camel
        if key:
            return key
        manubot = _MANUBOT_ID.search(self.note or "")
        if manubot and is_citable_key(manubot[1]):
            return manubot[1]
        if isinstance(self.id, str) and self.id.strip() and not _NOT_A_KEY.match(self.id):
            return self.id.strip()
        return None


def read(text: str, path: str) -> FileRecords:
    """Every item of a CSL-JSON array, in file order, each pointing at the line its object opens.

    Items are decoded one at a time, so an item with broken syntax or a wrong field is reported and
    skipped and the items after it are still read.
    """
    problems: list[Problem] = []
    papers = []
    kinds = set()
    for number, (item, line) in enumerate(_items(text, path, problems, start=scholarly.works_start(text) or 0), 1):
        paper = _paper(item, path, line, number, problems)
        if paper is not None:
            papers.append(paper)
            kinds.add(scholarly.source_of(item))
    kind = next(iter(kinds)) if len(kinds) == 1 else "csl-json"
    return FileRecords(path=path, format=kind or "csl-json", papers=papers, problems=problems)


def _items(text: str, path: str, problems: list[Problem], start: int = 0) -> Iterator[tuple[Any, int]]:
    """Each element of the array opening at `start` (the top-level one, or an API answer's list of works) and the
    line it starts on; broken ones are reported."""
    opening = _OPENING.match(text, start)
    if opening is None or not text.strip():
        if text.strip():
            problems.append(Problem(origin=Origin(path=path, line=1), message="CSL-JSON must be an array of items", outcome="file skipped",
                                    hint="export as CSL JSON from Zotero or Better BibTeX ([{...}, {...}]), or save "
                                         "an OpenAlex or Semantic Scholar answer whole"))
        return
    decoder = json.JSONDecoder(parse_int=bounded_int)
    position, line, counted = opening.end(), 1, 0
    while True:
        position = _SEPARATORS.match(text, position).end()
        if position >= len(text) or text[position] == "]":
            return
        line += text.count("\n", counted, position)
        counted = position
        try:
            item, position = decoder.raw_decode(text, position)
        except (ValueError, RecursionError) as error:  # JSONDecodeError, too deep, a 5,000-digit number
            problems.append(_syntax_problem(error, path, line))
            position = _next_item(text, position)
            if position < 0:
                return
            continue
        yield item, line


def _syntax_problem(error: Exception, path: str, line: int) -> Problem:
    """The problem of an item json could not decode, at the line json names when it names one."""
    if isinstance(error, json.JSONDecodeError):
        return Problem(origin=Origin(path=path, line=error.lineno), message=invalid_json(error), outcome="item skipped",
                       hint="fix the syntax or export the file again as CSL JSON")
    what = "nested too deeply" if isinstance(error, RecursionError) else str(error).split(";")[0]
    return Problem(origin=Origin(path=path, line=line), message=f"invalid JSON ({what})", outcome="item skipped",
                   hint="fix the item or export the file again as CSL JSON")


def _next_item(text: str, position: int) -> int:
    """Where the item after a broken one starts: the next line that opens an object at the broken item's
    indentation (-1 when there is none)."""
    line_start = text.rfind("\n", 0, position) + 1
    indent = text[line_start:position]
    indent = indent[:len(indent) - len(indent.lstrip())]
    following = re.compile("^" + re.escape(indent) + r"\{", re.MULTILINE).search(text, position + 1)
    return following.start() + len(indent) if following else -1


def _paper(item: Any, path: str, line: int, number: int, problems: list[Problem]) -> Paper | None:
    """The paper of one CSL item, or None and a problem naming the item and the field that is wrong."""
    origin = Origin(path=path, line=line)
    if not isinstance(item, dict):
        problems.append(Problem(origin=origin, message=f"item {number} is not a JSON object", outcome="item skipped",
                                hint="each element of the array must be a CSL item {...}"))
        return None
    if scholarly.is_a_work(item):
        try:
            return scholarly.work_paper(item, path, line)
        except scholarly.UnreadableWork as error:
            problems.append(Problem(origin=origin, message=f"item {number}: {error}", outcome="item skipped",
                                    hint="save the API's answer again, whole"))
            return None
    try:
        csl = CslItem.model_validate(item)
    except (ValidationError, RecursionError) as error:
        field, message = _first_problem(error)
        problems.append(Problem(origin=origin, message=f"item {number} field {field!r}: {message}", outcome="item skipped",
                                hint="fix the value or export the file again"))
        return None
    return _to_paper(csl, path, line)


def _first_problem(error: Exception) -> tuple[str, str]:
    """The field and message of the first validation error."""
    if not isinstance(error, ValidationError):
        return "?", "nested too deeply"
    problem = error.errors()[0]
    return ".".join(str(part) for part in problem["loc"]), problem["msg"]


def _to_paper(csl: CslItem, path: str, line: int) -> Paper:
    """A validated CSL item as a paper."""
    venue = next(iter(csl.container_title), None) if isinstance(csl.container_title, list) else csl.container_title
    doi = doi_from(csl.doi)
    return Paper(
        key=csl.key(),
        title=prose_text(csl.title),
        abstract=prose_text(csl.abstract),
        authors=tuple(name for name in (author.as_written() for author in csl.author) if name),
        year=csl.issued.year() if csl.issued else None,
        venue=plain_text(venue) or plain_text(csl.publisher),
        doi=doi,
        arxiv=arxiv_from(None, csl.url, doi, str(csl.number or "")),
        url=plain_text(csl.url),
        isbn=plain_text(csl.isbn),
        keywords=tuple(_keywords(csl)),
        entry_type=_ENTRY_TYPES.get(csl.type or "", "misc"),
        origins=(Origin(path=path, line=line),),
    )


def _keywords(csl: CslItem) -> list[str]:
    """Keywords from CSL's `keyword` string or a `keywords` list or string."""
    words = csl.keywords if isinstance(csl.keywords, list) else split_keywords(csl.keywords or "")
    return [*split_keywords(csl.keyword or ""), *(word.strip() for word in words if word.strip())]
