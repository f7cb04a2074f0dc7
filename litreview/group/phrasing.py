"""The whole phrase a term is part of where the papers use it ("acute respiratory syndrome" -> "severe acute
respiratory syndrome", "bed capacity" -> "ICU bed capacity"), and the generic noun they put after it ("pre-trained
language" -> "pre-trained language models"): phrases stop at three words and at generic words, a label or a shared
term said in a sentence should not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from litreview.group.spelling import phrase_pattern, spelled, surface_form
from litreview.group.terms import (
    EPONYM,
    GENERIC,
    HEAD_PLURALS,
    MAX_PHRASE_WORDS,
    PLURAL_NOUN,
    ends_with_verb,
    is_noun_phrase,
    opens_with_verb,
    uses_of,
)


def whole_phrase(term: str, texts: Iterable[str], each: bool = False) -> str:
    """The phrase `term` is part of in `texts`: with the word before it and the word after it when every use has
    that one ("acute respiratory syndrome" -> "severe acute respiratory syndrome": phrases stop at three words, and
    at a word excluded, "tree adjoining" -> "tree adjoining grammars"; where most uses go on to one noun, with that
    noun, "alcohol-based hand" -> "alcohol-based hand sanitizers", and if `each`, where each text has it too: a
    sentence says each discusses it), and the generic noun most put after it (`with_head_noun`)."""
    texts = list(texts)
    given = term
    for _ in range(MAX_PHRASE_WORDS):  # "tree" -> "tree adjoining" -> "tree adjoining grammars"
        uses = uses_of(term, texts)
        leads = {before for before, _ in uses}
        follows = [after.rstrip(".,;:)") for _, after in uses]
        # "structural equation modeling" where one use says "partial least squares-structural equation modeling" (two
        # words joined; "non-ICU bed capacity" is no "ICU bed capacity")
        ends = {_joined_to(before) for before in leads}
        leads = ends if len(ends) == 1 and ends <= leads else leads
        lead = leads.pop() if len(uses) >= 2 and len(leads) == 1 else _most_led_by(term, uses, texts, each)
        lead = "" if PLURAL_NOUN.search(lead) else lead  # "in some patients peripheral vascular disease": no modifier
        lead = "" if lead and opens_with_verb(f"{lead} {term}", texts) else lead  # "to fabricate | black silicon"
        # one word after every use, "vaccine" or "vaccines" alike: said in the plural where any use has it
        follow = max(follows, key=len) if len(uses) >= 2 and len({_singular(word, follows) for word in follows}) == 1 else ""
        last = term.rsplit(" ", 1)[-1]  # a name is whole ("KITTI"), save one of two names ("Navier-Stokes equations")
        follow = follow or (_most_followed_by(term, follows, texts, each) if last.islower() or EPONYM.fullmatch(last) else "")
        # a letter alone is a unit or a symbol ("the 1.6 m Goode Solar Telescope"), as no phrase holds it
        whole = " ".join(word for word in (lead, term, follow) if word == term or word.replace("-", "").isalpha()
                         and len(word) > 1 and word not in ENGLISH_STOP_WORDS | GENERIC or word == lead and _LATIN.match(term)
                         or word == lead == "new" and _after_new(term, texts))
        if whole == term:
            break
        term = whole
    # "COVID-19 pandemic caused", "Canadian findings align (with those of ...)": a noun ends it (a word it went on to)
    while len(term) > len(given) and " " in term and (not is_noun_phrase(term) or not term.endswith(given)
                                                      and ends_with_verb(term, texts)):
        term = term.rsplit(" ", 1)[0]
    if given not in term:  # "correctly classify at-fault" cut back to "correctly", a word before the term: the term
        term = given
    return with_head_noun(surface_form(term, texts) if term != given else term, texts)  # "ICU bed capacity"


_PREFIXES = frozenset("inter intra super under cross pseudo quasi ultra extra hyper micro macro multi counter trans "
                      "post semi".split())


def _after_new(term: str, texts: list[str]) -> bool:
    """Whether every use of `term` in `texts` is a name after "New" ("New York City", "New Zealand"), which is part of
    it, though "new" alone is a generic word (a group was headed "York city")."""
    uses = [(text, use) for text in texts for use in phrase_pattern(term).finditer(text)]
    return bool(uses) and all(text.endswith("New ", 0, use.start()) and use.group(0)[:1].isupper() for text, use in uses)


def _joined_to(word: str) -> str:
    """The last word of two joined by a hyphen ("squares-structural": "structural"), and the first word of a phrase
    "anti-" takes whole ("anti-severe acute respiratory syndrome coronavirus antibodies"); `word` itself where what
    stands before its hyphen is another prefix or a short word ("non-ICU bed capacity", "COVID-19")."""
    first, _, last = word.rpartition("-")
    return last if first == "anti" or len(first) >= 5 and first.isalpha() and first not in _PREFIXES else word


# "in vivo measurements", "a posteriori comparisons": "in", "ex" and "a" belong to a Latin phrase, which is one word
# ("Vivo measurements" was a label).
_LATIN = re.compile(r"(?:vivo|vitro|situ|silico|utero|toto|loco|priori|posteriori|fortiori)\b", re.IGNORECASE)


def _most_followed_by(term: str, follows: list[str], texts: list[str], each: bool) -> str:
    """The noun after most uses of `term` (`follows`: the word after each; and, if `each`, after one use in each of
    `texts` that has it): "sanitizers" of "alcohol-based hand sanitizer / sanitizers / rub", where the phrase stops
    short of its noun (in the plural where any use has it); "" where no noun is (if `each`, "post-traumatic stress
    symptoms" in two texts and "... disorder" in the third)."""
    nouns = Counter(_singular(word) for word in follows if word.isalpha() and word not in ENGLISH_STOP_WORDS | GENERIC)
    if len(follows) < 2 or not nouns:
        return ""
    noun, count = nouns.most_common(1)[0]
    if 2 * count <= len(follows):
        return ""
    if each:  # asked only now: the uses in each text apart
        said = [{_singular(after.rstrip(".,;:)")) for _, after in uses_of(term, [text])} for text in texts]
        if not all(noun in words for words in said if words):
            return ""
    return max((word for word in follows if _singular(word) == noun), key=len)


def _most_led_by(term: str, uses: tuple[tuple[str, str], ...], texts: list[str], each: bool) -> str:
    """The word before most uses of `term` (`uses`) where each of `texts` has it before one ("health care workers",
    where one use says "non-health care workers"), or if not `each`, where most of the texts that say `term` do, two
    at least ("severe acute respiratory syndrome", where one abstract drops "severe"); "" where no word is."""
    leads = Counter(before for before, _ in uses)
    lead, count = leads.most_common(1)[0] if leads else ("", 0)
    if not lead or 2 * count <= len(uses):
        return ""
    pattern = phrase_pattern(term)
    led = [lead in {before for before, _ in uses_of(term, [text])} for text in texts if each or pattern.search(text)]
    return lead if (all(led) if each else sum(led) >= 2 and 2 * sum(led) > len(led)) else ""


def _singular(word: str, among: Iterable[str] = ()) -> str:
    """`word` without a plural's -s ("models" -> "model"; not "process", "analysis"), or its -s or -es where `among`
    has the word without it ("machines" beside "machine", "approaches" beside "approach")."""
    among = set(among)
    for ending in ("s", "es"):
        if word.endswith(ending) and word[:-len(ending)] in among:
            return word[:-len(ending)]
    return word[:-1] if PLURAL_NOUN.search(word) else word


def with_head_noun(term: str, texts: Iterable[str]) -> str:
    """`term` with the generic noun that follows it in most of its occurrences ("pre-trained language" ->
    "pre-trained language models"): phrases stop before generic words, a label should not."""
    texts = list(texts)
    total = sum(len(phrase_pattern(term).findall(text)) for text in texts)
    following = Counter(match.group(1).lower() for text in texts
                        for match in re.finditer(spelled(term) + r"\s+([a-z]+)\b", text, re.IGNORECASE))
    # "model" and "models" are one head noun: counted together, said in the plural when it is used at all.
    heads = Counter({head: following[head] + following[plural] for head, plural in HEAD_PLURALS.items()})
    head, count = heads.most_common(1)[0]
    if not count or count * 2 <= total:
        return term
    return f"{term} {HEAD_PLURALS[head] if following[HEAD_PLURALS[head]] else head}"
