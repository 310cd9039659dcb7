"""Generated documents over JSON, each through the release gate as on the pages: the file when the gate releases
it, else 409 with the gate's findings (errors block; a warning needs a written explanation, which a client posts
to the same document's explanations and which is stored with that document only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from django.http import FileResponse, HttpRequest, HttpResponse
from ninja import Query, Schema
from pydantic import Field

from jixiao.api import api
from jixiao.api.common import FindingOut, errors, finding_out, one, visible_project
from jixiao.api.errors import ApiError, forbidden
from jixiao.core.finding import Tier
from jixiao.store.access import summary_jurisdiction, visible_departments, visible_evaluations
from jixiao.store.documents import (
    Generated,
    disclosure_document,
    document_key,
    evaluation_document,
    explain,
    selfeval_document,
    summary_document,
)

TAG = "文档生成"
TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
FILE = {"description": "文档文件（通过发布前审核）", "content": {t: {"schema": {"type": "string", "format": "binary"}}
                                                           for t in TYPES.values()}}


class BlockedOut(Schema):
    code: str
    detail: str
    title: str
    errors: list[FindingOut] = Field(description="确定的问题：须改正数据后重新生成")
    warnings: list[FindingOut] = Field(description="疑似问题：须书面说明（按 fingerprint）后方可发布")
    differences: list[str] = Field(description="各格式读回后的不一致之处")


class FormatQuery(Schema):
    format: str = Field("docx", pattern="^(docx|pdf)$", description="docx（Word）或 pdf")


class YearQuery(Schema):
    year: int = Field(ge=2000, le=2100, description="年度")


class PackageQuery(YearQuery):
    format: str = Field("docx", pattern="^(docx|xlsx|pdf)$", description="docx（Word）、xlsx（Excel）或 pdf")


class SummaryQuery(YearQuery, FormatQuery):
    pass


class ExplanationsIn(Schema):
    explanations: dict[str, str] = Field(description="疑似问题的书面说明，键为问题的 fingerprint")


class SavedOut(Schema):
    saved: int


def _serve(key: str, make: Callable[[str], Generated], fmt: str) -> Any:
    generated = make(fmt)
    outcome = generated.release
    path = generated.path(fmt)
    if outcome.released and path is not None:
        response = FileResponse(path.open("rb"), content_type=TYPES[fmt], as_attachment=True)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(path.name)}"
        response._resource_closers.append(generated.folder.cleanup)  # drafts go when the file is sent
        return response
    generated.folder.cleanup()
    problems = outcome.problems
    differences = [outcome.cause, *outcome.differences] if outcome.cause else list(outcome.differences)
    raise ApiError(409, "release_blocked", f"“{outcome.title}”未通过发布前审核，未生成文件", title=outcome.title,
                   errors=[finding_out(f) for f in problems if f.tier == Tier.ERROR],
                   warnings=[finding_out(f) for f in problems if f.tier != Tier.ERROR], differences=differences)


def _explain(request: HttpRequest, key: str, payload: ExplanationsIn) -> dict[str, int]:
    texts = {k[:64]: v[:5000] for k, v in payload.explanations.items()}
    return {"saved": explain(key, texts, request.user)}


DOC = {200: None, 409: BlockedOut, **errors(400, 404, 422)}


@api.get("/documents/selfeval/{project_id}", response=DOC, tags=[TAG], openapi_extra={"responses": {200: FILE}},
         summary="生成项目支出绩效自评报告（经发布前审核）")
def selfeval_report(request: HttpRequest, project_id: int, params: Query[FormatQuery]) -> HttpResponse:
    project = visible_project(request, project_id)
    return _serve(document_key("selfeval", project.pk), lambda fmt: selfeval_document(project, fmt), params.format)


@api.post("/documents/selfeval/{project_id}/explanations", response={200: SavedOut, **errors(404, 422)},
          tags=[TAG], summary="保存自评报告中疑似问题的书面说明")
def selfeval_explain(request: HttpRequest, project_id: int, payload: ExplanationsIn):  # type: ignore[no-untyped-def]
    project = visible_project(request, project_id)
    return _explain(request, document_key("selfeval", project.pk), payload)


def _final_evaluation(request: HttpRequest, evaluation_id: int) -> Any:
    evaluation = one(visible_evaluations(request.user), evaluation_id, "评价")
    if evaluation.status != "final":
        raise ApiError(400, "not_final", "评价报告出具后才能生成")
    return evaluation


@api.get("/documents/evaluation/{evaluation_id}", response=DOC, tags=[TAG], openapi_extra={"responses": {200: FILE}},
         summary="生成绩效评价报告（经发布前审核）")
def evaluation_report(request: HttpRequest, evaluation_id: int, params: Query[FormatQuery]) -> HttpResponse:
    evaluation = _final_evaluation(request, evaluation_id)
    return _serve(document_key("evaluation", evaluation.pk), lambda fmt: evaluation_document(evaluation, fmt),
                  params.format)


@api.post("/documents/evaluation/{evaluation_id}/explanations", response={200: SavedOut, **errors(400, 404, 422)},
          tags=[TAG], summary="保存评价报告中疑似问题的书面说明")
def evaluation_explain(request: HttpRequest, evaluation_id: int, payload: ExplanationsIn):  # type: ignore[no-untyped-def]
    evaluation = _final_evaluation(request, evaluation_id)
    return _explain(request, document_key("evaluation", evaluation.pk), payload)


def _jurisdiction(request: HttpRequest) -> Any:
    jurisdiction = summary_jurisdiction(request.user)
    if jurisdiction is None:
        raise forbidden("只有财政部门可以生成本辖区的工作情况说明")
    return jurisdiction


@api.get("/documents/summary", response={**DOC, 403: errors(403)[403]}, tags=[TAG],
         openapi_extra={"responses": {200: FILE}}, summary="生成本辖区年度绩效管理工作情况说明（财政，经发布前审核）")
def work_summary(request: HttpRequest, params: Query[SummaryQuery]) -> HttpResponse:
    jurisdiction = _jurisdiction(request)
    return _serve(document_key("summary", jurisdiction.pk, params.year),
                  lambda fmt: summary_document(jurisdiction, params.year, fmt), params.format)


@api.post("/documents/summary/explanations", response={200: SavedOut, **errors(403, 422)}, tags=[TAG],
          summary="保存工作情况说明中疑似问题的书面说明（财政）")
def summary_explain(request: HttpRequest, params: Query[YearQuery], payload: ExplanationsIn):  # type: ignore[no-untyped-def]
    jurisdiction = _jurisdiction(request)
    return _explain(request, document_key("summary", jurisdiction.pk, params.year), payload)


@api.get("/documents/disclosure/{department_id}", response=DOC, tags=[TAG], openapi_extra={"responses": {200: FILE}},
         summary="生成部门决算公开材料（经发布前审核）")
def disclosure_package(request: HttpRequest, department_id: int, params: Query[PackageQuery]) -> HttpResponse:
    department = one(visible_departments(request.user), department_id, "部门")
    return _serve(document_key("disclosure", department.pk, params.year),
                  lambda fmt: disclosure_document(department, params.year, fmt), params.format)


@api.post("/documents/disclosure/{department_id}/explanations", response={200: SavedOut, **errors(404, 422)},
          tags=[TAG], summary="保存决算公开材料中疑似问题的书面说明")
def disclosure_explain(request: HttpRequest, department_id: int, params: Query[YearQuery],
                       payload: ExplanationsIn) -> dict[str, int]:
    department = one(visible_departments(request.user), department_id, "部门")
    return _explain(request, document_key("disclosure", department.pk, params.year), payload)
