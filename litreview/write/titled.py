"""Papers known only by their titles, in a paragraph: "Also related are the papers “A” and “B”", as few sentences
as the word limit allows; a paper with neither a title nor prose is cited, never named by its key. A paper whose text
is background alone is known better by its title too (`said_by_title`)."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from itertools import chain, cycle

from litreview.corpus.paper import Paper
from litreview.group.offline import FALLBACK_TITLE, OTHER_TITLE
from litreview.group.schema import SubTheme
from litreview.group.terms import term_stems
from litreview.group.uses import CorpusUses
from litreview.summarize.offline import states_what_it_does, text_sentences
from litreview.text import STOPWORDS, is_own_text, listing
from litreview.write.cuts import bounded, fits
from litreview.write.english import lower_first, never_lowered
from litreview.write.relations import count_opening, shared_topics
from litreview.write.schema import InlineCitation, Sentence

MIN_TITLE_WORDS = 3  # a shorter title ("UnDEMoN", "Covid-19 and pregnancy") says less than a sentence of background
_WORD = re.compile(r"[^\W\d_][\w-]*")  # a word, hyphens and all ("COVID-19", "re-opening"); not a number
_TRANSLATED = re.compile(r"^\[(?P<title>[^\[\]]+)\]$")
_QUOTED = re.compile(r"^[\"“](?P<title>[^\"“”]+)[\"”]$")
UNTITLED = "Also related is the paper"
# The leads of a list's sentences, for several papers and for one; they vary from one sentence to the next, as three
# "Also related are the papers" in a row read as a form.
MORE_PAPERS = (("Also related are the papers", UNTITLED), ("Further related papers are", "A further related paper is"),
               ("Related as well are the papers", "Related as well is the paper"))
# After "Work on X ... includes"; three, as a long list of titles read "It also includes" twice in four sentences.
MORE_INCLUDED = (("It also includes",) * 2, ("It further includes",) * 2, ("Further examples are", "A further example is"))
TOPICS_LEAD = "Also related are"  # "Also related are papers on A [@a; @b] and B [@c; @d]."
TOPICS = "papers on"
ADDRESSING = ("work addresses", "works address")  # one, several
# the words these add
TEMPLATE_PHRASES = (*chain(*MORE_PAPERS, *MORE_INCLUDED), UNTITLED, TOPICS_LEAD, TOPICS, "includes", *ADDRESSING)


def shown_title(title: str) -> str:
    """`title` as prose quotes it: one line, no closing full stop, a translated title without the brackets MEDLINE
    puts it in (PubMed, and Zotero's imports of it: "[Sensitivity of serological Covid-19 tests]."), nor the quotes
    it is in, and one a database keeps in capitals in sentence case, as a citation style sets it ("EFFECT OF ...")."""
    said = " ".join(title.split()).rstrip(".")
    translated = _TRANSLATED.match(said)
    said = translated["title"].rstrip(".") if translated else said
    quoted = _QUOTED.match(said)  # a dataset's title in quotes: "\"Deep Image Reconstruction\""
    said = quoted["title"] if quoted else said
    return said[:1] + said[1:].lower() if _in_capitals(said) else said


def _in_capitals(title: str) -> bool:
    """Whether `title` is set in capitals: several words, none with a lower-case letter."""
    return len(_WORD.findall(title)) >= MIN_TITLE_WORDS and not any(letter.islower() for letter in title)


def _readable_title(title: str | None) -> bool:
    """Whether `title` can be quoted: not empty, nor letter-spaced as a PDF's metadata may give it and a reference
    manager keep it ("Tr a n s l a t i o n a l r e s e a r c h", in a Mendeley library), whose words are lost."""
    words = (title or "").split()
    return bool(words) and not (len(words) >= 6 and 2 * sum(len(word) == 1 for word in words) >= len(words))


def said_by_title(paper: Paper, topic: frozenset[str], corpus_uses: CorpusUses | None) -> bool:
    """Whether `paper` is better cited by its title (of MIN_TITLE_WORDS or more) than by its text: no sentence says
    what the paper does, and its first shares no word with its title but the theme's (`topic`, stems) and those the
    whole corpus uses everywhere (“COVID-19 and the re-opening of schools” opening "The epidemic of COVID-19 broke
    out in Wuhan ...": background any paper of its field could open with, cited as that paper's word)."""
    title = [word for word in _WORD.findall(paper.title or "") if word.lower() not in STOPWORDS]
    if len(title) < MIN_TITLE_WORDS:
        return False
    titled = {stem for word in title for stem in term_stems(word)}
    shared = {word.lower() for word in _WORD.findall(text_sentences(paper)[0]) if word.lower() not in STOPWORDS
              and titled & term_stems(word) and not term_stems(word) <= topic}  # "COVID-19" whole, as the field says it
    if any(not (corpus_uses and corpus_uses.of_the_field([word])) for word in shared):
        return False
    return not states_what_it_does(paper)  # last: the costliest test


def work_on(group: SubTheme, papers: Mapping[str, Paper], *, first: bool = False) -> str:
    """`Work on {label}`; for a group the grouping could not name, `Further work`, or `Related work` when it is the
    draft's `first` (nothing comes before it to be further to). A label that opens with a name its papers' abstracts
    capitalise mid-sentence keeps it ("Work on French legal texts")."""
    if unnamed(group):
        return "Related work" if first else "Further work"
    return f"Work on {label_said(group, papers)}"


def label_said(group: SubTheme, papers: Mapping[str, Paper]) -> str:
    """`group`'s label inside a sentence ("empirical Bernstein bounds"): the heading capitalises its first word only."""
    head, _, rest = group.title.partition(" ")
    said = bool(rest) and _said_as_labelled(group, papers)
    # kept: "BERT", a name ("French legal texts"), a phrase an abstract capitalises whole ("Agent Interaction Protocols")
    kept = head[1:] != head[1:].lower() or said and re.match(r"(?:(?:and|of|for|on|in|the) )*[A-Z][a-z]", rest) \
        or head in _names(group, papers) and (said or not rest)  # "Food and Drug Administration" too
    return f"{head if kept else head.lower()} {rest}".rstrip()


def holds_theme(group: SubTheme, theme: str) -> bool:
    """Whether `group`'s label says the whole (short) theme ("Cytokine storm syndrome" in "cytokine storm"): "Work on
    cytokine storm syndrome relates to cytokine storm" would say it twice."""
    stems = term_stems(theme.lower())
    return not unnamed(group) and not is_own_text(theme) and bool(stems) and stems <= term_stems(group.title.lower())


def works_address(group: SubTheme, papers: Mapping[str, Paper]) -> str:
    """`Six works address {label}`: a group named by a label that `holds_theme`, introduced."""
    count = len(group.keys)
    return f"{count_opening(count)} {ADDRESSING[count > 1]} {label_said(group, papers)}"


def unnamed(group: SubTheme) -> bool:
    """Whether `group` is one the grouping could not name by a term (its papers' own, or those that fit none)."""
    return group.title in (FALLBACK_TITLE, OTHER_TITLE)


def theme_said(theme: str, group: SubTheme, papers: Mapping[str, Paper]) -> str:
    """The theme inside a sentence: "relates to prompt tuning", "relates to Hubble constant tension" (a name the
    papers capitalise keeps its capital); "our work" for the researcher's own text, or no theme."""
    if not theme.strip() or is_own_text(theme):
        return "our work"
    first = theme.split()[0]
    members = [papers[key].abstract or "" for key in group.keys if key in papers]
    names = _names(group, papers) | ({first} if _mostly_capitalised(first, members) else set())
    return lower_first(theme.strip().rstrip("."), frozenset(names))


def _mostly_capitalised(word: str, texts: list[str]) -> bool:
    """Whether `texts` write `word`, capitalised as the theme has it, so more often than not inside a sentence: "Black
    male students", which some abstracts write "black", is said alike in every paragraph (was "Black" in one of four,
    whose abstracts never lowered it, "black" in the others)."""
    if not word[:1].isupper() or not word[1:].islower():
        return False
    inside = re.compile(rf"(?<=[a-z,;]\s)(?i:{re.escape(word)})\b")
    said = [use.group(0) for text in texts for use in inside.finditer(text)]
    return 2 * sum(use == word for use in said) > len(said)


def less_closely(group: SubTheme, theme: str, papers: Mapping[str, Paper]) -> str:
    """How the papers that fit no group are introduced: "Further work is related to {theme} less closely."."""
    return f"Further work is related to {theme_said(theme, group, papers)} less closely."


def _said_as_labelled(group: SubTheme, papers: Mapping[str, Paper]) -> bool:
    """Whether an abstract says the label's first two words mid-sentence as the heading has them ("French legal
    texts"): "Neural" in "Recurrent Neural Networks (RNNs)" is capitalised with the words after it, as a long form."""
    # past a sentence's end, not an initial's full stop ("the U.S. National Science Foundation")
    said = re.compile(r"(?<![^A-Z][.!?:]\s)(?<=\s|\()" + r"\s+".join(map(re.escape, group.title.split()[:2])) + r"\b")
    return any(said.search(papers[key].abstract or "") for key in group.keys if key in papers)


def _names(group: SubTheme, papers: Mapping[str, Paper]) -> frozenset[str]:
    """The names the group's abstracts, and its titles written in sentence case, capitalise mid-sentence ("Shark
    finning in eastern Indonesia": a group known only by titles was "Work on indonesia")."""
    members = [papers[key] for key in group.keys if key in papers]
    return never_lowered(tuple(paper.abstract for paper in members)
                         + tuple(paper.title for paper in members if _in_sentence_case(paper.title)))


def _in_sentence_case(title: str | None) -> bool:
    """Whether `title` capitalises only its names: most of its long words after the first are in lower case (in
    "Stock Assessment of the Napoleon Fish" each word is capitalised, and none is a name for that)."""
    long_words = re.findall(r"\b[A-Za-z]{4,}\b", title or "")[1:]
    return bool(long_words) and 2 * sum(word[0].islower() for word in long_words) > len(long_words)


def title_sentences(keys: list[str], papers: Mapping[str, Paper], group: SubTheme | None, theme: str,
                    *, alone: bool, first: bool = False, cited: Collection[str] = (),
                    excluded: frozenset[str] = frozenset(), corpus_uses: CorpusUses | None = None) -> list[Sentence]:
    """Papers known only by title, in as few sentences as the word limit allows: first those whose titles share a
    phrase, cited by it (`_by_topic`), then the others' titles; those without one it can quote are cited together,
    never by their keys ("“ref1”"), unless a sentence before cites them (`cited`). `alone`: the paragraph has no
    other papers; `first`: it is the draft's first; `excluded`: the stems of what the whole paragraph is about."""
    unreadable = [key for key in keys if not _readable_title(papers[key].title)]
    untitled = [key for key in unreadable if key not in cited]
    keys = [key for key in keys if key not in unreadable]
    if group is not None and group.title == OTHER_TITLE and not keys:  # its only papers: as misfits are introduced
        said = less_closely(group, theme, papers)
    else:
        said = f"{work_on(group, papers, first=first) if group else 'Further work'} also includes."
    together = [Sentence(text=said, keys=untitled)] if untitled else []
    if not keys:
        return together
    opening = TOPICS_LEAD  # of the sentence of shared topics, when it is not the paragraph's first
    if alone and group is not None:
        work = "Work" if first and unnamed(group) else work_on(group, papers)  # not "Related work that relates to"
        related = "" if holds_theme(group, theme) else f" that relates to {theme_said(theme, group, papers)}"
        opening = f"{work}{related} includes"
        leads = chain([(opening, opening)], cycle(MORE_INCLUDED))
    elif alone:
        leads = chain(MORE_PAPERS[:1], cycle(MORE_INCLUDED))
    else:
        leads = cycle(MORE_PAPERS)
    sentences = []
    if group is not None:
        by_topic = _by_topic(keys, papers, opening, excluded, corpus_uses)
        if by_topic:
            sentences.append(by_topic)
            keys = [key for key in keys if key not in by_topic.keys]
            leads = cycle(MORE_INCLUDED) if alone else cycle(MORE_PAPERS[1:] + MORE_PAPERS[:1])
    # quoted: a title holds commas and "and" of its own ("... originated from X, experienced Y, and finally Z")
    titles = [f"“{shown_title(papers[key].title or '')}”" for key in keys]
    start = 0
    while start < len(keys):
        many, one = next(leads)
        end = start + 1
        while end < len(keys) and fits(f"{many} {listing(titles[start:end + 1], '; ')}."):
            end += 1
        said = one if end - start == 1 else many  # "Also related is the paper"
        sentences.append(Sentence(text=bounded(f"{said} {listing(titles[start:end], '; ')}."), keys=keys[start:end]))
        start = end
    return sentences + together


def _by_topic(keys: list[str], papers: Mapping[str, Paper], lead: str, excluded: frozenset[str],
              corpus_uses: CorpusUses | None) -> Sentence | None:
    """`{lead} papers on {A} [@a; @b] and {B} [@c; @d].`: the phrases several of the titles share (none of
    `excluded`, nor one the whole corpus says), each cited after it by the papers whose titles hold it, a paper
    under one phrase only; as authors cite a group they know by its topics. None when the titles share no phrase."""
    titles = {key: shown_title(papers[key].title or "") for key in keys}
    topics: list[tuple[str, list[str]]] = []
    covered: set[str] = set()
    for topic in shared_topics(keys, titles, excluded, most=len(keys), corpus_uses=corpus_uses):
        fresh = [key for key in topic.keys if key not in covered]
        if len(fresh) < 2 or not fits(f"{lead} {TOPICS} {listing([*(shown for shown, _ in topics), topic.shown])}."):
            continue
        topics.append((topic.shown, fresh))
        covered |= set(fresh)
    if not topics:
        return None
    return Sentence(text=f"{lead} {TOPICS} {listing([shown for shown, _ in topics])}.",
                    keys=[key for key in keys if key in covered],
                    inline=[InlineCitation(after=shown, keys=cited) for shown, cited in topics])
