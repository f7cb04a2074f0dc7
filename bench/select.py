"""Benchmark: theme selection quality on TREC-COVID, and speed/memory on a 100,000-paper corpus.

    python bench/select.py [--trec ../shared/bench/trec-covid] [--papers 100000] [--skip-scale]

Quality: nDCG@10 and recall@100 (binary qrels) of `litreview.select.rank` (through the public API, no cut
but top-k 100) next to a plain `rank_bm25.BM25Okapi` baseline computed in the same run (title + abstract,
lower-cased `\\w+` tokens, its default k1=1.5, b=0.75), on both the topics' `query` and `question` fields.
Ablation rows show what each ingredient adds (bm25s with the same plain tokens, + stopwords, + stemming,
+ title x2 = litreview without feedback, + RM3 = litreview).

Scale: a synthetic corpus (sentences of the real abstracts recombined, plus Zipf-distributed made-up words
so the vocabulary grows as real text's does); each phase runs in a fresh subprocess, so its peak RSS is its own.
"""

from __future__ import annotations

import os
import sys

# This file is named select.py: with its folder first on sys.path it would shadow the standard library's
# `select` (which subprocess imports), so the folder is dropped from the path before anything else.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import argparse  # noqa: E402
import json
import math
import platform
import random
import re
import statistics
import subprocess
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
WORK = HERE / "_work"
TREC = HERE.parent.parent / "shared" / "bench" / "trec-covid"
FIELDS = ("query", "question")
THEMES = ("multimodal prompt tuning", "transmission of coronavirus in hospitals", "label noise",
          "vaccine candidates antibody response", "instruction tuning of large language models")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trec", type=Path, default=TREC)
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--skip-hybrid", action="store_true")
    parser.add_argument("--skip-sensitivity", action="store_true")
    args = parser.parse_args()
    quality = quality_rows(args.trec)
    sensitivity = None if args.skip_sensitivity else sensitivity_rows(args.trec)
    hybrid = None if args.skip_hybrid else hybrid_rows(args.trec)
    scale = None if args.skip_scale else scale_figures(args.papers, args.trec)
    lines = report(quality, sensitivity, hybrid, scale, args)
    print("\n".join(lines))
    write_section(lines)


def write_section(lines: list[str]) -> None:
    """bench/results.py's writer, imported by path (this folder is not on sys.path, see the top)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_results", HERE / "results.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_section(lines)


# ---------------------------------------------------------------- quality

def quality_rows(trec: Path) -> dict[str, dict[str, tuple[float, float]]]:
    """{system: {field: (nDCG@10, recall@100)}} over every topic."""
    docs = [json.loads(line) for line in (trec / "corpus.jsonl").open()]
    topics = [json.loads(line) for line in (trec / "topics.jsonl").open()]
    qrels = read_qrels(trec / "qrels.tsv")
    ids = [d["id"] for d in docs]
    systems = {"rank_bm25 BM25Okapi (baseline)": okapi_baseline(docs)}
    systems |= ablations(docs)
    systems |= litreview_systems(docs)
    rows = {}
    for name, score in systems.items():
        rows[name] = {field: evaluate(score, topics, field, qrels, ids) for field in FIELDS}
        print(name, rows[name], flush=True)
    return rows


def read_qrels(path: Path) -> dict[int, set[str]]:
    qrels: dict[int, set[str]] = {}
    for line in path.read_text().splitlines()[1:]:
        topic, doc = line.split("\t")[:2]
        qrels.setdefault(int(topic), set()).add(doc)
    return qrels


def evaluate(score, topics, field, qrels, ids) -> tuple[float, float]:
    ndcg, recall = [], []
    for topic in topics:
        ranked = [ids[i] for i in score(topic[field])[:100]]
        relevant = qrels[topic["id"]]
        dcg = sum(1 / math.log2(r + 2) for r, doc in enumerate(ranked[:10]) if doc in relevant)
        ideal = sum(1 / math.log2(r + 2) for r in range(min(10, len(relevant))))
        ndcg.append(dcg / ideal)
        recall.append(len(set(ranked) & relevant) / len(relevant))
    return float(np.mean(ndcg)), float(np.mean(recall))


def plain_tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def okapi_baseline(docs):
    from rank_bm25 import BM25Okapi

    okapi = BM25Okapi([plain_tokens(f"{d['title']} {d['abstract']}") for d in docs])
    return lambda query: list(np.argsort(-okapi.get_scores(plain_tokens(query)), kind="stable"))


def ablations(docs) -> dict:
    """bm25s (k1=1.2, b=0.75, as litreview) with simpler tokens: what stopwords and stemming add."""
    import bm25s
    import Stemmer
    from bm25s.stopwords import STOPWORDS_EN_PLUS

    stem = Stemmer.Stemmer("english").stemWords
    stop = set(STOPWORDS_EN_PLUS)
    variants = {
        "bm25s, plain tokens": plain_tokens,
        "bm25s + stopwords": lambda t: [w for w in plain_tokens(t) if w not in stop],
        "bm25s + stopwords + stemming": lambda t: stem([w for w in plain_tokens(t) if w not in stop]),
    }
    systems = {}
    for name, tokenize in variants.items():
        retriever = bm25s.BM25(k1=1.2, b=0.75)
        retriever.index([tokenize(f"{d['title']} {d['abstract']}") or [""] for d in docs], show_progress=False)
        systems[name] = lambda q, r=retriever, tok=tokenize: list(
            np.argsort(-r.get_scores([w for w in tok(q) if w in r.vocab_dict] or [""]), kind="stable"))
    return systems


def litreview_systems(docs) -> dict:
    from litreview.corpus import Corpus
    from litreview.corpus.paper import Paper
    from litreview.select import rank

    papers = [Paper(key=d["id"], title=d["title"] or None, abstract=d["abstract"] or None) for d in docs]
    corpus = Corpus(papers=papers, files=[])
    position = {d["id"]: i for i, d in enumerate(docs)}
    cache = Path(tempfile.mkdtemp(prefix="select-bench-"))

    def system(feedback: bool):
        return lambda q: [position[s.key] for s in
                          rank(corpus, q, top_k=100, drop_off=None, cache_dir=cache, feedback=feedback).selected]

    return {"litreview, no feedback (+ title x2)": system(False), "litreview (+ RM3 feedback, default)": system(True)}


# ---------------------------------------------------------------- sensitivity

SETTINGS = [  # (k1, b, feedback docs, feedback terms, original query weight); the first row is the default
    (1.2, 0.75, 10, 10, 0.5), (0.9, 0.4, 10, 10, 0.5), (1.5, 0.75, 10, 10, 0.5), (1.2, 0.75, 5, 10, 0.5),
    (1.2, 0.75, 20, 20, 0.5), (1.2, 0.75, 10, 20, 0.5), (1.2, 0.75, 10, 10, 0.7), (1.2, 0.75, 10, 10, 0.3),
]


def sensitivity_rows(trec: Path) -> dict[tuple, dict[str, tuple[float, float]]]:
    """The default against its neighbours: the gain should not hinge on one lucky setting."""
    import litreview.select.index as index_module
    import litreview.select.lexical as lexical_module
    from litreview.corpus.paper import Paper

    docs = [json.loads(line) for line in (trec / "corpus.jsonl").open()]
    topics = [json.loads(line) for line in (trec / "topics.jsonl").open()]
    qrels, ids = read_qrels(trec / "qrels.tsv"), [d["id"] for d in docs]
    papers = [Paper(key=d["id"], title=d["title"] or None, abstract=d["abstract"] or None) for d in docs]
    defaults = (index_module.K1, index_module.B, lexical_module.FEEDBACK_DOCS, lexical_module.FEEDBACK_TERMS,
                lexical_module.ORIGINAL_WEIGHT)
    rows = {}
    try:
        for setting in SETTINGS:
            _set_constants(index_module, lexical_module, setting)
            index = index_module.open_index(papers, None)
            score = lambda q: list(np.argsort(-lexical_module.theme_scores(index, papers, q).scores, kind="stable"))  # noqa: E731
            rows[setting] = {f: evaluate(score, topics, f, qrels, ids) for f in FIELDS}
            print(setting, rows[setting], flush=True)
    finally:
        _set_constants(index_module, lexical_module, defaults)
    return rows


def _set_constants(index_module, lexical_module, setting) -> None:
    index_module.K1, index_module.B = setting[:2]
    lexical_module.FEEDBACK_DOCS, lexical_module.FEEDBACK_TERMS, lexical_module.ORIGINAL_WEIGHT = setting[2:]


# ---------------------------------------------------------------- hybrid

def hybrid_rows(trec: Path) -> dict[str, dict[str, tuple[float, float]]]:
    """Fusion of BM25+RM3 with LSA 'embeddings' served by the fake OpenAI server (no real model offline).

    LSA (TF-IDF -> 256-d SVD, fit on the corpus without labels) is a weak, corpus-fitted stand-in for an
    embedding model: it exercises the whole path (HTTP, cache, fusion) and compares the two fusions on real
    data, but says little about what a neural embedding model would add.
    """
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import Normalizer

    from litreview.config import Settings
    from litreview.corpus import Corpus
    from litreview.llm import LLMClient
    from litreview.corpus.paper import Paper
    from litreview.select import rank

    docs = [json.loads(line) for line in (trec / "corpus.jsonl").open()]
    topics = [json.loads(line) for line in (trec / "topics.jsonl").open()]
    qrels, ids = read_qrels(trec / "qrels.tsv"), [d["id"] for d in docs]
    lsa = make_pipeline(TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2),
                        TruncatedSVD(256, random_state=0), Normalizer())
    lsa.fit([f"{d['title']}\n\n{d['abstract']}" for d in docs])
    corpus = Corpus(papers=[Paper(key=d["id"], title=d["title"] or None, abstract=d["abstract"] or None) for d in docs],
                    files=[])
    position = {d["id"]: i for i, d in enumerate(docs)}
    fake = _fake_llm_module().FakeLLM(embedder=lambda text: lsa.transform([text])[0].tolist()).start()
    try:
        settings = Settings(base_url=fake.url, api_key="bench", cache_dir=Path(tempfile.mkdtemp(prefix="select-hybrid-")))
        with LLMClient(settings) as llm:
            def system(**options):
                return lambda q: [position[s.key] for s in rank(corpus, q, top_k=100, drop_off=None, **options).selected]

            doc_vectors = np.asarray(llm.embed_sync([f"{d['title']}\n\n{d['abstract']}".strip() for d in docs], "lsa-256"))
            systems = {
                "LSA embeddings alone": lambda q: list(np.argsort(-(doc_vectors @ np.asarray(llm.embed_sync([q], "lsa-256")[0])))),
                "litreview + LSA, rrf": system(llm=llm, embeddings="lsa-256", fusion="rrf"),
                "litreview + LSA, normalised scores (default)": system(llm=llm, embeddings="lsa-256", fusion="scores"),
            }
            rows = {name: {f: evaluate(score, topics, f, qrels, ids) for f in FIELDS} for name, score in systems.items()}
    finally:
        fake.stop()
    for name, row in rows.items():
        print(name, row, flush=True)
    return rows


def _fake_llm_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("fake_llm", HERE.parent / "tests" / "fake_llm.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["fake_llm"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- scale

BUILD = """
import json, resource, sys, time
from litreview.corpus.paper import Paper
papers = [Paper(**json.loads(line)) for line in open(sys.argv[1])]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
import litreview.select.index as si
index = si.open_index(papers, sys.argv[2])
print(json.dumps({"seconds": time.perf_counter() - start, "rss_before_mb": before,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

QUERY = """
import json, resource, sys, time
from litreview.corpus import Corpus
from litreview.corpus.paper import Paper
papers = [Paper(**json.loads(line)) for line in open(sys.argv[1])]
corpus = Corpus(papers=papers, files=[])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
import bm25s, litreview.select, litreview.select.index as si, litreview.select.lexical as sl
imports = time.perf_counter() - start
out = {"imports": imports, "digest": [], "load": [], "query": [], "rank": []}
for theme in json.loads(sys.argv[3]):
    start = time.perf_counter(); digest = si.content_digest(papers); out["digest"].append(time.perf_counter() - start)
    start = time.perf_counter()
    index = si.cached_index(sys.argv[2], digest)
    out["load"].append(time.perf_counter() - start)
    start = time.perf_counter(); sl.theme_scores(index, papers, theme); out["query"].append(time.perf_counter() - start)
    start = time.perf_counter(); litreview.select.rank(corpus, theme, cache_dir=sys.argv[2])
    out["rank"].append(time.perf_counter() - start)
out |= {"rss_before_mb": before, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
print(json.dumps(out))
"""


def scale_figures(count: int, trec: Path) -> dict:
    WORK.mkdir(exist_ok=True)
    corpus = WORK / f"select-synthetic-{count}.jsonl"
    if not corpus.exists():
        write_synthetic(corpus, count, trec)
    cache = Path(tempfile.mkdtemp(prefix="select-scale-", dir=WORK))
    build = run_python(BUILD, corpus, cache)
    queries = run_python(QUERY, corpus, cache, json.dumps(THEMES))
    text_mb = sum(len(json.loads(line)["abstract"]) + len(json.loads(line)["title"]) for line in corpus.open()) / 1e6
    index_mb = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file()) / 1e6
    return {"papers": count, "text_mb": text_mb, "index_mb": index_mb, "build": build, "queries": queries}


def run_python(code: str, *args) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def write_synthetic(path: Path, count: int, trec: Path) -> None:
    """Papers made of real sentences and titles, with made-up words drawn log-uniformly (Zipf, s=1)."""
    rng = random.Random(7)
    docs = [json.loads(line) for line in (trec / "corpus.jsonl").open()]
    sentences = [s for d in docs for s in re.split(r"(?<=\.)\s+", d["abstract"]) if len(s) > 40]
    titles = [d["title"] for d in docs if d["title"]]
    made_up = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(5, 10))) for _ in range(400_000)]

    def perturb(text: str, rate: float) -> str:
        return " ".join(made_up[int(len(made_up) ** rng.random()) - 1] if rng.random() < rate else w
                        for w in text.split())

    with path.open("w") as out:
        for n in range(count):
            abstract = perturb(" ".join(rng.sample(sentences, rng.randint(5, 9))), 0.05)
            out.write(json.dumps({"key": f"p{n}", "title": perturb(rng.choice(titles), 0.15),
                                  "abstract": abstract, "year": rng.randint(1990, 2026)}) + "\n")


# ---------------------------------------------------------------- report

def report(quality, sensitivity, hybrid, scale, args) -> list[str]:
    lines = ["## select: theme ranking (TREC-COVID quality, 100k-paper speed)", "",
             f"Command: `python bench/select.py` — machine: {platform.machine()}, 2 cores / 24 GiB, "
             f"Python {platform.python_version()}.", "",
             f"TREC-COVID subset in `{args.trec.name}` (25 topics, binary qrels). nDCG@10 / recall@100, in points:", "",
             "| system | query nDCG@10 | query R@100 | question nDCG@10 | question R@100 |", "|---|---|---|---|---|"]
    for name, row in quality.items():
        cells = " | ".join(f"{100 * row[f][0]:.1f} | {100 * row[f][1]:.1f}" for f in FIELDS)
        lines.append(f"| {name} | {cells} |")
    base, ours = quality["rank_bm25 BM25Okapi (baseline)"], quality["litreview (+ RM3 feedback, default)"]
    gains = ", ".join(f"{f} {100 * (ours[f][0] - base[f][0]):+.1f}" for f in FIELDS)
    lines += ["", f"litreview vs baseline, nDCG@10 points: {gains} (target: >= +3 on both)."]
    if sensitivity:
        lines += ["", "Sensitivity of litreview's ranking to its constants (published defaults first: Robertson's "
                  "k1=1.2, b=0.75; Anserini's RM3 10 docs, 10 terms, weight 0.5), nDCG@10 / R@100:", "",
                  "| k1 | b | fb docs | fb terms | query weight | query | question |", "|---|---|---|---|---|---|---|"]
        for setting, row in sensitivity.items():
            cells = " | ".join(f"{100 * row[f][0]:.1f} / {100 * row[f][1]:.1f}" for f in FIELDS)
            lines.append("| " + " | ".join(f"{v:g}" for v in setting) + f" | {cells} |")
    if hybrid:
        lines += ["", "Hybrid (`--embeddings`): no embedding model is available offline, so the dense side is LSA "
                  "(TF-IDF -> 256-d SVD fit on this corpus, no labels) served by `tests/fake_llm.py` over HTTP. It tests "
                  "the plumbing and compares the fusions on real data; it does not predict what a neural model adds:", "",
                  "| system | query nDCG@10 | query R@100 | question nDCG@10 | question R@100 |", "|---|---|---|---|---|"]
        for name, row in hybrid.items():
            cells = " | ".join(f"{100 * row[f][0]:.1f} | {100 * row[f][1]:.1f}" for f in FIELDS)
            lines.append(f"| {name} | {cells} |")
    if scale:
        lines += [""] + scale_lines(scale)
    return lines


def scale_lines(scale) -> list[str]:
    q, b = scale["queries"], scale["build"]
    ms = lambda values: f"{1000 * statistics.median(values):.0f} ms"  # noqa: E731
    cached = [d + l + r for d, l, r in zip(q["digest"], q["load"], q["query"])]
    return [
        f"Scale: {scale['papers']:,} synthetic papers ({scale['text_mb']:.0f} MB of title+abstract text), "
        f"median over {len(q['query'])} themes, each phase in a fresh process:", "",
        f"- build the index (cold, then saved): {b['seconds']:.1f} s, peak RSS {b['rss_mb']:.0f} MB "
        f"(peak was {b['rss_before_mb']:.0f} MB after reading the papers, before indexing); "
        f"index on disk {scale['index_mb']:.0f} MB",
        f"- cached: load the index (mmap) {ms(q['load'])} + score with RM3 {ms(q['query'])} "
        f"= {1000 * statistics.median(l + r for l, r in zip(q['load'], q['query'])):.0f} ms (target < 100 ms)",
        f"- finding the cache hashes the corpus text every time: {ms(q['digest'])} "
        f"(so digest + load + query = {ms(cached)})",
        f"- whole `rank()` (filters, cut, models) on the cached index: {ms(q['rank'])}; "
        f"imports (bm25s, scipy) {1000 * q['imports']:.0f} ms; peak RSS {q['rss_mb']:.0f} MB "
        f"({q['rss_before_mb']:.0f} MB after reading the papers: querying adds "
        f"{q['rss_mb'] - q['rss_before_mb']:.0f} MB)",
        "", "The cache is keyed by a hash of the indexed text, so finding it means encoding and hashing every "
        "paper's text on each run; that, not the query, is what grows with the corpus (reading 100,000 "
        "papers from BibTeX takes far longer still, see the corpus section).",
    ]


if __name__ == "__main__":
    main()
