"""What opens a paper's sentence and is no part of what the paper says: connectives ("However,", "Thus we"), the paper
placing itself ("In this study,"), and what points back to a sentence the paragraph does not say ("To this end,", "To
address this issue,", "Motivated by these observations,")."""

from __future__ import annotations

import re

from litreview.text import AIM_VERB, THIS_WORK, TROUBLE, WORK_NOUNS
from litreview.write.english import upper_first

# Verbs that meet a need the sentence before stated ("address this question", "we satisfied this need", "to close it").
MEETS = (r"(?:address|satisf[iy]|meet|met\b|fill|tackl|solv|overc[ao]me|bridg|clos|answer|deal(?:t)? with|cope with|handl|"
         r"mitigat|alleviat|remed)[a-z]*")
_LEADS = re.compile(
    r"^(?:(?:however|moreover|further|furthermore|additionally|in addition|finally|also|(?:more\s)?specifically|concretely|"
    rf"in particular|in {THIS_WORK}|in this research|to this (?:end|aim)|in light of this|first(?:ly)?|herein|below|above all|"
    r"in the (?:paper|work|study|article)|then|next|afterwards|"  # "In the work, X was investigated", "Then, X are made"
    # "To achieve this goal,": "to this end" in other words ("for this purpose" too), whatever follows
    r"(?:in order )?to (?:achieve|accomplish|reach|attain|fulfil|fulfill|realize|realise|meet) (?:this|these|that|such|"
    r"the above|our|their) (?:goal|aim|objective|purpose|end|target)s?(?=\s*,)|for (?:this|that|such a) purpose(?=\s*,)|"
    r"for (?:this|that)(?=\s*,)|"  # "For this, a generic technique based on AI is proposed"
    r"for (?:this|the|the present|the current) (?:study|analysis|research|work|paper)(?=\s*,)|"  # "For this study, X were gathered"
    r"(?:given|against) this background|in this (?:context|regard|respect|light)|with this in mind|"
    r"second(?:ly)?|third(?:ly)?|lastly|plus|here|thus|therefore|overall|in general|\w+ly|yet|indeed|in fact|"
    r"on the other hand|in contrast|by contrast|meanwhile|at the same time|besides|hence|as a result|in summary|in short|"
    r"in consequence|as a consequence|accordingly|in turn|"
    r"to sum up|in conclusion|nevertheless|nonetheless|instead|more importantly|most importantly|last but not least|"
    r"as (?:is )?(?:well[- ])?known|as (?:we|they) (?:all )?know(?:n)?|"  # "As we know, X" (and "As we known,")
    rf"(?:in order |so as )?to {MEETS} (?:this|these|the|such) \w+(?: \w+)?|"
    # "To decipher this,", "To trigger research on these points,": a purpose that points back to a sentence not said
    r"(?:in order )?to (?:\w+ly |better |further )?\w+ (?:(?:this|these|that|those|such|it|its|them|their)\b|"
    r"(?:[\w-]+ ){1,4}?(?:this|these|those|such) )[^,;]{0,40}(?=,\s*(?:we|they)\b)|"
    # "Motivated by these observations,", "Considering the above issue,": why the authors did it, said before it
    r"(?:(?:motivated|inspired|prompted|encouraged|driven) by|considering|given|in view of|following|building (?:up)?on|"
    r"based on) (?:this|these|those|such|the above|the (?:above-mentioned|aforementioned))\b[^,;]{0,40}?(?=,|\s(?:we|they)\s))"
    rf"(?:\s*,\s*|\s+(?=(?:we|they|(?-i:I)|{THIS_WORK})\s))"  # "Thus we examined", "Here I show": no comma
    r"|(?-i:(?:But|And|Yet)\s+(?=[a-z]))"  # "But increasingly, X": a sentence leaning on the one before
    # "Finally an implementation is", "Thus a more general model ... needs to be developed"
    r"|(?:finally|additionally|moreover|furthermore|lastly|thus|hence|therefore|consequently)\s+(?=(?:an?|the)\s))",
    re.IGNORECASE,
)
_HERE = re.compile(r"^(?i:here(?:in)?)\s+(?=[a-z])")  # "we present | here X", "Here using X, we ...": where, not who
# A purpose before "we" without its comma: "To project the final numbers in Bangladesh we used the SIR model".
_PURPOSE_BEFORE_WE = re.compile(r"^(?:In order to|To)\s[a-z]{3,}\s[^,;:()]*?(?=\swe\s[a-z])")


def without_leads(text: str) -> str:
    """`text` without the leads it opens with ("However, to this end, we ..." -> "we ..."), and a placing "Here"
    ("Here using X, we ..." -> "Using X, we ...")."""
    while _LEADS.match(text):
        text = _LEADS.sub("", text, count=1)
    here = _HERE.match(text)
    return (upper_first if here[0][0].isupper() else str)(text[here.end():]) if here else text


def only_a_lead(text: str) -> bool:
    """Whether `text` ("Further,") is a lead and nothing more."""
    return not _LEADS.sub("", f"{text} ", count=1)


def with_its_comma(sentence: str) -> str:
    """`sentence` with the comma after its leading purpose where the abstract left it out ("To project X we used Y"
    -> "To project X, we used Y"): what the authors did is its main clause, not the purpose's object. Not where a
    second "we" may be the main clause's ("To test the model we built, we ...")."""
    purpose = _PURPOSE_BEFORE_WE.match(sentence)
    if not purpose or len(re.findall(r"\bwe\b", sentence, re.IGNORECASE)) > 1:
        return sentence
    return f"{purpose[0]},{sentence[purpose.end():]}"


# "to bypass this limitation", "for this problem": the problem the abstract stated before, which a clause on its own no
# longer has (the purpose up to its comma; kept with what the paper does in it, "to address this issue by examining X").
_BACK_REFERENCE = re.compile(rf"(?:\s(?:designed|intended|developed|proposed|built|aimed|as\san?\s(?:way|means|tool)))?"
                             rf"\s(?:(?:in order|so as)\s)?to\s(?:\w+\s){{1,2}}?(?:this|these|such|those|the above)\s"
                             rf"(?:\w+\s)?{TROUBLE}(?:(?!\sby\s\w+ing\b)[^,;])*(?=[,;]|$)"
                             rf"|\sfor\s(?:this|these|such|the above)\s{TROUBLE}", re.IGNORECASE)
# An aim's verb, or "be" before a participle: "sought | to address this gap", "was | designed to address these issues".
_AIMED = re.compile(rf"\b(?:(?:{AIM_VERB}|(?:strove|want|hope|set)(?:s|e|ed|es)?)(?: out)?|is|are|was|were|be|been)$",
                    re.IGNORECASE)


# A relative clause whose aim is all that points back: "a reporting system for the maritime industry | that aims | to
# address this issue" goes whole.
_RELATIVE_AIM = re.compile(rf",?\s(?:that|which)\s(?:\w+ly\s)?{AIM_VERB}$", re.IGNORECASE)


def without_back_references(text: str) -> str:
    """`text` without the purposes that point back to a problem stated before ("X is proposed to address this gap",
    "X that aims to address this issue"), but for what an aim is to do ("This review sought to address this gap":
    "sought" would be left alone)."""
    for to in reversed(list(_BACK_REFERENCE.finditer(text))):
        relative = _RELATIVE_AIM.search(text, 0, to.start())
        if relative:
            text = text[:relative.start()] + text[to.end():]
        elif not _AIMED.search(text, 0, to.start()):
            text = text[:to.start()] + text[to.end():]
    return text


# The paper placing itself: "In our work, we compare X" (who "we" are, the subject says), "In this contribution, X is
# presented"; after a participle the phrase has its place ("the methods described in this paper, A, B and C, assign").
_SELF_REFERENCE = re.compile(rf",?\s*\b(?:in|within|throughout) (?:{THIS_WORK}|(?:the present|the current|our) "
                             rf"{WORK_NOUNS}|(?:this|the present) contribution)\b,?", re.IGNORECASE)
_PLACED_SELF_REFERENCE = re.compile(rf"\b(?<=ed |de |wn |en |lt )in (?:this|the present) (?P<kind>{WORK_NOUNS})\b",
                                    re.IGNORECASE)


# The paper as what its authors focus: "We focus this editorial specifically on X" is "We focus specifically on X".
_FOCUSED_ITSELF = re.compile(rf"\b(?P<verb>focus(?:es|ed)?|concentrat(?:e|es|ed))\s(?:{THIS_WORK}|"
                             rf"(?:the present|our) {WORK_NOUNS})\s(?=(?:\w+ly\s)?(?:on|to)\b)", re.IGNORECASE)


def without_self_reference(text: str) -> str:
    """`text` without the paper placing itself ("In this study, X"), "described in this paper" said "described in the
    paper", "focus this editorial on X" said "focus on X"."""
    return _SELF_REFERENCE.sub(_placing_gone, _PLACED_SELF_REFERENCE.sub(r"in the \g<kind>", unfocused(text)))


def unfocused(text: str) -> str:
    """`text` with the paper no object of its authors' focus: "We focus this editorial on X" -> "We focus on X"."""
    return _FOCUSED_ITSELF.sub(r"\g<verb> ", text)


def _placing_gone(placing: re.Match[str]) -> str:
    """Nothing for "in this study" (`placing`), but the comma that closed a connective before it: "Therefore, in this
    study, X were analyzed" is "Therefore, X were analyzed", whose "Therefore," then goes as a lead (was "Krata et al.
    analyzed therefore X")."""
    before = placing.string[:placing.start()]
    return ", " if placing[0].startswith(",") and placing[0].endswith(",") and re.fullmatch(r"[A-Z][a-z]+", before) else ""
