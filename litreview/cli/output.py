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


def print_warnings(warnings: list) -> None:
    """Each DraftWarning as one plain line on stderr: `warning (stage) [key]: message`."""
    for warning in warnings:
        where = f" [{warning.key}]" if getattr(warning, "key", None) else ""
        print_notice(f"warning ({warning.stage}){where}: {warning.message}")


@contextlib.contextmanager
def reported_errors() -> Iterator[None]:
    """Turn a LitreviewError into its one-line message and exit status (`--traceback` / LITREVIEW_TRACEBACK=1 re-raise)."""
    from litreview.errors import LitreviewError

    try:
        with _cache_warnings_shown():
            yield
    except LitreviewError as error:
        if os.environ.get("LITREVIEW_TRACEBACK"):
            raise
        print_warnings(error.warnings)
        print_notice(f"error: {error.line()}")
        raise typer.Exit(error.exit_code) from None
    except KeyboardInterrupt:
        stderr.print("interrupted: everything paid for so far is cached; rerun to resume", markup=False)
        raise typer.Exit(130) from None


@contextlib.contextmanager
def _cache_warnings_shown() -> Iterator[None]:
    """Print each CacheWarning the library issues as one `warning:` line (every time, not once per place)."""
    import warnings

    from litreview.errors import CacheWarning

    with warnings.catch_warnings():
        warnings.simplefilter("always", CacheWarning)
        shown_elsewhere = warnings.showwarning

        def show(message: Warning | str, category: type[Warning], *args: object, **kwargs: object) -> None:
            if issubclass(category, CacheWarning):
                print_notice(f"warning: {message}")
            else:
                shown_elsewhere(message, category, *args, **kwargs)  # type: ignore[arg-type]

        warnings.showwarning = show
        yield


def write_text(text: str) -> None:
    """Write machine-readable text to stdout unchanged (no rich markup, no wrapping)."""
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def write_file(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8) atomically; a path that cannot be written is a LitreviewError, not a traceback."""
    from litreview.files import write_atomic

    try:
        write_atomic(path, text)
    except OSError as error:
        from litreview.errors import LitreviewError

        raise LitreviewError(f"cannot write the file ({error.strerror})", where=str(path),
                             hint="check the path and its permissions") from None


def refuse_to_overwrite_input(written: Path, inputs: list[str], what: str, hint: str) -> None:
    """Raise when `written` is a corpus input, or a file a folder input reads: the user's data is never replaced."""
    from litreview.corpus.readers import FORMATS
    from litreview.errors import ConfigError
    from litreview.resources import is_companion_bib

    if is_companion_bib(written):  # an earlier draft's .bib, not the user's bibliography
        return
    target = written.resolve()
    for given in inputs:
        path = Path(given).resolve()
        read = path.is_dir() and path in target.parents and written.exists() and written.suffix.lower() in FORMATS
        if target == path or read:  # named as an input, or a file a folder input reads
            raise ConfigError(f"{what} would overwrite an input of the corpus", where=str(written), hint=hint)
