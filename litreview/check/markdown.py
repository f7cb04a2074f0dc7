"""The citation keys of a Markdown manuscript, read as Pandoc reads them, outside code, comments and links."""

from __future__ import annotations

import bisect
import re

# Pandoc: a key starts with a letter, digit or _ and may hold internal punctuation :.#$%&-+?<>~/ , each one
# followed by a letter, digit or _ (so `@a..b` is the key `a`); the @ must not follow a word character (that
# is an e-mail address) or a backslash (an escaped @).
_MD_CITE = re.compile(r"(?<![\w\\@])@(?:\{(?P<braced>[^{}\n]+)\}|(?P<plain>\w+(?:[:.#$%&\-+?<>~/]\w+)*))")
# What the author may have meant as part of the key: more punctuation and word characters right after it.
_MD_KEY_TAIL = re.compile(r"(?:[:.#$%&\-+?<>~/]+\w+)+")
# Quarto (`@fig-x`) and pandoc-crossref (`@fig:x`, as Manubot manuscripts write) references to figures, tables,
# sections, equations..., not citations.
_CROSS_REFERENCE = re.compile(r"(?:fig|tbl|lst|sec|eq|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|tip|nte|wrn|imp|cau)-"
                              r"|(?:fig|tbl|lst|sec|eq):")
# Autolinks <https://...> and link targets ](https://x/@y); bounded, so a long run without `>` is no rescan.
_MD_LINKS = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]{0,30}:[^>\s]{0,2000}>|\]\([^)\s]{0,2000}")
_FENCE = re.compile(r"^(`{3,}|~{3,})", re.MULTILINE)
_BACKTICKS = re.compile(r"`+")


def markdown_keys(text: str) -> list[tuple[str, int, str | None]]:
    """Each Pandoc citation key of a Markdown text: the key, its offset, and what the author wrote when longer."""
    text = _blank_non_prose(text)
    found: list[tuple[str, int, str | None]] = []
    for match in _MD_CITE.finditer(text):
        if match.group("braced"):
            found.append((match.group("braced").strip(), match.start("braced"), None))
            continue
        key = match.group("plain")
        if _CROSS_REFERENCE.match(key):
            continue
        tail = _MD_KEY_TAIL.match(text, match.end())
        found.append((key, match.start("plain"), key + tail.group() if tail else None))
    return found


def _blank_non_prose(text: str) -> str:
    """`text` with code blocks, code spans, HTML comments and link targets blanked (lines and offsets kept).

    Each kind is found in one pass (no pattern rescans the rest of the text from every unclosed opener).
    """
    for find_spans in (_fenced_blocks, _html_comments, _code_spans):
        text = _blanked(text, find_spans(text))
    return _MD_LINKS.sub(lambda m: " " * len(m.group(0)), text)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span's characters but line breaks replaced by spaces."""
    if not spans:
        return text
    parts, position = [], 0
    for start, end in spans:
        parts += [text[position:start], re.sub(r"[^\n]", " ", text[start:end])]
        position = end
    return "".join(parts) + text[position:]


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks; one never closed runs to the end, as in Pandoc."""
    spans: list[tuple[int, int]] = []
    opening = _FENCE.search(text)
    while opening:
        closing = re.compile(rf"^{re.escape(opening.group(1))}[ \t]*$", re.MULTILINE).search(text, opening.end())
        end = closing.end() if closing else len(text)
        spans.append((opening.start(), end))
        opening = _FENCE.search(text, end + 1) if closing else None
    return spans


def _html_comments(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans: a run of backticks up to the next run of the same length."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        after = bisect.bisect_right(same, index)
        if after == len(same):
            index += 1
            continue
        spans.append((start, runs[same[after]][1]))
        index = same[after] + 1
    return spans
