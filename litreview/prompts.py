"""Prompt templates (`templates/prompts/*.j2`): rendered to chat messages, versioned by their own text.

Each template defines a `system` and a `user` block. Its version is a hash of the template's source,
so editing a prompt re-keys the cache of exactly the requests it renders. Every value a template
prints passes through `finalize`, which defuses our delimiter tags: an abstract cannot close its
`<paper>` element and speak outside it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import re
from pathlib import Path
from typing import Any

import jinja2

from litreview.errors import ConfigError

DELIMITER_TAGS = ("paper", "title", "abstract", "summary", "evidence", "our_work", "theme", "group")
_TAG = re.compile(r"<(\s*/?\s*)(" + "|".join(DELIMITER_TAGS) + r")\b", re.IGNORECASE)


def render_prompt(name: str, **variables: Any) -> tuple[list[dict[str, str]], str]:
    """The chat messages of prompt `name` (e.g. "summarize") and its version, `name-<hash>`."""
    template = _environment().get_template(f"{name}.j2")
    context = template.new_context(variables)
    messages = [
        {"role": role, "content": "".join(template.blocks[role](context)).strip()}
        for role in ("system", "user")
    ]
    return messages, prompt_version(name)


@functools.cache
def prompt_version(name: str) -> str:
    """`name-` and the first 12 hex digits of the SHA-256 of the template's source."""
    source = (prompts_dir() / f"{name}.j2").read_bytes()
    return f"{name}-{hashlib.sha256(source).hexdigest()[:12]}"


def prompts_dir() -> Path:
    """`litreview/templates/prompts` in an installed wheel, `templates/prompts` in a checkout."""
    packaged = Path(str(importlib.resources.files("litreview"))) / "templates" / "prompts"
    checkout = Path(__file__).resolve().parent.parent / "templates" / "prompts"
    for folder in (packaged, checkout):
        if folder.is_dir():
            return folder
    raise ConfigError("the prompt templates are missing", where=str(checkout), hint="reinstall litreview")


def defuse(value: Any) -> Any:
    """`value` with our delimiter tags made inert (`</paper>` -> `‹/paper>`); None prints as nothing."""
    if value is None:
        return ""
    return _TAG.sub(lambda m: "\u2039" + m.group(1) + m.group(2), value) if isinstance(value, str) else value


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(prompts_dir()),
        undefined=jinja2.StrictUndefined,
        finalize=defuse,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        autoescape=False,  # prompts are plain text; delimiters are handled by `defuse`
    )
