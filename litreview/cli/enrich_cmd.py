"""`litreview enrich`: fetch missing abstracts (and DOIs / arXiv ids) into an enriched copy of the bibliography."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from litreview.cli import output
from litreview.cli.enrich_options import Refresh, found_line, run_enrichment

SOURCES_PANEL = "Sources"


def enrich(
    paths: Annotated[list[str], typer.Argument(help="Bibliography files or directories (.bib .ris .json .jsonl .txt).")],
    out: Annotated[Path | None, typer.Option("-o", "--output", help="Write the enriched .bib here (default: stdout). A single .bib input is kept byte for byte, fields added.")] = None,
    refresh: Refresh = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON on stdout (needs -o for the .bib).")] = False,
    mailto: Annotated[str | None, typer.Option("--mailto", help="Your e-mail for OpenAlex and Crossref (their polite pools).", rich_help_panel=SOURCES_PANEL)] = None,
    arxiv_url: Annotated[str | None, typer.Option("--arxiv-url", help="arXiv export API base URL.", rich_help_panel=SOURCES_PANEL)] = None,
    openalex_url: Annotated[str | None, typer.Option("--openalex-url", help="OpenAlex API base URL.", rich_help_panel=SOURCES_PANEL)] = None,
    crossref_url: Annotated[str | None, typer.Option("--crossref-url", help="Crossref REST API base URL.", rich_help_panel=SOURCES_PANEL)] = None,
    s2_url: Annotated[str | None, typer.Option("--s2-url", help="Semantic Scholar Graph API base URL.", rich_help_panel=SOURCES_PANEL)] = None,
) -> None:
    """Fetch missing abstracts from arXiv, OpenAlex, Crossref and Semantic Scholar; write an enriched .bib."""
    with output.reported_errors():
        from litreview.config import load_settings
        from litreview.corpus import load_corpus

        settings = load_settings({"mailto": mailto, "arxiv_url": arxiv_url, "openalex_url": openalex_url,
                                  "crossref_url": crossref_url, "s2_url": s2_url}, Path.cwd())
        _check_output(out, paths, as_json)
        result = run_enrichment(load_corpus(paths), settings, refresh)
        text = _enriched_text(result.corpus, paths)
        if out is None:
            output.write_text(text)
        else:
            output.write_file(out, text)  # atomic: the previous file stays whole if the run is killed
        _report(result.report, out, as_json)
        if result.report.unreachable:
            raise typer.Exit(1)


def _check_output(out: Path | None, paths: list[str], as_json: bool) -> None:
    if as_json and out is None:
        from litreview.errors import ConfigError

        raise ConfigError("--json prints the report on stdout, where the .bib would go", where="--json",
                          hint="give -o FILE for the enriched .bib")
    if out is not None:
        output.refuse_to_overwrite_input(out, paths, "the enriched .bib", "write it under another name, e.g. refs-enriched.bib")


def _enriched_text(corpus: Any, paths: list[str]) -> str:
    """One .bib given: that file with fields added, byte for byte otherwise; else every paper as BibTeX."""
    from litreview.corpus.bibexport import to_bibtex
    from litreview.corpus.enriched_bib import enriched_entries, enriched_file

    single = Path(paths[0]) if len(paths) == 1 else None
    if single is not None and single.is_file() and single.suffix.lower() == ".bib":
        with single.open(encoding="utf-8", newline="") as handle:  # newline="" keeps CRLF files CRLF
            return enriched_file(handle.read(), paths[0], corpus.papers)
    return to_bibtex(enriched_entries(corpus.papers))


def _report(report: Any, out: Path | None, as_json: bool) -> None:
    if as_json:
        output.write_text(json.dumps(report.model_dump(), ensure_ascii=False, indent=2))
        return
    output.stderr.print(_table(report))
    output.print_notice(found_line(report))
    if report.identifiers_added:
        output.print_notice(f"{report.identifiers_added} identifiers (DOI / arXiv id) added from title matches")
    if out is not None:
        output.print_notice(f"wrote {out}")


def _table(report: Any) -> Any:
    from rich.table import Table

    from litreview.corpus.enrich import SOURCES

    table = Table(box=None, pad_edge=False, show_footer=True)
    table.add_column("abstract", footer="papers")
    table.add_column("papers", justify="right", footer=str(report.papers))
    table.add_column("requests", justify="right", footer=str(sum(report.requests.values())))
    table.add_row("in the corpus", str(report.had_abstract), "")
    for name in SOURCES:
        state = " (failed)" if name in report.failed else ""
        table.add_row(f"from {name}{state}", str(report.found.get(name, 0)), str(report.requests.get(name, 0)))
    table.add_row("not found", str(len(report.not_found)), "")
    return table
