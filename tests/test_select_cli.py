"""`litreview select` through the real CLI: the table and its footer, --json, and errors."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLES = str(Path(__file__).resolve().parents[1] / "examples" / "corpus")
THEME = "multimodal prompt tuning"


def select_json(run_cli, tmp_path, *args: str) -> dict:
    result = run_cli("select", THEME, "--corpus", EXAMPLES, "--cache-dir", str(tmp_path), "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_json_shape_and_m2pt_in_top_three(run_cli, tmp_path):
    document = select_json(run_cli, tmp_path)
    assert list(document) == ["theme", "considered", "scoring", "cut", "expansion", "selected"]
    assert document["scoring"] == "bm25+rm3"
    assert (document["theme"], document["considered"], len(document["selected"])) == (THEME, 450, 30)
    first = document["selected"][0]
    assert list(first) == ["rank", "key", "score", "title", "year", "included"]
    assert "m2pt" in [entry["key"] for entry in document["selected"][:3]]
    m2pt = next(entry for entry in document["selected"] if entry["key"] == "m2pt")
    assert (m2pt["title"], m2pt["year"], m2pt["included"]) == (None, None, False)
    assert document["cut"]["rule"] == "top-k" and document["cut"]["top_k"] == 30


def test_table_footer_says_what_was_considered_kept_and_why(run_cli, tmp_path):
    args = ("--top-k", "3", "--exclude", "e5v", "--include", "must")
    document = select_json(run_cli, tmp_path, *args)
    result = run_cli("select", THEME, "-c", EXAMPLES, "--cache-dir", str(tmp_path), *args)
    assert result.exit_code == 0
    reason = document["cut"]["reason"]
    assert reason.startswith("top-k 3 reached (the next paper scored ")
    assert f"450 papers (1 excluded), 449 considered, 3 kept: {reason}.\n" in result.stdout
    assert "Also included by key: must.\n" in result.stdout
    assert "must (included)" in result.stdout
    assert "[no title] Multimodal" in result.stdout
    assert [entry["key"] for entry in document["selected"]][-1] == "must"


def test_min_score_and_drop_off_options(run_cli, tmp_path):
    scores = [entry["score"] for entry in select_json(run_cli, tmp_path)["selected"]]
    threshold = round((scores[4] + scores[5]) / 2, 3)
    document = select_json(run_cli, tmp_path, "--min-score", str(threshold))
    assert len(document["selected"]) == 5 and document["cut"]["rule"] == "min-score"
    document = select_json(run_cli, tmp_path, "--drop-off", "0.9")
    assert document["cut"]["rule"] == "drop-off"
    assert all(entry["score"] >= 0.9 * scores[0] for entry in document["selected"])


def test_unknown_key_is_one_line_on_stderr(run_cli, tmp_path):
    result = run_cli("select", THEME, "-c", EXAMPLES, "--cache-dir", str(tmp_path), "--include", "m2tp")
    assert result.exit_code == 2
    assert result.stderr == "error: include: no paper in the corpus has the key 'm2tp'; did you mean 'm2pt'?\n"
    assert result.stdout == ""


def test_theme_without_words_is_an_error(run_cli, tmp_path):
    result = run_cli("select", "the of and", "-c", EXAMPLES, "--cache-dir", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: theme: the theme 'the of and' has no searchable words; ")


def test_no_expand_turns_feedback_off(run_cli, tmp_path):
    document = select_json(run_cli, tmp_path, "--no-expand")
    assert document["expansion"] == []
    assert document["selected"][0]["key"] == "m2pt"


def write_jsonl(path: Path, rows: list[tuple[str, str, str, int | None]]) -> Path:
    path.write_text("".join(json.dumps({"key": k, "title": t, "abstract": a, "year": y}) + "\n" for k, t, a, y in rows))
    return path


YEARS = [
    ("noisy2018", "Learning with noisy labels", "Label noise hurts deep networks.", 2018),
    ("robust2020", "Robust training under label noise", "A loss that tolerates label noise.", 2020),
    ("clean2022", "Cleaning label noise", "Label noise is removed with a trusted subset.", 2022),
    ("undated", "Label noise in crowdsourcing", "Annotators disagree about labels.", None),
]


def test_year_filters_on_a_jsonl_corpus(run_cli, tmp_path):
    corpus = str(write_jsonl(tmp_path / "refs.jsonl", YEARS))
    result = run_cli("select", "label noise", "-c", corpus, "--cache-dir", str(tmp_path), "--year-from", "2019",
                     "--year-to", "2022", "--json")
    document = json.loads(result.stdout)
    assert [(e["key"], e["year"]) for e in document["selected"]] in (
        [("robust2020", 2020), ("clean2022", 2022)], [("clean2022", 2022), ("robust2020", 2020)])
    assert (document["considered"], document["cut"]["outside_years"], document["cut"]["without_year"]) == (2, 2, 1)
    table = run_cli("select", "label noise", "-c", corpus, "--cache-dir", str(tmp_path), "--year-from", "2019")
    assert "4 papers (2 outside 2019 on, 1 of them without a year), 2 considered, 2 kept: " in table.stdout
    table = run_cli("select", "label noise", "-c", corpus, "--cache-dir", str(tmp_path), "--year-to", "2018",
                    "--exclude", "clean2022")
    assert "4 papers (1 excluded; 2 outside up to 2018, 1 of them without a year), 1 considered, 1 kept: " in table.stdout


def test_crossed_years_through_the_cli(run_cli, tmp_path):
    corpus = str(write_jsonl(tmp_path / "refs.jsonl", YEARS))
    result = run_cli("select", "label noise", "-c", corpus, "--cache-dir", str(tmp_path), "--year-from", "2022",
                     "--year-to", "2019")
    assert result.exit_code == 2
    assert result.stderr == "error: years: the year range 2022-2019 is empty; give the earlier year as the start of the range\n"


def test_an_erratum_beside_its_paper_is_named_and_never_cited(run_cli, tmp_path):
    # Embase records on dinosaurs (ASReview's baselines) keep each paper's erratum beside it; both were cited
    (tmp_path / "embase.ris").write_text(
        "TY  - JOUR\nT1  - A remarkable assemblage of petroglyphs and dinosaur footprints in Northeast Brazil\n"
        "A1  - Troiano, L.\nY1  - 2024\nN2  - We describe dinosaur footprints beside petroglyphs at a site in Brazil.\nER  - \n\n"
        "TY  - JOUR\nT1  - Erratum: Author Correction: A remarkable assemblage of petroglyphs and dinosaur "
        "footprints in Northeast Brazil (Scientific reports (2024) 14 1)\nA1  - Troiano, L.\nY1  - 2024\nER  - \n\n"
        "TY  - JOUR\nT1  - Description of a new specimen of Haplocanthosaurus\nA1  - Boisvert, C.\nY1  - 2024\n"
        "N2  - We describe a dinosaur specimen from the Dry Mesa Dinosaur Quarry.\nER  - \n", encoding="utf-8")
    result = run_cli("select", "dinosaur footprints", "-c", str(tmp_path / "embase.ris"), "--cache-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "3 papers (1 errata or retractions: troiano2024erratum), 2 considered" in result.stdout
    result = run_cli("draft", "dinosaur footprints", "-c", str(tmp_path / "embase.ris"), "-o", str(tmp_path / "rw.md"))
    assert result.exit_code == 0, result.stderr
    assert ("warning (select) [troiano2024erratum]: an erratum, correction or retraction, not a paper to cite: left "
            "out (--include it to cite it)") in result.stderr
    assert "troiano2024erratum" not in (tmp_path / "rw.md").read_text(encoding="utf-8")


def test_a_proceedings_title_page_or_topic_list_is_never_cited(run_cli, tmp_path):
    # an interoperability mapping study's IEEE Xplore and Scopus exports: "Also related are the papers “Title page i”
    # and ..." cited a volume's front matter, whose abstract lists the conference's topics
    (tmp_path / "exports.bib").write_text(
        "@INPROCEEDINGS{6133235, title={[Title page i]}, booktitle={2011 IEEE Third International Conference on Cloud "
        "Computing Technology and Science}, year={2011}, abstract={The following topics are dealt with: eScience; "
        "MapReduce; virtualization; security; privacy; cloud interoperability; IaaS; PaaS and cloud computing.}}\n"
        "@CONFERENCE{NoAuthor2017, title={Proceedings - 2016 3rd International Conference on Systems of Collaboration},"
        " year={2017}, abstract={The proceedings contain 22 papers. The topics discussed include: a privacy-aware access "
        "control model for cloud computing; real time monitoring of security events in cloud environments.},"
        " document_type={Conference Review}, source={Scopus}}\n"
        "@ARTICLE{Sen2013, author={Sen, J.}, title={Security and privacy issues in cloud computing}, year={2013},"
        " abstract={We describe the service and deployment models of cloud computing and the security and privacy "
        "issues their users face.}}\n"
        "@ARTICLE{Chow2012, author={Chow, S.S.M.}, title={SPICE: simple privacy-preserving identity management for "
        "cloud environment}, year={2012}, abstract={We present SPICE, an identity management system that keeps the "
        "security and privacy of cloud computing users' data.}}\n", encoding="utf-8")
    corpus = str(tmp_path / "exports.bib")
    result = run_cli("select", "security and privacy in cloud computing", "-c", corpus, "--cache-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "4 papers (2 proceedings volumes or front matter: 6133235, NoAuthor2017), 2 considered" in result.stdout
    result = run_cli("draft", "security and privacy in cloud computing", "-c", corpus, "-o", str(tmp_path / "rw.md"))
    assert result.exit_code == 0, result.stderr
    assert ("warning (select): 2 records are a proceedings volume or its front matter (a title page, contents or a list "
            "of its topics), not a paper to cite: left out (--include KEY to cite one): 6133235, NoAuthor2017\n") in result.stderr
    draft = (tmp_path / "rw.md").read_text(encoding="utf-8")
    assert "@Sen2013" in draft and "@Chow2012" in draft and "6133235" not in draft and "NoAuthor2017" not in draft


def test_a_proceedings_volume_a_paper_crossrefs_is_never_cited(run_cli, tmp_path):
    # a Better BibTeX export, "language models": "Also related is the paper “Proceedings of the 2020 Conference on
    # Empirical Methods in Natural Language Processing (EMNLP)”" cited the volume its papers' crossref names
    corpus = str(Path(__file__).parent / "data" / "better_bibtex.bib")
    result = run_cli("draft", "language models", "-c", corpus, "-o", str(tmp_path / "rw.md"), "--cache-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert ("1 record is a proceedings volume or its front matter (a title page, contents or a list of its topics), not "
            "a paper to cite: left out (--include KEY to cite one): emnlp2020\n") in result.stderr
    assert "emnlp2020" not in (tmp_path / "rw.md").read_text(encoding="utf-8")
    result = run_cli("draft", "language models", "-c", corpus, "--include", "emnlp2020", "-o", str(tmp_path / "with.md"),
                     "--cache-dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert "@emnlp2020" in (tmp_path / "with.md").read_text(encoding="utf-8")  # the researcher may still cite it
