"""A 公开05 table copied into one line (cells separated by spaces, empty cells gone): its rows rebuilt from the
function codes, the figures of each short row placed by the table's sums, and the cells no sum decides reported
unread. Wording and figures are this file's own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.ingest.flatline import disclosure_blocks
from jixiao.ingest.pipeline import load_document
from jixiao.ingest.placement import Sum, place
from jixiao.profiles import load_profile
from tests.carriers import _t, write

CENTRAL = load_profile("central")

# (code, name, 合计, 基本支出, 项目支出); '' is an empty cell, dropped when the table is flattened.
ROWS = [
    ("", "合计", "1,550.36", "1,010.12", "540.24"),
    ("201", "一般公共服务支出", "12.00", "", "12.00"),
    ("20132", "组织事务", "12.00", "", "12.00"),
    ("2013299", "其他组织事务支出", "12.00", "", "12.00"),
    ("208", "社会保障和就业支出", "96.80", "96.80", ""),
    ("20805", "行政事业单位养老支出", "96.80", "96.80", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "64.50", "64.50", ""),
    ("2080506", "机关事业单位职业年金缴费支出", "32.30", "32.30", ""),
    ("210", "卫生健康支出", "40.56", "40.56", ""),
    ("21011", "行政事业单位医疗", "40.56", "40.56", ""),
    ("2101101", "行政单位医疗", "40.56", "40.56", ""),
    ("213", "农林水支出", "1,371.00", "842.76", "528.24"),
    ("21301", "农业农村", "1,042.76", "842.76", "200.00"),
    ("2130101", "行政运行", "200.00", "200.00", ""),
    ("2130104", "事业运行", "642.76", "642.76", ""),
    ("2130199", "其他农业农村支出", "200.00", "", "200.00"),
    ("21305", "巩固脱贫攻坚成果衔接", "328.24", "", "328.24"),
    ("2130599", "其他巩固脱贫攻坚成果衔接支出", "328.24", "", "328.24"),
    ("221", "住房保障支出", "30.00", "30.00", ""),
    ("22102", "住房改革支出", "30.00", "30.00", ""),
    ("2210201", "住房公积金", "30.00", "30.00", ""),
]
# 2130101 and 2130199 each print 200.00 twice: one is 基本支出 and the other 项目支出, and 21301's sums hold
# either way round — which is which the table does not say.
OPEN = {("公开05", code, column) for code in ("2130101", "2130199") for column in ("basic", "project")}


def flattened(rows=ROWS, header: str = "栏次 1 2 3", split: bool = False) -> str:
    """The table as one line; `split`: codes printed over 类 | 款 | 项 ('213 01 01')."""
    if split:
        rows = [(" ".join(filter(None, (code[:3], code[3:5], code[5:7]))), *rest) for code, *rest in rows]
    cells = [c for row in rows for c in row if c]
    return ("当前位置：首页 > 信息公开 > 财政预决算\n"
            "示例县农业农村局2023年度部门决算 公开05表 一般公共预算财政拨款支出决算表 编制单位：示例县农业农村局 "
            f"单位：万元 项目 本年支出 功能分类科目编码 科目名称 合计 基本支出 项目支出 {header} "
            + " ".join(cells) + " 注：本表反映部门本年度一般公共预算财政拨款实际支出情况。\n")


def load(tmp_path, text: str):
    path = tmp_path / "gongkai05.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None
    return doc, errors


@pytest.mark.parametrize("split", [False, True])
def test_one_line_table_reads_every_cell_its_sums_decide(tmp_path, split):
    doc, errors = load(tmp_path, flattened(split=split))
    assert (doc.kind.value, doc.year, doc.unit) == ("disclosure", 2023, "示例县农业农村局")
    table = doc.disclosure.tables["D05"]
    assert table.unit == "万元" and len(table.rows) == len(ROWS)
    printed = {code or name: dict(zip(("total", "basic", "project"), figures, strict=True))
               for code, name, *figures in ROWS}
    for row in table.rows:
        expected = {k: Decimal(v.replace(",", "")) * 10000 for k, v in printed[row.code or row.label].items()
                    if v and ("公开05", row.code, k) not in OPEN}
        assert {k: a.value for k, a in row.cells.items()} == expected, row.code or row.label
    assert {(e.location.table, e.location.row, e.location.column) for e in errors} == OPEN
    open_row = table.row(code="2130101")
    assert open_row.known("total") and not open_row.known("basic") and not open_row.known("project")
    assert table.row(code="2130104").known("basic")  # placed: 842.76 − one 200.00 leaves it to 基本支出
    assert audit_document(doc, CENTRAL).findings == ()


def test_a_wrong_figure_in_a_short_row_is_found_where_it_is(tmp_path):
    wrong = [r if r[0] != "2080505" else (*r[:3], "46.50", "") for r in ROWS]
    doc, errors = load(tmp_path, flattened(wrong))
    assert {(e.location.table, e.location.row, e.location.column) for e in errors} == OPEN
    findings = audit_document(doc, CENTRAL).findings
    found = {(f.location.table, f.location.row, f.location.column, f.tier.value) for f in findings}
    # the row's 小计 and its 款's 基本支出 both fail: one cell explains both, one finding at it naming 64.50
    assert found == {("公开05", "2080505", "basic", "error")}
    assert findings[0].expected == "64.50"
    assert {(r.row, r.column) for r in findings[0].related} == {("2080505", "total"), ("20805", "basic")}


def test_a_header_whose_column_numbers_do_not_match_is_not_read(tmp_path):
    doc, errors = load(tmp_path, flattened(header="栏次 1 2"))
    assert "D05" not in (doc.disclosure.tables if doc.disclosure else {})
    assert errors == []
    findings = audit_document(doc, CENTRAL).findings
    assert [f.rule for f in findings] == ["reading.nothing_read"]  # said, not passed as clean


@pytest.mark.parametrize(("figures", "cells", "broken"), [
    # 合计 row full, 类 row one short: the column sums say its figure is 基本支出
    ([["10.00", "6.00", "4.00"], ["6.00", "2.00", "4.00"], ["4.00", "4.00"]],
     [["10.00", "6.00", "4.00"], ["6.00", "2.00", "4.00"], ["4.00", "4.00", ""]], 0),
    # the same figures without a parent: 4.00 = 4.00 + blank either way, so neither part is decided
    ([["4.00", "4.00"]], [["4.00", None, None]], 0),
    # a wrong figure (5.00): no placement meets the row's sum; its shape still says the 小计 is printed
    ([["4.00", "5.00"]], [["4.00", None, None]], 1),
    # more figures than columns: nothing placed
    ([["1.00", "2.00", "3.00", "4.00"]], [[None, None, None]], 0),
])
def test_place(figures, cells, broken):
    rows = range(len(figures))
    sums = [Sum((r, 0), ((r, 1), (r, 2))) for r in rows]
    if len(figures) == 3:
        sums += [Sum((0, c), ((1, c), (2, c))) for c in range(3)]
    placed = place(figures, 3, sums)
    assert placed.cells == cells and placed.broken == broken


def test_a_wrong_figure_two_placements_explain_equally_is_not_placed():
    """Children of (50, 20, 30): (10, -, 10) printed whole, then 20.00 21.00 and 20.00 20.00. Either 21.00 is a
    wrong 基本支出 (the 基本支出 sum fails) or a wrong 项目支出 (the 项目支出 sum fails): one wrong figure explains
    both readings, so neither is taken."""
    figures = [["50.00", "20.00", "30.00"], ["10.00", "-", "10.00"], ["20.00", "21.00"], ["20.00", "20.00"]]
    sums = [Sum((r, 0), ((r, 1), (r, 2))) for r in range(4)]
    sums += [Sum((0, c), ((1, c), (2, c), (3, c))) for c in range(3)]
    placed = place(figures, 3, sums)
    assert placed.cells[:2] == figures[:2]
    assert placed.cells[2:] == [["20.00", None, None], ["20.00", None, None]]
    assert placed.broken >= 1


# 公开04, 公开06 and 公开10 of one small unit (万元), consistent within each table.
OTHER_TABLES = [
    ("p", "示例县气象站2023年度部门决算", 1),
    ("p", "财政拨款收入支出决算总表", 3), ("p", "公开04表", 0), ("p", "金额单位：万元", 0),
    _t([["收入", "", "", "支出", "", "", "", "", ""],
        ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
         "国有资本经营预算财政拨款"],
        ["一、一般公共预算财政拨款", "1", "80.00", "一、一般公共服务支出", "30", "80.00", "80.00", "", ""],
        ["二、政府性基金预算财政拨款", "2", "", "二、节能环保支出", "31", "", "", "", ""],
        ["本年收入合计", "3", "80.00", "本年支出合计", "32", "80.00", "80.00", "", ""],
        ["年初财政拨款结转和结余", "4", "", "年末财政拨款结转和结余", "33", "", "", "", ""],
        ["总计", "5", "80.00", "总计", "34", "80.00", "80.00", "", ""]], header_rows=2),
    ("p", "一般公共预算财政拨款基本支出决算表", 3), ("p", "公开06表", 0), ("p", "金额单位：万元", 0),
    _t([["人员经费", "", "", "公用经费", "", ""],
        ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
        ["301", "工资福利支出", "60.00", "302", "商品和服务支出", "12.00"],
        ["30101", "基本工资", "40.00", "30201", "办公费", "12.00"],
        ["30102", "津贴补贴", "20.00", "30202", "印刷费", ""],
        ["人员经费合计", "", "60.00", "公用经费合计", "", "12.00"]], header_rows=2),
    ("p", "部门决算公开相关信息统计表", 3), ("p", "公开10表", 0), ("p", "金额单位：万元", 0),
    _t([["项目", "行次", "统计数"], ["栏次", "", "1"], ["一、政府采购情况", "", ""], ["政府采购支出总额", "1", "12.00"],
        ["其中：货物", "2", "12.00"], ["工程", "3", ""], ["二、机关运行经费", "", ""], ["机关运行经费支出", "4", "12.00"]],
       header_rows=2),
]


def _read(doc) -> dict:
    return {code: [(r.side, r.code, r.label, r.line_no, {k: a.value for k, a in r.cells.items()}) for r in t.rows]
            for code, t in doc.disclosure.tables.items()}


def _without_grand_totals(blocks: list) -> list:
    """公开04 cut after its 本年收入/支出合计 row (a table copied in part)."""
    out = []
    for block in blocks:
        if block[0] == "t" and block[1][1][0] == "项目" and block[1][2][0].startswith("一、一般公共预算"):
            block = (block[0], block[1][:5], block[2])
        out.append(block)
    return out


def test_one_line_economic_statistics_and_fiscal_tables(tmp_path):
    """公开06 and 公开10 hold one figure per item; 公开04's expenditure rows print 80.00 twice (合计 and one of the
    three 财政拨款 columns): its 总计 row, equal by kind to the income rows (一般公共预算 80.00, 政府性基金 blank),
    says which. All read as from tab-separated text."""
    reference, _ = load_document(write("tab_text", OTHER_TABLES, tmp_path, "other"))
    doc, errors = load_document(write("one_line", OTHER_TABLES, tmp_path, "other"))
    assert [str(e) for e in errors] == []
    assert _read(doc) == _read(reference)
    assert sorted(_read(doc)) == ["D04", "D06", "D10"]


def test_one_line_fiscal_table_without_its_totals_leaves_the_kind_unread(tmp_path):
    """Without 总计 nothing in 公开04 says which 财政拨款 column 80.00 is in (本年支出合计 prints 80.00 twice
    too): those cells are reported unread; the income side and each 合计 are read."""
    blocks = _without_grand_totals(OTHER_TABLES)
    reference, _ = load_document(write("tab_text", blocks, tmp_path, "cut"))
    doc, errors = load_document(write("one_line", blocks, tmp_path, "cut"))
    parts = ("general", "fund", "state_capital")
    assert {(e.location.row, e.location.column) for e in errors} == {
        (row, column) for row in ("一般公共服务支出", "本年支出合计") for column in parts}
    strip = [(side, code, label, line, {k: v for k, v in cells.items() if side == "income" or k not in parts})
             for side, code, label, line, cells in _read(reference)["D04"]]
    assert _read(doc)["D04"] == strip
    unread = doc.disclosure.tables["D04"].row(label="一般公共服务支出")
    assert unread.known("total") and not unread.known("general")


def test_a_sentence_naming_a_table_stays_a_sentence():
    line = ("三、一般公共预算财政拨款支出决算情况说明 2023年度一般公共预算财政拨款支出1,550.36万元 其中 "
            "农林水支出 1,371.00 万元 详见 公开05表 一般公共预算财政拨款支出决算表 。")
    assert disclosure_blocks(line.split(" "), 1, "x.txt") is None


# A 预算公开's 部门收支总表 exported from a spreadsheet and flattened into one line (own names and figures): labels
# letter-spaced, the header cells of both sides interleaved ('收 项 入 目 支'), empty cells gone, a page footer inside
# the last row, and the 支出 side's '2024年预算数' printed among the items, so the figure after it belongs to one of
# the 支出 items printed before it.
WORKBOOK = ("文档分享 示例区卫生健康局预算公开表.xls 共 9 页\n"
            "示例区卫生健康局 2024年部门预算 表1 部门收支总表 单位:万元 收 项 入 目 支 2024年预算数 项 出 目 "
            "一、一般公共预算拨款收入 3,110.50 一、一般公共服务支出 二、政府性基金预算拨款收入 二、外交支出 "
            "三、事业收入 100.00 三、国防支出 四、其他收入 四、卫生健康支出 2024年预算数 2,800.00 五、节能环保支出 "
            "六、住房保障支出 410.50 七、预备费 本 年 收 入 合 计 3,210.50 五、用事业基金弥补收支差额 "
            "本 年 支 出 合 计 3,210.50 八、事业单位结余分配 六、上年结转 其中:转入事业基金 九、结转下年 "
            "收 入 总 计 3,210.50 支 第 1 页,共 9 页 出 总 计 3,210.50 表1-1 部门收入总表 单位:万元 项 目 事业收入\n")


def _amounts(table) -> dict[tuple[str, str], Decimal | None]:
    return {(r.side, r.label): (r.cells["amount"].value / 10000 if "amount" in r.cells else None)
            for r in table.rows if r.known("amount")}


def test_a_flattened_budget_workbook_summary_is_read_with_its_unit(tmp_path):
    doc, errors = load(tmp_path, WORKBOOK)
    assert (doc.kind.value, doc.year) == ("budget_disclosure", 2024)
    table = doc.disclosure.tables["B01"]
    assert (table.label, table.unit) == ("部门收支总表", "万元")
    read = _amounts(table)
    assert read[("income", "一般公共预算拨款收入")] == Decimal("3110.50")
    assert read[("income", "事业收入")] == Decimal("100.00") and read[("income", "其他收入")] is None
    assert read[("income", "本年收入合计")] == read[("income", "收入总计")] == Decimal("3210.50")
    assert read[("income", "上年结转")] is None  # '六、上年结转' is the income side's by its words
    assert read[("expenditure", "住房保障支出")] == Decimal("410.50") and read[("expenditure", "预备费")] is None
    assert read[("expenditure", "本年支出合计")] == read[("expenditure", "支出总计")] == Decimal("3210.50")
    # 2,800.00 belongs to one of the four 支出 items printed before the displaced header: which one is not known,
    # so none of them is read (neither as 2,800.00 nor as blank) and each is reported
    moved = ["一般公共服务支出", "外交支出", "国防支出", "卫生健康支出"]
    assert not any(("expenditure", label) in read for label in moved)
    assert sorted(e.location.row for e in errors) == sorted(moved) and all("2,800.00" in str(e) for e in errors)
    assert audit_document(doc, CENTRAL).findings == ()


@pytest.mark.parametrize(("printed", "wrong", "where"), [
    ("三、事业收入 100.00", "三、事业收入 110.00", "本年收入合计"),  # an item: its 合计 no longer adds up
    ("本 年 收 入 合 计 3,210.50", "本 年 收 入 合 计 3,201.50", "本年收入合计"),  # the 合计 itself, not its 总计 too
    ("收 入 总 计 3,210.50", "收 入 总 计 3,201.50", "收入总计"),  # the 总计, not 支出总计 ≠ 收入总计 too
])
def test_a_budget_summary_that_does_not_add_up_is_found_once(tmp_path, printed, wrong, where):
    doc, _ = load(tmp_path, WORKBOOK.replace(printed, wrong))
    findings = [f for f in audit_document(doc, CENTRAL).findings if f.rule == "disclosure.b01_budget_summary"]
    assert [(f.tier.value, f.location.row) for f in findings] == [("error", where)]


# 公开01 exported from a spreadsheet, flattened into one line half by half (own names and figures): the 收入 half,
# its figures printed after its labels and 行次 (which rows hold them the text does not say), then the 支出 half
# under the table's code and the unit caption, its figures after their rows.
HALVES = ("示例镇卫生院2023年部门决算公开表.xls\n"
          "收入支出决算总表 部门:示例镇卫生院 收入 项目 行次 栏次 金额 1 一、一般公共预算财政拨款收入 1 "
          "二、政府性基金预算财政拨款收入 2 三、上级补助收入 3 四、事业收入 4 五、其他收入 5 2,400,000.00 615,230.40 "
          "6 7 8 本年收入合计 9 使用非财政拨款结余 10 年初结转和结余 11 总计 12 3,015,230.40 3,015,230.40 "
          "注:本表反映部门本年度的总收支和年初、年末结转结余情况。 公开01表 金额单位:元 支出 项目(按功能分类) 行次 栏次 "
          "金额 2 一、一般公共服务支出 13 二、社会保障和就业支出 14 215,230.40 三、卫生健康支出 15 2,800,000.00 "
          "本年支出合计 16 3,015,230.40 结余分配 17 年末结转和结余 18 总计 19 3,015,230.40\n")


def test_a_table_flattened_half_by_half_places_what_its_sums_decide(tmp_path):
    doc, errors = load(tmp_path, HALVES)
    table = doc.disclosure.tables["D01"]
    assert table.unit == "元"  # from the caption over the second half: the first printed none
    read = _amounts(table)
    # the two figures after 总计 are 本年收入合计 and 总计: the only rows where 本年收入合计 = the items (not blank)
    # and 总计 = 本年收入合计 + the rows between hold
    assert read[("income", "本年收入合计")] == read[("income", "总计")] == Decimal("301.523040")
    assert read[("income", "使用非财政拨款结余")] is None and read[("income", "年初结转和结余")] is None
    # the two figures after 五、其他收入 belong to two of the five items above: no sum says which
    items = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "上级补助收入", "事业收入", "其他收入"]
    assert not any(("income", label) in read for label in items)
    assert sorted(e.location.row for e in errors) == sorted(items)
    assert read[("expenditure", "社会保障和就业支出")] == Decimal("21.523040")
    assert read[("expenditure", "卫生健康支出")] == Decimal("280")
    assert read[("expenditure", "一般公共服务支出")] is None
    assert audit_document(doc, CENTRAL).findings == ()
