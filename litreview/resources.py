"""Files that ship with litreview, and where a draft's corpus comes from when none is named."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

# The first line of every .bib that `litreview draft` writes beside its output: such a file is never read
# as the user's bibliography, and a later run may replace it.
COMPANION_BIB_MARKER = "% Written by litreview draft:"
# The first line of a `litreview corpus --export` file: read when named, never picked up as a default corpus.
EXPORT_MARKER = "% Written by litreview corpus --export:"
_OUTPUT_MARKER = "% Written by litreview "


def example_corpus_dir() -> Path:
    """The bundled example corpus: `litreview/example_corpus` in a wheel, `examples/corpus` in a checkout."""
    packaged = Path(str(importlib.resources.files("litreview"))) / "example_corpus"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "examples" / "corpus"


def default_corpus(configured: list[str], cwd: Path) -> tuple[list[str], str | None]:
    """The `corpus` setting, else the *.bib files of `cwd` (not litreview's own outputs), else the bundled example."""
    if configured:
        return configured, None  # the user named it
    candidates = sorted(cwd.glob("*.bib"))
    bibs = [str(path) for path in candidates if not is_litreview_output(path)]
    if bibs:
        ours = [path.name for path in candidates if is_litreview_output(path)]
        skipped = f"; not {', '.join(ours)}, written by litreview" if ours else ""
        return bibs, (f"using {', '.join(Path(b).name for b in bibs)} from the working directory{skipped} "
                      "(name others with --corpus)")
    return [str(example_corpus_dir())], "no --corpus given: using the bundled example corpus (450 papers)"


def is_companion_bib(path: Path) -> bool:
    """Whether `path` is a .bib file an earlier `litreview draft` wrote (it starts with the marker)."""
    return _first_line(path).startswith(COMPANION_BIB_MARKER)


def is_litreview_output(path: Path) -> bool:
    """Whether `path` is a file litreview wrote: a draft's companion .bib or a `corpus --export`."""
    return _first_line(path).startswith(_OUTPUT_MARKER)


def _first_line(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            return file.readline()
    except OSError:
        return ""
