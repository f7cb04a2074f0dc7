"""Files that ship with litreview, and where a draft's corpus comes from when none is named."""

from __future__ import annotations

import importlib.resources
from pathlib import Path


def example_corpus_dir() -> Path:
    """The bundled example corpus: `litreview/example_corpus` in a wheel, `examples/corpus` in a checkout."""
    packaged = Path(str(importlib.resources.files("litreview"))) / "example_corpus"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "examples" / "corpus"


def default_corpus(configured: list[str], cwd: Path) -> tuple[list[str], str | None]:
    """The `corpus` setting, else the *.bib files of `cwd`, else the bundled example (with a notice)."""
    if configured:
        return configured, None
    bibs = sorted(str(path) for path in cwd.glob("*.bib"))
    if bibs:
        return bibs, f"using {', '.join(bibs)} from the working directory (name others with --corpus)"
    return [str(example_corpus_dir())], "no --corpus given: using the bundled example corpus (450 papers)"
