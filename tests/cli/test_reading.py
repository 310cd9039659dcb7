"""`jixiao audit` prints what it read before its findings, never says "no problems" without saying how much it
checked, and agrees with `jixiao score` on what a document contains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.builders import consistent_package
from tests.cli.test_score import run

EMPTY_SELF_EVALUATION = "# 2024年度项目支出绩效自评表\n\n项目名称：道路维护项目\n\n本项目按计划实施，效果良好。\n"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A consistent package with one stated figure no rule can compare (培训费 has no table row)."""
    path = tmp_path / "决算公开.txt"
    text = consistent_package().replace("公务接待费支出0万元，与上年相同", "公务接待费支出0万元，与上年相同。全年培训费支出2.40万元")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    path = tmp_path / "自评表.txt"
    path.write_text(EMPTY_SELF_EVALUATION, encoding="utf-8")
    return path


def test_clean_audit_says_how_much_was_checked(package):
    result = run("audit", str(package))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("读取 决算公开.txt：部门决算公开") < out.index("未发现问题：")
    assert "项目支出绩效自评表：2 个项目（道路维护项目、土地整理项目）" in out
    assert "未发现问题：决算公开.txt：已核对 14 张表" in out
    assert "项规则；1 处未读取或未核对" in out and "未核对：全年培训费支出2.40万元" in out


def test_audit_of_a_recognised_but_unread_document_warns(empty):
    result = run("audit", str(empty))
    assert result.returncode == 0, result.stderr
    assert "表格：未读取到任何表" in result.stdout
    assert "未能读取项目支出绩效自评表" in result.stdout
    assert "未发现问题" not in result.stdout
    assert "疑似 1 项" in result.stdout and "已核对 0 张表 0 行" in result.stdout


def test_score_refuses_the_same_document_naming_what_it_read(empty):
    result = run("score", str(empty))
    assert result.returncode == 2
    assert "未能读取项目支出绩效自评表" in result.stderr
    assert "读取到 0 张表 0 行、0 条带数字的说明、0 个项目" in result.stderr
    assert "Traceback" not in result.stderr


def test_score_and_audit_read_the_same_contents(package):
    audit = json.loads(run("audit", str(package), "--format", "json").stdout)["documents"][0]["coverage"]
    score = json.loads(run("score", str(package), "--format", "json").stdout)["documents"][0]
    assert score["reading"]["projects"] == audit["projects"]
    assert score["reading"]["tables"] == audit["tables"]
    assert [p["name"] for p in score["projects"]] == [p["name"] for p in audit["projects"]]
    assert audit["checks"]["counts"]["held"] > 0 and audit["unread"][0]["kind"] == "claim"


def test_markdown_and_excel_carry_the_reading_summary(package, tmp_path):
    md = run("audit", str(package), "--format", "md").stdout
    assert "## 读取与核对范围" in md and "未发现问题：决算公开.txt：已核对 14 张表" in md
    assert "## 未读取或未核对的内容" in md and "未核对：" in md
    page = run("audit", str(package), "--format", "html").stdout
    assert "未发现问题：决算公开.txt：已核对 14 张表" in page and "未读取或未核对的内容（1 处）" in page
    out = tmp_path / "清单.xlsx"
    assert run("audit", str(package), "--format", "xlsx", "--out", str(out)).returncode == 0
    sheet = load_workbook(out)["读取与核对范围"]
    assert sheet["B1"].value.startswith("未发现问题：决算公开.txt：已核对 14 张表")
    assert sheet["B3"].value.startswith("未核对：")
