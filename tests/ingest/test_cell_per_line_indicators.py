"""A self-evaluation form flattened one cell per line, blank lines between cells, its indicator header printing a
得分 column and no 分值 column, its names holding the target's operator and unit ('(≥**间)') (own wording and
figures):

- the indicator rows are read by the header's columns, cell by cell: the target is the target, never a weight,
  and with no 分值 column the weights are unknown (rules over weights are not checked), never invented;
- a name's bracketed '(≥**间)' gives the bare figure of its target cell its operator and unit;
- a row the end of the text cuts is reported (with the rows read before it), never filled.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.values import Operator
from tests.builders import load_form

_GAP = "\n" * 11

FORM = "\n\n".join([
    "示例县文化站2031年度项目支出绩效自评表",
    "单位名称:示例县文化广电局 填报日期:2032年3月2日",
    "项目名称", "示例县乡镇文化站改造项目" + _GAP + "主管部门", "示例县文化广电局" + _GAP + "预算执行情况(万元)",
    "(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分", "(20分*执行率)" + _GAP + "年度财政资金总额",
    "80", "60", "75", "15" + _GAP + "年度绩效目标", "(80分)", "一级指标", "二级指标", "三级指标",
    "年初目标值(A)", "实际完成值(B)", "得分" + _GAP + "产出指标(50分)", "数量指标", "阅览室(≥**间)",
    "6", "6", "10" + _GAP + "活动室(≥**平方米)", "45.5", "45.5", "10" + _GAP + "投影仪(4k)(≥台)",
    "3", "2", "6" + _GAP + "质量指标", "验收合格率", "100%", "100%", "10" + _GAP + "书架(≥组)", "12", "12",
])


def test_rows_are_read_by_the_header_columns_and_no_weight_is_invented(tmp_path):
    doc, findings = load_form(tmp_path, FORM)
    [se] = doc.self_evaluations
    rows = se.goal.indicators
    assert [i.name for i in rows] == ["阅览室(≥间)", "活动室(≥平方米)", "投影仪(4k)(≥台)", "验收合格率"]
    assert [i.level2 for i in rows] == ["数量指标", "数量指标", "数量指标", "质量指标"]
    assert all(i.weight is None for i in rows)  # no 分值 column: the weights are unknown
    assert se.goal.unweighted
    assert [i.reported_score for i in rows] == [Decimal(10), Decimal(10), Decimal(6), Decimal(10)]
    assert [i.actual.number for i in rows if i.actual] == [Decimal(6), Decimal("45.5"), Decimal(2), Decimal(100)]
    # the target takes the operator and unit its name prints
    first = rows[0].target
    assert first is not None and first.operator is Operator.GE and first.number == 6 and first.unit == "间"
    assert rows[2].target is not None and rows[2].target.number == 3 and rows[2].target.unit == "台"
    [line] = se.budget_lines
    assert (line.reported_rate, line.reported_score) == (Decimal(75), Decimal(15))
    # the last row is cut by the end of the text: reported, the table incomplete
    assert "书架" in se.goal.incomplete
    assert any("书架" in p.message and "截断" in p.message for p in doc.problems)
    assert not any(f.tier.value == "error" for f in findings)
    assert not any("指标值缺少运算符" in f.message for f in findings)


def test_the_figure_cells_read_are_not_listed_again_as_unread(tmp_path):
    doc, _ = load_form(tmp_path, FORM)
    assert doc.reading is not None
    assert not any("单独成行的数字" in u.what for u in doc.reading.unread)


# The same kind of form with every separator lost (a document-sharing page): cells run together, figures apart.
RUN_TOGETHER = """示例县2031年度项目支出绩效自评表
项目名称:示例县农技培训项目主管部门:示例县农业农村局
一级指标二级指标三级指标年度指标值实际完成值得分产出指标数量指标培训人次≥200人次 230 20质量指标考核合格率≥90% 95 20
"""


def test_a_run_together_header_without_weights_gives_the_figures_their_columns(tmp_path):
    doc, findings = load_form(tmp_path, RUN_TOGETHER)
    [se] = doc.self_evaluations
    rows = se.goal.indicators
    assert [i.name for i in rows] == ["培训人次", "考核合格率"]
    assert [i.weight for i in rows] == [None, None]  # the actual is never taken for a weight
    assert [i.actual.number for i in rows if i.actual] == [Decimal(230), Decimal(95)]
    assert [i.reported_score for i in rows] == [Decimal(20), Decimal(20)]
    assert se.goal.unweighted
    assert not any(f.tier.value == "error" for f in findings)


def test_an_operator_inside_a_name_bracket_is_not_taken_for_the_target(tmp_path):
    text = RUN_TOGETHER.replace("年度指标值实际完成值得分", "指标值分值得分").replace(
        "培训人次≥200人次 230 20", "路面修补率(≥95%) 96 20 18")
    doc, _ = load_form(tmp_path, text)
    read = [i for se in doc.self_evaluations for i in se.goal.indicators]
    assert not any(i.name.endswith("(") or i.weight == 96 for i in read)
    assert any("运算符在指标名称括号内" in p.message and p.location.table == "绩效指标" for p in doc.problems)


# A table whose header prints 得分 and no 分值: every row's cells are the header's, one per column.
NO_WEIGHT_TABLE = """示例县2031年度项目支出绩效自评表
项目名称 | 示例县农技培训项目 |
主管部门 | 示例县农业农村局 | 实施单位 | 示例县农技站 |
项目资金(万元) | 预算数 | 执行数 | 执行率 | 得分 |
年度资金总额 | 50 | 40 | 80% | 16 |
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 得分 |
产出指标 | 数量指标 | 培训人次 | 200 | 230 | 20 |
| 质量指标 | 考核合格率 | 90 | 95 | 20 |
效益指标 | 社会效益指标 | 农户增收 | 10 | 12 | 20 |
| | 带动就业人数 | ≥20人 | 31人 | 10 |
满意度指标 | 服务对象满意度指标 | 学员满意度 | 90 | 96 | 20 |
"""


def test_a_table_without_a_weight_column_reads_no_target_as_a_weight(tmp_path):
    doc, findings = load_form(tmp_path, NO_WEIGHT_TABLE)
    [se] = doc.self_evaluations
    rows = se.goal.indicators
    assert [(i.target.number if i.target else None, i.actual.number if i.actual else None) for i in rows] == [
        (Decimal(200), Decimal(230)), (Decimal(90), Decimal(95)), (Decimal(10), Decimal(12)), (Decimal(20), Decimal(31)),
        (Decimal(90), Decimal(96))]
    assert all(i.weight is None for i in rows) and se.goal.unweighted
    assert [i.reported_score for i in rows] == [Decimal(20)] * 3 + [Decimal(10), Decimal(20)]
    assert not any(f.rule.startswith("selfeval.s8") for f in findings)  # weights unknown: not checked
    # 31 of ≥20 is 155%: said (a warning), whatever the weights
    [over] = [f for f in findings if f.rule == "selfeval.s7_over_achievement"]
    assert "带动就业人数" in over.message and over.tier.value == "warning"
