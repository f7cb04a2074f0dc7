"""Citation keys for records that came without one: readable, unique, and stable across runs.

`surname + year + first significant title word` (as Google Scholar does; a surname in another script transliterated,
as Better BibTeX does) when authors and year
are known, `surname + first significant title word` when only the year is not; else from the title (the
method name before a colon, or its first words); else from the method name an abstract defines, or the
abstract's first words. Collisions get `a`, `b`, ... in an order fixed by the papers' content, so neither
reruns nor the order of input files change a key.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

from anyascii import anyascii

from litreview.corpus.method_names import method_name, title_head
from litreview.corpus.paper import Paper
from litreview.text import ascii_fold, compact, significant_words, surname

_MAX_BASE = 30
# What BibTeX does not allow in a key (and `~`, which LaTeX's \cite would expand): anything else is citable,
# ADS bibcodes such as `2016A&A...594A..13P` included.
_NOT_IN_A_KEY = re.compile(r"""[\s,{}()"#%'=\\~]""")


def is_citable_key(key: str) -> bool:
    """Whether BibTeX, biber and LaTeX's `\\cite` all take `key` as it is."""
    return bool(key) and not _NOT_IN_A_KEY.search(key)


def assign_keys(papers: list[Paper], taken: Iterable[str] = ()) -> list[Paper]:
    """The same papers, each with a key: existing keys kept verbatim, the others generated."""
    reserved = set(taken) | {p.key for p in papers if p.key}
    by_base: dict[str, list[int]] = defaultdict(list)
    for index, paper in enumerate(papers):
        if not paper.key:
            by_base[key_base(paper)].append(index)
    keys: dict[int, str] = {}
    for base, members in by_base.items():
        members.sort(key=lambda i: _content_fingerprint(papers[i]))
        for index, key in zip(members, _unique_keys(base, len(members), reserved)):
            keys[index] = key
            reserved.add(key)
    return [p.model_copy(update={"key": keys[i]}) if i in keys else p for i, p in enumerate(papers)]


def key_base(paper: Paper) -> str:
    """The key a paper would get if nothing else claimed it."""
    if paper.authors and paper.title:
        first_author = _surname_said(paper.authors[0])
        word = _title_word(paper.title)
        if paper.year:
            return f"{first_author}{paper.year}{word}"[:_MAX_BASE] or "paper"
        if first_author:  # no year (Web of Science rows in a Scopus export): still cited by its author, as the rest
            return f"{first_author}{word}"[:_MAX_BASE]
    if paper.title:
        return _from_title(paper.title) or "paper"
    return _from_abstract(paper.abstract or "") or "paper"


# Chinese and Korean family names of two characters ("欧阳娜娜" is Ouyang Nana); any other's is the name's first character.
_COMPOUND_SURNAMES = frozenset("欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文 司徒 "
                               "夏侯 令狐 端木 澹台 轩辕 軒轅 西门 西門 呼延 南宫 南宮 남궁 황보 제갈 선우 독고".split())
_HAN_OR_HANGUL = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_UNSPACED_NAME = re.compile(f"[{_HAN_OR_HANGUL}]{{2,4}}")  # "李慧芳" (CNKI, Wanfang), "김민수": family name first
_EAST_ASIAN = re.compile(f"[{_HAN_OR_HANGUL}\u3040-\u30ff]")  # and kana: "やまだ たろう" is family name first too


def _surname_said(author: str) -> str:
    """The author's surname in a key: in ASCII letters, accents dropped ("Müller" -> "muller"); a name in another script
    transliterated ("Иванов" -> "ivanov"), an East Asian one written without a comma by its family name, which comes
    first ("李慧芳" -> "li", "欧阳娜娜" -> "ouyang", "やまだ たろう" -> "yamada"). Only a name without a Latin letter is
    transliterated: the keys of every other stay as they were."""
    name = " ".join(author.split())
    said = compact(surname(name))
    if said or not name:
        return said
    if "," in name or not _EAST_ASIAN.search(name):
        return compact(anyascii(surname(name)))
    family = name.split(" ")[0]
    if _UNSPACED_NAME.fullmatch(family):
        family = family[:2] if family[:2] in _COMPOUND_SURNAMES else family[:1]
    return compact(anyascii(family))


# Letters a title sets in brackets inside a word: "W(h)ither Australian Unions?" is about "whither", not "ither"
_BRACKETED_IN_A_WORD = re.compile(r"(?<=[^\W\d_])[()\[\]](?=[^\W\d_])")


def _title_word(title: str) -> str:
    """The title's first significant word that is not a number: "The 1993 ACTU Congress" gives "actu" (its year
    would say the key's year again, "davis19931993")."""
    return next((word for word in significant_words(_BRACKETED_IN_A_WORD.sub("", title)) if not word.isdigit()), "")


def _unique_keys(base: str, count: int, reserved: set[str]) -> list[str]:
    if count == 1 and base not in reserved:
        return [base]
    candidates = (f"{base}{_suffix(n)}" for n in range(10**6))
    return [key for key, _ in zip((c for c in candidates if c not in reserved), range(count))]


def _suffix(number: int) -> str:
    """a, b, ..., z, aa, ab, ...: the BibTeX convention for same-author same-year keys."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _from_title(title: str) -> str:
    name = title_head(title)  # as keys were always made: a new rule for names in prose changes no key
    return compact(name or "".join(significant_words(title)[:3]))[:_MAX_BASE]


def _from_abstract(abstract: str) -> str:
    name = method_name(None, abstract)
    return compact(name or "".join(significant_words(abstract)[:3]))[:_MAX_BASE]


def _content_fingerprint(paper: Paper) -> str:
    text = "\x1f".join([paper.title or "", paper.abstract or "", str(paper.year or ""), ascii_fold(" ".join(paper.authors))])
    return hashlib.sha256(text.encode()).hexdigest()
