"""A total score stated in prose beside the scores of the evaluation's first-level blocks.

'综合得分86.5分，其中决策指标得分18分，过程指标得分17.5分，产出指标得分33分，效益指标得分18分': the blocks of the
indicator system (决策、过程、产出、效益 under 财预〔2020〕10号) share out the total, so their scores add up to it.
Pure reading: the rule that judges the sum lives in jixiao.audit.rules.blockscores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.core.money import compact_text

NUM = r"\d{1,3}(?:\.\d+)?"
# The four first-level blocks of the common indicator system, and blocks some systems add.
STANDARD_BLOCKS = ("决策", "过程", "产出", "效益")
OTHER_BLOCKS = ("满意度", "投入", "管理")
# '决策指标得分18分', '过程类指标得17.5分', '产出方面得分为33分', '效益指标得分：18分'; '决策指标满分20分' is no score
# given, and a block's score with its full marks between ('决策指标(20分)得18分') is not read (the list is then
# incomplete and nothing is compared).
BLOCK_RE = re.compile(rf"({'|'.join(STANDARD_BLOCKS + OTHER_BLOCKS)})"
                      rf"(?:类|方面|部分)?(?:指标)?(?:类)?(?:实际)?得分?\s*(?:为|是|[:：])?\s*({NUM})\s*分")
# A block's name opens its phrase ('其中决策…', '，过程…'): '社会效益指标', '服务对象满意度' are indicators within a block.
_OPENS_AFTER = set("中和及与为是：:，,、；;。（(）) ")
# The total: '综合得分86.5分', '总得分', '总分为', '最终得分', '评价得分', '自评得分'.
TOTAL_RE = re.compile(rf"(?:综合|总体|总|最终|绩效评价|评价|自评)(?:得分|评分|分)(?:值)?\s*(?:为|是|[:：])?\s*({NUM})\s*分")


@dataclass(frozen=True)
class Score:
    name: str
    text: str  # the number as printed
    value: Decimal


@dataclass(frozen=True)
class BlockScores:
    total: Score
    blocks: tuple[Score, ...]

    @property
    def standard_only(self) -> bool:
        """The blocks listed are the four standard ones and no other."""
        return sorted(b.name for b in self.blocks) == sorted(STANDARD_BLOCKS)


def _opens(before: str) -> bool:
    return before in _OPENS_AFTER or not "\u4e00" <= before <= "\u9fff"


def block_scores(text: str) -> BlockScores | None:
    """The total and the block scores a paragraph states, when it states one total and each of the four standard
    blocks exactly once (other blocks may be listed too); None otherwise (nothing to compare, or which total the
    blocks share out is unclear)."""
    norm = compact_text(text)
    found = [m for m in BLOCK_RE.finditer(norm) if m.start() == 0 or _opens(norm[m.start() - 1])]
    blocks = [Score(m.group(1), m.group(2), Decimal(m.group(2))) for m in found]
    spans = [m.span() for m in BLOCK_RE.finditer(norm)]
    totals = [m for m in TOTAL_RE.finditer(norm) if not any(a <= m.start() < b for a, b in spans)]
    names = [b.name for b in blocks]
    if len({t.group(1) for t in totals}) != 1 or len(names) != len(set(names)):
        return None
    if not all(name in names for name in STANDARD_BLOCKS):
        return None
    number = totals[0].group(1)
    return BlockScores(Score("总分", number, Decimal(number)), tuple(blocks))
