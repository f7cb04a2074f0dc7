"""Which sentence of an abstract says what the paper does (its approach): the strongest of a ladder of cues, from
"we propose X" down to medicine's past passive ("Sera were collected") and engineering's present one ("A method for X
is proposed"); what everyone does ("we still lack studies") and what others did ("is proposed by Smith") are no cue.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from litreview.summarize.structured import Role
from litreview.text import (
    ADVERB,
    AIM_VERB,
    AUXILIARY,
    NO_RELATIVE,
    PAPER_SUBJECT,
    STANCE_ADVERB,
    THE_WORK,
    THIS_WORK,
    TROUBLE,
    WHAT_IT_STUDIED,
    stated_aim_at,
)

# The paper as a subject: "we", "the authors", "this study", a single author's "I"; then an adverb or two and a modal.
_SUBJECT = rf"{PAPER_SUBJECT}\s+(?:{ADVERB}\s+){{0,2}}{AUXILIARY}?"
_ADVERBS = rf"{STANCE_ADVERB}|here"  # "we instead model X": the verb comes after
# The paper's own, passive, with the studying verbs: "Here, X is briefly reviewed", "In this review, X are
# discussed", "X are outlined in this chapter".
_DONE_HERE = (r"(?:proposed|presented|introduced|described|discussed|reviewed|outlined|summari[sz]ed|examined|analy[sz]ed|"
              r"evaluated|investigated|explored|assessed|highlighted|raised|calculated|used|performed|conducted|"
              r"applied|developed|compared|estimated|collected|measured)")
_OWN_PASSIVE = re.compile(rf"(?:^Here,?\s|\b[Ii]n {THIS_WORK},?\s)[^.;]*?\b(?:is|are|was|were)\s(?:\w+ly\s)?{_DONE_HERE}\b"
                          rf"|\b(?:is|are|has been|have been)\s(?:\w+ly\s)?{_DONE_HERE}\s(?:here|in {THIS_WORK})\b",
                          re.IGNORECASE)
# Any verb after the paper's subject but what it finds, sees, concludes or is ("we define", "we investigated"; not "we
# conclude that X", "we conclude this post with ..."), its modals, or what everyone does ("we still lack studies", "as
# we face a pandemic", "we urgently need"); an adverb is no verb.
_DOING_ANYTHING = (rf"(?:\(\w+\)\s+|(?:{_ADVERBS})\s+)?(?!(?:find|found|observe|see|know|believe|note|hope|want|conclude|"
                   r"wish|achieve|obtain|attain|reach|outperform|surpass|can|could|will|would|may|might|must|need|needed|"
                   rf"have|has|had|is|are|was|were|lack|lacked|face|faced|{_ADVERBS}|{ADVERB})\b)[a-z]{{3,}}\b{NO_RELATIVE}")
# "In this review, we summarize X", "Here we report X": the paper's own doing, whatever the verb.
_DONE_IN_IT = re.compile(rf"(?:^Here(?:in)?,?\s|\b[Ii]n {THIS_WORK},?\s)" + _SUBJECT + _DOING_ANYTHING, re.IGNORECASE)
# The paper's own passive in the present tense, as engineering and chemistry abstracts say what they do ("A novel
# approach for X is proposed", "In this paper, a life cycle assessment of X is carried out", "The synthesis of X is
# reported"); not what everyone does ("X is widely studied"), nor another's ("is proposed by Smith", "in [12]").
_PRESENT_PASSIVE = (r"\b(?:is|are)\s(?!(?:widely|commonly|extensively|often|increasingly|frequently|usually|generally|"
                    r"traditionally|typically|well|intensively|actively|rarely|seldom|still|also|currently)\b)(?:\w+ly\s)?")
_NOT_ANOTHERS = r"(?!\s+by\s+[A-Z]|\s+in\s+[\[(])"
_PROPOSED_NOW = re.compile(_PRESENT_PASSIVE + r"(?:proposed|presented|introduced|developed|designed|constructed|"
                           r"formulated|devised|synthesi[sz]ed|fabricated)\b" + _NOT_ANOTHERS)
_STUDIED_NOW = re.compile(_PRESENT_PASSIVE + r"(?:investigated|studied|analy[sz]ed|evaluated|examined|assessed|explored|"
                          r"discussed|carried out|conducted|performed|compared|derived|measured|simulated|tested|"
                          r"validated|reviewed)\b" + _NOT_ANOTHERS)
# Before a passive, what makes it no statement of the paper's: a condition ("until a vaccine is developed"), a question
# ("how durable this status is constructed", "the way cases are analyzed"), or a relative ("CRP, which is synthesized").
_CONDITION = re.compile(r"\b(?:if|until|unless|once|when|whenever|before|after|how|whether|why|the way)\b|"
                        r"\b(?:which|that|who)\s+(?:\w+\s+)?$|"
                        r"\b(?:results|findings|data|evidence|details)\s+$",  # "Results are presented": no proposal
                        re.IGNORECASE)
# The paper with what it studied, then its verb: "This cross-sectional survey of 2,000 students examined X".
_WORK_OF_DOES = re.compile(rf"\b{THIS_WORK}\s{WHAT_IT_STUDIED}\s(?:examin|investigat|assess|explor|"
                           r"evaluat|analy[sz]|compar|describ|estimat|measur)(?:ed|es)\b", re.IGNORECASE)
# Proposing verbs from strongest to weakest: the first sentence matching the strongest tier is the approach.
_APPROACH_TIERS = [
    # "we relax X and present Y"; not "the article presents experimental results", which is no proposal
    re.compile(_SUBJECT + r"(?:(?:[\w-]+\s+){1,8}?and\s+)?(?:propose|present|introduce)s?\b" + NO_RELATIVE +
               r"(?!\s+(?:\w+\s+)?(?:results|findings|evidence)\b)", re.IGNORECASE),
    re.compile(_SUBJECT + r"(?:develop|design|describe|build|construct|create|release|formulate|devise|offer|contribute)s?\b"
               r"(?!\s+(?:on|upon)\b)"  # "This paper builds on the indigenous": what it draws on, not what it makes
               + NO_RELATIVE +
               # the paper's own, passive
               rf"|\bin {THIS_WORK},?\s+[^.;]*?\b(?:is|are)\s+(?:proposed|presented|introduced)\b"
               r"|\b(?:studied|presented|described|proposed|introduced|developed)\s+here\b", re.IGNORECASE),
    re.compile(_SUBJECT + r"(?:study|studies|investigate|explore|analy[sz]e|examine|evaluate|perform|conduct|show|focus|"
               r"address|use|train)(?:e?s)?\b" + NO_RELATIVE, re.IGNORECASE),  # "focuses", "addresses"
    # Last, the paper doing anything else ("we define ...", "we investigated ...", "this survey provides ..."), not
    # what it finds or sees: the abstract's first sentence (mostly background) would say less of what it does.
    re.compile(_SUBJECT + _DOING_ANYTHING, re.IGNORECASE),
]
# A structured abstract's aim that says what the study does ("To compare X", "This study aims to X"), not background
# filed under OBJECTIVE ("The coronavirus disease 2019 has spread worldwide").
_AIM = re.compile(rf"^To\s[a-z]+\b|\b(?:aim|aimed|aims|objective|purpose|goal|sought|we)\b|\b{THE_WORK}\b", re.IGNORECASE)
# The paper's aim said with its subject, in any abstract: "We aim to X", "This study sought to X" (unlabelled).
_AIMS_TO = re.compile(rf"\b(?:we|{THE_WORK})\s+(?:{ADVERB}\s+)?(?:aim|aimed|aims|sought|seek|seeks)\s+to\b",
                      re.IGNORECASE)
# Last, what was done, said in the passive as medicine writes it ("Sera were obtained near the onset of RI"); not a
# result ("was associated with", "were found"), nor what others had to do ("the Society was forced to publish X").
_DONE_PASSIVE = re.compile(r"\b(?:was|were)\s(?:\w+ly\s)?(?!(?:associated|found|observed|seen|noted|detected|identified|"
                           r"reported|shown|considered|estimated|expected|required|needed|known|thought|believed|"
                           r"linked|related|correlated|forced|obliged|compelled)\b)[a-z]{3,}ed\b")
# "We use this to show X": what it does with something a sentence before said, which alone says nothing.
_ON_WHAT_WAS_SAID = re.compile(rf"{_SUBJECT}(?:{_ADVERBS}\s+)?[a-z]{{3,}}\s(?:this|these|those|it|them)"
                               r"(?=\s(?:to|in|for|as|on|with)\b|[,.;])", re.IGNORECASE)
# "This scoping review sought to address this gap.": an aim that is only to meet what the sentence before said.
_ONLY_MEETS_WHAT_WAS_SAID = re.compile(rf"\b{AIM_VERB}\sto\s(?:\w+\s){{1,2}}?(?:this|these|such|those|the above)\s"
                                       rf"(?:[\w-]+\s)?(?:{TROUBLE}|needs?\b)\.?$", re.IGNORECASE)
# "Although we focus on one taxon, the techniques apply to others": a concession, the sentence's point is elsewhere.
# Not "Although there are no reports on X, we focus on Y": the paper's doing is the main clause there.
_CONCEDING = re.compile(rf"^(?:Although|Though|Even though|While|Whilst)\s[^,;]*?{PAPER_SUBJECT}\s", re.IGNORECASE)
# "we describe our participation in the subtask 1 of CASE-2022": where the work was entered, not what it does.
_PARTICIPATION = re.compile(r"\bour\s(?:\w+\s)?(?:participation|submissions?|entry|entries|participating system)\b",
                            re.IGNORECASE)


def proposes(sentence: str) -> bool:
    """Whether the paper proposes something in `sentence` ("we propose X", "we introduce X")."""
    return bool(_APPROACH_TIERS[0].search(sentence))


def makes_something(sentence: str) -> bool:
    """Whether the paper proposes or makes something in `sentence` ("we propose X", "we develop X")."""
    return any(tier.search(sentence) for tier in _APPROACH_TIERS[:2])


def approach_index(parts: Sequence[str], roles: Mapping[str, Role]) -> int | None:
    """The first sentence of the strongest tier that has one: one that proposes ("we propose", "we develop"), a
    structured abstract's stated aim ("OBJECTIVE To compare X"), one that studies ("we examine whether"), the
    abstract's first method ("METHODS The routine tests were compared"), one where the paper does anything else
    ("we define"); else None. A sentence about a shared-task entry ("we describe our participation in ..."), one
    announcing a list ("we take a step ... by demonstrating the following:"), one doing something with what the
    sentence before said ("We use this to show X", "This review sought to address this gap") or a concession
    ("Although we focus on X, ...") only when no other does."""
    def aim(part: str) -> bool:  # the aim, or what the authors did said as background ("BACKGROUND We examined X",
        # not "we are facing a pandemic"); also an aim stated in any abstract: "The objective of this study is to X"
        return roles.get(part) == "aim" and bool(_AIM.search(part)) or stated_aim_at(part) is not None or \
            roles.get(part) == "problem" and bool(_APPROACH_TIERS[-1].search(part))

    def method(part: str) -> bool:
        return roles.get(part) == "method"

    def studies(part: str) -> bool:  # "we examine X", the paper's own passive or "In this review, we X" (cheaply first)
        low = part.lower()
        return bool(_APPROACH_TIERS[2].search(part)) or ("here" in low or "this " in low) and \
            bool(_OWN_PASSIVE.search(part) or _DONE_IN_IT.search(part) or _WORK_OF_DOES.search(part))

    searches = [tier.search for tier in _APPROACH_TIERS]
    # an aim said with its subject ("We aim to X") before anything else the authors did ("we have formed a panel")
    # last, the present passive of an abstract without "we" ("A novel approach for X is proposed"): medicine's says
    # what it reports there as often ("ORs are reported for ...", "Data are compared between sexes")
    tiers = [*searches[:2], aim, studies, method, _AIMS_TO.search, *searches[3:], _DONE_PASSIVE.search,
             lambda part: _said_now(part, _PROPOSED_NOW), lambda part: _said_now(part, _STUDIED_NOW)]
    def second_choice(part: str) -> bool:  # a shared-task entry, a sentence announcing a list ("... the following:"),
        return part.endswith(":") or bool(_PARTICIPATION.search(part) or _ON_WHAT_WAS_SAID.search(part)  # "use this"
                                               or _CONCEDING.match(part)  # "Although we focus on X, ..."
                                               or _ONLY_MEETS_WHAT_WAS_SAID.search(part))  # "sought to address this gap"

    for last in (False, True):
        for tier in tiers:
            found = next((i for i, part in enumerate(parts) if tier(part) and second_choice(part) == last), None)
            if found is not None:
                return found
    return None


def _said_now(part: str, passive: re.Pattern[str]) -> bool:
    """Whether `part` says in the present passive what the paper does ("A method for X is proposed"); not "It is
    demonstrated that X" (a finding) nor after a condition, a question or a relative (`_CONDITION`); cheaply first."""
    if not (" is " in part or " are " in part) or part.startswith("It "):
        return False
    return any(not _CONDITION.search(part, 0, said.start()) for said in passive.finditer(part))
