"""Refuse input that no database column can hold: a NUL character in the path, a query or form value, or a JSON
body ('\\u0000'). PostgreSQL rejects it deep inside a query; here it is a clear 400 instead of a 500."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from jixiao.web.scope_figures import note_write


class RejectNulMiddleware:
    MESSAGE = "请求中含有无效字符（NUL），未处理"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._has_nul(request):
            if request.path.startswith("/api/"):
                return JsonResponse({"code": "invalid_character", "detail": self.MESSAGE}, status=400)
            return HttpResponse(self.MESSAGE, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        if "\x00" in request.path or any("\x00" in v for values in request.GET.lists() for v in values[1]):
            return True
        if request.method in ("POST", "PUT", "PATCH"):
            if (request.content_type or "").startswith("application/json"):
                return b"\\u0000" in request.body or b"\x00" in request.body
            if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
                return any("\x00" in v for values in request.POST.lists() for v in values[1])
        return False


class OwnWritesMiddleware:
    """After a user's write (any request but GET, HEAD and OPTIONS, once answered), that user's next figures pages
    are computed after it, even where figures may otherwise lag (jixiao.web.scope_figures)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD", "OPTIONS") and getattr(request, "user", None) is not None:
            note_write(request.user)
        return response
