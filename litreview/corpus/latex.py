"""LaTeX <-> plain text for bibliography fields: decode `.bib` values, escape text for LaTeX output.

Decoding goes through pylatexenc, which costs milliseconds on a long string, so it only ever
sees the short islands of a value that hold LaTeX (a macro with its arguments, or math); the
text around them takes a cheap path (drop grouping braces), and so does a value without `\\`
or `$`. A bounded cache serves the islands that repeat across a bibliography, such as accents.

Every step is linear in the value: an island is looked for within a bounded window, so an unclosed
`\\a[` repeated over 300 KB costs no rescans. Math keeps its meaning (`\\({}^{\\mbox{k}}\\)` -> `^k`,
`$\\Sigma\\Delta$` -> `ΣΔ`). What pylatexenc cannot read raises `LatexDecodingError`; the caller then
takes `plain_latex_text`, which never fails.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from anyascii import anyascii
from pylatexenc import latex2text, latexencode

from litreview.text import SUPERSCRIPTS

# A `~` that is not the accent `\~`: a non-breaking space, i.e. a space for search and prompts.
_TIE = re.compile(r"(?<!\\)~")
_CONTROL_SPACE = re.compile(r"(?<!\\)\\(?= )")
# The parts of a value that need a LaTeX parser: math, a control symbol with its argument
# (`\"{u}`, `\'e`, `\&`), a control word with its optional and braced arguments (two levels).
_BRACED = r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"
_LATEX_ISLAND = re.compile(
    r"\$\$[^$]*\$\$|\$[^$]*\$|\\\(.*?\\\)|\\\[.*?\\\]"
    r"|\\[^a-zA-Z\s](?:\{[^{}]*\}|\\[a-zA-Z]+|[a-zA-Z])?"
    rf"|\\[a-zA-Z]+\*?(?:\s*\[[^\]]*\])*(?:\s*{_BRACED})*"
)
# Escaped characters that stand for themselves (`\%` -> %).
_ESCAPED_CHARS = "%&_#${}"
# A bare `%` or `&` in a field value is a typo for text, not a LaTeX comment or alignment tab.
_BARE_SPECIAL = re.compile(r"(?<!\\)([%&])")
_TYPOGRAPHIC = (("---", "\u2014"), ("--", "\u2013"), ("``", "\u201c"), ("''", "\u201d"))
# TeX's single quotes, "the `heel bone' in" -> "the ‘heel bone’ in"; not a backtick escaped as "`{}`"
_SINGLE_QUOTED = re.compile(r"(?<![`}])`([^`'\n]{1,80})'(?!['{])")
_TEXT_SUPERSCRIPT = re.compile(r"\\textsuperscript\s*\{\s*([\d-]{1,4})\s*\}")  # Zotero's "10\textsuperscript{7}"
_DEGREES = re.compile(r"\^\{?\u2218\}?")  # "30$^\circ$" read as "30^∘"
# What LaTeX would not typeset literally: special ASCII characters, the first character of a
# ligature (`--` is a dash, ``` `` ``` a quote), and runs of non-ASCII characters.
_LATEX_SPECIAL = re.compile(r"[\\{}%&#_$~^<>]|-(?=-)|'(?=')|`(?=`)|[?!](?=`)|[^\x00-\x7f]+")
_LIGATURE_STARTS = "-'`?!"
_SHORT = 120  # values up to this length (names, venues, most titles) are cached
_ISLAND_WINDOW = 400  # the longest island looked for: a macro's arguments or a formula longer than this read plainly
# Text-mode wrappers inside math (`\mbox{k}`) and grouping `{}`: pylatexenc drops their content, we keep it.
_MATH_TEXT = re.compile(r"\\(?:mbox|text[a-z]*|math(?:rm|it|bf|sf|tt|normal)|operatorname|hbox)\s*\{([^{}]*)\}")
# A font switch inside a group ("z_{\rm spec}", ADS's way with subscripts): the group's text, no space before it.
_FONT_SWITCH = re.compile(r"\{\s*\\(?:rm|it|bf|sf|tt|cal|em)\s+([^{}]*)\}")
_MATH_EMPTY_GROUP = re.compile(r"\{\}")
_LINK = re.compile(r"\\href\s*\{[^{}]*\}\s*\{([^{}]*)\}|\\(?:url|path)\s*\{([^{}]*)\}")
# What `plain_latex_text` drops: control words (their arguments stay as text), `$`, braces; `\X` keeps X.
_CONTROL_WORD = re.compile(r"\\[a-zA-Z]+\*?\s?")
_CONTROL_SYMBOL = re.compile(r"\\([^a-zA-Z])")


# The journal macros of ADS exports (AASTeX's abbreviations): `journal = {\aap}` is the venue A&A.
ADS_JOURNALS = {
    "aj": "AJ", "araa": "ARA&A", "apj": "ApJ", "apjl": "ApJL", "apjs": "ApJS", "ao": "Appl. Opt.", "apss": "Ap&SS",
    "aap": "A&A", "aapr": "A&A Rev.", "aaps": "A&AS", "azh": "AZh", "baas": "BAAS", "icarus": "Icarus",
    "jcap": "JCAP", "jrasc": "JRASC", "memras": "MmRAS", "mnras": "MNRAS", "na": "New A", "nar": "New A Rev.",
    "pra": "Phys. Rev. A", "prb": "Phys. Rev. B", "prc": "Phys. Rev. C", "prd": "Phys. Rev. D", "pre": "Phys. Rev. E",
    "prl": "Phys. Rev. Lett.", "pasa": "PASA", "pasp": "PASP", "pasj": "PASJ", "qjras": "QJRAS", "skytel": "S&T",
    "solphys": "Sol. Phys.", "sovast": "Soviet Ast.", "ssr": "Space Sci. Rev.", "nat": "Nature", "iaucirc": "IAU Circ.",
    "aplett": "Astrophys. Lett.", "physrep": "Phys. Rep.", "physscr": "Phys. Scr.", "nphysa": "Nucl. Phys. A",
    "procspie": "Proc. SPIE",
}


class LatexDecodingError(ValueError):
    """pylatexenc could not read a piece of LaTeX (`latex` holds it)."""

    def __init__(self, latex: str) -> None:
        super().__init__(f"cannot decode LaTeX {latex!r}")
        self.latex = latex


def latex_to_text(value: str) -> str:
    """Readable Unicode text of a LaTeX field value: `{\\"u}` -> ü, braces dropped, `\\&` -> &."""
    if len(value) <= _SHORT:
        return _short_latex_to_text(value)
    return _latex_to_text(value)


@lru_cache(maxsize=16384)
def _short_latex_to_text(value: str) -> str:
    """`latex_to_text` of a short value; bounded cache because names and venues repeat."""
    return _latex_to_text(value)


def _latex_to_text(value: str) -> str:
    """`latex_to_text` itself."""
    if "~" in value:
        value = _TIE.sub(" ", value)
    if "\\ " in value:
        value = _CONTROL_SPACE.sub("", value)  # `\method\ for`: the space after a macro, a space
    if "`" in value:
        value = _SINGLE_QUOTED.sub("\u2018\\1\u2019", value)
    if "\\" not in value and "$" not in value:
        return _collapsed(_plain(value))
    if "textsuperscript" in value:  # Zotero's "10\textsuperscript{7}": "10⁷", not "107"
        value = _TEXT_SUPERSCRIPT.sub(lambda power: power.group(1).translate(SUPERSCRIPTS), value)
    text = _collapsed("".join(_decoded_parts(value)))
    if "\\" in text:
        text = _escaped_again(text)
    if "\u2218" in text:  # "30$^\circ$", "37$^{\circ}$C": degrees, "30°", not "30^∘"
        text = _DEGREES.sub("\u00b0", text)
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text) if "cite" in value else text  # "weights \cite{x}." -> "weights."


def _escaped_again(text: str) -> str:
    """Decoded `text` with the LaTeX a reference manager escaped once more, kept as text by the first reading,
    read too: Mendeley's "$\\backslash$textit{\\{}C. elegans{\\}}" and "$\\backslash$n" (a line break written
    out), Zotero's "{\\textbackslash}textless", escaped again on each round trip ("textbackslashtextbackslashtheta").
    Only math that holds a macro ("$\\sim 90$" -> "∼ 90") and macros are read again: a macro written in prose (in an
    abstract on LaTeX) is rarer in real exports than such escapes."""
    for _ in range(_ESCAPE_ROUNDS):
        if "\\textbackslash" not in text:
            break
        text = _ESCAPED_BACKSLASH.sub(r"\\", text)
    text = _WRITTEN_OUT_BREAK.sub(_break_or_macro, text)
    text = _BEFORE_DECODED_ACCENT.sub("", text)  # "na\\ïve": the accent was read, its backslash left
    # what escaping on each of many syncs leaves of a quote: "{\\{}{\\{}{\\}}{\\{}{\\$}{\\}}{\\{}$${\\}}$}}textquotedbl"
    text = _ESCAPE_DEBRIS.sub(lambda debris: '"' if debris.group(1) else "", text)
    if "\\" in text:  # only what holds a macro: other braces, dollars and dashes are the text's own
        try:
            text = _ESCAPED_LATEX.sub(_read_again, text)
        except LatexDecodingError:
            pass
    return _collapsed(text)


def _read_again(island: re.Match[str]) -> str:
    """A macro or formula of decoded text as text; as written where that reads as nothing ("\\input{x}")."""
    return _island_to_text(island.group()) or island.group()


def _break_or_macro(match: re.Match[str]) -> str:
    """A written-out line break ("distress\\nto other agents") as a space; a macro such as "\\nu" kept."""
    name = match.group(1)
    return match.group() if name and _converter().latex_context.get_macro_spec(f"n{name}") else f" {name}"


def readable_text(text: str) -> str:
    """Text that may be LaTeX source (a researcher's abstract pasted from their paper) as plain text, its own
    macros (`\\newcommand{\\method}{MultiPrompt}`) expanded; never fails."""
    text = expand_definitions(text)
    try:
        return latex_to_text(text)
    except LatexDecodingError:
        return plain_latex_text(text)


def unknown_macros(text: str) -> list[str]:
    """The macros of `text` that neither LaTeX, its common packages nor a definition in `text` define (a paper's
    own `\\method`, defined elsewhere): decoding leaves them out, so the caller can say so."""
    context = _converter().latex_context
    names = dict.fromkeys(_MACRO_NAME.findall(expand_definitions(text)))
    return [f"\\{name}" for name in names if name not in ("begin", "end") and context.get_macro_spec(name) is None]


def expand_definitions(text: str) -> str:
    """`text` with the macros it defines without arguments (`\\newcommand{\\method}{\\textsc{MultiPrompt}\\xspace}`,
    `\\renewcommand`, `\\def\\ours{...}`) replaced by their bodies, and every definition removed (it is not
    prose); a macro that takes arguments stays where it is used (and is named by `unknown_macros`)."""
    if "command" not in text and "\\def" not in text:
        return text
    bodies: dict[str, str] = {}
    for definition in _DEFINITION.finditer(text):
        name = definition.group("name") or definition.group("bare") or definition.group("defname")
        if definition.group("arguments") in (None, "0"):  # a macro with arguments would need them substituted
            bodies.setdefault(name, (definition.group("body") or definition.group("defbody"))[1:-1])
    text = _DEFINITION.sub("", text)
    for _ in range(_EXPANSION_DEPTH):  # a body may use another defined macro
        expanded = _MACRO_USE.sub(lambda use: "{" + bodies[use.group(1)] + "}" if use.group(1) in bodies else use.group(0), text)
        if expanded == text:
            break
        text = expanded
    return text


def text_to_latex(text: str, *, keep_latin: bool = False) -> str:
    """LaTeX source that pdflatex typesets: specials escaped, non-ASCII as LaTeX macros; what no macro
    writes (CJK, emoji) transliterated to ASCII, and invisible controls (U+200B, U+202E) dropped.

    `keep_latin` keeps the accented Latin letters (U+00C0-U+017F) as UTF-8, for a .bib that biber reads:
    biber and pdflatex's utf8 input encoding handle them, and the file stays readable.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)  # `e` + combining accent -> `é`, which has a macro
    return _LATEX_SPECIAL.sub(_escape_keeping_latin if keep_latin else _escape_match, text)


def untypesettable(text: str) -> list[str]:
    """The characters of `text` that `text_to_latex` transliterates or drops, in order, once each."""
    if text.isascii():
        return []
    found = (char for char in unicodedata.normalize("NFC", text) if not char.isascii())
    return list(dict.fromkeys(char for char in found if _latex_macro(char) is None))


def _decoded_parts(value: str) -> list[str]:
    """Text around and of each LaTeX island; islands are found with str.find (a regex scan is slower)."""
    parts: list[str] = []
    position = 0
    backslash, dollar = value.find("\\"), value.find("$")
    while backslash >= 0 or dollar >= 0:
        start = backslash if dollar < 0 or 0 <= backslash < dollar else dollar
        island = _LATEX_ISLAND.match(value, start, start + _ISLAND_WINDOW)
        end = island.end() if island else start + 1
        parts.append(_plain(value[position:start]))
        parts.append(_island_to_text(island.group()) if island else value[start])
        position = end
        if 0 <= backslash < end:
            backslash = value.find("\\", end)
        if 0 <= dollar < end:
            dollar = value.find("$", end)
    parts.append(_plain(value[position:]))
    return parts


def _plain(value: str) -> str:
    """Text without LaTeX: grouping braces dropped, TeX's ligature dashes and quotes made Unicode."""
    if "--" in value or "``" in value or "''" in value:
        for ascii_form, unicode_form in _TYPOGRAPHIC:
            value = value.replace(ascii_form, unicode_form)
    if "{" in value or "}" in value:
        value = value.replace("{", "").replace("}", "")
    return value


def _collapsed(text: str) -> str:
    """`text` stripped, with runs of whitespace as one space (checked first: most values need nothing)."""
    if "\n" in text or "  " in text or "\t" in text or "\xa0" in text:
        return " ".join(text.split())
    return text.strip()


def _island_to_text(island: str) -> str:
    """One LaTeX island as text: escapes of one character directly, links by their text, math with its
    text parts kept, anything else by pylatexenc."""
    if island[0] == "\\" and island[1] in _ESCAPED_CHARS:
        return island[1:]
    if island.startswith(("\\href", "\\url", "\\path")):
        link = _LINK.match(island)
        if link:
            return link.group(1) if link.group(1) is not None else link.group(2)
    if _is_math(island):
        return _math_to_text(island)
    return _pylatexenc_text(island)


def _is_math(island: str) -> bool:
    """Whether an island is a whole formula: `$...$`, `$$...$$`, `\\(...\\)` or `\\[...\\]`."""
    if island[0] == "$":
        return len(island) > 1 and island.endswith("$")
    return len(island) >= 4 and island[:2] in ("\\(", "\\[") and island[-2:] in ("\\)", "\\]")


def _math_to_text(island: str) -> str:
    """A formula as readable text: `\\({}^{\\mbox{k}}\\)` -> `^k`, `$\\Sigma\\Delta$` -> `ΣΔ`."""
    body = island.strip("$")
    if island.startswith(("\\(", "\\[")):
        body = island[2:-2]
    body = _MATH_EMPTY_GROUP.sub("", _FONT_SWITCH.sub(r"{\1}", _MATH_TEXT.sub(r"\1", body)))
    return _pylatexenc_text(f"${body}$")


def plain_latex_text(value: str) -> str:
    """A rough reading of LaTeX that never fails: macro names, `$` and braces dropped, `\\&` -> `&`."""
    text = _CONTROL_SYMBOL.sub(r"\1", _CONTROL_WORD.sub("", value.replace("\\\\", " ")))
    return _collapsed(text.replace("{", "").replace("}", "").replace("$", ""))


@lru_cache(maxsize=8192)
def _pylatexenc_text(chunk: str) -> str:
    """pylatexenc's reading of one island; bounded cache because accents and symbols repeat."""
    try:
        return _converter().latex_to_text(_BARE_SPECIAL.sub(r"\\\1", chunk))
    except Exception as error:  # pylatexenc raises IndexError, KeyError, RecursionError... on odd LaTeX
        raise LatexDecodingError(chunk) from error


_MACRO_NAME = re.compile(r"\\([A-Za-z]+)")
_ESCAPED_BACKSLASH = re.compile(r"\\textbackslash(?:\{\}| )?")
_ESCAPE_ROUNDS = 5  # each export and import through Zotero escapes once more
_WRITTEN_OUT_BREAK = re.compile(r"\\n([A-Za-z]*)")
_ESCAPED_LATEX = re.compile(rf"\$[^$\\]*\\[a-zA-Z][^$]*\$"  # math holding a macro
                            rf"|\{{\\[a-zA-Z]+\}}|\\[a-zA-Z]+\*?(?:\s*\[[^\]]*\])*(?:\s*{_BRACED})*")  # "{\macro}", "\macro[x]{y}"
_BEFORE_DECODED_ACCENT = re.compile(r"\\(?=[^\x00-\x7f])")
_ESCAPE_DEBRIS = re.compile(r"[{}$\\]{4,}(?:(textquotedbl)\}?)?")
_MACRO_USE = re.compile(r"\\([A-Za-z]+)(?![A-Za-z])(?:\{\})?")  # `\method` and `\method{}` (a space kept after it)
# `\newcommand{\x}{...}`, `\newcommand*\x[1]{...}`, `\providecommand`, `\renewcommand`, `\def\x{...}`.
_DEFINITION = re.compile(rf"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand)\*?\s*(?:\{{\s*\\(?P<name>[A-Za-z]+)\s*\}}"
                         rf"|\\(?P<bare>[A-Za-z]+))\s*(?:\[(?P<arguments>\d)\]\s*(?:\[[^\]]*\]\s*)?)?(?P<body>{_BRACED})[ \t]*\n?"
                         rf"|\\def\s*\\(?P<defname>[A-Za-z]+)\s*(?P<defbody>{_BRACED})[ \t]*\n?")
_EXPANSION_DEPTH = 5
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:)])")
_CITE_MACROS = ("cite", "citep", "citet", "citealp", "citealt", "autocite", "parencite", "textcite", "footcite",
                "nocite", "citeyear", "citeyearpar")


@cache
def _converter() -> latex2text.LatexNodes2Text:
    """pylatexenc's converter, built once, knowing the TeX logos it otherwise drops."""
    context = latex2text.get_default_latex_context_db()
    names = {"TeX": "TeX", "LaTeX": "LaTeX", "BibTeX": "BibTeX", "textasciicircum": "^", "xspace": "",
             "textbraceleft": "{", "textbraceright": "}", **ADS_JOURNALS,
             # Zotero's BibTeX writes "p {\textless} 0.05", "({\textgreater}15 mmol/L)": never to be lost
             "textgreater": ">", "textless": "<", "textbar": "|", "textunderscore": "_", "textquotedbl": '"',
             "textminus": "\u2212",
             # babel's French quotation marks, "La {\flqq} gérontologie théâtrale {\frqq}"
             "flqq": "\u00ab", "frqq": "\u00bb", "flq": "\u2039", "frq": "\u203a"}
    macros = [latex2text.MacroTextSpec(name, simplify_repl=text) for name, text in names.items()]
    # A citation in an abstract says nothing about this paper's content: dropped, not pylatexenc's "<cit.>".
    macros += [latex2text.MacroTextSpec(name, simplify_repl="") for name in _CITE_MACROS]
    context.add_context_category("litreview", prepend=True, macros=macros)
    return latex2text.LatexNodes2Text(latex_context=context, math_mode="text")


def _escape_keeping_latin(match: re.Match[str]) -> str:
    """`_escape_match`, with accented Latin letters left as they are."""
    found = match.group()
    if found.isascii():
        return _escape_match(match)
    return "".join(char if "\u00c0" <= char <= "\u017f" and char not in "\u00d7\u00f7" else _char_to_latex(char)
                   for char in found)


def _escape_match(match: re.Match[str]) -> str:
    """The LaTeX for one special ASCII character or one run of non-ASCII characters."""
    found = match.group()
    if found in _LIGATURE_STARTS:
        return found + "{}"
    if found.isascii():
        return _ascii_escapes()[found]
    return "".join(_char_to_latex(char) for char in found)


@lru_cache(maxsize=8192)
def _char_to_latex(char: str) -> str:
    """pylatexenc's macro for a non-ASCII character, else its ASCII transliteration (`北` -> `Bei`), else nothing."""
    macro = _latex_macro(char)
    if macro is not None:
        return macro
    if unicodedata.category(char) in ("Cf", "Cc", "Mn", "Me", "Zl", "Zp"):
        return ""  # zero-width and direction controls, combining marks with no letter to sit on
    return _LATEX_SPECIAL.sub(_escape_match, anyascii(char))


@lru_cache(maxsize=8192)
def _latex_macro(char: str) -> str | None:
    """pylatexenc's LaTeX for one character, None when it has none."""
    try:
        return _unicode_encoder().unicode_to_latex(char)
    except ValueError:
        return None


@cache
def _ascii_escapes() -> dict[str, str]:
    """pylatexenc's spelling of each special ASCII character (`%` -> `\\%`, `~` -> `{\\textasciitilde}`)."""
    encoder = latexencode.UnicodeToLatexEncoder(unknown_char_policy="keep", unknown_char_warning=False)
    return {char: encoder.unicode_to_latex(char) for char in "\\{}%&#_$~^<>"}


@cache
def _unicode_encoder() -> latexencode.UnicodeToLatexEncoder:
    """Non-ASCII to LaTeX with each replacement in braces (`{\\"u}`), as BibTeX wants accents.

    Accented i is written `\\'i`, not pylatexenc's `\\'\\i`: biber turns a dotless i with an accent
    into a combining character that pdflatex rejects.
    """
    accented_i = {ord(char): f"\\{accent}i" for char, accent in zip("\u00ec\u00ed\u00ee\u00ef", "`'^\"")}
    rule = latexencode.UnicodeToLatexConversionRule(rule_type=latexencode.RULE_DICT, rule=accented_i)
    return latexencode.UnicodeToLatexEncoder(
        conversion_rules=[rule, "defaults"], unknown_char_policy="fail", unknown_char_warning=False,
        replacement_latex_protection="braces-all",
    )
