"""`jixiao batch export`: the store's projects in the batch layout, written as Parquet partitioned by jurisdiction and
year (hive layout: projects/jurisdiction=J/year=Y/…), which DuckDB, Spark and `jixiao batch --input` read as is.
Projects whose values the batch SQL does not read exactly are listed in unread/ with the values in question."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from jixiao.batch.engine import for_postgres
from jixiao.batch.store import _Source
from jixiao.store.batch_views import layout


@dataclass(frozen=True)
class Exported:
    projects: int
    indicators: int
    unread_projects: int


def export(url: str, out: Path, jurisdiction: str | None = None, year: int | None = None) -> Exported:
    engine = "postgres" if url.startswith(("postgres://", "postgresql://")) else "duckdb"
    source = _Source(url, engine)
    view = layout(jurisdiction, year)
    relations = {
        "projects": f"SELECT * FROM {view.projects} x ORDER BY project_id",
        "indicators": (f"SELECT i.*, p.jurisdiction, p.year FROM {view.indicators} i JOIN {view.projects} p "
                       "ON p.project_id = i.project_id ORDER BY i.project_id, i.seq"),
        "unread": f"SELECT * FROM {view.unread} x ORDER BY project_id, seq",
    }
    writer = source.conn if engine == "duckdb" else duckdb.connect()
    counts = {}
    try:
        for name, sql in relations.items():
            target = out / name
            if target.exists():
                shutil.rmtree(target)
            if engine == "duckdb":
                relation = f"({sql})"
            else:  # fetched from PostgreSQL (where the query ran) and written by DuckDB
                cursor = source.conn.execute(for_postgres(sql))
                frame = pl.DataFrame(cursor.fetchall(), schema=[d.name for d in cursor.description], orient="row")
                writer.register(f"export_{name}", frame.to_arrow())
                relation = f"export_{name}"
            counts[name] = writer.sql(f"SELECT COUNT(*) FROM {relation} x").fetchall()[0][0]
            partition = "" if name == "unread" else ", PARTITION_BY (jurisdiction, year)"
            target.mkdir(parents=True, exist_ok=True)
            path = target / "unread.parquet" if name == "unread" else target
            writer.execute(f"COPY (SELECT * FROM {relation} x) TO '{path}' (FORMAT PARQUET{partition}"
                           f"{', OVERWRITE_OR_IGNORE' if partition else ''})")
        unread = writer.sql(f"SELECT COUNT(DISTINCT project_id) FROM read_parquet('{out / 'unread' / '*.parquet'}')"
                            ).fetchall()[0][0]
    finally:
        source.conn.close()
    return Exported(counts["projects"], counts["indicators"], unread)

