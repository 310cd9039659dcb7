"""预算绩效管理工作开展情况 (seed 003) as records, and every figure such a summary states derived from them.

A summary states counts, sums, averages, grade counts, score bands and 审减率; here they are computed from the
records of the year (one record per assessed project, reviewed goal, monitoring action, evaluation), never
typed. Amounts are Decimal yuan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from jixiao.core.money import round_half_up
from jixiao.core.profile import Grades

ZERO = Decimal(0)
GRADES = ("优", "良", "中", "差")


class MonitoringAction(StrEnum):
    """Corrections after monitoring (纠偏)."""

    BUDGET_CUT = "budget_cut"  # 部门主动申请调减
    RECALL = "recall"  # 财政集中收回
    PAYMENT_HOLD = "payment_hold"  # 暂缓拨款

    @property
    def label(self) -> str:
        return {"budget_cut": "部门主动申请调减", "recall": "财政集中收回", "payment_hold": "暂缓拨款"}[self.value]


class EvaluationScope(StrEnum):
    PROJECT = "project"  # 项目支出
    DEPARTMENT = "department"  # 部门整体支出


@dataclass(frozen=True)
class ExAnteRecord:
    """One project's 事前绩效评估: total investment, the amount requested, the amount proposed, the score."""

    project: str
    unit: str
    investment: Decimal
    requested: Decimal
    approved: Decimal
    score: Decimal


@dataclass(frozen=True)
class BudgetRequest:
    """A unit's 基本支出 request in the goal review: requested and proposed amounts."""

    unit: str
    requested: Decimal
    approved: Decimal


@dataclass(frozen=True)
class GoalReviewRecord:
    """One project's goal review (绩效目标审核): amounts and the score of each review round (一审, 二审 …)."""

    project: str
    unit: str
    requested: Decimal
    approved: Decimal
    scores: tuple[Decimal, ...]


@dataclass(frozen=True)
class DepartmentGoal:
    """A department-wide goal (部门整体支出绩效目标) and its review score."""

    department: str
    score: Decimal


@dataclass(frozen=True)
class MonitoringRecord:
    project: str
    unit: str
    action: MonitoringAction
    amount: Decimal


@dataclass(frozen=True)
class EvaluationRecord:
    """A key evaluation (财政重点评价) of a project or a whole department: the amount evaluated and the score."""

    name: str
    scope: EvaluationScope
    amount: Decimal
    score: Decimal


@dataclass(frozen=True)
class SelfEvaluationRecord:
    project: str
    amount: Decimal
    score: Decimal


@dataclass(frozen=True)
class WorkSummaryFacts:
    """Everything a jurisdiction's yearly 预算绩效管理工作开展情况 is written from."""

    jurisdiction: str
    year: int
    ex_ante: tuple[ExAnteRecord, ...] = ()
    basic_requests: tuple[BudgetRequest, ...] = ()
    goal_reviews: tuple[GoalReviewRecord, ...] = ()
    department_goals: tuple[DepartmentGoal, ...] = ()
    monitoring: tuple[MonitoringRecord, ...] = ()
    evaluations: tuple[EvaluationRecord, ...] = ()
    self_evaluations: tuple[SelfEvaluationRecord, ...] = ()
    groundwork: str = ""  # 基础工作 (制度建设、指标体系建设、业务培训) as written; its section is left out while empty


@dataclass(frozen=True)
class Cut:
    """审减: what was requested, what was proposed, the difference and 审减率 (%, 2 dp)."""

    requested: Decimal
    approved: Decimal

    @property
    def amount(self) -> Decimal:
        return self.requested - self.approved

    @property
    def rate(self) -> Decimal | None:
        return round_half_up(self.amount / self.requested * 100) if self.requested else None


def cut_of(records: Iterable[ExAnteRecord | BudgetRequest | GoalReviewRecord]) -> Cut:
    items = list(records)
    return Cut(sum((r.requested for r in items), ZERO), sum((r.approved for r in items), ZERO))


def average(scores: Sequence[Decimal]) -> Decimal | None:
    """Mean score, 2 dp; None for no scores."""
    return round_half_up(sum(scores, ZERO) / len(scores)) if scores else None


def grade_counts(scores: Iterable[Decimal], grades: Grades) -> dict[str, int]:
    """How many scores fall in each grade, in the order 优 良 中 差 (every grade present, zero included)."""
    counts = dict.fromkeys(GRADES, 0)
    for score in scores:
        counts[grades.grade(round_half_up(score))] += 1
    return counts


def round_scores(reviews: Sequence[GoalReviewRecord], round_index: int) -> list[Decimal]:
    """The scores of one review round (0 = 一审) for the projects that went through it."""
    return [r.scores[round_index] for r in reviews if len(r.scores) > round_index]


def rounds(reviews: Sequence[GoalReviewRecord]) -> int:
    return max((len(r.scores) for r in reviews), default=0)


def monitoring_totals(records: Iterable[MonitoringRecord]) -> dict[MonitoringAction, tuple[int, Decimal]]:
    """Per correction: how many projects and how much money."""
    totals = {action: (0, ZERO) for action in MonitoringAction}
    for record in records:
        count, amount = totals[record.action]
        totals[record.action] = (count + 1, amount + record.amount)
    return totals
