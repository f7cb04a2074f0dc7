"""Where a sentence of a paper may be cut to fit: at a clause boundary (never inside brackets, an infinitive's
shared object or the last items of a list), never ending on a word that needs what followed it; and the cap on a
written sentence's length."""

from __future__ import annotations

import re

from litreview.write.voice import SECOND_VERB_SAID, SHARED_OBJECT, SUBORDINATOR

MIN_CUT_WORDS = 8       # never cut a clause shorter than this
MAX_SENTENCE_WORDS = 45  # no written sentence is longer

_CUT_BEFORE = re.compile(r";\s|:\s|,\s(?:which|where|while|whereas|and thus|thereby|but|so that|such that|thus|allowing|"
                         r"enabling|making|leading|resulting|achieving|yielding|providing|giving|dispensing|"
                         r"relating|including|e\.g\.|i\.e\.)\s|"
                         r"\s\(\d\)\s|,\s(?:and(?!\snot\b)|in order to|by|to|with|using|based on)\s|"  # "X, and not Y, is"
                         rf"\sand\s(?=(?:\w+ly\s)?{SECOND_VERB_SAID}\b)|"
                         r"\sand\sto\s(?!(?:the|a|an|their|its|this|these|those|other|all|each)\b)(?=[a-z]+\s)")
# The end of a cut that lost what followed: "... and", "... especially", "... that outperforms", "studies that are",
# "... to the following questions:" (whose list the clause does not give); not "five WHO regions".
DANGLING_END = re.compile(r"(?:[\s,;:]+(?:and|or|but|with|that|which|of|to|for|by|in|on|about|from|into|than|between|"
                          r"among|compared|the|a|an|respectively|especially|"
                          r"including|particularly|notably|namely|such as|therefore|thus|hence|however)|"
                          r"\s+(?:to|of|on|for|in|into|with|by|as)\s+(?:the\s+)?follow(?:ing|s)(?:\s+\w+)?\s*:?|"
                          r"[\s,;:]+and\s+(?:is|are|was|were)\s+(?:likely|unlikely|able|unable)|"
                          r"\s+(?-i:that|which|who)\s+(?:\w+s|are|were|was|have|had|can|could|will|would|may|might))+$",
                          re.IGNORECASE)
# Cut at a word, a sentence can stop in the middle of a phrase: "confirmed on April" (20, 2020), "on the".
_CUT_IN_PHRASE = re.compile(r"(?:\s+(?:on|at|from|into|than|between|the|(?-i:January|February|March|April|May|June|July|"
                            r"August|September|October|November|December)))+$", re.IGNORECASE)
# The words a cut at a word left of a phrase it began: a preposition and at most three more ("with worsening shortness").
_PREPOSITIONS = (r"with|without|for|by|in|on|at|from|into|to|than|between|after|before|during|through|via|over|under|"
                 r"among|within|across|against|as")
_OPEN_PHRASE = re.compile(rf"\s+(?:{_PREPOSITIONS}|of|like)(?:\s+\S+){{0,3}}$", re.IGNORECASE)
_RANGE_END = re.compile(r"through|to|until|till", re.IGNORECASE)  # the rest of a range: "from 2011 | to 2019"
# ... or the item a cut at a word left of a list it began: "from a new dataset and two additional | gene datasets".
_OPEN_CONJUNCT = re.compile(r"\s+(?:and|or)(?:\s+\S+){1,3}$")
# A word that opens a phrase, so that a cut before it ends one ("... the word | in focus"); not "of", which binds to the
# noun before it ("shortness | of breath"). Or punctuation: "(", "—".
_OPENS_A_PHRASE = re.compile(rf"(?:{_PREPOSITIONS}|that|which|who|whose|where|when|while|whereas|because|since|if|and|"
                             r"or|but)$|\W", re.IGNORECASE)
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|can|may|might|could|would|should|must|do|does|did)\b")
_PARTICIPLE = re.compile(r"\b(?:[a-z]{3,}ed|made|done|given|taken|shown|seen|known|held|built|found|driven)$")
_KEPT_AT_A_COMMA = 0.6  # a cut at a word goes back to a comma that keeps this share of the words
# "To prospect the T cell targets in SARS-CoV-2, and by consequence, the epitopes ..., | we modeled ...": a cut inside a
# leading purpose or condition would leave no main clause; not before its subject ("we", else the first comma).
_SUBORDINATE_LEAD = re.compile(rf"^{SUBORDINATOR}(?:.*?,\s(?=(?:we|they)\s)|[^,]*,\s)")
# "We subjected Port Jackson sharks, ..., and gummy sharks | , to trawl capture": what such a verb needs follows "to".
_NEEDS_TO = re.compile(r"\b(?:subject|expos|assign|allocat|attribut|randomi[sz]|convert)(?:ed|es|e|s)?\b(?![^,;]*\sto\s)")
# "concatenation, subtraction | , and multiplication": the last items of a list, not a clause boundary; an item may end
# on its acronym ("supervised fine-tuning, parameter-efficient fine-tuning (PEFT) | , and pretraining").
_LIST_ITEM = re.compile(r",\s(?:[\w-]+\s){0,2}[\w-]+(?:\s\([\w-]+\))?$")
# "to identify X | and to obtain Y": a second aim after a first is a boundary; not "relating them to X and to Y"
_FIRST_AIM = re.compile(r"\bto\s(?!(?:the|a|an|their|its|this|these|those|other|all|each)\b)[a-z]+\s")
# "to better understand | and summarize X": a verb after an infinitive is the infinitive's second verb, not the subject's
_INFINITIVE_BEFORE = re.compile(r"\bto\s(?:\w+ly\s|better\s|further\s|also\s)?[a-z]+$")
# A sentence (or what is reported in it: "X note that ...") that opens on its subject, and that subject's verb in the
# passive after a boundary, no relative clause between ("..., and Z for urban hydrology were demonstrated by ...").
_SUBJECT_FIRST = re.compile(r"(?:[^,;]*?\bthat\s)?(?:the|a|an|this|these|those|its|their|our|such)\s", re.IGNORECASE)
_ITS_PASSIVE = re.compile(r"(?:(?!\b(?:which|that|who|whom|whose|where|when|while|if|because|we|they)\b)[^;:])*?"
                          r"\b(?:is|are|was|were|(?:has|have|had)\sbeen)\s(?:\w+ly\s)?"  # "..., all during X, have been
                          r"(?:[a-z]+(?:ed|en|wn)|found|made|shown|seen|held|built|given|taken|done)\b")  # found to affect"
# A relative clause or a list of examples between a sentence's subject and its verb: a cut there would leave the subject
# alone ("note that the recent construction of brain-wide gene expression atlases.", "the concentration profiles of 14
# PFASs, including A, B and C, | were analyzed"); without it, the sentence says what it said.
_SUBJECTS_ASIDE = re.compile(r"^(?P<subject>(?i:the|an?|this|these|our|its|their)\s[^,;()]{3,}?),\s(?:(?:which|who)\s[^,;]+|"
                             r"(?:including|such as|e\.g\.|namely)\s[^;]+?),"
                             r"(?=\s(?:has|have|had|is|are|was|were|can|could|may|might|will|would|should|must)\b)")
# "interact not if they are similar to each other | , but if one of them is similar to the other's partners": the first
# half of "not X, but Y" says the opposite of the sentence.
_NOT_BEFORE_BUT = re.compile(r"\bnot\s(?:only|merely|just|simply|if|when|because|by|in|on|at|for|from|to|with|as|a|an|"
                             r"the)\b[^,;]*$", re.IGNORECASE)
# "we overview X, formulate open problems | and provide Y": the item before the cut takes the list's "and"; a comma
# followed by a word that cannot be a verb of the list is no list ("To do so, we propose X | and evaluate Y").
_LAST_COMMA = re.compile(r",\s(?P<word>[a-z]+)\s(?:(?!\s(?:and|or)\s)[^,])*$")  # not "risk, severity and mortality"
_NOT_A_LISTED_VERB = re.compile(r"(?:we|they|it|this|these|those|the|a|an|their|its|our|which|that|who|whose|where|"
                                r"when|while|and|or|but|as|so|thus|then|respectively|including|such|for|in|on|at|to|"
                                r"with|by|from|of|is|are|was|were|has|have|\w+ing|\w+ed|\w+ly)$")
_SAID_WITH_S = re.compile(r"[^s]s$")  # "provides", not "discuss"
# "measures such as social distancing, the use of face masks | , and frequent hand washing are rarely used": the last
# example of a list of them, which the sentence's verb follows; not "such as BERT | , and we ...", one example.
_EXAMPLES_LISTED = re.compile(r"\b(?:such as|including|like)\s[^,;:()]+(?:,\s[^,;:()]+)+$")
# "by changing the pH of the solution i.e. | , by tuning the electrostatic interaction": what follows says it again
# A lead that says why, after what or despite what, ending at a comma before the main clause's subject.
_WHY_LEAD = re.compile(r"(?:^|(?<=\sthat\s))(?i:in view of|in light of|given|considering|on the basis of|based on|"
                       r"following|despite|although|though|while|since|because(?: of)?|due to|owing to|motivated by|"
                       r"inspired by)\s"
                       r"[^,;:]{10,},\s(?=(?:the|a|an|this|these|its|their|we|they|[A-Z][\w-]*)\s)")  # to its first comma
_ABBREVIATION_BEFORE = re.compile(r"\b(?:i\.e|e\.g|cf|viz)\.$", re.IGNORECASE)
# The second or a later item of a numbered list: "three architectures: 1) LSTMs | ; 2) denoising autoencoders; and 3) a
# network ...": a cut there says the first items as if they were all (the list goes whole, or before its first item).
_LATER_ITEM = re.compile(r"[;,]?\s(?:and\s|or\s)?\(?(?:[2-9]|1\d|i[iv]|vi{0,3}|i?x|[b-e])\)\s", re.IGNORECASE)


def cut(text: str, limit: int) -> str:
    """`text` cut at its last clause boundary that leaves at most `limit` words (at least MIN_CUT_WORDS),
    parentheses kept balanced, an aside between its subject and verb left out first; unchanged when short enough or
    when no boundary fits."""
    if len(text.split()) <= limit:
        return text
    aside = _SUBJECTS_ASIDE.match(text)
    if aside:  # "The construction of atlases, which measure X, has made it possible ...": the aside goes first
        return cut(aside["subject"] + text[aside.end():], limit)
    best = None
    lead = _SUBORDINATE_LEAD.match(text)
    for boundary in _CUT_BEFORE.finditer(text, lead.end() if lead else 0):
        if _ends_no_clause(text, boundary.start()):
            continue
        size = len(text[: boundary.start()].split())
        if MIN_CUT_WORDS <= size <= limit:
            best = boundary.start()
    if best is None:
        return _without_its_lead(text, limit)
    return _list_closed(DANGLING_END.sub("", _balanced(text[:best]).rstrip(" ,;:")), text[best:])


def _without_its_lead(text: str, limit: int) -> str:
    """`text` without a lead of why or despite what (`_WHY_LEAD`), first or after a reporting "that", where the rest
    fits within `limit` words: "In view of studies looking for X, | a small agricultural community (...) was selected
    to Y" was cut at a word to "a small agricultural community", no sentence; a condition ("When X, Y") stays, as Y
    holds only under it. Else `text` unchanged."""
    for lead in _WHY_LEAD.finditer(text):
        kept = text[:lead.start()] + text[lead.end():]  # "X note that | in view of Y, | Z" -> "X note that Z"
        if MIN_CUT_WORDS <= len(kept.split()) <= limit and not inside_brackets(text, lead.end() - 2):
            return kept
    return text


def _ends_no_clause(text: str, at: int) -> bool:
    """Whether the boundary `_CUT_BEFORE` found at `at` ends no clause of `text`: inside brackets, a shared object or a
    list (a numbered one too), before what a verb needs ("to"), the second half of "not X, but Y", an infinitive's second
    verb; or before the verb of a subject the cut would leave alone ("The application of X, developed by CIMA, | to test cases ... is
    presented here")."""
    return bool(SHARED_OBJECT.search(text, 0, at) or inside_brackets(text, at) or _ABBREVIATION_BEFORE.search(text, 0, at)
                or text.startswith(", and", at) and (_LIST_ITEM.search(text, 0, at) or _EXAMPLES_LISTED.search(text, 0, at))
                or text.startswith(", to ", at) and _NEEDS_TO.search(text, 0, at)
                or text.startswith(", but", at) and _NOT_BEFORE_BUT.search(text, 0, at)
                or text.startswith(" and to ", at) and not _FIRST_AIM.search(text, 0, at)
                or text.startswith(" and ", at) and _INFINITIVE_BEFORE.search(text, 0, at)
                or _SUBJECT_FIRST.match(text) and not _FINITE_VERB.search(text, 0, at) and _ITS_PASSIVE.match(text, at)
                or bool(_LATER_ITEM.match(text, at)))


def _list_closed(kept: str, rest: str) -> str:
    """`kept`, cut before `rest`'s "and" + verb, with its last comma an "and" where that comma listed a verb of the
    same form: "we overview X, formulate Y | and provide Z" -> "we overview X and formulate Y"."""
    verb = re.match(r",?\sand\s(?:\w+ly\s)?(\w+)", rest)
    last = _LAST_COMMA.search(kept)
    if not verb or not last or inside_brackets(kept, last.start()):
        return kept
    listed, cut_off = last["word"], verb[1]
    if _NOT_A_LISTED_VERB.match(listed) or _NOT_A_LISTED_VERB.match(cut_off) or \
            bool(_SAID_WITH_S.search(listed)) != bool(_SAID_WITH_S.search(cut_off)):
        return kept
    return f"{kept[:last.start()]} and {kept[last.start() + 2:]}"


def bounded(sentence: str) -> str:
    """`sentence` within MAX_SENTENCE_WORDS: cut at its last clause boundary that fits, else at a word."""
    if fits(sentence):
        return sentence
    body = cut(sentence.rstrip("."), MAX_SENTENCE_WORDS - 1)
    if not fits(body):
        body = DANGLING_END.sub("", _CUT_IN_PHRASE.sub("", _balanced(_at_a_word(body, MAX_SENTENCE_WORDS - 1))))
    return body.rstrip(" .,;:") + "."


def _at_a_word(text: str, limit: int) -> str:
    """`text` cut after `limit` words. Where that cuts a phrase (the next word does not open one: "COVID-19 associated
    | hypercoagulable state"), back to its last comma where that keeps most of them ("... even when symptoms are mild,
    | likely induced by ..."), else before the phrase the cut left open ("... a month later | with worsening
    shortness", "... dataset and two additional | gene datasets"): what is kept ends where the sentence paused."""
    words = text.split()
    kept = " ".join(words[:limit]).rstrip(" ,;:")
    if len(words) > limit and _OPENS_A_PHRASE.match(words[limit]):  # "... the word | in focus": a phrase ended there
        return _without_its_agent(_without_half_a_range(kept, words[limit]), words[limit])
    comma = kept.rfind(", ")
    if comma > 0 and len(kept[:comma].split()) >= _KEPT_AT_A_COMMA * limit and not inside_brackets(kept, comma) \
            and not _FINITE_VERB.search(kept, comma):  # not back from the main verb: "..., have been confirmed on April"
        return kept[:comma]
    shorter = _OPEN_PHRASE.sub("", _OPEN_CONJUNCT.sub("", kept))
    next_word = next(iter(kept[len(shorter):].split()), "")
    return _without_its_agent(_without_half_a_range(shorter, next_word), next_word)


def _without_half_a_range(kept: str, next_word: str) -> str:
    """`kept` without the phrase of a number whose range was cut off (`next_word`, the first word cut off): not "...
    for the years 2011-2012 | through 2018-2019", an eight-year panel said as one year."""
    return _OPEN_PHRASE.sub("", kept) if _RANGE_END.fullmatch(next_word) and kept[-1:].isdigit() else kept


def _without_its_agent(kept: str, next_word: str) -> str:
    """`kept` without the phrase of a participle whose "by" phrase was cut off (`next_word`, the first word cut off):
    not "... with precipitation forecasts made | by a convective storm nowcast system", which says nothing of who."""
    return _OPEN_PHRASE.sub("", kept) if next_word == "by" and _PARTICIPLE.search(kept) else kept


def fits(sentence: str) -> bool:
    return len(sentence.split()) <= MAX_SENTENCE_WORDS


def words_in(text: str) -> int:
    return len(text.split())


def inside_brackets(text: str, at: int) -> bool:
    """Whether `at` falls inside parentheses ("models (JABER, Char-JABER, | and SABER)"): no clause ends there."""
    return text.count("(", 0, at) > text.count(")", 0, at)


def _balanced(text: str) -> str:
    """`text` without an unclosed parenthesis or quotation and what follows it (with the phrase that opened the
    quotation: not "... to develop a "culturally relevant, schoolwide")."""
    depth, cut_at = 0, None
    for index, char in enumerate(text):
        if char == "(":
            cut_at = index if depth == 0 else cut_at
            depth += 1
        elif char == ")" and depth:
            depth -= 1
    text = text[:cut_at].rstrip() if depth and cut_at is not None else text
    opened = text.rfind("\u201c") if text.count("\u201c") > text.count("\u201d") else \
        text.rfind('"') if text.count('"') % 2 else -1
    return _OPEN_PHRASE.sub("", text[:opened].rstrip()) if opened > 0 else text
