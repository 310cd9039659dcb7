"""The JSON API (django-ninja; OpenAPI at /api/docs): every stage of the year — projects, goals, reviews,
monitoring with its warnings and corrective actions, ex-ante assessments, self-evaluations, key evaluations,
results and rectification, documents through the release gate, and the audit of an uploaded document. The same
access rules (store.access) and store functions (selectors for reads, services for writes) as the pages; token
auth for machine clients, the session for the browser. Every error is `{"code": "...", "detail": "中文"}`."""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.renderers import JSONRenderer
from ninja.security import django_auth

from jixiao.api.auth import TokenAuth
from jixiao.api.errors import CODES, ApiError, validation_messages
from jixiao.store.errors import ConflictError, ServiceError


class ChineseJSON(JSONRenderer):
    """UTF-8 JSON: Chinese as written, not \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}  # noqa: RUF012


api = NinjaAPI(title="jixiao 绩效 API", version="1", auth=[TokenAuth(), django_auth], urls_namespace="api",
               renderer=ChineseJSON(),
               description="预算绩效管理接口。用 `Authorization: Bearer <令牌>` 认证（令牌在“API 令牌”页面生成）。"
                           "错误一律为 `{\"code\": \"错误代码\", \"detail\": \"中文说明\"}`；列表用游标分页"
                           "（`limit`、`cursor`，下一页的游标在 `next_cursor`）。使用说明见 docs/api.md。")


def error(request: HttpRequest, status: int, code: str, detail: str, **extra: object) -> HttpResponse:
    return api.create_response(request, {"code": code, "detail": detail, **extra}, status=status)


@api.exception_handler(ApiError)
def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    return error(request, exc.status, exc.code, exc.detail, **exc.extra)


@api.exception_handler(ServiceError)
def service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    if isinstance(exc, ConflictError):
        return error(request, 409, "conflict", str(exc))
    return error(request, 400, "refused", str(exc))


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = validation_messages(exc.errors)
    detail = "请求数据无效：" + "；".join(f"{e['field']}{e['message']}" if e["field"] else e["message"]
                                      for e in errors[:5])
    return error(request, 422, "invalid", detail, errors=errors)


@api.exception_handler(AuthenticationError)
def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error(request, 401, "unauthenticated", "未登录或令牌无效")


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error(request, 404, "not_found", "未找到该对象，或您无权查看")


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code, default = CODES.get(exc.status_code, ("error", "请求无法处理"))
    message = str(exc)
    return error(request, exc.status_code, code, message if not message.isascii() else default)


@api.exception_handler(Exception)
def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logging.getLogger("jixiao.api").exception("API error: %s %s", request.method, request.path)
    request_id = getattr(request, "request_id", "")
    return error(request, 500, "server_error", f"系统内部错误，已记入日志（错误编号 {request_id}）",
                 request_id=request_id)


# Registers the routes (each module one stage).
from jixiao.api import (  # noqa: E402,F401
    audit,
    documents,
    evaluations,
    exante,
    monitoring,
    projects,
    results,
    selfeval,
)
