"""One place where every carrier's text is normalised before anything in it is recognised: pinyin readings that
conversion sites insert after characters ('經(jīng)費') are dropped, and Traditional characters become Simplified.

`normaliser` decides once, from a document's whole text, what its text needs; every reader applies the result to
its text at the earliest point (a text or web page as a whole before its layout is read, a Word, Excel or PDF
file's strings as they are taken out), so page chrome, captions, headers and labels are recognised in Simplified
characters, as in a Simplified document (see source.read_source).

The conversion uses OpenCC (t2s). A Simplified document is left exactly as it is: it is converted only when a
noticeable share of its distinct Han characters are Traditional-only, so a rare character in a name is not
rewritten in a Simplified text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

Normal = Callable[[str], str]  # what a reader applies to each text it takes out of a file

_HAN = re.compile(r"[\u4e00-\u9fff]")
# A parenthesised pinyin reading right after a Han character, with at least one tone mark: '(jīng)', '(shù)'.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（]\s*[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]*"
                     r"\s*[)）]")
TRADITIONAL_SHARE = 0.03  # of distinct Han characters; Simplified government texts stay far below it


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    distinct = set(_HAN.findall(text))
    if not distinct:
        return False
    sample = "".join(sorted(distinct))
    converted = _converter().convert(sample)
    changed = sum(1 for a, b in zip(sample, converted, strict=False) if a != b)
    return changed >= 3 and changed / len(distinct) >= TRADITIONAL_SHARE


def to_simplified(text: str) -> str:
    return _converter().convert(text) if text else text


def drop_pinyin(text: str) -> str:
    return _PINYIN.sub("", text)


def plain(text: str) -> str:
    """The normaliser of a text that needs nothing."""
    return text


def normaliser(whole: str) -> Normal | None:
    """What a document whose whole text is `whole` needs applied to each of its texts, or None when nothing."""
    pinyin = bool(_PINYIN.search(whole))
    traditional = is_traditional(whole)
    if not pinyin and not traditional:
        return None

    def normal(text: str) -> str:
        text = drop_pinyin(text) if pinyin else text
        return to_simplified(text) if traditional else text

    return normal
