"""`litreview select`: rank a corpus against a theme and show what was kept and why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from litreview.cli import output


def select(
    theme: Annotated[str, typer.Argument(help="The theme of the related-work section, in a few words.")],
    corpus: Annotated[list[str], typer.Option("--corpus", "-c", help="Bibliography files or directories (repeatable).")],
    top_k: Annotated[int, typer.Option("--top-k", help="Keep at most this many papers.")] = 30,
    min_score: Annotated[float | None, typer.Option("--min-score", help="Drop papers scoring below this (BM25 units, as shown).")] = None,
    drop_off: Annotated[float, typer.Option("--drop-off", help="Stop where a score falls below this fraction of the top score (0 turns it off).")] = 0.3,
    year_from: Annotated[int | None, typer.Option("--year-from", help="Only papers from this year on (papers without a year are left out).")] = None,
    year_to: Annotated[int | None, typer.Option("--year-to", help="Only papers up to this year (papers without a year are left out).")] = None,
    include: Annotated[list[str] | None, typer.Option("--include", help="Always select the paper with this key (repeatable).")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Never select the paper with this key (repeatable).")] = None,
    expand: Annotated[bool, typer.Option("--expand/--no-expand", help="Widen the theme with terms of its best matches (pseudo-relevance feedback).")] = True,
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="Where the search index is kept (default: the user cache directory).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the selection as JSON for scripts.")] = False,
) -> None:
    """Rank the corpus against THEME: a table of rank, score, key, year and title, and why the list ends where it does."""
    with output.reported_errors():
        from litreview.corpus import load_corpus
        from litreview.select import rank, selection_to_dict

        selection = rank(load_corpus(corpus), theme, top_k=top_k, min_score=min_score, drop_off=drop_off,
                         year_from=year_from, year_to=year_to, include=include or (), exclude=exclude or (),
                         cache_dir=cache_dir or _default_cache_dir(), feedback=expand)
        if as_json:
            output.write_text(json.dumps(selection_to_dict(selection), ensure_ascii=False, indent=2))
        else:
            output.stdout.print(_table(selection))
            output.stdout.print(footer(selection), markup=False, highlight=False)


def footer(selection) -> str:
    """How many papers were considered and kept, and which rule ended the list."""
    cut = selection.cut
    left_out = []
    if cut.excluded:
        left_out.append(f"{len(cut.excluded)} excluded")
    if cut.outside_years:
        without = f", {cut.without_year} of them without a year" if cut.without_year else ""
        left_out.append(f"{cut.outside_years} outside {_years(cut)}{without}")
    head = f"{cut.corpus_size} papers" + (f" ({'; '.join(left_out)})" if left_out else "")
    lines = [f"{head}, {selection.considered} considered, {cut.kept} kept: {cut.reason}."]
    if cut.included:
        lines.append(f"Also included by key: {', '.join(cut.included)}.")
    if selection.expansion:
        lines.append(f"Theme widened with: {', '.join(selection.expansion)}.")
    return "\n".join(lines)


def _table(selection):
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False)
    for header, justify in (("rank", "right"), ("score", "right"), ("key", "left"), ("year", "right"), ("title", "left")):
        table.add_column(header, justify=justify, overflow="fold")
    for scored in selection.selected:
        marker = " (included)" if scored.included else ""
        # Text cells: titles and keys are data, never rich markup.
        table.add_row(str(scored.rank), f"{scored.score:.2f}", Text(scored.key + marker),
                      str(scored.paper.year or ""), Text(_title(scored.paper)))
    return table


def _title(paper) -> str:
    if paper.title:
        return paper.title
    words = (paper.abstract or "").split()
    return "[no title] " + " ".join(words[:12]) + (" ..." if len(words) > 12 else "")


def _years(cut) -> str:
    if cut.year_from is not None and cut.year_to is not None:
        return f"{cut.year_from}-{cut.year_to}"
    return f"{cut.year_from} on" if cut.year_from is not None else f"up to {cut.year_to}"


def _default_cache_dir() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("litreview")
