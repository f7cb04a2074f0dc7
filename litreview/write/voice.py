"""Who does what in a paper's sentence, as the paragraph says it: the paper's "we" (made "they") or the paper itself
("this paper expands X") said with the subject the paragraph gives it ("One study considers X", "Using this, the
authors argue that X"), every verb listed after the first agreeing with that subject, the paper's name for itself
elsewhere said as another's ("the editor of this volume" -> "the editor of the volume"), and whether a sentence leans
on the one before it ("Using this, ..."), so that it is said only right after that one.
"""

from __future__ import annotations

import re

from litreview.text import (
    ADVERB,
    AUXILIARY,
    EVERYONES_WE,
    PAST_OF,
    SELF_NAMED,
    SINGULAR_SUBJECT,
    STANCE_ADVERB,
    THE_WORK,
    WHAT_IT_STUDIED,
    WORK_NOUNS,
)
from litreview.write.english import (
    after_a_lead,
    base_form,
    same_case,
    third_person,
    upper_first,
)
from litreview.write.schema import Sentence

# Second verbs that are hardly ever nouns, so that one after a bare comma or "and" is a verb too ("X, provide Y").
_LISTED_VERB = (r"(?:observe|review|describe|show|present|propose|demonstrate|evaluate|apply|compare|discuss|introduce|"
                r"provide|argue|analy[sz]e|investigate|examine|explore|develop|implement|validate|identify|report|"
                r"offer|suggest|summari[sz]e|recommend|assess|quantify|characteri[sz]e|determine)")
# A paper's second verb, after "and" ("we propose and compare X", "X, and evaluate Y"): a clause boundary.
SECOND_VERB = (rf"(?:{_LISTED_VERB}|use|study|test|find|release|extend|outline|highlight|conclude|seek|go|confirm|verify|"
               r"establish|reveal|predict|detect|define|classify|explain|interpret)")  # "describe a mouse model and confirm X"
# One said with its -s, as a paper's sentence has it after "and" ("... and applies them to Y"): not "studies", a noun too.
SECOND_VERB_SAID = rf"(?:{SECOND_VERB}(?:e?s)?|applies|identifies|quantifies)"  # "discusses", "assesses"
_ADVERB = rf"{ADVERB}\s"  # "and furthermore investigate Y"
_AND_VERB = re.compile(rf"(?P<lead>(?:^|,\s)and\s|,\s(?=(?:{_ADVERB})?{_LISTED_VERB}\s)|\sand\s(?=(?:{_ADVERB})?{_LISTED_VERB}\s))"
                       rf"(?P<adverb>{_ADVERB})?(?P<verb>{SECOND_VERB})\b")
_BEFORE_AN_OBJECT = r"(?=\s(?:the|a|an|their|its|this|these|those)\s)"  # what a verb's object opens with
# "and endorse the importance of X", "assesses X, understand Y, and explores Z": a word between "and" (or a comma of
# a list that goes on with "and") and a determiner is a verb, whatever it is, unless it is one of the little words
# that go there ("and thus the", "and via the") or already agrees ("endorses", "endorsed"); and not after an
# infinitive or a modal it shares ("aims to discuss and suggest the ..."); also where it opens the object of a first verb
# ("introduce | and deploy the X").
_AND_ANY_VERB = re.compile(r"(?P<lead>(?:^|\s)and|,)\s(?P<verb>(?!(?:then|thus|so|yet|also|hence|therefore|via|per|despite|toward|"
                           r"towards|versus|including|across|within|among|between|for|from|with|without|into|onto|over|"
                           r"under|after|before|during|through|all|both|each|not|only|even|just|because|since|while|"
                           r"whereas|when|where|which|who|whom|whose|how|what|why|whether|the|its|their|our|can|could|"
                           r"may|might|must|shall|should|will|would|beyond|above|below|along|around|against|alongside|"
                           r"amid|amongst|upon|about|inside|outside|throughout|besides|except|like|unlike|plus|minus|"
                           r"than|and|but|nor)\b)"
                           r"[a-z]{3,}(?:-[a-z]+)?)(?<![^su]s)(?<!ed)(?<!ing)(?<!ly)" + _BEFORE_AN_OBJECT)
# Any word with an -s after "and" and before a determiner, which only a verb is: "contributes to and recognizes the
# value of X", "addresses X by undertaking Y, and then conducts a meta-analysis" ("and results the" is no English)
_AND_ANY_VERB_SAID = re.compile(rf"(?P<lead>(?:^|\s)and\s(?:then\s|also\s|{_ADVERB})?)(?P<verb>[a-z]{{3,}}(?<![su])s)"
                                + _BEFORE_AN_OBJECT)
_LISTED_LAST = re.compile(r",\s(?P<first>[a-z]{3,})(?<!s)(?<!ed)(?<!ing)(?<!ly)\s[^,]+,\sand\s"
                          r"(?P<verb>[a-z]{3,})(?<!s)(?<!ed)(?<!ing)(?<!ly)(?<!ity)(?<!ness)(?<!ion)(?<!ment)(?<!nce)(?<!al)(?<!ic)"
                          r"(?<!ive)(?<!ry)(?<!nt)(?<!ar)(?<!er)(?<!or)\s(?!(?:and|or|of)\b)[^,]*$")  # not "and mortality rates"
# "to estimate | and compare the CFR", "asks the model to enumerate | and describe all tags": a verb right after "to"
# or a modal shares it, and what follows, with the next one (no agreement, no cut there)
SHARED_OBJECT = re.compile(r"\b(?:to|can|could|may|might|must|should|will|would)\s+(?:\w+ly\s+)?[a-z]+$")
_TO_VERB = re.compile(r"\bto\s+(?:\w+ly\s+)?(?!(?:the|a|an|their|its|this|these|those|be)\b)[a-z]+\b")
# "We aim to provide X, present Y": said of one study, "aims to provide X and present Y", the verbs after the first
# still aimed at (and not what the paper made, as "we relax X and present Y" says)
AIMING = re.compile(r"\b(?:aim|aims|aimed|seek|seeks|sought|intend|intends|intended|attempt|attempts|attempted)\sto\s")
# "the black holes studied here", "the methods presented here are ..." (not "Shown here is X", a sentence's first word);
# ", introduced here," goes whole
_PLACED_HERE = re.compile(r",\s[a-z]+ed\s+here(?:in)?,(?=\s)|\b(?P<done>[a-z]+(?:ed|own))\s+here(?:in)?\b")
# "The study presented here investigated X": the paper itself, said "This study" (not "the study", whose "presented"
# would be taken for its verb: "Russo et al. presented investigated X")
_WORK_PLACED_HERE = re.compile(rf"^(?:The|This)\s(?P<kind>{WORK_NOUNS})\s[a-z]+(?:ed|wn)\s+here(?:in)?\b(?!,)")
# "allows us to", "helps us understand", "gives us": the authors, as the paper's "us" ("them" once in the third person),
# when the verb is the paper's own
_LET_THEM = re.compile(r"^(?P<let>(?:allow(?:s|ed|ing)?|enabl(?:e|es|ed|ing)|help(?:s|ed|ing)?|let(?:s|ting)?|"
                       r"permit(?:s|ted|ting)?|giv(?:e|es|en|ing)|gave|lead(?:s|ing)?|led|bring(?:s|ing)?|brought|"
                       r"forc(?:e|es|ed|ing)|requir(?:e|es|ed|ing)|mak(?:e|es|ing)|made)\s)them\b")
_HEREBY = re.compile(r"\b(we)\s+here(?:by|in)?\s", re.IGNORECASE)  # "we here summarize": the paper is the subject
_AND_THEY = re.compile(rf"\band they\s(?=(?:{_ADVERB})?{_LISTED_VERB}\s)")
# "This chapter reviews X and describes Y" said of its authors: "... review X and describe Y".
_AND_VERB_SAID = re.compile(rf"(?P<lead>\sand\s|,\s)(?P<adverb>{_ADVERB})?(?P<verb>{SECOND_VERB_SAID})\b")
# A sentence's leading purpose or condition ("To prospect X, and by consequence, Y, we ..."), capitalised: "to
# eliminate X, which ..." is what a paper proposes.
SUBORDINATOR = (r"(?:To|In order to|When|While|Although|Though|Because|Since|If|After|Before|Despite|Notwithstanding|"
                r"In spite of|Unlike|Given|Using|"
                r"Due to|Owing to|Because of|Based on|Inspired by|Motivated by)\b")  # "Due to X's activity, we sought"
# The paper as the subject of a sentence already taken to be its own: "The study aimed to evaluate X" (where a
# summary looks for the paper's own sentences, "the study" may be another's, or "the study cohort"); "our research aimed
# to X" said in the third person ("their research aimed to X").
ITSELF = rf"(?:{THE_WORK}|the\sstudy|their\s{WORK_NOUNS})"
# Where a sentence's subject goes on to a second verb: ", and is", " but clearly shows"
GOES_ON = r",?\s(?:and|but)\s(?:\w+ly\s)?"
# What the work is, said after what it does: "This paper presents X | and is considered as the first survey of Y".
_AND_IT_IS = re.compile(GOES_ON + r"(?:is|was)\s.*$", re.DOTALL)
# The paper naming itself inside a sentence ("The editor of this volume"), and as the subject of a clause ("Thus,
# this study aimed to X"), where the paragraph gives the sentence its own subject.
_ITSELF_NAMED = re.compile(rf"\b{SELF_NAMED}\b", re.IGNORECASE)
_ITSELF_DOING = re.compile(rf"(?:^|,\s)(?P<itself>{SELF_NAMED}|the\s(?:paper|article))\s"
                           r"(?!(?:of|in|on|for|and|or|to|with|by)\b)[a-z]", re.IGNORECASE)  # "Drawing on X, the paper shows Y"
# "they show improvements ...", "using this, they argue that ...", "this paper expands X": the paper's "we" (made
# "they") or the paper itself doing something.
# A long lead before "they": "In the context of a project exploring approaches to teaching, they outline ..."
_PLACING = r"(?:In|On|For|During|Within|Among|Across|Through|With|By|As part of)\b"
# A lead without its comma ends on no word that opens a clause: "Using data from nurses who | they interviewed",
# "Realizing X requires that we change how | we view Y".
_NO_CLAUSE_END = "".join(rf"(?<!\s{word})" for word in "who that which and or as if when where because how what why whether".split())
# The verb: "apply a X", "fine-tune X", "trained, validated and tested X"; not a word after "the study" ("of 120 nurses").
_THEY_DO = re.compile(rf"^(?P<lead>[^,;]{{1,40}},\s|(?:{SUBORDINATOR}|{_PLACING}|[A-Z][a-z]+ing\b)[^;]{{1,300}}?{_NO_CLAUSE_END},?\s"
                      rf"(?=(?:they|(?i:{ITSELF}))\s))?"  # "Exploiting a natural experiment in Denmark, the paper ..."
                      rf"(?:[Tt]hey|[Tt]he authors|(?P<author>[Tt]he author)|(?P<itself>(?i:{ITSELF})))\s"
                      rf"(?P<adverb>(?:{ADVERB}|{STANCE_ADVERB})\s)?{AUXILIARY}?"
                      r"(?P<verb>(?!(?:an|the|this|that|these|those|their|its|of|in|on|at|for|with|by|from|to|among|as|and|"
                      r"or)\b)[a-z]{2,}(?:-[a-z]{2,})?)"
                      r"(?!\s(?:is|are|was|were)\b)"  # "the information they receive | is crucial": a relative clause
                      r"(?P<rest>,?\s.+)$", re.DOTALL)
# The paper with what it studied, then a verb in the past, which agrees with any subject: "This study of 120 nurses in
# Ohio assessed X" (what "this study" names, the paragraph's subject names: "One study of 120 nurses ...").
_ITSELF_OF = re.compile(rf"^(?i:{ITSELF})\s(?P<rest>{WHAT_IT_STUDIED}\s[a-z]{{3,}}ed\b.*)$", re.DOTALL)
# "This is a retrospective study of X": the paper saying what kind of work it is.
_THIS_IS = re.compile(rf"^(?:This|It)\s(?P<verb>is|was)\s(?P<what>(?:an?|the)\s(?:[\w-]+\s){{0,4}}?(?:{WORK_NOUNS}|series)\b.*?)"
                      r"\.?$", re.DOTALL)  # "This is a retrospective case series."
_BE = ("is", "are", "was", "were")
_A_WORK = re.compile(rf"\b{WORK_NOUNS}$")  # the paragraph's subject is a work ("One study"), not its authors
_KIND_SAID = re.compile(r"^\s(?P<what>an?\s(?!(?:\w+\s){0,2}(?:result|example|part|step|extension|continuation)\b).+)$",
                        re.DOTALL)  # "is a comparative study of X", not "is a result of", "is part of"
# "Using this, we argue ...", "These attacks are cheap", "To this end, ...": a sentence that leans on the one before
# it (within its first words; not "In this paper").
_LEANS_BACK = re.compile(rf"^(?:[\w-]+,?\s){{0,3}}(?:this|these|those|such|it|its|they|their|them)\b(?!\s{WORK_NOUNS}\b)",
                         re.IGNORECASE)

ITSELF_FIRST = re.compile(rf"^(?:{THE_WORK})\b", re.IGNORECASE)  # "This paper examines X": the paper, first
_ITS_AIM = re.compile(r"^Its\s(?=(?:main\s|primary\s)?(?:aim|objective|purpose|goal)s?\s(?:is|was|are|were)\sto\s)")
_IT_AFTER_ITSELF = re.compile(r"^It\s(?P<rest>(?:also\s)?[a-z]{3,}s\s.+)$", re.DOTALL)  # "It presents", not "It is"

# "... to this setting", "these graphs", "Its SGD training dynamics": a written sentence that refers to something
# said before it (not the paper itself, "such as", "in this manner", nor "this is" / "these are"), as does a claim
# on it ("show that this is unlikely") and "the picture above".
_REFERS_BACK = re.compile(rf"\b(?:this|these|those|such)\s(?!(?:{WORK_NOUNS}|volume|as|that|way|manner|is|are|was|were|of)\b)"
                          r"[a-z][\w-]*|^(?:It|Its|They|Their|This|These)\b"
                          r"|\b(?:that|whether)\sthis\s(?:is|was|would|will|can|could|may|might)\b|\bthe\s[a-z]+\sabove\b")


def agreeing(text: str) -> str:
    """The listed verbs of `text` in the third person singular ("we describe and (experimentally) evaluate X", "X, and
    compare Y", "X and present Y" said of one study: every verb agrees)."""
    text = _AND_THEY.sub("and ", text)  # "investigates X and they propose Y": one subject, "and proposes Y"
    listed = _LISTED_LAST.search(text)  # "outline X, identify Y, and illustrate techniques", before they agree
    text = _AND_VERB.sub(lambda m: m.group(0) if SHARED_OBJECT.search(text, 0, m.start()) else
                         f"{m.group('lead')}{m.group('adverb') or ''}{third_person(m.group('verb'))}", text)
    text = _AND_ANY_VERB.sub(lambda m: m.group(0) if SHARED_OBJECT.search(text, 0, m.start()) or m["lead"] == ","
                             and not re.search(r"\band\s", text[m.end():]) else f"{m['lead']} {third_person(m['verb'])}", text)
    last = text.rfind(f", and {listed['verb']} ") if listed else -1  # -1: made to agree already
    if last < 0 or f", {third_person(listed['first'])} " not in text:
        return text
    # the last of a list of verbs that agree is a verb too, whatever follows it (not "report outcomes, and mortality")
    last += len(", and ")
    return f"{text[:last]}{third_person(listed['verb'])}{text[last + len(listed['verb']):]}"


def its_next_verb(text: str, *, plural: bool, subject: str = "") -> str:
    """What a work does after a comma and "it" ("analyses X, it explains Y and outlines Z"), as the next verb of its
    list, agreeing with a subject that is several authors where `plural` ("X, explain Y"); said by its authors
    (`subject`, no work), without what the work is ("presents X | and is considered as the first survey of Y")."""
    text = _ITS_NEXT_VERB.sub(lambda m: f", {base_form(m['verb']) if plural else m['verb']}", text, count=1)
    return _AND_IT_IS.sub("", text) if subject and not _A_WORK.search(subject) else text


def second_verbs_in_base_form(text: str) -> str:
    """What a work does after its first verb ("X and describes Y"), said of several ("X and describe Y")."""
    text = _AND_VERB_SAID.sub(lambda m: f"{m['lead']}{m['adverb'] or ''}{base_form(m['verb'])}", text)
    return _AND_ANY_VERB_SAID.sub(lambda m: f"{m['lead']}{base_form(m['verb'])}", text)


def joined_verb_at(text: str) -> int:
    """Where a second verb joined by "and" starts in `text`, the object of a first ("a network imaging of X | and
    conclude the founder mechanisms"), else its length; not one of an infinitive in it ("a mixture to estimate X and
    correct the loss")."""
    return next((m.start() for m in _AND_ANY_VERB.finditer(text)
                 if m["lead"] == " and" and not _TO_VERB.search(text, 0, m.start())), len(text))


_CONNECTIVE = re.compile(r"(?:however|therefore|thus|hence)\s")
_ITS_NEXT_VERB = re.compile(r",\s(?:it|this paper|the paper)\s(?P<verb>[a-z]{3,}(?<!s)s)\b")


def says_its_kind(statement: str) -> bool:
    """Whether `statement` is the paper saying what kind of work it is ("This is a retrospective case series.")."""
    return bool(_THIS_IS.match(statement))


def said_by(subject: str, statement: str, *, plural: bool, first: bool = False) -> str | None:
    """`statement` of a paper ("using this, they argue that X", its "we" made "they") said with `subject` doing what
    they did ("Using this, the authors argue that X."), or being what kind of work it is ("This is a cohort study of
    X"); None when it does not open so.
    `first`: the paper's first sentence, after which "also" points back to nothing ("One study also found")."""
    what_it_studied = _ITSELF_OF.match(statement)
    if what_it_studied:  # "This study of 120 nurses assessed X": "One study of 120 nurses assessed X"
        return f"{subject} {what_it_studied['rest']}."
    done = _THEY_DO.match(statement)
    kind = _THIS_IS.match(statement) if not done else None
    if kind and _A_WORK.search(subject):  # "One study is a retrospective study of X", not "One study notes that this is ..."
        return f"{subject} {kind['verb']} {kind['what']}."
    if kind:  # its authors are not the work: "Zheng et al. present a retrospective case series"
        return f"{subject} {'present' if plural else 'presents'} {kind['what']}."
    if not done:
        return None
    if not done["itself"] and done["verb"] in ("are", "were"):  # "we are colleagues": the authors are, not one study
        subject, plural = "The authors", True
    if done["itself"] and done["verb"] in _BE and not _A_WORK.search(subject):
        # what the work is, its authors are not ("Meraj et al. are a comparative study", "... were conducted in Ohio"):
        # they present the kind of work it is, and nothing else the work is is said of them
        kind = _KIND_SAID.match(done["rest"])
        if not kind or done["lead"] or done["adverb"]:
            return None
        return f"{subject} {'present' if plural else 'presents'} {kind['what']}."
    verb = base_form(done["verb"]) if done["itself"] or done["author"] else done["verb"]  # "this paper expands": "expand"
    verb = PAST_OF.get(verb, verb)  # "they have seen X" is said "saw X": its "have" went with "they"
    verb = verb if plural or verb.endswith("ed") or verb in PAST_OF.values() else third_person(verb)  # "extracted", "saw"
    aimed = AIMING.match(f"{done['verb']}{done['rest']}")  # "aims to provide X and present Y": "present" stays
    rest = done["rest"] if plural or aimed else agreeing(done["rest"])  # "relaxes X and presents Y"
    if plural and (done["itself"] or done["author"]):  # "this chapter reviews X and describes Y": "... and describe Y"
        rest = second_verbs_in_base_form(rest)
    if done["itself"]:  # "this study allows us to X": with the study as the subject, "them" would have no one to be
        # ... but "This study investigated X and compared them" keeps its "them", which is X
        # ... and only as its own verb's object: in "this study draws attention to how Black males view their school
        # for helping them", "them" are the Black males
        said = _LET_THEM.sub(r"\g<let>the authors", f"{done['verb']}{rest}", count=1)
        rest = said[len(done["verb"]):]
        rest = its_next_verb(rest, plural=plural, subject=subject)
    # "One study also found" leans on nothing where it comes first; "this paper however justifies X" on a sentence
    # the paragraph does not say
    adverb = done["adverb"] or ""
    adverb = "" if first and adverb == "also " or _CONNECTIVE.fullmatch(adverb) else adverb
    said = f"{adverb}{verb}{rest}."
    if not done["lead"]:
        return f"{subject} {said}"
    lead = done["lead"] if done["lead"].endswith(", ") else f"{done['lead'].rstrip()}, "  # "Using X we assessed Y"
    return f"{upper_first(lead)}{after_a_lead(subject)} {said}"


def it_as_itself(sentence: str, before: str | None) -> str:
    """`sentence` with its "It" said as the paper where the sentence `before` it is the paper's own ("This paper
    examines X. It presents Y.", "This is a study of X. It examines Y.": "Dewald et al. present Y", not "... report
    that it presents Y")."""
    if not before or not (ITSELF_FIRST.match(before) or _THIS_IS.match(before)):
        return sentence
    itself = _IT_AFTER_ITSELF.match(sentence)
    return f"This paper {itself['rest']}" if itself else _ITS_AIM.sub("The ", sentence, count=1)  # "Its aim is to X"


def leans_back(sentence: str) -> bool:
    """Whether a paper's sentence refers to the one before it within its first words ("Using this, we argue ...")."""
    return bool(_LEANS_BACK.match(sentence))


def refers_back(sentence: str) -> bool:
    """Whether a written sentence refers to something said before it ("One study extends CL to this setting")."""
    return bool(_REFERS_BACK.search(sentence))


# "these interventions": things a sentence before it named, which the paragraph may not say.
_THESE = re.compile(r"\b(?P<t>[Tt])hese\s(?P<noun>[a-z][\w-]*)")
# "such an association", "such a model": one a sentence before described ("To document such an association of X").
_SUCH_A = re.compile(r"\b(?P<s>[Ss])uch\s(?P<a>an?)\s(?P<noun>[a-z][\w-]*)")


def the_for_these(sentences: list[Sentence]) -> list[Sentence]:
    """`sentences` of papers, "these X" said "the X" in one that follows no sentence of its paper (nothing the
    paragraph says then tells which X), unless the sentence names X before it ("hand sanitizers ... when these
    sanitizers were scarce"); "such an X" said "an X" unless X was named in it or the sentence before ("To document
    such an association", after a sentence on how the disease spreads)."""
    def named(noun: str, text: str) -> bool:
        return bool(re.search(rf"\b{re.escape(noun)}\b", text, re.IGNORECASE))

    def the(match: re.Match[str], text: str) -> str:
        return match[0] if named(match["noun"], text[:match.start()]) else f"{match['t']}he {match['noun']}"

    def an(such: re.Match[str], before: str) -> str:
        if named(such["noun"], before + such.string[:such.start()]):
            return such[0]
        return f"{such['a'].upper() if such['s'] == 'S' else such['a']} {such['noun']}"
    said = []
    for n, sentence in enumerate(sentences):
        follows = n > 0 and bool(set(sentence.keys) & set(sentences[n - 1].keys))
        text = sentence.text if follows else _THESE.sub(lambda match: the(match, sentence.text), sentence.text)
        text = _SUCH_A.sub(lambda such: an(such, sentences[n - 1].text if follows else ""), text)
        said.append(sentence if text == sentence.text else sentence.model_copy(update={"text": text}))
    return said


def reported(statement: str, *, subjects: bool = True) -> str:
    """A paper's statement as another says it ("X notes that ..."): its "this volume" is "the volume" there; where
    the paper is a clause's subject ("this study aimed"), only with `subjects` (else that is the paragraph's to say)."""
    if not _names_itself(statement):
        return statement
    kept = set() if subjects else {doing.start("itself") for doing in _ITSELF_DOING.finditer(statement)}
    return _ITSELF_NAMED.sub(lambda named: named.group(0) if named.start() in kept else
                             re.sub(r"^[Tt]his\b", "the", named.group(0)), statement)


def _names_itself(text: str) -> bool:
    """Whether `text` may name the paper itself ("this study", "the present review"): a cheap test first."""
    low = text.lower()
    return "this " in low or "the present " in low or "the current " in low or "the paper" in low or "the article" in low


def itself_doing(text: str) -> bool:
    """Whether the paper is the subject of a clause of `text` ("Thus, this study aimed to X", "Drawing on X, the paper
    documents Y")."""
    return _names_itself(text) and bool(_ITSELF_DOING.search(text))


# "our understanding of cognition", "our daily lives": everyone's, not the authors' ("their understanding").
_EVERYONES = re.compile(r"(?<!best of )\b(our)\s(?=(?:understandings?|knowledge|world|society|daily lives|lives|planet|environment)\b)",
                        re.IGNORECASE)
# A single author's "I" where it is a subject (`SINGULAR_SUBJECT`), with the "am" or "was" after it.
_SINGULAR = re.compile(rf"{SINGULAR_SUBJECT}(?P<be>\s(?:am|was)\b|['’](?:ll|ve|m|d)\b)?")
_PLURAL_BE = {" am": " are", " was": " were", "'ll": " will", "'ve": " have", "'m": " are", "'d": " would"}
_AN_I = re.compile(r"(?:^|\s)I[\s'’]")
PRONOUNS = {"we": "they", "our": "their", "us": "them", "ours": "theirs", "ourselves": "themselves",
            "my": "their", "me": "them", "myself": "themselves"}  # a single author's
# not "14 and 6 my BP" (million years), nor everyone's "we": "the world in which we live", "the way we live and work";
# nor part of a web address ("we developed iMicrobe.us", "www.us.gov")
_OTHER_PRONOUNS = "|".join(pronoun for pronoun in PRONOUNS if pronoun != "we")
_FIRST_PERSON = re.compile(rf"(?<!\d\s)(?<![\w/]\.)\b(?:(?!{EVERYONES_WE})we|{_OTHER_PRONOUNS})\b"
                           r"(?!\.(?-i:[a-z]))", re.IGNORECASE)


def in_third_person(text: str) -> str:
    """A paper's `text` with its "we", "our", "us" made "they", "their", "them" ("US FDA" and "our understanding",
    which is everyone's, kept apart); "we hereby report", "we here summarize" are "they report", "they summarize"; a
    single author's "I" (a subject, not "type I") and "my" are "they" and "their" too ("I am" -> "they are"); "the
    black holes studied here" are "the black holes studied"."""
    if "here" in text:
        text = _WORK_PLACED_HERE.sub(lambda m: f"This {m['kind']}", text)
        text = _PLACED_HERE.sub(lambda m: m["done"] or "", _HEREBY.sub(r"\1 ", text))
    # what the paper quotes stays as quoted: "the following questions: \"how can we make education more interesting?\""
    return "".join(part if n % 2 else _pronouns_in_third_person(part) for n, part in enumerate(_QUOTED.split(text)))


_QUOTED = re.compile(r"(“[^“”]*”|\"[^\"]*\")")


def _pronouns_in_third_person(text: str) -> str:
    if _AN_I.search(text):  # "I show", "I'll present"
        text = _SINGULAR.sub(_they, text)
    text = _EVERYONES.sub(lambda m: same_case("the", m.group(1)) + " ", text)  # "advancing our understanding of cognition"
    return _FIRST_PERSON.sub(lambda m: m.group(0) if m.group(0) in ("US", "ME")  # "US FDA", "ME/CFS"
                             else same_case(PRONOUNS[m.group(0).lower()], m.group(0)), text)


def _they(singular: re.Match[str]) -> str:
    """A single author's "I" (with "am", "was" or a contraction: "I'll") said "they" ("they are", "they will")."""
    be = (singular["be"] or "").replace("’", "'")
    return f"{'they' if singular.start() else 'They'}{_PLURAL_BE.get(be, be)}"
