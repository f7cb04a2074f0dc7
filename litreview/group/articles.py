"""How a shared term is said in a sentence: in the plural where the papers count it ("Both works discuss decoders"),
with "the" where they say it so ("the World Health Organization"), and bare only where they say it bare."""

from __future__ import annotations

import re
from collections.abc import Iterable

from litreview.group.acronyms import ACRONYM
from litreview.group.naming import NOMINAL, ends_a_phrase
from litreview.group.spelling import phrase_pattern
from litreview.group.terms import PLURAL_NOUN, uses_of


def plural(noun: str) -> str:
    """`encoder` -> `encoders`, `strategy` -> `strategies`, `box` -> `boxes`, `LLM` -> `LLMs`."""
    if re.search(r"(?:s|x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


# a word as a label says it too ("Antibody"), or an acronym
_SINGULAR_NOUN = re.compile(r"[a-zA-Z][a-z-]*[^s\W](?<!ing)(?<!ics)|(?P<acronym>[A-Z][A-Za-z0-9-]*[A-Z])")


def in_plural(term: str) -> str:
    """`term` with its last word in the plural when that is a singular noun ("learning algorithm" ->
    "learning algorithms", "LLM" -> "LLMs"); else as it is ("contrastive learning", "pseudo labels")."""
    *first, last = term.split()
    shape = _SINGULAR_NOUN.fullmatch(last)
    if not shape:
        return term
    return " ".join([*first, last + "s" if shape.group("acronym") else plural(last)])


def said_in_plural(term: str, texts: Iterable[str]) -> bool:
    """Whether the texts also say `term`, a singular noun phrase, in the plural: then it is counted and has no
    bare singular ("Two works discuss learning algorithm"). One never said in the plural is not counted ("data
    augmentation"; "natural language" beside "new languages")."""
    said = in_plural(term)
    if said == term:
        return False
    pattern = phrase_pattern(said, re.IGNORECASE if said.split()[-1][1:].islower() else 0)  # "LLMs" as spelled
    return any(pattern.search(text) for text in texts)


def said_with_the(term: str, texts: Iterable[str]) -> bool:
    """Whether the texts say "the {term}", with the phrase ending there, in half its uses or more: "the World Health
    Organization has ...", "during the incubation period."; not "the Planck ΛCDM value", whose article is the
    value's, nor a plural ("the pseudo labels" are some paper's own), nor a common word or an acronym alone ("the
    architecture" is each paper's own; "results on KITTI")."""
    last = term.split()[-1]
    if (last.islower() and PLURAL_NOUN.match(last)) or (" " not in term and (term.islower() or ACRONYM.search(term))):
        return False
    uses = uses_of(term, texts)
    return 2 * sum(1 for before, after in uses if before == "the" and ends_a_phrase(after)) >= len(uses) > 0


# "for classification", "of disambiguation", "and depression": a word after one of these has no determiner (not "up",
# the end of "follow-up survey")
_BARE_BEFORE = frozenset("of for in on with by from to and or via about into through without between among under "
                         "over during after before than as at".split())
_ENDS_PLURAL = re.compile(r"^[a-z-]{2,}(?<!ss)(?<!us)(?<!is)s$")  # "senses", "hosts"; not "process", "virus", "analysis"


def said_bare(word: str, texts: Iterable[str]) -> bool:
    """Whether a sentence can name `word` bare: a plural ("hosts"), a noun of an activity or a quality
    ("classification", "retrieval"), or a word the texts say with nothing before it but a preposition or a
    conjunction ("of life"). A thing they only say as "the outbreak", "COVID-19 outbreak" or "word sense" has no
    bare singular ("Four of them discuss outbreak", "Both works discuss sense")."""
    return bool(_ENDS_PLURAL.match(word) or NOMINAL.search(word)) or \
        any(before in _BARE_BEFORE for before, _ in uses_of(word, texts))


def said_with_a(term: str, texts: Iterable[str]) -> bool:
    """Whether the texts say "a {term}" or "an {term}", the phrase ending there, as often as they say it bare after a
    preposition or a conjunction: a thing counted, which a sentence cannot name bare in the singular ("Both works
    discuss decoder"); not "a cell culture model", the model's article, nor "generative artificial intelligence", said
    once with "a" and five times "of" or "and" it (no "generative artificial intelligences")."""
    uses = uses_of(term, texts)
    with_a = sum(1 for before, after in uses if before in ("a", "an") and ends_a_phrase(after))
    return with_a > 0 and with_a >= sum(1 for before, _ in uses if before in _BARE_BEFORE)


# Things counted, which English never names bare in the singular, though a paper may ("admitted to intensive care unit").
_COUNTED_HEAD = re.compile(r"\s(?:unit|pathway|cell|receptor|gene|device|ward|vaccine|mask|respirator|clinic|hospital|"
                           r"strain|isolate|variant|"
                           # and a method's parts, which an abstract may name bare ("to enhance X in fusion module")
                           r"module|model|network|encoder|decoder|layer|classifier|graph|agent|sensor|camera|estimator|"
                           r"detector|generator|discriminator|controller|adapter|kernel|pipeline|architecture|framework|"
                           r"system|platform|database|tool|app|website|portal|dashboard|trial)$")


def counted(term: str, texts: Iterable[str]) -> bool:
    """Whether `term` is a thing counted, said in the plural where no "the" goes before it: the texts say "a {term}"
    (`said_with_a`), or its head is a noun no sentence names bare in the singular ("intensive care units",
    "signaling pathways", "white blood cells")."""
    return said_with_a(term, texts) or bool(_COUNTED_HEAD.search(term))
