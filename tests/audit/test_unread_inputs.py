"""No silent pass: a self-evaluation or goal rule whose inputs were not read (no indicator row, no budget row, no
reported total) ends as not applicable with the reason, never as held."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D
from types import SimpleNamespace

from jixiao.audit.engine import audit_document
from jixiao.core.coverage import Status
from jixiao.core.model import BudgetLine, FundLevel, Goal, Indicator, Project, Reported, SelfEvaluation
from jixiao.core.values import parse_value
from jixiao.profiles import load_profile

CENTRAL = load_profile("central")
INDICATOR_RULES = ("selfeval.s2_quantitative_score", "selfeval.s8_score_above_weight", "selfeval.s9_weight_total",
                   "selfeval.s10_indicator_sum", "selfeval.cost_under_benefit", "goals.t01_required_blocks",
                   "goals.t03_measurable", "goals.t07_weight_positive")
BUDGET_RULES = ("selfeval.s1_execution_rate", "selfeval.s1_execution_score", "selfeval.s1_over_budget",
                "selfeval.s1_zero_budget", "selfeval.s1_total_parts", "selfeval.carryover")


def evaluation(indicators: bool = True, budget: bool = True, totals: bool = True) -> SelfEvaluation:
    rows = (
        Indicator("产出指标", "数量指标", "修缮道路", adjusted_target=parse_value("≥3公里"), actual=parse_value("3公里"),
                  weight=D(50), reported_score=D(50)),
        Indicator("效益指标", "社会效益指标", "通行条件", adjusted_target=parse_value("改善"), actual=parse_value("达成"),
                  weight=D(30), reported_score=D(30)),
        Indicator("满意度指标", "服务对象满意度指标", "群众满意度", adjusted_target=parse_value("≥90%"),
                  actual=parse_value("93%"), weight=D(10), reported_score=D(10)),
    )
    line = BudgetLine("年度资金总额", FundLevel.TOTAL, adjusted=D(80000), executed=D(80000), reported_rate=D(100),
                      reported_score=D(10), carryover=D(0))
    reported = Reported(D(10), D(90), D(100), "优") if totals else Reported()
    goal = Goal(indicators=rows if indicators else (), incomplete="" if indicators else "指标行的格子连在一起")
    return SelfEvaluation(Project("道路修缮项目"), 2024, (line,) if budget else (), goal, reported)


def outcomes(se: SelfEvaluation) -> dict[str, tuple[Status, str]]:
    doc = SimpleNamespace(path="doc.txt", self_evaluations=(se,))
    return {o.rule: (o.status, o.reason) for o in audit_document(doc, CENTRAL, only=("selfeval", "goals")).outcomes
            if o.rule.startswith(("selfeval.", "goals."))}


def test_indicator_rules_do_not_pass_when_no_indicator_row_was_read():
    read = outcomes(evaluation(indicators=False))
    for rule_id in INDICATOR_RULES:
        status, reason = read[rule_id]
        assert status is Status.NOT_APPLICABLE, rule_id
        assert "未读到绩效指标表的指标行" in reason and "格子连在一起" in reason
    assert read["selfeval.s1_execution_rate"][0] is Status.HELD  # the budget table was read


def test_budget_rules_do_not_pass_when_no_budget_row_was_read():
    read = outcomes(evaluation(budget=False))
    for rule_id in BUDGET_RULES:
        status, reason = read[rule_id]
        assert (status, reason) == (Status.NOT_APPLICABLE, "未读到预算执行情况表的资金行，无从核对"), rule_id
    assert read["selfeval.s1_missing_budget"][0] is Status.BROKEN  # the missing table is itself reported
    assert read["selfeval.s8_score_above_weight"][0] is Status.HELD  # the indicator rows were read


def test_total_rules_do_not_pass_when_no_reported_total_was_read():
    read = outcomes(evaluation(totals=False))
    assert read["selfeval.s10_total_parts"] == (Status.NOT_APPLICABLE, "未读到填报的总分、预算执行得分、指标得分，无从核对")
    assert read["selfeval.s10_grade_band"] == (Status.NOT_APPLICABLE, "未读到填报的总分、等级，无从核对")
    assert read["selfeval.s1_execution_score"][0] is Status.HELD  # the table prints its own score


def test_a_fully_read_evaluation_still_holds():
    read = outcomes(evaluation())
    for rule_id in (*INDICATOR_RULES, *BUDGET_RULES, "selfeval.s10_total_parts", "selfeval.s10_grade_band"):
        assert read[rule_id][0] is Status.HELD, (rule_id, read[rule_id])


def test_a_printed_execution_rate_is_an_input_of_its_rule():
    se = evaluation()
    se = replace(se, budget_lines=(replace(se.budget_lines[0], reported_rate=None),))
    status, reason = outcomes(se)["selfeval.s1_execution_rate"]
    assert (status, reason) == (Status.NOT_APPLICABLE, "预算执行情况表未读到填报的执行率，无从核对")
