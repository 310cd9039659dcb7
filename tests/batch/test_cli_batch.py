"""`jixiao batch` from the command line: generate, audit (Parquet + Chinese summary), verify."""

from __future__ import annotations

import os
import subprocess
import sys

import polars as pl
import pytest

from tests.conftest import REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "COLUMNS": "160"}
    return subprocess.run([sys.executable, "-m", "jixiao", "batch", *args], capture_output=True, text=True, env=env,
                          timeout=300)


def test_generate_audit_verify(tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    assert run("generate", "--out", str(data), "--projects", "2000", "--fault-rate", "0.1").returncode == 0
    audited = run("audit", "--input", str(data), "--out", str(out))
    assert audited.returncode == 0, audited.stderr
    assert "按规则" in audited.stdout and "等级分布" in audited.stdout
    findings = pl.read_parquet(out / "findings" / "*.parquet")
    faults = pl.read_parquet(data / "faults" / "*.parquet")
    assert set(faults["project_id"]) <= set(findings["project_id"])
    verified = run("verify", "--input", str(data), "--limit", "500")
    assert verified.returncode == 0 and "一致" in verified.stdout


def test_missing_input_is_a_chinese_error(tmp_path):
    result = run("audit", "--input", str(tmp_path / "nothing"), "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "Parquet" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.spark
def test_spark_engine_from_the_cli_gives_the_same_results(tmp_path):
    pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install 'jixiao[spark]')")
    data = tmp_path / "data"
    assert run("generate", "--out", str(data), "--projects", "1500", "--fault-rate", "0.2").returncode == 0
    results = {}
    for engine in ("duckdb", "spark"):
        done = run("audit", "--input", str(data), "--out", str(tmp_path / engine), "--engine", engine)
        assert done.returncode == 0, done.stderr
        results[engine] = {name: set(pl.read_parquet(tmp_path / engine / name / "*.parquet").rows())
                           for name in ("findings", "scores")}
    assert results["spark"] == results["duckdb"] and len(results["duckdb"]["findings"]) > 200

    from jixiao.batch.spark_submit import main  # what spark-submit runs on a cluster

    main(["--input", str(data), "--out", str(tmp_path / "submitted")])
    assert set(pl.read_parquet(tmp_path / "submitted" / "findings" / "*.parquet").rows()) == results["duckdb"]["findings"]
