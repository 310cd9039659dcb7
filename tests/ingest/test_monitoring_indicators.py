"""The indicator part of a 绩效运行监控表 (own wording and figures) in the layouts pages publish it: pipe rows and tab
rows that keep their blank cells, one cell per line (blank lines between cells, or each cell ending in ' |') and the
whole form run together on one line. Each row's target, value to date, expected value (with operator and unit),
judgement and reason are read; a row whose cells cannot be placed once its blanks are lost is said to be unread,
never guessed. The M2 rules then judge each indicator: a judgement contradicting the expected value (确定 only when
it cannot hold at the printed precision), a deviation without a reason, the profile's warnings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.model import DocumentKind
from jixiao.ingest.detect import detect
from jixiao.ingest.pipeline import load_document
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

TITLE = ["示例市项目支出绩效运行监控表", "（2036年度）", "项目名称：社区健身设施维护", "主管部门：示例市体育局",
         "项目执行单位：示例市体育事业发展中心", "单位：万元"]
FUNDS = [["资金来源", "年初预算数", "全年预算数", "1-6月执行数", "执行率", "全年预计执行数"],
         ["合计", "200", "200", "96", "48%", "198"],
         ["其中：财政拨款", "200", "200", "96", "48%", "198"]]
HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月实际完成值", "全年预计完成值", "偏差原因分析", "完成目标可能性",
          "备注"]
# 58 / 120 = 48.33 % of the one count target to date, beside 96 / 200 = 48 % of the budget: in step
ROWS = {
    "count": ["产出指标", "数量指标", "维护健身路径条数", "≥120条", "58条", "122条", "", "确定能", ""],
    "rate": ["", "质量指标", "设施完好率", "≥98%", "98.5%", "98.6%", "", "确定能", ""],
    "time": ["", "时效指标", "报修响应时间", "≤24小时", "20小时", "22小时", "", "确定能", ""],
    "cost": ["", "成本指标", "单条路径维护成本", "≤1.6万元", "0.8万元", "1.55万元", "", "确定能", ""],
    "words": ["效益指标", "社会效益指标", "群众健身便利程度", "明显改善", "逐步改善", "达成年度指标", "", "确定能", ""],
    "satisfaction": ["满意度指标", "服务对象满意度指标", "健身群众满意度", "≥92%", "93%", "94%", "", "确定能", ""],
}
LAYOUTS = ("pipe", "tab", "blank_lines", "bar_lines", "one_line")


def _rows(**changes: dict[int, str]) -> list[list[str]]:
    rows = []
    for key, row in ROWS.items():
        row = list(row)
        for column, text in changes.get(key, {}).items():
            row[column] = text
        rows.append(row)
    return rows


def _form(layout: str, rows: list[list[str]], header: list[list[str]] | None = None) -> str:
    table = FUNDS + (header or [HEADER]) + rows
    if layout == "pipe":
        return "\n".join(TITLE + ["| " + " | ".join(r) + " |" for r in table]) + "\n"
    if layout == "tab":
        return "\n".join(TITLE + ["\t".join(r) for r in table]) + "\n"
    cells = [c for r in table for c in r if c]
    if layout == "blank_lines":
        return "\n\n".join(TITLE + cells) + "\n"
    if layout == "bar_lines":
        return "\n".join(TITLE + [c + " |" for c in cells]) + "\n"
    return " ".join(TITLE + cells) + "\n"


def _monitoring(tmp_path, text):
    doc, _ = load_text(tmp_path, text)
    return doc, [f for f in audit_document(doc, CENTRAL).findings if f.rule.startswith("monitoring.")]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_reads_the_rows_and_a_consistent_form_gives_no_finding(tmp_path, layout):
    doc, found = _monitoring(tmp_path, _form(layout, _rows()))
    (form,) = doc.monitoring_forms
    assert form.project == "社区健身设施维护" and form.end_month == 6
    by_name = {i.name: i for i in form.indicators}
    assert list(by_name) == ["维护健身路径条数", "设施完好率", "报修响应时间", "单条路径维护成本", "群众健身便利程度",
                             "健身群众满意度"]
    count = by_name["维护健身路径条数"]
    assert (count.level1, count.level2, count.likelihood) == ("产出指标", "数量指标", "确定能")
    assert (count.target.operator.value, count.target.number, count.target.unit) == ("≥", 120, "条")
    assert count.progress is not None and count.progress.number == 58
    assert count.expected is not None and count.expected.number == 122
    cost = by_name["单条路径维护成本"]
    assert (cost.target.operator.value, cost.target.unit, cost.expected.number) == ("≤", "万元", Decimal("1.55"))
    assert by_name["群众健身便利程度"].expected.raw == "达成年度指标"
    assert found == []
    tables = [t.name for t in doc.reading.tables]
    assert "项目「社区健身设施维护」绩效运行监控表绩效指标" in tables
    assert not [u for u in doc.reading.unread if "绩效指标" in u.what]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_certain_while_the_expected_value_misses_the_target_is_an_error(tmp_path, layout):
    # ≥120条 expected 110条 (110.5 at most at its printed precision) while the unit says 确定能
    _, found = _monitoring(tmp_path, _form(layout, _rows(count={5: "110条"})))
    (contradiction,) = [f for f in found if f.rule == "monitoring.m2_likelihood_vs_expected"]
    assert contradiction.tier is Tier.ERROR and "维护健身路径条数" in contradiction.message
    assert "110条" in contradiction.message and "确定能" in contradiction.message
    # one fault, one finding: no lag warning and no missing reason for the same row
    assert [f.rule for f in found] == ["monitoring.m2_likelihood_vs_expected"]


def test_the_judgement_against_the_expected_value_by_certainty(tmp_path):
    def contradiction(**changes):
        _, found = _monitoring(tmp_path, _form("pipe", _rows(**changes)))
        return [f for f in found if f.rule == "monitoring.m2_likelihood_vs_expected"]

    # the expected amount in another unit: 1.7万元 = 17000元 (16500 at least) above the ≤16000元 limit
    (converted,) = contradiction(cost={3: "≤16000元", 5: "1.7万元"})
    assert converted.tier is Tier.ERROR
    # '98%' may be 98.4 rounded: against ≥98.5% the miss rests on rounding, a notice
    (rounding,) = contradiction(rate={3: "≥98.5%", 5: "98%"})
    assert rounding.tier is Tier.NOTICE and "四舍五入" in rounding.message
    # a target printed without an operator is read as '=': the reading is named, a warning
    (bare,) = contradiction(count={3: "120条", 5: "110条"})
    assert bare.tier is Tier.WARNING and "未写运算符" in bare.message
    # 完全不可能 while the expected value reaches the target
    (impossible,) = contradiction(time={7: "完全不可能"})
    assert impossible.tier is Tier.ERROR and "完全不可能" in impossible.message
    # a qualitative expectation read from its words: a warning
    (words,) = contradiction(words={5: "部分达成"})
    assert words.tier is Tier.WARNING
    assert contradiction(count={5: "120条"}) == []  # exactly the target


def test_a_deviation_the_unit_admits_is_warned_and_needs_its_reason(tmp_path):
    _, found = _monitoring(tmp_path, _form("pipe", _rows(count={5: "110条", 7: "有可能"})))
    assert sorted(f.rule for f in found) == ["monitoring.m2_indicator_lag", "monitoring.m2_reason_missing"]
    assert all(f.tier is Tier.WARNING for f in found)
    (lag,) = [f for f in found if f.rule == "monitoring.m2_indicator_lag"]
    assert "likelihood_colours" in lag.message and "黄色" in lag.message
    # with its reason written in the row, or in the form's own reason row below: only the warning
    reasoned = _rows(count={5: "110条", 6: "人员保障：专业维修人员不足", 7: "有可能"})
    _, found = _monitoring(tmp_path, _form("pipe", reasoned))
    assert [f.rule for f in found] == ["monitoring.m2_indicator_lag"]
    below = _form("pipe", _rows(count={5: "110条", 7: "有可能"})) + "| 偏差或不能完成目标原因分析 | 维修人员招聘推迟 |\n"
    _, found = _monitoring(tmp_path, below)
    assert [f.rule for f in found] == ["monitoring.m2_indicator_lag"]


@pytest.mark.parametrize("layout", ["blank_lines", "one_line"])
def test_a_reason_and_a_remark_are_placed_when_blanks_are_lost(tmp_path, layout):
    rows = _rows(count={5: "110条", 6: "人员保障", 7: "有可能", 8: "已招聘临时维修人员"})
    doc, found = _monitoring(tmp_path, _form(layout, rows))
    count = doc.monitoring_forms[0].indicators[0]
    assert (count.reasons, count.likelihood, count.remark) == (("人员保障",), "有可能", "已招聘临时维修人员")
    assert doc.monitoring_forms[0].indicators[1].name == "设施完好率"
    assert [f.rule for f in found] == ["monitoring.m2_indicator_lag"]


def test_progress_far_behind_the_budget_and_a_target_far_exceeded(tmp_path):
    # 20 / 120 = 16.67 % of the count done, 48 % of the budget spent: 31.33 points apart (gap_points 10)
    _, found = _monitoring(tmp_path, _form("tab", _rows(count={4: "20条"})))
    (gap,) = found
    assert gap.rule == "monitoring.m2_progress_gap" and gap.tier is Tier.WARNING and "gap_points" in gap.message
    # 200 expected against ≥120: 166.67 % of the target, beyond overshoot_ratio 1.3 — a hint
    _, found = _monitoring(tmp_path, _form("tab", _rows(count={5: "200条"})))
    (ahead,) = found
    assert ahead.rule == "monitoring.m2_target_far_exceeded" and ahead.tier is Tier.NOTICE


def _ticked_header() -> list[list[str]]:
    top = [*HEADER[:7], "", "", "", "", "完成目标可能性", "", "", "备注"]
    sub = [""] * 6 + ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "确定能", "有可能", "完全不可能", ""]
    return [top, sub]


def _ticked(row: list[str], reason: int | None, likelihood: int) -> list[str]:
    ticks = [""] * 8
    if reason is not None:
        ticks[reason] = "√"
    ticks[5 + likelihood] = "√"
    return row[:6] + ticks + [row[8]]


def test_tick_columns_are_read_where_the_blanks_are_kept_and_refused_where_they_are_lost(tmp_path):
    rows = [_ticked(row, None, 0) for row in _rows()]
    rows[0] = _ticked(_rows(count={5: "110条"})[0], 0, 1)  # 经费保障 ticked, 有可能
    doc, found = _monitoring(tmp_path, _form("pipe", rows, _ticked_header()))
    count = doc.monitoring_forms[0].indicators[0]
    assert (count.likelihood, count.reasons) == ("有可能", ("经费保障",))
    assert doc.monitoring_forms[0].indicators[1].likelihood == "确定能"
    assert [f.rule for f in found] == ["monitoring.m2_indicator_lag"]
    doc, found = _monitoring(tmp_path, _form("blank_lines", rows, _ticked_header()))
    assert not doc.monitoring_forms[0].indicators
    assert any("按栏打勾" in u.what for u in doc.reading.unread)
    assert not [f for f in found if f.rule.startswith("monitoring.m2")]


def test_a_row_that_two_placements_fit_is_not_read(tmp_path):
    # 满意度 with its value to date left blank: '94%' may be the value to date or the expected one
    doc, _ = _monitoring(tmp_path, _form("bar_lines", _rows(satisfaction={4: ""})))
    names = [i.name for i in doc.monitoring_forms[0].indicators]
    assert "健身群众满意度" not in names and len(names) == 5
    assert any("不能确定各格属于哪一列" in u.what for u in doc.reading.unread)
    # where the blank is kept, the row is read with its blank value to date (never zero)
    doc, _ = _monitoring(tmp_path, _form("pipe", _rows(satisfaction={4: ""})))
    satisfaction = doc.monitoring_forms[0].indicators[-1]
    assert satisfaction.progress is not None and satisfaction.progress.is_empty


PROSE = ("示例县文化馆2037年项目支出绩效运行监控报告\n一、项目基本情况\n"
         "乡村文艺辅导项目年初预算120万元，截至6月底已支出54万元，预算执行率为{rate}。\n"
         "二、绩效目标完成情况\n上半年开展辅导活动36场，全年预计完成80场。\n")


def test_a_monitoring_report_in_prose_is_taken_for_one_and_its_sentences_are_read(tmp_path):
    found = detect(PROSE.format(rate="45%"))
    assert found.kind is DocumentKind.MONITORING and "文字形式的绩效运行监控报告" in found.evidence[0]
    path = tmp_path / "report.txt"
    path.write_text(PROSE.format(rate="50%"), encoding="utf-8")
    doc, _ = load_document(path)
    assert doc is not None and doc.statements
    (form,) = doc.monitoring_forms  # the budget and the execution the sentence states, to the end of June
    assert form.from_text and form.end_month == 6 and form.project == "乡村文艺辅导项目"
    findings = audit_document(doc, CENTRAL).findings
    # 54 / 120 = 45 %, stated 50 %: the sentence's own amounts give its rate (certain); 45 % against 时间进度 50 %
    # is within the tolerance
    assert [(f.rule, f.tier) for f in findings if f.rule.startswith(("prose.", "monitoring."))] == [
        ("prose.execution_rate", Tier.ERROR)]
