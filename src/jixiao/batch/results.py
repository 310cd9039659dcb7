"""Batch results loaded back: scores/, findings/ and the per-department summary departments.parquet of a run's output
folder, for the finance dashboard or any reader of Parquet (department_id is the store's department id on runs over
the application database)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

DEPARTMENTS = "departments.parquet"


def _parts(folder: Path) -> str:
    return f"read_parquet('{folder / '*.parquet'}')"


def write_departments(out: Path) -> int:
    """Per department: projects, mean computed total, projects per grade, findings per tier. Returns the rows."""
    has_findings = (out / "findings").is_dir() and any((out / "findings").glob("*.parquet"))
    findings = (f"SELECT project_id, tier FROM {_parts(out / 'findings')}" if has_findings
                else "SELECT CAST(NULL AS BIGINT) AS project_id, CAST(NULL AS VARCHAR) AS tier WHERE FALSE")
    sql = f"""
WITH s AS (SELECT * FROM {_parts(out / 'scores')}),
f AS (SELECT project_id, COUNT(*) FILTER (WHERE tier = 'error') AS errors,
             COUNT(*) FILTER (WHERE tier = 'warning') AS warnings, COUNT(*) FILTER (WHERE tier = 'notice') AS notices
      FROM ({findings}) x GROUP BY project_id)
SELECT s.department_id, COUNT(*) AS projects, ROUND(AVG(s.total) / 100, 2) AS mean_total,
       COUNT(*) FILTER (WHERE grade = '优') AS grade_excellent, COUNT(*) FILTER (WHERE grade = '良') AS grade_good,
       COUNT(*) FILTER (WHERE grade = '中') AS grade_fair, COUNT(*) FILTER (WHERE grade = '差') AS grade_poor,
       COUNT(f.project_id) AS projects_with_findings, COALESCE(SUM(f.errors), 0) AS errors,
       COALESCE(SUM(f.warnings), 0) AS warnings, COALESCE(SUM(f.notices), 0) AS notices
FROM s LEFT JOIN f USING (project_id) GROUP BY s.department_id ORDER BY errors DESC, s.department_id"""
    frame = duckdb.connect().sql(sql).pl()
    frame.write_parquet(out / DEPARTMENTS)
    return frame.height


def load(out: Path) -> dict[str, pl.DataFrame]:
    """scores, findings and departments of a batch output folder (those present)."""
    frames = {}
    for name in ("scores", "findings"):
        if (out / name).is_dir() and any((out / name).glob("*.parquet")):
            frames[name] = pl.read_parquet(out / name / "*.parquet")
    if (out / DEPARTMENTS).is_file():
        frames["departments"] = pl.read_parquet(out / DEPARTMENTS)
    return frames
