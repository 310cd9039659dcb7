"""Reads shared by the pages and the JSON API: each query is written once, here, on top of store.access, so a page
and an endpoint can never disagree about what a user sees."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Exists, F, Max, OuterRef, Q, QuerySet, Subquery, Sum

from jixiao.store.access import (
    account_of,
    of_projects,
    scope_key,
    scope_units,
    visible_evaluations,
    visible_projects,
    visible_units,
)
from jixiao.store.evaluation import visible_rectifications
from jixiao.store.grouping import counted_first_of_each, first_of_each
from jixiao.store.models import (
    Account,
    ApiToken,
    BatchJob,
    BudgetSuggestion,
    ClassificationCode,
    CodeKind,
    CorrectiveAction,
    Department,
    FiscalYear,
    IndicatorTemplate,
    KeyEvaluation,
    MonitoringFund,
    MonitoringReport,
    MonitoringWarning,
    Project,
    RectificationItem,
    Review,
    Role,
    SelfEvaluationRecord,
)
from jixiao.store.money import MoneyField


def visible_warnings(user: Any) -> QuerySet[MonitoringWarning]:
    """The warnings of the projects `user` sees."""
    return of_projects(MonitoringWarning.objects.select_related("project__unit"), visible_projects(user))


def visible_actions(user: Any) -> QuerySet[CorrectiveAction]:
    """The corrective actions recorded on the projects `user` sees."""
    return of_projects(CorrectiveAction.objects.all(), visible_projects(user))


def visible_suggestions(user: Any) -> QuerySet[BudgetSuggestion]:
    """The budget suggestions of the evaluations of projects `user` sees."""
    return of_projects(BudgetSuggestion.objects.select_related("evaluation__project__unit"), visible_projects(user),
                       "evaluation__project")


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


def by_pk(rows: QuerySet[Any], pk: int) -> Any | None:
    """The row of `rows` with id `pk`, or None."""
    return rows.filter(pk=pk).first()


def after_pk(rows: QuerySet[Any], after: int | None) -> QuerySet[Any]:
    """`rows` in id order, from just after id `after` (from the start when None) — a cursor page's source."""
    rows = rows.order_by("pk")
    return rows if after is None else rows.filter(pk__gt=after)


def streamed(rows: QuerySet[Any], chunk: int = 500) -> Iterator[Any]:
    """`rows` read in chunks, for a page filtered in Python."""
    return rows.iterator(chunk_size=chunk)


def fresh(row: Any) -> Any:
    """The row as stored now (after a service saved it)."""
    return type(row).objects.get(pk=row.pk)


# --- pages: the reads the web views make, each written once here ------------------------------------------------


def projects_with(user: Any, *relations: str) -> QuerySet[Project]:
    """The projects `user` sees, with `relations` fetched alongside."""
    return visible_projects(user).prefetch_related(*relations)


def projects_for_detail(user: Any) -> QuerySet[Project]:
    """The projects `user` sees with their indicators, fund sources and self-evaluation (if any) read alongside."""
    return projects_with(user, "indicators", "fund_sources").select_related("selfeval")


def evaluations_with_members(user: Any) -> QuerySet[KeyEvaluation]:
    return visible_evaluations(user).prefetch_related("members")


def rectifications_by_deadline(user: Any) -> QuerySet[RectificationItem]:
    return visible_rectifications(user).order_by("deadline", "pk")


def has_selfeval(project: Project) -> bool:
    return SelfEvaluationRecord.objects.filter(project=project).exists()


def project_reviews(project: Project) -> QuerySet[Review]:
    """A project's reviews with their reviewer and per-indicator comments."""
    return project.reviews.select_related("reviewer").prefetch_related("comments")


def project_transitions(project: Project) -> QuerySet[Any]:
    return project.transitions.select_related("actor")


def latest_return(project: Project) -> Review | None:
    """The latest review that returned the project, with its comments."""
    return (Review.objects.filter(project=project, action="return").prefetch_related("comments")
            .select_related("reviewer").order_by("-created_at", "-pk").first())


def can_register(user: Any) -> bool:
    """Whether `user` has units in scope to register projects for."""
    return scope_units(user).exists()


def project_code_taken(unit_code: str, year: int, code: str) -> bool:
    return Project.objects.filter(unit__code=unit_code, year=year, code=code).exists()


def filtered_projects(user: Any, q: str = "", unit: str = "", year: int = 0, status: str = "", project_type: str = "",
                      order: str = "unit__code") -> QuerySet[Project]:
    """The projects `user` sees narrowed by the project list's filters (empty: not narrowed), in `order`."""
    rows = visible_projects(user)
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(code__icontains=q) | Q(unit__name__icontains=q))
    if unit:
        rows = rows.filter(unit__code=unit)
    if year:
        rows = rows.filter(year=year)
    if status:
        rows = rows.filter(status=status)
    if project_type:
        rows = rows.filter(project_type=project_type)
    return rows.order_by(order, "name", "pk")


def with_funds(projects: QuerySet[Project], limit: int) -> QuerySet[Project]:
    return projects.prefetch_related("fund_sources")[:limit]


CHOICES_TTL = 300  # seconds the project list's unit and year choices are kept per scope (no invalidation)


def project_filter_choices(user: Any) -> tuple[list[tuple[str, str]], list[int]]:
    """(code, name) of the units `user` sees projects of, by code, and the years of those projects, latest first —
    the project list's filter choices, computed once per scope every CHOICES_TTL seconds (a unit or year added
    since shows up within that time)."""
    key = f"jixiao:filter-choices:{scope_key(user)}"
    found = cache.get(key)
    if found is None:
        account = account_of(user)
        if account is not None and account.role == Role.EVALUATOR:  # its few evaluated projects' units
            units = sorted({(p.unit.code, p.unit.name) for p in visible_projects(user)})
        else:
            units = list(visible_units(user).order_by("code").values_list("code", "name"))
        found = (units, project_years(visible_projects(user)))
        cache.set(key, found, CHOICES_TTL)
    return found  # type: ignore[no-any-return]


def project_years(projects: QuerySet[Project]) -> list[int]:
    """The years the projects fall in, latest first."""
    return list(projects.order_by("-year").values_list("year", flat=True).distinct())


def finance_reviews(projects: QuerySet[Project], year: int = 0) -> QuerySet[Review]:
    """The finance-stage reviews of `projects` (of one year when given)."""
    reviews = of_projects(Review.objects.filter(stage="finance"), projects)
    return reviews.filter(project__year=year) if year else reviews


def own_jobs(user: Any, done: bool = False) -> QuerySet[BatchJob]:
    """The background jobs `user` started (only finished ones when `done`)."""
    rows = BatchJob.objects.filter(created_by=user)
    return rows.filter(status="done") if done else rows


def own_tokens(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def indicator_library(q: str = "", level1: str = "") -> QuerySet[IndicatorTemplate]:
    """The indicator library, narrowed by a word in the name or 二级指标 and by 一级指标."""
    rows = IndicatorTemplate.objects.all()
    if q:
        rows = rows.filter(Q(name__icontains=q) | Q(level2__icontains=q))
    return rows.filter(level1=level1) if level1 else rows


def library_template(pk: int) -> IndicatorTemplate | None:
    return IndicatorTemplate.objects.filter(pk=pk).first()


def code_years() -> list[int]:
    """The years that have classification codes, latest first."""
    return list(ClassificationCode.objects.values_list("year", flat=True).distinct().order_by("-year"))


def classification_codes(year: int, kind: str) -> QuerySet[ClassificationCode]:
    return ClassificationCode.objects.filter(year=year, kind=kind if kind in CodeKind.values else CodeKind.FUNCTION)


def fiscal_years() -> QuerySet[FiscalYear]:
    return FiscalYear.objects.all()


def department_graded(department: Department, year: int, grade: str, limit: int) -> list[SelfEvaluationRecord]:
    """The department's project self-evaluations of `year` graded `grade`, with project and unit."""
    return list(SelfEvaluationRecord.objects.filter(project__unit__department=department, project__year=year,
                                                    project__scope="project", grade=grade)
                .select_related("project__unit")[:limit])


def board_open_warnings(user: Any, limit: int) -> tuple[Counter[str], dict[str, list[MonitoringWarning]]]:
    """Open warnings `user` sees: how many of each colour, and the first `limit` of each by unit code, project
    name and period raised (one query)."""
    return counted_first_of_each(visible_warnings(user).filter(cleared_period__isnull=True), "colour", limit,
                                 ("project__unit__code", "project__name", "raised_period", "pk"))


def warning_board_rows(user: Any, colour: str | None, state: str | None) -> QuerySet[MonitoringWarning]:
    """The warning board's rows: open ones first, by colour, the latest raised first."""
    rows = warnings_of(user, colour=colour, state=state)
    if state == "open":  # all open: read in the open warnings' index order
        return rows.order_by("colour", "-pk")
    return rows.order_by(F("cleared_period").desc(nulls_first=True), "colour", "-pk")


def recent_actions(user: Any, limit: int) -> list[CorrectiveAction]:
    return list(visible_actions(user).select_related("project", "actor")[:limit])


# --- the dashboard: figures over a set of projects (the caller passes what the user sees) ------------------------


def latest_reports(projects: QuerySet[Project]) -> QuerySet[MonitoringReport]:
    """Each project's latest monitoring report (no later period saved), with its project and department."""
    later = MonitoringReport.objects.filter(project=OuterRef("project"), period__gt=OuterRef("period"))
    return (of_projects(MonitoringReport.objects.filter(~Exists(later)), projects)
            .select_related("project__unit__department"))


def execution_by_department(projects: QuerySet[Project]) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    """(department name, budget, executed, latest time progress %) over each project's latest report, by name —
    one grouped query, a row per department (each report's executed amount summed by a subquery on its funds)."""
    department = "project__unit__department__name"
    executed = (MonitoringFund.objects.filter(report=OuterRef("pk")).order_by().values("report")
                .annotate(total=Sum("executed")).values("total"))
    rows = (latest_reports(projects).order_by().annotate(report_executed=Subquery(executed, output_field=MoneyField()))
            .values(department).annotate(budget=Sum("project__adjusted_budget"), executed=Sum("report_executed"),
                                         progress=Max("time_progress")).order_by(department))
    return [(r[department], r["budget"] or Decimal(0), r["executed"] or Decimal(0), r["progress"]) for r in rows]


def latest_reports_by_department(projects: QuerySet[Project], limit: int) -> dict[str, list[MonitoringReport]]:
    """The latest reports of each department's projects (by department name), the first `limit` by project name."""
    return first_of_each(latest_reports(projects), "project__unit__department__name", limit, ("project__name", "pk"))


def project_latest_rates(projects: list[Project]) -> dict[int, Decimal | None]:
    """Execution rate of each project's latest report, by project id (projects with a report only)."""
    later = MonitoringReport.objects.filter(project=OuterRef("project"), period__gt=OuterRef("period"))
    return dict(MonitoringReport.objects.filter(project__in=[p.pk for p in projects]).filter(~Exists(later))
                .values_list("project_id", "execution_rate"))


def open_warnings(projects: QuerySet[Project]) -> QuerySet[MonitoringWarning]:
    return of_projects(MonitoringWarning.objects.filter(cleared_period__isnull=True), projects)


def open_warnings_by_colour(projects: QuerySet[Project], limit: int
                            ) -> tuple[Counter[str], dict[str, list[MonitoringWarning]]]:
    """How many open warnings of each colour, and the latest `limit` of each (one query)."""
    return counted_first_of_each(open_warnings(projects).select_related("project__unit"), "colour", limit)


def selfevals_by_grade(projects: QuerySet[Project], limit: int
                       ) -> tuple[Counter[str], dict[str, list[SelfEvaluationRecord]]]:
    """How many self-evaluations of each grade, and `limit` of each (one query)."""
    return counted_first_of_each(of_projects(SelfEvaluationRecord.objects.select_related("project__unit"), projects), "grade", limit)


def finals_by_grade(projects: QuerySet[Project], limit: int) -> tuple[Counter[str], dict[str, list[KeyEvaluation]]]:
    """Final key evaluations: how many of each grade, and `limit` of each (one query)."""
    return counted_first_of_each(of_projects(KeyEvaluation.objects.filter(status="final"), projects)
                                 .select_related("project__unit"), "grade", limit)


def confirmed_suggestions(projects: QuerySet[Project]) -> QuerySet[BudgetSuggestion]:
    return of_projects(BudgetSuggestion.objects.filter(confirmed__isnull=False), projects, "evaluation__project")


def open_rectifications(projects: QuerySet[Project]) -> QuerySet[RectificationItem]:
    return of_projects(RectificationItem.objects.filter(done_on__isnull=True), projects)


def per_project(rows: QuerySet[Any]) -> Counter[int]:
    """How many of `rows` each project has, by project id."""
    return Counter(rows.values_list("project_id", flat=True))


def count(rows: QuerySet[Any]) -> int:
    return rows.count()


def projects_by_name(projects: QuerySet[Project], limit: int) -> list[Project]:
    return list(projects.order_by("name")[:limit])
