"""A 项目支出绩效自评表 copied one cell per line whose preview jumps from the budget header into the last rows of
the indicator table (own wording and figures): the indicator header is not in the text. The rows above the closing
总分 row are read by the cells' kinds — each row's level cells, its name, target and actual, then 分值 and 得分 (the
order the 总分 row's '100 / 得分' shows) — the first row that lost its name read for its figures, the form said to be
incomplete, and no total or reason column judged from a part of the table."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = ["项目支出绩效自评表", "( 2033年度)", "项目名称", "示例森林防火巡查经费", "主管部门", "实施单位", "示例县林业局",
        "项目资金", "(万元)", "年初预算数", "调整预算数", "全年执行数", "分值", "执行率", "得分"]
TAIL = ["年度资金总≥85%", "92%", "10", "10",
        "可持续影响指标", "长效巡查", "长效巡查", "长效巡查", "10", "8",
        "满意度", "指标", "服务对象满意度指标", "林区群众满意度", "≥85%", "96%", "10", "9",
        "总分", "100", "95"]
TEXT = "\n".join([*HEAD, *TAIL, "全年巡查林区3200公里，未发生森林火灾。"]) + "\n"


def test_the_rows_above_the_total_are_read_by_their_cells(tmp_path):
    doc, found = audit_text(tmp_path, TEXT)
    (se,) = doc.self_evaluations
    rows = [(i.level1, i.level2, i.name, i.weight, i.reported_score) for i in se.indicators]
    assert rows[1:] == [("", "可持续影响指标", "长效巡查", Decimal(10), Decimal(8)),
                        ("满意度指标", "服务对象满意度指标", "林区群众满意度", Decimal(10), Decimal(9))]
    cut = se.indicators[0]  # its name lost in the cut, its target and figures readable
    assert "截断" in cut.name and (cut.weight, cut.reported_score) == (Decimal(10), Decimal(10))
    assert cut.initial_target is not None and cut.initial_target.raw == "≥85%"
    assert cut.actual is not None and cut.actual.raw == "92%"
    last = se.indicators[2]
    assert last.initial_target is not None and last.initial_target.raw == "≥85%" and last.actual.raw == "96%"
    assert se.reported.form_total is not None and se.reported.form_total.score == Decimal(95)
    assert se.goal.incomplete and se.goal.header_unread
    # nothing is judged from a part of the table: no total compared, no reason column assumed absent, no budget
    # said missing; no error at all
    assert not [f for f in found if f.tier is Tier.ERROR]
    assert not [f for f in found if f.rule in ("selfeval.s10_total_row", "selfeval.s8_reason_required",
                                               "selfeval.s1_missing_budget")]
    said = [u.what for u in doc.reading.unread if u.what.startswith("绩效指标表（一行一格）") and "截断" in u.what]
    assert any("资金行不在文本中" in u.what for u in doc.reading.unread)  # the budget rows: cut, not run together
    assert said and "3 行" in said[0]


def test_a_score_above_its_points_in_a_tail_row_is_still_checked(tmp_path):
    text = TEXT.replace("长效巡查\n10\n8\n", "长效巡查\n10\n12\n")
    _, found = audit_text(tmp_path, text)
    assert [f.rule for f in found if f.tier is Tier.ERROR] == ["selfeval.s8_score_above_weight"]


def test_rows_of_different_widths_are_not_read(tmp_path):
    text = TEXT.replace("长效巡查\n长效巡查\n长效巡查\n", "长效巡查\n长效巡查\n")  # one row a cell short: widths disagree
    doc, _ = audit_text(tmp_path, text)
    assert not any(se.indicators for se in doc.self_evaluations)
