"""Generated citation keys: readable, unique, and independent of run and input-file order."""

from __future__ import annotations

import json
from pathlib import Path

from litreview.corpus import load_corpus

DATA = Path(__file__).parent / "data"


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_surname_year_word_when_authors_and_year_are_known(tmp_path):
    corpus = load_corpus([_jsonl(tmp_path / "p.jsonl", [
        {"title": "The Attention Mechanism Revisited", "authors": ["M\u00fcller, Jan"], "year": 2021, "abstract": "x"},
        {"title": "Mixout: Effective Regularization", "abstract": "y"},
        {"abstract": "We propose UNIREX, a flexible learning framework. It works."},
        {"key": "given:Key-1", "title": "Kept verbatim"},
    ])])
    assert corpus.keys == ["muller2021attention", "mixout", "unirex", "given:Key-1"]


def test_colliding_keys_get_letters_in_an_order_fixed_by_content(tmp_path):
    first = [{"title": "Robust Learning Under Noise", "authors": ["Lee, A"], "year": 2020, "abstract": "one"}]
    second = [{"title": "Robust Learning Of Graphs", "authors": ["Lee, B"], "year": 2020, "abstract": "two"}]
    a, b = _jsonl(tmp_path / "a.jsonl", first), _jsonl(tmp_path / "b.jsonl", second)
    forward = {p.title: p.key for p in load_corpus([a, b]).papers}
    backward = {p.title: p.key for p in load_corpus([b, a]).papers}
    assert forward == backward
    assert sorted(forward.values()) == ["lee2020robusta", "lee2020robustb"]


def test_generated_keys_avoid_keys_given_in_the_input(tmp_path):
    corpus = load_corpus([_jsonl(tmp_path / "p.jsonl", [
        {"key": "mixout", "title": "Something Else Entirely"},
        {"title": "Mixout: Effective Regularization"},
    ])])
    assert corpus.keys == ["mixout", "mixouta"]


def test_similar_titles_merge_and_different_papers_do_not(tmp_path):
    corpus = load_corpus([_jsonl(tmp_path / "p.jsonl", [
        {"title": "FrugalScore: Learning Cheaper, Lighter and Faster Evaluation Metrics for Automatic Text Generation"},
        {"title": "FrugalScore: Learning Cheaper, Lighter and Faster Evaluaton Metrics for Automatic Text Generation"},
        {"title": "CDUL: CLIP-Driven Unsupervised Learning for Multi-Label Image Classification"},
        {"title": "Reproducibility Study of CDUL: CLIP-Driven Unsupervised Learning for Multi-Label Image Classification"},
        {"title": "Large Language Models are Zero-Shot Reasoners"},
        {"title": "Large Language Models Are Zero-Shot Time Series Forecasters"},
    ])])
    assert len(corpus) == 5
    assert [m.reason for m in corpus.merges] == ["similar title (99%)"]


def test_medline_names_give_their_surname_to_keys_and_prose(tmp_path):
    # a BibDesk export of PubMed records: "{Mathieu S} and {Boutron I} and ..." made the key "s2009comparison" and the
    # prose "S et al. obtained ..."
    from litreview.corpus.paper import author_phrase

    corpus = load_corpus([_jsonl(tmp_path / "p.jsonl", [
        {"title": "Comparison of registered and published primary outcomes", "year": 2009, "abstract": "x",
         "authors": ["Mathieu S", "Boutron I", "Moher D", "Altman DG", "Ravaud P"]},
        {"title": "The CONSORT statement", "year": 2001, "abstract": "y", "authors": ["Moher D.", "Altman D. G."]},
        {"title": "Spectral methods", "year": 2010, "abstract": "z", "authors": ["Jan A. Smith"]},
    ])])
    assert corpus.keys == ["mathieu2009comparison", "moher2001consort", "smith2010spectral"]
    assert [author_phrase(p) for p in corpus.papers] == ["Mathieu et al.", "Moher and Altman", "Smith"]


def test_a_surname_in_capitals_is_said_as_a_name():
    # The Lens and CINAHL write some surnames in capitals ("Yasmine ABDOULAYE"): prose said "ABDOULAYE et al."; a
    # collective author in capitals is as it is
    from litreview.corpus.paper import Paper, author_phrase

    lens = Paper(key="a", title="Orchids", authors=("Yasmine ABDOULAYE", "Eméline Sêssi Pélagie ASSEDE", "Ida Roe"))
    assert author_phrase(lens) == "Abdoulaye et al."
    assert author_phrase(Paper(key="b", title="x", authors=("O'CONNOR, Rebecca", "Lee, Ann"))) == "O'Connor and Lee"
    assert author_phrase(Paper(key="c", title="x", authors=("WHO",))) == "WHO"


def test_a_generation_after_a_surname_is_no_part_of_key_or_prose(tmp_path):
    # a Web of Science export on Black male teachers gave "thomasiii2024absent", "longiii2023wright", "fletcherjr2023..."
    from litreview.corpus.paper import author_phrase

    corpus = load_corpus([_jsonl(tmp_path / "p.jsonl", [
        {"title": "Absent fathers", "year": 2024, "abstract": "x", "authors": ["Thomas III, Daniel J. J.", "Roe, Ann"]},
        {"title": "Wright again", "year": 2023, "abstract": "y", "authors": ["Thomas, Daniel Josiah, III"]},
        {"title": "School choice", "year": 2023, "abstract": "z", "authors": ["Edward C. Fletcher Jr."]},
        {"title": "Mentoring", "year": 2022, "abstract": "w", "authors": ["Long VC 3rd"]},
    ])])
    assert corpus.keys == ["thomas2024absent", "thomas2023wright", "fletcher2023school", "long2022mentoring"]
    assert [author_phrase(p) for p in corpus.papers] == ["Thomas and Roe", "Thomas", "Fletcher", "Long"]


def test_the_title_word_of_a_key_is_no_number_and_keeps_bracketed_letters(tmp_path):
    # a Scopus export of a labour-relations journal gave "davis19931993" ("The 1993 ACTU Congress") and
    # "plowman1991ither" ("W(h)ither Australian Unions?")
    corpus = load_corpus([_jsonl(tmp_path / "p.jsonl", [
        {"title": "The 1993 ACTU Congress: Rewriting the Rules", "year": 1993, "abstract": "x", "authors": ["Davis, Edward M."]},
        {"title": "W(h)ither Australian Unions?", "year": 1991, "abstract": "y", "authors": ["Plowman, David H."]},
    ])])
    assert corpus.keys == ["davis1993actu", "plowman1991whither"]


def test_a_name_in_another_script_gives_its_surname_to_the_key_transliterated(tmp_path):
    # CNKI's "Refworks" export: Chinese names, family name first and no space, had given keys of the year alone
    # ("2021a", "2021b"), which say nothing of the paper they cite
    assert load_corpus([DATA / "cnki_refworks.txt"]).keys == ["li2021", "zhang2021"]
    corpus = load_corpus([_jsonl(tmp_path / "p.jsonl", [
        {"title": "Теория графов", "authors": ["Иванов, Пётр"], "year": 2019, "abstract": "x"},
        {"title": "東アジアの論文", "authors": ["やまだ たろう"], "year": 2020, "abstract": "y"},
        {"title": "复姓研究", "authors": ["欧阳娜娜"], "year": 2022, "abstract": "z"},
        {"title": "Über Graphen", "authors": ["Müller, Jan"], "year": 2021, "abstract": "w"},  # as it always was
    ])])
    assert corpus.keys == ["ivanov2019", "yamada2020", "ouyang2022", "muller2021uber"]
