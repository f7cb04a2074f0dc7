"""The server's own tokenizer and context size, where the server offers them.

A local server knows its model's tokenizer and the context it was started with, and the common ones
say so over HTTP:
- llama-cpp-python: POST /extras/tokenize/count {"input", "model"} -> {"count"} (no context size);
- llama.cpp's server: POST /tokenize {"content"} -> {"tokens"}; GET /props -> its n_ctx under
  default_generation_settings;
- vLLM: POST /tokenize {"model", "prompt"} -> {"count", "tokens", "max_model_len"}.
They are probed once per server (base URL + model) and what was found is remembered in the cache
folder (`memory`), like the mode. A server without them (OpenAI, Ollama, a proxy) is counted with the
conservative estimate of `budget`; a failed probe never fails a draft. tiktoken is deliberately not
used for OpenAI's models: it downloads its BPE files from the internet at first use, and litreview
must work offline with a local server (the estimate errs towards "does not fit" instead).
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

from litreview.config import Settings
from litreview.llm.memory import ServerMemory

PROBE_TEXT = "litreview asks once how this server splits a sentence into tokens."
PROBE_SECONDS = 10.0  # a tokenizer answers in milliseconds; a server busy generating may hold it longer
# (path, the body keys that carry the text), tried in order; the count is read by `_count_in`
LLAMA_CPP_PYTHON = "/extras/tokenize/count"
ENDPOINTS = (
    (LLAMA_CPP_PYTHON, "input"),  # llama-cpp-python
    ("/tokenize", "content prompt"),  # llama.cpp's server reads "content", vLLM "prompt" (and both ignore the other)
)


class ServerTokenizer:
    """Token counts and the context size as the server itself gives them, or None where it cannot."""

    def __init__(self, settings: Settings, memory: ServerMemory) -> None:
        self.settings, self.memory = settings, memory
        self._root = settings.effective_base_url.rstrip("/").removesuffix("/v1")
        self._probed = False

    def count(self, text: str) -> int | None:
        """The number of tokens of `text` by the server's tokenizer; None without one (or when it fails)."""
        self._probe()
        path = self.memory.get("tokenizer") or ""
        if not path:
            return None
        answer = self._post(path, text)
        return _count_in(answer) if answer is not None else None

    def is_llama_cpp_python(self) -> bool:
        """Whether the server is llama-cpp-python's (it has that server's tokenizer endpoint)."""
        self._probe()
        return self.memory.get("tokenizer") == LLAMA_CPP_PYTHON

    def context(self) -> int | None:
        """The context size the server says it runs with, or None when it does not say."""
        self._probe()
        size = self.memory.get("context")
        return size if isinstance(size, int) and size > 0 else None

    def _probe(self) -> None:
        """Find the server's tokenizer endpoint and context size, once (remembered per server)."""
        if self._probed or "tokenizer" in self.memory.facts:
            self._probed = True
            return
        self._probed = True
        if self.settings.base_url is None:  # OpenAI's own API: no tokenizer endpoint (see the module doc)
            self.memory.remember("tokenizer", "")
            return
        found, context = "", None
        for path, _ in ENDPOINTS:
            answer = self._post(path, PROBE_TEXT)
            if answer is not None and _count_in(answer) is not None:
                found, context = path, _positive(answer.get("max_model_len"))
                break
        if found == "/tokenize" and context is None:
            props = self._request("/props", None)
            settings = (props or {}).get("default_generation_settings") or {}
            context = _positive(settings.get("n_ctx")) or _positive((props or {}).get("n_ctx"))
        self.memory.remember("context", context)
        self.memory.remember("tokenizer", found)

    def _post(self, path: str, text: str) -> dict[str, Any] | None:
        keys = dict(ENDPOINTS)[path].split()
        return self._request(path, {**{key: text for key in keys}, "model": self.settings.model or ""})

    def _request(self, path: str, body: dict[str, Any] | None) -> dict[str, Any] | None:
        """The JSON object the server answers, or None on any failure (no such endpoint, down, not JSON)."""
        headers = {"content-type": "application/json"}
        if self.settings.api_key is not None:
            headers["authorization"] = f"Bearer {self.settings.api_key.get_secret_value()}"
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self._root + path, data=data, headers=headers, method="POST" if data else "GET")
        try:
            with urllib.request.urlopen(request, timeout=min(PROBE_SECONDS, self.settings.timeout)) as response:
                answer = json.loads(response.read())
        except (OSError, ValueError):  # urllib's URLError and HTTPError are OSErrors
            return None
        return answer if isinstance(answer, dict) else None


def _count_in(answer: dict[str, Any]) -> int | None:
    count = answer.get("count")
    if isinstance(count, int):
        return count
    tokens = answer.get("tokens")
    return len(tokens) if isinstance(tokens, list) else None


def _positive(value: Any) -> int | None:
    return value if isinstance(value, int) and value > 0 else None
