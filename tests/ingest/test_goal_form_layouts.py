"""A budget-side 绩效目标表 read as a goal form, whatever its layout (own wording and numbers): '|' rows whose label
cells span rows (a 二级 label on the row of its first indicator, a 一级 label printed on a middle row), one cell per
line, a spreadsheet's rows with an operator column, and a real .xlsx with merged cells. Header rows and a stamp
footer are no indicators, and the form is never taken for a self-evaluation."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.core.model import DocumentKind
from tests.builders import load_text

# '|' rows as a web page's table copied out: the merged 一级/二级 cells are printed once and left out of the rows
# under them; '产出指标' sits on a middle row of its span; the 指标值 column is split into last year's and this
# year's value by a sub-header; the names print their template's placeholders; a stamp footer closes the form.
PIPE = "\n".join(
    [
        "标 题: | 项目支出绩效目标申报表 |",
        "(2031年度) | ||||||",
        "项目名称 | 示例镇老旧管网改造 | |||||",
        "主管部门 | 示例县住房和城乡建设局 | 实施单位 | 示例镇人民政府 | |||",
        "项目资金 (万元) | 年度资金总额: | 450.00 | ||||",
        "其中:财政拨款 | 450.00 | |||||",
        "年度总体目标 | 改造老旧供水管网9公里，新建检查井120座。 | |||||",
        "绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标依据 |",
        "上年实际值 | 本年目标值 | |||||",
        "数量指标 (必填) | 改造供水管网长度(公里) | 9 | ||||",
        "新建检查井数量(座) | 95 | 120 | ||||",
        "产出指标 | 入户改造户数 | ≥300户 | ||||",
        "质量指标 (必填) | 管网验收合格率(≥**%) | 98 | ||||",
        "成本指标 | 管网改造总成本(≤**万元) | 450 | ||||",
        "效益指标 | 社会效益 指标 | 受益居民人数(人) | 2600 | |||",
        "满意度指标 | 服务对象满意度指标 | 受益居民满意度 | ≥92% | |||",
        "主管部门(盖章) 年 月 日 | 财政部门(盖章) 年 月 日 |",
    ]
)

# One cell per line, blank lines between cells: the spans are printed once, a 二级 label breaks over two lines.
CELLS = (
    "\n\n".join(
        [
            "农业产业项目绩效目标申报表",
            "（2031年度）",
            "项目名称",
            "示例乡茶园提质项目",
            "主管部门",
            "示例县农业农村局",
            "实施单位",
            "示例乡人民政府",
            "资金情况（万元）",
            "年度资金总额：",
            "80万(茶苗购置50万元,技术培训30万元)",
            "其中：财政拨款",
            "80万",
            "总体目标",
            "年度目标",
            "完成茶园提质改造600亩",
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "产出指标",
            "数量指标",
            "茶园提质改造面积",
            "≥600亩",
            "技术培训人次",
            "≥150人次",
            "质量指标",
            "茶苗成活率",
            "≥90%",
            "时效指标",
            "完成时间",
            "2031年10月",
            "成本指标",
            "每亩改造补助",
            "≤1300元/亩",
            "效益指标",
            "经济效益",
            "指标",
            "亩均增收",
            "≥800元",
            "可持续影响",
            "指标",
            "茶园管护年限",
            "≥5年",
            "满意度指标",
            "服务对象满意度指标",
            "茶农满意度",
            "≥90%",
            "注：各地可结合实际增减指标。",
        ]
    )
    + "\n"
)

# A spreadsheet exported with its sheet's name and '|'-led rows: 计算符号, 目标值 and 度量单位 in columns of their own,
# a 分值 column and a 总分 row.
SHEET = "\n".join(
    [
        "Sheet1",
        "| 部门整体绩效目标 | |||||||",
        "| 部门名称: | 示例县林业局 | |||||||",
        "| 年度绩效总目标 | 保障全局履职，完成营造林任务。 | ||||||",
        "| 一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 | 分值 | 指标值说明 |",
        "| 产出指标 | 数量指标 | 完成人工造林面积(亩) | ≥ | 1200 | 亩 | 30 | 依据年度计划 |",
        "| 森林巡护里程(公里) | ≥ | 800 | 公里 | 20 | 依据年度计划 |||",
        "| 质量指标 | 造林成活率(%) | ≥ | 85 | % | 20 | 依据技术规程 ||",
        "| 效益指标 | 生态效益指标 | 林地保有量(公顷) | ≥ | 5100 | 公顷 | 15 | 依据规划 |",
        "| 满意度指标 | 服务对象满意度指标 | 林农满意度(%) | ≥ | 90 | % | 15 | 依据问卷 |",
        "| 总分 | | | | | | 100 | |",
    ]
)


def _tree(doc):  # type: ignore[no-untyped-def]
    [form] = doc.goal_forms
    return form, [
        (i.level1, i.level2, i.name, i.target.raw if i.target else None) for i in form.goal.indicators
    ]


def test_pipe_rows_with_spanning_labels_are_read_as_a_goal_form(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, PIPE)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.year == 2031
    assert doc.self_evaluations == ()  # a target form is no self-evaluation
    form, tree = _tree(doc)
    assert form.project == "示例镇老旧管网改造" and form.unit == "示例镇人民政府"
    assert form.budget == Decimal("4500000")
    assert "改造老旧供水管网9公里" in form.goal.annual_text
    assert tree == [
        ("产出指标", "数量指标", "改造供水管网长度(公里)", "9公里"),
        ("产出指标", "数量指标", "新建检查井数量(座)", "120座"),  # this year's value, not last year's 95
        ("产出指标", "数量指标", "入户改造户数", "≥300户"),
        ("产出指标", "质量指标", "管网验收合格率(≥%)", "≥98%"),
        ("产出指标", "成本指标", "管网改造总成本(≤万元)", "≤450万元"),
        ("效益指标", "社会效益指标", "受益居民人数(人)", "2600人"),
        ("满意度指标", "服务对象满意度指标", "受益居民满意度", "≥92%"),
    ]
    assert not form.goal.incomplete


def test_one_cell_per_line_is_read_as_a_goal_form(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, CELLS)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.self_evaluations == ()
    form, tree = _tree(doc)
    assert form.project == "示例乡茶园提质项目" and form.budget == Decimal("800000")
    assert form.goal.annual_text == "完成茶园提质改造600亩"
    assert tree == [
        ("产出指标", "数量指标", "茶园提质改造面积", "≥600亩"),
        ("产出指标", "数量指标", "技术培训人次", "≥150人次"),
        ("产出指标", "质量指标", "茶苗成活率", "≥90%"),
        ("产出指标", "时效指标", "完成时间", "2031年10月"),
        ("产出指标", "成本指标", "每亩改造补助", "≤1300元/亩"),
        ("效益指标", "经济效益指标", "亩均增收", "≥800元"),
        ("效益指标", "可持续影响指标", "茶园管护年限", "≥5年"),
        ("满意度指标", "服务对象满意度指标", "茶农满意度", "≥90%"),
    ]
    assert doc.reading is not None and not [u for u in doc.reading.unread if "未核对" in u.what]


def test_a_spreadsheets_operator_and_unit_columns_are_joined_to_the_target(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, SHEET)
    form, tree = _tree(doc)
    assert form.project == "示例县林业局"
    assert [t for *_, t in tree] == ["≥1200亩", "≥800公里", "≥85%", "≥5100公顷", "≥90%"]
    assert [i.weight for i in form.goal.indicators] == [30, 20, 20, 15, 15]
    assert tree[1][:2] == ("产出指标", "数量指标") and tree[2][:2] == ("产出指标", "质量指标")
    assert form.goal.printed_weight_total == 100 and not form.goal.unweighted
    assert doc.reading is not None and not [u for u in doc.reading.unread if "表格未被识别" in u.what]


def test_an_xlsx_with_merged_label_cells_is_read_as_a_goal_form(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from jixiao.ingest.pipeline import load_document

    book = Workbook()
    sheet = book.active
    for row in [
        ["2031年度项目支出绩效目标表"],
        ["项目名称", "示例河道清淤工程", None, "实施单位", "示例县水务局"],
        ["年度资金总额（万元）", "120"],
        ["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "度量单位", "分值"],
        ["产出指标", "数量指标", "清淤河道长度", "≥", "12", "公里", "30"],
        [None, None, "清运淤泥量", "≥", "3", "万立方米", "20"],
        [None, "成本指标", "清淤工程总成本", "≤", "120", "万元", "20"],
        ["效益指标", "生态效益指标", "河道水质达标率", "≥", "90", "%", "20"],
        ["满意度指标", "服务对象满意度指标", "沿岸居民满意度", "≥", "90", "%", "10"],
    ]:
        sheet.append(row)
    sheet.merge_cells("A5:A7")
    sheet.merge_cells("B5:B6")
    book.save(tmp_path / "goal.xlsx")
    doc, _ = load_document(tmp_path / "goal.xlsx")
    assert doc is not None and doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.self_evaluations == ()
    form, tree = _tree(doc)
    assert form.budget == Decimal("1200000")
    assert tree[1] == ("产出指标", "数量指标", "清运淤泥量", "≥3万立方米")
    assert tree[2] == ("产出指标", "成本指标", "清淤工程总成本", "≤120万元")
    assert [i.weight for i in form.goal.indicators] == [30, 20, 20, 20, 10]


def test_an_indicator_table_printing_targets_only_is_the_budget_side(tmp_path: Path) -> None:
    table = "\n".join(
        [
            "2031年度示例县助学金项目绩效评价指标表",
            "一级指标\t二级指标\t指标名称\t目标值\t分值",
            "产出指标\t数量指标\t资助学生人数\t≥800人\t40",
            "满意度指标\t服务对象满意度指标\t学生满意度\t≥90%\t60",
            "总分\t\t\t\t100",
        ]
    )
    doc, _ = load_text(tmp_path, table)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.year == 2031
    _, tree = _tree(doc)
    assert [name for _, _, name, _ in tree] == ["资助学生人数", "学生满意度"]
    scored = (
        table.replace("目标值\t分值", "目标值\t分值\t得分")
        .replace("\t40", "\t40\t40")
        .replace("\t60", "\t60\t55")
    )
    doc, _ = load_text(tmp_path, scored)
    assert doc.kind is not DocumentKind.BUDGET_DISCLOSURE  # with scores it is an evaluation's table


# A finance bureau's notice passing money down, then its attachment: the target table's title broken over three
# lines, the cells one per line with '|' padding, a 实施效果指标 column grouping the levels, and the only 自评报告 an
# instruction to file one after the year.
NOTICE = "\n".join(
    [
        "示财建指〔2031〕7号",
        "根据《示例省财政厅关于下达2031年示例专项投资预算的通知》,现下达你区2031年预算640万元,专项用于示例区"
        "灌渠改造项目,请按规定专款专用。",
        "请你单位做好绩效监控,确保年度绩效目标如期实现,于预算年度结束后及时将项目绩效自评报告报我局备案。",
        "附件:示例专项2031年投资计划绩效目标表",
        "2031年4月8日",
        "附件",
        "示例省示例专项(灌渠",
        "改造项目)2031年",
        "投资计划绩效目标表",
        "专项名称 |",
        "示例专项(灌渠改造项目) | ||||",
        "下达地方或单位 |",
        "示例区人民政府 | ||||",
        "下达投资(万元) |",
        "640 | ||||",
        "总 体 目 标 |",
        "改造灌渠,提高灌溉保证率。 | ||||",
        "绩 效 指 标 |",
        "一级指标 |",
        "二级指标 |",
        "三级指标 |",
        "指标值 | |",
        "实施效果指标 |",
        "产出指标 |",
        "改造灌渠条数(含续建) |",
        "3 | ||",
        "工程验收合格率 |",
        "100% | ||||",
        "效益指标 |",
        "新增灌溉面积 |",
        "≥1500亩 | |||",
    ]
)


def test_a_target_table_attached_to_a_notice_allocating_the_money_is_the_budget_side(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, NOTICE)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.year == 2031 and doc.self_evaluations == ()
    _, tree = _tree(doc)
    # the grouping column is no indicator, and what a name takes in ('含续建') is no unit of its target
    assert [(name, target) for _, _, name, target in tree] == [
        ("改造灌渠条数(含续建)", "3"),
        ("工程验收合格率", "100%"),
        ("新增灌溉面积", "≥1500亩"),
    ]
    assert [level1 for level1, *_ in tree] == ["产出指标", "产出指标", "效益指标"]
    # the form's fields name the fund (专项名称, not the form's title) and the place it goes to (下达地方或单位): with no
    # other name in the text, the page's unit
    form, _ = _tree(doc)
    assert form.project == "示例专项(灌渠改造项目)" and form.unit == "示例区人民政府" and doc.unit == "示例区人民政府"
    assert form.budget == 6400000


# A finance bureau's notice allotting a central investment to a county, its only title the attachment line, the
# attached 中央预算内投资计划绩效目标表 as '|' rows one cell per line: 专项名称 / 下达地方或单位 / 下达中央预算内投资(万元) /
# 总体目标 fields, a 一级 caption ('实施效果指标') printed before the 二级 labels in their row, a name stating what a
# count takes in ('(含续建)'), and the page cut inside the 效益 rows. The notice asks for a 自评报告 after the year:
# no self-evaluation is in it.
ALLOTMENT_NOTICE = "\n".join(
    [
        "示财建指〔2031〕7号",
        "根据上级下达的投资计划，现下达你县2031年预算860万元，专项用于示例县污水管网改造项目，请按规定专款专用。",
        "请你单位按下达的绩效目标做好绩效监控，于预算年度结束后及时将项目绩效自评报告报我局备案。",
        "附件:示例省城镇污水治理专项2031年中央预算内投资计划绩效目标表",
        "2031年4月2日",
        "附件",
        "示例省城镇污水治理专项2031年",
        "中央预算内投资计划绩效目标表",
        "专项名称 |",
        "城镇污水治理专项 (污水管网改造) | ||||",
        "下达地方或单位 |",
        "示例县人民政府 | ||||",
        "下达中央预算内投资(万元) |",
        "860 | ||||",
        "总 体 目 标 |",
        "新建和改造污水管网，提高城区污水收集率。 | ||||",
        "绩 效 指 标 |",
        "一级指标 |",
        "二级指标 |",
        "三级指标 |",
        "指标值 | |",
        "实施效果指标 |",
        "产出指标 |",
        "改造管网段数(含续建) |",
        "4 | ||",
        "管网验收合格率 |",
        "100% | ||||",
        "效益指标 |",
        "城区污水收集率 |",
        "≥85% | |||",
        "城区生活污水直排口",
    ]
)


def test_a_notice_with_an_attached_investment_target_form_is_read_as_a_goal_form(tmp_path: Path) -> None:
    doc, _ = load_text(tmp_path, ALLOTMENT_NOTICE)
    assert doc.kind is DocumentKind.BUDGET_DISCLOSURE and doc.year == 2031
    assert doc.unit == "示例县人民政府" and doc.self_evaluations == ()
    form, tree = _tree(doc)
    assert form.project == "城镇污水治理专项 (污水管网改造)" and form.unit == "示例县人民政府"
    assert form.budget == Decimal("8600000")
    assert form.goal.period_text == "新建和改造污水管网，提高城区污水收集率。"
    assert tree == [
        ("产出指标", "", "改造管网段数(含续建)", "4"),  # '(含续建)' is no unit, '实施效果指标' no indicator
        ("产出指标", "", "管网验收合格率", "100%"),
        ("效益指标", "", "城区污水收集率", "≥85%"),
    ]
    assert form.goal.incomplete  # the page ends before any 满意度 row
    assert doc.reading is not None and not [u for u in doc.reading.unread if "表格未被识别" in u.what]
