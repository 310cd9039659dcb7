"""结果应用 over JSON: next year's budget suggestions (finance confirms or overrides them with a reason) and the
rectification ledger with the rules' status (open, done, overdue) — the unit responds to its own items."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Schema
from pydantic import Field

from jixiao.api import api
from jixiao.api.common import ListQuery, cursor_page, errors, one
from jixiao.api.errors import forbidden
from jixiao.api.schemas import strict_amount
from jixiao.core.money import amount_rule
from jixiao.store.access import is_finance, owns
from jixiao.store.evaluation import (
    confirm_suggestion,
    rectification_state_of,
    respond,
    visible_rectifications,
)
from jixiao.store.models import BudgetSuggestion, RectificationItem
from jixiao.store.selectors import rectifications_of, suggestions_of, visible_suggestions

TAG = "结果应用与整改"
Confirmed = Annotated[Decimal, strict_amount(amount_rule("下年预算安排金额"))]


class SuggestionOut(Schema):
    id: int
    evaluation_id: int
    project_id: int
    project_name: str
    unit_name: str
    year: int
    grade: str
    action: str
    budget: Decimal
    max_cut: Decimal | None
    suggested: Decimal | None
    confirmed: Decimal | None
    override_reason: str


class SuggestionPage(Schema):
    items: list[SuggestionOut]
    next_cursor: str | None


def suggestion_out(s: BudgetSuggestion) -> dict[str, Any]:
    p = s.evaluation.project
    return {"id": s.pk, "evaluation_id": s.evaluation_id, "project_id": p.pk, "project_name": p.name,
            "unit_name": p.unit.name, "year": p.year, "grade": s.grade, "action": s.action, "budget": s.budget,
            "max_cut": s.max_cut, "suggested": s.suggested, "confirmed": s.confirmed,
            "override_reason": s.override_reason}


class SuggestionQuery(ListQuery):
    status: str | None = Field(None, pattern="^(pending|confirmed)$", description="pending 待确定、confirmed 已确定")


@api.get("/results/suggestions", response={200: SuggestionPage, **errors(422)}, tags=[TAG],
         summary="下年预算安排建议（分页）")
def list_suggestions(request: HttpRequest, params: Query[SuggestionQuery]):  # type: ignore[no-untyped-def]
    rows = suggestions_of(request.user, params.year, params.department, params.status)
    return cursor_page(rows, params.cursor, params.limit, suggestion_out)


class ConfirmIn(Schema):
    amount: Confirmed = Field(description="确定的下年预算安排金额（元）")
    reason: str = Field("", max_length=2000, description="与建议不同时须写明调整理由")


@api.post("/results/suggestions/{suggestion_id}/confirm", response={200: SuggestionOut, **errors(400, 403, 404, 422)},
          tags=[TAG], summary="确定下年预算安排（财政）")
def post_confirm(request: HttpRequest, suggestion_id: int, payload: ConfirmIn):  # type: ignore[no-untyped-def]
    suggestion: BudgetSuggestion = one(visible_suggestions(request.user), suggestion_id, "预算安排建议")
    if not is_finance(request.user):
        raise forbidden("只有财政部门可以确定下年预算安排")
    return suggestion_out(confirm_suggestion(suggestion, payload.amount, payload.reason, request.user))


class RectificationOut(Schema):
    id: int
    project_id: int
    project_name: str
    unit_name: str
    year: int
    source: str = Field(description="evaluation 评价发现的问题、warning 监控预警")
    category: str
    category_label: str
    description: str
    report_date: date
    deadline: date
    response: str
    evidence: str
    done_on: date | None
    closed_automatically: bool
    status: str = Field(description="open 整改中、done 已完成、overdue 逾期未完成（按 as_of 日期）")
    status_label: str
    days_overdue: int
    late: bool


class RectificationPage(Schema):
    items: list[RectificationOut]
    next_cursor: str | None


def rectification_out(item: RectificationItem, today: date) -> dict[str, Any]:
    state = rectification_state_of(item, today)
    p = item.project
    return {"id": item.pk, "project_id": p.pk, "project_name": p.name, "unit_name": p.unit.name, "year": p.year,
            "source": "warning" if item.warning_id else "evaluation", "category": item.category,
            "category_label": item.get_category_display(), "description": item.description,
            "report_date": item.report_date, "deadline": item.deadline, "response": item.response,
            "evidence": item.evidence, "done_on": item.done_on, "closed_automatically": item.closed_automatically,
            "status": state.status.value, "status_label": state.status.label, "days_overdue": state.days_overdue,
            "late": state.late}


class RectificationQuery(ListQuery):
    status: str | None = Field(None, pattern="^(open|done|overdue)$",
                               description="open 整改中、done 已完成、overdue 逾期未完成")
    as_of: date | None = Field(None, description="按哪一天判断是否逾期（默认今天）")


@api.get("/results/rectifications", response={200: RectificationPage, **errors(422)}, tags=[TAG],
         summary="整改事项台账（分页）")
def list_rectifications(request: HttpRequest, params: Query[RectificationQuery]):  # type: ignore[no-untyped-def]
    today = params.as_of or date.today()
    rows = rectifications_of(request.user, params.year, params.department)
    keep = None
    if params.status:
        status = params.status
        keep = lambda item: rectification_state_of(item, today).status.value == status  # noqa: E731
    return cursor_page(rows, params.cursor, params.limit, lambda item: rectification_out(item, today), keep)


class ResponseIn(Schema):
    response: str = Field("", max_length=5000, description="整改情况")
    evidence: str = Field("", max_length=300, description="佐证材料")
    done: bool = Field(False, description="是否已完成整改")


@api.post("/results/rectifications/{item_id}/response", response={200: RectificationOut, **errors(400, 403, 404, 422)},
          tags=[TAG], summary="填报整改情况（责任单位）")
def post_response(request: HttpRequest, item_id: int, payload: ResponseIn):  # type: ignore[no-untyped-def]
    item: RectificationItem = one(visible_rectifications(request.user), item_id, "整改事项")
    if not owns(request.user, item.project):
        raise forbidden("只有责任单位可以填报整改情况")
    return rectification_out(respond(item, payload.response, payload.evidence, payload.done, request.user), date.today())
