"""公开09 read from its labels in every orientation: items as rows (with or without a 合计/一般公共预算/政府性基金
split under 预算数 and 决算数), or 预算数/决算数 as rows under a header of items. A table whose figures no layout
can place is unread, never blank."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

TITLE = "某某林场2022年度一般公共预算财政拨款“三公”经费支出决算\n一、“三公”经费支出决算表\n单位:万元\n"
TEXT = ("二、“三公”经费支出情况说明\n"
        "某某林场2022年度“三公”经费支出预算为12.5万元,支出决算为9.35万元。其中:公务接待费支出决算为3.15万元。\n")

ITEMS_AS_ROWS = """项 目 | 预 算 数 | 决 算 数 |
合 计 | 12.5 | 9.35 |
因公出国(境)费 | ||
公务用车购置及运行维护费 | 8 | 6.2 |
其中:公务用车运行维护费 | 8 | 6.2 |
公务用车购置费 | ||
公务接待费 | 4.5 | 3.15 |
"""
TWO_TIER = """项目 | 预算数 | 决算数 | | | | |
合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 |
因公出国(境)费 | 0 | 0 | 0 | 0 | 0 | 0 |
公务接待费 | 4.5 | 4.5 | 0 | 3.15 | 3.15 | 0 |
公务用车购置及运行费 | 8 | 8 | 0 | 6.2 | 6.2 | 0 |
总计 | 12.5 | 12.5 | 0 | 9.35 | 9.35 | 0 |
"""
ITEMS_AS_COLUMNS = """项目 | 合计 | 因公出国(境)费 | 公务用车购置及运行维护费 | 公务接待费 |
预算数 | 12.5 | 0 | 8 | 4.5 |
决算数 | 9.35 | 0 | 6.2 | 3.15 |
"""
UNMAPPABLE = """栏目 | 甲 | 乙 |
第一栏 | 12.5 | 9.35 |
第二栏 | 4.5 | 3.15 |
"""


def _load(tmp_path, table: str):
    path = tmp_path / "sangong.txt"
    path.write_text(TITLE + table + TEXT, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc, errors


@pytest.mark.parametrize("table", [ITEMS_AS_ROWS, TWO_TIER, ITEMS_AS_COLUMNS], ids=["rows", "two-tier", "columns"])
def test_sangong_table_in_any_orientation(tmp_path, table):
    doc, _ = _load(tmp_path, table)
    [row] = doc.disclosure.tables["D09"].rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert values["budget_total"] == Decimal("12.5") and values["final_total"] == Decimal("9.35")
    assert values["budget_reception"] == Decimal("4.5") and values["final_reception"] == Decimal("3.15")
    assert values["final_car"] == Decimal("6.2")
    findings = audit_document(doc, CENTRAL).findings
    assert not [f for f in findings if f.rule == "narrative.blank_table_stated"]
    # the figures are now compared with the text: a stated total that differs is found
    wrong = _load(tmp_path, table.replace("9.35", "9.53"))[0]
    assert "narrative.n1_amount_vs_table" in {f.rule for f in audit_document(wrong, CENTRAL).findings}


def test_unmappable_sangong_table_is_unread_not_blank(tmp_path):
    doc, errors = _load(tmp_path, UNMAPPABLE)
    assert any("公开09" in str(e) and "无法对应" in str(e) for e in errors)
    assert doc.disclosure.tables["D09"].unmapped
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.rule == "narrative.blank_table_stated"]


def _cells(table: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip().rstrip("|").split("|")] for line in table.strip().splitlines()]


def _one_cell_per_line(table: str) -> str:
    """Each cell on its own line ending in ' |', an empty cell a lone '|', no row marks, the last row cut after its
    label (a page saved mid-table)."""
    rows = _cells(table)
    width = len(rows[0])
    lines = [f"{c} |" if c else "|" for row in rows for c in (row + [""] * width)[:width]]
    return "\n".join([*lines, "其中:公务用车购置费 |"]) + "\n"


def _blank_separated(table: str) -> str:
    """A web table flattened: one cell per line, blank lines between cells, an empty cell a line of spaces."""
    rows = _cells(table)
    width = len(rows[0])
    return "\n\n".join(c or "  " for row in rows for c in (row + [""] * width)[:width]) + "\n\n"


@pytest.mark.parametrize("render", [_one_cell_per_line, _blank_separated], ids=["cell-per-line", "blank-separated"])
def test_sangong_table_flattened_to_one_cell_per_line(tmp_path, render):
    doc, _ = _load(tmp_path, render(ITEMS_AS_ROWS))
    [row] = doc.disclosure.tables["D09"].rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert values["budget_total"] == Decimal("12.5") and values["final_total"] == Decimal("9.35")
    assert values["final_car_operation"] == Decimal("6.2") and values["final_reception"] == Decimal("3.15")
    assert "final_overseas" not in values  # an empty cell, not the next row's label
    assert doc.disclosure.tables["D09"].unit == "万元"


TRADITIONAL = """一、2022年度一般公共預(yù)算財政撥款“三公”經(jīng)費支出決算表
單位:萬元
項 目 |
預 算 數(shù) |
決 算 數(shù) |
合 計 |
30.5 |
12.48 |
因公出國(境)費 |
10 |
|
公務接待費 |
8.5 |
4.08 |
公務用車購置及運行維護費 |
12 |
8.4 |
其中:公務用車運行維護費 |
12 |
8.4 |
公務用車購置費 |
二、2022年度一般公共預(yù)算財政撥款“三公”經(jīng)費支出情況說明
示例鎮(zhèn)文化站2022年度“三公”經(jīng)費支出預(yù)算為30.5萬元,支出決算為12.48萬元。
"""


def test_traditional_cell_per_line_sangong_table_with_pinyin_readings(tmp_path):
    path = tmp_path / "traditional.txt"
    path.write_text(TRADITIONAL, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    table = doc.disclosure.tables["D09"]
    values = {key: amount.value / 10000 for key, amount in table.rows[0].cells.items()}
    assert table.unit == "万元"
    assert values == {"budget_total": Decimal("30.5"), "final_total": Decimal("12.48"), "budget_overseas": Decimal(10),
                      "budget_reception": Decimal("8.5"), "final_reception": Decimal("4.08"),
                      "budget_car": Decimal(12), "final_car": Decimal("8.4"), "budget_car_operation": Decimal(12),
                      "final_car_operation": Decimal("8.4")}


WITH_MEETINGS = """某某林场2022年度一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表
单位:万元
项 目 | 预 算 数 | 决 算 数 |
合 计 | 12.5 | 9.35 |
因公出国(境)费 | ||
公务用车购置及运行维护费 | 8 | 6.2 |
其中:公务用车运行维护费 | 8 | 6.2 |
公务接待费 | 4.5 | 3.15 |
会议费 | 2 | 1.2 |
培训费 | 3 | 2.46 |
二、情况说明
某某林场2022年度“三公”经费支出决算为9.35万元。会议费支出决算为1.2万元,培训费支出决算为2.46万元。
"""


def _audit(tmp_path, text: str):
    path = tmp_path / "meetings.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc, audit_document(doc, CENTRAL).findings


def test_meeting_and_training_rows_are_read_and_checked(tmp_path):
    doc, findings = _audit(tmp_path, WITH_MEETINGS)
    table = doc.disclosure.tables["D09"]
    values = {key: amount.value / 10000 for key, amount in table.rows[0].cells.items()}
    assert values["final_meeting"] == Decimal("1.2") and values["budget_training"] == Decimal(3)
    assert values["final_total"] == Decimal("9.35")  # the 三公 total: 会议费 and 培训费 are beside it
    assert not [f for f in findings if f.rule in ("narrative.n1_amount_vs_table", "disclosure.r24_sangong_sum")]
    _, wrong = _audit(tmp_path, WITH_MEETINGS.replace("培训费支出决算为2.46万元", "培训费支出决算为2.64万元"))
    hits = [f for f in wrong if f.rule == "narrative.n1_amount_vs_table"]
    assert [(f.tier, f.expected, f.actual) for f in hits] == [(Tier.ERROR, "2.46", "2.64")]


def test_total_including_meetings_and_training_adds_up(tmp_path):
    text = WITH_MEETINGS.replace("合 计 | 12.5 | 9.35 |", "合 计 | 17.5 | 13.01 |").replace(
        "“三公”经费支出决算为9.35万元", "“三公”经费及会议费、培训费支出决算为13.01万元")
    _, findings = _audit(tmp_path, text)
    assert not [f for f in findings if f.rule == "disclosure.r24_sangong_sum"]
    _, wrong = _audit(tmp_path, text.replace("13.01 |", "13.51 |"))
    hits = [f for f in wrong if f.rule == "disclosure.r24_sangong_sum"]
    assert [(f.tier, f.expected) for f in hits] == [(Tier.ERROR, "13.01")] and "培训费" in hits[0].message


def test_meeting_figures_are_not_compared_with_a_table_that_lacks_them(tmp_path):
    text = TITLE + ITEMS_AS_ROWS + TEXT + "会议费支出决算为5.5万元。\n"
    _, findings = _audit(tmp_path, text)
    assert not [f for f in findings if f.rule == "narrative.n1_amount_vs_table"]


CHANGES_ON_BUDGET = ("1.因公出国(境)费支出0万元,与2022年度预算相比无增减。\n"
                     "2.公务接待费支出3.15万元,与2022年度预算相比,减少1.35万元。\n"
                     "3.公务用车购置及运行维护费支出6.2万元,与2022年度预算相比,减少1.8万元。\n")


@pytest.mark.parametrize(("old", "new", "expected"), [
    (None, None, None),
    ("减少1.35万元", "减少0.35万元", "-1.35"),
    ("减少1.8万元", "无变化", "-1.80"),
])
def test_change_on_the_budget_against_the_sangong_table(tmp_path, old, new, expected):
    text = TITLE + _one_cell_per_line(ITEMS_AS_ROWS) + TEXT + CHANGES_ON_BUDGET
    _, findings = _audit(tmp_path, text.replace(old, new) if old else text)
    hits = [f for f in findings if f.rule == "narrative.change_vs_budget"]
    assert [(f.tier, f.expected) for f in hits] == ([(Tier.ERROR, expected)] if expected else [])


@pytest.mark.parametrize(("share", "tier"), [("66.31", None), ("66.3", None), ("66.30", Tier.NOTICE),
                                             ("63.31", Tier.ERROR)])
def test_share_of_a_sangong_item_is_of_the_sangong_total(tmp_path, share, tier):
    # 6.2 ÷ 9.35 = 66.31%: truncated to 66.30 is a notice, a wrong figure certain
    text = TITLE + ITEMS_AS_ROWS + TEXT + f"公务用车购置及运行维护费支出决算6.2万元,占{share}%。\n"
    _, findings = _audit(tmp_path, text)
    hits = [f for f in findings if f.rule == "narrative.n2_percentages"]
    assert [f.tier for f in hits] == ([tier] if tier else [])


TWO_LEVEL_CELLS = """示例县档案馆2025年“三公”经费预算情况
一、2025年一般公共预算“三公”经费支出预算表
单位:万元
“三公”经费合计 |
因公出国(境)费 |
公务用车购置及运行费 |
公务 接待费 |
||
小计 |
公务用车购置费 |
公务用车运行费 |
|||
46 |
0 |
40 |
{purchase} |
{operation} |
6 |
二、2025年一般公共预算“三公”经费支出预算情况说明
2025年“三公”经费支出预算为46万元。其中：公务用车运行费30万元，公务用车购置费10万元。
"""


@pytest.mark.parametrize(("purchase", "operation", "rules"), [
    ("10", "30", []),
    ("30", "10", ["narrative.n1_amount_vs_table", "narrative.n1_amount_vs_table"]),  # the table's columns swapped
])
def test_two_level_header_copied_one_cell_per_line(tmp_path, purchase, operation, rules):
    path = tmp_path / "sangong.txt"
    path.write_text(TWO_LEVEL_CELLS.format(purchase=purchase, operation=operation), encoding="utf-8")
    doc, _ = load_document(path)
    findings = audit_document(doc, CENTRAL).findings
    [row] = doc.disclosure.tables["D09"].rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert values == {"budget_total": 46, "budget_overseas": 0, "budget_car": 40, "budget_car_purchase": int(purchase),
                      "budget_car_operation": int(operation), "budget_reception": 6}
    assert [f.rule for f in findings if f.tier is Tier.ERROR] == rules


# A 决算 三公 table flattened one cell per line with blank lines between, its header row and its 合计 label lost:
# a line of spaces (the lost header), then the unlabelled total row, then the items with two figures each.
def _headerless(total: str, reception: tuple[str, str] = ("2.40", "2.40")) -> str:
    cells = ["  ", "  ", total, total, "因公出国(境)费", "0.00", "0.00", "公务接待费", *reception,
             "公务用车购置及运行维护费", "0.35", "0.35", "  其中:公务用车购置费", "0.00", "0.00", "公务用车运行维护费", "0.35",
             "0.35", "  "]
    return ("示例县气象站2023年度一般公共预算财政拨款“三公”经费支出决算公开\n\n一、2023年度一般公共预算财政拨款“三公”经费支出决算表"
            "\n\n单位:万元\n\n" + "\n\n".join(cells) + "\n\n注:本表反映单位本年度“三公”经费支出预决算情况。\n\n"
            f"二、情况说明\n\n示例县气象站2023年度“三公”经费支出预算为{total}万元,支出决算为{total}万元。\n")


def _load_text(tmp_path, text: str):  # type: ignore[no-untyped-def]
    return load_text(tmp_path, text, "headerless.txt")


def test_headerless_table_with_equal_columns_is_read_and_its_unlabelled_sum_is_the_total(tmp_path):
    doc, _ = _load_text(tmp_path, _headerless("2.75"))
    [row] = doc.disclosure.tables["D09"].rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert values["budget_total"] == values["final_total"] == Decimal("2.75")
    assert values["final_reception"] == Decimal("2.40") and values["budget_car_operation"] == Decimal("0.35")
    assert not [u for u in doc.reading.unread if u.kind == "table"]
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


def test_headerless_unlabelled_row_that_is_not_the_sum_is_not_taken_for_the_total(tmp_path):
    doc, errors = _load_text(tmp_path, _headerless("2.95"))
    [row] = doc.disclosure.tables["D09"].rows
    assert "final_total" not in row.cells and "final_reception" in row.cells
    assert any("没有项目名称" in str(e) for e in errors)
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


def test_headerless_table_whose_columns_differ_is_unread_not_guessed(tmp_path):
    doc, errors = _load_text(tmp_path, _headerless("2.75", ("2.40", "2.10")))
    assert any("没有表头" in str(e) and "预算数还是决算数" in str(e) for e in errors)
    assert not doc.disclosure.tables["D09"].rows[0].cells
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.rule == "narrative.blank_table_stated"]


# A 决算 三公 table with one row of twelve figures under a header of three tiers, flattened one cell per line with
# blank lines between: a title over everything, the items (two names wrapped over two cells), the car's parts,
# then six 预算数/决算数 pairs, then the figures in the same order.
TIERED_HEADER = ["一般公共预算财政拨款“三公”经费", "合计", "因公出国", "(境)费", "公务用车购置及运行维护费", "公务接待费",
                 "小计", "公务用车", "购置费", "公务用车", "运行维护费"]


def _tiered(figures: list[str], pairs: int = 6) -> str:
    cells = [*TIERED_HEADER, *["预算数", "决算数"] * pairs, *figures]
    return ("示例区园林局2021年“三公”经费决算公开\n\n一般公共预算财政拨款“三公”经费支出决算表\n\n单位:万元\n\n"
            + "\n\n".join(cells) + "\n\n注:本表反映部门本年度“三公”经费支出预决算情况。\n\n"
            f"二、情况说明\n\n“三公”经费财政拨款支出年初预算为{figures[0]}万元,支出决算为{figures[1]}万元。\n")


TIERED_FIGURES = ["96.00", "70.41", "20.00", "0.00", "50.00", "44.26", "30.00", "29.50", "20.00", "14.75",
                  "26.00", "26.15"]


def test_three_tier_header_flattened_one_cell_per_line_is_read_column_by_column(tmp_path):
    doc, _ = _load_text(tmp_path, _tiered(TIERED_FIGURES))
    [row] = doc.disclosure.tables["D09"].rows
    values = {key: amount.text for key, amount in row.cells.items()}
    assert values == {"budget_total": "96.00", "final_total": "70.41", "budget_overseas": "20.00",
                      "final_overseas": "0.00", "budget_car": "50.00", "final_car": "44.26",
                      "budget_car_purchase": "30.00", "final_car_purchase": "29.50", "budget_car_operation": "20.00",
                      "final_car_operation": "14.75", "budget_reception": "26.00", "final_reception": "26.15"}
    findings = audit_document(doc, CENTRAL).findings
    # 29.50 + 14.75 = 44.25 against the printed 小计 44.26: a residue of the last digit, a notice
    assert [(f.rule, f.tier) for f in findings if f.rule == "disclosure.r24_sangong_sum"] == [
        ("disclosure.r24_sangong_sum", Tier.NOTICE)]
    assert not [f for f in findings if f.tier is Tier.ERROR]


def test_tiered_header_whose_columns_do_not_divide_among_the_items_is_unread(tmp_path):
    doc, errors = _load_text(tmp_path, _tiered(TIERED_FIGURES[:10], pairs=5))
    assert any("无法与表头各项" in str(e) for e in errors)
    assert not doc.disclosure.tables["D09"].rows[0].cells


# A 三公 budget table comparing two years' 预算数, the earlier year's column printed first or last.
def _two_years(first: str, second: str) -> str:
    figures = {"2023": ("30", "12", "18"), "2024": ("28", "10", "18")}
    rows = [("项目", f"{first}年预算数", f"{second}年预算数"), *(
        (label, figures[first][n], figures[second][n]) for n, label in enumerate(("合计", "公务接待费", "公务用车运行费")))]
    return ("示例县水文站2024年“三公”经费预算情况说明\n\n示例县水文站2024年“三公”经费财政拨款预算安排28万元。\n\n"
            "附表:示例县水文站2024年“三公”经费财政拨款预算表\n\n单位:万元\n\n"
            + "".join(f"{a} | {b} | {c} |\n" for a, b, c in rows))


@pytest.mark.parametrize(("first", "second"), [("2023", "2024"), ("2024", "2023")])
def test_a_comparison_year_column_is_told_by_its_year_and_reported_unread(tmp_path, first, second):
    doc, errors = _load_text(tmp_path, _two_years(first, second))
    [row] = doc.disclosure.tables["D09"].rows
    assert row.cells["budget_total"].text == "28" and row.cells["budget_reception"].text == "10"
    assert any("2023年预算数" in str(e) and "对比年度" in str(e) for e in errors)


# '|' rows whose title and unit are rows of the table themselves ('…统计表 | ||', '? | 单位:万元 | |'), a
# '其中' column beside the budget column, numbered item rows ('3.公务用车费', '其中:(1)…').
CAPTION_ROWS = """示例县档案局2021年部门“三公”经费情况统计表 | ||
? | 单位:万元 | |
项 目 | 本年预算数 | 其中:财政拨款 |
合 计 | 6.20 | 6.20 |
1.因公出国(境)费用 | 0 | 0 |
2.公务接待费 | 1.40 | 1.40 |
3.公务用车费 | {car} | {car} |
其中:(1)公务用车运行维护费 | 4.80 | 4.80 |
(2)公务用车购置 | 0 | 0 |
注:“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费。 |
"""


@pytest.mark.parametrize(("car", "broken"), [("4.80", False), ("0", True)])
def test_title_and_unit_rows_of_a_pipe_table_are_its_captions(tmp_path, car, broken):
    doc, errors = _load_text(tmp_path, "示例县档案局2021年部门预算公开\n" + CAPTION_ROWS.format(car=car))
    table = doc.disclosure.tables["D09"]
    assert table.unit == "万元"
    [row] = table.rows
    assert row.cells["budget_total"].text == "6.20" and row.cells["budget_car_operation"].text == "4.80"
    assert any("其中:财政拨款" in str(e) and "未读取" in str(e) for e in errors)
    errors_found = [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]
    # a 小计 printed 0 over its parts is one fault: the 合计 adds up with the parts, so only the 小计 is reported
    assert [f.location.row for f in errors_found] == (["3.公务用车费"] if broken else [])


# A county's 三公 budget table printed without a title: the unit row opens it, a column of reasons beside the
# figures, a change column, and the earlier year's column.
UNTITLED = """单位:万元 | ||||
项目 | 2023年预算数 | 2024年预算数 | 2024年预算数增减 | 增减原因 |
合计 | 50.00 | 46.00 | -4.00 | |
1、因公出国(境)费用 | 0 | 0 | 0 | 严控出国计划,不安排出国经费。 |
2、公务接待费 | 20.00 | 16.00 | -4.00 | 压减一般性支出,减少接待批次。 |
3、公务用车费 | 30.00 | 30.00 | 0 | |
其中:(1)公务用车运转维护费 | 30.00 | 24.00 | -6.00 | 车辆减少,运行费下降。 |
(2)公务用车购置费 | 0 | 6.00 | 6.00 | 更新一辆到期执法车辆。 |
示例县2024年“三公”经费预算增减变化情况说明
2024年,全县“三公”经费预算安排46.00万元,较上年减少4.00万元。
"""


def test_untitled_budget_table_with_reasons_and_changes_is_read(tmp_path):
    doc, errors = _load_text(tmp_path, UNTITLED)
    [row] = doc.disclosure.tables["D09"].rows
    assert row.cells["budget_total"].text == "46.00" and row.cells["budget_reception"].text == "16.00"
    assert row.cells["budget_car_operation"].text == "24.00" and row.cells["budget_car_purchase"].text == "6.00"
    assert any("2023年预算数" in str(e) and "对比年度" in str(e) for e in errors)
    assert any("2024年预算数增减" in str(e) and "增减变化" in str(e) for e in errors)
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


# Page metadata as '|' rows right above a 决算 table whose columns are 上年/本年 with a two-tier change header.
METADATA_ABOVE = """| 索引号 | 0000-1-04/2020-0001 | 发布机构 | 示例县财政局 |
| 公开目录 | “三公”经费 | 发布日期 | 2020-09-01 |
| 文号 | 浏览量 | 12 |
附件. | ||||
示例县2019年“三公”经费决算情况统计表 | ||||
单位:万元 | ||||
项目 | 上年决算数 | 本年决算数 | 比上年增、减情况 | |
增、减金额 | 增、减幅度 | |||
合计 | 40.00 | 36.00 | -4.00 | -10% |
1.因公出国(境)费 | 5.00 | 0 | -5.00 | -100% |
2.公务接待费 | 15.00 | 16.00 | 1.00 | 6.67% |
3.公务用车购置及运行费 | 20.00 | 20.00 | 0 | 0% |
其中:(1)公务用车购置费 | 0 | 0 | 0 | |
(2)公务用车运行费 | 20.00 | 20.00 | 0 | 0% |
"""


def test_metadata_rows_above_a_two_year_final_table_stay_apart(tmp_path):
    doc, errors = _load_text(tmp_path, METADATA_ABOVE)
    table = doc.disclosure.tables["D09"]
    [row] = table.rows
    assert table.unit == "万元"
    assert row.cells["final_total"].text == "36.00" and row.cells["final_reception"].text == "16.00"
    assert "final_overseas" in row.cells and row.cells["final_overseas"].text == "0"
    assert any("上年决算数" in str(e) and "对比年度" in str(e) for e in errors)
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


TRADITIONAL_PIPES = """示例縣2019年“三公”經(jīng)費(fèi)匯總情況決算表 | |
單位:萬(wàn)元 | |
項(xiàng)目 | 本年預(yù)算數(shù) |
合計(jì) | 25 |
1、因公出國(guó)(境)費(fèi)用 | 0 |
2、公務(wù)接待費(fèi) | 9 |
3、公務(wù)用車(chē)費(fèi) | 16 |
其中:(1)公務(wù)用車(chē)運(yùn)行維護(hù)費(fèi) | 16 |
(2)公務(wù)用車(chē)購(gòu)置 | 0 |
"""


def test_traditional_pipe_table_with_title_and_unit_rows_is_read(tmp_path):
    doc, _ = _load_text(tmp_path, TRADITIONAL_PIPES)
    table = doc.disclosure.tables["D09"]
    [row] = table.rows
    assert table.unit == "万元"
    assert row.cells["budget_total"].text == "25" and row.cells["budget_car"].text == "16"


# One cell per line ending ' |', no title naming the table, a column of what was spent with dash cells beside it
# in the change columns, the parts of the car at the same level as it, the total at the bottom.
SPENT_DASHES = """2021年度全县“三公”经费决算情况
经费项目 |
2021年度支出 (万元) |
支出减少情况(万元) |
支出减少率 |
因公出国(境)费 |
0 |
0 |
0% |
公务接待费 |
12.40 |
- |
- |
公务用车购置及运行维护费 |
80.60 |
- |
- |
公务用车购置费 |
30.00 |
- |
- |
公务用车运行维护费 |
50.60 |
- |
- |
总“三公”经费支出 |
93.00 |
- |
- |
2021年度全县“三公”经费总支出为93.00万元。
"""


def test_untitled_final_table_of_spending_with_dash_cells_is_read(tmp_path):
    doc, errors = _load_text(tmp_path, SPENT_DASHES)
    table = doc.disclosure.tables["D09"]
    [row] = table.rows
    assert table.unit == "万元"
    assert row.cells["final_total"].text == "93.00" and row.cells["final_car_purchase"].text == "30.00"
    assert any("支出减少情况" in str(e) and "未读取" in str(e) for e in errors)
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]
    wrong = _load_text(tmp_path, SPENT_DASHES.replace("总“三公”经费支出 |\n93.00", "总“三公”经费支出 |\n95.00"))[0]
    assert "disclosure.r24_sangong_sum" in {f.rule for f in audit_document(wrong, CENTRAL).findings}


# One cell per line, lone '|' lines for empty cells, captions first, the 合计 and 公务用车 rows left unfilled.
UNFILLED_TOTAL = """示例镇2022年“三公”经费预算安排
一、“三公”经费预算财政拨款情况表
|
|
单位:万元 |
|
项目 |
2022年预算数 |
上年预算数 |
增幅(%) |
合计 |
|
|
|
因公出国(境)费 |
|
|
|
公务接待费 |
6.00 |
6.00 |
0 |
公务用车购置及运行费 |
|
|
|
其中:公务用车运行维护费 |
4 |
0 |
|
公务用车购置 |
18 |
0 |
|
二、“三公”经费财政拨款支出情况说明
示例镇2022年“三公”经费支出预算为{total}万元。其中:因公出国(境)费0万元,公务接待费6万元,公务用车购置及运行费22万元。
"""


@pytest.mark.parametrize(("total", "errors_expected"), [("28", 0), ("6", 1)])
def test_unfilled_total_rows_are_unknown_not_zero(tmp_path, total, errors_expected):
    doc, errors = _load_text(tmp_path, UNFILLED_TOTAL.replace("{total}", total))
    [row] = doc.disclosure.tables["D09"].rows
    assert row.cells["budget_reception"].text == "6.00" and row.cells["budget_car_purchase"].text == "18"
    assert "budget_total" not in row.cells and not row.known("budget_total") and not row.known("budget_car")
    assert any("空白" in str(e) and "合计" in str(e) for e in errors)
    assert any("上年预算数" in str(e) and "对比年度" in str(e) for e in errors)
    found = [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]
    assert len(found) == errors_expected  # only the text's own sum (6 ≠ 0 + 6 + 22) is a fault


# Cells one per line with a lone '|' line between them (no bar at the end of a cell), the unit above.
BAR_SEPARATED = """示例县青少年活动中心2022年“三公”经费预算
一、2022年“三公”经费支出预算表
单位:万元
项 目
|
预 算 数
|
合 计
|
9.00
|
因公出国(境)费
|
0.00
|
公务接待费
|
3.00
|
公务用车购置及运行费
|
6.00
|
其中:公务用车运行费
|
6.00
|
公务用车购置费
|
0.00
|
二、2022年“三公”经费支出预算情况说明
"""


def test_cells_separated_by_lone_bar_lines_are_rebuilt(tmp_path):
    doc, _ = _load_text(tmp_path, BAR_SEPARATED)
    table = doc.disclosure.tables["D09"]
    [row] = table.rows
    assert table.unit == "万元"
    assert row.cells["budget_total"].text == "9.00" and row.cells["budget_car_operation"].text == "6.00"
    assert not [u for u in doc.reading.unread if u.kind == "table"]


# The same layout with the empty cells kept: each cell closed by its '|' line, an empty cell a further '|' line (so two
# bars in a row are an empty cell, not a row's end), the table's width given by its header only.
BAR_CLOSED_EMPTY = """示例镇文化中心2030年度“三公”经费决算说明
一、2030年一般公共预算财政拨款“三公”经费支出决算表
单位:万元
项 目
|
预 算 数
|
决 算 数
|
合 计
|
7.40
|
5.25
|
因公出国(境)费
|
|
|
公务接待费
|
2.40
|
1.05
|
公务用车购置及运行费
|
5.00
|
4.20
|
其中:公务用车运行费
|
|
4.20
|
公务用车购置费
|
|
|
二、2030年“三公”经费支出决算情况说明
"""


def test_cells_closed_by_bars_with_empty_cells_as_further_bars_are_rebuilt(tmp_path):
    doc, _ = _load_text(tmp_path, BAR_CLOSED_EMPTY)
    table = doc.disclosure.tables["D09"]
    [row] = table.rows
    assert table.unit == "万元"
    assert row.cells["budget_total"].text == "7.40" and row.cells["final_total"].text == "5.25"
    assert row.cells["final_reception"].text == "1.05" and row.cells["final_car"].text == "4.20"
    assert row.cells["final_car_operation"].text == "4.20"  # after an empty 预算数 cell, still the 决算数 column
    assert "budget_car_operation" not in row.cells and "final_overseas" not in row.cells  # empty: not read as figures
    assert not [u for u in doc.reading.unread if u.kind == "table"]


# A two-column table one cell per line with no separator, the empty cells dropped: a label followed by a label
# had no figure printed.
def _dropped_cells(rows: list[str]) -> str:
    return ("示例县统计局2023年预算“三公”经费情况说明\n一、2023年“三公”经费支出预算表\n项目\n预 算 数(万元)\n"
            + "\n".join(rows) + "\n二、2023年“三公”经费支出预算情况说明\n"
            "示例县统计局2023年度“三公”经费支出预算为4.2万元。其中:公务接待费支出预算为4.2万元。\n")


def test_dropped_cells_stay_unknown_and_figures_keep_their_labels(tmp_path):
    doc, errors = _load_text(tmp_path, _dropped_cells(
        ["合计", "4.2", "因公出国(境)费", "0", "公务接待费", "公务用车购置及运行费", "其中:公务用车运行维护费", "公务用车购置"]))
    [row] = doc.disclosure.tables["D09"].rows
    assert row.cells["budget_total"].text == "4.2" and row.cells["budget_overseas"].text == "0"
    assert "budget_reception" not in row.cells and not row.known("budget_reception")  # not 0, not the next figure
    assert any("公务接待费" in str(e) and "未读取" in str(e) for e in errors)
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


def test_dropped_cells_with_two_figures_in_a_row_are_not_aligned(tmp_path):
    # a label lost before '4.2': which row each figure belongs to is not decidable
    doc, _ = _load_text(tmp_path, _dropped_cells(
        ["合计", "4.2", "4.2", "因公出国(境)费", "0", "公务接待费", "公务用车购置及运行费", "公务用车购置"]))
    table = doc.disclosure.tables.get("D09") if doc.disclosure else None
    assert table is None or not any(r.cells for r in table.rows)
    assert [u for u in doc.reading.unread if "4.2" in u.what]


# The same with two columns (预算数, 决算数): a row prints two figures, one (a zero whose column is not known: nothing
# either way) or none (its cells unknown).
TWO_COLUMNS_DROPPED = """一、2031年一般公共预算财政拨款“三公”经费决算情况表
(单位:万元)
项 目
预算数
决算数
合 计
{total}
50.10
因公出国(境)费
0.00
公务接待费
18.00
12.6
公务用车购置及运行费
40.00
37.50
其中:公务用车运行维护费
公务用车购置费
二、2031年“三公”经费财政拨款支出决算情况说明
示例县园林局2031年度“三公”经费财政拨款支出决算为50.1万元,其中:公务接待费支出决算为12.6万元。
"""


@pytest.mark.parametrize(("total", "errors_expected"), [("58.00", False), ("57.00", True)])
def test_two_columns_one_cell_per_line_with_dropped_cells(tmp_path, total, errors_expected):
    doc, errors = _load_text(tmp_path, TWO_COLUMNS_DROPPED.format(total=total))
    [row] = doc.disclosure.tables["D09"].rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert values["budget_total"] == Decimal(total) and values["final_total"] == Decimal("50.10")
    assert values["budget_reception"] == Decimal(18) and values["final_car"] == Decimal("37.50")
    assert row.known("budget_overseas") and row.known("final_overseas") and row.value("final_overseas") == 0
    assert not row.known("final_car_purchase") and not row.known("budget_car_operation")  # not 0, not a figure
    assert any("公务用车购置费" in str(e) and "未读取" in str(e) for e in errors)
    totals = [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]
    assert bool(totals) is errors_expected


BUDGET_TITLE = "某某协会2021年“三公”经费预算\n一、2021年“三公”经费支出预算表\n单位:万元\n"
# one cell per line, each cell's closing bar on a line of its own
LONE_BARS = "\n|\n".join(["项 目", "预 算 数", "合 计", "9.00", "因公出国(境)费", "0.00", "公务接待费", "3.00",
                          "公务用车购置及运行费", "6.00", "其中:公务用车运行费", "6.00", "公务用车购置费", "0.00"]) + "\n|\n"
BUDGET_TEXT = ("二、2021年“三公”经费支出预算情况说明\n"
               "某某协会2021年“三公”经费支出预算为9万元。其中:公务用车运行费{car}万元,公务接待费3万元。\n")


@pytest.mark.parametrize(("car", "tier"), [("6", None), ("2.5", Tier.ERROR)])
def test_cells_closed_by_bars_on_their_own_lines(tmp_path, car, tier):
    path = tmp_path / "sangong.txt"
    path.write_text(BUDGET_TITLE + LONE_BARS + BUDGET_TEXT.format(car=car), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    [row] = doc.disclosure.tables["D09"].rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert values["budget_total"] == Decimal("9") and values["budget_car"] == Decimal("6")
    hits = [f for f in audit_document(doc, CENTRAL).findings if f.rule == "narrative.n1_amount_vs_table"]
    assert [f.tier for f in hits] == ([tier] if tier else [])


# Each row printed '|' / cell / '|' / cell / '|', the rows following each other with no cell between their bars
# ('|' / '|'); a header cell broken over two lines; the columns a 合计 and its split by kind of funds.
def _bar_rows(rows: list[list[str]]) -> str:
    return "".join("|\n" + "".join(f"{cell}\n|\n" for cell in row) for row in rows)


BAR_ROWS_TITLE = "示例市档案馆2030年“三公”经费预算情况\n|\n|\n单位:万元\n|\n"
BAR_ROWS = [["项 目", "合计", "一般公共\n预算", "政府性基金\n预算"],
            ["机关运行经费", "150.10", "150.10", "0.00"],
            ["“三公”经费", "18.00", "18.00", "0.00"],
            ["其中:(一)因公出国(境)费", "2.00", "2.00", "0.00"],
            ["(二)公务用车购置及运行维护费", "12.00", "12.00", "0.00"],
            ["1.公务用车购置费", "0.00", "0.00", "0.00"],
            ["2.公务用车运行维护费", "12.00", "12.00", "0.00"],
            ["(三)公务接待费", "4.00", "4.00", "0.00"]]
BAR_ROWS_TEXT = "一、“三公”经费预算情况说明\n2030年本馆财政拨款安排“三公”经费{total}万元,其中公务接待费4万元。\n"


@pytest.mark.parametrize(("total", "tier"), [("18", None), ("19", Tier.ERROR)])
def test_rows_of_cells_between_lone_bars_end_at_a_double_bar(tmp_path, total, tier):
    doc, errors = _load_text(tmp_path, BAR_ROWS_TITLE + _bar_rows(BAR_ROWS) + BAR_ROWS_TEXT.format(total=total))
    table = doc.disclosure.tables["D09"]
    [row] = table.rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert table.unit == "万元" and values == {
        "budget_total": Decimal(18), "budget_overseas": Decimal(2), "budget_car": Decimal(12),
        "budget_car_purchase": Decimal(0), "budget_car_operation": Decimal(12), "budget_reception": Decimal(4)}
    # the split columns and the row that is no 三公 item are said to be unread, not dropped in silence
    assert any("一般公共预算" in str(e) and "未读取" in str(e) for e in errors)
    assert any("机关运行经费" in str(e) and "未读取" in str(e) for e in errors)
    hits = [f for f in audit_document(doc, CENTRAL).findings if f.rule == "narrative.n1_amount_vs_table"]
    assert [f.tier for f in hits] == ([tier] if tier else [])


def test_lone_bar_rows_of_unequal_width_are_not_taken_for_a_table(tmp_path):
    rows = [list(r) for r in BAR_ROWS]
    rows[2] = rows[2][:3]  # a cell lost: no width fits every row
    doc, _ = _load_text(tmp_path, BAR_ROWS_TITLE + _bar_rows(rows) + BAR_ROWS_TEXT.format(total="18"))
    table = doc.disclosure.tables.get("D09") if doc.disclosure else None
    assert table is None or not table.rows or not any(r.cells for r in table.rows)


def test_bar_rows_under_short_title_lines_are_read_from_their_first_bar(tmp_path):
    # two short lines (a title, a table heading) right above the first bar, nothing between: they are no cell of
    # the table, and the table is read from its first bar
    head = "示例县林业站2030年“三公”经费预算\n一、2030年“三公”经费预算表\n"
    rows = [["项 目", "预 算 数"], ["合 计", "9.50"], ["因公出国(境)费", "0.00"], ["公务接待费", "3.50"],
            ["公务用车购置及运行费", "6.00"]]
    doc, _ = _load_text(tmp_path, head + _bar_rows(rows) + "二、2030年“三公”经费预算情况说明\n")
    [row] = doc.disclosure.tables["D09"].rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert values["budget_total"] == Decimal("9.50") and values["budget_reception"] == Decimal("3.50")


# A table comparing two years item by item: the items as columns under a header of two tiers flattened into one run
# (公车 over its 合计 / 车辆购置 / 车辆运行), one row per year and a row of rates, cells between lone '|' lines.
def _years_as_rows(operation: str) -> str:
    cells = ["年度", "合计", "因公出国(境)经费", "公务接待费", "公车购置及运行维护费", "合计", "车辆购置", "车辆运行",
             "2030年", "410", "20", "150", "240", "60", "180",
             "2031年", "360", "8", "132", "220", "40", "180",
             "2031年比2030年增减%", "-12.20", "-60.00", "-12.00", "-8.33", "-33.33", "0.00"]
    return ("示例区2031年一般公共预算安排“三公”经费决算数360万元,比上年下降12.20%。其中公务用车购置费40万元,"
            f"公务用车运行费{operation}万元。\n2031年决算数与2030年决算数对比情况\n" + "\n|\n".join(cells) + "\n")


@pytest.mark.parametrize(("operation", "tier"), [("180", None), ("181", Tier.ERROR)])
def test_years_as_rows_under_a_flattened_two_tier_header(tmp_path, operation, tier):
    doc, errors = _load_text(tmp_path, _years_as_rows(operation))
    [row] = doc.disclosure.tables["D09"].rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert values == {"final_total": 360, "final_overseas": 8, "final_reception": 132, "final_car": 220,
                      "final_car_purchase": 40, "final_car_operation": 180}
    assert any("2030年" in str(e) and "对比年度" in str(e) for e in errors)
    assert any("增减" in str(e) and "增减变化" in str(e) for e in errors)
    hits = [f.tier for f in audit_document(doc, CENTRAL).findings if f.rule == "narrative.n1_amount_vs_table"]
    assert hits == ([tier] if tier else [])


# The 三公 table one cell per line ending ' |' (no title naming it), then a table of its counts the same way: what was
# used, one count per row in its own unit, a text cell ('无') for a count not kept.
USAGE = """2031年度全县“三公”经费决算情况
经费项目 |
2031年度支出 (万元) |
因公出国(境)费 |
0 |
公务接待费 |
8.20 |
公务用车购置及运行维护费 |
30.50 |
总“三公”经费支出 |
38.70 |
2031年度全县“三公”经费使用情况
使用项目 |
2031年度数量或人次 |
因公出国(境)团组数 |
0 |
公务用车购置数 |
2 |
公务用车保有量 |
45 |
国内公务接待批次 |
61 |
国内公务接待人次 |
540 |
国(境)外公务接待情况 |
无 |
2031年度全县“三公”经费总支出为38.70万元。
"""


def test_a_table_of_the_sangong_counts_is_read_in_their_units(tmp_path):
    doc, _ = _load_text(tmp_path, USAGE)
    counts = doc.disclosure.tables["S09"]
    assert counts.unit == "个、辆、批、人次"
    assert {r.label: r.value("count") for r in counts.rows} == {
        "因公出国(境)团组数": 0, "公务用车购置数": 2, "公务用车保有量": 45, "国内公务接待批次": 61, "国内公务接待人次": 540}
    assert doc.disclosure.tables["D09"].rows[0].cells["final_total"].text == "38.70"
    assert not [u for u in doc.reading.unread if u.kind == "table"]
    assert "“三公”经费相关统计数" in {t.name for t in doc.reading.tables}


# A 预算 三公 table copied one cell per line with no separator at all: under its title and unit, the header's words one
# a line (the car's parts after the items, one item's name broken over two lines), then the one row of figures.
def _bare_lines(figures: list[str], after: str = "") -> str:
    header = ["“三公”经费合计", "因公出国(境)费", "公务用车购置及运行费", "公务", "接待费", "小计", "公务用车购置费",
              "公务用车运行费"]
    return ("示例开发区管委会2031年“三公”经费预算\n一、2031年一般公共预算“三公”经费支出预算表\n单位:万元\n"
            + "\n".join([*header, *figures]) + "\n" + after
            + "二、2031年一般公共预算“三公”经费支出预算情况说明\n示例开发区管委会2031年“三公”经费预算为91.6万元。其中：因公出国(境)费"
            "5万元，公务接待费60万元，公务用车购置及运行费26.6万元，其中公务用车购置费18万元，公务用车运行费8.6万元。\n")


@pytest.mark.parametrize(("figures", "errors"), [
    (["91.6", "5", "26.6", "18", "8.6", "60"], []),
    (["91.6", "5", "26.6", "8.6", "18", "60"], ["narrative.n1_amount_vs_table"] * 2),  # the car's parts swapped
])
def test_header_lines_over_one_row_of_figure_lines_without_separators(tmp_path, figures, errors):
    doc, _ = _load_text(tmp_path, _bare_lines(figures))
    [row] = doc.disclosure.tables["D09"].rows
    assert {key: amount.text for key, amount in row.cells.items()} == {
        "budget_total": figures[0], "budget_overseas": figures[1], "budget_car": figures[2],
        "budget_car_purchase": figures[3], "budget_car_operation": figures[4], "budget_reception": figures[5]}
    assert not [u for u in doc.reading.unread if u.kind == "table"]
    assert sorted(f.rule for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR) == errors


def test_figure_lines_followed_by_another_label_are_not_taken_for_one_row(tmp_path):
    doc, _ = _load_text(tmp_path, _bare_lines(["91.6", "5", "26.6", "18", "8.6", "60"], after="上年预算数\n95\n"))
    assert "D09" not in doc.disclosure.tables or not doc.disclosure.tables["D09"].rows[0].cells
    assert [u for u in doc.reading.unread if u.kind == "table"]


def test_figure_lines_under_a_header_no_layout_places_are_unread_not_read_by_position(tmp_path):
    text = _bare_lines(["91.6", "5", "26.6", "18", "8.6", "60"]).replace("“三公”经费合计\n", "“三公”经费预算合计\n")
    doc, _ = _load_text(tmp_path, text)
    assert not doc.disclosure.tables["D09"].rows[0].cells
    assert any("无法对应" in u.what for u in doc.reading.unread)
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]
