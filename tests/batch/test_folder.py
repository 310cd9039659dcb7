"""`jixiao audit DIR/`: documents in every carrier audited in a process pool give the findings `jixiao audit FILE`
gives; unreadable files are recorded with their Chinese reason; an interrupted run resumes without auditing any
document twice (checked through the state file, whose records carry the auditing process id)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from jixiao.batch.folder import STATE, read_state
from tests.carriers import CARRIERS, package_blocks, selfeval_blocks, write
from tests.conftest import REPO

ENV = {**os.environ, "PYTHONPATH": str(REPO / "src"), "COLUMNS": "160"}
NOT_READ = {"坏文件.docx": b"PK\x03\x04 not really a zip", "照片.jpg": b"\xff\xd8\xff"}


def jixiao(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True, text=True, env=ENV,
                          timeout=600)


def carriers() -> list[str]:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return [c for c in CARRIERS if c != "pdf"]
    return list(CARRIERS)


def make_folder(folder: Path, copies: int = 1) -> list[Path]:
    """Packages (one with a planted fault) and self-evaluation forms in every carrier, in subfolders, plus files
    that cannot be read."""
    paths = []
    for copy in range(copies):
        for carrier in carriers():
            for stem, blocks in (("决算", package_blocks()), ("决算有误", package_blocks(fault=True)),
                                 ("自评", selfeval_blocks())):
                where = folder / carrier / (f"第{copy}批" if copies > 1 else "")
                where.mkdir(parents=True, exist_ok=True)
                paths.append(write(carrier, blocks, where, stem))
    for name, data in NOT_READ.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bulk") / "文档"
    make_folder(root)
    return root


def single_file_audits(folder: Path, paths: list[Path]) -> dict[str, dict]:
    """What `jixiao audit FILE... --format json` prints for the readable files, by document path."""
    result = jixiao("audit", *map(str, paths), "--format", "json")
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    by_document: dict[str, list] = {str(p): [] for p in paths}
    for finding in printed["findings"]:
        by_document[finding["location"]["document"]].append(finding)
    return by_document


def as_printed(row: dict) -> dict:
    """A findings.parquet row back in the shape of `jixiao audit --format json`."""
    location = {key: row[key] for key in ("document", "section", "table", "project", "row", "column", "line", "page")}
    return {"rule": row["rule"], "tier": row["tier"], "category": row["category"], "location": location,
            "message": row["message"], "expected": row["expected"], "actual": row["actual"],
            "difference": row["difference"], "fingerprint": row["fingerprint"], "related": json.loads(row["related"])}


def test_folder_audit_equals_single_file_audits(folder, tmp_path):
    out = tmp_path / "结果"
    done = jixiao("audit", str(folder), "--jobs", "2", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "审核文档" in done.stderr and "Traceback" not in done.stderr
    documents = pl.read_parquet(out / "documents.parquet")
    findings = pl.read_parquet(out / "findings.parquet")
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert sorted(documents["path"]) == sorted(p.relative_to(folder).as_posix() for p in files)

    unreadable = documents.filter(pl.col("status") == "unreadable")
    assert sorted(unreadable["path"]) == sorted(NOT_READ)
    for path, reason in unreadable.select("path", "reason").iter_rows():
        single = jixiao("audit", str(folder / path))
        assert single.returncode == 2 and reason and reason in single.stderr  # the same Chinese reason

    readable = [folder / p for p in documents.filter(pl.col("status") == "audited")["path"]]
    expected = single_file_audits(folder, readable)
    got: dict[str, list] = {str(p): [] for p in readable}
    for row in findings.iter_rows(named=True):
        got[row["document"]].append(as_printed(row))
    assert got == expected
    # the planted fault is found as an error in every carrier that keeps a package's rows (not in one line)
    faulty = [p for p in readable if "决算有误" in p.name and "one_line" not in p.name]
    assert faulty and all(any(f["tier"] == "error" for f in expected[str(p)]) for p in faulty)
    assert findings.height == sum(map(len, expected.values())) > 0

    # one reading report per document, with its counts
    read = documents.filter(pl.col("status") == "audited")
    assert read.filter(pl.col("path").str.contains("决算") & ~pl.col("path").str.contains("one_line") & (pl.col("kind") == "disclosure"))["tables"].min() >= 3
    assert (read["coverage"].is_not_null()).all() and (read["summary"].str.starts_with("已核对")).all()

    from openpyxl import load_workbook

    book = load_workbook(out / "审核汇总.xlsx", read_only=True)
    assert book.sheetnames == ["概况", "按单位", "按文档类型", "按规则", "问题清单", "读取报告"]
    by_rule = list(book["按规则"].iter_rows(values_only=True))
    assert by_rule[0] == ("规则", "规则名称", "等级", "问题数", "涉及文档数")
    assert sum(row[3] for row in by_rule[1:]) == findings.height
    by_unit = list(book["按单位"].iter_rows(values_only=True))
    assert sum(row[1] for row in by_unit[1:]) == documents.height
    assert any(row[0] == "示例县档案馆" for row in by_unit)
    assert book["问题清单"].max_row == findings.height + 1


def state_records(out: Path) -> list[dict]:
    header, records = read_state(out)
    assert header is not None
    return records


def test_resume_from_a_partial_state_audits_only_the_rest(folder, tmp_path):
    out = tmp_path / "结果"
    assert jixiao("audit", str(folder), "--jobs", "2", "--out", str(out)).returncode == 0
    first = state_records(out)
    before = pl.read_parquet(out / "findings.parquet").sort("path", "fingerprint")

    # as if killed while writing the sixth record: five whole lines and half of the next
    lines = (out / STATE).read_text(encoding="utf-8").splitlines(keepends=True)
    (out / STATE).write_text("".join(lines[:6]) + lines[6][: len(lines[6]) // 2], encoding="utf-8")
    again = jixiao("audit", str(folder), "--jobs", "2", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert f"跳过 {5:,} 个" in again.stdout

    records = state_records(out)
    keys = [(r["path"], r["sha256"]) for r in records]
    assert len(keys) == len(set(keys)) == len(first)  # nothing audited twice, nothing lost
    assert records[:5] == first[:5]  # the five kept as they were (same auditing process)
    new_pids = {r["pid"] for r in records[5:]}
    assert not new_pids & {r["pid"] for r in first[:5]}
    assert pl.read_parquet(out / "findings.parquet").sort("path", "fingerprint").equals(before)

    # a document whose content changed is audited again; the others are not
    changed = next(p for p in folder.rglob("*.md"))
    original = changed.read_bytes()
    try:
        changed.write_bytes(original + "\n附注：本表无其他说明。\n".encode())
        third = jixiao("audit", str(folder), "--jobs", "2", "--out", str(out))
        assert third.returncode == 0 and "本次审核 1 个" in third.stdout
    finally:
        changed.write_bytes(original)


def test_interrupted_run_resumes_without_repeating_work(tmp_path):
    folder, out = tmp_path / "文档", tmp_path / "结果"
    paths = make_folder(folder, copies=3)
    process = subprocess.Popen([sys.executable, "-m", "jixiao", "audit", str(folder), "--jobs", "2", "--out",
                                str(out)], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if (out / STATE).is_file() and len((out / STATE).read_bytes().splitlines()) >= 6:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "已中断" in stderr and "Traceback" not in stderr
    interrupted = state_records(out)
    assert 5 <= len(interrupted) < len(paths)

    resumed = jixiao("audit", str(folder), "--jobs", "2", "--out", str(out))
    assert resumed.returncode == 0, resumed.stderr
    records = state_records(out)
    keys = [(r["path"], r["sha256"]) for r in records]
    assert len(keys) == len(set(keys)) == len(paths)
    assert f"跳过 {len(interrupted):,} 个" in resumed.stdout
    assert pl.read_parquet(out / "documents.parquet").height == len(paths)


def test_bad_input_is_a_chinese_message(tmp_path):
    missing = jixiao("audit", str(tmp_path / "没有"), "--jobs", "2")
    assert missing.returncode == 2 and "不存在" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "空").mkdir()
    empty = jixiao("audit", str(tmp_path / "空"), "--out", str(tmp_path / "o"))
    assert empty.returncode == 2 and "没有任何文件" in empty.stderr and "Traceback" not in empty.stderr
    (tmp_path / "一个").mkdir()
    (tmp_path / "一个" / "说明.txt").write_text("本单位无其他说明。", encoding="utf-8")
    out = tmp_path / "结果"
    assert jixiao("audit", str(tmp_path / "一个"), "--out", str(out)).returncode == 0
    other = jixiao("audit", str(tmp_path / "一个"), "--out", str(out), "--profile", "hubei")
    assert other.returncode == 2 and "另一设置" in other.stderr and "Traceback" not in other.stderr
    itself = jixiao("audit", str(tmp_path / "一个"), "--out", str(tmp_path / "一个"))
    assert itself.returncode == 2 and "不能是被审核的文件夹" in itself.stderr
    inside = jixiao("audit", str(tmp_path / "一个"), "--out", str(tmp_path / "一个" / "结果"), "--format", "table")
    assert inside.returncode == 0 and "文档 1 个" in inside.stdout  # its own output folder is not audited
    engine = jixiao("audit", str(tmp_path / "一个"), "--engine", "dask")
    assert engine.returncode == 2 and "引擎" in engine.stderr


@pytest.mark.spark
def test_spark_engine_gives_the_same_results(folder, tmp_path):
    pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install 'jixiao[spark]')")
    results = {}
    for engine in ("process", "spark"):
        done = jixiao("audit", str(folder), "--jobs", "2", "--engine", engine, "--out", str(tmp_path / engine))
        assert done.returncode == 0, done.stderr
        results[engine] = {name: pl.read_parquet(tmp_path / engine / f"{name}.parquet").drop("seconds", "cpu_seconds", strict=False)
                           .sort("path", *(["fingerprint", "message"] if name == "findings" else []))
                           for name in ("findings", "documents")}
    assert results["spark"]["findings"].equals(results["process"]["findings"])
    assert results["spark"]["documents"].equals(results["process"]["documents"])
    assert results["process"]["findings"].height > 0


def test_an_unexpected_failure_is_retried_next_run(tmp_path):
    from jixiao.batch import folder as bulk

    root, out = tmp_path / "文档", tmp_path / "结果"
    root.mkdir()
    for n in range(3):
        (root / f"说明{n}.txt").write_text(f"本单位第{n}号说明，无其他事项。", encoding="utf-8")
    settings = bulk.Settings()
    work = bulk.plan(root, out, settings)
    records = [bulk.audit_task(task) for task in work.pending]
    records[1] = bulk.unreadable_record(records[1]["path"], records[1]["sha256"], "审核进程意外退出（BrokenProcessPool）",
                                        retry=True)
    bulk.run(work, records)
    again = bulk.plan(root, out, settings)
    assert [t.path for t in again.pending] == [records[1]["path"]]  # only the failed one, not the two audited
    assert set(again.done) == {(r["path"], r["sha256"]) for r in (records[0], records[2])}
