"""Background jobs: start one, watch its progress (htmx polls every second), download the result."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from jixiao.store.access import visible_departments
from jixiao.store.errors import ServiceError
from jixiao.store.jobs import refresh, start_selfeval_reports
from jixiao.store.selectors import own_jobs
from jixiao.web.views.common import page, post_only, refuse


@login_required
@post_only
def start_department_reports(request: HttpRequest, pk: int) -> HttpResponse:
    department = get_object_or_404(visible_departments(request.user), pk=pk)
    year = int(request.POST["year"]) if request.POST.get("year", "").isdigit() else date.today().year - 1
    try:
        job = start_selfeval_reports(department, year, request.user)
    except ServiceError as exc:
        return refuse(request, str(exc))
    return redirect("job_detail", pk=job.pk)


@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = refresh(get_object_or_404(own_jobs(request.user), pk=pk))
    template = "web/partials/job_progress.html" if request.htmx else "web/job.html"
    return page(request, template, {"job": job})


@login_required
def job_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(own_jobs(request.user, done=True), pk=pk)
    path = Path(job.result)
    if not path.is_file():
        return refuse(request, "结果文件已不存在，请重新发起任务。", status=404)
    name = f"{job.params.get('department', '')}{job.params.get('year', '')}年自评报告.zip"
    response = FileResponse(path.open("rb"), content_type="application/zip", as_attachment=True)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response
