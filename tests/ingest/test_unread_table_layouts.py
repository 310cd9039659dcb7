"""Tables a person reads in published text that were left unread (issue #11), each in its layout with this file's own
wording and figures: a unit's sector 收支决算总表 one cell per line under a header of three tiers, a scanned 公开01
flattened into one line with redactions, a comparison table whose columns are years, a 收入支出决算总表 whose title
sits in its cell stream (three sides), a 三公 budget table with a bar line between cells, and an evaluation form
with a 行次 column and a 列次 row. Each is read with its unit, or what cannot be placed is reported — never
guessed."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from jixiao.ingest.source import Table, text_blocks
from jixiao.ingest.tiers import leaf_paths
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text


def _cells(*texts: str) -> str:
    """One cell per line, each ending with ' |' (an empty cell a lone '|')."""
    return "".join(f"{t} |\n" if t else "|\n" for t in texts)


def _errors(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.message for f in audit_document(doc, CENTRAL).findings if f.tier is Tier.ERROR]


# --- a unit's sector 收支决算总表, one cell per line, a header of three tiers -------------------------------------

SECTOR_TIERS = [
    ["上年结转和结余", "本年收入", "本年支出", "收支结余", "用事业基金弥补收支差额", "年末结转和结余"],
    [
        "合计",
        "基本支出结转",
        "项目支出结转和结余",
        "合计",
        "其中:财政拨款收入",
        "合计",
        "其中:财政拨款支出",
        "合计",
        "基本支出结转",
        "项目支出结转和结余",
        "合计",
        "基本支出结转",
        "项目支出结转和结余",
    ],
    ["小计", "其中:基本建设资金收入", "小计", "其中:基本建设资金结转和结余"],
]
SECTOR_COLUMNS = 16  # 3 + 3 + 2 + 3 + 1 + 3, and one more under each split cell
# the 合计 row: 上年 (合计, 基本, 项目…), 本年收入 (合计, 财政拨款 小计, 其中基建), 本年支出 (…), 收支结余 (…), 弥补, 年末 (…)
SECTOR_TOTAL = [
    "",
    "",
    "",
    "3,500,000.00",
    "820,000.00",
    "",
    "3,260,000.00",
    "820,000.00",
    "240,000.00",
    "240,000.00",
    "",
    "",
    "",
    "240,000.00",
    "240,000.00",
    "",
]


def _sector_text() -> str:
    head = _cells(
        "2031年医疗卫生机构收支决算总表(按功能分类)",
        *[""] * 6,
        "卫财示01表",
        "",
        "编制单位:示例县人民医院[单户表]",
        *[""] * 5,
        "金额单位:元",
        "",
    )
    tiers = _cells(
        "项目",
        *SECTOR_TIERS[0],
        "",
        "支出功能分类科目编码",
        "科目名称",
        *SECTOR_TIERS[1],
        "",
        *SECTOR_TIERS[2],
        "",
        "",
        "类款项",
        "栏次",
        *[str(n) for n in range(1, SECTOR_COLUMNS + 1)],
        "",
    )
    rows = _cells("", "合计", *SECTOR_TOTAL, "")
    for code, name in (("210", "卫生健康支出"), ("21002", "公立医院"), ("2100202", "中医（民族）医院")):
        rows += _cells(code, name, *[""] * SECTOR_COLUMNS, "")
    return "示例县人民医院信息公开\n" + head + tiers + rows


def test_a_header_of_tiers_places_the_columns_every_layout_agrees_on():
    paths = leaf_paths(SECTOR_TIERS, SECTOR_COLUMNS)
    assert paths is not None
    assert paths[:3] == [
        ["上年结转和结余", "合计"],
        ["上年结转和结余", "基本支出结转"],
        ["上年结转和结余", "项目支出结转和结余"],
    ]
    assert paths[3] == ["本年收入", "合计"] and paths[4][:2] == ["本年收入", "其中:财政拨款收入"]
    assert paths[5] == ["本年收入", "其中:财政拨款收入", "其中:基本建设资金收入"]
    assert paths[8] == ["收支结余", "合计"] and paths[9] == ["收支结余", "基本支出结转"]
    # the last split may sit under 收支结余's or 年末's 项目支出结转和结余: the columns after that cell are not known
    assert paths[10][:2] == ["收支结余", "项目支出结转和结余"] and paths[11:] == [None] * 5
    assert leaf_paths(SECTOR_TIERS, SECTOR_COLUMNS + 1) is None  # no layout has 17 columns


def test_a_sector_final_table_is_a_units_final_accounts_read_for_what_maps(tmp_path):
    text = _sector_text()
    found = detect(text)
    assert (found.kind, found.unit, found.year) == (DocumentKind.DISCLOSURE, "示例县人民医院", 2031)
    doc, errors = load_text(tmp_path, text)
    table = doc.disclosure.tables["S01"]
    assert table.unit == "元" and table.label == "收支决算总表（按功能分类）"
    total = table.total
    assert total is not None
    read = {key: amount.value for key, amount in total.cells.items()}
    assert read == {
        "income": Decimal("3500000.00"),
        "fiscal": Decimal("820000.00"),
        "spent": Decimal("3260000.00"),
        "fiscal_spent": Decimal("820000.00"),
        "balance": Decimal("240000.00"),
    }
    assert [r.code for r in table.rows] == ["", "210", "21002", "2100202"]
    # the columns no layout settles hold figures: each reported, none read
    assert any("第16列" in str(e) and "未读取" in str(e) for e in errors)
    assert any("第17列" in str(e) and "未读取" in str(e) for e in errors)
    assert _errors(doc) == []


# --- a scanned 公开01 flattened into one line, with redactions ----------------------------------------------------

OCR_LINE = (
    "部门: (略) 示例职业学校 金额单位:万元 单位名称 (略) 示例职业学校 单位负责人 王某 电话号码 * 单位类型 公益一类事业单位 "
    "预算级次 市级 报表小类 单户表 F1 封面代码 财决公开01表 部门: (略) 示例职业学校 金额单位:万元 "
    "收入 收入 收入 支出 支出 支出 项目 行次 金额 项目 行次 金额 栏次 1 栏次 2 "
    "一一般公共预算财政拨款收入 1 2,310.40 一一般公共服务支出 32 0.00 二政府性基金预算财政拨款收入 2 0.00 二外交支出 33 0.00 "
    "三国有资本经营预算财政拨款收入 3 0.00 三国防支出 34 0.00 四上级补助收入 4 0.00 四公共安全支出 35 0.00 "
    "五事业收入 5 51.30 五教育支出 36 2,050.10 六经营收入 6 0.00 六科学技术支出 37 0.00 "
    "七附属单位上缴收入 7 0.00 七文化旅游体育与传媒支出 38 0.00 八其他收入 8 12.60 八社会保障和就业支出 39 188.20 "
    "9 九卫生健康支出 40 47.30 10"
)
OCR_TEXT = (
    "示例职业学校2030年决算批复公开资料\n\n详情见附件\n(注:以下内容为附件图片识别,个别文字可能不准确,请以附件为准)\n"
    + OCR_LINE
    + "\n"
)


def test_a_scanned_table01_on_one_line_with_redactions_is_read(tmp_path):
    found = detect(OCR_TEXT)
    assert (found.kind, found.year) == (DocumentKind.DISCLOSURE, 2030)
    doc, _ = load_text(tmp_path, OCR_TEXT)
    table = doc.disclosure.tables["D01"]
    assert table.unit == "万元"
    income = {r.label: r.cells["amount"].value for r in table.rows if r.side == "income" and r.cells}
    assert income["一一般公共预算财政拨款收入"] == Decimal("23104000.00") and income["五事业收入"] == Decimal(
        "513000.00"
    )
    spent = {r.label: r.cells["amount"].value for r in table.rows if r.side == "expenditure" and r.cells}
    assert spent["九卫生健康支出"] == Decimal(
        "473000.00"
    )  # beside the income side's blank row 9, not its amount
    [rebuilt] = [b for b in text_blocks(OCR_TEXT, "t.txt") if isinstance(b, Table)]
    assert rebuilt.rows[-2].texts == [
        "",
        "9",
        "",
        "九卫生健康支出",
        "40",
        "47.30",
    ]  # row 9 printed only its 行次
    assert doc.disclosure.ends_inside == "D01"  # cut off before its totals: said, not checked
    assert _errors(doc) == []


# --- a comparison table whose columns are years -----------------------------------------------------------------

YEARS_TEXT = """示例县人民医院财务信息公示
示例县公立医院收支对比表
单位:示例县人民医院 单位:元
项目及编号 2030年度 2031年度 2031比2030增减
增减值 增减%
一、收支对比 (一) 收入总计 8000000 8400000 400000 5.00%
1. 财政补助收入 1000000 1200000 200000 20.00%
2. 科研项目收入 0
3. 医疗收入 7000000 7200000 200000 2.86%
二、门诊次均费用
180.5 190.25 9.75 5.40%
"""


def test_a_table_of_years_reports_on_the_latest_and_joins_a_row_split_after_its_label():
    found = detect(YEARS_TEXT)
    assert found.year == 2031 and found.unit == "示例县人民医院"
    [table] = [b for b in text_blocks(YEARS_TEXT, "t.txt") if isinstance(b, Table)]
    texts = [row.texts for row in table.rows]
    assert texts[0] == ["项目", "2030年度", "2031年度", "2031比2030增减", ""]
    assert texts[1] == ["", "", "", "增减值", "增减%"]
    assert texts[2] == ["一、收支对比 (一) 收入总计", "8000000", "8400000", "400000", "5.00%"]
    assert texts[-1] == [
        "二、门诊次均费用",
        "180.5",
        "190.25",
        "9.75",
        "5.40%",
    ]  # its figures on the next line
    shown = table.rows[4]
    assert shown.texts[0] == "2. 科研项目收入" and not any(
        c.placed for c in shown.cells[1:]
    )  # one 0: which column?


# --- a 收入支出决算总表 whose title sits in the cell stream, under a 目录 of old table codes ------------------------

Z01_TEXT = (
    "一、示例县政协办公室概况\n示例县政协办公室是县政协的办事机构,现有行政编制9名。\n"
    "二、示例县政协办公室2029年度部门决算表\n1.收入支出决算总表(部门决算Z01表)\n"
    "2.部门决算相关信息统计表(部门决算CS05表)\n3.资产情况表(部门决算F01表)\n"
    "收入支出决算总表 |\n||||||||||||||\n"
    + _cells(
        "项目",
        "行次",
        "年初预算数",
        "调整预算数",
        "决算数",
        "项目(按功能分类)",
        "行次",
        "年初预算数",
        "调整预算数",
        "决算数",
        "项目(按支出性质和经济分类)",
        "行次",
        "年初预算数",
        "调整预算数",
        "决算数",
        "栏次",
        "",
        "1",
        "2",
        "3",
        "栏次",
        "",
        "4",
        "5",
        "6",
        "栏次",
        "",
        "7",
        "8",
        "9",
        "一、财政拨款收入",
        "1",
        "310.00",
        "325.40",
        "325.40",
        "一、一般公共服务支出",
        "35",
        "280.00",
        "290.10",
        "290.10",
        "一、基本支出",
        "60",
        "300.00",
        "318.20",
        "318.20",
        "其中:政府性基金预算财政拨款",
        "2",
        "",
        "",
        "",
    )
)


def test_a_title_in_the_cell_stream_names_its_table_whatever_the_contents_list_said(tmp_path):
    doc, errors = load_text(tmp_path, Z01_TEXT)
    assert set(doc.disclosure.tables) == {"D01"}
    table = doc.disclosure.tables["D01"]
    read = {(r.side, r.label): r.cells["amount"].value for r in table.rows if r.cells}
    assert read == {
        ("income", "财政拨款收入"): Decimal("3254000.00"),
        ("expenditure", "一般公共服务支出"): Decimal("2901000.00"),
    }  # the 决算数, not a 预算 column
    assert any(
        "第三栏" in str(e) and "第11–15列" in str(e) for e in errors
    )  # the third side: listed, not read
    assert any("年初预算数" in str(e) and "未读取" in str(e) for e in errors)
    assert _errors(doc) == []


# --- a 三公 budget table, a bar line between cells and a second one between rows, header cells wrapped -----------

BARS_TABLE = "\n".join(
    [
        "|",
        "|",
        "单位:万元",
        "|",
        "|",
        "项 目",
        "|",
        "合计",
        "|",
        "一般公共",
        "预算",
        "|",
        "政府性基金",
        "预算",
        "|",
        "国有资本",
        "经营预算",
        "|",
        "|",
        "行政经费",
        "|",
        "156.40",
        "|",
        "156.40",
        "|",
        "0.00",
        "|",
        "0.00",
        "|",
        "|",
        "“三公”经费",
        "|",
        "12.50",
        "|",
        "12.50",
        "|",
        "0.00",
        "|",
        "0.00",
        "|",
        "|",
        "其中:(一)因公出国(境)支出",
        "|",
        "2.00",
        "|",
        "2.00",
        "|",
        "0.00",
        "|",
        "0.00",
        "|",
        "|",
        "(二)公务用车购置及运行维护支出",
        "|",
        "8.00",
        "|",
        "8.00",
        "|",
        "0.00",
        "|",
        "0.00",
        "|",
        "|",
        "1.公务用车购置",
        "|",
        "0.00",
        "|",
        "0.00",
        "|",
        "0.00",
        "|",
        "0.00",
        "|",
        "|",
        "2.公务用车运行维护费",
        "|",
        "8.00",
        "|",
        "8.00",
        "|",
        "0.00",
        "|",
        "0.00",
        "|",
        "|",
        "(三)公务接待费支出",
        "|",
        "2.50",
        "|",
        "2.5",
        "|",
        "0.00",
        "|",
        "0.00",
        "|",
        "一、财政拨款安排的行政经费及“三公”经费预算情况:",
        "2030年本部门财政拨款安排“三公”经费12.5万元,比上年减少0.5万元,下降3.85%,其中:因公出国(境)费2万元,"
        "公务用车购置及运行费8万元,公务接待费2.5万元。",
        "",
    ]
)


def test_bar_separated_cells_with_wrapped_headers_are_rows_of_a_table():
    [table] = [b for b in text_blocks(BARS_TABLE, "t.txt") if isinstance(b, Table)]
    assert [t.replace(" ", "") for t in table.rows[0].texts] == [
        "项目",
        "合计",
        "一般公共预算",
        "政府性基金预算",
        "国有资本经营预算",
    ]
    assert table.rows[1].texts == ["行政经费", "156.40", "156.40", "0.00", "0.00"]
    assert table.rows[-1].texts == [
        "(三)公务接待费支出",
        "2.50",
        "2.5",
        "0.00",
        "0.00",
    ]  # the heading after it is not a cell


def test_a_budget_table_split_by_source_reads_its_total_column(tmp_path):
    doc, errors = load_text(tmp_path, BARS_TABLE)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE
    [row] = doc.disclosure.tables["D09"].rows
    values = {key: amount.value / 10000 for key, amount in row.cells.items()}
    assert values == {
        "budget_total": Decimal("12.50"),
        "budget_overseas": Decimal("2.00"),
        "budget_car": Decimal("8.00"),
        "budget_car_purchase": Decimal("0.00"),
        "budget_car_operation": Decimal("8.00"),
        "budget_reception": Decimal("2.50"),
    }  # not the 行政经费 row's 156.40
    messages = [str(e) for e in errors]
    assert sum("按资金来源的分项" in m for m in messages) == 3 and any(
        "“行政经费”不是三公经费的某一项" in m for m in messages
    )
    assert _errors(doc) == []


# --- an evaluation form with a 行次 column and a 列次 row, each row split after its first figure ------------------

NUMBERED_FORM = """示例县农业农村局2030年度示例产业发展资金绩效评价表
年度:2030年
资金投入情况
(万元)

行次 全年预算数
(A)
统筹整合资金数
(B)
扣除统筹整合资金后预算金额
(C)
全年到位资金
(D)
预算到位
(D/C×100%)
全年执行资金
(E)
预算执行
(E/C×100%)
佐证材料
列次 0 1 2 3 4 5 6 7 所需材料 上传端口
年度资金总额(万元): 1 90.000000
20.000000 70.000000 70.000000 100.00% 56.000000 80.00%
其中:中央财政资金(万元) 2 60.000000
60.000000 60.000000 100.00% 48.000000 80.00% 资金下达文件
地方财政资金(万元) 3



资金管理情况
情况说明 存在问题 改进措施
"""


def test_a_numbered_form_is_rebuilt_and_its_blanks_placed_by_its_formulas():
    [table] = [b for b in text_blocks(NUMBERED_FORM, "t.txt") if isinstance(b, Table)]
    assert table.rows[0].texts[:4] == ["资金投入情况(万元)", "行次", "全年预算数(A)", "统筹整合资金数(B)"]
    assert table.rows[0].texts[-2:] == ["预算执行(E/C×100%)", "佐证材料"]
    # all seven figures printed: read as they stand
    assert table.rows[1].texts == [
        "年度资金总额(万元):",
        "1",
        "90.000000",
        "20.000000",
        "70.000000",
        "70.000000",
        "100.00%",
        "56.000000",
        "80.00%",
        "",
    ]
    # one figure short: the rates fix C, D, E; whether the blank is A's or B's no formula says
    row = table.rows[2]
    assert row.texts[4:9] == ["60.000000", "60.000000", "100.00%", "48.000000", "80.00%"]
    assert not row.cells[2].placed and not row.cells[3].placed and row.texts[-1] == "资金下达文件"
    assert table.rows[3].texts[:2] == ["地方财政资金(万元)", "3"] and not any(table.rows[3].texts[2:])


def test_a_fund_evaluation_form_reads_the_budget_its_rate_is_of(tmp_path):
    doc, errors = load_text(tmp_path, NUMBERED_FORM)
    [project] = doc.self_evaluations
    assert project.project.name == "示例产业发展资金"
    total = project.budget_total
    assert total is not None
    # 执行率 = E ÷ C (the formula says so), not ÷ the 全年预算数 (A) when funds were pooled
    assert (total.adjusted, total.executed, total.reported_rate) == (
        Decimal("700000"),
        Decimal("560000"),
        Decimal("80.00"),
    )
    assert any("全年预算数(A)" in str(e) and "未读取" in str(e) for e in errors)
    assert _errors(doc) == []


SOURCES_UNKNOWN = """2030年示例局财政拨款“三公”经费预算表
单位:万元
项目 | 合计 | 财政拨款 | 单位自筹 |
机关运行经费 | 88.00 | 80.00 | 8.00 |
“三公”经费 | 9.00 | 9.00 | 0.00 |
因公出国(境)费 | 1.00 | 1.00 | 0.00 |
公务用车购置及运行维护费 | 5.00 | 5.00 | 0.00 |
公务接待费 | 3.00 | 3.00 | 0.00 |
"""


def test_items_printed_as_rows_are_never_read_as_one_row_of_figures(tmp_path):
    # the columns cannot all be placed (单位自筹 is no source the reader knows): the table stays unread, and the first
    # row of figures (机关运行经费) is not taken for the 三公 figures
    doc, errors = load_text(tmp_path, SOURCES_UNKNOWN)
    [row] = doc.disclosure.tables["D09"].rows
    assert row.cells == {}
    assert any("无法对应" in str(e) for e in errors)
    assert _errors(doc) == []


# --- the end of one self-evaluation form and the head of the next in one pipe table ---------------------------------

TWO_FORMS = """道路养护及时率 | = | 100 | % | 10 | ||||||
成本指标 | 单公里养护成本 | ≤ | 8000 | 元 | 10 | |||||
满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥ | 95 | % | 10 | ||||
合计 | 100 | |||||||||
评价结论 | 结合自评情况,说明项目自评总分。(200字以内) | |||||||||
部门预算项目支出绩效自评表(2031年度) | ||||||||||
项目名称 | 示例县乡道巡查经费 | |||||||||
主管部门 | 示例县交通运输局 | 实施单位 (盖章) | 示例县公路站 | |||||||
预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |
"""


def test_the_end_of_a_form_before_the_next_forms_title_is_named_unread_and_so_is_a_head_only_form(tmp_path):
    doc, errors = load_text(tmp_path, TWO_FORMS)
    assert doc.kind is DocumentKind.SELF_EVALUATION
    [tail] = [e for e in errors if "之前的 5 行" in e.message]
    assert "标题和表头不在文本中" in tail.message and "道路养护及时率" in tail.message and tail.location.line == 1
    [head] = [e for e in errors if "只读到项目名称" in e.message]
    assert "示例县乡道巡查经费" in head.message and head.location.line == 6
    assert not _errors(doc)  # an unfilled form's weights are not scored
