"""Property-based fuzzing: real-looking records, mutated the way files get damaged (byte flips, truncation, a lost
brace or quote, deep nesting, huge fields, NUL/BOM/CR, invalid UTF-8), never make a reader, the corpus or the
text routines raise anything but litreview's own errors.

Bounded (a few dozen examples per reader, fields up to ~200 KB) so that the suite stays fast; the timing of
1 MB fields is measured by bench/corpus.py --huge-fields, not here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from litreview.corpus import build_corpus
from litreview.corpus.bibexport import to_bibtex
from litreview.corpus.latex import LatexDecodingError, latex_to_text, plain_latex_text, text_to_latex
from litreview.corpus.method_names import method_name
from litreview.corpus.readers import decode, read_text
from litreview.errors import LitreviewError

DATA = Path(__file__).parent / "data"
LISTING = ("Sparse Adapters for Speech Recognition\nWe prune adapter weights and keep accuracy on four speech "
           "benchmarks. We propose SpAdapt, a method that learns which weights to keep.\n\nA Title Without Abstract\n")
SEEDS = {
    ".bib": (DATA / "better_bibtex.bib").read_bytes(),
    ".json": (DATA / "zotero.json").read_bytes(),
    ".ris": (DATA / "zotero.ris").read_bytes(),
    ".jsonl": (DATA / "papers.jsonl").read_bytes(),
    ".txt": LISTING.encode(),
    ".ciw": (DATA / "wos_savedrecs.txt").read_bytes(),
    ".csv": (DATA / "scopus.csv").read_bytes(),
    ".xml": (DATA / "endnote.xml").read_bytes(),
    "pubmed.xml": (DATA / "pubmed.xml").read_bytes(),  # a second seed of one extension: named, not only a suffix
    ".enw": (DATA / "endnote.enw").read_bytes(),
}
HUGE = [b"A" * 200_000, b"\\a[" * 60_000, b"{" * 3_000 + b"x" + b"}" * 3_000, b"$" + b"{" * 250 + b"$",
        b"[" * 1_000 + b"]" * 1_000, b"9" * 4_400, b"We propose " + b"A" * 40_000 + b" B"]
SPECIAL = [b"\x00", b"\xef\xbb\xbf", b"\r", b"\r\n", b"\xff\xfe", b"\xc3", b"\\", b"@", b"{", b"}", b'"', b"#",
           b"%", b"=", b",", b"\n@article{", b"TY  - ", b"ER  - ", b'{"title": ', b"<record>", b"</style>", b"&#x0;"]


@st.composite
def damaged(draw, seed: bytes) -> bytes:
    """`seed` with one to three kinds of damage applied."""
    data = seed
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["flip", "truncate", "delete", "insert", "huge"]))
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
        elif kind == "truncate":
            data = data[:at]
        elif kind == "delete":
            delimiters = [i for i, byte in enumerate(data) if byte in b'{}"[],']
            if delimiters:
                index = draw(st.sampled_from(delimiters))
                data = data[:index] + data[index + 1:]
        elif kind == "insert":
            data = data[:at] + draw(st.sampled_from(SPECIAL)) + data[at:]
        else:
            data = data[:at] + draw(st.sampled_from(HUGE)) + data[at:]
    return data


def read_all_the_way(data: bytes, seed: str) -> None:
    """Decode, read, merge, key and export: only litreview's errors may come out."""
    suffix = Path(f"fuzz{seed}").suffix
    try:
        text, _ = decode(data, f"fuzz{suffix}")
        records = read_text(text, f"fuzz{suffix}", fmt=suffix)
        corpus = build_corpus([records])
        to_bibtex(corpus.papers)
    except LitreviewError:
        pass


@pytest.mark.parametrize("suffix", sorted(SEEDS))
def test_damaged_files_give_only_litreview_errors(suffix):
    @settings(max_examples=int(__import__("os").environ.get("FUZZ_EXAMPLES", 30)), deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(damaged(SEEDS[suffix]))
    def check(data: bytes) -> None:
        read_all_the_way(data, suffix)

    check()


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(st.sampled_from([*"\\{}[]()$^_&%#~ aZ\u00e9\u200b", "\\(", "\\)", "\\mbox", "\\verb|", "\\href",
                                 "\\textcolor", "\\sqrt", "\\title", "\\'", "\\\"", "--"]), max_size=120).map("".join))
def test_latex_decoding_raises_only_its_own_error_and_the_fallback_never(value):
    try:
        latex_to_text(value)
    except LatexDecodingError:
        pass
    plain_latex_text(value)
    text_to_latex(value)


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(max_size=400))
def test_method_names_never_fail(text):
    method_name(text, text)
