"""Dashboards: for finance and departments, execution against time by department, warnings by colour, grade
distribution, review-score bands and budget consequences; for a unit, its projects' progress and open items.
Charts are ECharts from static/vendor when installed (else inline SVG), in colours that mean something, and a click
on a bar or slice lists the projects behind it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from jixiao.core.money import round_half_up
from jixiao.core.profile import GRADE_NAMES, MonitoringRules
from jixiao.store.access import account_of, visible_projects
from jixiao.store.models import MonitoringReport, Project
from jixiao.store.queues import work_queue
from jixiao.store.review import review_statistics
from jixiao.store.selectors import (
    confirmed_suggestions,
    count,
    final_grades,
    finals_graded,
    finance_reviews,
    latest_reports,
    open_rectifications,
    open_warning_colours,
    open_warnings,
    open_warnings_coloured,
    per_project,
    project_years,
    projects_by_name,
    selfeval_grades,
    selfevals_graded,
)
from jixiao.web.charts import GRADE_COLOURS, WARNING_COLOURS, Slice, interactive_chart
from jixiao.web.templatetags.figures import format_figure
from jixiao.web.views.common import page, profile
from jixiao.web.views.monitoring import COLOUR_LABELS

CHART_PROJECTS = 200  # projects listed under a clicked bar


def _execution_by_department(reports: list[MonitoringReport]) -> list[tuple[str, Decimal, Decimal]]:
    """(department, execution rate %, time progress %) over each project's latest report."""
    budget: dict[str, Decimal] = {}
    executed: dict[str, Decimal] = {}
    progress: dict[str, Decimal] = {}
    for r in reports:
        name = r.project.unit.department.name
        budget[name] = budget.get(name, Decimal(0)) + (r.project.adjusted_budget or Decimal(0))
        executed[name] = executed.get(name, Decimal(0)) + sum((f.executed for f in r.funds.all()), Decimal(0))
        progress[name] = max(progress.get(name, Decimal(0)), r.time_progress)
    return [(name, round_half_up(executed[name] / budget[name] * 100) if budget[name] else Decimal(0),
             progress[name]) for name in sorted(budget)]


def _lag_colour(lag: Decimal, rules: MonitoringRules) -> str:
    """Execution behind time progress coloured as the profile's warnings are: red beyond `red_lag`, yellow beyond
    `lag_tolerance`, green otherwise."""
    if lag > rules.red_lag:
        return WARNING_COLOURS["red"]
    if lag > rules.lag_tolerance:
        return WARNING_COLOURS["yellow"]
    return WARNING_COLOURS["green"]


def _department_projects(reports: list[MonitoringReport], name: str) -> tuple[tuple[str, str, str], ...]:
    rows = sorted((r for r in reports if r.project.unit.department.name == name), key=lambda r: r.project.name)
    return tuple((r.project.name, reverse("project_detail", args=[r.project_id]),
                  f"执行率 {format_figure(r.execution_rate, '%')}%" if r.execution_rate is not None else "执行率 —")
                 for r in rows[:CHART_PROJECTS])


def _projects_of(rows: list[Any], project_of: Callable[[Any], Project],
                 note: Callable[[Any], str]) -> tuple[tuple[str, str, str], ...]:
    """(name, link, note) of the projects behind a bar (the selectors give at most CHART_PROJECTS of them)."""
    return tuple((project_of(r).name, reverse("project_detail", args=[project_of(r).pk]), note(r)) for r in rows)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    account = account_of(request.user)
    projects = visible_projects(request.user)
    reports = latest_reports(projects)
    colours = open_warning_colours(projects)
    grades = selfeval_grades(projects)
    key_grades = final_grades(projects)
    execution = _execution_by_department(reports)
    rules = profile(request).monitoring
    charts = [
        interactive_chart("execution", "预算执行率（%，按部门）", [
            Slice(name, rate, _lag_colour(progress - rate, rules), _department_projects(reports, name))
            for name, rate, progress in execution], unit="%"),
        interactive_chart("warnings", "未解除预警（按颜色）", [
            Slice(COLOUR_LABELS[c], colours.get(c, 0), WARNING_COLOURS[c], _projects_of(
                open_warnings_coloured(projects, c, CHART_PROJECTS), lambda w: w.project, lambda w: w.kind_label))
            for c in COLOUR_LABELS], unit="条"),
        interactive_chart("selfeval", "单位自评等级分布", [
            Slice(g, grades.get(g, 0), GRADE_COLOURS[g], _projects_of(
                selfevals_graded(projects, g, CHART_PROJECTS), lambda r: r.project,
                lambda r: f"{r.project.unit.name}"))
            for g in GRADE_NAMES], unit="个", kind="pie"),
        interactive_chart("keyeval", "重点评价等级分布", [
            Slice(g, key_grades.get(g, 0), GRADE_COLOURS[g], _projects_of(
                finals_graded(projects, g, CHART_PROJECTS), lambda e: e.project,
                lambda e: e.title))
            for g in GRADE_NAMES], unit="个", kind="pie"),
    ]
    rounds = review_statistics(finance_reviews(projects), profile(request))
    if rounds:
        charts.append(interactive_chart("review", "绩效目标一审得分分布", [
            Slice(b.label, b.count) for b in rounds[0].bands], unit="个"))
    cuts = sum((s.budget - s.confirmed for s in confirmed_suggestions(projects)), Decimal(0))
    rectifications = open_rectifications(projects)
    unit_rows = []
    if account is not None and account.role == "unit":
        rates = {r.project_id: r.execution_rate for r in reports}
        warnings_of = per_project(open_warnings(projects))
        open_items_of = per_project(rectifications)
        unit_rows = [(p, rates.get(p.pk), warnings_of[p.pk], open_items_of[p.pk])
                     for p in projects_by_name(projects, 200)]
    return page(request, "web/dashboard.html", {
        "queues": work_queue(request.user), "charts": charts, "rules": rules, "execution": execution, "warning_total": sum(colours.values()), "unit_rows": unit_rows,
        "cuts": cuts, "open_rectifications": count(rectifications),
        "projects": count(projects),
        "summary_years": project_years(projects)})
