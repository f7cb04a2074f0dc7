"""`litreview check`: every citation key of a manuscript exists in the corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from litreview.cli import output
from litreview.cli.corpus_loading import Strict, load_reported


def check(
    manuscript: Annotated[Path, typer.Argument(help="A LaTeX (.tex) or Markdown (.md) manuscript.")],
    corpus: Annotated[list[str], typer.Option("--corpus", "-c", help="Corpus files or directories (repeatable).")],
    strict: Strict = False,
) -> None:
    """Check that every citation key of a .tex or .md manuscript is in the corpus; list unknown keys with line numbers."""
    with output.reported_errors():
        from litreview.check import check_file

        report = check_file(manuscript, load_reported(corpus, strict=strict))
        for citation in report.unknown:
            hint = report.suggestions.get(citation.key)
            also = f"; did you mean '{hint}'?" if hint else ""
            output.write_text(f"{report.path}:{citation.line}: unknown citation key '{citation.key}'{also}")
        if report.unknown:
            missing = len({c.key for c in report.unknown})
            output.print_notice(f"{missing} of {len(report.keys)} cited keys are not in the corpus")
            raise typer.Exit(1)
        output.print_line(_ok_line(report))


def _ok_line(report) -> str:
    if not report.citations:
        return f"{report.path}: no citations found"
    keys, citations = len(report.keys), len(report.citations)
    cited = "the 1 cited key is" if keys == 1 else f"all {keys} cited keys are"
    return f"{report.path}: OK, {cited} in the corpus ({citations} citation{'s' * (citations != 1)})"
