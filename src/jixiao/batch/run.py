"""Batch score/audit of a generated or exported jurisdiction (Parquet) on DuckDB, with a summary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from jixiao.batch.engine import findings_sql, parquet_tables, scores_sql
from jixiao.core.profile import Profile

TIERS = {"error": "确定", "warning": "疑似", "notice": "提示"}


@dataclass(frozen=True)
class Summary:
    projects: int
    indicators: int
    by_rule: pl.DataFrame
    by_tier: pl.DataFrame
    by_department: pl.DataFrame
    grades: pl.DataFrame | None


def _connect() -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect()
    conn.execute("SET preserve_insertion_order = false")  # lets DuckDB stream larger-than-memory data
    return conn


def _write(sql: str, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    _connect().execute(f"COPY ({sql}) TO '{target}' (FORMAT PARQUET)")
    return target


def audit(folder: Path, profile: Profile, out: Path) -> Path:
    """Findings of every batch rule, written to out/findings.parquet."""
    return _write(findings_sql(profile, parquet_tables(folder)), out / "findings.parquet")


def score(folder: Path, profile: Profile, out: Path) -> Path:
    """Computed scores and grades per project, written to out/scores.parquet."""
    return _write(scores_sql(profile, parquet_tables(folder)), out / "scores.parquet")


def summarise(folder: Path, findings: Path | None, scores: Path | None) -> Summary:
    conn = _connect()
    tables = parquet_tables(folder)
    projects = conn.sql(f"SELECT COUNT(*) FROM {tables.projects}").fetchall()[0][0]
    indicators = conn.sql(f"SELECT COUNT(*) FROM {tables.indicators}").fetchall()[0][0]
    empty = pl.DataFrame({"rule": [], "count": []})
    by_rule = by_tier = by_department = empty
    if findings is not None:
        f = f"read_parquet('{findings}')"
        by_rule = conn.sql(f"SELECT rule, tier, COUNT(*) AS count FROM {f} GROUP BY ALL ORDER BY count DESC").pl()
        by_tier = conn.sql(f"SELECT tier, COUNT(*) AS count FROM {f} GROUP BY tier ORDER BY tier").pl()
        by_department = conn.sql(
            f"SELECT p.department_id, COUNT(*) AS count FROM {f} x JOIN {tables.projects} p USING (project_id) "
            "GROUP BY ALL ORDER BY count DESC LIMIT 10").pl()
    grades = None
    if scores is not None:
        grades = conn.sql(f"SELECT grade, COUNT(*) AS count FROM read_parquet('{scores}') GROUP BY grade "
                          "ORDER BY grade").pl()
    return Summary(projects, indicators, by_rule, by_tier, by_department, grades)
