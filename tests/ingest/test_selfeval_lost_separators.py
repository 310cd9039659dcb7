"""Self-evaluation forms whose cell separators or row ends were lost when copied, rebuilt with our own wording
and figures:

- a '|'-table whose rows were merged across row ends, its two-tier indicator header ('绩效指标 | 年度指标值 |
  实际完成值 | 分值 | 得分 | 偏差原因…' over '一级指标 | … | 指标性质 | 指标值 | 度量单位') run into the goal row and
  the first indicator row, the empty 偏差原因 cells not printed, '═' for '=';
- a Word form whose cells were run together with no separator at all, two forms one after the other: the header
  '全年执行' without its '数', indicator rows whose actual repeats the target ('320盏320盏') and whose 分值 and
  得分 touch ('2018'), or, under a header printing 分值 first, the 分值 touching the name and the 得分 after
  the actual ('12≥40个≥40个12');
- a spreadsheet form dumped column by column onto one line: the fund labels before the budget header, the total
  row's figures right after it in the header's order.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.finding import Tier
from tests.builders import load_form

MERGED_TWO_TIER = "\n".join(
    [
        "2023年度项目支出绩效自评表 | 部门:示例县第三中学 |",
        "|",
        "|",
        "| 公开14表 | 项目名称 | 学生饮水设施更新 | 主管部门 | 示例县教育局 | 实施单位 | 示例县第三中学 | 项目资金 (元) |",
        "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |",
        "| 80000 | 80000 | 10 | 100% | 10 | 其中:当年财政 拨款 |",
        "| 80000 | 80000 | — |",
        "| — | 上年结转 资金 |",
        "|",
        "| — | 其他资金 | — | — | — | — |",
        "| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 更新饮水机 | 已更新饮水机 | 绩效指标 | 年度指标值 | 实际完成值 | 分值 "
        "| 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 "
        "| 更新饮水机台数 | ≧ | 12 | 台 | 12 | 20 | 20 |",
        "| 质量指标 | 设备验收合格率 | ═ | 100 | % | 100% | 20 | 20 |",
        "| 效益指标 | 社会效益 指标 | 改善学生饮水条件 |",
        "| 明显改善 |",
        "| 明显改善 | 30 | 28 |",
        "| 满意度指标 | 服务对象满意度指标等 | 学生满意度 | ≧ | 90 | % | 96% | 10 | 10 |",
        "| 教师满意度 | ≧ | 90 | % | 94% | 10 | 10 |",
        "| 其他需要说明事项 | 无 | 总分 | 100 | 98 | 优 |",
        "|",
    ]
)


def test_merged_pipe_rows_with_a_two_tier_header_read_every_indicator_row(tmp_path):
    doc, findings = load_form(tmp_path, MERGED_TWO_TIER)
    [se] = doc.self_evaluations
    assert se.project.name == "学生饮水设施更新"
    assert [(i.level1, i.level2, i.name, i.weight, i.reported_score) for i in se.indicators] == [
        ("产出指标", "数量指标", "更新饮水机台数", 20, 20),
        ("产出指标", "质量指标", "设备验收合格率", 20, 20),
        ("效益指标", "社会效益指标", "改善学生饮水条件", 30, 28),
        ("满意度指标", "服务对象满意度指标等", "学生满意度", 10, 10),
        ("满意度指标", "服务对象满意度指标等", "教师满意度", 10, 10),
    ]
    first, second = (i.adjusted_target or i.initial_target for i in se.indicators[:2])
    assert (first.operator.value, first.number, first.unit) == ("≥", 12, "台")
    assert (second.operator.value, second.number) == ("=", 100)
    assert not se.goal.incomplete
    assert [f.message for f in findings if f.tier is Tier.ERROR] == []
    assert not [p for p in doc.problems if "中断" in p.message]


GLUED_FORMS = (
    "1、项目支出绩效自评表(2022 年度)项目名称村道路灯维护经费主管部门示例镇人民政府实施单位示例镇建设服务中心"
    "项目资金 (万元)年初预算数全年预算数全年执行分值执行率得分年度资金总额25.825.823.290%"
    "其中:当年财政拨款25.825.823.290%上年结转资金其他资金年度 总体 目标预期目标实际完成情况维护全镇路灯,保障夜间照明。"
    "已完成绩 效 指 标一级指标二级指标三级指标年度 指标值实际 完成值分 值得 分偏差原因分析 及改进措施"
    "产出指标数量指标维护路灯数量320盏320盏3030质量指标路灯亮灯率95%95%2020\n"
    "2、时效指标指标1:指标2:成本指标单盏维护费用800元800元2020满意度 指标服务对象 满意度指 标村民满意度90%90%2020"
    "指标2:总分10098项目名称村容保洁补助主管部门示例镇人民政府实施单位示例镇建设服务中心项目资金 (万元)"
    "年初预算数全年预算数全年执行分值执行率得分年度资金总额4040400100%\n"
)


def test_glued_forms_read_rows_whose_actual_repeats_the_target_and_list_the_form_not_read(tmp_path):
    doc, findings = load_form(tmp_path, GLUED_FORMS, "自评表.txt")
    [se] = doc.self_evaluations
    assert se.project.name == "村道路灯维护经费"
    total = se.budget_lines[0]
    assert (total.source, total.adjusted, total.executed, total.reported_rate) == (
        "年度资金总额",
        Decimal(258000),
        Decimal(232000),
        Decimal(90),
    )
    assert [
        (i.level1, i.level2, i.name, str(i.target.number), i.weight, i.reported_score) for i in se.indicators
    ] == [
        ("产出指标", "数量指标", "维护路灯数量", "320", 30, 30),
        ("产出指标", "质量指标", "路灯亮灯率", "95", 20, 20),
        ("产出指标", "成本指标", "单盏维护费用", "800", 20, 20),
        ("满意度指标", "服务对象满意度指标", "村民满意度", "90", 20, 20),
    ]
    assert not se.goal.incomplete
    assert any("村容保洁补助" in p.message and "未能读取" in p.message for p in doc.problems)
    assert [f.message for f in findings if f.tier is Tier.ERROR] == []


def test_glued_row_whose_actual_differs_from_its_target_is_listed_not_guessed(tmp_path):
    text = GLUED_FORMS.replace("路灯亮灯率95%95%2020", "路灯亮灯率95%93%2018")
    doc, _ = load_form(tmp_path, text, "自评表.txt")
    [se] = doc.self_evaluations
    assert "路灯亮灯率" not in [i.name for i in se.indicators]
    assert se.goal.incomplete
    assert any("格子连在一起" in p.message and p.location.table == "绩效指标" for p in doc.problems)


def test_split_points_takes_the_one_reading_within_the_form_points():
    from jixiao.ingest.fused import split_points

    assert split_points("2018") == ("20", "18")
    assert split_points("1005") == ("100", "5")
    assert split_points("55") == ("5", "5")
    assert split_points("1510") == ("15", "10")
    assert split_points("3040") is None  # 30 / 40 is a score above its points, 304 / 0 above the form's 100


COLUMN_DUMP = (
    "饮水维修绩效自评表.xlsx\n"
    "示例县项目支出绩效自评表 (2021年度) 项目名称 农村饮水设施维修资金 主管部门 示例县水利局 项目资金 年初预算数 (万元) "
    "年度资金总额 其中:当年财政拨款 实施单位 全年预算数 全年执行数 分值 执行率 得分 50 50 10 100% 10 50 50 — 100% — "
    "上年结转资金 — — 其他资金 — — 预期目标 实际完成情况 维修供水设施 完成维修 年度总 体目标 一级 指标 二级指标 三级指标 "
    "数量指标 指标1:维修供水点数 绩 效 指 标 示例县水务服务站 产出 指标 (50分 ) 实际 指标值 完成值 30 分值 得分 30 20 20 "
    "质量指标 指标1:维修验收合格率 100% 100% 30 30 总分\n"
)


def test_column_dump_reads_the_total_row_printed_in_its_header_order(tmp_path):
    doc, findings = load_form(tmp_path, COLUMN_DUMP, "自评表.txt")
    [se] = doc.self_evaluations
    assert se.project.name == "农村饮水设施维修资金"
    [total] = se.budget_lines
    assert (total.source, total.adjusted, total.executed, total.reported_rate, total.reported_score) == (
        "年度资金总额",
        Decimal(500000),
        Decimal(500000),
        Decimal(100),
        Decimal(10),
    )
    assert any("紧随表头" in p.message and "未读取" in p.message for p in doc.problems)
    assert any(p.location.table == "绩效指标" and "未读取" in p.message for p in doc.problems)
    assert [f.message for f in findings if f.tier is Tier.ERROR] == []


def test_ordered_total_needs_the_rate_of_its_own_amounts():
    from jixiao.ingest.fundrows import ordered_total

    fields = ["adjusted", "executed", "points", "reported_rate", "reported_score"]
    header = ["全年预算数", "全年执行数", "分值", "执行率", "得分"]
    assert ordered_total([*header, "80", "72", "10", "90%", "9"], fields) == (5, 6, 8, 7, 9)
    assert ordered_total([*header, "80", "72", "10", "95%", "9"], fields) is None  # 72 ÷ 80 is 90%
    assert ordered_total([*header, "80", "72", "90%", "10", "9"], fields) is None  # out of the header's order


WEIGHT_FIRST = (
    "绩效目标自评表(2023年度)项目名称示例村灌溉渠清淤项目主管部门示例县水务局实施单位示例县水务局资金情况(万元)"
    "全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:151510100.00%10其他资金年度总体目标清淤灌溉渠道。"
    "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施产出指标(60分)"
    "数量指标清淤渠道条数12≥40个≥40个12渠道清淤长度18≥8公里≥8公里18质量指标清淤验收合格率30100%100%30"
    "效益指标(30分)社会效益指标灌溉条件改善情况30明显改善明显改善28满意度指标(10分)服务对象满意度指标"
    "受益农户满意度10≥90%≥90%10总分100100\n"
)


def test_glued_rows_under_a_header_printing_the_points_first(tmp_path):
    doc, findings = load_form(tmp_path, WEIGHT_FIRST, "自评表.txt")
    [se] = doc.self_evaluations
    assert [(i.level2, i.name, i.target.raw, i.weight, i.reported_score) for i in se.indicators] == [
        ("数量指标", "清淤渠道条数", "≥40个", 12, 12),
        ("数量指标", "渠道清淤长度", "≥8公里", 18, 18),
        ("质量指标", "清淤验收合格率", "100%", 30, 30),
        ("社会效益指标", "灌溉条件改善情况", "明显改善", 30, 28),
        ("服务对象满意度指标", "受益农户满意度", "≥90%", 10, 10),
    ]
    assert not se.goal.incomplete
    # 10 + 60 + 30 + 10 = 110 printed points, the rows adding up to the 一级 points: one fault, one finding (a convention)
    totals = [f for f in findings if f.rule in ("selfeval.s9_weight_total", "selfeval.section_points")]
    assert [(f.rule, f.tier) for f in totals] == [("selfeval.section_points", Tier.WARNING)]
