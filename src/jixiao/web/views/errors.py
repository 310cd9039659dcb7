"""Chinese pages for 403, 404 and 500 — never a traceback."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def _error(request: HttpRequest, status: int, message: str) -> HttpResponse:
    return render(request, "web/error.html", {"message": message, "status": status}, status=status)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 404, "页面不存在，或您无权查看该内容。")


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(request, 403, "您无权执行此操作。")


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(request, 500, "系统出现内部错误，已记录。请稍后重试或联系管理员。")
