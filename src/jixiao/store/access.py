"""Who sees what — enforced here and only here. A unit sees its own projects, a department its units', finance
its jurisdiction's, an admin everything; an evaluator sees only the evaluations assigned to it and their projects.
Every page and API endpoint reads through these functions."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db.models import QuerySet

from jixiao.core.profile import Profile
from jixiao.core.workflow import EDITABLE, Action, Status, allowed_actions
from jixiao.profiles import configured_profile, load_profile
from jixiao.store.models import Account, Department, KeyEvaluation, Project, Role, Unit

_UNREAD = object()


def account_of(user: Any) -> Account | None:
    """The user's account, read once per user object (a request's user lives for that request only)."""
    if not getattr(user, "is_authenticated", False):
        return None
    account = getattr(user, "_jixiao_account", _UNREAD)
    if account is _UNREAD:
        account = (Account.objects.select_related("unit__department__jurisdiction", "department__jurisdiction",
                                                  "jurisdiction").filter(user=user).first())
        user._jixiao_account = account
    return account  # type: ignore[no-any-return]


def scope_key(user: Any) -> str:
    """What `user` sees, as a short key: users with the same key see the same projects (for shared caches)."""
    account = account_of(user)
    if account is None:
        return "none"
    if account.role == Role.ADMIN:
        return "admin"
    if account.role == Role.EVALUATOR:
        return f"evaluator:{account.user_id}"
    scope = {Role.UNIT: account.unit_id, Role.DEPARTMENT: account.department_id, Role.FINANCE: account.jurisdiction_id}
    return f"{account.role}:{scope.get(account.role)}"


def _in_scope(rows: QuerySet[Any], account: Account, lookups: dict[str, str]) -> QuerySet[Any]:
    """The rows within a unit's, a department's or finance's reach: `lookups` names, per role, the field of a row
    that must equal the account's unit, department or jurisdiction id; any other role gets nothing."""
    scope = {Role.UNIT: account.unit_id, Role.DEPARTMENT: account.department_id, Role.FINANCE: account.jurisdiction_id}
    field, value = lookups.get(account.role), scope.get(account.role)
    return rows.filter(**{field: value}) if field and value else rows.none()


def visible_projects(user: Any) -> QuerySet[Project]:
    """The projects `user` may see; the empty set for anyone without an account."""
    account = account_of(user)
    projects = Project.objects.select_related("unit__department__jurisdiction")
    if account is None:
        return projects.none()
    if account.role == Role.ADMIN:
        return projects.all()
    if account.role == Role.EVALUATOR:
        return projects.filter(key_evaluations__members=account.user_id).distinct()
    return _in_scope(projects, account, {Role.UNIT: "unit_id", Role.DEPARTMENT: "unit__department_id",
                                         Role.FINANCE: "unit__department__jurisdiction_id"})


def of_projects(rows: QuerySet[Any], projects: QuerySet[Project], path: str = "project") -> QuerySet[Any]:
    """`rows` (warnings, reports, records…) of `projects`, reached through `path`. Every project (an
    administrator's scope) puts no condition on them: a subquery over every project would scan them all."""
    if not projects.query.where and not projects.query.distinct:
        return rows
    return rows.filter(**{f"{path}__in": projects})


def visible_evaluations(user: Any) -> QuerySet[KeyEvaluation]:
    """An evaluator sees the evaluations it is a member of; everyone else those of the projects they see."""
    account = account_of(user)
    rows = KeyEvaluation.objects.select_related("project__unit")
    if account is None:
        return rows.none()
    if account.role == Role.EVALUATOR:
        return rows.filter(members=account.user_id)
    return of_projects(rows, visible_projects(user))


def scope_profile(user: Any) -> Profile:
    """The rules of the jurisdiction a user acts in (for pages that span projects); the server default else."""
    account = account_of(user)
    jurisdiction = None
    if account is not None:
        jurisdiction = (account.jurisdiction or (account.department.jurisdiction if account.department else None)
                        or (account.unit.department.jurisdiction if account.unit else None))
    return profile_named(jurisdiction.profile) if jurisdiction is not None else configured_profile()


def profile_of(project: Project) -> Profile:
    """The rules of the project's jurisdiction."""
    return profile_named(project.unit.department.jurisdiction.profile)


@cache
def profile_named(name: str) -> Profile:
    """A shipped profile by name, loaded once."""
    return load_profile(name)


def scope_units(user: Any) -> QuerySet[Unit]:
    """The units whose projects `user` may create or import: a unit its own, a department its units, finance
    its jurisdiction's; nobody else."""
    account = account_of(user)
    units = Unit.objects.select_related("department")
    if account is None:
        return units.none()
    return _in_scope(units, account, {Role.UNIT: "pk", Role.DEPARTMENT: "department_id",
                                      Role.FINANCE: "department__jurisdiction_id"})


def visible_units(user: Any) -> QuerySet[Unit]:
    """The units whose projects (and their history) `user` may see: as visible_projects, by unit — so projects
    deleted since still count. An admin sees every unit, an evaluator none."""
    account = account_of(user)
    if account is not None and account.role == Role.ADMIN:
        return Unit.objects.all()
    return scope_units(user)


def can_edit(user: Any, project: Project) -> bool:
    """Only the owning unit edits a project's budget and goal, and only while it is a draft or returned."""
    account = account_of(user)
    return (account is not None and account.role == Role.UNIT and account.unit_id == project.unit_id
            and Status(project.status) in EDITABLE)


def actions_for(user: Any, project: Project) -> list[Action]:
    """The workflow actions `user` may take on a project it can see."""
    account = account_of(user)
    if account is None or account.role not in ("unit", "department", "finance"):
        return []
    if account.role == Role.UNIT and account.unit_id != project.unit_id:
        return []
    return allowed_actions(account.role, Status(project.status))


def visible_departments(user: Any) -> QuerySet[Department]:
    """Departments whose whole-department pages a user may open: finance its jurisdiction's, a department itself,
    an admin all; units and evaluators none."""
    account = account_of(user)
    departments = Department.objects.select_related("jurisdiction").order_by("code")
    if account is None:
        return departments.none()
    if account.role == Role.ADMIN:
        return departments.all()
    return _in_scope(departments, account, {Role.DEPARTMENT: "pk", Role.FINANCE: "jurisdiction_id"})


def can_report_monitoring(user: Any, project: Project) -> bool:
    """Only the owning unit reports monitoring figures, and only once finance approved the goal."""
    account = account_of(user)
    return (account is not None and account.role == Role.UNIT and account.unit_id == project.unit_id
            and project.status == Status.APPROVED.value)


def can_record_exante(user: Any, project: Project) -> bool:
    """Finance (or the third party it engaged) records the ex-ante assessment of a project not yet in review."""
    account = account_of(user)
    return account is not None and account.role in (Role.FINANCE, Role.EVALUATOR) and project.status in (
        Status.DRAFT.value, Status.RETURNED.value)


def can_request_exante(user: Any, project: Project) -> bool:
    """The owning unit asks the finance bureau for the ex-ante assessment of its project not yet in review."""
    account = account_of(user)
    return (account is not None and account.role == Role.UNIT and account.unit_id == project.unit_id
            and project.needs_ex_ante and project.status in (Status.DRAFT.value, Status.RETURNED.value))


def sees_warning_board(user: Any) -> bool:
    """Finance, departments and admins see the warnings across projects; a unit sees its own on its project."""
    account = account_of(user)
    return account is not None and account.role in (Role.FINANCE, Role.DEPARTMENT, Role.ADMIN)


def is_finance(user: Any) -> bool:
    """Finance organises evaluations, records corrective actions and confirms budget suggestions."""
    account = account_of(user)
    return account is not None and account.role == Role.FINANCE


def owns(user: Any, project: Project) -> bool:
    """The user is the project's own unit (it responds to its rectification items)."""
    account = account_of(user)
    return account is not None and account.role == Role.UNIT and account.unit_id == project.unit_id


def summary_jurisdiction(user: Any) -> Any:
    """The jurisdiction whose yearly work summary `user` may generate: finance its own; nobody else (None)."""
    account = account_of(user)
    if account is None or account.role != Role.FINANCE:
        return None
    return account.jurisdiction
