"""What litreview learned about a server, remembered per base URL and model in the cache folder, so
that the next run starts from it: whether it streams, whether it cuts a streamed answer short when
another request waits, its tokenizer endpoint and its context size (the structured-output mode that
works has its own file, see `modes`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from litreview.config import Settings
from litreview.files import write_atomic

SERVERS_FILE = "llm-servers.json"  # {"<base url> <model>": {"stream": false, "context": 2048, ...}, ...}


class ServerMemory:
    """The remembered facts of one server (base URL + model); a failed write only costs a new probe."""

    def __init__(self, settings: Settings) -> None:
        self._path = Path(settings.cache_dir) / SERVERS_FILE
        self._server = server_name(settings)
        found = load_json_dict(self._path).get(self._server)
        self.facts: dict[str, Any] = dict(found) if isinstance(found, dict) else {}

    def get(self, name: str, default: Any = None) -> Any:
        return self.facts.get(name, default)

    def remember(self, name: str, value: Any) -> None:
        """Keep `name` = `value` for this server, here and in the cache folder."""
        if self.facts.get(name) == value:
            return
        self.facts[name] = value
        stored = load_json_dict(self._path)
        stored[self._server] = {**(stored.get(self._server) or {}), name: value}
        save_json_dict(self._path, stored)


def server_name(settings: Settings) -> str:
    """The key a server's facts are remembered under."""
    return f"{settings.effective_base_url} {settings.model or ''}"


def load_json_dict(path: Path) -> dict[str, Any]:
    """The JSON object in `path`, or {} when it is missing or damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_json_dict(path: Path, data: dict[str, Any]) -> None:
    """Write atomically: two runs sharing the cache folder never see half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data, indent=1, sort_keys=True))
    except OSError:
        pass  # remembering is a convenience: the next run probes again
