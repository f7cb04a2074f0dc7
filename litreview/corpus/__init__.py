"""The corpus: every paper read once, duplicates merged, each with a unique citation key."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel

from litreview.corpus.database_notes import without_database_notes
from litreview.corpus.dedupe import Duplicates, find_duplicates
from litreview.corpus.gcpause import cyclic_gc_paused
from litreview.corpus.keys import assign_keys
from litreview.corpus.mojibake import without_mojibake
from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FORMATS, FileRecords, Problem, Skipped, read_paths
from litreview.corpus.recorded_sources import with_recorded_sources
from litreview.errors import CorpusError


class Merge(BaseModel):
    """One record folded into another paper, and why: both records named by place and key."""

    key: str  # the key the merged paper is cited by
    origin: Origin  # the record that was folded in
    record_key: str | None = None
    into: Origin | None = None  # the record it matched
    into_key: str | None = None
    reason: str

    def line(self) -> str:
        """`merged FILE:LINE (key a) into FILE:LINE (key b), cited as b: same DOI`."""
        into = f" into {self.into}{_keyed(self.into_key)}" if self.into else ""
        return f"merged {self.origin}{_keyed(self.record_key)}{into}, cited as {self.key}: {self.reason}"


class LookAlike(BaseModel):
    """Two papers of one title and authors that their identifiers keep apart (a preprint's DOI and its article's):
    both are kept and cited as they are; the researcher knows whether they are one work."""

    key: str
    origin: Origin
    other_key: str
    other_origin: Origin
    differ: str  # what tells them apart: "DOIs 10.1/a and 10.1/b"

    def line(self) -> str:
        """`FILE:LINE (a) and FILE:LINE (b) have one title and authors but DOIs x and y: ...`."""
        return (f"{self.origin} ({self.key}) and {self.other_origin} ({self.other_key}) have one title and authors but "
                f"{self.differ}: both kept; if they are one work (a preprint and its article), delete one, or the "
                "draft may cite it twice")


def _keyed(key: str | None) -> str:
    return f" ({key})" if key else ""


class FileSummary(BaseModel):
    """Per input file: records read, skipped and merged, and how many papers miss a title, abstract or year."""

    path: str
    format: str
    records: int
    skipped: int = 0
    duplicates: int = 0
    missing_title: int = 0
    missing_abstract: int = 0
    missing_year: int = 0


class Corpus(BaseModel):
    """Deduplicated papers in input order, with what was merged, skipped or read with a problem, and why."""

    papers: list[Paper]
    files: list[FileSummary]
    merges: list[Merge] = []
    skipped: list[Skipped] = []
    problems: list[Problem] = []
    aliases: dict[str, str] = {}
    look_alikes: list[LookAlike] = []

    def model_post_init(self, context: object) -> None:
        self._by_key = {paper.key: paper for paper in self.papers}

    @property
    def duplicates(self) -> int:
        """Records that were merged into another paper."""
        return len(self.merges)

    def get(self, key: str) -> Paper | None:
        """The paper cited as `key` (also through a merged duplicate's key)."""
        return self._by_key.get(self.aliases.get(key, key))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return len(self.papers)

    def with_papers(self, papers: list[Paper]) -> Corpus:
        """The same corpus with `papers` (the same papers, e.g. enriched) in place of its own."""
        return Corpus(papers=papers, files=self.files, merges=self.merges, skipped=self.skipped,
                      problems=self.problems, aliases=self.aliases, look_alikes=self.look_alikes)

    @property
    def keys(self) -> list[str]:
        return [paper.key for paper in self.papers if paper.key]


def load_corpus(paths: str | Path | Iterable[str | Path], *, strict: bool = False) -> Corpus:
    """Read files and directories (`-` is stdin), or one of them, into one deduplicated, keyed corpus.

    A record that cannot be read is skipped and listed in `Corpus.problems`, as BibTeX and biber skip it;
    `strict` raises the first such problem as a `CorpusError` instead.
    """
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)  # not "papers.bib" read as "p", "a", ..., "."
    if not paths:
        *others, last = sorted(FORMATS)
        raise CorpusError("corpus", None, "no input given", hint=f"pass {', '.join(others)} or {last} files or a directory")
    with cyclic_gc_paused():
        corpus = build_corpus(read_paths(paths, strict=strict))
    if strict and corpus.problems:
        raise corpus.problems[0].error()
    if not corpus.papers:
        raise CorpusError(", ".join(map(str, paths)), None, "no papers found",
                          hint="check that the files hold entries in a supported format")
    return corpus


# Whose key a merged paper is cited by: the user's BibTeX/biblatex file first, then a CSL-JSON export's key,
# then the others (a JSONL key, a RIS record id); among equals, the first record read.
_KEY_PRIORITY = {"bibtex": 0, "csl-json": 1, "jsonl": 2, "ris": 3}


def build_corpus(files: Sequence[FileRecords]) -> Corpus:
    """Merge duplicates across `files` (first file first) and give every paper a key."""
    records = [without_database_notes(without_mojibake(paper)) for f in files for paper in f.papers]
    priority = [_KEY_PRIORITY.get(f.format, 4) for f in files for _ in f.papers]
    found = find_duplicates(records)
    merged = assign_keys([merge_records([records[i] for i in group], [priority[i] for i in group])
                          for group in found.groups])
    merges, aliases = _merges_and_aliases(records, found, merged)
    problems = [problem for f in files for problem in f.problems] + _dropped_keys(records, found.dropped)
    return Corpus(
        papers=merged,
        files=_summaries(files, merges, problems),
        merges=merges,
        skipped=[s for f in files for s in f.skipped],
        problems=problems,
        aliases=aliases,
        look_alikes=_look_alikes(found, merged),
    )


def merge_records(records: list[Paper], priority: Sequence[int] = ()) -> Paper:
    """One paper from its duplicate records: the richest value of each field, every origin, and the key
    (with its entry text) of the record first in `priority` (lower first; default: the order given)."""
    if len(records) == 1:
        return records[0]
    ranked = sorted(records, key=lambda p: (-_richness(p), p.origin.path, p.origin.line))
    fields = {name: next((getattr(p, name) for p in ranked if getattr(p, name)), None) for name in _FIELDS}
    order = list(priority) or [0] * len(records)
    keyed_at = min((i for i, p in enumerate(records) if p.key), key=order.__getitem__, default=None)
    keyed = records[keyed_at] if keyed_at is not None else None
    return ranked[0].model_copy(update={
        **{name: value for name, value in fields.items() if value},
        "abstract": max((p.abstract or "" for p in records), key=len) or None,
        "doi": _whole_doi(records, fields["doi"]),
        "key": keyed.key if keyed else None,
        "bibtex": keyed.bibtex if keyed else fields["bibtex"],
        "entry_type": keyed.entry_type if keyed else ranked[0].entry_type,
        "origins": tuple(o for p in records for o in p.origins),
    })


_FIELDS = ("title", "authors", "year", "venue", "doi", "arxiv", "isbn", "url", "keywords", "bibtex")


def _whole_doi(records: list[Paper], doi: str | None) -> str | None:
    """`doi`, or the longest DOI of `records` it opens: an export cut it short, and the records merged (`dedupe`)."""
    if not doi:
        return doi
    return max((p.doi for p in records if p.doi and p.doi.casefold().startswith(doi.casefold())), key=len, default=doi)


def _richness(paper: Paper) -> int:
    return sum(bool(getattr(paper, name)) for name in (*_FIELDS, "abstract", "key"))


def _merges_and_aliases(records: list[Paper], found: Duplicates, merged: list[Paper]) -> tuple[list[Merge], dict[str, str]]:
    merges: list[Merge] = []
    aliases: dict[str, str] = {}
    for group, paper in zip(found.groups, merged):
        for index in group[1:]:
            reason, partner = found.reasons[index]
            merges.append(Merge(key=paper.key, origin=records[index].origin, record_key=records[index].key,
                                into=records[partner].origin, into_key=records[partner].key, reason=reason))
        for index in group:
            if records[index].key and records[index].key != paper.key:
                aliases[records[index].key] = paper.key
    return merges, aliases


def _look_alikes(found: Duplicates, merged: list[Paper]) -> list[LookAlike]:
    """The merged papers whose records `found` kept apart by their identifiers alone."""
    paper_of = {index: paper for group, paper in zip(found.groups, merged) for index in group}
    pairs = [(paper_of[a], paper_of[b]) for a, b in found.kept_apart if a in paper_of and b in paper_of]
    return [LookAlike(key=a.key or "", origin=a.origin, other_key=b.key or "", other_origin=b.origin,
                      differ=_telling_apart(a, b)) for a, b in pairs]


def _telling_apart(a: Paper, b: Paper) -> str:
    """The first identifier both papers give, differently: "DOIs x and y" (or arXiv ids, ISBNs)."""
    for name, said in (("doi", "DOIs"), ("arxiv", "arXiv ids"), ("isbn", "ISBNs")):
        if getattr(a, name) and getattr(b, name) and getattr(a, name) != getattr(b, name):
            return f"{said} {getattr(a, name)} and {getattr(b, name)}"
    return "different identifiers"


def _dropped_keys(records: list[Paper], dropped: dict[int, int]) -> list[Problem]:
    """A problem for each record skipped because an earlier, different record holds its key."""
    return [Problem(origin=records[index].origin,
                    message=f"duplicate key {records[index].key!r} with different content (first at "
                            f"{records[first].origin})", outcome="entry skipped, as BibTeX keeps the first",
                    hint="rename one of the two keys or delete the duplicate entry")
            for index, first in sorted(dropped.items())]


def _summaries(files: Sequence[FileRecords], merges: list[Merge], problems: list[Problem]) -> list[FileSummary]:
    # One count per file, not one pass over every merge per file (a folder of many files).
    duplicates = Counter(merge.origin.path for merge in merges)
    skipped = Counter(problem.origin.path for problem in problems if problem.skipped)
    return [_summarise(f, duplicates[f.path], skipped[f.path]) for f in files]


def _summarise(records: FileRecords, duplicates: int, skipped: int) -> FileSummary:
    papers = records.papers
    return FileSummary(
        path=records.path,
        format=records.format,
        records=len(records.papers),
        skipped=skipped,
        duplicates=duplicates,
        missing_title=sum(1 for paper in papers if not paper.title),
        missing_abstract=sum(1 for paper in papers if not paper.abstract),
        missing_year=sum(1 for paper in papers if paper.year is None),
    )


def corpus_to_dict(corpus: Corpus) -> dict:
    """The `litreview corpus --json` document: papers, files, duplicates (a contract for scripts)."""
    return {
        "papers": [
            {
                "key": p.key, "title": p.title, "abstract": p.abstract, "authors": list(p.authors),
                "year": p.year, "venue": p.venue, "doi": p.doi, "arxiv": p.arxiv, "url": p.url,
                "origins": [str(o) for o in p.origins],
                "provenance": [s.model_dump() for s in p.provenance],  # fields fetched by `litreview enrich`
            }
            for p in with_recorded_sources(corpus.papers)  # an enriched .bib says where its abstracts came from
        ],
        "files": [f.model_dump() for f in corpus.files],
        "duplicates": corpus.duplicates,
        "merges": [{"key": m.key, "origin": str(m.origin), "record_key": m.record_key,
                    "into": str(m.into) if m.into else None, "into_key": m.into_key, "reason": m.reason}
                   for m in corpus.merges],
        "skipped": [{"origin": str(s.origin), "reason": s.reason} for s in corpus.skipped],
        "problems": [{"origin": str(p.origin), "message": p.message, "hint": p.hint, "skipped": p.skipped}
                     for p in corpus.problems],
        "look_alikes": [{"key": a.key, "origin": str(a.origin), "other_key": a.other_key,
                         "other_origin": str(a.other_origin), "differ": a.differ}
                        for a in corpus.look_alikes],
    }
