"""Flags shared by the commands that fetch abstracts (`enrich`, `draft --enrich`, `corpus --enrich`)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from litreview.cli import output

PANEL = "Abstract lookups"

Enrich = Annotated[bool, typer.Option(
    "--enrich", help="Fetch missing abstracts from arXiv, OpenAlex, Crossref and Semantic Scholar first (cached; "
                     "a source that fails is a warning).", rich_help_panel=PANEL)]
Refresh = Annotated[bool, typer.Option(
    "--refresh", help="Ask the scholarly APIs again instead of using remembered answers, found or not (for draft, select and corpus it implies --enrich).",
    rich_help_panel=PANEL)]


def run_enrichment(loaded: Any, settings: Any, refresh: bool) -> Any:
    """`litreview.enrich` on a loaded corpus, with progress on a terminal; its failures said on stderr."""
    from litreview.cli.progress_display import StageDisplay
    from litreview.corpus.enrich import enrich

    with StageDisplay(quiet=False) as display:
        result = enrich(loaded, settings, refresh=refresh, progress=lookup_progress(display))
    for source, reason in result.report.failed.items():
        output.print_notice(f"warning: {source} could not be reached ({reason}); "
                            "papers it would have answered are left as they were")
    return result


def lookup_progress(display: Any) -> Any:
    """The enrichment's progress events as stages of a StageDisplay (`abstracts: openalex by doi 300/2000`)."""
    from litreview.pipeline import StageProgress

    return lambda event: display(StageProgress(f"abstracts: {event.step}", event.done, event.total, event.cached))


def found_line(report: Any) -> str:
    """`abstracts fetched for 5 of 7 papers without one (openalex 2, arxiv 1, ...); 2 not found`."""
    by_source = ", ".join(f"{name} {count}" for name, count in report.found.items())
    fetched = sum(report.found.values())
    line = f"abstracts fetched for {fetched} of {report.asked} papers without one"
    line += f" ({by_source})" if by_source else ""
    line += f"; {len(report.not_found)} not found" if report.not_found else ""
    sent = sum(report.requests.values())
    return line + (f"; {sent} requests" if sent else "; no requests (all remembered)")
