"""The Cochrane Library's BibTeX export: two real records of a search of the Cochrane Database of Systematic Reviews,
as the Library writes them ("Record #1 of 56" before each entry, authors "Smith, SR, Newton, K, and Hill, J", the
abstract after "Abstract - " with its headings without colons, then its plain language summary)."""

from __future__ import annotations

from pathlib import Path

from litreview.corpus import load_corpus
from litreview.summarize.offline import content_sentences
from litreview.write.english import lower_first, names_in

DATA = Path(__file__).parent / "data"


def test_a_cochrane_export_gives_each_review_with_its_authors_apart():
    first, second = load_corpus([DATA / "cochrane_cdsr.bib"]).papers
    # were two names, "Smith, SR, Newton, K, Smith, JA, ..., Hancock, L," and "Hill, J"
    assert first.authors == ("Smith, S. R.", "Newton, K.", "Smith, J. A.", "Dumville, J. C.", "Iheozor‐Ejiofor, Z.",
                             "Pearce, L. E.", "Barrow, P. J.", "Hancock, L.", "Hill, J.")
    assert second.authors == ("Gurusamy, K. S.", "Samraj, K.")
    assert (first.key, first.year, first.doi) == ("Smith16", 2016, "10.1002/14651858.CD011193.pub2")


def test_a_cochrane_abstract_is_the_reviews_without_its_heading_and_lay_summary():
    paper = load_corpus([DATA / "cochrane_cdsr.bib"]).papers[0]
    assert paper.abstract.startswith("Background A perianal abscess is a collection of pus")  # not "Abstract - "
    assert "Plain language summary" not in paper.abstract and "What are perianal abscesses" not in paper.abstract
    said = content_sentences(paper.abstract)
    # its headings are labels, not words of its sentences ("Selection criteria" had named a group of such reviews)
    assert not any(sentence.startswith(("Background", "Search methods", "Selection criteria", "Data collection",
                                        "Main results", "Authors")) for sentence in said), said
    assert said[0] == "A perianal abscess is a collection of pus under the skin, around the anus."
    # where the review searched and how its authors worked are no part of what it is about
    assert not any("we searched" in sentence or "review authors" in sentence for sentence in said), said
    assert any(sentence.startswith("Published or unpublished randomised controlled trials") for sentence in said)


def test_a_word_after_a_heading_is_no_name_that_keeps_its_capital_mid_sentence():
    # "@Gurusamy07 report that Drains increase the harms": "Drains" followed the heading "Authors' conclusions"
    paper = load_corpus([DATA / "cochrane_cdsr.bib"]).papers[1]
    conclusion = next(s for s in content_sentences(paper.abstract) if s.startswith("Drains increase"))
    assert lower_first(conclusion, names_in(paper.abstract)).startswith("drains increase the harms to the patient")


def test_the_companion_bib_writes_a_cochrane_author_list_as_bibtex_reads_names():
    # verbatim, "Gurusamy, KS, and Samraj, K" is one name with too many commas to BibTeX ("Gurusamy, KS, and Samraj")
    from litreview.corpus.bibexport import entry_text
    paper = load_corpus([DATA / "cochrane_cdsr.bib"]).papers[1]
    entry = entry_text(paper)
    assert "author = {Gurusamy, K. S. and Samraj, K.}," in entry
    assert entry.replace("author = {Gurusamy, K. S. and Samraj, K.},", "author = {Gurusamy, KS, and Samraj, K},") == \
        paper.bibtex.strip()  # the rest verbatim
