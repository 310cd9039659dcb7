"""Money in the database: integer fen, Decimal yuan in Python."""

from __future__ import annotations

from decimal import Decimal

from django.db import models


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
        return int((Decimal(str(value)) * 100).to_integral_value())
