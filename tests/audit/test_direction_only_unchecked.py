"""No silent pass in the year-on-year rule: a change and its rate whose subject's figure this year is printed nowhere
can be compared in direction only ('减少…，下降…'); the rate on its base is not checked, and the reading report says so
with the reason instead of counting the sentence as checked. Own wording and figures."""

from __future__ import annotations

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from tests.audit.test_mutations import CENTRAL

PAGE = """示例县示例中心2031年部门预算情况说明
一、收支预算总体情况
2031年收入预算合计300.00万元，支出预算合计300.00万元。
二、“三公”经费预算情况说明
{sentence}
"""


def _audit(tmp_path, sentence):
    path = tmp_path / "budget.txt"
    path.write_text(PAGE.format(sentence=sentence), encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return audit_document(doc, CENTRAL)


def _about(result, word):
    return [u.what for u in result.coverage.unchecked if word in u.what]


def test_a_rate_without_this_years_figure_is_unchecked_with_the_reason(tmp_path):
    result = _audit(tmp_path, "因公出国（境）费较上年减少2.00万元，下降40%，主要原因是压减出国计划。")
    [left] = _about(result, "下降40%")
    assert "只核对了增减方向" in left and "同比增减率未核对" in left
    assert not [f for f in result.findings if f.rule == "narrative.n2_year_on_year"]


def test_opposite_directions_are_still_found_without_this_years_figure(tmp_path):
    result = _audit(tmp_path, "因公出国（境）费较上年减少2.00万元，增长40%，主要原因是压减出国计划。")
    [hit] = [f for f in result.findings if f.rule == "narrative.n2_year_on_year"]
    assert hit.tier is Tier.ERROR and "方向矛盾" in hit.message


@pytest.mark.parametrize(("rate", "wrong"), [("25%", False), ("40%", True)])
def test_with_this_years_figure_the_rate_is_checked(tmp_path, rate, wrong):
    # 6.00 now, 2.00 less than last year: 2.00 ÷ 8.00 = 25%
    result = _audit(tmp_path, f"因公出国（境）费预算6.00万元，较上年减少2.00万元，下降{rate}，主要原因是压减出国计划。")
    assert not _about(result, f"下降{rate}")
    assert bool([f for f in result.findings if f.rule == "narrative.n2_year_on_year"]) is wrong


def test_a_comparable_rate_without_this_years_figure_is_unchecked_with_the_reason(tmp_path):
    result = _audit(tmp_path, "剔除人员划转因素后，因公出国（境）费比上年减少1.00万元，下降20%。")
    [left] = _about(result, "下降20%")
    assert "只核对了增减方向" in left and "可比口径增减率未核对" in left


@pytest.mark.parametrize(("rate", "tier"), [("20.00%", None), ("25.00%", Tier.WARNING)])
def test_an_unnamed_items_rate_is_checked_on_the_sum_its_sentence_states(tmp_path, rate, tier):
    # '…收入1200.0万元,比上年增加200.0万元': 200.0 ÷ 1000.0 = 20.00%; the item is no subject the grammar knows, so
    # this year's figure is presumed from the sentence and a rate that fails on it is a warning, not certain
    result = _audit(tmp_path, f"2、门诊挂号收入1200.0万元,比上年增加了200.0万元,增长率为{rate}。")
    assert not _about(result, rate)
    found = [f for f in result.findings if f.rule == "narrative.n2_year_on_year"]
    assert [f.tier for f in found] == ([tier] if tier else [])
    assert all("推定" in f.message for f in found)
