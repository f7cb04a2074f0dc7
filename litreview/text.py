"""Small text normalisations shared by deduplication, key generation, citation and ranking, and what a theme is."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_NON_ALNUM = re.compile(r"[^0-9a-z]+")

STOPWORDS = frozenset(
    "a an the of on in for to and or with via by from at as is are be we our its their this that these "
    "toward towards into using use based about beyond through when how what why which can do does more "
    "not no than new".split()
)

# How a paper names itself ("this paper proposes", "in this chapter"), for the patterns that find its own voice.
_WORK_NOUNS = ("paper work study article chapter letter survey review report thesis dissertation manuscript commentary "
               "editorial essay investigation document perspective viewpoint volume book comment communication statement "
               "note opinion brief research").split()  # IEEE Transactions briefs: "In this brief, X is given"
# "this research" is the paper, "this research direction" a field's ("advancements in this research direction")
_RESEARCH_OF_A_FIELD = r"(?!\s(?:directions?|areas?|fields?|gaps?|questions?|topics?|agendas?|community|lines?|domains?))"
WORK_NOUNS = rf"(?:{'|'.join(_WORK_NOUNS)}){_RESEARCH_OF_A_FIELD}"
# What kind of work it is: "this literature review", "this retrospective cohort study", "this case report".
_KIND_OF_WORK = (r"literature|systematic|narrative|scoping|short|brief|present|retrospective|prospective|observational|"
                 r"cross-sectional|cohort|case|pilot|qualitative|quantitative|comparative|descriptive|longitudinal|"
                 r"multicent(?:er|re)|single-cent(?:er|re)|population-based|randomi[sz]ed|experimental|exploratory|"
                 r"modell?ing|position|consensus|expert|"
                 r"grounded|theory|phenomenological|ethnographic|mixed-methods|correlational|quasi-experimental|empirical")
# A review of a kind says what kind of study a paper is, not what it is about ("a scoping review", "meta-analyses").
_REVIEW_QUALIFIER = r"scoping|systematic|narrative|literature|rapid|umbrella|integrative|critical|mapping"
REVIEW_KIND = rf"(?:{_REVIEW_QUALIFIER})\s+(?:literature\s+)?review"
REVIEW_DESIGN = rf"(?:(?:{_REVIEW_QUALIFIER})\s+)?(?:literature\s+)?reviews?|meta-analys[ie]s"
A_WORK = rf"(?:(?:{_KIND_OF_WORK})\s){{0,3}}(?:mini-)?{WORK_NOUNS}"  # "retrospective cohort study", "mini-review"
THIS_WORK = rf"this {A_WORK}"
# anywhere in its text ("the editor of this volume"); "our study aimed to X", "our research aimed to X" (not "our
# previous study", another work)
SELF_NAMED = rf"(?:{THIS_WORK}|(?:the (?:present|current)|our) {WORK_NOUNS})"
# Words a work noun may qualify as a subject: "This volume data set was sampled", "This study area lies" (which, inside
# a sentence, are still the paper's own: "we discuss this study design" -> "they discuss the study design").
_QUALIFYING = r"(?!\s(?:data|areas?|regions?|sites?|population|samples?|groups?|cohort|period)\b)"
THE_WORK = rf"(?:{SELF_NAMED}|the (?:paper|article)){_QUALIFYING}"  # its own subject ("The paper focuses on")
# The paper stating its aim, before "to {verb}": "The aim of this systematic review was", "Our objective is".
AIM_FRAME = (rf"(?:[Tt]he|[Oo]ur)\s(?:(?:main|primary|major|overall|principal)\s)?(?:aim|objective|purpose|goal)s?"
             rf"(?:\sof\s(?:this|the|our)\s(?:{A_WORK}|trial|analysis|research|project))?\s(?:is|was|are|were)\s")
_STATED_AIM = re.compile(rf"\b{AIM_FRAME}to\s[a-z]")
_AIM_WORDS = ("aim", "objective", "purpose", "goal")


def stated_aim_at(text: str) -> int | None:
    """Where `text` states the paper's aim ("...; thus, the objective of this study is to design X"), or None. Most
    sentences hold none of its words, which is tested first, cheaply."""
    low = text.lower()
    found = _STATED_AIM.search(text) if any(word in low for word in _AIM_WORDS) else None
    return found.start() if found else None


# An adverb between a subject and its verb: "we also propose", "we first collect", "and furthermore investigate".
ADVERB = r"(?:\w+ly|also|first|then|further|furthermore|hereby|herein|here|however|therefore|thus|hence)"
# A modal or auxiliary between a subject and its verb that leaves the paper doing it: "we will use X", "we have
# developed X", "this article will analyze X" (not "we are facing", "we have to", "we do not find", "this work has
# been stymied").
AUXILIARY = r"(?:(?:will|shall)\s+(?:\w+ly\s+)?|(?:have|has)\s+(?:\w+ly\s+)?(?!been\b)(?=[a-z]+(?:ed|en|wn|lt|de|ght|ne)\b))"
# What a study studied, after its name for itself: "This study | of 120 nurses in Ohio | assessed X" (numbers may
# hold a comma or a point: "of 2,000 students").
WHAT_IT_STUDIED = r"(?:of|among|in|with|on)\s(?:[^,.;]|[,.](?=\d)){1,60}?"
# The paper's authors named as such, a subject like "we": "The authors compared X", "the author argues that X".
AUTHORS = r"the\s(?:authors|author(?!'))"
# A single author's "I" as a subject ("In this paper I estimate X", "Herein, I review X", "Using these data, I show"):
# first in its sentence or after a comma, "here" or the paper's name for itself; never a numeral ("type I interferon",
# "Phase I trial"). Case-sensitive inside any pattern.
SINGULAR_SUBJECT = (r"(?-i:I)(?:(?<=^I)|(?<=[,;:] I)|(?<=[Hh]ere I)|(?<=[Hh]erein I)|(?<=then I)|"  # "I" first: fast
                    + "|".join(rf"(?<={noun} I)" for noun in _WORK_NOUNS) + r")(?=(?:['’](?:ll|ve|m|d))?\s+[a-z])")
# Everyone's "we", not the authors': "the world in which we live", "the way we live and work".
EVERYONES_WE = r"we(?=\s(?:live|are\sliving)(?![\w-]))"
# The paper as the subject of what it does: "we", "the authors", "this study", "the paper", a single author's "I"; not
# everyone's "we" of a question ("technology can change how we conduct fieldwork", "what we choose to measure").
_ASKED = "".join(rf"(?<!\b{word} we)" for word in ("how", "what", "where", "why", "when", "whether"))  # after "we": fast
PAPER_SUBJECT = rf"(?:\b(?:we{_ASKED}|{AUTHORS}|{THE_WORK})|{SINGULAR_SUBJECT})"
# "The selectivity model we use | is nonparametric": the paper's verb followed by another subject's was a relative
# clause, not what the paper does.
NO_RELATIVE = r"(?!\s+(?:is|are|was|were)\b)"
# Adverbs of stance that also stand there, looked past where the verb after a subject is wanted ("we instead model X").
# A problem the sentence before stated, met by what follows ("to address this gap"), and the verbs of an aim.
TROUBLE = (r"(?:limitation|issue|problem|gap|challenge|drawback|shortcoming|difficult(?:y|ie)|bottleneck|question|concern|"
           r"weakness(?:e)?|bias(?:e)?|barrier|obstacle|deficienc(?:y|ie))s?\b")  # "to remove this bias"
AIM_VERB = r"(?:(?:aim|seek|sought|intend|attempt|striv)(?:s|e|ed|es)?|tr(?:y|ies|ied))"  # "aims", "sought", "tried"
STANCE_ADVERB = r"(?:already|instead|still|now|thus)"
OWN_TEXT_WORDS = 12  # a longer theme is the researcher's own text (an abstract), not a topic


# The past of the participles that are not their verb's past: "we have seen X" said without its "have" is "they saw X".
PAST_OF = {"seen": "saw", "shown": "showed", "taken": "took", "given": "gave", "written": "wrote", "drawn": "drew",
           "known": "knew", "grown": "grew", "done": "did", "chosen": "chose", "undertaken": "undertook",
           "begun": "began", "proven": "proved", "driven": "drove", "gone": "went", "broken": "broke", "spoken": "spoke",
           "thrown": "threw", "risen": "rose", "fallen": "fell", "overseen": "oversaw", "rewritten": "rewrote"}


def is_own_text(theme: str) -> bool:
    """Whether `theme` is the researcher's own text (an abstract: more than OWN_TEXT_WORDS words), not a topic.
    A topic names the section; an abstract is "our work", to open paragraphs from and position against."""
    return len(theme.split()) > OWN_TEXT_WORDS


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """`1 paper`, `2 papers`, `2 retries` (with `plural` for an irregular one)."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),  # UTF-32's first: it
              (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))  # begins like UTF-16-LE's


def wide_unicode(data: bytes) -> str | None:
    """The text of a file saved as UTF-16 or UTF-32 (Windows' "Unicode": Web of Science's "Tab-delimited (Win)",
    Notepad), found by its byte-order mark or, without one, by the zero byte UTF-16 gives every ASCII letter;
    None for any other file."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    head = data[:2000]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if min(even, odd) == 0 and max(even, odd) > len(head) // 8:  # a binary file has zeros at both places
        return data.decode("utf-16-le" if odd else "utf-16-be", errors="replace")
    return None


def decoded(data: bytes, *, errors: str = "strict") -> str:
    """A text file's bytes as text: UTF-16 or UTF-32 (`wide_unicode`), else UTF-8 without its byte-order mark."""
    wide = wide_unicode(data)
    return wide if wide is not None else data.decode("utf-8-sig", errors=errors)


def ascii_fold(text: str) -> str:
    """Lower-case ASCII: accents dropped (`Müller` -> `muller`), other letters kept where possible."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def words(text: str) -> list[str]:
    """Lower-case ASCII words of `text`, punctuation removed."""
    return [w for w in _NON_ALNUM.split(ascii_fold(text)) if w]


_NOT_ALNUM_BYTES = bytes(byte for byte in range(256) if not (48 <= byte <= 57 or 97 <= byte <= 122))


def compact(text: str) -> str:
    """Letters and digits only, lower case: `Pre-Training` and `pretraining` become equal."""
    # bytes.translate deletes in C, a dozen times faster than a regex over every title and abstract of a corpus
    return ascii_fold(text).encode("ascii").translate(None, _NOT_ALNUM_BYTES).decode("ascii")


# Digits said as a superscript: "10<sup>7</sup>", "10\\textsuperscript{7}", "10^7" are "10⁷", never "107".
SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
# MEDLINE's and Vancouver's initials after the surname, without a comma: "Altman DG", "Mathieu S", "Altman D. G.".
_INITIALS_AFTER = re.compile(r"^(?P<last>.+?)(?:\s(?:[A-Z]\.?){1,3})+$")


# A generation after a surname, which is no part of it: "Thomas III, Daniel J." (Web of Science), "Martin Luther King
# Jr." ("Thomas, Daniel, III", BibTeX's own form, has it after a comma).
_GENERATION = re.compile(r"(?<=\S)\s+(?:Jr|Sr|II|III|IV|2nd|3rd|4th)\.?$")


def surname(author: str) -> str:
    """`Last, First`, `First Last` or `Last FM` (MEDLINE) -> `Last`; without a generation ("Jr.", "III")."""
    author = " ".join(author.split())
    if "," in author:
        return _GENERATION.sub("", author.split(",", 1)[0].strip())
    author = _GENERATION.sub("", author)
    medline = _INITIALS_AFTER.match(author)
    if medline:
        return medline["last"]
    return author.rsplit(" ", 1)[-1] if author else ""


def significant_words(text: str) -> list[str]:
    """Words of `text` that are not stopwords or single letters."""
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


def listing(items: Sequence[str], separator: str = ", ") -> str:
    """`a`, `a and b`, `a, b and c`; with `; ` as separator (items holding commas): `a; b; and c`."""
    if len(items) <= 1:
        return "".join(items)
    final = "; and " if separator == "; " and len(items) > 2 else " and "
    return separator.join(items[:-1]) + final + items[-1]
