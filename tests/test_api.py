"""The Python API for scripted reports: `from litreview import load_corpus, rank, draft, render`, offline and through
the fake LLM server; it never prints, reports progress through a callback, and a failing LLM raises."""

from __future__ import annotations

import inspect
import re
import json
import subprocess
import sys
from pathlib import Path

import pytest
from fake_llm import Fault
from test_generation_llm import grounded_answer

import litreview
from litreview import Draft, LLMClient, draft, load_corpus, load_plan, make_plan, rank, render, save_plan
from litreview.check import find_citations
from litreview.errors import LitreviewError, LLMError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
THEME = "multimodal prompt tuning"
HEAVY = ("openai", "instructor", "sklearn", "bm25s", "numpy", "jinja2", "bibtexparser", "pydantic_settings")


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([EXAMPLES])


def test_importing_the_package_loads_nothing_heavy():
    code = f"import litreview, sys; print([m for m in {HEAVY!r} if m in sys.modules])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout == "[]\n"


def test_every_exported_name_resolves_and_the_main_functions_are_typed_and_documented():
    for name in litreview.__all__:
        assert getattr(litreview, name) is not None
    for function in (load_corpus, rank, draft, render, make_plan):
        signature = inspect.signature(function)
        assert function.__doc__ and signature.return_annotation is not inspect.Signature.empty, function.__name__
        assert all(p.annotation is not inspect.Parameter.empty for p in signature.parameters.values()), function.__name__
    with pytest.raises(AttributeError, match="^module 'litreview' has no attribute 'drafts'$"):
        litreview.drafts  # noqa: B018


def test_one_path_given_alone_is_read_as_one_file_or_folder(corpus, tmp_path, monkeypatch):
    # load_corpus("papers.bib") read the string's characters as paths: "/" first, the whole file system
    monkeypatch.chdir(tmp_path)  # "." among the characters would have been this empty folder
    (tmp_path / "papers.bib").write_text("@article{a, title={Prompt tuning}, abstract={We tune prompts.}}\n")
    assert [paper.key for paper in load_corpus("papers.bib").papers] == ["a"]
    assert [paper.key for paper in load_corpus(tmp_path / "papers.bib").papers] == ["a"]
    assert len(load_corpus(str(EXAMPLES)).papers) == len(corpus.papers)


def test_rank_then_draft_then_render_offline_without_printing(corpus, capsys, tmp_path):
    selection = rank(corpus, THEME, top_k=10)
    events = []
    result = draft(corpus, THEME, selection=selection, progress=events.append)
    assert capsys.readouterr() == ("", "")  # the library never prints
    assert isinstance(result, Draft) and result.engine == "offline" and result.considered == 450
    assert [s.key for s in result.selection] == selection.keys
    assert [s.score for s in result.selection] == [s.score for s in selection.selected]
    assert sorted(result.cited_keys()) == sorted(selection.keys)
    stages = list(dict.fromkeys(event.stage for event in events))
    assert stages == ["summarising", "grouping", "writing"]  # no ranking: the selection was given
    summarising = [e for e in events if e.stage == "summarising"]
    assert (summarising[-1].done, summarising[-1].total, summarising[-1].cached) == (10, 10, 0)

    markdown = render(result, "md")
    assert markdown.cite_style == "pandoc" and markdown.cited_keys == result.cited_keys()
    assert list(dict.fromkeys(c.key for c in find_citations(markdown.text, "md"))) == result.cited_keys()
    (tmp_path / "related.bib").write_text(markdown.bib, encoding="utf-8")
    assert sorted(p.key for p in load_corpus([tmp_path / "related.bib"]).papers) == sorted(result.cited_keys())
    latex = render(result, "tex", cite_style="biblatex", heading="subsection")
    assert latex.text.count("\\autocite{") + latex.text.count("\\textcite{") >= 10 and "\\subsection{" in latex.text
    assert Draft.model_validate_json(render(result, "json").text) == result


def test_draft_ranks_when_given_no_selection_with_the_select_options(corpus):
    events = []
    result = draft(corpus, THEME, select_options={"top_k": 4, "exclude": ["m2pt"]}, progress=events.append,
                   min_groups=2, max_groups=2)
    assert events[0].stage == "ranking" and events[0].total == 450
    assert len(result.selection) == 4 and "m2pt" not in result.papers and len(result.sections) == 2


def test_a_plan_made_edited_and_saved_is_followed(corpus, tmp_path):
    result = draft(corpus, THEME, select_options={"top_k": 6})
    plan = make_plan(result)
    assert [p.key for p in plan.selected] == [s.key for s in result.selection]
    assert [g.keys for g in plan.groups] == [s.keys for s in result.sections]
    moved = plan.groups[0].keys.pop(0)
    plan.groups[-1].keys.append(moved)
    save_plan(plan, tmp_path / "plan.json")
    reloaded = load_plan(tmp_path / "plan.json", set(corpus.keys))
    assert reloaded == plan
    again = draft(corpus, THEME, plan=reloaded)
    assert [s.keys for s in again.sections] == [g.keys for g in plan.groups]
    assert any(moved in sentence.keys for sentence in again.sections[-1].sentences)


def test_a_plan_naming_a_key_outside_the_corpus_is_an_error_value(corpus, tmp_path):
    plan = make_plan(draft(corpus, THEME, select_options={"top_k": 4}))
    plan.groups[0].keys.append("smith2099")
    save_plan(plan, tmp_path / "plan.json")
    with pytest.raises(LitreviewError) as raised:
        load_plan(tmp_path / "plan.json", set(corpus.keys))
    assert raised.value.line() == f"{tmp_path / 'plan.json'}: key 'smith2099' is not in the corpus; fix the key or remove it from the plan"


def test_draft_through_an_llm_client_counts_usage_and_reuses_the_cache(corpus, fake_llm, llm_settings):
    fake_llm.responder = grounded_answer
    with LLMClient(llm_settings) as llm:
        result = draft(corpus, THEME, llm=llm, select_options={"top_k": 6})
    assert result.engine == "llm:fake-model" and all(key in corpus for key in result.cited_keys())
    assert (result.usage["calls"], result.usage["cached"]) == (6 + 1 + 2, 0) and len(fake_llm.chat_requests) == 9
    fake_llm.reset()
    events = []
    with LLMClient(llm_settings) as llm:
        again = draft(corpus, THEME, llm=llm, select_options={"top_k": 6}, progress=events.append)
    assert fake_llm.requests == [] and (again.usage["calls"], again.usage["cached"]) == (0, 9)
    assert again.sections == result.sections
    assert [e.cached for e in events if e.stage == "summarising"][-1] == 6
    assert json.loads(render(again, "json").text)["usage"]["cached"] == 9


def test_a_failing_llm_raises_and_is_never_replaced_by_the_offline_engine(corpus, fake_llm, llm_settings):
    fake_llm.script(Fault.status(503), times=None)
    with LLMClient(llm_settings) as llm, pytest.raises(LLMError) as raised:
        draft(corpus, THEME, llm=llm, select_options={"top_k": 3})
    assert raised.value.line().startswith("3 paper summaries failed: m2pt, e5v, listitemsone: server error 503 on all 3 tries")
    assert raised.value.exit_code == 1


# --- examples/report.py: a script a researcher adapts --------------------------------------------------------

REPORT_SCRIPT = Path(__file__).resolve().parents[1] / "examples" / "report.py"


def run_report(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, str(REPORT_SCRIPT), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def test_the_report_example_drafts_each_theme_of_the_example_corpus_into_one_markdown_file(tmp_path, corpus):
    done = run_report(tmp_path, "report.md")
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert report.startswith("# Related work report\n\n3 themes drafted from a corpus of 450 papers (offline).\n\n")
    themes = re.findall(r"(?m)^## (.+)$", report)
    assert themes == ["Multimodal prompt tuning", "Parameter-efficient fine-tuning", "Video-language pretraining"]
    assert report.count("\n### ") >= 6
    keys = list(dict.fromkeys(c.key for c in find_citations(report, "md")))
    assert len(keys) >= 30 and all(key in corpus for key in keys)
    assert sorted(p.key for p in load_corpus([tmp_path / "report.bib"]).papers) == sorted(keys)
    assert re.fullmatch(r"multimodal prompt tuning: 12 papers, \d sub-themes", done.stderr.splitlines()[0])
    assert done.stderr.splitlines()[-1] == "wrote report.md and report.bib"


def test_the_report_example_leaves_out_a_theme_the_corpus_has_no_paper_on_and_says_why(tmp_path):
    done = run_report(tmp_path, "report.md", "--theme", "quantum chromodynamics", "--theme", "prefix tuning")
    assert done.stderr.splitlines()[0] == (
        "quantum chromodynamics: left out of the report: no paper was selected for the theme 'quantum chromodynamics': "
        "none of the 450 papers considered shares a word with it; check the theme's spelling, or add papers on it to the corpus")
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert report.startswith("# Related work report\n\n1 theme drafted from a corpus of 450 papers (offline).\n\n")
    assert re.findall(r"(?m)^## (.+)$", report) == ["Prefix tuning"]


def test_the_report_example_uses_the_configured_llm_and_its_cache(tmp_path, fake_llm, llm_env):
    fake_llm.responder = grounded_answer
    bib = Path(__file__).parent / "data" / "better_bibtex.bib"
    args = ("report.md", str(bib), "--theme", "retrieval", "--theme", "pre-training")
    first = run_report(tmp_path, *args)
    assert len(fake_llm.chat_requests) == (3 + 1 + 2) + (2 + 1 + 2) - 1  # garcia's summary is asked once
    # the export's @proceedings volume (its papers' crossref parent) is no paper to cite: left out, with a warning
    volume = ("  warning (select): a proceedings volume or its front matter (a title page, contents or a list of its "
              "topics), not a paper to cite: left out (--include it to cite it)")
    assert first.stderr.splitlines() == ["retrieval: 3 papers, 2 sub-themes, LLM calls: 6 new, 0 cached so far", volume,
                                         "pre-training: 2 papers, 2 sub-themes, LLM calls: 10 new, 1 cached so far",
                                         volume, "wrote report.md and report.bib"]
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "(llm:fake-model)" in report.splitlines()[2] and "The paper 1 is about prompts" in report
    fake_llm.reset()
    run_report(tmp_path, *args)
    assert fake_llm.requests == []  # everything from the cache
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == report
