"""JSON Lines: one JSON object per line with the fields of a paper; blank lines are skipped.

Fields: key, title, abstract, authors (a list, or one string joined by " and "), year, venue,
doi, arxiv, url, keywords (a list or a comma-separated string), entry_type (a BibTeX type; by
default `article` when there is a venue, else `misc`). Other fields are ignored.
"""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, ValidationError

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords, Problem
from litreview.corpus.readers.scholarly import UnreadableWork, is_a_work, work_paper
from litreview.corpus.readers.fields import (
    arxiv_from,
    bounded_int,
    doi_from,
    invalid_json,
    plain_text,
    prose_text,
    split_authors,
    split_keywords,
    year_from,
)

_JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}
_ONE_OBJECT = "each line must be one JSON object"
_FIELD_TYPES = "authors and keywords are lists of strings, year a number, other fields strings"


class JsonlRecord(BaseModel):
    """The fields litreview reads from one line."""

    model_config = ConfigDict(extra="ignore")

    key: str | None = None
    title: str | None = None
    abstract: str | None = None
    authors: list[str] | str = []
    year: int | str | None = None
    venue: str | None = None
    doi: str | None = None
    arxiv: str | None = None
    url: str | None = None
    keywords: list[str] | str = []
    entry_type: str | None = None


def read(text: str, path: str) -> FileRecords:
    """One paper per non-blank line, each pointing at its line; a line that cannot be read is reported and skipped."""
    papers: list[Paper] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            data = _json_object(line)
            # OpenAlex's snapshot and pyalex write a work a line; so do Semantic Scholar's bulk answers
            papers.append(work_paper(data, path, number) if is_a_work(data) else _paper(_record(data), path, number))
        except UnreadableWork as error:
            problems.append(Problem(origin=Origin(path=path, line=number), message=str(error), outcome="line skipped",
                                    hint="save the API's answer again"))
        except _UnreadableLine as error:
            problems.append(Problem(origin=Origin(path=path, line=number), message=error.message, outcome="line skipped",
                                    hint=error.hint))
    return FileRecords(path=path, format="jsonl", papers=papers, problems=problems)


class _UnreadableLine(ValueError):
    """A line that is not a JSON object with fields of the right types."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _json_object(line: str) -> dict:
    """The JSON object of one line, or an error saying what is wrong with it."""
    try:
        data = json.loads(line, parse_int=bounded_int)
    except json.JSONDecodeError as error:
        raise _UnreadableLine(invalid_json(error), _ONE_OBJECT) from None
    except (ValueError, RecursionError) as error:  # nested too deeply, a 5,000-digit number
        what = "nested too deeply" if isinstance(error, RecursionError) else str(error).split(";")[0]
        raise _UnreadableLine(f"invalid JSON ({what})", _ONE_OBJECT) from None
    if not isinstance(data, dict):
        kind = "null" if data is None else _JSON_KINDS[type(data)]
        raise _UnreadableLine(f"line is {kind}, not a JSON object", _ONE_OBJECT)
    return data


def _record(data: dict) -> JsonlRecord:
    """The validated record of one line's object, or an error saying which field is wrong."""
    try:
        return JsonlRecord.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        field = ".".join(str(part) for part in problem["loc"][:1])
        raise _UnreadableLine(f"field {field!r}: {problem['msg']}", _FIELD_TYPES) from None


def _paper(record: JsonlRecord, path: str, number: int) -> Paper:
    """The paper of one record."""
    authors = split_authors(record.authors) if isinstance(record.authors, str) else record.authors
    keywords = split_keywords(record.keywords) if isinstance(record.keywords, str) else record.keywords
    doi = doi_from(record.doi)
    venue = plain_text(record.venue)
    return Paper(
        key=plain_text(record.key),
        title=prose_text(record.title),
        abstract=prose_text(record.abstract),
        authors=tuple(name.strip() for name in authors if name.strip()),
        year=year_from(record.year),
        venue=venue,
        doi=doi,
        arxiv=arxiv_from(record.arxiv, record.url, doi) or plain_text(record.arxiv),
        url=plain_text(record.url),
        keywords=tuple(word.strip() for word in keywords if word.strip()),
        entry_type=plain_text(record.entry_type) or ("article" if venue else "misc"),
        origins=(Origin(path=path, line=number),),
    )
