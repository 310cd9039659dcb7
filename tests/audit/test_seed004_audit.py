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
