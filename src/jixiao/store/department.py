"""部门整体支出绩效 (SPEC §11): a department's overall goal lives in a department-wide project (scope
'department') of its first unit, so it goes through the same goal review, monitoring, self-evaluation and key
evaluation as any project; its budget figures are the sums of the department's projects, never typed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from jixiao.core.ledger import Ledger
from jixiao.render.ledger_json import LedgerError, ledger_from_mapping
from jixiao.scoring.department import DepartmentRatios, department_ratios
from jixiao.store.errors import ServiceError
from jixiao.store.models import Department, DepartmentLedger, MonitoringWarning, Project, SelfEvaluationRecord
from jixiao.store.stamps import renew_projects


@dataclass(frozen=True)
class DepartmentOverview:
    department: Department
    year: int
    ratios: DepartmentRatios
    projects: int
    statuses: dict[str, int]
    open_warnings: dict[str, int]  # colour → count
    grades: dict[str, int]  # self-evaluation grade → count
    overall: Project | None


def _projects(department: Department, year: int) -> Any:
    return Project.objects.filter(unit__department=department, year=year, scope="project")


def overview(department: Department, year: int) -> DepartmentOverview:
    projects = _projects(department, year)
    ratios = department_ratios(list(projects.values_list("initial_budget", "adjusted_budget", "executed")))
    warnings = MonitoringWarning.objects.filter(project__in=projects, cleared_period__isnull=True)
    return DepartmentOverview(
        department, year, ratios, projects.count(), dict(Counter(projects.values_list("status", flat=True))),
        dict(Counter(warnings.values_list("colour", flat=True))),
        dict(Counter(SelfEvaluationRecord.objects.filter(project__in=projects).values_list("grade", flat=True))),
        Project.objects.filter(unit__department=department, year=year, scope="department").first())


@transaction.atomic
def overall_project(department: Department, year: int, actor: Any) -> Project:
    """The department-wide goal of `year` (created on first use), its budget synced to the department's sums."""
    unit = department.units.order_by("code").first()
    if unit is None:
        raise ServiceError(f"部门“{department.name}”下没有单位")
    ratios = overview(department, year).ratios
    project, created = Project.objects.get_or_create(
        unit=unit, year=year, scope="department",
        defaults={"code": f"{department.code}-{year}-整体", "name": f"{department.name}{year}年度部门整体支出",
                  "initial_budget": ratios.initial, "adjusted_budget": ratios.adjusted, "executed": ratios.executed})
    if not created and (project.initial_budget, project.adjusted_budget, project.executed) != (
            ratios.initial, ratios.adjusted, ratios.executed):
        Project.objects.filter(pk=project.pk).update(initial_budget=ratios.initial, adjusted_budget=ratios.adjusted,
                                                     executed=ratios.executed)
        renew_projects([project.pk])  # no signal for an update: the figures' stamps here
        project.refresh_from_db()
    return project


@transaction.atomic
def store_ledger(department: Department, data: Any, name: str, actor: Any) -> DepartmentLedger:
    """Keep a department's 决算 ledger for its year (replacing an earlier upload); refused whole if invalid or if it
    names another department."""
    try:
        ledger = ledger_from_mapping(data, name)
    except LedgerError as exc:
        raise ServiceError(str(exc)) from exc
    if ledger.department.strip() != department.name.strip():
        raise ServiceError(f"{name} 是“{ledger.department}”的台账，不是“{department.name}”的")
    row, _ = DepartmentLedger.objects.update_or_create(department=department, year=ledger.year,
                                                       defaults={"data": data, "uploaded_by": actor})
    return row


def stored_ledger(department: Department, year: int) -> Ledger | None:
    row = DepartmentLedger.objects.filter(department=department, year=year).first()
    return None if row is None else ledger_from_mapping(row.data, f"{department.name}{year}年台账")
