"""Stored values outside what the forms now accept (saved by earlier versions, which read numbers leniently and
cut nothing): amounts below 0 or beyond the ceiling, scores and weights outside 0–100, numbers with more digits
than their column, texts longer than their column. `jixiao manage check_data` lists them; pages show them as
they are instead of failing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.db import models

from jixiao.core.money import MAX_AMOUNT, round_half_up
from jixiao.store.models import Project
from jixiao.store.money import MoneyField, StoredDecimalField

PERCENT_LIKE = {"weight", "score", "reported_score", "total", "reported_total", "time_progress"}  # 0–100
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class OutOfBounds:
    model: str  # verbose name
    pk: int
    owner: str  # the project (or record) it belongs to
    field: str
    value: str
    rule: str

    def describe(self) -> str:
        return f"{self.model} #{self.pk}（{self.owner}）{self.field}：{self.value} —— {self.rule}"


def _shown(value: object) -> str:
    text = f"{value.normalize():f}" if isinstance(value, Decimal) and value.is_finite() else str(value)
    return text if len(text) <= 40 else f"{text[:40]}…（共 {len(text)} 字）"


def _problem(field: models.Field, value: object) -> str:  # type: ignore[type-arg]
    if isinstance(field, MoneyField) and isinstance(value, Decimal) and not (0 <= value < MAX_AMOUNT):
        return "金额须为不小于 0、小于 10 万亿元"
    if isinstance(field, StoredDecimalField) and isinstance(value, Decimal):
        if not value.is_finite():
            return "不是有限的数"
        if field.name in PERCENT_LIKE and not (0 <= value <= HUNDRED):
            return "须在 0–100 之间"
        digits = len(round_half_up(value, field.decimal_places).as_tuple().digits)
        if digits > field.max_digits:
            return f"超过该栏可存的 {field.max_digits} 位数字"
    if isinstance(field, models.CharField) and isinstance(value, str) and field.max_length is not None \
            and len(value) > field.max_length:
        return f"超过 {field.max_length} 个字"
    return ""


def _owner(row: models.Model) -> str:
    project = row if isinstance(row, Project) else getattr(row, "project", None)
    return f"项目“{project.name[:40]}”" if isinstance(project, Project) else ""


def out_of_bounds() -> Iterator[OutOfBounds]:
    """Every stored value of the store's models that the forms would refuse today."""
    for model in apps.get_app_config("store").get_models():
        if model.__name__.startswith("Historical"):
            continue  # the change log keeps what was, by design
        fields = [f for f in model._meta.concrete_fields
                  if isinstance(f, MoneyField | StoredDecimalField) or (isinstance(f, models.CharField)
                                                                        and not f.choices)]
        if not fields:
            continue
        rows = model.objects.all()
        if any(f.name == "project" for f in model._meta.concrete_fields):
            rows = rows.select_related("project")
        for row in rows.iterator(chunk_size=2000):
            for field in fields:
                value = getattr(row, field.attname)
                if rule := _problem(field, value):
                    yield OutOfBounds(str(model._meta.verbose_name), row.pk, _owner(row), str(field.verbose_name),
                                      _shown(value), rule)
