"""The `litreview` command: the only place that prints, prompts or sets exit codes.

Each command lives in its own module and only parses options, calls the library and renders.
Command modules import the library lazily so that `litreview --help` stays fast.
"""

from __future__ import annotations

import os

import typer

from litreview.cli import (
    cache_cmd,
    check_cmd,
    config_cmd,
    corpus_cmd,
    draft_cmd,
    enrich_cmd,
    select_cmd,
)

app = typer.Typer(
    name="litreview",
    help="Draft the related-work section of a paper from your own bibliography, with real citations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)



@app.callback()
def _global_options(
    traceback: bool = typer.Option(False, "--traceback", help="Show the Python traceback of an error (for bug reports)."),
) -> None:
    """Draft the related-work section of a paper from your own bibliography, with real citations."""
    if traceback:
        os.environ["LITREVIEW_TRACEBACK"] = "1"


app.command("draft")(draft_cmd.draft)
app.command("corpus")(corpus_cmd.corpus)
app.command("config")(config_cmd.config)
app.add_typer(cache_cmd.app, name="cache")
app.command("check")(check_cmd.check)
app.command("select")(select_cmd.select)
app.command("enrich")(enrich_cmd.enrich)


def main() -> None:
    """Console-script entry point."""
    app()
