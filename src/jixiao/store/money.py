"""Numbers in the database: money as integer fen (Decimal yuan in Python); scores and weights as decimals that
read back even when an earlier version stored them outside their digits."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

from django.db import models

from jixiao.core.money import round_half_up


class MoneyField(models.BigIntegerField):
    """Decimal yuan in Python, integer fen in the database (SQLite stores DecimalField as REAL)."""

    def from_db_value(self, value, expression, connection):  # type: ignore[no-untyped-def]
        return None if value is None else Decimal(value) / 100

    def to_python(self, value):  # type: ignore[no-untyped-def]
        if value is None or isinstance(value, Decimal):
            return value
        return Decimal(str(value))

    def get_prep_value(self, value):  # type: ignore[no-untyped-def]
        if value is None:
            return None
        return int(round_half_up(Decimal(str(value)) * 100, 0))


class StoredDecimalField(models.DecimalField):
    """A DecimalField whose stored value is read back even when it has more digits than the column: SQLite does
    not enforce them, and earlier versions saved typed values such as a weight of 1e20 that then made every page
    showing it fail. Such values are shown as they are and reported by `jixiao manage check_data`; the forms no
    longer accept them. The migrations see a plain DecimalField (same column)."""

    @property
    def context(self) -> decimal.Context:
        return decimal.Context(prec=max(self.max_digits or 0, 40))

    def deconstruct(self) -> Any:
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.DecimalField", args, kwargs
