"""The indicator table of a budget-side 绩效目标表 (申报表, 审批表): targets and 指标值, no actuals and no scores.

Nothing reads such a table yet, so it is reported unread (with where it is) rather than passed over: a target form
is checked by no rule of a 预算公开, and it is never a self-evaluation.
"""

from __future__ import annotations

import re

from jixiao.core.coverage import Unread
from jixiao.ingest.source import Paragraph, SourceDocument

# A target table's header: its indicator levels and the target column ('指标值', '当年预期实现值', '年度指标值').
_HEADER_RE = re.compile(r"一级指标.{0,40}?(?:指标值|预期实现值|目标值)", re.DOTALL)
# What only an evaluation's table has: the year's actual result or a score.
_ACTUALS_RE = re.compile(r"实际完成值|实际完成|实际值|完成值|全年执行数|执行数|得分|偏差")
UNREAD = "绩效目标表的年度绩效目标与绩效指标（一级、二级、三级指标及指标值）：预算阶段的目标表尚未读取，其中的目标与指标未核对"


def target_tables_unread(source: SourceDocument) -> tuple[Unread, ...]:
    """One Unread for each block holding a target table's header without an evaluation's actuals or scores."""
    found = []
    for block in source.blocks:
        text = block.clean if isinstance(block, Paragraph) else "\n".join("\t".join(r.texts) for r in block.rows)
        if (header := _HEADER_RE.search(text)) and not _ACTUALS_RE.search(text[header.start():]):
            found.append(Unread(UNREAD, block.location, "table"))
    return tuple(found)
