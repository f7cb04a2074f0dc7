"""Whether a term the papers share names a topic of its own, or only with what goes with it: a statistic or a unit
says how results are reported ("95% CI", "solar masses"); a word that qualifies the noun after it ("natural
language" understanding, "respiratory" syndrome, "Blandford-Znajek" mechanism) or needs what follows it ("the local
value of ...", "MHC class I", "NGC 4151") names nothing alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from litreview.group.spelling import phrase_pattern
from litreview.group.terms import GENERIC, HEAD_NOUNS, WEAK_ALONE, stem, term_stems, uses_of
from litreview.text import REVIEW_DESIGN

# How results are reported, not what they are about: "Four of them discuss CI", a heading "Odds ratios".
_REPORTING = re.compile(r"(?:95%\s)?(?:(?:adjusted|unadjusted|crude|pooled)\s)?"  # "adjusted hazard ratio"
                        r"(?:confidence intervals?|odds ratios?|hazard ratios?|relative risks?|risk ratios?|"
                        r"interquartile ranges?|standard deviations?|standard errors?|p[- ]values?|(?:ci|hr|rr|iqr|sd)s?|"
                        # units ("10^6 solar masses", "3,100 Schwarzschild radii"): an ADS export's label was "Solar masses"
                        r"solar (?:masses|mass|luminosities|luminosity|radii|radius)|(?:schwarzschild|gravitational) radii|"
                        r"light[- ]years?|(?:kilo|mega)?parsecs?|"
                        # a quantity per area, volume or mass, "mA/cm(2)" in words: "Two of them discuss mA cm"
                        r"(?:[mµnk]a|[mµnk]?(?:w|v|j)|mg|kg|g|ml|mol|mmol)\s(?:cm|mm|m|l|kg|g|s)(?:\s(?:cm|mm|m|l|kg|g|s))?|"
                        # sums of money: a flash flood group was headed "Billion Euros" (of "1.5 billion Euros of damage")
                        r"(?:(?:thousand|million|billion|trillion)\s)?(?:euros?|dollars?|usd|eur|gbp|pounds sterling)|"
                        # how a cohort is described: a CORD-19 draft on Canada was headed "Median age"
                        r"(?:median|mean|average) (?:ages?|follow-ups?|durations?|times?)|"
                        # what a review found of its trials' outcomes: "@Smith16 and @Irusen15 discuss clear differences"
                        r"(?:clear|significant|statistically significant|important|meaningful) differences?|"
                        r"(?:low|moderate|high|very low)[- ](?:certainty|quality) evidence|"
                        # a classifier's score: "@10.1145/3652620.3687807 and @10.1145/3652620.3687774 discuss the F1-score"
                        r"(?:the )?(?:f1|f-1|f)[- ]?(?:scores?|measures?)|(?:the )?area under the (?:roc )?curve|aucs?|"
                        # how a cohort's results were analysed: "Receiver operating characteristic curve", "Logistic
                        # regression analysis" headed groups of CORD-19 papers on what they predicted
                        r"(?:receiver operating characteristics?|roc)(?: curves?| analys[ie]s)?|"
                        r"(?:(?:multi|uni)varia(?:te|ble) |cox |logistic )?regression analys[ie]s)",
                        re.IGNORECASE)


def reports_results(term: str, long_form: str | None = None) -> bool:
    """Whether `term` (with what it stands for, `long_form`, if the papers define it) is a statistic or a unit of how
    results are reported ("95% CI", "odds ratios", "solar masses"): "HR" is no statistic where the papers define it
    as "heart rate"."""
    return bool(_REPORTING.fullmatch(term.strip())) and (long_form is None or bool(_REPORTING.fullmatch(long_form.strip())))


# Where a review searched for its papers, not what they are about: bibliometric studies and systematic reviews say
# "retrieved from the Web of Science Core Collection", "searched PubMed, Embase and Scopus"; a group of them was headed
# "Science Core Collection"; a review that "included additional grey literature" had its group headed "Grey literature".
_DATABASES = re.compile(r"(?:the )?(?:(?:(?:web of )?science )?core collection|web of science|woscc|scopus|pubmed|medline|"
                        r"embase|google scholar|cinahl|psycinfo|gr[ae]y literature|"
                        # and where the Cochrane Library's reviews searched ("We searched the Cochrane Wounds Specialised
                        # Register, CENTRAL, the Chinese Biomedical Literature Database ...")
                        r"chinese biomedical (?:literature )?database|cbm|cnki|wanfang(?: data)?|lilacs|amed|biosis|"
                        r"web of knowledge|ebsco(?:host)?|proquest|central|clinicaltrials\.gov|(?:who )?ictrp|"
                        r"reference lists|(?:[\w-]+ ){0,3}(?:trials?|specialised|specialized|stud(?:y|ies)) registers?|"
                        # the Library, its registers and its review groups ("the Cochrane Wounds Group")
                        r"cochrane(?: [\w-]+){0,4}(?: of controlled trials)?)", re.IGNORECASE)


def names_a_database(term: str) -> bool:
    """Whether `term` is a bibliographic database papers were searched in ("Web of Science Core Collection",
    "PubMed", "Scopus"), or grey literature."""
    return bool(_DATABASES.fullmatch(term.strip()))


# How a review chose and judged its studies, or a study was run, not what it is about: "@figueiredo2024interplay and
# @koch2022wearables discuss exclusion criteria" (a Zotero export on wildfires and health).
_PROCEDURE = re.compile(r"(?:the )?(?:(?:inclusion|exclusion|eligibility|selection)(?: and (?:inclusion|exclusion))? "
                        r"criteria|search (?:strategy|strategies|terms|string)|electronic databases|risk of bias|"
                        r"quality assessment|data extraction|full[- ]text screening|included studies|prisma(?: guidelines)?|"
                        # ... and how a study was run: a group headed "Control group" (academic procrastination); not "data
                        # collection", which papers that release data are about
                        r"(?:control|experimental|comparison) groups?|"
                        # ... and what kind of study it was: "Two of them discuss retrospective cohort" (CORD-19)
                        r"(?:(?:retrospective|prospective|observational|longitudinal|multi-?cent(?:er|re)|single[- ]cent(?:er|re))\s)?"
                        r"(?:cohort|case[- ]control|cross[- ]sectional)(?:\s(?:stud(?:y|ies)|designs?|analys[ie]s))?|"
                        r"case (?:series|reports?))",
                        re.IGNORECASE)


def names_a_procedure(term: str) -> bool:
    """Whether `term` is how a review chose and judged its studies ("exclusion criteria", "risk of bias") or a study
    was run ("control group", "retrospective cohort")."""
    return bool(_PROCEDURE.fullmatch(term.strip()))


# What kind of study a paper is, not what it is about: a group of e-health papers was headed "Scoping review".
_DESIGNS = re.compile(REVIEW_DESIGN, re.IGNORECASE)


def names_a_design(term: str) -> bool:
    """Whether `term` names a kind of study ("scoping review", "systematic reviews", "meta-analysis")."""
    return bool(_DESIGNS.fullmatch(term.strip()))


# What a phrase qualifies is a noun, most often one made from a verb ("understanding", "inference", "generation",
# "retrieval"); a verb after it ("models follow ...") or a generic word ("methods", "strategy") does not count.
NOMINAL = re.compile(r"(?:ing|ion|ence|ance|ment|ity|ness|sis|ics|al|ure)s?$", re.IGNORECASE)
_NO_QUALIFIED = (ENGLISH_STOP_WORDS | GENERIC | WEAK_ALONE | HEAD_NOUNS | frozenset(
    "baseline baselines technique techniques using including having being according".split())) \
    - {"model", "models", "understanding"}  # weak alone, yet what a phrase qualifies ("natural language understanding")


# Nouns that head what a term qualifies without a noun's ending: "language models", "skin disease / disorder".
_HEADS_NOT_NOMINAL = frozenset("model models disease diseases disorder disorders".split())


def used_as_modifier(term: str, texts: Iterable[str]) -> bool:
    """Whether the texts put nouns of their own, two different ones at least, after `term` in half of its uses or
    more: "natural language" in "natural language understanding / inference" qualifies what follows and names no
    topic of its own, nor does "masked language" (modeling, models); "data augmentation" in "data augmentation
    methods / strategy" does (generic words do not count), and so does "optical flow" in "optical flow estimation"
    (one phrase, said whole elsewhere). So does a common noun that is a possessive in most of its uses: "improving
    students' time management"."""
    uses = uses_of(term, texts)
    if term.islower() and 2 * sum(1 for _, word in uses if word.startswith(("'", "’"))) > len(uses):
        return True  # a name keeps its topic: "Latin America's colonized peoples"
    after = [word.strip(".,;:()\"'") for _, word in uses]
    followed = [word for word in after if (NOMINAL.search(word) or word in _HEADS_NOT_NOMINAL) and word not in _NO_QUALIFIED]
    return len(set(followed)) >= 2 and len(followed) * 2 >= len(uses)


def one_topic_of(term: str, texts: Iterable[str]) -> bool:
    """Whether `texts` all say `term` of one thing they share: not as a modifier or a possessive of what follows, nor
    of what follows "of", nor only as what a paper does without, nor as parts of different names or of different
    things (see each test)."""
    texts = list(texts)
    return not (used_as_modifier(term, texts) or needs_its_complement(term, texts) or said_as_unused(term, texts)
                or names_different_things(term, texts) or qualified_apart(term, texts))


def stands_alone(word: str, texts: Iterable[str]) -> bool:
    """Whether `word` ends its phrase (punctuation, a stop word or nothing after it) in half of its uses or more:
    "respiratory" in "respiratory syndrome" qualifies the word after it and names no topic alone; "cores" in
    "assigned to processor cores and ..." does."""
    uses = uses_of(word, texts)
    return 2 * sum(1 for _, after in uses if ends_a_phrase(after)) >= len(uses)


def qualifies_next(term: str, texts: Iterable[str]) -> bool:
    """Whether most uses of `term` go on to a lower-case word of content: "Blandford-Znajek | mechanism"."""
    uses = uses_of(term, texts)
    return 2 * sum(1 for _, after in uses if after[:1].islower() and after.strip(".,;:()\"'") not in ENGLISH_STOP_WORDS) > len(uses)


def ends_a_phrase(after: str) -> bool:
    """Whether a phrase ends before `after`, the word after it: punctuation, a stop word or nothing."""
    return not after[:1].isalnum() or after.strip(".,;:()\"'") in ENGLISH_STOP_WORDS


def needs_its_complement(term: str, texts: Iterable[str]) -> bool:
    """Whether `term` ends with a noun of something that most uses in `texts` go on to say with "of": "local
    value" is said only as "the local value of the Hubble constant", "component" as "a crucial component of ...",
    and alone they name nothing; nor does "MHC class" said as "MHC class I". A noun made from a verb names an activity of
    its own ("text classification of headlines")."""
    if NOMINAL.search(term.split()[-1]):
        return False
    uses = uses_of(term, texts)
    return 2 * sum(1 for _, after in uses if after == "of" or _numbered(term, after)) > len(uses)


def _numbered(term: str, after: str) -> bool:
    """Whether `after` numbers what `term` names: "MHC class | I", "phase | 3", "type | 2", a catalogue's "NGC | 4151"
    (the thing is the numbered one: "Three of them discuss MHC class", "... discuss NGC" named nothing)."""
    after = after.rstrip(".,;:)")
    return after in _ROMAN or after[:1].isdigit() and (term.rsplit(" ", 1)[-1] in _NUMBERED_KINDS or term.isupper())


_ROMAN = frozenset("i ii iii iv v vi vii viii ix x".split())
_NUMBERED_KINDS = frozenset("class type phase grade stage group level category tier wave".split())


# The capitalised words before a name that make it part of a longer one: "International Committee of | Medical
# Journal Editors"; a sentence's first word ("The", "In") is no part of it.
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w-]*\s+)+(?:(?:of|for|on|in|and)\s+(?:the\s+)?)?$")
TITLE_CASE_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+")  # "World Health Organization", "Hubble Space Telescope"
_SENTENCE_OPENERS = frozenset("The A An In As At On For From By Of This These Our We Since Under With".split())


def whole_name(term: str, texts: Iterable[str]) -> str:
    """A capitalised `term` as the longer name every text in `texts` says it in: "Medical Journal Editors" ->
    "International Committee of Medical Journal Editors" (two abstracts shared only its last three words), "Drug
    Administration" -> "Food and Drug Administration" (also where one says "the US Food and ..."); `term` itself
    where one text says it alone or the texts name different things."""
    if not TITLE_CASE_NAME.fullmatch(term):
        return term
    longer: list[list[str]] = []
    for text in texts:
        found = re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text)
        before = _NAME_BEFORE.search(text, 0, found.start()) if found else None
        words = before.group(0).split() if before else []
        while words and words[0] in _SENTENCE_OPENERS:
            words = words[1:]
        if not words or not words[0][:1].isupper():
            return term
        longer.append(words)
    shared = list(longer[0]) if longer else []  # the words before the term that every text says
    for words in longer[1:]:
        while shared and shared != words[len(words) - len(shared):]:
            shared = shared[1:]
    while shared and not shared[0][:1].isupper():  # "of Medical Journal Editors" is no name
        shared = shared[1:]
    return " ".join(shared + [term])


_HYPHENATED_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z]+)*(?: [A-Z][a-z]+(?:-[A-Za-z]+)*)*")  # "Self-Regulation Questionnaire"
_LEAD_WORD = re.compile(r"(\S+)\s+$")


def _word_before(text: str, use: re.Match[str]) -> str:
    """The word right before `use` in `text`, as written ("" at its start)."""
    before = _LEAD_WORD.search(text, max(0, use.start() - 40), use.start())
    return before.group(1) if before else ""


def names_different_things(term: str, texts: Iterable[str]) -> bool:
    """Whether a capitalised `term` is, in every use, the end of a longer name and those names differ: "Academic
    Self-Regulation Questionnaire" and "Sevari's Self-regulation Questionnaire" are two instruments, and the "Labour
    Act" and the "Work Choices Act" two laws, which two papers do not share."""
    if not _HYPHENATED_NAME.fullmatch(term):
        return False
    pattern = phrase_pattern(term)
    leads: set[str] = set()
    for text in texts:
        for use in pattern.finditer(text):
            word = _word_before(text, use)
            if not (word[:1].isupper() or word[:1].isdigit()) or word in _SENTENCE_OPENERS:
                return False  # said alone, or after "the": the name itself ("the 2005 Act" names one)
            leads.add(word.casefold())
    return len(leads) > 1


def qualified_apart(word: str, texts: Iterable[str]) -> bool:
    """Whether each of `texts` says `word` only of something ("employment creation", "creation of workplace networks",
    "workers' interests") and no two of them of the same thing: the word alone is no topic they share."""
    if " " in word or not word.islower():
        return False
    pattern = phrase_pattern(word)
    qualifiers: list[set[str]] = []
    for text in texts:
        found: set[str] = set()
        for use in pattern.finditer(text):
            lead = re.sub(r"['’]s?$", "", _word_before(text, use).lower())  # "workers' interests": of workers
            complement = re.match(r"\s+of\s+(?:the\s+|a\s+|an\s+)?([\w-]+)", text[use.end():])
            if lead.isalpha() and lead not in _NO_QUALIFIED:
                found.add(lead)
            elif complement:
                found.add(complement.group(1).lower())
            else:
                return False  # said alone once: the word names its topic there
        qualifiers.append(found)
    return all(not (a & b) for n, a in enumerate(qualifiers) for b in qualifiers[n + 1:])


# What a paper says it does without, in the clause before a term ("without using any | biological features", "does not
# require | labelled data"), or after it ("with no protein attributes or extra | biological features | used"); not what
# it studies the absence of ("municipalities without confirmed COVID-19 deaths", "days free of mechanical ventilation").
_UNUSED_BEFORE = re.compile(r"\b(?:without|not|never)\s+(?:\w+ly\s+)?(?:us(?:e|es|ed|ing)|requir\w*|need\w*|"
                            r"rel(?:y|ies|ying)\s+on|any)\b(?:\s+[\w-]+){0,4}\s+$", re.IGNORECASE)
_NONE_BEFORE = re.compile(r"\bno\b(?:\s+(?!(?:of|in|on|at|for|to|from|by|with|the)\b)[\w-]+){0,5}\s+$", re.IGNORECASE)
_USED_AFTER = re.compile(r"\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:used|needed|required)\b", re.IGNORECASE)


def said_as_unused(term: str, texts: Iterable[str]) -> bool:
    """Whether one of `texts` says `term` only as what the paper does without ("with no protein attributes or extra
    biological features used"): that paper does not discuss it as the others do ("Both works discuss biological
    features" was said of two graph-embedding papers that each use none)."""
    pattern = phrase_pattern(term)
    for text in texts:
        uses = list(pattern.finditer(text))
        if uses and all(_unused(text, use) for use in uses):
            return True
    return False


def _unused(text: str, use: re.Match[str]) -> bool:
    clause = re.split(r"[,;:.()]", text[max(0, use.start() - 80):use.start()])[-1]
    return bool(_UNUSED_BEFORE.search(clause) or _NONE_BEFORE.search(clause) and _USED_AFTER.match(text, use.end()))


def qualifies_alone(term: str, texts: list[str]) -> bool:
    """Whether `term` is a compound of one hyphenated word, no name and no noun of an activity, that most uses go on to
    qualify, as adjectives do: "black-box" of "black-box prompt search" and "black-box language models" names no group
    ("fine-tuning" of "fine-tuning methods" does, and so do nouns that qualify others: "triage", "drug", "influenza")."""
    return "-" in term and " " not in term and term.islower() and not NOMINAL.search(term) and not stands_alone(term, texts)


def whole_in(term: str, title: str) -> bool:
    """Whether `title` holds `term` as a whole phrase, not a part of a longer one: "Robust Inference via Generative
    Classifiers for Handling Noisy Labels" holds "generative classifiers", not "handling noisy" (of "noisy labels");
    "Retrieval with van der Berg Encoders" does not hold "der berg encoders"."""
    for found in phrase_pattern(term).finditer(title):
        after = re.match(r"\s+([A-Za-z][\w-]*)", title[found.end():])
        before = re.search(r"([A-Za-z][\w-]*)\s+$", title[:found.start()])
        if all(not word or word.group(1).lower() in ENGLISH_STOP_WORDS | GENERIC for word in (before, after)):
            return True
    return False


# What a disease's papers all say of it: "COVID-19 patients", "SARS-CoV-2 infection" say nothing but the theme
_THE_THEMES_CASES = frozenset(stem(word) for word in "patients cases pandemic epidemic outbreaks infections crisis".split())


def says_only_the_theme(term: str, theme: frozenset[str]) -> bool:
    """Whether `term` says nothing but the theme (its stems `theme`) and who or what has it: "COVID-19 patients"."""
    return bool(term_stems(term) & theme) and term_stems(term) - theme <= _THE_THEMES_CASES


def theme_or_case(word: str, theme: frozenset[str]) -> bool:
    """Whether `word` is one of the theme's (stems `theme`) or says who or what has it ("patients", "pandemic")."""
    return term_stems(word) <= theme | _THE_THEMES_CASES
