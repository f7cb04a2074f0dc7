"""Clauses of one paper's own sentences, made ready for the offline paragraph.

What a paper does comes from its "we propose {object}" sentence: `{Name} proposes {object}` when the paper has
authors or a method name, else `{Object} is proposed`, or what a named thing is ("XLNet is a pretraining method ...",
as authors write; the citation goes at the sentence's end). A sentence without such a verb is quoted as the paper's
statement, its first person made the third. Every clause is trimmed of connectives, cited asides and "in this paper",
cut at a clause boundary when long, within MAX_SENTENCE_WORDS with the template."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from litreview.grounding import (
    CITATION_MARKERS,
    NUMBERED_REFERENCE,
    without_cited_brackets,
)
from litreview.text import (
    A_WORK,
    ADVERB,
    AIM_FRAME,
    AUTHORS,
    AUXILIARY,
    NO_RELATIVE,
    PAPER_SUBJECT,
    SINGULAR_SUBJECT,
    THE_WORK,
    stated_aim_at,
)
from litreview.write.acts import described_by, done_by
from litreview.write.cuts import DANGLING_END, cut, inside_brackets
from litreview.write.english import (
    HYPE,
    PARTICIPLES,
    article,
    gerund,
    lower_first,
    plural_head,
    sentence_start,
    third_person,
    upper_first,
    without_hype,
)
from litreview.write.doing import done_instead
from litreview.write.leads import (
    only_a_lead,
    unfocused,
    with_its_comma,
    without_back_references,
    without_leads,
    without_self_reference,
)
from litreview.write.voice import (
    AIMING,
    ITSELF,
    PRONOUNS,
    SECOND_VERB_SAID,
    SHARED_OBJECT,
    agreeing,
    in_third_person,
    its_next_verb,
    itself_doing,
    joined_verb_at,
    refers_back,
    reported,
    said_by,
    second_verbs_in_base_form,
)

MAX_CLAUSE_WORDS = 30   # a longer clause is cut at a clause boundary
MAX_PASSIVE_WORDS = 24  # "{object} is proposed" with a longer object leaves the verb too far from its subject
MAX_NAME_WORDS = 8      # "{object} is proposed" with a head this short goes on to what the thing is or does
MIN_PASSIVE_WORDS = 3   # "{object} is proposed" with a shorter object says nothing ("An approach is proposed")
MAX_CONDITION_WORDS = 25  # "On GLUE tasks, we find that X": a longer lead before "we find that" is no condition of X

_VERBS = ("propose present introduce develop design describe build construct create release formulate devise "
          "offer contribute study investigate explore analyze analyse examine evaluate perform conduct show "
          "focus address use train demonstrate map").split()  # "map": a mapping study's "we map the literature"
_PROPOSES = re.compile(rf"{PAPER_SUBJECT}\s+(?:{ADVERB}\s+)?{AUXILIARY}?"
                       rf"(?P<verb>{'|'.join(_VERBS)}|studies)(?:e?s)?\b{NO_RELATIVE}\s*(?P<object>.+)$",  # "focuses"
                       re.IGNORECASE | re.DOTALL)
# A structured abstract's aim, with no main clause after it ("To compare X.", "The aim of this study is to evaluate X."),
# nor a passive one ("To measure X, | the risk score was computed"; not ", which is").
_PASSIVE_MAIN = r",\s(?!(?:which|that|who|where|whose|including|and|or|as)\b)[^,;]*?\b(?:is|are|was|were)\s(?:\w+ly\s)?[a-z]+ed\b"
_STATED_AIM = re.compile(rf"^(?:{AIM_FRAME})?[Tt]o\s(?:\w+ly\s)?"  # "to critically appraise X": "appraises X"
                         r"(?P<verb>(?!(?:date|this|that|our|the|these|what|some|be|a|an)\b)[a-z]{3,})\b\s*"
                         rf"(?P<object>(?:(?!,\s(?:we|they|our|the authors|{THE_WORK})\b|{_PASSIVE_MAIN}).)+)$", re.DOTALL)
_UNDERSTOOD = ("understand", "better", "know", "learn", "comprehend")  # what the paper is after, not what it does
# "to broaden our understandings of X": after too (not "broadens the understandings"; "summarize the knowledge" is done)
_KNOWLEDGE_SOUGHT = re.compile(r"(?:broaden|deepen|advance|expand|extend|enrich|increase|improve|enhance|further)\s"
                               r"(?:our|the|current|existing)\s(?:\w+\s)?(?:understandings?|knowledge)\b", re.IGNORECASE)
_AND_TO = re.compile(r"(?P<lead>,?\s(?:and|or)\s)to\s(?=(?:\w+ly\s)?[a-z]{3,}[\s,])")  # "..., and to explore Y"
_VERB_LIST = re.compile(r",\s[a-z]+(?:,\s[a-z]+)*,?\s(?:and|or)\s[a-z]+\s")  # ", appraise, and synthesise X"
_REPORTS = re.compile(r"\b(?<!\bbe\s)(?<!\bbeen\s)(?:(?:show|demonstrat|observ|reveal|indicat|suggest|confirm)(?:e|e?s|e?d)?|"
                      r"finds?|found|verif(?:y|ies|ied)|"  # "results showed that X"; not "will be demonstrated that counter X"
                      r"(?<=\bit\s)(?:is|was|can\sbe)\s(?:shown|demonstrated|observed|revealed|confirmed|verified))"
                      r"\s+that\s+(?P<clause>.+)$", re.IGNORECASE | re.DOTALL)  # "it is shown that X"
# "Our data indicate that X", "These results suggest that X": what the paper found, without the words that say so.
_RESULTS_SHOW = re.compile(r"^(?:our|these|the)\s(?:[\w-]+\s)?(?:data|results|findings|analyses|observations|experiments)\s"
                           r"(?:\w+ly\s)?(?:indicate|show|suggest|reveal|demonstrate|confirm)\s+that\s+(?P<clause>.+)$",
                           re.IGNORECASE | re.DOTALL)
_SECOND_THAT = re.compile(r"\b(and|but)\s+that\s+(?=\w)")  # "we show that X and that Y" is said "X and Y"
# An object that is a thing: a determiner, a name, or a bare noun phrase ("prefix-tuning, a ..."), not an infinitive or a
# clause ("to combine ...", "how ..."); not "this issue" (a passive would open on what the sentence before said).
_NOUN_PHRASE_START = re.compile(r"^(?:an?|the|two|three|four|several|[A-Z0-9])\b|^[A-Z]"
                                r"|^(?!(?:to|that|how|what|whether|why|when|if|which|whose|where|them|it|its|this|these|"
                                r"those|such|both|and|or|upon|on|onto|into|with|from|for|about|across|over)\b)[a-z]")  # "build upon X"
# "XLNet, a ...", "compositional soft prompting (CSP), a ...", "prefix-tuning, a ...": the name, then what it is.
_NAMED_APPOSITIVE = re.compile(r"^(?P<name>(?:[A-Z][\w-]*\s){0,4}[A-Z][\w-]*(?: \([^()]+\))?"
                               r"|[a-z][\w-]*(?:\s[a-z][\w-]*){0,3} \([A-Z][\w-]*\)|[a-z]+-[a-z]+),\s+(?=(?:an?|the)\s)")
_MAKING = ("propose", "present", "introduce", "develop", "design", "build", "devise", "create")
_THEN_MADE = re.compile(rf",?\sand\s(?:\w+ly\s)?(?:then\s)?(?P<verb>{'|'.join(_MAKING)})\s(?P<object>\w.+)$", re.DOTALL)
# TeX's dashes between words, as arXiv abstracts keep them: "sequences -- e.g. X --" (not "Infer--Retrieve", "--flag").
_TEX_DASH = re.compile(r"(?<=[\w)] )---?(?= [\w(])|(?<=[a-z]{2})---?(?=[a-z]{2})")  # and "models--capable of"
# "we performed this prospective cohort study in X": the study is the paper, said as one done ("performed a ...").
_DID_THIS_WORK = re.compile(rf"\b(?P<verb>performed|conducted|carried out|undertook|designed)\s+this\s+(?P<kind>{A_WORK})\b")
_GERUND_START = re.compile(r"[a-z]{2,}ing\s")  # "using non-parametric methods", not "the mapping"
_INFINITIVE = re.compile(r"^to (?P<verb>[a-z]+)\b(?P<rest>.*)$")  # "to leverage deep depth prediction ..."
# "an approach, namely BayesPrompt, to ...": the thing made, then its name.
_NAMELY = re.compile(r"^(?P<kind>(?:an?|the)\s(?:[^,()\"“:]|\([A-Z][\w-]*\))+?)(?:,?\s(?:namely|called|named|dubbed|termed)(?:\sas)?|:"
                     r"|,(?=\s(?:the\s)?[A-Z][\w-]*(?:\s\([^()]+\))?(?:,\s(?!and\b|or\b)|$)))\s"  # "a framework, NoteLLM-2, designed for ..."
                     r"(?P<the>the\s)?(?P<name>[A-Z][\w-]*(?:\s(?:(?:with|of|for|and|in|on|to|from|via|by)\s)?[A-Z][\w-]*){0,5}(?:\s\([^()]+\))?|\"[^\"]{2,60}\"|“[^”]{2,60}”)"
                     r"(?P<comma>,?)\s*(?P<rest>.*)$")  # "... dubbed the Dynamic Convolutional Neural Network (DCNN)"
# "the Mix Prompt Tuning (MPT), which is a semi-supervised method ...", "a method, which equips an input with ...":
# a short thing proposed, then what it is (`copula`) or does, in a relative clause (a verb with its -s, or "is ...").
_DOES = r"(?:\w+ly\s)?[a-z]+[^s\W]s\b"  # a verb with its -s, perhaps after an adverb: "equips", "adaptively assigns"
_RELATIVE = re.compile(r"^(?P<head>[^,;:()]+(?:\([^()]*\))?),\s(?:which|that)\s"
                       rf"(?:(?P<copula>(?:is|are)\s(?=(?:an?|the)\s))|(?={_DOES}|is\b|are\b))(?P<rest>.+)$", re.DOTALL)
_WHICH_DOES = re.compile(rf"which\s(?=(?:not only\s)?{_DOES})(?P<what>.+)$")  # ", which introduces a Fisher mask ..." after a name
_NOT_WHAT_IT_DOES = re.compile(r"^(?:stands|is short)\b")  # ", which stands for ..." is said of the name
# "a task, Partial labeling and Long-Tailed Multi-Label Classification (PLT-MLC)": what it is, then its name.
_KIND_THEN_NAME = re.compile(r"^(?P<kind>an?\s[a-z][^,()]*),\s(?P<name>[A-Z][^,=<>≈±]*)$")  # not "..., H0 = 73.3 km/s"
# "(ii) an advanced encoder": a list marker inside a clause, left over once the clause is cut or quoted alone.
_INNER_ENUMERATOR = re.compile(r"(?<=\s)\((?:\d|[ivx]{1,4})\)\s+", re.IGNORECASE)
_ROMAN_ITEM = re.compile(r"(?<=\s)(?:i|ii|iii|iv|v|vi)\)\s+")  # "were to i) collect X; ii) quantify Y", once "ii)" follows
_COMMA_IN_QUOTES = re.compile(r",([\"”])")  # '"list items one by one," which' -> '"list items one by one", which'
_PASSIVE_END = re.compile(r"[;:]\s|,?\s(?=(?:where|whereby|in which)\s)|,\s(?=(?:which|where|while|whereas|without|with|by|using|allowing|enabling|making|leading|"
                          r"resulting|achieving|yielding|providing|giving|dispensing|relating|that|thereby|thus|and|"
                          r"but|based|i\.e\.|e\.g\.|namely|called|named|dubbed)\b)|"
                          rf"\sand\s(?=(?:\w+ly\s)?{SECOND_VERB_SAID}\b)")
_ENUMERATOR = re.compile(r"^(?:\(?(?:\d{1,2}|[ivx]{1,4}|[a-e])\)|\d{1,2}\.)\s+", re.IGNORECASE)  # "(2) ", "ii) ", "3. "
# A web address in brackets: "updated previous estimates (wwwnc.cdc.gov/eid/article/26/8/20-0679_article) of adults".
_WEB_ASIDE = re.compile(r"\s*\((?:https?://)?(?:[\w-]+\.)+[a-z]{2,}/[^\s()]*\)")
# A lead that says how the authors did what follows ("Using N-body simulations, we show that X"): it needs its subject.
_DOING_LEAD = re.compile(r"(?:[A-Z][a-z]+ing|By|Based on|Through|Via|With the help of)\b[^,;]*,\s(?:we|they)\b")
_FIRST_PERSON = re.compile(rf"\b(?:we|our|us|ours|ourselves|my|myself)\b|{SINGULAR_SUBJECT}|\b(?-i:me)\b",  # not "ME/CFS"
                           re.IGNORECASE)
_EMPHASIS = re.compile(r"(\*\*|__)(?P<said>\S(?:.*?\S)?)\1")  # Markdown an abstract kept: "we propose **GRAPE**"
# A sentence opening on a pronoun, "this/these ...", "the proposed ..." or "the authors" needs its paper named first.
_DANGLING = re.compile(rf"^(?:it|its|this|these|they|their|he|she|his|her|such|both|the former|the latter|here|the proposed|{AUTHORS}|"
                       rf"{ITSELF})\b",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Clause:
    """What a paper does, as the paper says it: `verb` + `object` ("propose", "a model for ..."), or only
    `statement` (a sentence of the paper without a proposing verb)."""

    verb: str | None
    object: str
    statement: str
    stands_alone: bool = False  # the sentence has no first person and opens with no pronoun

    @property
    def passive_ready(self) -> bool:
        """Whether "{Object} is {participle}" reads right: a made/studied thing that opens with a noun phrase
        and says what it is ("An approach is proposed" does not)."""
        if self.verb == "propose" and _INFINITIVE.match(self.object):  # "to leverage X" -> "Leveraging X is proposed"
            # not "to combine "the best of both worlds": a new approach ...": what the colon names would open the passive
            return len(self.object.split()) <= MAX_PASSIVE_WORDS and ": " not in self.object
        if self.verb not in PARTICIPLES or not _NOUN_PHRASE_START.match(self.object) or _GERUND_START.match(self.object):
            return False  # "proposes using X": "Using X is proposed" hides who does the using
        if _namely(self.object) or _NAMED_APPOSITIVE.match(self.object):
            return True
        head = _head(self.object)
        # A comma left in the thing made is a list or an aside cut in the middle ("this question, existing
        # approaches, and compare ...", "a model, trained on news"): say it whole, in the active. A name may follow.
        if re.search(r",\s(?![A-Z])", re.sub(r"\([^()]*\)", "", head)) or "=" in head:  # "X, H0 = 73.3": no name
            return False
        said = HYPE.sub(r"\g<article> ", head).split()
        return MIN_PASSIVE_WORDS <= len(said) and len(self.passive_object.split()) <= MAX_PASSIVE_WORDS

    @property
    def passive_object(self) -> str:
        """The object up to its first clause boundary (a second verb, a comma clause), so that "is proposed"
        follows the thing proposed."""
        head = _head(self.object)
        return DANGLING_END.sub("", cut(head if len(head.split()) >= 3 else self.object, MAX_PASSIVE_WORDS))


def approach_clause(sentence: str, limit: int = MAX_CLAUSE_WORDS) -> Clause:
    """The clause of a paper's approach sentence (cut near `limit` words): its proposing verb and object when it has one."""
    sentence = with_its_comma(sentence)  # "To project X we used Y": what they used is the clause, not what they project
    sentence = unfocused(done_instead(sentence))  # "we tackle this by making X", "... by mapping X"
    match = _PROPOSES.search(sentence) or _STATED_AIM.match(_from_stated_aim(sentence))
    statement = clean_clause(sentence, limit)
    if match and match.group("verb").lower() in ("show", "shows") and match.group("object").lower().startswith("that ") \
            and not _DOING_LEAD.match(sentence):  # "Using simulations, we show that X": the authors show it
        reported = _condition(sentence[:match.start()]) + _SECOND_THAT.sub(r"\1 ", match.group("object")[5:], count=1)
        return Clause(None, clean_clause(reported, limit), clean_clause(reported, limit), standalone(reported))
    if match and match.re is _STATED_AIM and (_VERB_LIST.match(match["object"]) or match["verb"] in _UNDERSTOOD
                                              or _KNOWLEDGE_SOUGHT.match(f"{match['verb']} {match['object']}")):
        # the aim as the paper states it: "To identify, appraise, and synthesise X" with all its verbs, "to understand X"
        aim = clean_clause(match.group("object"), limit)  # (which "Nunes and Lourenco understand X" would claim done)
        return Clause("aim", f"to {match.group('verb')}{'' if aim.startswith(',') else ' '}{aim}", statement)
    if match and not match.group("object").startswith((",", ";", ".")):  # not "a score that we propose, which ..."
        verb, obj = match.group("verb").lower(), match.group("object")
        if match.re is _PROPOSES and (verb == "studies" or re.match(r"e?s\b", sentence[match.end("verb"):])):
            obj = second_verbs_in_base_form(obj)  # "This paper introduces X and shows Y": "introduce X and show Y"
        if match.re is _STATED_AIM:  # "to investigate X and to evaluate Y": the study investigates X and evaluates Y
            obj = _AND_TO.sub(_joined_aim, obj)
            if _AND_TO.search(obj):  # "and to aid in X", no verb to agree: the aim as stated (not "determines X, and to aid")
                return Clause("aim", f"to {match.group('verb')} {clean_clause(obj, limit)}", statement)
        made = _THEN_MADE.search(obj) if verb not in _MAKING else None
        if made:  # "we analyze the limitations of X and introduce Y": Y is what the paper proposes
            verb, obj = made.group("verb").lower(), made.group("object")
        said = clean_clause(obj, limit)
        named = _namely(said) if limit < MAX_CLAUSE_WORDS else None
        # "FiGRet is a framework.", "PLT-MLC is a task.": the cut left a name with only its kind
        if named and not named.group("rest") or limit < MAX_CLAUSE_WORDS and _KIND_THEN_NAME.match(said):
            said = clean_clause(obj, MAX_CLAUSE_WORDS)
        return Clause("study" if verb == "studies" else verb, said, statement)
    found = _RESULTS_SHOW.match(sentence) if not match else None
    said = clean_clause(found["clause"], limit) if found else ""
    if found and standalone(found["clause"]):  # "Our data indicate that X" said all the paper does: X, its finding
        return Clause(None, said, said, True)
    made = _THEN_MADE.search(statement) if refers_back(statement) else None
    # "we relax this assumption and present X": X stands alone; "aim to provide X and present Y": Y is aimed at too
    if made and not refers_back(made.group("object")) and not AIMING.search(statement, 0, made.start()):
        return Clause(made.group("verb").lower(), clean_clause(made.group("object"), limit), statement)
    return Clause(None, statement, statement, not _FIRST_PERSON.search(sentence) and standalone(statement))


def active_sentence(subject: str, clause: Clause, *, plural: bool = False, names: frozenset[str] = frozenset()) -> str:
    """`{Subject} proposes {object}.`, or without a proposing verb `{Subject} designed {thing}` where the statement
    says so in the passive ("Janus colloids were designed"), else `{Subject} notes that {statement}.` (its first word
    in lower case unless one of the paper's `names`)."""
    if clause.verb:
        verb = clause.verb if plural else third_person(clause.verb)
        obj = its_next_verb(without_hype(clause.object), plural=plural, subject=subject)  # "X, it explains Y": "explain Y"
        return f"{subject} {verb} {obj if plural else agreeing(obj)}."
    return said_by(subject, clause.statement, plural=plural, first=True) or \
        done_by(subject, clause.statement, plural=plural, names=names) or \
        described_by(subject, clause.statement, plural=plural) or \
        f"{subject} {'note' if plural else 'notes'} that {lower_first(reported(clause.statement), names)}."


def passive_sentence(clause: Clause) -> str:
    """`{Object} is proposed.` for a passive-ready clause; else the paper's statement itself, standing alone."""
    infinitive = _INFINITIVE.match(clause.object) if clause.verb == "propose" and clause.passive_ready else None
    if infinitive:
        return f"{upper_first(gerund(infinitive.group('verb')))}{infinitive.group('rest')} is proposed."
    if clause.verb and clause.passive_ready and (named := _namely(clause.object)):
        # "an approach, namely BayesPrompt, to learn ..." -> "BayesPrompt is an approach to learn ..."
        kind = without_hype(named.group("kind"))
        rest = f" {named.group('rest')}" if named.group("rest") else ""
        does = _WHICH_DOES.match(named.group("rest")) if named.group("comma") else None
        if does and not _NOT_WHAT_IT_DOES.match(does.group("what")):
            rest = f" that {does.group('what')}"  # "namely FSAM, which introduces a Fisher mask ..."
        elif named.group("comma") and re.match(r"(?:which|who|whose|where)\b", named.group("rest")):
            rest = ""  # ", which stands for ..." is said of the name, not of the kind of thing
        name = ("The " if named.group("the") else "") + named.group("name")
        name = name[:1] + upper_first(name[1:]) if name[:1] in "\"“" else name  # a quoted name opens the sentence
        return f"{name} is {lower_first(kind)}{rest}."
    if clause.verb and clause.passive_ready:
        relative = _RELATIVE.match(without_hype(clause.object))
        if relative and len(clause.passive_object.split()) <= MAX_NAME_WORDS and not _NOT_WHAT_IT_DOES.match(relative["rest"]):
            return _with_relative(_unhyped(relative["head"]), bool(relative["copula"]), relative["rest"], PARTICIPLES[clause.verb])
        obj = without_hype(clause.passive_object)
        named = _NAMED_APPOSITIVE.match(obj)
        if named:  # "XLNet, a pretraining method that ..." -> "XLNet is a pretraining method that ..."
            return f"{upper_first(named.group('name'))} is {obj[named.end():]}."
        kind_then_name = _KIND_THEN_NAME.match(obj)
        if kind_then_name:  # "a task, Partial Labeling and Long-Tailed MLC (PLT-MLC)" -> "... (PLT-MLC) is a task"
            return f"{kind_then_name.group('name')} is {kind_then_name.group('kind')}."
        obj = _unhyped(obj)
        return f"{upper_first(obj)} {'are' if plural_head(obj) else 'is'} {PARTICIPLES[clause.verb]}."
    return f"{sentence_start(clause.statement)}."


def _head(thing: str) -> str:
    """`thing` up to its first `_PASSIVE_END` boundary or second verb: the thing made, without what follows it."""
    end = next((boundary.start() for boundary in _PASSIVE_END.finditer(thing)
                if not SHARED_OBJECT.search(thing, 0, boundary.start()) and not inside_brackets(thing, boundary.start())),
               len(thing))
    return thing[:min(end, joined_verb_at(thing))]  # "The role of X and characterize Y is described" ends at X


def _namely(thing: str) -> re.Match[str] | None:
    """`_NAMELY`'s match, unless the kind ends on a name before a colon ("the systems for SemEval 2023 Task 2:
    MultiCoNER II" is a task's title, not a system's name)."""
    named = _NAMELY.match(thing)
    if named and thing[named.end("kind"):].startswith(":") and re.search(r"(?:^|\s)[A-Z0-9][\w-]*$", named["kind"]):
        return None
    return named


def _unhyped(thing: str) -> str:
    """A thing proposed, ready to open a sentence: no "Their X" (nobody for "their" to refer to), no "novel"."""
    thing = re.sub(r"^their\b", "the authors'", thing, flags=re.IGNORECASE)
    return re.sub(r"^((?:two|three|four|several|multiple|\d+|the authors')\s+)?(?:novel|new)\s+(?=\w)", r"\1", thing,
                  flags=re.IGNORECASE)


def _with_relative(thing: str, copula: bool, rest: str, participle: str) -> str:
    """A short thing proposed and the relative clause that says what it is or does: "MPT is a
    semi-supervised method ...", "A method is proposed that equips ...", and for a name "PCP combines ..."."""
    be = "are" if plural_head(thing) else "is"
    if copula:
        return f"{upper_first(thing)} {be} {rest}."
    if re.match(r"(?:an?|two|three|four|several|multiple)\s", thing, re.IGNORECASE):
        return f"{upper_first(thing)} {be} {participle} that {rest}."
    return f"{upper_first(thing)} {rest}."


def standalone(sentence: str) -> bool:
    """Whether a sentence of a paper can be quoted alone: no first person, no opening pronoun and no "this study" as a
    subject ("Thus, this study aimed to X" needs the subject the paragraph gives it; "In this study, X" drops it)."""
    return not _FIRST_PERSON.search(sentence) and not _DANGLING.match(sentence) and \
        not itself_doing(without_self_reference(sentence))


def finding_clause(finding: str) -> str:
    """What a result sentence reports ("results show that X" -> "X"), cleaned; "Using X, we show that Y" stays whole
    (the authors used X: said without them, "Using X, Y" would have Y use it), as does "..., there is evidence that it is Y"."""
    match = _REPORTS.search(finding) if not _DOING_LEAD.match(finding) else None
    match = None if match and _DANGLING.match(match["clause"]) else match  # what "it" is goes with the words before
    return clean_clause(_condition(finding[:match.start()]) + _SECOND_THAT.sub(r"\1 ", match["clause"], count=1) if match else finding)


def _condition(before: str) -> str:
    """What holds a reported clause when the sentence puts it first ("When provided a teaching sequence, we show that
    X" -> "When provided a teaching sequence, "), so that X is not said more widely than the paper says it; else ""."""
    lead = re.sub(r"\b(?:we\s+(?:also\s+)?|it\s+)$", "", before, flags=re.IGNORECASE).strip()
    if not lead.endswith(",") or len(lead.split()) > MAX_CONDITION_WORDS or only_a_lead(lead) \
            or re.search(r"\band(?:,\s*\w+ly)?,$", lead):  # "we study X and, interestingly, find that Y": no condition
        return ""  # no lead, a long one, or only a connective ("Further, we show that ...")
    first_word = re.match(r"[A-Z][a-z]+\b", lead)  # no longer first in its sentence: "utilizing X, ..."
    return f"{lead[:1].lower() + lead[1:] if first_word else lead} "


@functools.lru_cache(maxsize=16384)  # a paper's sentences are cleaned for its approach, its finding and the extras
def clean_clause(text: str, limit: int = MAX_CLAUSE_WORDS) -> str:
    """`text` without a leading connective, cited asides, markers or "in this paper"; cut when long; third person."""
    text = _EMPHASIS.sub(r"\g<said>", CITATION_MARKERS.sub("", NUMBERED_REFERENCE.sub("", without_cited_brackets(text))))
    text = _TEX_DASH.sub(lambda dash: "—" if len(dash[0]) == 3 else "–", _WEB_ASIDE.sub("", text))
    text = _DID_THIS_WORK.sub(lambda did: f"{did['verb']} {article('a', did['kind'])}{did['kind']}", text)
    text = without_self_reference(text)
    text = _COMMA_IN_QUOTES.sub(r"\1,", _ENUMERATOR.sub("", text.strip()))
    text = without_leads(text)
    text = _ROMAN_ITEM.sub("", text) if " i) " in text and " ii) " in text else text
    text = _INNER_ENUMERATOR.sub("", cut(without_back_references(" ".join(text.split())), limit))
    text = DANGLING_END.sub("", text.rstrip(" .,;:!?"))
    return reported(in_third_person(text), subjects=False).rstrip(" .,;:!?")  # "the editor of the volume"


def _joined_aim(and_to: re.Match[str]) -> str:
    """ "and to evaluate X" in an aim, said "and evaluate X" where that verb will agree with the study ("and
    evaluates X"); else as it was ("and to aid in X": no verb the paragraph knows to make agree)."""
    said = f"x{and_to['lead']}{' '.join(and_to.string[and_to.end():].split()[:3])}"
    return and_to["lead"] if agreeing(said) != said else and_to.group(0)


def _from_stated_aim(sentence: str) -> str:
    """`sentence` from its stated aim on ("There is no vaccine; thus, the objective of this study is to design X")."""
    return sentence[aim:] if (aim := stated_aim_at(sentence)) is not None else sentence


def template_words() -> frozenset[str]:
    """Every word the clause templates add: verbs (all persons), participles, "is", "note(s) that", pronouns."""
    verbs = [third_person(verb) for verb in _VERBS] + ["studies"] + _VERBS + list(PARTICIPLES.values())
    fixed = " ".join(["is are as notes note that an a aims", *PRONOUNS.values()])
    return frozenset(re.findall(r"[a-z]+", fixed) + verbs)
