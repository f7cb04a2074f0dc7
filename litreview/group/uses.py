"""How many papers of the researcher's whole corpus use a term: what their field says everywhere.

In a corpus of COVID-19 papers, "SARS-CoV-2" and "the COVID-19 pandemic" are what the field is about: that five
papers of one group say them tells a reader nothing, however many of the draft's other papers do or do not. With
the statistics results are reported in and the databases papers were searched in, such a term names no group and no
topic papers share (`names_no_topic`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence

from litreview.corpus.paper import Paper
from litreview.group.naming import names_a_database, names_a_procedure, reports_results, theme_or_case
from litreview.group.spelling import phrase_words

FIELD_SHARE = 0.1          # a term one paper in ten of the corpus uses is the field's, not a topic of a few papers
MIN_CORPUS_PAPERS = 50     # a smaller corpus is hardly more than the draft: what it says says nothing of a field


# Words that place a field's term in time or extent without making it another: "the current COVID-19 pandemic".
_PASSING = frozenset("current ongoing recent present global worldwide new novel emerging".split())


class CorpusUses:
    """The share of a corpus's papers (titles and abstracts) that use a term, counted when first asked."""

    def __init__(self, papers: Sequence[Paper]) -> None:
        self._papers = papers
        self._text = ""  # every paper's text in lower case, each after a NUL (no phrase runs from one into the next)
        self._starts: list[int] = []  # where each paper's text starts in it
        self._shares: dict[str, float] = {}

    def share(self, term: str) -> float:
        """The share of the papers that use `term` as a whole phrase, in any case, with or without its hyphens."""
        said = " ".join(term.lower().replace("-", "").split())  # "pre-trained" and "pretrained" alike
        if said not in self._shares:
            if not self._starts:
                # the record's own words: cleaning every abstract of the corpus (`paper_text`) would cost seconds
                texts = [f"{paper.title or ''} | {paper.abstract or ''}".lower().replace("-", "") for paper in self._papers]
                self._starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=1))
                self._text = "".join(f"\0{text}" for text in texts)
            # One search of the whole corpus, in lower case and without the lookbehind `phrase_pattern` opens with
            # (either would keep `re` from scanning for the phrase's first letters): twice as fast as a search a paper.
            uses = _lower_case_phrase(said).finditer(self._text)
            found = {bisect.bisect_right(self._starts, use.start()) - 1 for use in uses
                     if not _WORD_OR_HYPHEN.match(self._text, use.start() - 1)}
            self._shares[said] = len(found) / len(self._papers) if self._papers else 0.0
        return self._shares[said]

    def of_the_field(self, forms: Iterable[str | None]) -> bool:
        """Whether one of `forms` of a term (an acronym and what it stands for), or one without a first word that only
        places it ("current", "novel"), or with its hyphens as spaces, or with two words as one ("corona virus disease"
        is the field's "coronavirus disease"), is used by FIELD_SHARE of the corpus's papers or more (never for a corpus
        under MIN_CORPUS_PAPERS)."""
        return len(self._papers) >= MIN_CORPUS_PAPERS and any(self.share(form) >= FIELD_SHARE for form in _forms_of(forms))


def _lower_case_phrase(said: str) -> re.Pattern[str]:
    """`said` (in lower case) as a whole phrase, but for what goes before it (see `CorpusUses.share`)."""
    return re.compile(phrase_words(said) + r"(?![\w-])")


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _forms_of(forms: Iterable[str | None]) -> list[str]:
    """`forms` of a term and what the corpus may say for them (see `CorpusUses.of_the_field`)."""
    # "the current COVID-19 pandemic" is the field's "COVID-19 pandemic" ("multimodal LLMs" are not the field's LLMs)
    said = [form for form in forms if form]
    said += [form.split(" ", 1)[1] for form in said if " " in form and form.split(" ", 1)[0].lower() in _PASSING]
    said += [form.replace("-", " ") for form in said if "-" in form]  # "syndrome-coronavirus": "syndrome coronavirus"
    said += [_joined(form, n) for form in said for n in range(1, len(form.split()))]  # "corona virus": "coronavirus"
    return said


def _joined(form: str, at: int) -> str:
    """`form` with its `at`-th and next words written as one: "corona virus disease" -> "coronavirus disease"."""
    words = form.split()
    return " ".join([*words[:at - 1], words[at - 1] + words[at], *words[at + 1:]])


def names_no_topic(term: str, long_form: str | None, corpus_uses: CorpusUses | None) -> bool:
    """Whether `term` (with what it stands for, `long_form`) names no topic, however many papers share it: a statistic
    of how results are reported ("95% CI"), a database the papers were searched in ("PubMed"), how a review chose its
    studies ("exclusion criteria"), or what the researcher's whole corpus says everywhere (`corpus_uses`)."""
    return reports_results(term, long_form) or any(names_a_database(said) or names_a_procedure(said)
                                                   for said in (term, long_form) if said) \
        or bool(corpus_uses and corpus_uses.of_the_field((term, long_form)))


def says_only_the_field(term: str, theme: frozenset[str], corpus_uses: CorpusUses | None) -> bool:
    """Whether each word of `term` is the theme's (stems `theme`), says who has it, or is a name the researcher's whole
    corpus says everywhere: "SARS-CoV-2 coronavirus", "SARS-CoV-2 pandemic" in a library of COVID-19 papers (a common
    word stays a topic: "COVID-19 mortality")."""
    return bool(corpus_uses) and all(theme_or_case(word, theme) or not word.islower()
                                     and corpus_uses.of_the_field([word])  # type: ignore[union-attr]
                                     for word in term.split())
