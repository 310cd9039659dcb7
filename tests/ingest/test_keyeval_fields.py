"""The 部门评价表 beyond its scores: project rows, goals, evaluation group and 问题清单 (seed 002 form); evaluation
tables are read only from evaluation documents."""

from __future__ import annotations

from jixiao.core.model import DocumentKind, Evaluator, ListedProblem
from jixiao.ingest.pipeline import load_document
from tests.builders import GOOD_INDICATORS, selfeval_report
from tests.conftest import seed_path


def test_seed002_project_rows_group_and_findings_list():
    doc, _ = load_document(seed_path("002"))
    [ke] = doc.key_evaluations
    assert (ke.department, ke.unit) == ("昆明市五华区财政局", "昆明市五华区政务服务管理局")
    assert ke.goal_text.startswith("根据《云南省") and ke.goal_text.endswith("着力提升政务服务质效优化营商环境。")
    assert ke.achieved_text.startswith("一是确保区政务服务中心")
    assert len(ke.evaluators) == 7 and ke.evaluators[0] == Evaluator("骆毅", "局长", "五华区政务服务管理局")
    assert ke.problems == (ListedProblem("其他", "绩效管理认识不够", "昆明市五华区政务服务管理局"),)
    assert ke.suggestion.startswith("问题：绩效管理认识不够")


def test_a_self_evaluation_table_with_a_level3_column_is_not_an_evaluation(tmp_path):
    lines = selfeval_report("道路维护项目", 100, 100, GOOD_INDICATORS, "10", "90", "100", "优")
    text = "\n".join(lines).replace("指标名称", "三级指标")
    path = tmp_path / "se.txt"
    path.write_text(text, encoding="utf-8")
    doc, _ = load_document(path)
    assert doc.kind is DocumentKind.SELF_EVALUATION
    assert doc.key_evaluations == () and len(doc.self_evaluations) == 1
