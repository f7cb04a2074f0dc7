"""Token budgets: how long an answer may be (max_tokens, sized to its schema), how many tokens a prompt
holds, and how large a model's context is.

No tokenizer is shipped for every model family a local server may run, so prompts are counted with a
conservative estimate (three characters per token; English text averages about four with the common
BPE vocabularies, so the estimate errs towards "does not fit"), unless the server's own tokenizer
(`tokenizer`) measured how many characters a token holds in that kind of prompt.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

CHARS_PER_TOKEN = 3.0
DEFAULT_CONTEXT = 8192
MIN_ANSWER, MAX_ANSWER = 256, 4096
STRING_TOKENS = 60  # a sentence-long field
DEFAULT_ITEMS = 6  # items assumed in an array with no maxItems
REPLY_MARGIN = 64  # tokens of chat formatting around the messages

# Context sizes of known model families (the model's own; a local server may be run with less: set
# context_tokens then). Matched in order against the lower-cased model name.
KNOWN_CONTEXTS: list[tuple[str, int]] = [
    (r"gpt-4\.1|gpt-5", 1_000_000),
    (r"gpt-4o|gpt-4-turbo|o1|o3|o4", 128_000),
    (r"gpt-3\.5", 16_385),
    (r"gpt-4", 8_192),
    (r"llama-?3\.[123]|llama3\.[123]", 131_072),
    (r"llama-?3|llama3", 8_192),
    (r"qwen2\.5|qwen3|qwen-?2", 32_768),
    (r"mistral|mixtral", 32_768),
    (r"gemma-?3", 131_072),
    (r"gemma", 8_192),
    (r"phi-?3.*128k", 131_072),
    (r"phi-?3|phi-?2", 4_096),
    (r"smollm", 8_192),
]


def context_of(model: str | None, configured: int | None = None) -> int:
    """The context size to plan with: the configured one, else the model family's, else 8k."""
    if configured:
        return configured
    name = (model or "").lower()
    return next((size for pattern, size in KNOWN_CONTEXTS if re.search(pattern, name)), DEFAULT_CONTEXT)


def fits(messages: list[dict[str, Any]], schema: Mapping[str, Any], answer: int, context: int,
         chars_per_token: float = CHARS_PER_TOKEN) -> bool:
    """Whether a prompt of `messages` (and `schema`) plus an answer of `answer` tokens fits `context`."""
    return prompt_tokens(messages, schema, chars_per_token) + answer <= context


def count_tokens(text: str, chars_per_token: float = CHARS_PER_TOKEN) -> int:
    """A count of the tokens of `text`: conservative, unless a tokenizer measured `chars_per_token`."""
    return math.ceil(len(text) / chars_per_token)


def prompt_text(messages: list[dict[str, Any]], schema: Mapping[str, Any] | None = None) -> str:
    """What a request's prompt says: its messages' text and the schema every mode sends along."""
    return "".join(str(message.get("content") or "") for message in messages) + (json.dumps(schema) if schema else "")


def prompt_tokens(messages: list[dict[str, Any]], schema: Mapping[str, Any] | None = None,
                  chars_per_token: float = CHARS_PER_TOKEN) -> int:
    """Tokens of the messages (and the schema), with chat formatting."""
    return count_tokens(prompt_text(messages, schema), chars_per_token) + REPLY_MARGIN


def answer_tokens(schema: Mapping[str, Any]) -> int:
    """max_tokens for an answer to `schema`: room for every field at a sentence each, bounded."""
    return max(MIN_ANSWER, min(MAX_ANSWER, _size(schema, schema)))


def _size(node: Mapping[str, Any], root: Mapping[str, Any]) -> int:
    if "$ref" in node:
        return _size(_resolve(root, node["$ref"]), root)
    options = node.get("anyOf") or node.get("oneOf")
    if options:
        return max(_size(option, root) for option in options)
    kind = node.get("type", "object")
    if kind == "object":
        properties = node.get("properties", {})
        return 4 + sum(4 + len(name) // 3 + _size(sub, root) for name, sub in properties.items())
    if kind == "array":
        return 2 + int(node.get("maxItems", DEFAULT_ITEMS)) * (_size(node.get("items", {}), root) + 1)
    if kind == "string":
        return 8 if "enum" in node else int(node.get("maxLength", STRING_TOKENS * CHARS_PER_TOKEN) / CHARS_PER_TOKEN)
    return 4


def _resolve(root: Mapping[str, Any], ref: str) -> Mapping[str, Any]:
    node: Any = root
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node
