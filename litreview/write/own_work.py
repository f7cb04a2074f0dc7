"""The researcher's own text in the offline paragraphs: the sentences of it that open a paragraph, and the
closing sentence that positions their work against the paragraph's papers.

The researcher's text is their abstract, given as `--our-work` or as a theme of more than 12 words
(`text.is_own_text`). Authors open a paragraph with their own framing and close it on what their work does.
So a paragraph opens with up to two background sentences of that text that are most typical of its papers
(uncited: the claim is the researcher's), and ends with "Our work shares {terms} with these works; we {verb}
{object}." in the researcher's words (the terms are phrases or names; without one, "Against this background, we
..."). Across one draft each background sentence is used once, what the work shares is said once (a later
paragraph names what it shares besides, or takes a lead), and the closing names the main proposal (the text's
first "we ..." sentence) in the first paragraph and, in the others, the first-person sentence closest to their
papers, so that the paragraphs do not all end on the same sentence (with none close, the main proposal only by
name, up to its first preposition, and after another lead: "In this context, we present a tertiary study"). The
closing cites the paragraph's papers where it names them ("these works", "this background"), never after the
researcher's own proposal.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from litreview.corpus.paper import Paper
from litreview.group.acronyms import ACRONYM, with_long_forms
from litreview.group.offline import OTHER_TITLE
from litreview.group.phrasing import with_head_noun
from litreview.group.schema import SubTheme
from litreview.group.spelling import surface_form
from litreview.group.terms import (
    is_noun_phrase,
    phrases,
    said_as_verb,
    term_stems,
)
from litreview.summarize.approach import approach_index
from litreview.summarize.offline import content_sentences, paper_text, reports_a_result
from litreview.text import (
    ADVERB,
    SINGULAR_SUBJECT,
    THE_WORK,
    THIS_WORK,
    is_own_text,
    listing,
)
from litreview.write import clauses
from litreview.write.citing import cited_where_named
from litreview.write.clauses import Clause, standalone
from litreview.write.cuts import MAX_SENTENCE_WORDS, bounded, cut, fits
from litreview.write.english import lower_first, upper_first
from litreview.write.relations import stems
from litreview.write.schema import Sentence
from litreview.write.voice import ITSELF_FIRST, refers_back

_SAID_AGAIN_WORDS = 16  # the researcher's sentence named again in a later paragraph: up to a clause boundary this long
MIN_SHARED_STEMS = 3  # a sentence of the researcher's is close to a group when it shares this many word stems
# What a closing without a term to share opens with; a proposal named again opens on the next, so that the
# paragraphs do not all end on the same words.
CLOSING_LEADS = ("Against this background", "In this context", "Alongside these works")
TEMPLATE_PHRASES = ("Our work shares", "with these works", "we", *CLOSING_LEADS)
_OWN_WORK = re.compile(rf"\b(?:we|our|us|{THE_WORK}|the proposed|(?-i:my))\b|{SINGULAR_SUBJECT}",  # where a background
                       re.IGNORECASE)  # ends: "we", or a single author's "I"
# A reference to an earlier sentence: "these approaches" anywhere; "they/them/their" with hardly a word before it
# to refer to ("Prompt tuning adapts them ..."; not "... attackers continually improve their modus operandi").
_REFERS_BACK = re.compile(r"\b(?:these|those)\b|^(?:\S+\s+){0,4}(?:they|them|their)\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d")
_PREPOSITION = re.compile(r"\s(?:of|on|for|in|with|to|from|by|at|about|across|between|among|into)\s")
_NAMED_PART = re.compile(r",|\s(?:that|which|who|whose|where)\s")  # what a thing is named, before what it does
_IN_THIS_WORK = re.compile(rf"^(?:in|within) {THIS_WORK},?\s*", re.IGNORECASE)
# "we propose X", and "This paper describes X" (said as "we describe X": the text is the researcher's own); not "a
# score, Gen-U, that we propose, which ...", whose object came before it.
_OWN_VERB = re.compile(rf"(?:\b(?:we|{THIS_WORK})|{SINGULAR_SUBJECT})\s+(?:{ADVERB}\s+)?"
                       r"(?P<verb>propose|present|introduce|develop|design|describe|build|study|investigate|explore|show|"
                       r"use|train|evaluate|address|studies|classify|map|analy[sz]e|compare|review|survey|examine|assess|"
                       r"measure|estimate|test|extend|collect|derive|simulate|quantify|find)(?:e?s)?\b\s*"
                       r"(?P<object>(?![,;:.)]).+)$",
                       re.IGNORECASE | re.DOTALL)


class Framing(NamedTuple):
    """What a paragraph takes from the researcher's text."""

    opening: list[str]  # background sentences that open the paragraph, in the text's order
    proposal: int       # which first-person sentence its closing names (0: the first, the main proposal)
    again: int = 0      # how many earlier paragraphs closed on that sentence: then named briefly ("we propose a review encoder")
    told: frozenset[str] = frozenset()  # stems of what earlier closings said the work shares: not said again


def framings(groups: Sequence[SubTheme], papers: Mapping[str, Paper], own_text: str, theme: str) -> dict[str, Framing]:
    """Per group title, its Framing (see the module docstring); none for a short text (a topic, not an abstract)."""
    if not is_own_text(own_text):
        return {}
    named = [group for group in groups if group.title != OTHER_TITLE]
    # How typical each word is of a group: the share of its papers that use it; the words it holds are those.
    shares = {group.title: {word: count / len(group.keys) for word, count in
                            Counter(word for key in group.keys for word in stems(paper_text(papers[key]))).items()}
              for group in named}
    held = {title: frozenset(words) for title, words in shares.items()}
    openings = _openings(content_sentences(own_text), held, shares)
    proposals = _proposals(content_sentences(own_text), held)
    told: dict[str, frozenset[str]] = {}
    said: frozenset[str] = frozenset()  # "Our work shares game elements with these works" once, not in every paragraph
    for group in named:
        told[group.title] = said
        texts = [paper_text(papers[key]) for key in group.keys]
        said |= {stem for term in shared_terms(own_text, texts, exclude=topic_word_stems(theme, texts) | said, at_least=1)
                 for stem in term_stems(term)}
    return {title: Framing(openings.get(title, []), *proposals.get(title, (0, 0)), told=told[title]) for title in held}


def topic_word_stems(theme: str, texts: Iterable[str]) -> frozenset[str]:
    """The stems of a topic's significant words, and of what its acronyms stand for in `texts` ("COVID-19":
    coronavirus disease): every paper shares them; none for a researcher's own text. (The grouping's
    `group.offline.topic_stems` keeps every word: a label holds whole phrases.)"""
    return frozenset() if is_own_text(theme) else stems(with_long_forms(theme, texts))


def positioning(own_text: str, keys: list[str], texts: Mapping[str, str], proposal: int = 0,
                exclude: frozenset[str] = frozenset(), *, again: int = 0, opened: Sequence[str] = ()) -> Sentence | None:
    """The closing sentence: what the researcher's work shares with the papers `keys` (a phrase or a name, with
    no stem in `exclude`, such as the topic's, which every paper shares; with only single common words, nothing)
    and what it does (its `proposal`-th first-person sentence, only up to its first clause boundary when an earlier
    paragraph closed on it: `again` times, which also picks its lead, CLOSING_LEADS), in its words. The papers are
    cited where it names them ("these works", "this background"): at the end, the citations would credit them with
    the researcher's own work. Never the sentence that `opened` the paragraph again: then nothing."""
    own = content_sentences(own_text)
    if not own:
        return None
    telling = shared_with(own_text, [texts[key] for key in keys], exclude=exclude, at_least=1)
    proposals = _proposing_clauses(own)
    chosen = proposals[proposal if proposal < len(proposals) else 0] if proposals else None
    said = chosen.object if chosen else ""
    named = _NAMED_PART.split(chosen.passive_object, maxsplit=1)[0] if chosen and again else ""
    if len(named.split()) >= clauses.MIN_PASSIVE_WORDS:
        said = named  # "a review encoder", not again "a review encoder that reads molecules as graphs"
        head = _PREPOSITION.split(named, maxsplit=1)[0]  # "a tertiary study", not again "... of secondary studies on X"
        said = head if len(head.split()) >= clauses.MIN_PASSIVE_WORDS else said
    if chosen and telling:
        text = f"Our work shares {telling} with these works; we {chosen.verb} {said}."
    elif chosen:
        text = f"{CLOSING_LEADS[again % len(CLOSING_LEADS)]}, we {chosen.verb} {said}."
    else:
        # No proposing verb: what the work does, found as a paper's approach is ("The present study quantified X",
        # "We argue that X"), else the first sentence about the work itself ("The methods described in this paper").
        itself = _what_it_does(own)
        if any(stems(itself) == stems(opening) for opening in opened):
            return cited_where_named(Sentence(text=f"Our work shares {telling} with these works.", keys=list(keys))) \
                if telling else None
        statement = lower_first(_IN_THIS_WORK.sub("", own_clause(itself).statement))  # "In this paper, a model is ..."
        brief = cut(statement, _SAID_AGAIN_WORDS) if again else statement  # said before: its first clause, if it has one
        shared = f"Our work shares {telling} with these works" if telling else ""
        placed = f"{CLOSING_LEADS[again % len(CLOSING_LEADS)]}, {brief}."
        if again and brief == statement and shared:
            text = f"{shared}."  # not the same long sentence again
        else:  # what the work does, rather than a shared word, where both make too long a sentence
            text = f"{shared}; {brief}." if shared and fits(f"{shared}; {brief}.") else placed
    return cited_where_named(Sentence(text=bounded(text), keys=list(keys)))


def offline_positioning(own_text: str, keys: list[str], papers: Mapping[str, Paper]) -> Sentence | None:
    """The closing sentence positioning the researcher's work against the papers `keys` (completes an LLM paragraph)."""
    return positioning(own_text, keys, {key: paper_text(papers[key]) for key in keys})


def shared_with(own_text: str, texts: Sequence[str], *, exclude: frozenset[str], at_least: int) -> str:
    """What the researcher's text shares with `texts`, listed (`shared_terms`)."""
    return listing(shared_terms(own_text, texts, exclude=exclude, at_least=at_least))


def shared_terms(own_text: str, texts: Sequence[str], *, exclude: frozenset[str], at_least: int) -> list[str]:
    """What the researcher's text shares with `texts` (`theme_terms`), as the text spells it: phrases and names
    only, since single common words ("algorithm and sense", "through nouns") say too little of it."""
    # spelled as the papers spell it too: a name keeps its capital mid-sentence ("English"), which the researcher's
    # text alone, with no title line, does not show
    every = [own_text, *texts]  # "pre-trained language" with the head noun most of its uses put after it: "... models"
    shared = [with_head_noun(surface_form(term, every), every)
              for term in theme_terms(own_text, texts, exclude=exclude, at_least=at_least)]
    return [term for term in shared if " " in term or ACRONYM.search(term)]


def theme_terms(theme: str, texts: Sequence[str], *, exclude: frozenset[str], at_least: int) -> list[str]:
    """Up to two noun-phrase terms of the theme held by `at_least` of `texts`: phrases held by half of them
    first ("visual odometry" says more than "depth"), then the most held."""
    held = {term: sum(term in set(phrases(text, 3)) for text in texts)
            for term in dict.fromkeys(phrases(theme, 3)) if is_noun_phrase(term) and not said_as_verb(term, [theme])}
    half = max(at_least, (len(texts) + 1) // 2)
    ranked = sorted((term for term, count in held.items() if count >= at_least),
                    key=lambda term: (-(" " in term and held[term] >= half), -held[term], -term.count(" "), term))
    chosen: list[str] = []
    used = set(exclude)
    for term in ranked:
        if not term_stems(term) & used and len(chosen) < 2:
            chosen.append(term)
            used |= term_stems(term)
    # Two words of one phrase of the theme are that phrase ("prompts and tuning" -> "prompt tuning").
    joined = [term for term in held if " " in term and term_stems(term) == term_stems(" ".join(chosen))]
    return joined[:1] if len(chosen) == 2 and " " not in "".join(chosen) and joined else chosen


def _proposing_clauses(sentences: Sequence[str]) -> list[Clause]:
    """The clauses of the researcher's sentences that propose something, not one on what was said before it ("we
    show that this is unlikely"): a closing says it alone."""
    return [clause for clause in map(own_clause, sentences) if clause.verb and not refers_back(clause.object)]


def _what_it_does(own: list[str]) -> str:
    """The researcher's sentence that says what the work does, as a paper's approach is found; not one that refers
    to the sentence before it."""
    alone = [sentence for sentence in own if not refers_back(ITSELF_FIRST.sub("", sentence))] or own  # "This paper X"
    at = approach_index(alone, {})
    return alone[at] if at is not None else next((sentence for sentence in alone if _OWN_WORK.search(sentence)), alone[0])


def own_clause(sentence: str) -> Clause:
    """A clause of the researcher's own sentence, in the first person as written."""
    match = _OWN_VERB.search(sentence)
    plain = cut(" ".join(sentence.split()), clauses.MAX_CLAUSE_WORDS).rstrip(" .,;:!?")
    if match:
        obj = cut(" ".join(match.group("object").split()), clauses.MAX_CLAUSE_WORDS).rstrip(" .,;:!?")
        verb = match.group("verb").lower()
        return Clause("study" if verb == "studies" else verb, obj, plain)
    return Clause(None, plain, plain)


def _openings(sentences: list[str], held: dict[str, frozenset[str]],
              shares: dict[str, dict[str, float]]) -> dict[str, list[str]]:
    """Per group, the background sentence (no first person) most typical of its papers (the shares of its papers
    that use each of its words, summed), then a second one from the text's background (before its first "we"); a
    sentence goes to the group it is most typical of, and every group gets its first before any gets a second. A
    sentence that refers to the one before it ("these approaches") is only ever a second, right after that one."""
    before_we = next((n for n, sentence in enumerate(sentences) if _OWN_WORK.search(sentence)), len(sentences))
    # Cleaned first: "However, it requires ..." loses its connective and then opens with a pronoun.
    own = [upper_first(clauses.clean_clause(sentence, MAX_SENTENCE_WORDS)) + "." for sentence in sentences]
    # Not a framing: the work itself ("The methods described in this paper ...", "the proposed system ..."), and
    # after "we ...", a sentence with a result cue or a figure ("On 12 benchmarks, accuracy rises by 3.1%").
    usable = [n for n, sentence in enumerate(own) if standalone(sentence) and not _OWN_WORK.search(sentences[n]) and fits(sentence)
              and not (n > before_we and (reports_a_result(sentence) or _FIGURE.search(sentence)))]
    # A reference to an earlier sentence ("adapts them", "these approaches") only follows that sentence.
    follows = {n: n - 1 if _REFERS_BACK.search(own[n]) else None for n in usable}
    order = {title: position for position, title in enumerate(held)}
    said = {n: stems(own[n]) for n in usable}
    # summed exactly (fsum): a float sum over a set depends on its order, which changes from run to run
    pairs = sorted(((math.fsum(shares[title].get(word, 0.0) for word in said[n]), -n, -order[title], n, title)
                    for n in usable for title in held if len(said[n] & held[title]) >= MIN_SHARED_STEMS), reverse=True)
    chosen: dict[str, list[int]] = {}
    taken: set[int] = set()
    for second in (False, True):
        for *_, n, title in pairs:
            if n in taken or second != (title in chosen) or len(chosen.get(title, [])) > 1:
                continue
            if (not second or n < before_we) and (follows[n] is None or second and chosen[title] == [follows[n]]):
                chosen.setdefault(title, []).append(n)
                taken.add(n)
    return {title: [own[n] for n in sorted(picked)] for title, picked in chosen.items()}


def _proposals(sentences: list[str], held: dict[str, frozenset[str]]) -> dict[str, tuple[int, int]]:
    """Per group, which first-person sentence its closing names: the first (the main proposal) for the first group,
    for the others the closest one not named yet, when it is close (else the main proposal again); and how many
    earlier groups named it."""
    objects = [clause.object for clause in _proposing_clauses(sentences)]
    chosen: dict[str, int] = {}
    for position, (title, group_stems) in enumerate(held.items()):
        named = set(chosen.values()) | {0}
        scored = [(len(stems(obj) & group_stems), -n) for n, obj in enumerate(objects) if n not in named]
        close = position > 0 and scored and max(scored)[0] >= MIN_SHARED_STEMS
        chosen[title] = -max(scored)[1] if close else 0
    return {title: (n, list(chosen.values())[:position].count(n)) for position, (title, n) in enumerate(chosen.items())}
