"""A 决算 explanation whose lists name more parts than a fixed set: two income items given one share together
('两项合计占…'), shares printed to add up to 100% by adjusting a last digit, and 本年支出合计 listed as 基本支出, 项目支出,
经营支出 and 对附属单位补助支出 in one sentence. Own wording and figures."""

from __future__ import annotations

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

TEXT = """某某县林业局2023年度部门决算情况说明
一、收入决算情况
2023年度本年收入合计{income}万元。其中:财政拨款收入{fiscal}万元,占{fiscal_share}%;事业收入{service}万元,占{service_share}%;\
经营收入{business}万元,附属单位上缴收入{affiliate}万元,两项合计占{pair_share}%;其他收入{other}万元,占{other_share}%。
二、支出决算情况
2023年度本年支出合计{spent}万元。其中:基本支出600.00万元,占60.0%;项目支出370.00万元,占37.0%;\
经营支出20.00万元,占2.0%;对附属单位补助支出10.00万元,占1.0%。
"""
FIGURES = {
    "income": "1,000.00",
    "fiscal": "800.00",
    "fiscal_share": "80.0",
    "service": "150.00",
    "service_share": "15.0",
    "business": "24.00",
    "affiliate": "14.00",
    "pair_share": "3.8",
    "other": "12.00",
    "other_share": "1.2",
    "spent": "1,000.00",
}
# 812.46 → 81.2%, 150.47 → 15.0%, 0.30 + 0.14 → 0.0%, 36.63 → 3.7%: 99.9% in all, the pair printed 0.1% to make 100%
ADJUSTED = {
    **FIGURES,
    "fiscal": "812.46",
    "fiscal_share": "81.2",
    "service": "150.47",
    "business": "0.30",
    "affiliate": "0.14",
    "pair_share": "0.1",
    "other": "36.63",
    "other_share": "3.7",
}


def _findings(tmp_path, rule: str, **changed: str):  # type: ignore[no-untyped-def]
    doc, _ = load_text(tmp_path, TEXT.format(**{**FIGURES, **changed}), "explanation.txt")
    return [f for f in audit_document(doc, CENTRAL).findings if f.rule == rule]


def test_a_share_of_two_items_together_is_the_share_of_their_sum(tmp_path):
    # 24.00 + 14.00 = 38.00 of 1,000.00 is 3.8%; 附属单位上缴收入 alone (1.4%) is not what it states
    assert _findings(tmp_path, "narrative.n2_percentages") == []


def test_a_wrong_share_of_two_items_together_is_found_against_their_sum(tmp_path):
    [finding] = _findings(tmp_path, "narrative.n2_percentages", pair_share="4.8")
    assert finding.tier is Tier.ERROR and finding.expected == "3.8" and finding.actual == "4.8"
    assert "经营收入、附属单位上缴收入合计" in finding.message


def test_a_last_digit_adjusted_to_make_the_shares_add_up_to_100_is_a_notice(tmp_path):
    [finding] = _findings(tmp_path, "narrative.n2_percentages", **ADJUSTED)
    assert finding.tier is Tier.NOTICE and finding.expected == "0.0" and finding.actual == "0.1"
    assert "尾差" in finding.message


def test_a_share_off_by_a_digit_when_the_shares_do_not_make_100_stays_an_error(tmp_path):
    # printed 0.2%: 100.1% in all, no adjustment to 100% explains it
    [finding] = _findings(tmp_path, "narrative.n2_percentages", **{**ADJUSTED, "pair_share": "0.2"})
    assert finding.tier is Tier.ERROR


def test_all_the_parts_a_sentence_lists_make_up_the_total(tmp_path):
    # 600 + 370 = 970 is short of 1,000; with 经营支出 20 and 对附属单位补助支出 10 it is exact
    assert _findings(tmp_path, "narrative.parts_total") == []


def test_parts_short_of_the_total_even_with_the_others_listed_are_only_suspected(tmp_path):
    [finding] = _findings(tmp_path, "narrative.parts_total", spent="1,010.00")
    assert finding.tier is Tier.WARNING and "经营支出" in finding.message


def test_parts_over_the_total_stay_an_error_whatever_else_is_listed(tmp_path):
    [finding] = _findings(tmp_path, "narrative.parts_total", spent="960.00")
    assert finding.tier is Tier.ERROR
