"""`POST /api/audit`: a document uploaded, read and audited as `jixiao audit --format json` does — the reading
report and every finding — without storing anything."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Schema
from ninja.files import UploadedFile
from pydantic import Field

from jixiao.api import api
from jixiao.api.common import errors
from jixiao.api.errors import ApiError
from jixiao.audit.engine import audit_document
from jixiao.ingest.pipeline import KIND_NAMES, load_document, parse_kind
from jixiao.profiles import available
from jixiao.render.findings import audit_report
from jixiao.store.access import profile_named, scope_profile

MAX_UPLOAD = 20 * 1024 * 1024
SUFFIXES = (".txt", ".md", ".docx", ".doc", ".wps", ".xlsx", ".xls", ".ods", ".html", ".htm", ".pdf", ".csv")


class AuditOut(Schema):
    documents: list[dict[str, Any]] = Field(description="每个文档：文件名、类型、年度、单位与读取报告（coverage）")
    findings: list[dict[str, Any]] = Field(description="问题：规则编号、等级、位置、说明、应为、实为、差额")
    summary: dict[str, int] = Field(description="各等级的问题数（error 确定、warning 疑似、notice 提示）")


def _without(value: Any, prefix: str) -> Any:
    """The report with the upload's temporary folder taken out of every location (only the file name stays)."""
    if isinstance(value, str):
        return value.replace(prefix, "")
    if isinstance(value, list):
        return [_without(v, prefix) for v in value]
    if isinstance(value, dict):
        return {k: _without(v, prefix) for k, v in value.items()}
    return value


@api.post("/audit", response={200: AuditOut, **errors(413, 422)}, tags=["文档审核"],
          summary="审核上传的文档（读取报告与问题清单，同命令行审核的 JSON 输出）")
def post_audit(request: HttpRequest, file: File[UploadedFile],  # type: ignore[no-untyped-def]
               profile: str = Form("", max_length=30, description="地区配置（默认为用户所在辖区的配置）："
                                          + "、".join(available())),
               kind: str = Form("", max_length=30, description="文档类型（无法自动识别时指定）："
                                       + "、".join(KIND_NAMES)),
               year: int = Form(0, ge=0, le=2200, description="年度（无法自动识别时指定；0 为自动识别）")):
    if profile and profile not in available():
        raise ApiError(422, "invalid", f"未知的地区配置“{profile}”（可选：{'、'.join(available())}）")
    rules = profile_named(profile) if profile else scope_profile(request.user)
    doc_kind = parse_kind(kind) if kind else None
    if kind and doc_kind is None:
        raise ApiError(422, "invalid", f"未知的文档类型“{kind}”（可选：{'、'.join(KIND_NAMES)}）")
    if file.size is not None and file.size > MAX_UPLOAD:
        raise ApiError(413, "too_large", f"文件过大（{file.size // 1024 // 1024} MB），上限 20 MB")
    name = Path(file.name or "upload").name.replace("\x00", "") or "upload"
    if Path(name).suffix.lower() not in SUFFIXES:
        raise ApiError(422, "unsupported_format", f"不支持的文件格式“{Path(name).suffix or '无扩展名'}”"
                                                  f"（可上传 {'、'.join(SUFFIXES)}）")
    with tempfile.TemporaryDirectory(prefix="jixiao-audit-") as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            for chunk in file.chunks():
                out.write(chunk)
        doc, read_errors = load_document(path, kind=doc_kind, year=year or None)
        if doc is None:
            message = str(read_errors[0]) if read_errors else "无法读取该文件"
            raise ApiError(422, "unreadable", _without(message, f"{folder}/"))
        report = audit_report([doc], [audit_document(doc, rules)])
    return _without(report, f"{folder}/")
