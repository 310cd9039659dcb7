"""Tables a person reads in published pages that were left unread or read wrongly, each in its layout with this
file's own wording and figures: a 三公 table one cell per line whose header cells wrap over lines, its tiers printed in
one run over a 行次 row, one row per year with the year's 预算数 and 决算数; a 三公 and 机关运行经费 table named by its
title; a page's whole text on one line behind a table cell's bar; a page counter printed as a table row; a two-sided
收入支出决算总表 one cell per line with no separator; the tail of one form and the head of the next in '|'-rows. Each is
read with its unit, or what cannot be placed is reported once — never guessed."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.source import Paragraph, Table, text_blocks
from jixiao.ingest.tiers import fitting_layouts, summing
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text


def _cells(*texts: str) -> str:
    """One cell per line, each ending with ' |'; a text with a line break keeps it (a wrapped header cell)."""
    return "".join(f"{t} |\n" for t in texts)


def _findings(doc, rule: str) -> list[Tier]:  # type: ignore[no-untyped-def]
    return [f.tier for f in audit_document(doc, CENTRAL).findings if f.rule == rule]


# --- a 三公 table, years as rows, its header's tiers in one run over a 行次 row (cells wrapped over lines) ----------

YEARS_HEADER = ["经费项目", "合计", "因公出国(境)费", "公务用车购置及运行费", "公务接待费", "小计", "公务用车\n购置费",
                "公务用车\n运行费", "小计", "一般行政管理", "其他社区事务支出"]
YEARS_ROWS = [
    ["2031年度预算数", "9.40", "1.00", "5.40", "0.00", "5.40", "3.00", "3.00", "上年结转资金4.20"],
    ["2031年度决算数", "11.10", "0.80", "5.10", "0.00", "5.10", "5.20", "1.30", "3.90"],
    ["2030年度决算数", "8.60", "0.00", "6.00", "1.50", "4.50", "2.60", "2.60", "0.00"],
    ["决算对比", "2.50", "0.80", "-0.90", "-1.50", "0.60", "2.60", "-1.30", "3.90"],
]


def _years_page(operation: str = "5.10") -> str:
    rows = [cell for row in YEARS_ROWS for cell in row]
    return ("示例采购中心2031年“三公”经费情况\n"
            f"1、公务用车运行费{operation}万元,比上年4.50万元增加0.60万元;\n"
            "(单位:万元)\n" + _cells(*YEARS_HEADER, "行次", *map(str, range(1, 9)), *rows)
            + "注:决算数含以前年度结转资金安排的支出。\n")


def test_a_cell_wrapped_over_two_lines_stays_one_cell():
    [table] = [b for b in text_blocks(_years_page(), "page.txt") if isinstance(b, Table)]
    assert "公务用车购置费" in table.rows[1].texts and "公务用车运行费" in table.rows[1].texts


def test_the_header_tiers_over_a_numbered_row_are_laid_out_by_the_totals_the_rows_hold():
    [table] = [b for b in text_blocks(_years_page(), "page.txt") if isinstance(b, Table)]
    assert [len(r.cells) for r in table.rows] == [9] * 7  # the label column and the 8 numbered ones
    assert table.rows[0].texts[3:6] == ["公务用车购置及运行费"] * 3 and table.rows[1].texts[6:] == [
        "小计", "一般行政管理", "其他社区事务支出"]
    assert table.rows[2].texts == ["行次", *map(str, range(1, 9))]
    # a layout with a third tier under the car also fits the header's words: the rows' totals rule it out
    rest = [t.replace("\n", "") for t in YEARS_HEADER[1:]]
    values = [[Decimal(v) for v in YEARS_ROWS[1][1:]]]
    held = [summing(layout, values) for cuts in ((4,), (4, 7)) for layout in fitting_layouts(
        [rest[a:b] for a, b in itertools.pairwise([0, *cuts, len(rest)])], 8)]
    assert held.count(True) == 1 and len(held) > 1


def test_the_years_budget_and_final_rows_are_read_the_other_rows_named_unread(tmp_path):
    doc, errors = load_text(tmp_path, _years_page())
    table = doc.disclosure.tables["D09"]
    [row] = table.rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert values == {"budget_total": Decimal("9.40"), "budget_overseas": 1, "budget_car": Decimal("5.40"),
                      "budget_car_purchase": 0, "budget_car_operation": Decimal("5.40"), "budget_reception": 3,
                      "final_total": Decimal("11.10"), "final_overseas": Decimal("0.80"), "final_car": Decimal("5.10"),
                      "final_car_purchase": 0, "final_car_operation": Decimal("5.10"), "final_reception": Decimal("5.20")}
    assert table.unit == "万元"
    said = [str(e) for e in errors]
    assert sum("一般行政管理" in s and "细目" in s for s in said) == 1
    assert sum("其他社区事务支出" in s and "细目" in s for s in said) == 1
    assert any("2030年度决算数" in s and "对比年度" in s for s in said)
    assert any("决算对比" in s and "增减变化" in s for s in said)
    unread = [u.what for u in doc.reading.unread]
    assert not any("未能识别" in u for u in unread)  # each part column said once, by its reason


@pytest.mark.parametrize(("operation", "tier"), [("5.10", None), ("5.30", Tier.ERROR)])
def test_the_narrative_is_checked_against_the_years_final_row(tmp_path, operation, tier):
    doc, _ = load_text(tmp_path, _years_page(operation))
    assert _findings(doc, "narrative.n1_amount_vs_table") == ([tier] if tier else [])
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR and f.rule != (
        "narrative.n1_amount_vs_table")]


# --- a 三公 and 机关运行经费 table: named by its title, its paragraphs read ------------------------------------------

ADMIN_COST = """2031年度一般公共预算财政拨款“三公”经费及机关运行经费支出决算表
单位:万元
一般公共预算财政拨款“三公”经费 | 机关运行 经费决算数 | |||||||||||
合计 | 因公出国 (境)费 | 公务用车购置及运行费 | 公务接待费 | |||||||||
小计 | 公务用车 购置费 | 公务用车 运行费 | ||||||||||
预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 预算数 | 决算数 | 210.40 |
30.00 | 12.60 | 20.00 | 11.00 | 20.00 | 11.00 | 10.00 | 1.60 |
示例区档案局2031年度“三公”经费财政拨款支出年初预算为30.00万元,支出决算为12.60万元,完成预算的42.00%。
"""


def test_a_sangong_and_admin_cost_table_is_the_sangong_table_and_its_paragraphs_are_read(tmp_path):
    doc, _ = load_text(tmp_path, ADMIN_COST)
    assert "D09" in doc.disclosure.tables and "D03" not in doc.disclosure.tables
    assert doc.reading.claims  # the sentence's figures are read
    # 8 figures under 12 columns (the blank cells dropped): not placed, said so — once, by the reader's reason
    tables = [u for u in doc.reading.unread if u.location.table == "公开09"]
    assert any("无法与表头各项" in u.what for u in tables)
    assert not any("未读到任何数字" in u.what or "未标明预算数或决算数" in u.what for u in tables)


# --- a page's text on one line behind a table cell's bar ---------------------------------------------------------

BEHIND_BARS = ("| \n |  |  |  | \n  \n   | 示例县2031年“三公”经费决算情况说明 现将示例县2031年“三公”经费决算情况公开如下:2031年全县"
               "“三公”经费支出决算为120.50万元,其中:因公出国(境)费为0万元;公务接待费为40.50万元;公务用车购置及运行维护费为"
               "80.00万元。\n")


def test_running_text_behind_a_bar_is_a_paragraph_read_for_its_figures(tmp_path):
    blocks = text_blocks(BEHIND_BARS, "page.txt")
    assert not [b for b in blocks if isinstance(b, Table)]
    [paragraph] = [b for b in blocks if isinstance(b, Paragraph)]
    assert paragraph.text.startswith("示例县2031年") and paragraph.location.line == 4
    doc, _ = load_text(tmp_path, BEHIND_BARS)
    assert len(doc.reading.claims) >= 3


# --- a page counter printed as a table row -----------------------------------------------------------------------

COUNTER = """示例县农机站2031年度一般公共预算财政拨款“三公”经费支出决算表
2032-8-1 09:30| 发布者: 示例县农机站| 阅读:3 | | |
2031年度“三公”经费支出决算为6.40万元,其中:因公出国(境)费0万元,公务用车购置及运行维护费4.10万元,公务接待费2.30万元。
"""


def test_a_counter_row_is_page_chrome_not_the_titled_table(tmp_path):
    assert not [b for b in text_blocks(COUNTER, "page.txt") if isinstance(b, Table)]
    doc, _ = load_text(tmp_path, COUNTER)
    assert "D09" not in doc.disclosure.tables
    assert _findings(doc, "narrative.blank_table_stated") == []
    assert any("阅读:3" in line for line in doc.source.preamble)


# --- a two-sided 收入支出决算总表 one cell per line, no separator, an empty cell dropped, the text cut -------------

TWO_SIDES = """2031年度收入支出决算总表
单位:万元
收入
支出
项目
决算数
项目
决算数
一、财政拨款收入
860.25
一、一般公共服务支出
二、上级补助收入
12.00
二、教育支出
15.40

  其中:政
"""


def test_two_sides_one_cell_per_line_are_read_side_by_side(tmp_path):
    doc, _ = load_text(tmp_path, TWO_SIDES)
    rows = doc.disclosure.tables["D01"].rows
    assert sorted((r.side, r.label) for r in rows) == [("expenditure", "一般公共服务支出"), ("expenditure", "教育支出"),
                                                      ("income", "上级补助收入"), ("income", "财政拨款收入")]
    by_label = {r.label: r for r in rows}
    income = by_label["财政拨款收入"].cells["amount"]
    assert income.text == "860.25" and income.value == Decimal("8602500")
    assert by_label["教育支出"].cells["amount"].text == "15.40"
    assert "amount" not in by_label["一般公共服务支出"].cells  # its cell dropped: unknown, not 0
    assert not any("两栏" in u.what for u in doc.reading.unread)


# --- the tail of one form and the head of the next, in '|'-rows -------------------------------------------------

TAIL_AND_HEAD = """读者知晓率 | = | 100 | % | 100 | 5 | 5 |
| |||
满意度指标 | 服务对象满意度指标 | 读者满意度 | ≥ | 90 | % | 92 | 5 | 5 |
合计 | 100 | 98 |
评价结论 | 按计划完成。 | |||||||||
部门预算项目支出绩效自评表(2031年度) | ||||||||||
项目名称 | 示例馆数字资源采购经费 | |||||||||
主管部门 | 示例县文化局 | 实施单位 (盖章) | 示例县图书馆 | |||||||
预算执行情况(10分) |
"""


def test_each_unread_part_of_a_form_table_is_said_once(tmp_path):
    doc, _ = load_text(tmp_path, TAIL_AND_HEAD)
    unread = [u.what for u in doc.reading.unread]
    assert sum("属于另一张表" in u for u in unread) == 1
    assert sum("只读到项目名称等表头信息" in u for u in unread) == 1
    assert not any(u.startswith("表格未被识别") for u in unread)
