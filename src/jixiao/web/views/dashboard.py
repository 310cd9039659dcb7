"""Dashboards: for finance and departments, execution against time by department, warnings by colour, grade
distribution, review-score bands and budget consequences; for a unit, its projects' progress and open items.
Charts are inline SVG (no network, no JavaScript) with the numbers beside them."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import HttpRequest, HttpResponse

from jixiao.core.money import round_half_up
from jixiao.core.profile import GRADE_NAMES
from jixiao.store.access import account_of, visible_projects
from jixiao.store.models import (
    BudgetSuggestion,
    KeyEvaluation,
    MonitoringReport,
    MonitoringWarning,
    RectificationItem,
    Review,
    SelfEvaluationRecord,
)
from jixiao.store.queues import work_queue
from jixiao.store.review import review_statistics
from jixiao.web.charts import bar_chart
from jixiao.web.views.common import page, profile
from jixiao.web.views.monitoring import COLOUR_LABELS, LIGHTS


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


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    account = account_of(request.user)
    projects = visible_projects(request.user)
    latest = {pk: last for pk, last in projects.annotate(last=Max("monitoring_reports__period"))
              .values_list("pk", "last") if last}
    reports = [r for r in MonitoringReport.objects.filter(project_id__in=latest, period__in=set(latest.values()))
               .select_related("project__unit__department").prefetch_related("funds")
               if latest[r.project_id] == r.period]
    open_warnings = MonitoringWarning.objects.filter(project__in=projects, cleared_period__isnull=True)
    colours = Counter(open_warnings.values_list("colour", flat=True))
    selfeval_grades = Counter(SelfEvaluationRecord.objects.filter(project__in=projects).values_list("grade", flat=True))
    key_grades = Counter(KeyEvaluation.objects.filter(project__in=projects, status="final").values_list("grade",
                                                                                                        flat=True))
    execution = _execution_by_department(reports)
    charts = [
        bar_chart([(name, rate) for name, rate, _ in execution], "预算执行率（%，按部门）", unit="%"),
        bar_chart([(COLOUR_LABELS[c], colours.get(c, 0)) for c in COLOUR_LABELS], "未解除预警（按颜色）", unit="条",
                  colours=LIGHTS),
        bar_chart([(g, selfeval_grades.get(g, 0)) for g in GRADE_NAMES], "单位自评等级分布", unit="个"),
        bar_chart([(g, key_grades.get(g, 0)) for g in GRADE_NAMES], "重点评价等级分布", unit="个"),
    ]
    rounds = review_statistics(Review.objects.filter(stage="finance", project__in=projects), profile(request))
    if rounds:
        charts.append(bar_chart([(b.label, b.count) for b in rounds[0].bands], "绩效目标一审得分分布", unit="个"))
    suggestions = BudgetSuggestion.objects.filter(evaluation__project__in=projects, confirmed__isnull=False)
    cuts = sum((s.budget - s.confirmed for s in suggestions), Decimal(0))
    rectifications = RectificationItem.objects.filter(project__in=projects, done_on__isnull=True)
    unit_rows = []
    if account is not None and account.role == "unit":
        rates = {r.project_id: r.execution_rate for r in reports}
        warnings_of = Counter(open_warnings.values_list("project_id", flat=True))
        open_items_of = Counter(rectifications.values_list("project_id", flat=True))
        unit_rows = [(p, rates.get(p.pk), warnings_of[p.pk], open_items_of[p.pk])
                     for p in projects.order_by("name")[:200]]
    return page(request, "web/dashboard.html", {
        "queues": work_queue(request.user), "charts": charts, "execution": execution, "warning_total": sum(colours.values()), "unit_rows": unit_rows,
        "cuts": cuts, "open_rectifications": rectifications.count(),
        "projects": projects.count(),
        "summary_years": sorted(set(projects.values_list("year", flat=True)), reverse=True)})
