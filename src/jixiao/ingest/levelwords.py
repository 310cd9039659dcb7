"""The words of an indicator table's levels: the 一级 (产出指标, 效益指标 …) and the 二级 under each (数量指标 under
产出指标, 社会效益指标 under 效益指标 …), one vocabulary for every reader of indicator rows.

Each reader keeps the structure of its own context and takes the words from here:
- a label as a whole cell, its 指标 printed or not ('数量指标', '社会效益', '产出指标（50分）'): `cell_re`, or
  `alternation` inside a pattern of the reader's own;
- a label inside text whose cells ran together, where only its 指标 ends it ('产出指标数量指标示例覆盖率≥95%'):
  `span`.

The frames differ in one word: the newer frame prints a 一级 成本指标 over 经济成本、社会成本、生态环境成本指标, the older
one a 二级 成本指标 under 产出指标. '成本指标' is the 一级 where a cost kind follows it (`cost_over_kind` for cells,
`cost_level1_span` in run-together text), and for a reader of cells that takes a 一级 only with its 指标 printed
(`level1_words(cost=True)`, formcolumns); elsewhere it is the 二级 of the 产出 block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LEVEL1_WORDS = ("产出", "效益", "效果", "满意度")
COST_LEVEL1 = "成本"  # the newer frame's 一级 成本指标; the older frame's 二级 under 产出指标
# Each 二级 with the 一级 it belongs under.
LEVEL2_PARENT = {
    "数量": "产出指标",
    "质量": "产出指标",
    "时效": "产出指标",
    "成本": "产出指标",
    "经济效益": "效益指标",
    "社会效益": "效益指标",
    "生态效益": "效益指标",
    "可持续影响": "效益指标",
    "经济成本": "成本指标",  # the 一级 成本指标 of the newer frame, over its 经济、社会、生态环境成本
    "社会成本": "成本指标",
    "生态环境成本": "成本指标",
    "服务对象满意度": "满意度指标",
    "社会公众或服务对象满意度": "满意度指标",
    "满意度": "满意度指标",
}
# The 二级 of the newer frame's 一级 成本指标: where one follows '成本指标', that 成本指标 is the 一级.
COST_KINDS = tuple(word for word, parent in LEVEL2_PARENT.items() if parent == f"{COST_LEVEL1}指标")
# A 效益 二级 printed without its 效益 ('经济 | 指标' cells of a form printed one cell per line): read only as a cell
# of its own, where nothing else could be meant; inside text run together '社会' is any word.
SHORT_LEVEL2 = {"经济": "经济效益", "社会": "社会效益", "生态": "生态效益"}
# A label's points as a form prints them after it: '产出指标（50分）', '(40-50)分', '（0-20分）'.
POINTS = r"(?:[（(][\d.\-—~～]+分?[)）]分?)?"


def level1_words(*, cost: bool = False) -> tuple[str, ...]:
    """The 一级 words ('产出' …), with 成本 when the reader's rows print the 一级 in a column of its own."""
    return (*LEVEL1_WORDS, COST_LEVEL1) if cost else LEVEL1_WORDS


def level2_words(*, short: bool = False) -> tuple[str, ...]:
    """The 二级 words ('数量' …), with the bare 经济/社会/生态 for a reader of whole cells that asks for them."""
    return (*LEVEL2_PARENT, *SHORT_LEVEL2) if short else tuple(LEVEL2_PARENT)


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


def parent_level(level2: str) -> str:
    """The 一级 a 二级 belongs under ('质量指标' → '产出指标'), '' when its words do not say."""
    word = level2.removesuffix("指标")
    return LEVEL2_PARENT.get(SHORT_LEVEL2.get(word, word), "")


def cost_over_kind(upper: str, lower: str) -> bool:
    """'成本指标' in the cell before a 二级 of the 成本 block ('经济成本指标'): the newer frame's 一级 成本指标 over its
    kind, not the older frame's 二级 成本指标 with a name after it."""
    return (
        re.fullmatch(rf"{COST_LEVEL1}(?:指标)?{POINTS}", upper) is not None
        and parent_level(lower.removesuffix("等")) == f"{COST_LEVEL1}指标"
    )
