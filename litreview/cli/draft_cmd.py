"""`litreview draft`: the main job, a related-work section for a theme, rendered to .tex, .md or .json."""

from __future__ import annotations

import contextlib
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from litreview.cli import output
from litreview.cli.enrich_options import Enrich, Refresh
from litreview.cli.llm_options import llm_options
from litreview.cli.progress_display import StageDisplay
from litreview.cli.selection_options import (
    CorpusPaths,
    DropOff,
    Exclude,
    Include,
    Judge,
    MinScore,
    Theme,
    TopK,
    YearFrom,
    YearTo,
    corpus_paths,
    rank_options,
)
from litreview.files import path_kind
from litreview.text import counted, decoded


class Format(str, Enum):
    tex = "tex"
    md = "md"
    json = "json"


class Heading(str, Enum):
    section = "section"
    subsection = "subsection"
    subsubsection = "subsubsection"
    paragraph = "paragraph"


OUTPUT = "Output"
TEXT = "Paper text"


@llm_options
def draft(
    theme: Theme,
    corpus: CorpusPaths = None,
    out: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (.tex, .md or .json); a .tex/.md also gets a .bib of the cited entries beside it. Default: stdout.", rich_help_panel=OUTPUT)] = None,
    fmt: Annotated[Format | None, typer.Option("--format", help="tex, md or json (default: from -o's extension, else md).", rich_help_panel=OUTPUT)] = None,
    cite_style: Annotated[str | None, typer.Option("--cite-style", help="tex: natbib (default) or biblatex; md: pandoc (default) or numbered.", rich_help_panel=OUTPUT)] = None,
    heading: Annotated[Heading, typer.Option("--heading", help="Level of the section heading; sub-themes go one level below.", rich_help_panel=OUTPUT)] = Heading.section,
    template: Annotated[Path | None, typer.Option("--template", help="Your own Jinja template (see docs/templates.md).", rich_help_panel=OUTPUT)] = None,
    top_k: TopK = 30,
    min_score: MinScore = None,
    drop_off: DropOff = 0.3,
    year_from: YearFrom = None,
    year_to: YearTo = None,
    include: Include = None,
    exclude: Exclude = None,
    judge: Judge = False,
    min_groups: Annotated[int | None, typer.Option("--min-groups", min=1, show_default=False,
                                                   help="Fewest sub-themes. Default: 2, or 1 for fewer than 3 papers.")] = None,
    max_groups: Annotated[int, typer.Option("--max-groups", min=1, help="Most sub-themes.")] = 8,
    our_work: Annotated[str | None, typer.Option("--our-work", metavar="TEXT|FILE", help="Your own abstract: each paragraph ends by positioning it (offline: a template sentence in your words, and a paragraph opens with your background sentence closest to its papers). A theme of more than 12 words is read as your abstract too.")] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Use the built-in offline engine even if an LLM is configured.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the selection and how many LLM calls would be made, then stop.")] = False,
    save_plan: Annotated[Path | None, typer.Option("--save-plan", help="Write the selection and grouping to this JSON file.")] = None,
    plan: Annotated[Path | None, typer.Option("--plan", help="Reuse a saved (possibly edited) plan: its papers and groups.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary on stderr (errors and warnings still show).")] = False,
    enrich: Enrich = False,
    refresh: Refresh = False,
    fulltext: Annotated[bool, typer.Option("--fulltext", help="Summaries also read each selected paper's attached PDF (the .bib `file` field, or --pdf-dir).", rich_help_panel=TEXT)] = False,
    pdf_dir: Annotated[Path | None, typer.Option("--pdf-dir", help="A folder of PDFs named KEY.pdf, characters a file name cannot hold (/ : ...) as _ (implies --fulltext).", rich_help_panel=TEXT)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail instead of warning: at the first record that cannot be read (exit 2), or when anything in the draft degraded, e.g. a dropped quote, a paper summarised offline, a paper without abstract (exit 1, nothing written).")] = False,
    llm_overrides: dict | None = None,
) -> None:
    """Draft a related-work section on THEME from your corpus, citing only its keys."""
    with output.reported_errors():
        started = time.perf_counter()
        from litreview.config import load_settings

        settings = load_settings(llm_overrides, Path.cwd())
        chosen_format = _output_format(fmt, out)
        paths = corpus_paths(corpus, settings, quiet=quiet)
        _check_outputs(out, save_plan, chosen_format, cite_style, paths)
        with _llm_for(settings, offline, quiet) as llm, StageDisplay(quiet=quiet) as display:
            loaded = _load(paths, display, strict, quiet)
            loaded, enrich_warnings = _enriched(loaded, settings, enrich or refresh, refresh, display)
            options = rank_options(top_k=top_k, min_score=min_score, drop_off=drop_off, year_from=year_from,
                                   year_to=year_to, include=include, exclude=exclude, cache_dir=settings.cache_dir)
            options.update(_llm_ranking(settings, llm, judge))
            if dry_run:
                _dry_run(loaded, theme, options, llm, plan)
                return
            reading = _fulltext_options(fulltext, pdf_dir, settings)
            result = _draft(loaded, theme, llm, plan, options, _our_work(our_work), min_groups, max_groups, display, reading)
            result = result.model_copy(update={"warnings": enrich_warnings + result.warnings})
        if strict and result.warnings:
            _fail_strictly(result.warnings)
        written = _write(result, chosen_format, out, cite_style, heading.value, template)
        if save_plan is not None:
            from litreview.pipeline import make_plan
            from litreview.plan import save_plan as write_plan

            write_plan(make_plan(result), save_plan)
            written.append(str(save_plan))
        _summary(result, settings, written, time.perf_counter() - started, quiet, enriched=enrich or refresh)


def _llm_ranking(settings: Any, llm: Any, judge: bool) -> dict[str, Any]:
    """With an LLM, rank as `select` does: the embedding_model setting and --judge; --judge needs one."""
    if llm is None:
        if judge:
            from litreview.errors import ConfigError

            raise ConfigError("--judge needs an LLM", where="--judge",
                              hint="configure a model (--model with an API key or --base-url), or drop --judge")
        return {}
    return {"llm": llm, "embeddings": settings.embedding_model, "judge": judge}


def _output_format(fmt: Format | None, out: Path | None) -> str:
    if fmt is not None:
        return fmt.value
    if out is None:
        return "md"
    suffix = out.suffix.lower().lstrip(".")
    known = {"tex": "tex", "md": "md", "markdown": "md", "json": "json"}
    if suffix not in known:
        from litreview.errors import ConfigError

        problem = f"the extension {out.suffix!r}" if out.suffix else "a name without an extension"
        raise ConfigError(f"cannot tell the format from {problem}", where=str(out),
                          hint="use .tex, .md or .json, or pass --format")
    return known[suffix]


def _llm_for(settings: Any, offline: bool, quiet: bool) -> contextlib.AbstractContextManager[Any]:
    """The LLM client when one is configured and --offline is not given; else None, with a notice."""
    if offline:
        return contextlib.nullcontext()
    if settings.model and not settings.llm_configured:
        from litreview.errors import ConfigError

        raise ConfigError(f"model {settings.model!r} is set but there is no API key or server",
                          hint="set OPENAI_API_KEY (or LITREVIEW_API_KEY), or --base-url for a local server, or pass --offline")
    if not settings.llm_configured:
        if not quiet:
            output.print_notice("no LLM configured: using the built-in offline engine (it writes only what the "
                                "abstracts say; set --model to use an LLM)")
        return contextlib.nullcontext()
    from litreview.llm import LLMClient

    return LLMClient(settings, notify=None if quiet else output.print_notice)


def _load(paths: list[str], display: StageDisplay, strict: bool, quiet: bool) -> Any:
    from litreview.cli.corpus_loading import load_reported

    display.stage("reading")
    return load_reported(paths, strict=strict, quiet=quiet)


def _enriched(loaded: Any, settings: Any, enrich: bool, refresh: bool, display: StageDisplay) -> tuple[Any, list[Any]]:
    """With --enrich, the corpus with fetched abstracts; enrichment never stops the draft (its failures are warnings)."""
    if not enrich:
        return loaded, []
    from litreview.cli.enrich_options import lookup_progress
    from litreview.corpus.enrich import enrich as fetch_abstracts
    from litreview.errors import LitreviewError
    from litreview.warning import DraftWarning

    try:
        result = fetch_abstracts(loaded, settings, refresh=refresh, progress=lookup_progress(display))
    except (LitreviewError, OSError) as error:  # e.g. a cache folder that cannot be written
        return loaded, [DraftWarning(stage="enrich", message=f"abstracts were not fetched ({error}); drafting with what the corpus has")]
    warnings = [DraftWarning(stage="enrich", message=f"{source} could not be reached ({reason}); drafting with what was found")
                for source, reason in result.report.failed.items()]
    return result.corpus, warnings


def _fulltext_options(fulltext: bool, pdf_dir: Path | None, settings: Any) -> Any:
    if not fulltext and pdf_dir is None:
        return None
    if pdf_dir is not None and not pdf_dir.is_dir():
        from litreview.errors import ConfigError

        raise ConfigError("there is no such folder", where=str(pdf_dir), hint="give --pdf-dir the folder holding KEY.pdf files")
    from litreview.corpus.fulltext import FulltextOptions

    return FulltextOptions(pdf_dir=pdf_dir, budget=settings.fulltext_tokens)


def _our_work(value: str | None) -> str | None:
    """--our-work is the text itself, or a file holding it."""
    if not value or len(value) >= 4096:
        return value
    kind = path_kind(Path(value))
    if kind is None:  # the abstract itself
        return value
    from litreview.errors import ConfigError

    hint = "give --our-work your abstract as text, or a text file (UTF-8 or UTF-16) holding it"
    if kind == "folder":
        raise ConfigError("this is a folder, not your abstract", where=value, hint=hint)
    try:
        return decoded(Path(value).read_bytes()).strip()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read it as text ({error.__class__.__name__})", where=value, hint=hint) from error


def _draft(loaded: Any, theme: str, llm: Any, plan_path: Path | None, options: dict, our_work: str | None,
           min_groups: int | None, max_groups: int, display: StageDisplay, fulltext: Any) -> Any:
    from litreview.pipeline import draft as make_draft
    from litreview.plan import load_plan

    plan = load_plan(plan_path, set(loaded.keys)) if plan_path is not None else None
    return make_draft(loaded, theme, llm=llm, plan=plan, our_work=our_work, min_groups=min_groups,
                      max_groups=max_groups, select_options=options, progress=display, fulltext=fulltext)


def _dry_run(loaded: Any, theme: str, options: dict, llm: Any, plan_path: Path | None) -> None:
    """What would be drafted (the ranking, or the plan's papers) and how many LLM calls it would take."""
    papers, then = _dry_run_papers(loaded, theme, options, plan_path)
    if llm is None:
        output.stdout.print("Offline engine: no LLM calls would be made.", markup=False)
        return
    from litreview.summarize import summary_request

    cached = sum(llm.has_answer(summary_request(paper)) for paper in papers)
    total = len(papers)
    output.print_line(f"LLM calls: {total} summaries ({total - cached} new, {cached} cached), then {then} "
                      "(cached when unchanged).")


def _dry_run_papers(loaded: Any, theme: str, options: dict, plan_path: Path | None) -> tuple[list[Any], str]:
    if plan_path is not None:
        from litreview.plan import load_plan

        plan = load_plan(plan_path, set(loaded.keys))
        papers = [loaded.get(key) for group in plan.groups for key in group.keys]
        output.print_line(f"Plan {plan_path}: {len(papers)} papers in {len(plan.groups)} sub-themes.")
        return papers, f"no grouping (the plan's) and {len(plan.groups)} paragraphs"
    from litreview.cli.select_cmd import footer, table
    from litreview.select import rank

    selection = rank(loaded, theme, **{**options, "judge": False})  # a dry run pays for no grading
    output.stdout.print(table(selection))
    output.print_line(footer(selection))
    if options.get("judge"):
        output.print_line(f"--judge would first grade these {len(selection.selected)} papers (one call each, "
                          "cached grades free) and may reorder or drop some.")
    return [scored.paper for scored in selection.selected], "1 grouping and one paragraph per sub-theme"


def _write(result: Any, fmt: str, out: Path | None, cite_style: str | None, heading: str,
           template: Path | None) -> list[str]:
    """Write the rendered draft (and its .bib beside it); return the files written."""
    from litreview.rendering import render

    rendered = render(result, fmt, cite_style=cite_style, heading=heading, template=template)
    for note in rendered.notes:
        output.print_notice(f"note: {note}")
    for warning in rendered.warnings:
        output.print_notice(f"warning (render): {warning}")
    if out is None:
        output.write_text(rendered.text)
        return []
    output.write_file(out, rendered.text)
    written = [str(out)]
    if rendered.bib is not None:
        bib = out.with_suffix(".bib")
        output.write_file(bib, _companion_header(out) + rendered.bib)
        written.append(str(bib))
    return written


def _companion_header(out: Path) -> str:
    """The marker line that lets later runs recognise (skip as a corpus, replace) the .bib this run writes."""
    from litreview.resources import COMPANION_BIB_MARKER

    return f"{COMPANION_BIB_MARKER} the entries cited in {out.name}; every run rewrites this file.\n\n"


def _check_outputs(out: Path | None, plan: Path | None, fmt: str, cite_style: str | None, inputs: list[str]) -> None:
    """Before any work (and any paid call): every file can be written, and none replaces a file of the corpus."""
    for path in (out, plan):
        if path is not None and (path.is_dir() or not path.parent.is_dir()):
            from litreview.errors import ConfigError

            problem = "it is a folder" if path.is_dir() else f"there is no folder {str(path.parent)!r}"
            raise ConfigError(f"cannot write the file: {problem}", where=str(path),
                              hint="give the path of a file in an existing folder")
    if plan is not None:
        _refuse_to_overwrite(plan, inputs, "the saved plan")
    if out is None:
        return
    _refuse_to_overwrite(out, inputs, "the output")
    if fmt != "json" and cite_style != "numbered":
        _refuse_to_overwrite(out.with_suffix(".bib"), inputs, "the companion .bib")


def _refuse_to_overwrite(written: Path, inputs: list[str], what: str) -> None:
    hint = ("choose another -o name; the draft's .bib is written next to it with the same stem"
            if what == "the companion .bib" else "write it under another name")
    output.refuse_to_overwrite_input(written, inputs, what, hint)


def _fail_strictly(warnings: list[Any]) -> None:
    from litreview.errors import StrictFailure

    error = StrictFailure(f"the draft degraded in {len(warnings)} places (warnings above) and --strict is set; "
                          "nothing was written", hint="rerun without --strict to get the draft with these warnings "
                          "(the answers are cached), or use a stronger model")
    error.warnings = list(warnings)
    raise error


def _summary(result: Any, settings: Any, written: list[str], seconds: float, quiet: bool, *, enriched: bool) -> None:
    from litreview.pipeline import FRONT_MATTER, NO_ABSTRACT

    thin = [warning.key for warning in result.warnings if warning.message == NO_ABSTRACT]
    front = [warning.key for warning in result.warnings if warning.message == FRONT_MATTER]
    folded = _folded(thin, front)
    for line in folded:
        output.print_notice(f"warning (select): {line}")
    others = [warning for warning in result.warnings if warning.message not in (NO_ABSTRACT, FRONT_MATTER)]
    output.print_warnings(others)
    if quiet:
        return
    usage = result.usage
    lines = [f"{counted(len(result.selection), 'paper')} selected of {result.considered}, "
             f"{counted(len(result.sections), 'sub-theme')}, {len(result.cited_keys())} cited, engine {result.engine}, {seconds:.1f} s"]
    if result.texts:
        lines.append(_texts_line(result.texts))
    if thin:
        fix = ("--enrich found none for them: add them to the corpus, e.g. a Zotero export" if enriched else
               "fetch them with --enrich, or add them to the corpus, e.g. a Zotero export")
        lines.append(f"{len(thin)} of the {counted(len(result.selection), 'selected paper')} "
                     f"{'has' if len(thin) == 1 else 'have'} no abstract: the draft says little about them ({fix})")
    if usage:
        cost = _cost(usage, settings)
        unpaid = usage.get("failed_attempts", 0)
        lines.append(f"LLM: {usage['calls']} new calls, {usage['cached']} cached, {usage['retries']} retries, "
                     + (f"{unpaid} failed attempts (not paid), " if unpaid else "")
                     + f"{usage['prompt_tokens']}+{usage['completion_tokens']} tokens" + (f", ~${cost:.4f}" if cost is not None else ""))
    if written:
        lines.append("wrote " + ", ".join(written))
    if folded or others:  # the lines shown, a folded one counting once ("1 warnings" read wrong)
        lines.append(f"{counted(len(folded) + len(others), 'warning')} (above)")
    output.print_notice("\n".join(lines))


def _folded(thin: list[str], front: list[str]) -> list[str]:
    """One warning line naming all the papers without abstract, one naming all the front matter records (an IEEE or
    Scopus export may hold dozens), not one line each."""
    one = len(thin) == 1
    lines = [f"{counted(len(thin), 'selected paper')} {'has' if one else 'have'} no abstract and {'is' if one else 'are'} "
             f"written from {'its title' if one else 'their titles'} alone: {', '.join(thin)}"] if thin else []
    return lines + ([f"{counted(len(front), 'record')} {'is' if len(front) == 1 else 'are'} a proceedings volume or its "
                     "front matter (a title page, contents or a list of its topics), not a paper to cite: left out (--include "
                     f"KEY to cite one): {', '.join(front)}"] if front else [])


def _texts_line(texts: dict) -> str:
    """`text: 4 abstracts from the corpus, 3 fetched (openalex 2, arxiv 1), 2 with full text, 1 title only`."""
    fetched = texts.get("fetched_abstract", {})
    by_source = ", ".join(f"{name} {count}" for name, count in fetched.items())
    return (f"text: {counted(texts.get('corpus_abstract', 0), 'abstract')} from the corpus, {sum(fetched.values())} fetched"
            + (f" ({by_source})" if by_source else "")
            + f", {texts.get('fulltext', 0)} with full text, {texts.get('title_only', 0)} title only")


def _cost(usage: dict, settings: Any) -> float | None:
    from litreview.llm.usage import Usage

    return Usage.from_dict(usage).cost(settings.prices) if settings.prices else None
