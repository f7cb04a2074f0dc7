"""`draft --enrich`: abstracts fetched inside the draft, cached (a rerun sends nothing), never fatal."""

from __future__ import annotations

import json

THEME = "noisy labels"


def test_draft_enrich_summarises_fetched_abstracts_and_a_rerun_sends_nothing(run_cli, scholar, tmp_path):
    done = run_cli("draft", THEME, "--corpus", "refs.bib", "--enrich", "--drop-off", "0", "-o", "draft.json")
    assert done.exit_code == 0, done.stderr
    asked = scholar.count()
    assert asked == 9
    document = json.loads((tmp_path / "draft.json").read_text(encoding="utf-8"))
    assert document["texts"] == {"corpus_abstract": 1, "fulltext": 0, "title_only": 1,
                                 "fetched_abstract": {"arxiv": 1, "crossref": 1, "openalex": 2, "semanticscholar": 1}}
    assert document["papers"]["DBLP:journals/corr/HanYao18"]["provenance"][0]["id"] == "W2963105212"
    assert document["summaries"]["DBLP:journals/corr/HanYao18"]["approach"] == (
        "We propose Co-teaching, which trains two networks simultaneously.")
    assert ("text: 1 abstract from the corpus, 5 fetched (arxiv 1, crossref 1, openalex 2, semanticscholar 1), "
            "0 with full text, 1 title only") in done.stderr
    assert ("1 of the 7 selected papers has no abstract: the draft says little about them (--enrich found none for "
            "them: add them to the corpus, e.g. a Zotero export)") in done.stderr.splitlines()
    again = run_cli("draft", THEME, "--corpus", "refs.bib", "--enrich", "--drop-off", "0", "-o", "draft.json")
    assert again.exit_code == 0 and scholar.count() == asked
    assert json.loads((tmp_path / "draft.json").read_text(encoding="utf-8"))["texts"] == document["texts"]


def test_draft_enrich_goes_on_when_no_source_can_be_reached(run_cli, scholar, no_network, tmp_path):
    done = run_cli("draft", THEME, "--corpus", "refs.bib", "--enrich", "--drop-off", "0", "-o", "draft.json")
    assert done.exit_code == 0
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning (enrich)")]
    assert warnings == [f"warning (enrich): {name} could not be reached (cannot connect (ConnectError)); drafting with "
                        "what was found" for name in ("openalex", "crossref", "arxiv", "semanticscholar")]
    document = json.loads((tmp_path / "draft.json").read_text(encoding="utf-8"))
    texts, selected = document["texts"], len(document["selection"])
    assert (texts["fetched_abstract"], texts["title_only"]) == ({}, selected - texts["corpus_abstract"])
    stages = [w["stage"] for w in document["warnings"]]
    assert stages.count("enrich") == 4  # and each paper still without an abstract is named (issue 11)
    assert stages.count("select") == texts["title_only"] and set(stages) == {"enrich", "select"}


def test_a_draft_of_an_enriched_bib_still_knows_where_its_abstracts_came_from(run_cli, scholar, tmp_path):
    run_cli("enrich", "refs.bib", "-o", "refs-enriched.bib")
    asked = scholar.count()
    done = run_cli("draft", THEME, "--corpus", "refs-enriched.bib", "--drop-off", "0", "-o", "draft.json")
    assert done.exit_code == 0 and scholar.count() == asked
    document = json.loads((tmp_path / "draft.json").read_text(encoding="utf-8"))
    assert document["texts"]["fetched_abstract"] == {"arxiv": 1, "crossref": 1, "openalex": 2, "semanticscholar": 1}
    assert document["papers"]["patrini2017making"]["provenance"][0]["via"] == "doi:10.1109/cvpr.2017.240"


def test_select_enrich_ranks_on_the_fetched_abstracts_as_draft_does(run_cli, scholar):
    """Only Vaswani et al.'s fetched abstract speaks of sequence transduction: --enrich makes it the first match."""
    done = run_cli("select", "sequence transduction recurrent", "--corpus", "refs.bib", "--enrich", "--json")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["selected"][0]["key"] == "DBLP:conf/nips/VaswaniSPUJGKP17"
    plain = json.loads(run_cli("select", "sequence transduction recurrent", "--corpus", "refs.bib", "--json").stdout)
    assert "DBLP:conf/nips/VaswaniSPUJGKP17" not in [s["key"] for s in plain["selected"]]
