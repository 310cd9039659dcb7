"""Who changed what in a period: every historical record (django-simple-history) of projects, indicators and fund
sources, newest first, with the fields each changed (before → after). Read-only — nothing in jixiao edits or
deletes history. Scoped by unit, so the history of a project deleted since stays visible to the same people."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import CharField, Model, OuterRef, Q, QuerySet, Subquery, Value
from django.utils import timezone

from jixiao.core.money import format_amount
from jixiao.store.models import FundSource, Indicator, MoneyField, Project, Unit

OPERATIONS = {"+": "新增", "~": "修改", "-": "删除"}
SKIP = {"id", "version", "project", "unit"}  # bookkeeping, or shown in their own column
MAX_EXPORT = 100_000
HistoricalProject = Project.history.model  # type: ignore[attr-defined]
HISTORY: dict[str, tuple[type[Model], Any]] = {
    "project": (Project, Project.history.model),  # type: ignore[attr-defined]
    "indicator": (Indicator, Indicator.history.model),  # type: ignore[attr-defined]
    "fund": (FundSource, FundSource.history.model),  # type: ignore[attr-defined]
}


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    """One historical record: who, when, which object of which project, and what it changed."""

    at: datetime
    user: str  # username; "" when the system made the change
    kind: str  # 项目 · 绩效指标 · 资金来源
    operation: str  # 新增 · 修改 · 删除
    project_id: int
    project: str
    unit: str
    name: str
    reason: str
    fields: tuple[FieldChange, ...]


def day_range(since: date, until: date) -> tuple[datetime, datetime]:
    """Local midnight of `since` to the midnight after `until` (both days included)."""
    zone = timezone.get_current_timezone()
    return (datetime.combine(since, time.min, tzinfo=zone),
            datetime.combine(until + timedelta(days=1), time.min, tzinfo=zone))


def _display(field: Any, value: Any) -> str:
    if value is None or value == "":
        return ""
    if field.name == "position":  # stored from 0; people count rows from 1
        return str(value + 1)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, MoneyField):
        return format_amount(Decimal(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _fields(model: type[Model], record: Any, previous: Any | None) -> tuple[FieldChange, ...]:
    """What a record changed against the one before it; for a creation, every value it set."""
    if record.history_type == "-":
        return ()
    out = []
    for field in model._meta.concrete_fields:
        if field.name in SKIP:
            continue
        after = _display(field, getattr(record, field.attname))
        before = _display(field, getattr(previous, field.attname)) if previous is not None else ""
        if before != after:
            out.append(FieldChange(str(field.verbose_name), before, after))
    return tuple(out)


def _name(kind: str, record: Any, project_name: str) -> str:
    if kind == "fund":
        return f"{record.get_budget_type_display()}（{record.get_level_display()}）"
    return str(record.name) if kind == "indicator" else project_name


class ChangeLog(Sequence[Change]):
    """The changes visible in `units` (None: everywhere) between two instants (None: no bound), optionally by one
    user or of one project. Sliceable and countable (a Django Paginator takes it); only the slice asked for is
    read and diffed."""

    def __init__(self, units: QuerySet[Unit] | None, start: datetime | None, end: datetime | None,
                 username: str = "", project_id: int | None = None, project: Project | None = None) -> None:
        self.units, self.start, self.end, self.username = units, start, end, username
        self.project_id = project_id
        self.project = project  # the project of `project_id` when the caller read it (with its unit): not read again
        self._count: int | None = None

    def _records(self, key: str) -> QuerySet[Any]:
        _, history = HISTORY[key]
        rows = history.objects.all()
        if self.start is not None:
            rows = rows.filter(history_date__gte=self.start)
        if self.end is not None:
            rows = rows.filter(history_date__lt=self.end)
        if self.project_id is not None:
            rows = rows.filter(**{"id" if key == "project" else "project_id": self.project_id})
        if self.units is not None:
            unit_ids = self.units.values("pk")
            if key == "project":
                rows = rows.filter(unit_id__in=unit_ids)
            else:  # every project ever in those units: live ones, and deleted ones by their history
                rows = rows.filter(Q(project_id__in=Project.objects.filter(unit_id__in=unit_ids).values("pk"))
                                   | Q(project_id__in=HistoricalProject.objects.filter(unit_id__in=unit_ids)
                                       .values("id")))
        if self.username:
            rows = rows.filter(history_user__username=self.username)
        return rows

    def _index(self) -> QuerySet[Any]:
        parts = [self._records(key).annotate(kind=Value(key, output_field=CharField()))
                 .order_by().values_list("kind", "history_id", "history_date") for key in HISTORY]
        return parts[0].union(*parts[1:], all=True).order_by("-history_date", "-history_id")

    def count(self) -> int:  # type: ignore[override]
        if self._count is None:
            self._count = sum(self._records(key).count() for key in HISTORY)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, int):
            return self[index:index + 1][0]
        return self._load(list(self._index()[index]))

    def _load(self, keys: Iterable[tuple[str, int, datetime]]) -> list[Change]:
        keys = list(keys)
        records: dict[tuple[str, int], Any] = {}
        for key, (_, history) in HISTORY.items():
            ids = [history_id for kind, history_id, _ in keys if kind == key]
            if not ids:
                continue
            earlier = history.objects.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
            found = list(history.objects.filter(history_id__in=ids).select_related("history_user").annotate(
                previous_id=Subquery(earlier.order_by("-history_id").values("history_id")[:1])))
            previous = history.objects.in_bulk([r.previous_id for r in found if r.previous_id])
            for record in found:
                record.previous = previous.get(record.previous_id)
                records[key, record.history_id] = record
        projects = self._projects({r.id if key == "project" else r.project_id for (key, _), r in records.items()})
        out = []
        for kind, history_id, _ in keys:
            record = records[kind, history_id]
            model = HISTORY[kind][0]
            project_id = record.id if kind == "project" else record.project_id
            project_name, unit = projects.get(project_id, (f"（项目 {project_id}）", ""))
            out.append(Change(
                at=timezone.localtime(record.history_date),
                user=record.history_user.username if record.history_user else "",
                kind=str(model._meta.verbose_name), operation=OPERATIONS.get(record.history_type, record.history_type),
                project_id=project_id, project=project_name, unit=unit,
                name=_name(kind, record, project_name), reason=record.history_change_reason or "",
                fields=_fields(model, record, record.previous)))
        return out

    def _projects(self, ids: set[int]) -> dict[int, tuple[str, str]]:
        """Project id → (name with code, unit) from the live row, or from its last record if it was deleted."""
        known = [self.project] if self.project is not None and ids == {self.project.pk} else None
        out = {p.pk: (f"{p.name}（{p.code}）" if p.code else p.name, str(p.unit))
               for p in known or Project.objects.filter(pk__in=ids).select_related("unit")}
        missing = ids - out.keys()
        if missing:
            units = Unit.objects.in_bulk({r.unit_id for r in HistoricalProject.objects.filter(id__in=missing)})
            for record in HistoricalProject.objects.filter(id__in=missing).order_by("history_id"):
                name = f"{record.name}（{record.code}）" if record.code else record.name
                out[record.id] = (f"{name}（已删除）", str(units.get(record.unit_id, "")))
        return out

    def all(self, limit: int = MAX_EXPORT) -> list[Change]:
        return self[:limit]
