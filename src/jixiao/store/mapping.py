"""ORM rows ↔ core dataclasses: the only module that imports both."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.model import (
    BlockClaim,
    BudgetLine,
    FundLevel,
    Goal,
    Indicator,
    Project,
    Reported,
    SelfEvaluation,
    Unit,
)
from jixiao.core.provenance import Location
from jixiao.core.values import parse_value
from jixiao.store import models


def self_evaluation(project: models.Project, goal_statement: str | None = None,
                    rows: list[models.Indicator] | None = None) -> SelfEvaluation:
    """A stored project as the core model the scoring engine reads. `goal_statement` (the self-evaluation's
    全年目标实际完成情况) and the indicator `rows` when the caller has them, else read from the database."""
    indicators = tuple(
        Indicator(level1=i.level1, level2=i.level2, name=i.name, adjusted_target=parse_value(i.target),
                  actual=parse_value(i.actual) if i.actual else None, weight=i.weight, reported_score=i.reported_score,
                  deviation_reason=i.deviation_reason, location=Location(table="绩效指标", row=i.name))
        for i in (project.indicators.all() if rows is None else rows)
    )
    line = BudgetLine(source="合计", level=FundLevel.TOTAL, initial=project.initial_budget,
                      adjusted=project.adjusted_budget, executed=project.executed)
    unit = Unit(code=project.unit.code, name=project.unit.name, department_code=project.unit.department.code)
    if goal_statement is None:
        record = models.SelfEvaluationRecord.objects.filter(project=project).first()
        goal_statement = record.goal_statement if record else ""
    # the execution points the form established, as its budget-execution part prints them ('预算执行（15分）')
    points = project.execution_points
    claims = () if points is None else (BlockClaim("预算执行", full_marks=Decimal(points), score=None, rate=None,
                                                   location=Location(table="预算执行情况")),)
    return SelfEvaluation(project=Project(name=project.name, code=project.code, unit=unit), year=project.year,
                          budget_lines=(line,), goal=Goal(project.annual_goal, project.period_goal, indicators),
                          reported=Reported(total=project.reported_total, grade=project.reported_grade or None,
                                            goal_statement=goal_statement, block_claims=claims))


def decimal_or_none(value: Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value)
