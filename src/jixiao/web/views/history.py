"""The audit trail of one project: every change to it, its indicators and fund sources (who, when, before →
after), and every workflow transition. Read-only: nothing in the app edits history."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from jixiao.store.access import visible_projects
from jixiao.store.changes import ChangeLog
from jixiao.store.selectors import project_transitions
from jixiao.web.views.common import page


@login_required
@require_safe
def project_history(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(visible_projects(request.user), pk=pk)
    return page(request, "web/history.html", {"project": project, "rows": ChangeLog(None, None, None, project_id=pk, project=project).all(),
                                              "transitions": project_transitions(project)})
