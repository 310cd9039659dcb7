"""The same batch rules on Spark (local mode here, a cluster at national scale): the queries are transpiled by
sqlglot from the one DuckDB-dialect source. Results are written by Spark itself, so nothing is collected on the
driver however large the jurisdiction."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import polars as pl

from jixiao.batch.engine import FINDING_COLUMNS, Tables, findings_sql, scores_sql
from jixiao.core.profile import Profile

VIEWS = Tables("jixiao_projects", "jixiao_indicators")


def session(master: str | None = None) -> Any:
    """A Spark session: `master`, else the one spark-submit gives, else local mode on every core."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("jixiao").config("spark.ui.enabled", "false")
    if master or not os.environ.get("SPARK_ENV_LOADED"):  # spark-submit sets the master of a cluster run itself
        builder = builder.master(master or "local[*]").config("spark.sql.shuffle.partitions", "4")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _sql(spark: Any, folder: str, sql: str) -> Any:
    import sqlglot

    for name in ("projects", "indicators"):
        spark.read.parquet(f"{folder}/{name}").createOrReplaceTempView(f"jixiao_{name}")
    return spark.sql(sqlglot.transpile(sql, read="duckdb", write="spark")[0])


def findings(spark: Any, folder: Path, profile: Profile) -> pl.DataFrame:
    """Batch findings computed by Spark over the Parquet folders (collected: for tests and small data)."""
    rows = _sql(spark, str(folder), findings_sql(profile, VIEWS)).collect()
    return pl.DataFrame([tuple(r) for r in rows], schema=list(FINDING_COLUMNS), orient="row")


def score_and_audit(spark: Any, folder: str, profile: Profile, out: str, audit: bool = True) -> None:
    """Write out/scores and (audit) out/findings as Parquet from the executors. Paths may be any URI Spark reads
    (hdfs://, s3a://, file:)."""
    _sql(spark, folder, scores_sql(profile, VIEWS)).write.mode("overwrite").parquet(f"{out}/scores")
    if audit:
        _sql(spark, folder, findings_sql(profile, VIEWS)).write.mode("overwrite").parquet(f"{out}/findings")
