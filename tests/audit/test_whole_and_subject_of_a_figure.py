"""Which whole a share is of, and whose figure a change or a budget is: a share naming a scoped total ('占一般公共预算
财政拨款总支出的') is of that total, not of the unit's 支出总计; a change in the sentence after a breakdown is the
whole's; a change implying a base below zero is not checked; an item the lexicon lacks does not lend its figure to
the item before it. Own wording and figures."""

from __future__ import annotations

import pytest

from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = """第二部分 2022年度部门决算情况说明
一、收入支出决算总体情况说明
"""


def _hits(findings, rule):
    return [f for f in findings if f.rule == rule]


SCOPED = HEAD + """本部门2022年度支出总计5000.00万元。
本部门2022年度一般公共预算财政拨款支出{general}万元。
(二)一般公共预算财政拨款支出决算具体情况
1.基本支出1500.00万元,占一般公共预算财政拨款总支出的{a}%。
2.项目支出500.00万元,占一般公共预算财政拨款总支出的{b}%。
"""


@pytest.mark.parametrize(("general", "a", "b", "tiers"), [
    ("2000.00", "75.00", "25.00", []),  # of 2000.00, as the sentence says (30.00/10.00 of 支出总计)
    ("2000.00", "70.00", "30.00", [Tier.ERROR]),  # wrong on the named whole: one error (the second is 100 − it)
])
def test_a_share_of_a_scoped_total_uses_that_total(tmp_path, general, a, b, tiers):
    _, findings = audit_text(tmp_path, SCOPED.format(general=general, a=a, b=b))
    hits = _hits(findings, "narrative.n2_percentages")
    assert [f.tier for f in hits] == tiers
    assert all("2000.00" in f.message and "5000.00" not in f.message for f in hits)


def test_a_share_of_a_scoped_total_not_stated_is_not_checked(tmp_path):
    text = HEAD + "本部门2022年度支出总计5000.00万元。\n基本支出1500.00万元,占一般公共预算财政拨款总支出的75.00%。\n"
    _, findings = audit_text(tmp_path, text)
    assert _hits(findings, "narrative.n2_percentages") == []


AFTER_BREAKDOWN = HEAD + """(一)基本支出。2022年基本支出1200.00万元,其中人员经费900.00万元,公用经费300.00万元。比2021年预算增加200.00万元,增长{rate}%。
"""


@pytest.mark.parametrize(("rate", "tier"), [("20.00", None), ("10.00", Tier.ERROR)])
def test_a_change_after_a_breakdown_is_the_wholes(tmp_path, rate, tier):
    # 200 on a budget of 1200 − 200 = 1000: 20.00%; the last part (公用经费 300) is not its subject
    _, findings = audit_text(tmp_path, AFTER_BREAKDOWN.format(rate=rate))
    hits = _hits(findings, "narrative.n2_year_on_year")
    assert [f.tier for f in hits] == ([tier] if tier else [])
    assert all("1,000.00" in f.message for f in hits)


def test_a_change_implying_a_negative_base_is_no_finding(tmp_path):
    text = HEAD + "本部门2022年度公用经费300.00万元。比上年增加500.00万元,增长9.00%。\n"
    _, findings = audit_text(tmp_path, text)
    assert _hits(findings, "narrative.n2_year_on_year") == []


def test_each_listed_sangong_budget_keeps_its_own_item():
    claims, _ = claims_of("其中：因公出国（境）费预算为0万元，公务接待费预算为2.50万元，公务用车运行维护及购置费预算为0万元。")
    assert [(c.subject, str(c.value)) for c in claims if c.measure == "budget"] == [
        ("因公出国(境)费", "0"), ("公务接待费", "25000.00"), ("公务用车购置及运行维护费", "0")]


def test_an_item_the_lexicon_lacks_does_not_take_the_item_before():
    claims, _ = claims_of("其中：公务接待费预算为2.50万元，设备维修费预算为0万元。")
    assert [(c.subject, c.measure) for c in claims] == [("公务接待费", "budget"), ("", "budget")]
