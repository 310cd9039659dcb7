"""项目库: list with filters, search, sort and pages; one project; create and edit; Excel template, import, export."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import urlencode

from jixiao.core.money import count_rule
from jixiao.core.provenance import Location
from jixiao.core.workflow import STATUS_LABELS
from jixiao.ingest.project_template import (
    BUDGET_TYPES,
    FUND_LEVELS,
    PROJECT_TYPES,
    FundRow,
    ProjectRow,
    read_project_rows,
)
from jixiao.ingest.source import ReadError
from jixiao.render.project_template import write_project_template
from jixiao.scoring.monitoring import periods_of_year
from jixiao.scoring.selfeval import score_self_evaluation
from jixiao.store.access import actions_for, can_edit, profile_of, scope_units, visible_projects
from jixiao.store.errors import ServiceError
from jixiao.store.goals import GoalDraft, check_goal
from jixiao.store.mapping import self_evaluation
from jixiao.store.models import FundSource, Project, ProjectType
from jixiao.store.paging import page_of
from jixiao.store.projects import export_rows, import_problems, import_projects, save_project_row
from jixiao.store.selectors import (
    can_register,
    filtered_projects,
    project_code_taken,
    project_filter_choices,
    project_reviews,
    project_transitions,
    projects_for_detail,
    with_funds,
)
from jixiao.web.fields import number, parse, rule_for, text, whole
from jixiao.web.views.common import MAX_UPLOAD, page, post_only, saved_upload

SORTS = {"name": "name", "code": "code", "unit": "unit__code", "budget": "adjusted_budget", "-budget": "-adjusted_budget",
         "status": "status", "year": "-year"}
PAGE_SIZE = 25
UNIT_CHOICES = 300  # more units than this: the unit filter is a code typed in, not a list
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def filtered(request: HttpRequest) -> tuple[QuerySet[Project], dict[str, str]]:
    """The visible projects narrowed by the list's filters; the filters echoed for the form and links."""
    f = {k: request.GET.get(k, "").strip() for k in ("q", "unit", "year", "status", "type", "sort")}
    rows = filtered_projects(request.user, f["q"], f["unit"], whole(f["year"]),
                             f["status"] if f["status"] in STATUS_LABELS else "",
                             f["type"] if f["type"] in ProjectType.values else "", SORTS.get(f["sort"], "unit__code"))
    return rows, f


@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    rows, f = filtered(request)
    units, years = project_filter_choices(request.user)
    return page(request, "web/projects.html", {
        "page": page_of(rows, whole(request.GET.get("page"), 1), PAGE_SIZE), "f": f,
        "keep": urlencode({k: v for k, v in f.items() if v}), "statuses": STATUS_LABELS.items(),
        "types": ProjectType.choices, "units": units if len(units) <= UNIT_CHOICES else None, "years": years,
        "can_create": can_register(request.user)})


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(projects_for_detail(request.user), pk=pk)
    profile = profile_of(project)
    # A score and grade exist once the unit has self-evaluated; before that only the goal's quality is shown.
    evaluated = hasattr(project, "selfeval")  # read with the project (no record: no attribute)
    result = score_self_evaluation(self_evaluation(project), profile) if evaluated else None
    goal_findings = [] if evaluated else check_goal(project, GoalDraft.of(project), profile)
    reviews = project_reviews(project)
    return page(request, "web/project_detail.html", {
        "project": project, "result": result, "goal_findings": goal_findings, "can_edit": can_edit(request.user, project),
        "actions": actions_for(request.user, project), "reviews": reviews,
        "transitions": project_transitions(project),
        "monitoring_periods": [p.index for p in periods_of_year(project.year, profile)]})


def _form_row(request: HttpRequest) -> tuple[ProjectRow | None, list[str]]:
    post = request.POST
    errors = []
    amounts = {}
    for field in ("initial_budget", "adjusted_budget"):
        try:
            amounts[field] = number(post, field, rule_for(Project, field), Decimal(0))
        except ServiceError as exc:
            errors.append(str(exc))
    funds = []
    for n, (budget_type, level, amount) in enumerate(zip(post.getlist("fund_type"), post.getlist("fund_level"),
                                                         post.getlist("fund_amount"), strict=False), start=1):
        if not amount.strip():
            continue
        try:
            value = parse(amount, rule_for(FundSource, "amount", f"第{n}条资金来源金额"))
        except ServiceError as exc:
            errors.append(str(exc))
            continue
        if value is None or budget_type not in BUDGET_TYPES or level not in FUND_LEVELS:
            errors.append(f"第{n}条资金来源无效")
            continue
        funds.append(FundRow(budget_type, level, value))
    if funds and sum((x.amount for x in funds), Decimal(0)) != amounts.get("adjusted_budget"):
        errors.append("资金来源合计与全年预算数不一致")
    year = post.get("year", "").strip()
    try:
        if parse(year, count_rule("年度", 2000, 2100)) is None:
            errors.append("年度不能为空")
    except ServiceError as exc:
        errors.append(str(exc))
    for field, label in (("name", "项目名称"), ("code", "项目编码"), ("unit", "单位")):
        if not post.get(field, "").strip():
            errors.append(f"{label}不能为空")
    for field in ("name", "code"):
        try:
            text(post, field, Project, field)
        except ServiceError as exc:
            errors.append(str(exc))
    if post.get("project_type") not in PROJECT_TYPES:
        errors.append("请选择项目类型")
    if errors:
        return None, errors
    return ProjectRow(post["unit"].strip(), whole(year), post["code"].strip(), post["name"].strip(),
                      post["project_type"], amounts["initial_budget"] or Decimal(0),
                      amounts["adjusted_budget"] or Decimal(0), tuple(funds), Location(table="项目表单")), []


def _editor(request: HttpRequest, project: Project | None, errors: list[str], status: int = 200) -> HttpResponse:
    funds = list(project.fund_sources.all()) if project else []
    row = export_rows([project])[0] if project else None
    values = {"unit": row.unit_code if row else "", "year": str(row.year) if row else "2025",
              "code": row.code if row else "", "name": row.name if row else "",
              "project_type": row.project_type if row else "一次性项目",
              "initial_budget": f"{row.initial_budget:f}" if row else "",
              "adjusted_budget": f"{row.adjusted_budget:f}" if row else ""}
    values.update({k: v for k, v in request.POST.items() if k in values})
    return page(request, "web/project_form.html", {
        "project": project, "errors": errors, "units": scope_units(request.user), "v": values,
        "types": PROJECT_TYPES, "budget_types": BUDGET_TYPES, "levels": FUND_LEVELS,
        "funds": row.funds if row else (), "fund_slots": range(max(0, 3 - len(funds)))},
        status=status)


@login_required
def project_new(request: HttpRequest) -> HttpResponse:
    if not can_register(request.user):
        return page(request, "web/error.html", {"message": "您的角色不能登记项目。"}, status=403)
    if request.method != "POST":
        return _editor(request, None, [])
    row, errors = _form_row(request)
    if row is not None and project_code_taken(row.unit_code, row.year, row.code):
        errors = [f"项目编码“{row.code}”在该单位本年度已存在"]
    if row is None or errors:
        return _editor(request, None, errors, status=400)
    try:
        project, _ = save_project_row(row, request.user)
    except ServiceError as exc:
        return _editor(request, None, [str(exc)], status=400)
    messages.success(request, f"已登记项目“{project.name}”，请设置绩效目标。")
    return redirect("goal_edit", pk=project.pk)


@login_required
def project_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(visible_projects(request.user), pk=pk)
    if not can_edit(request.user, project):
        return page(request, "web/error.html", {"message": "只有项目所属单位可在草稿或退回状态下修改项目。"}, status=403)
    if request.method != "POST":
        return _editor(request, project, [])
    row, errors = _form_row(request)
    if row is None:
        return _editor(request, project, errors, status=400)
    if (row.unit_code, row.year, row.code) != (project.unit.code, project.year, project.code):
        return _editor(request, project, ["单位、年度和项目编码登记后不能修改"], status=400)
    try:
        save_project_row(row, request.user, version=whole(request.POST.get("version")))
    except ServiceError as exc:
        return _editor(request, project, [str(exc)], status=409)
    messages.success(request, "已保存。")
    return redirect("project_detail", pk=project.pk)


@login_required
def template_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(write_project_template(), content_type=XLSX)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''project_template.xlsx"
    return response


@login_required
def project_export(request: HttpRequest) -> HttpResponse:
    rows, _ = filtered(request)
    response = HttpResponse(write_project_template(export_rows(with_funds(rows, 100_000))),
                            content_type=XLSX)
    response["Content-Disposition"] = "attachment; filename*=UTF-8''projects.xlsx"
    return response


def grouped(errors: list[ReadError]) -> list[tuple[str, list[str]]]:
    """Errors under a heading per sheet and row (表「项目」第 3 行), in sheet then row order."""
    groups: dict[tuple[str, int], list[str]] = {}
    for e in errors:
        row = int(e.location.row) if e.location.row.isdigit() else 0
        groups.setdefault((e.location.table, row), []).append(str(e))
    return [(f"表「{table}」" + (f"第 {row} 行" if row else "") if table else "文件", messages)
            for (table, row), messages in sorted(groups.items())]


@login_required
@post_only
def project_import(request: HttpRequest) -> HttpResponse:
    upload = request.FILES.get("file")
    if upload is None:
        return page(request, "web/import_result.html", {"groups": [("", ["请选择要导入的 .xlsx 文件"])], "count": 1},
                    status=400)
    if upload.size > MAX_UPLOAD:
        return page(request, "web/import_result.html", {"groups": [("", ["文件超过 20 MB，请拆分后导入"])], "count": 1},
                    status=400)
    with saved_upload(upload, "upload.xlsx") as path:
        name = path.name
        rows, read_errors = read_project_rows(path)
    # Cells, permissions, duplicates and locked projects in one pass, grouped by sheet and row.
    if errors := read_errors + import_problems(rows, request.user):
        return page(request, "web/import_result.html", {"groups": grouped(errors), "count": len(errors),
                                                         "name": name}, status=400)
    try:
        created, updated = import_projects(rows, request.user)
    except ServiceError as exc:
        return page(request, "web/import_result.html", {"groups": [("", [str(exc)])], "count": 1, "name": name},
                    status=400)
    messages.success(request, f"导入完成：新增 {created} 个项目，更新 {updated} 个项目。")
    return redirect("projects")

