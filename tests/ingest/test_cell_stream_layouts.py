"""三公 tables copied out of web pages one cell per line (own wording and figures): rows marked by a 行次 column
under a two-tier header that opens its second row with 栏次, and rows padded out with runs of bars under a
header whose second row is printed from the left. Each is read with its unit, or reported unread — never guessed,
never taken as zeros."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.source import Table, text_blocks
from jixiao.ingest.textlayout import _two_sided_rows
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

SERIAL_HEAD = "某某乡2023年“三公”经费决算情况说明\n2023年全乡“三公”经费决算数为46.30万元,比上年减少3.70万元。\n"
SERIAL_TABLE = """某某乡“三公”经费决算统计表
单位:万元
项 目 |
行次 |
2022年决算数 |
2023年决算数 |
2023年决算比上年增减情况 |
栏 次 |
增减额 |
增减率 |
(一)支出合计 |
1 |
50.00 |
46.30 |
-3.70 |
-7.40% |
1.因公出国(境)费 |
2 |
|
|
|
|
2.公务用车购置及运行维护费 |
3 |
30.00 |
28.10 |
-1.90 |
-6.33% |
(1)公务用车购置费 |
4 |
|
|
|
|
(2)公务用车运行维护费 |
5 |
30.00 |
28.10 |
-1.90 |
-6.33% |
3.公务接待费 |
6 |
20.00 |
18.20 |
-1.80 |
-9.00% |
其中:外事接待费 |
7 |
1.00 |
0.50 |
-0.50 |
-50.00% |
说明:本表按各单位报送数汇总。
"""

PADDED = """按照预算公开要求,2025年某某区“三公”经费预算合计3300万元,其中公务用车运行维护2600万元。
2025年某某区“三公”经费预算汇总表 |
||||||
|
|
单位:万元 |
||
合计 |
因公出国(境) |
公务用车购置及运行维护 |
||||
小计 |
公务用车购置 |
公车运行及维护 | 公务接待费 | |||
3300 |
60 |
400 |
2600 |
240 |
"""


def _load(tmp_path, text: str):  # type: ignore[no-untyped-def]
    return load_text(tmp_path, text, "sangong.txt")


def _values(doc) -> dict[str, Decimal]:
    [row] = doc.disclosure.tables["D09"].rows
    return {key: amount.value / 10000 for key, amount in row.cells.items()}


def test_serial_rows_rebuild_the_table_and_its_two_tier_header():
    [table] = [b for b in text_blocks(SERIAL_TABLE, "t.txt") if isinstance(b, Table)]
    texts = [[t.replace(" ", "") for t in row.texts] for row in table.rows]
    assert texts[0] == ["项目", "行次", "2022年决算数", "2023年决算数", "2023年决算比上年增减情况", ""]
    assert texts[1] == ["栏次", "", "", "", "增减额", "增减率"]  # printed from the left, placed under its span
    assert texts[2] == ["(一)支出合计", "1", "50.00", "46.30", "-3.70", "-7.40%"]
    assert texts[-2] == ["3.公务接待费", "6", "20.00", "18.20", "-1.80", "-9.00%"]
    assert len(texts) == 9


def test_serial_rows_read_the_year_reported_not_the_year_before(tmp_path):
    doc, errors = _load(tmp_path, SERIAL_HEAD + SERIAL_TABLE)
    assert [str(e).split("：")[-1] for e in errors] == [
        "公开09 的“2023年决算比上年增减情况”列是增减变化的数字，三公经费表只读取本年度的列，此列未读取",
        "公开09 的“2022年决算数”列是对比年度（2022年）的数字，三公经费表只读取本年度的列，此列未读取",  # listed, not dropped
        "公开09 第9行“其中:外事接待费”是公务接待费的细目，其中的数字未读取"]
    # the columns left unread are said where the table's header is, not only by the table's name
    assert all(e.location.line is not None and e.location.column for e in errors[:2])
    values = _values(doc)
    assert values["final_total"] == Decimal("46.30") and values["final_car"] == Decimal("28.10")
    assert values["final_car_operation"] == Decimal("28.10") and values["final_reception"] == Decimal("18.20")
    assert "final_overseas" not in values  # an empty cell is not read as 0.00
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


def test_serial_rows_whose_header_cannot_be_placed_stay_unread(tmp_path):
    # three labels under a span of two columns: where each goes is unknown
    doc, errors = _load(tmp_path, SERIAL_HEAD + SERIAL_TABLE.replace("增减率 |\n", "增减率 |\n备注 |\n", 1))
    table = doc.disclosure.tables["D09"]
    assert table.unmapped and not any(row.cells for row in table.rows)
    assert any("未读取" in str(e) and e.location.table == "公开09" for e in errors)


def test_serial_rows_with_two_columns_of_one_year_stay_unread(tmp_path):
    # both columns are 决算数 and nothing says which year is reported
    text = SERIAL_TABLE.replace("2022年决算数", "上年决算数").replace("2023年决算数", "决算数")
    doc, errors = _load(tmp_path, SERIAL_HEAD + text)
    table = doc.disclosure.tables["D09"]
    assert table.unmapped and not any(row.cells for row in table.rows)
    assert any("未读取" in str(e) for e in errors)


def test_a_sum_error_in_serial_rows_is_found(tmp_path):
    doc, _ = _load(tmp_path, SERIAL_HEAD + SERIAL_TABLE.replace("46.30 |", "47.30 |", 1))
    errors = [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]
    assert any(f.rule == "disclosure.r24_sangong_sum" for f in errors)


def test_padded_rows_one_figure_short_place_the_missing_subtotal_by_the_sums(tmp_path):
    doc, errors = _load(tmp_path, PADDED)
    values = _values(doc)
    assert values == {"budget_total": Decimal(3300), "budget_overseas": Decimal(60),
                      "budget_car_purchase": Decimal(400), "budget_car_operation": Decimal(2600),
                      "budget_reception": Decimal(240)}  # the 小计 not printed is not made up
    assert any("少一个" in str(e) and "小计" in str(e) for e in errors)
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


def test_padded_rows_one_figure_short_that_do_not_add_up_stay_unread(tmp_path):
    doc, errors = _load(tmp_path, PADDED.replace("240 |", "250 |"))
    table = doc.disclosure.tables["D09"]
    assert table.unmapped and not any(row.cells for row in table.rows)
    assert any("一一对应" in str(e) for e in errors)


PADDED_TOTAL = """附件：示例县农技站2024年度部门决算公开表
表1 收入支出决算总表 | |||||||
公开01表 | |||||||
编制单位:示例县农技站 |
金额单位:万元 | ||||||
收入 |
支出 | ||||||
项 目 |
行次 |
决算数 |
项 目 |
行次 |
决算数 | ||
栏 次 |
1 |
栏 次 |
2 | ||||
一、一般公共预算财政拨款收入 |
1 |
1,250.40 |
一、一般公共服务支出 |
32 |
12.00 | ||
二、政府性基金预算财政拨款收入 |
2 |
0.00 |
二、农林水支出 |
33 |
1,180.60 | ||
三、事业收入 |
3 |
96.30 |
三、住房保障支出 |
34 |
"""


def test_a_title_padded_with_bars_opens_a_cell_stream_and_its_two_sided_rows_are_read(tmp_path):
    # the title line alone looks like a '|'-separated row; the cells after it say it is one cell per line, and
    # the 栏次 printed once per half spans two columns, so it gives no width
    doc, errors = _load(tmp_path, PADDED_TOTAL)
    assert list(doc.disclosure.tables) == ["D01"]
    amounts = {row.label: row.cells["amount"].value / 10000 for row in doc.disclosure.tables["D01"].rows
               if "amount" in row.cells}
    assert amounts == {"一般公共预算财政拨款收入": Decimal("1250.40"), "政府性基金预算财政拨款收入": Decimal("0.00"),
                       "事业收入": Decimal("96.30"), "一般公共服务支出": Decimal("12.00"),
                       "农林水支出": Decimal("1180.60")}  # 住房保障支出 is cut off after its 行次: not read as 0
    assert not any("无法识别的列" in str(e) for e in errors)


TWO_YEARS = """某某镇2025年“三公”经费财政拨款预算表 |
||
|
|
单位:万元 |
项 目 |
2024年预算数 |
2025年预算数 |
合计 |
24.6 |
22 |
1、因公出国(境)费 |
|
|
2、公务接待费 |
9.6 |
8 |
3、公务用车购置及运行费 |
15 |
14 |
其中:(1)公务用车购置费 |
|
|
(2)公务用车运行费 |
15 |
14 |
"""


def test_lone_bars_are_empty_cells_and_the_header_before_the_first_row_gives_the_width(tmp_path):
    # '||' on one line pads the title's row; the lone '|' lines are empty cells of the grid, not row ends
    doc, errors = _load(tmp_path, TWO_YEARS)
    assert _values(doc) == {"budget_total": Decimal(22), "budget_reception": Decimal(8),
                            "budget_car": Decimal(14), "budget_car_operation": Decimal(14)}
    assert not any("无法对应" in str(e) for e in errors)


def test_two_year_rows_that_do_not_fit_one_width_stay_unread(tmp_path):
    # a figure missing from one row: no width makes every row a label then figures
    doc, _ = _load(tmp_path, TWO_YEARS.replace("9.6 |\n", "", 1))
    table = doc.disclosure.tables.get("D09")
    assert table is None or not any(row.cells.get("budget_reception") for row in table.rows)


# A 预算公开's 收支总表 copied one cell per line, each row opening with its 序号, a 栏次 row under a header whose
# 序号 cell spans down (the row below it printed without that cell) and whose 收入/支出 cells each span two
# columns; captions above; the text cut off after the last figure, before its bar.
def _budget_total(first: str = "60.00", total: str = "95.60") -> str:
    rows = [["一、一般公共预算拨款收入", "90.10", "一、一般公共服务支出", first],
            ["二、政府性基金预算拨款收入", "", "二、教育支出", ""],
            ["三、单位资金", "", "三、社会保障和就业支出", "20.30"],
            ["", "", "四、卫生健康支出", "8.10"],
            ["", "", "五、住房保障支出", ""],
            ["本年收入合计", "90.10", "本年支出合计", "88.40"],
            ["上年结转结余", "5.50", "年终结转结余", "7.20"],
            ["收入总计", "95.60", "支出总计", total]]
    cells = "".join(f"{n} |\n" + "".join(f"{c} |\n" if c else "|\n" for c in row)
                    for n, row in enumerate(rows, start=1))
    return ("2030年部门预算公开目录\n301示例镇农业服务中心 |\n预算年度:2030 |\n单位:万元 | ||\n序号 |\n收入 |\n支出 | ||\n"
            "项 目 |\n预算数 |\n项 目 |\n预算数 | |\n栏次 |\n1 |\n2 |\n3 |\n4 |\n" + cells.removesuffix(" |\n") + " \n")


def test_rows_opening_with_their_serial_rebuild_a_budget_total_table():
    [table] = [b for b in text_blocks(_budget_total(), "t.txt") if isinstance(b, Table)]
    texts = [[t.replace(" ", "") for t in row.texts] for row in table.rows]
    assert texts[:3] == [["序号", "收入", "", "支出", ""], ["", "项目", "预算数", "项目", "预算数"], ["栏次", "1", "2", "3", "4"]]
    assert texts[3] == ["1", "一、一般公共预算拨款收入", "90.10", "一、一般公共服务支出", "60.00"]
    assert texts[-1] == ["8", "收入总计", "95.60", "支出总计", "95.60"]  # the last figure, its bar cut off


def test_a_budget_total_table_is_read_with_its_unit_and_checked(tmp_path):
    doc, _ = _load(tmp_path, _budget_total())
    assert doc.unit == "示例镇农业服务中心"  # the caption over the table after its code, its year on the next line
    [table] = doc.disclosure.tables.values()
    assert table.label == "部门收支总表" and table.unit == "万元"
    income = {r.label: r.cells["amount"].value / 10000 for r in table.rows if r.side == "income" and r.cells}
    assert income == {"一般公共预算拨款收入": Decimal("90.10"), "本年收入合计": Decimal("90.10"),
                      "上年结转结余": Decimal("5.50"), "收入总计": Decimal("95.60")}
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is not Tier.NOTICE]
    assert not [u for u in doc.reading.unread if u.kind == "table"]


@pytest.mark.parametrize(("first", "total"), [
    ("61.00", "95.60"),  # the classes add up to 89.40, not 88.40
    ("60.00", "96.60")])  # 88.40 + 7.20 = 95.60 = 收入总计
def test_a_budget_total_table_that_does_not_add_up_is_found_once(tmp_path, first, total):
    doc, _ = _load(tmp_path, _budget_total(first, total))
    errors = [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]
    assert [f.rule for f in errors] == ["disclosure.b01_budget_summary"]  # one fault, one finding
    assert all("部门收支总表" in f.message and "公开01" not in f.message for f in errors)


def _blank_separated(cells: list[str]) -> list[str]:
    """Cells one per line with a blank line between them; an empty cell is one more blank line."""
    lines: list[str] = []
    for cell in cells:
        lines += [cell, ""] if cell else [""]
    return lines


# 公开01 one cell per line with no bar and no 栏次 row: 收入 and 支出 each keep their own 行次 (1, 2, 3 … beside
# 40, 41, 42 …), a row blank on its income side prints only its 行次, and the page ends inside a label.
TWO_SERIES = ["示例县实验小学2021年度部门决算", "目录", "一、收入支出决算总表", "二、收入决算表", "三、支出决算表",
              "第一部分 概况", "本校设教学班12个。", "收入支出决算总表", "", "公开01表", "", "部门:示例县实验小学", "",
              "金额单位:万元", "",
              *_blank_separated(
                  ["收入", "支出", "项目", "行次", "决算数", "项目", "行次", "决算数",
                   "一、财政拨款收入", "1", "612.40 ", "一、一般公共服务支出", "40", "",
                   "其中:政府性基金预算财政拨款", "2", "", "二、外交支出", "41", "",
                   "二、上级补助收入", "3", "", "三、教育支出", "42", "598.10 ",
                   "三、事业收入", "4", "14.30", "四、科学技术支出", "43", "",
                   "", "5", "", "五、文化旅游体育与传媒支出", "44", "",
                   "", "6", ""]),
              "六、社会保"]


def test_two_sided_rows_with_two_line_number_series_are_read(tmp_path):
    doc, errors = _load(tmp_path, "\n".join(TWO_SERIES) + "\n")
    assert errors == []
    table = doc.disclosure.tables["D01"]
    assert table.unit == "万元"
    amounts = {(r.side, r.line_no, r.label): r.cells["amount"].value / 10000 if "amount" in r.cells else None
               for r in table.rows}
    assert amounts == {
        ("income", "1", "财政拨款收入"): Decimal("612.40"), ("income", "2", "其中:政府性基金预算财政拨款"): None,
        ("income", "3", "上级补助收入"): None, ("income", "4", "事业收入"): Decimal("14.30"),
        ("expenditure", "40", "一般公共服务支出"): None, ("expenditure", "41", "外交支出"): None,
        ("expenditure", "42", "教育支出"): Decimal("598.10"), ("expenditure", "43", "科学技术支出"): None,
        ("expenditure", "44", "文化旅游体育与传媒支出"): None}  # no 行次 read as an amount
    # the page ends inside the table (no 总计, only a piece of the next row after it): said once, and the tables
    # the 目录 lists after it are not reported missing, since the text never reached them
    assert doc.disclosure.ends_inside == "D01"
    assert any("文本在表格中途结束" in u.what for u in doc.reading.unread)
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.rule == "disclosure.contents_table_absent"]


def test_rows_are_marked_only_where_both_line_number_series_go_on():
    cells = [c.strip() for c in TWO_SERIES[15:] if c != ""]  # without the empty cells: no series holds
    assert _two_sided_rows(cells) is None
    grid = ["收入", "支出", "项目", "行次", "决算数", "项目", "行次", "决算数",
            "甲收入", "1", "5.00", "甲支出", "20", "", "乙收入", "2", "", "乙支出", "21", "5.00",
            "", "3", "", "丙支出", "22", "", "丁收入", "4"]
    assert _two_sided_rows(grid) == (8, 6, 3, 3)  # the cut last row is left over
    assert _two_sided_rows([*grid[:17], "23", *grid[18:]]) is None  # 支出 jumps from 20 to 23: one row only


TIERED_LONE_BAR = """示例镇中心小学2023年度一般公共预算财政拨款“三公”经费支出决算情况说明
一、2023年度一般公共预算财政拨款“三公”经费支出决算表
|
|
||
编制部门:示例镇中心小学 |
金额单位:万元 |
|||||
项目 |
预算数 |
决算数 |
||||
合计 |
一般公共预算财政拨款 |
政府性基金预算财政拨款 |
合计 |
一般公共预算财政拨款 |
政府性基金预算财政拨款 |
||
因公出国(境)费 |
0.00 |
0.00 |
0.00 |
0.00 |
0.00 |
0.00 |
|
公务接待费 |
6.20 |
6.20 |
0.00 |
3.10 |
3.10 |
0.00 |
|
公务用车购置及运行维护费 |
2.00 |
2.00 |
0.00 |
1.40 |
1.40 |
0.00 |
|
其中:公务用车运行维护费 |
2.00 |
2.00 |
0.00 |
1.40 |
1.40 |
0.00 |
|
公务用车购置费 |
0.00 |
0.00 |
0.00 |
0.00 |
0.00 |
0.00 |
|
总计 |
8.20 |
8.20 |
0.00 |
4.50 |
4.50 |
0.00 |
二、情况说明
2023年度“三公”经费支出年初预算8.2万元,支出决算4.5万元,完成年初预算的54.9%。
其中公务接待费支出决算3.1万元,占68.9%;公务用车购置及运行维护费支出决算1.4万元,占31.1%。
"""


def test_rows_each_ended_by_a_lone_bar_under_a_two_tier_header_are_read_row_by_row(tmp_path):
    # the header rows end with runs of bars, the data rows with one lone bar each: six rows of seven cells,
    # not one row of forty-seven; the 总计 at the bottom is the 决算数 合计 (4.50, not the 0.00 of 出国)
    [table] = [b for b in text_blocks(TIERED_LONE_BAR, "t.txt") if isinstance(b, Table)]
    widths = [len(row.cells) for row in table.rows]
    assert widths[-6:] == [7] * 6 and table.rows[-1].texts[0] == "总计"
    doc, _ = _load(tmp_path, TIERED_LONE_BAR)
    values = _values(doc)
    assert values["final_total"] == Decimal("4.50") and values["budget_total"] == Decimal("8.20")
    assert values["final_reception"] == Decimal("3.10") and values["final_car"] == Decimal("1.40")
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


def test_a_row_far_wider_than_its_header_is_reported_unread_not_checked(tmp_path):
    # the data rows' ends lost altogether (no bar between them): one row of forty-odd cells under a header of six
    # columns is several rows run together; its cells are never placed under the header's columns
    merged = TIERED_LONE_BAR.replace("0.00 |\n|\n", "0.00 |\n")
    doc, errors = _load(tmp_path, merged)
    table = doc.disclosure.tables["D09"]
    assert not any(row.cells for row in table.rows)
    assert any("远多于表头" in str(e) and e.location.table == "公开09" for e in errors)
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


def _nbsp_separated(cells: list[str]) -> list[str]:
    """Cells one per line with a blank line between them; an empty cell is a line holding one space."""
    lines: list[str] = []
    for cell in cells:
        lines += [cell or " ", ""]
    return lines


# 公开01 one cell per line where every empty cell is a line of one space and every row of the page's table ends in
# one more empty cell (a column nothing is printed in), the halves' names 收入 / 支出 in a row of their own; the
# page ends after three rows, before any total.
TRAILING_COLUMN = ["示例市第二实验学校2019年度部门决算", "", "第一部分 示例市第二实验学校概况", "",
                   "学校现有教学班18个。", "", "第二部分 示例市第二实验学校2019年度部门决算表", "", " ", "",
                   "收入支出决算总表", "", " ", "", "公开01表", "", " ", "", "部门:示例市第二实验学校", "",
                   "单位:万元", "",
                   *_nbsp_separated(
                       ["", "收入", "支出", "", "项目", "行次", "决算数", "项目", "行次", "决算数", "",
                        "一、财政拨款收入", "1", "846.20 ", "一、一般公共服务支出", "35", "", "",
                        "  其中:政府性基金预算财政拨款", "2", "", "二、外交支出", "36", "", "",
                        "二、上级补助收入", "3", "", "三、教育支出", "37", "801.55", ""])]


def _d01_amounts(doc) -> dict[tuple[str, str, str], Decimal | None]:  # type: ignore[no-untyped-def]
    return {(r.side, r.line_no, r.label): r.cells["amount"].value / 10000 if "amount" in r.cells else None
            for r in doc.disclosure.tables["D01"].rows}


def test_two_sided_rows_with_a_trailing_empty_column_are_read(tmp_path):
    doc, errors = _load(tmp_path, "\n".join(TRAILING_COLUMN) + "\n")
    assert errors == []
    assert doc.disclosure.tables["D01"].unit == "万元"
    assert _d01_amounts(doc) == {
        ("income", "1", "财政拨款收入"): Decimal("846.20"), ("income", "2", "其中:政府性基金预算财政拨款"): None,
        ("income", "3", "上级补助收入"): None, ("expenditure", "35", "一般公共服务支出"): None,
        ("expenditure", "36", "外交支出"): None, ("expenditure", "37", "教育支出"): Decimal("801.55")}
    assert doc.disclosure.ends_inside == "D01"  # the cut is said, once
    assert not any("单独成行的数字" in u.what for u in doc.reading.unread)


# The same page cut after one whole row and the start of the next: the table is read as far as it goes, the row the
# text ends inside keeps what it printed, and the cell the cut may have split (its last) is not read.
CUT_SHORT = [*TRAILING_COLUMN[:22],
             *_nbsp_separated(["", "收入", "支出", "", "项目", "行次", "决算数", "项目", "行次", "决算数", "",
                               "一、财政拨款收入", "1", "846.20 ", "一、一般公共服务支出", "35", "12.40", "",
                               "二、上级补助收入", "2", "30.00", "二、外交支"])]


def test_a_two_sided_table_cut_after_its_first_row_is_read_as_far_as_it_goes(tmp_path):
    doc, _ = _load(tmp_path, "\n".join(CUT_SHORT).rstrip())
    assert _d01_amounts(doc) == {
        ("income", "1", "财政拨款收入"): Decimal("846.20"), ("expenditure", "35", "一般公共服务支出"): Decimal("12.40"),
        ("income", "2", "上级补助收入"): Decimal("30.00")}  # the text ends inside '二、外交支…': not read
    assert doc.disclosure.ends_inside == "D01"
    assert any("文本在表格中途结束" in u.what for u in doc.reading.unread)


def test_a_short_body_is_taken_only_where_the_text_ends_under_a_header_printing_both_line_numbers():
    header = ["收入", "支出", "项目", "行次", "决算数", "项目", "行次", "决算数"]
    row = ["甲收入", "1", "5.00", "甲支出", "20", ""]
    assert _two_sided_rows([*header, *row, "乙收入", "2"]) == (8, 6, 1, 3)
    assert _two_sided_rows([*header, *row, "乙收入", "3", "", "乙支出", "21", "", "丙收入"]) is None  # a series breaks
    assert _two_sided_rows([*header[:3], "金额", *header[4:], *row, "乙收入", "2"]) is None  # no 行次 over the first half


def test_a_figure_the_text_ends_on_is_not_read_and_its_cell_is_unknown(tmp_path):
    # '3' may be the first digit of '30.00' cut off by the page's end: the cell is unknown, neither 3 nor blank
    doc, errors = _load(tmp_path, "\n".join(CUT_SHORT[:-4]) + "\n3")
    amounts = _d01_amounts(doc)
    assert ("income", "2", "上级补助收入") in amounts and amounts[("income", "2", "上级补助收入")] is None
    assert [e.message for e in errors if e.location.row == "上级补助收入"] == [
        "上级补助收入·金额：文本中此格没有数字（文本在此中断，或逐格排列时空单元格已丢失），不能当作空白或0，此格未读取"]
