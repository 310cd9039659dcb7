"""The audit trail of one project: every change to it, its indicators and fund sources (who, when, what), and
every workflow transition. Read-only: nothing in the app edits history."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from jixiao.store.access import visible_projects
from jixiao.store.models import FundSource, Indicator
from jixiao.web.views.common import page

SKIP = {"version"}


def _changes(records: list) -> list[dict]:  # type: ignore[type-arg]
    """Each historical record with the fields it changed (before → after)."""
    rows = []
    for record in records:
        previous = record.prev_record
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in SKIP:
                    continue
                label = record.instance._meta.get_field(change.field).verbose_name
                changes.append((label, change.old, change.new))
        rows.append({"record": record, "changes": changes, "kind": record.instance._meta.verbose_name,
                     "name": str(getattr(record, "name", "") or record.instance)})
    return rows


@login_required
@require_safe
def project_history(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(visible_projects(request.user), pk=pk)
    records = list(project.history.select_related("history_user"))
    records += list(Indicator.history.filter(project_id=project.pk).select_related("history_user"))
    records += list(FundSource.history.filter(project_id=project.pk).select_related("history_user"))
    records.sort(key=lambda r: (r.history_date, r.history_id), reverse=True)
    return page(request, "web/history.html", {"project": project, "rows": _changes(records),
                                              "transitions": project.transitions.select_related("actor")})
