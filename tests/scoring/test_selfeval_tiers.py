"""Tiers of the scoring engine's findings: `error` only where the report's own numbers decide; a deviation that
depends on a scoring convention is `warning` and names the convention; units convert within their dimension."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest

from jixiao.core.finding import Tier
from jixiao.core.model import BlockClaim, FormTotal
from jixiao.core.profile import profile_from_mapping
from jixiao.profiles import load_profile
from jixiao.scoring.selfeval import block_of, score_self_evaluation
from tests.scoring.test_selfeval import evaluation, ind

CENTRAL = load_profile("central")
OUT, BEN, SAT = "产出指标", "效益指标", "满意度指标"


def one(level2: str, name: str, target: str, actual: str, weight: str, score: str, level1: str = OUT,
        profile=CENTRAL):
    se = evaluation("100000000", "100000000", [ind(level1, level2, name, target, actual, weight, score, "原因")])
    return [f for f in score_self_evaluation(se, profile).deviations if f.rule != "selfeval.s9_weight_total"
            and f.rule != "selfeval.s9_block_weight"]


@pytest.mark.parametrize("target, actual", [("≤300万元", "201.61"), ("不超过300万元", "260"), ("<300 万元", "1")])
def test_met_ceiling_scored_low_is_certain(target, actual):
    [f] = one("成本指标", "工程成本", target, actual, "10", "2")
    assert (f.rule, f.tier) == ("selfeval.s2_quantitative_score", Tier.ERROR) and "已达成" in f.message


@pytest.mark.parametrize("target, actual, score", [("=2950000元", "1500000", "8"), ("=25.2万元", "15", "2"),
                                                   ("等于600000元", "200000", "10")])
def test_money_target_with_equals_depends_on_the_convention(target, actual, score):
    [f] = one("成本指标", "费用", target, actual, "10", score)
    assert f.tier is Tier.WARNING and "计分口径" in f.message and "节约" in f.message


def test_money_target_met_exactly_and_scored_zero_is_certain():
    [f] = one("成本指标", "上级资金补助", "=39.37万元", "39.37", "10", "0")
    assert f.tier is Tier.ERROR


@pytest.mark.parametrize("target, actual, score", [("≥90%", "80", "5"), (">90%", "85", "3"), ("不低于95%", "90", "6")])
def test_proportional_satisfaction_is_a_warning_naming_the_convention(target, actual, score):
    [f] = one("服务对象满意度", "群众满意度", target, actual, "10", score, level1=SAT)
    assert f.tier is Tier.WARNING and "满意度未达标按比例计分口径" in f.message


def test_not_met_but_full_marks_is_certain_and_exact_proportion_is_quiet():
    [f] = one("数量指标", "完成户数", "≥100户", "50", "10", "10")
    assert f.tier is Tier.ERROR and "未达成" in f.message
    assert one("数量指标", "完成户数", "≥100户", "50", "10", "5") == []


@pytest.mark.parametrize("attainment, score, tier", [("部分达成预期指标", "5", Tier.WARNING),
                                                     ("部分完成", "0", Tier.WARNING),
                                                     ("达成预期指标", "0", Tier.ERROR),
                                                     ("未达成预期指标", "10", Tier.ERROR)])
def test_qualitative_band_tiers(attainment, score, tier):
    se = evaluation("100", "100", [ind(BEN, "社会效益", "带动就业", "有利于", attainment, "10", score, "原因")])
    [f] = [f for f in score_self_evaluation(se, CENTRAL).deviations if f.rule == "selfeval.s6_qualitative_band"]
    assert f.tier is tier
    assert ("区间（本地区配置）" in f.message) is (tier is Tier.WARNING)


@pytest.mark.parametrize("target, actual", [("≥1.5万人次", "16000人次"), ("≥15000人次", "1.6万人次"),
                                            ("≥2公里", "2100米"), ("≥300万元", "3000000元")])
def test_units_convert_within_their_dimension(target, actual):
    assert one("数量指标", "数量", target, actual, "10", "10") == []


@pytest.mark.parametrize("target, actual", [("≥15000人次", "1.6万元"), ("≥100平方米", "3亩"), ("≥2公里", "80%")])
def test_units_of_different_dimensions_are_not_comparable(target, actual):
    [f] = one("数量指标", "数量", target, actual, "10", "0")
    assert (f.rule, f.tier) == ("selfeval.s2_unit_mismatch", Tier.WARNING)
    assert f.expected in target and f.actual in actual


def test_mu_converts_where_the_profile_says_so():
    profile = profile_from_mapping({"selfeval": {"mu_square_metres": "666.67"}})
    assert one("数量指标", "面积", "≥2000平方米", "3亩", "10", "10", profile=profile) == []


def test_malformed_target_is_not_scored():
    assert one("数量指标", "调蓄池", "=1001 00 m³/h", "100", "5", "5") == []


def test_block_follows_the_second_level_name():
    assert block_of(ind(BEN, "成本指标", "年租赁费", "=10元", "10", "10", "10")) == "output"
    assert block_of(ind(OUT, "社会效益", "x", "=1", "1", "1", "1")) == "benefit"
    assert block_of(ind(BEN, "", "x", "=1", "1", "1", "1")) == "benefit"


def test_reason_required_reads_the_reported_score_not_a_convention():
    se = evaluation("100", "100", [ind(OUT, "成本指标", "费用", "=600000元", "200000", "10", "10")])
    rules = {f.rule for f in score_self_evaluation(se, CENTRAL).deviations}
    assert "selfeval.s8_reason_required" not in rules
    se = evaluation("100", "100", [ind(OUT, "数量指标", "户数", "≥100户", "50", "10", "5")])
    assert "selfeval.s8_reason_required" in {f.rule for f in score_self_evaluation(se, CENTRAL).deviations}




def test_money_actual_above_the_executed_amount():
    cost = ind(OUT, "成本指标", "工程成本", "≤300万元", "201.61", "10", "2", "资金紧张")
    deviations = score_self_evaluation(evaluation("1871500", "1182000", [cost]), CENTRAL).deviations
    money = [f for f in deviations if f.rule == "selfeval.s2_money_vs_executed"]
    assert [(f.expected, f.actual, f.tier) for f in money] == [("1182000", "2016100", Tier.WARNING)]
    # met whichever actual is right (201.61万 or 118.2万 both ≤ 300万): scoring 2 stays certain
    assert [f.tier for f in deviations if f.rule == "selfeval.s2_quantitative_score"] == [Tier.ERROR]


def test_score_that_follows_the_executed_amount_is_not_a_second_finding():
    subsidy = ind(OUT, "成本指标", "上级资金补助", "=39.37万元", "39.37", "10", "0", "未支付")
    deviations = score_self_evaluation(evaluation("393700", "0", [subsidy]), CENTRAL).deviations
    assert [f.rule for f in deviations if f.rule.startswith("selfeval.s2")] == ["selfeval.s2_money_vs_executed"]
    paid = ind(OUT, "成本指标", "上级资金补助", "=39.37万元", "39.37", "10", "10")
    deviations = score_self_evaluation(evaluation("393700", "393700", [paid]), CENTRAL).deviations
    assert not [f for f in deviations if f.rule.startswith("selfeval.s2")]


@pytest.mark.parametrize("target, actual, score", [("≥90%", "80", "9"), ("≥300人", "200", "6.7"),
                                                   ("≥3个", "2", "6.7")])
def test_rounding_to_the_printed_precision_is_a_notice(target, actual, score):
    [f] = one("数量指标", "数量", target, actual, "10", score)
    assert f.tier is Tier.NOTICE and "尾数" in f.message


def test_execution_score_rounded_to_a_whole_point_is_a_notice():
    se = evaluation("1871500", "1182000", [], reported_exec="6")
    [f] = [f for f in score_self_evaluation(se, CENTRAL).deviations if f.rule == "selfeval.s1_execution_score"]
    assert f.tier is Tier.NOTICE
    se = with_points(evaluation("1871500", "1182000", [], reported_exec="7.5"), "10")
    [f] = [f for f in score_self_evaluation(se, CENTRAL).deviations if f.rule == "selfeval.s1_execution_score"]
    assert f.tier is Tier.ERROR


def test_execution_score_cut_at_the_printed_precision_is_a_notice_naming_the_cut():
    # 10 × 960,000 ÷ 1,000,000 = 9.6: printed 9 is the score cut at a whole point, not rounded; printed 8 is wrong.
    se = evaluation("1000000", "960000", [], reported_exec="9")
    [f] = [f for f in score_self_evaluation(se, CENTRAL).deviations if f.rule == "selfeval.s1_execution_score"]
    assert f.tier is Tier.NOTICE and "截尾" in f.message
    se = with_points(evaluation("1000000", "960000", [], reported_exec="8"), "10")
    [f] = [f for f in score_self_evaluation(se, CENTRAL).deviations if f.rule == "selfeval.s1_execution_score"]
    assert f.tier is Tier.ERROR


def with_points(se, points: str):
    """The form prints the budget-execution part's points (a 分值 cell, a caption '预算执行（20分）')."""
    claim = BlockClaim(block="预算执行", full_marks=D(points), score=None, rate=None)
    return replace(se, reported=replace(se.reported, block_claims=(claim,)))


def execution_finding(se, profile=CENTRAL):
    [f] = [f for f in score_self_evaluation(se, profile).deviations if f.rule == "selfeval.s1_execution_score"]
    return f


def test_execution_score_against_points_the_form_does_not_print_is_a_suspicion_naming_the_convention():
    # 480,000 of 600,000 executed: 8 points under the 10-point template convention; the form prints 6 and no points.
    f = execution_finding(evaluation("600000", "480000", [], reported_exec="6"))
    assert f.tier is Tier.WARNING
    assert "按财预〔2020〕10号模板惯例预算执行10分" in f.message and "表中未印分值" in f.message
    # a rounding residue stays a notice: 8.4 printed 8
    assert execution_finding(evaluation("500000", "420000", [], reported_exec="8")).tier is Tier.NOTICE


def test_execution_score_against_printed_points_is_certain_whatever_they_are():
    f = execution_finding(with_points(evaluation("600000", "480000", [], reported_exec="6"), "10"))
    assert f.tier is Tier.ERROR and "惯例" not in f.message
    # a form giving the part 20 points: 16 is the score, 8 (the 10-point convention's) is wrong
    f = execution_finding(with_points(evaluation("600000", "480000", [], reported_exec="8"), "20"))
    assert f.tier is Tier.ERROR and f.expected == "16"
    assert not [f for f in score_self_evaluation(with_points(evaluation("600000", "480000", [], reported_exec="16"),
                                                             "20"), CENTRAL).deviations
                if f.rule == "selfeval.s1_execution_score"]


def test_execution_points_left_by_the_forms_own_total_are_established():
    # 总分 row prints 分值 100, the indicators' 分值 add up to 90: the form itself leaves 10 to budget execution
    rows = [ind("产出指标", "数量指标", "培训场次", "≥4场", "4", "50", "50"),
            ind("效益指标", "社会效益指标", "受益人数", "≥200人", "200", "30", "30"),
            ind("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95", "10", "10")]
    se = evaluation("600000", "480000", rows, reported_exec="6")
    assert execution_finding(se).tier is Tier.WARNING
    se = replace(se, reported=replace(se.reported, form_total=FormTotal(score=D(96), points=D(100))))
    assert execution_finding(se).tier is Tier.ERROR
    # 分值 100 over indicators of 85: the form's arithmetic does not give the convention's 10, nothing established
    se = replace(se, goal=replace(se.goal, indicators=(*rows[:2], ind("满意度指标", "服务对象满意度指标", "满意度",
                                                                     "≥90%", "95", "5", "5"))))
    assert execution_finding(se).tier is Tier.WARNING


def test_indicator_points_against_the_convention_alone_are_a_suspicion():
    rows = [ind("产出指标", "数量指标", "培训场次", "≥4场", "4", "50", "50"),
            ind("效益指标", "社会效益指标", "受益人数", "≥200人", "200", "30", "30")]
    se = evaluation("600000", "480000", rows, reported_exec="8")
    [f] = [f for f in score_self_evaluation(se, CENTRAL).deviations if f.rule == "selfeval.s9_weight_total"]
    assert f.tier is Tier.WARNING and "惯例" in f.message
    [f] = [f for f in score_self_evaluation(with_points(se, "10"), CENTRAL).deviations
           if f.rule == "selfeval.s9_weight_total"]
    assert f.tier is Tier.ERROR


def test_a_cost_actual_copying_an_equals_target_above_the_budget_is_left_to_the_goal_rule():
    copy = ind(OUT, "成本指标", "合同价款", "=79.2万元", "79.2", "10", "10")
    se = evaluation("200000", "200000", [copy])
    line = replace(se.budget_lines[0], initial=D(200000))
    deviations = score_self_evaluation(replace(se, budget_lines=(line,)), CENTRAL).deviations
    assert "selfeval.s2_money_vs_executed" not in {f.rule for f in deviations}
    benefit = ind(BEN, "社会效益", "年租赁费用", "=295万元", "295", "10", "10")
    deviations = score_self_evaluation(evaluation("34660", "34660", [benefit]), CENTRAL).deviations
    assert "selfeval.s2_money_vs_executed" in {f.rule for f in deviations}


@pytest.mark.parametrize("name", ["招商引资到位资金", "带动社会投资", "新增产值"])
def test_money_brought_in_is_not_compared_with_spending(name):
    row = ind(BEN, "经济效益", name, "≥3000万元", "4000", "10", "10")
    deviations = score_self_evaluation(evaluation("300000", "300000", [row]), CENTRAL).deviations
    assert "selfeval.s2_money_vs_executed" not in {f.rule for f in deviations}
