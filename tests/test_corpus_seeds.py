"""The seed listings exactly as shipped: per-file and unique counts established by reading the files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litreview.corpus.readers.fields import prose_text
from litreview.corpus import load_corpus
from litreview.corpus.readers import read_file

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"

# Counted by hand: 000 holds 12 untitled abstracts one per line; 001/002 alternate title and abstract
# lines under two boilerplate lines; 003/004 hold blank-line separated blocks under five.
PER_FILE = {
    "000_90f5a936cedf60b4.txt": 12,
    "001_baaa9a581ba295e9.txt": 215,
    "002_99b0d9a12776b875.txt": 119,
    "003_6992feb9088247e2.txt": 70,
    "004_46c4c94cb7992422.txt": 42,
}
BOILERPLATE = ("Get trending papers", "Subscribe", "byAK", "new", "Mar 14", "Mar 12")

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")


@pytest.fixture(scope="module")
def seeds():
    return load_corpus([SEEDS])


def test_per_file_counts(seeds):
    assert {Path(f.path).name: f.records for f in seeds.files} == PER_FILE


def test_eight_papers_repeated_across_files_are_merged(seeds):
    assert len(seeds) == 450
    assert seeds.duplicates == 8
    vidlankd = next(p for p in seeds.papers if (p.title or "").startswith("VidLanKD"))
    assert [f"{Path(o.path).name}:{o.line}" for o in vidlankd.origins] == [
        "003_6992feb9088247e2.txt:143", "004_46c4c94cb7992422.txt:147"]


def test_untitled_abstracts_stay_untitled(seeds):
    untitled = [p for p in seeds.papers if p.title is None]
    assert len(untitled) == 12
    assert {Path(p.origin.path).name for p in untitled} == {"000_90f5a936cedf60b4.txt"}
    first = seeds.get("m2pt")
    assert first.abstract.startswith("Multimodal Large Language Models (MLLMs) demonstrate remarkable performance")
    assert first.origin.line == 1


def test_boilerplate_never_becomes_a_paper(seeds):
    for paper in seeds.papers:
        for text in (paper.title or "", paper.abstract or ""):
            assert not text.startswith(BOILERPLATE), paper
    assert len(seeds.skipped) == 2 + 2 + 5 + 5


def test_glued_boilerplate_is_cut_from_the_title():
    papers = read_file(SEEDS / "002_99b0d9a12776b875.txt").papers
    assert papers[0].title == "Mixout: Effective Regularization to Finetune Large-scale Pretrained Language Models"
    assert papers[0].origins[0].line == 3


def test_no_title_becomes_an_abstract_and_no_abstract_is_split(seeds):
    for paper in seeds.papers:
        if paper.title:
            assert len(paper.title) < 150
        assert len(paper.abstract) > 400
    abstracts = [p.abstract for p in seeds.papers]
    raw_lines = {prose_text(line.strip()) for f in SEEDS.iterdir() for line in f.read_text().splitlines()}
    assert all(a in raw_lines for a in abstracts)  # each a whole line, read as text


def test_the_latex_arxiv_leaves_in_abstracts_is_read_as_text():
    text = " ".join(p.abstract or "" for p in read_file(SEEDS / "001_baaa9a581ba295e9.txt").papers)
    text += " ".join(p.abstract or "" for p in read_file(SEEDS / "003_6992feb9088247e2.txt").papers)
    assert not any(mark in text for mark in ("\\%", "\\&", "\\emph"))
    assert "datasets & evaluation" in text and "absolute average improvement of 10% to 20%" in text
    assert "We verify this scan and snap dynamics" in text
    assert "(\\method)" in text  # an author's own macro stays as written: it may be a real backslash


def test_inline_math_in_titles_and_abstracts_is_read_as_text_and_prices_are_not_math(seeds):
    titles = {paper.title for paper in seeds.papers}
    # were "POINT$^{2}$: ..." (the Markdown draft said "POINT\$\^\{2\}\$ introduces POINT\^\{2\}") and "PanGu-$α$: ..."
    assert "POINT²: A Polymer Informatics Training and Testing Database" in titles
    assert any(title and title.startswith("PanGu-α: ") for title in titles)
    assert any("we introduce POINT² (POlymer INformatics" in (paper.abstract or "") for paper in seeds.papers)
    assert prose_text("grants from $100 to $200 million, $k$-NN") == "grants from $100 to $200 million, k-NN"
    assert prose_text("with RH- ($2\\cdot10^{-5}$), y = x^{n}") == "with RH- (2·10⁻⁵), y = x^n"
    assert prose_text(r"a $\write18{touch x}$ b") == r"a $\write18{touch x}$ b"  # not "18touch x": as written


def test_keys_are_unique_and_do_not_depend_on_file_order():
    files = sorted(SEEDS.iterdir())
    forward = load_corpus(files)
    backward = load_corpus(list(reversed(files)))
    assert len(set(forward.keys)) == 450
    assert {p.key: p.title for p in forward.papers} == {p.key: p.title for p in backward.papers}


def test_examples_are_the_seeds_exactly():
    for name in PER_FILE:
        assert (EXAMPLES / name).read_bytes() == (SEEDS / name).read_bytes()


def test_cli_table_and_json(run_cli):
    result = run_cli("corpus", str(SEEDS))
    assert result.exit_code == 0
    assert "450 unique papers" in result.stdout
    data = json.loads(run_cli("corpus", str(SEEDS), "--json").stdout)
    assert data["duplicates"] == 8
    assert [f["records"] for f in data["files"]] == list(PER_FILE.values())
    assert set(data["papers"][0]) >= {"key", "title", "abstract", "authors", "year", "origins"}
    assert data["papers"][0]["origins"] == [f"{SEEDS / '000_90f5a936cedf60b4.txt'}:1"]
