"""The API contract (pydantic)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Schema
from pydantic import BeforeValidator, Field

from jixiao.core.money import NumberError, NumberRule, amount_rule, read_optional, score_rule


def _strict(rule: NumberRule) -> BeforeValidator:
    """A number through the one strict parser (as the forms read it): a JSON number or a string such as
    "1,234.50" or "12.5万元"; NaN, Infinity, exponents and trailing text refused with the Chinese message."""

    def read(value: Any) -> Decimal | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
            raise ValueError(f"{rule.label}须为数字")
        try:
            return read_optional(value if isinstance(value, str) else str(value), rule)
        except NumberError as exc:
            raise ValueError(str(exc)) from exc

    return BeforeValidator(read)


strict_amount = _strict  # for the other stages' schemas

ReviewScore = Annotated[Decimal | None, _strict(score_rule("评审得分"))]
CutAmount = Annotated[Decimal | None, _strict(amount_rule("审减金额"))]


class FundSourceOut(Schema):
    budget_type: str
    level: str
    amount: Decimal


class ProjectOut(Schema):
    id: int
    code: str
    name: str
    year: int
    unit_code: str
    unit_name: str
    project_type: str
    status: str
    status_label: str
    review_round: int
    initial_budget: Decimal
    adjusted_budget: Decimal
    approved_budget: Decimal | None  # 批复金额 = 全年预算数 − 审减, once finance approved the goal
    executed: Decimal
    version: int


class ProjectDetailOut(ProjectOut):
    annual_goal: str
    period_goal: str
    fund_sources: list[FundSourceOut]


class IndicatorIn(Schema):
    level1: str = Field(max_length=20)
    level2: str = Field(max_length=40)
    name: str = Field(max_length=200)
    operator: str = Field("", max_length=4)
    value: str = Field("", max_length=90)
    unit: str = Field("", max_length=20)
    weight: str = Field("", max_length=12)


class IndicatorOut(IndicatorIn):
    target: str


class FindingOut(Schema):
    rule: str
    tier: str
    message: str


class GoalOut(Schema):
    annual_goal: str
    period_goal: str
    indicators: list[IndicatorOut]
    weight_total: Decimal
    findings: list[FindingOut]
    version: int


class GoalIn(Schema):
    annual_goal: str = Field("", max_length=5000)
    period_goal: str = Field("", max_length=5000)
    indicators: list[IndicatorIn] = Field(default_factory=list, max_length=200)
    version: int


class ActionIn(Schema):
    action: str = Field(pattern="^(submit|approve|return)$")
    version: int
    comment: str = Field("", max_length=5000)
    score: ReviewScore = None
    cut_amount: CutAmount = Decimal(0)
    indicator_comments: dict[str, str] = Field(default_factory=dict)


class ReviewOut(Schema):
    round: int
    stage: str
    reviewer: str
    action: str
    score: Decimal | None
    grade: str
    cut_amount: Decimal
    comment: str
    created_at: datetime


class TransitionOut(Schema):
    round: int
    source: str
    target: str
    actor: str
    comment: str
    at: datetime


class ReviewsOut(Schema):
    reviews: list[ReviewOut]
    transitions: list[TransitionOut]

