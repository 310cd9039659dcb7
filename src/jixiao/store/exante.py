"""事前绩效评估 writes (SPEC §5): experts' scores in, the rules' total, grade, conclusion and 审减 out."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from jixiao.core.profile import Profile
from jixiao.scoring.errors import InputError
from jixiao.scoring.exante import ExAnteResult, ExpertScore, assess, simple_sheet
from jixiao.store.access import account_of
from jixiao.store.errors import ServiceError
from jixiao.store.models import ExAnteAssessment, ExAnteRequest, ExAnteScore, Project, Role


def evaluate(project: Project, scores: list[ExpertScore], requested: Decimal, recommended: Decimal | None,
             profile: Profile) -> ExAnteResult:
    try:
        return assess(project.name, simple_sheet(profile), scores, requested, profile, recommended)
    except InputError as exc:
        raise ServiceError(str(exc)) from exc


@transaction.atomic
def record_assessment(project: Project, scores: list[ExpertScore], requested: Decimal, recommended: Decimal | None,
                      actor: Any, profile: Profile) -> ExAnteAssessment:
    """Finance (or an evaluator it engaged) records the panel's scores; replaces an earlier assessment."""
    account = account_of(actor)
    if account is None or account.role not in (Role.FINANCE, Role.EVALUATOR):
        raise ServiceError("只有财政部门或受托第三方可以录入事前绩效评估")
    if project.status not in ("draft", "returned"):
        raise ServiceError("项目已进入预算审核，不能再修改事前绩效评估")
    result = evaluate(project, scores, requested, recommended, profile)
    ExAnteAssessment.objects.filter(project=project).delete()
    assessment = ExAnteAssessment.objects.create(
        project=project, requested=result.requested, recommended=result.recommended, total=result.total,
        grade=result.grade, conclusion=result.conclusion.label, experts="、".join(result.experts), created_by=actor)
    ExAnteScore.objects.bulk_create([ExAnteScore(assessment=assessment, expert=s.expert, dimension=s.dimension,
                                                 item=s.item, score=s.score) for s in scores])
    return assessment


def exante_problems(project: Project) -> list[str]:
    """A project that needs an assessment cannot go into the budget without a supporting one (SPEC §5.1)."""
    if not project.needs_ex_ante:
        return []
    assessment = ExAnteAssessment.objects.filter(project=project).first()
    if assessment is None:
        return ["该项目须先完成事前绩效评估"]
    if assessment.conclusion == "不予支持":
        return [f"事前绩效评估结论为“不予支持”（{assessment.total} 分），不能申请预算"]
    return []


def open_request(project: Project) -> ExAnteRequest | None:
    """The unit's latest request still waiting for an assessment (none once one is recorded after it)."""
    request = ExAnteRequest.objects.filter(project=project).select_related("requested_by").first()
    assessment = ExAnteAssessment.objects.filter(project=project).first()
    if request is None or (assessment is not None and assessment.created_at >= request.requested_at):
        return None
    return request


@transaction.atomic
def request_assessment(project: Project, actor: Any, note: str = "") -> ExAnteRequest:
    """A unit asks the finance bureau to organise the ex-ante assessment: a task in finance's work queue."""
    account = account_of(actor)
    if account is None or account.role != Role.UNIT or account.unit_id != project.unit_id:
        raise ServiceError("只有项目所属单位可以申请事前绩效评估")
    if not project.needs_ex_ante:
        raise ServiceError("本项目未要求事前绩效评估，无需申请")
    if project.status not in ("draft", "returned"):
        raise ServiceError("项目已进入预算审核，不能再申请事前绩效评估")
    Project.objects.select_for_update().filter(pk=project.pk).first()  # one request at a time per project
    if open_request(project) is not None:
        raise ServiceError("已申请事前绩效评估，正等待财政部门安排，请勿重复申请")
    return ExAnteRequest.objects.create(project=project, requested_by=actor, note=note.strip()[:500])
