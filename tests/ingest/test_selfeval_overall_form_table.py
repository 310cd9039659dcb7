"""A 部门整体支出绩效自评表 saved one cell per paragraph (blank lines between cells), rebuilt with our own wording
and figures: its fund header broken over lines ('年初' / '预算数'), amounts carrying '万元' in the cell, and a
printed 执行率 of 100% where the row's own figures give 80%."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

CELLS = ["部门整体支出绩效自评表", "(2022年度)", "预算单位名称", "示例县园林绿化中心", "年度预", "算申请", "(万元)",
         "年初", "预算数", "全年预算数", "全年", "执行数", "分值", "执行率", "得分",
         "年度资金总额", "620万元", "620万元", "{executed}", "10", "100%", "10",
         "按支出性质分:", "其中:基本支出:220万元", "项目支出:400万元",
         "年度总体目标", "预期目标", "实际完成情况", "完成城区绿地养护。", "绿地养护全部完成。"]


def audit(tmp_path: Path, executed: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "整体自评表.txt"
    path.write_text("\n\n".join(CELLS).format(executed=executed) + "\n", encoding="utf-8")
    doc, errors = load_document(path, year=2022)
    assert doc is not None, errors
    return doc, audit_document(doc, load_profile("central")).findings


def test_fund_table_of_a_department_form_gives_its_figures(tmp_path):
    doc, _ = audit(tmp_path, "496万元")
    [se] = doc.self_evaluations
    [total] = [b for b in se.budget_lines if b.adjusted is not None]
    assert (total.initial, total.adjusted, total.executed, total.reported_rate, total.reported_score) == (
        Decimal(6200000), Decimal(6200000), Decimal(4960000), Decimal(100), Decimal(10))


def test_printed_rate_against_the_rows_own_figures_is_an_error(tmp_path):
    _, findings = audit(tmp_path, "496万元")
    [rate] = [f for f in findings if f.rule == "selfeval.s1_execution_rate"]
    assert rate.tier is Tier.ERROR
    assert rate.expected == "80"


def test_printed_rate_that_agrees_gives_no_finding(tmp_path):
    _, findings = audit(tmp_path, "620万元")
    assert not [f for f in findings if f.rule.startswith("selfeval.s1_")]


# A department form in '|' rows whose fund header has no 全年预算数 column and ends with a 得分计算方法 column, its
# 基本支出 row broken over two lines.
PIPE_FORM = """部门整体支出绩效自评表 | |||||||||
单位(盖章):示例镇人民政府 | 填报日期:2023年1月20日 | ||||||||
部门(单位)名称 | 示例镇人民政府 | ||||||||
部门(单位)总体 资金(万元) | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 | |||
年度资金总额: | 500 | 450 | 10 | 9 | 执行率*该指标分值,最高不得超过分值上限。 | ||||
基本支出 | 300 | 250 |
10 | 10 | |||||
项目支出 | 200 | 200 | 10 | 10 | |||||
其他 | |||||||||
年度总体目标 | 年初设定目标 | 年度总体目标完成情况 | |||||||
完成全年工作。 | 全年工作已完成。 | ||||||||
"""


def test_scoring_method_column_does_not_take_the_score(tmp_path):
    path = tmp_path / "整体自评表.txt"
    path.write_text(PIPE_FORM, encoding="utf-8")
    doc, errors = load_document(path, year=2022)
    assert doc is not None, errors
    [se] = doc.self_evaluations
    [total] = [b for b in se.budget_lines if b.executed is not None]
    assert (total.initial, total.adjusted, total.executed, total.reported_score) == (
        Decimal(5000000), None, Decimal(4500000), Decimal(9))
    # the rows under the total are listed as not checked, with their place
    [unread] = [e for e in errors if "只读取了合计行" in e.message]
    assert "基本支出" in unread.message and unread.location.line == 6


# A report whose title is broken over two lines, then its form one cell per line ending ' |', each row padded with a
# run of bars: a caption row carrying the unit, the fund section's header, then its totals as label / amount pairs
# closed by the 执行率 in a cell of its own.
def _paired_report(rate: str) -> str:
    return f"""附件2
示例县档案馆部门
2031年度整体支出绩效自评报告
按照县财政局要求,对本馆2031年度整体支出开展了绩效自评。
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
96 |
{rate} | |||
其中:财政资金 |
120 |
其中:财政资金 |
96 | ||||
"""


@pytest.mark.parametrize(("rate", "tier"), [("80%", None), ("90%", Tier.ERROR)])
def test_totals_as_pairs_closed_by_the_rate_are_the_reports_figures(tmp_path, rate, tier):
    path = tmp_path / "整体自评报告.txt"
    path.write_text(_paired_report(rate), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    [se] = doc.self_evaluations  # the form is the report's own, not a second evaluation
    [total] = [b for b in se.budget_lines if b.executed is not None]
    assert (total.adjusted, total.executed, total.reported_rate) == (Decimal(1200000), Decimal(960000), Decimal(rate[:2]))
    [table] = [t for t in doc.reading.tables if "预算执行情况" in t.name]
    assert table.unit == "万元"
    findings = audit_document(doc, load_profile("central")).findings
    assert [f.tier for f in findings if f.rule == "selfeval.s1_execution_rate"] == ([tier] if tier else [])
