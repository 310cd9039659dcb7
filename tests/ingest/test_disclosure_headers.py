"""Column meaning from normalised header text (SPEC §7.2): stacked and wrapped headers, 类/款/项 split codes,
unmapped columns reported, tables continued with their header repeated, the package's unit name, and the unit of
an evaluation's 合计 row. Built in the tab-separated text form, so each case is small and exact."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.money import WAN
from jixiao.ingest.detect import detect
from jixiao.ingest.disclosure import extract_disclosure
from jixiao.ingest.headers import column_paths, match_column, normalize_label
from jixiao.ingest.keyeval import extract_key_evaluations
from jixiao.ingest.source import SourceDocument, text_blocks

D03_HEAD = [
    "项目\t\t\t\t本年支出合计\t基本支出\t项目支\t上年决算数",
    "支出功能分类\t\t\t科目名称\t\t\t出\t",
    "类\t款\t项\t\t\t\t\t",
]
D03_ROWS = [
    "合计\t\t\t\t100.00\t60.00\t40.00\t90.00",
    "201\t\t\t一般公共服务支出\t100.00\t60.00\t40.00\t90.00",
    "\t01\t\t人大事务\t100.00\t60.00\t40.00\t90.00",
    "\t\t01\t行政运行\t60.00\t60.00\t-\t50.00",
]
D03_MORE = ["\t\t02\t一般行政管理事务\t40.00\t0.00\t40.00\t40.00"]


def _source(lines: list[str]) -> SourceDocument:
    return SourceDocument("t.txt", "text", text_blocks("\n".join(lines), "t.txt"))


def _package(lines: list[str]):
    return extract_disclosure(_source(lines), 2023, "")


def test_a_stacked_first_column_is_the_code_not_project_spending():
    """Joined, 项目 + 支出功能分类 contains 项目支出; matched label by label it is the code column."""
    paths = column_paths([line.split("\t") for line in D03_HEAD], 8)
    assert paths[0] == ["项目", "支出功能分类", "类"]
    assert paths[3] == ["项目", "科目名称"]  # the blank above takes 项目, which spans over it
    assert paths[6] == ["项目支", "出"]
    aliases = {"project": frozenset({"项目支出"}), "total": frozenset({"本年支出合计"})}
    assert match_column(paths[0], aliases) is None
    assert match_column(paths[6], aliases) == "project"
    assert normalize_label(" 项目支\n出（万元）") == "项目支出"


def test_split_codes_inherit_and_every_column_is_read_by_its_header():
    package, errors = _package(["公开03表", "单位：万元", *D03_HEAD, *D03_ROWS, *D03_MORE])
    d03 = package.tables["D03"]
    assert d03.columns == ("total", "basic", "project")
    assert [(r.code, r.label) for r in d03.rows] == [
        ("", "合计"), ("201", "一般公共服务支出"), ("20101", "人大事务"), ("2010101", "行政运行"),
        ("2010102", "一般行政管理事务")]
    assert d03.total.value("project") == Decimal("40.00") * WAN
    row = d03.row(code="2010101")
    assert row.value("basic") == Decimal("60.00") * WAN and "project" not in row.cells  # “-” is no amount
    assert d03.row(code="2010102").cells["basic"].value == 0  # 0.00 is an amount of zero
    # The 上年决算数 column is listed and its figures are reported as not read, with the table and column.
    assert d03.unmapped == ("第8列“上年决算数”",)
    [error] = errors
    assert "上年决算数" in error.message and (error.location.table, error.location.column) == ("公开03", "第8列")


def test_a_line_number_column_is_not_an_amount_and_a_long_caption_keeps_the_table_code():
    head = ["项目\t\t行次\t本年支出\t\t", "科目编码\t科目名称\t\t小计\t基本支出\t项目支出"]
    rows = ["合计\t\t1\t10.00\t4.00\t6.00", "2010101\t行政运行\t2\t10.00\t4.00\t6.00"]
    caption = "公开05表 编制单位：东湖区城市管理综合执法局机关服务中心下属单位 金额单位：万元"
    package, errors = _package([caption, *head, *rows])
    d05 = package.tables["D05"]
    assert errors == [] and d05.unmapped == () and d05.columns == ("total", "basic", "project")
    assert d05.row(code="2010101").value("total") == Decimal("10.00") * WAN


def test_a_table_continued_with_its_title_and_header_repeated_is_one_table():
    lines = ["支出决算表", "公开03表", "单位：万元", *D03_HEAD, *D03_ROWS,
             "支出决算表（续）", "公开03表", "单位：万元", *D03_HEAD, *D03_MORE, "第三部分 情况说明"]
    package, _ = _package(lines)
    d03 = package.tables["D03"]
    assert [r.code or r.label for r in d03.rows] == ["合计", "201", "20101", "2010101", "2010102"]


def test_a_unit_in_the_header_wins_over_the_caption():
    head = [line.replace("本年支出合计", "本年支出合计（元）") for line in D03_HEAD]
    rows = [line.replace("100.00", "1,000,000.00") for line in D03_ROWS[:2]]
    package, _ = _package(["公开03表", "金额单位：万元", *head, *rows])
    d03 = package.tables["D03"]
    assert d03.unit == "元" and d03.total.value("total") == Decimal("1000000.00")


def test_the_unit_name_is_read_from_captions_not_from_attached_reports():
    lines = ["东湖区城市管理综合执法局", "2023年度部门决算", "公开01表", "编制单位：东湖区城市管理综合执法局 单位：万元",
             "公开02表", "部门：东湖区城市管理综合执法局 金额单位：万元"]
    lines += ["项目单位：东湖区环卫所", "主管部门：东湖区环卫所"] * 5  # attached self-evaluations
    assert detect("\n".join(lines)).unit == "东湖区城市管理综合执法局"
    assert detect("东湖区审计局2023年度部门决算\n一、部门职责").unit == "东湖区审计局"
    assert detect("东湖区审计局\n2023年度部门决算").unit == "东湖区审计局"


def test_the_captions_name_printed_most_often_wins_over_a_copied_one():
    lines = ["公开01表", "编制单位：东湖区水务局 单位：万元", "公开02表", "部门：东湖区审计局 金额单位：万元",
             "公开03表", "部门名称：东湖区审计局 金额单位：万元"]
    assert detect("\n".join(lines)).unit == "东湖区审计局"


def _evaluation(unit_header: str) -> SourceDocument:
    lines = ["部门评价表", "项目名称\t道路维护", f"项目资金{unit_header}\t项目支出明细内容\t年初预算数\t实际到位数\t实际支出数\t执行率",
             "\t合 计\t1,200,000.00\t1,200,000.00\t1,000,000.00\t83%",
             "一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t得分",
             "决策\t20\t项目立项\t20\t立项依据充分性\t20\t18", "总分\t20\t\t\t\t\t18"]
    return _source(lines)


def test_an_evaluation_total_row_is_read_in_the_unit_its_header_prints():
    """The 合计 row used to be multiplied by 10,000 whatever its unit."""
    [in_yuan] = extract_key_evaluations(_evaluation("（元）"))
    assert (in_yuan.budget, in_yuan.spent) == (Decimal("1200000.00"), Decimal("1000000.00"))
    [in_wan] = extract_key_evaluations(_evaluation("（万元）"))
    assert in_wan.budget == Decimal("1200000.00") * WAN
