"""Benchmark: a full `litreview draft` of a 2,000-paper corpus through the fake LLM server at a fixed latency.

    .venv/bin/python bench/draft.py [--papers 2000] [--latency 0.1] [--concurrency 8 32] [--no-write]

Each run is the real CLI in its own process (`litreview draft THEME --corpus draft-2000.jsonl --top-k 2000 --drop-off 0
-o draft.json --model ... --base-url ...`), first cold (empty cache: every summary, the grouping and every
paragraph is a request), then warm (the same command again: everything from the cache). Reported: wall time
against N*L/C (N requests made, L the server latency, C the concurrency) and against the bound the stages
impose (summaries in parallel, then one grouping, then the paragraphs in parallel), the LLM-busy time the
draft itself records, peak RSS of the litreview process, and the warm run. The fake server
(tests/fake_llm.py, answering like a well-behaved model) runs in its own process so it does not share the
client's GIL. Writes its section of bench/RESULTS.md unless --no-write.
"""

from __future__ import annotations

import os
import sys

# bench/select.py would shadow the standard library's `select` (which subprocess imports) while this
# folder is first on sys.path: use the project root instead, and import the helper as bench.results.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [os.path.dirname(_HERE)] + [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(_HERE).parent
WORK = ROOT / "bench" / "_work"
SECTION = "## draft: 2,000 papers end to end through the fake LLM (bench/draft.py)"
THEME = "graph neural networks"
LITREVIEW = Path(sys.executable).parent / "litreview"

# Vocabulary for the generated corpus: every abstract is about graph neural networks (so the theme selects
# them all) and otherwise varies in task, domain, method, data and result, so titles never look alike.
TASKS = ("node classification", "link prediction", "graph classification", "community detection", "traffic forecasting",
         "molecular property prediction", "recommendation", "fraud detection", "knowledge graph completion",
         "point cloud segmentation", "program analysis", "protein function prediction", "physics simulation",
         "combinatorial optimisation", "question answering over graphs", "anomaly detection", "citation analysis",
         "power grid monitoring", "drug repurposing", "social influence estimation")
DOMAINS = ("citation networks", "molecules", "road networks", "e-commerce graphs", "social networks", "proteins",
           "financial transactions", "knowledge bases", "meshes", "source code", "power grids", "scene graphs",
           "brain connectomes", "supply chains", "chip netlists", "crystal structures")
ADJECTIVES = ("sparse", "hierarchical", "equivariant", "contrastive", "self-supervised", "scalable", "robust",
              "explainable", "temporal", "heterogeneous", "spectral", "adaptive", "federated", "Bayesian",
              "curriculum-based", "topology-aware", "low-rank", "quantised", "causal", "multi-scale")
METHODS = ("message passing", "graph attention", "graph transformer", "diffusion model", "pooling operator",
           "positional encoding", "rewiring scheme", "sampling strategy", "readout function", "pre-training objective",
           "augmentation policy", "normalisation layer", "distillation method", "prompting scheme")
PROBLEMS = ("over-smoothing", "over-squashing", "label scarcity", "distribution shift", "heterophily",
            "noisy edges", "limited expressive power", "high memory cost", "missing node features",
            "class imbalance", "adversarial perturbations", "long-range dependencies")
DATASETS = ("Cora", "PubMed", "ogbn-arxiv", "ogbn-products", "ZINC", "QM9", "METR-LA", "PEMS-BAY", "Reddit",
            "Amazon-Photo", "FB15k-237", "PCQM4Mv2", "MUTAG", "PROTEINS", "Elliptic", "ShapeNet")
SYLLABLES = ("gra", "no", "vex", "li", "tra", "mo", "sig", "pha", "ke", "ron", "dy", "ze", "qua", "bel", "tor", "ni")
SURNAMES = ("Smith", "Zhang", "Garcia", "Kumar", "Müller", "Rossi", "Nguyen", "Kowalski", "Okafor", "Tanaka",
            "Silva", "Ivanova", "Haddad", "Larsen", "Dubois", "Park", "Cohen", "Fischer", "Moreau", "Ahmed")


def main() -> None:
    args = _arguments()
    if args.serve:
        serve(args.latency)
        return
    from bench.results import load_average, publish, served

    corpus = write_corpus(args.papers, WORK / f"draft-{args.papers}.jsonl")
    load_before = load_average()  # before the runs: measured after them, it is mostly the benchmark's own load
    with served(server_command(args.latency)) as url:
        rows = [measure(url, corpus, args, concurrency) for concurrency in args.concurrency]
    publish(_report(rows, args, corpus, load_before), write=not args.no_write)


# --- the corpus ----------------------------------------------------------------------------------

def write_corpus(count: int, path: Path) -> Path:
    """`count` JSONL records on graph neural networks with varied titles and 4-6 sentence abstracts."""
    rng = random.Random(2000)
    path.parent.mkdir(parents=True, exist_ok=True)
    names: set[str] = set()
    with path.open("w", encoding="utf-8") as file:
        for number in range(count):
            name = _method_name(rng, names)
            file.write(json.dumps(_record(rng, number, name)) + "\n")
    return path


def _method_name(rng: random.Random, taken: set[str]) -> str:
    """A new method name (its stem is new too, so no two titles differ only by a suffix)."""
    while True:
        stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if stem not in taken and len(stem) > 3:
            taken.add(stem)
            return stem + rng.choice(("GNN", "Net", "Former", ""))


def _record(rng: random.Random, number: int, name: str) -> dict:
    task, domain, adjective, method = rng.choice(TASKS), rng.choice(DOMAINS), rng.choice(ADJECTIVES), rng.choice(METHODS)
    problem, dataset, other = rng.choice(PROBLEMS), rng.choice(DATASETS), rng.choice(DATASETS)
    gain = rng.randint(2, 25)
    sentences = [
        f"Graph neural networks are widely used for {task} on {domain}, but they suffer from {problem}.",
        f"We propose {name}, a {adjective} {method} that addresses {problem} without extra supervision.",
        f"{name} combines {rng.choice(METHODS)} with {rng.choice(ADJECTIVES)} {rng.choice(METHODS)} and scales linearly with the number of edges.",
        f"Experiments on {dataset} and {other} show that {name} improves accuracy by {gain}% over strong baselines.",
    ]
    if rng.random() < 0.6:
        sentences.append(f"We further find that {rng.choice(PROBLEMS)} matters more than depth for {rng.choice(TASKS)}.")
    if rng.random() < 0.4:
        sentences.append(f"Code and data for {name} are released to support research on {rng.choice(DOMAINS)}.")
    authors = [f"{rng.choice(SURNAMES)}, {chr(65 + rng.randrange(26))}." for _ in range(rng.randint(1, 5))]
    return {
        "key": f"{name.lower()}{2015 + number % 10}", "title": f"{name}: {adjective.capitalize()} {method} for {task} on {domain}",
        "abstract": " ".join(sentences), "authors": authors, "year": 2015 + number % 10,
        "venue": rng.choice(("NeurIPS", "ICML", "ICLR", "KDD", "WWW", "AAAI", "TPAMI", "JMLR")),
    }


# --- the fake server, in its own process -----------------------------------------------------------------

def serve(latency: float) -> None:
    """Run the fake server answering like a well-behaved model (tests/test_generation_llm.py's grounded_answer)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from fake_llm import FakeLLM
    from test_generation_llm import grounded_answer

    fake = FakeLLM(latency=latency, responder=grounded_answer).start()
    print(fake.url, flush=True)
    threading.Event().wait()


def server_command(latency: float) -> list[str]:
    """This script as the fake server of the benchmark, answering after `latency` seconds."""
    return [sys.executable, str(Path(__file__).resolve()), "--serve", "--latency", str(latency)]


# --- one concurrency: cold then warm -------------------------------------------------------------------------

def measure(url: str, corpus: Path, args: argparse.Namespace, concurrency: int) -> dict:
    """A cold draft in an empty cache, then the same draft warm; figures from the process and the draft's usage."""
    with tempfile.TemporaryDirectory(prefix="draft-bench-") as scratch:
        cache, out = Path(scratch) / "cache", Path(scratch) / "draft.json"
        command = [str(LITREVIEW), "draft", THEME, "--corpus", str(corpus), "--top-k", str(args.papers), "--drop-off", "0", "-o", str(out),
                   "--model", "bench-model", "--base-url", url, "--cache-dir", str(cache),
                   "--concurrency", str(concurrency), "--quiet"]
        cold = _run(command, out)
        warm = _run(command, out)
        shutil.rmtree(cache, ignore_errors=True)
    assert cold["usage"]["failed"] == 0 and warm["usage"]["calls"] == 0, (cold["usage"], warm["usage"])
    summaries, groups = cold["selected"], cold["groups"]
    calls = cold["usage"]["calls"]
    simple = calls * args.latency / concurrency
    staged = (math.ceil(summaries / concurrency) + 1 + math.ceil(groups / concurrency)) * args.latency
    return {"concurrency": concurrency, "cold": cold, "warm": warm, "calls": calls, "simple": simple, "staged": staged}


def _run(command: list[str], out: Path) -> dict:
    """Run one draft; wall seconds, peak RSS (MiB) of that process, and what the draft says about itself."""
    env = {**os.environ, "LITREVIEW_API_KEY": "sk-bench-not-a-real-key"}
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"draft failed ({process.returncode}): {stderr}")
    document = json.loads(out.read_text(encoding="utf-8"))
    return {"seconds": seconds, "rss_mb": usage.ru_maxrss / 1024, "usage": document["usage"],
            "selected": len(document["selection"]), "groups": len(document["sections"]),
            "cited": len({k for s in document["sections"] for x in s["sentences"] for k in x["keys"]}),
            "considered": document["considered"]}


# --- the report ----------------------------------------------------------------------------------------

def _report(rows: list[dict], args: argparse.Namespace, corpus: Path, load_before: str) -> str:
    size_mb = corpus.stat().st_size / 1e6
    lines = [
        SECTION, "",
        f"Command: `.venv/bin/python bench/draft.py --papers {args.papers} --latency {args.latency} "
        f"--concurrency {' '.join(map(str, args.concurrency))}`",
        f"Machine: {os.cpu_count()} cores / 24 GiB, Python {platform.python_version()}; run {time.strftime('%Y-%m-%d %H:%M')}; "
        f"load average before: {load_before}.",
        f"Corpus: {args.papers} generated JSONL records ({size_mb:.1f} MB), theme \"{THEME}\", `--top-k {args.papers} --drop-off 0`: "
        f"{rows[0]['cold']['selected']} selected of {rows[0]['cold']['considered']}, {rows[0]['cold']['groups']} sub-themes, "
        f"{rows[0]['cold']['cited']} cited. Each run is `litreview draft ... -o draft.json` in its own process "
        "(imports, reading, ranking, rendering included); the fake server answers every request after L seconds.",
        "",
        "| C | requests N | cold wall (s) | N*L/C (s) | staged bound (s) | LLM busy (s) | cold / staged | peak RSS (MiB) | warm wall (s) | warm / cold |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        cold, warm = row["cold"], row["warm"]
        lines.append(f"| {row['concurrency']} | {row['calls']} | {cold['seconds']:.1f} | {row['simple']:.1f} | "
                     f"{row['staged']:.1f} | {cold['usage']['seconds']:.1f} | {cold['seconds'] / row['staged']:.2f} | "
                     f"{cold['rss_mb']:.0f} | {warm['seconds']:.1f} | {100 * warm['seconds'] / cold['seconds']:.0f}% |")
    lines += [
        "",
        "N = summaries + 1 grouping + one paragraph per sub-theme. The staged bound is what the pipeline's order allows "
        "(ceil(summaries/C) + 1 + ceil(paragraphs/C)) x L; LLM busy is the draft's own `usage.seconds` (time with a "
        "request in flight, cache lookups included); the rest of the cold wall time is start-up, reading, ranking and "
        "rendering, which the warm run also pays.",
        "",
    ]
    return "\n".join(lines)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.1, help="server latency per request, seconds")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)  # the fake server's own process
    return parser.parse_args()


if __name__ == "__main__":
    main()
