"""How the papers spell a term: where a text says it, and its words as they write them (acronyms, names, a word
set in capitals among others)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from litreview.group.acronyms import ACRONYM

# Around a word: the start of a sentence or line before it, a Title Case word before or after it.
_SENTENCE_START = re.compile(r"(?:[.!?:](?<!\b[A-Z]\.)|\n)\s*$")  # not an initial's: "the U.S. National Science Foundation"
_TITLE_CASE_NEXT = re.compile(r"\s+[A-Z][a-z]")
_TITLE_CASE_BEFORE = re.compile(r"\b(?!(?:The|A|An)\s)[A-Z][a-z][\w-]*\s+$")  # "The" starts a sentence, not a run
_DEFINES = re.compile(r"\s*\(")  # "Low-Rank Adaptation (LoRA)"
# An institution's or an instrument's name keeps its capitals where it defines an acronym too: "World Health
# Organization (WHO)", "Goode Solar Telescope (GST)", "Helioseismic and Magnetic Imager (HMI)"
_INSTITUTION_OR_INSTRUMENT = re.compile(
    r"\b(?:Organi[sz]ations?|Administration|Agency|Association|Institutes?|Cent(?:er|re)s?|Society|Foundation|Committee|"
    r"Council|Commission|Department|Ministry|Union|Bureau|Academy|Federation|Consortium|Authority|Observatory|"
    r"University|Laboratory|Telescope|Satellite|Spectrometer|Spectrograph|Spectropolarimeter|Imager|Radar|Mission|"
    r"Explorer|Station)\b")
CONTEXT_CHARS = 80  # how much text before a word says where it stands


def spelled(term: str) -> str:
    """A regular expression for `term` where a text says it: its words with any space between them, never the end
    of a longer word ("LLM" not in "MLLM"); what may follow is the caller's."""
    return r"(?<![\w-])" + phrase_words(term)


def phrase_words(term: str) -> str:
    """A regular expression for the words of `term` with any space between them (`spelled` without what goes before)."""
    return r"\s+".join(map(re.escape, term.split()))


def phrase_pattern(term: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """`term` as a whole phrase of a text: neither the end nor the start of a longer word (see `spelled`)."""
    return re.compile(spelled(term) + r"(?![\w-])", flags)


def surface_form(term: str, texts: Iterable[str]) -> str:
    """`term` with each word as the papers spell it when that is an acronym (`clip` -> `CLIP`), else lower case; a
    phrase that is a name, or holds one, as they spell it ("World Health Organization", "eastern Italian Alps")."""
    texts = list(texts)
    return (" " in term and (_spelled_as_name(term, texts) or _spelled_with_a_name(term, texts))) or \
        " ".join(_word_form(word, texts) for word in term.split())


def _spelled_with_a_name(term: str, texts: list[str]) -> str | None:
    """The papers' spelling of the phrase `term` when, in their running text, it holds a name past its first word
    that every use capitalises, and a use has a word in lower case, which no Title Case explains: "eastern Italian
    Alps", "Illinois River basin" (also written "Illinois River Basin"). Uses in a title or opening a sentence,
    which may capitalise any word, do not count."""
    pattern = phrase_pattern(term)
    uses = [match.group(0).split() for text in texts for match in pattern.finditer(text)
            if _mid_sentence(text, match.start()) and not _shouted(text, match.start(), match.end())]
    mixed = [use for use in uses if any(word[:1].islower() for word in use)]
    capital = [all(use[n][:1].isupper() for use in uses) for n in range(len(mixed[0]))] if mixed else []
    if not any(capital[1:]):
        return None
    return " ".join(word if capital[n] else word.lower() for n, word in enumerate(mixed[0]))


def _spelled_as_name(term: str, texts: list[str]) -> str | None:
    """The papers' spelling of the phrase `term` when every use of it capitalises each word, one use at least in
    their running text, past a sentence's first word: a name ("World Health Organization"), never written "world
    health organization" by anyone. A phrase one paper capitalises in its title only is no name."""
    pattern = phrase_pattern(term)
    uses = [(" ".join(match.group(0).split()), text, match) for text in texts for match in pattern.finditer(text)]
    if not uses or not all(word[:1].isupper() for spelled, _, _ in uses for word in spelled.split()):
        return None
    if not any(_said_as_name(text, match.start(), match.end()) for _, text, match in uses):
        return None
    return Counter(spelled for spelled, _, _ in uses).most_common(1)[0][0]


def _said_as_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised phrase `text[start:end]` stands in running text past a sentence's first word, whole
    (no capitalised word before or after it: "Pathology Universal Embeddings") and not to define an acronym, as
    method names are ("Low-Rank Adaptation (LoRA)"), unless it is an institution's ("World Health Organization (WHO)"):
    "declared by the World Health Organization as ..."."""
    return (_mid_sentence(text, start) and not _TITLE_CASE_BEFORE.search(text, max(0, start - CONTEXT_CHARS), start)
            and not _TITLE_CASE_NEXT.match(text, end)
            and (not _DEFINES.match(text, end) or bool(_INSTITUTION_OR_INSTRUMENT.search(text, start, end))))


_LETTER = re.compile(r"[A-Z]")  # "X-ray", "T-cell", "N-body": a capital letter of its own is kept


def _word_form(word: str, texts: list[str]) -> str:
    """The most common spelling, each hyphenated part kept only if it is an acronym (CLIP-Driven -> CLIP-driven),
    a letter ("X-ray") or a name: capitalised wherever it occurs, also mid-sentence ("English-to-French")."""
    pattern = phrase_pattern(word)
    found = [(m.group(0), _in_running_text(text, m.start(), m.end())) for text in texts for m in pattern.finditer(text)
             if not _shouted(text, m.start(), m.end())]
    spellings = Counter(spelled for spelled, _ in found)
    spelling = spellings.most_common(1)[0][0] if spellings else word
    parts = spelling.split("-")
    names = {n for n, part in enumerate(parts) if part[:1].isupper() and any(mid for _, mid in found)
             and all(spelled.split("-")[n][:1].isupper() for spelled, _ in found if len(spelled.split("-")) == len(parts))}
    return "-".join(part if ACRONYM.search(part) or n in names or _LETTER.fullmatch(part) and len(parts) > 1
                    else part.lower() for n, part in enumerate(parts))


def _shouted(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` stands among words set in capitals, which make no acronym ("... ON INNOVATIVE WORK
    BEHAVIOUR", "USING CAUSAL ATTRIBUTIONS (Thesis)"): around it in its line, four capitals or more to a lower-case letter."""
    if not text[start:end].isupper():
        return False
    first = max(0, start - CONTEXT_CHARS)
    line = text[text.rfind("\n", first, start) + 1 or first:end + CONTEXT_CHARS].split("\n", 1)[0]
    return line.count(" ") >= 2 and sum(map(str.isupper, line)) >= 4 * sum(map(str.islower, line)) + end - start


def _in_running_text(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` stands mid-sentence in running text, where only a name keeps its capital: not in the
    first line (a Title Case title), not after a full stop, nor in a Title Case run such as "Multi-Label Text
    Classification (MLTC)". Only the words around it are looked at: a paper's text is searched once per term."""
    return (_mid_sentence(text, start) and not _TITLE_CASE_NEXT.match(text, end)
            and not _TITLE_CASE_BEFORE.search(text, max(0, start - CONTEXT_CHARS), start))


def _mid_sentence(text: str, start: int) -> bool:
    """Whether `start` is past `text`'s first line (its title) and past the first word of its sentence."""
    return text.find("\n", 0, start) >= 0 and not _SENTENCE_START.search(text, max(0, start - CONTEXT_CHARS), start)
