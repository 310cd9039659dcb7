"""Rows grouped by a value with a few of each, in one query."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber


def first_of_each(rows: QuerySet[Any], field: str, limit: int, order: tuple[str, ...] = ("-pk",)
                  ) -> dict[Any, list[Any]]:
    """The first `limit` of `rows` in `order` for each value of `field` (a lookup path), in one query (a window
    function numbers the rows of each value)."""
    keys = [F(o[1:]).desc() if o.startswith("-") else F(o) for o in order]
    ranked = rows.annotate(group=F(field), rank=Window(RowNumber(), partition_by=[F(field)], order_by=keys))
    found: dict[Any, list[Any]] = {}
    for row in ranked.filter(rank__lte=limit).order_by(field, *order):
        found.setdefault(row.group, []).append(row)
    return found
