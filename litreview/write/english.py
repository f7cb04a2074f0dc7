"""English word forms for the offline writer's templates: verbs in the third person, as gerunds and as
participles, a plural head noun, the article before a word, the case of a sentence's first word, and a count that
opens a sentence in words."""

from __future__ import annotations

import functools
import re

import lemminflect

from litreview.summarize.structured import unlabelled

# The past participles of the verbs whose object is a thing made or studied, so that "{object} is {participle}" says
# what "we {verb} {object}" says.
PARTICIPLES = {"propose": "proposed", "present": "presented", "introduce": "introduced", "develop": "developed",
               "design": "designed", "describe": "described", "build": "built", "construct": "constructed",
               "create": "created", "release": "released", "formulate": "formulated", "devise": "devised",
               "study": "studied", "investigate": "investigated", "explore": "explored", "analyze": "analyzed",
               "analyse": "analysed", "examine": "examined", "evaluate": "evaluated", "perform": "performed",
               "conduct": "conducted"}
# Words that stay lower case in the middle of a sentence ("note that The Early Jurassic" -> "the Early Jurassic").
_FUNCTION_WORDS = frozenset("the a an this these that those it its in on for to of with our we their they there "
                            "here such both each all most many some several one two three when while although "
                            "as by from using based recent existing current previous".split())


def gerund(verb: str) -> str:
    """`leverage` -> `leveraging`, `tie` -> `tying`, `map` -> `mapping`, `learn` -> `learning`."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]+[aeiou][bdgmnprt]", verb):  # one syllable ending consonant-vowel-consonant
        return verb + verb[-1] + "ing"
    return verb + "ing"


def verb_of_gerund(word: str) -> str | None:
    """The verb a gerund is of, by LemmInflect's lexicon or, for a verb it does not know, its rules: "categorizing" ->
    "categorize", "mapping" -> "map", "tokenizing" -> "tokenize"; None for a word that is no gerund ("something").
    Only for a word where a gerund must be ("by categorizing X"): "morning" would be "morn"."""
    if not word.endswith("ing") or word.endswith("thing"):
        return None
    lemmas = lemminflect.getLemma(word, upos="VERB", lemmatize_oov=True)
    return lemmas[0] if lemmas and lemmas[0] != word else None


# Most words in -ics name a field ("genomics", "dynamics"); these are plurals of a noun in -ic.
_ICS_PLURALS = frozenset("characteristics metrics topics clinics antibiotics epidemics pandemics heuristics critics".split())


def plural_head(noun_phrase: str) -> bool:
    """Whether the phrase's head noun (its last word before a preposition or clause) is plural: "the
    implications of X" -> True; "a study of models" -> False; "two models" -> True."""
    head = re.split(r"\s(?:of|for|in|on|to|with|from|by|that|which|where|who|using|based|called|named|between|across|under|via)\s"
                    r"|\s(?=[a-z]+ed\s(?:for|by|in|on|to|with|from|at|as|towards)\s)"  # "systems developed for ..."
                    r"|(?<=[a-z]s)\s(?=[a-z]{3,}ing\s)"  # "results illustrating the agents' behavior"
                    r"|\s(?=[a-z]{3,}ing\s(?:how|what|why|whether|the|an?|its|their)\s)",  # "information explaining how"
                    re.sub(r"\([^()]*\)", "", noun_phrase), maxsplit=1)[0].split()  # "the model (base, and chat)"
    if not head:
        return False
    last = head[-1].strip(",;:()")
    # "X and Y" are two, but "a precise and quantitative law" is one: after "a", only a second article counts
    joined = "and" in head and (head[0].lower() not in ("a", "an") or bool(re.search(r"\band (?:an?|the)\b", " ".join(head))))
    counted = head[0].lower() in ("two", "three", "four", "several", "these", "many", "some") or joined
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is", "ics")) or last.lower() in _ICS_PLURALS
    return counted or (plural and last[:1].islower()) \
        or bool(re.fullmatch(r"[A-Z]{2,}s", last))  # "LLMs"


_IRREGULAR = {"are": "is", "were": "was", "have": "has", "do": "does", "go": "goes",
              **{modal: modal for modal in "can could will would may might must should shall".split()},
              # irregular pasts agree with any subject ("One study also found that", not "founds")
              **{past: past for past in "found made took gave saw got built led held sought brought thought chose "
                                        "wrote ran began did had undertook underwent understood overcame drew grew knew "
                                        "went became came kept lost sent spent stood taught told fell felt bought caught "
                                        "dealt drove threw rose arose spoke withdrew oversaw".split()}}
_BASE = {said: base for base, said in _IRREGULAR.items() if base != said} | {"focuses": "focus"}  # not "focuse"


# What makes a clause a sentence: "be", "have", a modal; a word in -ed may be a verb too ("was adopted"), and so may an
# irregular past ("a patient came to the clinic") and a word in -s before another ("a model predicts Y"; not "serious",
# "analysis", nor a plural ending the phrase: "fraud in online auctions").
_MAY_BE_A_VERB = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|can|could|may|might|must|"
                            r"shall|should|will|would|%s|[a-z]+ed|[a-z]+(?<!ou|ss|is|us|ic)s(?=\s+(?!and\b|or\b)\w))\b"
                            % "|".join(past for past in _IRREGULAR.values() if not past.endswith("s")), re.IGNORECASE)
_NOUN_PHRASE_END = re.compile(r"\s(?:that|which|who|whose|where|whereby)\s|[,;:(]")
_ASIDE = re.compile(r"\s\([^()]*\)")  # an acronym or other aside in brackets, which the phrase goes on after
# What is needed, said after a relative clause: "A more general model which is easy to use and leads to high
# performance | needs to be developed" is a sentence whose subject holds a relative clause, no noun phrase.
_NEEDED = re.compile(r"\b(?:needs?|has|have)\sto\sbe\s[a-z]+ed$|\b(?:is|are)\s(?:still\s)?(?:needed|required|lacking|missing)$")


def noun_phrase_only(text: str) -> bool:
    """Whether `text` is a noun phrase and no sentence: "A general-purpose model for integrating an intelligent
    tutoring system within a serious game for use in higher education." (what the paper is, as a title says it); not
    "A model for X predicts Y", "A man came to the clinic", "A total of 500 patients ..." (a word in -s may be a verb),
    "A model which is easy to use needs to be developed"."""
    head = _NOUN_PHRASE_END.split(_ASIDE.sub("", text.rstrip(" .")), maxsplit=1)[0]  # "a network (FESN) is given": a verb
    return bool(re.match(r"(?i:an?)\s", head)) and len(head.split()) >= 4 and not _MAY_BE_A_VERB.search(head) \
        and not _NEEDED.search(text.rstrip(" ."))


def plural(subject: str) -> bool:
    """Whether a paragraph's subject is several authors ("Smith et al.", "Smith and Lee"), whose verb takes no -s."""
    return subject.endswith(" et al.") or " and " in subject


def base_form(verb: str) -> str:
    """A verb said in the third person singular in its base form: `expands` -> `expand`, `studies` -> `study`,
    `addresses` -> `address`, `is` -> `are` (for a plural subject)."""
    if verb in _BASE:
        return _BASE[verb]
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("sses", "shes", "ches", "xes")):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb


def third_person(verb: str) -> str:
    """`propose` -> `proposes`, `study` -> `studies`, `apply` -> `applies`, `address` -> `addresses`, `relax` ->
    `relaxes`, `are` -> `is`, `can` -> `can`."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if re.search(r"[^aeiou]y$", verb):  # "applies", "classifies"; not "employs"
        return verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x")):
        return verb + "es"
    return verb + "s"


_POSSESSIVE = re.compile(r"['’]s\b")


def lower_first(text: str, names: frozenset[str] = frozenset()) -> str:
    """The first word in lower case when it is a function word ("The Early Jurassic" -> "the Early Jurassic")
    or a capitalised common word ("Experimental results" -> "experimental results"); "BERT", "ChatGPT" and the
    `names` (`names_in` the paper's text) kept."""
    first, _, rest = text.partition(" ")
    word = _POSSESSIVE.sub("", first.rstrip(",;:"))  # "Africa’s vast diversity": is "Africa" a name?
    if first == "I":  # the researcher's own "I propose X" after "Against this background, "
        return text
    if (first.lower() in _FUNCTION_WORDS or word.lower().split("-")[0] in _NUMBER_WORDS) and first[1:] == first[1:].lower():
        return text[:1].lower() + text[1:]  # "Thirty-one Taiwanese with acne were ...": a count, no name
    # not "Prompt Tuning", nor a name the text capitalises again ("Turkey is one of ... in Turkey"); a formula after it
    # is no word of a title ("Thin Al2O3 films", "Dense SiO2 layers")
    if first[:1].isupper() and first[1:] == first[1:].lower() and not re.match(r"[A-Z][a-z][^\s\d]*(?:\s|$)", rest) \
            and not re.search(rf"\b{re.escape(word)}\b", rest) and word not in names:
        return text[:1].lower() + text[1:]
    return text


@functools.lru_cache(maxsize=8192)  # asked of a paper's abstract for each of its sentences
def names_in(text: str | None) -> frozenset[str]:
    """The capitalised words `text` uses mid-sentence: names ("the epicenter of the pandemic in Turkey", "blue sharks
    (Prionace glauca)"), which keep their capital where a clause of it is embedded ("notes that Turkey is one of ...");
    and a genus the text abbreviates ("Heterodontus portusjacksoni ... the H. portusjacksoni caught")."""
    text = unlabelled(text or "")  # not "Drains" after the Cochrane Library's "Authors' conclusions"
    # after a word in lower case ("in Turkey"), a comma or "(": a name; not a word of a Title Case run ("Systemically
    # Important Financial Intermediaries") nor one after a structured abstract's label ("Aim Biotic interactions ...")
    mid_sentence = re.findall(r"(?:(?<![\w-])[a-z][\w-]*\s|,\s|\s\()([A-Z][a-z]+)\b", text)
    genera = [genus for genus, species in re.findall(r"\b([A-Z][a-z]{2,}) ([a-z]{3,})\b", text)
              if f"{genus[0]}. {species}" in text]
    # a word said with a possessive that the text capitalises again and never writes in lower case: "Africa’s vast
    # ... in West and Southern Africa" (a name); not "Today's" said once
    possessors = [word for word in re.findall(rf"\b([A-Z][a-z]+){_POSSESSIVE.pattern}", text)
                  if len(re.findall(rf"\b{word}\b", text)) > 1 and not re.search(rf"\b{word.lower()}\b", text)]
    return frozenset(mid_sentence + genera + possessors)


@functools.lru_cache(maxsize=1024)  # asked of a group's abstracts for its label and for the theme
def never_lowered(texts: tuple[str | None, ...]) -> frozenset[str]:
    """The names of `texts` (`names_in`) that none of them writes in lower case: "French" in "German and French
    statutes", not "Multimodal" in "leverages Multimodal Large Language Models" when another says "multimodal"."""
    lowered = {word for text in texts for word in re.findall(r"\b[a-z]+\b", text or "")}
    return frozenset(name for text in texts for name in names_in(text) if name.lower() not in lowered)


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def after_a_lead(subject: str) -> str:
    """A sentence's `subject` said after a lead ("Using X, the authors ..."): "the authors", "one study" in lower
    case; not "Smith", "The Transformer"."""
    return subject[:1].lower() + subject[1:] if re.match(r"(?:The|One|Another|A)\s[a-z]", subject) else subject


_SAID_WITH_Y = re.compile(r"(?:uni(?!n)|use|usa|usu|uti|ura|uro|eu|one\b|once\b)", re.IGNORECASE)  # "a unified", "a user"
_SILENT_H = re.compile(r"(?:hour|honest|honou?r|heir)", re.IGNORECASE)  # "an hour"


def article(given: str, following: str) -> str:
    """`a`/`an` as the next word needs, in the case of the `given` article, and a space; an acronym by how its first
    letter is spoken ("an MU approach", "an LLM", "a URL"; "a MUltimodal ..." is a word)."""
    spelled = re.match(r"[A-Z]{2,}(?:s\b|(?=[\s\d.,;:)-]|$))|[A-Z](?=[\d-])", following)  # "MU", "LLMs", "X-ray"
    vowel = following[:1].lower() in "aeiou" and not _SAID_WITH_Y.match(following) or bool(_SILENT_H.match(following))
    word = "an" if (following[:1] in "AEFHILMNORSX" if spelled else vowel) else "a"
    return (word.capitalize() if given[:1].isupper() else word) + " "


def same_case(word: str, like: str) -> str:
    """`word` capitalised when `like` is ("We" -> "They")."""
    return word.capitalize() if like[:1].isupper() else word


# "a new and independent X" loses "new and" whole: "an independent X", not "an and independent X". Not where being new
# is what the paper found ("a new species", "a novel coronavirus") or stands for a noun ("to predict for a novel one"),
# nor in a name ("a New York hospital").
HYPE = re.compile(r"\b(?P<article>(?i:an?)) (?:novel|new|groundbreaking|innovative|"
                  r"simple (?:yet|but) (?:an? )?(?:effective|novel|efficient|powerful))(?:,? and|,)?\s+(?=\w)"
                  r"(?!(?:[\w-]+\s)?(?i:ones?|species|subspecies|genus|genera|taxon|taxa|clade|specimens?|\w*virus(?:es)?|"
                  r"strains?|variants?|lineages?|pathogens?|diseases?)\b)")


def without_hype(text: str) -> str:
    """`text` without "a novel" / "a simple yet effective", its article fitted to the next word ("an approach")."""
    return HYPE.sub(lambda m: article(m.group("article"), m.string[m.end():]), text)


NUMBERS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
TEENS = ("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_word(count: int) -> str:
    """A count in words ("three"), in digits past ten ("12")."""
    return NUMBERS[count] if count < len(NUMBERS) else str(count)


_NUMBER_WORDS = frozenset(NUMBERS[1:] + TEENS + TENS + ("hundred", "thousand", "several", "many", "few"))


def count_opening(count: int) -> str:
    """A count that opens a sentence: in words to ninety-nine ("Three", "Eleven", "Twenty-one"), as no sentence opens
    with digits; "A total of 120" past that."""
    if count < len(NUMBERS):
        said = NUMBERS[count]
    elif count < 20:
        said = TEENS[count - 11]
    elif count < 100:
        said = TENS[count // 10 - 2] + (f"-{NUMBERS[count % 10]}" if count % 10 else "")
    else:
        return f"A total of {count}"
    return upper_first(said)


# "2 different approaches", "25 patients", "35 883 households" (thousands set apart); not a year ("2019"), "5.2%",
# nor a measure ("5 mg/kg was given")
_OPENING_COUNT = re.compile(r"(?!(?:19|20)\d\d\b)([1-9]\d{0,2}(?:[ ,\u2009\u202f]\d{3})+|[1-9]\d*) (?=[a-z])"
                            r"(?!(?:mg|kg|g|ml|mm|cm|km|nm|h|hr|hrs|min|s|ms|l)\b)")


def sentence_start(text: str) -> str:
    """`text` opening a sentence: its first letter in capitals, and a count of less than a hundred before a word in
    words ("In summary, 2 different approaches ..." said without its lead: "Two different approaches ..."), a larger one
    after "A total of"."""
    count = _OPENING_COUNT.match(text)
    if not count:
        return upper_first(text)
    number = int(re.sub(r"\D", "", count.group(1)))  # said as written past ninety-nine: "A total of 35 883 households"
    return (count_opening(number) if number < 100 else f"A total of {count.group(1)}") + text[count.end() - 1:]
