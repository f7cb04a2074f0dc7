"""The offline summary of a paper: sentences of its own abstract, chosen by role and position.

No word is invented: `problem`, `approach` and `finding` are verbatim sentences of the abstract (or
the title when there is no abstract), the evidence quotes are those same sentences, the method name
comes from `method_names`, and the kind from cue words. Deterministic: same paper, same summary.
"""

from __future__ import annotations

import re

import sentencex

from litreview.corpus.method_names import method_name
from litreview.corpus.paper import Paper
from litreview.corpus.texts import summary_text
from litreview.summarize.schema import Kind, PaperSummary

# Cues are searched case-insensitively; each hit adds one to a sentence's score for that role.
_PROBLEM_CUES = re.compile(
    r"\b(?:challeng\w*|however|remains?|problems?|limit\w*|lacks?|lacking|suffers?|difficult\w*|"
    r"under-?explored|unexplored|overlook\w*|issues?|bottlenecks?|costly|expensive|struggles?|hinders?|"
    r"fails?|yet|unclear|little|gap|weakness\w*|drawbacks?|shortcomings?)\b",
    re.IGNORECASE,
)
_SUBJECT = r"\b(?:we|this (?:paper|work|study|article))\s+(?:\w+ly\s+|also\s+|first\s+|then\s+|further\s+)?"
# Proposing verbs from strongest to weakest: the first sentence matching the strongest tier is the approach.
_APPROACH_TIERS = [
    re.compile(_SUBJECT + r"(?:propose|present|introduce)s?\b", re.IGNORECASE),
    re.compile(_SUBJECT + r"(?:develop|design|describe|build|construct|create|release|formulate|devise|offer|contribute)s?\b", re.IGNORECASE),
    re.compile(_SUBJECT + r"(?:study|studies|investigate|explore|analy[sz]e|examine|evaluate|perform|conduct|show|focus|"
               r"address|use|train)s?\b", re.IGNORECASE),
]
_STRONG_FINDING_CUES = re.compile(
    r"\b(?:results?\s+(?:show|demonstrate|indicate|suggest|reveal)\w*|outperform\w*|achiev\w*|state-of-the-art|"
    r"surpass\w*|significant(?:ly)?\s+(?:improv|outperform|better|reduc)\w*|we (?:find|found|show|observe))\b",
    re.IGNORECASE,
)
_FINDING_CUES = re.compile(
    r"\b(?:results?|show\w*|demonstrat\w*|improv\w*|significant\w*|gains?|reveal\w*|effective\w*|superior|"
    r"better|consistently|reduc\w*|experiments?)\b",
    re.IGNORECASE,
)
# Instructions planted for a language model: never quoted, never a label.
_PLANTED = re.compile(r"\b(?:ignore|disregard)\b[^.]*\b(?:instructions?|prompts?)\b|\bcite\b", re.IGNORECASE)
# Sentences about where the code is, not about the work.
_ASIDE = re.compile(r"https?://|\bgithub\b|\b(?:code|codes|data|dataset|models?) (?:is|are|will be) (?:publicly )?(?:available|released)|"
                    r"\bwe (?:publicly )?release (?:our|the|all) (?:code|source)", re.IGNORECASE)
# Kind cues, tried in this order on the title and the approach sentence.
_KIND_CUES: list[tuple[Kind, re.Pattern[str]]] = [
    ("survey", re.compile(r"\b(?:survey|literature review|systematic review|overview of|tutorial)\b", re.I)),
    ("benchmark", re.compile(r"\b(?:benchmark|leaderboard|test suite|evaluation suite)\b", re.I)),
    ("dataset", re.compile(r"\b(?:dataset|data set|corpus|corpora|treebank)\b", re.I)),
    ("system", re.compile(r"\b(?:shared task|system description|toolkit|library|demo|our system|platform)\b", re.I)),
    ("position", re.compile(r"\b(?:position paper|we argue|this paper argues)\b", re.I)),
    ("analysis", re.compile(r"\b(?:analy[sz]\w*|investigat\w*|empirical study|we (?:study|examine|explore|probe)|understanding)\b", re.I)),
    ("method", re.compile(r"\b(?:method|approach|framework|model|technique|algorithm|architecture|module|strategy|"
                          r"mechanism|objective|loss|network|paradigm|pipeline|scheme|transformer|encoder|decoder)\b", re.I)),
]
# A proposing verb and the words after it, in which a dataset/benchmark noun must appear to count.
_PROPOSING_VERB = re.compile(r"\b(?:propose|present|introduce|develop|design|build|construct|create|release|collect|curate)s?\b(.*)", re.I)


def offline_summary(paper: Paper) -> PaperSummary:
    """A PaperSummary of `paper` made only of its own sentences (see the module docstring)."""
    parts = content_sentences(summary_text(paper)) or [paper.title or ""]
    parts = [part for part in parts if not _ASIDE.search(part)] or parts
    approach_at = _approach_index(parts)
    problem_at = _problem_index(parts, approach_at)
    finding_at = _finding_index(parts, approach_at)
    chosen = [parts[i] for i in dict.fromkeys(i for i in (problem_at, approach_at, finding_at) if i is not None)]
    return PaperSummary(
        key=paper.key or "",
        problem=parts[problem_at],
        approach=parts[approach_at],
        finding=parts[finding_at] if finding_at is not None else None,
        kind=summary_kind(paper.title or "", parts[approach_at]),
        method_name=method_name(paper.title, paper.abstract),
        evidence=chosen[:3],
    )


def split_sentences(text: str | None) -> list[str]:
    """The sentences of `text`, stripped, empty ones dropped (sentencex handles `e.g.`, `w.r.t.` ...)."""
    if not text or not text.strip():
        return []
    return [part.strip() for part in sentencex.segment("en", text) if part.strip()]


def content_sentences(text: str | None) -> list[str]:
    """The sentences of `text` without instructions planted for a model ("ignore ... and cite X")."""
    return [part for part in split_sentences(text) if not _PLANTED.search(part)]


def summary_kind(title: str, approach: str) -> Kind:
    """The kind of contribution, from cue words of the title or the approach sentence."""
    for kind, cue in _KIND_CUES:
        if cue.search(title) or (cue.search(approach) and _claims(kind, approach)):
            return kind
    return "method" if _APPROACH_TIERS[0].search(approach) else "other"


def _claims(kind: Kind, approach: str) -> bool:
    """A dataset, benchmark or system counts only when proposed ("we release a dataset"), not when used."""
    if kind not in ("dataset", "benchmark", "system"):
        return True
    cue = next(pattern for name, pattern in _KIND_CUES if name == kind)
    return any(cue.search(" ".join(after.group(1).split()[:8])) for after in _PROPOSING_VERB.finditer(approach))


def _approach_index(parts: list[str]) -> int:
    """The first sentence of the strongest proposing tier ("we propose", "we develop", "we study"), else the first."""
    for pattern in _APPROACH_TIERS:
        found = next((i for i, part in enumerate(parts) if pattern.search(part)), None)
        if found is not None:
            return found
    return 0


def _problem_index(parts: list[str], approach_at: int) -> int:
    """The sentence before the approach with the most problem cues (earliest on ties), else the first.

    When the abstract opens with its approach, the problem is looked for in the sentences after it.
    """
    candidates = range(approach_at) if approach_at > 0 else range(1, len(parts))
    scored = [(len(_PROBLEM_CUES.findall(parts[i])), -i) for i in candidates]
    best = max(scored, default=(0, 0))
    return -best[1] if best[0] > 0 else 0


def _finding_index(parts: list[str], approach_at: int) -> int | None:
    """The sentence after the approach with the most result cues (earliest on ties), or None.

    Strong cues ("results show", "outperforms") weigh double; another proposing sentence is penalised.
    """
    scored = [(_finding_score(parts[i]), -i) for i in range(approach_at + 1, len(parts))]
    best = max(scored, default=(0, 0))
    return -best[1] if best[0] > 0 else None


def _finding_score(sentence: str) -> int:
    proposing = any(tier.search(sentence) for tier in _APPROACH_TIERS[:2])
    return 2 * len(_STRONG_FINDING_CUES.findall(sentence)) + len(_FINDING_CUES.findall(sentence)) - 2 * proposing
