"""Benchmark: the offline engine's grouping quality on TREC-COVID topics, its group sizes on the example
corpus, and its speed.

    python bench/generation.py [--trec ../shared/bench/trec-covid] [--draws 40]

Grouping quality: each draw mixes the judged-relevant papers of 2-6 random TREC-COVID topics (5, 8 or 12
papers each; every paper is relevant to one topic only), groups them with `cluster_labels` (k in 2..8,
not over n/2), and scores the groups against the topics: adjusted Rand index, NMI, and how far the chosen
k is from the number of topics. All topics are about COVID-19, so this is the hard case of sub-themes of
one theme. Rows vary the LSA dimension, where the silhouette is measured and what is clustered.

Speed: summaries, grouping and paragraphs of n TREC-COVID papers (titles + abstracts), median of 3 runs.
"""

from __future__ import annotations

import os
import sys

# bench/ holds select.py, which would shadow the standard library's `select` (imported by subprocess and
# asyncio): the folder leaves the path before anything else is imported.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score, silhouette_score  # noqa: E402

from litreview.group import offline as offline_group  # noqa: E402
from litreview.corpus import load_corpus  # noqa: E402
from litreview.group import group_papers  # noqa: E402
from litreview.corpus.paper import Paper  # noqa: E402
from litreview.select import rank  # noqa: E402
from litreview.summarize import summarize_papers  # noqa: E402
from litreview.summarize.offline import paper_text  # noqa: E402
from litreview.write import write_paragraphs  # noqa: E402

HERE = Path(__file__).resolve().parent
TREC = HERE.parent.parent / "shared" / "bench" / "trec-covid"
EXAMPLES = HERE.parent / "examples" / "corpus"
THEMES = ["multimodal prompt tuning", "multi-label classification", "in-context learning"]


def write_section(lines: list[str]) -> None:
    """bench/results.py's shared writer, loaded by path (the folder is not importable, see above)."""
    spec = importlib.util.spec_from_file_location("bench_results", HERE / "results.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_section(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trec", type=Path, default=TREC)
    parser.add_argument("--draws", type=int, default=40)
    args = parser.parse_args()
    docs, qrels = read_trec(args.trec)
    draws = make_draws(docs, qrels, args.draws)
    quality = {name: score_grouping(draws, labeller) for name, labeller in labellers().items()}
    sizes = {theme: group_sizes(theme) for theme in THEMES}
    speed = {n: stage_seconds(list(docs.values())[:n]) for n in (30, 100, 300, 1000)}
    write_section(report(args.draws, quality, sizes, speed))
    print((HERE / "RESULTS.md").read_text())


def read_trec(folder: Path) -> tuple[dict[str, Paper], dict[int, list[str]]]:
    docs = {}
    for line in (folder / "corpus.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        docs[record["id"]] = Paper(key=record["id"], title=record.get("title") or None, abstract=record.get("abstract") or None)
    qrels: dict[int, list[str]] = {}
    for line in (folder / "qrels.tsv").read_text().splitlines()[1:]:
        topic, doc = line.split("\t")
        if doc in docs:
            qrels.setdefault(int(topic), []).append(doc)
    return docs, qrels


def make_draws(docs: dict[str, Paper], qrels: dict[int, list[str]], count: int) -> list[list[tuple[int, Paper]]]:
    rng = random.Random(0)
    topics = sorted(t for t, judged in qrels.items() if len(judged) >= 30)
    draws = []
    for _ in range(count):
        chosen = rng.sample(topics, rng.randint(2, 6))
        per_topic = rng.choice([5, 8, 12])
        items = [(topic, docs[key]) for topic in chosen for key in rng.sample(qrels[topic], per_topic)]
        rng.shuffle(items)
        draws.append(items)
    return draws


Labeller = Callable[[list[str]], list[int]]


def labellers() -> dict[str, Labeller]:
    rows: dict[str, Labeller] = {}
    for components in (3, 5, 10, 20, 50):
        default = " (default)" if components == offline_group.LSA_COMPONENTS else ""
        rows[f"LSA {components}, silhouette in TF-IDF space{default}"] = (
            lambda texts, c=components: offline_group.cluster_labels(texts, 2, 8, components=c))
    rows["LSA 5, silhouette in LSA space"] = silhouette_in_lsa_space
    rows["no LSA (k-means on TF-IDF)"] = lambda texts: offline_group.cluster_labels(texts, 2, 8, components=10**6)
    rows["LSA 5, words instead of character 5-grams (the engine until session 5)"] = on_words
    return rows


def on_words(texts: list[str]) -> list[int]:
    """The default clustering on word TF-IDF, as the engine clustered before it took character 5-grams."""
    features = offline_group._char_tfidf
    offline_group._char_tfidf = offline_group._tfidf
    try:
        return offline_group.cluster_labels(texts, 2, 8)
    finally:
        offline_group._char_tfidf = features


def silhouette_in_lsa_space(texts: list[str]) -> list[int]:
    tfidf = offline_group._char_tfidf(texts)
    points = offline_group._reduced(tfidf, offline_group.LSA_COMPONENTS)
    candidates = [offline_group._kmeans(points, k) for k in range(2, min(8, len(texts) // 2) + 1)]
    return max(candidates, key=lambda labels: silhouette_score(points, labels, metric="cosine") if len(set(labels)) > 1 else -1)


def score_grouping(draws: list[list[tuple[int, Paper]]], labeller: Labeller) -> tuple[float, float, float]:
    ari, nmi, k_error = [], [], []
    for items in draws:
        truth = [topic for topic, _ in items]
        labels = labeller([paper_text(paper) for _, paper in items])
        ari.append(adjusted_rand_score(truth, labels))
        nmi.append(normalized_mutual_info_score(truth, labels))
        k_error.append(abs(len(set(labels)) - len(set(truth))))
    return statistics.mean(ari), statistics.mean(nmi), statistics.mean(k_error)


def group_sizes(theme: str) -> list[int]:
    papers = {scored.key: scored.paper for scored in rank(load_corpus([EXAMPLES]), theme).selected}
    summaries, _ = summarize_papers(list(papers.values()))
    groups, _ = group_papers(summaries, papers, theme)
    return [len(group.keys) for group in groups.groups]


def stage_seconds(papers: list[Paper]) -> tuple[float, float, float]:
    runs = []
    by_key = {paper.key: paper for paper in papers}
    for _ in range(3):
        start = time.perf_counter()
        summaries, _ = summarize_papers(papers)
        summarised = time.perf_counter()
        groups, _ = group_papers(summaries, by_key, "covid")
        grouped = time.perf_counter()
        write_paragraphs(groups, summaries, by_key, "covid")
        runs.append((summarised - start, grouped - summarised, time.perf_counter() - grouped))
    return tuple(statistics.median(run[i] for run in runs) for i in range(3))  # type: ignore[return-value]


def report(draws: int, quality: dict, sizes: dict, speed: dict) -> list[str]:
    lines = [
        "## generation: offline engine (grouping quality, group sizes, speed)",
        "",
        f"Command: `python bench/generation.py` — machine: {platform.machine()}, 2 cores / 24 GiB, Python {platform.python_version()}.",
        "",
        f"Grouping quality: {draws} draws, each mixing the relevant papers of 2-6 TREC-COVID topics (5, 8 or 12 each);",
        "groups scored against the topics (k chosen in 2..8, at most n/2). Higher ARI/NMI and lower |k - topics| are better.",
        "",
        "| grouping | ARI | NMI | mean abs(k - topics) |",
        "|---|---|---|---|",
        *[f"| {name} | {a:.3f} | {n:.3f} | {k:.2f} |" for name, (a, n, k) in quality.items()],
        "",
        "Group sizes on the example corpus (`rank` default cut, offline grouping):",
        "",
        *[f"- {theme}: {len(s)} groups, sizes {s}, largest {max(s) / sum(s):.0%} of {sum(s)}" for theme, s in sizes.items()],
        "",
        "Speed (seconds, median of 3; TREC-COVID titles + abstracts; one process, imports excluded):",
        "",
        "| papers | summaries | grouping | paragraphs | total | per 100 papers |",
        "|---|---|---|---|---|---|",
        *[f"| {n} | {s:.2f} | {g:.2f} | {w:.2f} | {s + g + w:.2f} | {(s + g + w) * 100 / n:.2f} |"
          for n, (s, g, w) in speed.items()],
    ]
    return lines


if __name__ == "__main__":
    main()
