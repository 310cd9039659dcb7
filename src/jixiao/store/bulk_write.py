"""Writing many new rows fast (the province demo): ids taken from the table's own sequence up front, so that
children point at their parents before anything is written; then each table in one COPY on PostgreSQL or one
executemany on SQLite, every value prepared by its model field as Django's own insert prepares it; history rows as
django-simple-history writes them for a created object. Inside the caller's transaction."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection, models
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


# Fields whose Python value is already what the database stores (Django's preparation only checks it): their
# values are passed as they are. Everything else (money in fen, decimals, dates, times) is prepared by its field.
PLAIN = (models.AutoField, models.BigAutoField, models.CharField, models.TextField, models.IntegerField,
         models.PositiveIntegerField, models.PositiveSmallIntegerField, models.BooleanField)


def _prepared(field: Any) -> Callable[[Model], Any]:
    """How `field`'s stored value is read from an object about to be inserted."""
    if type(field) in PLAIN or (field.is_relation and type(field.target_field) in PLAIN):
        return operator.attrgetter(field.attname)
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)


def insert(model: type[Model], objs: Sequence[Model], history: bool = False) -> None:
    """Write `objs` (new rows of `model`; with their ids when reserved, else the table gives them) and, with
    `history`, their creation in the model's history ('+', now, by nobody in particular, as django-simple-history
    records an object created without a user)."""
    if not objs:
        return
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="insert")  # a parent's id onto the foreign key
    with_pk = objs[0].pk is not None
    fields = [f for f in model._meta.concrete_fields if with_pk or not f.primary_key]
    readers = [_prepared(f) for f in fields]
    rows = [tuple(read(obj) for read in readers) for obj in objs]
    _write(model, [f.column for f in fields], rows)
    for obj in objs:
        obj._state.adding, obj._state.db = False, connection.alias
    if history:
        historical = model.history.model  # type: ignore[attr-defined]
        position = {f.attname: n for n, f in enumerate(fields)}
        special = {"history_date": historical._meta.get_field("history_date").get_db_prep_save(timezone.now(), connection),
                   "history_type": "+", "history_change_reason": None, "history_user_id": None}
        columns = [f for f in historical._meta.concrete_fields if f.attname != "history_id"]
        picks = [(position.get(f.attname), special.get(f.attname)) for f in columns]
        _write(historical, [f.column for f in columns],
               [tuple(row[n] if n is not None else value for n, value in picks) for row in rows])


def _write(model: type[Model], columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})", rows)
