"""The patterns of an indicator table's level labels, built from the one vocabulary of levels (core.levelwords).

Each reader keeps the structure of its own context and takes the words from core.levelwords, the patterns from here:
- a label as a whole cell, its 指标 printed or not ('数量指标', '社会效益', '产出指标（50分）'): `cell_re`, or
  `alternation` inside a pattern of the reader's own;
- a label inside text whose cells ran together, where only its 指标 ends it ('产出指标数量指标示例覆盖率≥95%'):
  `span`.

'成本指标' is the newer frame's 一级 where a cost kind follows it (`cost_over_kind` for cells, `cost_level1_span` in
run-together text); elsewhere it is the 二级 of the 产出 block (core.levelwords).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jixiao.core.levelwords import COST_KINDS, COST_LEVEL1, parent_level

# A label's points as a form prints them after it: '产出指标（50分）', '(40-50)分', '（0-20分）'.
POINTS = r"(?:[（(][\d.\-—~～]+分?[)）]分?)?"


def alternation(words: Iterable[str]) -> str:
    """The words as one regex alternation, longest first: inside run-together text '经济成本' is tried before '成本'
    and '服务对象满意度' before '满意度'. Distinct words only, no group."""
    unique = dict.fromkeys(words)
    return "|".join(re.escape(w) for w in sorted(unique, key=len, reverse=True))


def cell_re(words: Iterable[str], suffix: str = "") -> re.Pattern[str]:
    """A label as a whole cell: one of the words (group 1), its 指标 printed or not, then `suffix` (a pattern of the
    reader's: the points, the template's trailing 等)."""
    return re.compile(rf"^({alternation(words)})(?:指标)?{suffix}$")


def span(words: Iterable[str]) -> str:
    """A label inside run-together text: one of the words and its 指标, which ends it (no group)."""
    return rf"(?:{alternation(words)})指标"


def cost_level1_span() -> str:
    """The 一级 成本指标 inside run-together text: '成本指标' right before a cost kind ('成本指标经济成本指标…');
    '成本指标' before a name is the older frame's 二级."""
    return rf"{COST_LEVEL1}指标(?={span(COST_KINDS)})"


def cost_over_kind(upper: str, lower: str) -> bool:
    """'成本指标' in the cell before a 二级 of the 成本 block ('经济成本指标'): the newer frame's 一级 成本指标 over its
    kind, not the older frame's 二级 成本指标 with a name after it."""
    return (
        re.fullmatch(rf"{COST_LEVEL1}(?:指标)?{POINTS}", upper) is not None
        and parent_level(lower.removesuffix("等")) == f"{COST_LEVEL1}指标"
    )
