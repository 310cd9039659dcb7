"""Rows grouped by a value with a few of each, in one query."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber


def counted_first_of_each(rows: QuerySet[Any], field: str, limit: int, order: tuple[str, ...] = ("-pk",)
                          ) -> tuple[Counter[Any], dict[Any, list[Any]]]:
    """How many of `rows` have each value of `field` (a lookup path), and the first `limit` of them in `order`,
    in one query (window functions number and count the rows of each value)."""
    keys = [F(o[1:]).desc() if o.startswith("-") else F(o) for o in order]
    ranked = rows.annotate(group=F(field), rank=Window(RowNumber(), partition_by=[F(field)], order_by=keys),
                           group_size=Window(Count("pk"), partition_by=[F(field)]))
    counts: Counter[Any] = Counter()
    found: dict[Any, list[Any]] = {}
    for row in ranked.filter(rank__lte=limit).order_by(field, *order):
        counts[row.group] = row.group_size
        found.setdefault(row.group, []).append(row)
    return counts, found


def first_of_each(rows: QuerySet[Any], field: str, limit: int, order: tuple[str, ...] = ("-pk",)
                  ) -> dict[Any, list[Any]]:
    """The first `limit` of `rows` in `order` for each value of `field` (a lookup path), in one query."""
    return counted_first_of_each(rows, field, limit, order)[1]
