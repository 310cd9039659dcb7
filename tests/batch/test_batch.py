"""The batch engine: deterministic generation, silence on clean data, full recall of planted faults, equality with
the per-document engine finding for finding, and identical results inside PostgreSQL."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import duckdb
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.batch.engine import findings_sql, parquet_tables, scores_sql
from jixiao.batch.equality import batch_keys, per_document_keys
from jixiao.batch.generate import Spec, generate
from jixiao.profiles import load_profile

CENTRAL = load_profile("central")


def frames(folder: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    return tuple(pl.read_parquet(folder / name / "*.parquet") for name in ("projects", "indicators", "faults"))


def batch_findings(folder: Path, profile=CENTRAL) -> pl.DataFrame:
    return duckdb.sql(findings_sql(profile, parquet_tables(folder))).pl()


def test_generation_is_deterministic_from_the_seed(tmp_path):
    a, b, c = (generate(Spec(500, seed=s, fault_rate=0.1), tmp_path / str(i)) for i, s in enumerate((7, 7, 8)))
    assert frames(a)[1].equals(frames(b)[1]) and frames(a)[2].equals(frames(b)[2])
    assert not frames(a)[1].equals(frames(c)[1])


def test_clean_data_has_no_findings_in_either_engine(tmp_path):
    folder = generate(Spec(2000, seed=11, fault_rate=0.0), tmp_path)
    projects, indicators, _ = frames(folder)
    assert batch_findings(folder).height == 0
    assert per_document_keys(projects, indicators, CENTRAL) == set()


def test_every_planted_fault_is_found(tmp_path):
    folder = generate(Spec(5000, seed=5, fault_rate=0.2), tmp_path)
    _, _, faults = frames(folder)
    found = {(r["project_id"], r["rule"]) for r in batch_findings(folder).iter_rows(named=True)}
    missed = [r for r in faults.iter_rows(named=True) if (r["project_id"], r["rule"]) not in found]
    assert faults.height > 800 and missed == []
    clean_projects = set(frames(folder)[0]["project_id"]) - set(faults["project_id"])
    assert not {pid for pid, _ in found} & clean_projects


# The execution points forms establish: printed 15, the usual 10 or 20, or none (the profile's, a convention).
POINTS = st.sampled_from([(None,), (15,), (None, 10, 15), (None, 20, 15)])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), size=st.integers(20, 300), rate=st.sampled_from([0.0, 0.1, 0.5, 1.0]),
       profile=st.sampled_from(["central", "hubei"]), points=POINTS)
def test_batch_equals_per_document_finding_for_finding(tmp_path_factory, seed, size, rate, profile, points):
    """Rule, tier, place and figures: the same findings from both engines."""
    folder = generate(Spec(size, seed=seed, fault_rate=rate, execution_points=points), tmp_path_factory.mktemp("j"))
    projects, indicators, _ = frames(folder)
    rules = load_profile(profile)
    assert batch_keys(batch_findings(folder, rules)) == per_document_keys(projects, indicators, rules)


def test_execution_points_the_form_prints_are_certain_and_the_convention_a_suspicion(tmp_path):
    folder = generate(Spec(1500, seed=21, fault_rate=0.5, execution_points=(None, 15)), tmp_path)
    projects, indicators, _ = frames(folder)
    findings = batch_findings(folder)
    assert batch_keys(findings) == per_document_keys(projects, indicators, CENTRAL)
    printed = set(projects.filter(pl.col("exec_points100") == 1500)["project_id"])
    tiers = {(rule, pid in printed, tier) for pid, rule, tier in findings.select("project_id", "rule", "tier").rows()
             if rule in ("selfeval.s1_execution_score", "selfeval.s9_weight_total")}
    assert tiers == {("selfeval.s1_execution_score", True, "error"), ("selfeval.s1_execution_score", False, "warning"),
                     ("selfeval.s9_weight_total", True, "error"), ("selfeval.s9_weight_total", False, "warning")}
    # a planted weight fault on a 15-point form is measured against 100 − 15
    weights = findings.filter((pl.col("rule") == "selfeval.s9_weight_total") & pl.col("project_id").is_in(list(printed)))
    assert set(weights["expected"]) == {8500}
    # the execution score of a 15-point form is out of 15 (no planted fault there: scored honestly, no finding)
    scores = duckdb.sql(scores_sql(CENTRAL, parquet_tables(folder))).pl().join(projects, on="project_id")
    full = scores.filter((pl.col("executed_fen") >= pl.col("adjusted_fen")) & (pl.col("adjusted_fen") > 0))
    assert set(full.group_by("exec_points100").agg(pl.col("exec_score").max()).rows()) == {(1500, 1500), (None, 1000)}


def test_scores_and_grades_match_the_per_document_engine(tmp_path):
    from decimal import Decimal

    from jixiao.batch.equality import iter_projects, self_evaluation
    from jixiao.scoring.selfeval import score_self_evaluation

    folder = generate(Spec(300, seed=2, fault_rate=0.3, execution_points=(None, 10, 15)), tmp_path)
    projects, indicators, _ = frames(folder)
    batch = {r["project_id"]: r for r in duckdb.sql(scores_sql(CENTRAL, parquet_tables(folder))).pl().iter_rows(
        named=True)}
    for project, rows in iter_projects(projects, indicators):
        single = score_self_evaluation(self_evaluation(project, rows), CENTRAL)
        row = batch[project["project_id"]]
        assert (Decimal(row["total"]) / 100, row["grade"]) == (single.total, single.grade)



@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), size=st.integers(1, 400), rate=st.sampled_from([0.0, 0.2, 1.0]),
       chunk=st.sampled_from([7, 150, 1_000_000]), profile=st.sampled_from(["central", "hubei"]), points=POINTS)
def test_one_pass_writes_the_findings_and_scores_of_the_single_queries(tmp_path_factory, seed, size, rate, chunk,
                                                                       profile, points):
    from jixiao.batch import run

    folder = generate(Spec(size, seed=seed, fault_rate=rate, execution_points=points), tmp_path_factory.mktemp("j"))
    out, rules = tmp_path_factory.mktemp("out"), load_profile(profile)
    run.prepare(out, audit=True)
    scores, findings = run.score_and_audit(run.connect(), parquet_tables(folder), rules, out, chunk=chunk)
    written = pl.read_parquet(findings / "*.parquet")
    assert sorted(written.rows()) == sorted(batch_findings(folder, rules).rows())
    single = duckdb.sql(scores_sql(rules, parquet_tables(folder))).pl()
    assert sorted(pl.read_parquet(scores / "*.parquet").rows()) == sorted(single.rows())

@pytest.fixture
def pg_url():
    url = os.environ.get("JIXIAO_TEST_DATABASE_URL")
    if not url:
        pytest.skip("JIXIAO_TEST_DATABASE_URL not set (batch rules inside PostgreSQL)")
    return url


@pytest.mark.postgres
def test_postgresql_gives_identical_findings_and_scores(tmp_path, pg_url):
    import psycopg

    from jixiao.batch import postgres

    folder = generate(Spec(1500, seed=9, fault_rate=0.2, execution_points=(None, 10, 15)), tmp_path)
    schema = f"jixiao_batch_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_url) as conn:
        try:
            tables = postgres.load_parquet(conn, folder, schema)
            in_pg = postgres.findings(conn, tables, CENTRAL)
            pg_scores = postgres.scores(conn, tables, CENTRAL).sort("project_id")
        finally:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            conn.commit()
    assert batch_keys(in_pg) == batch_keys(batch_findings(folder)) and in_pg.height > 300
    projects, indicators, _ = frames(folder)
    assert batch_keys(in_pg) == per_document_keys(projects, indicators, CENTRAL)
    duck_scores = duckdb.sql(scores_sql(CENTRAL, parquet_tables(folder))).pl().sort("project_id")
    assert pg_scores["total"].cast(pl.Int64).to_list() == duck_scores["total"].cast(pl.Int64).to_list()
    assert pg_scores["grade"].to_list() == duck_scores["grade"].to_list()


@pytest.mark.spark
def test_spark_gives_identical_findings(tmp_path):
    pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install 'jixiao[spark]')")
    from jixiao.batch import spark

    folder = generate(Spec(3000, seed=4, fault_rate=0.2, execution_points=(None, 10, 15)), tmp_path)
    session = spark.session()
    try:
        in_spark = spark.findings(session, folder, CENTRAL)
    finally:
        session.stop()
    assert in_spark.height > 500 and batch_keys(in_spark) == batch_keys(batch_findings(folder))
    projects, indicators, _ = frames(folder)
    assert batch_keys(in_spark) == per_document_keys(projects, indicators, CENTRAL)
