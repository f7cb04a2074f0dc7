"""Loading a corpus for any command: the --strict flag, and every problem of the input said on stderr."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from litreview.cli import output

Strict = Annotated[bool, typer.Option(
    "--strict", help="Stop at the first record that cannot be read (exit 2) instead of skipping it with a warning.")]


def load_reported(paths: list[str], *, strict: bool) -> Any:
    """The corpus of `paths`, with one warning line per record skipped or repaired (`FILE:LINE: what; fix`)."""
    from litreview.corpus import load_corpus

    corpus = load_corpus(paths, strict=strict)
    report_problems(corpus)
    return corpus


def report_problems(corpus: Any) -> None:
    """One warning line per problem of the corpus, in file order."""
    for problem in corpus.problems:
        output.print_notice(f"warning: {problem.line()}")
