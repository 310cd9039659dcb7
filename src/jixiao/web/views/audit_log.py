"""修改记录: who changed which project, indicator or fund source in a period (before → after), for the projects in
the user's scope, with an Excel export. Read-only: the page answers GET only, and no page or API edits history."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_safe

from jixiao.render.changes import write_changes
from jixiao.store.access import account_of, visible_units
from jixiao.store.changes import ChangeLog, day_range
from jixiao.web.views.common import page, refuse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DEFAULT_DAYS = 30
PER_PAGE = 100


def _date(text: str, default: date) -> date | None:
    if not text.strip():
        return default
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


@login_required
@require_safe
def changes(request: HttpRequest) -> HttpResponse:
    account = account_of(request.user)
    if account is None or account.role == "evaluator":
        return refuse(request, "您的角色不能查看修改记录。", status=403)
    today = timezone.localdate()
    since = _date(request.GET.get("since", ""), today - timedelta(days=DEFAULT_DAYS))
    until = _date(request.GET.get("until", ""), today)
    if since is None or until is None:
        return refuse(request, "日期格式应为“年-月-日”，例如 2025-03-31。")
    if since > until:
        return refuse(request, "开始日期不能晚于结束日期。")
    username = request.GET.get("user", "").strip()
    log = ChangeLog(visible_units(request.user), *day_range(since, until), username=username)
    title = f"修改记录 {since:%Y-%m-%d} 至 {until:%Y-%m-%d}" + (f"（修改人 {username}）" if username else "")
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(write_changes(log.all(), title), content_type=XLSX)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''changes_{since:%Y%m%d}_{until:%Y%m%d}.xlsx"
        return response
    keep = urlencode({"since": f"{since:%Y-%m-%d}", "until": f"{until:%Y-%m-%d}", "user": username})
    return page(request, "web/changes.html", {
        "page": Paginator(log, PER_PAGE).get_page(request.GET.get("page")), "since": since, "until": until,
        "username": username, "keep": keep, "title": title})
