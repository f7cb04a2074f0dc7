"""Loading a corpus for any command: the --strict flag, and every problem of the input said on stderr."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from litreview.cli import output

Strict = Annotated[bool, typer.Option(
    "--strict", help="Stop at the first record that cannot be read (exit 2) instead of skipping it with a warning.")]


def load_reported(paths: list[str], *, strict: bool, quiet: bool = False) -> Any:
    """The corpus of `paths`, with one warning line per record skipped or repaired (`FILE:LINE: what; fix`)
    and, unless `quiet`, a note of how many records were merged as duplicates (nothing disappears unsaid)."""
    from litreview.corpus import load_corpus
    from litreview.resources import example_corpus_dir

    corpus = load_corpus(paths, strict=strict)
    report_problems(corpus)
    if corpus.merges and not quiet and paths != [str(example_corpus_dir())]:  # the example's merges are not news
        records = "1 record was" if len(corpus.merges) == 1 else f"{len(corpus.merges)} records were"
        output.print_notice(f"note: {records} merged into the paper {'it duplicates' if len(corpus.merges) == 1 else 'they duplicate'}; "
                            f"`litreview corpus {' '.join(paths)}` lists each")
    return corpus


def report_problems(corpus: Any) -> None:
    """One warning line per problem of the corpus, in file order, then per pair of papers that look like one work."""
    for problem in corpus.problems:
        output.print_notice(f"warning: {problem.line()}")
    for look_alike in corpus.look_alikes:
        output.print_notice(f"warning: {look_alike.line()}")
