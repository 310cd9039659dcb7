"""`jixiao score`: the JSON contract on seed 004, the demo document, and Chinese errors with exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, seed_path


def run(*args: str, timeout: float = 120, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), **extra_env}
    for name in ("JIXIAO_DATABASE_URL", "JIXIAO_TEST_DATABASE_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)  # the CLI must use its own settings, never the test database
    return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


@pytest.fixture(scope="module")
def seed004_json():
    result = run("score", str(seed_path("004")), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def project(payload, fragment):
    return next(p for p in payload["documents"][0]["projects"] if fragment in p["name"])


def test_json_contract_on_power_project(seed004_json):
    p = project(seed004_json, "10KV 供电工程")
    assert (p["adjusted_budget"], p["executed"], p["execution_rate"], p["execution_score"]) == (
        "1871500.00", "1182000.00", "63.16", "6.32")
    assert p["reported"] == {"execution_score": "6.32", "indicator_score": "64", "total": "70.32", "grade": "中"}
    cost = next(i for i in p["indicators"] if i["name"] == "工程成本")
    assert (cost["operator"], cost["target"], cost["unit"], cost["score"], cost["reported_score"]) == (
        "≤", "300.00", "万元", "10.00", "2")


def test_qualitative_indicators_have_null_score(seed004_json):
    p = project(seed004_json, "10KV 供电工程")
    qualitative = next(i for i in p["indicators"] if i["name"] == "完善经济开发区基础设施建设")
    assert qualitative["score"] is None and qualitative["reported_score"] == "20"


def test_zero_budget_project_scores_zero(seed004_json):
    p = project(seed004_json, "转移支付")
    assert (p["execution_rate"], p["execution_score"]) == (None, "0.00")
    assert "selfeval.s1_zero_budget" in {d["rule"] for d in p["deviations"]}


def test_satisfaction_80_of_90_deviation_says_889(seed004_json):
    p = project(seed004_json, "转移支付")
    messages = [d["message"] for d in p["deviations"] if d["rule"] == "selfeval.s2_quantitative_score"]
    assert any("8.89" in m and "入驻企业满意度" in m for m in messages)


def test_28_projects_with_names(seed004_json):
    names = [p["name"] for p in seed004_json["documents"][0]["projects"]]
    assert len(names) == 28 and all(names)


def test_demo_scores_loads_the_database_and_prints_the_accounts(tmp_path):
    # loading the whole county demo takes about two minutes alone on this 2-core machine: the timeout only catches a hang
    result = run("demo", "--no-serve", timeout=900, JIXIAO_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "示范区污水管网改造工程" in result.stdout and "计算 / 填报" in result.stdout
    assert "demo_finance" in result.stdout and (tmp_path / "jixiao.sqlite3").is_file()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.txt", None, "文件不存在"),
    ("table.csv", "a,b", "不支持的文件类型"),
    ("old.doc", "{\\rtf1\\ansi 示例}", "实为 RTF 格式文档"),
    ("old.wps", "不是文档", "不是有效的WPS 文字（.wps）文件"),
    ("notes.txt", "今天天气很好。", "无法识别文档类型"),
])
def test_bad_input_gives_one_chinese_line_and_exit_2(tmp_path: Path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run("score", str(path))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_score_reads_a_word_97_form(tmp_path: Path):
    from tests.carriers import FIXTURE_DIR

    result = run("score", str(FIXTURE_DIR / "form.doc"), "--format", "json")
    assert result.returncode == 0, result.stderr
    [project] = json.loads(result.stdout)["documents"][0]["projects"]
    assert project["name"] == "馆藏档案数字化"
