"""Terminal plumbing shared by the commands: consoles and the one place errors become exit codes."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import typer
from rich.console import Console

stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)


def print_line(text: str) -> None:
    """A plain line on stdout: titles, keys and paths in it are data, never rich markup or highlighting."""
    stdout.print(text, markup=False, highlight=False)


def print_notice(text: str) -> None:
    """A plain line on stderr (notices, warnings, summaries), printed as `print_line` prints."""
    stderr.print(text, markup=False, highlight=False)


@contextlib.contextmanager
def reported_errors() -> Iterator[None]:
    """Turn a LitreviewError into its one-line message and exit status (`--traceback` / LITREVIEW_TRACEBACK=1 re-raise)."""
    from litreview.errors import LitreviewError

    try:
        yield
    except LitreviewError as error:
        if os.environ.get("LITREVIEW_TRACEBACK"):
            raise
        print_notice(f"error: {error.line()}")
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        stderr.print("interrupted: everything paid for so far is cached; rerun to resume", markup=False)
        raise typer.Exit(130) from None


def write_text(text: str) -> None:
    """Write machine-readable text to stdout unchanged (no rich markup, no wrapping)."""
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def write_file(path: Path, text: str) -> None:
    """Write `text` to `path` as UTF-8; a path that cannot be written is a LitreviewError, not a traceback."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        from litreview.errors import LitreviewError

        raise LitreviewError(f"cannot write the file ({error.strerror})", where=str(path),
                             hint="check the path and its permissions") from None
