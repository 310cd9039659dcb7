"""Chinese pages for 403, 404 and 500, a failed CSRF check and a login lockout — never a traceback or an
English default page."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jixiao.core.money import round_half_up


def _error(request: HttpRequest, status: int, message: str, heading: str = "") -> HttpResponse:
    return render(request, "web/error.html", {"message": message, "status": status, "heading": heading,
                                              "request_id": getattr(request, "request_id", "")}, status=status)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, "页面不存在，或您无权查看该内容。")


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403, "您无权执行此操作。")


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, 500, "系统出现内部错误，已记入日志。请稍后重试；联系管理员时请提供下面的错误编号。")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form posted without a valid token (a stale page, or a request from another site)."""
    return _error(request, 403, "页面已过期或请求来源无法验证（安全校验未通过），本次提交未执行。"
                                "请刷新页面后重新提交；如仍出现，请确认浏览器允许本站保存登录信息。", "提交未执行")


def locked_out(request: HttpRequest, response: HttpResponse | None = None,
               credentials: dict[str, Any] | None = None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: too many failed logins for this user name or address."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    minutes = max(1, int(round_half_up(Decimal(cool_off.total_seconds()) / 60, 0))) if cool_off else 0
    wait = f"请 {minutes} 分钟后再试，或联系管理员解锁。" if minutes else "请联系管理员解锁。"
    return _error(request, 429, f"登录失败次数过多，该账户或登录地址已被暂时锁定。{wait}", "登录已锁定")
