"""The columns and rows of a self-evaluation form (项目支出绩效自评表), known by their words.

A budget column's field and an indicator column's field are read from the header's head noun (`budget_field`,
`indicator_field`); a fund row opens at a fund label (合计, 年度资金总额, 其中：财政拨款 …) and an indicator row at a level
(产出指标, 数量指标 …). Fields fall into families — the amounts of a fund row, the targets and values of an indicator
row — and a header cell spanning others (年初预算数 over 目标申报 | 预算编制, 年度指标 over 年初指标 | 调整后指标)
names a field of the family its parts are in.
"""

from __future__ import annotations

import re

from jixiao.core.levelwords import level1_words, level2_words
from jixiao.core.money import is_number
from jixiao.ingest.headers import head_label
from jixiao.ingest.levelwords import alternation, cell_re

FUND_ROW_RE = re.compile(r"^(合计|总计|总额|.*资金总额|其中.*|.*资金|.*财政拨款.*|.*专户.*)$")
# The label of an indicator row's first-level cell ('产出指标', '效益指标（30分）', the newer frame's '成本指标': its 指标
# printed) and of its second-level cell ('数量指标', '社会效益', '经济'): a row of the indicator table, not a fund row.
# The words are core.levelwords'.
LEVEL1_RE = re.compile(rf"^({alternation(level1_words(cost=True))})指标(?:[（(][\d.]+分[)）])?$")
LEVEL2_RE = cell_re(level2_words(short=True))
INDICATOR_ROW_RE = re.compile(f"{LEVEL1_RE.pattern}|{LEVEL2_RE.pattern}")
CELL_UNIT_RE = re.compile(r"(?<=\d)\s*(?:亿元|万元|元|亿|万)$")  # '3359.62万': the unit printed in the cell
NOT_APPLICABLE = ("/", "／", "-", "—", "－", "——")  # a cell of a fund row with nothing to print
# The label of a table's closing total row ('总分', '合计：94分' with the score in its own cell).
TOTAL_LABEL_WORD_RE = re.compile(r"^(?:自评)?(?:总分|合计|总计)(?:[：:]\s*(\d+(?:\.\d+)?)\s*分?)?$")
AMOUNT_FIELDS = ("initial_declared", "initial", "adjusted", "executed")
FAMILIES = (frozenset({*AMOUNT_FIELDS, "expected", "carryover"}),
            frozenset({"initial_target", "adjusted_target", "operator", "measure_unit", "actual"}))


def figure_cell(text: str) -> bool:
    """A cell holding one figure (an amount, a percentage, a dash for nothing)."""
    stripped = text.strip().rstrip("%％")
    return is_number(stripped) or stripped in ("-", "—", "－", "/")


def budget_field(key: str) -> str | None:
    """A budget column's field by its header's head noun: a bracket closing it is a note ('得分（20分×执行率）' is
    the score, not the rate; '执行率（B/A）' the rate)."""
    key = head_label(key)
    if "目标申报" in key:
        return "initial_declared"
    if "预算编制" in key or "年初预算" in key:
        return "initial"
    if "全年预算" in key or "调整后预算" in key:
        return "adjusted"
    if "预计" in key and "执行" in key:  # '全年预计执行数' of a monitoring form: an expectation, not the 执行数
        return "expected"
    if "执行数" in key or "实际支出" in key:
        return "executed"
    if "结" in key and "余" in key:
        return "carryover"
    if "执行率" in key:
        return "reported_rate"
    if "方法" in key or "标准" in key:  # '得分计算方法', '评分标准': the rule, not a score
        return None
    if "得分" in key:
        return "reported_score"
    if "偏差" in key or "原因" in key:
        return "deviation_reason"
    if "预算数" in key:  # 年度预算数 / 预算数
        return "adjusted"
    if "资金来源" in key or "项目" in key:
        return "source"
    return None


def indicator_field(key: str) -> str | None:
    """An indicator column's field by its header's head noun ('分值（10分）', '得分（分值×完成率）': the noun before
    the note)."""
    key = head_label(key)
    if "原因" in key or "偏差" in key:
        return "deviation_reason"
    if key.startswith("指标性质"):
        return "operator"
    if key.startswith(("度量单位", "计量单位")):
        return "measure_unit"
    if key.startswith("一级"):
        return "level1"
    if key.startswith("二级"):
        return "level2"
    if "指标名称" in key or key.startswith("三级"):
        return "name"
    if "调整后" in key:
        return "adjusted_target"
    if "年初" in key or key.startswith(("年度指标", "指标值")):
        return "initial_target"
    if "实际完成" in key or key.startswith(("完成值", "全年实际", "全年完成", "实际值")):
        return "actual"
    if "定性" in key:
        return "qualitative_note"
    if "权重" in key or "分值" in key:
        return "weight"
    if "得分" in key:
        return "reported_score"
    return None


def same_family(a: str, b: str) -> bool:
    """Two fields of one family (two amounts, two targets), or the same field."""
    return a == b or any(a in family and b in family for family in FAMILIES)
