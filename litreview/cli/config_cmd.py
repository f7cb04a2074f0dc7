"""`litreview config`: the effective settings, where each came from, the API key masked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from litreview.cli import output
from litreview.cli.llm_options import llm_options


@llm_options
def config(
    as_json: Annotated[bool, typer.Option("--json", help="Print {setting: {value, source}} as JSON.")] = False,
    llm_overrides: dict[str, Any] | None = None,
) -> None:
    """Show every setting, its value and its source: flag, environment, litreview.toml or default."""
    with output.reported_errors():
        from litreview.config import Settings, display_value, load_settings

        settings = load_settings(llm_overrides, Path.cwd())
        rows = [(name, display_value(settings, name), settings.source_of(name)) for name in Settings.model_fields]
        if as_json:
            table = {name: {"value": value, "source": source} for name, value, source in rows}
            output.write_text(json.dumps(table, indent=2))
            return
        width = max(len(name) for name, _, _ in rows)
        value_width = min(max(len(value) for _, value, _ in rows), 48)
        for name, value, source in rows:
            output.print_line(f"{name:<{width}}  {value:<{value_width}}  ({source})")
        output.print_line(_llm_line(settings))


def _llm_line(settings: Any) -> str:
    if settings.llm_configured:
        return f"LLM: {settings.model} at {settings.effective_base_url}, mode {settings.mode}"
    return "LLM: not configured, the offline engine is used (set --model and OPENAI_API_KEY, or --model and --base-url)"
