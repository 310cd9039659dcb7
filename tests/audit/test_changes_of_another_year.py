"""A reason that quotes another year's spending with its own change ('主要是2023年…支出X元与上年比减少Y元，因此2024年
预算比上年预算减少Z元') in a budget's 三公 explanation (own wording and figures): that spending is neither this year's
budget nor the base of the change on last year's budget, and it is not a second statement of this year's figure."""

from __future__ import annotations

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

BUDGET = """2024年示例市生态监测站“三公”经费财政拨款预算安排120000元,比上年预算增10000元,同比增长9.09%。具体情况如下:
(一)公务接待费
安排公务接待费30000元,比上年预算减{cut}元,同比下降{rate}%。主要是2023年严格执行厉行节约公务接待费支出21500元与上年比减少8700元,因此2024年预算比上年预算减少{cut}元。
(二)公务用车运行维护费
安排公务用车运行维护费90000元,比上年预算增15000元,同比增长20.00%。
"""

RULES = ("narrative.change_amount", "narrative.restated", "narrative.n2_year_on_year")


def test_another_years_spending_is_not_the_base_nor_a_restatement(tmp_path):
    _, findings = audit_text(tmp_path, BUDGET.format(cut="5000", rate="14.29"))
    assert not [f for f in findings if f.rule in RULES]  # 5000 ÷ 35000 = 14.29%; 21500 and 8700 are 2023's


def test_a_wrong_rate_on_last_years_budget_is_still_found(tmp_path):
    _, findings = audit_text(tmp_path, BUDGET.format(cut="5000", rate="16.67"))  # 5000 ÷ 30000: this year as base
    wrong = [f for f in findings if f.rule in RULES and f.tier is Tier.ERROR]
    assert wrong and "14.29" in wrong[0].message


YEAR_ON_YEAR = """示例县中心医院2024年度部门预算公开说明
一、预算情况说明
(一)一般公共预算支出情况
1.2024年基本支出80.00万元,2023年基本支出100.00万元,2024年比2023年减少{cut}万元。
"""


def test_a_change_naming_this_year_is_measured_from_the_earlier_years_figure(tmp_path):
    _, findings = audit_text(tmp_path, YEAR_ON_YEAR.format(cut="20.00"))
    assert not [f for f in findings if f.rule == "narrative.change_amount"]
    _, findings = audit_text(tmp_path, YEAR_ON_YEAR.format(cut="25.00"))
    wrong = [f for f in findings if f.rule == "narrative.change_amount"]
    assert wrong and wrong[0].tier is Tier.ERROR
