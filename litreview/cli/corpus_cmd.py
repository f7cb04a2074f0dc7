"""`litreview corpus`: read a corpus and report what was read, merged and missing."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from litreview.cli import output
from litreview.cli.corpus_loading import Strict, load_reported
from litreview.cli.enrich_options import Refresh, found_line, run_enrichment
from litreview.text import counted


class ExportFormat(str, Enum):
    bib = "bib"


def corpus(
    paths: Annotated[list[str], typer.Argument(help="Files (.bib .ris .json .jsonl .txt), directories (read recursively) or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the corpus as JSON for scripts.")] = False,
    export: Annotated[ExportFormat | None, typer.Option(help="Write the whole corpus in this format, keys included.")] = None,
    out: Annotated[Path | None, typer.Option("-o", "--output", help="File to write --export or --json to (default: stdout).")] = None,
    enrich: Annotated[bool, typer.Option("--enrich", help="Fetch missing abstracts first (see `litreview enrich`); --json then shows each one's source.")] = False,
    refresh: Refresh = False,
    strict: Strict = False,
) -> None:
    """Read papers: per file, records read, skipped and merged, and records missing title, abstract or year."""
    with output.reported_errors():
        from litreview.corpus import corpus_to_dict

        loaded = load_reported(paths, strict=strict, quiet=True)  # merges: listed by _notes
        if enrich or refresh:
            loaded = _enriched(loaded, refresh)
        if export is not None:
            _export(loaded, out, paths)
        elif as_json:
            _written(json.dumps(corpus_to_dict(loaded), ensure_ascii=False, indent=2), out, paths, "the JSON",
                     f"wrote {len(loaded)} papers as JSON to {out}")
        elif out is not None:
            from litreview.errors import ConfigError

            raise ConfigError("-o writes the corpus --json or --export", where="-o", hint="add --json or --export bib")
        else:
            output.stdout.print(_table(loaded))
            _notes(loaded)


def _enriched(loaded, refresh: bool):
    from litreview.config import load_settings

    result = run_enrichment(loaded, load_settings(None, Path.cwd()), refresh)
    output.print_notice(found_line(result.report))
    return result.corpus


def _export(loaded, out: Path | None, inputs: list[str]) -> None:
    from litreview.corpus.bibexport import to_bibtex
    from litreview.corpus.enriched_bib import enriched_entries
    from litreview.resources import EXPORT_MARKER

    text = f"{EXPORT_MARKER} {len(loaded)} papers read from {', '.join(inputs)}.\n\n" + to_bibtex(enriched_entries(loaded.papers))
    _written(text, out, inputs, "the export", f"wrote {counted(len(loaded), 'entry', 'entries')} to {out}")


def _written(text: str, out: Path | None, inputs: list[str], what: str, notice: str) -> None:
    """`text` on stdout, or in the file `out` (never one of the `inputs`: `what` it would be) with `notice` said."""
    if out is None:
        output.write_text(text)
        return
    output.refuse_to_overwrite_input(out, inputs, what, "write it under another name")
    output.write_file(out, text)
    output.print_notice(notice)


def _table(loaded):
    from rich.table import Table

    table = Table(title=None, show_footer=True, box=None, pad_edge=False)
    columns = ("records", "skipped", "duplicates", "missing_title", "missing_abstract", "missing_year")
    totals = [sum(getattr(f, name) for f in loaded.files) for name in columns]
    footer = f"{len(loaded)} unique papers"
    table.add_column("file", footer=footer, overflow="fold", min_width=len(footer))
    table.add_column("format")
    for header, total in zip(("read", "skipped", "merged", "no title", "no abstract", "no year"), totals):
        table.add_column(header, footer=str(total), justify="right")
    for f in loaded.files:
        table.add_row(f.path, f.format, *(str(getattr(f, name)) for name in columns))
    return table


def _notes(loaded) -> None:
    """Say what was skipped or merged, so nothing disappears silently."""
    if loaded.skipped:
        output.print_notice(f"skipped {len(loaded.skipped)} lines of page boilerplate (use --json to see them)")
    for merge in loaded.merges[:20]:
        output.print_notice(merge.line())
    if len(loaded.merges) > 20:
        output.stderr.print(f"... and {len(loaded.merges) - 20} more merges (use --json to see them)", markup=False)
