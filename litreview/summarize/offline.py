"""The offline summary of a paper: sentences of its own abstract, chosen by role and position.

No word is invented: `problem`, `approach` and `finding` are verbatim sentences of the abstract (or
the title when there is no abstract), the evidence quotes are those same sentences, the method name
comes from `method_names`, and the kind from cue words. Deterministic: same paper, same summary.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

import sentencex

from litreview.corpus.latex import unknown_macros
from litreview.corpus.method_names import method_name
from litreview.corpus.paper import Paper
from litreview.corpus.texts import summary_text
from litreview.grounding import without_cited_brackets
from litreview.summarize.approach import approach_index, makes_something, proposes
from litreview.summarize.debris import says_nothing_of_the_work, within_the_page, without_stray_numbers
from litreview.summarize.schema import Kind, PaperSummary
from litreview.summarize.structured import LABEL, Role, labelled_parts, unlabelled, without_procedure
from litreview.text import REVIEW_KIND

# Cues are searched case-insensitively; each hit adds one to a sentence's score for that role.
_PROBLEM_CUES = re.compile(
    r"\b(?:challeng\w*|however|remains?|problems?|limit\w*|lacks?|lacking|suffers?|difficult\w*|"
    r"under-?explored|unexplored|overlook\w*|issues?|bottlenecks?|costly|expensive|struggles?|hinders?|"
    r"fails?|yet|unclear|little|gap|weakness\w*|drawbacks?|shortcomings?)\b",
    re.IGNORECASE,
)
_STRONG_FINDING_CUES = re.compile(
    r"\b(?:results?\s+(?:show|demonstrate|indicate|suggest|reveal)\w*|outperform\w*|achiev\w*|state-of-the-art|"
    r"surpass\w*|significant(?:ly)?\s+(?:improv|outperform|better|reduc)\w*|we (?:find|found|show|observe))\b",
    re.IGNORECASE,
)
# A result sentence that says only that the method works, or that experiments were run: no finding to report,
# unless it gives a figure.
_VAGUE_FINDING = re.compile(
    r"\b(?:show|demonstrate|verify|validate|confirm|prove|illustrate)s?\s+(?:the\s+)?(?:effectiveness|superiority|"
    r"efficacy|validity|feasibility|advantages?|merits?|benefits?|usefulness|potential)\s+of\b"
    r"|\b(?:conduct|perform|carry out|carried out|run)\w*\s+(?:\w+\s+){0,2}experiments?\b"  # "we conduct experiments on ..."
    r"|\bexperiments?\s+(?:\w+\s+){0,4}(?:are|were|is|was)\s+(?:conducted|performed|carried out)\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d")
_FINDING_CUES = re.compile(
    r"\b(?:results?|show\w*|demonstrat\w*|improv\w*|significant\w*|gains?|reveal\w*|effective\w*|superior|"
    r"better|consistently|reduc\w*|experiments?)\b",
    re.IGNORECASE,
)
# A table of contents ("I. Introduction, 488. — II. The model, 489."): roman section numbers or page numbers.
_CONTENTS = re.compile(r"(?:^|\s)[IVX]+\.\s|,\s*\d+\.?$")
_ITEM_NUMBER = re.compile(r"\s(\d{1,2})\.$")  # "... in practice 3." (the next item's number, where a list was split)
# Abbreviations after which a splitter may wrongly break ("Tab. 3", "Eq. 2"); the next piece is glued back.
_ABBREVIATION_END = re.compile(r"\b(?:et al|e\.g|i\.e|cf|vs|Fig|Figs|Tab|Eq|Eqs|Sec|Secs|No|Vol|pp|approx|resp|Ref|Refs|Dr|Prof)\.$",
                               re.IGNORECASE)
# A name with a full stop inside, which sentencex breaks: "we introduce Viruses.STRING, a database" (a capitalised word,
# no space, a word in capitals); a sentence that lost its space ("infection.To", "sources.RESULTS") ends on a small letter.
_NAME_BEFORE_DOT = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]+\d[A-Z\d]*)\.$")
_CAPITALS_AFTER_DOT = re.compile(r"^(?!(?:BACKGROUND|INTRODUCTION|AIMS?|OBJECTIVES?|PURPOSE|METHODS?|DESIGN|SETTING|"
                                 r"RESULTS|FINDINGS|CONCLUSIONS?|INTERPRETATION)\b)[A-Z]{2,}")  # not "H1N1.RESULTS:"
# ... as is a name in two capitalised halves: "the SingaPort.Net Suite" ("O2DES.NET" above); not "in the USA.The"
_CAMEL_BEFORE_DOT = re.compile(r"\b[A-Za-z]*[a-z][A-Z]\w*\.$")
# A taxon's abbreviations, after which sentencex breaks: "Natovenator polydontus gen. et sp. | nov., from the Upper
# Cretaceous", "Squalus sp. | B and Squalus sp. | F inhabit"; a piece that goes on in lower case or with a species'
# letter goes on the sentence ("Callianassa spp. | Polychaetes were ..." is a new one).
_TAXON_ABBREVIATION, _TAXON_GOES_ON = re.compile(r"\b(?:gen|sp|spp|subsp|var|aff|nov)\.$"), re.compile(r"[a-z]|[B-HJ-Z]\b")
# No sentence opens on a closing bracket or a comma: sentencex breaks after a citation's page ("(“Who will pay ...?”,
# F. Berman, Policy Forum, p. [616][1]), a greater challenge lies in ...") and the rest goes on the sentence it left.
_GOES_ON = re.compile(r"[)\]},;]")
# A sentence that opens on the verb of what the paper does, its subject left out, as ERIC's abstracts write them
# ("Describes interdisciplinary activities for teaching ...", "Presents background information explaining ..."); not
# a noun that may open a sentence too ("Analyses show that", "Reports of pterosaur feathers").
_SUBJECT_LEFT_OUT = re.compile(r"(?:Describes|Presents|Discusses|Examines|Explains|Provides|Proposes|Investigates|"
                               r"Explores|Analyzes|Argues|Compares|Considers|Summarizes|Evaluates|Introduces|"
                               r"Identifies|Reviews|Reports)\s(?!(?:of|that|are|were|have|show|suggest|indicate)\b)(?=[a-z(])")
_ITS_SUBJECT = "This article "
# A sentence's "In" as a journal's text recognition read it, lower-case "hi", kept in Web of Science abstracts: "... is not
# well documented. hi this study, we examined ..."
_MISREAD_IN = re.compile(r"(?:^|(?<=[.?!]\s))hi(?=\s(?:this|the present|the current|our|these)\s)")
# A species name a journal set in italics, which Web of Science glued to the words around it: "the understanding
# ofEscherichia coli(MG1655, K-12) phages", "outbreaks ofZaire ebolavirus(EBOV)". Repaired here, for the sentences the
# offline engine reads, not at corpus load with mojibake: scanning every abstract for them takes about 0.5 s per 12 MB,
# some 6 s of bench/corpus.py's 21 s load of 100,000 entries.
_ITALICS_GLUED = re.compile(r"\b(?:of|in|and|for|with|by|to|from|on|the|against)(?=[A-Z][a-z]{3,}\s[a-z]{3,})"
                            r"|(?<=[a-z]{3})(?=\([A-Z]{2})")  # "coli(MG1655", not a gene's "stx(2)"
_TRAILS_OFF = re.compile(r"(?:\s?\.){2,}$|\u2026$")  # an excerpt cut off: "This framework is...", "... boards, and . . ."
_BARE_MACRO = re.compile(r"\\[A-Za-z]+(?:\{\})?(?![\w{])")  # "\model achieves", not "\emph{...}"
_MACRO_ALONE = re.compile(r"\s*\(\\[A-Za-z]+(?:\{\})?\)")  # "(\method)", "(\ours{})"
_LIST_ITEM = re.compile(r"\(?(?:[ivx]{1,4}|\d{1,2}|[a-h])\)\s")  # "(ii) ", "2) ", "b) "
_ENDED = re.compile(r"[.!?][\"')\]]?$")
_LIST_GOES_ON = re.compile(r"(?:[;,]|\b(?:and|or))$")
_MISSED_BREAK = re.compile(r"(?:(?<=[a-z][a-z])|(?<=[0-9)'\"]))[.!?]['\")]?\s+(?=[A-Z][a-z]|[A-Z]{2,}\b|A\s)"  # "... group. BAME"
                           # a full stop lost where a heading was: "... deaths globally The most common cause ..."
                           r"|(?<=[a-z][a-z])\s+(?=(?:The|We|This|These|Our|Here|In this)\s[a-z])")
# A line of the table of contents, numbers or symbols rather than prose: few letters among its characters.
MIN_LETTER_SHARE = 0.6
MAX_HEADING_WORDS = 6   # a heading or a list item is this short
MAX_SENTENCE_WORDS = 60  # longer "sentences" are run-ons or lost punctuation: only quoted when nothing else is left

_SURVEY_ADJECTIVE = r"(?:(?:comprehensive|systematic|brief|short|critical|literature)\s+)"  # "X: a systematic survey"
# Kind cues, tried in this order on the title and the approach sentence.
_KIND_CUES: list[tuple[Kind, re.Pattern[str]]] = [
    # a survey of the literature, not of people or of the sky ("the SMILES/MIRI survey", "a survey of 2,000 nurses")
    ("survey", re.compile(rf"\b(?:{REVIEW_KIND}|overview of|tutorial)\b|\bsurvey\s+(?:of|on)\s+(?:the\s+)?(?:(?:recent|"
                          r"existing|current)\s+)?(?:literature|research|advances|progress|methods|approaches|techniques|"
                          r"models|algorithms|work|studies|state|applications|developments|trends)\b|\bwe\s+survey\s+"
                          r"(?:the\s+)?(?:literature|research|recent|existing|current|methods|approaches|techniques|work)\b"
                          rf"|:\s*an?\s+{_SURVEY_ADJECTIVE}?survey\b", re.I)),
    ("benchmark", re.compile(r"\b(?:benchmark|leaderboard|test suite|evaluation suite)\b", re.I)),
    ("dataset", re.compile(r"\b(?:dataset|data set|corpus|corpora|treebank)\b", re.I)),
    # "Argovis: A Web Application for Fast Delivery, Visualization, and Analysis of Argo Data" is a system, no analysis
    ("system", re.compile(r"\b(?:shared task|system description|toolkit|library|demo|our system|platform|web application|"
                          r"web portal|science gateway|software package)\b", re.I)),
    ("position", re.compile(r"\b(?:position paper|we argue|this paper argues)\b", re.I)),
    ("analysis", re.compile(r"\b(?:analy[sz]\w*|investigat\w*|empirical study|we (?:study|examine|explore|probe)|understanding)\b", re.I)),
    ("method", re.compile(r"\b(?:method|approach|framework|model|technique|algorithm|architecture|module|strategy|"
                          r"mechanism|objective|loss|network|paradigm|pipeline|scheme|transformer|encoder|decoder)\b", re.I)),
]
_SURVEY_TITLE = re.compile(rf"^(?:an?\s+)?{_SURVEY_ADJECTIVE}?survey\s+(?:of|on)\b(?!\s+\d)", re.I)  # "A Survey on X"
# A proposing verb and the words after it, in which a dataset/benchmark noun must appear to count.
_PROPOSING_VERB = re.compile(r"\b(?:propose|present|introduce|develop|design|build|construct|create|release|collect|curate)s?\b(.*)", re.I)


def offline_summary(paper: Paper) -> PaperSummary:
    """A PaperSummary of `paper` made only of its own sentences (see the module docstring)."""
    text, title = summary_text(paper) or "", paper.title or ""
    parts, roles = _summary_parts(text, title), _roles(text)
    approach_at = _approach_at(text, title) or 0  # else the first sentence, where none says what the paper does
    problem_at = _problem_index(parts, approach_at, roles)
    finding_at = _finding_index(parts, approach_at, roles)
    chosen = [parts[i] for i in dict.fromkeys(i for i in (problem_at, approach_at, finding_at) if i is not None)]
    return PaperSummary(
        key=paper.key or "",
        problem=parts[problem_at],
        approach=parts[approach_at],
        finding=parts[finding_at] if finding_at is not None else None,
        kind=summary_kind(paper.title or "", parts[approach_at]),
        method_name=method_name(paper.title, paper.abstract),
        evidence=[_as_written(part, text) for part in chosen[:3]],  # quotes of the abstract, word for word
    )


def states_what_it_does(paper: Paper) -> bool:
    """Whether a sentence of `paper`'s text says what the paper does, as its approach (not an abstract of background
    alone, as commentaries and news items have: "The COVID-19 pandemic has spread across the world. ...")."""
    return _approach_at(summary_text(paper) or "", paper.title or "") is not None


@functools.lru_cache(maxsize=8192)  # asked by the summary, and again by the writer (`states_what_it_does`)
def _approach_at(text: str, title: str) -> int | None:
    """Which of the summary's sentences of `text` (`title` where it has none) says what the paper does, or None."""
    return approach_index(_summary_parts(text, title), _roles(text))


@functools.lru_cache(maxsize=8192)  # with `_roles`, read once for the summary and `_approach_at` alike
def _summary_parts(text: str, title: str) -> tuple[str, ...]:
    """The sentences a summary is chosen from: a run-on "sentence" (an abstract without full stops) or a question
    ("What should our future statisticians know about X?", which states nothing) only when that is all there is (the
    references a sentence cites in brackets do not make it a run-on); the title when there is no text."""
    parts = _without_title(text, title) or (title,)
    return tuple(part for part in parts if len(without_cited_brackets(part).split()) <= MAX_SENTENCE_WORDS
                 and not part.endswith("?")) or parts


def split_sentences(text: str | None) -> list[str]:
    """The sentences of `text`, stripped, empty ones dropped.

    sentencex handles `e.g.`, `et al.` and decimals; a break it makes after another abbreviation
    ("Tab. 3", "Fig. 2") or before an item of a list inside the sentence ("covers three topics: (i) viruses; (ii)
    ...") is undone, and one it misses after an enumeration ("(a) On ... tasks. Additionally, ...") is made.
    """
    if not text or not text.strip():
        return []
    parts: list[str] = []
    pieces = (piece.strip() for segment in sentencex.segment("en", text) for piece in _missed_breaks(segment))
    for part in pieces:
        if parts and (_NAME_BEFORE_DOT.search(parts[-1]) and _CAPITALS_AFTER_DOT.match(part) or _GOES_ON.match(part)
                      or _CAMEL_BEFORE_DOT.search(parts[-1]) and part[:1].isupper()) \
                and f"{parts[-1]}{part}" in text:
            parts[-1] = f"{parts[-1]}{part}"
        elif parts and part and (_ABBREVIATION_END.search(parts[-1]) or _inside_a_list(parts[-1], part) or _GOES_ON.match(part)
                                 or _TAXON_ABBREVIATION.search(parts[-1]) and _TAXON_GOES_ON.match(part)):
            parts[-1] = f"{parts[-1]} {part}"
        elif part:
            parts.append(part)
    return parts


def _inside_a_list(before: str, part: str) -> bool:
    """Whether `part` is an item of a list that `before` leads into, inside one sentence: "covers three topics:" +
    "(i) viruses;", "(ii) their evolution; and" + "(iii) ...". An item that is a sentence of its own after a colon
    ("contributions:" + "1) We provide ... code.") stays one."""
    if not _LIST_ITEM.match(part) or _ENDED.search(before):
        return False
    return not _ENDED.search(part) or bool(_LIST_GOES_ON.search(before))


def _missed_breaks(segment: str) -> list[str]:
    """`segment` cut after each full stop that ends a word of two or more lower-case letters (or a digit or a
    closing bracket) and precedes a capitalised word: never after "et al." or an initial; and where a full stop was
    lost, which is put back."""
    pieces, start = [], 0
    for end in _MISSED_BREAK.finditer(segment):
        if not _ABBREVIATION_END.search(segment[start:end.start() + 1]):
            piece = segment[start:end.end()]
            pieces.append(piece if end.group(0).strip() else f"{piece.rstrip()}.")
            start = end.end()
    return pieces + [segment[start:]]


def text_sentences(paper: Paper) -> list[str]:
    """The content sentences of what the offline engine reads about `paper`: its abstract and, with --fulltext, the
    excerpts of its PDF (every stage reads a paper's text through here, so its texts join in one place); not its
    title said again at the head of the abstract, as some exports have it."""
    return list(_without_title(summary_text(paper) or "", paper.title or ""))


@functools.lru_cache(maxsize=8192)  # every stage asks for a paper's sentences
def _without_title(text: str, title: str) -> tuple[str, ...]:
    """The content sentences of `text` but the paper's `title` among them: none where the title is all the text says
    (the paper is then known by its title alone)."""
    sentences, said = _content_sentences(text), _said_plainly(title)
    return tuple(part for part in sentences if _said_plainly(part) != said)


def _said_plainly(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def paper_text(paper: Paper) -> str:
    """The title, then the content sentences, one per line: the text the offline grouping and writer compare."""
    return "\n".join([paper.title or "", *text_sentences(paper)])


def content_sentences(text: str | None) -> list[str]:
    """The sentences of `text` that say something about the work: structured-abstract labels cut, and no
    planted instructions, code or data links, publishing boilerplate, tables of contents, nor a sentence holding
    a paper's own LaTeX macro, defined elsewhere (arXiv abstracts keep "\\method"): no one can say what it reads."""
    return list(_content_sentences(text or ""))


@functools.lru_cache(maxsize=8192)  # the summary, the grouping and the writer each ask for the same abstracts
def _content_sentences(text: str) -> tuple[str, ...]:
    text = _MACRO_ALONE.sub("", text) if "\\" in text else text  # "Label Attention (\method) that ...": a name said again
    text = _MISREAD_IN.sub("In", without_stray_numbers(text))
    text = _ITALICS_GLUED.sub(lambda glued: f"{glued[0]} ", text)
    sentences = [_with_its_subject(LABEL.sub("", part).strip())
                 for part in within_the_page(split_sentences(unlabelled(without_procedure(text)).strip()))]
    listed = _numbered_items(sentences)
    return tuple(part for n, part in enumerate(sentences) if part and n not in listed and not says_nothing_of_the_work(part)
                 and not _TRAILS_OFF.search(part) and _is_prose(part) and not _holds_own_macro(part))


def _with_its_subject(sentence: str) -> str:
    """`sentence` with the subject an abstracting service left out: ERIC's "Describes activities for ..." is "This
    article describes activities for ...", which the paper says of itself."""
    return f"{_ITS_SUBJECT}{sentence[0].lower()}{sentence[1:]}" if _SUBJECT_LEFT_OUT.match(sentence) else sentence


def _as_written(sentence: str, text: str) -> str:
    """`sentence` as `text`, its abstract, wrote it: without the subject `_with_its_subject` gave it (not one the
    abstract wrote itself, "This article reviews X")."""
    written = sentence.removeprefix(_ITS_SUBJECT)
    written = f"{written[:1].upper()}{written[1:]}"
    return written if written != sentence and written in text else sentence


def _holds_own_macro(sentence: str) -> bool:
    """Whether `sentence` uses, as a word, a macro LaTeX does not know: the paper's own, defined in its source and
    left in its arXiv abstract ("Our results show that \\model achieves ...")."""
    return "\\" in sentence and any(unknown_macros(used.group(0)) for used in _BARE_MACRO.finditer(sentence))


def _numbered_items(sentences: list[str]) -> set[int]:
    """Which "sentences" are items of a numbered list split at its numbers ("Preface 1. Introduction 2. Natural
    Language Generation in practice 3. ..."): two in a row end with consecutive numbers; a short one after them is
    the list's last item."""
    numbers = [int(end.group(1)) if (end := _ITEM_NUMBER.search(sentence)) else None for sentence in sentences]
    pairs = [n for n in range(len(numbers) - 1)
             if numbers[n] is not None and numbers[n + 1] is not None and numbers[n + 1] == numbers[n] + 1]
    items = {n for pair in pairs for n in (pair, pair + 1)}
    return items | {n + 1 for n in items if n + 1 < len(sentences) and n + 1 not in items
                    and len(sentences[n + 1].split()) <= MAX_HEADING_WORDS}


def _is_prose(sentence: str) -> bool:
    """Mostly letters, at least three words, and not a heading or contents line ("I. Introduction, 488. — II. The
    model, 489.", "Figures Preface 1.": short, every word capitalised or a number)."""
    visible = [char for char in sentence if not char.isspace()]
    letters = sum(char.isalpha() for char in visible)
    tokens = sentence.rstrip(".").split()
    heading = len(tokens) <= MAX_HEADING_WORDS and all(token[:1].isupper() or token[:1].isdigit() for token in tokens)
    return len(tokens) >= 3 and letters >= MIN_LETTER_SHARE * len(visible) and not _CONTENTS.search(sentence) and not heading


def summary_kind(title: str, approach: str) -> Kind:
    """The kind of contribution, from cue words of the title or the approach sentence."""
    if _SURVEY_TITLE.search(title):  # "A Survey on Multimodal LLMs"
        return "survey"
    for kind, cue in _KIND_CUES:
        if cue.search(title) or (cue.search(approach) and _claims(kind, approach)):
            return kind
    return "method" if proposes(approach) else "other"


def _claims(kind: Kind, approach: str) -> bool:
    """A dataset, benchmark or system counts only when proposed ("we release a dataset"), not when used."""
    if kind not in ("dataset", "benchmark", "system"):
        return True
    cue = next(pattern for name, pattern in _KIND_CUES if name == kind)
    return any(cue.search(" ".join(after.group(1).split()[:8])) for after in _PROPOSING_VERB.finditer(approach))


def sentence_roles(paper: Paper) -> dict[str, Role]:
    """Each content sentence of a structured abstract and the role its label gives it; empty for an unstructured one."""
    return dict(_roles(summary_text(paper) or ""))


@functools.lru_cache(maxsize=8192)
def _roles(text: str) -> Mapping[str, Role]:
    roles: dict[str, Role] = {}
    for role, part in labelled_parts(text):
        for sentence in content_sentences(part) if role else ():
            roles.setdefault(sentence, role)
    return roles


def _problem_index(parts: Sequence[str], approach_at: int, roles: Mapping[str, Role]) -> int:
    """The sentence before the approach with the most problem cues (earliest on ties), else the first sentence of a
    structured abstract's background, else the first.

    When the abstract opens with its approach, the problem is looked for in the sentences after it.
    """
    candidates = range(approach_at) if approach_at > 0 else range(1, len(parts))
    scored = [(len(_PROBLEM_CUES.findall(parts[i])), -i) for i in candidates]
    best = max(scored, default=(0, 0))
    background = next((i for i in candidates if roles.get(parts[i]) == "problem"), 0)
    return -best[1] if best[0] > 0 else background


def _finding_index(parts: Sequence[str], approach_at: int, roles: Mapping[str, Role]) -> int | None:
    """The first conclusion of a structured abstract after the approach, else the sentence after the approach with the
    most result cues (earliest on ties; among its results when labelled), or None.

    Strong cues ("results show", "outperforms") weigh double; another proposing sentence is penalised.
    """
    after = range(approach_at + 1, len(parts))
    concluding = next((i for i in after if roles.get(parts[i]) == "conclusion" and not says_only_it_works(parts[i])), None)
    if concluding is not None:
        return concluding
    labelled = [i for i in after if roles.get(parts[i]) == "result"]
    scored = [(_finding_score(parts[i]), -i) for i in labelled or after]
    best = max(scored, default=(0, 0))
    return -best[1] if best[0] > 0 or labelled else None  # a labelled result is one without cue words too


def says_only_it_works(sentence: str) -> bool:
    """Whether a result sentence only says the method works ("results show the effectiveness of our method")."""
    return bool(_VAGUE_FINDING.search(sentence)) and not _FIGURE.search(sentence)


def reports_a_result(sentence: str) -> bool:
    """Whether a sentence reads as a result ("On 12 benchmarks it improves accuracy by 3.1%"), by its cue words."""
    return _finding_score(sentence) > 0


def _finding_score(sentence: str) -> int:
    if says_only_it_works(sentence):
        return 0
    proposing = makes_something(sentence)
    return 2 * len(_STRONG_FINDING_CUES.findall(sentence)) + len(_FINDING_CUES.findall(sentence)) - 2 * proposing
