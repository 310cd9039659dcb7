"""Self-evaluation integrity rules beyond the scoring engine: each fires on a fault and stays quiet without it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

from jixiao.audit.catalogue import Context, apply, run, select
from jixiao.core.coverage import Status
from jixiao.core.model import (
    BlockClaim,
    BudgetLine,
    FundLevel,
    Goal,
    Indicator,
    Project,
    Reported,
    SelfEvaluation,
)
from jixiao.core.provenance import Location
from jixiao.core.values import parse_value
from jixiao.profiles import load_profile

CTX = Context(load_profile("central"))


def evaluation(carryover="0", level1_of_cost="产出指标", statement="已完成既定目标。", grade="优", claim_score="50"):
    indicators = (
        Indicator("产出指标", "数量指标", "数量", adjusted_target=parse_value("=1个"), actual=parse_value("1"),
                  weight=D(40), reported_score=D(40)),
        Indicator(level1_of_cost, "成本指标", "成本", adjusted_target=parse_value("≤10万元"), actual=parse_value("9"),
                  weight=D(10), reported_score=D(10)),
        Indicator("效益指标", "社会效益", "效益", adjusted_target=parse_value("提高"), actual=parse_value("达成预期指标"),
                  weight=D(30), reported_score=D(30)),
        Indicator("满意度指标", "服务对象满意度", "满意度", adjusted_target=parse_value("≥90%"), actual=parse_value("95"),
                  weight=D(10), reported_score=D(10)),
    )
    line = BudgetLine("合计", FundLevel.TOTAL, adjusted=D(100000), executed=D(100000), carryover=D(carryover))
    claims = (BlockClaim("产出指标", D(50), D(claim_score), None, Location(section="产出情况及分析")),)
    reported = Reported(D(10), D(90), D(100), grade, statement, claims)
    return SelfEvaluation(Project("项目"), 2024, (line,), Goal(indicators=indicators), reported)


def fired(se, rule):
    return [f for f in run("self_evaluation", se, CTX, only=[rule])]


def test_carryover():
    assert not fired(evaluation(), "selfeval.carryover")
    assert fired(evaluation(carryover="100"), "selfeval.carryover")[0].expected == "0"


def test_cost_under_benefit():
    assert not fired(evaluation(), "selfeval.cost_under_benefit")
    assert fired(evaluation(level1_of_cost="效益指标"), "selfeval.cost_under_benefit")


def test_goal_statement_beside_a_low_grade():
    assert not fired(evaluation(), "selfeval.goal_statement")
    assert fired(evaluation(grade="差"), "selfeval.goal_statement")


def test_block_claim():
    assert not fired(evaluation(), "selfeval.block_claim")
    assert fired(evaluation(claim_score="45"), "selfeval.block_claim")[0].expected == "50"


def test_block_claim_is_not_applicable_when_the_indicator_table_was_read_in_part():
    # the rows read sum to less than the block's full marks: a table read in part proves nothing about its sums
    se = evaluation(claim_score="45")
    se = replace(se, goal=replace(se.goal, incomplete="指标行的格子连在一起"))
    [block_rule] = select(["selfeval.block_claim"], (), "self_evaluation")
    found, outcome = apply(block_rule, se, CTX)
    assert not found
    assert outcome.status is Status.NOT_APPLICABLE and "未读全" in outcome.reason and "格子连在一起" in outcome.reason


def test_block_claim_of_a_block_read_whole_is_checked_in_a_table_read_in_part():
    # the table stops after this block (its 满意度 rows unread), but the 产出 block closed with all its rows read
    se = evaluation(claim_score="45")
    whole = replace(se.reported.block_claims[0], whole=True)
    se = replace(se, goal=replace(se.goal, incomplete="指标表在“满意度”一行中断，其后各行未见"),
                 reported=replace(se.reported, block_claims=(whole,)))
    [finding] = fired(se, "selfeval.block_claim")
    assert finding.expected == "50" and finding.actual == "45"
