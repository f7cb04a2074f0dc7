"""`litreview check`: every citation key of a manuscript exists in the corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from litreview.cli import output
from litreview.cli.corpus_loading import Strict, load_reported


def check(
    manuscript: Annotated[Path, typer.Argument(help="A LaTeX (.tex) or Markdown (.md) manuscript.")],
    corpus: Annotated[list[str] | None, typer.Option("--corpus", "-c", help="Corpus files or directories (repeatable). Default: the .bib files the manuscript names (\\bibliography, \\addbibresource, or a Markdown header's bibliography:).")] = None,
    strict: Strict = False,
) -> None:
    """Check that every citation key of a .tex or .md manuscript (and the files it \\input's) is in the corpus."""
    with output.reported_errors():
        from litreview.check import check_manuscript, read_manuscript

        read = read_manuscript(manuscript)
        for parent, line, name in read.missing:
            output.print_notice(f"warning: {parent}:{line}: included file {name!r} not found: its citations are "
                                "not checked; names are read from the main file's folder, as LaTeX run there reads them")
        report = check_manuscript(read, load_reported(_corpus_paths(corpus, read), strict=strict))
        for citation in report.unknown:
            output.write_text(f"{citation.path or report.path}:{citation.line}: {_unknown(citation, report)}")
        if report.unknown:
            missing = len({c.key for c in report.unknown})
            output.print_notice(f"{missing} of {len(report.keys)} cited keys are not in the corpus")
            raise typer.Exit(1)
        output.print_line(_ok_line(report))


def _corpus_paths(given: list[str] | None, read) -> list[str]:
    """--corpus, else the manuscript's own bibliographies (saying so), else an error."""
    if given:
        return given
    if read.bibliographies:
        output.print_notice(f"using {', '.join(read.bibliographies)} (from the manuscript's bibliography commands)")
        return read.bibliographies
    from litreview.errors import ConfigError

    raise ConfigError("no corpus to check against", where=read.path,
                      hint="pass --corpus refs.bib, or name it with \\bibliography{refs} / \\addbibresource{refs.bib}")


def _unknown(citation, report) -> str:
    """`unknown citation key 'k'`, with what Pandoc read or the closest corpus key."""
    if citation.written:
        return (f"Pandoc reads @{citation.written} as the key '{citation.key}', which is not in the corpus; "
                f"write @{{{citation.written}}}")
    hint = report.suggestions.get(citation.key)
    also = f"; did you mean '{hint}'?" if hint else ""
    return f"unknown citation key '{citation.key}'{also}"


def _ok_line(report) -> str:
    if not report.citations:
        return f"{report.path}: no citations found"
    keys, citations = len(report.keys), len(report.citations)
    cited = "the 1 cited key is" if keys == 1 else f"all {keys} cited keys are"
    return f"{report.path}: OK, {cited} in the corpus ({citations} citation{'s' * (citations != 1)})"
