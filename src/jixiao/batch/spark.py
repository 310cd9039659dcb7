"""The same batch rules on Spark (local mode here, a cluster at national scale): the query is transpiled by
sqlglot from the one DuckDB-dialect source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from jixiao.batch.engine import Tables, findings_sql
from jixiao.core.profile import Profile


def session(master: str = "local[2]") -> Any:
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(master).appName("jixiao")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def findings(spark: Any, folder: Path, profile: Profile) -> pl.DataFrame:
    """Batch findings computed by Spark over the Parquet folders."""
    import sqlglot

    for name in ("projects", "indicators"):
        spark.read.parquet(str(folder / name)).createOrReplaceTempView(f"jixiao_{name}")
    sql = sqlglot.transpile(findings_sql(profile, Tables("jixiao_projects", "jixiao_indicators")), read="duckdb",
                            write="spark")[0]
    rows = spark.sql(sql).collect()
    columns = ["project_id", "seq", "rule", "tier", "expected", "actual"]
    return pl.DataFrame([tuple(r) for r in rows], schema=columns, orient="row")
