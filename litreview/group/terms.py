"""Terms of paper texts: words and phrases that never span a stop word, their stems, and which of them several
papers share (how the papers spell them: `spelling`; the whole phrase a term is part of: `phrasing`). Used by the
offline grouping (labels) and the offline writer (what papers share).

Imports scikit-learn (for its stop words): import this module only on the offline paths.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import Stemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from litreview.group.acronyms import ACRONYM, with_long_forms
from litreview.group.spelling import CONTEXT_CHARS, phrase_pattern
from litreview.text import PAST_OF

MAX_PHRASE_WORDS = 3
# Words every abstract uses: distinctive of no sub-theme, so never a label (and they break phrases).
GENERIC = frozenset(
    "propose proposed proposes approach approaches method methods model models paper work works results result "
    "performance task tasks show shows shown demonstrate demonstrates novel existing based state art use uses "
    "using used new improve improves improved effective extensive experiments experimental achieve achieves "
    "significantly framework study studies different various including however also well large recent "
    "furthermore baseline baselines benchmarks address addresses available code github com https http www et al "
    "eg ie prior aim aims tackle help just include includes provide provides allow allows best better high "
    "does way ways make makes making given present presents paper introduce introduces outperforms "
    "outperform particular specifically moreover thus finally firstly second third lastly compared compare "
    "certain discuss discusses size state-of-the-art sota article articles problem problems issue issues "
    "simple general important key main useful efficient effectively efficiently able challenge challenges "
    "setting settings example examples field fields domain domains area areas leveraging leverage standard "
    "strategy strategies high-quality train trains varying degrees achieving providing allowing showing "
    "leading resulting obtaining yielding enabling consider considers identify identifies focus focuses describe "
    "describes explore explores investigate investigates obtain obtains perform performs require requires "
    "limitations differences contain contains containing challenging promising remarkable "
    "impressive emerging existing underlying corresponding find finds found effectiveness range significant improvement improvements comprehensive "
    "contrast contrasts contribution contributions gain gains performing "  # "in contrast"; contributions, gains; "well performing"
    "future direction directions potential role roles fewer driven enable enables "  # "future research", "research direction", "potential role"
    "like unlike versus despite regarding concerning according associated "  # no phrase starts with one ("like CLIP")
    "called termed dubbed "  # "a disease called coronavirus disease": what follows is the name
    "say says said "  # "..., say paediatricians" (news titles)
    "appear appears seem seems remain remains become becomes "  # "ASMBS appears" was a heading
    "presenting suffering undergoing receiving requiring involving "  # "children presenting with ..."
    "infecting causing carrying harboring harbouring lacking affecting expressing "  # "phages infecting | bacteria"
    "thing things "  # "too much of a good thing" names no topic
    "moderating mediating "  # "the moderating role of X", "the mediating effect of Y": a role, no topic
    "conclude concludes concluded".split()  # "The paper concludes that": "Nevile and Plowman discuss concludes"
)
# The generic words that end a noun phrase: a label may end with one ("vision-language models").
HEAD_PLURALS = {"model": "models", "method": "methods", "framework": "frameworks", "approach": "approaches", "task": "tasks"}
HEAD_NOUNS = frozenset(HEAD_PLURALS) | frozenset(HEAD_PLURALS.values())
# Words too common in abstracts to name a group alone, though they may be part of a phrase ("training data").
WEAK_ALONE = frozenset(
    "language learning data training trained model perform performs performance ability abilities common "
    "problem problems faced world quality human humans information text task input output large small "
    "min max recent analysis evaluation system systems set sets number time process approach order case "
    "cases level levels type types form forms part parts paper research field application applications "
    "technique techniques word words sentence sentences context image images user users class classes "
    "sample samples industry dataset datasets benchmark corpus corpora assumption assumptions accuracy "
    "advance advances progress factor factors aspect aspects property properties algorithm algorithms loss losses "  # of anything
    "understanding capability capabilities implication implications magnitude impact impacts effect effects "
    "network networks parameter parameters advantage advantages benefit benefits average component components "  # of anything; "7B parameters"
    "need needs release observation observations effort efforts group groups "  # of anything: "Need", "Release" (of cytokines), "Observation" were headings
    "analyses evaluations literature evidence design designs support access label labels "  # "... discuss analyses", "Support"
    "relationship relationships association associations correlation correlations arrangement arrangements "  # between anything
    "debate debates discussion discussions "  # on anything: "Both works discuss debates"
    "researcher researchers practitioner practitioners scientist scientists creation development "  # "discuss researchers"
    "country countries city cities patient patients people center centers centre centres "  # who or where, not what
    "condition conditions "  # of anything: "Conditions" headed a group of papers on dinosaur locomotion
    "candidate candidates complication complications pool pools means "  # of anything: "Two of them discuss pools"
    "basis bases processes "  # of anything: "Two of them discuss basis" (on this basis), the heading "Processes"
    "publication publications "  # of anything ("publication of results"); a bibliometric group was headed "Publication"
    "mass masses "  # of anything ("body mass", "mass of the black hole"); a group on dinosaur locomotion was headed "Mass"
    "report reports manuscript manuscripts "  # what a paper is ("This report describes"): a group was headed "Report"
    "year years month months week weeks day days hour hours "  # how long: "Years" (of "aged 13 years") was a heading
    # what any study asks or leaves ("Research Questions (RQs): ..." of IEEE Trans. Educ. headed a group), as one word
    "researchquestion researchquestions researchgap researchgaps "
    "change changes population populations decade decades percentagepoint percentagepoints "  # of anything
    # a date says when, not what ("Both works discuss April")
    "january february march april may june july august september october november december".split()
)
# Endings of adjectives, adverbs and participles: a noun phrase does not end with one ("pre-trained", "neural").
_ADVERB = re.compile(r"^[a-z]{2,}(?:ally|ively|ously|ately|etely|utely|ently|antly|ctly|edly|ingly|fully|ibly|ably)$")  # not "elderly"
_NOT_A_HEAD = re.compile(r"(?:[^e]ed|ive|ous|able|ible|ful|less|ly|ic|iac|al|ar|ary|ory|ent|ant|est)$")  # "cardiac"
_HEAD_NOUNS = frozenset("need speed seed feed bed embed ontology network logic topic graphic music rhetoric student "
                        "agent gradient component document element environment experiment moment segment "
                        "argument assessment measurement treatment patient participant variant constraint "
                        "dictionary library summary vocabulary boundary memory trajectory family supply characteristic "
                        "assembly anomaly reply query objective alternative representative detective "
                        "archive clinic mechanic arithmetic epidemic pandemic interest test request forest arrest chest "
                        "contest protest "
                        "signal interval rival manual arrival removal retrieval rehearsal terminal survival "
                        "hospital principal capital total portal mammal metal crystal festival material "
                        "proposal animal journal trial potential tutorial theory history category inventory "
                        "territory laboratory directory factory repository story accessory".split())
_ADJECTIVES = frozenset("multiple single various several many different same other new large small deep "
                        "low high wide broad complex simple robust multi multi-modal multimodal accurate appropriate "
                        "separate adequate moderate downstream upstream vision-language lightweight future unseen hidden "
                        "given open-source closed-source open-vocabulary open-ended severe mild acute chronic novel "
                        "prior main major minor fatal ones respiratory younger older taken anterior posterior superior inferior "
                        "late early worldwide nationwide globally abroad overseas "  # "larger ones" names nothing; "Late" (Cretaceous) headed a group of dinosaur papers
                        # comparatives: "Four of them discuss absolutely higher" (efficiency than ...), black silicon
                        "higher lower larger smaller greater better worse faster slower stronger weaker longer shorter".split())
_COMPOUND_ADJECTIVE = re.compile(r"-(?:scale|based|level|specific|aware|free|like|wise|style|driven|grained|shot|agnostic)$"
                                 r"|^(?:multi|non|low|high|long|short|at)-")  # "multi-label", "at-fault": modifiers
# A word starts with a letter of any script ("ΛCDM", "naïve", "Fußgänger" are one word each); punctuation and a token
# that starts with a digit break a phrase, the letters glued to the digit too ("6-DoF", "57k": not "dof", "k"); so
# does a line break: title | abstract.
_WORD_OR_BREAK = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W_]+)*|\d[^\W_]*(?:-[^\W_]+)*|[^\s\w]+|_+|\n")
# Endings of nouns, which no verb after "to" has ("due to olfactory dysfunction").
_NOUN_SUFFIX = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ship|ance|ence|ure|ogy|ics|ing)$")
# Words after which a verb stands, not a noun ("to generalize", "it keeps", "which learns").
_BEFORE_A_VERB = frozenset("to can could may might will would should must cannot we they it he she which that who also "
                           "not does do did often still thus hence then".split())
# How a verb's object starts: an article, a possessive, a quantifier or a number ("exceeds 96%", "analyzes the
# structure", "the site comprises all ...", "it comprises six genera").
_OBJECT_START = re.compile(r"^(?:(?:the|a|an|its|their|both|all|several|many|two|three|four|five|six|seven|"
                           r"eight|nine|ten)$|\d)")
_DETERMINERS = frozenset("each every all these those this that some many".split())
_VERB_PARTICLES = frozenset("for to on in with into from".split())  # "account for", "lead to", "rely on"
# What a phrase opening with one points at is elsewhere ("the following research questions"); a word of `WEAK_ALONE`
# after one of `_VAGUE` is no more of a topic ("major changes", "the past decade")
_POINTING = frozenset("following aforementioned abovementioned above-mentioned".split())
_VAGUE = frozenset("major minor specific particular special significant considerable great greater several various "
                   "certain many numerous past last next recent coming positive negative relevant existing extant "
                   "available current urgent actual".split())  # "the negative impact", "relevant literature", "urgent needs"
# What a vague adjective makes a stock phrase of: "with specific attention to", "of particular interest", "great emphasis".
_HEED = frozenset("attention interest emphasis focus importance concern".split())
# Words only ever a verb (base form) or a participle taking an object: they open or end no noun phrase.
_VERB_FIRST = frozenset("evaluate assess determine investigate examine explore identify analyze analyse describe develop "
                        "propose improve reduce enhance provide compare demonstrate predict detect".split())
# Irregular pasts, which no ending shows to be verbs: "domestic violence hotlines grew", "cases rose" end no noun phrase
_IRREGULAR_PAST = frozenset(PAST_OF.values()) | frozenset("became came shrank sank ran arose".split())
_PARTICIPLE_LAST = frozenset("evaluating comparing assessing investigating examining exploring using including showing "
                             "demonstrating suggesting indicating involving regarding concerning receiving undergoing "
                             "requiring containing reporting".split())
_REPORTING_VERBS = frozenset("suggest suggests show shows indicate indicates demonstrate demonstrates reveal reveals "
                             "imply implies confirm confirms".split())
_GERUND_LEAD = frozenset("by without while when after before through thereby".split())  # "by predicting", not "for fine-tuning"
_GERUND_OBJECT = re.compile(r"^(?:the|a|an|its|their|these|this|those|whether|how|what|which|when|where|who|\d)\b")
# A plural noun: the subject of a verb that follows it ("models generalize"), as a compound puts its plural last.
PLURAL_NOUN = re.compile(r"^[a-z]{3,}[^suie']s$")
# A comma counts: ", covering X" opens a clause; a measure does not ("the 1.6 m Goode Solar Telescope": "the").
_MEASURE = (r"\d+(?:[.,]\d+)*[\s-]?(?!(?:a|an|as|at|be|by|in|is|it|of|on|or|to|we|the|and|are|but|for|had|has|its|not|"
            r"was|per|all|any|new|one|two)\s)[a-zµμ]{1,3}\s+")  # "1.6 m", "3.5-m", "200 mg"; not "2005, the"
# nor a country's initials: "the U.S. National Science Foundation", "the US Food and Drug Administration"
_WORD_BEFORE = r"([\w-]+|,)\s+"
_LAST_WORD = re.compile(rf"{_WORD_BEFORE}$")
_PAST_A_MEASURE = re.compile(rf"{_WORD_BEFORE}(?:{_MEASURE}|(?:U\.S\.|U\.K\.|US|UK|EU)\s+)?$")
_DIGIT_OR_U = re.compile(r"[\dU]")
_NEXT_WORD = re.compile(r"[ \t]*(\S*)")  # on the same line: a title's last word is no verb of the abstract's first
_stemmer = Stemmer.Stemmer("english")


# Two names joined by a hyphen qualify what follows ("Blandford-Znajek mechanism", "Kaplan-Meier estimates").
EPONYM = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")


# Prepositions scikit-learn's stop words lack: "near Tlaxiaco" was a topic two papers shared.
_PREPOSITIONS = frozenset("near despite versus vs unlike like inside outside beneath amid".split())


def phrases(text: str, longest: int = 2) -> list[str]:
    """Lower-case words and runs of up to `longest` adjacent words of `text`, never across punctuation, a stop word
    or a preposition."""
    terms: list[str] = []
    run: list[str] = []
    for token in _WORD_OR_BREAK.findall(text.lower()):
        if not token[0].isalpha() or len(token) < 2 or token in ENGLISH_STOP_WORDS or token in GENERIC \
                or token in _PREPOSITIONS:
            run = []
            continue
        run = (run + [token])[-longest:]
        terms += [" ".join(run[start:]) for start in range(len(run) - 1, -1, -1)]
    return terms


@functools.lru_cache(maxsize=65536)  # abstracts repeat their words: stem each once
def stem(word: str) -> str:
    """A word's stem without a final s, so that `LLM` and `LLMs` count as one word."""
    stemmed = _stemmer.stemWord(word.lower())
    return stemmed[:-1] if len(stemmed) > 3 and stemmed.endswith("s") else stemmed


def term_stems(term: str) -> frozenset[str]:
    """The stems of a term's words and of each part of its hyphenated words."""
    return frozenset(stem(part) for word in term.split() for part in word.split("-") if part)


# Endings only a verb's -s has ("protein induces", "X modifies", "it utilizes"; not "sizes", "prizes").
_VERB_S = ("uces", "ifies", "izes", "yzes")
_NOUNS_IN_IZES = ("sizes", "prizes")


def without_a_vague_opening(term: str) -> str:
    """`term` without a vague adjective before a phrase of two words or more: "Specific ambient air pollution data"
    names "ambient air pollution data"."""
    first, _, rest = term.partition(" ")
    return rest if first.lower() in _VAGUE and len(rest.split()) >= 2 else term


def is_noun_phrase(term: str) -> bool:
    """Whether `term` can name a topic: its last word is not an adjective, adverb or participle (nor one after a plural
    noun: "factors influencing" what), nor a verb an adverb qualifies ("automatically generate"; "distributionally
    robust optimization" is a topic) or a verb's -s ("protein induces"), and a single word (or one written in two, "data
    sets") is not one of the words every abstract uses nor a verb that reports ("indicates")."""
    words = term.split()
    head = words[-1].rsplit("-", 1)[-1]
    # "data sets" is "datasets": as weak alone
    if len(words) <= 2 and "".join(words) in WEAK_ALONE or head in _ADJECTIVES or words[-1] in _ADJECTIVES \
            or _COMPOUND_ADJECTIVE.search(words[-1]) or len(words) == 2 and _ADVERB.search(words[0]) \
            or head.endswith(_VERB_S) and not head.endswith(_NOUNS_IN_IZES) or term in _REPORTING_VERBS \
            or len(words) >= 2 and PLURAL_NOUN.search(words[-2]) and words[-1].endswith("ing"):  # "factors influencing"
        return False
    if words[0] in _POINTING or len(words) == 2 and words[0] in _VAGUE and (words[1] in WEAK_ALONE or words[1] in _HEED):
        return False  # "following research questions", "the past decade", "major changes": no topic of their own
    if len(words) >= 2 and (words[0] in _VERB_FIRST or words[-1] in _PARTICIPLE_LAST or words[-1] in _IRREGULAR_PAST):
        return False  # "evaluate patient tolerance" (of X), "split-face clinical trial evaluating" (X): a clause, cut
    return head in _HEAD_NOUNS or not _NOT_A_HEAD.search(head) or bool(ACRONYM.search(head))


def said_as_verb(term: str, texts: Iterable[str]) -> bool:
    """Whether `term` is, starts or ends with, a verb in half its uses in `texts` or more. A phrase starts with one
    after "we", "to", "which" ... ("we align multilingual language models"). One word: after "to", "can", "we",
    "it", "which", "that" ... or a plural noun ("it keeps", "to generalize", "models generalize"). A phrase ending in
    "-s": before an article or a number, as its object ("accuracy exceeds 96%", "the author analyzes the structure")."""
    texts = list(texts)  # read twice for a phrase
    uses = uses_of(term, texts)
    if not uses:
        return False
    if " " in term:  # it starts with a verb ("we align multilingual language models", after "to" too) or ends with one
        return opens_with_verb(term, texts, strict=False) or _ends_with_verb(term, uses)
    if term.endswith("ing"):  # a gerund after a preposition or before an object is a verb ("by predicting the ...")
        if 2 * sum(1 for before, after in uses if before in _GERUND_LEAD or _starts_an_object(after)
                   or before == "," and _opens_a_clause(after)) >= len(uses):
            return True
    if term.endswith("s") and 2 * sum(1 for _, after in uses if _OBJECT_START.match(after)) > len(uses):
        return True  # a verb before its object: "X enhances the ...", "Y improves a ..."
    return 2 * sum(1 for before, _ in uses if before in _BEFORE_A_VERB or PLURAL_NOUN.search(before)
                   or _ADVERB.match(before)) >= len(uses)  # "automatically generate"


def ends_with_verb(term: str, texts: Iterable[str]) -> bool:
    """Whether the phrase `term` ends with a verb where `texts` use it, before its object: "accuracy exceeds 96%",
    after a plural subject "grammars parse each", "genetic factors account for up to 80%"."""
    uses = uses_of(term, texts)
    return bool(uses) and _ends_with_verb(term, uses)


# Words an infinitive follows, so that the word after their "to" is a verb: "the potential to assist volitional motions",
# "aim to replicate normative joint kinematics" (not "due to", "exposure to", "applied to": a noun may follow them).
_TAKES_AN_INFINITIVE = r"(?:aim(?:s|ed)?|potential|necessary|able|ability|designed|intended|needed|needs?|required|" \
                       r"seeks?|sought|attempts?|attempted|tries|tried|used|order|how)"
# ... and verbs whose object an infinitive follows: "help the visually impaired person to manage day-to-day activities";
# not where a noun that takes "to" ends what follows them ("helped families gain access to health services")
_NOUNS_TO = ("access", "exposure", "adherence", "response", "responses", "contribution", "attention", "resistance",
             "approach", "approaches", "solution", "solutions", "barriers", "transition", "commitment", "referral")
_OBJECT_THEN_INFINITIVE = (r"(?:help(?:s|ed|ing)?|enabl(?:e|es|ed|ing)|allow(?:s|ed|ing)?|permit(?:s|ted|ting)?)\s"
                           r"(?:[\w'-]+\s){0,4}" + "".join(rf"(?<!\b{noun}\s)" for noun in _NOUNS_TO))


def _second_verb_of_ours(word: str) -> re.Pattern[str]:
    """`word` as the second of two verbs in the past whose subject is "we" or "they" ("we developed and applied")."""
    return re.compile(rf"\b(?:we|they)\s(?:\w+ly\s)?\w+ed(?:,\s|\sand\s){re.escape(word)}\b", re.IGNORECASE)


def opens_with_verb(term: str, texts: Iterable[str], *, strict: bool = True) -> bool:
    """Whether the phrase `term` opens with a verb in half its uses in `texts` or more: after "we", "can", "which" ...;
    after "to", only a word the texts also say in its past or participle, or after a word an infinitive follows, and
    never after a determiner ("to fabricate black silicon", "fabricated"; "aim to replicate X"; not "due to olfactory
    dysfunction", "leading to acute respiratory distress syndrome", "given to healthcare workers", "applied to image
    segmentation" where the texts say "the image"). Stricter than `said_as_verb`, which labels use (not `strict`: any
    word after "to"): a sentence that says what papers share loses more by a noun taken for a verb."""
    texts = list(texts)
    uses = uses_of(term, texts)
    first = term.split(" ", 1)[0]
    second = _second_verb_of_ours(first) if first.endswith("ed") else None  # compiled once for all the texts
    if second and any(second.search(text) for text in texts):
        return True  # "We developed and applied prespecified criteria": a second verb of the authors'
    befores = [before for before, _ in uses if before in _BEFORE_A_VERB]
    if not uses or 2 * len(befores) < len(uses):
        return False
    if not strict or 2 * sum(1 for before in befores if before != "to") >= len(uses):
        return True
    root = re.escape(first[:-1] if first.endswith("e") else first)
    # "used to implement X": a verb, whatever its ending says ("-ment")
    infinitive = any(re.search(rf"\b(?:{_TAKES_AN_INFINITIVE}\s|{_OBJECT_THEN_INFINITIVE})to\s{re.escape(first)}\b", text,
                               re.IGNORECASE) for text in texts)
    participle = not _NOT_A_HEAD.search(first) and not _NOUN_SUFFIX.search(first) \
        and any(re.search(rf"\b{root}e?(?:d|ed|ing)\b", text, re.IGNORECASE) for text in texts)
    return (infinitive or participle) \
        and not any(re.search(rf"\b(?:the|a|an|this|these|its|their|our|of)\s+{re.escape(first)}\b", text, re.IGNORECASE)
                    for text in texts)


def _ends_with_verb(term: str, uses: tuple[tuple[str, str], ...]) -> bool:
    if term.rsplit(" ", 1)[-1] in _REPORTING_VERBS and 2 * sum(1 for _, after in uses if after == "that") >= len(uses):
        return True  # "evidence suggests | that ...": a clause, no topic
    if PLURAL_NOUN.search(term.split()[-2]) and not term.endswith("s"):
        return 2 * sum(1 for _, after in uses if _OBJECT_START.match(after) or after in _DETERMINERS
                       or after in _VERB_PARTICLES) >= len(uses)
    return term.endswith("s") and 2 * sum(1 for _, after in uses if _OBJECT_START.match(after)) >= len(uses)


def uses_of(term: str, texts: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """The word before and the word after (on its line) each use of `term` in `texts`, lower case ("" for none)."""
    return _uses_in(term, tuple(texts))


@functools.lru_cache(maxsize=4096)  # a shared term is tested several ways (verb? modifier? article?) on the same texts
def _uses_in(term: str, texts: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    pattern = phrase_pattern(term)
    uses = []
    for text in texts:
        for match in pattern.finditer(text):
            start = match.start()
            # past a measure or initials only where the text has a digit or a "U" just before (most have neither)
            last = _PAST_A_MEASURE if _DIGIT_OR_U.search(text, max(0, start - 12), start) else _LAST_WORD
            before = last.search(text, max(0, start - CONTEXT_CHARS), start)
            after = _NEXT_WORD.match(text, match.end())
            uses.append(((before.group(1) if before else "").lower(), after.group(1).lower()))
    return tuple(uses)


def _opens_a_clause(word: str) -> bool:
    """Whether `word`, after a gerund that follows a comma, is what the clause goes on with ("datasets, covering topic
    classification"), not the next item of a list ("clustering, ranking and retrieval")."""
    return word[:1].isalpha() and word not in ENGLISH_STOP_WORDS


def _starts_an_object(word: str) -> bool:
    """Whether `word`, after a gerund, starts its object ("predicting the ...", "predicting masked words"), not the
    head noun of a compound ("clustering algorithms")."""
    word = word.strip(".,;:()")
    return bool(_GERUND_OBJECT.match(word)) or word in _ADJECTIVES or word.endswith("ing") or \
        bool(_NOT_A_HEAD.search(word)) and word not in _HEAD_NOUNS


def shared_terms(texts: Sequence[str], *, at_least: int = 2, longest: int = MAX_PHRASE_WORDS) -> dict[str, list[int]]:
    """Each noun-phrase term of `texts` and the indices of the texts holding it, for terms in `at_least` texts."""
    holders: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        for term in dict.fromkeys(phrases(text, longest)):
            holders.setdefault(term, []).append(index)
    return {term: found for term, found in holders.items() if len(found) >= at_least and is_noun_phrase(term)}


def label_stems(label: str, texts: Iterable[str]) -> frozenset[str]:
    """The stems of a group's label and of what its acronyms stand for in `texts` ("SARS coronavirus" holds "severe
    acute respiratory syndrome"): terms of these words say the label again."""
    return term_stems(with_long_forms(label, texts))
