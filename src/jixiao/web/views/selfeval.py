"""单位自评 page: pre-filled from goal and monitoring, scored by the rules as the unit types."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from jixiao.core.profile import Profile
from jixiao.ingest.pipeline import load_document
from jixiao.store.access import profile_of
from jixiao.store.errors import ConflictError, ServiceError
from jixiao.store.models import Project
from jixiao.store.selectors import projects_with, selfeval_record
from jixiao.store.selfeval import (
    Narrative,
    blocking,
    current_entries,
    entries_from_document,
    fillable,
    indicator_entries,
    save_selfeval,
    score,
)
from jixiao.web.fields import number, rule_for, whole
from jixiao.web.views.common import page, refuse, saved_upload


@login_required
def selfeval(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(projects_with(request.user, "indicators"), pk=pk)
    profile = profile_of(project)
    record = selfeval_record(project)
    can_fill = fillable(project, record, request.user, profile)
    if request.method == "POST" and not can_fill:
        return refuse(request, "只有项目所属单位可在目标批复后、提交前填报自评。", status=403)
    indicators = list(project.indicators.all())
    errors: list[str] = []
    status = 200
    if request.method == "POST" and request.FILES.get("document"):
        return _import(request, project, profile)
    if request.method == "POST":
        entries = indicator_entries(request.POST, indicators)
        try:
            rule = rule_for(Project, "executed")
            if project.adjusted_budget > 0:  # no more can be spent than the budget holds
                rule = replace(rule, high=project.adjusted_budget)
            executed = number(request.POST, "executed", rule, Decimal(0)) or Decimal(0)
            if request.htmx:
                result = score(project, executed, entries, profile)
                return page(request, "web/partials/selfeval_score.html", {"result": result,
                                                                          "blocking": blocking(result)})
            version = whole(request.POST.get("version"))
            narrative = Narrative(request.POST.get("goal_statement", ""), request.POST.get("experience", ""))
            save_selfeval(project, version, executed, entries, request.POST.get("action") == "submit", request.user,
                          profile, narrative)
            messages.success(request, "自评已提交。" if request.POST.get("action") == "submit" else "自评已保存。")
            return redirect("selfeval", pk=pk)
        except ServiceError as exc:
            errors.append(str(exc))
            status = 409 if isinstance(exc, ConflictError) else 400
            if request.htmx:
                return page(request, "web/partials/selfeval_score.html", {"errors": errors}, status=status)
    executed, entries = current_entries(project, record)
    reopened = bool(record and record.submitted and can_fill)
    result = score(project, executed, entries, profile)
    rows = [(s, entries[i.pk], i) for s, i in zip(result.indicators, indicators, strict=True)]
    return page(request, "web/selfeval.html", {
        "project": project, "record": record, "can_fill": can_fill, "executed": executed, "rows": rows,
        "result": result, "blocking": blocking(result), "errors": errors, "reopened": reopened,
        "narrative": Narrative(record.goal_statement, record.experience) if record else Narrative()},
        status=status if errors else 200)


def _import(request: HttpRequest, project: Project, profile: Profile) -> HttpResponse:
    """Fill the self-evaluation from an uploaded document (txt/md/docx/xlsx/pdf) and save it as a draft."""
    with saved_upload(request.FILES["document"], "upload") as path:
        name = path.name
        doc, read_errors = load_document(path)
    try:
        if doc is None or not doc.self_evaluations:
            raise ServiceError("；".join(str(e) for e in read_errors) or f"文件 {name} 中未找到项目支出绩效自评表")
        executed, entries, unmatched = entries_from_document(project, list(doc.self_evaluations))
        save_selfeval(project, project.version, executed, entries, False, request.user, profile)
    except ServiceError as exc:
        messages.error(request, f"导入未完成，未做任何修改：{exc}")
        return redirect("selfeval", pk=project.pk)
    note = f"；文档中有 {len(unmatched)} 个指标与本项目指标名称不一致，未导入：{'、'.join(unmatched)}" if unmatched else ""
    messages.success(request, f"已从“{name}”导入 {len(entries)} 个指标的完成值和全年执行数，保存为草稿{note}。")
    return redirect("selfeval", pk=project.pk)
