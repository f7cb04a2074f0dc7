"""Which blocks of a parsed .bib can be read, as BibTeX and biber decide: an entry bibtexparser gave up on is
repaired where its only fault is an unbalanced value or a missing closing brace, else reported and skipped."""

from __future__ import annotations

import re

import bibtexparser
from bibtexparser import model

from litreview.corpus.paper import Origin
from litreview.corpus.readers import Problem
from litreview.corpus.readers.bibrepair import repair_entry
from litreview.errors import CorpusError

# An entry's head: its type, its key (up to a space or comma) and the character after it.
ENTRY_HEAD = re.compile(r"@\s*(\w+)\s*[{(]\s*([^\s,{}()=\"#%]*)\s*(.?)", re.DOTALL)
_FIELD_ASSIGNMENT = re.compile(r"^\s*,?\s*[A-Za-z][\w:-]*\s*=\s*\S")


def readable_blocks(blocks: list[model.Block], path: str, problems: list[Problem]) -> list[model.Block]:
    """The blocks with each entry bibtexparser could not read repaired where possible, else reported.

    An entry closed early by an extra `}` comes back as the entry plus a comment holding its last fields;
    the two are joined and repaired. Entries flagged only for a duplicate key or field are kept as they are.
    """
    readable: list[model.Block] = []
    for index, block in enumerate(blocks):
        entry = _entry_block(block)
        if type(block) is model.ParsingFailedBlock:
            _keep_repaired(readable, block.raw or "", _failed_block_error(block, path), problems)
        elif isinstance(block, model.ImplicitComment) and _closed_early(blocks, index):
            continue  # already joined to the entry before it
        elif entry is None:
            readable.append(block)
        elif not entry.key:
            skip(_no_key_error(entry.raw or "", block_line(entry), path), problems)
        elif index + 1 < len(blocks) and _closed_early(blocks, index + 1):
            error = CorpusError(path, block_line(entry), f"entry {entry.key!r} has unbalanced braces: a }} closes it "
                                "before its last fields", hint="remove the extra }")
            _keep_repaired(readable, (entry.raw or "") + blocks[index + 1].comment, error, problems)
        else:
            readable.append(entry)
    return readable


def _keep_repaired(readable: list[model.Block], raw: str, error: CorpusError, problems: list[Problem]) -> None:
    """Keep the mended entry of `raw` (reporting the repair), or report `error` and skip it."""
    repaired = _repaired(raw, error.line_number or 1, error.path, problems)
    if repaired is None:
        skip(error, problems)
    else:
        readable.append(repaired)


def _closed_early(blocks: list[model.Block], index: int) -> bool:
    """Whether block `index` is the fields left over after an extra `}` closed the entry before it."""
    block = blocks[index]
    return (index > 0 and isinstance(block, model.ImplicitComment) and _entry_block(blocks[index - 1]) is not None
            and bool(_FIELD_ASSIGNMENT.match(block.comment)))


def skip(error: CorpusError, problems: list[Problem]) -> None:
    """Report an entry that is left out."""
    origin = Origin(path=error.path, line=error.line_number or 1)
    problems.append(Problem(origin=origin, message=error.message, outcome="entry skipped",
                            hint=error.hint or ""))


def _repaired(raw: str, line: int, path: str, problems: list[Problem]) -> model.Entry | None:
    """The entry of `raw` with unbalanced values and a missing closing brace mended, or None when it is not
    an entry whose fields can be told apart (then it is skipped, as BibTeX would)."""
    mended = repair_entry(raw)
    if mended is None:
        return None
    text, mended_fields, unended_fields = mended
    library = bibtexparser.parse_string(text, parse_stack=[])
    if len(library.blocks) != 1 or type(library.blocks[0]) is not model.Entry or not library.blocks[0].key:
        return None
    parsed = library.blocks[0]
    # The same entry with the lines of the file, not of the mended text.
    fields = [model.Field(f.key, f.value, start_line=(f.start_line or 0) + line - 1) for f in parsed.fields]
    entry = model.Entry(parsed.entry_type, parsed.key, fields, start_line=line - 1, raw=parsed.raw)
    problems.append(_repair_problem(entry.key, mended_fields, unended_fields, Origin(path=path, line=line)))
    return entry


def repaired_entry(block: model.Entry, path: str, problems: list[Problem]) -> model.Entry | None:
    """`block` read again with its faults mended (`bibrepair`), when one of its values swallowed the next field for
    want of a comma ("isbn = {3503-2691}⏎ doi = {...}"); None when it cannot be."""
    return _repaired(block.raw or "", block_line(block), path, problems)


def _repair_problem(key: str, mended_fields: list[str], unended_fields: list[str], origin: Origin) -> Problem:
    """What was mended in entry `key`: values with unbalanced braces or quotes, a missing comma, or its missing end."""
    if unended_fields and not mended_fields:
        names = ", ".join(repr(name) for name in unended_fields)
        fields = "field" if len(unended_fields) == 1 else "fields"
        return Problem(origin=origin, skipped=False, message=f"entry {key!r} has no comma after {fields} {names}",
                       outcome="read with the comma added (a draft's .bib gets the repaired entry)",
                       hint="end every field but the last with a comma in your file")
    if not mended_fields:
        return Problem(origin=origin, skipped=False, message=f"entry {key!r} is not closed before the next entry",
                       outcome="read up to there", hint="add the } that closes the entry")
    names = ", ".join(repr(name) for name in mended_fields)
    return Problem(origin=origin, skipped=False,
                   message=f"entry {key!r} has unbalanced braces or quotes in field {names}",
                   outcome="read with them balanced (a draft's .bib gets the repaired entry)",
                   hint="close every { with } and every \" with \" in your file")


def _entry_block(block: model.Block) -> model.Entry | None:
    """The entry a block holds, also when bibtexparser flagged it (duplicate key or field)."""
    if isinstance(block, model.ParsingFailedBlock):
        block = block.ignore_error_block
    return block if isinstance(block, model.Entry) else None


def _failed_block_error(block: model.ParsingFailedBlock, path: str) -> CorpusError:
    """The one-line error for a block bibtexparser gave up on, by what went wrong."""
    raw = block.raw or ""
    reason = getattr(block.error, "abort_reason", str(block.error))
    head = ENTRY_HEAD.match(raw)
    kind, key, after_key = head.groups() if head else ("entry", "", "")
    line = block_line(block)
    if kind.lower() == "string":
        return CorpusError(path, line, f"@string definition cannot be read ({reason})",
                           hint="write it as @string{name = {value}}")
    if reason.startswith("Expected comma after entry key"):
        if not key or after_key == "=":
            return _no_key_error(raw, line, path)
        return CorpusError(path, line, f"entry {key!r} has no comma after its key",
                           hint=f"write '@{kind}{{{key},'")
    if "end of file" in reason or "Unexpected block start" in reason:
        return _unclosed_error(raw, key, line, path)
    return CorpusError(path, line, f"entry {key!r} cannot be read ({reason})", hint="fix the syntax of this entry")


def _unclosed_error(raw: str, key: str, line: int, path: str) -> CorpusError:
    """An entry that runs into the next one or the end of the file: braces, or else a quote."""
    name = f"entry {key!r}" if key else "entry"
    if raw.count("{") == raw.count("}") and raw.count('"') % 2 == 1:
        return CorpusError(path, line, f'{name} has an unclosed " in a value',
                           hint='close every value that opens with "; write {"} for a literal quote')
    return CorpusError(path, line, f"{name} has unbalanced braces", hint="close every { with }")


def _no_key_error(raw: str, line: int, path: str) -> CorpusError:
    """The error for an entry that starts with fields instead of a citation key."""
    head = ENTRY_HEAD.match(raw)
    kind = head.group(1) if head else "article"
    return CorpusError(path, line, "entry without a citation key", hint=f"add a key after '@{kind}{{'")


def raise_unless_bibtex(blocks: list[model.Block], path: str) -> None:
    """A file without entries is fine when empty or all comments, an error when it holds other text."""
    for block in blocks:
        if not isinstance(block, model.ImplicitComment):
            return
        text_lines = [line for line in block.comment.splitlines() if line.strip()]
        if any(not line.lstrip().startswith("%") for line in text_lines):
            raise CorpusError(path, 1, "no BibTeX entries found",
                              hint="a .bib file holds entries like @article{key, title = {...}}; "
                                   "check that this is the file you meant")


def block_line(block: model.Block) -> int:
    """The 1-based line where a block starts (bibtexparser counts from 0)."""
    return (block.start_line or 0) + 1
