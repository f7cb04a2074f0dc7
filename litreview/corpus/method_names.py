"""The short name a paper gives its method, read from its own title or abstract (never invented)."""

from __future__ import annotations

import re

# A name token (UNIREX, ER-Test, M2PT, APrompt, LoRA); `_name_in` keeps those with a capital or digit after the
# first letter. Possessive: a token is never re-split, so a 40,000-letter word costs one pass, not a quadratic scan.
_NAME = r"([A-Za-z][A-Za-z0-9]*+(?:-[A-Za-z0-9]++)*+)"
_PROPOSING = re.compile(r"\b(?:we|this paper|this work)\s+(?:propose|present|introduce|develop|design)s?\b[^.]*", re.IGNORECASE)
_NAMED = re.compile(r"\b(?:namely|called|dubbed|named|termed|coined)\s+" + _NAME)
_DEFINED = re.compile(r"\(" + _NAME + r"\)")
# The name right after the verb, unless it starts a longer capitalised phrase ("MUltimodal Structural ...").
_LEADING = re.compile(r"(?i:propose|present|introduce|develop|design)s?\s+(?i:an?\s+|the\s+)?(?i:novel\s+|new\s+|simple\s+)?"
                      + _NAME + r"\b(?!\s+[A-Z])")
_HAS_CAPITAL_INSIDE = re.compile(r".[A-Z0-9]")
_MAX_NAME = 40  # longer "names" are runs of letters, not what a paper calls its method
# Acronyms of the field, which a proposing sentence defines in passing but no paper is named by.
_FIELD_ACRONYMS = frozenset(
    "LM LMs LLM LLMs MLLM MLLMs VLM VLMs PLM PLMs NLP NLU NLG MT NMT RL QA VQA CV AI ML DL KD GNN GNNs CNN CNNs "
    "RNN RNNs LSTM MoE ICL CoT RAG SOTA SLM SLMs "
    "COVID COVID-19 SARS SARS-CoV SARS-CoV-2 MERS MERS-CoV HIV AIDS ARDS ICU".split()  # "COVID-19: Impact of ..."
)


_ARTICLE_KINDS = frozenset({"review", "editorial", "commentary", "correspondence", "letter", "erratum", "correction",
                            "perspective", "opinion", "viewpoint", "news", "case report", "short communication",
                            "mini review", "research letter", "systematic review"})  # "Review: ...", no method's name


_DOES_TO = re.compile(r"[A-Z][a-z]+ing|Towards?|Beyond|On|About|Against|Fighting")


def method_name(title: str | None, abstract: str | None) -> str | None:
    """`Mixout` from "Mixout: Effective ...", else the name the abstract's proposing sentence defines. Not what the
    paper does to a name ("Tackling SARS-CoV-2: ...", "Towards GPT-4: ..."), nor the field's ("COVID-19: Impact of ...")."""
    head = title_head(title)
    if head and not _DOES_TO.fullmatch(head.split()[0]) and head not in _FIELD_ACRONYMS:
        return head
    for sentence in _PROPOSING.finditer(abstract or ""):
        name = _name_in(sentence.group(0))
        if name:
            return name
    return None


def title_head(title: str | None) -> str | None:
    """The name before a title's colon: "Mixout" of "Mixout: Effective ...". Citation keys are made from it."""
    head, colon, _ = (title or "").partition(":")
    words = head.split()
    # a name, not a topic or a kind of article: a capital or digit in every word ("Mixout", "mBLIP", "Prefix-Tuning";
    # not "COVID-19 outbreak", "Deep learning", "Review"), and not PubMed's bracketed translated title ("[COVID-19 ...]")
    if colon and 0 < len(words) <= 2 and len(head) <= 30 and all(re.search(r"[A-Z0-9]", word) for word in words) \
            and not head.startswith(("[", "(")) and head.strip().lower() not in _ARTICLE_KINDS:
        return head.strip()
    return None


def _name_in(sentence: str) -> str | None:
    """"namely X" / "called X", else "propose X", else the first acronym defined that is not the field's."""
    for pattern in (_NAMED, _LEADING, _DEFINED):
        for match in pattern.finditer(sentence):
            name = match.group(1)
            if len(name) <= _MAX_NAME and _HAS_CAPITAL_INSIDE.search(name) and name not in _FIELD_ACRONYMS:
                return name
    return None
