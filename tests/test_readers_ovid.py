"""Ovid's tagged exports (Embase, PsycINFO, Journals@Ovid): real records as Ovid writes them.

ovid_embase.ovd: two Embase records exported as "Citavi", fields "Complete Reference" (an expert searcher's open test
data). ovid_psycinfo.txt: two PsycINFO records, every line indented by one space and blank lines inside a field, and
ovid_journals.cgi: a Journals@Ovid record, both from Zotero's "OVID Tagged" import translator's test cases.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.corpus import load_corpus
from litreview.corpus.readers import read_file

DATA = Path(__file__).parent / "data"


def test_an_embase_export_gives_each_record_with_its_line():
    # was "unknown extension '.ovd'"; named .txt, each of its lines was a paper ("<3001. >", "VN - Ovid Technologies")
    records = read_file(DATA / "ovid_embase.ovd")
    assert records.format == "ovid" and not records.problems
    first, second = records.papers
    assert (first.title, first.authors, first.year, first.venue, first.doi, first.entry_type, first.origin.line) == (
        "Quality of life in patients with primary ciliary dyskinesia: A systematic review.",
        ("Behan, L.", "Rubbo, B.", "Lucas, J. S.", "Galvin, A. D."), 2018, "BMC Proceedings",
        "10.1186/s12919-018-0099-8", "inproceedings", 1)
    assert first.abstract.startswith("Background: As in most rare diseases, little is known on how primary ciliary")
    assert "quality of life" in first.keywords and "Kartagener syndrome" in first.keywords  # "*quality of life"
    assert first.url is None  # an Embase accession number is no PubMed id
    assert second.origin.line == 72 and second.title.startswith("Development of a bioinformatics analysis method")


def test_psycinfo_records_lose_the_databases_labels_and_keep_their_pubmed_link():
    records = read_file(DATA / "ovid_psycinfo.txt")  # a .txt read as what it holds
    assert records.format == "ovid" and not records.problems
    paper = records.papers[0]
    assert paper.title == ("A comparison of manifestations and impact of reassurance seeking among Japanese individuals "
                           "with OCD and depression")  # not "... depression. [References]."
    assert paper.authors == ("Kobori, Osamu", "Sawamiya, Yoko", "Iyo, Masaomi", "Shimizu, Eiji")
    assert (paper.year, paper.venue, paper.doi, paper.url) == (
        2015, "Behavioural and Cognitive Psychotherapy", "10.1017/S1352465814000277",
        "https://pubmed.ncbi.nlm.nih.gov/24892981/")
    assert "reassurance seeking" in paper.keywords
    read = load_corpus([DATA / "ovid_psycinfo.txt"]).papers[0].abstract  # without "(PsycINFO Database Record (c) 2015
    assert read.endswith("differences in reassurance seeking between OCD and depression.")  # APA, all rights ...)"
    assert [p.title[:30] for p in records.papers] == ["A comparison of manifestations", "A meta-analysis of transdiagno"]


def test_a_journals_at_ovid_record_loses_its_quotes_degrees_and_joined_sections():
    paper = read_file(DATA / "ovid_journals.cgi").papers[0]
    assert paper.title == "Injury, Illness, and Work Restriction in Merchant Seafarers"  # was quoted, then "[Article]"
    assert paper.authors == ("Lefkowitz, Rafael Y.", "Slade, Martin D.", "Redlich, Carrie A.")  # "MD, MPH 1"
    assert (paper.venue, paper.year, paper.doi) == ("American Journal Of Industrial Medicine", 2015, "10.1002/ajim.22459")
    assert "for resultant lost work. Materials and Methods: The study analyzed" in paper.abstract  # was "work., Materials"


@pytest.mark.parametrize("name", ["savedrecs.txt", "embase.ris"])
def test_an_ovid_export_named_as_text_or_ris_is_read_as_what_it_holds(tmp_path, name):
    # Ovid's "Reference Manager" export is often saved or renamed .ris: read as RIS, it had "no RIS records"
    (tmp_path / name).write_bytes((DATA / "ovid_embase.ovd").read_bytes())
    records = read_file(tmp_path / name)
    assert records.format == "ovid" and [p.title[:20] for p in records.papers] == ["Quality of life in p",
                                                                                   "Development of a bio"]


@pytest.mark.parametrize("name", ["ovid_embase.ovd", "ovid_psycinfo.txt"])
def test_an_ovid_export_is_recognised_on_stdin(run_cli, name):
    result = run_cli("corpus", "-", "--json", input=(DATA / name).read_text(encoding="utf-8"))
    assert [p["title"] for p in json.loads(result.stdout)["papers"]] == [p.title for p in read_file(DATA / name).papers]


def test_a_chapter_is_in_its_book_and_a_record_without_its_number_still_opens_one(tmp_path):
    # PsycINFO's text export pads tags with one space; a chapter's source names its editors before its book
    (tmp_path / "alert.txt").write_text(
        "VN - Ovid Technologies\nDB - PsycINFO\nTI - Understanding and tackling procrastination. [References].\n"
        "YR - 2012\nAU - Neenan, Michael\nSO - Neenan, Michael [Ed]; Palmer, Stephen [Ed]. (2012). Cognitive "
        "behavioural coaching in practice: An evidence based approach. (pp. 11-31). xvii, 254 pp. New York, NY, US: "
        "Routledge/Taylor & Francis Group; US.\nPT - Book\nPT - Edited Book\nDT - Chapter\nAB - (from the chapter) "
        "Coaching aims to bring out the best in people. (PsycINFO Database Record (c) 2012 APA, all rights reserved).\n"
        "\nVN - Ovid Technologies\nDB - PsycINFO\nTI - A second record\n      that goes on.\nYR - 2014\n", encoding="utf-8")
    chapter, second = load_corpus([tmp_path / "alert.txt"]).papers
    assert (chapter.title, chapter.venue, chapter.entry_type, chapter.abstract) == (
        "Understanding and tackling procrastination", "Cognitive behavioural coaching in practice: An evidence based "
        "approach", "book", "Coaching aims to bring out the best in people.")
    assert (second.title, second.year, second.origin.line) == ("A second record that goes on.", 2014, 12)
