"""The offline paragraph: a piece of related work assembled from templates and the papers' own words.

A paragraph opens with its sub-theme and how it bears on the theme (the terms the group shares with it),
says what several members share (`Two of them address {term}`, citing those; never what the draft's other papers
or the researcher's whole corpus say as much: `group/uses.py`), then gives each paper a
clause for what it does, related papers next to each other, two papers that address the same term in
unrelated ways joined by "whereas" (papers closest to the theme first while the word budget allows; the rest
are cited together, `Work on {sub-theme} also includes`, as authors cite a large group); more of the papers'
sentences (those adding most of the theme's words first, then findings) are added while the paragraph stays
within its word budget (WORDS_PER_PAPER a paper, plus FIXED_WORDS). Papers known only by title share one
sentence (`write/titled.py`). With the researcher's own text (`our_work`, or a theme long enough to be their
abstract), the paragraph opens with its background sentences and closes by positioning that work
(`write/own_work.py`).

Templates supply only connective words (`template_words()`, with those of `clauses`, `relations` and
`own_work`); every other word of a sentence comes from the papers it cites, the theme, or the researcher's
text, so a test can check each one. What relates the papers (order, shared terms, contrast) lives in
`write/relations.py`; one paper's clause in `write/clauses.py`, one of its sentences said for it in
`write/statements.py`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from litreview.corpus.paper import Paper, author_phrase
from litreview.group.offline import OTHER_TITLE
from litreview.group.schema import SubTheme
from litreview.group.terms import label_stems, term_stems
from litreview.group.uses import CorpusUses
from litreview.summarize.approach import approach_index
from litreview.summarize.offline import (
    offline_summary,
    paper_text,
    reports_a_result,
    text_sentences,
)
from litreview.summarize.schema import PaperSummary
from litreview.text import is_own_text
from litreview.write import clauses, own_work, titled
from litreview.write.citing import FIRST_SUBJECT, NEXT_SUBJECTS
from litreview.write.clauses import (
    Clause,
    active_sentence,
    approach_clause,
    passive_sentence,
)
from litreview.write.cuts import bounded, fits, words_in
from litreview.write.english import lower_first, names_in, plural, upper_first
from litreview.write.own_work import Framing, positioning, shared_with, topic_word_stems
from litreview.write.relations import (
    KIND_PHRASES,
    RELATION_PHRASES,
    TermUses,
    contrasting,
    count_opening,
    jaccard,
    related_order,
    shared_sentences,
    stems,
)
from litreview.write.schema import InlineCitation, Sentence
from litreview.write.statements import (
    FACT_LEAD,
    FINDING_LEAD,
    its_authors_act,
    more_statements,
    said_for,
)
from litreview.write.titled import (
    holds_theme,
    less_closely,
    said_by_title,
    theme_said,
    title_sentences,
    unnamed,
    work_on,
    works_address,
)
from litreview.write.voice import it_as_itself, leans_back, refers_back, says_its_kind, the_for_these

WORDS_PER_PAPER = 20    # the budget grows with the group, as authors write (20-35 words a paper)
FIXED_WORDS = 50        # plus the opening sentence and room for a lone paper's second sentence
# Every phrase the paragraph templates add (the clause templates add theirs, see clauses.template_words).
TEMPLATE_PHRASES = (
    "Work on", "relates to", "through", "Further work", "Related work", "work relates", "works relate", "that relates to",
    "includes", "our work", "Further work is related to", "less closely",
    *RELATION_PHRASES, "whereas", *titled.TEMPLATE_PHRASES, "and",
    *own_work.TEMPLATE_PHRASES, "et al",
    FIRST_SUBJECT, *NEXT_SUBJECTS, FINDING_LEAD, "report reports that",
)


def template_words() -> frozenset[str]:
    """Every word a template can add (lower case); the rest of a sentence is the cited papers', the theme's
    or the researcher's."""
    fixed = re.findall(r"[a-z]+", " ".join(TEMPLATE_PHRASES).lower())
    return frozenset(fixed) | clauses.template_words()


def offline_paragraph(group: SubTheme, papers: Mapping[str, Paper], summaries: Mapping[str, PaperSummary] | None,
                      theme: str, our_work: str | None = None, framing: Framing | None = None,
                      draft_terms: TermUses | None = None, first: bool = False,
                      corpus_uses: CorpusUses | None = None) -> list[Sentence]:
    """The sentences of one group's paragraph (see the module docstring); every member is cited. `framing` (what
    the paragraph takes from the researcher's text, see `own_work.framings`) gives its opening sentences, which
    replace the template's, and the proposal its closing names. `draft_terms` counts the terms of the whole draft's
    papers: what the others say as much is no topic this group shares, nor what the researcher's corpus says
    everywhere (`corpus_uses`). `first`: the draft's first paragraph."""
    summaries = summaries or {key: offline_summary(papers[key]) for key in group.keys}
    texts = {key: paper_text(papers[key]) for key in group.keys}
    topic = topic_word_stems(theme, texts.values())
    with_text = [key for key in group.keys
                 if text_sentences(papers[key]) and not said_by_title(papers[key], topic, corpus_uses)]
    titled = [key for key in group.keys if key not in with_text]
    order = related_order(with_text, texts, theme)
    our_work = our_work or (theme if is_own_text(theme) else None)
    background = framing.opening if framing else []
    sentences: list[Sentence] = []
    cited: set[str] = set()  # the keys the paragraph's sentences cite before its papers known by title
    excluded = label_stems(group.title, texts.values()) | topic
    if with_text:
        # The researcher's sentence is theirs, not the papers': it cites none of them.
        sentences += [Sentence(text=text, keys=[]) for text in background] if background else [_opening(group, theme, texts, papers, first)]
        names = {key: author_phrase(papers[key]) or summaries[key].method_name for key in order}
        sentences += shared_sentences(order, texts, summaries, excluded, introduced=not background, names=names,
                                      elsewhere=draft_terms.without(texts.values()) if draft_terms else None,
                                      corpus_uses=corpus_uses)
        budget = WORDS_PER_PAPER * len(group.keys) + FIXED_WORDS - sum(map(_prose_words, sentences))
        described = _paper_sentences(order, papers, summaries, budget, theme)
        if any(len(sentence.keys) > 1 for sentence in described):  # "X ..., whereas Y ..." relates them already:
            sentences = [s for s in sentences if not s.text.endswith(f" {KIND_PHRASES['method']}.")]  # "... propose methods"
        sentences += the_for_these(described)
        # Papers the budget leaves no sentence of their own are cited together, as authors cite a large group, unless
        # a sentence before cites them already (the opening does, but for the researcher's own): no list said twice.
        cited = {key for sentence in sentences for key in sentence.keys}
        further = [key for key in order if key not in cited]
        sentences += [Sentence(text=f"{work_on(group, papers, first=first)} also includes.", keys=further)] if further else []
    sentences += title_sentences(titled, papers, group, theme, alone=not with_text, first=first,
                                 cited=cited,
                                 excluded=excluded, corpus_uses=corpus_uses)
    if our_work:
        closing = positioning(our_work, group.keys, texts, framing.proposal if framing else 0,
                              exclude=topic | (framing.told if framing else frozenset()),
                              again=framing.again if framing else 0, opened=background)
        sentences += [closing] if closing else []
    return sentences


def offline_sentences(keys: list[str], papers: Mapping[str, Paper],
                      summaries: Mapping[str, PaperSummary] | None = None) -> list[Sentence]:
    """One or two sentences per paper of `keys`, each citing only its paper (used to complete an LLM paragraph)."""
    found = summaries or {key: offline_summary(papers[key]) for key in keys}
    sentences: list[Sentence] = []
    for key in keys:
        if text_sentences(papers[key]):
            sentences += _paper_sentences([key], papers, found, budget=2 * WORDS_PER_PAPER)
        else:
            sentences += title_sentences([key], papers, None, "", alone=False)
    return sentences


# --- the parts of a paragraph ------------------------------------------------------------------------------

def _opening(group: SubTheme, theme: str, texts: Mapping[str, str], papers: Mapping[str, Paper], first: bool) -> Sentence:
    """`Work on {sub-theme} relates to {theme}.` (`... to our work through {terms}` for a long theme), citing every
    member; `Two works relate to {theme}.` for an unnamed group that is the draft's `first`."""
    keys = list(group.keys)
    target = theme_said(theme, group, papers)
    if group.title == OTHER_TITLE:
        return Sentence(text=less_closely(group, theme, papers), keys=keys)
    if first and unnamed(group):  # "Further work relates to" would point back at nothing
        works = "work relates" if len(keys) == 1 else "works relate"
        return Sentence(text=bounded(f"{count_opening(len(keys))} {works} to {target}."), keys=keys)
    if holds_theme(group, theme):  # "Six works address cytokine storm syndrome", not "... relates to cytokine storm"
        return Sentence(text=bounded(f"{works_address(group, papers)}."), keys=keys)
    # A short theme is named whole; the terms a long one (an abstract) shares with the group say how it bears on it.
    through = "" if not is_own_text(theme) else shared_with(
        theme, [texts[key] for key in keys], exclude=term_stems(group.title.lower()), at_least=max(1, (len(keys) + 1) // 2))
    text = f"{work_on(group, papers)} relates to {target}" + (f" through {through}." if through else ".")
    return Sentence(text=bounded(text), keys=keys)


def _paper_sentences(order: list[str], papers: Mapping[str, Paper], summaries: Mapping[str, PaperSummary],
                     budget: int, theme: str = "") -> list[Sentence]:
    """What each paper does (two joined by "whereas" where they address one term differently), then, while
    the words stay within `budget`, more of the papers' own sentences: first those that add most of the
    theme's words not yet said (as authors relate what they cite to their own problem), then findings."""
    limit = clause_words(len(order))
    approaches = _approach_said(order, papers, summaries, limit)
    described, explained = _described(order, approaches, budget, theme, papers)
    if len(described) < len(order):  # said again: the unnamed subjects rotate over those described only
        approaches = _approach_said([key for key in order if key in described], papers, summaries, limit)
    written = _joined([part if part.key in explained else part._replace(before=None) for part in approaches], summaries)
    if len(described) < len(order):
        return written  # the budget is spent: what a paper does comes before more of what another one says
    spent = sum(words_in(sentence.text) for sentence in written)
    theme_stems = stems(theme)
    said = set().union(*(stems(sentence.text) for sentence in written)) if written else set()
    candidates = [(key, statement) for key in order for statement in more_statements(papers[key], summaries[key])]
    used: set[str] = {sentence.text for sentence in written}
    # Where each of a paper's sentences is said: one that leans on the sentence before it ("Using this, ...") is said
    # only right after that one.
    said_as = {(key, summaries[key].approach): sentence for sentence in written for key in sentence.keys}
    while True:
        fitting = [(len((stems(statement.text) & theme_stems) - said), statement.is_finding, -n)
                   for n, (key, statement) in enumerate(candidates) if statement.text not in used
                   and spent + words_in(statement.text) <= budget
                   and (statement.follows is None or (key, statement.follows) in said_as)]
        fitting = [score for score in fitting if score[0] > 0 or score[1]]
        if not fitting:
            return written
        key, statement = candidates[-max(fitting)[2]]
        if statement.follows is None:
            at = max(n for n, sentence in enumerate(written) if key in sentence.keys)
        else:
            at = next(n for n, sentence in enumerate(written) if sentence is said_as[key, statement.follows])
        said_as[key, statement.source] = Sentence(text=statement.text, keys=[key])
        written.insert(at + 1, said_as[key, statement.source])
        spent += words_in(statement.text)
        said |= stems(statement.text)
        used.add(statement.text)


def clause_words(papers: int) -> int:
    """How long a paper's clause may be: shorter in larger groups, where authors give each paper less room."""
    return clauses.MAX_CLAUSE_WORDS if papers <= 3 else 22 if papers <= 6 else 16


class _Said(NamedTuple):
    """One paper's approach sentence, before it may be joined with the next one's."""

    key: str
    clause: Clause
    text: str
    name: str | None   # the paper's authors or method name when the sentence opens with it
    passive: bool
    before: str | None = None  # the paper's sentence said first, which the approach sentence refers to ("this setting")


def _approach_said(order: list[str], papers: Mapping[str, Paper], summaries: Mapping[str, PaperSummary],
                   limit: int) -> list[_Said]:
    """Each paper's approach sentence (its clause at most `limit` words), the subject of those that name no one
    rotating ("One study", "Another study")."""
    said = []
    unnamed = 0
    for key in order:
        paper, approach = papers[key], summaries[key].approach
        part = _approach_part(key, paper, summaries[key], approach, limit, unnamed)
        if part.before is None and refers_back(part.text):  # "One study builds these graphs", and no sentence says which
            instead = _standing_alone(paper, approach)
            part = _approach_part(key, paper, summaries[key], instead, limit, unnamed) if instead else part
        unnamed += part.name is None and not part.passive  # "One study", then "Another study"
        said.append(part)
    return said


def _approach_part(key: str, paper: Paper, summary: PaperSummary, approach: str, limit: int, unnamed: int) -> _Said:
    """The paper's `approach` sentence said for it: by its name, else in the passive, else by the `unnamed`-th
    rotating subject ("One study", "Another study"), with its antecedent where it refers back; its "It" the paper
    where the sentence before is the paper's own ("This is a study of X. It examines Y.")."""
    parts = text_sentences(paper)
    at = parts.index(approach) if approach in parts else 0
    previous = parts[at - 1] if at else None  # the sentence before the approach, what "It" and "this X" may point to
    clause = approach_clause(it_as_itself(approach, previous), limit)
    if clause.verb is None and its_authors_act(paper, clause.statement):  # "Here, Meyer-Lindenberg and Weinberger
        return _Said(key, clause, bounded(f"{upper_first(clause.statement)}."), None, True)  # review X": as it is
    subject = _subject(paper, summary, clause)
    name = subject
    if subject is None and not (clause.verb and clause.passive_ready) and not (clause.verb is None and clause.stands_alone):
        subject = FIRST_SUBJECT if unnamed == 0 else NEXT_SUBJECTS[(unnamed - 1) % len(NEXT_SUBJECTS)]
    names = names_in(paper.abstract)
    text = bounded(active_sentence(subject, clause, plural=plural(subject), names=names) if subject else passive_sentence(clause))
    if subject and subject.endswith(" study") and re.search(rf"\b{subject} stud", text, re.IGNORECASE):
        subject = subject.replace("study", "work")  # "Another work studies / studied", not "Another study studied"
        text = bounded(active_sentence(subject, clause, names=names))
    before = _antecedent(paper, previous, text, named=subject is None or subject == name)
    return _Said(key, clause, text, name, subject is None, before)


# A sentence that goes on from the paper's approach: "We further adapt mixup to drive our approach a step further",
# "As a result, we can talk about ...", "We consider countermeasures against our mechanisms", "We conclude with ...".
_GOES_ON = re.compile(r"\bour\b|\bwe\s(?:\w+\s)?(?:further|also|then|next|additionally|thus)\b|"
                      r"\bwe\s(?:conclude|close|end)\s(?:with|by)\b|^(?:Finally|Next|Then|As a result|Thus|Therefore|Hence|"
                      r"Consequently)\b", re.IGNORECASE)


def _standing_alone(paper: Paper, approach: str) -> str | None:
    """The first other sentence of the paper that says what its authors did ("We show that X", "In this paper, we
    identify X") and refers to nothing said before it: what the paragraph says of the paper where its `approach`
    sentence refers to one it cannot say ("We automatically build these graphs ...")."""
    return next((part for part in text_sentences(paper) if part != approach and re.search(r"\bwe\b", part, re.IGNORECASE)
                 and not part.endswith("?") and not refers_back(part) and not leans_back(part) and not _GOES_ON.search(part)
                 and (approach_index([part], {}) is not None or reports_a_result(part))), None)


def _joined(said: list[_Said], summaries: Mapping[str, PaperSummary]) -> list[Sentence]:
    """The approach sentences, two proposals that contrast joined by "whereas"."""
    written: list[Sentence] = []
    index = 0
    while index < len(said):
        first = said[index]
        second = said[index + 1] if index + 1 < len(said) else None
        # Two proposals contrast, the second said by someone ("..., whereas Y is proposed" says not by whom).
        if first.before:
            written.append(Sentence(text=first.before, keys=[first.key]))
        elif second and not second.before and first.clause.verb and second.clause.verb and not second.passive \
                and contrasting(summaries[first.key], summaries[second.key]):
            joined = f"{first.text[:-1]}, whereas {second.text if second.name else lower_first(second.text)}"  # a name keeps its capital
            if fits(joined):
                # Each named paper is cited where it is named: "Smith et al. [1] tune ..., whereas Lee et al. [2] share ..."
                inline = [InlineCitation(after=part.name, keys=[part.key]) for part in (first, second) if part.name]
                written.append(Sentence(text=joined, keys=[first.key, second.key], inline=inline))
                index += 2
                continue
        written.append(Sentence(text=first.text, keys=[first.key]))
        index += 1
    return written


def _described(order: list[str], said: list[_Said], budget: int, theme: str,
               papers: Mapping[str, Paper]) -> tuple[set[str], set[str]]:
    """The papers whose approach sentences fit `budget`, those closest to the theme first (at least one; the others
    are cited together, as authors cite a large group), and those of them said with their antecedent
    (`_Said.before`): a sentence that refers back ("One study builds these graphs") fits only with what it refers to."""
    texts = {key: stems(paper_text(papers[key])) for key in order}
    theme_stems = stems(theme)
    by_closeness = sorted(said, key=lambda part: -jaccard(texts[part.key], theme_stems))  # stable: ties keep the order
    described: set[str] = set()
    spent = 0
    for part in by_closeness:
        words = words_in(part.text) + (words_in(part.before) if part.before else 0)
        if not described or spent + words <= budget:
            described.add(part.key)
            spent += words
    return described, {part.key for part in said if part.key in described and part.before}


def _antecedent(paper: Paper, previous: str | None, written: str, *, named: bool) -> str | None:
    """The paper's sentence before its approach (`previous`), said so that the approach sentence's "this setting" or
    "these graphs" has something to refer to; None when it needs none, or that sentence cannot stand alone. Said by
    "the authors" only when the approach sentence (`named`) does not then name the same paper "One study"."""
    # a question, or a sentence that itself refers back ("It involves ..."), is no antecedent to say
    # ("This is a study of X" is the paper saying what it is, not referring back)
    if not refers_back(written) or previous is None or previous.endswith("?") or not says_its_kind(previous) and \
            (refers_back(previous) or leans_back(previous)):
        return None
    said = said_for(paper, previous, FACT_LEAD)
    if not said or (said.startswith("The authors") and not named):
        return None
    return said


# --- helpers ---------------------------------------------------------------------------------------------

def _subject(paper: Paper, summary: PaperSummary, clause: Clause) -> str | None:
    """The authors ("Smith et al.") or the method's name, unless the clause opens with that name."""
    authors = author_phrase(paper)
    if authors:
        return authors
    name = summary.method_name
    if name and clause.verb and name.casefold() not in clause.object.casefold():
        return name
    return None


def _prose_words(sentence: Sentence) -> int:
    """The words of a sentence that are not citations: a name cited inline ("Smith et al." -> \\citet) is one."""
    return words_in(sentence.text) - sum(words_in(citation.after) - 1 for citation in sentence.inline)
