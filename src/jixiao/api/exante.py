"""事前绩效评估 over JSON: the assessment of a project and its scoring sheet; finance (or the third party it
engaged) records the panel's scores, and can preview what the rules make of them."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Schema
from pydantic import Field

from jixiao.api import api
from jixiao.api.common import errors, visible_project
from jixiao.api.errors import forbidden
from jixiao.api.schemas import strict_amount
from jixiao.core.money import NumberError, amount_rule, read_optional, score_rule
from jixiao.scoring.exante import ExAnteResult, ExpertScore, SubItem, simple_sheet
from jixiao.store.access import can_record_exante, profile_of
from jixiao.store.errors import ServiceError
from jixiao.store.exante import evaluate, exante_problems, record_assessment
from jixiao.store.models import Project
from jixiao.store.selectors import fresh

TAG = "事前绩效评估"
Requested = Annotated[Decimal, strict_amount(amount_rule("申报金额"))]
Recommended = Annotated[Decimal | None, strict_amount(amount_rule("建议安排金额"))]


class ExpertIn(Schema):
    expert: str = Field(min_length=1, max_length=50, description="专家姓名")
    scores: dict[str, str | int | float] = Field(description="各维度得分，键为维度名称（见 sheet）")


class ExAnteIn(Schema):
    requested: Requested = Field(description="申报金额（元）")
    recommended: Recommended = Field(None, description="建议安排金额（元）；不填按评估结论计算")
    experts: list[ExpertIn] = Field(min_length=1, max_length=20)


class SheetItemOut(Schema):
    dimension: str
    max_score: Decimal


class DimensionOut(Schema):
    name: str
    weight: Decimal
    score: Decimal


class ResultOut(Schema):
    total: Decimal
    grade: str
    conclusion: str
    requested: Decimal
    recommended: Decimal
    cut: Decimal
    cut_rate: Decimal | None
    experts: list[str]
    dimensions: list[DimensionOut]


class AssessmentOut(Schema):
    total: Decimal
    grade: str
    conclusion: str
    requested: Decimal
    recommended: Decimal
    cut: Decimal
    experts: str
    scores: list[dict[str, str]]
    created_at: datetime


class ExAnteOut(Schema):
    project_id: int
    needs_ex_ante: bool
    can_record: bool
    recorded_by: str = Field(description="谁录入事前绩效评估")
    problems: list[str] = Field(description="申请预算前尚须解决的问题")
    sheet: list[SheetItemOut]
    assessment: AssessmentOut | None


def _scores(payload: ExAnteIn, sheet: tuple[SubItem, ...]) -> list[ExpertScore]:
    """The panel's scores, read as the page reads them: every dimension of every expert, each within its points."""
    scores = []
    for row in payload.experts:
        expert = row.expert.strip()
        if not expert:
            raise ServiceError("专家姓名不能为空")
        unknown = [name for name in row.scores if name not in {i.dimension for i in sheet}]
        if unknown:
            raise ServiceError(f"专家“{expert}”的评分中“{'、'.join(unknown)}”不是评分维度")
        for item in sheet:
            label = f"专家“{expert}”的“{item.dimension}”得分"
            try:
                value = read_optional(str(row.scores.get(item.dimension, "")), score_rule(label, item.max_score))
            except NumberError as exc:
                raise ServiceError(str(exc)) from exc
            if value is None:
                raise ServiceError(f"请填写{label}")
            scores.append(ExpertScore(expert, item.dimension, item.dimension, value))
    return scores


def _result_out(r: ExAnteResult) -> dict[str, Any]:
    return {"total": r.total, "grade": r.grade, "conclusion": r.conclusion.label, "requested": r.requested,
            "recommended": r.recommended, "cut": r.cut, "cut_rate": r.cut_rate, "experts": list(r.experts),
            "dimensions": [{"name": d.name, "weight": d.weight, "score": d.score} for d in r.dimensions]}


def _out(request: HttpRequest, project: Project) -> dict[str, Any]:
    a = getattr(project, "exante", None)
    return {"project_id": project.pk, "needs_ex_ante": project.needs_ex_ante,
            "can_record": can_record_exante(request.user, project),
            "recorded_by": "财政部门或其委托的第三方机构", "problems": exante_problems(project),
            "sheet": [{"dimension": i.dimension, "max_score": i.max_score} for i in simple_sheet(profile_of(project))],
            "assessment": None if a is None else {
                "total": a.total, "grade": a.grade, "conclusion": a.conclusion, "requested": a.requested,
                "recommended": a.recommended, "cut": a.cut, "experts": a.experts, "created_at": a.created_at,
                "scores": [{"expert": s.expert, "dimension": s.dimension, "score": f"{s.score}"}
                           for s in a.scores.all()]}}


def _recorder(request: HttpRequest, project_id: int) -> Project:
    project = visible_project(request, project_id)
    if not can_record_exante(request.user, project):
        raise forbidden("只有财政部门或受托第三方可以在项目进入预算审核前录入事前绩效评估")
    return project


@api.get("/projects/{project_id}/exante", response={200: ExAnteOut, **errors(404)}, tags=[TAG],
         summary="项目的事前绩效评估与评分表")
def get_exante(request: HttpRequest, project_id: int):  # type: ignore[no-untyped-def]
    return _out(request, visible_project(request, project_id))


@api.put("/projects/{project_id}/exante", response={200: ExAnteOut, **errors(400, 403, 404, 422)}, tags=[TAG],
         summary="录入事前绩效评估（财政或受托第三方；覆盖此前的评估）")
def put_exante(request: HttpRequest, project_id: int, payload: ExAnteIn):  # type: ignore[no-untyped-def]
    project = _recorder(request, project_id)
    profile = profile_of(project)
    record_assessment(project, _scores(payload, simple_sheet(profile)), payload.requested, payload.recommended,
                      request.user, profile)
    return _out(request, fresh(project))


@api.post("/projects/{project_id}/exante/preview", response={200: ResultOut, **errors(400, 403, 404, 422)},
          tags=[TAG], summary="预览评估得分、等级与结论（不保存）")
def preview_exante(request: HttpRequest, project_id: int, payload: ExAnteIn):  # type: ignore[no-untyped-def]
    project = _recorder(request, project_id)
    profile = profile_of(project)
    return _result_out(evaluate(project, _scores(payload, simple_sheet(profile)), payload.requested,
                                payload.recommended, profile))
