"""Sentences of an abstract that say nothing of the work: instructions planted for a language model, where the code
is, and what publishers and databases add (copyright lines, venues, disclaimers); a publisher's page copied whole; and
numbers that are no part of the text (a preprint's line numbers, flattened reference numbers, glued item numbers)."""

from __future__ import annotations

import re

# Instructions planted for a language model: never quoted, never a label.
_PLANTED = re.compile(r"\b(?:ignore|disregard)\b[^.]*\b(?:instructions?|prompts?)\b|\bcite\b", re.IGNORECASE)
# Sentences about where the code is, not about the work.
_ASIDE = re.compile(r"https?://|\bwww\.|\bgithub\b|\bdoi\.org\b|"
                    r"\b(?:code|codes|source code|implementation|data|datasets?|models?|software|tools?|toolkit|demo|"
                    r"project page|resources?)\b[^.]{0,40}\b(?:is|are|will be|has been|have been|can be)\s+(?:made\s+)?"
                    r"(?:publicly |freely |openly )?(?:available|released|accessible|found|downloaded)|"
                    r"\bwe (?:publicly )?(?:release|open-source|make available) (?:our|the|all) (?:code|source|implementation)|"
                    r"\bavailable (?:at|from|online)\b|"
                    r"\bofficial (?:\w+ )?(?:repository|implementation|code(?:base)?)\b|"  # "Official PyTorch ..."
                    r"\b(?:repository|implementation|code) (?:for|of) (?:the|our) paper\b", re.IGNORECASE)
# Publishing boilerplate: copyright lines, proceedings and venue notes, talks, admin notes.
_BOILERPLATE = re.compile(r"\u00a9|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b|\bpublished by\b|"
                          r"\b(?:elsevier|springer(?:-verlag)?|wiley)\b|\bproceedings of\b|\bkeynote\b|\binvited talk\b|"
                          r"\baccepted (?:for publication|at|to)\b|\bto appear in\b|\barxiv admin note\b|"
                          r"\bthis (?:is an|extended) (?:extended )?abstract\b|\bpresented at the\b|"
                          r"\bno abstract\b|"  # "This article has no abstract DOI:10 ..." (a DOI cited in prose is not)
                          # a disclaimer ("DisclaimerThe contents ... do not constitute an official position of the NIH")
                          r"\bdisclaimer|\bdo(?:es)? not (?:necessarily )?(?:represent|reflect|constitute) (?:the |an )?"
                          r"official\b|"
                          r"\bsee related (?:reply|letter|article|editorial|commentary)\b|"  # a note on a letter
                          r"\[(?:figure|table)\b[^\]]*\]|"  # PubMed's "[Figure: see text]"
                          r"^(?:primary )?funding(?: sources?)?:|^trial registrations?:|"  # Annals, BMJ
                          # the paper's own reference: "– ICES Journal of Marine Science, 68: 972–981."
                          r"^[\u2013\u2014-]?\s*(?:[\w&.'-]+\s){0,8}[\w&.'-]+,\s*\d+(?:\s?\(\d+\))?:\s*\d+\s?"
                          r"[\u2013\u2014-]\s?\d+\.?$", re.IGNORECASE)

# A publisher's article page copied whole, as a Zotero capture keeps it in the abstract: the journal, the authors and
# their addresses, the page's links ("Search for more papers by this author", "Track CitationsAdd to favorites"), the
# text, then its references ("Crossref | PubMed | Google Scholar", "Citing Literature", "ReferencesRelatedInformation").
_PAGE_HEAD = re.compile(r"\bsearch for more papers by this author\b|\badd to favorites\b|\btrack citations\b|"
                        r"\bdownload citations\b|\bcorresponding author\b|\[email\s(?:&#160;)?protected\]|\borcid\.org/|"
                        r"\bcopy url\b|\bshare\s?on\s?(?:email|facebook|twitter)|\bterms and conditions of use\b",
                        re.IGNORECASE)
_PAGE_REFERENCES = re.compile(r"(?i:\bgoogle scholar\b|\bcrossref\b|\bciting literature\b|referencesrelatedinformation|"
                              r"\bweb of science®|\bpubmed\s?\|)|\bREFERENCES\b|^References\s|"
                              # an entry opening on its authors: "Forastiere , F. , Stafoggia , M. , ...", "Romanello M,
                              # McGushin A, Di Napoli C, et al. The 2021 report ..."
                              r"^(?:[A-Z][\w'’-]+\s?,\s(?:[A-Z]\.\s?)+,\s?){2,}|^(?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? [A-Z]{1,2}, ){2,}")
_HEAD_SENTENCES = 6  # the page's head: its journal, title, authors and links come first


def within_the_page(sentences: list[str]) -> list[str]:
    """`sentences` of the text of a publisher's page the abstract is ("Journal of Women's HealthVol. 31, No. 6
    CommentaryFree Access ... ShareShare onFacebookTwitter ... Crossref | PubMed | Google Scholar"): after its head's
    last link, before its references; all of them where the abstract is no such page (a page has links in its head,
    or references that say where to find each)."""
    heads = [n for n, sentence in enumerate(sentences[:_HEAD_SENTENCES]) if _PAGE_HEAD.search(sentence)]
    cited = [n for n, sentence in enumerate(sentences) if _PAGE_REFERENCES.search(sentence)]
    if not heads and len(cited) < 2:
        return sentences
    start = heads[-1] + 1 if heads else 0
    return sentences[start:next((n for n in cited if n >= start), len(sentences))]


# A preprint's line numbers, which an abstract copied from its PDF keeps between its words: "likely due 13 to unspecific
# antibody responses ... neutralizing 14 antibody responses ... in those sera. 15 We confirm" (CORD-19, medRxiv).
_NUMBER_BETWEEN_WORDS = re.compile(r"(?<=[\w.,;)] )\d{1,4} (?=[A-Za-z(])")
_LINE_RUN = 3  # three numbers counting up, one by one, are lines; two may be anything ("between 2 and 3 doses")
_LINE_CHARS = (40, 250)  # ... a line of a page apart ("15 patients and 16 controls in 17 centres" are counts)


# Reference numbers a journal set as superscripts, flattened: "clinical trials.1,2 If ...", "surveys of authors,5 registries"
_REFERENCE_NUMBERS = re.compile(r"(?<=[a-z]{3}[.,;])\d{1,3}(?:[,\u2013-]\d{1,3})*(?=\s)")
# The number of a list's next item glued to the full stop before it, as Wiley's numbered abstracts lose their line
# breaks in exports: "arising from fine-scale environmental variation.2. We explain ..."
_GLUED_ITEM_NUMBER = re.compile(r"(?<=[a-z]{3}\.)\d{1,2}\.(?=\s+[A-Z])")


def without_stray_numbers(text: str) -> str:
    """`text` without the numbers that are no part of it: line numbers, then glued item numbers and reference numbers."""
    return _REFERENCE_NUMBERS.sub("", _GLUED_ITEM_NUMBER.sub("", without_line_numbers(text)))


def without_line_numbers(text: str) -> str:
    """`text` without the line numbers of the page it was copied from: numbers alone between words that count up one
    by one a line apart, three or more of them (a count in the text, "15 patients", stays)."""
    found = list(_NUMBER_BETWEEN_WORDS.finditer(text))
    if len(found) < _LINE_RUN:
        return text
    lines: set[int] = set()
    run = [found[0]]
    for number in found[1:]:
        next_line = int(number[0]) == int(run[-1][0]) + 1 and \
            _LINE_CHARS[0] <= number.start() - run[-1].end() <= _LINE_CHARS[1]
        run = run + [number] if next_line else [number]
        if len(run) >= _LINE_RUN:
            lines.update(match.start() for match in run)
    return _NUMBER_BETWEEN_WORDS.sub(lambda number: "" if number.start() in lines else number[0], text) if lines else text


def says_nothing_of_the_work(sentence: str) -> bool:
    """Whether `sentence` is planted instructions, a note on where code or data are, or publishing boilerplate."""
    return bool(_PLANTED.search(sentence) or _ASIDE.search(sentence) or _BOILERPLATE.search(sentence))
