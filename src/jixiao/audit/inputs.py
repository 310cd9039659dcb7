"""What a self-evaluation or goal rule reads, and whether it was read.

A rule whose inputs were not read has checked nothing: it must end as not applicable with the reason, never as
held (no silent pass). Each function takes the rule's subject (core.model.SelfEvaluation or
audit.subjects.GoalSubject) and returns the reason in Chinese when its input is missing, else None. `needs`
combines them into a rule's `applies`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jixiao.core.levelwords import FRAME_LEVEL1

Need = Callable[[Any], "str | None"]


def indicators(subject: Any) -> str | None:
    """The indicator table: at least one indicator row read."""
    goal = subject.goal
    if goal.indicators:
        return None
    why = f"（{goal.incomplete}）" if goal.incomplete else ""
    return f"未读到绩效指标表的指标行{why}，无从核对"


def targets(subject: Any) -> str | None:
    """The indicator rows' targets, told apart from their actuals by the columns of a header read whole."""
    if reason := indicators(subject):
        return reason
    if subject.goal.targets_by_kind:
        return "绩效指标表的指标值与实际完成值只由格子的类型分出（表头未读全，或格子连在一起），不据以判断指标值的写法"
    return None


def budget(subject: Any) -> str | None:
    """The budget-execution table: at least one fund row read."""
    return None if subject.budget_lines else "未读到预算执行情况表的资金行，无从核对"


def carryover(subject: Any) -> str | None:
    """The 结转结余 column of the budget-execution table."""
    if reason := budget(subject):
        return reason
    if any(line.carryover is not None for line in subject.budget_lines):
        return None
    return "预算执行情况表未读到结转结余列，无从核对"


def execution_rate(subject: Any) -> str | None:
    """The 执行率 the form prints in its budget-execution table."""
    if any(line.reported_rate is not None for line in subject.budget_lines):
        return None
    return "预算执行情况表未读到填报的执行率，无从核对"


def execution_score(subject: Any) -> str | None:
    """The budget-execution score the form prints (in its table or in the report's totals)."""
    if subject.reported.execution_score is not None or any(
            line.reported_score is not None for line in subject.budget_lines):
        return None
    return "未读到填报的预算执行得分，无从核对"


def statements(subject: Any) -> str | None:
    """The report's text: at least one paragraph read."""
    return None if subject.reported.statements else "未读到自评报告正文，无从核对"


def block_claims(subject: Any) -> str | None:
    """Sentences giving a 一级 block's full marks or score ('产出指标满分50分，得分48分')."""
    if any(c.block in FRAME_LEVEL1 for c in subject.reported.block_claims):
        return None
    return "正文未写各一级指标的满分、得分，无从核对"


def form_total(subject: Any) -> str | None:
    """The 总分 row of the form with its score, or the total its text states (FormTotal.stated) when the total can
    be computed (SelfEvaluation.total_gap)."""
    total = subject.reported.form_total
    if total is not None and total.stated and subject.total_gap:
        return f"{subject.total_gap}，填报总分照录，未核对"
    if total is not None:
        return None
    return "自评表未印总分行，或总分行的得分未读到，正文也未单独写出自评总分，无从核对"


def goal_statement(subject: Any) -> str | None:
    return None if subject.reported.goal_statement else "未读到“全年目标实际完成情况”的文字，无从核对"


def _reported(*fields: tuple[str, str]) -> Need:
    """Figures the unit reported (Reported.total, .grade, …): each named in the reason when missing."""

    def need(subject: Any) -> str | None:
        missing = [label for name, label in fields if getattr(subject.reported, name) in (None, "")]
        return f"未读到填报的{'、'.join(missing)}，无从核对" if missing else None

    return need


TOTAL = ("total", "总分")
GRADE = ("grade", "等级")
EXECUTION_SCORE = ("execution_score", "预算执行得分")
INDICATOR_SCORE = ("indicator_score", "指标得分")
total_parts = _reported(TOTAL, EXECUTION_SCORE, INDICATOR_SCORE)
grade_band = _reported(TOTAL, GRADE)
indicator_score = _reported(INDICATOR_SCORE)
grade = _reported(GRADE)


def needs(*checks: Need) -> Need:
    """One `applies` from several inputs: the reason of the first that is missing."""

    def applies(subject: Any) -> str | None:
        return next((reason for check in checks if (reason := check(subject))), None)

    return applies
