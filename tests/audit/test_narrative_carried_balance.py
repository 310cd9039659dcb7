"""The year's flow stated in one sentence without either grand total: '上年结转和结余资金为A万元，本年收入B万元，支出C万元，
用事业基金弥补收支差额D万元，结余分配E万元，年末结转和结余资金为F万元' — F must be A + B − C + D − E. Own wording and
figures, reproducing the layout of a real explanation (one balance sentence for all funds)."""

from __future__ import annotations

import pytest

from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = """四、2031年度单位决算情况说明
2031年度,本园量入为出,收支平衡。
"""
FLOW = HEAD + ("2031年度上年结转和结余资金为{opening}万元,本年收入{income}万元,支出{spending}万元,{used}"
               "结余分配{shared}万元,年末结转和结余资金为{closing}万元。\n")
FIGURES = dict(opening="40.20", income="812.35", spending="830.15", used="用事业基金弥补收支差额0万元,",
               shared="0", closing="22.40")


def _balance(tmp_path, **changed):
    _, findings = audit_text(tmp_path, FLOW.format(**{**FIGURES, **changed}))
    return [f for f in findings if f.rule == "narrative.totals_balance"]


def test_the_sentence_is_read_item_by_item():
    claims, _ = claims_of("2031年度上年结转和结余资金为40.20万元,本年收入812.35万元,支出830.15万元,"
                          "用事业基金弥补收支差额0万元,结余分配0万元,年末结转和结余资金为22.40万元。")
    assert [(c.subject, c.measure) for c in claims] == [
        ("年初结转和结余", "amount"), ("本年收入合计", "amount"), ("本年支出合计", "amount"),
        ("使用非财政拨款结余", "amount"), ("结余分配", "amount"), ("年末结转和结余", "amount")]


def test_a_bare_spending_after_another_subject_keeps_its_own_reading():
    claims, _ = claims_of("基本支出500.00万元,支出300.00万元。")
    assert [c.subject for c in claims] == ["基本支出", "支出"]


def test_a_flow_that_adds_up_passes(tmp_path):
    assert _balance(tmp_path) == []


def test_a_closing_balance_far_from_the_flow_is_certain(tmp_path):
    [hit] = _balance(tmp_path, closing="4127.93")
    assert hit.tier is Tier.ERROR and hit.expected == "22.40" and "年末结转和结余 4127.93万元" in hit.message


def test_a_cent_of_rounding_is_a_notice(tmp_path):
    [hit] = _balance(tmp_path, closing="22.41")
    assert hit.tier is Tier.NOTICE


@pytest.mark.parametrize(("closing", "tier"), [
    ("30.40", Tier.WARNING),  # above the flow: an unstated 使用非财政拨款结余 of 8.00 would close it
    ("14.40", Tier.ERROR),    # below it: the unstated item only adds, the 结余分配 stated as 0 takes nothing
])
def test_an_unstated_item_that_could_close_the_gap_makes_it_a_warning(tmp_path, closing, tier):
    [hit] = _balance(tmp_path, used="", closing=closing)
    assert hit.tier is tier
    assert ("使用非财政拨款结余若为 8.00" in hit.message) is (tier is Tier.WARNING)
