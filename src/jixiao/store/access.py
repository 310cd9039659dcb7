"""Who sees what — enforced here and only here. A unit sees its own projects, a department its units', finance
its jurisdiction's, an admin everything; an evaluator sees only evaluations assigned to it (none yet)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from jixiao.store.models import Account, Project, Role


def account_of(user: Any) -> Account | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Account.objects.select_related("unit", "department", "jurisdiction").filter(user=user).first()


def visible_projects(user: Any) -> QuerySet[Project]:
    """The projects `user` may see; the empty set for anyone without an account."""
    account = account_of(user)
    projects = Project.objects.select_related("unit__department__jurisdiction")
    if account is None:
        return projects.none()
    if account.role == Role.ADMIN:
        return projects.all()
    if account.role == Role.FINANCE and account.jurisdiction_id:
        return projects.filter(unit__department__jurisdiction_id=account.jurisdiction_id)
    if account.role == Role.DEPARTMENT and account.department_id:
        return projects.filter(unit__department_id=account.department_id)
    if account.role == Role.UNIT and account.unit_id:
        return projects.filter(unit_id=account.unit_id)
    return projects.none()
