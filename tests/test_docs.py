"""Every command a user can run is shown in the README and has help text."""

from __future__ import annotations

from pathlib import Path

import typer.main

from litreview.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def _commands(group, prefix: str = "litreview") -> list[tuple[str, object]]:
    found = []
    for name, command in group.commands.items():
        found.append((f"{prefix} {name}", command))
        if hasattr(command, "commands"):  # a sub-app such as `cache`
            found += _commands(command, f"{prefix} {name}")
    return found


def test_every_command_is_in_the_readme_and_has_help():
    commands = _commands(typer.main.get_command(app))
    assert {name for name, _ in commands} >= {"litreview draft", "litreview corpus", "litreview select",
                                              "litreview check", "litreview config", "litreview cache info",
                                              "litreview cache clear"}
    for name, command in commands:
        assert name in README, f"{name} is not in the README"
        assert (command.help or "").strip(), f"{name} has no help text"
        for parameter in command.params:
            if parameter.param_type_name == "option":
                assert parameter.help, f"{name} {parameter.opts[0]} has no help text"
