"""What a form posts, read strictly: numbers through the one parser (`jixiao.core.money.read_number`) with the
bounds of the model field they are stored in, texts no longer than the column, ids and versions as small whole
numbers. A refused value raises ServiceError with a Chinese message naming the field and the rule, before anything
is saved."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import models

from jixiao.core.money import NumberError, NumberRule, amount_rule, read_optional, score_rule
from jixiao.store.errors import ServiceError
from jixiao.store.money import MoneyField

HUNDRED = Decimal(100)


def label_of(model: type[models.Model], name: str) -> str:
    """The field's Chinese name without its unit: '全年预算数（元）' → '全年预算数'."""
    return str(model._meta.get_field(name).verbose_name).split("（")[0]


def rule_for(model: type[models.Model], name: str, label: str | None = None, high: Decimal = HUNDRED) -> NumberRule:
    """The input rule of a stored number: money ≥ 0 below the ceiling, to the fen (元/万元 may be written); a
    score or weight from 0 to `high` (100, or the item's weight) with the column's decimals."""
    field = model._meta.get_field(name)
    label = label or label_of(model, name)
    if isinstance(field, MoneyField):
        return amount_rule(label)
    if isinstance(field, models.DecimalField):
        return score_rule(label, high, field.decimal_places)
    raise TypeError(f"{model.__name__}.{name} is not a number field")


def number(data: Any, key: str, rule: NumberRule, default: Decimal | None = None) -> Decimal | None:
    """The posted value of `key` (blank: `default`), or ServiceError naming the field and the rule."""
    return parse(data.get(key), rule, default)


def parse(text: str | None, rule: NumberRule, default: Decimal | None = None) -> Decimal | None:
    try:
        value = read_optional(text, rule)
    except NumberError as exc:
        raise ServiceError(str(exc)) from exc
    return default if value is None else value


def text(data: Any, key: str, model: type[models.Model], name: str, label: str | None = None) -> str:
    """A posted text, stripped, refused when longer than the column holds (never cut silently)."""
    value = str(data.get(key, "")).strip()
    check_length(value, model, name, label)
    return value


def check_length(value: str, model: type[models.Model], name: str, label: str | None = None) -> None:
    limit = model._meta.get_field(name).max_length
    if limit is not None and len(value) > limit:
        raise ServiceError(f"{label or label_of(model, name)}最多 {limit} 个字（填写了 {len(value)} 个字）")


def whole(text: str | None, default: int = 0) -> int:
    """An id, version, page or year sent back by a page: ASCII digits (at most 9), else `default`."""
    text = (text or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else default
