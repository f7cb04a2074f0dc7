"""Settings: precedence flag > environment > litreview.toml / pyproject > default, sources, errors."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest

from litreview.cli.llm_options import ModeName
from litreview.config import Mode, Settings, display_value, load_settings, mask_secret
from litreview.errors import ConfigError

KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz1234"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_read_nothing(tmp_path):
    settings = load_settings({}, tmp_path, environ={})
    assert settings.model is None and settings.mode == "auto" and settings.temperature == 0
    assert settings.concurrency == 8 and settings.max_calls is None
    assert settings.cache_dir.name == "litreview"
    assert not settings.llm_configured
    assert settings.source_of("model") == "default"


def test_flag_beats_environment_beats_file_beats_default(tmp_path):
    write(tmp_path / "litreview.toml", 'model = "from-file"\nconcurrency = 3\ntimeout = 9\n')
    environ = {"LITREVIEW_MODEL": "from-env", "LITREVIEW_CONCURRENCY": "5"}
    settings = load_settings({"model": "from-flag", "reask": None}, tmp_path, environ=environ)
    assert (settings.model, settings.concurrency, settings.timeout, settings.reask) == ("from-flag", 5, 9.0, 2)
    assert settings.source_of("model") == "flag --model"
    assert settings.source_of("concurrency") == "env LITREVIEW_CONCURRENCY"
    assert settings.source_of("timeout") == "litreview.toml:3"
    assert settings.source_of("reask") == "default"


def test_openai_variables_are_read_and_litreview_ones_override_them(tmp_path):
    environ = {"OPENAI_API_KEY": "sk-openai-000000000000", "OPENAI_BASE_URL": "http://openai-env/v1"}
    settings = load_settings({}, tmp_path, environ=environ)
    assert settings.api_key.get_secret_value() == "sk-openai-000000000000"
    assert settings.source_of("base_url") == "env OPENAI_BASE_URL"
    environ |= {"LITREVIEW_API_KEY": KEY, "LITREVIEW_BASE_URL": "http://localhost:11434/v1"}
    settings = load_settings({}, tmp_path, environ=environ)
    assert settings.api_key.get_secret_value() == KEY and settings.source_of("api_key") == "env LITREVIEW_API_KEY"
    assert settings.effective_base_url == "http://localhost:11434/v1"


def test_pyproject_tool_table_is_read_when_there_is_no_litreview_toml(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.litreview]\nmodel = "qwen2.5:7b"\nbase-url = "http://h/v1"\n')
    settings = load_settings({}, tmp_path, environ={})
    assert settings.model == "qwen2.5:7b" and settings.base_url == "http://h/v1"
    assert settings.source_of("base_url") == "pyproject.toml:6"
    assert settings.llm_configured
    write(tmp_path / "litreview.toml", 'model = "own-file"\n')
    assert load_settings({}, tmp_path, environ={}).model == "own-file"


def test_prices_and_corpus_from_file_and_environment(tmp_path):
    write(tmp_path / "litreview.toml", 'corpus = ["refs.bib"]\n[prices."gpt-4o-mini"]\ninput = 0.15\noutput = 0.6\n')
    settings = load_settings({}, tmp_path, environ={})
    assert settings.prices["gpt-4o-mini"].output == 0.6 and settings.corpus == ["refs.bib"]
    assert settings.source_of("prices") == "litreview.toml:2"
    environ = {"LITREVIEW_PRICES": '{"m": {"input": 1, "output": 2}}', "LITREVIEW_CORPUS": "a.bib:b.ris"}
    settings = load_settings({}, tmp_path, environ=environ)
    assert settings.prices["m"].input == 1 and settings.corpus == ["a.bib", "b.ris"]


def test_relative_cache_dir_is_resolved_against_the_working_directory(tmp_path):
    settings = load_settings({"cache_dir": "cache"}, tmp_path, environ={})
    assert settings.cache_dir == tmp_path / "cache"


def test_malformed_toml_names_file_and_line(tmp_path):
    write(tmp_path / "litreview.toml", 'model = "ok"\nconcurrency = = 4\n')
    with pytest.raises(ConfigError) as caught:
        load_settings({}, tmp_path, environ={})
    assert caught.value.line() == (
        "litreview.toml:2: not valid TOML: Invalid value; fix the syntax (see https://toml.io)"
    )


def test_unknown_setting_in_file_is_an_error_with_its_line(tmp_path):
    write(tmp_path / "litreview.toml", 'model = "m"\nmodle = "typo"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings({}, tmp_path, environ={})
    assert caught.value.line().startswith("litreview.toml:2: unknown setting 'modle'; known settings: model, base_url,")


def test_invalid_value_names_its_source(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_settings({}, tmp_path, environ={"LITREVIEW_CONCURRENCY": "0"})
    assert caught.value.line() == (
        "env LITREVIEW_CONCURRENCY: concurrency: Input should be greater than or equal to 1; "
        "expected: Most requests in flight at once (fewer while the server's latency says it queues them)."
    )
    with pytest.raises(ConfigError) as caught:
        load_settings({}, tmp_path, environ={"LITREVIEW_PRICES": "{not json"})
    assert caught.value.where == "env LITREVIEW_PRICES"


def test_key_is_masked():
    assert mask_secret(KEY) == "sk-...1234"
    assert mask_secret("short") == "****"
    settings = Settings(api_key=KEY)
    assert display_value(settings, "api_key") == "sk-...1234"
    assert KEY not in repr(settings) and KEY not in str(settings.model_dump())


def test_settings_constructor_reads_no_environment(monkeypatch):
    monkeypatch.setenv("LITREVIEW_MODEL", "from-env")
    assert Settings().model is None


def test_cli_mode_choices_match_the_settings():
    assert typing.get_args(ModeName) == typing.get_args(Mode)


def test_config_command_shows_values_sources_and_masked_key(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "litreview.toml", 'base_url = "http://localhost:11434/v1"\nconcurrency = 2\n')
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    result = run_cli("config", "--model", "qwen2.5:7b-instruct", "--no-cache")
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.stdout.splitlines()}
    assert lines["model"].split() == ["model", "qwen2.5:7b-instruct", "(flag", "--model)"]
    assert lines["api_key"].split() == ["api_key", "sk-...1234", "(env", "OPENAI_API_KEY)"]
    assert lines["concurrency"].split() == ["concurrency", "2", "(litreview.toml:2)"]
    assert lines["cache"].split() == ["cache", "False", "(flag", "--no-cache)"]
    assert lines["timeout"].split() == ["timeout", "120.0", "(default)"]
    assert result.stdout.splitlines()[-1] == "LLM: qwen2.5:7b-instruct at http://localhost:11434/v1, mode auto"
    assert KEY not in result.stdout + result.stderr


def test_config_command_json(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LITREVIEW_API_KEY", KEY)
    table = json.loads(run_cli("config", "--json").stdout)
    assert table["api_key"] == {"value": "sk-...1234", "source": "env LITREVIEW_API_KEY"}
    assert table["model"] == {"value": "(not set)", "source": "default"}


def test_config_command_reports_bad_file(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "litreview.toml", "mode = 'telepathy'\n")
    result = run_cli("config")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: litreview.toml:1: mode: Input should be 'auto', 'tools', 'json_schema', 'json' or 'md_json';")


def test_llm_options_add_the_flags_to_any_command():
    import typer
    from typer.testing import CliRunner

    from litreview.cli.llm_options import llm_options

    seen = {}
    demo = typer.Typer()

    @demo.command()
    @llm_options
    def draft(theme: str, top: int = 3, llm_overrides: dict | None = None) -> None:
        seen.update(theme=theme, top=top, overrides=llm_overrides)

    args = ["graph networks", "--top", "5", "--model", "m", "--base-url", "http://h/v1", "--mode", "json_schema",
            "--concurrency", "4", "--max-calls", "10", "--cache-dir", "c", "--no-cache"]
    result = CliRunner().invoke(demo, args)
    assert result.exit_code == 0, result.output
    assert seen == {"theme": "graph networks", "top": 5, "overrides": {
        "model": "m", "base_url": "http://h/v1", "mode": "json_schema", "concurrency": 4, "max_calls": 10,
        "cache_dir": Path("c"), "cache": False}}
    CliRunner().invoke(demo, ["t"])
    assert seen["overrides"] == {}
    assert "--mode" in CliRunner().invoke(demo, ["--help"]).output


def test_llm_env_fixture_points_commands_at_the_fake_server(llm_env, fake_llm, tmp_path):
    settings = load_settings({}, tmp_path)
    assert settings.llm_configured and settings.base_url == fake_llm.url and settings.cache_dir == llm_env
    assert settings.retry_backoff == 0.01
