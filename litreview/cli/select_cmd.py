"""`litreview select`: rank a corpus against a theme and show what was kept and why."""

from __future__ import annotations

import contextlib
import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from litreview.cli import output
from litreview.cli.corpus_loading import Strict, load_reported
from litreview.cli.enrich_options import Enrich, Refresh, run_enrichment
from litreview.cli.llm_options import llm_options
from litreview.cli.selection_options import (
    CorpusPaths,
    DropOff,
    Exclude,
    Include,
    Judge,
    MinScore,
    Theme,
    TopK,
    YearFrom,
    YearTo,
    corpus_paths,
    rank_options,
)


class FusionName(str, Enum):
    rrf = "rrf"
    scores = "scores"


@llm_options
def select(
    theme: Theme,
    corpus: CorpusPaths = None,
    top_k: TopK = 30,
    min_score: MinScore = None,
    drop_off: DropOff = 0.3,
    year_from: YearFrom = None,
    year_to: YearTo = None,
    include: Include = None,
    exclude: Exclude = None,
    expand: Annotated[bool, typer.Option("--expand/--no-expand", help="Widen the theme with terms of its best matches (pseudo-relevance feedback).")] = True,
    embeddings: Annotated[str | None, typer.Option("--embeddings", metavar="MODEL", help="Hybrid ranking: fuse embedding similarity from this model (default: the embedding_model setting, if set).")] = None,
    fusion: Annotated[FusionName, typer.Option("--fusion", help="How embeddings are fused: scores (mean of normalised scores) or rrf (reciprocal ranks).")] = FusionName.scores,
    judge: Judge = False,
    judge_top: Annotated[int | None, typer.Option("--judge-top", help="Grade only the first N selected papers (default: all).")] = None,
    min_grade: Annotated[int | None, typer.Option("--min-grade", min=0, max=3, help="With --judge: drop papers graded below this (included keys stay).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the selection as JSON for scripts.")] = False,
    enrich: Enrich = False,
    refresh: Refresh = False,
    strict: Strict = False,
    llm_overrides: dict | None = None,
) -> None:
    """Rank the corpus against THEME: a table of rank, score, key, year and title, and why the list ends where it does."""
    with output.reported_errors():
        from litreview.config import load_settings
        from litreview.select import rank

        settings = load_settings(llm_overrides, Path.cwd())
        model = embeddings or settings.embedding_model
        with _llm_client(settings, needed=bool(model) or judge) as llm:
            options = rank_options(top_k=top_k, min_score=min_score, drop_off=drop_off, year_from=year_from,
                                   year_to=year_to, include=include, exclude=exclude, cache_dir=settings.cache_dir)
            loaded = load_reported(corpus_paths(corpus, settings, quiet=as_json), strict=strict, quiet=as_json)
            if enrich or refresh:  # as draft --enrich does, so that the selection checked here is the one draft makes
                loaded = run_enrichment(loaded, settings, refresh).corpus
            selection = rank(loaded, theme, **options, feedback=expand, llm=llm,
                             embeddings=model, fusion=fusion.value, judge=judge, judge_top=judge_top,
                             min_grade=min_grade)
        _show(selection, as_json)
        if llm is not None:
            output.print_notice(f"LLM: {llm.usage.summary(settings.prices)}")


def _show(selection, as_json: bool) -> None:
    from litreview.select import selection_to_dict

    if selection.judge is not None:
        for reason in selection.judge.failed:
            output.print_notice(f"warning: not graded: {reason}")
    if as_json:
        output.write_text(json.dumps(selection_to_dict(selection), ensure_ascii=False, indent=2))
        return
    output.stdout.print(table(selection))
    output.print_line(footer(selection))


def footer(selection) -> str:
    """How many papers were considered and kept, which rule ended the list, and how scores were made."""
    cut = selection.cut
    left_out = []
    if cut.excluded:
        left_out.append(f"{len(cut.excluded)} excluded")
    if cut.outside_years:
        without = f", {cut.without_year} of them without a year" if cut.without_year else ""
        left_out.append(f"{cut.outside_years} outside {_years(cut)}{without}")
    if cut.notices:
        left_out.append(f"{len(cut.notices)} errata or retractions: {', '.join(cut.notices)}")
    if cut.front_matter:
        left_out.append(f"{len(cut.front_matter)} proceedings volumes or front matter: {', '.join(cut.front_matter)}")
    head = f"{cut.corpus_size} papers" + (f" ({'; '.join(left_out)})" if left_out else "")
    lines = [f"{head}, {selection.considered} considered, {cut.kept} kept: {cut.reason}."]
    if cut.included:
        lines.append(f"Also included by key: {', '.join(cut.included)}.")
    if selection.judge is not None:
        lines.append(_judge_line(selection.judge))
    lines.append(f"Scores: {selection.scoring}.")
    if selection.expansion:
        lines.append(f"Theme widened with: {', '.join(selection.expansion)}.")
    return "\n".join(lines)


def _judge_line(report) -> str:
    papers = "1 paper" if report.judged == 1 else f"{report.judged} papers"
    line = f"Graded by {report.model} ({report.prompt_version}): {papers}, ordered by grade then score"
    if report.failed:
        line += f"; {len(report.failed)} could not be graded"
    if report.dropped:
        line += f"; {len(report.dropped)} graded below {report.min_grade} dropped: {', '.join(report.dropped)}"
    return line + "."


def table(selection):
    """The selection as a rich table: rank, score, (grade,) key, year, title (and the judge's reason)."""
    from rich.table import Table
    from rich.text import Text

    judged = selection.judge is not None
    top = max((abs(s.score) for s in selection.selected), default=0.0)
    decimals = 2 if top >= 1 else 4  # BM25 scores run to tens; fused ones stay within 0-1
    table = Table(box=None, pad_edge=False)
    headers = ["rank", "score", *(["grade"] if judged else []), "key", "year", "title" + (" / reason" if judged else "")]
    for header in headers:
        table.add_column(header, justify="right" if header in ("rank", "score", "grade", "year") else "left",
                         overflow="fold")
    for scored in selection.selected:
        # Text cells: titles, keys and reasons are data, never rich markup.
        row = [str(scored.rank), f"{scored.score:.{decimals}f}"]
        row += [str(scored.grade) if scored.grade is not None else "-"] if judged else []
        title = Text(_title(scored.paper))
        if scored.reason:
            # Under the title rather than in a column of its own: both get the width of the terminal.
            title.append(f"\n{scored.reason}", style="italic")
        table.add_row(*row, Text(scored.key + (" (included)" if scored.included else "")), str(scored.paper.year or ""), title)
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


def _llm_client(settings, *, needed: bool):
    """The LLM client when embeddings or judging need one, else a context that yields None."""
    if not needed:
        return contextlib.nullcontext()
    from litreview.llm import LLMClient

    return LLMClient(settings)
