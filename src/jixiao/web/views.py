"""Pages: thin — read through store.access, score through the core, render Chinese templates."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from jixiao.profiles import load_profile
from jixiao.scoring.selfeval import score_self_evaluation
from jixiao.store.access import account_of, visible_projects
from jixiao.store.mapping import self_evaluation


@login_required
def projects(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    rows = visible_projects(request.user)
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(code__icontains=query) | Q(unit__name__icontains=query))
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render(request, "web/projects.html", {"page": page, "query": query, "account": account_of(request.user)})


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(visible_projects(request.user), pk=pk)
    result = score_self_evaluation(self_evaluation(project), load_profile())
    return render(request, "web/project_detail.html", {"project": project, "result": result,
                                                        "history": project.history.all()[:20]})
