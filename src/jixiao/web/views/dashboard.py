"""Dashboards: for finance and departments, execution against time by department, warnings by colour, grade
distribution, review-score bands and budget consequences; for a unit, its projects' progress and open items.
Charts are ECharts from static/vendor when installed (else inline SVG), in colours that mean something, and a click
on a bar or slice lists the projects behind it."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from jixiao.core.money import round_half_up
from jixiao.core.profile import GRADE_NAMES, MonitoringRules
from jixiao.store.access import account_of, scope_profile, visible_projects
from jixiao.store.models import MonitoringReport, Project
from jixiao.store.queues import work_queue
from jixiao.store.review import review_statistics, statistics_of_rows
from jixiao.store.selectors import (
    confirmed_suggestions,
    count,
    execution_by_department,
    finals_by_grade,
    finance_reviews,
    latest_reports_by_department,
    open_rectifications,
    open_warnings,
    open_warnings_by_colour,
    per_project,
    project_latest_rates,
    project_years,
    projects_by_name,
    selfevals_by_grade,
)
from jixiao.store.summaries import Listed, Summary, per_bar, scope_summary
from jixiao.web.charts import CHART_PROJECTS, GRADE_COLOURS, WARNING_COLOURS, Slice, interactive_chart
from jixiao.web.scope_figures import scope_figures, when
from jixiao.web.templatetags.figures import format_figure
from jixiao.web.views.common import page
from jixiao.web.views.monitoring import COLOUR_LABELS

UNIT_PROJECTS = 50  # a unit's projects listed on its dashboard (by name; the project list has them all)


def _execution_by_department(projects: QuerySet[Project]) -> list[tuple[str, Decimal, Decimal]]:
    """(department, execution rate %, time progress %) over each project's latest report."""
    return [(name, round_half_up(executed / budget * 100) if budget else Decimal(0), progress)
            for name, budget, executed, progress in execution_by_department(projects)]


def _lag_colour(lag: Decimal, rules: MonitoringRules) -> str:
    """Execution behind time progress coloured as the profile's warnings are: red beyond `red_lag`, yellow beyond
    `lag_tolerance`, green otherwise."""
    if lag > rules.red_lag:
        return WARNING_COLOURS["red"]
    if lag > rules.lag_tolerance:
        return WARNING_COLOURS["yellow"]
    return WARNING_COLOURS["green"]


def _department_projects(reports: list[MonitoringReport]) -> tuple[tuple[str, str, str], ...]:
    return tuple((r.project.name, reverse("project_detail", args=[r.project_id]),
                  f"执行率 {format_figure(r.execution_rate, '%')}%" if r.execution_rate is not None else "执行率 —")
                 for r in reports)


def _projects_of(rows: list[Any], project_of: Callable[[Any], Project],
                 note: Callable[[Any], str]) -> tuple[tuple[str, str, str], ...]:
    """(name, link, note) of the projects behind a bar (the selectors give at most CHART_PROJECTS of them)."""
    return tuple((project_of(r).name, reverse("project_detail", args=[project_of(r).pk]), note(r)) for r in rows)


def _figures(user: Any) -> dict[str, Any]:
    """The dashboard's charts and totals over the projects `user` sees: grouped queries, a row per department,
    colour or grade (the drill-down lists at most CHART_PROJECTS projects per bar)."""
    account = account_of(user)
    projects = visible_projects(user)
    scope = scope_profile(user)
    colours, warned = open_warnings_by_colour(projects, CHART_PROJECTS)
    grades, graded = selfevals_by_grade(projects, CHART_PROJECTS)
    key_grades, finals = finals_by_grade(projects, CHART_PROJECTS)
    execution = _execution_by_department(projects)
    rules = scope.monitoring
    shown = per_bar(len(execution))  # a province has hundreds of bars
    reports = latest_reports_by_department(projects, shown)
    charts = [
        interactive_chart("execution", "预算执行率（%，按部门）", [
            Slice(name, rate, _lag_colour(progress - rate, rules), _department_projects(reports.get(name, [])))
            for name, rate, progress in execution], unit="%", listed=shown),
        interactive_chart("warnings", "未解除预警（按颜色）", [
            Slice(COLOUR_LABELS[c], colours.get(c, 0), WARNING_COLOURS[c], _projects_of(
                warned.get(c, []), lambda w: w.project, lambda w: w.kind_label))
            for c in COLOUR_LABELS], unit="条", listed=CHART_PROJECTS),
        interactive_chart("selfeval", "单位自评等级分布", [
            Slice(g, grades.get(g, 0), GRADE_COLOURS[g], _projects_of(
                graded.get(g, []), lambda r: r.project, lambda r: f"{r.project.unit.name}"))
            for g in GRADE_NAMES], unit="个", kind="pie", listed=CHART_PROJECTS),
        interactive_chart("keyeval", "重点评价等级分布", [
            Slice(g, key_grades.get(g, 0), GRADE_COLOURS[g], _projects_of(
                finals.get(g, []), lambda e: e.project, lambda e: e.title))
            for g in GRADE_NAMES], unit="个", kind="pie", listed=CHART_PROJECTS),
    ]
    rounds = review_statistics(finance_reviews(projects), scope)
    if rounds:
        charts.append(interactive_chart("review", "绩效目标一审得分分布", [
            Slice(b.label, b.count) for b in rounds[0].bands], unit="个"))
    cuts = sum((s.budget - s.confirmed for s in confirmed_suggestions(projects)), Decimal(0))
    rectifications = open_rectifications(projects)
    unit_rows = []
    if account is not None and account.role == "unit":
        listed = projects_by_name(projects, UNIT_PROJECTS)
        rates = project_latest_rates(listed)
        warnings_of = per_project(open_warnings(projects))
        open_items_of = per_project(rectifications)
        unit_rows = [(p, rates.get(p.pk), warnings_of[p.pk], open_items_of[p.pk]) for p in listed]
    return {"charts": charts, "rules": rules, "execution": execution, "warning_total": sum(colours.values()),
            "unit_rows": unit_rows, "unit_more": len(unit_rows) >= UNIT_PROJECTS, "cuts": cuts, "open_rectifications": count(rectifications),
            "projects": count(projects), "summary_years": project_years(projects)}


PLACE = "4294967291"  # a project id in a reversed URL, replaced by each project's (hundreds of links per chart)


def _listed(rows: list[Listed], url: str, note: Callable[[Listed], str]) -> tuple[tuple[str, str, str], ...]:
    link = reverse(url, args=[int(PLACE)])
    return tuple((r.project, link.replace(PLACE, str(r.project_id)), note(r)) for r in rows)


def _rate(r: Listed) -> str:
    return f"执行率 {format_figure(r.note, '%')}%" if r.note is not None else "执行率 —"


def _summed_figures(user: Any, summary: Summary) -> dict[str, Any]:
    """The dashboard's charts and totals from the summary of a department, a jurisdiction or everything
    (jixiao.store.summaries: kept per department, summed): what _figures computes, without reading the rows."""
    scope = scope_profile(user)
    rules = scope.monitoring
    execution = [(name, round_half_up(executed / budget * 100) if budget else Decimal(0), progress)
                 for name, (budget, executed, progress) in sorted(summary.execution.items())]
    shown = per_bar(len(execution))
    charts = [
        interactive_chart("execution", "预算执行率（%，按部门）", [
            Slice(name, rate, _lag_colour(progress - rate, rules),
                  _listed(summary.reports.get(name, [])[:shown], "project_detail", _rate))
            for name, rate, progress in execution], unit="%", listed=shown),
        interactive_chart("warnings", "未解除预警（按颜色）", [
            Slice(COLOUR_LABELS[c], summary.warnings.get(c, 0), WARNING_COLOURS[c], _listed(
                summary.warned.get(c, [])[:CHART_PROJECTS], "project_detail", lambda r: r.note))
            for c in COLOUR_LABELS], unit="条", listed=CHART_PROJECTS),
        interactive_chart("selfeval", "单位自评等级分布", [
            Slice(g, summary.grades.get(g, 0), GRADE_COLOURS[g], _listed(
                summary.graded.get(g, [])[:CHART_PROJECTS], "project_detail", lambda r: r.note))
            for g in GRADE_NAMES], unit="个", kind="pie", listed=CHART_PROJECTS),
        interactive_chart("keyeval", "重点评价等级分布", [
            Slice(g, summary.finals.get(g, 0), GRADE_COLOURS[g], _listed(
                summary.finaled.get(g, [])[:CHART_PROJECTS], "project_detail", lambda r: r.note))
            for g in GRADE_NAMES], unit="个", kind="pie", listed=CHART_PROJECTS),
    ]
    rounds = statistics_of_rows(summary.reviews, scope)
    if rounds:
        charts.append(interactive_chart("review", "绩效目标一审得分分布", [
            Slice(b.label, b.count) for b in rounds[0].bands], unit="个"))
    return {"charts": charts, "rules": rules, "execution": execution, "warning_total": sum(summary.warnings.values()),
            "unit_rows": [], "unit_more": False, "cuts": summary.cuts,
            "open_rectifications": summary.open_rectifications, "projects": summary.projects,
            "summary_years": sorted(summary.years, reverse=True)}


def _dashboard(user: Any) -> dict[str, Any]:
    """The figures (summed from the departments' summaries for a department, finance or an administrator) and
    the work queues (which count the open warnings the figures counted)."""
    summary = scope_summary(account_of(user))
    figures = _summed_figures(user, summary) if summary is not None else _figures(user)
    return {**figures, "queues": work_queue(user, figures["warning_total"])}


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The figures and work queues of the user's scope, as jixiao.web.scope_figures keeps them: shared by every
    user who sees the same projects, computed again after a write to them (a finance bureau's and an
    administrator's within seconds, outside the request), with the time they were computed. A request that finds
    them costs the session's, the user's and the account's queries."""
    user = request.user
    figures = scope_figures("dashboard", user, lambda: _dashboard(user))
    return page(request, "web/dashboard.html", {**figures.value, **when(figures)})
