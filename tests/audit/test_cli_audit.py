"""`jixiao audit` and `jixiao rules`: every format, exit codes, and the catalogue in docs/rules.md is current."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import consistent_package
from tests.conftest import REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.fixture
def faulty(tmp_path: Path) -> Path:
    path = tmp_path / "决算公开.txt"
    path.write_text(consistent_package().replace("保有量共1辆", "保有量共2辆"), encoding="utf-8")
    return path


def test_json_contract(faulty):
    result = run("audit", str(faulty), "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["documents"][0]["kind"] == "disclosure"
    [vehicle] = [f for f in payload["findings"] if f["rule"] == "crosssection.vehicles"]
    assert set(vehicle) == {"rule", "tier", "category", "location", "message", "expected", "actual", "difference",
                            "fingerprint", "related"}
    assert payload["summary"] == {"error": 1, "warning": 0, "notice": 0}


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_findings_list_formats(faulty, tmp_path, fmt):
    out = tmp_path / f"问题清单.{fmt}"
    assert run("audit", str(faulty), "--format", fmt, "--out", str(out)).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "问题清单" in text and "车辆数前后不一致" in text


def test_xlsx_one_finding_per_row(faulty, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "问题清单.xlsx"
    assert run("audit", str(faulty), "--format", "xlsx", "--out", str(out)).returncode == 0
    sheet = load_workbook(out).active
    assert sheet.max_row == 2 and sheet["D2"].value == "crosssection.vehicles"


def test_unreadable_input_exits_2(tmp_path):
    result = run("audit", str(tmp_path / "没有这个文件.txt"))
    assert result.returncode == 2 and "文件不存在" in result.stderr


def test_docs_rules_md_is_generated_from_the_catalogue():
    result = run("rules", "--format", "md")
    assert result.returncode == 0
    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == result.stdout
