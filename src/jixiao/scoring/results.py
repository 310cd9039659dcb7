"""Result application 结果应用 (SPEC §6, rule A1): evaluation grade → next year's budget, and rectification 整改.

- `profile.results.actions` maps 优/良/中/差 to the budget action (central: 财预〔2020〕10号 — 优、良 根据情况予以支持,
  中、差 根据情况核减; Kunming, seed 003: 重点支持 / 督促改进 / 扣减不高于10% / 取消);
- `profile.results.max_cut_pct` gives the largest cut in % of the budget; a grade not listed has no fixed cap;
- a rectification is due `profile.results.rectification_months` after the unit receives the evaluation report,
  by calendar months (31 December + 2 months = the last day of February).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from jixiao.core.money import format_amount, format_number, round_half_up
from jixiao.core.profile import GRADE_NAMES, Profile, ProfileError
from jixiao.scoring.errors import raise_if
from jixiao.scoring.numbers import HUNDRED

ZERO = Decimal(0)


# ── grade → next year's budget ──────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class BudgetSuggestion:
    grade: str
    action: str  # from the profile, Chinese
    budget: Decimal  # the project's budget the cut is measured against (yuan)
    max_cut_pct: Decimal | None  # None: cut as appropriate, no fixed cap
    max_cut: Decimal | None  # largest cut in yuan, 2 dp
    min_budget: Decimal | None  # budget − max_cut

    @property
    def cancel(self) -> bool:
        return self.max_cut_pct == HUNDRED

    @property
    def message(self) -> str:
        head = f"评价等次“{self.grade}”：{self.action}"
        if self.max_cut_pct is None:
            return f"{head}（未规定扣减比例上限，由财政部门视情况确定）"
        if self.cancel:
            return f"{head}（本年预算 {format_amount(self.budget)} 元不再安排）"
        if self.max_cut_pct == 0 or self.max_cut is None:
            return head
        return (f"{head}；下年预算最多扣减 {format_amount(self.max_cut)} 元"
                f"（本年预算 {format_amount(self.budget)} 元 × {format_number(self.max_cut_pct, 2, whole=True)}%）")


def budget_suggestion(grade: str, budget: Decimal, profile: Profile) -> BudgetSuggestion:
    """What the profile's result table says for a project of `grade` with `budget` yuan."""
    problems: list[str] = []
    if grade not in GRADE_NAMES:
        problems.append(f"评价等次“{grade}”无效，应为优、良、中或差")
    if budget < 0:
        problems.append(f"预算金额 {format_number(budget, 2, whole=True)} 不能为负数")
    raise_if(problems)
    rules = profile.results
    action = rules.actions.get(grade)
    if action is None:
        raise ProfileError(f"配置项 results.actions 缺少等次“{grade}”")
    pct = rules.max_cut_pct.get(grade)
    if pct is not None and not ZERO <= pct <= HUNDRED:
        raise ProfileError(f"配置项 results.max_cut_pct 中“{grade}”的比例 {format_number(pct, 2, whole=True)} 应在0–100之间")
    max_cut = round_half_up(budget * pct / HUNDRED) if pct is not None else None
    return BudgetSuggestion(grade, action, budget, pct, max_cut, budget - max_cut if max_cut is not None else None)


def suggestion_for_score(total: Decimal, budget: Decimal, profile: Profile) -> BudgetSuggestion:
    """The suggestion for an evaluation total, graded by `profile.grades` (SPEC §1.6)."""
    raise_if([] if ZERO <= total <= HUNDRED else [f"评价得分 {format_number(total, 2, whole=True)} 应在0–100之间"])
    return budget_suggestion(profile.grades.grade(round_half_up(total)), budget, profile)


# ── rectification 整改 ───────────────────────────────────────────────────────────────────────────────────────


def add_months(day: date, months: int) -> date:
    """`day` plus whole calendar months; a day past the end of the target month becomes its last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def rectification_deadline(report_date: date, profile: Profile) -> date:
    """整改期限: the date the evaluation report was received plus the profile's months."""
    months = profile.results.rectification_months
    if months < 0:
        raise ProfileError(f"配置项 results.rectification_months 的值 {months} 不能为负数")
    return add_months(report_date, months)


class RectificationStatus(StrEnum):
    OPEN = "open"  # 整改中
    DONE = "done"  # 已完成
    OVERDUE = "overdue"  # 逾期未完成

    @property
    def label(self) -> str:
        return {"open": "整改中", "done": "已完成", "overdue": "逾期未完成"}[self.value]


@dataclass(frozen=True)
class RectificationItem:
    """A row of the findings list (问题清单) with its follow-up (SPEC §6.2)."""

    finding: str  # 问题描述
    unit: str  # 责任单位
    report_date: date  # 收到评价报告日期
    category: str = ""  # 项目立项 / 资金管理 / 业务管理 / 项目产出 / 项目效益 / 其他
    measures: str = ""  # 整改措施
    deadline: date | None = None  # 整改期限 when set explicitly; else report date + profile months
    completed_on: date | None = None  # 整改完成日期
    evidence: str = ""  # 佐证


@dataclass(frozen=True)
class RectificationState:
    item: RectificationItem
    as_of: date
    deadline: date
    status: RectificationStatus
    days_overdue: int  # days past the deadline while not done; 0 otherwise
    late: bool  # done, but after the deadline

    @property
    def message(self) -> str:
        head = f"{self.item.unit}：{self.item.finding}"
        if self.status is RectificationStatus.DONE:
            when = self.item.completed_on.isoformat() if self.item.completed_on else ""
            return f"{head}——已于 {when} 完成整改" + ("（超过整改期限）" if self.late else "")
        if self.status is RectificationStatus.OVERDUE:
            return f"{head}——整改期限 {self.deadline.isoformat()}，已逾期 {self.days_overdue} 天"
        return f"{head}——整改中，期限 {self.deadline.isoformat()}"


def rectification_state(item: RectificationItem, as_of: date, profile: Profile) -> RectificationState:
    """Status on `as_of`: done once completed (on or before `as_of`); overdue after the deadline day; else open."""
    problems: list[str] = []
    if item.deadline is not None and item.deadline < item.report_date:
        problems.append(f"“{item.finding}”的整改期限早于收到评价报告日期")
    if item.completed_on is not None and item.completed_on < item.report_date:
        problems.append(f"“{item.finding}”的整改完成日期早于收到评价报告日期")
    raise_if(problems)
    deadline = item.deadline if item.deadline is not None else rectification_deadline(item.report_date, profile)
    done = item.completed_on is not None and item.completed_on <= as_of
    if done:
        assert item.completed_on is not None
        return RectificationState(item, as_of, deadline, RectificationStatus.DONE, 0, item.completed_on > deadline)
    if as_of > deadline:
        return RectificationState(item, as_of, deadline, RectificationStatus.OVERDUE, (as_of - deadline).days, False)
    return RectificationState(item, as_of, deadline, RectificationStatus.OPEN, 0, False)


@dataclass(frozen=True)
class RectificationSummary:
    as_of: date
    states: tuple[RectificationState, ...]

    def count(self, status: RectificationStatus) -> int:
        return sum(1 for s in self.states if s.status is status)

    @property
    def overdue(self) -> tuple[RectificationState, ...]:
        return tuple(s for s in self.states if s.status is RectificationStatus.OVERDUE)

    @property
    def message(self) -> str:
        return (f"截至 {self.as_of.isoformat()}，整改事项{len(self.states)}项：已完成"
                f"{self.count(RectificationStatus.DONE)}项，整改中{self.count(RectificationStatus.OPEN)}项，"
                f"逾期未完成{self.count(RectificationStatus.OVERDUE)}项")


def rectification_summary(items: Iterable[RectificationItem], as_of: date, profile: Profile) -> RectificationSummary:
    return RectificationSummary(as_of, tuple(rectification_state(i, as_of, profile) for i in items))
