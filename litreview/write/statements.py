"""One of a paper's sentences said for it in a paragraph: by its authors where they are known ("Fessler et al.
designed X", "Smith et al. note that X"), as a proposal in the passive ("X is proposed"), or standing alone; and
what it reports, after "The authors report that" where it cannot stand alone.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from litreview.corpus.paper import Paper, author_phrase
from litreview.summarize.offline import says_only_it_works, text_sentences
from litreview.summarize.schema import PaperSummary
from litreview.text import AIM_FRAME, EVERYONES_WE, SINGULAR_SUBJECT, THE_WORK, surname
from litreview.write.acts import described_by, done_by, field_practice
from litreview.write.clauses import (
    approach_clause,
    finding_clause,
    passive_sentence,
    standalone,
)
from litreview.write.cuts import MIN_CUT_WORDS, fits, words_in
from litreview.write.english import lower_first, names_in, plural, sentence_start, upper_first
from litreview.write.voice import in_third_person, it_as_itself, leans_back, reported, said_by, says_its_kind

FINDING_LEAD = "The authors report that"
FACT_LEAD = "The authors note that"
# "The experimental results show that: (1) ..." cut to "The experimental results show.": says nothing of its own
_ANNOUNCES = re.compile(r"\b(?:shows?|reveals?|demonstrates?|indicates?|suggests?|finds?|following(?:\s[\w-]+){0,2})\.$")


def finding_sentence(paper: Paper, summary: PaperSummary, before: str | None = None) -> str | None:
    """What the paper reports, standing alone when it can, else after "The authors report that" (`before`: the
    sentence before it, where it leans on that one)."""
    if not summary.finding or summary.finding == summary.approach:
        return None
    said = said_for(paper, it_as_itself(summary.finding, before), FINDING_LEAD)
    # cut before what it found ("demonstrates the effectiveness of our approach: 1) depth ..., and 2) pose ..."), a
    # finding that only says the method works says nothing
    return None if said and says_only_it_works(said) else said


def said_for(paper: Paper, sentence: str, lead: str) -> str | None:
    """A sentence of the paper said for it: `{Object} is proposed` for a proposal, what its authors did with them
    doing it ("The authors show X"), the sentence itself when it can stand alone, else after its authors or `lead`
    ("The authors report that ..."); None when too long."""
    authors = author_phrase(paper)
    if sentence.rstrip().endswith("?"):  # "What role can geographers play in X?" is asked, not noted
        return _asked(authors or "The authors", sentence.strip())
    aim = _AIM_STATED.match(sentence)
    if aim:  # "The purpose of this study is to broaden X": "Pabon aims to broaden X", not "... notes that the purpose"
        past = re.search(r"\b(?:was|were)\s$", aim["frame"])
        verb = "aimed" if past else "aim" if not authors or plural(authors) else "aims"
        text = f"{authors or 'The authors'} {verb} to {in_third_person(aim['rest']).rstrip('.')}."
        return text if fits(text) else None
    proposal = approach_clause(sentence)
    clause = finding_clause(sentence)
    names = names_in(paper.abstract)  # words that keep their capital where the clause is embedded
    verb = lead.split()[-2]  # "report" / "note"
    # "they" in the clause is the authors (not others), or the sentence's subject the paper itself
    # ... not everyone's "we" ("crucial in the world we live"), beside which "they" are others ("the information they
    # receive" was "the information, Sanz et al. receive")
    we_did = re.search(rf"\b(?:(?!{EVERYONES_WE})we|{THE_WORK})\b|{SINGULAR_SUBJECT}", sentence,
                       re.IGNORECASE) or says_its_kind(sentence)  # a single author's "I"; "This is a case series."
    done = said_by(authors or "The authors", clause, plural=not authors or plural(authors)) if we_did else None
    # "Science is conducted collaboratively", where an abstract opens before its "we": the field's, not the authors'
    theirs = not (field_practice(clause) and _before_we(paper, sentence))
    if proposal.verb and proposal.passive_ready and not authors:
        text = passive_sentence(proposal)
    elif done:  # "we show improvements ..." -> "The authors show improvements ...", not "... report that they show ..."
        text = done
    elif authors and its_authors_act(paper, clause):  # "Here, Meyer-Lindenberg and Weinberger review X": as it is
        text = f"{upper_first(clause)}."
    elif authors:  # "Fessler et al. designed X", not "... note that X were designed"
        says = verb if plural(authors) else verb + "s"
        text = theirs and done_by(authors, clause, plural=plural(authors), names=names) \
            or described_by(authors, clause, plural=plural(authors)) \
            or f"{authors} {says} that {lower_first(reported(clause), names)}."
    elif standalone(sentence) and standalone(clause):
        text = f"{sentence_start(clause)}."
    else:
        text = theirs and done_by("The authors", clause, plural=True, names=names) \
            or f"{lead} {lower_first(reported(clause), names)}."
    return text if fits(text) and not _ANNOUNCES.search(text) else None


def _asked(subject: str, question: str) -> str | None:
    """`{Subject} ask: {question}` as the paper asks it; None where its "we" or "I" would read as the draft's own
    ("How can we teach X?" is everyone's or the authors', which no rewording tells apart). A question a sentence
    announces is the question alone ("This work considers the following question: Can X ...?")."""
    announced = question.rsplit(": ", 1)[-1]
    question = announced if announced[:1].isupper() else question
    text = f"{subject} {'ask' if subject == 'The authors' or plural(subject) else 'asks'}: {question}"
    return None if in_third_person(question) != question or not fits(text) else text

_AIM_STATED = re.compile(rf"^(?P<frame>{AIM_FRAME})to\s(?P<rest>.+)$", re.DOTALL)  # "The aim of this study is to X"
_WE_OR_OUR = re.compile(r"\b(?:we|our)\b", re.IGNORECASE)
_NOT_A_LETTER = re.compile(r"[^a-z]+")


def _before_we(paper: Paper, sentence: str) -> bool:
    """Whether `sentence` comes in `paper`'s abstract before the abstract first says "we" or "our". Found by its
    letters alone: the offline engine reads some sentences repaired ("ofEscherichia coli(MG1655" spaced, reference
    numbers "practice,3 often" taken out), which are then not in the abstract as they are."""
    abstract = paper.abstract or ""
    we = _WE_OR_OUR.search(abstract)
    if not we:
        return False
    letters = _NOT_A_LETTER.sub("", sentence.lower())
    at = _NOT_A_LETTER.sub("", abstract.lower()).find(letters)
    return at >= 0 and at < len(_NOT_A_LETTER.sub("", abstract[:we.start()].lower()))


def its_authors_act(paper: Paper, clause: str) -> bool:
    """Whether `clause` names the paper's own authors doing what the paper does, in the present ("Using schizophrenia
    as an example, Meyer-Lindenberg and Weinberger review X", "Angus Deaton reports on X"), as review journals and
    letters write; not earlier work of theirs ("A decade ago, Pitcher and Cheung highlighted X", "Yuan and Cui
    predicted X")."""
    first = surname(paper.authors[0]) if paper.authors else ""
    if not first:
        return False
    several = r"(?:\s(?:and|&)\s[A-Z][\w'-]+|\set\sal\.)\s(?:\w+ly\s)?(?!(?:is|are|was|were|has|have|had)\b)[a-z]+(?<!ed)\b"
    one = r"\s(?:\w+ly\s)?(?!(?:is|was|has)\b)[a-z]+[^s]s\b"
    return bool(re.search(rf"\b{re.escape(first)}(?:{several}|{one})", clause))


class Statement(NamedTuple):
    """A further sentence of a paper, said for it."""

    text: str
    is_finding: bool
    source: str          # the paper's sentence it says
    follows: str | None  # the sentence before `source` when `source` leans on it ("Using this, we argue ...")


def more_statements(paper: Paper, summary: PaperSummary) -> list[Statement]:
    """The paper's finding and its other sentences (not its approach), each as a statement, the finding first."""
    parts = text_sentences(paper)
    before = {part: parts[n - 1] if n and leans_back(part) else None for n, part in enumerate(parts)}
    finding = finding_sentence(paper, summary, before.get(summary.finding or ""))
    statements = [Statement(finding, True, summary.finding, before.get(summary.finding))] if finding else []
    for part in parts:
        if part in (summary.approach, summary.finding) or words_in(part) < MIN_CUT_WORDS or says_only_it_works(part):
            continue
        text = said_for(paper, it_as_itself(part, before[part]), FACT_LEAD)
        if text and text != finding:
            statements.append(Statement(text, False, part, before[part]))
    return statements
