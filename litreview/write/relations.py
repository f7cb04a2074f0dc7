"""How the papers of one paragraph relate: an order that keeps related papers together, sentences citing the
papers that share a phrase, an acronym or a kind of contribution, and whether two approaches contrast.

The relation sentences add only the words of RELATION_PHRASES; the shared term is the papers' own.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from litreview.group.acronyms import spelled_out
from litreview.group.articles import (
    counted,
    in_plural,
    said_bare,
    said_in_plural,
    said_with_the,
)
from litreview.group.naming import (
    TITLE_CASE_NAME,
    names_a_design,
    one_topic_of,
    qualifies_next,
    stands_alone,
    whole_name,
)
from litreview.group.phrasing import whole_phrase
from litreview.group.spelling import phrase_pattern, surface_form
from litreview.group.terms import (
    EPONYM,
    MAX_PHRASE_WORDS,
    ends_with_verb,
    is_noun_phrase,
    opens_with_verb,
    phrases,
    said_as_verb,
    shared_terms,
    stem,
    term_stems,
)
from litreview.group.uses import CorpusUses, names_no_topic
from litreview.summarize.schema import PaperSummary
from litreview.text import STOPWORDS, listing, significant_words
from litreview.write.english import NUMBERS, TEENS, TENS, count_opening, number_word
from litreview.write.kinds import analysis_kinds, as_design, designs, in_plural_design
from litreview.write.schema import InlineCitation, Sentence

MAX_SHARED_SENTENCES = 2
# Papers share a term when at least MIN_LIFT times as large a share of them use it as of the draft's other papers
# (when there are MIN_ELSEWHERE of those): else it is what the whole draft is about.
MIN_LIFT = 2.0
MIN_ELSEWHERE = 4
MAX_NAMED = 4  # more papers sharing a term are counted ("Six of them ..."), not listed by name
# Kinds of contribution that relate papers ("Two of them release datasets"). "propose methods" says the least: it is
# the last resort, after a word the papers share.
KIND_PHRASES = {"dataset": "release datasets", "benchmark": "introduce benchmarks", "survey": "are surveys",
                "analysis": "are analyses", "system": "describe systems", "method": "propose methods"}
CONTRAST_OVERLAP = 0.12  # approaches sharing fewer words than this (Jaccard of stems) count as different
RELATION_PHRASES = ("Both works", "All works", "of them", "works", "address", "report results on", "discuss",
                    *KIND_PHRASES.values(), *NUMBERS, *TEENS, *TENS, "A total of")
_ACRONYM_OR_NUMBER = re.compile(r"[A-Z].*[A-Z]|\d")  # "KITTI", "BERT", "GPT-4"; not "eXtreme"
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
_DATASET_NOUN = r"(?:datasets?|data sets?|benchmarks?|corpus|corpora|collections?)"
# What papers do with a shared term, said for all of them ("Three works use stereo image pairs") when each says,
# in its own first-person sentence, that it does so; verbs of use and study, never of authorship ("propose").
SHARED_VERBS = frozenset("use leverage exploit employ adopt apply learn estimate predict train improve extend combine "
                         "incorporate detect generate classify retrieve align fuse encode tackle solve explore analyze "
                         "investigate study recognize segment reconstruct track optimize minimize integrate augment "
                         "distill compress translate summarize".split())
_VERB_BY_STEM = {stem(verb): verb for verb in SHARED_VERBS}
_BETWEEN_STOPS = frozenset("to and or but that which of for in on with by from as is are be not".split())
_WORD = re.compile(r"[\w-]+")
_OWN_SENTENCE = re.compile(r"\b(?:we|our|the proposed|this (?:paper|work|method|approach|model|network|system|framework))\b",
                           re.IGNORECASE)  # the paper speaking of itself
_NOT_OWN = re.compile(r"\b(?:that|which|who|unlike|than|instead|rather|without|not|never|no|fail\w*|previous|prior|existing|"
                      r"other|others|most|many)\b", re.IGNORECASE)


def related_order(keys: list[str], texts: Mapping[str, str], theme: str) -> list[str]:
    """`keys` as a chain: the paper closest to the theme first, then each time the one closest to the last
    (word-stem overlap; ties keep the given order), so that related papers sit together."""
    paper_stems = {key: stems(texts[key]) for key in keys}
    position = {key: n for n, key in enumerate(keys)}
    remaining = dict.fromkeys(keys)
    current = stems(theme)
    order: list[str] = []
    while remaining:
        best = max(remaining, key=lambda key: (jaccard(paper_stems[key], current), -position[key]))
        order.append(best)
        del remaining[best]
        current = paper_stems[best]
    return order


def shared_sentences(order: list[str], texts: Mapping[str, str], summaries: Mapping[str, PaperSummary],
                     excluded: frozenset[str], *, introduced: bool = True,
                     names: Mapping[str, str | None] | None = None, elsewhere: TermUses | None = None,
                     corpus_uses: CorpusUses | None = None) -> list[Sentence]:
    """Sentences citing the papers that share a phrase or acronym (none with a stem in `excluded`, nor one that
    the draft's other papers use nearly as much, counted in `elsewhere`: see MIN_LIFT; nor one of the researcher's
    whole corpus, `corpus_uses`: see `uses.FIELD_SHARE`):
    `GeoNet and Zhan et al. use {term}.` when each has a name (`names`: its authors or its method's name,
    each cited right after it), else `Two of them address {term}.` (`Two works ...` when no sentence before
    cited them all: `introduced` False); else the papers that make one kind of contribution (a dataset, a
    survey, ...); else those sharing a word; else, in a group of three or more, those that propose methods."""
    if len(order) < 2:
        return []
    # Not "Seven of them discuss SARS-CoV-2" in a draft on COVID-19: what the other papers say as much.
    elsewhere = elsewhere if elsewhere and elsewhere.papers >= MIN_ELSEWHERE else None
    # Phrases and acronyms say what is shared; single words only when the papers share nothing more specific.
    holders, words = _shared_holders(order, texts)
    names = names or {}
    return (_shared_sentences(order, texts, summaries, holders, excluded, introduced, names, elsewhere, corpus_uses)
            or _shared_kind(order, summaries, introduced, [kind for kind in KIND_PHRASES if kind != "method"], texts)
            or _shared_sentences(order, texts, summaries, words, excluded, introduced, names, elsewhere, corpus_uses, most=1)
            # "Both works propose methods" tells a reader of two papers nothing; a larger group needs one sentence
            # that cites several of them
            or (_shared_kind(order, summaries, introduced, ["method"]) if len(order) > 2 else []))


class TermUses(NamedTuple):
    """How many of some papers use each term (as its word stems: "LLM" and "LLMs" alike), of how many papers."""

    counts: Counter[frozenset[str]]
    papers: int

    @classmethod
    def of(cls, texts: Iterable[str]) -> TermUses:
        texts = list(texts)
        return cls(Counter(term for text in texts for term in _terms_of(text)), len(texts))

    def without(self, texts: Iterable[str]) -> TermUses:
        """The uses in the other papers than those of `texts` (which are among them): a draft's, but one group's."""
        inside = TermUses.of(texts)
        counts = self.counts.copy()
        counts.subtract(inside.counts)
        return TermUses(counts, self.papers - inside.papers)

    def share(self, term: str) -> float:
        """The share of the papers that use `term`."""
        return self.counts[term_stems(term.lower())] / self.papers


@functools.lru_cache(maxsize=4096)
def _terms_of(text: str) -> frozenset[frozenset[str]]:
    """The terms of one paper's text, each as its word stems."""
    return frozenset(map(term_stems, phrases(text, MAX_PHRASE_WORDS)))


def _shared_kind(order: list[str], summaries: Mapping[str, PaperSummary], introduced: bool,
                 kinds: list[str], texts: Mapping[str, str] | None = None) -> list[Sentence]:
    """The papers making the same kind of contribution, of `kinds` (`Two of them release datasets`); analyses of one
    kind that every one of them names, so (`All eight works are bibliometric analyses`); surveys by the design of
    review every one says it is (`Two of them are scoping reviews`), or as reviews where one does (`kinds.designs`)."""
    for kind in kinds:
        verb_phrase = KIND_PHRASES[kind]
        keys = [key for key in order if summaries[key].kind == kind]
        if len(keys) >= 2:
            if kind == "analysis" and texts:
                shared = set.intersection(*(analysis_kinds(texts[key]) for key in keys))
                if len(shared) == 1:
                    verb_phrase = f"are {shared.pop()} analyses"
            elif kind == "survey" and texts:  # "are scoping reviews", the most specific design every one says it is
                said = [designs(texts[key]) for key in keys]
                shared = set.intersection(*said)
                if shared:
                    verb_phrase = f"are {in_plural_design(max(sorted(shared), key=len))}"
                elif "review" in set.union(*said):  # in a health corpus, "surveys" would be questionnaires
                    verb_phrase = "are reviews"
            return [Sentence(text=f"{quantity(len(keys), len(order), introduced)} {verb_phrase}.", keys=keys)]
    return []


def _shared_sentences(order: list[str], texts: Mapping[str, str], summaries: Mapping[str, PaperSummary],
                      holders: dict[str, list[int]], excluded: frozenset[str], introduced: bool,
                      names: Mapping[str, str | None], elsewhere: TermUses | None, corpus_uses: CorpusUses | None,
                      most: int = MAX_SHARED_SENTENCES) -> list[Sentence]:
    return [_shared_sentence(topic.keys, _role(topic.term, topic.spelled, topic.keys, texts, summaries), topic.shown,
                             names, quantity(len(topic.keys), len(order), introduced), [texts[key] for key in topic.keys])
            for topic in _shared_topics(order, texts, holders, excluded, elsewhere, corpus_uses,
                                        min(most, 1 + len(order) // 3))]


class SharedTopic(NamedTuple):
    """A term several papers share, as a sentence says it, and those papers."""

    term: str        # as found, in lower case
    spelled: str     # as the papers spell it
    shown: str       # as a sentence says it: "the vision encoders", "multi-label text classification (MLTC)"
    keys: list[str]


def shared_topics(order: list[str], texts: Mapping[str, str], excluded: frozenset[str], most: int,
                  corpus_uses: CorpusUses | None = None) -> list[SharedTopic]:
    """Up to `most` phrases or acronyms each shared by several of the papers `order` (by their short `texts`, such
    as titles), most widely shared first; none made only of stems in `excluded`, nor one the researcher's whole
    corpus says (`corpus_uses`). Unlike `shared_sentences`, they may share words with `excluded` and each other:
    "career success" and "career engagement" under "Proactive career behaviors"."""
    return _shared_topics(order, texts, _shared_holders(order, texts)[0], excluded, None, corpus_uses, most, apart=False)


def _shared_holders(order: list[str], texts: Mapping[str, str]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The terms several papers of `order` share, each with the indices of its holders: phrases and acronyms, then
    single words."""
    every = shared_terms([texts[key] for key in order])
    acronyms = {token.lower() for key in order for token in _TOKEN.findall(texts[key]) if _ACRONYM_OR_NUMBER.search(token)}
    holders = {term: found for term, found in every.items() if " " in term or term in acronyms}
    return holders, {term: found for term, found in every.items() if term not in holders}


def _shared_topics(order: list[str], texts: Mapping[str, str], holders: dict[str, list[int]], excluded: frozenset[str],
                   elsewhere: TermUses | None, corpus_uses: CorpusUses | None, most: int,
                   apart: bool = True) -> list[SharedTopic]:
    """The terms of `holders` (each with the indices in `order` of the papers holding it) that name a topic those
    papers share, as `shared_sentences` says them; up to `most`. `apart`: none shares a word with `excluded` or
    with another; else none is made only of words of `excluded`."""
    used = set(excluded)

    def clashes(found: frozenset[str]) -> bool:  # "in-context learning" holds the "in" that `excluded` leaves out
        return bool(found & used) if apart else found - STOPWORDS <= excluded
    every_text = list(texts.values())
    ranked = sorted(holders, key=lambda term: (-len(holders[term]), -term.count(" "), term))
    topics: list[SharedTopic] = []
    groups_seen, said = set(), []
    for term in ranked:
        found = tuple(holders[term])
        if clashes(term_stems(term)) or found in groups_seen or len(topics) >= most:
            continue
        if re.search(rf"\b{_DATASET_NOUN}$", term):  # "driving dataset" describes data, it names no shared topic
            continue
        keys = [order[n] for n in found]
        held = [texts[key] for key in keys]
        spelled = surface_form(term, held)
        shown = whole_name(whole_phrase(spelled, held, each=True), held)  # "International Committee of ... Editors"
        if clashes(term_stems(shown.lower())):  # "tree adjoining" is "tree adjoining grammars" under "Grammars"
            continue
        long_form = spelled_out(shown, held)
        if long_form and any(_past_first(use[0]) for text in held for use in phrase_pattern(long_form).finditer(text)):
            long_form = surface_form(long_form, held)  # a name's capitals: "Goode Solar Telescope (GST)"
        if long_form and stems(long_form) <= excluded:  # "LLMs" under "Multimodal large language models"
            continue
        share = len(found) / len(order)
        if elsewhere and any(elsewhere.share(form) * MIN_LIFT >= share for form in (term, long_form) if form):
            continue  # the draft's topic: "LLMs" or "large language models" when most of its papers say it
        # "Four of them discuss CI"; "... SARS-CoV-2" (or "corona", said "corona virus") in a corpus of COVID-19 papers
        if names_no_topic(term, long_form, corpus_uses) or \
                shown.lower() != term and names_no_topic(shown.lower(), None, corpus_uses):
            continue
        if not one_topic_of(shown, held):
            continue  # "natural language" (understanding), "local value" (of ...), "biological features" one paper uses
            # none of, "Sevari's / Academic Self-Regulation Questionnaire", "employment creation / creation of networks"
        if shown.islower() and " " not in shown and (said_as_verb(term, held) or not stands_alone(term, held)):
            continue  # a word alone: "building a model", "towards building", "respiratory syndrome" name no topic
        if " " in shown and (ends_with_verb(shown, held) or opens_with_verb(shown, held) or not is_noun_phrase(shown)):
            continue  # a phrase ending in a verb: "genetic factors account" (for up to 80% of the liability); or opening
            # with one: "fabricate nanostructured black silicon" (both "use MCE method to fabricate ..."); or no noun
            # phrase at all: "correctly classify at-fault" (crashes, drivers)
        if EPONYM.fullmatch(shown) and qualifies_next(shown, held):
            continue  # "Three of them discuss Blandford-Znajek" (mechanism, model, process)
        if any(said_in_plural(form, every_text) for form in (shown, long_form) if form):  # "vision encoders", not "vision encoder"
            shown, long_form = in_plural(shown), long_form and in_plural(long_form)  # "LLM" and its long form as one
        elif shown.split()[-1].islower() and not said_with_the(shown, held) and counted(shown, held):
            shown = in_plural(shown)  # "a decoder" in each: "Both works discuss decoders", not "discuss decoder"
        elif " " not in shown and shown.islower() and not said_bare(shown, held):
            continue  # "Four of them discuss outbreak": the papers say "the outbreak", "this outbreak"
        shown = f"{long_form} ({shown})" if long_form else shown  # "MLTC" -> "multi-label text classification (MLTC)"
        shown = f"the {shown}" if said_with_the(long_form or shown, held) else shown  # "discuss the incubation period"
        if any(stems(shown) <= before or before <= stems(shown) for before in said):
            continue  # "severe acute respiratory syndrome", then "severe acute respiratory syndrome coronavirus 2"
        said.append(stems(shown))
        topics.append(SharedTopic(term, spelled, shown, keys))
        used |= term_stems(term)
        groups_seen.add(found)
    return topics


def _shared_sentence(keys: list[str], verb: str, term: str, names: Mapping[str, str | None], counted: str,
                     held: list[str]) -> Sentence:
    """`{Name}, {Name} and {Name} {verb} {term}.`, each name cited where it stands, when every paper has a name of
    its own that neither holds the term nor is held by it ("BERT and XLNet discuss BERT", "Re-labeling ImageNet and
    Re-assessing ImageNet discuss ImageNet", "RCNNs discuss neural networks", RCNNs standing for recurrent
    convolutional neural networks in the papers' texts `held`); else `{counted} {verb} {term}.`."""
    named = [name for key in keys if (name := names.get(key))]
    folded = {name.casefold() for name in named}
    said = term.casefold()
    one = said.removesuffix("s")  # "LLM2LLM" holds "LLMs" too
    if len(folded) == len(keys) <= MAX_NAMED:  # what the names stand for is looked up only for a few papers' texts
        meant = folded | {long.casefold() for name in named if (long := spelled_out(name, held))}
        if not any(one in name or name in said for name in meant):
            return Sentence(text=f"{listing(named)} {verb} {term}.", keys=keys,
                            inline=[InlineCitation(after=name, keys=[key]) for name, key in zip(named, keys)])
    return Sentence(text=f"{counted} {verb} {term}.", keys=keys)


def contrasting(first: PaperSummary, second: PaperSummary) -> bool:
    """Two papers address one term (in their problem or approach sentences) with approaches that share
    almost no words: the abstracts support "whereas"."""
    problem = shared_terms([f"{first.problem}\n{first.approach}", f"{second.problem}\n{second.approach}"], longest=2)
    if not any(" " in term for term in problem):
        return False
    return jaccard(stems(first.approach), stems(second.approach)) < CONTRAST_OVERLAP


_NAMED = re.compile(r"[A-Z][a-z]+\s+[a-z]")  # "Hubei province", "Wuhan city"; not "COVID-19 pandemic", "BERT models"


def _role(term: str, spelled: str, keys: list[str], texts: Mapping[str, str], summaries: Mapping[str, PaperSummary]) -> str:
    """The verb for papers sharing `term` (`spelled` as they spell it): a dataset they report on, a problem they
    address (not a name they mention), what each says it does with it (`shared_verb`), else what they discuss."""
    pattern = re.escape(term).replace(r"\ ", r"\s+")
    near_dataset = re.compile(rf"\b{pattern}\b\W+(?:\w+\W+){{0,2}}{_DATASET_NOUN}\b|{_DATASET_NOUN}\W+(?:\w+\W+){{0,3}}{pattern}\b",
                              re.IGNORECASE)
    if all(near_dataset.search(texts[key]) for key in keys):
        return "report results on"
    if names_a_design(term) and all(as_design(term) in designs(texts[key]) for key in keys):
        return "are"  # "Two of them are scoping reviews", not "discuss scoping reviews"
    problems = [summaries[key].problem for key in keys]
    # as the papers spell it: a name ("World Health Organization"), or a place or thing a name opens ("Hubei province")
    named = TITLE_CASE_NAME.fullmatch(spelled) or _NAMED.match(spelled)
    if not named and all(summaries[key].problem != summaries[key].approach for key in keys) and \
            all(term in phrases(problem, 3) for problem in problems):
        return "address"  # a problem; not "address the World Health Organization", a name they mention
    return shared_verb(term, [texts[key] for key in keys]) or "discuss"


def shared_verb(term: str, texts: list[str]) -> str | None:
    """The verb of SHARED_VERBS that every text puts right before `term` (up to two modifiers between) in a
    sentence of its own ("we use stereo image pairs", "our model uses unlabeled stereo image pairs"), or None."""
    pattern = phrase_pattern(term)
    held = [{verb for match in pattern.finditer(text) for verb in _verbs_before(text[:match.start()])} for text in texts]
    common = set.intersection(*held) if held else set()
    return min(common) if common else None


def _verbs_before(before: str) -> set[str]:
    """The SHARED_VERBS among the last three words of `before` (the text up to a term) with at most two modifiers
    and no clause word between them and the term ("we train X using unlabeled stereo image pairs": train, use),
    when the sentence says it of the paper itself."""
    last = _WORD.findall(before[-120:])[-3:]
    if not _said_of_itself(before):
        return set()
    found = set()
    for back in range(1, len(last) + 1):
        if any(word.lower() in _BETWEEN_STOPS for word in last[len(last) - back + 1:]):
            break
        verb = base_verb(last[-back].lower())
        found |= {verb} if verb else set()
    return found


def _said_of_itself(before: str) -> bool:
    """Whether the verb that follows `before` (the text up to it) is the paper's own doing: its sentence has "we",
    "our" or "the proposed" before it, and nothing after that hands the verb to other work ("we show that methods
    which use ...")."""
    sentence = re.split(r"[.!?]\s+", before)[-1]
    own = [match.end() for match in _OWN_SENTENCE.finditer(sentence)]
    return bool(own) and not _NOT_OWN.search(sentence[own[-1]:])


def base_verb(word: str) -> str | None:
    """`word` as a verb of SHARED_VERBS in its base form ("uses", "using", "used" -> "use"), by its stem; or None."""
    return _VERB_BY_STEM.get(stem(word))


def quantity(count: int, size: int, introduced: bool = True) -> str:
    """`Both works`, `All five works`, `Two of them` (`Two works` when `introduced` is False: "them" would have
    nothing to refer to): how many of the paragraph's `size` papers a sentence cites."""
    if count == size:
        return "Both works" if size == 2 else f"All {number_word(size)} works"
    return f"{count_opening(count)} {'of them' if introduced else 'works'}"


@functools.lru_cache(maxsize=8192)  # the order, the contrast test and the theme sentences stem the same texts
def stems(text: str) -> frozenset[str]:
    """The stems of the significant words of `text`."""
    return frozenset(stem for word in significant_words(text) for stem in term_stems(word))


def jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    """Shared stems over all stems (0 for two empty sets)."""
    shared = len(first & second)
    union = len(first) + len(second) - shared
    return shared / union if union else 0.0


def _past_first(said: str) -> bool:
    """Whether `said` has a capital past its first letter (a name may: "Goode Solar Telescope")."""
    return said[1:] != said[1:].lower()
