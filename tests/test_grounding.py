"""Quote matching accepts what is faithful (typography, LaTeX escapes, elisions, one slip of a word, repaired to
the paper's own words) and rejects what is not (invented words, parts out of order, a rewritten sentence)."""

from __future__ import annotations

import pytest

from litreview.grounding import find_quote, occurs_in

# An abstract as a BibTeX export leaves it: LaTeX escapes, a ligature, an en dash, typographic quotes.
ABSTRACT = ("Label noise degrades deep networks. We propose Co\\-Teaching+, a \ufb01ne-tuning scheme that lowers "
            "the error by 0.1\\% on CIFAR\u201310 with \u201cclean\u201d validation data only. "
            "Experiments on WebVision show consistent gains over strong baselines.")
TITLE = "Robust training under label noise"


@pytest.mark.parametrize("quote, words", [
    ("lowers the error by 0.1% on CIFAR-10", "lowers the error by 0.1\\% on CIFAR\u201310"),
    ("a fine-tuning scheme", "a \ufb01ne-tuning scheme"),
    ('with "clean" validation data only', "with \u201cclean\u201d validation data only"),
    ("LABEL   NOISE degrades\ndeep networks", "Label noise degrades deep networks"),
    ("Robust training", "Robust training"),
])
def test_a_faithful_copy_is_verbatim_and_kept_in_the_papers_words(quote, words):
    found = find_quote(quote, TITLE, ABSTRACT)
    assert found is not None and (found.text, found.how) == (words, "verbatim")


def test_an_elided_quote_is_accepted_when_its_parts_occur_in_order():
    found = find_quote("We propose ... on WebVision show consistent gains", TITLE, ABSTRACT)
    assert found is not None and found.how == "elided"
    assert found.text == "We propose ... on WebVision show consistent gains"
    assert find_quote("consistent gains ... We propose", TITLE, ABSTRACT) is None  # out of order
    assert find_quote("We propose ... on ImageNet", TITLE, ABSTRACT) is None  # a part the paper never wrote


def test_a_near_verbatim_quote_is_repaired_to_the_papers_words():
    found = find_quote("Experiments on WebVision show large gains over strong baselines", TITLE, ABSTRACT)
    assert found is not None and found.how == "repaired"
    assert found.text == "Experiments on WebVision show consistent gains over strong baselines"


@pytest.mark.parametrize("quote", [
    "",
    "   ",
    "Experiments on ImageNet show large gains over strong baselines",  # two words changed
    "show large gains",  # one word changed, but too short to tell a slip from a claim
    "We propose a new benchmark for noisy labels",
])
def test_what_the_paper_does_not_say_is_rejected(quote):
    assert find_quote(quote, TITLE, ABSTRACT) is None


def test_occurs_in_ignores_typography_and_latex_escapes():
    assert occurs_in("0.1% on cifar-10", ABSTRACT) and not occurs_in("0.2% on cifar-10", ABSTRACT)
