"""Structured abstracts: the labels cut from the text ("OBJECTIVE:", "Materials and methods:", PubMed's and
CORD-19's "BACKGROUND The outbreak ..."), and the role the part after each label plays in the paper, which the
offline summary prefers to cue words: what the study sets out to do ("OBJECTIVE To compare X") or how ("METHODS"),
what it found ("CONCLUSIONS"), and the problem behind it ("BACKGROUND").
"""

from __future__ import annotations

import re
from typing import Literal

Role = Literal["problem", "aim", "method", "result", "conclusion"]

_LABEL_WORDS = (r"background|objectives?|aims?|purpose|introduction|motivation|context|methods?|methodology|design|"
                r"setting|participants|patients|materials? and methods|main outcome measures?|interventions?|"
                r"measurements|results?|findings|conclusions?|interpretation|significance|importance|"
                r"discussion|limitations?|summary|abstract|keywords|study design|data sources|relevance|exposures?|"
                r"main outcomes?|measures|study selection|data extraction|data synthesis|evidence review|"
                r"applications?/improvements?|"  # the Indian Journal of Science and Technology's last label
                r"contributions?|intended outcomes?|application design|research questions? \(rqs?\)|"  # IEEE Trans. Educ.
                # Emerald's ("Design/methodology/approach -", "Originality/value -") and Teachers College Record's
                # ("Purpose/Objective/Research Question/Focus of Study:", "Conclusions/Recommendations:")
                r"research limitations|(?:practical|social|policy|research) implications|originality|research design|"
                r"research questions?|focus of study|population|subjects|recommendations|data collection and analysis")
_TITLE_LABELS = (r"background|introduction|objectives?|aims?|purpose|methods?|methodology|results?|findings|conclusions?|"
                 r"interpretation|highlights|study design|materials? and methods|main outcome measures?|"
                 r"data sources|study selection|data extraction|data synthesis|evidence review|"  # JAMA, Annals
                 # the Cochrane Library's, without colons ("Search methods We searched", "Main results We included")
                 r"search methods|selection criteria|data collection and analysis|main results|authors'? conclusions")
# What follows a slash in a label, never a label alone: "Design/methodology/approach", "Originality/value"
_SECOND_WORDS = r"approach|value|objective|program|practice|participants|context|limitations|implications"
# "Methods and analysis", "Results and conclusions": the labels a label joins to it (lower or title case)
_JOINED = rf"(?:\s+(?:and|&)\s+(?i:{_LABEL_WORDS}|analysis))*"
# A label wherever a sentence starts with one.
LABEL = re.compile(rf"(?:(?<=^)|(?<=[.!?]\s)|(?<=[.!?]))\s*(?:(?i:(?:{_LABEL_WORDS})(?:\s*(?:and|&|/)\s*(?:{_LABEL_WORDS}|"
                   rf"(?:statistical )?analysis|{_SECOND_WORDS}))*)(?:\s*[:.]|\s[-\u2013\u2014]\s)"  # Emerald's " - "
                   r"|[A-Z]{3,}(?:\s+(?:&\s+)?[A-Z0-9]{2,})*(?:\s*\([A-Z ]+\))?\s*:|Publisher\s+Summary:?"  # "BLINDING (MASKING):"
                   # without a colon only in capitals, as CORD-19 and PubMed give them ("BACKGROUND The outbreak ...")
                   rf"|(?:{_LABEL_WORDS.upper()})(?:,?\s+(?:(?:AND|&)\s+)?(?:{_LABEL_WORDS.upper()}))*\s+(?=[A-Z0-9(])"
                   # or capitalised, before a capitalised word ("Background Multiple biomarkers", "Methods and analysis
                   # Participants were"): only labels no sentence opens with ("Context Free Grammars", "Design Choices")
                   rf"|(?=[A-Z][a-z])(?i:{_TITLE_LABELS}){_JOINED}\s+(?=[A-Z]))"
                   # A full stop lost before a label ("databases were searched Results: A total of 22 ..."), and labels
                   # in the markup of some CORD-19 sources ("epidemic.@*Methods@#Epidemiological investigation ...").
                   rf"|(?<=[A-Za-z0-9)])\s+(?=[A-Z][a-z])(?i:{_LABEL_WORDS}){_JOINED}\s*:\s*(?=[A-Z])"
                   rf"|\s*@\*\s*(?i:{_LABEL_WORDS})\s*@#\s*"
                   # the rest of a label split in two ("INTRODUCTION: and aims: To prevent ...", CORD-19)
                   rf"|(?<=:)\s*(?:and|&)\s+(?i:{_LABEL_WORDS})\s*:")
# A bare "Abstract" or "Summary" before the text, as CORD-19 and PMC give it ("Abstract The evolutionary history ...",
# "Summary Hand hygiene is ...", "Abstract Objective This article"), or JAMA's first label ("Context As of 2005, ...");
# not a name it begins ("Abstract Meaning Representation (AMR) is ...").
_HEADING_WORD = re.compile(rf"^\s*(?:Abstract|Summary|Context|Importance)\s+(?=(?=[A-Z])(?i:{_TITLE_LABELS}|importance)\b"
                           r"|(?:The|This|These|We|Our|In|A|An|Here)\s|[A-Z0-9]\S*\s+(?![A-Z][a-z]))")
# A label that took the place of a full stop: the text is cut there into two sentences.
_MID_SENTENCE = re.compile(r"[A-Za-z0-9)]$")
# The role of a label, by its first two words or its first ("CONCLUSIONS AND RELEVANCE" concludes, "PURPOSE OF REVIEW"
# is the aim).
_ROLES: dict[str, Role] = {
    **dict.fromkeys(("background", "introduction", "motivation", "context", "importance", "rationale"), "problem"),
    **dict.fromkeys(("objective", "objectives", "aim", "aims", "purpose", "goal", "goals"), "aim"),
    **dict.fromkeys(("method", "methods", "methodology", "design", "setting", "participants", "patients", "materials",
                     "material", "interventions", "intervention", "measurements", "study", "data", "exposures", "exposure",
                     "application design"), "method"),
    **dict.fromkeys(("result", "results", "findings", "recent"), "result"),  # "RECENT FINDINGS" (Current Opinion)
    **dict.fromkeys(("conclusion", "conclusions", "interpretation", "discussion", "application", "applications",
                     "originality", "practical implications", "social implications", "policy implications"), "conclusion"),
    "research design": "method",
    "data synthesis": "result",  # a review's results (JAMA, Annals), though "Data Sources" is its method
    # the Cochrane Library's
    "search methods": "method", "selection criteria": "method", "main results": "result", "authors conclusions": "conclusion",
}


def labelled_parts(text: str) -> list[tuple[Role | None, str]]:
    """`text` cut at its labels, each part with the role its label gives (None before the first label and after a
    label that says no role, "KEYWORDS:", "BLINDING (MASKING):"); one part, None, for an unstructured text."""
    parts: list[tuple[Role | None, str]] = []
    role: Role | None = None
    start = 0
    text = _HEADING_WORD.sub("", text, count=1)
    for label in LABEL.finditer(text):
        parts.append((role, text[start:label.start()]))
        named = re.findall(r"[A-Za-z&]+", label.group(0).lower())
        if not named or named[0] not in ("and", "&"):  # "INTRODUCTION: and aims:" is one label
            role = _ROLES.get(" ".join(named[:2]), _ROLES.get(named[0])) if named else None  # by its first two words, or one
        start = label.end()
    parts.append((role, text[start:]))
    return [(role, part) for role, part in parts if part.strip()]


# Where a review searched and how its authors worked, under labels of their own (the Cochrane Library's "Search
# methods" and "Data collection and analysis", JAMA's "Data Sources"): not what the review is about nor what it found
# ("@Li15 and @Cheng17 discuss the chinese biomedical literature database", which both searched). Which studies it
# took ("Selection criteria", "Study Selection") says what it is about, and stays.
_PROCEDURE_LABELS = frozenset({"search methods", "data collection and analysis", "data sources"})


def without_procedure(text: str) -> str:
    """`text` without the parts a review's procedure labels head (`_PROCEDURE_LABELS`), labels and all."""
    lowered = text.lower()
    if not any(name in lowered for name in _PROCEDURE_LABELS):  # most abstracts: no second scan for labels
        return text
    labels = [(label.start(), " ".join(re.findall(r"[a-z]+", label.group(0).lower()))) for label in LABEL.finditer(text)]
    if not any(name in _PROCEDURE_LABELS for _, name in labels):
        return text
    ends = [start for start, _ in labels[1:]] + [len(text)]
    kept = [text[:labels[0][0]]] + [text[start:end] for (start, name), end in zip(labels, ends)
                                    if name not in _PROCEDURE_LABELS]
    return "".join(kept)


def unlabelled(text: str) -> str:
    """`text` without its labels; one that took the place of a full stop ends the sentence before it."""
    text = _HEADING_WORD.sub("", text, count=1)
    return LABEL.sub(lambda label: ". " if _MID_SENTENCE.search(text, 0, label.start()) else " ", text)
