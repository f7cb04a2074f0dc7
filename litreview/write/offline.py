"""The offline paragraph: one or two template sentences per paper, made of that paper's own words.

A template supplies only connective words ("proposes", "The authors report that", "Another study");
everything else in a sentence is the cited paper's: its method name, and a clause of its abstract
(the object of its "we propose ..." sentence, what its results "show that ..."), trimmed, with its
first person turned into the third (we -> they). `TEMPLATE_WORDS` lists every word a template adds,
so a test can check that each remaining word occurs in the cited paper.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from litreview.corpus.paper import Paper, author_phrase
from litreview.corpus.texts import summary_text
from litreview.grounding import CITATION_MARKERS
from litreview.summarize.offline import offline_summary
from litreview.summarize.schema import PaperSummary
from litreview.write.schema import Sentence

MAX_CLAUSE_WORDS = 40   # a longer clause is cut at a clause boundary; a longer finding is left out
MIN_CUT_WORDS = 10      # never cut a clause shorter than this
MAX_SENTENCES = 12      # findings are added, best-ranked paper first, while the paragraph stays this short
FIRST_SUBJECT = "One study"
NEXT_SUBJECTS = ("Another study", "Another work", "A further study")
FINDING_LEAD = "The authors report that"
FALLBACK_VERB = "notes that"
UNTITLED = "Also related is the paper"

_VERBS = ("propose present introduce develop design describe build construct create release formulate devise "
          "offer contribute study investigate explore analyze analyse examine evaluate perform conduct show "
          "focus address use train").split()
_PROPOSES = re.compile(
    r"\b(?:we|this (?:paper|work|study|article))\s+(?:(?:\w+ly|also|first|then|further)\s+)?"
    rf"(?P<verb>{'|'.join(_VERBS)}|studies)s?\b\s*(?P<object>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_REPORTS = re.compile(
    r"\b(?:show|demonstrate|find|found|observe|reveal|indicate|suggest|confirm|verify)s?\s+that\s+(?P<clause>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_LEAD = re.compile(
    r"^(?:however|moreover|furthermore|additionally|in addition|finally|also|specifically|concretely|"
    r"in particular|in this (?:paper|work|study|article)|to this end|in light of this|first(?:ly)?|"
    r"second(?:ly)?|third(?:ly)?|lastly|plus|here|thus|therefore|overall|in general|\w+ly|"
    r"to (?:address|bridge|tackle|fill|solve|overcome|close) (?:this|these|the|such) \w+(?: \w+)?)\s*,\s*",
    re.IGNORECASE,
)
_CITED_ASIDE = re.compile(r"\s*[(\[][^()\[\]]*\b(?:19|20)\d{2}[a-z]?\b[^()\[\]]*[)\]]")
_CUT_BEFORE = re.compile(r";\s|:\s|,\s(?:which|where|while|whereas|and thus|thereby)\s|\s\(\d\)\s")
_PRONOUNS = {"we": "they", "our": "their", "us": "them", "ours": "theirs", "ourselves": "themselves"}
_PRONOUN = re.compile(r"\b(?:" + "|".join(_PRONOUNS) + r")\b", re.IGNORECASE)


def offline_sentences(keys: list[str], papers: dict[str, Paper],
                      summaries: Mapping[str, PaperSummary] | None = None) -> list[Sentence]:
    """Sentences about the papers `keys`, in that order: each cites exactly the paper it is about.

    `summaries`, when given, must be the offline engine's own (the sentences quote them): passing them
    saves summarising each paper a second time.
    """
    sentences: list[Sentence] = []
    unnamed = 0
    for position, key in enumerate(keys):
        paper = papers[key]
        summary = summaries[key] if summaries is not None else offline_summary(paper)
        # The authors when known (rendered as a textual citation, `\citet`), else the method's name.
        subject = author_phrase(paper) or summary.method_name
        if not subject or (not paper.authors and _names_itself(summary.approach, subject)):
            subject = FIRST_SUBJECT if unnamed == 0 else NEXT_SUBJECTS[(unnamed - 1) % len(NEXT_SUBJECTS)]
            unnamed += 1
        room = MAX_SENTENCES - len(sentences) - (len(keys) - position)
        sentences += paper_sentences(paper, summary, subject, with_finding=room >= 1)
    return sentences


def paper_sentences(paper: Paper, summary: PaperSummary, subject: str, *, with_finding: bool = True) -> list[Sentence]:
    """What `paper` does (and, when short enough, what it finds), with `subject` naming it."""
    key = paper.key or ""
    if not summary_text(paper):  # nothing but a title: the abstract and PDF excerpts are both missing
        return [Sentence(text=f"{UNTITLED} {_clean(paper.title or key).rstrip('.')}.", keys=[key])]
    plural = subject.endswith(" et al.") or " and " in subject
    sentences = [Sentence(text=_approach_sentence(summary.approach, subject, plural=plural), keys=[key])]
    has_finding = with_finding and summary.finding and summary.finding != summary.approach
    finding = _finding_sentence(summary.finding) if has_finding else None
    if finding:
        sentences.append(Sentence(text=finding, keys=[key]))
    return sentences


def template_words() -> frozenset[str]:
    """Every word a template can add to a sentence (lower case): connectives, subjects, verbs, pronouns."""
    fixed = " ".join([FIRST_SUBJECT, *NEXT_SUBJECTS, FINDING_LEAD, FALLBACK_VERB, UNTITLED, *_PRONOUNS.values(),
                      "and et al note"])  # "Smith and Lee", "Smith et al." (names are the paper's authors)
    verbs = [_third_person(verb) for verb in _VERBS] + ["studies"] + _VERBS
    return frozenset(re.findall(r"[a-z]+", fixed.lower()) + verbs)


def _approach_sentence(approach: str, subject: str, *, plural: bool = False) -> str:
    """`{Name} proposes {object}.` from "we propose {object}", else `{Name} notes that {sentence}.`

    A plural subject ("Smith and Lee", "Smith et al.") takes the plain verb: "Smith et al. propose".
    """
    match = _PROPOSES.search(approach)
    if match:
        verb, obj = match.group("verb").lower(), _clause(match.group("object"))
        verb = ("study" if verb == "studies" else verb) if plural else _third_person(verb)
        return f"{subject} {verb} {obj}."
    fallback = FALLBACK_VERB.replace("notes", "note") if plural else FALLBACK_VERB
    return f"{subject} {fallback} {_lower_first(_clause(approach))}."


def _names_itself(approach: str, name: str) -> bool:
    """Whether "we propose {name}, ..." opens the object: then a generic subject avoids "X proposes X"."""
    match = _PROPOSES.search(approach)
    return bool(match) and name.casefold() in _clause(match.group("object")).casefold()[: len(name) + 8]


def _finding_sentence(finding: str) -> str | None:
    """`The authors report that {clause}.`, or None when the finding is too long to quote."""
    match = _REPORTS.search(finding)
    clause = _clause(match.group("clause") if match else finding)
    if len(clause.split()) > MAX_CLAUSE_WORDS:
        return None
    return f"{FINDING_LEAD} {_lower_first(clause)}."


def _clause(text: str) -> str:
    """`text` without a leading connective, cited asides or markers; cut when long; third person."""
    text = _CITED_ASIDE.sub("", text)
    text = CITATION_MARKERS.sub("", text)
    while _LEAD.match(text):
        text = _LEAD.sub("", text, count=1)
    text = _cut(" ".join(text.split()))
    text = _PRONOUN.sub(lambda m: _same_case(_PRONOUNS[m.group(0).lower()], m.group(0)), text)
    return text.rstrip(" .,;:!?")


def _cut(text: str) -> str:
    """A long clause cut at its first clause boundary past MIN_CUT_WORDS, parentheses kept balanced."""
    if len(text.split()) <= MAX_CLAUSE_WORDS:
        return text
    for boundary in _CUT_BEFORE.finditer(text):
        if len(text[: boundary.start()].split()) >= MIN_CUT_WORDS:
            return _balanced(text[: boundary.start()])
    return text


def _balanced(text: str) -> str:
    """`text` without an unclosed parenthesis and what follows it."""
    depth, cut = 0, None
    for index, char in enumerate(text):
        if char == "(":
            cut = index if depth == 0 else cut
            depth += 1
        elif char == ")" and depth:
            depth -= 1
    return text[:cut].rstrip() if depth and cut is not None else text


def _third_person(verb: str) -> str:
    if verb == "study" or verb == "studies":
        return "studies"
    if verb.endswith(("s", "sh", "ch")):
        return verb + "es"
    return verb + "s"


def _lower_first(text: str) -> str:
    """"Experimental results ..." -> "experimental results ...", but "BERT ..." and "ChatGPT ..." kept."""
    first, _, rest = text.partition(" ")
    if first[:1].isupper() and first[1:] == first[1:].lower() and not rest[:1].isupper():  # not "Prompt Tuning"
        return text[:1].lower() + text[1:]
    return text


def _same_case(word: str, like: str) -> str:
    return word.capitalize() if like[:1].isupper() else word


def _clean(text: str) -> str:
    return " ".join(CITATION_MARKERS.sub("", text).split())
