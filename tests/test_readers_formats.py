"""The structured readers (.bib, .ris, PubMed .nbib, Web of Science, .csv, CSL .json, .jsonl) on realistic exports in tests/data, and their errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from litreview.corpus import load_corpus
from litreview.errors import CorpusError
from litreview.corpus.latex import latex_to_text, text_to_latex
from litreview.corpus.readers import read_file
from litreview.corpus.readers import bibtex as bibtex_reader

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"


def papers_of(name: str):
    return read_file(DATA / name).papers


def by_key(papers):
    return {paper.key: paper for paper in papers}


# --- BibTeX ----------------------------------------------------------------------------------------

def test_better_bibtex_export_gives_every_entry_in_file_order_with_its_line():
    records = read_file(DATA / "better_bibtex.bib")
    assert records.format == "bibtex"
    assert [(p.key, p.origin.line) for p in records.papers] == [
        ("devlinBERTPretrainingDeep2019", 9),
        ("mullerZeroshotDenseRetrieval2021", 25),
        ("garciaContrastivePretrainingRetrieval2020", 38),
        ("vaswaniAttentionAllYou2017", 46),
        ("schmidtRobustRetrievalNoisy2022", 60),
        ("emnlp2020", 69),
    ]
    assert all(p.origin.path == str(DATA / "better_bibtex.bib") for p in records.papers)


def test_bibtex_titles_authors_and_venues_are_decoded_from_latex():
    papers = by_key(papers_of("better_bibtex.bib"))
    bert = papers["devlinBERTPretrainingDeep2019"]
    assert bert.title == "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding"
    assert bert.venue == ("Proceedings of the 2019 Conference of the North American Chapter of the Association "
                          "for Computational Linguistics: Human Language Technologies")
    assert bert.abstract.endswith("pushing the GLUE score to 80.5% (7.7% point absolute improvement) and SQuAD v1.1 "
                                  "question answering Test F1 to 93.2 (1.5 point absolute improvement).")
    muller = papers["mullerZeroshotDenseRetrieval2021"]
    assert muller.authors == ("Müller, Hans", "Dubois, Émilie", "École, Jean-Pierre")
    assert muller.abstract.endswith("show that a multilingual encoder with k-nearest-neighbour re-ranking "
                                    "recovers 92% of in-domain accuracy at O(n log n) cost.")
    assert papers["vaswaniAttentionAllYou2017"].authors[6] == "Kaiser, Łukasz"
    assert papers["garciaContrastivePretrainingRetrieval2020"].authors == (
        "García, María", "Nguyen, Thi", "Barnes and Noble Research")
    schmidt = papers["schmidtRobustRetrievalNoisy2022"]
    assert schmidt.title == "Robust Retrieval under Noisy Queries: A Benchmark – and a Baseline"
    assert schmidt.abstract == ("Query typos and ASR errors degrade retrieval by up to 30%. We release a benchmark "
                                "of noisy queries & a simple data-augmentation baseline that closes half of the gap.")


def test_zotero_comparison_signs_and_superscripts_keep_their_meaning(tmp_path):
    # Zotero's BibTeX export of a fisheries paper: "({\\textgreater}15 mmol/L)" was read "(15 mmol/L)", "p
    # {\\textless} 0.05" "p 0.05" and "10\\textsuperscript{7}" "107": numbers that say something else
    bib = tmp_path / "zotero.bib"
    bib.write_text("@article{lh2010,\n  title = {Stress in sharks},\n  abstract = {Moribund sharks had blood "
                   "lactate ({\\textgreater}15 mmol/L; p {\\textless} 0.05) in 10\\textsuperscript{7} cells "
                   "{\\textbar} sample.},\n}\n", encoding="utf-8")
    paper = read_file(bib).papers[0]
    assert paper.abstract == "Moribund sharks had blood lactate (>15 mmol/L; p < 0.05) in 10⁷ cells | sample."
    assert text_to_latex(paper.abstract) == ("Moribund sharks had blood lactate (\\ensuremath{>}15 mmol/L; p "
                                             "\\ensuremath{<} 0.05) in 10{\\ensuremath{^7}} cells | sample.")


def test_degrees_in_math_are_degrees():
    # a Better BibTeX export on paleontology: "biting angles (30$^\\circ$, 60$^{\\circ}$ and 90$^\\circ$)" read
    # "(30^∘, 60^∘ and 90^∘)"; composition stays composition
    assert latex_to_text(r"angles (30$^\circ$, 60$^{\circ}$ and 90\textdegree) at 37$^\circ$C") == "angles (30°, 60° and 90°) at 37°C"
    assert latex_to_text(r"$f \circ g$") == "f ∘ g"


def test_a_font_switch_in_a_subscript_leaves_no_space():
    # an ADS export on little red dots: "at z$_{\rm spec}$>7", "M$_{\rm BH}$" were read "z_ spec>7", "M_ BH"
    assert latex_to_text(r"two LRDs at z$_{\rm spec}$>7 with M$_{\rm BH}$ $\sim 10^{7}$ M$_{\odot}$") == \
        "two LRDs at z_spec>7 with M_BH ∼ 10^7 M_⊙"
    assert latex_to_text(r"a $16.5\,{\rm arcmin^2}$ field") == "a 16.5 arcmin^2 field"


@pytest.mark.parametrize(("latex", "text"), [
    # Mendeley writes out a line break and escapes an abstract's own LaTeX once more
    (r"a bank's economic distress$\backslash$nto other economic agents", "a bank's economic distress to other economic agents"),
    (r"the $\backslash$textit{\{}Caenorhabditis elegans{\}} roundworm", "the Caenorhabditis elegans roundworm"),
    (r"a $\backslash$nu of 0.3", "a ν of 0.3"),  # a macro that starts with n is no line break
    # Zotero escapes a backslash on each round trip
    (r"P {\textbackslash}textless .0005", "P < .0005"),
    (r"x = {\textbackslash}textbackslashtextbackslashtheta of", "x = θ of"),
    (r"{\textbackslash}n{\textbackslash}n* The intrinsic rate", "* The intrinsic rate"),
    (r"from the \$\textbackslash sim 90\$ extant species", "from the ∼ 90 extant species"),
    (r"by na{\textbackslash}textbackslashïve anuran tadpoles", "by naïve anuran tadpoles"),
    (r"La $\backslash$flqq gérontologie théâtrale $\backslash$frqq se", "La « gérontologie théâtrale » se"),
    (r"Reviews the book {\{}$\backslash$textquotedbl{\}}Making Work Work,{\{}$\backslash$textquotedbl{\}} by J. M.",
     'Reviews the book "Making Work Work," by J. M.'),
    # what Mendeley leaves of a quotation mark after escaping it on many syncs
    (r"exhibitions {\{}{\$}\backslashbackslash{\{}\backslash{\$}{\}}textquotedbl{\}}Marisa Merz{\{}{\$}"
     r"\backslashbackslash{\{}\backslash{\$}{\}}textquotedbl{\}} at", 'exhibitions "Marisa Merz" at'),
])
def test_latex_a_reference_manager_escaped_once_more_is_read_too(latex, text):
    # real Mendeley and Zotero exports (systemic risk, brain genetics, ecology, entrepreneurship libraries):
    # "distress\\nto", "\\textit{Caenorhabditis elegans}" and "P \\textless .0005" were read as the text
    assert latex_to_text(latex) == text


def test_tex_single_quotes_are_quotes():
    # a Better BibTeX export on paleontology: "the `heel bone' in the tarsus" reached the Markdown draft as "\\`heel bone'"
    assert latex_to_text("the `heel bone' in the tarsus") == "the \u2018heel bone\u2019 in the tarsus"
    assert latex_to_text("the `heel bone' of the r\\'egion") == "the \u2018heel bone\u2019 of the r\u00e9gion"
    assert latex_to_text("``double'' and the authors' own") == "\u201cdouble\u201d and the authors' own"


def test_bibtex_identifiers_years_and_keywords():
    papers = by_key(papers_of("better_bibtex.bib"))
    bert, muller = papers["devlinBERTPretrainingDeep2019"], papers["mullerZeroshotDenseRetrieval2021"]
    assert (bert.year, bert.doi, bert.url, bert.entry_type) == (
        2019, "10.18653/v1/N19-1423", "https://aclanthology.org/N19-1423", "inproceedings")
    assert bert.keywords == ("language models", "pre-training")
    assert muller.url == "https://example.org/papers/zero%20shot%20retrieval.pdf"
    vaswani = papers["vaswaniAttentionAllYou2017"]
    assert (vaswani.arxiv, vaswani.year, vaswani.abstract) == ("1706.03762", 2017, None)
    assert vaswani.keywords == ("Computer Science - Computation and Language", "Computer Science - Machine Learning")
    schmidt = papers["schmidtRobustRetrievalNoisy2022"]
    assert (schmidt.year, schmidt.arxiv, schmidt.entry_type) == (2022, "2205.01234", "online")


def test_a_doi_the_export_cut_short_is_read_whole_from_its_url(tmp_path):
    # The ACM Digital Library's BibTeX cuts some DOIs ("10.1145/371446"); its url holds them whole
    bib = tmp_path / "acm.bib"
    bib.write_text(
        "@article{10.1145/371446,\nauthor = {Ma, Rui},\ntitle = {Model Repair},\nyear = {2025},\n"
        "url = {https://dl.acm.org/doi/10.1145/3714465},\ndoi = {10.1145/371446}\n}\n"
        "@inproceedings{10.1109/MODELS58315.2023.000,\ntitle = {Word Embeddings for Model-Driven Engineering},\n"
        "url = {https://dl.acm.org/doi/abs/10.1109/MODELS58315.2023.00036},\ndoi = {10.1109/MODELS58315.2023.000}\n}\n"
        "@article{other, title = {Another paper}, doi = {10.1145/3714465},\n"
        "  url = {https://dl.acm.org/doi/10.1145/3714465.3714470}}\n")
    assert [paper.doi for paper in read_file(bib).papers] == [
        "10.1145/3714465", "10.1109/MODELS58315.2023.00036", "10.1145/3714465"]
    ris = tmp_path / "acm.ris"
    ris.write_text("TY  - JOUR\nTI  - Model Repair\nUR  - https://doi.org/10.1145/3714465\nDO  - 10.1145/371446\nER  - \n")
    assert [paper.doi for paper in read_file(ris).papers] == ["10.1145/3714465"]


def test_string_macros_are_resolved_with_concatenation_and_inlined_in_the_exported_entry():
    muller = by_key(papers_of("better_bibtex.bib"))["mullerZeroshotDenseRetrieval2021"]
    venue = "IEEE Transactions on Pattern Analysis and Machine Intelligence (Special Issue on Retrieval)"
    assert muller.venue == venue
    assert f"  journal = {{{venue}}},\n" in muller.bibtex
    assert "tpami" not in muller.bibtex


def test_month_macros_need_no_definition_and_stay_as_written():
    bert = by_key(papers_of("better_bibtex.bib"))["devlinBERTPretrainingDeep2019"]
    assert "  month = jun,\n" in bert.bibtex


def test_crossref_child_inherits_the_parents_fields_and_exports_them():
    papers = by_key(papers_of("better_bibtex.bib"))
    child = papers["garciaContrastivePretrainingRetrieval2020"]
    assert child.venue == ("Proceedings of the 2020 Conference on Empirical Methods in Natural Language "
                           "Processing (EMNLP)")
    assert child.year == 2020
    assert child.doi is None  # the proceedings' DOI is not the paper's
    assert "crossref" not in child.bibtex
    assert child.bibtex.endswith(
        "  pages = {118--130},\n"
        "  abstract = {We pre-train a passage encoder with a contrastive objective over Wikipedia hyperlinks and show "
        "gains on five open-domain question answering benchmarks.},\n"
        "  editor = {Webber, Bonnie and Cohn, Trevor and He, Yulan and Liu, Yang},\n"
        "  year = {2020},\n"
        "  publisher = {Association for Computational Linguistics},\n"
        "  address = {Online},\n"
        "  booktitle = {Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing "
        "({{EMNLP}})},\n"
        "}")
    parent = papers["emnlp2020"]
    assert (parent.entry_type, parent.abstract, parent.venue) == (
        "proceedings", None, "Association for Computational Linguistics")


def test_crossref_as_last_field_and_macro_in_a_capitalised_field():
    text = ('@string{ACL = "Annual Meeting of the ACL"}\n'
            "@inproceedings{child,\n  Title = {Child},\n  Booktitle = ACL # { 2020},\n  crossref = {Parent}\n}\n"
            "@proceedings{parent, year = {2020}, publisher = acl}\n")
    child, parent = bibtex_reader.read(text, "x.bib").papers
    assert child.bibtex == ("@inproceedings{child,\n  Title = {Child},\n"
                            "  Booktitle = {Annual Meeting of the ACL 2020},\n"
                            "  year = {2020},\n  publisher = {Annual Meeting of the ACL},\n}")
    assert (child.venue, child.year) == ("Annual Meeting of the ACL 2020", 2020)
    assert parent.venue == "Annual Meeting of the ACL"


def test_entries_without_macros_or_crossref_keep_the_users_text_verbatim():
    text = (DATA / "better_bibtex.bib").read_text(encoding="utf-8")
    bert = by_key(papers_of("better_bibtex.bib"))["devlinBERTPretrainingDeep2019"]
    start = text.index("@inproceedings{devlinBERTPretrainingDeep2019")
    assert bert.bibtex == text[start: text.index("\n}\n", start) + 2]


def test_duplicate_keys_are_both_returned_for_the_corpus_to_judge():
    text = "@article{same, title = {First}}\n@article{same, title = {Second}}\n@article{same, title = {First}}\n"
    papers = bibtex_reader.read(text, "dup.bib").papers
    assert [(p.key, p.title, p.origin.line) for p in papers] == [
        ("same", "First", 1), ("same", "Second", 2), ("same", "First", 3)]


def test_repeated_field_keeps_the_first_value_as_bibtex_does():
    papers = bibtex_reader.read("@article{a,\n  title = {One},\n  title = {Two}\n}\n", "f.bib").papers
    assert [p.title for p in papers] == ["One"]


def test_unreadable_year_is_no_year_and_missing_fields_are_none():
    papers = bibtex_reader.read("@misc{a, year = {forthcoming}}\n@book{b}\n", "f.bib").papers
    assert [(p.key, p.year, p.title, p.abstract, p.authors) for p in papers] == [
        ("a", None, None, None, ()), ("b", None, None, None, ())]


def test_empty_or_comment_only_bib_file_has_no_papers():
    assert bibtex_reader.read("", "e.bib").papers == []
    assert bibtex_reader.read("% just a comment\n@comment{nothing here}\n@string{x = {y}}\n", "c.bib").papers == []


def test_parenthesised_entries_and_quoted_values():
    papers = bibtex_reader.read('@Article(p2020,\n  title = "Quoted {T}itle",\n  year = "2020")\n', "p.bib").papers
    assert [(p.key, p.title, p.year, p.entry_type) for p in papers] == [("p2020", "Quoted Title", 2020, "article")]


def test_arxiv_id_from_a_google_scholar_style_journal_and_from_urls():
    text = ("@article{a, journal = {arXiv preprint arXiv:2303.08774}}\n"
            "@misc{b, url = {https://arxiv.org/pdf/2106.09685v2.pdf}}\n"
            "@misc{c, eprint = {hep-th/9901001}, archiveprefix = {arXiv}}\n"
            "@misc{d, eprint = {12345678}, eprinttype = {pubmed}}\n")
    assert [p.arxiv for p in bibtex_reader.read(text, "a.bib").papers] == [
        "2303.08774", "2106.09685", "hep-th/9901001", None]


# --- RIS -------------------------------------------------------------------------------------------

def test_zotero_ris_with_bom_and_crlf_reads_every_record():
    raw = (DATA / "zotero.ris").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfTY  - CONF\r\n")  # the file really is a Zotero export with BOM + CRLF
    records = read_file(DATA / "zotero.ris")
    assert records.format == "ris"
    assert [(p.key, p.title, p.year, p.origin.line) for p in records.papers] == [
        (None, "Dense Passage Retrieval for Open-Domain Question Answering", 2020, 1),
        (None, "Zero-Shot Dense Retrieval for German and French Legal Texts", 2021, 20),
        (None, "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks", 2021, 40),
        ("smith2019tech", "A Technical Report on Query Expansion", 2019, 56),
    ]


def test_ris_fields():
    dpr, muller, rag, report = papers_of("zotero.ris")
    assert dpr.authors == ("Karpukhin, Vladimir", "Oğuz, Barlas", "Min, Sewon", "Lewis, Patrick")
    assert dpr.venue == "Proceedings of the 2020 Conference on Empirical Methods in Natural Language Processing (EMNLP)"
    assert (dpr.doi, dpr.url, dpr.entry_type) == (
        "10.18653/v1/2020.emnlp-main.550", "https://aclanthology.org/2020.emnlp-main.550", "inproceedings")
    assert muller.abstract == ("Dense retrievers trained on English data transfer poorly to legal texts in other "
                               "languages. We study zero-shot transfer to German and French statutes.")
    assert (muller.doi, muller.keywords) == ("10.1109/TPAMI.2021.3055564", ("dense retrieval", "legal NLP"))
    assert muller.url == "https://example.org/papers/zero%20shot%20retrieval.pdf"
    assert (rag.abstract, rag.arxiv, rag.venue, rag.entry_type) == (None, "2005.11401", "arXiv", "misc")
    assert (report.authors, report.venue, report.entry_type) == (
        ("Smith, John",), "University of Nowhere Technical Reports", "techreport")
    assert report.abstract == ("Query expansion with pseudo-relevance feedback remains a strong baseline "
                               "for lexical retrieval.")


def test_ris_records_without_end_tag_are_kept():
    from litreview.corpus.readers import ris

    text = ("TY  - JOUR\nTI  - One\nAB  - First line\nERNIE continues the abstract\n"
            "TY  - JOUR\nTI  - Two\nER  - \nTY  - JOUR\nTI  - Three\nPY  - 2020\n")
    papers = ris.read(text, "r.ris").papers
    assert [(p.title, p.abstract, p.year, p.origin.line) for p in papers] == [
        ("One", "First line ERNIE continues the abstract", None, 1), ("Two", None, None, 5), ("Three", None, 2020, 8)]


def test_a_web_of_science_ris_record_online_before_its_issue_has_its_early_access_year():
    # a Web of Science RIS export on decolonial theory: 12 early-access records have no PY, only "C6  - SEP 2022", and
    # were keyed without a year ("gaiodecolonising"); C6 of another exporter is no date
    from litreview.corpus.readers import ris

    text = ("TY  - JOUR\r\nAU  - Kotze, LJ\r\nAU  - Adelman, S\r\nTI  - Environmental Law and the Unsustainability of "
            "Sustainable Development\r\nT2  - LAW AND CRITIQUE\r\nDO  - 10.1007/s10978-022-09323-4\r\nC6  - SEP 2022\r\n"
            "AN  - WOS:000852249500001\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - Printed\r\nPY  - 2023\r\nC6  - JAN 2021\r\n"
            "AN  - WOS:000852249500002\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - Elsewhere\r\nC6  - NIHMS1001\r\nER  - \r\n")
    papers = ris.read(text, "savedrecs.ris").papers
    assert [paper.year for paper in papers] == [2022, 2023, None]

def test_rayyans_tags_written_on_one_line_are_read_apart():
    # Rayyan's RIS export (ASReview's baselines) writes a tag after another's value: the DOI was
    # "10.1038/s41467-024-48400-3     LK  - https://...", which no other export's DOI matched
    from litreview.corpus.readers import ris

    text = ("TY  - JOUR\nAN  - rayyan-42924189\nTI  - Cellular structure of dinosaur scales\nY1  - 2024\n"
            "AU  - Yang, Z.\nUR  - https://www.embase.com/search/results?id=L2029880245     U2  - L2029880245\n"
            "DO  - 10.1038/s41467-024-48400-3     LK  - https://utrechtuniversity.on.worldcat.org/link?id=doi:10.1038\n"
            "ER  - \n")
    [paper] = ris.read(text, "rayyan.ris").papers
    assert (paper.doi, paper.url, paper.year) == (
        "10.1038/s41467-024-48400-3", "https://www.embase.com/search/results?id=L2029880245", 2024)


# --- PubMed (MEDLINE) ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["pubmed-dinosaur-set.txt", "pubmed.nbib", "pubmed.ris"])
def test_pubmeds_own_format_is_read_whatever_the_file_is_named(tmp_path, name):
    # PubMed's "Save, format PubMed" (pubmed-...-set.txt), an .nbib, and the same records saved as .ris (ASReview's
    # citation-file-formatting baselines, CC0): was "'LR  - ' line outside a record" and no paper
    path = tmp_path / name
    path.write_bytes((DATA / "pubmed-dinosaur-set.txt").read_bytes())
    records = read_file(path)
    assert records.format == "medline" and not records.problems
    lapse, beetles, spinosaurus = records.papers
    assert (lapse.title, lapse.year, lapse.venue) == (
        "Time lapse: A glimpse into prehistoric genomics.", 2020, "European journal of medical genetics")
    assert lapse.authors[:2] == ("Griffin, Darren K", "Larkin, Denis M")
    assert (lapse.doi, lapse.url, lapse.origin.line) == (
        "10.1016/j.ejmg.2019.03.004", "https://pubmed.ncbi.nlm.nih.gov/30922926/", 1)
    assert lapse.abstract.startswith("For the purpose of this review, 'time-lapse' refers to the reconstruction of "
                                     "ancestral (in this case dinosaur) karyotypes using genome assemblies of extant "
                                     "species. Such reconstructions")
    assert "Dinosaur" in lapse.keywords
    assert (beetles.origin.line, spinosaurus.title, spinosaurus.doi) == (
        112, "Spinosaurus is not an aquatic dinosaur.", "10.7554/eLife.80092")


def test_pubmeds_own_format_is_recognised_on_stdin():
    from litreview.corpus.readers import read_text
    records = read_text((DATA / "pubmed-dinosaur-set.txt").read_text(encoding="utf-8"), "<stdin>", fmt=None)
    assert records.format == "medline" and len(records.papers) == 3


# --- Web of Science --------------------------------------------------------------------------------

# Four records of a real Web of Science export (flash floods; its BibTeX in the same session), written as Web of
# Science's plain text and tab-delimited files: a record per "PT" ... "ER", lines that start with three spaces going on
# with the tag before them, one author a line.
@pytest.mark.parametrize("name", ["savedrecs.txt", "flash-floods.ciw"])
def test_web_of_science_plain_text_is_read_whatever_the_file_is_named(tmp_path, name):
    # savedrecs.txt, the name Web of Science gives it, was read as a listing of titles: papers titled "TI Adaptation
    # to natural flow regimes", "AB Floods and droughts are ...", one per paragraph of tags
    path = tmp_path / name
    path.write_bytes((DATA / "wos_savedrecs.txt").read_bytes())
    records = read_file(path)
    assert records.format == "web-of-science" and not records.problems
    flows, climate, internet, health = records.papers
    assert (flows.title, flows.authors, flows.year, flows.doi, flows.origin.line) == (
        "Adaptation to natural flow regimes", ("Lytle, DA", "Poff, NL"), 2004, "10.1016/j.tree.2003.10.002", 3)
    assert flows.abstract.startswith("Floods and droughts are important features of most running water ecosystems, "
                                     "but the alteration of natural flow regimes")
    assert flows.abstract.endswith("restoration of running water ecosystems.")
    assert "FLASH FLOODS" in flows.keywords and "HABITAT" in flows.keywords  # Keywords Plus, over three lines
    assert (flows.venue, flows.entry_type) == ("TRENDS IN ECOLOGY & EVOLUTION", "article")
    assert climate.title.startswith("A review of the potential impacts of climate change on surface water")
    assert len(climate.authors) == 5 and climate.origin.line == 45
    assert (internet.title, internet.entry_type, internet.year) == (
        "How to own the Internet in your spare time", "inproceedings", 2002)
    assert (health.title, health.abstract) == ("Global health impacts of floods: Epidemiologic evidence", None)


def test_a_current_web_of_science_export_with_tags_rispy_does_not_name_is_read():
    # Two records of a Web of Science export of 2026 (bibliometrix's test sample, cited references cut to four):
    # every record carries "WE" (the WoS edition) and some "C3", tags rispy's reader has no name for; it raised
    # KeyError 'UK' on them, so that every record of a current export was skipped and the file had no papers
    records = read_file(DATA / "wos_savedrecs_2026.txt")
    assert records.format == "web-of-science" and not records.problems
    gis, irt = records.papers
    assert (gis.title, gis.authors, gis.year, gis.doi, gis.venue) == (
        "Mapping the application of Geographic Information System (GIS) in real estate: a bibliometric analysis "
        "using bibliometrix and QGIS", ("Toh, Ming Liang",), 2026, "10.1080/00396265.2026.2635057", "SURVEY REVIEW")
    assert gis.abstract.startswith("This study presents a comprehensive bibliometric analysis of Geographic")
    assert (irt.title, irt.authors, irt.year, irt.origin.line) == (
        "A Bibliometric Analysis: A Tutorial for the Bibliometrix Package in R Using IRT Literature",
        ("Buyukkidik, Serap",), 2022, 45)
    assert "biblioshiny" in irt.keywords and irt.abstract.endswith("in the field of psychometrics.")


def test_web_of_science_tab_delimited_gives_the_same_papers():
    plain = read_file(DATA / "wos_savedrecs.txt").papers
    records = read_file(DATA / "wos_tab_delimited.txt")
    assert records.format == "web-of-science" and not records.problems
    said = [(p.title, p.abstract, p.authors, p.year, p.doi, p.keywords, p.entry_type) for p in records.papers]
    assert said == [(p.title, p.abstract, p.authors, p.year, p.doi, p.keywords, p.entry_type) for p in plain]
    assert [p.origin.line for p in records.papers] == [2, 3, 4, 5]


# Web of Science's "Tab-delimited (Win)" is UTF-16 with a byte-order mark and CRLF, as is a file Notepad saves as
# "Unicode"; read byte by byte as UTF-8 and Latin-1, it had given thousands of nonsense records. Without the mark (some
# tools write UTF-16-BE bare), the zero byte beside each ASCII letter tells which half holds it.
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_export_gives_the_same_papers_as_its_utf8_copy(tmp_path, encoding, run_cli):
    text = (DATA / "wos_tab_delimited.txt").read_text(encoding="utf-8-sig").replace("\n", "\r\n")
    (tmp_path / "savedrecs.txt").write_bytes(text.encode(encoding))
    wide, utf8 = read_file(tmp_path / "savedrecs.txt"), read_file(DATA / "wos_tab_delimited.txt")
    assert wide.format == "web-of-science" and not wide.problems
    assert [(p.title, p.abstract, p.authors, p.origin.line) for p in wide.papers] == [
        (p.title, p.abstract, p.authors, p.origin.line) for p in utf8.papers]
    piped = run_cli("corpus", "-", "--json", input=text.encode(encoding))
    assert [p["title"] for p in json.loads(piped.stdout)["papers"]] == [p.title for p in utf8.papers]


@pytest.mark.parametrize("source, name", [("better_bibtex.bib", "scholar.txt"), ("zotero.ris", "citations.txt")])
def test_bibtex_or_ris_saved_as_text_is_read_as_what_it_holds(tmp_path, source, name):
    # Google Scholar's BibTeX opens as a page one saves as .txt, and databases name RIS downloads "citations.txt": read
    # as listings, their papers were titled "@article{smith2020," and "TY  - JOUR"
    (tmp_path / name).write_bytes((DATA / source).read_bytes())
    as_text, original = read_file(tmp_path / name), read_file(DATA / source)
    assert as_text.format == original.format
    assert [(p.key, p.title, p.abstract) for p in as_text.papers] == [(p.key, p.title, p.abstract) for p in original.papers]


def test_web_of_science_is_recognised_on_stdin_and_a_record_without_its_end_is_kept():
    from litreview.corpus.readers import read_text
    text = (DATA / "wos_savedrecs.txt").read_text(encoding="utf-8-sig")
    assert read_text(text, "<stdin>", fmt=None).format == "web-of-science"
    cut = text.replace("ER\n\nPT C", "\nPT C")  # a record whose "ER" line was lost ends where the next begins
    papers = read_text(cut, "<stdin>", fmt=None).papers
    assert [p.title[:20] for p in papers] == ["Adaptation to natura", "A review of the pote", "How to own the Inter",
                                             "Global health impact"]


# --- Spreadsheets (.csv, .tsv) ---------------------------------------------------------------------

# Four records of a real Scopus export (cloud interoperability; its BibTeX in the same session), written as Scopus's own
# CSV export (all its columns, quoted, UTF-8 with BOM, CRLF) and as Zotero's CSV export of the same items.
def test_scopus_csv_export_is_read_with_its_columns():
    # was "unknown extension '.csv'": Scopus's default export, and the one systematic reviews screen in spreadsheets
    records = read_file(DATA / "scopus.csv")
    assert records.format == "csv" and not records.problems
    semantic, care, bioinformatics, editorial = records.papers
    assert (semantic.title, semantic.year, semantic.doi, semantic.origin.line, semantic.entry_type) == (
        "Semantic cloud community framework for services provision", 2018, "10.1007/978-3-319-64861-3_21", 2,
        "inproceedings")
    assert semantic.authors == ("Al-Mashat, T.M.", "El-Licy, F.A.", "Salah, A.I.")  # full names, Scopus ids dropped
    assert semantic.abstract.startswith("Cloud computing represents an evolution paradigm")
    assert semantic.keywords[:2] == ("Cloud broker", "Cloud Community")
    assert (bioinformatics.venue, bioinformatics.entry_type) == ("Future Generation Computer Systems", "article")
    assert care.authors[0] == "Crișan-Vida, M." and care.key is None
    assert editorial.abstract is None  # "[No abstract available]" is no abstract


def test_ieee_xplore_csv_export_gives_journal_articles_and_conference_papers():
    # IEEE Xplore's "Export > CSV" (a search on AI adoption in education): its "Document Identifier" says "IEEE Journals"
    # or "IEEE Conferences"; every row was @misc, so a journal was written "howpublished = {IEEE Access}"
    records = read_file(DATA / "ieee_xplore.csv")
    assert not records.problems
    college, arts, chatbot = records.papers
    assert [paper.entry_type for paper in records.papers] == ["article", "article", "inproceedings"]
    assert (college.venue, college.year, college.doi, college.authors) == (
        "IEEE Access", 2024, "10.1109/ACCESS.2024.3445909", ("W. Zhang", "Z. Hou"))
    from litreview.corpus.paper import author_phrase
    assert author_phrase(college) == "Zhang and Hou"
    assert college.keywords[:2] == ("AI-assisted teaching systems (AIATS)", "generative AI")
    assert chatbot.venue == "2024 IEEE Global Engineering Education Conference (EDUCON)"
    from litreview.corpus import load_corpus
    from litreview.corpus.bibexport import to_bibtex
    bib = to_bibtex(load_corpus([DATA / "ieee_xplore.csv"]).papers)
    assert "@article{" in bib and "journal = {IEEE Access}" in bib and "@inproceedings{" in bib and "howpublished" not in bib


def test_zotero_csv_export_gives_the_same_papers_and_no_item_ids_as_keys():
    scopus, zotero = read_file(DATA / "scopus.csv").papers, read_file(DATA / "zotero.csv").papers
    assert [(p.title, p.abstract, p.authors, p.year, p.doi) for p in zotero] == \
        [(p.title, p.abstract, p.authors, p.year, p.doi) for p in scopus]
    assert [p.key for p in zotero] == [None] * 4  # "QX7KZ2B4" is Zotero's item id, which no .bib cites


def test_a_spreadsheet_row_is_found_at_its_line_and_a_citation_key_column_is_its_key(tmp_path):
    path = tmp_path / "screened.tsv"
    path.write_text("Citation Key\tTitle\tAbstract\tYear\n"
                    "lytle2004\tAdaptation to natural flow regimes\t\"Floods and droughts shape rivers.\n\n"
                    "We identify three modes of adaptation.\"\t2004\n"
                    "ahern2005\tGlobal health impacts of floods\t\t2005\n", encoding="utf-8")
    flows, health = read_file(path).papers
    assert (flows.key, flows.origin.line, health.key, health.origin.line) == ("lytle2004", 2, "ahern2005", 5)
    assert flows.abstract == "Floods and droughts shape rivers. We identify three modes of adaptation."


def test_a_spreadsheet_with_no_title_or_abstract_column_is_an_error(run_cli, tmp_path):
    (tmp_path / "refs.csv").write_text("Name,Amount\nalpha,3\n", encoding="utf-8")
    result = run_cli("corpus", str(tmp_path / "refs.csv"))
    assert (result.exit_code, result.stderr) == (2, f"error: {tmp_path / 'refs.csv'}:1: no column of titles or "
                                                    "abstracts in the header row; export the records again as CSV "
                                                    "with a header row (Title, Abstract, Authors, Year, DOI)\n")


def test_a_table_of_results_beside_the_bibliography_is_skipped_with_a_warning(run_cli, tmp_path):
    # a folder given as the corpus holds the .ris and a results table: the table is no bibliography, and no error
    (tmp_path / "refs.ris").write_bytes((DATA / "zotero.ris").read_bytes())
    (tmp_path / "results.csv").write_text("Model,Accuracy\nbert,0.91\n", encoding="utf-8")
    result = run_cli("corpus", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert f"{tmp_path / 'results.csv'}:1: no column of titles or abstracts in the header row: file skipped; name " \
           "it with --corpus to read it as a bibliography" in result.stderr


# --- CSL-JSON --------------------------------------------------------------------------------------

def test_zotero_csl_json_items_with_keys_and_lines():
    records = read_file(DATA / "zotero.json")
    assert records.format == "csl-json"
    assert [(p.key, p.origin.line) for p in records.papers] == [
        ("karpukhin2020dense", 2),  # citation-key wins over id
        (None, 44),  # a Zotero item URI is not a citation key
        ("lewisRetrievalAugmentedGenerationKnowledgeIntensive2021", 65),  # Better BibTeX puts the key in id
        ("untitledNote2023", 95),
    ]


def test_manubot_references_are_keyed_as_the_manuscript_cites_them():
    # Manubot's references.json (output branch of a review): `id` is a hash, the manuscript cites `standard_id`
    henderson, oswald, xgboost, lancet = papers_of("manubot_references.json")
    assert [henderson.key, oswald.key, xgboost.key] == [
        "Henderson1950Genetic", "arxiv:2212.07677", "doi:10.1145/2939672.2939785"]
    assert lancet.key == "1FtZSmJeE"  # "doi:10.1016/s0140-6736(20)30183-5": brackets BibTeX takes for no key
    assert (oswald.year, oswald.arxiv, xgboost.doi) == (2023, "2212.07677", "10.1145/2939672.2939785")


def test_csl_json_fields():
    dpr, berg, rag, note = papers_of("zotero.json")
    assert (dpr.title, dpr.year, dpr.authors) == (
        "Dense Passage Retrieval for Open-Domain Question Answering", 2020, ("Karpukhin, Vladimir", "Oğuz, Barlas"))
    assert (dpr.doi, dpr.entry_type) == ("10.18653/v1/2020.emnlp-main.550", "inproceedings")
    assert berg.authors == ("van der Berg, Jan", "World Health Organization")
    assert (berg.year, berg.keywords, berg.abstract) == (2022, ("retrieval", "multilingual"), None)
    assert berg.venue == "Transactions of the Association for Computational Linguistics"
    assert (rag.arxiv, rag.year, rag.venue) == ("2005.11401", 2021, "arXiv")
    assert (note.title, note.year, note.url) == (None, 2023, "https://example.org/note")


def test_csl_item_with_a_field_of_the_wrong_type_is_skipped_naming_item_and_field(tmp_path):
    path = tmp_path / "items.json"
    path.write_text('[\n  {"id": "a", "title": "Fine"},\n  {"id": "b",\n   "author": "Doe, Jane"},\n'
                    '  {"id": "c", "title": "After"}\n]\n')
    records = read_file(path)
    assert [p.key for p in records.papers] == ["a", "c"]
    assert [p.line() for p in records.problems] == [
        f"{path}:3: item 2 field 'author': Input should be a valid list: item skipped; "
        "fix the value or export the file again"]


# --- JSONL -----------------------------------------------------------------------------------------

def test_jsonl_records():
    records = read_file(DATA / "papers.jsonl")
    assert records.format == "jsonl"
    chen, park, missing = records.papers
    assert [p.origin.line for p in records.papers] == [1, 3, 4]  # the blank line 2 is skipped
    assert (chen.key, chen.authors, chen.year, chen.venue, chen.keywords) == (
        "chen2023sparse", ("Chen, Li", "Ortiz, Ana"), 2023, "SIGIR", ("sparse retrieval", "BM25"))
    assert (park.key, park.authors, park.year, park.arxiv, park.entry_type) == (
        None, ("Park, Min", "Ito, Ken"), 2024, "2401.01234", "misc")
    assert (missing.year, missing.abstract, missing.keywords) == (None, None, ("retrieval", "evaluation"))


def test_jsonl_field_of_the_wrong_type(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"title": ["A", "list"]}\n{"title": "Fine"}\n')
    records = read_file(path)
    assert [p.title for p in records.papers] == ["Fine"]
    assert [p.line() for p in records.problems] == [
        f"{path}:1: field 'title': Input should be a valid string: line skipped; "
        "authors and keywords are lists of strings, year a number, other fields strings"]


# --- bad records: reported with file and line, the rest read; --strict stops at the first (exit 2) ----------

# file -> (line, what is wrong, what was done, how to fix it, papers still read)
PROBLEMS = {
    "unbalanced_braces.bib": (7, "entry 'brokenTitle2021' has unbalanced braces or quotes in field 'title'",
                              "read with them balanced (a draft's .bib gets the repaired entry)",
                              "close every { with } and every \" with \" in your file", 3),
    "entry_without_key.bib": (4, "entry without a citation key", "entry skipped", "add a key after '@inproceedings{'", 1),
    "extra_closing_brace.bib": (1, "entry 'closedEarly2020' has unbalanced braces or quotes in field 'title'",
                                "read with them balanced (a draft's .bib gets the repaired entry)",
                                "close every { with } and every \" with \" in your file", 1),
    "invalid_line.jsonl": (2, "invalid JSON (Unterminated string starting at column 27)", "line skipped",
                           "each line must be one JSON object", 1),
    "array_line.jsonl": (3, "line is an array, not a JSON object", "line skipped", "each line must be one JSON object", 1),
    "invalid.json": (9, "invalid JSON (Expecting property name enclosed in double quotes at column 2)", "item skipped",
                     "fix the syntax or export the file again as CSL JSON", 1),
    "tag_outside_record.ris": (5, "'TI  - ' line outside a record", "lines up to the next 'ER  - ' skipped",
                               "start each record with a line 'TY  - <type>'", 1),
    "better_bibtex_unbalanced.bib": (1, "entry 'hastieElementsStatisticalLearning2009' has unbalanced braces or "
                                     "quotes in field 'publisher'",
                                     "read with them balanced (a draft's .bib gets the repaired entry)",
                                     "close every { with } and every \" with \" in your file", 2),
    "scopus_key_with_space.bib": (1, "entry key 'Di Rocco2025923' holds a space, which BibTeX and biber cannot read",
                                  "read as 'DiRocco2025923' (a draft's .bib gets that key)",
                                  "remove the spaces from the key in your file", 2),
    "missing_comma.bib": (1, "entry 'chen_gpt4_goal_models_2023' has no comma after field 'isbn'",
                          "read with the comma added (a draft's .bib gets the repaired entry)",
                          "end every field but the last with a comma in your file", 2),
    "ads_unclosed.bib": (1, "entry '2016A&A...594A..13P' is not closed before the next entry", "read up to there",
                         "add the } that closes the entry", 2),
}


def test_repaired_entries_keep_their_fields_and_export_balanced():
    import bibtexparser

    hastie, zhang = read_file(BAD / "better_bibtex_unbalanced.bib").papers
    assert (hastie.venue, hastie.year, hastie.isbn, zhang.venue) == (
        "Taylor & Francis", 2009, "978-0-387-84857-0", "Communications of the ACM")
    planck, riess = read_file(BAD / "ads_unclosed.bib").papers
    assert (planck.key, planck.venue, planck.year, riess.venue) == ("2016A&A...594A..13P", "A&A", 2016, "ApJ")
    for paper in (hastie, planck):
        library = bibtexparser.parse_string(paper.bibtex)
        assert not library.failed_blocks and [e.key for e in library.entries] == [paper.key]


def test_a_field_without_its_comma_is_read_with_every_field_after_it():
    import bibtexparser

    # a Zotero export of IEEE Xplore records, edited by hand: "isbn = {...}" and the next line "doi = {...}" with no
    # comma between them; the entry was skipped ("field 'isbn' has a value that cannot be read")
    chen, hernandez = read_file(BAD / "missing_comma.bib").papers
    assert (chen.isbn, chen.doi, chen.year, chen.venue[:9]) == (
        "979-8-3503-2691-8", "10.1109/REW57809.2023.00052", 2023, "2023 IEEE")
    library = bibtexparser.parse_string(chen.bibtex)
    assert not library.failed_blocks and library.entries[0]["doi"] == "10.1109/REW57809.2023.00052"
    assert hernandez.doi == "10.1109/MODELS58315.2023.00036"


def test_a_scopus_key_with_a_space_is_cited_without_it(run_cli, tmp_path):
    import bibtexparser

    out = tmp_path / "related.tex"
    result = run_cli("draft", "metamodel completion with language models", "--corpus",
                     str(BAD / "scopus_key_with_space.bib"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "\\citet{DiRocco2025923}" in out.read_text()
    library = bibtexparser.parse_string((tmp_path / "related.bib").read_text())
    assert not library.failed_blocks
    assert sorted(entry.key for entry in library.entries) == ["DiRocco2025923", "Weyssow2024112"]


@pytest.mark.parametrize("name", sorted(PROBLEMS))
def test_a_bad_record_is_reported_with_its_line_and_the_rest_is_read(run_cli, name):
    path = BAD / name
    line, what, done, fix, kept = PROBLEMS[name]
    result = run_cli("corpus", str(path), "--json")
    assert result.exit_code == 0
    assert result.stderr == f"warning: {path}:{line}: {what}: {done}; {fix}\n"
    data = json.loads(result.stdout)
    assert len(data["papers"]) == kept
    assert data["files"][0]["skipped"] == (0 if done.startswith("read") else 1)


@pytest.mark.parametrize("name", sorted(PROBLEMS))
def test_strict_stops_at_the_first_problem_with_exit_2(run_cli, name):
    path = BAD / name
    line, what, _, fix, _ = PROBLEMS[name]
    result = run_cli("corpus", str(path), "--strict")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: {path}:{line}: {what}; {fix}\n"


def test_a_file_that_is_not_bibtex_at_all_is_an_error(run_cli):
    path = BAD / "not_bibtex.bib"
    result = run_cli("corpus", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"error: {path}:1: no BibTeX entries found; a .bib file holds entries like "
                             "@article{key, title = {...}}; check that this is the file you meant\n")


@pytest.mark.parametrize(("text", "problem"), [
    ("@article{a,\n  title = {One} {Two},\n}\n",
     "2: entry 'a' field 'title' has a value that cannot be read: {One} {Two}: entry skipped; a value is {...}, "
     "\"...\", a number or an @string name, joined by #; separate fields with commas"),
    ("@article{a2020\n  title = {x},\n}\n",
     "1: entry 'a2020' has no comma after its key: entry skipped; write '@article{a2020,'"),
    ('@article{a,\n  title = "open quote,\n  year = 2020\n}\n\n',
     "1: entry 'a' has unbalanced braces or quotes in field 'title': read with them balanced (a draft's .bib gets "
     "the repaired entry); close every { with } and every \" with \" in your file"),
    ("@article{a,\n  title = {Files under C:\\},\n  year = {2020},\n}\n",
     "1: entry 'a' has unbalanced braces or quotes in field 'title': read with them balanced (a draft's .bib gets "
     "the repaired entry); close every { with } and every \" with \" in your file"),
    ("@string{x}\n",
     "1: @string definition cannot be read (Expected equals sign after field key, but found }): entry skipped; "
     "write it as @string{name = {value}}"),
])
def test_other_bibtex_syntax_problems(tmp_path, text, problem):
    path = tmp_path / "refs.bib"
    path.write_text(text + "@article{b, title={After}}\n")
    records = read_file(path)
    assert [p.line() for p in records.problems] == [f"{path}:{problem}"]
    assert records.papers[-1].key == "b"


def test_every_bad_entry_is_reported_not_only_the_first(run_cli, tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text((BAD / "entry_without_key.bib").read_text() + "\n" + (BAD / "unbalanced_braces.bib").read_text()
                    + "\n@article{noComma2020\n  title = {x},\n}\n\n@article{last2024, title = {Last}}\n")
    result = run_cli("corpus", str(path), "--json")
    warnings = result.stderr.splitlines()
    assert [w.split(": ")[2] for w in warnings] == [
        "entry without a citation key", "entry 'brokenTitle2021' has unbalanced braces or quotes in field 'title'",
        "entry 'noComma2020' has no comma after its key"]
    assert [p["key"] for p in json.loads(result.stdout)["papers"]] == [
        "hasKey2020", "okFirst2020", "brokenTitle2021", "okAfter2022", "last2024"]


def test_bib_bytes_that_are_not_utf8_are_read_as_latin1_with_a_warning(run_cli, tmp_path):
    path = tmp_path / "latin1.bib"
    path.write_bytes("@article{a,\n  title = {Caf\u00e9},\n}\n@article{b, title = {Na\u00efve}}\n".encode("latin-1"))
    result = run_cli("corpus", str(path), "--json")
    assert result.stderr == (f"warning: {path}:2: byte 0xE9 is not UTF-8: lines that are not UTF-8 were read as "
                             "Latin-1; re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)\n")
    assert [p["title"] for p in json.loads(result.stdout)["papers"]] == ["Caf\u00e9", "Na\u00efve"]
    strict = run_cli("corpus", str(path), "--strict")
    assert (strict.exit_code, strict.stderr) == (2, f"error: {path}:2: byte 0xE9 is not UTF-8; "
                                                    "re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)\n")


def test_installed_command_prints_only_the_warning_line():
    """bibtexparser logs every block it gives up on; none of that may reach the user's terminal."""
    litreview = Path(sys.executable).with_name("litreview")
    path = BAD / "entry_without_key.bib"
    done = subprocess.run([str(litreview), "corpus", str(path), "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stderr == f"warning: {path}:4: entry without a citation key: entry skipped; add a key after '@inproceedings{{'\n"


# --- LaTeX <-> text --------------------------------------------------------------------------------

@pytest.mark.parametrize(("latex", "text"), [
    (r"M{\"u}ller", "Müller"),
    (r"\"{u}ber {\'E}cole", "über École"),
    (r"Garc{\'\i}a and \v{S}koda", "García and Škoda"),
    (r"{{BERT}}: Pre-training of Deep {B}idirectional", "BERT: Pre-training of Deep Bidirectional"),
    (r"Rock \& Roll, 50\% and \$5", "Rock & Roll, 50% and $5"),
    ("pages 1--10, a---b, ``quoted''", "pages 1–10, a—b, “quoted”"),
    (r"Fast $O(n^2)$ and $\alpha$-divergence", "Fast O(n^2) and α-divergence"),
    (r"the {\em data} is \textbf{bold text} here", "the data is bold text here"),
    ("A~B\n   spread  over\tlines", "A B spread over lines"),
    ("a bare 50% stays", "a bare 50% stays"),
    (r"\LaTeX{} and \{braces\}", "LaTeX and {braces}"),
    # a citation inside an abstract is dropped (pylatexenc would write "<cit.>"), with the space before it
    (r"soft prompts instead of all weights~\cite{lester2021}. Models~\citep[p.~3]{a,b} learn", "soft prompts instead of all weights. Models learn"),
])
def test_latex_to_text(latex, text):
    assert latex_to_text(latex) == text


def test_text_to_latex_escapes_everything_latex_would_interpret():
    text = r"Müller & Söhne: 50% of $x_1$ {{ 7*7 }} #1 ~^ \input{x} -- ``q''"
    latex = text_to_latex(text)
    assert latex == (r'M{\"u}ller \& S{\"o}hne: 50\% of \$x\_1\$ \{\{ 7*7 \}\} \#1 {\textasciitilde}'
                     r"{\textasciicircum} {\textbackslash}input\{x\} -{}- `{}`q'{}'")
    assert latex_to_text(latex) == text
    assert text_to_latex("plain words") == "plain words"


def test_jats_and_html_markup_of_zotero_exports_is_read_as_text():
    bib = {p.key: p for p in papers_of("markup/zotero_crossref.bib")}
    assert bib["lee2021GraphNeuralNetworks"].abstract == (
        "Molecular property prediction needs large labelled sets. We propose a graph neural network that predicts "
        "H2O solubility from atom graphs.")
    # entities decoded, paragraphs kept apart, and a comparison is not a tag
    assert bib["park2022MessagePassing"].abstract == (
        "Solubility matters for drugs & dyes. We introduce a message passing network for solubility prediction when "
        "p < 0.05 and n > 30.")
    csl = papers_of("markup/zotero_crossref.json")[0]
    assert csl.title == "Molecular graphs of Drosophila proteins at scale"
    assert csl.abstract == "Motivation: We study graph neural networks for in vivo protein graphs."  # a label, as PubMed has it


def test_an_arxiv_abstract_in_json_lines_loses_its_latex_escapes_but_keeps_real_backslashes(tmp_path):
    path = tmp_path / "arxiv.jsonl"
    path.write_text(json.dumps({
        "key": "vlm2vec", "title": "VLM2Vec: Training \\emph{Vision-Language} Models",
        "abstract": "Results improve by 10\\% to 20\\% on MMEB \\& its splits, with \\~4.3k labels. "
                    "Files live in C:\\data\\mmeb and \\model stays as written."}) + "\n")
    paper = read_file(path).papers[0]
    assert paper.title == "VLM2Vec: Training Vision-Language Models"
    assert paper.abstract == ("Results improve by 10% to 20% on MMEB & its splits, with ~4.3k labels. "
                              "Files live in C:\\data\\mmeb and \\model stays as written.")


def test_a_space_lost_before_a_unit_is_a_space_again():
    from litreview.corpus.mojibake import repaired
    # a Zotero export on fisheries: "blood lactate (>15\ufffdmmol/L)", "for 187-\ufffddays" (a thin space lost upstream)
    assert repaired("lactate (>15\ufffdmmol/L) for 187-\ufffddays") == "lactate (>15 mmol/L) for 187 days"
    assert repaired("at 24.0-\ufffdC and 0\ufffd offset") == "at 24.0-\ufffdC and 0\ufffd offset"  # a degree, maybe: left


def test_an_apostrophe_set_as_a_nine_is_an_apostrophe_again(tmp_path):
    from litreview.corpus import load_corpus
    # the EarthCube program's Zotero export (AGU abstracts through HighWire): "an extension of CUAHSI9s newest product"
    (tmp_path / "earthcube.bib").write_text(
        "@article{sadler_extending_2015, title = {Extending {HydroShare} to enable hydrologic time series data as social "
        "media}, abstract = {This paper presents a software extension of CUAHSI9s newest product, HydroShare. It "
        "integrates HIS into HydroShare9s social hydrology architecture. COVID-19s peak, A549s cells and H9s stay.}}\n")
    paper, = load_corpus([tmp_path]).papers
    assert paper.abstract == ("This paper presents a software extension of CUAHSI’s newest product, HydroShare. It "
                              "integrates HIS into HydroShare’s social hydrology architecture. COVID-19s peak, A549s cells "
                              "and H9s stay.")


def test_a_dash_pubmed_wrote_as_brackets_is_a_dash_again(tmp_path):
    from litreview.corpus import load_corpus
    # an EndNote RIS export of PubMed records (a review of graph embeddings for protein interactions), its lines wrapped
    text = ("TY  - JOUR\nAU  - Cook, H V\nTI  - Viruses.STRING: A Virus-Host Protein-Protein Interaction Database\n"
            "T2  - Viruses\nPY  - 2018\nAB  - As viruses continue to pose risks to global health, having a better\n"
            "      understanding of virus(-)host protein(-)protein interactions aids in the\n"
            "      development of treatments and vaccines. The (-)-epicatechin stays.\nER  - \n")
    (tmp_path / "pubmed.ris").write_text(text, encoding="utf-8")
    paper, = load_corpus([tmp_path]).papers
    assert paper.abstract == ("As viruses continue to pose risks to global health, having a better understanding of "
                              "virus-host protein-protein interactions aids in the development of treatments and "
                              "vaccines. The (-)-epicatechin stays.")


def test_what_ebsco_appends_to_an_abstract_is_no_part_of_it(tmp_path):
    from litreview.corpus import load_corpus
    # a CINAHL (EBSCO) RIS export (ASReview's baselines): a group was headed "ABSTRACT" and "All seven works discuss
    # AUTHOR"; a record whose only abstract was EBSCO's copyright notice was summarised from it
    notice = ("Copyright of PLoS ONE is the property of Public Library of Science and its content may not be copied or "
              "emailed to multiple sites or posted to a listserv without the copyright holder's express written "
              "permission. However, users may print, download, or email articles for individual use. This abstract may "
              "be abridged. No warranty is given about the accuracy of the copy. Users should refer to the original "
              "published version of the material for the full abstract. (Copyright applies to all Abstracts.)")
    (tmp_path / "cinahl.ris").write_text(
        "TY  - JOUR\nTI  - Diving dinosaurs\nAU  - Myhrvold, N. P.\nPY  - 2024\n"
        "AB  - We find no evidence that spinosaurids dived. [ABSTRACT FROM AUTHOR]\nER  - \n\n"
        f"TY  - JOUR\nTI  - Femur shape in theropods\nAU  - Pintore, R.\nPY  - 2024\nAB  - {notice}\nER  - \n",
        encoding="utf-8")
    diving, femur = load_corpus([tmp_path]).papers
    assert diving.abstract == "We find no evidence that spinosaurids dived."
    assert femur.abstract is None


def test_the_titles_in_other_languages_scopus_appends_are_no_part_of_the_title(tmp_path):
    # a Scopus .bib on academic procrastination: groups were headed "Alumnado universitario", sentences said "discuss
    # procrastinación en" and "discuss rendimiento académico", words of the titles' Spanish and Portuguese translations
    from litreview.corpus import load_corpus
    (tmp_path / "scopus.bib").write_text(
        "@ARTICLE{Bison2021,\n  author = {Bison, J.},\n  title = {Factors Related to University Students’ Motivation: "
        "A Systematic Review; [Fatores relacionados à motivação de estudantes]; [Factores relacionados con la motivación "
        "del alumnado universitario]},\n  year = {2021},\n  abstract = {We review 40 studies.}\n}\n"
        "@ARTICLE{Li2020,\n  author = {Li, A.},\n  title = {A [2+2] cycloaddition route},\n  year = {2020},\n"
        "  abstract = {We make rings.}\n}\n", encoding="utf-8")
    bison, li = load_corpus([tmp_path]).papers
    assert bison.title == "Factors Related to University Students’ Motivation: A Systematic Review"
    assert li.title == "A [2+2] cycloaddition route"

def test_the_semicolons_a_database_leaves_between_paragraphs_are_no_part_of_the_abstract(tmp_path):
    # The Lens flattens an abstract's paragraphs (an Emerald abstract's, its headings gone) into "; ;": the draft said
    # "@izzo2020gaming report that;; From the analysis and its evaluation, three clusters ..."
    (tmp_path / "lens.csv").write_text(
        '"Lens ID","Title","Publication Year","Author/s","Abstract"\n"000-584-617-129-497","Gaming for Healthcare: A '
        'Bibliometric Analysis in Business and Management","2020","Filomena Izzo; Ida Camminatiello","The purpose of '
        'this paper is to scrutinize and classify the literature. ; ; An objective bibliometric analysis is conducted. '
        '; ; From the analysis, three clusters are showed: management; gaming; insurance. Moreover, the study shows the '
        'limits of existing literature; ; This is one of the first attempts to comprehend the research stream."\n',
        encoding="utf-8")
    from litreview.corpus import load_corpus
    paper, = load_corpus([tmp_path]).papers
    assert paper.abstract == (
        "The purpose of this paper is to scrutinize and classify the literature. An objective bibliometric analysis is "
        "conducted. From the analysis, three clusters are showed: management; gaming; insurance. Moreover, the study "
        "shows the limits of existing literature. This is one of the first attempts to comprehend the research stream.")


def test_mojibake_is_repaired_in_every_format(tmp_path):
    # CORD-19 (TREC-COVID) keeps "IFN-Î³" for "IFN-γ"; a spreadsheet round trip gives "MÃ¼ller" and "donâ€™t"
    (tmp_path / "cord.jsonl").write_text(json.dumps({
        "id": "x2", "title": "Interferon-Î³ in severe COVID-19",
        "abstract": "Levels of IFN-Î³ and Î³Î´ T cells rose in 40 patients; we donâ€™t know why."}) + "\n", encoding="utf-8")
    (tmp_path / "zotero.ris").write_text("TY  - JOUR\nTI  - MÃ¼ller glia in the retina\nAU  - MÃ¼ller, Anna\n"
                                         "AB  - We studied MÃ¼ller glia in São Paulo.\nPY  - 2020\nER  - \n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text("@article{naive, title={A naïve Ça-va model from Zürich}, author={Šimić, Ana}, "
                                       "abstract={We fit a naïve model.}, year={2021}}\n", encoding="utf-8")
    from litreview.corpus import load_corpus
    papers = {p.key: p for p in load_corpus([tmp_path]).papers}
    cord = next(p for p in papers.values() if p.title.startswith("Interferon"))
    assert cord.title == "Interferon-γ in severe COVID-19"
    assert cord.abstract == "Levels of IFN-γ and γδ T cells rose in 40 patients; we don’t know why."
    retina = next(p for p in papers.values() if "retina" in p.title)
    assert (retina.title, retina.authors, retina.abstract) == (
        "Müller glia in the retina", ("Müller, Anna",), "We studied Müller glia in São Paulo.")
    assert retina.key.startswith("muller")  # keys are made from the repaired names
    assert (papers["naive"].title, papers["naive"].authors) == ("A naïve Ça-va model from Zürich", ("Šimić, Ana",))


def test_a_soft_hyphen_is_a_hyphen(tmp_path):
    # a Zotero export on brain decoding: "We present THINGS-\u00addata ... of large-\u00adscale", copied from a PDF, was
    # drafted so; CORD-19 writes "COVID\u00ad19" and "meta\u00adanalysis", which read "COVID19" where no line breaks
    (tmp_path / "refs.bib").write_text("@article{hebart2023, title={THINGS-data}, abstract={We present THINGS-\u00addata, a "
                                       "collection of large-\u00adscale datasets.}}\n", encoding="utf-8")
    (tmp_path / "cord.jsonl").write_text(json.dumps({"id": "x", "title": "Hypertension and severe COVID\u00ad19", "abstract":
                                                     "A meta\u00adanalysis found a 2.5\u00adfold risk."}) + "\n", encoding="utf-8")
    from litreview.corpus import load_corpus
    papers = {paper.key: paper for paper in load_corpus([tmp_path]).papers}
    assert papers["hebart2023"].abstract == "We present THINGS-data, a collection of large-scale datasets."
    cord = next(paper for paper in papers.values() if paper.key != "hebart2023")
    assert (cord.title, cord.abstract) == ("Hypertension and severe COVID-19", "A meta-analysis found a 2.5-fold risk.")


def test_a_ligature_copied_from_a_pdf_is_its_letters(tmp_path):
    # a Better CSL JSON export from Zotero on exoskeleton control: "online and ofﬂine PICE implementations that provide
    # additional ﬂexibility ... to further improve PICE tuning efﬁciency" was drafted so, and no theme word found them
    (tmp_path / "library.json").write_text(json.dumps([{
        "id": "liExpeditedImpedanceTuning2022", "citation-key": "liExpeditedImpedanceTuning2022", "type": "article-journal",
        "title": "Expedited online impedance tuning", "author": [{"family": "Li", "given": "Minhan"}],
        "abstract": "We developed both online and of\ufb02ine PICE implementations that provide additional \ufb02exibility "
                    "to further improve PICE tuning ef\ufb01ciency."}]), encoding="utf-8")
    from litreview.corpus import load_corpus
    [paper] = load_corpus([tmp_path]).papers
    assert paper.abstract == ("We developed both online and offline PICE implementations that provide additional "
                              "flexibility to further improve PICE tuning efficiency.")


def test_lens_and_covidence_columns_are_known_too(tmp_path):
    # The Lens ("Author/s", "Publication Year") and Covidence ("Published Year") name two columns their own way
    (tmp_path / "lens.csv").write_text('"Lens ID","Title","Publication Year","Author/s","Abstract","DOI"\n'
                                       '"001-002","Adaptation to natural flow regimes","2004","Lytle, David A.; Poff, N. '
                                       'LeRoy","Floods and droughts shape rivers.","10.1016/j.tree.2003.10.002"\n',
                                       encoding="utf-8")
    (tmp_path / "covidence.csv").write_text("Title,Authors,Abstract,Published Year,Journal\n"
                                            "Adaptation to natural flow regimes,\"Lytle, D.A.; Poff, N.L.\",Floods "
                                            "shape rivers.,2004,Trends Ecol Evol\n", encoding="utf-8")
    lens, = read_file(tmp_path / "lens.csv").papers
    covidence, = read_file(tmp_path / "covidence.csv").papers
    assert (lens.authors, lens.year, covidence.year, covidence.venue) == (
        ("Lytle, David A.", "Poff, N. LeRoy"), 2004, 2004, "Trends Ecol Evol")


def test_the_null_the_lens_writes_for_a_missing_first_name_is_no_name_and_the_two_records_are_one(tmp_path):
    # a Lens.org export of 1,000 records: "null Mohammed Fayiz Ferosh" and "Mohammed Fayiz Ferosh", one paper under two
    # records (one with its DOI, one in "Deleted Journal"), had two first initials and were kept apart
    abstract = "In this paper, an assistive navigational technology was proposed for those who are blind."
    (tmp_path / "lens.csv").write_text(
        '"Lens ID","Title","Publication Year","Source Title","Author/s","Abstract","DOI"\n'
        f'"003-391","Assistive Technology for Navigation of Visually Impaired People","2024","Journal of Electrical '
        f'Systems","null Mohammed Fayiz Ferosh","{abstract}","10.52783/jes.3479"\n'
        f'"171-402","Assistive Technology for Navigation of Visually Impaired People","2024","Deleted Journal",'
        f'"Mohammed Fayiz Ferosh","{abstract}",""\n', encoding="utf-8")
    corpus = load_corpus([tmp_path / "lens.csv"])
    assert [(p.authors, p.doi) for p in corpus.papers] == [(("Mohammed Fayiz Ferosh",), "10.52783/jes.3479")]


def test_a_spreadsheet_saved_with_semicolons_is_read(tmp_path):
    # Excel in a European locale saves a CSV with ";" between cells (and "," inside them)
    (tmp_path / "refs.csv").write_text('Title;Author;Publication Year;Abstract Note\n'
                                       'Adaptation to natural flow regimes;Lytle, D.A.;2004;"Floods, droughts; rivers."\n',
                                       encoding="utf-8")
    paper, = read_file(tmp_path / "refs.csv").papers
    assert (paper.title, paper.authors, paper.year, paper.abstract) == (
        "Adaptation to natural flow regimes", ("Lytle, D.A.",), 2004, "Floods, droughts; rivers.")


def test_an_openalex_export_is_read_with_its_own_column_names():
    # Three rows of a real OpenAlex CSV export (bibliometrix's test sample): the title is "display_name", authors
    # "authorships.author.display_name" with "|" between them, the year "publication_year", the journal
    # "primary_location.source.display_name". Read before with no title, authors, year or journal: papers keyed
    # "papera", "paperb" and, where OpenAlex gives no abstract, nothing to select them by
    records = read_file(DATA / "openalex.csv")
    assert records.format == "csv" and not records.problems
    aria, dervis, guleria = records.papers
    assert (aria.title, aria.authors, aria.year, aria.venue, aria.doi, aria.abstract) == (
        "bibliometrix : An R-tool for comprehensive science mapping analysis", ("Massimo Aria", "Corrado Cuccurullo"),
        2017, "Journal of Informetrics", "10.1016/j.joi.2017.08.007", None)
    assert dervis.authors == ("Hamid Derviş",) and dervis.abstract.startswith("This study aims to explore the usage")
    assert (guleria.year, guleria.entry_type) == (2021, "article")
    from litreview.corpus import load_corpus
    assert [paper.key for paper in load_corpus([DATA / "openalex.csv"]).papers] == [
        "aria2017bibliometrix", "dervis2020bibliometric", "guleria2021bibliometric"]


def test_a_dimensions_export_is_read_past_the_line_above_its_header(tmp_path):
    # Dimensions writes a line about the export above the header row: it was taken for the header, and the file was
    # "no column of titles or abstracts"
    (tmp_path / "Dimensions-Publication-2026-09-30.csv").write_text(
        '"About the data: Exported on Sep 30, 2026. Criteria: \'flow regimes\' in title and abstract data. '
        '\u00a9 2026 Digital Science & Research Solutions Inc. All rights reserved."\n'
        '"Rank","Publication ID","DOI","PMID","PMCID","Title","Abstract","Source title/Anthology title",'
        '"Publication Date","PubYear","Publication Type","Authors","Times cited","Dimensions URL"\n'
        '"1","pub.1004521836","10.1016/j.tree.2003.10.002","","","Adaptation to natural flow regimes","Floods and '
        'droughts are important features of most running water ecosystems.","Trends in Ecology & Evolution",'
        '"2004-02","2004","article","Lytle, David A.; Poff, N. LeRoy","1811",'
        '"https://app.dimensions.ai/details/publication/pub.1004521836"\n', encoding="utf-8")
    records = read_file(tmp_path / "Dimensions-Publication-2026-09-30.csv")
    paper, = records.papers
    assert (paper.title, paper.authors, paper.year, paper.venue, paper.doi, paper.origin.line) == (
        "Adaptation to natural flow regimes", ("Lytle, David A.", "Poff, N. LeRoy"), 2004,
        "Trends in Ecology & Evolution", "10.1016/j.tree.2003.10.002", 3)


def test_a_dimensions_export_whose_criteria_hold_semicolons_is_read_as_commas(tmp_path):
    # The delimiter was the one the first line held most of: Dimensions's line about the export lists its criteria
    # with semicolons, the header was split at ";" and the file was "no column of titles or abstracts"
    (tmp_path / "Dimensions-Publication-2026-11-27.csv").write_text(
        '"About the data: Exported on Nov 27, 2026. Criteria: \'flow regimes\' in title and abstract data; Publication '
        'Year is 2004; Publication Type is Article; Source is Trends in Ecology & Evolution."\n'
        '"Rank","Publication ID","DOI","Title","Abstract","Source title/Anthology title","PubYear","Authors"\n'
        '"1","pub.1004521836","10.1016/j.tree.2003.10.002","Adaptation to natural flow regimes","Floods and droughts; '
        'rivers.","Trends in Ecology & Evolution","2004","Lytle, David A.; Poff, N. LeRoy"\n', encoding="utf-8")
    paper, = read_file(tmp_path / "Dimensions-Publication-2026-11-27.csv").papers
    assert (paper.title, paper.abstract, paper.authors, paper.year, paper.origin.line) == (
        "Adaptation to natural flow regimes", "Floods and droughts; rivers.", ("Lytle, David A.", "Poff, N. LeRoy"), 2004, 3)


def test_openalex_keywords_are_split_at_its_bars(tmp_path):
    # OpenAlex separates the keywords of "keywords.display_name" with "|", as it does authors: they were one keyword
    (tmp_path / "works-2026-11-27.csv").write_text(
        'id,display_name,publication_year,authorships.author.display_name,keywords.display_name\n'
        'https://openalex.org/W2755950973,bibliometrix : An R-tool for comprehensive science mapping analysis,2017,'
        'Massimo Aria|Corrado Cuccurullo,Bibliometrics|Science mapping|Co-citation\n', encoding="utf-8")
    paper, = read_file(tmp_path / "works-2026-11-27.csv").papers
    assert paper.keywords == ("Bibliometrics", "Science mapping", "Co-citation")


def test_pubmed_csv_authors_are_names_bibtex_can_read():
    # PubMed's "Save, CSV" (three records of the PubMed set above, as PubMed writes them) lists authors as Vancouver
    # names after commas, "Griffin DK, Larkin DM, O'Connor RE.": they were one author, written so into the .bib, where
    # BibTeX read a first name "Griffin" and a surname "DK, Larkin DM, O'Connor RE."
    records = read_file(DATA / "pubmed.csv")
    assert records.format == "csv" and not records.problems
    griffin, penalver, sereno = records.papers
    assert (griffin.title, griffin.authors, griffin.year, griffin.venue, griffin.doi, griffin.abstract) == (
        "Time lapse: A glimpse into prehistoric genomics.", ("Griffin, D. K.", "Larkin, D. M.", "O'Connor, R. E."),
        2020, "Eur J Med Genet", "10.1016/j.ejmg.2019.03.004", None)
    assert len(penalver.authors) == 11 and penalver.authors[-1] == "Pérez-de la Fuente, R."
    assert sereno.authors[:2] == ("Sereno, P. C.", "Myhrvold, N.")


def test_vancouver_names_are_written_as_bibtex_reads_them(tmp_path):
    # MEDLINE records older than 2002 have no full names ("FAU"), only "AU  - Lytle DA"; Scopus's "Authors" column
    # writes "Lytle D.A."; a name in another order, or a list that is not all such names, stays as it is
    # (EPPI-Reviewer's RIS writes "Brownstein C D"); initials run together ("DK") only where the source writes
    # Vancouver names, as "Wei LI" of The Lens may be a first name and a surname in capitals
    from litreview.corpus.readers.fields import last_first, vancouver_list
    assert [last_first(name) for name in ("Lytle D.A.", "Brownstein C D", "Lacroix J.-P.", "Wei Li", "Wei LI",
                                          "Yasmine ABDOULAYE", "Lytle, David A.", "Lytle DA")] == [
        "Lytle, D. A.", "Brownstein, C. D.", "Lacroix, J.-P.", "Wei Li", "Wei LI", "Yasmine ABDOULAYE",
        "Lytle, David A.", "Lytle DA"]
    assert last_first("Lytle DA", vancouver=True) == "Lytle, D. A." and last_first("CAIZHI SHEN", vancouver=True) == \
        "CAIZHI SHEN"
    assert vancouver_list("Lytle D.A., Poff N.L.") == ["Lytle, D. A.", "Poff, N. L."]
    assert vancouver_list("Lytle, David A.") is None and vancouver_list("Lytle DA") is None
    assert vancouver_list("CAIZHI SHEN, JUNCHANG LU") is None
    (tmp_path / "old.nbib").write_text("PMID- 14970922\nTI  - Adaptation to natural flow regimes.\nAU  - Lytle DA\n"
                                       "AU  - Poff NL\nDP  - 2004 Feb\n", encoding="utf-8")
    paper, = read_file(tmp_path / "old.nbib").papers
    assert paper.authors == ("Lytle, D. A.", "Poff, N. L.")
    (tmp_path / "eppi.ris").write_text("TY  - JOUR\nT1  - Adaptation to natural flow regimes\nA1  - Lytle D A\n"
                                       "A1  - Poff N L\nER  - \n", encoding="utf-8")
    paper, = read_file(tmp_path / "eppi.ris").papers
    assert paper.authors == ("Lytle, D. A.", "Poff, N. L.")  # was "Lytle D A": BibTeX's surname "A"


# --- EndNote XML -----------------------------------------------------------------------------------

# The four Web of Science records above as EndNote's XML export writes them (File, Export, XML): one line for the whole
# file, each field in <style> runs (the first title partly in italics), "&#xD;" between an abstract's paragraphs.
def test_endnote_xml_export_is_read(tmp_path):
    # was "unknown extension '.xml'": EndNote's own export, which Covidence and Rayyan also take
    records = read_file(DATA / "endnote.xml")
    assert records.format == "endnote-xml" and not records.problems
    flows, climate, internet, health = records.papers
    assert (flows.title, flows.authors, flows.year, flows.doi, flows.venue, flows.origin.line) == (
        "Adaptation to natural flow regimes", ("Lytle, DA", "Poff, NL"), 2004, "10.1016/j.tree.2003.10.002",
        "TRENDS IN ECOLOGY & EVOLUTION", 1)
    assert "\r" not in flows.abstract
    assert "evolve in response to altered flow regimes? Here, we identify" in flows.abstract
    assert flows.keywords[:2] == ("RANDOMLY VARYING ENVIRONMENT", "LIFE-HISTORY EVOLUTION")
    assert (internet.entry_type, internet.doi, health.abstract) == ("inproceedings", None, None)
    plain = read_file(DATA / "wos_savedrecs.txt").papers
    assert [(p.title, p.authors, p.year, p.doi, p.abstract) for p in records.papers] == [
        (p.title, p.authors, p.year, p.doi, p.abstract) for p in plain]


def test_an_endnote_xml_written_over_many_lines_points_at_each_record(tmp_path):
    # Zotero's EndNote XML export puts a record over many lines; a file on stdin is known by its "<?xml"
    from litreview.corpus.readers import read_text
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<xml>\n  <records>\n    <record>\n      <ref-type name="Book Section">'
            '5</ref-type>\n      <contributors><authors><author>Poff N. L.</author></authors></contributors>\n      <titles>'
            '<title>Flow regimes</title></titles>\n    </record>\n    <record>\n      <titles><title>Floods</title></titles>'
            '\n      <dates><pub-dates><date>March 2005</date></pub-dates></dates>\n    </record>\n  </records>\n</xml>\n')
    records = read_text(text, "<stdin>", fmt=None)
    book, floods = records.papers
    assert (book.entry_type, book.authors, book.origin.line, floods.year, floods.origin.line) == (
        "incollection", ("Poff, N. L.",), 4, 2005, 9)


def test_xml_that_is_no_endnote_export_is_a_clear_error_and_skipped_in_a_folder(run_cli, tmp_path):
    (tmp_path / "refs.xml").write_text('<?xml version="1.0"?>\n<article><front></front></article>\n', encoding="utf-8")
    result = run_cli("corpus", str(tmp_path / "refs.xml"))
    assert result.exit_code == 2 and "refs.xml:1: XML, but not an EndNote or PubMed export (its outermost element is " \
        "<article>)" in result.stderr and "Traceback" not in result.stderr
    (tmp_path / "broken.xml").write_text("<xml><records>\n<record><titles><title>A & B</title></titles></record>"
                                         "\n</records></xml>", encoding="utf-8")
    result = run_cli("corpus", str(tmp_path / "broken.xml"))
    assert result.exit_code == 2 and "broken.xml:2: not well-formed XML (not well-formed (invalid token))" in result.stderr
    (tmp_path / "refs.xml").rename(tmp_path / "folder.xml")
    (tmp_path / "broken.xml").unlink()
    (tmp_path / "refs.bib").write_text("@article{a, title={A paper}, abstract={We study floods.}}\n", encoding="utf-8")
    result = run_cli("corpus", str(tmp_path))
    assert result.exit_code == 0 and "folder.xml:1: XML, but not an EndNote or PubMed export" in result.stderr


# The three records of the PubMed set above as PubMed's XML (efetch, retmode=xml) writes them.
def test_pubmed_xml_gives_the_papers_of_pubmeds_text_format():
    # was "XML, but not an EndNote export": what E-utilities and Biopython's Entrez fetch
    records = read_file(DATA / "pubmed.xml")
    assert records.format == "pubmed-xml" and not records.problems
    said = [(p.title, p.abstract, p.authors, p.year, p.venue, p.doi, p.url, p.entry_type) for p in records.papers]
    text = read_file(DATA / "pubmed-dinosaur-set.txt").papers
    assert said == [(p.title, p.abstract, p.authors, p.year, p.venue, p.doi, p.url, p.entry_type) for p in text]
    assert [p.origin.line for p in records.papers] == [4, 70, 138]
    assert "Dinosaurs" in records.papers[2].keywords  # MeSH descriptors, without PubMed's text format's "*" and "/..."


def test_pubmed_xml_sections_collective_authors_and_bookshelf_chapters(tmp_path):
    (tmp_path / "efetch.xml").write_text(
        '<?xml version="1.0" ?>\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID Version="1">1</PMID><Article>'
        '<Journal><JournalIssue><PubDate><MedlineDate>2020 Jan-Feb</MedlineDate></PubDate></JournalIssue>'
        '<ISOAbbreviation>N Engl J Med</ISOAbbreviation></Journal><ArticleTitle>Remdesivir for <i>severe</i> '
        'Covid-19.</ArticleTitle><Abstract><AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">No therapy was '
        'known.</AbstractText><AbstractText Label="METHODS" NlmCategory="METHODS">We randomly assigned 1062 patients.'
        '</AbstractText><CopyrightInformation>Copyright 2020 MMS.</CopyrightInformation></Abstract><AuthorList>'
        '<Author><LastName>Beigel</LastName><Initials>JH</Initials></Author><Author><CollectiveName>ACTT-1 Study Group'
        '</CollectiveName></Author></AuthorList></Article></MedlineCitation></PubmedArticle>\n<PubmedBookArticle>'
        '<BookDocument><PMID Version="1">2</PMID><Book><BookTitle>Coronavirus disease 2019</BookTitle><PubDate><Year>'
        '2023</Year></PubDate></Book><ArticleTitle>Treatment of COVID-19</ArticleTitle></BookDocument>'
        '</PubmedBookArticle>\n</PubmedArticleSet>\n', encoding="utf-8")
    remdesivir, chapter = read_file(tmp_path / "efetch.xml").papers
    assert (remdesivir.title, remdesivir.authors, remdesivir.year, remdesivir.venue) == (
        "Remdesivir for severe Covid-19.", ("Beigel, JH", "ACTT-1 Study Group"), 2020, "N Engl J Med")
    assert remdesivir.abstract == "BACKGROUND: No therapy was known. METHODS: We randomly assigned 1062 patients."
    assert (chapter.title, chapter.year, chapter.entry_type, chapter.origin.line) == (
        "Treatment of COVID-19", 2023, "incollection", 4)


def test_a_line_an_export_wrapped_inside_a_bracket_leaves_no_space_there(tmp_path):
    # Web of Science's BibTeX wraps abstracts at a fixed width: "... distributed hydrologic models (\n   interpolation
    # and extended-lead forecasting) ...", which a draft said as "models ( interpolation and ..."
    (tmp_path / "wos.bib").write_text(
        "@article{ISI:000240653900006,\nAbstract = {{Two modes for temporal\n   coupling of the radar nowcasting and "
        "distributed hydrologic models (\n   interpolation and extended-lead forecasting) are proposed [\n   12 ]}},\n"
        "Title = {{Radar nowcasting}},\n}\n", encoding="utf-8")
    paper, = read_file(tmp_path / "wos.bib").papers
    assert paper.abstract == ("Two modes for temporal coupling of the radar nowcasting and distributed hydrologic models "
                              "(interpolation and extended-lead forecasting) are proposed [12]")


# The four Web of Science records above as EndNote's tagged format (.enw), what Google Scholar's and publishers'
# "EndNote" links download; the first abstract broken over lines.
def test_endnote_tagged_format_is_read():
    # was "unknown extension '.enw'"
    records = read_file(DATA / "endnote.enw")
    assert records.format == "endnote-tagged" and not records.problems
    plain = read_file(DATA / "wos_savedrecs.txt").papers
    assert [(p.title, p.abstract, p.authors, p.year, p.doi, p.entry_type) for p in records.papers] == [
        (p.title, p.abstract, p.authors, p.year, p.doi, p.entry_type) for p in plain]
    assert [p.origin.line for p in records.papers] == [1, 25, 41, 50]
    assert records.papers[0].keywords[0] == "RANDOMLY VARYING ENVIRONMENT"


def test_endnotes_dataset_and_web_page_are_misc_in_both_its_formats(tmp_path):
    # the tagged reader knew no "Dataset": a Zenodo record exported from EndNote was written @article
    (tmp_path / "data.enw").write_text("%0 Dataset\n%T Argo float profiles\n%A Wong, Annie\n%D 2020\n\n"
                                       "%0 Electronic Article\n%T Argovis\n%A Tucker, Tyler\n%D 2020\n")
    assert [p.entry_type for p in read_file(tmp_path / "data.enw").papers] == ["misc", "article"]
    (tmp_path / "data.xml").write_text(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xml><records><record><ref-type name=\"Dataset\">59</ref-type>"
        "<contributors><authors><author><style>Wong, Annie</style></author></authors></contributors><titles><title>"
        "<style>Argo float profiles</style></title></titles><dates><year><style>2020</style></year></dates></record>"
        "</records></xml>\n")
    assert [p.entry_type for p in read_file(tmp_path / "data.xml").papers] == ["misc"]


# A Scopus CSV export with Web of Science rows pasted in (SMHomayouni/DigitalTwin4Seaports): its header, and rows as it
# has them; some DOI cells hold a bare number ("112"), and the pasted rows have no year.
_SEAPORT_HEADER = ("Authors,Author full names,Author(s) ID,Title,Year,Source title,Cited by,DOI,Link,Abstract,"
                   "Author Keywords,Index Keywords,Funding Details,Document Type,Publication Stage,Open Access,Source,EID\n")
_ARCH_ABSTRACT = ("The Arch of Ancona is one of the material symbols of the Maritime Heritage of the port-city. Built "
                  "entirely of marble, the Arch stands in the area of the new port infrastructures and is undoubtedly the "
                  "oldest and most famous architectural object in the Marche Region. The results of the integrated "
                  "digitalisation have shown how fundamentally important the Digital Twin is for its conservation and "
                  "enhancement since it provides the accuracy required to understand and interpret its deterioration.")
_SEAPORT_ROWS = (
    'Abdallah R.; Besancenot J.,"Abdallah, Rim (58115898400); Besancenot, Jérôme (58115518200)",58115898400; '
    "58115518200,An Extensive Preliminary Blockchain Survey from a Maritime Perspective †,2023,Smart Cities,7,"
    "10.3390/smartcities6020041,https://www.scopus.com/inward/record.uri?eid=2-s2.0-85152802780,"
    '"The maritime industry is moving towards a digital ecosystem to achieve substantial mutual profits.",'
    "blockchain; smart port,,Haropa Port,Article,Final,All Open Access,Scopus,2-s2.0-85152802780\n"
    'Domenici G.; Nespeca R.,"Domenici, Giorgio (57210147590); Nespeca, Romina (56541578400)",57210147590; 56541578400,'
    "Digital Twin of the Arch of Trajan for the conservation and promotion of the Maritime Heritage of Ancona; [Digital "
    "Twin dell’Arco di Traiano per la conservazione e la promozione del Patrimonio Culturale Marittimo di Ancona],2021,"
    "Disegnare Idee Immagini,0,112,https://www.scopus.com/inward/record.uri?eid=2-s2.0-85160720018,"
    f'"{_ARCH_ABSTRACT} © 2021, Gangemi Editore. All rights reserved.",Digital Twin; maritime heritage,,,Article,Final,,'
    "Scopus,2-s2.0-85160720018\n"
    '"Domenici, G; Nespeca, R","Domenici, Giorgio; Nespeca, Romina",,Digital Twin of the Arch of Trajan for the '
    "conservation and promotion of the Maritime Heritage of Ancona,2021,DISEGNARE IDEE IMMAGINI-IDEAS IMAGES,16,52,"
    f'View Full Record in Web of Science,"{_ARCH_ABSTRACT}",Digital Twin; maritime heritage,,,Article,,,,\n'
    '"Bonsignorio, F; Zereik, E","Bonsignorio, Fabio; Zereik, Enrica",,Merging BSP based swarm dynamics and distributed '
    "ledger technologies for smart marine infrastructures,,IFAC PAPERSONLINE,33,10.1016/j.ifacol.2023.10.376,View Full "
    'Record in Web of Science,"Distributed ledger technologies, together with AI, smart systems and robotics could '
    'provide a scalable and robust platform.",Swarm robotics,,,Proceedings Paper,,,,\n'
    '"Imeri, A; Agoulmine, N","Imeri, Adnan; Agoulmine, Nazim",,Blockchain-Based Multi-party Smart Contract for Service '
    'Digitalization and Automation,,"PROCEEDINGS OF THE FUTURE TECHNOLOGIES CONFERENCE (FTC) 2021, VOL 2",33,'
    '10.1007/978-3-030-89880-9_59,View Full Record in Web of Science,"Blockchain as a distributed-decentralized '
    'computing platform enables users to share digitally signed assets.",Blockchain,,,Proceedings Paper,,,,\n'
)


def _seaport_csv(tmp_path):
    path = tmp_path / "seaport_digital_twin_scopus.csv"
    path.write_text("\ufeff" + _SEAPORT_HEADER + _SEAPORT_ROWS, encoding="utf-8")
    return path


def test_a_number_in_a_csv_doi_column_is_no_doi_and_the_two_copies_merge(tmp_path):
    # "112" and "52" were read as DOIs: the Scopus and Web of Science copies of one paper were kept apart ("DOIs 112
    # and 52: both kept") and the draft cited both with the same sentences
    from litreview.corpus import load_corpus

    records = read_file(_seaport_csv(tmp_path))
    assert [paper.doi for paper in records.papers] == [
        "10.3390/smartcities6020041", None, None, "10.1016/j.ifacol.2023.10.376", "10.1007/978-3-030-89880-9_59"]
    problem, = records.problems
    assert (problem.origin.line, problem.skipped) == (3, False)
    assert problem.message == "2 DOI cells hold no DOI (line 3: '112', line 4: '52')"
    corpus = load_corpus([_seaport_csv(tmp_path)])
    assert not corpus.look_alikes
    assert [(m.reason, m.origin.line, m.into.line) for m in corpus.merges] == [("same title", 4, 3)]
    arch, = (paper for paper in corpus.papers if paper.key.startswith("domenici"))
    assert (arch.key, arch.doi, len(arch.origins)) == ("domenici2021digital", None, 2)
    # nor is "View Full Record in Web of Science", in the link column of those rows, a paper's link
    assert [paper.url is None for paper in records.papers] == [False, False, True, True, True]


def test_a_doi_field_keeps_a_doi_behind_another_resolver_and_drops_what_is_none():
    from litreview.corpus.readers.fields import doi_from, normal_doi

    assert doi_from("http://doi.acm.org/10.1145/1553374.1553380") == "10.1145/1553374.1553380"
    assert doi_from("https://doi.org/10.1/aaa") == "10.1/aaa"
    assert doi_from("10.1000.10/123456") == "10.1000.10/123456"  # a registrant code with a subdivision
    assert [doi_from(value) for value in ("112", "52", "View Full Record", "10.1145", "n/a")] == [None] * 5
    assert normal_doi("112") is None


def test_a_csv_row_without_a_year_is_keyed_by_its_first_author(tmp_path):
    # Web of Science rows pasted into a Scopus export have authors but no year: they were keyed by title words
    # ("mergingbspswarm", "blockchainmultiparty") where every other key starts with a surname
    from litreview.corpus import load_corpus

    papers = load_corpus([_seaport_csv(tmp_path)]).papers
    assert [(paper.authors[0], paper.year) for paper in papers[-2:]] == [("Bonsignorio, Fabio", None),
                                                                         ("Imeri, Adnan", None)]
    assert papers[0].key == "abdallah2023extensive"
    assert [paper.key for paper in papers[-2:]] == ["bonsignoriomerging", "imeriblockchain"]


def test_an_ads_abstracts_jats_and_mathml_markup_goes_even_with_stray_spaces():
    # an ADS export on little red dots: MNRAS abstracts keep "<inline-formula><tex-math>$\mu$</tex-math>
    # </inline-formula>m" (wrapped: "<inline- formula>"), ApJ ones MathML with spaces inside its tags
    from litreview.corpus.readers.fields import markup_text
    assert markup_text("selected from the WISE 22 <inline- formula><tex-math>μ</tex- math></inline-formula>m band") == \
        "selected from the WISE 22 μm band"
    assert markup_text("average dust masses of <</mml: mo>M<m ml:mi>dust< /mml:mi>>=1.6 and <mml :mo>T</mml :mo>") == \
        "average dust masses of <Mdust>=1.6 and T"
    assert markup_text("for 4<z<11 AGN and a < b > c") == "for 4<z<11 AGN and a < b > c"  # no tag: as written


def test_endnotes_record_numbers_are_no_citation_keys(tmp_path):
    # an EndNote RIS export on blue-light phototherapy: "ID  - 904" is EndNote's record number; the draft cited
    # "[@904; @896]". A record number gives way to a key of authors, year and title; a real ID stays the key.
    ris = tmp_path / "endnote.ris"
    ris.write_text(
        "\ufeffTY  - JOUR\r\nAB  - Blue light reduces acne lesions.\r\nAU  - Antoniou, C.\r\nDA  - 2016\r\n"
        "ID  - 904\r\nT1  - A multicenter, randomized, split-face clinical trial\r\nPY  - 2016\r\nER  - \r\n\r\n"
        "TY  - JOUR\r\nAB  - Red light too.\r\nAU  - Smith, J.\r\nID  - smith2019tech\r\nT1  - Red light\r\n"
        "PY  - 2019\r\nER  - \r\n", encoding="utf-8")
    from litreview.corpus import load_corpus
    keys = [paper.key for paper in load_corpus([ris]).papers]
    assert keys[1] == "smith2019tech" and keys[0] != "904" and keys[0].startswith("antoniou2016"), keys


# --- PubMed's Abstract (text) format -----------------------------------------------------------------

# Four records as E-utilities' `efetch rettype=abstract` and PubMed's "Save, Format: Abstract (text)" write them: one
# without an abstract, one with notices ("Erratum in", "Comment in"), one with a copyright line and a source line cut
# in two. Read as a listing, each line of the file had been a paper ("Author information:", "PMID: 20007881").
def test_pubmeds_abstract_text_format_gives_one_paper_a_record():
    records = read_file(DATA / "pubmed_abstract.txt")
    assert records.format == "pubmed-text" and not records.problems
    gibbons, rosengren, selman, atasayar = records.papers
    assert (gibbons.title, gibbons.authors, gibbons.abstract, gibbons.year, gibbons.url, gibbons.origin.line) == (
        "Human evolution. What's for dinner? Researchers seek our ancestors' answers.", ("Gibbons, A.",), None, 2009,
        "https://pubmed.ncbi.nlm.nih.gov/20007881/", 1)
    assert rosengren.authors[:2] == ("Rosengren, A. H.", "Jokubka, R.") and rosengren.authors[-1] == "Renström, E."
    assert rosengren.abstract.startswith("Several common genetic variations have been associated with type 2 diabetes, but the")
    assert selman.abstract.startswith("Caloric restriction (CR) protects") and "Erratum" not in selman.abstract
    assert "Batterham, R. L." in selman.authors  # a name cut across two lines
    assert (atasayar.title, atasayar.venue, atasayar.year, atasayar.doi) == (
        "Association of MDR1, CYP2D6, and CYP2C19 gene polymorphisms with prophylactic migraine treatment response.",
        "J Neurol Sci", 2016, "10.1016/j.jns.2016.05.019")
    assert atasayar.abstract.endswith("on prophylactic therapy response in migraine patients.")  # no "Copyright © 2016"
    from litreview.corpus.readers import read_text
    assert read_text((DATA / "pubmed_abstract.txt").read_text(encoding="utf-8"), "<stdin>", fmt=None).format == "pubmed-text"


# --- RefWorks' tagged format ---------------------------------------------------------------------------

def test_refworks_tagged_records_are_read_as_papers(tmp_path):
    # RefWorks' own export (the record of citation-js's RefWorks plugin), one author to an A1 line; read as a listing,
    # each of its lines had been a paper ("RT Journal Article", "SR Electronic(1)")
    (tmp_path / "refworks.txt").write_text(
        "RT Journal Article\nSR Electronic(1)\nA1 Willighagen, Lars G.\nJF PeerJ Computer Science\nA2 Peroni, Silvio\n"
        "VO 5\nYR 2019\nFD august 12\nSP e214\nT1 Citation.js: a format-independent, modular bibliography tool for the "
        "browser and command line\nDO 10.7717/peerj-cs.214\n\nRT Book, Section\nA1 Smith, Ann\nA1 Lee, Bo\n"
        "T1 A chapter\nT2 A Book\nYR 2020\n", encoding="utf-8")
    records = read_file(tmp_path / "refworks.txt")
    assert records.format == "refworks" and not records.problems
    first, second = records.papers
    assert (first.title, first.authors, first.year, first.venue, first.doi, first.entry_type) == (
        "Citation.js: a format-independent, modular bibliography tool for the browser and command line",
        ("Willighagen, Lars G.",), 2019, "PeerJ Computer Science", "10.7717/peerj-cs.214", "article")
    assert (second.authors, second.venue, second.entry_type, second.origin.line) == (
        ("Smith, Ann", "Lee, Bo"), "A Book", "incollection", 13)


def test_cnkis_refworks_export_gives_its_authors_apart_and_its_abstracts():
    # CNKI's "Refworks" export: several authors on one A1 line, each ended by ";"
    first, second = read_file(DATA / "cnki_refworks.txt").papers
    assert (second.authors, second.year, second.venue) == (("张晓庆", "邵波"), 2021, "图书馆学研究")
    assert first.title.startswith("图书馆资源发现系统用户画像研究") and first.abstract.startswith("本文选取东南大学图书馆")
