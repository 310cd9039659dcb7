"""Forms whose rows or cells came apart on the way to the text (own wording and figures):

- a form copied cell by cell ('text |' per cell, a lone '|' between parts) whose text ends inside its last
  indicator row ('满意度指标 | 服务对象满意度指标 | 读者满意度 ', no bar after it): that row is part of the
  table and cut off — the table is incomplete, so no rule over all its rows (weights, required blocks) holds;
- a fund row printed as its label on one line and its figures on the next ('年度资金总额 |' then
  '| 64.8 | 63.38 | 10 | 97.80% | 9 |'), its blank 年初预算数 cell dropped: the 执行率 (63.38 ÷ 64.8, cut to
  97.80%) tells which figure is which; when nothing tells, the row is not read and nothing scores 0;
- a form whose cells each stand on a line of their own: two figures on two lines are never one number.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.finding import Tier
from tests.builders import load_form

FORM = """示例县苗圃2030年护林站建设项目支出绩效自评表
项目支出绩效自评表 |
| ( 2030年度) |
项目名称 | 2030年示例县苗圃护林站建设项目 |
主管部门 | 示例县林业局 | 实施单位 | 示例县林业局 |
项目资金 (万元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 |
| 64.8 | 63.38 | 10 | 97.80% | 9 |
其中:当年财政拨款 |
| 64.8 | 63.38 | 10 | 97.80% | 9 |
年度 总体 目标 | 预期目标 | 实际完成情况 |
新建护林站1座。 | 已建成护林站1座。 |
|
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
|
产出指标 | 数量指标 | 护林站面积 | ≥150平方米 | 152平方米 | 20 | 20 | 无 |
质量指标 | 工程验收合格率 | ≥95% | 100% | 20 | 20 | 无 |
时效指标 | 完工时间 | 2030年11月 | 2030年10月 | 20 | 20 | 无 |
效益指标 | 社会效益指标 | 巡护覆盖面积 | ≥3000亩 | 3100亩 | 20 | 20 | 无 |
满意度指标 | 服务对象满意度指标 | 读者满意度 """


def test_a_table_cut_inside_its_last_row_is_read_as_cut_off(tmp_path):
    doc, findings = load_form(tmp_path, FORM)
    [se] = doc.self_evaluations
    assert [i.name for i in se.goal.indicators] == ["护林站面积", "工程验收合格率", "完工时间", "巡护覆盖面积"]
    assert "读者满意度" in se.goal.incomplete
    assert any("读者满意度" in p.message and "中断" in p.message for p in doc.problems)
    rules = {f.rule for f in findings}
    # weights 80 of the 90 seen: the cut row holds the rest; its 满意度 block is there, only cut
    assert "selfeval.s9_weight_total" not in rules and "goals.t01_required_blocks" not in rules


def test_a_table_the_text_ends_on_a_row_end_before_its_last_block_is_not_whole(tmp_path):
    # cut at the end of a row: no 总分 row, no 满意度 block, nothing after — the rows after may be missing
    doc, findings = load_form(tmp_path, FORM[:FORM.index("满意度指标 |")])
    [se] = doc.self_evaluations
    assert len(se.goal.indicators) == 4 and "文本末尾" in se.goal.incomplete
    assert "selfeval.s9_weight_total" not in {f.rule for f in findings}
    # the same rows closed by a 总分 row are the whole table: 80 of 90 is then certain
    closed = FORM[:FORM.index("满意度指标 |")] + "总分 | 90 | 89 |\n"
    _, findings = load_form(tmp_path, closed)
    assert [f.tier for f in findings if f.rule == "selfeval.s9_weight_total"] == [Tier.ERROR]


def test_a_fund_row_on_two_lines_is_placed_by_its_rate(tmp_path):
    doc, findings = load_form(tmp_path, FORM)
    [se] = doc.self_evaluations
    total = se.budget_total
    assert total is not None and total.initial is None
    assert (total.adjusted, total.executed, total.reported_rate, total.reported_score) == (
        Decimal("648000"), Decimal("633800"), Decimal("97.80"), Decimal("9"))
    assert "selfeval.s1_missing_budget" not in {f.rule for f in findings}
    assert not [f for f in findings if f.tier is Tier.ERROR]


def test_a_fund_row_no_reading_decides_is_a_gap_never_a_zero(tmp_path):
    # 60 ÷ 64.8 = 92.59%, not the 97.80% printed: no placement of the five figures fits, nothing is read
    doc, findings = load_form(tmp_path, FORM.replace("| 64.8 | 63.38 |", "| 64.8 | 60 |"))
    [se] = doc.self_evaluations
    assert se.budget_total is not None and se.budget_total.adjusted is None and se.budget_total.executed is None
    [gap] = [f for f in findings if f.rule == "selfeval.s1_missing_budget"]
    assert gap.tier is Tier.WARNING and "读取缺口" in gap.message and "0分" not in gap.message.replace("不按漏填计0分", "")
    assert any("无法确定数字所在的列" in p.message for p in doc.problems)


ROWS = [["2031年度项目支出绩效自评表"], ["单位名称:示例县农机站 填报日期:2032年3月1日"],
        ["项目名称", "示例县农机具更新项目"], ["主管部门", "示例县农业局"],
        ["预算执行情况(万元)", "(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分", "(20分*执行率)"],
        ["年度财政资金总额", "80", "60", "75", "15"],
        ["年度绩效目标", "(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        ["产出指标(40分)", "数量指标", "农机具(≥**台)", "12", "12", "10"]]


def cell_per_line(rows: list[list[str]]) -> str:
    """Each cell on a line of its own, a blank line between cells and ten between rows."""
    return ("\n" * 11).join("\n\n".join(row) for row in rows) + "\n"


def test_cells_on_lines_of_their_own_are_never_one_number(tmp_path):
    # each cell on its own line, blank lines between: '80' '60' '75' '15' are four cells, never '80607515'
    doc, findings = load_form(tmp_path, cell_per_line(ROWS))
    assert not any("80607515" in p.message for p in doc.problems)
    [se] = doc.self_evaluations
    total = se.budget_total
    assert total is not None
    assert (total.adjusted, total.executed, total.reported_rate, total.reported_score) == (
        Decimal("800000"), Decimal("600000"), Decimal("75"), Decimal("15"))
    # 20分 × 60 ÷ 80 = 15: the form's own points, not a 10-point convention
    assert not [f for f in findings if f.rule.startswith("selfeval.s1")]


def test_cells_apart_that_do_not_fill_the_header_are_placed_by_the_rows_own_arithmetic(tmp_path):
    rows = [[c for c in row if c != "75"] for row in ROWS]  # the 执行率 left blank: three figures, four columns
    doc, findings = load_form(tmp_path, cell_per_line(rows))
    # 15 as the rate contradicts 60 ÷ 80; 15 as the score (≤ the 20 points the header prints) holds: one reading
    [se] = doc.self_evaluations
    total = se.budget_total
    assert total is not None and (total.adjusted, total.executed, total.reported_rate, total.reported_score) == (
        Decimal("800000"), Decimal("600000"), None, Decimal("15"))
    assert not [f for f in findings if f.tier is Tier.ERROR]


def test_cells_apart_that_several_placements_fit_are_not_read(tmp_path):
    # the score left blank and the rate printed bare: '75' is the rate (60 ÷ 80), not a score above the 20 points
    # the header prints; a '0.75' may be the rate as a ratio or a score: both readings hold and nothing is read
    rows = [[c for c in row if c != "15"] for row in ROWS]
    doc, _ = load_form(tmp_path, cell_per_line(rows))
    [se] = doc.self_evaluations
    assert se.budget_total is not None and se.budget_total.reported_rate == Decimal("75")
    rows = [["0.75" if c == "75" else c for c in row if c != "15"] for row in ROWS]  # a ratio, or a score of 0.75
    doc, findings = load_form(tmp_path, cell_per_line(rows))
    assert any("80 60 0.75" in p.message and "未读取" in p.message for p in doc.problems)
    assert not [f for f in findings if f.tier is Tier.ERROR]
