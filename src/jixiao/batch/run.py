"""Batch score/audit on DuckDB of any relation in the batch layout (Parquet folders, or the store's tables), with a
summary. Scores and findings come from one scan of the indicator rows (engine.one_pass_sql); a jurisdiction larger
than `chunk` projects is processed in ranges of project ids, so memory stays bounded however large it is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from jixiao.batch.engine import Tables, one_pass_sql, parquet_tables, pass_findings_sql, pass_scores_sql
from jixiao.core.profile import Profile

TIERS = {"error": "确定", "warning": "疑似", "notice": "提示"}
CHUNK = 1_000_000


@dataclass(frozen=True)
class Summary:
    projects: int
    indicators: int | None
    by_rule: pl.DataFrame
    by_tier: pl.DataFrame
    by_department: pl.DataFrame
    grades: pl.DataFrame | None


def connect(memory_limit: str = "1500MB") -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect()
    conn.execute("SET preserve_insertion_order = false")  # lets DuckDB stream larger-than-memory data
    conn.execute(f"SET memory_limit = '{memory_limit}'")
    return conn


def _ranges(conn: duckdb.DuckDBPyConnection, tables: Tables, chunk: int) -> list[tuple[int, int]]:
    low, high = conn.sql(f"SELECT MIN(project_id), MAX(project_id) FROM {tables.projects} x").fetchall()[0]
    if low is None:
        return []
    return [(start, min(start + chunk - 1, high)) for start in range(low, high + 1, chunk)]


def _slice(tables: Tables, low: int, high: int) -> Tables:
    where = f"WHERE project_id BETWEEN {low} AND {high}"
    return Tables(f"(SELECT * FROM {tables.projects} p {where})", f"(SELECT * FROM {tables.indicators} i {where})")


def prepare(out: Path, audit: bool) -> None:
    """Empty out/scores and (audit) out/findings."""
    for folder in [out / "scores"] + ([out / "findings"] if audit else []):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.parquet"):
            old.unlink()


def score_and_audit(conn: duckdb.DuckDBPyConnection, tables: Tables, profile: Profile, out: Path,
                    audit: bool = True, chunk: int = CHUNK, name: str = "part") -> tuple[Path, Path | None]:
    """Write out/scores/NAME-N.parquet and (audit) out/findings/NAME-N.parquet, one part per range of ids."""
    ranges = _ranges(conn, tables, chunk)
    for number, (low, high) in enumerate(ranges):
        part = _slice(tables, low, high) if len(ranges) > 1 else tables
        conn.execute(f"CREATE OR REPLACE TEMP TABLE batch_pass AS {one_pass_sql(profile, part)}")
        conn.execute(f"COPY ({pass_scores_sql(profile, part, 'batch_pass')}) "
                     f"TO '{out / 'scores' / f'{name}-{number:04d}.parquet'}' (FORMAT PARQUET)")
        if audit:
            conn.execute(f"COPY ({pass_findings_sql(profile, part, 'batch_pass')}) "
                         f"TO '{out / 'findings' / f'{name}-{number:04d}.parquet'}' (FORMAT PARQUET)")
        conn.execute("DROP TABLE batch_pass")
    return out / "scores", (out / "findings" if audit else None)


def run_folder(folder: Path, profile: Profile, out: Path, audit: bool = True) -> tuple[Path, Path | None]:
    """Score (and audit) a generated or exported jurisdiction: Parquet folders projects/ and indicators/."""
    prepare(out, audit)
    return score_and_audit(connect(), parquet_tables(folder), profile, out, audit)


def _glob(folder: Path) -> str:
    return f"read_parquet('{folder / '*.parquet'}')"


def summarise(conn: duckdb.DuckDBPyConnection, tables: Tables | None, findings: Path | None,
              scores: Path | None) -> Summary:
    """Counts by rule, tier, department (top 10) and grade, of the batch results in `findings` and `scores`; with
    `tables`, the input's sizes and departments, else the results' own."""
    if tables is None:
        assert scores is not None
        tables = Tables(f"(SELECT project_id, department_id FROM {_glob(scores)})", "")
        indicators = None
    else:
        indicators = conn.sql(f"SELECT COUNT(*) FROM {tables.indicators} i").fetchall()[0][0]
    projects = conn.sql(f"SELECT COUNT(*) FROM {tables.projects} p").fetchall()[0][0]
    empty = pl.DataFrame({"rule": [], "count": []})
    by_rule = by_tier = by_department = empty
    if findings is not None and any(findings.glob("*.parquet")):
        f = _glob(findings)
        by_rule = conn.sql(f"SELECT rule, tier, COUNT(*) AS count FROM {f} GROUP BY ALL ORDER BY count DESC").pl()
        by_tier = conn.sql(f"SELECT tier, COUNT(*) AS count FROM {f} GROUP BY tier ORDER BY tier").pl()
        by_department = conn.sql(
            f"SELECT p.department_id, COUNT(*) AS count FROM {f} x JOIN {tables.projects} p USING (project_id) "
            "GROUP BY ALL ORDER BY count DESC LIMIT 10").pl()
    grades = None
    if scores is not None and any(scores.glob("*.parquet")):
        grades = conn.sql(f"SELECT grade, COUNT(*) AS count FROM {_glob(scores)} GROUP BY grade ORDER BY grade").pl()
    return Summary(projects, indicators, by_rule, by_tier, by_department, grades)
