"""双监控 pages: the unit's period report (with the warnings the figures raise, previewed as it types) and the
finance warning board across units, where actions are recorded and cleared warnings shown."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode

from jixiao.scoring.monitoring import periods_of_year
from jixiao.store.access import (
    account_of,
    can_report_monitoring,
    is_finance,
    profile_of,
    sees_warning_board,
)
from jixiao.store.errors import ServiceError
from jixiao.store.lifecycle_models import CORRECTIONS, DEVIATION_REASONS, LIKELIHOOD
from jixiao.store.models import CorrectiveAction, MonitoringFund, MonitoringIndicator, Project
from jixiao.store.monitoring import (
    IndicatorEntry,
    ensure_fund_sources,
    evaluate_period,
    open_rectification_for_warning,
    record_action,
    report_period,
    totals,
)
from jixiao.store.paging import page_of
from jixiao.store.selectors import (
    board_open_warnings,
    monitoring_report,
    projects_with,
    recent_actions,
    visible_actions,
    visible_warnings,
    warning_board_rows,
)
from jixiao.store.summaries import correction_totals_of, scope_summary
from jixiao.web.charts import CHART_PROJECTS, WARNING_COLOURS, Slice, interactive_chart
from jixiao.web.fields import number, rule_for, text, whole
from jixiao.web.scope_figures import scope_figures, when
from jixiao.web.views.common import page, post_only, refuse

COLOUR_LABELS = {"red": "红色", "yellow": "黄色", "green": "绿色", "blue": "蓝色"}
BOARD_ROWS = 50  # warnings per page of the board


def _posted(request: HttpRequest, project: Project) -> tuple[dict[int, Decimal], dict[int, IndicatorEntry]]:
    executed = {}
    for fund in project.fund_sources.all():
        rule = rule_for(MonitoringFund, "executed", f"{fund.get_budget_type_display()}执行数")
        if fund.amount > 0:  # no more can be spent than the line holds
            rule = replace(rule, high=fund.amount)
        executed[fund.pk] = number(request.POST, f"executed_{fund.pk}", rule, Decimal(0)) or Decimal(0)
    entries = {i.pk: IndicatorEntry(i.pk, text(request.POST, f"progress_{i.pk}", MonitoringIndicator, "progress",
                                               f"“{i.name}”的截至期末完成值"),
                                    text(request.POST, f"expected_{i.pk}", MonitoringIndicator, "expected",
                                         f"“{i.name}”的全年预计完成值"),
                                    request.POST.get(f"likelihood_{i.pk}", "certain"),
                                    request.POST.get(f"reason_{i.pk}", ""), request.POST.get(f"measures_{i.pk}", ""))
               for i in project.indicators.all()}
    return executed, entries


@login_required
def monitoring_entry(request: HttpRequest, pk: int, period: int) -> HttpResponse:
    # fund lines and indicators read once: the form, the posted figures, the preview and the page all use them
    project = get_object_or_404(projects_with(request.user, "fund_sources", "indicators"), pk=pk)
    profile = profile_of(project)
    periods = periods_of_year(project.year, profile)
    if period not in [p.index for p in periods]:
        return refuse(request, "监控期次无效。", status=404)
    can_report = can_report_monitoring(request.user, project)
    if request.method == "POST" and not can_report:
        return refuse(request, "只有项目所属单位可以在目标批复后填报监控数据。", status=403)
    ensure_fund_sources(project)
    errors: list[str] = []
    result = None
    if request.method == "POST":
        try:
            executed, entries = _posted(request, project)
            if request.POST.get("action") == "preview" or request.htmx:
                result = evaluate_period(project, period, executed, entries, profile)
            else:
                report_period(project, period, executed, entries, request.user, profile)
                messages.success(request, "监控数据已保存。")
                return redirect("monitoring_entry", pk=pk, period=period)
        except ServiceError as exc:
            errors.append(str(exc))
        if request.htmx:
            return page(request, "web/partials/monitoring_preview.html", {"result": result, "errors": errors})
    report = monitoring_report(project, period)
    filled = {f.fund_source_id: f.executed for f in report.funds.all()} if report else {}
    entries_by_id = {m.indicator_id: m for m in report.indicators.all()} if report else {}
    return page(request, "web/monitoring_entry.html", {
        "project": project, "period": period, "periods": periods, "report": report, "can_report": can_report,
        "funds": [(f, filled.get(f.pk, "")) for f in project.fund_sources.all()],
        "indicators": [(i, entries_by_id.get(i.pk)) for i in project.indicators.all()],
        "likelihoods": LIKELIHOOD, "reasons": DEVIATION_REASONS, "result": result, "errors": errors,
        "warnings": project.warnings.all()}, status=400 if errors else 200)


def _board_summary(user: Any) -> dict[str, Any]:
    """The board's chart, counts and totals over every warning and action `user` sees: from the summary of its
    department, jurisdiction or everything (jixiao.store.summaries), else read here."""
    summary = scope_summary(account_of(user), "board")
    if summary is not None:
        found: Any = summary.warnings
        listed = {c: [(r.project, r.project_id, r.period, r.note) for r in rows[:CHART_PROJECTS]]
                  for c, rows in summary.board.items()}
        corrections = correction_totals_of(summary)
    else:
        found, warnings = board_open_warnings(user, CHART_PROJECTS)
        listed = {c: [(w.project.name, w.project_id, w.latest_period, w.kind_label) for w in rows]
                  for c, rows in warnings.items()}
        corrections = totals(visible_actions(user))
    counts = {c: found.get(c, 0) for c in COLOUR_LABELS}
    slices = [Slice(COLOUR_LABELS[c], n, WARNING_COLOURS[c], tuple(
        (name, reverse("monitoring_entry", args=[pk, period]), note) for name, pk, period, note in listed.get(c, [])))
        for c, n in counts.items()]
    return {"counts": counts, "chart": interactive_chart("warnings", "未解除预警（按颜色）", slices, unit="条",
                                                         listed=CHART_PROJECTS),
            "totals": corrections}


@login_required
def warning_board(request: HttpRequest) -> HttpResponse:
    """Finance (and departments) see every warning in scope, open and cleared, and the actions taken."""
    if not sees_warning_board(request.user):
        return refuse(request, "只有财政、主管部门和管理员可以查看预警看板。", status=403)
    colour = request.GET.get("colour", "")
    colour = colour if colour in COLOUR_LABELS else ""
    state = request.GET.get("state", "open")
    user, number = request.user, whole(request.GET.get("page"), 1)
    summary = scope_figures("warning-board", user, lambda: _board_summary(user))
    listed = scope_figures("warning-rows", user, lambda: {  # the page of rows asked for, and the latest actions
        "rows": page_of(warning_board_rows(user, colour or None, state), number, BOARD_ROWS),
        "actions": recent_actions(user, 50)}, colour, state if state in ("open", "cleared") else "", number)
    return page(request, "web/warning_board.html", {
        **summary.value, **listed.value, **when(summary, listed),
        "keep": urlencode({"colour": colour, "state": state}),
        "colour": colour, "state": state, "corrections": CORRECTIONS,
        "colour_labels": COLOUR_LABELS})


@login_required
@post_only
def warning_act(request: HttpRequest, pk: int) -> HttpResponse:
    warning = get_object_or_404(visible_warnings(request.user), pk=pk)
    try:
        if request.POST.get("kind") == "rectify":
            if not is_finance(request.user):
                raise ServiceError("只有财政部门可以下达整改")
            open_rectification_for_warning(warning, profile_of(warning.project), date.today())
            messages.success(request, "已下达整改事项；预警解除时自动关闭。")
        else:
            amount = number(request.POST, "amount", rule_for(CorrectiveAction, "amount", "纠偏措施金额"))
            record_action(warning.project, request.POST.get("kind", ""), amount, request.POST.get("note", ""),
                          request.POST.get("initiator", "finance"), request.user, warning)
            messages.success(request, "纠偏措施已记录。")
    except ServiceError as exc:
        messages.error(request, str(exc))
    return redirect("warning_board")
