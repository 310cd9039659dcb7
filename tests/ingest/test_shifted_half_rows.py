"""A 收入支出决算总表 copied with its empty cells dropped: a row blank on the income side starts with that side's
行次 ('9 | 九、…支出 | 36 | 1200.00 |'), a row with no income amount runs its expenditure label into the amount
column. Each such row is placed again by meaning (a label's side by its words, a bare integer as a 行次, other
numbers as figures); a figure printed with no label is reported, never guessed. The older (2017) layout's
用事业基金弥补收支差额 is part of the income side's 总计."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.finding import Tier
from jixiao.core.money import WAN
from jixiao.ingest.disclosure import extract_disclosure
from jixiao.ingest.halfrows import Side, place_rows
from jixiao.ingest.source import Cell, Row, SourceDocument, text_blocks
from tests.audit.test_mutations import audit_text

TABLE = """示例县妇幼保健院2016年度部门决算
一、收入支出决算总表
单位名称:示例县妇幼保健院 单位:万元
收入 | 支出 | ||||
项目 | 行次 | 金额 | 项目 | 行次 | 金额 |
栏次 | 1 | 栏次 | 2 | ||
一、财政拨款收入 | 1 | 410.20 | 一、一般公共服务支出 | 18 | |
二、上级补助收入 | 2 | 二、外交支出 | 19 | ||
三、事业收入 | 3 | 2050.30 | 三、国防支出 | 20 | |
四、经营收入 | 4 | 四、公共安全支出 | 21 | ||
五、附属单位上缴收入 | 5 | 五、教育支出 | 22 | ||
六、其他收入 | 6 | 12.50 | 六、科学技术支出 | 23 | |
7 | 七、文化体育与传媒支出 | 24 | |||
8 | 八、社会保障和就业支出 | 25 | 120.00 | ||
9 | 九、医疗卫生与计划生育支出 | 26 | {health} | ||
10 | 十、节能环保支出 | 27 | |||
11 | 十一、其他支出 | 28 | |||
12 | 29 | ||||
本年收入合计 | 13 | 2473.00 | 本年支出合计 | 30 | 2520.00 |
用事业基金弥补收支差额 | 14 | 80.00 | 结余分配 | 31 | |
年初结转和结余 | 15 | 35.60 | 年末结转和结余 | 32 | 68.60 |
16 | 35.60 | 33 | |||
总计 | 17 | 2588.60 | 总计 | 34 | 2588.60 |
"""


def _package(text: str):
    source = SourceDocument("t.txt", "text", text_blocks(text, "t.txt"))
    return extract_disclosure(source, 2016, "")


def test_rows_shifted_left_are_placed_by_meaning():
    package, errors = _package(TABLE.format(health="2400.00"))
    d01 = package.tables["D01"]
    expenditure = {r.label: (r.line_no, r.value("amount")) for r in d01.rows if r.side == "expenditure"}
    assert expenditure["外交支出"] == ("19", 0) and expenditure["文化体育与传媒支出"] == ("24", 0)
    assert expenditure["医疗卫生与计划生育支出"] == ("26", Decimal("2400.00") * WAN)
    assert expenditure["社会保障和就业支出"] == ("25", Decimal("120.00") * WAN)
    income = [r.label for r in d01.rows if r.side == "income"]
    assert income == [
        "财政拨款收入",
        "上级补助收入",
        "事业收入",
        "经营收入",
        "附属单位上缴收入",
        "其他收入",
        "本年收入合计",
        "用事业基金弥补收支差额",
        "年初结转和结余",
        "总计",
    ]  # no '7', '8' … read as labels
    # the figure printed with a 行次 and no label is reported, not read; nothing else is left over
    [error] = errors
    assert "第16行次" in error.message and "35.60" in error.message


def test_the_shifted_table_balances_and_a_planted_fault_in_a_shifted_row_is_found(tmp_path):
    _, found = audit_text(tmp_path, TABLE.format(health="2400.00"))
    assert [f.message for f in found if f.tier is not Tier.NOTICE] == []
    _, found = audit_text(tmp_path, TABLE.format(health="2410.00"))
    [wrong] = [f for f in found if f.rule == "disclosure.r02_expenditure_total"]
    assert wrong.tier is Tier.ERROR and wrong.expected == "2,530.00"


def test_the_older_layouts_rows_before_the_grand_total_are_added(tmp_path):
    """总计 = 本年收入合计 + 用事业基金弥补收支差额 + 年初结转和结余 (2473.00 + 80.00 + 35.60 = 2588.60)."""
    _, found = audit_text(tmp_path, TABLE.format(health="2400.00"))
    assert not [f for f in found if f.rule == "disclosure.r03_r05_grand_totals"]
    _, found = audit_text(tmp_path, TABLE.format(health="2400.00").replace("| 80.00 |", "| 70.00 |"))
    [wrong] = [f for f in found if f.rule == "disclosure.r03_r05_grand_totals"]
    assert "用事业基金弥补收支差额" in wrong.message and wrong.expected == "2,578.60"


SIDES = [Side("income", 0, 1, (2,)), Side("expenditure", 3, 4, (5,))]


def _row(*texts: str) -> Row:
    return Row(tuple(Cell(t) for t in texts))


@pytest.mark.parametrize(
    ("texts", "placed"),
    [
        (
            ("二、上级补助收入", "2", "二、外交支出", "19", "", ""),
            ["二、上级补助收入", "2", "", "二、外交支出", "19", ""],
        ),
        (("9", "九、卫生健康支出", "26", "8.00", "", ""), ["", "9", "", "九、卫生健康支出", "26", "8.00"]),
        (
            ("12", "29", "", "", "", ""),
            ["", "12", "", "", "29", ""],
        ),  # both sides blank: each 行次 goes on its side's
    ],
)
def test_one_row_placed(texts, placed):
    above = [
        _row("一、甲收入", "1", "1.00", "一、甲支出", "18", ""),
        _row("二、乙收入", "11", "", "二、乙支出", "28", ""),
    ]
    rows = place_rows([*above, _row(*texts)], SIDES, 6)
    assert rows[-1].texts == placed


def test_aligned_rows_and_rows_with_open_cells_stay_as_they_are():
    aligned = _row("一、甲收入", "1", "1.00", "一、甲支出", "18", "2.00")
    rebuilt = Row(
        (Cell("一、甲收入"), Cell("1"), Cell("3.00或空", placed=False), Cell(""), Cell(""), Cell(""))
    )
    assert place_rows([aligned, rebuilt], SIDES, 6) == [aligned, rebuilt]
