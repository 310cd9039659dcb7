"""Project library writes: create or update one project, import a filled template (all or nothing), export."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from jixiao.core.provenance import Location
from jixiao.core.workflow import EDITABLE, Status
from jixiao.ingest.project_template import (
    BUDGET_TYPES,
    FUND_LEVELS,
    PROJECT_TYPES,
    FundRow,
    ProjectRow,
)
from jixiao.ingest.source import ReadError
from jixiao.store.access import scope_units
from jixiao.store.errors import ServiceError
from jixiao.store.history import bump_version
from jixiao.store.models import BudgetType, FundLevelChoice, FundSource, Project, ProjectType, Unit
from jixiao.store.stamps import renew_units

_TYPE = dict(zip(PROJECT_TYPES, (ProjectType.RECURRING, ProjectType.ONE_OFF), strict=True))
_BUDGET = dict(zip(BUDGET_TYPES, BudgetType.values, strict=True))
_LEVEL = dict(zip(FUND_LEVELS, FundLevelChoice.values, strict=True))


def _store_funds(project: Project, funds: Iterable[FundRow], actor: Any) -> None:
    """Replace the project's fund sources; each deletion and creation is recorded in history as `actor`'s."""
    for old in project.fund_sources.all():
        old._history_user = actor  # type: ignore[attr-defined]
        old.delete()
    for new in _fund_sources(project, funds):
        new._history_user = actor  # type: ignore[attr-defined]
        new.save()


def save_project_row(row: ProjectRow, actor: Any, version: int | None = None) -> tuple[Project, bool]:
    """Create the project of `row`, or update the one with the same unit, year and code if it is still editable
    (the form's one project). Returns (project, created). Raises ServiceError naming the row."""
    unit = scope_units(actor).filter(code=row.unit_code).first()
    if unit is None:
        raise ServiceError(f"{row.location.with_(column='单位代码').describe()}："
                           f"无权为单位“{row.unit_code}”登记项目（或单位代码不存在）")
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
            where = row.location.with_(column="项目编码").describe()
            raise ServiceError(f"{where}：项目“{existing.name}”处于“{Status(existing.status).label}”状态，不能修改")
        project = bump_version(existing, existing.version if version is None else version, actor, "导入更新", **fields)
        created = False
    if row.funds or not created:
        _store_funds(project, row.funds, actor)
    return project, created


BATCH = 500  # rows written per round trip when importing


def _fund_sources(project: Project, funds: Iterable[FundRow]) -> list[FundSource]:
    return [FundSource(project=project, budget_type=_BUDGET[f.budget_type], level=_LEVEL[f.level], amount=f.amount)
            for f in funds]


@transaction.atomic
def import_projects(rows: list[ProjectRow], actor: Any,
                    progress: Callable[[int], None] | None = None) -> tuple[int, int]:
    """Every row or none: (created, updated). Every row is checked (scope, editable state) before the first write;
    new projects, updated projects and their fund sources are written in batches with their history.
    `progress(n)` is called as the first n rows are written."""
    if problems := import_problems(rows, actor):
        raise ServiceError("；".join(str(p) for p in problems))
    keys = [(row.unit_code, row.year, row.code) for row in rows if row.code]
    if len(set(keys)) != len(keys):
        raise ServiceError("同一单位同一年度的项目编码重复")
    units = {unit.code: unit for unit in scope_units(actor).filter(code__in={row.unit_code for row in rows})}
    existing = _existing(rows, units)
    renew_units(unit.pk for unit in units.values())  # bulk writes send no signals: the figures' stamps here
    created = updated = 0
    for start in range(0, len(rows), BATCH):
        new: list[tuple[Project, ProjectRow]] = []
        changed: list[tuple[Project, ProjectRow]] = []
        for row in rows[start:start + BATCH]:
            old = existing.get((units[row.unit_code].pk, row.year, row.code)) if row.code else None
            if old is not None:
                changed.append((old, row))
            else:
                new.append((Project(unit=units[row.unit_code], year=row.year, code=row.code, name=row.name,
                                    project_type=_TYPE[row.project_type], initial_budget=row.initial_budget,
                                    adjusted_budget=row.adjusted_budget), row))
        if new:
            saved = bulk_create_with_history([project for project, _ in new], Project, default_user=actor)
            funds = [fund for project, (_, row) in zip(saved, new, strict=True)
                     for fund in _fund_sources(project, row.funds)]
            if funds:
                bulk_create_with_history(funds, FundSource, default_user=actor)
            created += len(new)
        if changed:
            _update_batch(changed, actor)
            updated += len(changed)
        if progress is not None:
            progress(min(start + BATCH, len(rows)))
    return created, updated


_UPDATED = ("name", "project_type", "initial_budget", "adjusted_budget", "version")


def _update_batch(pairs: list[tuple[Project, ProjectRow]], actor: Any) -> None:
    """Update existing projects from their rows in one round trip each for projects, history and fund sources.
    The rows are locked first and checked again, so a project submitted meanwhile is refused, not overwritten;
    each update bumps the version (an editor open on it will be told it changed)."""
    locked = {p.pk: p for p in Project.objects.select_for_update().filter(pk__in=[old.pk for old, _ in pairs])}
    projects = []
    for old, row in pairs:
        project = locked[old.pk]
        if Status(project.status) not in EDITABLE:
            where = row.location.with_(column="项目编码").describe()
            raise ServiceError(f"{where}：项目“{project.name}”处于“{Status(project.status).label}”状态，不能修改")
        project.name, project.project_type = row.name, _TYPE[row.project_type]
        project.initial_budget, project.adjusted_budget = row.initial_budget, row.adjusted_budget
        project.version += 1
        projects.append(project)
    bulk_update_with_history(projects, Project, fields=list(_UPDATED), default_user=actor,
                             default_change_reason="导入更新")
    replaced = list(FundSource.objects.filter(project__in=projects).values_list("pk", flat=True))
    FundSource.objects.filter(pk__in=replaced).delete()  # history records each deletion ('-') by signal …
    FundSource.history.filter(id__in=replaced, history_type="-", history_user__isnull=True).update(  # type: ignore[attr-defined]
        history_user=actor, history_change_reason="导入更新")  # … and here it learns who and why
    funds = [fund for project, (_, row) in zip(projects, pairs, strict=True) for fund in _fund_sources(project, row.funds)]
    if funds:
        bulk_create_with_history(funds, FundSource, default_user=actor)


def _existing(rows: list[ProjectRow], units: dict[str, Unit]) -> dict[tuple[int, int, str], Project]:
    existing: dict[tuple[int, int, str], Project] = {}
    for start in range(0, len(rows), BATCH):
        chunk = [row for row in rows[start:start + BATCH] if row.code and row.unit_code in units]
        found = Project.objects.filter(unit__in={units[r.unit_code].pk for r in chunk},
                                       year__in={r.year for r in chunk}, code__in={r.code for r in chunk})
        existing.update({(p.unit_id, p.year, p.code): p for p in found})
    return existing


def import_problems(rows: list[ProjectRow], actor: Any) -> list[ReadError]:
    """Every row the actor may not import, in one pass: a unit outside the actor's scope (or unknown), a stored
    project no longer editable. (A code used twice in one file is the template reader's finding.)"""
    units = {unit.code: unit for unit in scope_units(actor).filter(code__in={row.unit_code for row in rows})}
    problems = [ReadError(f"无权为单位“{row.unit_code[:40]}”登记项目（或单位代码不存在）",
                          row.location.with_(column="单位代码"))
                for row in rows if row.unit_code and row.unit_code not in units]
    existing = _existing(rows, units)
    for row in rows:
        old = existing.get((units[row.unit_code].pk, row.year, row.code)) if row.unit_code in units else None
        if old is not None and Status(old.status) not in EDITABLE:
            problems.append(ReadError(f"项目“{old.name}”处于“{Status(old.status).label}”状态，不能修改",
                                      row.location.with_(column="项目编码")))
    return problems


def export_rows(projects: Iterable[Project]) -> list[ProjectRow]:
    """Template rows of stored projects (the export reads back as the same projects)."""
    type_label = {v: k for k, v in _TYPE.items()}
    budget_label = {v: k for k, v in _BUDGET.items()}
    level_label = {v: k for k, v in _LEVEL.items()}
    return [ProjectRow(p.unit.code, p.year, p.code, p.name, type_label[ProjectType(p.project_type)],
                       p.initial_budget, p.adjusted_budget,
                       tuple(FundRow(budget_label[f.budget_type], level_label[f.level], f.amount)
                             for f in p.fund_sources.all()), Location(), p.approved_budget)
            for p in projects]
