"""Mending a BibTeX entry whose only fault is an unbalanced brace or quote inside a value, a missing comma between
two fields, or a missing closing brace, as exporters and hands write them (Better BibTeX's `{{\\&} Francis}`, ADS
entries without their `}`, `isbn = {3503-2691}` with the next field on the next line and no comma).

The fields are told apart by the lines that start with `name =`, as every exporter writes them; each value
is balanced on its own (an unmatched `}` dropped, an unclosed `{` or `"` closed at the value's end), so a
fault stays inside its field and the entry's other fields are read as written.
"""

from __future__ import annotations

import re

_HEAD = re.compile(r"\s*@\s*(\w+)\s*([{(])\s*([^\s,{}()=\"#%]+)\s*,")
_FIELD_START = re.compile(r"^[ \t]*,?[ \t]*([A-Za-z][\w:.+-]*)[ \t]*=[ \t]*", re.MULTILINE)
_CLOSERS = {"{": "}", "(": ")"}


def repair_entry(raw: str) -> tuple[str, list[str], list[str]] | None:
    """The entry text with each value balanced, a comma after each field but the last, and the entry closed; the names
    of the fields balanced, and of those a comma was added after.

    None when `raw` does not start like an entry with a key, or no field line can be found.
    """
    head = _HEAD.match(raw)
    if head is None:
        return None
    closer = _CLOSERS[head.group(2)]
    body = raw.rstrip()
    end = len(body) - 1 if body.endswith(closer) else len(body)
    fields = list(_FIELD_START.finditer(raw, head.end(), end))
    if not fields:
        return None
    parts = [raw[:fields[0].start()]]
    mended: list[str] = []
    unended: list[str] = []
    for index, field in enumerate(fields):
        stop = fields[index + 1].start() if index + 1 < len(fields) else end
        value, separator = _split_separator(raw[field.end():stop])
        balanced = balanced_value(value)
        if balanced != value:
            mended.append(field.group(1))
        if index + 1 < len(fields) and not separator.startswith(","):
            unended.append(field.group(1))
            separator = "," + separator
        parts.append(raw[field.start():field.end()] + balanced + separator)
    return "".join(parts).rstrip() + "\n" + closer, mended, unended


def _split_separator(text: str) -> tuple[str, str]:
    """A field's value and what follows it (the comma and line break before the next field)."""
    value = text.rstrip()
    separator = text[len(value):]
    if value.endswith(","):
        value, separator = value[:-1].rstrip(), "," + separator
    return value, separator


def balanced_value(value: str) -> str:
    """`{...}` or `"..."` with its inner braces balanced and its delimiter closed; other values as they are."""
    if value[:1] not in ("{", '"'):
        return value
    opener = value[0]
    closer = "}" if opener == "{" else '"'
    inner = balanced_braces(value[1:-1] if len(value) > 1 and value.endswith(closer) else value[1:])
    if inner.endswith("\\") and not inner.endswith("\\\\"):
        inner += " "  # `\}` would be an escaped brace, not the value's end
    return opener + inner + closer


def balanced_braces(text: str) -> str:
    """`text` with every `}` that closes nothing dropped and every `{` left open closed at the end."""
    kept: list[str] = []
    depth = 0
    for char in text:
        if char == "}":
            if depth == 0:
                continue
            depth -= 1
        elif char == "{":
            depth += 1
        kept.append(char)
    return "".join(kept) + "}" * depth
