"""A 三公 section that counts vehicles bought and vehicles shed besides the fleet held, and states its change against
the year's budget as an amount followed by a bare rate: only the fleet held is compared across sentences, and the
rate after a change against the budget is measured from the budget."""

from __future__ import annotations

import pytest

from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

SECTION = ("按照信息公开的要求，现将示例乡2024年度“三公”经费决算情况公布如下：\n"
           "2024年度“三公”经费62万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费35万元（公务用车购置费0万元、"
           "公务用车运行维护费35万元），公务接待费27万元。\n"
           "2024年度因公出国（境）团组数0个；公务用车购置数0辆，公务用车保有量{held}辆；国内公务接待80批次。\n"
           "2024年度“三公”经费62万元，较上年减少8万元，下降{rate}%，较年初预算数减少6万元，下降{budget_rate}%。"
           "其中：公务用车购置及运行维护费35万元，较上年减少5万元，主要是公务用车保有量减少3辆。\n"
           "公务用车购置支出0.00万元，购置车辆{bought}辆。\n")
CONSISTENT = {"held": "9", "rate": "11.43", "budget_rate": "8.82", "bought": "0"}  # 8 ÷ 70; 6 ÷ 68


def loud(tmp_path, **changes):
    doc, found = audit_text(tmp_path, SECTION.format(**(CONSISTENT | changes)))
    assert doc.kind.value == "disclosure"
    return [(f.rule, f.location.row, f.tier) for f in found if f.tier is not Tier.NOTICE]


def test_vehicles_bought_and_shed_are_not_the_fleet(tmp_path):
    assert loud(tmp_path) == []
    assert loud(tmp_path, bought="1") == []  # one car bought, nine held: no contradiction


def test_a_rate_after_a_change_against_the_budget_is_measured_from_the_budget(tmp_path):
    assert loud(tmp_path, budget_rate="2.2") == [("narrative.n2_year_on_year", "与预算相比增减率", Tier.ERROR)]
    assert loud(tmp_path, rate="41.43") == [("narrative.n2_year_on_year", "同比增减率", Tier.ERROR)]


@pytest.mark.parametrize(("sentence", "bases"), [
    ("“三公”经费62万元，较上年减少8万元，下降11.43%，较年初预算数减少6万元，下降8.82%", ["上年", "上年", "预算", "预算"]),
    ("“三公”经费62万元，较年初预算数减少6万元，公务接待费27万元，下降3.57%", ["预算", "上年"]),  # a new subject
])
def test_the_base_of_a_bare_rate(sentence, bases):
    claims, _ = claims_of(sentence)
    assert [c.basis for c in claims if c.measure in ("change", "rate")] == bases


def test_a_rate_that_holds_on_the_sentences_own_amount_is_not_a_second_fault(tmp_path):
    """The text's amount differs from the table (reported once, as such); the rate beside it agrees with the text's
    amount, so it is not reported again — and a rate that agrees with neither still is."""
    from tests.builders import consistent_package

    old = "公务用车运行维护费支出8.00万元，完成全年预算的80.00%，比上年度减少2.00万元，下降20.00%"
    for rate, rules in (("25.00", ["narrative.n1_amount_vs_table"]),   # 2 ÷ (6 + 2)
                        ("40.00", ["narrative.n1_amount_vs_table", "narrative.n2_year_on_year"])):
        text = consistent_package().replace(old, f"公务用车运行维护费支出6.00万元，完成全年预算的80.00%，比上年度减少2.00万元，"
                                                 f"下降{rate}%", 1)
        _, found = audit_text(tmp_path, text)
        assert sorted(f.rule for f in found if f.tier is Tier.ERROR) == rules


BUDGET_PAGE = ("示例乡人民政府2025年部门预算情况说明\n十、其他重要事项的情况说明\n（一）机关运行经费\n2025年，示例乡人民政府的机关运行经费财政拨款预算为72.4万元，"
               "较2024年预算增加18.10万元，增长{rate}%。\n（二）政府采购情况\n2025年安排政府采购预算3.20万元。\n")


@pytest.mark.parametrize(("rate", "rules"), [("33.33", []), ("25.00", ["narrative.n2_year_on_year"])])
def test_a_budget_set_against_last_years_budget(tmp_path, rate, rules):
    """In a budget, this year's figure is the budget stated: 18.10 ÷ (72.4 − 18.10) = 33.33%; 25.00% divides by
    this year's budget instead."""
    doc, found = audit_text(tmp_path, BUDGET_PAGE.format(rate=rate))
    assert doc.kind.value == "budget_disclosure"
    assert [f.rule for f in found if f.tier is Tier.ERROR] == rules


PARTS = ("按照信息公开的要求，现将示例法院2024年度“三公”经费决算情况公布如下：\n"
         "公务用车购置支出0万元，全年购置公务用车0辆，年末公务用车保有量{held}辆，其中：公务用车{part}辆，执勤执法用车17辆。\n"
         "截至2024年12月31日，本单位共有车辆{assets}辆。\n")


@pytest.mark.parametrize(("held", "part", "assets", "expected"), [
    ("20", "3", "20", []),  # 3 is a part of the 20 listed after 其中, not a second count of the fleet
    ("20", "3", "21", [("crosssection.vehicles", "车辆数", Tier.ERROR)]),  # the fleet still compared across sections
])
def test_a_count_listed_after_qizhong_is_a_part_of_the_fleet(tmp_path, held, part, assets, expected):
    _, found = audit_text(tmp_path, PARTS.format(held=held, part=part, assets=assets))
    assert [(f.rule, f.location.row, f.tier) for f in found if f.tier is Tier.ERROR] == expected
