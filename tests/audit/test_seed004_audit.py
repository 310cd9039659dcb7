"""`jixiao audit` on seed 004 finds what a careful reviewer finds (issue 3 must-show list)."""

from __future__ import annotations

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from tests.conftest import seed_path


@pytest.fixture(scope="module")
def findings():
    doc, errors = load_document(seed_path("004"))
    assert doc is not None, errors
    return audit_document(doc, load_profile("central")).findings


def by_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


def test_28_excellent_claim_against_four_fair_or_poor_reports(findings):
    messages = [f.message for f in by_rule(findings, "coverage.grade_counts")]
    assert any("28 个项目自评为“优”" in m and "24 个" in m for m in messages)
    assert any("“中”" in m and "2 个" in m for m in messages) and any("“差”" in m and "2 个" in m for m in messages)


def test_self_evaluated_amount_gap(findings):
    [gap] = [f for f in by_rule(findings, "coverage.self_evaluated_amount") if "执行数合计" in f.message]
    assert (gap.actual, gap.expected) == ("24,110.46", "5,725.97")


def test_works_procurement_445_83_against_445_84(findings):
    hits = [f for f in by_rule(findings, "narrative.n1_amount_vs_table") if f.location.row == "政府采购工程"]
    assert [(h.actual, h.expected, h.tier) for h in hits] == [("445.83", "445.84", Tier.ERROR)]


def test_basic_expenditure_446_22_in_text(findings):
    assert any(f.actual == "446.22" and f.expected == "446.23" for f in by_rule(findings, "narrative.n1_amount_vs_table"))


def test_rounding_residues_are_notices(findings):
    residues = {(f.actual, f.expected) for f in findings if f.tier is Tier.NOTICE and f.rule.startswith("disclosure")}
    assert {("446.23", "446.22"), ("20.33", "20.34"), ("51.06", "51.05")} <= residues
    assert not [f for f in findings if f.rule.startswith("disclosure") and f.tier is Tier.ERROR]


def test_vehicles_0_against_2(findings):
    [hit] = by_rule(findings, "crosssection.vehicles")
    assert "2 辆" in hit.message and "0 辆" in hit.message


def test_two_reason_direction_contradictions(findings):
    hits = by_rule(findings, "narrative.n2_reason_direction")
    assert sorted(h.location.line for h in hits) == [450, 506]


def test_block_summaries_contradicting_the_indicator_tables(findings):
    hits = by_rule(findings, "selfeval.block_claim")
    assert any("效益情况及分析" in h.message for h in hits)
    assert any(h.location.project == "开发区办公楼租赁费" and "分值合计 40" in h.message for h in hits)
    # The 成本 row printed under a merged “效益指标” cell counts under 产出: weights agree, the score does not.
    rent2 = [h.message for h in hits if h.location.project == "开发区办公楼租赁费 2"]
    assert rent2 == ["正文称产出指标评价得分 50 分，指标表得分合计 48 分"]


def test_scoring_deviations_are_part_of_the_audit(findings):
    rows = {(f.location.project[:8], f.location.row) for f in by_rule(findings, "selfeval.s2_quantitative_score")}
    assert ("岚县经开区铸造产", "工程成本") in rows


def test_correct_percentages_of_seed_stay_quiet(findings):
    assert not by_rule(findings, "narrative.n2_percentages")
    assert not by_rule(findings, "narrative.n2_year_on_year")


def in_project(findings, rule, fragment):
    return [f for f in by_rule(findings, rule) if fragment in f.location.project]


def test_certain_scoring_faults_stay_errors(findings):
    rows = {(f.location.row, f.tier) for f in in_project(findings, "selfeval.s2_quantitative_score", "铸造产业园提升")}
    assert rows == {("工程成本", Tier.ERROR), ("县域人民群众满意度", Tier.ERROR)}
    [claim] = [f for f in in_project(findings, "selfeval.goal_statement", "专项资金") if f.tier is Tier.ERROR]
    assert "差" in claim.message


def test_convention_dependent_scores_are_warnings_naming_the_convention(findings):
    scores = by_rule(findings, "selfeval.s2_quantitative_score")
    rent = [f for f in scores if f.location.project == "开发区办公楼租赁费 2"]
    assert [(f.location.row, f.tier) for f in rent] == [("年租赁费用", Tier.WARNING)]
    assert "节约按达成计" in rent[0].message
    satisfaction = [f for f in scores if f.location.row in ("入驻企业满意度", "受益群众满意度")]
    assert len(satisfaction) == 2 and all(f.tier is Tier.WARNING and "满意度未达标按比例计分口径" in f.message
                                          for f in satisfaction)
    bands = by_rule(findings, "selfeval.s6_qualitative_band")
    assert len(bands) == 10 and all(f.tier is Tier.WARNING and "部分达成区间（本地区配置）" in f.message for f in bands)


def test_no_finding_for_a_merged_cell_a_met_ceiling_or_a_per_vehicle_amount(findings):
    assert {f.tier for f in by_rule(findings, "selfeval.cost_under_benefit")} == {Tier.NOTICE}
    assert not [f for f in by_rule(findings, "selfeval.s9_block_weight") if f.location.project == "开发区办公楼租赁费 2"]
    costs = by_rule(findings, "goals.t04_cost_budget")
    assert not [f for f in costs if f.location.row == "工程成本"]  # ≤300万 with budgets of 201.61万 and 276.70万
    assert not [f for f in costs if "每辆" in f.message]


def test_garbled_target_is_reported_not_read(findings):
    [target] = [f for f in by_rule(findings, "goals.t03_measurable") if f.location.row == "初期雨水调蓄池"]
    assert target.tier is Tier.WARNING and "1001 00" in target.message
    assert not [f for f in findings if f.rule.startswith("selfeval.s") and f.location.row == "初期雨水调蓄池"]


def test_one_fault_one_finding(findings):
    scored_rows = {(f.location.project, f.location.row) for f in by_rule(findings, "selfeval.s2_quantitative_score")}
    reasons = {(f.location.project, f.location.row) for f in by_rule(findings, "selfeval.s8_reason_required")}
    assert not scored_rows & reasons
    claims = [(f.location.project, f.location.row) for f in by_rule(findings, "selfeval.block_claim")]
    assert len(claims) == len(set(claims))


def test_narrative_against_tables_and_its_own_arithmetic(findings):
    budget = by_rule(findings, "selfeval.narrative_budget")
    assert any(f.location.line == 2098 and f.tier is Tier.ERROR and "预算执行 100%" in f.message for f in budget)
    assert any("预算执行数是元" in f.message and f.tier is Tier.WARNING for f in budget)
    [gap] = by_rule(findings, "selfeval.stated_difference")
    assert "缺额 60万元" in gap.message and "107.761万元" in gap.message
    [acceptance] = by_rule(findings, "selfeval.achievement_text")
    assert "均未验收合格" in acceptance.message and acceptance.location.row == "建设工程验收合格率"


def test_money_indicator_above_the_executed_amount(findings):
    money = {f.location.row for f in by_rule(findings, "selfeval.s2_money_vs_executed")}
    assert {"年租赁费用", "项目检测费用"} <= money
