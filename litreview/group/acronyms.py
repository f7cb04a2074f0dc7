"""Acronyms in paper texts: what is one ("CLIP", "MLLMs", "TabPFN") and what the texts say it stands for."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

ACRONYM = re.compile(r"[A-Z].*[A-Z]|[a-z][A-Z]")  # two capitals or one inside: CLIP, MLLMs, TabPFN, eBay


def spelled_out(term: str, texts: Iterable[str]) -> str | None:
    """What `term` stands for when it is one acronym ("MLLMs", "CLIP") that the texts define, else None."""
    return expansion(term, texts) if " " not in term and ACRONYM.search(term) else None


def expansion(acronym: str, texts: Iterable[str]) -> str | None:
    """What `acronym` stands for where the texts define it ("multimodal large language models (MLLMs)" ->
    "multimodal large language models"), in lower case but for acronyms; None when no text defines it.
    The long form is found as Schwartz and Hearst (2003) do: the acronym's letters, matched right to left
    in the words just before "(ACRONYM)", the first letter starting a word."""
    return next(expansions(acronym, texts), None)


def expansions(acronym: str, texts: Iterable[str]) -> Iterator[str]:
    """Each definition of `acronym` in `texts`, in their order (see `expansion`): "coronavirus disease 2019" and
    "corona virus disease 2019" both stand for "COVID-19"."""
    pattern = re.compile(r"((?:[\w-]+\s+){1,%d})\(\s*%s\s*\)" % (min(len(acronym) + 5, 2 * len(acronym)), re.escape(acronym)))
    defined = re.compile(r"\(\s*%s\s*\)" % re.escape(acronym))  # found at once; the pattern tries every word
    for text in texts:
        for match in pattern.finditer(text) if defined.search(text) else ():
            long_form = _long_form(acronym.rstrip("s") if acronym[-1:] == "s" and acronym[:-1].isupper() else acronym,
                                   " ".join(match.group(1).split()))
            if long_form and len(re.split(r"[\s-]+", long_form)) > 1:  # "vision-language (VL)" too
                yield " ".join("-".join(part if ACRONYM.search(part) else part.lower() for part in word.split("-"))
                               for word in long_form.split())


def with_long_forms(phrase: str, texts: Iterable[str]) -> str:
    """`phrase` followed by what its acronyms stand for, each way two of `texts` define them (or the one way if only
    one does; a single odd match is no definition): "COVID-19 cytokine storm coronavirus disease 2019 corona virus
    disease 2019". Words of these say the phrase again: a group named "Coronavirus disease" in a draft on COVID-19
    names the section, and "severe acute respiratory syndrome" under "SARS coronavirus" says its label."""
    acronyms = [word.strip(",;:()") for word in phrase.split() if ACRONYM.search(word)]
    texts = list(texts) if acronyms else []
    long_forms: list[str] = []
    for acronym in acronyms:
        found = Counter(expansions(acronym, texts)).most_common()
        long_forms += [long for long, count in found if count > 1] or [long for long, _ in found[:1]]
    return " ".join([phrase, *long_forms])


def _long_form(short: str, candidate: str) -> str | None:
    """The shortest end of `candidate` whose letters spell `short` in order, its first letter a word's first."""
    letters = [char.lower() for char in short if char.isalnum()]
    at = len(candidate) - 1
    for index in range(len(letters) - 1, -1, -1):
        while at >= 0 and (candidate[at].lower() != letters[index]
                           or index == 0 and at > 0 and candidate[at - 1].isalnum()):
            at -= 1
        if at < 0:
            return None
        at -= 1
    return candidate[candidate.rfind(" ", 0, at + 1) + 1:]
