"""Files that ship with litreview, and where a draft's corpus comes from when none is named."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

# The first line of every .bib that `litreview draft` writes beside its output: such a file is never read
# as the user's bibliography, and a later run may replace it.
COMPANION_BIB_MARKER = "% Written by litreview draft:"


def example_corpus_dir() -> Path:
    """The bundled example corpus: `litreview/example_corpus` in a wheel, `examples/corpus` in a checkout."""
    packaged = Path(str(importlib.resources.files("litreview"))) / "example_corpus"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "examples" / "corpus"


def default_corpus(configured: list[str], cwd: Path) -> tuple[list[str], str | None]:
    """The `corpus` setting, else the *.bib files of `cwd` (not earlier drafts' companions), else the bundled example."""
    if configured:
        return configured, None
    bibs = sorted(str(path) for path in cwd.glob("*.bib") if not is_companion_bib(path))
    if bibs:
        return bibs, f"using {', '.join(Path(b).name for b in bibs)} from the working directory (name others with --corpus)"
    return [str(example_corpus_dir())], "no --corpus given: using the bundled example corpus (450 papers)"


def is_companion_bib(path: Path) -> bool:
    """Whether `path` is a .bib file an earlier `litreview draft` wrote (it starts with the marker)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            return file.readline().startswith(COMPANION_BIB_MARKER)
    except OSError:
        return False
