"""A '其中' list ends where the text starts a new statement without its stop ('…其他资金30万元2023年支出95万元，其中…')
and where a further '其中' details the item before it ('其中：甲30万元，乙30万元，丙40万元，其中设备20万元'): the amounts
after either are no items of the list, and adding them in would make a sound total look short of its parts."""

from __future__ import annotations

from jixiao.audit.rules.selfeval_text import totals_and_parts
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

REPORT = (
    "示例区抚恤补助经费转移支付2023年度绩效自评报告\n"
    "一、绩效目标分解下达情况\n"
    "2023年收到上级下达抚恤补助资金60万元，本级配套40万元。\n"
    "二、绩效目标完成情况分析\n"
    "（一）资金投入情况分析\n"
    "2023年收到财政资金共{received}万元，其中：中央资金60万元，地方资金10万元，其他资金30万元2023年支出95万元，"
    "其中中央资金55万元，地方资金10万元，其他资金30万元\n"
    "（二）总体绩效目标完成情况分析\n"
    "按计划发放各类补助。\n"
)


def _parts_findings(tmp_path, received: str):
    doc, found = audit_text(tmp_path, REPORT.format(received=received))
    assert doc.kind.value == "self_evaluation"
    return [(f.tier, f.message) for f in found if f.rule.endswith("parts_total")]


def test_a_statement_run_on_after_the_list_is_not_one_of_its_items(tmp_path):
    assert _parts_findings(tmp_path, "100") == []


def test_the_list_read_up_to_the_run_on_still_finds_a_wrong_total(tmp_path):
    [(tier, message)] = _parts_findings(tmp_path, "90")
    assert tier is Tier.ERROR and "90万元" in message and "100万元" in message


def test_a_further_qizhong_details_the_item_before_it():
    text = "共安排100万元，其中：甲项目30万元，乙项目30万元，丙项目40万元，其中设备购置20万元。"
    assert [(i.total.text, [p.text for p in i.parts]) for i in totals_and_parts([text])] == [
        ("100万元", ["30万元", "30万元", "40万元"])]
