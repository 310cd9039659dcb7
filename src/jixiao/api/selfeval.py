"""单位自评 over JSON: the form's values (pre-filled from monitoring), the rules' score as the unit types, saving
and submitting — the same store functions as the page."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Schema
from pydantic import Field

from jixiao.api import api
from jixiao.api.common import FindingOut, errors, finding_out, visible_project
from jixiao.api.errors import forbidden
from jixiao.api.schemas import strict_amount
from jixiao.core.money import amount_rule
from jixiao.scoring.selfeval import SelfEvaluationScore
from jixiao.store.access import profile_of
from jixiao.store.errors import ServiceError
from jixiao.store.models import Project
from jixiao.store.selectors import fresh, selfeval_record
from jixiao.store.selfeval import (
    ActualEntry,
    Narrative,
    blocking,
    current_entries,
    fillable,
    save_selfeval,
    score,
)

TAG = "单位自评"
Executed = Annotated[Decimal, strict_amount(amount_rule("全年执行数"))]


class ActualIn(Schema):
    indicator_id: int
    actual: str = Field("", max_length=200, description="实际完成值")
    score: str = Field("", max_length=12, description="得分（只有定性指标需要填写）")
    deviation_reason: str = Field("", max_length=2000, description="偏差原因")


class SelfEvalIn(Schema):
    executed: Executed = Field(description="全年执行数（元）")
    indicators: list[ActualIn] = Field(default_factory=list, max_length=200)


class SelfEvalSaveIn(SelfEvalIn):
    version: int = Field(description="读取时的项目版本号（防止覆盖他人的修改）")
    goal_statement: str | None = Field(None, max_length=10000, description="全年目标实际完成情况；不填保留原文")
    experience: str | None = Field(None, max_length=10000, description="主要经验做法；不填保留原文")


class IndicatorScoreOut(Schema):
    indicator_id: int
    level1: str
    level2: str
    name: str
    target: str
    weight: Decimal | None
    actual: str
    score_entered: str
    deviation_reason: str
    method: str = Field(description="正向、反向、区间、定性或无法计分")
    score: Decimal | None = Field(description="规则计算的得分；定性指标由单位填写")
    band: list[Decimal] | None = Field(description="定性指标的得分区间")


class ScoreOut(Schema):
    adjusted_budget: Decimal | None
    executed: Decimal | None
    execution_rate: Decimal | None
    execution_score: Decimal
    indicator_score: Decimal
    total: Decimal | None = Field(description="按规则计算的总分；缺少计算所需的部分时为 null，原因见 total_not_computable")
    grade: str | None
    total_not_computable: str | None = Field(None, description="总分和等级无法计算的原因（如“未读到绩效指标行”），能计算时为 null")
    indicators: list[IndicatorScoreOut]
    deviations: list[FindingOut]
    blocking: list[str] = Field(description="提交前须补填或改正的内容")


class SelfEvalOut(Schema):
    project_id: int
    version: int
    can_fill: bool
    saved: bool
    submitted: bool
    goal_statement: str
    experience: str
    score: ScoreOut


def _score_out(project: Project, result: SelfEvaluationScore, entries: dict[int, ActualEntry]) -> dict[str, Any]:
    indicators = list(project.indicators.all())
    return {
        "adjusted_budget": result.adjusted_budget, "executed": result.executed,
        "execution_rate": result.execution_rate, "execution_score": result.execution_score,
        "indicator_score": result.indicator_score, "total": result.total, "grade": result.grade,
        "total_not_computable": result.total_gap or None,
        "indicators": [{"indicator_id": i.pk, "level1": i.level1, "level2": i.level2, "name": i.name,
                        "target": i.target, "weight": i.weight,
                        "actual": entries[i.pk].actual if i.pk in entries else i.actual,
                        "score_entered": entries[i.pk].score if i.pk in entries else "",
                        "deviation_reason": entries[i.pk].deviation_reason if i.pk in entries else i.deviation_reason,
                        "method": s.method, "score": s.score, "band": list(s.band) if s.band else None}
                       for s, i in zip(result.indicators, indicators, strict=True)],
        "deviations": [finding_out(f) for f in result.deviations], "blocking": blocking(result)}


def _out(request: HttpRequest, project: Project) -> dict[str, Any]:
    record = selfeval_record(project)
    profile = profile_of(project)
    executed, entries = current_entries(project, record)
    result = score(project, executed, entries, profile)
    project = fresh(project)  # scoring applied the entries to the instance; read it afresh
    return {"project_id": project.pk, "version": project.version,
            "can_fill": fillable(project, record, request.user, profile), "saved": record is not None,
            "submitted": bool(record and record.submitted),
            "goal_statement": record.goal_statement if record else "", "experience": record.experience if record else "",
            "score": _score_out(project, result, entries)}


def _filler(request: HttpRequest, project_id: int) -> Project:
    project = visible_project(request, project_id)
    if not fillable(project, selfeval_record(project), request.user, profile_of(project)):
        raise forbidden("只有项目所属单位可在目标批复后、提交前填报自评")
    return project


def _entries(project: Project, payload: SelfEvalIn) -> tuple[Decimal, dict[int, ActualEntry]]:
    ids = {i.pk for i in project.indicators.all()}
    unknown = [str(e.indicator_id) for e in payload.indicators if e.indicator_id not in ids]
    if unknown:
        raise ServiceError(f"指标 {'、'.join(unknown)} 不属于本项目")
    budget = project.adjusted_budget
    if budget > 0 and payload.executed > budget:  # as the page: no more can be spent than the budget holds
        raise ServiceError(f"全年执行数 {payload.executed} 元超过全年预算数 {budget} 元")
    return payload.executed, {e.indicator_id: ActualEntry(e.indicator_id, e.actual, e.score, e.deviation_reason)
                              for e in payload.indicators}


@api.get("/projects/{project_id}/selfeval", response={200: SelfEvalOut, **errors(404)}, tags=[TAG],
         summary="自评表（未填报时按监控数据预填）与规则计分")
def get_selfeval(request: HttpRequest, project_id: int):  # type: ignore[no-untyped-def]
    return _out(request, visible_project(request, project_id))


@api.post("/projects/{project_id}/selfeval/preview", response={200: ScoreOut, **errors(400, 403, 404, 422)},
          tags=[TAG], summary="预览自评得分与尚缺内容（不保存）")
def preview_selfeval(request: HttpRequest, project_id: int, payload: SelfEvalIn):  # type: ignore[no-untyped-def]
    project = _filler(request, project_id)
    executed, entries = _entries(project, payload)
    return _score_out(project, score(project, executed, entries, profile_of(project)), entries)


def _save(request: HttpRequest, project_id: int, payload: SelfEvalSaveIn, submit: bool) -> dict[str, Any]:
    project = _filler(request, project_id)
    executed, entries = _entries(project, payload)
    record = selfeval_record(project)
    narrative = Narrative(
        payload.goal_statement if payload.goal_statement is not None else (record.goal_statement if record else ""),
        payload.experience if payload.experience is not None else (record.experience if record else ""))
    save_selfeval(project, payload.version, executed, entries, submit, request.user, profile_of(project), narrative)
    return _out(request, fresh(project))


@api.put("/projects/{project_id}/selfeval", response={200: SelfEvalOut, **errors(400, 403, 404, 409, 422)},
         tags=[TAG], summary="保存自评草稿（须带版本号）")
def put_selfeval(request: HttpRequest, project_id: int, payload: SelfEvalSaveIn):  # type: ignore[no-untyped-def]
    return _save(request, project_id, payload, submit=False)


@api.post("/projects/{project_id}/selfeval/submit", response={200: SelfEvalOut, **errors(400, 403, 404, 409, 422)},
          tags=[TAG], summary="提交自评（须带版本号；尚缺内容时拒绝并列出）")
def submit_selfeval(request: HttpRequest, project_id: int, payload: SelfEvalSaveIn):  # type: ignore[no-untyped-def]
    return _save(request, project_id, payload, submit=True)
