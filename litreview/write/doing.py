"""What a paper did to meet a need, said in its place: "we address this gap by categorizing X and providing Y" is "we
categorize X and provide Y" (which gap is the sentence before's, which a paragraph may not say)."""

from __future__ import annotations

import re

from litreview.write.english import verb_of_gerund
from litreview.write.leads import MEETS

# "we address this question by introducing X", "we satisfy this need by proposing X": the paper introduces X; "we build
# on this work by investigating X" leans on a sentence the paragraph may not say: the paper investigates X.
_MET_BY = re.compile(rf"\b(?:{MEETS}\s+(?:this|these|that|the|such)\s(?:[\w-]+\s){{0,3}}?(?:question|gap|problem|issue|"
                     r"challenge|limitation|need|shortcoming|difficult(?:y|ies)|debate|controvers(?:y|ies)|concern)s?"
                     r"|build(?:s|ing)?\s(?:up)?on\s(?:this|these|that|those|such|the|previous|prior|earlier)\s(?:[\w-]+\s){0,2}?"
                     r"(?:work|study|studies|finding|findings|results?|approach(?:es)?|idea|ideas|framework|efforts?)"
                     # "add to the body of literature by providing X": what every paper does, by what this one does
                     r"|(?:add|contribut)\w*\sto\s(?:the\s)?(?:(?:growing|existing|current|extant)\s)?(?:body\sof\s)?"
                     r"(?:literature|research|knowledge))\s+by\s+"
                     r"(?P<adverb>[a-z]+ly\s)?(?P<gerund>[a-z]+ing)\b")  # "by objectively mapping X": "objectively map X"


def done_instead(sentence: str) -> str:
    """What meeting a need was done by, in its place ("we address this gap by objectively mapping X and providing Y"
    -> "we objectively map X and provide Y"); the sentence as it is where the doing is no verb."""
    met = _MET_BY.search(sentence)
    verb = verb_of_gerund(met["gerund"]) if met else None
    if not met or not verb:
        return sentence
    rest = sentence[met.end():]
    clause_end = _CLAUSE_END.search(rest)
    within, after = (rest[:clause_end.start()], rest[clause_end.start():]) if clause_end else (rest, "")
    also = _AND_DOING.search(within)  # "... and providing Y": the second thing done, a verb as well
    also_verb = verb_of_gerund(also["gerund"]) if also else None
    if also and also_verb:
        within = within[:also.start("gerund")] + also_verb + within[also.end("gerund"):]
    return f"{sentence[:met.start()]}{met['adverb'] or ''}{verb}{within}{after}"


# Where the clause of what was done ends: ", thereby ...", "; ...", ", which ..." (not ", and").
_CLAUSE_END = re.compile(r",\s(?!and\b)|;|:|\.\s")
# A second gerund joined to the first's object: "by categorizing papers and providing explanations"; not one of two
# gerunds in a noun phrase ("for clustering and ranking documents").
_AND_DOING = re.compile(r"(?<!ing)\s+and\s+(?:[a-z]+ly\s+)?(?P<gerund>[a-z]{3,}ing)\b")
