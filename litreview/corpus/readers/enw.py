"""EndNote's tagged import format (`.enw`, what Google Scholar's and publishers' "EndNote" links download): a record
from `%0 <type>` to the next, one field a line as `%X value`, authors one a line (`%A Lytle, David A.`), a line
without a tag going on with the field before it.
"""

from __future__ import annotations

import re

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords
from litreview.corpus.readers.fields import (
    ENDNOTE_TYPES,
    doi_from,
    last_first,
    prose_text,
    year_from,
)

_TAG = re.compile(r"^%(?P<tag>[0-9A-Z@!#$&()*+<>\[\]^~=?|])(?: (?P<value>.*))?$")


def read(text: str, path: str) -> FileRecords:
    """Every record of an EndNote tagged file, in file order, each pointing at its `%0` line."""
    records: list[tuple[int, list[tuple[str, str]]]] = []
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        tagged = _TAG.match(line.rstrip())
        if tagged and (tagged["tag"] == "0" or not records):
            records.append((number, []))
        if tagged:
            records[-1][1].append((tagged["tag"], (tagged["value"] or "").strip()))
        elif line.strip() and records and records[-1][1]:  # a value that goes on over lines
            tag, value = records[-1][1][-1]
            records[-1][1][-1] = (tag, f"{value} {line.strip()}")
    return FileRecords(path=path, format="endnote-tagged", papers=[_paper(fields, path, line) for line, fields in records])


def _paper(fields: list[tuple[str, str]], path: str, line: int) -> Paper:
    """The paper of one record's (tag, value) fields."""
    first = {}
    for tag, value in fields:
        first.setdefault(tag, value)
    urls = [value for tag, value in fields if tag == "U" and value]
    return Paper(
        title=prose_text(first.get("T")),
        abstract=prose_text(first.get("X")),
        authors=tuple(last_first(value) for tag, value in fields if tag == "A" and value),
        year=year_from(first.get("D") or first.get("8")),
        venue=first.get("J") or first.get("B") or None,
        doi=doi_from(first.get("R"), urls[0] if urls else None),
        url=urls[0] if urls else None,
        keywords=tuple(dict.fromkeys(value for tag, value in fields if tag == "K" and value)),
        entry_type=ENDNOTE_TYPES.get(first.get("0", ""), "article"),
        origins=(Origin(path=path, line=line),),
    )
