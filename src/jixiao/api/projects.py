"""Projects, goals and reviews over JSON; every query goes through store.access."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpRequest
from ninja import Query, Schema
from pydantic import Field

from jixiao.api import api
from jixiao.api.common import ListQuery, cursor_page, errors, visible_project
from jixiao.api.errors import forbidden
from jixiao.api.schemas import (
    ActionIn,
    GoalIn,
    GoalOut,
    ProjectDetailOut,
    ProjectOut,
    ReviewsOut,
)
from jixiao.core.workflow import STATUS_LABELS, Action
from jixiao.core.workflow import Status as ReviewStatus
from jixiao.store.access import can_edit, profile_of
from jixiao.store.goals import GoalDraft, IndicatorDraft, check_goal, save_goal
from jixiao.store.models import Project
from jixiao.store.review import Decision, act
from jixiao.store.selectors import projects_of, reviews_of


def _project_out(p: Project) -> dict:  # type: ignore[type-arg]
    return {"id": p.pk, "code": p.code, "name": p.name, "year": p.year, "unit_code": p.unit.code,
            "unit_name": p.unit.name, "project_type": p.project_type, "status": p.status,
            "status_label": ReviewStatus(p.status).label, "review_round": p.review_round, "initial_budget": p.initial_budget,
            "adjusted_budget": p.adjusted_budget, "approved_budget": p.approved_budget, "executed": p.executed,
            "version": p.version}


_visible = visible_project


class ProjectQuery(ListQuery):
    status: str | None = Field(None, max_length=20, description="目标审核状态：" + "、".join(
        f"{s.value} {label}" for s, label in STATUS_LABELS.items()))
    q: str | None = Field(None, max_length=100, description="项目名称包含的文字")


class ProjectPage(Schema):
    items: list[ProjectOut]
    next_cursor: str | None


@api.get("/projects", response={200: ProjectPage, **errors(422)}, tags=["项目库"], summary="可查看的项目（分页）")
def list_projects(request: HttpRequest, params: Query[ProjectQuery]):  # type: ignore[no-untyped-def]
    rows = projects_of(request.user, params.year, params.department, params.status, params.q)
    return cursor_page(rows, params.cursor, params.limit, _project_out)


@api.get("/projects/{project_id}", response={200: ProjectDetailOut, **errors(404)}, tags=["项目库"],
         summary="项目详情（预算与资金来源）")
def get_project(request: HttpRequest, project_id: int):  # type: ignore[no-untyped-def]
    p = _visible(request, project_id)
    return {**_project_out(p), "annual_goal": p.annual_goal, "period_goal": p.period_goal,
            "fund_sources": [{"budget_type": f.get_budget_type_display(), "level": f.get_level_display(),
                              "amount": f.amount} for f in p.fund_sources.all()]}


def _goal_out(project: Project, draft: GoalDraft) -> dict:  # type: ignore[type-arg]
    findings = check_goal(project, draft, profile_of(project))
    return {"annual_goal": draft.annual_goal, "period_goal": draft.period_goal, "version": project.version,
            "indicators": [{**vars(d), "target": d.target} for d in draft.indicators],
            "weight_total": draft.weight_total,
            "findings": [{"rule": f.rule, "tier": f.tier.value, "message": f.message} for f in findings]}


@api.get("/projects/{project_id}/goal", response={200: GoalOut, **errors(404)}, tags=["绩效目标"],
         summary="绩效目标、指标与目标质量检查")
def get_goal(request: HttpRequest, project_id: int):  # type: ignore[no-untyped-def]
    project = _visible(request, project_id)
    return _goal_out(project, GoalDraft.of(project))


@api.put("/projects/{project_id}/goal", response={200: GoalOut, **errors(400, 403, 404, 409, 422)}, tags=["绩效目标"], summary="保存绩效目标（须带版本号）")
def put_goal(request: HttpRequest, project_id: int, payload: GoalIn):  # type: ignore[no-untyped-def]
    project = _visible(request, project_id)
    if not can_edit(request.user, project):
        raise forbidden("只有项目所属单位可在草稿或退回状态下修改绩效目标")
    draft = GoalDraft(payload.annual_goal, payload.period_goal,
                      tuple(IndicatorDraft(**i.dict()) for i in payload.indicators))
    project = save_goal(project, draft, payload.version, request.user)
    return _goal_out(project, GoalDraft.of(project))


@api.get("/projects/{project_id}/reviews", response={200: ReviewsOut, **errors(404)}, tags=["目标审核"],
         summary="审核记录与状态流转")
def get_reviews(request: HttpRequest, project_id: int):  # type: ignore[no-untyped-def]
    project = _visible(request, project_id)
    reviews, transitions = reviews_of(project)
    return {"reviews": [{"round": r.round, "stage": r.stage, "reviewer": r.reviewer.username, "action": r.action,
                         "score": r.score, "grade": r.grade, "cut_amount": r.cut_amount, "comment": r.comment,
                         "created_at": r.created_at} for r in reviews],
            "transitions": [{"round": t.round, "source": t.source, "target": t.target, "actor": t.actor.username,
                             "comment": t.comment, "at": t.at} for t in transitions]}


@api.post("/projects/{project_id}/actions", response={200: ProjectOut, **errors(400, 404, 409, 422)},
          tags=["目标审核"], summary="提交、审核通过或退回")
def post_action(request: HttpRequest, project_id: int, payload: ActionIn):  # type: ignore[no-untyped-def]
    project = _visible(request, project_id)
    decision = Decision(Action(payload.action), payload.version, payload.comment, payload.score,
                        payload.cut_amount or Decimal(0),
                        payload.indicator_comments)
    return _project_out(act(project, decision, request.user, profile_of(project)))
