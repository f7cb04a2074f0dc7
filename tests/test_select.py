"""Selecting papers for a theme: ranking, filters, include/exclude and the explained cut (Python API)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litreview.corpus import Corpus, build_corpus, load_corpus
from litreview.errors import SelectionError
from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords
from litreview.select import rank, selection_to_dict

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"

PAPERS = [
    ("noisy2019", "Learning with noisy labels", "Label noise hurts deep networks; we correct noisy labels.", 2019),
    ("robust2021", "Robust training under label noise", "A loss that tolerates label noise in image classification.", 2021),
    ("clean2023", "Cleaning label noise with small trusted sets", "Label noise is removed by a trusted subset.", 2023),
    ("graphs2020", "Graph neural networks for molecules", "Message passing over molecular graphs.", 2020),
    ("undated", "Label noise in crowdsourcing", "Annotators disagree and create noise in the labels.", None),
    ("titleonly", "Estimating the label noise transition matrix", None, 2022),
]


def small_corpus(rows=PAPERS) -> Corpus:
    """A corpus with years and keys, built the way load_corpus builds one."""
    papers = [Paper(key=key, title=title, abstract=abstract, year=year, origins=(Origin(path="refs", line=n),))
              for n, (key, title, abstract, year) in enumerate(rows, start=1)]
    return build_corpus([FileRecords(path="refs", format="test", papers=papers)])


@pytest.fixture(scope="module")
def examples() -> Corpus:
    return load_corpus([EXAMPLES])


def test_untitled_m2pt_abstract_ranks_in_top_three(examples, tmp_path):
    selection = rank(examples, "multimodal prompt tuning", cache_dir=tmp_path)
    assert "m2pt" in selection.keys[:3]
    assert examples.get("m2pt").title is None


def test_paper_without_abstract_is_ranked_by_its_title():
    selection = rank(small_corpus(), "transition matrix")
    assert selection.keys == ["titleonly"]
    # Feedback from it ("label noise") gives other papers small scores, which the drop-off cuts.
    assert selection.cut.rule == "drop-off"


def test_default_cut_is_top_30_and_says_so(examples, tmp_path):
    selection = rank(examples, "multimodal prompt tuning", cache_dir=tmp_path)
    assert len(selection.selected) == 30
    assert [s.rank for s in selection.selected] == list(range(1, 31))
    assert selection.considered == 450
    assert (selection.cut.rule, selection.cut.kept) == ("top-k", 30)
    next_score = selection.cut.reason.removeprefix("top-k 30 reached (the next paper scored ").removesuffix(")")
    assert float(next_score) <= selection.selected[-1].score


def test_top_k_larger_than_the_corpus_keeps_every_match():
    selection = rank(small_corpus(), "label noise", top_k=1000, drop_off=None, feedback=False)
    assert sorted(selection.keys) == ["clean2023", "noisy2019", "robust2021", "titleonly", "undated"]
    assert (selection.cut.rule, selection.cut.reason) == ("no-match", "no other paper shares a term with the theme")
    assert selection.cut.matched == 5


def test_a_cut_at_the_first_paper_speaks_of_the_best_paper_not_the_next():
    best = rank(small_corpus(), "label noise", feedback=False, drop_off=None).selected[0].score
    selection = rank(small_corpus(), "label noise", feedback=False, drop_off=None, min_score=best + 1)
    assert (selection.keys, selection.cut.reason) == ([], f"the best paper scored {best:.4g}, below the minimum score {best + 1:g}")
    nothing = rank(small_corpus(), "quantum chromodynamics", feedback=False)
    assert (nothing.keys, nothing.cut.reason) == ([], "no paper shares a term with the theme")


def test_min_score_cut_is_explained():
    full = rank(small_corpus(), "label noise", feedback=False, drop_off=None)
    threshold = (full.selected[1].score + full.selected[2].score) / 2
    selection = rank(small_corpus(), "label noise", feedback=False, drop_off=None, min_score=threshold)
    assert selection.keys == full.keys[:2]
    assert selection.cut.rule == "min-score"
    assert selection.cut.reason == (f"the next paper scored {full.selected[2].score:.4g}, "
                                    f"below the minimum score {threshold:g}")


def test_drop_off_cut_is_explained():
    rows = PAPERS + [("aside2018", "Noise in audio", "We denoise speech recordings.", 2018)]
    selection = rank(small_corpus(rows), "label noise", feedback=False, drop_off=0.5)
    top = selection.selected[0].score
    assert "aside2018" not in selection.keys
    assert selection.cut.rule == "drop-off"
    assert f", below 0.5 x the top score {top:.4g} = {0.5 * top:.4g}" in selection.cut.reason
    assert all(s.score >= 0.5 * top for s in selection.selected)


def test_year_range_is_inclusive_and_leaves_out_undated_papers():
    selection = rank(small_corpus(), "label noise", year_from=2020, year_to=2022)
    assert sorted(selection.keys) == ["robust2021", "titleonly"]
    assert (selection.considered, selection.cut.outside_years, selection.cut.without_year) == (3, 3, 1)


def test_year_from_alone():
    selection = rank(small_corpus(), "label noise", year_from=2021)
    assert sorted(selection.keys) == ["clean2023", "robust2021", "titleonly"]


def test_crossed_year_range_is_an_error():
    with pytest.raises(SelectionError) as error:
        rank(small_corpus(), "label noise", year_from=2022, year_to=2020)
    assert error.value.line() == "years: the year range 2022-2020 is empty; give the earlier year as the start of the range"


def test_include_keeps_a_paper_the_cut_or_the_years_dropped():
    selection = rank(small_corpus(), "label noise", top_k=2, year_from=2021, include=["graphs2020", "noisy2019"])
    assert selection.cut.kept == 2
    assert sorted(selection.cut.included) == ["graphs2020", "noisy2019"]
    assert [s.key for s in selection.selected if s.included] == ["noisy2019", "graphs2020"]
    assert len(selection.selected) == 4


def test_include_of_a_paper_already_kept_changes_nothing():
    plain = rank(small_corpus(), "label noise")
    selection = rank(small_corpus(), "label noise", include=[plain.keys[0]])
    assert selection.keys == plain.keys and selection.cut.included == []


def test_exclude_removes_a_paper_from_consideration():
    selection = rank(small_corpus(), "label noise", exclude=["robust2021"])
    assert "robust2021" not in selection.keys
    assert selection.considered == 5 and selection.cut.excluded == ["robust2021"]


def test_unknown_include_key_suggests_the_nearest_key():
    with pytest.raises(SelectionError) as error:
        rank(small_corpus(), "label noise", include=["robust2012"])
    assert error.value.line() == "include: no paper in the corpus has the key 'robust2012'; did you mean 'robust2021'?"


def test_unknown_exclude_key_without_a_near_key():
    with pytest.raises(SelectionError) as error:
        rank(small_corpus(), "label noise", exclude=["zzz"])
    assert error.value.line() == ("exclude: no paper in the corpus has the key 'zzz'; "
                                  "list the corpus keys with `litreview corpus --json`")


def test_key_both_included_and_excluded_is_an_error():
    with pytest.raises(SelectionError) as error:
        rank(small_corpus(), "label noise", include=["clean2023"], exclude=["clean2023"])
    assert error.value.line() == "include: clean2023 is both included and excluded; name each key in only one of the two"


def test_theme_of_stopwords_only_is_an_error():
    with pytest.raises(SelectionError) as error:
        rank(small_corpus(), "what is the")
    assert error.value.line().startswith("theme: the theme 'what is the' has no searchable words; ")


def test_feedback_widens_the_theme_with_words_of_the_best_matches():
    selection = rank(small_corpus(), "label noise")
    assert "labels" in selection.expansion or "noisy" in selection.expansion
    assert "label" not in selection.expansion


def test_json_document_shape():
    document = selection_to_dict(rank(small_corpus(), "label noise", top_k=2))
    assert set(document) == {"theme", "considered", "scoring", "cut", "expansion", "selected"}
    assert document["selected"][0].keys() == {"rank", "key", "score", "title", "year", "included"}
    assert document["cut"]["rule"] == "top-k"


def test_errata_and_retractions_are_left_out_and_named_unless_included():
    from litreview.select.notices import is_notice
    # Embase records on dinosaurs (ASReview's baselines) keep each paper's erratum beside it: both were cited
    rows = PAPERS + [
        ("noisyerratum", "Erratum: Author Correction: Learning with noisy labels (Nature (2019) 14 1)", None, 2019),
        ("retracted2020", "RETRACTED: Label noise is solved", "We solve label noise for good.", 2020)]
    corpus = small_corpus(rows)
    selection = rank(corpus, "label noise", drop_off=None)
    assert selection.cut.notices == ["noisyerratum", "retracted2020"]
    assert not {"noisyerratum", "retracted2020"} & set(selection.keys) and "noisy2019" in selection.keys
    assert "retracted2020" in rank(corpus, "label noise", drop_off=None, include=["retracted2020"]).keys
    for title in ("Correction to: X", "Corrigendum to \"X\"", "Retraction Note: X", "Expression of Concern: X"):
        assert is_notice(title), title
    for title in ("Correction of errors in deep networks", "Errata in gene annotation", "Correcting label noise"):
        assert not is_notice(title), title


# Titles of a real model-driven engineering export (IEEE Xplore, ACM, Scopus): the stemmer makes "modeling" and
# "models" one term, so in a bag of stems both kinds of paper match "domain-specific modeling languages" alike.
WORD_ORDER = [
    ("mayol2025", "Domain-specific language models: innovation with inherent risks",
     "Domain-specific language models are trained on the text of one field; we discuss the risks of such models.", 2025),
    ("chen2025", "Attack Detection Based on Domain-Specific Large Language Models",
     "We fine-tune domain-specific large language models to detect attacks on industrial control networks.", 2025),
    ("kadosh2024", "MonoCoder: Domain-Specific Code Language Model for HPC Codes and Tasks",
     "A domain-specific language model for high-performance computing code, trained on HPC programs.", 2024),
    ("busch2024", "ChatGPT in the Loop: A Natural Language Extension for Domain-Specific Modeling Languages",
     "We extend a modeling tool so that domain experts can create models through natural language prompts.", 2024),
    ("disipio2024", "On the use of LLMs to support the development of domain-specific modeling languages",
     "Large language models assist language engineers in the design of a metamodel and its concrete syntax.", 2024),
    ("graphs2020", "Graph neural networks for molecules", "Message passing over molecular graphs.", 2020),
]


def test_papers_saying_the_theme_in_its_order_rank_first(examples):
    # among the example corpus's 450 papers (language models everywhere), a bag of stems ranked "Attack Detection
    # Based on Domain-Specific Large Language Models" first and a paper on modeling languages fifth
    rows = [(p.key, p.title, p.abstract, p.year) for p in examples.papers] + WORD_ORDER
    selection = rank(small_corpus(rows), "domain-specific modeling languages")
    assert selection.keys[:2] == ["busch2024", "disipio2024"]
    assert set(selection.keys[2:]) >= {"mayol2025", "chen2025", "kadosh2024"}  # ranked after them, not dropped
