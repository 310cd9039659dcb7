"""部门整体支出绩效 page: the department's figures computed from its projects, and its department-wide goal."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from jixiao.core.profile import GRADE_NAMES
from jixiao.core.workflow import Status
from jixiao.scoring.department import ledger_ratios
from jixiao.store.access import account_of, visible_departments
from jixiao.store.department import overall_project, overview, store_ledger, stored_ledger
from jixiao.store.errors import ServiceError
from jixiao.store.models import Department, Role
from jixiao.store.selectors import department_graded
from jixiao.web.charts import GRADE_COLOURS, Slice, interactive_chart
from jixiao.web.views.common import MAX_UPLOAD, page, refuse


@login_required
def department_overview(request: HttpRequest, pk: int) -> HttpResponse:
    department = get_object_or_404(visible_departments(request.user), pk=pk)
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else date.today().year - 1
    if request.method == "POST" and request.FILES.get("ledger"):
        return _upload_ledger(request, department)
    if request.method == "POST":
        try:
            project = overall_project(department, year, request.user)
        except ServiceError as exc:
            return refuse(request, str(exc))
        return redirect("project_detail", pk=project.pk)
    data = overview(department, year)
    ledger = stored_ledger(department, year)
    account = account_of(request.user)
    labels = {"red": "红色", "yellow": "黄色"}
    chart = interactive_chart("grades", "项目自评等级", [Slice(g, data.grades.get(g, 0), GRADE_COLOURS[g], tuple(
        (r.project.name, reverse("project_detail", args=[r.project_id]), r.project.unit.name)
        for r in department_graded(department, year, g, 200))) for g in GRADE_NAMES], unit="个",
        kind="pie")
    return page(request, "web/department.html", {
        "d": data, "chart": chart, "years": range(date.today().year - 2, date.today().year + 1),
        "warnings": [(labels.get(c, c), n) for c, n in data.open_warnings.items()],
        "statuses": [(Status(s).label, n) for s, n in data.statuses.items()],
        "ledger": ledger_ratios(ledger) if ledger is not None else None,
        "can_upload": account is not None and account.role in (Role.DEPARTMENT, Role.FINANCE)})


def _upload_ledger(request: HttpRequest, department: Department) -> HttpResponse:
    """A department or finance user uploads the year's 决算 ledger (JSON); all or nothing."""
    account = account_of(request.user)
    if account is None or account.role not in (Role.DEPARTMENT, Role.FINANCE):
        return refuse(request, "只有主管部门和财政可以上传决算台账。", status=403)
    upload = request.FILES["ledger"]
    name = Path(upload.name or "ledger.json").name
    try:
        if upload.size > MAX_UPLOAD:
            raise ServiceError(f"{name} 超过 20 MB")
        try:
            data = json.loads(upload.read().decode("utf-8-sig"))
        except json.JSONDecodeError as exc:
            raise ServiceError(f"{name} 不是有效的 JSON 文件：第 {exc.lineno} 行第 {exc.colno} 列格式有误") from exc
        except (UnicodeDecodeError, RecursionError) as exc:
            raise ServiceError(f"{name} 不是有效的 JSON 文件（须为 UTF-8 编码的文本）") from exc
        row = store_ledger(department, data, name, request.user)
    except ServiceError as exc:
        messages.error(request, f"台账未保存：{exc}")
        return redirect(f"{request.path}?{request.GET.urlencode()}")
    messages.success(request, f"已保存 {row.year} 年决算台账。")
    return redirect(f"{request.path}?year={row.year}")


@login_required
def department_list(request: HttpRequest) -> HttpResponse:
    return page(request, "web/departments.html", {"departments": visible_departments(request.user)})
