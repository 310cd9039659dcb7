"""Project library writes: create or update one project, import a filled template (all or nothing), export."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from jixiao.core.provenance import Location
from jixiao.core.workflow import EDITABLE, Status
from jixiao.ingest.project_template import (
    BUDGET_TYPES,
    FUND_LEVELS,
    PROJECT_TYPES,
    FundRow,
    ProjectRow,
)
from jixiao.store.access import scope_units
from jixiao.store.errors import ServiceError
from jixiao.store.history import bump_version
from jixiao.store.models import BudgetType, FundLevelChoice, FundSource, Project, ProjectType

_TYPE = dict(zip(PROJECT_TYPES, (ProjectType.RECURRING, ProjectType.ONE_OFF), strict=True))
_BUDGET = dict(zip(BUDGET_TYPES, BudgetType.values, strict=True))
_LEVEL = dict(zip(FUND_LEVELS, FundLevelChoice.values, strict=True))


def _store_funds(project: Project, funds: Iterable[FundRow]) -> None:
    project.fund_sources.all().delete()
    for fund in funds:
        FundSource.objects.create(project=project, budget_type=_BUDGET[fund.budget_type], level=_LEVEL[fund.level],
                                  amount=fund.amount)


def save_project_row(row: ProjectRow, actor: Any, version: int | None = None) -> tuple[Project, bool]:
    """Create the project of `row`, or update the one with the same unit, year and code if it is still editable.
    Returns (project, created). Raises ServiceError naming the row."""
    where = row.location.describe()
    unit = scope_units(actor).filter(code=row.unit_code).first()
    if unit is None:
        raise ServiceError(f"{where}：无权为单位“{row.unit_code}”登记项目（或单位代码不存在）")
    fields = {"name": row.name, "project_type": _TYPE[row.project_type], "initial_budget": row.initial_budget,
              "adjusted_budget": row.adjusted_budget}
    existing = Project.objects.filter(unit=unit, year=row.year, code=row.code).first() if row.code else None
    if existing is None:
        project = Project(unit=unit, year=row.year, code=row.code, **fields)
        project._history_user = actor  # type: ignore[attr-defined]
        project.save()
        created = True
    else:
        if Status(existing.status) not in EDITABLE:
            raise ServiceError(f"{where}：项目“{existing.name}”处于“{Status(existing.status).label}”状态，不能修改")
        project = bump_version(existing, existing.version if version is None else version, actor, "导入更新", **fields)
        created = False
    if row.funds or not created:
        _store_funds(project, row.funds)
    return project, created


@transaction.atomic
def import_projects(rows: list[ProjectRow], actor: Any) -> tuple[int, int]:
    """Every row or none: (created, updated)."""
    created = updated = 0
    for row in rows:
        _, new = save_project_row(row, actor)
        created, updated = created + new, updated + (not new)
    return created, updated


def export_rows(projects: Iterable[Project]) -> list[ProjectRow]:
    """Template rows of stored projects (the export reads back as the same projects)."""
    type_label = {v: k for k, v in _TYPE.items()}
    budget_label = {v: k for k, v in _BUDGET.items()}
    level_label = {v: k for k, v in _LEVEL.items()}
    return [ProjectRow(p.unit.code, p.year, p.code, p.name, type_label[ProjectType(p.project_type)],
                       p.initial_budget, p.adjusted_budget,
                       tuple(FundRow(budget_label[f.budget_type], level_label[f.level], f.amount)
                             for f in p.fund_sources.all()), Location())
            for p in projects]
