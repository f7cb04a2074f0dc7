"""PubMed's "Abstract (text)" format: what "Save, Format: Abstract (text)" writes (`abstract-<query>-set.txt`) and
E-utilities' `efetch rettype=abstract` prints. Read as a listing, each of its lines had been a paper.

A record opens with its number and source ("2. Science. 2010 Jan 8;327(5962):217-20. doi: ..."), then blocks parted
by blank lines: the title, the authors ("Rosengren AH(1), Jokubka R, ..."), "Author information:" with the
affiliations, notices ("Erratum in", "Comment in" and an indented citation), the abstract (a structured one a block
a section), its copyright line, then "DOI:", "PMCID:" and "PMID:", which ends it.
"""

from __future__ import annotations

import re

from litreview.corpus.paper import Origin, Paper
from litreview.corpus.readers import FileRecords
from litreview.corpus.readers.fields import doi_from, last_first, prose_text, split_keywords, year_from

_OPENS = re.compile(r"^(\d+)\.\s+\S")  # "12. Nat Med. 2020 ..."
_ENDS = re.compile(r"^PMID:\s*(\d+)", re.MULTILINE)
_LOOKS_LIKE = re.compile(r"^\ufeff?\s*1\.\s+\S.*\n\s*\n.*?^PMID:\s*\d+", re.MULTILINE | re.DOTALL)
# Blocks that are no part of the abstract: notices of other records, rights, identifiers
_NOTICE = re.compile(r"^(?:(?:Erratum|Comment|Update|Retraction|Republished|Corrected and republished|Expression of "
                     r"concern|Summary for patients|Retracted and republished|Reprint|Dataset use reported)\s+(?:in|of|on|"
                     r"from)\b|Author information:|Collaborators:|Conflict of interest statement:|Copyright\b|©|\(C\)|"
                     r"(?:DOI|PMCID|PMID|NIHMSID|Trial Registration|Keywords):)", re.IGNORECASE)
_IDENTIFIER = re.compile(r"^(DOI|PMID|Keywords):\s*(.*)$")
_AFFILIATION_MARK = re.compile(r"\(\d+\)")
_NAME = re.compile(r"^[^\d,;:()]{2,60}$")  # "Rosengren AH", "Al-Qassab H", "de Andrés F"


def looks_like_pubmed_text(text: str) -> bool:
    """Whether `text` is PubMed's Abstract (text) format: it opens with "1. " and a record ends on "PMID:"."""
    return bool(_LOOKS_LIKE.match(text[:20000]))


def read(text: str, path: str) -> FileRecords:
    """Every record, in file order, each pointing at the line of its number."""
    lines = text.lstrip("\ufeff").split("\n")
    starts = [n for n, line in enumerate(lines) if _OPENS.match(line) and (n == 0 or not lines[n - 1].strip())]
    papers = [_paper(lines[start:end], path, start + 1)
              for start, end in zip(starts, [*starts[1:], len(lines)]) if _ENDS.search("\n".join(lines[start:end]))]
    return FileRecords(path=path, format="pubmed-text", papers=papers)


def _blocks(lines: list[str]) -> list[str]:
    """The record's blocks (parted by blank lines), each with its lines joined."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [" ".join(block) for block in blocks if block]


def _paper(lines: list[str], path: str, line: int) -> Paper:
    """The paper of one record's lines."""
    blocks = _blocks(lines)
    source = _OPENS.sub(lambda opened: opened[0][-1], blocks[0], count=1)
    title, rest = (blocks[1], blocks[2:]) if len(blocks) > 1 else (None, [])
    authors = _authors(rest[0]) if rest else None
    rest = rest[1:] if authors is not None else rest
    said = {match.group(1): match.group(2).strip() for line in lines
            for match in [_IDENTIFIER.match(line)] if match}  # one a line, in a block of their own
    abstract = " ".join(block for block in rest if not _NOTICE.match(block))
    pmid = re.match(r"\d+", said.get("PMID", ""))
    return Paper(
        title=prose_text(title),
        abstract=prose_text(abstract or None),
        authors=tuple(authors or ()),
        year=year_from(source),
        venue=source.split(". ", 1)[0].strip(" .") or None,
        doi=doi_from(said.get("DOI")) or doi_from(next(iter(re.findall(r"doi:\s*(\S+?)\.?(?:\s|$)", source)), None)),
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid[0]}/" if pmid else None,
        keywords=tuple(split_keywords(said.get("Keywords", "").rstrip("."))),
        entry_type="article",
        origins=(Origin(path=path, line=line),),
    )


def _authors(block: str) -> list[str] | None:
    """The names of an authors block ("Rosengren AH(1), Jokubka R, ... Renström E."), None for any other block."""
    names = [name.strip() for name in _AFFILIATION_MARK.sub("", block).rstrip(".").split(",")]
    if _NOTICE.match(block) or not all(_NAME.match(name) and len(name.split()) <= 6 for name in names):
        return None
    return [last_first(name, vancouver=True) for name in names]
