"""What every stage's endpoints share: cursor pagination, the year/department filters, the project a user may
see, the error responses in the OpenAPI schema, and findings as JSON."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Schema
from pydantic import Field

from jixiao.api.errors import ApiError, not_found
from jixiao.store.access import visible_projects
from jixiao.store.models import Project
from jixiao.store.selectors import after_pk, by_pk, streamed

MAX_LIMIT = 200


class Message(Schema):
    code: str = Field(description="错误代码（英文，供程序判断）")
    detail: str = Field(description="中文说明")


def errors(*statuses: int) -> dict[int, type[Message]]:
    """The error answers an operation documents (besides 401, which every operation may answer)."""
    return {s: Message for s in (401, *statuses)}


class FindingOut(Schema):
    rule: str
    tier: str = Field(description="error 确定、warning 疑似、notice 提示")
    message: str
    fingerprint: str = ""


def finding_out(f: Any) -> dict[str, str]:
    return {"rule": f.rule, "tier": f.tier.value, "message": f.message, "fingerprint": getattr(f, "fingerprint", "")}


def _storable(pk: int) -> bool:
    """An id a database column can hold (a larger one names nothing and must not reach the driver)."""
    return 0 < pk < 2**63


def visible_project(request: HttpRequest, project_id: int) -> Project:
    """The project, or 404 (never a sign that it exists) when the user may not see it."""
    project = by_pk(visible_projects(request.user), project_id) if _storable(project_id) else None
    if project is None:
        raise not_found("项目不存在，或您无权查看")
    return project


def one(rows: QuerySet[Any], pk: int, what: str) -> Any:
    row = by_pk(rows, pk) if _storable(pk) else None
    if row is None:
        raise not_found(f"{what}不存在，或您无权查看")
    return row


def _encode(pk: int) -> str:
    return base64.urlsafe_b64encode(f"pk:{pk}".encode("ascii")).decode("ascii").rstrip("=")


def _decode(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode("ascii")).decode("ascii")
    except (binascii.Error, UnicodeError, ValueError):
        text = ""
    kind, _, value = text.partition(":")
    if kind != "pk" or not value.isdigit() or len(value) > 12:
        raise ApiError(422, "invalid_cursor", "分页游标无效：请使用上一页返回的 next_cursor")
    return int(value)


def cursor_page(rows: QuerySet[Any], cursor: str | None, limit: int, out: Callable[[Any], Any],
                keep: Callable[[Any], bool] | None = None) -> dict[str, Any]:
    """One page of `rows` in id order after `cursor`: {"items", "next_cursor"} (None on the last page). `keep`
    filters rows in Python (a status the rules compute), still `limit` per page."""
    rows = after_pk(rows, _decode(cursor) if cursor else None)
    items: list[Any] = []
    more = False
    source: Iterable[Any] = rows if keep is None else streamed(rows)
    if keep is None:
        source = rows[: limit + 1]
    for row in source:
        if keep is not None and not keep(row):
            continue
        if len(items) == limit:
            more = True
            break
        items.append(row)
    return {"items": [out(r) for r in items], "next_cursor": _encode(items[-1].pk) if more and items else None}


class ListQuery(Schema):
    """Cursor pagination and the filters every list takes."""

    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="每页条数（1–200）")
    cursor: str | None = Field(None, max_length=40, description="上一页返回的 next_cursor；第一页不填")
    year: int | None = Field(None, ge=1900, le=2200, description="年度")
    department: str | None = Field(None, max_length=40, description="主管部门编码")
