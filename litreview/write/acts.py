"""What a paper says it did in the passive, said with its authors doing it: abstracts of the natural sciences
write without "we" ("Janus colloids fuelled by glucose were designed, which ...", "Flexible membranes in contact
with colloids are theoretically studied"), and "Fessler et al. note that Janus colloids ... were designed" says a
fact where the paper tells what its authors did: "Fessler et al. designed Janus colloids ...".
"""

from __future__ import annotations

import re

from litreview.write.cuts import fits
from litreview.write.english import (
    after_a_lead,
    lower_first,
    noun_phrase_only,
    third_person,
)
from litreview.write.voice import GOES_ON

# The acts of research a passive names, each participle with its base form (spelled out: "proposed" -> "propose" but
# "designed" -> "design"). Not what others do to the things studied ("sharks were processed", "cases were reported").
_ACTS = {
    "studied": "study", "investigated": "investigate", "examined": "examine", "analyzed": "analyze",
    "analysed": "analyse", "evaluated": "evaluate", "assessed": "assess", "tested": "test", "measured": "measure",
    "monitored": "monitor", "compared": "compare", "designed": "design", "developed": "develop", "proposed": "propose",
    "presented": "present", "described": "describe", "discussed": "discuss", "introduced": "introduce",
    "reviewed": "review", "explored": "explore", "simulated": "simulate", "modeled": "model", "modelled": "model",
    "derived": "derive", "computed": "compute", "calculated": "calculate", "estimated": "estimate",
    "conducted": "conduct", "performed": "perform", "carried out": "carry out", "collected": "collect",
    "sampled": "sample", "surveyed": "survey", "interviewed": "interview", "employed": "employ", "applied": "apply",
    "constructed": "construct", "fabricated": "fabricate", "synthesized": "synthesize", "synthesised": "synthesise",
    "characterized": "characterize", "characterised": "characterise", "quantified": "quantify",
    "implemented": "implement", "validated": "validate", "tracked": "track", "tagged": "tag", "recruited": "recruit",
    "outlined": "outline", "summarized": "summarize", "summarised": "summarise", "extended": "extend",
    "adapted": "adapt", "modified": "modify", "calibrated": "calibrate", "fitted": "fit", "trained": "train",
    "gathered": "gather", "demonstrated": "demonstrate", "illustrated": "illustrate", "highlighted": "highlight",
    "emphasized": "emphasize", "emphasised": "emphasise", "assigned": "assign",
}
_ACT = "|".join(sorted(map(re.escape, _ACTS), key=len, reverse=True))
# How a paper did it ("are theoretically studied"); not how a field does ("is widely studied", "has been studied").
_HOW = (r"theoretically|experimentally|numerically|analytically|systematically|quantitatively|qualitatively|"
        r"carefully|thoroughly|first|also|then|further|here|herein|finally|subsequently|additionally|randomly")
# "was developed by Smith", "and analysed by a laboratory": someone else did it; not "compared by simulating X" (how)
_AGENT = (r"by\b(?!\s(?:\w+ly\s)?(?!(?:varying|increasing|decreasing|existing|following|emerging|underlying|surrounding|"
          r"differing|corresponding|remaining|competing|growing|leading|changing|evolving|overlapping|contrasting|"
          r"interesting|missing|living|neighbouring|neighboring)\b)[a-z]+ing\b)")  # "by varying patterns": what it has
# ", and is well resolved", ", and suggest that": the thing done goes on doing, which the authors do not
_THING_GOES_ON = re.compile(GOES_ON + r"(?:is|are|was|were|has|have|suggests?|shows?|indicates?|reveals?)\b")
# The second of a leading purpose's aims: "To evaluate X|, and further to assess whether Y|, 231 children were recruited"
_SECOND_AIM = re.compile(r"^(?P<first>(?:To|In order to)\s[^,;]+),\s(?:and|as well as)\s(?:\w+\s)?to\s[a-z]+\s[^;]+?(?=,\s)")
# " are [how] studied": the passive of an act of research
_IS_DONE = r"\s(?P<aux>is|are|was|were)\s(?P<adverb>(?:" + _HOW + r")\s)?(?P<act>" + _ACT + r")\b"
# "<Thing> is / are / was / were [how] <act>ed <rest>": the thing studied opens the sentence (not a pronoun, a
# condition, a placing phrase or "Recently,", whose subject is elsewhere; in lower case where "In the present study,"
# went before it) and no agent follows ("was developed by Smith": someone else did it). The thing has no verb of its
# own but in a relative clause ("membranes which are in contact with colloids"): in "the VCM is struggling to migrate
# from journals in which methods are presented to ...", nothing is presented.
_DONE = re.compile(
    # "To measure X, the score was computed"; a purpose holding a list ("To investigate the characteristics, genomic
    # evolution, and pathogenicity of X, samples were collected") ends at the comma no "and" or "or" follows; a lead
    # whose doer is the authors too ("Based on the idea of homotopy, two models are proposed": Li et al. based them)
    r"^(?P<lead>(?:To|In order to|Based on|Building on|Drawing on|Inspired by|Motivated by|Using)\s[^;]{3,160}?,\s"
    r"(?![^,;]{0,60},\s(?:and|or)\s))?"
    r"(?P<thing>(?!(?i:it|this|that|these|those|they|there|here|what|which|who|if|when|while|although|as|because|since|"
    r"and|or|but|"
    r"after|before|once|whether|how|in|on|for|with|by|from|at|to|using|based|during|among|within|across|through|thus|"
    r"hence|then|also|finally|further|furthermore|moreover|however|given|considering|despite|following|owing|due|"
    r"according|building|drawing|"
    # "Most often the models are developed for ...": how often a field does it, not what this paper did
    r"(?:most\s)?(?:often|usually|typically|generally|commonly|traditionally|frequently|conventionally|normally|"
    r"sometimes|historically|previously|recently))\b)(?![A-Za-z][\w-]*,)[A-Za-z0-9](?:(?!(?<!\swhich)(?<!\sthat)(?<!\swho)"
    r"\s(?:is|are|was|were)\s)"
    # "The analysis developed appears useful ... when options are compared": a verb of its own, or a subordinate clause
    r"(?!\s(?:appears?|seems?|when|where|whereas|while|if|because|although|though|since|unless|until)\s)[^;:]){5,}?)"
    r"(?<!\swhich)(?<!\sthat)(?<!\swho)"  # not "events, which are analysed"
    + _IS_DONE + r"(?:\sand\s(?P<also>" + _ACT + r")\b)?"  # "are outlined and reviewed here", "... in this paper"
    r"(?:\s(?:here|herein|in\s(?:this|the)\s(?:paper|article|study|work|chapter))\b)?"
    r"(?!\s(?:" + _AGENT + r"|in order)\b|\sand\s(?:" + _ACT + r")\s" + _AGENT + r")(?P<rest>(?:[\s,:].*?)?)\.?$", re.DOTALL)


# "X are analyzed | and Y is explored": a second passive of an act, said as the subject's second act
_AND_DONE = re.compile(r"^,?\sand\s(?P<thing>(?!(?i:it|this|that|these|those|they|there|the authors)\b)[A-Za-z][^,;:]{3,80}?)"
                       + _IS_DONE + r"(?:\sand\s(?P<how>\w+ly\s)?(?P<also>" + _ACT + r")\b)?"  # "compared and critically discussed"
                       r"(?!\s(?:" + _AGENT + r"|in order)\b)(?P<rest>(?:[\s,:].*?)?)$", re.DOTALL)


_AND_ACT = r",?\sand\s(?P<act>" + _ACT + r")"
_LATER_ACT = re.compile(_AND_ACT + r"\b(?!\s" + _AGENT + r")")
# "The data was collected by X and analyzed by SPSS software": no subject can do both ("collected ... and analyzed by")
_LATER_ACT_BY = re.compile(_AND_ACT + r"\s" + _AGENT)
_RELATIVE = re.compile(r"\b(?:which|that|who|whom|whose)\b")  # "Y, which was tested and validated": not their act

# A field's practice, where an abstract opens before its "we": a present passive of a thing without a determiner or a
# name ("Science is conducted collaboratively", "Large language models such as GPT are trained with ..."), not a proposal
_DETERMINED = re.compile(r"(?i:the|a|an|this|these|those|our|its|their|each|every|both|all|one|two|three|four|five|six|"
                         r"seven|eight|nine|ten|\d+)\b|[A-Z]\w*[A-Z0-9-]")  # "SolarUnet is applied to ...": a name
_PROPOSED = ("proposed", "presented", "introduced", "described", "developed", "designed")


def field_practice(sentence: str) -> bool:
    """Whether `sentence` states, in the present passive, what a field does rather than what a paper did (see
    `_DETERMINED`): said of a paper's authors only where it comes before their "we"."""
    done = _DONE.match(sentence) if " is " in sentence or " are " in sentence else None  # most sentences: at once
    return bool(done) and done["aux"] in ("is", "are") and not done["lead"] and not _DETERMINED.match(done["thing"]) \
        and done["act"] not in _PROPOSED


def done_by(subject: str, sentence: str, *, plural: bool, names: frozenset[str] = frozenset()) -> str | None:
    """`sentence`, a passive of what its authors did, said with `subject` doing it in its tense ("X are studied" ->
    "`subject` studies X", "X were designed, which ..." -> "`subject` designed X, which ...", "X are outlined and
    reviewed here" -> "`subject` outlines and reviews X", "To measure X, Y was computed" -> "To measure X, `subject`
    computed Y"); None for any other sentence. `names`: words that keep their capital ("Janus colloids")."""
    if not fits(sentence):  # "To evaluate X, and further to assess Y, 231 children were recruited": X is aim enough
        sentence = _SECOND_AIM.sub(r"\g<first>", sentence, count=1)
    done = _DONE.match(sentence)
    if not done or _goes_on(done["rest"]) or _other_act_by(done["rest"]):
        return None
    acts = [act for act in (done["act"], done["also"]) if act]
    rest = done["rest"]
    second = _AND_DONE.match(rest)
    if second:  # "X are analyzed and Y is explored": "analyze X and explore Y"
        then = _acted(second["act"], second["aux"], plural)
        then += f" and {second['how'] or ''}{_acted(second['also'], second['aux'], plural)}" if second["also"] else ""
        rest = f" and {second['adverb'] or ''}{then} {lower_first(second['thing'], names)}{second['rest']}"
    # "X is proposed for Y and implemented as Z": the second participle is their act too, done to X ("and implement it
    # as Z"); not in a relative clause ("Y, which was tested and validated")
    later = _LATER_ACT.search(rest) if not second else None
    if later and not _RELATIVE.search(rest, 0, later.start()):
        it = "it" if done["aux"] in ("is", "was") else "them"
        rest = f"{rest[:later.start()]} and {_acted(later['act'], done['aux'], plural)} {it}{rest[later.end():]}"
    # "X, or "crash precursors," was developed": the thing's closing comma is no part of the sentence's end
    thing = _ITSELF_DONE.sub("a ", done["thing"])  # "The present study was conducted": "X conducted a study"
    said = f"{done['adverb'] or ''}{' and '.join(_acted(act, done['aux'], plural) for act in acts)} " \
           f"{lower_first(thing, names)}{rest}".rstrip(" ,;:") + "."
    return f"{done['lead']}{after_a_lead(subject)} {said}" if done["lead"] else f"{subject} {said}"


# The paper itself as the thing done, said as one of its kind once its authors did it ("conducted the present study")
_ITSELF_DONE = re.compile(r"^(?:The|This)\s(?:(?:present|current)\s)?(?=(?:study|research|survey|investigation)$)")


def described_by(subject: str, statement: str, *, plural: bool) -> str | None:
    """`{Subject} describe(s) {statement}.` where the statement is a noun phrase and no sentence, as a title is ("A
    general-purpose model for integrating X within Y." said "note that a general-purpose model ..." was no sentence
    either); None for any other statement."""
    if not noun_phrase_only(statement):
        return None
    return f"{subject} {'describe' if plural else 'describes'} {lower_first(statement.rstrip(' .'))}."


def _acted(act: str, aux: str, plural: bool) -> str:
    """The participle `act` of a passive with `aux` said in the active ("are studied": "study", "studies"; "were
    designed": "designed")."""
    if aux not in ("is", "are"):
        return act
    return _ACTS[act] if plural else "carries out" if act == "carried out" else third_person(_ACTS[act])


def _other_act_by(rest: str) -> bool:
    """Whether a second act in `rest` has its agent ("and analyzed by SPSS software"), outside a relative clause."""
    later = _LATER_ACT_BY.search(rest)
    return bool(later) and not _RELATIVE.search(rest, 0, later.start())


def _goes_on(rest: str) -> bool:
    """Whether the thing done goes on doing something in `rest` (", and is well resolved"), not a relative clause of
    it ("Pingtung County, which includes 33 townships and is located in Taiwan")."""
    going = _THING_GOES_ON.search(rest)
    return bool(going) and not _RELATIVE.search(rest, 0, going.start())
