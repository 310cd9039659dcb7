"""One place where every carrier's text is normalised before it is read: pinyin readings that conversion sites
insert after characters ('經(jīng)費') are dropped, and Traditional characters become Simplified.

The conversion uses OpenCC (t2s). A Simplified document is left exactly as it is: it is converted only when a
noticeable share of its distinct Han characters are Traditional-only, so a rare character in a name is not
rewritten in a Simplified text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from jixiao.ingest.source import Paragraph, SourceDocument, Table

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


def simplified_document(source: SourceDocument) -> SourceDocument:
    """The document without inserted pinyin and in Simplified characters (unchanged if neither applies)."""
    whole = "\n".join((*source.preamble, source.text))
    pinyin = bool(_PINYIN.search(whole))
    traditional = is_traditional(whole)
    if not pinyin and not traditional:
        return source

    def normal(text: str) -> str:
        text = drop_pinyin(text) if pinyin else text
        return to_simplified(text) if traditional else text

    blocks = []
    for block in source.blocks:
        if isinstance(block, Paragraph):
            blocks.append(replace(block, text=normal(block.text)))
        else:
            rows = tuple(replace(row, cells=tuple(replace(c, text=normal(c.text)) for c in row.cells))
                         for row in block.rows)
            blocks.append(Table(rows, block.location))
    return replace(source, blocks=tuple(blocks), preamble=tuple(normal(line) for line in source.preamble))

