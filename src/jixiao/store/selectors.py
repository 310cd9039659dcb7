"""Reads shared by the pages and the JSON API: each query is written once, here, on top of store.access, so a page
and an endpoint can never disagree about what a user sees."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from jixiao.store.access import account_of, visible_evaluations, visible_projects
from jixiao.store.evaluation import visible_rectifications
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


def by_year_department(rows: QuerySet[Any], project: str, year: int | None, department: str | None) -> QuerySet[Any]:
    """Rows narrowed by their project's year and department code (`project` is the path to the project, "" for
    projects themselves) — always within what the caller already sees."""
    prefix = f"{project}__" if project else ""
    if year is not None:
        rows = rows.filter(**{f"{prefix}year": year})
    if department:
        rows = rows.filter(**{f"{prefix}unit__department__code": department})
    return rows


def projects_of(user: Any, year: int | None = None, department: str | None = None, status: str | None = None,
                name: str | None = None) -> QuerySet[Project]:
    rows = by_year_department(visible_projects(user), "", year, department)
    if status:
        rows = rows.filter(status=status)
    return rows.filter(name__icontains=name) if name else rows


def warnings_of(user: Any, year: int | None = None, department: str | None = None, state: str | None = None,
                colour: str | None = None) -> QuerySet[MonitoringWarning]:
    """`state`: open (not cleared) or cleared."""
    rows = by_year_department(visible_warnings(user), "project", year, department)
    if state in ("open", "cleared"):
        rows = rows.filter(cleared_period__isnull=state == "open")
    return rows.filter(colour=colour) if colour else rows


def actions_of(user: Any, year: int | None = None, department: str | None = None) -> QuerySet[CorrectiveAction]:
    return by_year_department(visible_actions(user), "project", year, department).select_related("project", "actor")


def evaluations_of(user: Any, year: int | None = None, department: str | None = None,
                   status: str | None = None) -> QuerySet[KeyEvaluation]:
    rows = by_year_department(visible_evaluations(user), "project", year, department)
    return (rows.filter(status=status) if status else rows).prefetch_related("members")


def suggestions_of(user: Any, year: int | None = None, department: str | None = None,
                   status: str | None = None) -> QuerySet[BudgetSuggestion]:
    """`status`: pending (not yet confirmed) or confirmed."""
    rows = by_year_department(visible_suggestions(user), "evaluation__project", year, department)
    return rows.filter(confirmed__isnull=status == "pending") if status in ("pending", "confirmed") else rows


def rectifications_of(user: Any, year: int | None = None, department: str | None = None) -> QuerySet[RectificationItem]:
    return by_year_department(visible_rectifications(user), "project", year, department)


def project_warnings(project: Project) -> QuerySet[MonitoringWarning]:
    return project.warnings.select_related("project__unit")


def monitoring_reports(project: Project) -> dict[int, MonitoringReport]:
    """A project's saved reports by period."""
    return {r.period: r for r in project.monitoring_reports.all()}


def team(evaluation: KeyEvaluation) -> list[Any]:
    """The members of an evaluation's team, by user name."""
    return list(evaluation.members.order_by("username"))


def rectification_ids(evaluation: KeyEvaluation) -> list[int]:
    return list(evaluation_rectifications(evaluation).values_list("pk", flat=True))


def reviews_of(project: Project) -> tuple[list[Any], list[Any]]:
    """A project's reviews and status transitions, in order."""
    return (list(project.reviews.select_related("reviewer")), list(project.transitions.select_related("actor")))


def fresh(row: Any) -> Any:
    """The row as stored now (after a service saved it)."""
    return type(row).objects.get(pk=row.pk)
