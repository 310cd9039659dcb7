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


def _load_text(tmp_path, text: str):
    path = tmp_path / "headerless.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc, errors


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
