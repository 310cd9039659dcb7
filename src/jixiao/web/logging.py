"""Server logging: every record carries the id of the request it came from (shown on the error page, so a
user's report finds its log line); records go to stderr, and `jixiao serve` copies them to a rotating file."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")
FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


class RequestIdMiddleware:
    """Gives each request a short id (request.request_id, the X-Request-ID header, and every log record)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = uuid.uuid4().hex[:12]  # type: ignore[attr-defined]
        token = REQUEST_ID.set(request.request_id)  # type: ignore[attr-defined]
        try:
            response = self.get_response(request)
        finally:
            REQUEST_ID.reset(token)
        response["X-Request-ID"] = request.request_id  # type: ignore[attr-defined]
        return response


def config(level: str = "INFO") -> dict[str, object]:
    """LOGGING for Django: server errors (django.request, with traceback) and jixiao's own records on stderr."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "jixiao.web.logging.RequestIdFilter"}},
        "formatters": {"plain": {"format": FORMAT}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["request_id"]}},
        "loggers": {
            "django": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "django.request": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
            "jixiao": {"handlers": ["stderr"], "level": level, "propagate": False},
        },
    }
