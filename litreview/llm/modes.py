"""Which structured-output mode to use with a server: the one asked for, or (`--mode auto`) the first
that works, remembered per base URL and model in the cache folder so later runs start with it.

Tried in order: tools, json_schema, json, md_json. A mode is abandoned only when the server refuses
it (a permanent error naming the parameter, or a 400/422 to the request itself), never because one
answer was poor.
"""

from __future__ import annotations

from pathlib import Path

from litreview.config import Settings
from litreview.llm.memory import load_json_dict, save_json_dict, server_name

AUTO_ORDER = ("tools", "json_schema", "json", "md_json")
MODES_FILE = "llm-modes.json"  # beside the answer store: {"<base url> <model>": "json", ...}


class ModeChooser:
    """The mode of one client: fixed when `--mode` names one, else learned and remembered."""

    def __init__(self, settings: Settings) -> None:
        self._path = Path(settings.cache_dir) / MODES_FILE
        self._server = server_name(settings)
        self.asked = settings.mode
        self.remembered = self._load().get(self._server) if settings.mode == "auto" else None
        self.settled: str | None = settings.mode if settings.mode != "auto" else self.remembered

    @property
    def current(self) -> str:
        """The mode requests use now (the first to try while none has worked yet)."""
        return self.settled or AUTO_ORDER[0]

    def candidates(self) -> list[str]:
        """The modes to try, in order: only the settled one once there is one."""
        return [self.settled] if self.settled else list(AUTO_ORDER)

    def settle(self, mode: str) -> bool:
        """Record that `mode` works; True when this is news (not asked for, not remembered)."""
        if self.settled == mode:
            return False
        self.settled = mode
        stored = self._load()
        stored[self._server] = mode
        self._save(stored)
        return True

    def _load(self) -> dict[str, str]:
        return {k: v for k, v in load_json_dict(self._path).items() if v in AUTO_ORDER}

    def _save(self, stored: dict[str, str]) -> None:
        save_json_dict(self._path, stored)
