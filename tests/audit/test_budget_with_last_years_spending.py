"""A 三公 budget page that also reports last year's spending under its own heading, then compares the two: the
earlier year's heading is a comparison, not a wrong year, and a change is measured from this year's figure, not
from last year's stated under the other heading."""

from __future__ import annotations

import pytest

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

PAGE = ("一、2024年“三公”经费预算安排情况\n"
        "2024年度“三公”经费预算总计16.5万元，其中：因公出国（境）费0万元，公务接待6.5万元，公务用车运行费10万元。\n"
        "二、2023年“三公”经费决算情况\n"
        "2023年度“三公”经费合计支出15.25万元，其中：因公出国（境）费0万元，公务接待7.15万元，公务用车运行费8.10万元。\n"
        "2024年度“三公”经费预算较2023年度增加1.25万元，其中公务接待较上年减少0.65万元，减少{rate}%。\n")


@pytest.mark.parametrize(("rate", "rules"), [
    ("9.09", []),                               # 0.65 ÷ (6.5 + 0.65): measured from this year's 6.5
    ("19.09", ["narrative.n2_year_on_year"]),
])
def test_change_under_last_years_heading_is_measured_from_this_years_figure(tmp_path, rate, rules):
    doc, found = audit_text(tmp_path, PAGE.format(rate=rate))
    assert doc.kind.value == "budget_disclosure" and doc.year == 2024
    assert [f.rule for f in found if f.tier is Tier.ERROR] == rules
    assert not [f for f in found if f.rule == "disclosure.heading_year"]


def test_a_final_accounts_document_still_gets_the_wrong_year_heading(tmp_path):
    text = ("示例县林业站2024年度部门决算\n一、2023年度收入支出决算总体情况说明\n"
            "2024年度收入总计100.00万元，支出总计100.00万元。\n")
    _, found = audit_text(tmp_path, text)
    [wrong] = [f for f in found if f.rule == "disclosure.heading_year"]
    assert wrong.tier is Tier.ERROR and "2024 年度决算" in wrong.message


ASSETS = ("示例县气象站2025年部门预算\n(一)“三公”经费预算情况说明\n2025年公务用车保有量{fleet}辆。\n"
          "(三)国有资产占用情况说明\n共有车辆 2 辆，其中：一般公务用车 0 辆、一般执法执勤用车 1 辆、特种专业技术用车 1 辆、"
          "其他用车 0 辆。\n")


@pytest.mark.parametrize(("fleet", "fires"), [("2", False), ("3", True)])
def test_kinds_of_vehicle_are_parts_of_the_fleet_not_other_counts_of_it(tmp_path, fleet, fires):
    _, found = audit_text(tmp_path, ASSETS.format(fleet=fleet))
    assert [f.rule for f in found if f.tier is Tier.ERROR] == (["crosssection.vehicles"] if fires else [])


PROCUREMENT = ("（二）政府采购预算安排情况说明。\n2025 年政府采购预算 30000 元，同比增加 5000 元。\n"
               "其中：货物类采购 20000 元，占政府采购预算 {goods}%；服务类采购 10000 元，占政府采购预算 33.3%。\n")


@pytest.mark.parametrize(("goods", "rules"), [("66.7", []), ("76.7", ["narrative.n2_percentages"])])
def test_a_share_of_the_stated_procurement_budget(tmp_path, goods, rules):
    doc, found = audit_text(tmp_path, PROCUREMENT.format(goods=goods))
    assert doc.kind.value == "budget_disclosure"
    assert [f.rule for f in found if f.tier is Tier.ERROR] == rules
