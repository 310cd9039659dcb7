"""Accounts and the import of read self-evaluations. Each write is one transaction; imports are all-or-nothing."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from jixiao.core.model import SelfEvaluation
from jixiao.profiles import load_profile
from jixiao.scoring.selfeval import execution_points
from jixiao.store.models import Account, Department, Indicator, Jurisdiction, Project, Role, Unit


@transaction.atomic
def import_self_evaluations(unit: Unit, evaluations: Iterable[SelfEvaluation], year: int) -> list[Project]:
    """Store projects with their indicators from self-evaluations read by jixiao.ingest (all or nothing)."""
    profile = load_profile(unit.department.jurisdiction.profile)
    created = []
    for se in evaluations:
        total = se.budget_total
        points = execution_points(se, profile)
        project = Project.objects.create(
            unit=unit, year=se.year or year, name=se.project.name[:200], code=se.project.code,
            initial_budget=(total.initial or Decimal(0)) if total else Decimal(0),
            adjusted_budget=(total.adjusted or Decimal(0)) if total else Decimal(0),
            executed=(total.executed or Decimal(0)) if total else Decimal(0),
            reported_total=se.reported.total, reported_grade=se.reported.grade or "",
            execution_points=points.points if points.established else None,
        )
        Indicator.objects.bulk_create([
            Indicator(project=project, position=n, level1=i.level1, level2=i.level2, name=i.name[:200],
                      target=(i.target.raw if i.target else "")[:100], actual=(i.actual.raw if i.actual else "")[:100],
                      weight=i.weight, reported_score=i.reported_score, deviation_reason=i.deviation_reason)
            for n, i in enumerate(se.indicators)
        ])
        created.append(project)
    return created


@transaction.atomic
def create_account(username: str, password: str, role: Role, *, unit: Unit | None = None,
                   department: Department | None = None, jurisdiction: Jurisdiction | None = None) -> Account:
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(username=username)
    user.set_password(password)
    user.is_staff = user.is_superuser = role == Role.ADMIN  # master data in /admin/
    user.save()
    account, _ = Account.objects.update_or_create(
        user=user, defaults={"role": role, "unit": unit, "department": department, "jurisdiction": jurisdiction})
    return account
