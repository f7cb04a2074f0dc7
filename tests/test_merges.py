"""Merging never loses a work: only records of one work merge (Zotero's and JabRef's rules), and every key of
a merged paper stays citable, the user's own BibTeX key first."""

from __future__ import annotations

import json
from pathlib import Path

from litreview import load_corpus

MERGES = Path(__file__).parent / "data" / "merges"


def test_works_that_only_look_alike_are_never_merged(run_cli):
    path = MERGES / "not_one_work.bib"
    result = run_cli("corpus", str(path), "--json")
    data = json.loads(result.stdout)
    keys = [p["key"] for p in data["papers"]]
    # Nature's article and the book; conference and journal versions with their own DOIs; a chapter and its
    # collection; a paper and its correction; Part I and Part II; 2011 and 2013; different authors.
    for key in ("lecun2015deep", "goodfellow2016deep", "tran2007sparse", "tran2008sparse", "gaonkar", "gaonkar:in",
                "ortiz2019calibrated", "ortiz2019erratum", "eccv2020part1", "eccv2020part2", "kumar2011survey",
                "kumar2013survey", "chen2020different", "zhou2020different"):
        assert key in keys
    # An undated record between a 2015 and a 2017 version joins one of them, never both (and no traceback).
    assert [(m["origin"], m["record_key"], m["into_key"], m["reason"]) for m in data["merges"]] == [
        (f"{path}:101", "nakamura-undated", "nakamura2017pruning", "same title")]
    assert len(keys) == 16 and "nakamura2017pruning-journal" in keys


def test_the_users_bibtex_key_is_cited_and_every_alias_stays_citable(run_cli, tmp_path):
    # The Zotero export comes first on the command line and has the abstract; the key is still the .bib's.
    corpus = load_corpus([MERGES / "zotero.json", MERGES / "mine.bib"])
    (paper,) = corpus.papers
    assert paper.key == "koh2017understanding"
    assert paper.abstract.startswith("How can we explain the predictions of a black-box model?")
    assert paper.bibtex.startswith("@inproceedings{koh2017understanding,")
    assert corpus.get("69wxD9y") is paper and corpus.get("koh2017understanding") is paper
    result = run_cli("corpus", str(MERGES / "zotero.json"), str(MERGES / "mine.bib"))
    assert result.stderr == (f"merged {MERGES / 'mine.bib'}:1 (koh2017understanding) into {MERGES / 'zotero.json'}:2 "
                             "(69wxD9y), cited as koh2017understanding: same title\n")
    manuscript = tmp_path / "paper.tex"
    manuscript.write_text("Influence functions \\citep{koh2017understanding} and again \\cite{69wxD9y}.\n")
    check = run_cli("check", str(manuscript), "--corpus", str(MERGES / "mine.bib"), "--corpus", str(MERGES / "zotero.json"))
    assert check.exit_code == 0
    assert check.stdout == f"{manuscript}: OK, all 2 cited keys are in the corpus (2 citations)\n"


def test_the_draft_cites_the_bibtex_key_not_the_zotero_id(run_cli, tmp_path):
    out = tmp_path / "related.md"
    result = run_cli("draft", "influence functions black-box predictions", "--corpus", str(MERGES / "zotero.json"),
                     "--corpus", str(MERGES / "mine.bib"), "-o", str(out), "--offline", "--quiet")
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "@koh2017understanding" in text and "69wxD9y" not in text


def test_records_without_a_year_never_chain_two_years_apart(tmp_path):
    bib = tmp_path / "chain.bib"
    bib.write_text("".join(
        f"@article{{k{n},\n  title = {{Robust Training of Deep Networks Under Label Noise}},\n"
        f"  author = {{Smith, Ann}},\n{year}}}\n\n" for n, year in enumerate(["  year = {2015},\n", "", "  year = {2017},\n"])))
    corpus = load_corpus([bib])
    assert [p.key for p in corpus.papers] == ["k0", "k2"]
    assert corpus.get("k1").key == "k0"


def test_same_doi_merges_and_different_dois_never_do(tmp_path):
    bib = tmp_path / "dois.bib"
    bib.write_text(
        "@article{a, title = {One Title Here For Testing}, author = {Lee, Bo}, year = {2020}, doi = {10.1/AAA}}\n"
        "@misc{b, title = {Testing: One Title}, year = {2023}, doi = {https://doi.org/10.1/aaa}}\n"
        "@article{c, title = {One Title Here For Testing}, author = {Lee, Bo}, year = {2020}, doi = {10.1/BBB}}\n"
        # Embase gives each conference abstract of a journal's supplement the supplement's DOI: two works, not one
        "@inproceedings{d, title = {Quality of life in primary ciliary dyskinesia}, doi = {10.1186/s12919-018-0099-8}}\n"
        "@inproceedings{e, title = {A bioinformatics analysis method for diagnosis}, doi = {10.1186/s12919-018-0099-8}}\n")
    corpus = load_corpus([bib])
    assert [p.key for p in corpus.papers] == ["a", "c", "d", "e"]
    assert [(m.record_key, m.into_key, m.reason) for m in corpus.merges] == [("b", "a", "same DOI")]


def test_a_web_page_saved_twice_is_one_and_pages_of_one_site_are_not(tmp_path):
    # a Zotero library on data ethics: a page saved with its author and again without ("noauthor_resources_nodate"),
    # both titled "Resources", too short a title to merge on alone: "Both works discuss studying technology"
    bib = tmp_path / "pages.bib"
    bib.write_text(
        "@misc{benjamin_resources, title = {Resources}, url = {https://www.ruhabenjamin.com/resources},\n"
        "  author = {Benjamin, Ruha}, abstract = {A curated list of Tech and Social Justice Initiatives.}}\n"
        "@misc{noauthor_resources_nodate, title = {Resources}, url = {http://ruhabenjamin.com/resources/},\n"
        "  abstract = {A curated list of Tech and Social Justice Initiatives.}}\n"
        "@misc{noauthor_teaching_nodate, title = {Teaching}, url = {https://www.ruhabenjamin.com/teaching}}\n"
        "@misc{other_resources, title = {Resources}, url = {https://www.example.org/resources}}\n")
    corpus = load_corpus([bib])
    assert [p.key for p in corpus.papers] == ["benjamin_resources", "noauthor_teaching_nodate", "other_resources"]
    assert [(m.record_key, m.into_key, m.reason) for m in corpus.merges] == [
        ("noauthor_resources_nodate", "benjamin_resources", "same web address and title")]


def test_one_paper_whose_subtitle_one_database_cut_is_one_and_an_extended_version_is_not(tmp_path):
    # an interoperability mapping study's exports: Web of Science cut the subtitle Scopus keeps, and the same
    # conference paper was cited twice ("@ISI:000317271900010 note that X. @6100930 note that X.")
    abstract = ("Mobile cloud computing technologies can help the growth of the eHealth sector by enabling patient data "
                "portability, seamless accessibility, lower public expenses and better IT capabilities. This paper "
                "analyses the regulatory issues that hinder such services and the opportunities that clear, workable "
                "rules would open for providers, hospitals and patients across the member states.")
    bib = tmp_path / "exports.bib"
    bib.write_text(
        "@inproceedings{6100930, title = {Mobile cloud for enabling the EU eHealth sector: Regulatory issues and "
        f"opportunities}}, author = {{Balboni, P. and Iafelice, B.}}, year = {{2011}}, abstract = {{{abstract}}}}}\n"
        "@inproceedings{ ISI:000317271900010, Title = {{Mobile Cloud for enabling the EU eHealth Sector}},\n"
        f"  Author = {{Balboni, Paolo and Iafelice, Bruno}}, Year = {{{{2011}}}}, Abstract = {{{{{abstract}}}}}}}\n"
        "@inproceedings{conway2012, title = {Managing cloud computing: A life cycle approach}, author = {Conway, G.},"
        f" year = {{2012}}, abstract = {{{abstract}}}}}\n"
        "@article{conway2013, title = {The cloud computing life cycle}, author = {Conway, G.}, year = {2013},"
        f" doi = {{10.1007/978-3-319-04519-1_12}}, abstract = {{{abstract}}}}}\n")
    corpus = load_corpus([bib])
    assert [p.key for p in corpus.papers] == ["6100930", "conway2012", "conway2013"]
    assert [(m.record_key, m.into_key, m.reason) for m in corpus.merges] == [
        ("ISI:000317271900010", "6100930", "same abstract")]


def test_a_reprint_under_another_doi_is_one_work(tmp_path):
    # IGI Global's collections reprint a chapter under a DOI of its own; a Scopus export of an interoperability
    # study held one chapter three times (2013, 2014, 2015), and the draft said the same sentence of each in turn
    abstract = ("Cloud computing transforms the way information technology is consumed and managed, promising improved "
                "cost efficiencies, accelerated innovation, faster time-to-market, and the ability to scale applications "
                "on demand. This chapter describes the service and deployment models of cloud computing and identifies "
                "the major challenges of security and privacy that its users face.")
    bib = tmp_path / "scopus.bib"
    bib.write_text("".join(
        f"@BOOK{{Sen{year}{page}, author={{Sen, J.}}, title={{Security and privacy issues in cloud computing}}, "
        f"year={{{year}}}, doi={{10.4018/978-1-4666-{isbn}.ch{chapter}}}, abstract={{{abstract}}}}}\n"
        for year, page, isbn, chapter in [(2013, 1, "4514-1", "001"), (2014, 1585, "6539-2", "074"),
                                          (2015, 1370, "8111-8", "065")]))
    corpus = load_corpus([bib])
    assert [p.key for p in corpus.papers] == ["Sen20131"]
    assert [(m.record_key, m.into_key, m.reason) for m in corpus.merges] == [
        ("Sen20141585", "Sen20131", "same title and abstract"), ("Sen20151370", "Sen20131", "same title and abstract")]


def test_one_key_in_two_database_exports_for_one_doi_is_one_work(tmp_path):
    # A Scopus and a ScienceDirect export of one search both keyed a chapter "Dhingra2016221" (ScienceDirect titles it
    # "Chapter 12 - ..."): it was "duplicate key with different content: entry skipped ... rename one of the two keys"
    (tmp_path / "scopus.bib").write_text(
        "@BOOK{Dhingra2016221,\nauthor={Dhingra, P. and Tolle, K. and Gannon, D.},\ntitle={Using Cloud-Based Analytics "
        "to Save Lives},\nyear={2016},\ndoi={10.1016/B978-0-12-803192-6.00012-8},\nabstract={The National Flood "
        "Interoperability Experiment (NFIE) is a research initiative to demonstrate the next generation of national "
        "flood hydrology modeling.}\n}\n", encoding="utf-8")
    (tmp_path / "science-direct.bib").write_text(
        '@incollection{Dhingra2016221,\ntitle = "Chapter 12 - Using Cloud-Based Analytics to Save Lives ",\nyear = '
        '"2016",\ndoi = "https://doi.org/10.1016/B978-0-12-803192-6.00012-8",\nauthor = "P. Dhingra and K. Tolle and D. '
        'Gannon",\nkeywords = "Cloud computing"\n}\n', encoding="utf-8")
    corpus = load_corpus([tmp_path / "scopus.bib", tmp_path / "science-direct.bib"])
    assert not corpus.problems and [p.key for p in corpus.papers] == ["Dhingra2016221"]
    assert [(m.record_key, m.reason) for m in corpus.merges] == [("Dhingra2016221", "same key")]
    # the same key for another DOI is another work, skipped as BibTeX would
    (tmp_path / "science-direct.bib").write_text(
        '@incollection{Dhingra2016221,\ntitle = "Chapter 3 - Ocean data portals",\nyear = "2016",\ndoi = '
        '"10.1016/B978-0-12-803192-6.00003-7",\nauthor = "P. Dhingra"\n}\n', encoding="utf-8")
    corpus = load_corpus([tmp_path / "scopus.bib", tmp_path / "science-direct.bib"])
    assert len(corpus.papers) == 1 and "duplicate key 'Dhingra2016221' with different content" in corpus.problems[0].message


def test_a_doi_cut_short_is_the_same_doi_and_the_whole_one_is_kept(tmp_path):
    # The ACM Digital Library exports IEEE's MODELS papers with the DOI cut ("...2023.000" for "...2023.00036"; read
    # whole from its url where there is one, test_readers_formats), and a Zotero export cut one at its bracket: the
    # same paper twice in a draft
    ieee = tmp_path / "ieee.bib"
    ieee.write_text(
        "@inproceedings{j_lopez_word_2023, title = {Word embeddings for model-driven engineering},\n"
        "    doi = {10.1109/MODELS58315.2023.00036}, author = {L{\\'o}pez, Jos{\\'e} Antonio Hern{\\'a}ndez and "
        "Cuadrado, Jes{\\'u}s S{\\'a}nchez}, year = {2023}}\n"
        "@inproceedings{r_clariso_model-driven_2023, title = {Model-Driven Prompt Engineering}, author = {Claris{\\'o}, "
        "Robert and Cabot, Jordi}, year = {2023}, doi = {10.1109/MODELS58315.2023.00020}}\n")
    acm = tmp_path / "acm.bib"
    acm.write_text(
        "@inproceedings{10.1109/MODELS58315.2023.000,\nauthor = {L\\'{o}pez, Jos\\'{e} Antonio Hern\\'{a}ndez and "
        "Cuadrado, Jes\\'{u}s S\\'{a}nchez},\ntitle = {Word Embeddings for Model-Driven Engineering},\nyear = {2023},\n"
        "doi = {10.1109/MODELS58315.2023.000},\n"
        "abstract = {Model-Driven Engineering practitioners have to deal with the construction of modelling "
        "environments.}\n}\n"
        "@article{christiansenBiteForces2007, title = {Bite Forces and Evolutionary Adaptations to Feeding Ecology in "
        "Carnivores}, author = {Christiansen, Per and Wroe, Stephen}, year = 2007, doi = {10.1890/0012-9658(2007)88[347}}\n"
        "@article{christiansenBITE2007, title = {{BITE FORCES AND EVOLUTIONARY ADAPTATIONS TO FEEDING ECOLOGY IN "
        "CARNIVORES}}, author = {Christiansen, Per and Wroe, Stephen}, year = 2007,\n"
        "  doi = {10.1890/0012-9658(2007)88[347:BFAEAT]2.0.CO;2}}\n")
    corpus = load_corpus([ieee, acm])
    # only by their titles: "...2023.000" opens the DOI of another paper of the proceedings too, which stays apart
    assert [(m.record_key, m.into_key, m.reason) for m in corpus.merges] == [
        ("10.1109/MODELS58315.2023.000", "j_lopez_word_2023", "same title"),
        ("christiansenBITE2007", "christiansenBiteForces2007", "same title")]
    assert [p.doi for p in corpus.papers] == ["10.1109/MODELS58315.2023.00036", "10.1109/MODELS58315.2023.00020",
                                              "10.1890/0012-9658(2007)88[347:BFAEAT]2.0.CO;2"]


def test_books_merge_on_the_same_isbn_and_never_on_different_ones(tmp_path):
    bib = tmp_path / "books.bib"
    bib.write_text(
        "@book{first, title = {Pattern Recognition and Machine Learning}, author = {Bishop, Christopher},"
        " year = {2006}, isbn = {978-0-387-31073-2}}\n"
        "@book{reprint, title = {Pattern recognition \\& machine learning (Information Science)}, year = {2007},"
        " isbn = {9780387310732}}\n"
        "@book{other, title = {Pattern Recognition and Machine Learning}, author = {Bishop, Christopher},"
        " year = {2006}, isbn = {978-1-4939-3843-8}}\n")
    corpus = load_corpus([bib])
    assert [p.key for p in corpus.papers] == ["first", "other"]
    assert [(m.record_key, m.reason) for m in corpus.merges] == [("reprint", "same ISBN")]


def test_a_zotero_book_with_several_isbns_is_one_with_a_record_holding_one_of_them(tmp_path):
    # A Better BibTeX library on reservoir computing: Kantz and Schreiber's book twice, its ISBN fields holding
    # several ISBNs in another order ("978-0-521-52902-0 978-0-521-82150-6 978-0-511-75579-8" and "978-0-521-82150-6
    # 978-0-521-52902-0"), was kept as two works with a warning; an ISBN-10 is the ISBN-13 it stands for
    bib = tmp_path / "books.bib"
    bib.write_text(
        "@book{kantz2003, title = {Nonlinear {{Time Series Analysis}}}, author = {Kantz, Holger and Schreiber, Thomas},"
        " year = 2003, edition = {2}, isbn = {978-0-521-52902-0 978-0-521-82150-6 978-0-511-75579-8}}\n"
        "@book{kantz2004, title = {Nonlinear Time Series Analysis}, author = {Kantz, Holger and Schreiber, Thomas},"
        " year = 2004, edition = {2nd ed}, isbn = {978-0-521-82150-6 978-0-521-52902-0}}\n"
        "@book{kantz1997, title = {Nonlinear Time Series Analysis}, author = {Kantz, Holger and Schreiber, Thomas},"
        " year = 1997, isbn = {0-521-55144-7}}\n"
        "@book{kantzpb, title = {Nonlinear time series analysis (paperback)}, year = 2004, isbn = {0521529026}}\n")
    corpus = load_corpus([bib])
    assert [p.key for p in corpus.papers] == ["kantz2003", "kantz1997"]  # the first edition has an ISBN of its own
    assert [(m.record_key, m.reason) for m in corpus.merges] == [("kantz2004", "same ISBN"), ("kantzpb", "same ISBN")]


def test_draft_says_how_many_records_were_merged(run_cli, tmp_path):
    paths = [str(MERGES / "zotero.json"), str(MERGES / "mine.bib")]
    result = run_cli("draft", "influence functions", "--corpus", paths[0], "--corpus", paths[1], "--offline",
                     "-o", str(tmp_path / "related.md"))
    assert result.exit_code == 0, result.stderr
    assert (f"note: 1 record was merged into the paper it duplicates; `litreview corpus {' '.join(paths)}` lists each"
            in result.stderr.splitlines())


def test_two_dois_of_one_title_and_authors_are_kept_and_said(run_cli, tmp_path):
    # a real PubMed export (CRLF lines, as PubMed saves it): one paper given twice, under the journal's old and new DOI
    # prefix; and a preprint with its article. Both records are kept (the DOIs say two works), and the user is told,
    # so that the draft does not cite one work twice without their knowing.
    path = Path(__file__).parent / "data" / "pubmed_crlf.nbib"
    corpus = load_corpus(path)
    assert len(corpus.papers) == 3 and not corpus.merges
    [alike] = corpus.look_alikes
    assert (alike.key, alike.other_key) == ("llerena2020clinicala", "llerena2020clinicalb")
    assert alike.differ == "DOIs 10.1515/dmpt-2020-0143 and 10.1515/dmdi-2020-0143"
    result = run_cli("draft", "pharmacogenetics", "--corpus", str(path), "--offline", "-o", str(tmp_path / "r.md"))
    assert result.exit_code == 0, result.stderr
    assert (f"warning: {path}:96 (llerena2020clinicala) and {path}:173 (llerena2020clinicalb) have one title and "
            "authors but DOIs 10.1515/dmpt-2020-0143 and 10.1515/dmdi-2020-0143: both kept; if they are one work (a "
            "preprint and its article), delete one, or the draft may cite it twice") in result.stderr.splitlines()
    assert json.loads(run_cli("corpus", str(path), "--json").stdout)["look_alikes"] == [
        {"key": "llerena2020clinicala", "origin": f"{path}:96", "other_key": "llerena2020clinicalb",
         "other_origin": f"{path}:173", "differ": "DOIs 10.1515/dmpt-2020-0143 and 10.1515/dmdi-2020-0143"}]
    # different titles, authors or years more than one apart are no look-alikes
    bib = tmp_path / "apart.bib"
    bib.write_text(
        "@article{a, title = {One Title Here For Testing}, author = {Lee, Bo}, year = {2020}, doi = {10.1/AAA}}\n"
        "@article{b, title = {One Title Here For Testing}, author = {Kim, Jo}, year = {2020}, doi = {10.1/BBB}}\n"
        "@article{c, title = {One Title Here For Testing}, author = {Lee, Bo}, year = {2024}, doi = {10.1/CCC}}\n"
        "@article{d, title = {Another Title For Testing}, author = {Lee, Bo}, year = {2020}, doi = {10.1/DDD}}\n")
    assert load_corpus(bib).look_alikes == []


def test_titles_that_differ_in_a_negated_word_are_two_works_and_no_look_alikes(tmp_path):
    # a real Paperpile export on PFAS: the Navigation Guide's reviews of the "nonhuman" and of the "human" evidence,
    # by the same authors in the same year, were said to be one title under two DOIs; without DOIs they merged
    bib = tmp_path / "paperpile.bib"
    entry = '''@ARTICLE{{{key},
  title    = "The Navigation Guide - evidence-based medicine meets
              environmental health: systematic review of {kind} evidence for
              {{PFOA}} effects on fetal growth",
  author   = "Koustas, Erica and Lam, Juleen and Sutton, Patrice and Johnson,
              Paula I and Woodruff, Tracey J",
  journal  = "Environ. Health Perspect.",
  year     =  2014,{doi}
}}
'''
    bib.write_text(entry.format(key="Koustas2014-uu", kind="nonhuman", doi='\n  doi      = "10.1289/ehp.1307177",')
                   + entry.format(key="Johnson2014-vm", kind="human", doi='\n  doi      = "10.1289/ehp.1307893",'))
    corpus = load_corpus(bib)
    assert len(corpus.papers) == 2 and corpus.look_alikes == []
    bib.write_text(entry.format(key="Koustas2014-uu", kind="nonhuman", doi="")
                   + entry.format(key="Johnson2014-vm", kind="human", doi=""))
    assert len(load_corpus(bib).papers) == 2
    # the same negated word spelt two ways is still one title
    bib.write_text(entry.format(key="a", kind="non-human", doi="") + entry.format(key="b", kind="nonhuman", doi=""))
    assert len(load_corpus(bib).papers) == 1
