"""The selection flags `select` and `draft` share (--top-k, --min-score, --year-from, --include...).

One definition each, so the two commands cut a ranking the same way and describe it in the same words;
`rank_options` turns the values into the keyword arguments of `litreview.select.rank`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

PANEL = "Selection"

Theme = Annotated[str, typer.Argument(help="The theme of the related-work section, in a few words.")]
CorpusPaths = Annotated[list[str] | None, typer.Option(
    "--corpus", "-c", help="Bibliography files or directories (repeatable). Default: the `corpus` setting, "
                           "else *.bib here, else the bundled example.")]

TopK = Annotated[int, typer.Option("--top-k", help="Select at most this many papers.", rich_help_panel=PANEL)]
MinScore = Annotated[float | None, typer.Option(
    "--min-score", help="Drop papers scoring below this (in the units `litreview select` shows).", rich_help_panel=PANEL)]
DropOff = Annotated[float, typer.Option(
    "--drop-off", help="Stop where a score falls below this fraction of the top score (0 turns it off).",
    rich_help_panel=PANEL)]
YearFrom = Annotated[int | None, typer.Option(
    "--year-from", help="Only papers from this year on (papers without a year are left out).", rich_help_panel=PANEL)]
YearTo = Annotated[int | None, typer.Option(
    "--year-to", help="Only papers up to this year (papers without a year are left out).", rich_help_panel=PANEL)]
Include = Annotated[list[str] | None, typer.Option(
    "--include", help="Always select the paper with this key (repeatable).", rich_help_panel=PANEL)]
Exclude = Annotated[list[str] | None, typer.Option(
    "--exclude", help="Never select the paper with this key (repeatable).", rich_help_panel=PANEL)]
Judge = Annotated[bool, typer.Option(
    "--judge", help="Have the LLM grade the selected papers 0-3 with a one-sentence reason; order by grade, then score.",
    rich_help_panel=PANEL)]


def rank_options(*, top_k: int, min_score: float | None, drop_off: float, year_from: int | None,
                 year_to: int | None, include: list[str] | None, exclude: list[str] | None,
                 cache_dir: Path) -> dict[str, Any]:
    """The flags' values as keyword arguments of `rank` (unset --include/--exclude are empty)."""
    return dict(top_k=top_k, min_score=min_score, drop_off=drop_off, year_from=year_from, year_to=year_to,
                include=include or (), exclude=exclude or (), cache_dir=cache_dir)


def corpus_paths(given: list[str] | None, settings: Any, *, quiet: bool) -> list[str]:
    """--corpus, else the `corpus` setting, else *.bib here, else the bundled example (saying which)."""
    from litreview.cli import output
    from litreview.resources import default_corpus

    if given:
        return given
    paths, notice = default_corpus(settings.corpus, Path.cwd())
    if notice and not quiet:
        output.print_notice(notice)
    return paths
