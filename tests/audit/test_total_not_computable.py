"""A self-evaluation form whose indicator rows are not in the text (own wording and figures, in the layout of a form
copied from a web page one cell per line, with the text cut off after its 年度总体目标): no total and no grade are
made up from the budget part alone — `jixiao score` (table and JSON) and the audit's list of what was not read say
that the total cannot be computed and why. The total the form's 综述 states ('自评得分为88分', '综合得分为92分',
'自评总分：92') is read as the form's reported total and kept as printed, not checked against a total there is not."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from jixiao.audit.engine import audit_document
from jixiao.cli import _register, app
from jixiao.core.finding import Tier
from jixiao.profiles import load_profile
from jixiao.scoring.selfeval import score_self_evaluation
from tests.builders import GOOD_INDICATORS, load_text, selfeval_report

CENTRAL = load_profile("central")
_register()
GAP = "未读到绩效指标行，无法计算总分和等级"

# The 综述 above the form, then the form one cell per line: blank lines between cells, ' ' for an empty cell, the
# amount unit '(万元)' printed after the budget header, the title's opening bracket lost, and the text cut off
# inside 年度总体目标 (the indicator table never comes).
CUT_CELLS = [
    "某某县农业农村局2023年耕地保护专项资金决算情况",
    "耕地保护项目绩效自评综述:依据年初设定的绩效目标,项目绩效自评得分为88分。全年预算数为150万元,执行数为132万元,"
    "完成预算的88%。主要问题:部分地块整治进度滞后。",
    "项目支出绩效自评表", " 2023 年度)",
    "项目名称", "耕地保护专项经费", "主管部门", "某某县农业农村局", "实施单位", "某某县耕地保护站",
    "项目资金", " ", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "(万元)",
    "年度资金总额", "150", "150", "132", "10", "88%", "8.8", " ",
    "其中:当年财政拨款", "150", "150", "132", " ", "88%", " ", " ",
    "  其他资金", " ", " ", " ", " ", " ",
    "年度总体目标", "预期目标", "实际完成情况", " ", "完成耕地质量提升任务,整治撂荒地块。",
]
CUT_FORM = "\n\n".join(CUT_CELLS) + "\n"


@pytest.fixture
def cut_form(tmp_path):
    doc, _ = load_text(tmp_path, CUT_FORM, "cut.txt")
    return doc


def test_no_total_nor_grade_without_indicator_rows(cut_form):
    (se,) = cut_form.self_evaluations
    assert not se.indicators and se.budget_total is not None
    result = score_self_evaluation(se, CENTRAL)
    assert result.execution_score == Decimal("8.8")  # the part that was read is still scored
    assert (result.total, result.grade, result.total_gap) == (None, None, GAP)


def test_the_summary_score_is_the_reported_total(cut_form):
    (se,) = cut_form.self_evaluations
    assert se.reported.total == 88 and se.reported.location.line == 3


def test_score_json_has_no_made_up_total(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text(CUT_FORM, encoding="utf-8")
    result = CliRunner().invoke(app, ["score", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    (project,) = json.loads(result.stdout)["documents"][0]["projects"]
    assert (project["total"], project["grade"], project["indicator_score"]) == (None, None, None)
    assert project["total_not_computable"] == GAP and project["execution_score"] == "8.80"
    assert project["reported"]["total"] == "88"


def test_score_table_says_not_computable(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text(CUT_FORM, encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(path)])
    assert result.exit_code == 0, result.output
    assert "无法计算 / 88" in result.stdout and "差 /" not in result.stdout
    assert f"项目「耕地保护专项经费」：{GAP}；填报总分 88 分（第 3 行）照录，未能与计算总分核对" in result.stdout


def test_audit_lists_the_total_as_not_computed(cut_form):
    coverage = audit_document(cut_form, CENTRAL).coverage
    assert coverage is not None
    said = [u for u in coverage.not_read if GAP in u.what]
    assert len(said) == 1 and said[0].location.project == "耕地保护专项经费"
    assert said[0].what == f"{GAP}；填报总分 88 分（第 3 行）照录，未能与计算总分核对"


def _report(tmp_path, sentence: str, name: str = "r.txt"):
    """A form read whole whose result paragraph states its total in the words given."""
    lines = selfeval_report("示例路灯维护", 100000, 95000, GOOD_INDICATORS, "9.5", "90", "99.5", "优")
    at = next(i for i, line in enumerate(lines) if "总得分" in line)
    lines[at] = sentence
    doc, _ = load_text(tmp_path, "\n".join(lines), name)
    (se,) = doc.self_evaluations
    return se


@pytest.mark.parametrize("sentence", ["经综合评价，项目综合得分为92分，评价等级为优。", "本项目自评总分：92",
                                      "根据年初设定的绩效目标，项目绩效自评得分为92分。"])
def test_the_total_said_in_other_words(tmp_path, sentence):
    se = _report(tmp_path, sentence)
    assert se.reported.total == 92
    assert score_self_evaluation(se, CENTRAL).total == 99.5  # computed from the rows: not the reported one


@pytest.mark.parametrize("sentence", ["产出指标自评得分45分，效益指标自评得分30分。", "各项目平均自评得分为92分。",
                                      "预算执行情况自评得分9.5分。"])
def test_a_part_or_an_average_is_no_total(tmp_path, sentence):
    assert _report(tmp_path, sentence).reported.total is None


def test_form_without_budget_figures_has_no_total(tmp_path):
    lines = selfeval_report("示例路灯维护", 100000, 95000, GOOD_INDICATORS, "9.5", "90", "99.5", "优")
    lines = [line for line in lines if not line.startswith(("合计\t", "市县区财政资金\t"))]
    doc, _ = load_text(tmp_path, "\n".join(lines), "nobudget.txt")
    (se,) = doc.self_evaluations
    result = score_self_evaluation(se, CENTRAL)
    assert (result.total, result.grade) == (None, None)
    assert result.total_gap.startswith("未读到预算执行情况的全年预算数、全年执行数")


def _row_findings(se):
    return [f for f in score_self_evaluation(se, CENTRAL).deviations if f.rule == "selfeval.s10_total_row"]


def test_a_stated_total_is_checked_like_the_total_row(tmp_path):
    """Every row read on a grid and the execution score printed: a stated total off the sum is certain."""
    (finding,) = _row_findings(_report(tmp_path, "经综合评价，项目综合得分为92分。"))
    assert finding.tier is Tier.ERROR and finding.location.section == "项目自评结果"
    assert finding.message == ("正文所写自评总分 92 分，预算执行得分 9.50 + 各指标得分合计 90 = 99.50 分，两者相差 -7.50 分，"
                               "不能同时成立")
    assert _row_findings(_report(tmp_path, "经综合评价，项目综合得分为99.5分。", "same.txt")) == []
    (rounded,) = _row_findings(_report(tmp_path, "经综合评价，项目综合得分为100分。", "round.txt"))
    assert rounded.tier is Tier.NOTICE


def test_a_stated_total_over_an_unprinted_execution_score_is_a_suspicion(tmp_path):
    lines = selfeval_report("示例路灯维护", 100000, 95000, GOOD_INDICATORS, "", "90", "99.5", "优")
    at = next(i for i, line in enumerate(lines) if "总得分" in line)
    lines[at] = "本项目自评总分：92"
    doc, _ = load_text(tmp_path, "\n".join(lines), "bare.txt")
    (finding,) = _row_findings(doc.self_evaluations[0])
    assert finding.tier is Tier.WARNING and "表中未印预算执行得分，按执行率计算为 9.50 分" in finding.message


def test_a_stated_total_beside_its_parts_is_left_to_total_parts(tmp_path):
    lines = selfeval_report("示例路灯维护", 100000, 95000, GOOD_INDICATORS, "9.5", "90", "92", "优")
    doc, _ = load_text(tmp_path, "\n".join(lines), "parts.txt")
    (se,) = doc.self_evaluations
    rules = {f.rule for f in score_self_evaluation(se, CENTRAL).deviations}
    assert "selfeval.s10_total_parts" in rules and "selfeval.s10_total_row" not in rules


def test_a_stated_total_that_cannot_be_computed_is_not_checked(cut_form):
    result = audit_document(cut_form, CENTRAL)
    assert not [f for f in result.findings if f.rule == "selfeval.s10_total_row"]
    (outcome,) = [o for o in result.outcomes if o.rule == "selfeval.s10_total_row"]
    assert outcome.status.value == "not_applicable" and outcome.reason == f"{GAP}，填报总分照录，未核对"
