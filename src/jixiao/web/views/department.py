"""部门整体支出绩效 page: the department's figures computed from its projects, and its department-wide goal."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from jixiao.core.workflow import Status
from jixiao.store.access import account_of, visible_projects
from jixiao.store.department import overall_project, overview
from jixiao.store.errors import ServiceError
from jixiao.store.models import Department, Role
from jixiao.web.charts import bar_chart
from jixiao.web.views.common import page, refuse


def visible_departments(user: object):  # type: ignore[no-untyped-def]
    """Departments whose projects the user sees, for department, finance and admin roles."""
    account = account_of(user)
    if account is None or account.role not in (Role.DEPARTMENT, Role.FINANCE, Role.ADMIN):
        return Department.objects.none()
    return Department.objects.filter(units__projects__in=visible_projects(user)).distinct().order_by("code")


@login_required
def department_overview(request: HttpRequest, pk: int) -> HttpResponse:
    department = get_object_or_404(visible_departments(request.user), pk=pk)
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else date.today().year - 1
    if request.method == "POST":
        try:
            project = overall_project(department, year, request.user)
        except ServiceError as exc:
            return refuse(request, str(exc))
        return redirect("project_detail", pk=project.pk)
    data = overview(department, year)
    labels = {"red": "红色", "yellow": "黄色"}
    chart = bar_chart([(g, data.grades.get(g, 0)) for g in ("优", "良", "中", "差")], "项目自评等级", unit="个")
    return page(request, "web/department.html", {
        "d": data, "chart": chart, "years": range(date.today().year - 2, date.today().year + 1),
        "warnings": [(labels.get(c, c), n) for c, n in data.open_warnings.items()],
        "statuses": [(Status(s).label, n) for s, n in data.statuses.items()]})


@login_required
def department_list(request: HttpRequest) -> HttpResponse:
    departments = visible_departments(request.user)
    if not departments.exists() and account_of(request.user) is None:
        return refuse(request, "无权查看。", status=403)
    return page(request, "web/departments.html", {"departments": departments})
