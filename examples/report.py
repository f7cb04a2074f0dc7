"""Draft several themes from one corpus into one Markdown report, with litreview's Python API.

    python examples/report.py report.md                              # the bundled example corpus, THEMES below
    python examples/report.py report.md refs.bib zotero.json --theme "label noise" --theme "curriculum learning"
    pandoc report.md --citeproc --bibliography report.bib -o report.html

Settings are read as the CLI reads them (`load_settings()`: litreview.toml, LITREVIEW_* / OPENAI_* variables):
with a model configured, summaries, groupings and paragraphs come from the LLM and every answer is cached, so
a rerun (or a theme added later) pays only for what is new; otherwise the offline engine writes from the
abstracts. The report gets one section per theme, and `report.bib` beside it holds every cited entry.
Adapt THEMES, TOP_K or the `render` options to your needs.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from litreview import Draft, LLMClient, draft, load_corpus, load_settings, render
from litreview.corpus.bibexport import to_bibtex
from litreview.errors import SelectionError
from litreview.files import write_atomic
from litreview.resources import example_corpus_dir
from litreview.text import counted

THEMES = ["multimodal prompt tuning", "parameter-efficient fine-tuning", "video-language pretraining"]
TOP_K = 12  # papers per theme


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    settings = load_settings()
    corpus = load_corpus(args.corpus or [example_corpus_dir()])
    use_llm = settings.llm_configured and not args.offline
    with LLMClient(settings) if use_llm else contextlib.nullcontext() as llm:
        drafts = [result for theme in args.theme or THEMES if (result := _draft_one(corpus, theme, llm, settings.cache_dir))]
    write_atomic(args.output, report_text(drafts, len(corpus)))  # a run killed here leaves the last report whole
    write_atomic(args.output.with_suffix(".bib"), bibliography(drafts))
    print(f"wrote {args.output} and {args.output.with_suffix('.bib')}", file=sys.stderr)
    return 0


def report_text(drafts: list[Draft], corpus_size: int) -> str:
    """The report: a title, one line on how it was made, then each theme as a `##` section."""
    engine = drafts[0].engine if drafts else "offline"
    parts = ["# Related work report", f"{counted(len(drafts), 'theme')} drafted from a corpus of {corpus_size} papers ({engine})."]
    for result in drafts:
        parts.append(render(result, "md", heading="subsection").text.strip())
    return "\n\n".join(parts) + "\n"


def bibliography(drafts: list[Draft]) -> str:
    """One .bib of every paper cited in any theme (the user's own entries verbatim for .bib inputs)."""
    cited = {key: result.papers[key] for result in drafts for key in result.cited_keys()}
    return to_bibtex(cited.values())


def _draft_one(corpus, theme: str, llm: LLMClient | None, cache_dir: Path) -> Draft | None:
    """The theme's draft; None, with the reason, when the corpus has no paper on it (the other themes go on)."""
    try:
        result = draft(corpus, theme, llm=llm, select_options={"top_k": TOP_K, "cache_dir": cache_dir})
    except SelectionError as error:
        print(f"{theme}: left out of the report: {error.line()}", file=sys.stderr)
        return None
    usage = result.usage
    calls = f", LLM calls: {usage['calls']} new, {usage['cached']} cached so far" if usage else ""
    print(f"{theme}: {len(result.selection)} papers, {len(result.sections)} sub-themes{calls}", file=sys.stderr)
    for warning in result.warnings:
        print(f"  warning ({warning.stage}): {warning.message}", file=sys.stderr)
    return result


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="the Markdown report to write (a .bib is written beside it)")
    parser.add_argument("corpus", nargs="*", help="bibliography files or folders (default: the bundled example corpus)")
    parser.add_argument("--theme", action="append", help=f"a theme (repeatable; default: {', '.join(THEMES)})")
    parser.add_argument("--offline", action="store_true", help="use the offline engine even if an LLM is configured")
    return parser.parse_args(argv)


if __name__ == "__main__":
    from litreview.errors import LitreviewError

    try:
        sys.exit(main())
    except LitreviewError as error:
        print(f"error: {error.line()}", file=sys.stderr)
        sys.exit(error.exit_code)
