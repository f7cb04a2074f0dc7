"""Sentences of an abstract that say nothing of the work: instructions planted for a language model, where the code
is, and what publishers and databases add (copyright lines, venues, disclaimers); a publisher's page copied whole, and
a preprint's line numbers."""

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

# A publisher's article page copied whole, as a Zotero capture keeps it in the abstract: the journal, the authors'
# addresses, then the page's links ("Search for more papers by this author", "Track CitationsAdd to favorites").
_PAGE_CHROME = re.compile(r"\bsearch for more papers by this author\b|\badd to favorites\b|\btrack citations\b",
                          re.IGNORECASE)


def after_page_chrome(sentences: list[str]) -> list[str]:
    """`sentences` after the last that holds a publisher page's links, where the abstract is such a page ("Journal of
    Women's HealthVol. 31, No. 6 CommentaryFree Access ... ShareShare onFacebookTwitter"); all of them where not."""
    chrome = [n for n, sentence in enumerate(sentences) if _PAGE_CHROME.search(sentence)]
    return sentences[chrome[-1] + 1:] if chrome else sentences


# A preprint's line numbers, which an abstract copied from its PDF keeps between its words: "likely due 13 to unspecific
# antibody responses ... neutralizing 14 antibody responses ... in those sera. 15 We confirm" (CORD-19, medRxiv).
_NUMBER_BETWEEN_WORDS = re.compile(r"(?<=[\w.,;)] )\d{1,4} (?=[A-Za-z(])")
_LINE_RUN = 3  # three numbers counting up, one by one, are lines; two may be anything ("between 2 and 3 doses")
_LINE_CHARS = (40, 250)  # ... a line of a page apart ("15 patients and 16 controls in 17 centres" are counts)


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
