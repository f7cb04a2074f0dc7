"""`litreview draft` end to end, offline, through the real CLI: where the corpus comes from, every output format
(LaTeX compiled with bibtex and biber, Markdown through pandoc --citeproc, JSON read back), the companion .bib,
saved and edited plans, `check` on a fresh draft, and an injection title that must compile as literal text."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fake_llm import without_progress
from test_render_compile import BIBLATEX_MAIN, LATEX, NATBIB_MAIN, need, pdf_text, run

from litreview.check import find_citations
from litreview.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
THEME = "multimodal prompt tuning"
OFFLINE_NOTICE = ("no LLM configured: using the built-in offline engine (it writes only what the abstracts say; "
                  "set --model to use an LLM)")
EXAMPLE_NOTICE = "no --corpus given: using the bundled example corpus (450 papers)"
SUMMARY = re.compile(r"(\d+) papers? selected of (\d+), (\d+) sub-themes?, (\d+) cited, engine offline, \d+\.\d s")
INJECTION = r"\input{/etc/passwd} \write18{touch pwned} 50% & a_b #1 $x$ {{ 7*7 }} {% if 1 %}X{% endif %}"

# A small Better-BibTeX-style library on label noise: the companion .bib must repeat these entries as written.
LABEL_NOISE_BIB = r"""% My references, hand-curated
@inproceedings{hanCoteachingRobustTraining2018,
  title = {Co-Teaching: {{Robust}} Training of Deep Neural Networks with Extremely Noisy Labels},
  author = {Han, Bo and Yao, Quanming and Yu, Xingrui and Niu, Gang and Xu, Miao and Hu, Weihua and Tsang, Ivor and Sugiyama, Masashi},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2018},
  volume = {31},
  abstract = {Deep learning with noisy labels is practically challenging. We propose co-teaching, which trains two deep neural networks simultaneously and lets them teach each other on small-loss samples. Experiments show co-teaching is much superior to state-of-the-art methods under extremely noisy labels.},
  annote = {Read twice; see {\S}3 for the {{small-loss}} trick}
}

@article{natarajanLearningNoisyLabels2013,
  title = {Learning with Noisy Labels},
  author = {Natarajan, Nagarajan and Dhillon, Inderjit S. and Ravikumar, Pradeep and Tewari, Ambuj},
  journal = {Advances in Neural Information Processing Systems},
  year = {2013},
  pages = {1196--1204},
  abstract = {We study binary classification in the presence of class-conditional random label noise. We propose two approaches to suitably modify any given surrogate loss function, and we show that the methods are robust to label noise.}
}

@inproceedings{zhangGeneralizedCrossEntropy2018,
  title = {Generalized Cross Entropy Loss for Training Deep Neural Networks with Noisy Labels},
  author = {Zhang, Zhilu and Sabuncu, Mert R.},
  booktitle = {NeurIPS},
  year = {2018},
  abstract = {Deep neural networks memorise noisy labels. We present the generalized cross entropy loss, a noise-robust loss that combines the mean absolute error and the categorical cross entropy, and show gains on CIFAR-10 and CIFAR-100 with synthetic label noise.}
}

@article{mullerWhenDoesLabel2019,
  title = {When Does Label Smoothing Help?},
  author = {M{\"u}ller, Rafael and Kornblith, Simon and Hinton, Geoffrey},
  journal = {NeurIPS},
  year = {2019},
  abstract = {Label smoothing improves calibration of neural networks. We show that label smoothing encourages representations of the same class to cluster tightly.}
}

@misc{graphUnrelated2020,
  title = {Graph Neural Networks for Molecules},
  author = {Doe, Jane},
  year = {2020},
  abstract = {We predict molecular properties with message passing graph neural networks.}
}
"""


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    """An empty working directory: no *.bib, no litreview.toml."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def label_noise_bib(here) -> Path:
    path = here / "refs.bib"
    path.write_text(LABEL_NOISE_BIB, encoding="utf-8")
    return path


def draft(run_cli, *args: str):
    """`litreview draft ...` in-process; it must succeed."""
    result = run_cli("draft", *args)
    assert result.exit_code == 0, result.stderr
    return result


def cited(path: Path) -> list[str]:
    """The distinct citation keys of a .tex or .md file, in order."""
    return list(dict.fromkeys(c.key for c in find_citations(path.read_text(encoding="utf-8"), path.suffix[1:])))


def bib_keys(path: Path) -> list[str]:
    return [paper.key for paper in load_corpus([path]).papers]


def entries_of(bib_text: str) -> dict[str, str]:
    """Each `@type{key, ...}` entry's text by key (entries start at a line beginning with @)."""
    blocks = re.split(r"(?m)^(?=@)", bib_text)
    return {re.match(r"@\w+\{([^,]+),", b).group(1): b.strip() for b in blocks if re.match(r"@(?!string|comment)\w+\{", b)}


# --- the README's first command ----------------------------------------------------------------------

def test_the_readme_first_command_verbatim_in_an_empty_directory(tmp_path):
    """`litreview draft "multimodal prompt tuning"` on a fresh machine: example corpus, offline, Markdown on stdout."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run('litreview draft "multimodal prompt tuning"', shell=True, cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    notice, offline, summary, texts = without_progress(done.stderr)
    assert (notice, offline) == (EXAMPLE_NOTICE, OFFLINE_NOTICE)
    selected, considered, groups, cited_count = map(int, SUMMARY.fullmatch(summary).groups())
    assert (selected, considered, cited_count) == (30, 450, 30) and 2 <= groups <= 8
    assert texts == "text: 30 abstracts from the corpus, 0 fetched, 0 with full text, 0 title only"
    assert done.stdout.startswith("# Multimodal prompt tuning\n\n## ")
    assert done.stdout.count("\n## ") == groups
    keys = list(dict.fromkeys(c.key for c in find_citations(done.stdout, "md")))
    corpus = load_corpus([EXAMPLES])
    assert len(keys) == 30 and all(key in corpus for key in keys)
    assert re.findall(r"\[@[^\]]+\]", done.stdout) and "\\cite" not in done.stdout
    assert list(tmp_path.iterdir()) == []  # stdout only: nothing written in the working directory


# --- formats -----------------------------------------------------------------------------------------

MAIN_FOR = {"natbib": (NATBIB_MAIN, "bibtex"), "biblatex": (BIBLATEX_MAIN, "biber")}


@pytest.mark.parametrize("style", ["natbib", "biblatex"])
def test_example_corpus_to_tex_compiles_and_the_bib_holds_exactly_the_cited_entries(run_cli, here, style):
    main, tool = MAIN_FOR[style]
    need("pdflatex", tool)
    result = draft(run_cli, THEME, "-o", "related.tex", "--cite-style", style)
    assert result.stderr.splitlines()[-1] == "wrote related.tex, related.bib"
    tex = (here / "related.tex").read_text(encoding="utf-8")
    command = r"\citep{" if style == "natbib" else r"\autocite{"
    assert tex.count(command) >= 30 and "\\section{Multimodal prompt tuning}" in tex and "\\subsection{" in tex
    keys = cited(here / "related.tex")
    assert len(keys) == 30 and sorted(bib_keys(here / "related.bib")) == sorted(keys)
    (here / "main.tex").write_text(main, encoding="utf-8")
    for command_line in (LATEX, [tool, "main"], LATEX, LATEX):
        run(command_line, here)
    log = (here / "main.log").read_text(encoding="latin-1")
    assert "undefined" not in log.lower() and "Warning--I didn't find" not in (here / "main.blg").read_text(encoding="latin-1")
    text = pdf_text(here)
    assert "Multimodal prompt tuning" in text and "References" in text and "(?" not in text and "[?" not in text


def test_example_corpus_to_markdown_goes_through_pandoc_citeproc(run_cli, here):
    need("pandoc")
    draft(run_cli, THEME, "-o", "related.md")
    keys = cited(here / "related.md")
    assert len(keys) == 30 and sorted(bib_keys(here / "related.bib")) == sorted(keys)
    done = run(["pandoc", "related.md", "--citeproc", "--bibliography", "related.bib", "-t", "plain", "--wrap=none"], here)
    assert done.stderr == ""  # no "[WARNING] Citeproc: citation ... not found"
    text = " ".join(done.stdout.split())
    assert text.startswith("Multimodal prompt tuning ") and not any(f"@{key}" in text for key in keys)


def test_numbered_markdown_has_a_reference_list_and_no_bib(run_cli, here):
    result = draft(run_cli, THEME, "-o", "related.md", "--cite-style", "numbered", "--top-k", "5")
    text = (here / "related.md").read_text(encoding="utf-8")
    assert "## References\n\n1. " in text and "\n5. " in text and "[@" not in text
    assert not (here / "related.bib").exists() and result.stderr.splitlines()[-1] == "wrote related.md"


def test_example_corpus_to_json_holds_the_whole_draft(run_cli, here):
    draft(run_cli, THEME, "-o", "draft.json", "--top-k", "12")
    document = json.loads((here / "draft.json").read_text(encoding="utf-8"))
    assert list(document) == ["theme", "engine", "considered", "selection", "papers", "summaries", "sections",
                              "warnings", "usage", "texts", "evidence_sources"]
    assert document["texts"] == {"corpus_abstract": 12, "fetched_abstract": {}, "fulltext": 0, "title_only": 0}
    assert {source for sources in document["evidence_sources"].values() for source in sources} <= {"abstract", "title"}
    assert (document["theme"], document["engine"], document["considered"]) == (THEME, "offline", 450)
    selection = document["selection"]
    assert [s["rank"] for s in selection] == list(range(1, 13))
    scores = [s["score"] for s in selection]
    assert scores == sorted(scores, reverse=True) and scores[-1] > 0
    keys = [s["key"] for s in selection]
    assert sorted(document["summaries"]) == sorted(keys) == sorted(document["papers"])
    for key, summary in document["summaries"].items():
        paper = document["papers"][key]
        assert summary["key"] == key and summary["evidence"]
        assert all(" ".join(q.split()) in " ".join(f"{paper['title']} {paper['abstract']}".split())
                   for q in summary["evidence"])
    grouped = [key for section in document["sections"] for key in section["keys"]]
    assert sorted(grouped) == sorted(keys)
    for section in document["sections"]:
        assert section["title"] and section["sentences"]
        assert all(sentence["text"] and set(sentence["keys"]) <= set(section["keys"]) for sentence in section["sentences"])
    assert document["warnings"] == [] and document["usage"] == {}
    assert not (here / "draft.bib").exists()


def test_format_flag_writes_to_stdout(run_cli, here):
    result = draft(run_cli, THEME, "--format", "tex", "--top-k", "4", "--heading", "subsection", "-q")
    assert result.stdout.splitlines()[4] == "\\subsection{Multimodal prompt tuning}" and "\\subsubsection{" in result.stdout
    assert result.stderr == ""  # --quiet: no notices, no summary
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("name, message", [
    ("related.docx", "error: related.docx: cannot tell the format from the extension '.docx'; "
                     "use .tex, .md or .json, or pass --format\n"),
    ("related", "error: related: cannot tell the format from a name without an extension; "
                "use .tex, .md or .json, or pass --format\n"),
])
def test_an_unknown_output_extension_is_exit_2_before_any_work(run_cli, here, name, message):
    result = run_cli("draft", THEME, "-o", name)
    assert (result.exit_code, result.stderr, result.stdout) == (2, message, "")
    assert list(here.iterdir()) == []


# --- the companion .bib ------------------------------------------------------------------------------

def test_bib_corpus_companion_holds_the_users_entries_verbatim(run_cli, here, label_noise_bib):
    draft(run_cli, "label noise", "--corpus", "refs.bib", "-o", "related.tex")
    keys = cited(here / "related.tex")
    assert len(keys) >= 3 and "graphUnrelated2020" not in keys
    original, written = entries_of(LABEL_NOISE_BIB), entries_of((here / "related.bib").read_text(encoding="utf-8"))
    assert sorted(written) == sorted(keys)
    for key in keys:
        assert written[key] == original[key]  # braces, accents, annote and all, as the user wrote them
    assert (here / "related.bib").read_text(encoding="utf-8").startswith(
        "% Written by litreview draft: the entries cited in related.tex; every run rewrites this file.\n\n@")


def test_the_companion_bib_never_overwrites_a_corpus_input(run_cli, here, label_noise_bib):
    before = label_noise_bib.read_bytes()
    result = run_cli("draft", "label noise", "--corpus", "refs.bib", "-o", "refs.md")
    assert result.exit_code == 2
    assert result.stderr == ("error: refs.bib: the companion .bib would overwrite an input of the corpus; choose another "
                             "-o name; the draft's .bib is written next to it with the same stem\n")
    assert label_noise_bib.read_bytes() == before and sorted(p.name for p in here.iterdir()) == ["refs.bib"]


def test_a_folder_corpus_skips_an_earlier_drafts_companion_bib(run_cli, here, label_noise_bib):
    draft(run_cli, "label noise", "--corpus", ".", "-o", "related.tex", "-q")
    assert (here / "related.bib").is_file()
    document = json.loads(run_cli("corpus", ".", "--json").stdout)
    assert [f["path"] for f in document["files"]] == ["refs.bib"]
    assert (document["duplicates"], document["merges"]) == (0, [])


def test_the_output_never_overwrites_a_corpus_input(run_cli, here):
    shutil.copy(ROOT / "tests" / "data" / "zotero.json", here / "zotero.json")
    before = (here / "zotero.json").read_bytes()
    result = run_cli("draft", "retrieval", "--corpus", "zotero.json", "-o", "zotero.json")
    assert result.exit_code == 2
    assert result.stderr == "error: zotero.json: the output would overwrite an input of the corpus; write it under another name\n"
    assert (here / "zotero.json").read_bytes() == before
    result = run_cli("draft", "retrieval", "--corpus", "zotero.json", "-o", "out.md", "--save-plan", "zotero.json")
    assert result.exit_code == 2 and result.stderr.startswith("error: zotero.json: the saved plan would overwrite an input")
    assert (here / "zotero.json").read_bytes() == before and not (here / "out.md").exists()


@pytest.mark.parametrize("args, message", [
    (("-o", "missing/related.tex"), "missing/related.tex: cannot write the file: there is no folder 'missing'"),
    (("-o", "folder.tex"), "folder.tex: cannot write the file: it is a folder"),
    (("-o", "related.md", "--save-plan", "missing/plan.json"), "missing/plan.json: cannot write the file: there is no folder 'missing'"),
])
def test_an_output_that_cannot_be_written_is_exit_2_before_any_work(run_cli, here, args, message):
    (here / "folder.tex").mkdir()
    result = run_cli("draft", THEME, "-q", *args)
    assert (result.exit_code, result.stderr) == (2, f"error: {message}; give the path of a file in an existing folder\n")
    assert sorted(p.name for p in here.iterdir()) == ["folder.tex"]


def test_a_folder_corpus_holding_the_output_can_be_drafted_again(run_cli, here, label_noise_bib):
    """`--corpus .` reads refs.bib; related.tex is not a corpus file and related.bib is the draft's own."""
    for _ in range(2):
        result = draft(run_cli, "label noise", "--corpus", ".", "-o", "related.tex")
        assert result.stderr.splitlines()[-1] == "wrote related.tex, related.bib"
    (here / "more.json").write_text("[]", encoding="utf-8")
    result = run_cli("draft", "label noise", "--corpus", ".", "-o", "more.json")
    assert result.exit_code == 2 and result.stderr.startswith("error: more.json: the output would overwrite an input")


def test_rerunning_the_same_command_replaces_its_own_bib_and_never_reads_it_as_the_corpus(run_cli, here, label_noise_bib):
    first = draft(run_cli, "label noise", "-o", "related.tex")
    second = draft(run_cli, "label noise", "-o", "related.tex")
    assert first.stderr.splitlines()[0] == "using refs.bib from the working directory (name others with --corpus)"
    assert second.stderr.splitlines()[0] == ("using refs.bib from the working directory; not related.bib, written by "
                                             "litreview (name others with --corpus)")
    for result in (first, second):  # *.bib of the working directory: refs.bib only, never the draft's own .bib
        assert SUMMARY.match(without_progress(result.stderr)[2]).group(2) == "5"
    assert (here / "related.bib").read_text(encoding="utf-8").count("@") == len(cited(here / "related.tex"))


def test_a_second_draft_in_an_empty_directory_still_uses_the_example_corpus(run_cli, here):
    draft(run_cli, THEME, "-o", "a.md", "--top-k", "5")
    result = draft(run_cli, THEME, "-o", "b.md", "--top-k", "5")
    assert result.stderr.splitlines()[0] == EXAMPLE_NOTICE  # a.bib is a draft's, not a bibliography
    assert (here / "a.md").read_text(encoding="utf-8") == (here / "b.md").read_text(encoding="utf-8")


# --- where the corpus comes from -------------------------------------------------------------------------

def test_bib_files_in_the_working_directory_are_the_corpus_with_a_notice(run_cli, here, label_noise_bib):
    (here / "more.bib").write_text("@misc{extra2021,\n  title = {Label noise in crowdsourcing},\n  year = {2021},\n"
                                   "  abstract = {Crowd workers produce label noise; we model it.}\n}\n", encoding="utf-8")
    result = draft(run_cli, "label noise", "--format", "json")
    assert result.stderr.splitlines()[0] == "using more.bib, refs.bib from the working directory (name others with --corpus)"
    document = json.loads(result.stdout)
    assert document["considered"] == 6 and set(document["papers"]) <= {*entries_of(LABEL_NOISE_BIB), "extra2021"}


def test_the_corpus_setting_of_litreview_toml_comes_before_bib_files_here(run_cli, here, label_noise_bib):
    (here / "papers").mkdir()
    shutil.copy(ROOT / "tests" / "data" / "papers.jsonl", here / "papers" / "papers.jsonl")
    (here / "litreview.toml").write_text('corpus = ["papers/papers.jsonl"]\n', encoding="utf-8")
    result = draft(run_cli, "retrieval", "--format", "json")
    assert result.stderr.splitlines()[0] == OFFLINE_NOTICE  # no corpus notice: the user named it
    configured = load_corpus([here / "papers" / "papers.jsonl"])
    document = json.loads(result.stdout)
    assert document["considered"] == len(configured) and all(key in configured for key in document["papers"])
    explicit = draft(run_cli, "label noise", "--corpus", "refs.bib", "--format", "json")  # --corpus wins over both
    assert json.loads(explicit.stdout)["considered"] == 5


# --- plans -------------------------------------------------------------------------------------------

def test_a_saved_plan_edited_by_hand_is_followed(run_cli, here):
    draft(run_cli, THEME, "--top-k", "10", "-o", "first.json", "--save-plan", "plan.json")
    plan = json.loads((here / "plan.json").read_text(encoding="utf-8"))
    assert [p["key"] for p in plan["selected"]] == [s["key"] for s in json.loads((here / "first.json").read_text())["selection"]]
    moved = plan["groups"][0]["keys"].pop(0)
    plan["groups"][1]["keys"].append(moved)
    plan["groups"][1]["title"] = "Hand-made group"
    (here / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    result = draft(run_cli, THEME, "--plan", "plan.json", "-o", "second.json")
    assert result.stderr.splitlines()[-1] == "wrote second.json"
    sections = json.loads((here / "second.json").read_text(encoding="utf-8"))["sections"]
    assert [s["keys"] for s in sections] == [g["keys"] for g in plan["groups"]]
    assert sections[1]["title"] == "Hand-made group" and moved in sections[1]["keys"]
    assert any(moved in sentence["keys"] for sentence in sections[1]["sentences"])


@pytest.mark.parametrize("edit, message", ids=["unknown key", "key in two groups"], argvalues=[
    (lambda plan: plan["groups"][0]["keys"].append("smith2099"),
     "error: plan.json: key 'smith2099' is not in the corpus; fix the key or remove it from the plan\n"),
    (lambda plan: plan["groups"][1]["keys"].append(plan["groups"][0]["keys"][0]),
     None),
])
def test_a_plan_with_a_bad_key_is_exit_2_with_one_line(run_cli, here, edit, message):
    draft(run_cli, THEME, "--top-k", "6", "--save-plan", "plan.json", "-q")
    plan = json.loads((here / "plan.json").read_text(encoding="utf-8"))
    edit(plan)
    (here / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    message = message or (f"error: plan.json: key {plan['groups'][0]['keys'][0]!r} is in more than one group; "
                          "keep it in exactly one group\n")
    result = run_cli("draft", THEME, "--plan", "plan.json", "-o", "out.md", "-q")
    assert (result.exit_code, result.stderr) == (2, message)
    assert not (here / "out.md").exists()


# --- check on a fresh draft --------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["related.tex", "related.md"])
def test_check_passes_on_a_draft_just_written(run_cli, here, label_noise_bib, name):
    draft(run_cli, "label noise", "--corpus", "refs.bib", "-o", name, "-q")
    keys = cited(here / name)
    for corpus in ("refs.bib", "related.bib"):  # the user's bibliography, and the companion .bib itself
        result = run_cli("check", name, "--corpus", corpus)
        assert result.exit_code == 0, result.stdout
        assert result.stdout.startswith(f"{name}: OK, all {len(keys)} cited keys are in the corpus (")


def test_check_fails_on_a_draft_with_a_key_the_corpus_lost(run_cli, here, label_noise_bib):
    draft(run_cli, "label noise", "--corpus", "refs.bib", "-o", "related.tex", "-q")
    (here / "smaller.bib").write_text(LABEL_NOISE_BIB.replace("@article{natarajanLearningNoisyLabels2013",
                                                              "@article{natarajan2013"), encoding="utf-8")
    result = run_cli("check", "related.tex", "--corpus", "smaller.bib")
    assert result.exit_code == 1
    assert re.fullmatch(r"(related\.tex:\d+: unknown citation key 'natarajanLearningNoisyLabels2013'\n)+", result.stdout)


# --- text from papers is escaped, never run --------------------------------------------------------------

def injection_corpus(directory: Path) -> Path:
    papers = [
        {"key": "smith2020", "title": "Prompt tuning for vision models", "authors": ["Smith, Ann"], "year": 2020,
         "venue": "CVPR", "abstract": "We propose VisPT, a prompt tuning method for vision transformers. "
                                      "It matches full fine-tuning on five benchmarks."},
        {"key": "lee2021", "title": "Prompt tuning for speech models", "authors": ["Lee, Bo"], "year": 2021,
         "abstract": "We introduce SpeechPT, which tunes prompts for speech recognition. It reduces word error rate by 10%."},
        {"key": "evil2022", "title": f"Prompt tuning {INJECTION}", "authors": ["Evil, Eve"], "year": 2022,
         "venue": "Proc. of A&B", "abstract": f"We propose a prompt tuning attack that hides {INJECTION} in prompts. "
                                              "It fools 9 of 10 models."},
    ]
    path = directory / "refs.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in papers), encoding="utf-8")
    return path


def test_an_injection_title_and_abstract_compile_as_literal_text(run_cli, here):
    need("pdflatex", "bibtex", "pdftotext")
    injection_corpus(here)
    draft(run_cli, "prompt tuning", "--corpus", "refs.jsonl", "-o", "related.tex", "-q")
    (here / "main.tex").write_text(NATBIB_MAIN, encoding="utf-8")
    for command_line in (LATEX, ["bibtex", "main"], LATEX, LATEX):
        run(command_line, here)
    assert "(/etc/passwd" not in (here / "main.log").read_text(encoding="latin-1")
    assert not (here / "pwned").exists() and not (here / "pwned.tex").exists()
    text = pdf_text(here)
    literal = " ".join(INJECTION.replace("$x$", "x").split())  # inline math reads as text; macros stay as written
    # the sentence quoting the abstract, its single author as subject (\citet)
    assert f"Evil [2022] proposes a prompt tuning attack that hides {literal} in prompts." in text
    assert f"Prompt tuning {literal}. Proc. of A&B, 2022." in text  # the bibliography entry's title


def test_drop_off_is_the_same_cut_as_in_select_and_0_turns_it_off(run_cli, here):
    bib = str(ROOT / "tests" / "data" / "better_bibtex.bib")
    for drop_off, kept in (("0.3", 3), ("0", 4)):  # the fourth paper scores below 0.3 x the top one
        selected = run_cli("select", "retrieval", "--corpus", bib, "--drop-off", drop_off, "--json")
        drafted = draft(run_cli, "retrieval", "--corpus", bib, "--drop-off", drop_off, "--format", "json", "-q")
        keys = [s["key"] for s in json.loads(drafted.stdout)["selection"]]
        assert keys == [s["key"] for s in json.loads(selected.stdout)["selected"]] and len(keys) == kept


# --- the researcher's own template -------------------------------------------------------------------------

def test_own_template_through_the_cli_gets_the_draft_and_its_escaping(run_cli, here):
    injection_corpus(here)
    (here / "mine.md.j2").write_text(
        "{% extends 'md.j2' %}\n", encoding="utf-8")
    (here / "list.md.j2").write_text(
        "Papers on {{ theme }} ({{ engine }}):\n{% for key, summary in summaries.items() %}\n"
        "- {{ papers[key].title }}: {{ summary.approach }} {{ [key]|cite }}\n{% endfor %}\n", encoding="utf-8")
    bundled = draft(run_cli, "prompt tuning", "--corpus", "refs.jsonl", "--format", "md", "-q").stdout
    assert draft(run_cli, "prompt tuning", "--corpus", "refs.jsonl", "--format", "md", "-q",
                 "--template", "mine.md.j2").stdout == bundled
    listed = draft(run_cli, "prompt tuning", "--corpus", "refs.jsonl", "--format", "md", "-q", "--template", "list.md.j2")
    lines = listed.stdout.splitlines()
    assert lines[0] == "Papers on prompt tuning (offline):" and len(lines) == 4
    evil = next(line for line in lines if "[@evil2022]" in line)
    assert evil.startswith("- Prompt tuning \\\\input\\{/etc/passwd\\} \\\\write18\\{touch pwned\\} 50% \\& a\\_b")


def test_a_broken_template_is_one_line_with_file_and_line(run_cli, here):
    injection_corpus(here)
    (here / "broken.tex.j2").write_text("\\section{ {{- theme -}} }\n{% for s in sections %}\n{{ s.titel }}\n{% endfor %}\n",
                                        encoding="utf-8")
    result = run_cli("draft", "prompt tuning", "--corpus", "refs.jsonl", "-o", "related.tex", "--template", "broken.tex.j2")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].endswith("broken.tex.j2:3: 'litreview.write.schema.Section object' has no attribute "
                                                   "'titel'; the variables and filters a template gets are listed in "
                                                   "docs/templates.md")
    assert not (here / "related.tex").exists()


def test_min_groups_above_max_groups_is_an_error(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("draft", "prompt tuning", "--min-groups", "5", "--max-groups", "2", "-q")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("error: --min-groups: min-groups 5 and max-groups 2 leave no possible number of "
                             "sub-themes; give 1 <= --min-groups <= --max-groups\n")


def test_a_draft_of_two_papers_is_one_paragraph_and_max_groups_alone_is_honoured(run_cli, tmp_path):
    result = run_cli("draft", "multimodal prompt tuning", "--top-k", "2", "-o", str(tmp_path / "two.md"))
    assert result.exit_code == 0, result.stderr
    two = (tmp_path / "two.md").read_text(encoding="utf-8")
    assert two.count("\n## ") == 0 and two.count("[@") >= 2  # was a heading each for one paper
    result = run_cli("draft", "multimodal prompt tuning", "--max-groups", "1", "-o", str(tmp_path / "one.md"))
    assert result.exit_code == 0, result.stderr  # was "min-groups 2 and max-groups 1 leave no possible number"
    assert (tmp_path / "one.md").read_text(encoding="utf-8").count("\n## ") == 0  # one sub-theme: no heading of its own


def test_a_one_paper_draft_says_so_in_the_singular(run_cli, tmp_path):
    result = run_cli("draft", "multimodal prompt tuning", "--top-k", "1", "-o", str(tmp_path / "one.md"))
    assert result.exit_code == 0, result.stderr
    summary = [line for line in result.stderr.splitlines() if " selected of " in line]
    assert summary and summary[0].startswith("1 paper selected of 450, 1 sub-theme, 1 cited, engine offline, ")


@pytest.mark.parametrize("theme, args, why", [
    ("graph neural networks", (), "none of the 7 papers considered shares a word with it; check the theme's spelling, "
                                  "or add papers on it to the corpus"),
    ("prompt tuning", ("--min-score", "5"), "the best paper scored 0.8393, below the minimum score 5; lower --min-score"),
    ("prompt tuning", ("--year-from", "2030"), "the key and year rules leave none of the corpus's 7 papers; widen "
                                               "--year-from/--year-to or drop an --exclude"),
])
def test_a_theme_no_paper_matches_is_an_error_and_writes_nothing(run_cli, here, theme, args, why):
    """An empty section written over the last draft would be the only sign that the theme matched nothing."""
    shutil.copy(ROOT / "tests" / "data" / "dblp_titles.bib", here / "refs.bib")
    result = run_cli("draft", theme, "--corpus", "refs.bib", "-o", "related.tex", "-q", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: no paper was selected for the theme {theme!r}: {why}\n"
    assert sorted(p.name for p in here.iterdir()) == ["refs.bib"]
