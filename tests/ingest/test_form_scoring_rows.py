"""Self-evaluation forms copied out of web pages (own wording and figures): a project form one cell per line with
blank lines between cells whose '(万元)' lands after the header's last cell, its 其中 row printing the budget score
again; a department form one cell per line ending ' |', its rows padded with runs of bars and its scoring table
(一级/二级/三级指标, 分值, 自评得分) run into the rows above; indicator rows marked not applicable or printed twice; and a
table flattened into a sentence of a PDF's text. Each is read — a repeated row once, a row that does not apply not at
all (neither scored nor taken as 0) — or named unread with its place; never passed in silence."""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.scoring.selfeval import score_self_evaluation
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

# -- a project form one cell per line, blank lines between cells, ' ' for an empty cell ------------------------------

BLANK_CELLS = ["示例区文化馆2022年群众文艺活动经费决算情况",
               "群众文艺活动项目绩效自评综述:全年预算数为80万元,执行数为72万元,完成预算的90%。",
               "项目支出绩效自评表", " 2022 年度)", "项目名称", "群众文艺活动经费", "主管部门", "示例区文化和旅游局  ",
               "实施单位", "示例区文化馆", "项目资金", " ", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
               "(万元)", "年度资金总额", "80", "80", "72", "10", "90%", "9", " ",
               "其中:当年财政拨款", "80", "80", "72", "10", "90%", "{sub}", " ",
               "      上年结转资金", " ", " ", " ", " ", " ", " ", " ", "  其他资金", " ", " ", " ", " ", " ", " ",
               "年度总体目标", "预期目标", "实际完成情况", " ", "全年组织群众文艺演出40场。", "全年组织群众文艺演出42场。"]


def _blank_form(tmp_path, sub: str = "8"):  # type: ignore[no-untyped-def]
    return load_text(tmp_path, "\n\n".join(BLANK_CELLS).format(sub=sub) + "\n", "form.txt")


def test_cells_between_blank_lines_with_the_unit_after_the_header_are_a_fund_table(tmp_path):
    doc, _ = _blank_form(tmp_path)
    [se] = doc.self_evaluations
    total = se.budget_total
    assert total is not None
    assert (total.initial, total.adjusted, total.executed, total.reported_rate, total.reported_score) == (
        Decimal(800000), Decimal(800000), Decimal(720000), Decimal(90), Decimal(9))
    assert doc.reading is not None and doc.reading.projects == 1


def test_the_budget_score_printed_again_on_its_sub_row_counts_once_and_is_named(tmp_path):
    doc, errors = _blank_form(tmp_path)
    [se] = doc.self_evaluations
    assert score_self_evaluation(se, CENTRAL).execution_score == Decimal(9)  # 10 × 90%, from the total row only
    [repeat] = [e for e in errors if "另印得分" in e.message]
    assert "其中:当年财政拨款" in repeat.message and repeat.location.column == "得分"
    assert repeat.location.line == 55  # the row, by its label


def test_two_scores_for_one_execution_rate_are_a_suspicion(tmp_path):
    doc, _ = _blank_form(tmp_path)
    findings = audit_document(doc, CENTRAL).findings
    [two] = [f for f in findings if f.rule == "selfeval.s1_execution_score" and "同一执行率两个得分" in f.message]
    assert two.tier is Tier.WARNING
    assert not [f for f in findings if f.tier is Tier.ERROR]


def test_the_same_score_repeated_is_no_finding(tmp_path):
    doc, errors = _blank_form(tmp_path, sub="9")
    assert [e for e in errors if "另印得分" in e.message]
    assert not [f for f in audit_document(doc, CENTRAL).findings if "同一执行率两个得分" in f.message]


# -- a department form one cell per line ending ' |', rows padded with runs of bars, a scoring table below -----------

DEPARTMENT_HEAD = """附件3
示例县档案馆部门
2022年度整体支出绩效自评报告
按照市里的统一部署,本馆对2022年度整体支出情况实施了绩效自评价,形成本报告。
部门整体支出绩效自评表 | |||||||
填报单位: |
示例县档案馆 |
|
|
单位:万元 | |||
一、预算执行情况 |
预算安排情况(调整后) |
资金执行情况 |
预算执行率 | ||||
预算数: |
120 |
执行数: |
108 |
90% | |||
其中:财政资金 |
120 |
其中:财政资金 |
108 | ||||
其他 |
|
其他 |
| ||||
二、工作整体完成情况 |
一级指标 |
二级指标 |
三级指标 |
指标内容 |
评价标准 |
分值 |
自评得分 |
投入(20) |
预算配置(12) |
在职人员控制率 |
在职人员是否控制在核定编制之内。 |
控制在编制内得满分,每超1人扣1分。 |
6 |
{first} | |
"""
DEPARTMENT_CUT = DEPARTMENT_HEAD + "基础信息完"
DEPARTMENT_REST = """基础信息完善性 |
基础数据是否真实、完整、准确。 |
全部完整得满分,每缺1项扣1分。 |
6 |
6 | |||
预算执行(8) |
预算执行率 |
全年执行数占预算数的比例。 |
按执行率乘分值计分。 |
8 |
7 | ||
合计 |
|
|
|
|
20 |
{total} | ||
"""


def test_a_scoring_table_run_into_a_department_form_is_read_part_by_part(tmp_path):
    doc, _ = load_text(tmp_path, DEPARTMENT_HEAD.format(first="5") + DEPARTMENT_REST.format(total="18"), "dept.txt")
    [outline] = doc.score_outlines
    [total] = outline.parts
    assert (total.name, total.points, total.score, total.closed) == ("合计", Decimal(20), Decimal(18), True)
    [inputs] = total.parts
    assert (inputs.name, inputs.points) == ("投入", Decimal(20))
    budget, execution = inputs.parts
    assert (budget.name, budget.points, execution.name, execution.points) == ("预算配置", 12, "预算执行", 8)
    assert [(p.name, p.points, p.score) for p in budget.parts] == [("在职人员控制率", 6, 5), ("基础信息完善性", 6, 6)]
    assert not [u for u in doc.reading.unread if "表格未被识别" in u.what]
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.rule == "scores.parts_sum"]


def test_a_scoring_table_whose_scores_do_not_add_up_is_an_error(tmp_path):
    doc, _ = load_text(tmp_path, DEPARTMENT_HEAD.format(first="5") + DEPARTMENT_REST.format(total="19"), "dept.txt")
    [sums] = [f for f in audit_document(doc, CENTRAL).findings if f.rule == "scores.parts_sum"]
    assert sums.tier is Tier.ERROR and "合计" in sums.message and sums.expected == "18"


def test_a_scoring_table_cut_by_the_end_of_the_text_is_read_as_far_as_printed(tmp_path):
    doc, _ = load_text(tmp_path, DEPARTMENT_CUT.format(first="7"), "dept.txt")
    [outline] = doc.score_outlines
    [inputs] = outline.parts
    assert (inputs.name, inputs.points, inputs.closed) == ("投入", Decimal(20), False)
    [[row]] = [p.parts for p in inputs.parts]
    assert (row.name, row.points, row.score) == ("在职人员控制率", Decimal(6), Decimal(7))
    cut = [u for u in doc.reading.unread if "评分表结束处中断" in u.what]
    assert {u.location.row for u in cut} == {"投入", "预算配置"}
    # a score above its points stands whatever was cut
    [above] = [f for f in audit_document(doc, CENTRAL).findings if f.rule == "scores.parts_sum"]
    assert above.tier is Tier.ERROR and "大于其分值" in above.message


# -- a scoring table in '|' rows with a row that does not apply and a row printed twice ------------------------------

SCORING_PIPES = """示例镇人民政府2022年度部门整体支出绩效自评报告
本镇对2022年度部门整体支出开展了绩效自评,自评得分见下表。
一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 | 得分 |
产出(30) | 数量(20) | 公共服务事项完成数 | 全部完成得满分 | 10 | 10 |
| | 道路养护里程 | 全部完成得满分 | 10 | 9 |
| | 道路养护里程 | 全部完成得满分 | 10 | 9 |
| 质量(10) | 安全生产达标率 | 达标得满分 | 10 | 10 |
效益(20) | 经济效益(10) | 招商引资到位资金 | 不适用 | 不适用 | 不适用 |
| 社会效益(10) | 群众办事满意率 | 达到90%得满分 | 10 | 10 |
合计 | | | | 50 | 48 |
"""


def test_a_row_that_does_not_apply_is_not_scored_and_a_repeated_row_counts_once(tmp_path):
    doc, _ = load_text(tmp_path, SCORING_PIPES, "report.txt")
    [outline] = doc.score_outlines
    [total] = outline.parts
    output, benefit = total.parts
    quantity, _quality = output.parts
    assert [(p.name, p.score) for p in quantity.parts] == [("公共服务事项完成数", 10), ("道路养护里程", 9)]
    economic, _social = benefit.parts
    [skipped] = economic.parts
    assert (skipped.points, skipped.score) == (None, None)  # neither scored nor taken as 0
    unread = [u.what for u in doc.reading.unread]
    assert any("道路养护里程" in u and "重复印出" in u for u in unread)
    assert any("招商引资到位资金" in u and "不适用" in u for u in unread)
    # the parts' points still add up (50 = 30 + 20, 20 = 10 + 10); a part holding a row not scored sums no score
    assert not [f for f in audit_document(doc, CENTRAL).findings if f.rule == "scores.parts_sum"]


# -- a project form whose indicator rows include one marked not applicable and one printed twice ---------------------

PROJECT_PIPES = """项目支出绩效自评表
(2023年度)
项目名称 | 社区书屋图书更新 |
主管部门 | 示例县文旅局 | 实施单位 | 示例县图书馆 |
项目资金(万元) | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
| 年度资金总额 | 40 | 40 | 38 | 10 | 95% | 9.5 |
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
产出指标 | 数量指标 | 更新图书册数 | ≥8000册 | 8200册 | 30 | 30 | |
产出指标 | 数量指标 | 更新图书册数 | ≥8000册 | 8200册 | 30 | 30 | |
产出指标 | 质量指标 | 图书验收合格率 | =100% | 100% | 20 | 20 | |
效益指标 | 经济效益指标 | 带动图书销售收入 | 不适用 | 不适用 | — | 不适用 | |
效益指标 | 社会效益指标 | 群众阅读覆盖面 | 提高 | 达成预期指标 | 30 | 30 | |
满意度指标 | 服务对象满意度指标 | 读者满意度 | ≥90% | 95% | 10 | 10 | |
"""


def test_an_indicator_row_that_does_not_apply_is_left_out_of_the_scoring_with_a_note(tmp_path):
    doc, errors = load_text(tmp_path, PROJECT_PIPES, "form.txt")
    [se] = doc.self_evaluations
    assert "带动图书销售收入" not in [i.name for i in se.indicators]
    [note] = [e for e in errors if "带动图书销售收入" in e.message]
    assert "不适用" in note.message and note.location.line == 11
    findings = audit_document(doc, CENTRAL).findings
    assert not [f for f in findings if f.rule == "selfeval.s8_missing_weight"]
    assert not [f for f in findings if f.tier is Tier.ERROR]


def test_an_indicator_row_printed_twice_counts_once(tmp_path):
    doc, errors = load_text(tmp_path, PROJECT_PIPES, "form.txt")
    [se] = doc.self_evaluations
    assert [i.name for i in se.indicators].count("更新图书册数") == 1
    assert sum((i.weight or 0) for i in se.indicators) == 90
    [twice] = [e for e in errors if "重复印出" in e.message]
    assert "更新图书册数" in twice.message and twice.location.line == 9
    assert score_self_evaluation(se, CENTRAL).indicator_score == 90


# -- a table flattened into a sentence of a PDF's text, the sentences around it read ---------------------------------

FLATTENED = ("示例县人民法院2019年“三公”经费支出决算情况说明.pdf\n"
             "示例县人民法院 2019 年一般公共预算财政拨款“三公”经费支出决算情况说明 一、2019 年一般公共预算财政拨款“三公”"
             "经费支出决算表 单位:万元 项 目 预算数 决算数 合 计 48.00 47.20 0 0 公务接待费 12.00 11.20 公务用车购置及运行费 "
             "36.00 36.00 其中:公务用车运行维护费 36.00 36.00 公务用车购置 0 0 因公出国(境)费 二、2019 年一般公共预算财政拨款"
             "“三公”经费支出情况说明。 示例县人民法院 2019 年度一般公共预算财政拨款“三公” 经费支出预算为 48 万元,支出决算为 "
             "47.20 万元,完成预算的 98.3%。其中公务接待费支出决算 11.20 万元,公务用车购置及运行费支出决算 36 万元。\n")


def test_a_table_flattened_into_a_read_paragraph_is_named_unread(tmp_path):
    doc, _ = load_text(tmp_path, FLATTENED, "court.txt")
    [flat] = [u for u in doc.reading.unread if "排成一行的表格" in u.what]
    assert flat.location.line == 2 and "决算表 单位:万元" in flat.what
