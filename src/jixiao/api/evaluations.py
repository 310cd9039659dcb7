"""重点评价 over JSON: the evaluations a user sees, finance creating one with its team, members scoring the
framework, the 问题清单, and finance issuing the report (which applies the result)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Query, Schema
from pydantic import Field

from jixiao.api import api
from jixiao.api.common import ListQuery, cursor_page, errors, one, visible_project
from jixiao.api.errors import forbidden
from jixiao.core.money import NumberError, read_optional, score_rule
from jixiao.scoring.keyeval import framework_items
from jixiao.store.access import is_finance, profile_of, visible_evaluations
from jixiao.store.errors import ServiceError
from jixiao.store.evaluation import (
    add_finding,
    computed_items,
    create_evaluation,
    finalise,
    framework_of,
    submit_scores,
    team_result,
)
from jixiao.store.lifecycle_models import FINDING_CATEGORIES
from jixiao.store.models import KeyEvaluation
from jixiao.store.selectors import (
    evaluations_of,
    fresh,
    is_member,
    member_scores,
    rectification_ids,
    suggestion_of,
    team,
    team_candidates,
)

TAG = "重点评价"
CATEGORY_PATTERN = "^(" + "|".join(k for k, _ in FINDING_CATEGORIES) + ")$"


class EvaluationOut(Schema):
    id: int
    project_id: int
    project_name: str
    unit_name: str
    year: int
    title: str
    status: str = Field(description="open 评价中、final 已出具报告")
    total: Decimal | None
    grade: str
    report_date: date | None
    members: list[str]


class EvaluationPage(Schema):
    items: list[EvaluationOut]
    next_cursor: str | None


class ItemOut(Schema):
    level1: str
    level2: str
    name: str
    weight: Decimal | None
    computed: Decimal | None = Field(description="由数据计算的得分（资金到位率、预算执行率），无须评分")
    my_score: Decimal | None
    scores: dict[str, Decimal] = Field(description="各成员的评分（按用户名）")


class MemberOut(Schema):
    id: int
    username: str


class FindingRowOut(Schema):
    id: int
    category: str
    category_label: str
    description: str


class EvaluationDetailOut(EvaluationOut):
    is_member: bool
    can_finalise: bool
    team: list[MemberOut]
    items: list[ItemOut]
    team_total: Decimal | None
    team_grade: str
    missing: str = Field(description="尚不能汇总的原因（如有成员未评分）")
    findings: list[FindingRowOut]
    suggestion_id: int | None
    rectification_ids: list[int]


def evaluation_out(e: KeyEvaluation) -> dict[str, Any]:
    return {"id": e.pk, "project_id": e.project_id, "project_name": e.project.name, "unit_name": e.project.unit.name,
            "year": e.project.year, "title": e.title, "status": e.status, "total": e.total, "grade": e.grade,
            "report_date": e.report_date, "members": [m.username for m in team(e)]}


class EvaluationQuery(ListQuery):
    status: str | None = Field(None, pattern="^(open|final)$", description="open 评价中、final 已出具报告")


@api.get("/evaluations", response={200: EvaluationPage, **errors(422)}, tags=[TAG], summary="可查看的重点评价（分页）")
def list_evaluations(request: HttpRequest, params: Query[EvaluationQuery]):  # type: ignore[no-untyped-def]
    rows = evaluations_of(request.user, params.year, params.department, params.status)
    return cursor_page(rows, params.cursor, params.limit, evaluation_out)


def _detail(request: HttpRequest, evaluation: KeyEvaluation) -> dict[str, Any]:
    profile = profile_of(evaluation.project)
    try:
        result, missing = team_result(evaluation, profile), ""
    except ServiceError as exc:
        result, missing = None, str(exc)
    members = team(evaluation)
    names = {m.pk: m.username for m in members}
    by_item: dict[str, dict[str, Decimal]] = {}
    for s in evaluation.scores.all():
        by_item.setdefault(s.item, {})[names.get(s.member_id, str(s.member_id))] = s.score
    mine = member_scores(evaluation, request.user)
    computed = computed_items(evaluation, profile)
    suggestion = suggestion_of(evaluation)
    return {**evaluation_out(evaluation), "is_member": is_member(evaluation, request.user),
            "can_finalise": is_finance(request.user) and evaluation.status == "open",
            "team": [{"id": m.pk, "username": m.username} for m in members],
            "items": [{"level1": i.level1, "level2": i.level2, "name": i.name, "weight": i.weight,
                       "computed": computed.get(i.name), "my_score": mine.get(i.name),
                       "scores": by_item.get(i.name, {})} for i in framework_items(framework_of(evaluation, profile))],
            "team_total": result.total if result else None, "team_grade": result.grade if result else "",
            "missing": missing,
            "findings": [{"id": f.pk, "category": f.category, "category_label": f.get_category_display(),
                          "description": f.description} for f in evaluation.findings.all()],
            "suggestion_id": suggestion.pk if suggestion else None,
            "rectification_ids": rectification_ids(evaluation)}


def _visible(request: HttpRequest, evaluation_id: int) -> KeyEvaluation:
    evaluation: KeyEvaluation = one(visible_evaluations(request.user), evaluation_id, "评价")
    return evaluation


class CandidateOut(Schema):
    id: int
    username: str


@api.get("/evaluations/team-candidates", response={200: list[CandidateOut], **errors(403)}, tags=[TAG],
         summary="可加入评价组的人员（财政）")
def get_candidates(request: HttpRequest):  # type: ignore[no-untyped-def]
    if not is_finance(request.user):
        raise forbidden("只有财政部门可以组织重点评价")
    return [{"id": u.pk, "username": u.username} for u in team_candidates(request.user)]


@api.get("/evaluations/{evaluation_id}", response={200: EvaluationDetailOut, **errors(404)}, tags=[TAG],
         summary="评价详情：评价组、指标体系与评分、问题清单")
def get_evaluation(request: HttpRequest, evaluation_id: int):  # type: ignore[no-untyped-def]
    return _detail(request, _visible(request, evaluation_id))


class EvaluationIn(Schema):
    project_id: int
    member_ids: list[int] = Field(min_length=1, max_length=30, description="评价组成员的用户编号（本辖区财政人员或第三方评价人员）")
    reason: str = Field("", max_length=100, description="选取依据")


@api.post("/evaluations", response={200: EvaluationDetailOut, **errors(400, 403, 404, 422)}, tags=[TAG],
          summary="组织重点评价并组建评价组（财政）")
def post_evaluation(request: HttpRequest, payload: EvaluationIn):  # type: ignore[no-untyped-def]
    project = visible_project(request, payload.project_id)
    if not is_finance(request.user):
        raise forbidden("只有财政部门可以组织重点评价")
    allowed = {u.pk: u for u in team_candidates(request.user)}
    unknown = [str(pk) for pk in payload.member_ids if pk not in allowed]
    if unknown:
        raise ServiceError(f"用户 {'、'.join(unknown)} 不能加入评价组（须为本辖区财政人员或第三方评价人员）")
    evaluation = create_evaluation(project, [allowed[pk] for pk in dict.fromkeys(payload.member_ids)], request.user,
                                   payload.reason)
    return _detail(request, evaluation)


class ScoresIn(Schema):
    scores: dict[str, str | int | float] = Field(description="各三级指标的评分，键为指标名称（见 items）")


@api.put("/evaluations/{evaluation_id}/scores", response={200: EvaluationDetailOut, **errors(400, 403, 404, 422)},
         tags=[TAG], summary="评价组成员提交本人评分（覆盖本人此前的评分）")
def put_scores(request: HttpRequest, evaluation_id: int, payload: ScoresIn):  # type: ignore[no-untyped-def]
    evaluation = _visible(request, evaluation_id)
    if not is_member(evaluation, request.user):
        raise forbidden("只有评价组成员可以评分")
    profile = profile_of(evaluation.project)
    computed = computed_items(evaluation, profile)
    scores = {}
    for item in framework_items(framework_of(evaluation, profile)):
        if item.name in computed:
            continue
        label = f"“{item.name}”的评分"
        try:
            value = read_optional(str(payload.scores.get(item.name, "")), score_rule(label, item.weight or Decimal(100)))
        except NumberError as exc:
            raise ServiceError(str(exc)) from exc
        if value is None:
            raise ServiceError(f"请填写{label}")
        scores[item.name] = value
    unknown = [name for name in payload.scores if name not in scores and name not in computed]
    if unknown:
        raise ServiceError(f"“{'、'.join(unknown)}”不在指标体系中")
    submit_scores(evaluation, scores, request.user, profile)
    return _detail(request, evaluation)


class FindingIn(Schema):
    category: str = Field("other", pattern=CATEGORY_PATTERN,
                          description="问题类别：" + "、".join(f"{k} {v}" for k, v in FINDING_CATEGORIES))
    description: str = Field(min_length=1, max_length=5000)


@api.post("/evaluations/{evaluation_id}/findings", response={200: EvaluationDetailOut, **errors(400, 403, 404, 422)},
          tags=[TAG], summary="登记问题清单中的一个问题（评价组成员或财政）")
def post_finding(request: HttpRequest, evaluation_id: int, payload: FindingIn):  # type: ignore[no-untyped-def]
    evaluation = _visible(request, evaluation_id)
    if not (is_member(evaluation, request.user) or is_finance(request.user)):
        raise forbidden("只有评价组成员或财政部门可以登记问题")
    add_finding(evaluation, payload.category, payload.description, request.user)
    return _detail(request, evaluation)


class FinaliseIn(Schema):
    report_date: date = Field(description="报告日期（整改期限由此起算）")


@api.post("/evaluations/{evaluation_id}/finalise", response={200: EvaluationDetailOut, **errors(400, 403, 404, 422)},
          tags=[TAG], summary="出具评价报告：汇总评分、定级并应用结果（财政）")
def post_finalise(request: HttpRequest, evaluation_id: int, payload: FinaliseIn):  # type: ignore[no-untyped-def]
    evaluation = _visible(request, evaluation_id)
    if not is_finance(request.user):
        raise forbidden("只有财政部门可以出具评价报告")
    if not date(2000, 1, 1) <= payload.report_date <= date(2100, 12, 31):
        raise ServiceError(f"报告日期 {payload.report_date} 不在 2000–2100 年之间")
    finalise(evaluation, payload.report_date, request.user, profile_of(evaluation.project))
    return _detail(request, fresh(evaluation))
