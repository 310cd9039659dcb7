"""Rows grouped by a value with a few of each, in one query."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber


def _ranked(rows: QuerySet[Any], field: str, limit: int, order: tuple[str, ...], counted: bool,
            within: str = "") -> QuerySet[Any]:
    """The first `limit` of `rows` in `order` for each value of `field` (of each pair of values of `within` and
    `field` when `within` is given): a window function numbers the rows of each value (and, when `counted`,
    another counts them)."""
    keys = [F(o[1:]).desc() if o.startswith("-") else F(o) for o in order]
    partition = [F(within), F(field)] if within else [F(field)]
    ranked = rows.annotate(group=F(field), rank=Window(RowNumber(), partition_by=partition, order_by=keys))
    if within:
        ranked = ranked.annotate(outer=F(within))
    if counted:
        ranked = ranked.annotate(group_size=Window(Count("pk"), partition_by=partition))
    return ranked.filter(rank__lte=limit).order_by(*([within] if within else []), field, *order)


def first_of_each(rows: QuerySet[Any], field: str, limit: int, order: tuple[str, ...] = ("-pk",)
                  ) -> dict[Any, list[Any]]:
    """The first `limit` of `rows` in `order` for each value of `field` (a lookup path), in one query."""
    found: dict[Any, list[Any]] = {}
    for row in _ranked(rows, field, limit, order, counted=False):
        found.setdefault(row.group, []).append(row)
    return found


def counted_first_of_each(rows: QuerySet[Any], field: str, limit: int, order: tuple[str, ...] = ("-pk",)
                          ) -> tuple[Counter[Any], dict[Any, list[Any]]]:
    """How many of `rows` have each value of `field` (a lookup path), and the first `limit` of them in `order`,
    in one query."""
    counts: Counter[Any] = Counter()
    found: dict[Any, list[Any]] = {}
    for row in _ranked(rows, field, limit, order, counted=True):
        counts[row.group] = row.group_size
        found.setdefault(row.group, []).append(row)
    return counts, found


def counted_first_of_each_within(rows: QuerySet[Any], within: str, field: str, limit: int,
                                 order: tuple[str, ...] = ("-pk",)
                                 ) -> dict[Any, tuple[Counter[Any], dict[Any, list[Any]]]]:
    """counted_first_of_each for each value of `within` (a department…), in one query: by value of `within`."""
    found: dict[Any, tuple[Counter[Any], dict[Any, list[Any]]]] = {}
    for row in _ranked(rows, field, limit, order, counted=True, within=within):
        counts, listed = found.setdefault(row.outer, (Counter(), {}))
        counts[row.group] = row.group_size
        listed.setdefault(row.group, []).append(row)
    return found
