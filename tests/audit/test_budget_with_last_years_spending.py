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
