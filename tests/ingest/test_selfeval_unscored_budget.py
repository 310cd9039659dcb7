"""A Hubei 项目绩效目标自评表 copied out of a PDF in reading-order fragments, all on one line: the title beside its
填报日期, label and value cells as words of their own ('项目名称' / '示例维修费'), and a budget part that is not scored —
its header prints the fund sources across, then 合计, 执行数 and 执行率, each with a '(万元)' caption copied after the
header, and its figures come out between other cells ('12.4 12.4 来源 项目年度目标 3、一次性□ 11.8 执行率 95.16%').
Own wording and figures, the layout of real forms."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.fundrows import unscored_total
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

FORM = ("示例县2031年度村道路灯维护项目自评表.pdf\n"
        "示例县财政预算支出项目绩效目标自评表 填报日期:2032 年 3 月 5 日 自评总分: 88 单位领导审签: 项目名称 {name} "
        "项目实施单位 示例县路灯管理所 项目主管单位 示例县住房和城乡建设局 项目负责人 王示例 项目属性 项目资金 1、常年性 √ "
        "2、延续性□ 4、新增性□ 中央 省、地 本级 其他 合计 执行数 (万元) (万元) (万元) (万元) (万元) (万元) 12.4 12.4 来源 "
        "项目年度目标 3、一次性□ 11.8 执行率 {rate} 1. 维护村道路灯,保障夜间出行。 项目权重 评价内容 分值 自评分 项目决策 2 分 "
        "决策依据 2 2 复核分 评价标准及依据 有年度计划计 2 分,没有不得分。 财务制度 3 3 组织机构 项目管理 13 分 2 2 "
        "运行监管 4 4 目标申报 4 3 项目年度目标 1:维护村道路灯 一级 指标 二级 指标名称 年初指 年终完 自评 复核 指标 "
        "(三级指标) 标值 成值 分分 数量指 标 15 分 维护路灯 120 盏 120 盏 15\n")


def _load(tmp_path, name="村道路灯维护费", rate="95.16%"):
    path = tmp_path / "form.txt"
    path.write_text(FORM.format(name=name, rate=rate), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc


def test_the_total_fund_row_the_rate_singles_out_is_read(tmp_path):
    doc = _load(tmp_path)
    [form] = doc.self_evaluations
    assert form.project.name == "村道路灯维护费"
    [total] = form.budget_lines
    assert (total.adjusted, total.executed, total.reported_rate, total.reported_score) == (
        Decimal("124000.0"), Decimal("118000.0"), Decimal("95.16"), None)
    assert form.goal.incomplete  # the indicator rows, out of order, are not read: totals over them prove nothing
    assert any("仅按“执行率 = 执行数 ÷ 合计”读出合计一行" in u.what for u in doc.reading.unread)
    findings = audit_document(doc, load_profile("central")).findings
    assert [f for f in findings if f.tier is not Tier.NOTICE] == []


def test_a_rate_no_reading_fits_leaves_the_budget_unread(tmp_path):
    # 90% is neither 11.8 ÷ 12.4 nor 12.4 ÷ 12.4: nothing is placed, and nothing is reported as wrong
    doc = _load(tmp_path, rate="90%")
    assert all(not form.budget_lines for form in doc.self_evaluations)
    assert [f for f in audit_document(doc, load_profile("central")).findings if f.tier is Tier.ERROR] == []


def test_a_name_cell_displaced_by_the_pdf_is_not_taken_from_the_next_label(tmp_path):
    # '项目名称' followed by the next label broken at a line end: no name is invented
    doc = _load(tmp_path, name="项目主管单 位")
    assert all(form.project.name != "项目主管单" for form in doc.self_evaluations)


@pytest.mark.parametrize(("words", "expected"), [
    (["12.4", "12.4", "来源", "11.8", "执行率", "95.16%"], (0, 3, 5)),
    (["309", "309", "来源", "309", "100", "%"], (0, 1, 4)),  # the '%' a word of its own
    (["200", "100", "300", "290", "96.67%"], (2, 3, 4)),    # two sources, then 合计 and 执行数
    (["10", "10", "8", "8", "80%"], (0, 2, 4)),             # several places, one reading of the figures (10, 8)
    (["10", "9", "90%", "5", "4.5"], (0, 1, 2)),            # figures after the rate are no part of the row
    (["10", "12", "50%"], None),                            # no pair makes the rate
    (["10", "5", "20", "10", "50%"], None),                 # 5 ÷ 10 and 10 ÷ 20: two readings, none taken
])
def test_unscored_total(words, expected):
    assert unscored_total(words) == expected
