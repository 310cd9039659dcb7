"""Batch score/audit over the production database's own tables (jixiao.store.batch_views presents them in the batch
layout; nothing is copied): inside PostgreSQL as SQL over the live schema, or on DuckDB over an SQLite store.

DuckDB reads SQLite through its sqlite extension when it is installed; where it is not (it is downloaded on first
use, which an offline machine cannot do), the five store tables are read through Python's sqlite3 into Arrow and
queried by DuckDB in memory. Projects whose indicator values the SQL cannot read exactly are scored and audited by
the per-document engine (the same rules, through jixiao.store.mapping), so every selected project is covered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from jixiao.batch import run
from jixiao.batch.engine import BATCH_RULES, Tables, findings_sql, for_postgres, scores_sql
from jixiao.batch.equality import NUMERIC, hundredths
from jixiao.core.finding import Finding
from jixiao.core.profile import Profile
from jixiao.store.batch_views import layout

SQLITE_COLUMNS = {
    "store_jurisdiction": "id, code, profile",
    "store_department": "id, jurisdiction_id",
    "store_unit": "id, department_id",
    "store_project": "id, unit_id, year, initial_budget, adjusted_budget, executed, "
                     "CAST(reported_total AS REAL) AS reported_total, reported_grade, "
                     "CAST(execution_points AS REAL) AS execution_points",
    "store_indicator": "id, project_id, position, name, level1, level2, target, actual, "
                       "CAST(weight AS REAL) AS weight, CAST(reported_score AS REAL) AS reported_score, deviation_reason",
}
SCORE_SCHEMA = {"project_id": pl.Int64, "department_id": pl.Int64, "exec_score": pl.Int64, "indicator_score": pl.Int64,
                "total": pl.Int64, "grade": pl.Utf8}
FINDING_SCHEMA = {"project_id": pl.Int64, "seq": pl.Int16, "rule": pl.Utf8, "tier": pl.Utf8, "expected": pl.Int64,
                  "actual": pl.Int64}
# Rules whose finding names one indicator (location row = the indicator's name in jixiao.store.mapping).
INDICATOR_RULES = {"selfeval.s2_quantitative_score", "selfeval.s2_strict_bound", "selfeval.s6_qualitative_band",
                   "selfeval.s7_over_achievement", "selfeval.s8_reason_required", "selfeval.s8_score_above_weight"}


class StoreError(Exception):
    """A store the batch engine cannot reach with the engine asked for (message in Chinese)."""


@dataclass
class StoreRun:
    scores: Path
    findings: Path | None
    projects: int
    unread_projects: int
    reader: str  # how the tables were read, for the summary


def sqlite_path(url: str) -> Path | None:
    if not url.startswith("sqlite:"):
        return None
    return Path(url.split(":///", 1)[1] if ":///" in url else url.split(":", 1)[1])


def duckdb_over_sqlite(path: Path) -> tuple[duckdb.DuckDBPyConnection, str]:
    """A DuckDB connection in which the store's tables are visible under their own names."""
    if not path.is_file():
        raise StoreError(f"找不到数据库文件 {path}")
    conn = run.connect()
    try:
        conn.execute("LOAD sqlite")
        conn.execute(f"ATTACH '{path}' AS store_db (TYPE sqlite, READ_ONLY)")
        conn.execute("USE store_db")
        return conn, "DuckDB sqlite 扩展"
    except duckdb.Error:
        pass
    import pyarrow as pa

    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for table, columns in SQLITE_COLUMNS.items():
            cursor = source.execute(f"SELECT {columns} FROM {table}")
            names = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            conn.register(table, pa.table({n: pa.array([r[k] for r in rows]) for k, n in enumerate(names)}))
    except sqlite3.Error as exc:
        raise StoreError(f"无法读取数据库 {path}：{exc}（是否已运行 jixiao manage migrate？）") from exc
    finally:
        source.close()
    return conn, "Python sqlite3 → Arrow（DuckDB sqlite 扩展不可用）"


def _profiles(query: Any, jurisdiction: str | None, year: int | None) -> list[str]:
    where = [f"j.code = '{jurisdiction}'"] if jurisdiction else []
    if year is not None:
        where.append(f"p.year = {int(year)}")
    sql = ("SELECT DISTINCT j.profile FROM store_project p JOIN store_unit u ON u.id = p.unit_id "
           "JOIN store_department d ON d.id = u.department_id JOIN store_jurisdiction j ON j.id = d.jurisdiction_id"
           + (" WHERE " + " AND ".join(where) if where else ""))
    return sorted(r[0] for r in query(sql))


def _django() -> None:
    """The ORM, for the per-document engine (already set up under the web app and the tests)."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    django.setup()


def _name_to_seq(project: Any) -> dict[str, int]:
    seq: dict[str, int] = {}
    for n, ind in enumerate(sorted(project.indicators.all(), key=lambda i: (i.position, i.pk))):
        seq.setdefault(ind.name, n)
    return seq


def finding_row(project_id: int, seq_of: dict[str, int], finding: Finding) -> tuple[Any, ...]:
    """A per-document finding on a stored project as a batch finding row (numbers in hundredths)."""
    seq = seq_of.get(finding.location.row, -1) if finding.rule in INDICATOR_RULES else -1
    numeric = finding.rule in NUMERIC
    return (project_id, seq, finding.rule, finding.tier.value,
            hundredths(finding.expected) if numeric else None, hundredths(finding.actual) if numeric else None)


def per_document(project_ids: list[int], profile: Profile) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
    """(score row, finding rows) of each project by the per-document engine, read through the ORM."""
    from jixiao.audit.catalogue import Context
    from jixiao.audit.catalogue import run as run_rules
    from jixiao.scoring.selfeval import score_self_evaluation
    from jixiao.store.mapping import self_evaluation
    from jixiao.store.models import Project

    ctx = Context(profile)
    projects = Project.objects.filter(pk__in=project_ids).select_related("unit__department").prefetch_related(
        "indicators")
    for project in projects:
        se = self_evaluation(project)
        result = score_self_evaluation(se, profile)
        score = (project.pk, project.unit.department_id, int(result.execution_score * 100),
                 int(result.indicator_score * 100), None if result.total is None else int(result.total * 100),
                 result.grade)  # no total nor grade for a project whose indicator rows are missing (total_gap)
        seq_of = _name_to_seq(project)
        yield score, [finding_row(project.pk, seq_of, f) for f in run_rules("self_evaluation", se, ctx,
                                                                              only=BATCH_RULES)]


def _write_per_document(ids: list[int], profile: Profile, out: Path, name: str, audit: bool) -> None:
    scores, findings = [], []
    for score, rows in per_document(ids, profile):
        scores.append(score)
        findings.extend(rows)
    _write(scores, findings if audit else None, out, name)


def _write(scores: list[tuple[Any, ...]], findings: list[tuple[Any, ...]] | None, out: Path, name: str) -> None:
    pl.DataFrame(scores, schema=SCORE_SCHEMA, orient="row").write_parquet(out / "scores" / f"{name}.parquet")
    if findings is not None:
        pl.DataFrame(findings, schema=FINDING_SCHEMA, orient="row").write_parquet(out / "findings" / f"{name}.parquet")


class _Source:
    """The store's tables and the engine that runs the batch SQL over them."""

    def __init__(self, url: str, engine: str) -> None:
        self.engine = engine
        if engine == "duckdb":
            path = sqlite_path(url)
            if path is None:
                raise StoreError("DuckDB 只能直接读取 SQLite 数据库；PostgreSQL 请用 --engine postgres，或先 jixiao batch export")
            self.conn, self.reader = duckdb_over_sqlite(path)
        elif engine == "postgres":
            if not url.startswith(("postgres://", "postgresql://")):
                raise StoreError("--engine postgres 需要 PostgreSQL 数据库（JIXIAO_DATABASE_URL=postgresql://…）")
            import psycopg

            self.conn = psycopg.connect(url)
            self.reader = "PostgreSQL 内执行（在线表，未复制）"
        else:
            raise StoreError("数据库中的数据请用 --engine duckdb（SQLite）或 postgres；Spark 请先 jixiao batch export 再 --input")

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        if self.engine == "duckdb":
            return self.conn.sql(sql).fetchall()
        return self.conn.execute(for_postgres(sql)).fetchall()

    def score_and_audit(self, tables: Tables, profile: Profile, out: Path, audit: bool, name: str) -> None:
        if self.engine == "duckdb":
            run.score_and_audit(self.conn, tables, profile, out, audit, name=name)
            return
        _write(self.query(scores_sql(profile, tables)),
               self.query(findings_sql(profile, tables)) if audit else None, out, name)


def run_store(url: str, engine: str, out: Path, audit: bool = True, jurisdiction: str | None = None,
              year: int | None = None, profile_name: str | None = None) -> StoreRun:
    """Score (and audit) the store's projects, each jurisdiction by its own profile unless `profile_name` is given;
    results as Parquet under out/scores and out/findings."""
    from jixiao.profiles import load_profile

    source = _Source(url, engine)
    run.prepare(out, audit)
    projects = unread = 0
    try:
        names = [profile_name] if profile_name else _profiles(source.query, jurisdiction, year)
        for number, name in enumerate(names):
            profile = load_profile(name)
            view = layout(jurisdiction, year, None if profile_name else name)
            tables = Tables(view.projects, view.indicators)
            projects += source.query(f"SELECT COUNT(*) FROM {tables.projects} x")[0][0]
            source.score_and_audit(tables, profile, out, audit, f"{number:02d}-{name}")
            ids = [r[0] for r in source.query(f"SELECT DISTINCT project_id FROM {view.unread} x ORDER BY project_id")]
            if ids:
                _django()
                _write_per_document(ids, profile, out, f"{number:02d}-{name}-per-document", audit)
            projects += len(ids)
            unread += len(ids)
    finally:
        source.conn.close()
    return StoreRun(out / "scores", out / "findings" if audit else None, projects, unread, source.reader)
