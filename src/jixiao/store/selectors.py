"""Reads shared by the pages and the JSON API: each query is written once, here, on top of store.access, so a page
and an endpoint can never disagree about what a user sees."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from jixiao.store.access import account_of, visible_projects
from jixiao.store.models import (
    Account,
    BudgetSuggestion,
    CorrectiveAction,
    KeyEvaluation,
    MonitoringReport,
    MonitoringWarning,
    Project,
    RectificationItem,
    Role,
    SelfEvaluationRecord,
)


def visible_warnings(user: Any) -> QuerySet[MonitoringWarning]:
    """The warnings of the projects `user` sees."""
    return MonitoringWarning.objects.filter(project__in=visible_projects(user)).select_related("project__unit")


def visible_actions(user: Any) -> QuerySet[CorrectiveAction]:
    """The corrective actions recorded on the projects `user` sees."""
    return CorrectiveAction.objects.filter(project__in=visible_projects(user))


def visible_suggestions(user: Any) -> QuerySet[BudgetSuggestion]:
    """The budget suggestions of the evaluations of projects `user` sees."""
    return BudgetSuggestion.objects.filter(evaluation__project__in=visible_projects(user)).select_related(
        "evaluation__project__unit")


def monitoring_report(project: Project, period: int) -> MonitoringReport | None:
    return project.monitoring_reports.filter(period=period).first()


def selfeval_record(project: Project) -> SelfEvaluationRecord | None:
    return SelfEvaluationRecord.objects.filter(project=project).first()


def suggestion_of(evaluation: KeyEvaluation) -> BudgetSuggestion | None:
    return BudgetSuggestion.objects.filter(evaluation=evaluation).first()


def evaluation_rectifications(evaluation: KeyEvaluation) -> QuerySet[RectificationItem]:
    return RectificationItem.objects.filter(finding__evaluation=evaluation)


def is_member(evaluation: KeyEvaluation, user: Any) -> bool:
    return evaluation.members.filter(pk=getattr(user, "pk", None)).exists()


def member_scores(evaluation: KeyEvaluation, user: Any) -> dict[str, Any]:
    """A member's own scores of an evaluation, by item."""
    return {s.item: s.score for s in evaluation.scores.filter(member=getattr(user, "pk", None))}


def team_candidates(user: Any) -> list[Any]:
    """Evaluators and finance staff of the user's jurisdiction who can be put on a team."""
    account = account_of(user)
    accounts = Account.objects.select_related("user").filter(role=Role.EVALUATOR)
    if account is not None and account.jurisdiction_id:
        accounts = accounts | Account.objects.select_related("user").filter(
            role=Role.FINANCE, jurisdiction_id=account.jurisdiction_id)
    return [a.user for a in accounts.order_by("user__username")]
