"""Citation styles: how a sentence's keys become `\\citep{a,b}`, `\\autocite{a}`, `[@a; @b]` or `[1, 2]`.

A sentence citing exactly one paper and starting with that paper's author phrase (`Smith et al. propose
...`, see `author_phrase`) gets a textual citation in place of the phrase (`\\citet{smith2020} propose ...`);
any other sentence gets a parenthetical citation before its final punctuation, but for the keys it cites inline
(`Sentence.inline`): those come right after their words (`GeoNet~\\citep{geonet} and \\citet{zhan2018} use ...`).
Only keys of the draft's papers reach a citation, and only keys a citation command can hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from litreview.corpus.keys import is_citable_key
from litreview.corpus.paper import Paper, author_phrase
from litreview.errors import ConfigError, RenderError
from litreview.rendering.markup import ESCAPERS, MARKERS, Format, Raw
from litreview.write.schema import Sentence

STYLES: dict[Format, tuple[str, ...]] = {"tex": ("natbib", "biblatex"), "md": ("pandoc", "numbered")}

# A Pandoc key that needs no braces: word characters with internal punctuation only.
_PANDOC_PLAIN_KEY = re.compile(r"\w+(?:[:.#$%&\-+?<>~/]\w+)*")
_FINAL_PUNCTUATION = re.compile(r"[.!?;:]*$")


@dataclass(frozen=True)
class CiteStyle:
    """One style for one format, bound to the draft's papers (and, for `numbered`, their numbers)."""

    name: str
    format: Format
    papers: Mapping[str, Paper]
    numbers: Mapping[str, int]

    @property
    def needs_bib(self) -> bool:
        """Whether the output comes with a companion .bib (all but `numbered`, which lists references)."""
        return self.name != "numbered"

    def parenthetical(self, keys: str | Sequence[str]) -> Raw:
        """`\\citep{a,b}`, `\\autocite{a,b}`, `[@a; @b]` or `[1, 2]`."""
        keys = self._checked(list(dict.fromkeys([keys] if isinstance(keys, str) else keys)))
        if self.name == "numbered":
            return self._raw("[" + ", ".join(str(n) for n in sorted({self.numbers[k] for k in keys})) + "]")
        if self.name == "pandoc":
            return self._raw("[" + "; ".join(_pandoc_key(k) for k in keys) + "]")
        command = "citep" if self.name == "natbib" else "autocite"
        return self._raw(f"\\{command}{{{','.join(keys)}}}")

    def textual(self, key: str) -> Raw:
        """`\\citet{a}`, `\\textcite{a}`, `@a` or `Smith et al. [1]`: the authors as the sentence's subject."""
        if not isinstance(key, str):
            raise TypeError(f"a textual citation takes one key, not a {type(key).__name__}")
        (key,) = self._checked([key])
        if self.name == "numbered":
            phrase = author_phrase(self.papers[key]) or self.papers[key].title or key
            return self._raw(f"{ESCAPERS['md'](phrase)} [{self.numbers[key]}]")
        if self.name == "pandoc":
            return self._raw(_pandoc_key(key))
        return self._raw(f"\\{'citet' if self.name == 'natbib' else 'textcite'}{{{key}}}")

    def sentence(self, sentence: Sentence) -> Raw:
        """The sentence's text, escaped, with its citations: inline ones in place, the others at its end."""
        escape = ESCAPERS[self.format]
        text = " ".join(sentence.text.split())
        if not sentence.keys:
            return escape(text)
        if sentence.inline:
            return self._with_inline(sentence, text)
        if len(sentence.keys) == 1:
            phrase = author_phrase(self._paper(sentence.keys[0]))
            if phrase and text.startswith(phrase + " "):
                return self._raw(self.textual(sentence.keys[0]) + " " + escape(text[len(phrase) + 1:]))
        return self._raw(self._cited_at_end(text, sentence.keys))

    def _cited_at_end(self, text: str, keys: Sequence[str]) -> str:
        """`text` escaped, with a parenthetical citation of `keys` before its final punctuation."""
        escape = self._escape_in_line
        body = _FINAL_PUNCTUATION.sub("", text)
        return escape(body) + self._tie + self.parenthetical(keys) + escape(text[len(body):])

    def _with_inline(self, sentence: Sentence, text: str) -> Raw:
        """Each inline citation right after its words (a paper's own author phrase becomes a textual citation),
        then the keys cited nowhere inside at the end."""
        escape = self._escape_in_line
        parts, position = [], 0
        for citation in sentence.inline:
            words = " ".join(citation.after.split())
            start = text.find(words, position)
            end = start + len(words)
            key = citation.keys[0] if len(citation.keys) == 1 else None
            if key is not None and words == author_phrase(self._paper(key)):
                parts += [escape(text[position:start]), self.textual(key)]
            else:
                parts += [escape(text[position:end]), self._tie, self.parenthetical(citation.keys)]
            position = end
        inside = {key for citation in sentence.inline for key in citation.keys}
        rest = [key for key in sentence.keys if key not in inside]
        parts.append(self._cited_at_end(text[position:], rest) if rest else escape(text[position:]))
        return self._raw("".join(parts))

    def _escape_in_line(self, segment: str) -> str:
        return _escaped_in_line(ESCAPERS[self.format], segment)

    @property
    def _tie(self) -> str:
        return "~" if self.format == "tex" else " "

    def _checked(self, keys: list[str]) -> list[str]:
        for key in keys:
            if not isinstance(key, str):
                raise TypeError(f"a citation key is a str, not a {type(key).__name__}")
            self._paper(key)
            if not is_citable_key(key):
                raise RenderError(f"the key {key!r} holds characters a citation cannot carry", where="draft",
                                  hint="give the paper a key without spaces, commas, braces, quotes or %#'=\\~")
        return keys

    def _paper(self, key: str) -> Paper:
        paper = self.papers.get(key)
        if paper is None:
            raise RenderError(f"cannot cite {key!r}: it is not a paper of the draft", where="draft",
                              hint="cite only keys of the draft's papers")
        return paper

    def _raw(self, text: str) -> Raw:
        return MARKERS[self.format](text)


def cite_style(fmt: Format, name: str | None, papers: Mapping[str, Paper], cited: Sequence[str]) -> CiteStyle:
    """The style `name` (default: natbib for tex, pandoc for md) for `fmt`, numbering `cited` in order."""
    choices = STYLES[fmt]
    name = name or choices[0]
    if name not in choices:
        raise ConfigError(f"cite style {name!r} does not apply to {fmt} output", where="--cite-style",
                          hint=f"use one of: {', '.join(choices)}")
    return CiteStyle(name, fmt, papers, {key: number for number, key in enumerate(cited, start=1)})


def _escaped_in_line(escape: Callable[[object], Raw], segment: str) -> str:
    """`segment` of a line escaped, the spaces at its edges kept (an escaper makes a value one line, stripped)."""
    body = segment.strip()
    if not body:
        return segment
    return segment[:len(segment) - len(segment.lstrip())] + escape(body) + segment[len(segment.rstrip()):]


def _pandoc_key(key: str) -> str:
    return f"@{key}" if _PANDOC_PLAIN_KEY.fullmatch(key) else f"@{{{key}}}"
