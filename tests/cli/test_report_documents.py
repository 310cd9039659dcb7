"""`jixiao report selfeval | evaluation | summary`: exit codes, what is published, and Chinese errors."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from tests.cli.test_score import run
from tests.render.conftest import require_pdf

DEMO = Path(str(files("jixiao.data").joinpath("demo")))


def test_selfeval_holds_back_unexplained_warnings_and_publishes_the_rest(tmp_path):
    require_pdf()
    out = tmp_path / "out"
    result = run("report", "selfeval", str(DEMO / "selfeval_demo.txt"), "--out", str(out))
    assert result.returncode == 2, result.stderr
    assert "3 份自评报告未通过发布前审核" in result.stderr and "已发布 1 份" in result.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.endswith(".gate.json")) == [
        "示范区道路养护经费_项目支出绩效自评分析报告.docx", "示范区道路养护经费_项目支出绩效自评分析报告.pdf"]


def test_selfeval_with_explanations_publishes_every_report_with_its_gate_record(tmp_path):
    require_pdf()
    out = tmp_path / "out"
    result = run("report", "selfeval", str(DEMO / "selfeval_demo.txt"), "--out", str(out),
                 "--explain", str(DEMO / "selfeval_explanations.json"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list(out.glob("*.docx"))) == 4 and len(list(out.glob("*.pdf"))) == 4
    gate = json.loads((out / "示范区招商推介活动经费_项目支出绩效自评分析报告.pdf.gate.json").read_text(encoding="utf-8"))
    assert gate["released"] and all(f["explanation"] for f in gate["findings"] if f["tier"] == "warning")


def test_evaluation_and_summary_publish_word_only_when_asked(tmp_path):
    require_pdf()
    evaluation = run("report", "evaluation", str(DEMO / "keyeval_demo.txt"), "--out", str(tmp_path / "e"),
                     "--format", "docx")
    assert evaluation.returncode == 0, evaluation.stderr
    assert [p.suffix for p in (tmp_path / "e").iterdir() if p.suffix != ".json"] == [".docx"]
    summary = run("report", "summary", "--data", str(DEMO / "work_summary_facts.json"), "--out", str(tmp_path / "s"),
                  "--profile", "kunming")
    assert summary.returncode == 0, summary.stderr
    assert {p.suffix for p in (tmp_path / "s").iterdir()} == {".docx", ".pdf", ".json"}


@pytest.mark.parametrize(("args", "message"), [
    (["selfeval", str(DEMO / "keyeval_demo.txt")], "未找到项目支出绩效自评报告"),
    (["evaluation", str(DEMO / "selfeval_demo.txt")], "未找到绩效评价评分表"),
    (["selfeval", "missing.txt"], "文件不存在"),
    (["selfeval", str(DEMO / "selfeval_demo.txt"), "--format", "odt"], "未知的输出格式"),
    (["summary", "--data", str(DEMO / "keyeval_demo.txt")], "JSON 格式错误"),
    (["selfeval", str(DEMO / "selfeval_demo.txt"), "--profile", "nowhere"], "nowhere"),
])
def test_bad_input_is_one_chinese_line_and_exit_2(tmp_path, args, message):
    formats = [] if "--format" in args else ["--format", "docx"]  # these fail before any PDF would be written
    command = ["report", args[0], *args[1:], *formats, "--out", str(tmp_path / "out")]
    result = run(*command)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "错误：" in result.stderr and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
