"""The 区域绩效自评表 of a transfer payment (中央转移支付), rebuilt with our own wording and figures: its name row
'转移支付(项目)名称', its 资金使用单位, a fund header '全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%)' on its own
line under a caption '资金投入情况 (万元)', fund labels ending with ':', amounts carrying '万', a 资金管理情况 section
between the fund rows and the goal, no scores, and the text cut off inside the indicator table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

FORM = """农村供水保障补助资金绩效自评表
农村供水保障补助资金绩效自评表 | |||||||
(2023年度) | |||||||
转移支付(项目)名称 | 农村供水保障补助资金 | ||||||
中央主管部门 | 示例部 | ||||||
资金使用单位 | 示例县水利服务中心 | ||||
资金投入情况 (万元) |
全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||
年度资金总额: | 250{w} | 200{w} | {rate} | ||||
其中:中央财政资金 | 150{w} | 120{w} | 80% | ||||
地方财政资金 | 100{w} | 80{w} | 80% | ||||
其他资金 | |||||||
资金管理情况 | 情况说明 | 存在问题和改进措施 | |||||
分配科学性 | 按因素法分配到各镇。 | 暂无 | |||||
执行准确性 | 按进度拨付,执行数低于预算数。 | 加快拨付 | |||||
总体目标完成情况 | 总体目标 | 全年实际完成情况 | |||||
改善农村集中供水条件。 | 新建供水管网12公里。 | ||||||
绩效指标 | 一级 指标 |
二级指标 | 三级指标 | 指标值 | 全年实际完成值 | 未完成原因和改进措施 | |
产 出 指 标 |
数量指标 | 新建供水管网 | ≥10公里 | 12公里 | |||
质量指标 | 水质达标率 | 95
"""


def load(tmp_path: Path, content: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "区域自评.txt"
    path.write_text(content, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc, errors, audit_document(doc, load_profile("central")).findings


def test_transfer_form_fund_rows_are_read_by_header(tmp_path):
    doc, _, _ = load(tmp_path, FORM.format(w="万", rate="80%"))
    [se] = doc.self_evaluations
    assert se.project.name == "农村供水保障补助资金"
    assert se.project.unit is not None and se.project.unit.name == "示例县水利服务中心"
    assert [(b.source, b.adjusted, b.executed, b.reported_rate) for b in se.budget_lines if b.adjusted] == [
        ("年度资金总额:", Decimal(2500000), Decimal(2000000), Decimal(80)),
        ("其中:中央财政资金", Decimal(1500000), Decimal(1200000), Decimal(80)),
        ("地方财政资金", Decimal(1000000), Decimal(800000), Decimal(80)),
    ]


def test_transfer_form_without_wan_suffix_reads_caption_unit(tmp_path):
    doc, _, _ = load(tmp_path, FORM.format(w="", rate="80%"))
    [se] = doc.self_evaluations
    assert se.budget_lines[0].adjusted == Decimal(2500000)


def test_transfer_form_management_rows_are_no_fund_rows_and_cut_row_is_reported(tmp_path):
    doc, errors, findings = load(tmp_path, FORM.format(w="万", rate="80%"))
    [se] = doc.self_evaluations
    assert not [b for b in se.budget_lines if "管理" in b.source or "目标" in b.source]
    assert not any("不是金额" in e.message for e in errors)
    assert any("水质达标率" in e.message and "中断" in e.message for e in errors)
    assert se.goal.incomplete  # the text ends inside the 水质达标率 row
    assert not [f for f in findings if f.rule == "goals.t01_required_blocks"]


def test_transfer_form_wrong_printed_rate_is_an_error(tmp_path):
    _, _, findings = load(tmp_path, FORM.format(w="万", rate="90%"))
    [rate] = [f for f in findings if f.rule == "selfeval.s1_execution_rate"]
    assert rate.tier is Tier.ERROR


def test_zero_over_zero_row_printing_a_rate_is_a_notice(tmp_path):
    form = FORM.format(w="万", rate="80%").replace("其他资金 | |||||||", "其他资金 | 0 | 0 | 100% | ||||")
    _, _, findings = load(tmp_path, form)
    [zero] = [f for f in findings if f.rule == "selfeval.s1_zero_budget"]
    assert zero.tier is Tier.NOTICE and "其他资金" in zero.message
    assert not [f for f in findings if f.tier is Tier.ERROR]


def test_zero_row_printing_no_rate_gives_no_finding(tmp_path):
    form = FORM.format(w="万", rate="80%").replace("其他资金 | |||||||", "其他资金 | 0 | 0 | | ||||")
    _, _, findings = load(tmp_path, form)
    assert not [f for f in findings if f.rule == "selfeval.s1_zero_budget"]
