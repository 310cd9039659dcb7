"""双监控 over JSON: a project's periods and reports, a period's report written by the owning unit (with the live
warning preview the page shows as the unit types), the warnings across projects, and finance's corrective
actions and rectification orders."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Schema
from pydantic import Field

from jixiao.api import api
from jixiao.api.common import ListQuery, cursor_page, errors, one, visible_project
from jixiao.api.errors import forbidden, not_found
from jixiao.api.schemas import strict_amount
from jixiao.core.money import amount_rule
from jixiao.scoring.monitoring import MonitoringResult, periods_of_year
from jixiao.store.access import (
    can_report_monitoring,
    is_finance,
    profile_of,
    sees_warning_board,
)
from jixiao.store.errors import ServiceError
from jixiao.store.lifecycle_models import CORRECTIONS, DEVIATION_REASONS, LIKELIHOOD
from jixiao.store.models import MonitoringWarning, Project
from jixiao.store.monitoring import (
    IndicatorEntry,
    ensure_fund_sources,
    evaluate_period,
    open_rectification_for_warning,
    record_action,
    report_period,
)
from jixiao.store.selectors import (
    actions_of,
    fresh,
    monitoring_report,
    monitoring_reports,
    project_warnings,
    visible_warnings,
    warnings_of,
)

TAG = "双监控"
Amount = Annotated[Decimal, strict_amount(amount_rule("执行数"))]
OptionalAmount = Annotated[Decimal | None, strict_amount(amount_rule("纠偏措施金额"))]


class FundIn(Schema):
    fund_source_id: int = Field(description="资金来源编号（见读取接口的 funds）")
    executed: Amount = Field(description="截至期末执行数（元）")


class IndicatorEntryIn(Schema):
    indicator_id: int
    progress: str = Field("", max_length=50, description="截至期末完成值")
    expected: str = Field("", max_length=50, description="全年预计完成值")
    likelihood: str = Field("certain", pattern="^(certain|possible|impossible)$",
                            description="完成可能性：" + "、".join(f"{k} {v}" for k, v in LIKELIHOOD))
    deviation_reason: str = Field("", pattern="^(|funding|policy|staff|hardware|other)$",
                                  description="偏差原因：" + "、".join(f"{k} {v}" for k, v in DEVIATION_REASONS if k))
    measures: str = Field("", max_length=2000, description="纠偏措施")


class MonitoringIn(Schema):
    funds: list[FundIn] = Field(default_factory=list, max_length=50)
    indicators: list[IndicatorEntryIn] = Field(default_factory=list, max_length=200)


class WarningPreviewOut(Schema):
    kind: str
    kind_label: str
    colour: str
    indicator: str
    message: str


class PreviewOut(Schema):
    period_label: str
    time_progress: Decimal
    executed: Decimal
    execution_rate: Decimal | None
    goal_progress: Decimal | None
    status: str = Field(description="最严重的预警颜色；无预警时为 green")
    warnings: list[WarningPreviewOut]


class WarningOut(Schema):
    id: int
    project_id: int
    project_name: str
    unit_name: str
    kind: str
    kind_label: str
    indicator: str
    colour: str
    message: str
    raised_period: int
    latest_period: int
    cleared_period: int | None
    cleared_reason: str


class FundOut(Schema):
    fund_source_id: int
    budget_type: str
    amount: Decimal
    executed: Decimal | None


class IndicatorReportOut(Schema):
    indicator_id: int
    name: str
    target: str
    progress: str
    expected: str
    likelihood: str
    deviation_reason: str
    measures: str


class ReportOut(Schema):
    project_id: int
    period: int
    period_label: str
    can_report: bool
    reported: bool
    time_progress: Decimal | None
    execution_rate: Decimal | None
    goal_progress: Decimal | None
    submitted_at: datetime | None
    funds: list[FundOut]
    indicators: list[IndicatorReportOut]
    warnings: list[WarningOut]


class PeriodOut(Schema):
    period: int
    period_label: str
    reported: bool
    execution_rate: Decimal | None
    goal_progress: Decimal | None


class PeriodsOut(Schema):
    project_id: int
    can_report: bool
    periods: list[PeriodOut]
    warnings: list[WarningOut]


def warning_out(w: MonitoringWarning) -> dict[str, Any]:
    return {"id": w.pk, "project_id": w.project_id, "project_name": w.project.name, "unit_name": w.project.unit.name,
            "kind": w.kind, "kind_label": w.kind_label, "indicator": w.indicator_name, "colour": w.colour,
            "message": w.message, "raised_period": w.raised_period, "latest_period": w.latest_period,
            "cleared_period": w.cleared_period, "cleared_reason": w.cleared_reason}


def _period(project: Project, period: int) -> str:
    label = {p.index: p.label for p in periods_of_year(project.year, profile_of(project))}.get(period)
    if label is None:
        raise not_found(f"监控期次 {period} 不在本年度的监控期内")
    return label


def _report_out(request: HttpRequest, project: Project, period: int) -> dict[str, Any]:
    label = _period(project, period)
    report = monitoring_report(project, period)
    filled = {f.fund_source_id: f.executed for f in report.funds.all()} if report else {}
    entries = {m.indicator_id: m for m in report.indicators.all()} if report else {}
    empty = IndicatorEntry(0)
    return {
        "project_id": project.pk, "period": period, "period_label": report.period_label if report else label,
        "can_report": can_report_monitoring(request.user, project), "reported": report is not None,
        "time_progress": report.time_progress if report else None,
        "execution_rate": report.execution_rate if report else None,
        "goal_progress": report.goal_progress if report else None,
        "submitted_at": report.submitted_at if report else None,
        "funds": [{"fund_source_id": f.pk, "budget_type": f.get_budget_type_display(), "amount": f.amount,
                   "executed": filled.get(f.pk)} for f in project.fund_sources.all()],
        "indicators": [{"indicator_id": i.pk, "name": i.name, "target": i.target,
                        **{k: getattr(entries.get(i.pk, empty), k) for k in (
                            "progress", "expected", "likelihood", "deviation_reason", "measures")}}
                       for i in project.indicators.all()],
        "warnings": [warning_out(w) for w in project_warnings(project)]}


def _entries(project: Project, payload: MonitoringIn) -> tuple[dict[int, Decimal], dict[int, IndicatorEntry]]:
    """The posted figures, checked as the page checks them: known lines and indicators, no line overspent."""
    funds = {f.pk: f for f in ensure_fund_sources(project)}
    indicators = {i.pk: i for i in project.indicators.all()}
    executed: dict[int, Decimal] = {}
    for row in payload.funds:
        fund = funds.get(row.fund_source_id)
        if fund is None:
            raise ServiceError(f"资金来源 {row.fund_source_id} 不属于本项目")
        if fund.amount > 0 and row.executed > fund.amount:
            raise ServiceError(f"{fund.get_budget_type_display()}执行数 {row.executed} 元超过该资金来源的 "
                               f"{fund.amount} 元")
        executed[fund.pk] = row.executed
    entries = {}
    for e in payload.indicators:
        if e.indicator_id not in indicators:
            raise ServiceError(f"指标 {e.indicator_id} 不属于本项目")
        entries[e.indicator_id] = IndicatorEntry(e.indicator_id, e.progress.strip(), e.expected.strip(),
                                                 e.likelihood, e.deviation_reason, e.measures)
    return executed, entries


def _reporter(request: HttpRequest, project_id: int, period: int) -> Project:
    project = visible_project(request, project_id)
    _period(project, period)
    if not can_report_monitoring(request.user, project):
        raise forbidden("只有项目所属单位可以在目标批复后填报监控数据")
    return project


def _preview_out(result: MonitoringResult) -> dict[str, Any]:
    return {"period_label": result.data.period.label, "time_progress": result.time_progress,
            "executed": result.executed, "execution_rate": result.execution_rate,
            "goal_progress": result.goal_progress, "status": result.status.value,
            "warnings": [{"kind": w.kind.value, "kind_label": w.kind.label, "colour": w.colour.value,
                          "indicator": w.indicator, "message": w.message} for w in result.warnings]}


@api.get("/projects/{project_id}/monitoring", response={200: PeriodsOut, **errors(404)}, tags=[TAG],
         summary="项目的监控期次、各期填报情况与预警")
def list_periods(request: HttpRequest, project_id: int):  # type: ignore[no-untyped-def]
    project = visible_project(request, project_id)
    reports = monitoring_reports(project)
    return {"project_id": project.pk, "can_report": can_report_monitoring(request.user, project),
            "periods": [{"period": p.index, "period_label": p.label, "reported": p.index in reports,
                         "execution_rate": reports[p.index].execution_rate if p.index in reports else None,
                         "goal_progress": reports[p.index].goal_progress if p.index in reports else None}
                        for p in periods_of_year(project.year, profile_of(project))],
            "warnings": [warning_out(w) for w in project_warnings(project)]}


@api.get("/projects/{project_id}/monitoring/{period}", response={200: ReportOut, **errors(404)}, tags=[TAG],
         summary="某一期的监控数据")
def get_report(request: HttpRequest, project_id: int, period: int):  # type: ignore[no-untyped-def]
    project = visible_project(request, project_id)
    if can_report_monitoring(request.user, project):  # as the page: the reporter gets a line to report against
        ensure_fund_sources(project)
    return _report_out(request, project, period)


@api.put("/projects/{project_id}/monitoring/{period}", response={200: ReportOut, **errors(400, 403, 404, 422)},
         tags=[TAG], summary="填报某一期的监控数据（覆盖该期已填数据，重新计算预警）")
def put_report(request: HttpRequest, project_id: int, period: int, payload: MonitoringIn):  # type: ignore[no-untyped-def]
    project = _reporter(request, project_id, period)
    executed, entries = _entries(project, payload)
    report_period(project, period, executed, entries, request.user, profile_of(project))
    return _report_out(request, fresh(project), period)


@api.post("/projects/{project_id}/monitoring/{period}/preview", response={200: PreviewOut, **errors(400, 403, 404, 422)},
          tags=[TAG], summary="预览监控数据将触发的预警（不保存）")
def preview_report(request: HttpRequest, project_id: int, period: int, payload: MonitoringIn):  # type: ignore[no-untyped-def]
    project = _reporter(request, project_id, period)
    executed, entries = _entries(project, payload)
    return _preview_out(evaluate_period(project, period, executed, entries, profile_of(project)))


class WarningQuery(ListQuery):
    status: str | None = Field(None, pattern="^(open|cleared)$", description="open 未解除、cleared 已解除")
    colour: str | None = Field(None, pattern="^(red|yellow|green|blue)$", description="预警颜色")


class WarningPage(Schema):
    items: list[WarningOut]
    next_cursor: str | None


def _board(request: HttpRequest) -> None:
    if not sees_warning_board(request.user):
        raise forbidden("只有财政、主管部门和管理员可以查看预警看板；单位在项目的监控接口查看本项目的预警")


@api.get("/warnings", response={200: WarningPage, **errors(403, 422)}, tags=[TAG], summary="预警看板（分页）")
def list_warnings(request: HttpRequest, params: Query[WarningQuery]):  # type: ignore[no-untyped-def]
    _board(request)
    rows = warnings_of(request.user, params.year, params.department, params.status, params.colour)
    return cursor_page(rows, params.cursor, params.limit, warning_out)


class ActionIn(Schema):
    kind: str = Field(pattern="^(urge|budget_cut|recall|payment_hold|goal_adjustment)$",
                      description="措施：" + "、".join(f"{k} {v}" for k, v in CORRECTIONS))
    amount: OptionalAmount = Field(None, description="金额（元）；调减、收回、暂缓拨款须填写")
    note: str = Field("", max_length=2000)
    initiator: str = Field("finance", pattern="^(finance|unit)$", description="finance 财政、unit 单位主动申请")


class ActionOut(Schema):
    id: int
    project_id: int
    project_name: str
    warning_id: int | None
    kind: str
    kind_label: str
    initiator: str
    amount: Decimal | None
    note: str
    actor: str
    at: datetime


def action_out(a: Any) -> dict[str, Any]:
    return {"id": a.pk, "project_id": a.project_id, "project_name": a.project.name, "warning_id": a.warning_id,
            "kind": a.kind, "kind_label": a.get_kind_display(), "initiator": a.initiator, "amount": a.amount,
            "note": a.note, "actor": a.actor.username, "at": a.at}


def _finance_warning(request: HttpRequest, warning_id: int, what: str) -> MonitoringWarning:
    warning: MonitoringWarning = one(visible_warnings(request.user), warning_id, "预警")
    if not is_finance(request.user):
        raise forbidden(f"只有财政部门可以{what}")
    return warning


@api.post("/warnings/{warning_id}/actions", response={200: ActionOut, **errors(400, 403, 404, 422)}, tags=[TAG],
          summary="对预警记录纠偏措施（财政）")
def post_action(request: HttpRequest, warning_id: int, payload: ActionIn):  # type: ignore[no-untyped-def]
    warning = _finance_warning(request, warning_id, "记录纠偏措施")
    action = record_action(warning.project, payload.kind, payload.amount, payload.note, payload.initiator,
                           request.user, warning)
    return action_out(action)


class RectificationOrderOut(Schema):
    id: int
    description: str
    deadline: date


@api.post("/warnings/{warning_id}/rectification", response={200: RectificationOrderOut, **errors(403, 404)},
          tags=[TAG], summary="就预警下达整改（财政；预警解除时自动关闭）")
def post_rectification(request: HttpRequest, warning_id: int):  # type: ignore[no-untyped-def]
    warning = _finance_warning(request, warning_id, "下达整改")
    item = open_rectification_for_warning(warning, profile_of(warning.project), date.today())
    return {"id": item.pk, "description": item.description, "deadline": item.deadline}


class ActionPage(Schema):
    items: list[ActionOut]
    next_cursor: str | None


@api.get("/corrective-actions", response={200: ActionPage, **errors(403, 422)}, tags=[TAG],
         summary="纠偏措施记录（分页）")
def list_actions(request: HttpRequest, params: Query[ListQuery]):  # type: ignore[no-untyped-def]
    _board(request)
    return cursor_page(actions_of(request.user, params.year, params.department), params.cursor, params.limit, action_out)
