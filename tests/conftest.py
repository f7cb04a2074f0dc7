"""Shared fixtures: the real CLI in-process; the fake LLM server and settings pointing at it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fake_llm import FakeLLM
from typer.testing import CliRunner

from litreview.cli import app


@pytest.fixture
def run_cli():
    """Run `litreview ARGS...` in-process; stdout and stderr are kept apart."""
    runner = CliRunner()

    def run(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


# --- LLM layer: the fake OpenAI-compatible server and settings pointing at it -------------------

TEST_API_KEY = "sk-test-0123456789abcdefSECRET"  # tests grep cache files for it


@pytest.fixture(autouse=True)
def _isolated_llm_environment(monkeypatch, tmp_path_factory):
    """No test sees the developer's OPENAI_*/LITREVIEW_* variables or writes to the real user cache."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "LITREVIEW_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))


@pytest.fixture
def fake_llm():
    """A running fake OpenAI-compatible server (see tests/fake_llm.py); `fake_llm.url` is its base URL."""
    with FakeLLM() as server:
        yield server


@pytest.fixture
def llm_settings(fake_llm, tmp_path):
    """Settings for the fake server: a private cache, short timeouts and millisecond backoff."""
    from litreview.config import Settings

    return Settings(
        model="fake-model", base_url=fake_llm.url, api_key=TEST_API_KEY, cache_dir=tmp_path / "llm-cache",
        timeout=2.0, max_retries=2, retry_backoff=0.01, retry_backoff_max=0.05, reask=1, concurrency=4,
    )


@pytest.fixture
def llm_env(fake_llm, tmp_path, monkeypatch) -> Path:
    """The same, as LITREVIEW_* variables, for tests of CLI commands; returns the cache directory."""
    cache_dir = tmp_path / "llm-cache"
    values = {
        "MODEL": "fake-model", "BASE_URL": fake_llm.url, "API_KEY": TEST_API_KEY, "CACHE_DIR": str(cache_dir),
        "TIMEOUT": "2", "MAX_RETRIES": "2", "RETRY_BACKOFF": "0.01", "RETRY_BACKOFF_MAX": "0.05", "REASK": "1",
    }
    for name, value in values.items():
        monkeypatch.setenv(f"LITREVIEW_{name}", value)
    return cache_dir


# --- scholarly APIs: the fake arXiv / OpenAlex / Crossref / Semantic Scholar server (tests/fake_scholar.py) --------

@pytest.fixture
def scholar(monkeypatch, tmp_path):
    """The fake APIs knowing tests/scholar_works.py, every source pointed at them, a private lookup cache and
    millisecond backoff; the working directory is tmp_path, holding refs.bib (tests/data/enrich/dblp.bib)."""
    import shutil

    from fake_scholar import FakeScholar
    from scholar_works import WORKS

    for name in ("S2_API_KEY", "OPENALEX_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    with FakeScholar(list(WORKS)) as server:
        for name, value in server.env().items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("LITREVIEW_CACHE_DIR", str(tmp_path / "cache"))
        monkeypatch.setenv("LITREVIEW_RETRY_BACKOFF", "0.01")
        monkeypatch.setenv("LITREVIEW_RETRY_BACKOFF_MAX", "0.05")
        monkeypatch.chdir(tmp_path)
        shutil.copy(Path(__file__).parent / "data" / "enrich" / "dblp.bib", tmp_path / "refs.bib")
        yield server


@pytest.fixture
def no_network(monkeypatch):
    """Every scholarly source pointed at a port nothing listens on."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    for name in ("ARXIV", "OPENALEX", "CROSSREF", "S2"):
        monkeypatch.setenv(f"LITREVIEW_{name}_URL", closed)
