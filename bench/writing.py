"""Benchmark: the offline engine's paragraphs and groups against the authors' own related work.

    pip install ".[bench]"      # rouge-score, for this script only
    python bench/writing.py [--mxs ../shared/bench/multixscience-dev] [--trec ../shared/bench/trec-covid]
                            [--draws 40] [--samples mxs_test_042 mxs_test_029] [--no-write]

Writing (Multi-XScience dev, as its README describes): per example, the corpus is the cited abstracts
(references without an abstract have no text at all here and are left out), the theme is the citing
abstract, every paper is selected and one paragraph is asked for (one group). ROUGE-1/2/L F1 with
`rouge-score` and its Porter stemmer, citation markers stripped from the gold, sentences newline-joined,
averaged over examples. The reference rows (LEAD, the citing abstract, first sentences, a greedy extractive
oracle) are computed here with the same scorer. A theme this long is the researcher's abstract to the engine: each
paragraph opens with its background sentence closest to the group and closes by positioning it (as `--our-work`).

Grouping: the groups the offline engine makes without being told how many (k in 2..8, at most n/2; two or three
papers are one group), scored by ARI and NMI against (a) the authors' paragraphs (`paragraph_groupings.jsonl`,
documents cited by several paragraphs left out) and (b) TREC-COVID topic mixtures (bench/generation.py's draws);
next to TF-IDF agglomerative clustering given the right k. Whether three papers could be split by the data: the
silhouette of the engine's best two-way split of three TREC-COVID papers from one topic against two from one topic
and one from another. Labels: how often a TREC-COVID group's label names the topic most of its papers are judged
relevant to, with and without the whole corpus counted (what one paper in ten of it says names no group).
"""

from __future__ import annotations

import os
import sys

# bench/ holds select.py, which would shadow the standard library's `select`: leave the path first.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from types import ModuleType  # noqa: E402

try:
    from rouge_score import rouge_scorer  # noqa: E402
except ModuleNotFoundError:
    sys.exit('bench/writing.py needs rouge-score: pip install ".[bench]"')
from sklearn.cluster import AgglomerativeClustering  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score  # noqa: E402

from litreview.corpus.paper import Paper  # noqa: E402
from litreview.group import group_papers, offline  # noqa: E402
from litreview.group.terms import term_stems  # noqa: E402
from litreview.group.uses import CorpusUses  # noqa: E402
from litreview.summarize import summarize_papers  # noqa: E402
from litreview.summarize.offline import paper_text, split_sentences  # noqa: E402
from litreview.write import write_paragraphs  # noqa: E402
from litreview.write.schema import Section  # noqa: E402

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "bench"  # ../shared beside the checkout
GOLD_MARKER = re.compile(r"\[\d+\]\d*")
METRICS = ("rouge1", "rouge2", "rougeL")
SCORER = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)


def bench_module(name: str) -> ModuleType:
    """A sibling bench script loaded by path (the folder is not importable, see above)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@dataclass(frozen=True)
class Example:
    """One Multi-XScience paragraph: the citing abstract, the cited papers, the authors' paragraph."""

    id: str
    theme: str
    papers: list[Paper]
    gold: str


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mxs", type=Path, default=SHARED / "multixscience-dev")
    parser.add_argument("--trec", type=Path, default=SHARED / "trec-covid")
    parser.add_argument("--draws", type=int, default=40)
    parser.add_argument("--samples", nargs="*", default=["mxs_test_042", "mxs_test_029"])
    parser.add_argument("--no-write", action="store_true", help="print the figures without updating RESULTS.md")
    args = parser.parse_args()
    examples = read_examples(args.mxs / "examples.jsonl")
    drafts = {ex.id: offline_paragraph(ex) for ex in examples}
    writing = {
        "litreview offline engine": rouge(examples, lambda ex: drafts[ex.id]),
        "LEAD: citing abstract, then cited abstracts, cut to the gold length": rouge(examples, lead),
        "the citing abstract alone": rouge(examples, lambda ex: "\n".join(split_sentences(ex.theme))),
        "the first sentence of each cited abstract": rouge(examples, first_sentences),
        "greedy extractive oracle (citing + cited sentences, best R-1 + R-2)": rouge(examples, oracle),
        # What an engine that writes about the cited papers only (no words of the citing abstract) can reach:
        "LEAD over the cited abstracts only, cut to the gold length": rouge(examples, lambda ex: lead(ex, citing=False)),
        "greedy extractive oracle over cited sentences only": rouge(examples, lambda ex: oracle(ex, citing=False)),
    }
    grouping = {"Multi-XScience paragraphs": mxs_grouping(args.mxs / "paragraph_groupings.jsonl"),
                "Multi-XScience paragraphs, 4 documents or more": mxs_grouping(args.mxs / "paragraph_groupings.jsonl", 4),
                "TREC-COVID topic mixtures": trec_grouping(args.trec, args.draws)}
    samples = [(ex, drafts[ex.id]) for ex in examples if ex.id in args.samples]
    lines = report(len(examples), writing, grouping, three_papers(args.trec) + label_topics(args.trec, args.draws), samples)
    print("\n".join(lines))
    if not args.no_write:
        bench_module("results").write_section(lines)


def read_examples(path: Path) -> list[Example]:
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        papers = [Paper(key=f"ref{n}", abstract=ref["abstract"]) for n, ref in enumerate(row["references"])
                  if ref["abstract"].strip()]
        examples.append(Example(row["id"], row["query_abstract"], papers, row["related_work"]))
    return examples


def offline_paragraph(example: Example) -> list[Section]:
    """The offline engine's one paragraph for `example`: every paper selected, one group."""
    papers = {paper.key or "": paper for paper in example.papers}
    summaries, _ = summarize_papers(example.papers)
    groups, _ = group_papers(summaries, papers, example.theme, min_groups=1, max_groups=1)
    sections, _ = write_paragraphs(groups, summaries, papers, example.theme)
    return sections


def section_text(sections: Sequence[Section]) -> str:
    """The sentences of the sections, one per line (no citations: keys are not in the text)."""
    return "\n".join(sentence.text for section in sections for sentence in section.sentences)


def rouge(examples: list[Example], system: Callable[[Example], str | list[Section]]) -> dict[str, float]:
    """Mean ROUGE F1 (x100) of `system`'s text per example against the gold paragraph, and its mean length."""
    totals: dict[str, list[float]] = {metric: [] for metric in (*METRICS, "words")}
    for example in examples:
        made = system(example)
        text = made if isinstance(made, str) else section_text(made)
        totals["words"].append(len(text.split()))
        scores = SCORER.score(gold_text(example), text)
        for metric in METRICS:
            totals[metric].append(scores[metric].fmeasure * 100)
    return {metric: statistics.mean(values) for metric, values in totals.items()}


def gold_text(example: Example) -> str:
    return "\n".join(split_sentences(" ".join(GOLD_MARKER.sub("", example.gold).split())))


def lead(example: Example, *, citing: bool = True) -> str:
    budget = len(gold_text(example).split())
    text = " ".join([example.theme if citing else "", *(paper.abstract or "" for paper in example.papers)]).split()
    return " ".join(text[:budget])


def first_sentences(example: Example) -> str:
    return "\n".join(split_sentences(paper.abstract)[0] for paper in example.papers if paper.abstract)


def oracle(example: Example, *, citing: bool = True) -> str:
    """Greedily add the source sentence that most raises R-1 + R-2 F1; stop when none does."""
    pool = (split_sentences(example.theme) if citing else []) + [s for p in example.papers for s in split_sentences(p.abstract)]
    gold, chosen, best = gold_text(example), [], 0.0
    while True:
        scored = [(_r12(gold, "\n".join(chosen + [s])), -n) for n, s in enumerate(pool) if s not in chosen]
        if not scored or max(scored)[0] <= best:
            return "\n".join(chosen)
        best, at = max(scored)
        chosen.append(pool[-at])


def _r12(gold: str, text: str) -> float:
    scores = SCORER.score(gold, text)
    return scores["rouge1"].fmeasure + scores["rouge2"].fmeasure


Grouping = dict[str, tuple[float, float, int]]


def mxs_grouping(path: Path, fewest: int = 3) -> Grouping:
    """ARI/NMI per citing paper with `fewest` documents left or more (its shared documents left out), averaged;
    against agglomerative with the gold k."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        shared = set(row["docs_in_multiple_groups"])
        truth = {doc: n for n, group in enumerate(row["gold_groups"]) for doc in group["doc_ids"] if doc not in shared}
        papers = [Paper(key=d["doc_id"], abstract=d["abstract"] or None) for d in row["documents"] if d["doc_id"] in truth]
        if len(papers) >= fewest:
            cases.append(([truth[p.key] for p in papers], papers, row["query_abstract"]))
    return score_grouping(cases)


def trec_grouping(folder: Path, draws: int) -> Grouping:
    generation = bench_module("generation")
    docs, qrels = generation.read_trec(folder)
    return score_grouping([([topic for topic, _ in items], [paper for _, paper in items], "COVID-19")
                           for items in generation.make_draws(docs, qrels, draws)])


def label_topics(folder: Path, draws: int) -> list[str]:
    """Report lines: how often the engine's label of a TREC-COVID group names the topic most of its papers are judged
    relevant to (shares a word stem with the topic's query, question or narrative, leaving out stems a quarter of the
    topics use), with and without the whole corpus counted (`group.uses.CorpusUses`)."""
    generation = bench_module("generation")
    docs, qrels = generation.read_trec(folder)
    topics = {row["id"]: term_stems(re.sub(r"[^\w\s-]", " ", " ".join((row["query"], row["question"], row["narrative"]))).lower())
              for row in map(json.loads, (folder / "topics.jsonl").read_text(encoding="utf-8").splitlines())}
    common = {word for word, count in Counter(w for words in topics.values() for w in words).items() if count > len(topics) / 4}
    rows = []
    for name, counted in (("the selected papers only", None), ("the whole corpus counted", CorpusUses(list(docs.values())))):
        named = naming = total = 0
        for items in generation.make_draws(docs, qrels, draws):
            papers = {paper.key or "": paper for _, paper in items}
            topic_of = {paper.key: topic for topic, paper in items}
            groups, _ = group_papers(summarize_papers(list(papers.values()))[0], papers, "COVID-19", corpus_uses=counted)
            for group in (g for g in groups.groups if g.title != offline.OTHER_TITLE):
                total += 1
                if group.title != offline.FALLBACK_TITLE:
                    named += 1
                    topic = Counter(topic_of[key] for key in group.keys).most_common(1)[0][0]
                    naming += bool((term_stems(group.title.lower()) - common) & topics[topic])
        rows.append(f"| {name} | {total} | {named / total:.1%} | {naming / total:.1%} |")
    return ["", f"Labels ({draws} TREC-COVID draws, theme COVID-19): does a group's label name the topic most of its "
            "papers are judged relevant to (a word stem of its query, question or narrative that fewer than a quarter of "
            "the topics use)?", "", "| counted | groups | named | label names the topic |", "|---|---|---|---|", *rows]


def score_grouping(cases: list[tuple[list[int], list[Paper], str]]) -> Grouping:
    """Mean ARI, NMI of each method over `cases` (truth, papers, theme), and the number of cases."""
    methods: dict[str, Callable[[list[Paper], str, int], list[int]]] = {
        "litreview offline grouping (k not given)": engine_labels,
        "TF-IDF agglomerative, average cosine linkage, right k": lambda p, t, k: agglomerative(p, k, "average"),
        "TF-IDF agglomerative, Ward linkage, right k": lambda p, t, k: agglomerative(p, k, "ward"),
    }
    results = {}
    for name, method in methods.items():
        ari, nmi = [], []
        for truth, papers, theme in cases:
            labels = method(papers, theme, len(set(truth)))
            ari.append(adjusted_rand_score(truth, labels))
            nmi.append(normalized_mutual_info_score(truth, labels))
        results[name] = (statistics.mean(ari), statistics.mean(nmi), len(cases))
    return results


def three_papers(folder: Path, draws: int = 300) -> list[str]:
    """Report lines: can the engine's best two-way split of three papers (k-means as `cluster_labels` runs it) tell
    three of one TREC-COVID topic, which belong together, from two of one topic and one of another?"""
    docs, qrels = bench_module("generation").read_trec(folder)
    topics = sorted(topic for topic, judged in qrels.items() if len(judged) >= 30)
    rng = random.Random(1)
    together, apart, aris = [], [], []
    for _ in range(draws):
        together.append(_best_split([docs[key] for key in rng.sample(qrels[rng.choice(topics)], 3)])[1])
        first, second = rng.sample(topics, 2)
        labels, silhouette = _best_split([docs[key] for key in rng.sample(qrels[first], 2) + rng.sample(qrels[second], 1)])
        apart.append(silhouette)
        aris.append(adjusted_rand_score([0, 0, 1], labels))
    deciles = lambda values: " / ".join(f"{statistics.quantiles(values, n=10)[i]:.3f}" for i in (0, 2, 4, 6, 8))
    return [
        "", f"Three papers ({draws} TREC-COVID draws of each kind): the silhouette of the engine's best two-way split, "
        "deciles 10 / 30 / 50 / 70 / 90:", "",
        "| three papers | silhouette deciles |", "|---|---|",
        f"| from one topic (they belong together) | {deciles(together)} |",
        f"| two from one topic, one from another (a 2 + 1 split is right) | {deciles(apart)} |", "",
        f"The best split of a 2 + 1 draw is the right one in {sum(a == 1.0 for a in aris) / draws:.0%} of draws (chance "
        f"33%; mean ARI {statistics.mean(aris):.3f}, one group 0; a split of a one-topic draw scores 0, as one group "
        "does), so three papers are split by default. No silhouette threshold keeps most one-topic draws together and "
        "splits most 2 + 1 draws: "
        + "; ".join(f"{t}: {sum(s < t for s in together) / draws:.0%} kept, {sum(s >= t for s in apart) / draws:.0%} split"
                    for t in (0.05, 0.1, 0.15)) + ".",
    ]


def _best_split(papers: list[Paper]) -> tuple[list[int], float]:
    tfidf = offline._char_tfidf([paper_text(paper) for paper in papers])
    labels = offline._kmeans(offline._reduced(tfidf, offline.LSA_COMPONENTS), 2)
    return labels, offline._silhouette(tfidf, labels)


def engine_labels(papers: list[Paper], theme: str, _k: int) -> list[int]:
    """The group number of each paper in the offline draft's groups (the "other related work" group included)."""
    by_key = {paper.key or "": paper for paper in papers}
    summaries, _ = summarize_papers(papers)
    groups, _ = group_papers(summaries, by_key, theme)
    label = {key: n for n, group in enumerate(groups.groups) for key in group.keys}
    return [label[paper.key or ""] for paper in papers]


def agglomerative(papers: list[Paper], k: int, linkage: str) -> list[int]:
    texts = [f"{paper.title or ''}\n{paper.abstract or ''}" for paper in papers]
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    metric = "euclidean" if linkage == "ward" else "cosine"
    return list(AgglomerativeClustering(n_clusters=k, metric=metric, linkage=linkage).fit_predict(vectors))


def report(count: int, writing: dict[str, dict[str, float]], grouping: dict[str, Grouping], three: list[str],
           samples: list[tuple[Example, list[Section]]]) -> list[str]:
    lines = [
        "## writing: offline paragraphs and groups against the authors' related work (bench/writing.py)",
        "",
        f"Command: `python bench/writing.py` — machine: {platform.machine()}, 2 cores, Python {platform.python_version()}; "
        "`rouge-score` (Porter stemmer), F1 x100.",
        "",
        f"Writing: Multi-XScience dev half, {count} paragraphs; corpus = cited abstracts, theme = citing abstract, "
        "every paper selected, one paragraph.",
        "",
        "| system | R-1 | R-2 | R-L | mean words |",
        "|---|---|---|---|---|",
        *[f"| {name} | {s['rouge1']:.2f} | {s['rouge2']:.2f} | {s['rougeL']:.2f} | {s['words']:.0f} |"
          for name, s in writing.items()],
        "",
        "Grouping without being told k (offline engine) vs TF-IDF agglomerative clustering given the right k:",
        "",
        "| data | grouping | ARI | NMI | cases |",
        "|---|---|---|---|---|",
        *[f"| {data} | {name} | {a:.3f} | {n:.3f} | {c} |" for data, rows in grouping.items()
          for name, (a, n, c) in rows.items()],
        *three,
    ]
    for example, plain in samples:
        lines += ["", f"Sample {example.id} ({len(example.papers)} cited abstracts), offline engine:", "",
                  *_quoted(section_text(plain)), "", "The authors' paragraph:", "",
                  *_quoted(" ".join(example.gold.split()))]
    return lines


def _quoted(text: str) -> list[str]:
    return ["> " + " ".join(text.split("\n"))]


if __name__ == "__main__":
    main()
