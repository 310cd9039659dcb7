"""Self-evaluation scoring against the worked examples of SPEC §1.8 (seed-004 figures, built here as data)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.core.finding import Tier
from jixiao.core.model import BudgetLine, FundLevel, Goal, Indicator, Project, Reported, SelfEvaluation
from jixiao.core.values import parse_value
from jixiao.profiles import load_profile
from jixiao.scoring.selfeval import RULES, score_self_evaluation

CENTRAL = load_profile("central")


def ind(level1: str, level2: str, name: str, target: str, actual: str, weight: str, score: str | None,
        reason: str = "") -> Indicator:
    return Indicator(level1=level1, level2=level2, name=name, adjusted_target=parse_value(target),
                     actual=parse_value(actual), weight=D(weight),
                     reported_score=D(score) if score is not None else None, deviation_reason=reason)


def evaluation(adjusted: str, executed: str, indicators: list[Indicator], reported_exec: str | None = None,
               reported_ind: str | None = None, total: str | None = None, grade: str | None = None,
               rate: str | None = None) -> SelfEvaluation:
    line = BudgetLine(source="合计", level=FundLevel.TOTAL, adjusted=D(adjusted), executed=D(executed),
                      reported_rate=D(rate) if rate else None,
                      reported_score=D(reported_exec) if reported_exec else None)
    reported = Reported(execution_score=D(reported_exec) if reported_exec else None,
                        indicator_score=D(reported_ind) if reported_ind else None,
                        total=D(total) if total else None, grade=grade)
    return SelfEvaluation(project=Project(name="测试项目"), year=2024, budget_lines=(line,),
                          goal=Goal(indicators=tuple(indicators)), reported=reported)


def rules_fired(result) -> list[str]:
    return sorted(f.rule for f in result.deviations)


def power_project() -> SelfEvaluation:
    """The 10KV 供电工程 project of seed 004 (SPEC §1.8)."""
    out, ben, sat = "产出指标", "效益指标", "满意度指标"
    return evaluation(
        "1871500", "1182000",
        [
            ind(out, "数量指标", "新建 250KVA 箱变", "=2 座", "2", "5", "5"),
            ind(out, "数量指标", "新建电缆井", "=5 座", "5", "2", "2"),
            ind(out, "数量指标", "新建 2 回排管", "=200 米", "200", "5", "5"),
            ind(out, "数量指标", "高压电缆", "=90 米", "90", "5", "5"),
            ind(out, "数量指标", "新建四回排管", "=120 米", "120", "3", "3"),
            ind(out, "质量指标", "项目工程验收合格率", "=100%", "100", "10", "10"),
            ind(out, "时效指标", "工程完成时间", "2024 年底", "达成预期指标", "5", "5"),
            ind(out, "时效指标", "工程计划开工时间", "2024 年 4 月", "达成预期指标", "5", "5"),
            ind(out, "成本指标", "工程成本", "≤300 万元", "201.61", "10", "2", "财政资金紧张"),
            ind(ben, "社会效益", "完善经济开发区基础设施建设", "有利于", "部分达成预期指标并具有一定效果", "30", "20",
                "财政资金紧张"),
            ind(sat, "服务对象满意度", "县域人民群众满意度", "≥90%", "90", "10", "2", "财政资金紧张"),
        ],
        reported_exec="6.32", reported_ind="64", total="70.32", grade="中", rate="63.16",
    )


def test_execution_score_uses_adjusted_budget_and_rounds_half_up():
    result = score_self_evaluation(power_project(), CENTRAL)
    assert (result.execution_rate, result.execution_score) == (D("63.16"), D("6.32"))


def test_cost_indicator_scored_2_where_rule_gives_10_is_flagged():
    result = score_self_evaluation(power_project(), CENTRAL)
    cost = next(f for f in result.deviations if f.location.row == "工程成本" and f.rule.startswith("selfeval.s2_q"))
    assert (cost.rule, cost.expected, cost.actual) == ("selfeval.s2_quantitative_score", "10", "2")


def test_satisfaction_met_but_scored_2_is_flagged_and_partial_band_20_of_30_is_quiet():
    result = score_self_evaluation(power_project(), CENTRAL)
    flagged_rows = {f.location.row for f in result.deviations if f.rule.startswith(("selfeval.s2", "selfeval.s6"))}
    assert flagged_rows == {"工程成本", "县域人民群众满意度"}


def test_recomputed_total_and_grade_of_power_project():
    result = score_self_evaluation(power_project(), CENTRAL)
    # 5+2+5+5+3+10+5+5 + cost 10 + qualitative 20 (in band) + satisfaction 10 = 80; 6.32 + 80 = 86.32 → 良
    assert (result.indicator_score, result.total, result.grade) == (D("80"), D("86.32"), "良")
    assert "selfeval.s10_grade_by_rules" in rules_fired(result)


def test_reported_arithmetic_of_power_project_is_consistent():
    result = score_self_evaluation(power_project(), CENTRAL)
    assert not {"selfeval.s10_total_parts", "selfeval.s10_indicator_sum", "selfeval.s10_grade_band"} & set(
        rules_fired(result))


def test_zero_budget_gives_zero_and_a_warning():
    se = evaluation("0", "0", [], reported_exec="0")
    result = score_self_evaluation(se, CENTRAL)
    assert (result.execution_rate, result.execution_score) == (None, D("0"))
    assert rules_fired(result) == ["selfeval.s1_zero_budget"]


def test_execution_above_budget_is_capped_and_flagged():
    result = score_self_evaluation(evaluation("100", "120", []), CENTRAL)
    assert result.execution_score == D("10")
    assert rules_fired(result) == ["selfeval.s1_over_budget"]


@pytest.mark.parametrize(
    ("attainment", "weight", "score", "fires"),
    [
        ("部分达成预期指标并具有一定效果", "30", "15", True),  # 旧盛华: band [18, 24)
        ("部分达成预期指标并具有一定效果", "5", "5", True),  # 时效 above band [3, 4)
        ("部分达成预期指标并具有一定效果", "5", "0", True),  # 供暖管网
        ("未完成预期指标且效果较差", "15", "5", False),  # band [0, 9)
        ("部分达成预期指标并具有一定效果", "10", "5", True),  # 生态效益 band [6, 8)
        ("部分达成预期指标并具有一定效果", "30", "18", False),  # lower bound inclusive
        ("部分达成预期指标并具有一定效果", "30", "24", True),  # upper bound exclusive
        ("达成预期指标", "10", "10", False),
        ("达成预期指标", "10", "8", False),
    ],
)
def test_qualitative_band_check(attainment, weight, score, fires):
    se = evaluation("1", "1", [ind("效益指标", "社会效益", "定性指标", "有利于", attainment, weight, score, "原因")])
    result = score_self_evaluation(se, CENTRAL)
    assert ("selfeval.s6_qualitative_band" in rules_fired(result)) is fires


def test_satisfaction_80_against_90_scores_889_not_5():
    se = evaluation("1", "1", [ind("满意度指标", "服务对象满意度", "入驻企业满意度", "≥90%", "80", "10", "5", "未支付")])
    result = score_self_evaluation(se, CENTRAL)
    finding = next(f for f in result.deviations if f.rule == "selfeval.s2_quantitative_score")
    assert (finding.expected, finding.actual) == ("8.89", "5")


def test_equal_operator_scores_proportionally_rent_example():
    se = evaluation("1500000", "1500000",
                    [ind("效益指标", "成本指标", "年租赁费用", "=2950000元", "1500000", "10", "8", "资金紧张")])
    result = score_self_evaluation(se, CENTRAL)
    assert result.indicators[0].score == D("5.08")


def test_quality_80_of_100_scored_8_is_quiet():
    se = evaluation("1", "1", [ind("产出指标", "质量指标", "合格率", "=100%", "80", "10", "8", "部分不合格")])
    result = score_self_evaluation(se, CENTRAL)
    assert "selfeval.s2_quantitative_score" not in rules_fired(result)


def test_missing_deviation_reason_below_full_score():
    se = evaluation("1", "1", [ind("产出指标", "质量指标", "合格率", "=100%", "80", "10", "8")])
    assert "selfeval.s8_reason_required" in rules_fired(score_self_evaluation(se, CENTRAL))


def test_score_above_weight_is_an_error():
    se = evaluation("1", "1", [ind("产出指标", "数量指标", "数量", "=3人", "3", "10", "12")])
    assert "selfeval.s8_score_above_weight" in rules_fired(score_self_evaluation(se, CENTRAL))


def test_over_achievement_needs_a_reason():
    se = evaluation("1", "1", [ind("产出指标", "数量指标", "培训人次", "≥100人次", "130", "10", "10")])
    assert "selfeval.s7_over_achievement" in rules_fired(score_self_evaluation(se, CENTRAL))
    se_quiet = evaluation("1", "1", [ind("产出指标", "数量指标", "培训人次", "≥100人次", "129", "10", "10")])
    assert "selfeval.s7_over_achievement" not in rules_fired(score_self_evaluation(se_quiet, CENTRAL))


def test_weight_total_and_blocks():
    fine = power_project()
    assert not {"selfeval.s9_weight_total", "selfeval.s9_block_weight"} & set(
        rules_fired(score_self_evaluation(fine, CENTRAL)))
    short = evaluation("1", "1", [ind("产出指标", "数量指标", "数量", "=3人", "3", "50", "50"),
                                  ind("效益指标", "社会效益", "效益", "有利于", "达成预期指标", "30", "30")])
    assert "selfeval.s9_weight_total" in rules_fired(score_self_evaluation(short, CENTRAL))


def test_reported_grade_contradicting_reported_total():
    se = evaluation("1", "1", [], reported_exec="10", reported_ind="40", total="50", grade="优")
    assert "selfeval.s10_grade_band" in rules_fired(score_self_evaluation(se, CENTRAL))


def test_hubei_profile_weights_execution_20():
    result = score_self_evaluation(power_project(), load_profile("hubei"))
    assert result.execution_score == D("12.63")  # 0.631579 × 20


def test_budget_table_not_read_is_a_warning_not_certain():
    [finding] = [f for f in score_self_evaluation(SelfEvaluation(Project("无预算表"), 2024, (), Goal()), CENTRAL).deviations
                 if f.rule == "selfeval.s1_missing_budget"]
    assert finding.tier is Tier.WARNING and "未读取到" in finding.message
    assert "0分" not in finding.message  # rows not read are unread, not a score of 0


def test_budget_rows_not_read_grade_nothing():
    """Indicators scoring 85 of 90 and a reported grade 优 (a printed execution score the reader missed): the
    computed total without the execution score (85, 良) must not contradict the grade."""
    indicators = (ind("产出指标", "数量指标", "数量", "=3人", "3", "85", "85"),
                  ind("产出指标", "质量指标", "质量", "=100%", "80", "5", "0", "未完成"))
    se = SelfEvaluation(Project("预算行未读"), 2024, (), Goal(indicators=indicators),
                        reported=Reported(total=D("95"), grade="优"))
    assert "selfeval.s10_grade_by_rules" not in rules_fired(score_self_evaluation(se, CENTRAL))


def test_every_rule_id_is_unique_and_namespaced():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids)) and all(i.startswith("selfeval.") for i in ids)


@pytest.mark.parametrize(("se", "rule"), [
    (evaluation("1871500", "1182000", [], reported_exec="6.00"), "selfeval.s1_execution_score"),
    (evaluation("1871500", "1182000", [], rate="64.16"), "selfeval.s1_execution_rate"),
    (SelfEvaluation(Project("无预算表"), 2024, (), Goal()), "selfeval.s1_missing_budget"),
    (evaluation("1", "1", [ind("产出指标", "数量指标", "数量", "=3人", "见附件", "10", "10")]),
     "selfeval.s2_actual_not_number"),
    (evaluation("1", "1", [ind("满意度指标", "服务对象满意度", "满意度", ">90%", "90", "10", "10")]),
     "selfeval.s2_strict_bound"),
    (evaluation("1", "1", [ind("效益指标", "社会效益", "效益", "提高", "较好", "30", "30")]),
     "selfeval.s6_qualitative_grade_unknown"),
    (evaluation("1", "1", [Indicator("产出指标", "数量指标", "无分值", adjusted_target=parse_value("=1个"),
                                     actual=parse_value("1"))]), "selfeval.s8_missing_weight"),
])
def test_rule_fires_and_the_power_project_keeps_it_quiet(se, rule):
    assert rule in rules_fired(score_self_evaluation(se, CENTRAL))
    assert rule not in rules_fired(score_self_evaluation(power_project(), CENTRAL))
