"""Run the batch rules inside PostgreSQL, where the production data lives (no export)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from jixiao.batch.engine import Tables, findings_sql, for_postgres, scores_sql
from jixiao.core.profile import Profile

PG_TYPES = {pl.Int64: "bigint", pl.Int32: "integer", pl.Int16: "smallint", pl.Utf8: "text", pl.String: "text",
            pl.Boolean: "boolean"}


def load_parquet(conn: Any, folder: Path, schema: str) -> Tables:
    """Copy a generated jurisdiction (Parquet) into `schema`.projects / .indicators."""
    conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    for name in ("projects", "indicators"):
        frame = pl.read_parquet(folder / name / "*.parquet")
        columns = ", ".join(f'"{c}" {PG_TYPES[frame.schema[c]]}' for c in frame.columns)
        conn.execute(f'DROP TABLE IF EXISTS "{schema}".{name}')
        conn.execute(f'CREATE TABLE "{schema}".{name} ({columns})')
        with conn.cursor().copy(f'COPY "{schema}".{name} ({", ".join(frame.columns)}) FROM STDIN') as copy:
            for row in frame.iter_rows():
                copy.write_row(row)
    conn.commit()
    return Tables(projects=f'"{schema}".projects', indicators=f'"{schema}".indicators')


def _query(conn: Any, sql: str) -> pl.DataFrame:
    cursor = conn.execute(sql)
    names = [d.name for d in cursor.description]
    return pl.DataFrame(cursor.fetchall(), schema=names, orient="row")


def findings(conn: Any, tables: Tables, profile: Profile) -> pl.DataFrame:
    return _query(conn, for_postgres(findings_sql(profile, tables)))


def scores(conn: Any, tables: Tables, profile: Profile) -> pl.DataFrame:
    return _query(conn, for_postgres(scores_sql(profile, tables)))
