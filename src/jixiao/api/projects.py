"""Projects, goals and reviews over JSON; every query goes through store.access."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Status
from ninja.pagination import LimitOffsetPagination, paginate

from jixiao.api import api
from jixiao.api.schemas import (
    ActionIn,
    GoalIn,
    GoalOut,
    Message,
    ProjectDetailOut,
    ProjectOut,
    ReviewsOut,
)
from jixiao.core.workflow import STATUS_LABELS, Action
from jixiao.core.workflow import Status as ReviewStatus
from jixiao.store.access import can_edit, profile_of, visible_projects
from jixiao.store.errors import ConflictError, ServiceError
from jixiao.store.goals import GoalDraft, IndicatorDraft, check_goal, save_goal
from jixiao.store.models import Project
from jixiao.store.review import Decision, act


def _project_out(p: Project) -> dict:  # type: ignore[type-arg]
    return {"id": p.pk, "code": p.code, "name": p.name, "year": p.year, "unit_code": p.unit.code,
            "unit_name": p.unit.name, "project_type": p.project_type, "status": p.status,
            "status_label": ReviewStatus(p.status).label, "review_round": p.review_round, "initial_budget": p.initial_budget,
            "adjusted_budget": p.adjusted_budget, "approved_budget": p.approved_budget, "executed": p.executed,
            "version": p.version}


def _visible(request: HttpRequest, project_id: int) -> Project:
    return get_object_or_404(visible_projects(request.user), pk=project_id)


@api.get("/projects", response=list[ProjectOut], tags=["项目库"], summary="可查看的项目")
@paginate(LimitOffsetPagination)
def list_projects(request: HttpRequest, year: int | None = None, status: str | None = None, q: str | None = None):  # type: ignore[no-untyped-def]
    rows = visible_projects(request.user).order_by("unit__code", "name", "pk")
    if year is not None:
        rows = rows.filter(year=year)
    if status in STATUS_LABELS:
        rows = rows.filter(status=status)
    if q:
        rows = rows.filter(name__icontains=q)
    return [_project_out(p) for p in rows]


@api.get("/projects/{project_id}", response={200: ProjectDetailOut, 404: Message}, tags=["项目库"])
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


@api.get("/projects/{project_id}/goal", response={200: GoalOut, 404: Message}, tags=["绩效目标"],
         summary="绩效目标、指标与目标质量检查")
def get_goal(request: HttpRequest, project_id: int):  # type: ignore[no-untyped-def]
    project = _visible(request, project_id)
    return _goal_out(project, GoalDraft.of(project))


@api.put("/projects/{project_id}/goal", response={200: GoalOut, 400: Message, 403: Message, 404: Message,
                                                  409: Message}, tags=["绩效目标"], summary="保存绩效目标（须带版本号）")
def put_goal(request: HttpRequest, project_id: int, payload: GoalIn):  # type: ignore[no-untyped-def]
    project = _visible(request, project_id)
    if not can_edit(request.user, project):
        return Status(403, {"detail": "只有项目所属单位可在草稿或退回状态下修改绩效目标"})
    draft = GoalDraft(payload.annual_goal, payload.period_goal,
                      tuple(IndicatorDraft(**i.dict()) for i in payload.indicators))
    project = save_goal(project, draft, payload.version, request.user)
    return Status(200, _goal_out(project, GoalDraft.of(project)))


@api.get("/projects/{project_id}/reviews", response={200: ReviewsOut, 404: Message}, tags=["目标审核"])
def get_reviews(request: HttpRequest, project_id: int):  # type: ignore[no-untyped-def]
    project = _visible(request, project_id)
    return {"reviews": [{"round": r.round, "stage": r.stage, "reviewer": r.reviewer.username, "action": r.action,
                         "score": r.score, "grade": r.grade, "cut_amount": r.cut_amount, "comment": r.comment,
                         "created_at": r.created_at} for r in project.reviews.select_related("reviewer")],
            "transitions": [{"round": t.round, "source": t.source, "target": t.target, "actor": t.actor.username,
                             "comment": t.comment, "at": t.at} for t in project.transitions.select_related("actor")]}


@api.post("/projects/{project_id}/actions", response={200: ProjectOut, 400: Message, 404: Message, 409: Message},
          tags=["目标审核"], summary="提交、审核通过或退回")
def post_action(request: HttpRequest, project_id: int, payload: ActionIn):  # type: ignore[no-untyped-def]
    project = _visible(request, project_id)
    decision = Decision(Action(payload.action), payload.version, payload.comment, payload.score,
                        payload.cut_amount or Decimal(0),
                        payload.indicator_comments)
    try:
        project = act(project, decision, request.user, profile_of(project))
    except ConflictError as exc:
        return Status(409, {"detail": str(exc)})
    except ServiceError as exc:
        return Status(400, {"detail": str(exc)})
    return Status(200, _project_out(project))
