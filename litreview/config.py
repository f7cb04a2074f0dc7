"""Settings: one typed tree, read from flags, environment, `litreview.toml` and defaults.

Precedence, highest first: command-line flag > environment (`LITREVIEW_*`, and `OPENAI_API_KEY` /
`OPENAI_BASE_URL` as the openai client reads them, which `LITREVIEW_API_KEY` / `LITREVIEW_BASE_URL`
override) > `litreview.toml` in the working directory (else `[tool.litreview]` in `pyproject.toml`)
> built-in default. This is the only module of the library that reads the environment.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SecretStr,
    ValidationError,
    field_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from litreview.errors import ConfigError

Mode = Literal["auto", "tools", "json_schema", "json", "md_json"]
OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1"
CONFIG_FILE = "litreview.toml"
ENV_PREFIX = "LITREVIEW_"
# Variables the openai client itself reads; the LITREVIEW_ ones win over them.
OPENAI_ENV = {"api_key": "OPENAI_API_KEY", "base_url": "OPENAI_BASE_URL"}
# Keys named as the scholarly APIs' own docs name them; LITREVIEW_OPENALEX_API_KEY / LITREVIEW_S2_API_KEY win.
SOURCE_KEY_ENV = {"openalex_api_key": "OPENALEX_API_KEY", "s2_api_key": "S2_API_KEY"}


class Price(BaseModel):
    """What one model costs, in USD per million tokens."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    input: float = Field(ge=0, description="USD per 1M prompt (input) tokens.")
    output: float = Field(ge=0, description="USD per 1M completion (output) tokens.")


class Settings(BaseSettings):
    """Every setting litreview has. Build it with `load_settings()`; `Settings(...)` reads nothing."""

    model_config = SettingsConfigDict(frozen=True, extra="forbid")

    model: str | None = Field(None, description="Chat model name; unset means no LLM (the offline engine is used).")
    base_url: str | None = Field(None, description="OpenAI-compatible server URL, e.g. http://localhost:11434/v1; unset means OpenAI.")
    api_key: SecretStr | None = Field(None, description="API key; never written to the cache, a log or a message.")
    mode: Mode = Field("auto", description="How structured output is requested: auto (the first of tools, json_schema, json, md_json the server accepts, remembered per server and model), or one of those.")
    temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature; 0 makes reruns most repeatable.")
    timeout: float = Field(120.0, gt=0, description="Seconds the server may stay silent (before an answer's first chunk, or between two) before the request is given up.")
    max_retries: int = Field(4, ge=0, description="HTTP retries (429, 5xx, dropped connections) per request; a silence past the timeout is not retried.")
    retry_backoff: float = Field(0.5, ge=0, description="Seconds before the first HTTP retry; doubled each retry, with jitter.")
    retry_backoff_max: float = Field(8.0, ge=0, description="Longest wait between HTTP retries (Retry-After from the server wins).")
    reask: int = Field(2, ge=0, description="Times an answer that is not valid JSON or fails validation is re-asked.")
    concurrency: int = Field(8, ge=1, description="Most requests in flight at once (fewer while the server's latency says it queues them).")
    max_tokens: int | None = Field(None, ge=16, description="Longest answer, in tokens; unset sizes each request's bound to what it asks for.")
    context_tokens: int | None = Field(None, ge=512, description="The server's context size in tokens; unset uses what the server says, else the model family's (8192 when unknown).")
    max_calls: int | None = Field(None, ge=0, description="Stop before the paid call after this many; unset means no limit.")
    cache: bool = Field(True, description="Read and write the answer cache; off re-asks everything.")
    cache_dir: Path = Field(default_factory=lambda: platformdirs.user_cache_path("litreview"), description="Where answers are cached.")
    embedding_model: str | None = Field(None, description="Embedding model name, for embedding-based selection.")
    prices: dict[str, Price] = Field(default_factory=dict, description="Per-model prices for cost estimates: {model: {input, output}}.")
    corpus: list[str] = Field(default_factory=list, description="Bibliography files or folders used when none are given.")
    # Abstract lookups (`litreview enrich`, `draft --enrich`): base URLs so mirrors and tests can point elsewhere.
    arxiv_url: str = Field("https://export.arxiv.org/api", description="arXiv export API base URL (its /query endpoint is used).")
    openalex_url: str = Field("https://api.openalex.org", description="OpenAlex API base URL.")
    crossref_url: str = Field("https://api.crossref.org", description="Crossref REST API base URL.")
    s2_url: str = Field("https://api.semanticscholar.org/graph/v1", description="Semantic Scholar Graph API base URL.")
    mailto: str | None = Field(None, description="Your e-mail, sent to OpenAlex and Crossref as their docs ask (their polite pools).")
    openalex_api_key: SecretStr | None = Field(None, description="OpenAlex API key (also read from OPENALEX_API_KEY).")
    s2_api_key: SecretStr | None = Field(None, description="Semantic Scholar API key (also read from S2_API_KEY).")
    lookup_timeout: float = Field(30.0, gt=0, description="Seconds to wait for one scholarly API answer before retrying.")
    lookup_miss_days: float = Field(30.0, ge=0, description="Days a lookup that found nothing is remembered before it is asked again (0: never remembered).")
    fulltext_tokens: int = Field(1500, ge=100, description="Most tokens of a PDF's excerpts given to a summary (--fulltext).")

    _sources: dict[str, str] = PrivateAttr(default_factory=dict)

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: Any, **sources: Any) -> tuple[Any, ...]:
        """Only the constructor's arguments: `load_settings` does the layering and records sources."""
        return (init_settings,)

    @field_validator("model", "base_url", "embedding_model", "mailto", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def llm_configured(self) -> bool:
        """True when a model is set and there is a key or a (local) server to send it to."""
        return bool(self.model) and (self.api_key is not None or self.base_url is not None)

    @property
    def effective_base_url(self) -> str:
        """The URL requests go to (OpenAI's when none is set), without a trailing slash."""
        return (self.base_url or OPENAI_DEFAULT_BASE_URL).rstrip("/")

    def source_of(self, name: str) -> str:
        """Where the value of setting `name` came from, e.g. 'env LITREVIEW_MODEL' or 'default'."""
        return self._sources.get(name, "default")


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    cwd: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Merge defaults < config file < environment < `overrides` (flags; None values ignored)."""
    cwd = cwd or Path.cwd()
    environ = os.environ if environ is None else environ
    layers = [_file_layer(cwd), _env_layer(environ), _flag_layer(overrides or {})]
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for layer in layers:
        for name, (value, source) in layer.items():
            values[name], sources[name] = value, source
    if isinstance(values.get("cache_dir"), str | Path):
        values["cache_dir"] = cwd / Path(values["cache_dir"]).expanduser()
    settings = _validated(values, sources)
    settings._sources.update(sources)
    return settings


def mask_secret(secret: str) -> str:
    """`sk-...abcd`: enough to recognise a key, not enough to use it."""
    if len(secret) < 12:
        return "****"
    return f"{secret[:3]}...{secret[-4:]}"


def display_value(settings: Settings, name: str) -> str:
    """A setting's value as `litreview config` shows it (the key masked)."""
    value = getattr(settings, name)
    if value is None:
        return "(not set)"
    if isinstance(value, SecretStr):
        return mask_secret(value.get_secret_value())
    if isinstance(value, dict):
        return json.dumps({k: v.model_dump() for k, v in value.items()}) if value else "{}"
    if isinstance(value, list):
        return json.dumps(value)
    return str(value)


def _validated(values: dict[str, Any], sources: dict[str, str]) -> Settings:
    try:
        return Settings(**values)
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else "settings"
        detail = first["msg"]
        where = sources.get(name)
        raise ConfigError(f"{name}: {detail}", where=where, hint=_hint_for(name)) from None


def _hint_for(name: str) -> str:
    description = Settings.model_fields[name].description if name in Settings.model_fields else None
    return f"expected: {description}" if description else "see `litreview config`"


def _flag_layer(overrides: Mapping[str, Any]) -> dict[str, tuple[Any, str]]:
    layer = {}
    for name, value in overrides.items():
        if value is None:
            continue
        _check_known(name, where="command line")
        flag = "--no-cache" if name == "cache" else f"--{name.replace('_', '-')}"
        layer[name] = (value, f"flag {flag}")
    return layer


def _env_layer(environ: Mapping[str, str]) -> dict[str, tuple[Any, str]]:
    """LITREVIEW_<NAME> for every setting, after OPENAI_API_KEY / OPENAI_BASE_URL / OPENALEX_API_KEY / S2_API_KEY."""
    layer: dict[str, tuple[Any, str]] = {}
    for name, variable in {**OPENAI_ENV, **SOURCE_KEY_ENV}.items():
        if environ.get(variable):
            layer[name] = (environ[variable], f"env {variable}")
    for name in Settings.model_fields:
        variable = ENV_PREFIX + name.upper()
        if environ.get(variable):
            layer[name] = (_parse_env_value(name, environ[variable], variable), f"env {variable}")
    return layer


def _parse_env_value(name: str, raw: str, variable: str) -> Any:
    """Scalars pass through (pydantic converts them); tables and lists are JSON."""
    if name == "corpus" and not raw.lstrip().startswith("["):
        return raw.split(os.pathsep)
    if name not in ("prices", "corpus"):
        return raw
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise ConfigError(f"{name} is not valid JSON ({error.msg})", where=f"env {variable}",
                          hint='write it as JSON, e.g. {"gpt-4o-mini": {"input": 0.15, "output": 0.6}}') from None


def _file_layer(cwd: Path) -> dict[str, tuple[Any, str]]:
    """`litreview.toml` if present, else `[tool.litreview]` of `pyproject.toml`, else nothing."""
    own, pyproject = cwd / CONFIG_FILE, cwd / "pyproject.toml"
    if own.is_file():
        table, text, header = _read_toml(own), own.read_text(encoding="utf-8"), None
        path = own
    elif pyproject.is_file():
        table = _read_toml(pyproject).get("tool", {}).get("litreview", {})
        text, header, path = pyproject.read_text(encoding="utf-8"), "[tool.litreview]", pyproject
    else:
        return {}
    layer = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        where = f"{path.name}:{_line_of(text, key, header)}"
        _check_known(name, where=where, key=key)
        layer[name] = (value, where)
    return layer


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\(at line.*\)", "", str(error))
        where = f"{path.name}:{found.group(1)}" if found else path.name
        raise ConfigError(f"not valid TOML: {message}", where=where, hint="fix the syntax (see https://toml.io)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the config file ({error})", where=str(path)) from None


def _line_of(text: str, key: str, header: str | None) -> int:
    """The 1-based line where `key` is set (after `header` when given); 1 if not found."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == header), 0) if header else 0
    pattern = re.compile(rf'^\s*(\[\s*)?("?{re.escape(key)}"?)\s*[=.\]]')
    for number in range(start, len(lines)):
        if pattern.match(lines[number]):
            return number + 1
    return start + 1


def _check_known(name: str, *, where: str, key: str | None = None) -> None:
    if name not in Settings.model_fields:
        known = ", ".join(Settings.model_fields)
        raise ConfigError(f"unknown setting {key or name!r}", where=where, hint=f"known settings: {known}")
