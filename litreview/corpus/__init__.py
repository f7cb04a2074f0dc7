"""The corpus: every paper read once, duplicates merged, each with a unique citation key."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel

from litreview.corpus.dedupe import find_duplicates
from litreview.corpus.gcpause import cyclic_gc_paused
from litreview.corpus.keys import assign_keys
from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords, Skipped, read_paths
from litreview.corpus.recorded_sources import with_recorded_sources
from litreview.errors import CorpusError


class Merge(BaseModel):
    """One record folded into another paper, and why."""

    key: str
    origin: Origin
    reason: str


class FileSummary(BaseModel):
    """Per input file: records read, how many were duplicates, and which fields were missing."""

    path: str
    format: str
    records: int
    duplicates: int = 0
    missing_title: int = 0
    missing_abstract: int = 0
    missing_year: int = 0


class Corpus(BaseModel):
    """Deduplicated papers in input order, with what was merged or skipped and why."""

    papers: list[Paper]
    files: list[FileSummary]
    merges: list[Merge] = []
    skipped: list[Skipped] = []
    aliases: dict[str, str] = {}

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
        return Corpus(papers=papers, files=self.files, merges=self.merges, skipped=self.skipped, aliases=self.aliases)

    @property
    def keys(self) -> list[str]:
        return [paper.key for paper in self.papers if paper.key]


def load_corpus(paths: Iterable[str | Path]) -> Corpus:
    """Read files and directories (`-` is stdin) into one deduplicated, keyed corpus."""
    paths = list(paths)
    if not paths:
        raise CorpusError("corpus", None, "no input given", hint="pass .bib, .ris, .json, .jsonl or .txt files or a directory")
    with cyclic_gc_paused():
        corpus = build_corpus(read_paths(paths))
    if not corpus.papers:
        raise CorpusError(", ".join(map(str, paths)), None, "no papers found",
                          hint="check that the files hold entries in a supported format")
    return corpus


def build_corpus(files: Sequence[FileRecords]) -> Corpus:
    """Merge duplicates across `files` and give every paper a key."""
    # Readers return records in line order, so ordering the files orders the records by origin;
    # the groups come back ordered by their first record, so papers stay in first-seen order.
    records = [paper for f in sorted(files, key=lambda f: f.path) for paper in f.papers]
    groups, reasons = find_duplicates(records)
    merged = assign_keys([merge_records([records[i] for i in group]) for group in groups])
    merges, aliases = _merges_and_aliases(records, groups, reasons, merged)
    return Corpus(
        papers=merged,
        files=_summaries(files, merges),
        merges=merges,
        skipped=[s for f in files for s in f.skipped],
        aliases=aliases,
    )


def merge_records(records: list[Paper]) -> Paper:
    """One paper from its duplicate records: the richest value of each field and every origin."""
    if len(records) == 1:
        return records[0]
    ranked = sorted(records, key=lambda p: (-_richness(p), p.origin.path, p.origin.line))
    fields = {name: next((getattr(p, name) for p in ranked if getattr(p, name)), None) for name in _FIELDS}
    keyed = next((p for p in ranked if p.key), None)
    return ranked[0].model_copy(update={
        **{name: value for name, value in fields.items() if value},
        "abstract": max((p.abstract or "" for p in records), key=len) or None,
        "key": keyed.key if keyed else None,
        "bibtex": keyed.bibtex if keyed else fields["bibtex"],
        "origins": tuple(sorted({o for p in records for o in p.origins}, key=lambda o: (o.path, o.line))),
    })


_FIELDS = ("title", "authors", "year", "venue", "doi", "arxiv", "url", "keywords", "bibtex")


def _richness(paper: Paper) -> int:
    return sum(bool(getattr(paper, name)) for name in (*_FIELDS, "abstract", "key"))


def _merges_and_aliases(records: list[Paper], groups: list[list[int]], reasons: dict[int, str],
                        merged: list[Paper]) -> tuple[list[Merge], dict[str, str]]:
    merges: list[Merge] = []
    aliases: dict[str, str] = {}
    for group, paper in zip(groups, merged):
        for index in group[1:]:
            merges.append(Merge(key=paper.key, origin=records[index].origin, reason=reasons[index]))
        for index in group:
            if records[index].key and records[index].key != paper.key:
                aliases[records[index].key] = paper.key
    return merges, aliases


def _summaries(files: Sequence[FileRecords], merges: list[Merge]) -> list[FileSummary]:
    # One count of merges per file, not one pass over every merge per file (a folder of many files).
    duplicates = Counter(merge.origin.path for merge in merges)
    return [_summarise(f, duplicates[f.path]) for f in files]


def _summarise(records: FileRecords, duplicates: int) -> FileSummary:
    papers = records.papers
    return FileSummary(
        path=records.path,
        format=records.format,
        records=len(records.papers),
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
        "merges": [{"key": m.key, "origin": str(m.origin), "reason": m.reason} for m in corpus.merges],
        "skipped": [{"origin": str(s.origin), "reason": s.reason} for s in corpus.skipped],
    }
