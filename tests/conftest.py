"""Shared fixtures: the real CLI in-process."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from litreview.cli import app


@pytest.fixture
def run_cli():
    """Run `litreview ARGS...` in-process; stdout and stderr are kept apart."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run
