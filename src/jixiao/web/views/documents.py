"""Download buttons for generated documents. Every download goes through the release gate: an error blocks it
with the reasons shown; a warning needs a written explanation, which is stored with the document."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from jixiao.core.finding import Tier
from jixiao.store.access import (
    summary_jurisdiction,
    visible_departments,
    visible_evaluations,
)
from jixiao.store.documents import (
    Generated,
    disclosure_document,
    document_key,
    evaluation_document,
    explain,
    selfeval_document,
    summary_document,
)
from jixiao.store.errors import ServiceError
from jixiao.store.selectors import projects_with
from jixiao.web.views.common import page, refuse

TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _serve(request: HttpRequest, key: str, make: Callable[[str], Generated],
           formats: tuple[str, ...] = ("docx", "pdf")) -> HttpResponse:
    """The document `key` of this page, which the caller has let this user download (and so release):
    explanations posted here are stored for this document only."""
    fmt = request.GET.get("format", "docx")
    if fmt not in formats:
        return refuse(request, f"不支持的格式“{fmt}”（可选 {'、'.join(formats)}）")
    if request.method == "POST":
        if request.POST.get("document", key) != key:
            return refuse(request, "说明只能保存到本页的文档。", status=403)
        texts = {k[len("explain_"):]: v for k, v in request.POST.items() if k.startswith("explain_")}
        saved = explain(key, texts, request.user)
        messages.success(request, f"已保存 {saved} 条说明。")
        return redirect(request.get_full_path())  # the same document again, with its year and format
    try:
        generated = make(fmt)
    except ServiceError as exc:
        return refuse(request, str(exc))
    outcome = generated.release
    path = generated.path(fmt)
    if outcome.released and path is not None:
        response = FileResponse(path.open("rb"), content_type=TYPES[fmt], as_attachment=True)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(path.name)}"
        response._resource_closers.append(generated.folder.cleanup)  # drafts go when the file is sent
        return response
    problems = outcome.problems
    generated.folder.cleanup()
    return page(request, "web/release_blocked.html", {
        "title": outcome.title, "key": generated.key, "format": fmt,
        "errors": [f for f in problems if f.tier == Tier.ERROR],
        "differences": (outcome.cause, *outcome.differences) if outcome.cause else outcome.differences,
        "warnings": [f for f in problems if f.tier != Tier.ERROR]}, status=409)


@login_required
def selfeval_report(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(projects_with(request.user, "indicators"), pk=pk)
    return _serve(request, document_key("selfeval", project.pk), lambda fmt: selfeval_document(project, fmt))


@login_required
def evaluation_report(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = get_object_or_404(visible_evaluations(request.user), pk=pk)
    if evaluation.status != "final":
        return refuse(request, "评价报告出具后才能下载。")
    return _serve(request, document_key("evaluation", evaluation.pk), lambda fmt: evaluation_document(evaluation, fmt))


@login_required
def work_summary(request: HttpRequest) -> HttpResponse:
    jurisdiction = summary_jurisdiction(request.user)
    if jurisdiction is None:
        return refuse(request, "只有财政部门可以生成本辖区的工作情况说明。", status=403)
    year = request.GET.get("year", "")
    if not (year.isdigit() and 2000 <= int(year) <= 2100):
        return refuse(request, "请指定年度，例如 ?year=2025")
    return _serve(request, document_key("summary", jurisdiction.pk, int(year)),
                  lambda fmt: summary_document(jurisdiction, int(year), fmt))


@login_required
def disclosure_package(request: HttpRequest, pk: int) -> HttpResponse:
    department = get_object_or_404(visible_departments(request.user), pk=pk)
    year = request.GET.get("year", "")
    if not (year.isdigit() and 2000 <= int(year) <= 2100):
        return refuse(request, "请指定年度，例如 ?year=2024")
    return _serve(request, document_key("disclosure", department.pk, int(year)),
                  lambda fmt: disclosure_document(department, int(year), fmt), ("docx", "xlsx", "pdf"))
