"""Figures that are not an item's own amount: the effect of a change of scope ('…两个单位上划到市级，减少了“三公”经费
X万元'), a rate on a comparable scope whose base is a matter of convention ('如果剔除这一因素，…仍然减少了Y万元，下降P%'),
the parts a budget lists after 其中 (budgets, not the amounts spent printed later), an amount per unit ('平均每辆Z万元',
never a part of a sum); and the old name of the 一般公共预算 ('公共财政拨款支出X万元' is the amount spent). Own wording
and figures."""

from __future__ import annotations

import pytest

from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text


def _cells(*cells: str) -> str:
    return "\n\n".join(cells)


# A 三公 summary whose table is printed one cell per line, then a paragraph: the full fall 800.00 on 3,000.00 (26.67%),
# of which 300.00 left with two bodies moved to the city level; without them the fall is 500.00 — 18.52% of the
# comparable 2,700.00, 16.67% of the whole 3,000.00.
SHIFT = _cells(
    "某某区2019年“三公”经费决算汇总情况",
    "2019年度某某区一般公共预算财政拨款开支“三公”经费决算情况",
    "经费项目", "2019年度支出 (万元)", "支出减少情况(万元)", "支出减少率",
    "因公出国(境)费", "50.00", "-", "-",
    "公务接待费", "120.00", "-", "-",
    "公务用车购置及运行维护费", "2,030.00", "-", "-",
    "公务用车购置费", "600.00", "-", "-",
    "公务用车运行维护费", "1,430.00", "-", "-",
    "“三公”经费支出", "2,200.00", "-", "-",
    "根据汇总数据，2019年度某某区一般公共预算财政拨款开支的“三公”经费总支出为2,200.00万元。与上年相比，“三公”经费支出"
    "减少了800.00万元，下降了26.67%。其中，部分减少的经费是因为区林业局、区气象局两个单位上划到市级，减少了“三公”经费"
    "300.00万元，其中公务用车购置及运行维护费250.00万元。如果剔除这一因素，2019年度“三公”经费仍然减少了500.00万元，"
    "下降了{rate}%。",
) + "\n"


@pytest.mark.parametrize(("rate", "tier"), [
    ("16.67", None),             # on last year's whole figure, 500.00 ÷ 3,000.00
    ("18.52", None),             # on the comparable figure, 500.00 ÷ 2,700.00
    ("16.66", Tier.NOTICE),      # the whole base's 16.666…, cut: rounding
    ("21.00", Tier.WARNING),     # neither: a warning naming the convention, never certain
])
def test_scope_change_figures_and_comparable_rates(tmp_path, rate, tier):
    doc, findings = audit_text(tmp_path, SHIFT.format(rate=rate))
    assert doc.disclosure.tables["D09"].rows
    # 300.00 and 250.00 are what the move took away, not the 三公 total nor the vehicle item
    assert not [f for f in findings if f.rule == "narrative.n1_amount_vs_table"]
    rates = [f for f in findings if f.rule == "narrative.n2_year_on_year"]
    assert [f.tier for f in rates] == ([tier] if tier else [])
    if tier is Tier.WARNING:
        assert "可比口径" in rates[0].message and "全口径" in rates[0].message


def test_scope_change_clauses_are_read_as_their_effect():
    claims, _ = claims_of("因两个单位划转至市级，减少“三公”经费30万元，剔除该因素后比上年减少12万元，下降5%。")
    read = [(c.subject, c.measure, c.basis) for c in claims if c.subject]
    assert read == [("三公经费", "figure", "口径调整"), ("三公经费", "change", "可比"), ("三公经费", "rate", "可比")]
    # '上划中央收入' is a revenue and '计划出国' a plan: no change of scope
    claims, _ = claims_of("计划出国(境)3人次，因公出国(境)费预算12万元。")
    assert [(c.subject, c.measure) for c in claims if c.subject == "因公出国(境)费"] == [("因公出国(境)费", "budget")]


# The budget listed by item after 其中, then the amounts spent: budget and final of one item are different figures.
BUDGET_THEN_SPENT = """一、“三公”经费财政拨款支出决算总体情况
2018年,本单位“三公”经费预算为80.00万元,其中:因公出国(境)费20万元、公务用车运行维护费50万元、国内公务接待费10万元。\
“三公”经费支出为70.50万元,完成预算的88.13%,其中:因公出国(境)费支出25.50万元,完成预算的127.50%,公务用车运行维护费支出\
40.00万元,完成预算的80%,公务接待费支出5.00万元,完成预算的50%。
二、“三公”经费财政拨款支出决算具体情况
2018年度“三公”经费财政拨款支出决算中,因公出国(境)费支出{overseas}万元,占36.17%;公务用车购置及运行维护费支出40.00万元,\
占56.74%;公务接待费支出5.00万元,占7.09%。具体情况如下:
1. 因公出国(境)费支出25.50万元,共安排因公出国(境)团组2个,累计5人次。
2. 公务用车购置及运行维护费支出40.00万元。其中:
公务用车购置支出0万元。公务用车运行维护支出40.00万元,主要用于车辆燃油、维修和保险。
3. 公务接待费支出5.00万元,共接待国内来访团组12批次、150人次。
"""


def test_parts_of_a_budget_are_budgets(tmp_path):
    _, findings = audit_text(tmp_path, BUDGET_THEN_SPENT.format(overseas="25.50"))
    assert not [f for f in findings if f.rule == "narrative.restated"]
    claims, _ = claims_of("2018年,本单位“三公”经费预算为80.00万元,其中:因公出国(境)费20万元、国内公务接待费10万元。")
    assert [c.measure for c in claims] == ["budget", "budget", "budget"]
    # a list after the amount spent, or a part named by its stage, keeps its own reading
    claims, _ = claims_of("“三公”经费预算为80万元,决算为70万元,其中:因公出国(境)费25万元。")
    assert [c.measure for c in claims] == ["budget", "amount", "amount"]
    claims, _ = claims_of("“三公”经费预算为80万元,其中:因公出国(境)费决算25万元。")
    assert [c.measure for c in claims] == ["budget", "amount"]


def test_the_same_spending_printed_twice_differently_is_still_found(tmp_path):
    _, findings = audit_text(tmp_path, BUDGET_THEN_SPENT.format(overseas="28.50"))
    assert [f.location.row for f in findings if f.rule == "narrative.restated"] == ["因公出国(境)费"]


AVERAGE = """某某县市场监管局2019年“三公”经费支出情况说明
一、“三公”经费支出情况
2019年本单位“三公”经费支出20.60万元,具体情况如下:
1.因公出国(境)费支出0万元。
2.公务用车购置及运行维护费支出15.60万元,其中:公务用车购置支出为0万元;公务用车运行及维护支出{running}万元,\
2019年单位公务用车保有量为6辆,平均每辆2.60万元,主要用于执法工作中发生的燃油费。
3.公务接待费支出5.00万元,共接待40批次。
"""


@pytest.mark.parametrize(("running", "found"), [("15.60", []), ("16.60", [Tier.WARNING])])
def test_an_amount_per_unit_is_not_a_part(tmp_path, running, found):
    _, findings = audit_text(tmp_path, AVERAGE.format(running=running))
    parts = [f for f in findings if f.rule == "narrative.parts_total" and f.tier is not Tier.NOTICE]
    assert [f.tier for f in parts] == found
    assert all("平均" not in f.message for f in parts)
    claims, _ = claims_of("人均公用经费为1.20万元，出访预算费用3.5万元/人。")
    assert [c.measure for c in claims] == ["average", "average"]


PUBLIC_FINANCE = """某某区2018年“三公”经费决算情况
经某某区财政局汇总,2018年区级“三公”经费公共财政拨款支出800.00万元,比上年减少支出200.00万元,下降{rate}%。具体情况如下:
(一)因公出国(境)费40.00万元。与2017年相比,因公出国(境)经费支出减少10.00万元,下降20.0%。
(二)公务用车购置及运行费600.00万元。与2017年相比,公务用车购置及运行费减少150.00万元,下降20.0%。
(三)公务接待费160.00万元。与2017年相比,公务接待费支出减少40.00万元,下降20.0%。
"""


@pytest.mark.parametrize(("rate", "found"), [("20.0", []), ("25.0", [Tier.ERROR])])
def test_public_finance_is_the_general_budget(tmp_path, rate, found):
    # 200.00 ÷ (800.00 + 200.00) = 20.0%
    _, findings = audit_text(tmp_path, PUBLIC_FINANCE.format(rate=rate))
    assert [f.tier for f in findings if f.rule == "narrative.n2_year_on_year" and f.tier is not Tier.NOTICE] == found
    claims, _ = claims_of("“三公”经费公共财政拨款支出800.00万元。")
    assert [(c.measure, c.value) for c in claims] == [("amount", 8000000)]
