"""What keeps every stage's output true to the papers: citation markers, quote matching, answer records.

Shared by the summarize, group and write stages (their schemas' validators) and by the offline engine.
A quote is faithful when it is the paper's text up to typography: Unicode forms (NFKC: ligatures,
full-width letters), dash and quote styles, LaTeX escapes (`0.1\\%`), whitespace and case. `find_quote`
also accepts an elided quote (`A ... B`, each part in order) and repairs a near-verbatim one (one
word changed) to the paper's own words; nothing else passes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pydantic import ValidationInfo

CITATION_MARKERS = re.compile(
    r"\[\s*\d+(?:\s*[,;\u2013-]\s*\d+)*\s*\]"          # [1], [2, 3], [4-6]
    r"|\\[A-Za-z]*cite[A-Za-z]*\b"                     # \cite, \citep, \autocite, \textcite
    r"|\[@|(?<![\w.])@[A-Za-z][\w:.-]*"                 # Pandoc [@key] and @key
    r"|[(\[]\s*[A-Z][^()\[\]]{0,60}?,?\s+(?:19|20)\d{2}[a-z]?\s*[)\]]"  # (Smith, 2020), [Smith et al. 2020]
)
# "... blood pressure (hypertension) (1).": a numbered reference where a clause ends; not "(1) and (2)", "Eq. (1)".
# The lookahead comes first: tried at every character, it fails at once but before a bracketed number.
NUMBERED_REFERENCE = re.compile(r"(?=\s+\(\d)(?<=[\w)\]])(?<!\band)(?<!\bor)(?<!\bto)(?<!\bof)(?<!\bin)(?<!\bsee)"
                                r"\s+\(\d{1,3}(?:\s*,\s*\d{1,3})*\)(?=[.,;:]|$)")
# "(Smith 1990)", "[Thatcher, 1967]": a bracket that cites; one holding such a bracket (marked "\0") cites too.
_CITED_BRACKET = re.compile(r"\s*[(\[][^()\[\]]*(?:\b(?:19|20)\d{2}[a-z]?\b|\0)[^()\[\]]*[)\]]")

# Typography that differs between an abstract and a model's copy of it, mapped to one form.
_CHARACTERS = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u00ad": None, "\u200b": None,
})
_LATEX = [
    (re.compile(r"\\([%&$#_{}])"), r"\1"),            # \% \& \$ \# \_ \{ \}
    (re.compile(r"\\(?:textit|textbf|emph|mathrm|text)\s*\{([^{}]*)\}"), r"\1"),
    (re.compile(r"(?<!\\)[{}]"), ""),                 # grouping braces
    (re.compile(r"---?"), "-"),                        # TeX dashes
    (re.compile(r"''|``"), '"'),                       # TeX quotes
    (re.compile(r"(?<!\w)\$([^$]{1,40})\$"), r"\1"),   # short inline maths: $n$ -> n
    (re.compile(r"\\,|~"), " "),
]
ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|\u2026|\[\s*(?:\.\.\.|\u2026)\s*\])\s*")
_EDGE_PUNCTUATION = "\"'()[]{}.,;:!?"


def without_cited_brackets(text: str) -> str:
    """`text` without the brackets that cite, nested ones whole: "of Brainerd (Information and Control 14 (1969),
    217-231) and Rounds" -> "of Brainerd and Rounds". A bracket never closed stays, with all that follows it."""
    while (uncited := _CITED_BRACKET.sub("\0", text)) != text:
        text = uncited
    return text.replace("\0", "")


def normalise(text: str) -> str:
    """Text reduced to what a faithful copy must keep: NFKC, one dash and quote style, LaTeX escapes
    undone, runs of whitespace collapsed, case folded."""
    text = unicodedata.normalize("NFKC", text).translate(_CHARACTERS)
    for pattern, replacement in _LATEX:
        text = pattern.sub(replacement, text)
    return " ".join(text.split()).casefold()


def occurs_in(fragment: str, *sources: str | None) -> bool:
    """Whether `fragment` appears verbatim (modulo typography, case and whitespace) in one of `sources`."""
    needle = normalise(fragment)
    return bool(needle) and any(needle in normalise(source) for source in sources if source)


@dataclass(frozen=True)
class QuoteMatch:
    """Where a quote was found: the paper's own words for it, and how it matched."""

    text: str  # the source's words (with its typography), to keep instead of the model's copy
    how: str  # "verbatim", "elided" or "repaired"


def find_quote(quote: str, *sources: str | None, min_words_to_repair: int = 6) -> QuoteMatch | None:
    """The paper's words for `quote`, or None when it is not a faithful quote of any source.

    Verbatim (modulo typography) first; then an elided quote whose parts each occur, in order, in one
    source; then a near-verbatim one of at least `min_words_to_repair` words with one word changed.
    """
    if not normalise(quote):
        return None
    for source in filter(None, sources):
        words = _words(source)
        parts = [part for part in ELLIPSIS.split(quote) if normalise(part)]
        if len(parts) == 1:
            found = _exact(_keys(parts[0]), words)
            if found is not None:
                return QuoteMatch(_span(source, words, *found, like=quote), "verbatim")
        elif len(parts) > 1:
            elided = _in_order([_keys(part) for part in parts], words)
            if elided is not None:
                return QuoteMatch(" ... ".join(_span(source, words, *span, like=part)
                                               for span, part in zip(elided, parts)), "elided")
    if not ELLIPSIS.search(quote) and occurs_in(quote, *sources):  # a copy that starts or ends mid-word
        return QuoteMatch(" ".join(quote.split()), "verbatim")
    wanted = _keys(quote)
    if len(wanted) >= min_words_to_repair and not ELLIPSIS.search(quote):
        for source in filter(None, sources):
            words = _words(source)
            found = _one_word_off(wanted, words)
            if found is not None:
                return QuoteMatch(_span(source, words, *found, like=quote), "repaired")
    return None


def content_words(text: str) -> set[str]:
    """The words of `text` that carry content (four letters or more, not a common function word)."""
    return {word for word in re.findall(r"[^\W\d_]{4,}", normalise(text)) if word not in _FUNCTION_WORDS}


def echoes(text: str, phrases: list[str], words: int = 5) -> str | None:
    """The phrase of `phrases` whose first `words` words `text` repeats (a model copying its instructions), or None."""
    said = normalise(text)
    for phrase in phrases:
        opening = " ".join(normalise(phrase).split()[:words])
        if opening and opening in said:
            return phrase
    return None


def record_answer(data: object, info: ValidationInfo) -> object:
    """Append the raw answer to the context's "answers" list, when the caller asked for one."""
    answers = (info.context or {}).get("answers")
    if isinstance(answers, list):
        answers.append(data)
    return data


def _words(source: str) -> list[tuple[str, int, int]]:
    """Each whitespace-separated word of `source` as (comparison key, start, end)."""
    return [(_key(match.group()), match.start(), match.end()) for match in re.finditer(r"\S+", source)]


def _keys(text: str) -> list[str]:
    return [key for key in (_key(word) for word in normalise(text).split()) if key]


def _key(word: str) -> str:
    """A word compared without case, typography or the punctuation around it."""
    return normalise(word).strip(_EDGE_PUNCTUATION)


def _exact(wanted: list[str], words: list[tuple[str, int, int]], start: int = 0) -> tuple[int, int] | None:
    """The first run of `words` from `start` whose keys are `wanted` (empty keys skipped), as (first, last)."""
    keys = [(key, n) for n, (key, _, _) in enumerate(words) if key and n >= start]
    size = len(wanted)
    for i in range(len(keys) - size + 1):
        if [key for key, _ in keys[i:i + size]] == wanted:
            return keys[i][1], keys[i + size - 1][1]
    return None


def _in_order(parts: list[list[str]], words: list[tuple[str, int, int]]) -> list[tuple[int, int]] | None:
    spans, start = [], 0
    for part in parts:
        found = _exact(part, words, start) if part else None
        if found is None:
            return None
        spans.append(found)
        start = found[1] + 1
    return spans


def _one_word_off(wanted: list[str], words: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """A run of `words` as long as `wanted` that differs from it in exactly one word."""
    keys = [(key, n) for n, (key, _, _) in enumerate(words) if key]
    size = len(wanted)
    for i in range(len(keys) - size + 1):
        window = keys[i:i + size]
        if sum(key != want for (key, _), want in zip(window, wanted)) == 1:
            return window[0][1], window[-1][1]
    return None


def _span(source: str, words: list[tuple[str, int, int]], first: int, last: int, *, like: str) -> str:
    """The source's text from word `first` to word `last`, with punctuation at its ends only where the
    quote `like` has some too."""
    text = " ".join(source[words[first][1]:words[last][2]].split())
    quote = like.strip()
    if quote and quote[-1] not in _EDGE_PUNCTUATION:
        text = text.rstrip(_EDGE_PUNCTUATION)
    if quote and quote[0] not in _EDGE_PUNCTUATION:
        text = text.lstrip(_EDGE_PUNCTUATION)
    return text


_FUNCTION_WORDS = frozenset(
    "about above after again against also among another because been before being below between both "
    "cannot could does doing down during each from further have having here itself just more most much "
    "must only other ours over same should some such than that their theirs them then there these they "
    "this those through under until very were what when where which while whom with within without "
    "would your yours into onto upon paper papers work works propose proposes proposed present presents "
    "show shows shown using used uses based approach method methods results result study studies".split()
)
