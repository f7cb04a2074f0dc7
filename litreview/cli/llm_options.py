"""The LLM flags every command that may call a model shares (--model, --base-url, --concurrency...).

Decorate a command with `@llm_options` and give it a parameter `llm_overrides: dict | None = None`;
the decorator adds the flags (in their own help panel) and passes the ones the user set as a dict of
setting names, ready for `load_settings(llm_overrides, Path.cwd())`:

    @llm_options
    def draft(theme: str, llm_overrides: dict | None = None) -> None:
        settings = load_settings(llm_overrides, Path.cwd())

Kept free of litreview.config and pydantic imports so that `litreview --help` stays fast.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

import typer

OVERRIDES_PARAMETER = "llm_overrides"
PANEL = "LLM options"
ModeName = Literal["auto", "tools", "json_schema", "json", "md_json"]  # the same names as litreview.config.Mode

# (setting name, type, flag, help)
LLM_FLAGS: list[tuple[str, Any, str, str]] = [
    ("model", Optional[str], "--model", "Chat model, e.g. gpt-4o-mini or qwen2.5:7b-instruct (unset: no LLM)."),
    ("base_url", Optional[str], "--base-url", "OpenAI-compatible server URL, e.g. http://localhost:11434/v1."),
    ("mode", Optional[ModeName], "--mode", "Structured output: auto (default: the first the server accepts), tools, json_schema, json or md_json."),
    ("temperature", Optional[float], "--temperature", "Sampling temperature (default 0)."),
    ("timeout", Optional[float], "--timeout", "Seconds the server may stay silent before a request is given up."),
    ("max_retries", Optional[int], "--max-retries", "HTTP retries per request (429, 5xx, dropped connections)."),
    ("reask", Optional[int], "--reask", "Re-asks of an answer that fails validation."),
    ("concurrency", Optional[int], "--concurrency", "Most requests in flight at once (default 8; fewer while the server queues them)."),
    ("max_tokens", Optional[int], "--max-tokens", "Longest answer in tokens (default: sized to each request)."),
    ("context_tokens", Optional[int], "--context-tokens", "The server's context size in tokens (default: the server's, else the model's, else 8192)."),
    ("max_calls", Optional[int], "--max-calls", "Stop before the paid call after this many (answers so far stay cached)."),
    ("cache_dir", Optional[Path], "--cache-dir", "Where answers are cached."),
    ("embedding_model", Optional[str], "--embedding-model", "Embedding model, for embedding-based selection."),
]


def llm_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the shared LLM flags to a typer command; it receives the ones set as `llm_overrides`."""
    signature = inspect.signature(command)
    if OVERRIDES_PARAMETER not in signature.parameters:
        raise TypeError(f"{command.__name__} needs a parameter `{OVERRIDES_PARAMETER}: dict | None = None`")
    hints = typing.get_type_hints(command, include_extras=True)  # real types, not `from __future__` strings
    own = [p.replace(annotation=hints.get(p.name, p.annotation))
           for p in signature.parameters.values() if p.name != OVERRIDES_PARAMETER]
    added = [_flag_parameter(name, kind, flag, text) for name, kind, flag, text in LLM_FLAGS] + [_no_cache_parameter()]

    @functools.wraps(command)
    def with_llm_flags(*args: Any, **kwargs: Any) -> Any:
        flags = {name: kwargs.pop(name) for name, *_ in LLM_FLAGS}
        flags["cache"] = False if kwargs.pop("no_cache") else None
        kwargs[OVERRIDES_PARAMETER] = {name: value for name, value in flags.items() if value is not None}
        return command(*args, **kwargs)

    with_llm_flags.__signature__ = signature.replace(parameters=own + added)  # type: ignore[attr-defined]
    with_llm_flags.__annotations__ = {p.name: p.annotation for p in own + added}
    return with_llm_flags


def _flag_parameter(name: str, kind: Any, flag: str, text: str) -> inspect.Parameter:
    annotation = Annotated[kind, typer.Option(flag, help=text, rich_help_panel=PANEL, show_default=False)]
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)


def _no_cache_parameter() -> inspect.Parameter:
    text = "Neither read nor write the answer cache (every request is paid for again)."
    annotation = Annotated[bool, typer.Option("--no-cache", help=text, rich_help_panel=PANEL, show_default=False)]
    return inspect.Parameter("no_cache", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=annotation)
