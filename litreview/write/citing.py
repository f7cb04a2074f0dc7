"""Where a paragraph cites its papers: a closing where it names them, one sentence that two papers say alike."""

from __future__ import annotations

import re
from collections.abc import Mapping

from litreview.corpus.paper import Paper, author_phrase
from litreview.text import listing
from litreview.write.english import base_form, number_word, plural, upper_first
from litreview.write.schema import InlineCitation, Sentence

# How a closing names the paragraph's papers: "these works", "prior approaches", "unlike them", "In this context".
_NAMES_THE_PAPERS = re.compile(r"\b(?:these|those|such|prior|previous|existing|earlier|the above)\s(?:\w+\s)?(?:works?|methods|"
                               r"approaches|studies|papers|models|systems|efforts|techniques)\b|\b(?:unlike|like|than|"
                               r"beyond|to|with|from|of) them\b|^(?:Against this background|In this context)\b", re.IGNORECASE)


def cited_where_named(closing: Sentence) -> Sentence:
    """A closing (ours or an LLM's) with its papers cited where it names them ("with these works [@a]; we ...",
    "Unlike them [@a], our method ..."), when it does and cites nothing inline yet: at the end the citations would
    credit them with the researcher's work."""
    named = _NAMES_THE_PAPERS.search(closing.text)
    if closing.inline or not named:
        return closing
    return closing.model_copy(update={"inline": [InlineCitation(after=named.group(0), keys=list(closing.keys))]})


def said_once(sentences: list[Sentence], papers: Mapping[str, Paper]) -> list[Sentence]:
    """`sentences` with one said again word for word for another paper said once, citing both: two records of one
    group with the same abstract (a conference paper and its extended version, as an ACM export had them) would
    otherwise read "Qiu et al. aim to X." twice; and two papers said alike but for who says it said with both as its
    subject ("Adep et al. and Jain et al. propose a system for visually impaired people.", "Two studies describe X.")."""
    kept: list[Sentence] = []
    at: dict[str, int] = {}  # where each text with keys was first said
    alike: dict[str, int] = {}  # where each predicate of a single paper's sentence was first said
    subjects: dict[int, list[tuple[str, list[str]]]] = {}  # who says it, for each sentence said of several
    predicates: dict[int, str] = {}  # what they say, for the same
    for sentence in sentences:
        first = at.get(sentence.text) if sentence.keys else None
        said = _subject_and_rest(sentence, papers)
        if first is None and said and (other := alike.get(said[1])) is not None \
                and bool(_ROTATING.match(said[0])) == bool(_ROTATING.match(subjects[other][0][0])) \
                and all(said[0] != subject or _ROTATING.match(subject) for subject, _ in subjects[other]):
            subjects[other].append((said[0], list(sentence.keys)))
            continue
        if first is None:
            if sentence.keys:
                at[sentence.text] = len(kept)
            if said:
                alike.setdefault(said[1], len(kept))
                subjects[len(kept)], predicates[len(kept)] = [(said[0], list(sentence.keys))], said[1]
            kept.append(sentence)
            continue
        earlier = kept[first]
        keys = earlier.keys + [key for key in sentence.keys if key not in earlier.keys]
        inline = [citation.model_copy(update={"keys": keys}) if citation.keys == earlier.keys else citation
                  for citation in earlier.inline]
        kept[first] = earlier.model_copy(update={"keys": keys, "inline": inline})
    return [_said_by_all(predicates[n], subjects[n]) if len(subjects.get(n, [])) > 1 else sentence
            for n, sentence in enumerate(kept)]


# The subjects the offline writer gives papers without authors, in turn ("One study", then "Another study" ...).
FIRST_SUBJECT = "One study"
NEXT_SUBJECTS = ("Another study", "Another work", "A further study")
_ROTATING = re.compile(rf"^(?:{'|'.join((FIRST_SUBJECT, *NEXT_SUBJECTS))})(?= |$)")
_MIN_PREDICATE_WORDS = 4  # "propose a new method." is no sentence two papers say alike


def _subject_and_rest(sentence: Sentence, papers: Mapping[str, Paper]) -> tuple[str, str] | None:
    """A single paper's sentence as its subject (its authors as `author_phrase` names them, as the rendering finds
    them, or a rotating subject) and what it says of it, its verb as several subjects say it ("Zhang proposes X",
    "Adep et al. propose X": "propose X"); None for any other, and where what follows is a copula ("One study is a
    cohort study of X" is no sentence two studies are)."""
    if len(sentence.keys) != 1 or sentence.inline:
        return None
    paper = papers.get(sentence.keys[0])
    authors = author_phrase(paper) if paper else None
    rotating = _ROTATING.match(sentence.text)
    subject = rotating[0] if rotating else authors if authors and sentence.text.startswith(f"{authors} ") else None
    rest = sentence.text[len(subject) + 1:] if subject else ""
    if not subject or len(rest.split()) < _MIN_PREDICATE_WORDS or re.match(r"(?:is|was|has)\b", rest):
        return None
    verb, _, after = rest.partition(" ")
    return subject, rest if plural(subject) and not rotating else f"{base_form(verb)} {after}"


def _said_by_all(predicate: str, subjects: list[tuple[str, list[str]]]) -> Sentence:
    """`predicate` said by all its `subjects` (name, keys): "Adep et al. and Jain et al. propose X", each name cited
    where it is; "Two studies describe X", cited at its end."""
    keys = [key for _, keys in subjects for key in keys]
    if _ROTATING.match(subjects[0][0]):
        return Sentence(text=f"{upper_first(number_word(len(subjects)))} studies {predicate}", keys=keys)
    inline = [InlineCitation(after=name, keys=cited) for name, cited in subjects]
    return Sentence(text=f"{listing([name for name, _ in subjects])} {predicate}", keys=keys, inline=inline)
