"""Goal review (绩效目标审核): the states a project's goal passes through and who may move it (SPEC §3.5).

A unit drafts and submits; its department reviews (一审 of each round), then finance reviews and scores; either
may return the goal for revision, which starts the next round when the unit resubmits. Finance approves (优/良)
or, for 差, refuses budget arrangement. Pure: the store records each transition, this module decides them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    DEPARTMENT_REVIEW = "department_review"
    FINANCE_REVIEW = "finance_review"
    RETURNED = "returned"
    APPROVED = "approved"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.DRAFT: "草稿",
    Status.DEPARTMENT_REVIEW: "待主管部门审核",
    Status.FINANCE_REVIEW: "待财政审核",
    Status.RETURNED: "已退回修改",
    Status.APPROVED: "已批复",
    Status.REJECTED: "不予安排预算",
}

EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})


class Action(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"

    @property
    def label(self) -> str:
        return {"submit": "提交审核", "approve": "审核通过", "return": "退回修改"}[self.value]


@dataclass(frozen=True)
class Move:
    """One allowed transition: who (role) may do what from which status, and where it leads."""

    role: str
    action: Action
    source: Status
    target: Status


MOVES = (
    Move("unit", Action.SUBMIT, Status.DRAFT, Status.DEPARTMENT_REVIEW),
    Move("unit", Action.SUBMIT, Status.RETURNED, Status.DEPARTMENT_REVIEW),
    Move("department", Action.APPROVE, Status.DEPARTMENT_REVIEW, Status.FINANCE_REVIEW),
    Move("department", Action.RETURN, Status.DEPARTMENT_REVIEW, Status.RETURNED),
    Move("finance", Action.APPROVE, Status.FINANCE_REVIEW, Status.APPROVED),
    Move("finance", Action.RETURN, Status.FINANCE_REVIEW, Status.RETURNED),
)


class WorkflowError(ValueError):
    """A refused transition; the message is for the user (Chinese)."""


def allowed_actions(role: str, status: Status) -> list[Action]:
    return [m.action for m in MOVES if m.role == role and m.source == status]


def next_status(role: str, status: Status, action: Action, grade: str | None = None) -> Status:
    """Where `action` by `role` leads from `status`; finance's grade decides approve vs reject (SPEC §3.5):
    优/良 may be approved, 中 must be returned for revision, 差 is refused budget arrangement."""
    move = next((m for m in MOVES if m.role == role and m.source == status and m.action == action), None)
    if move is None:
        raise WorkflowError(f"当前状态“{status.label}”下不能执行“{action.label}”")
    if role == "finance" and action == Action.APPROVE:
        if grade is None:
            raise WorkflowError("财政审核通过前须先评分")
        if grade == "中":
            raise WorkflowError("评审等级为“中”的绩效目标须退回单位修改后重新报送（SPEC §3.5）")
        if grade == "差":
            return Status.REJECTED
    return move.target
