"""The JSON API (django-ninja; OpenAPI at /api/docs): projects, goals, indicators, reviews — the same access
rules and services as the pages; token auth for machine clients, the session for the browser."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import django_auth

from jixiao.api.auth import TokenAuth
from jixiao.store.errors import ConflictError, ServiceError

api = NinjaAPI(title="jixiao 绩效 API", version="1", auth=[TokenAuth(), django_auth], urls_namespace="api",
               description="预算绩效管理接口。用 `Authorization: Bearer <令牌>` 认证（令牌在“API 令牌”页面生成）。")


@api.exception_handler(ServiceError)
def service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=409 if isinstance(exc, ConflictError) else 400)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": "请求数据无效", "errors": exc.errors}, status=422)


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, {"detail": "未登录或令牌无效"}, status=401)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(Exception)
def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    import logging

    logging.getLogger("jixiao.api").exception("API error: %s %s", request.method, request.path)
    request_id = getattr(request, "request_id", "")
    return api.create_response(request, {"detail": f"系统内部错误，已记入日志（错误编号 {request_id}）",
                                         "request_id": request_id}, status=500)


from jixiao.api import projects  # noqa: E402,F401  (registers the routes)
