"""Writing many new rows fast (the province demo): ids taken from the table's own sequence up front, so that
children point at their parents before anything is written; then each table in one COPY on PostgreSQL or one
executemany on SQLite, every value prepared by its model field as Django's own insert prepares it; history rows as
django-simple-history writes them for a created object. Inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone


def reserve_ids(model: type[Model], objs: Sequence[Model]) -> None:
    """Give each unsaved object of `model` the next id of the table's sequence."""
    if not objs:
        return
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [table, model._meta.pk.column, len(objs)])  # type: ignore[union-attr]
            ids = [row[0] for row in cursor.fetchall()]
        else:  # SQLite, one writer: after the largest id ever handed out (AUTOINCREMENT never reuses one)
            cursor.execute(f'SELECT MAX(id) FROM "{table}"')
            largest = cursor.fetchone()[0] or 0
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            start = max(largest, row[0] if row else 0) + 1
            ids = list(range(start, start + len(objs)))
    for obj, pk in zip(objs, ids, strict=True):
        obj.pk = pk


def insert(model: type[Model], objs: Sequence[Model], history: bool = False) -> None:
    """Write `objs` (new rows of `model`; with their ids when reserved, else the table gives them) and, with
    `history`, their creation in the model's history."""
    if not objs:
        return
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="insert")  # a parent's id onto the foreign key
    with_pk = objs[0].pk is not None
    fields = [f for f in model._meta.concrete_fields if with_pk or not f.primary_key]
    rows = [tuple(f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields) for obj in objs]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})", rows)
    for obj in objs:
        obj._state.adding, obj._state.db = False, connection.alias
    if history:
        insert(model.history.model, history_rows(model, objs))  # type: ignore[attr-defined]


def history_rows(model: type[Model], objs: Sequence[Model]) -> list[Any]:
    """The rows django-simple-history writes for objects created by nobody in particular ('+', now)."""
    historical = model.history.model  # type: ignore[attr-defined]
    now = timezone.now()
    return [historical(history_date=now, history_user=None, history_change_reason=None, history_type="+",
                       **{f.attname: getattr(obj, f.attname) for f in historical.tracked_fields}) for obj in objs]
