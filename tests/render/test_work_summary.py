"""预算绩效管理工作开展情况: every figure computed from the records (seed 003's own numbers as the check), the
facts file's errors, and the released text re-audited — a wrong figure is held back."""

from __future__ import annotations

import json
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest

from jixiao.core.money import WAN
from jixiao.core.work_summary import (
    BudgetRequest,
    EvaluationRecord,
    EvaluationScope,
    GoalReviewRecord,
    MonitoringAction,
    MonitoringRecord,
    WorkSummaryFacts,
    cut_of,
    grade_counts,
    monitoring_totals,
)
from jixiao.profiles import load_profile
from jixiao.render import blocks as writers
from jixiao.render.blocks import Para
from jixiao.render.gate import check
from jixiao.render.work_summary import _application, _band_counts, build, states_every_paragraph, title
from jixiao.render.work_summary_json import FactsError, facts_from_mapping, load_facts
from jixiao.scoring.review import score_bands

FACTS = Path(str(files("jixiao.data").joinpath("demo", "work_summary_facts.json")))
CENTRAL = load_profile("central")
KUNMING = load_profile("kunming")
D = Decimal


def wan(text: str) -> Decimal:
    return D(text) * WAN


def test_seed003_cut_and_rate_from_requested_and_proposed():
    basic = cut_of([BudgetRequest("37家", wan("66787.21"), wan("65430.35"))])
    projects = cut_of([GoalReviewRecord("794个", "", wan("574100.87"), wan("436316.62"), ())])
    assert (basic.amount / WAN, basic.rate) == (D("1356.86"), D("2.03"))  # the seed printed 1,356.89
    assert (projects.amount / WAN, projects.rate) == (D("137784.25"), D("24.00"))


def test_seed003_grade_counts_from_scores():
    scores = [D("85.5")] * 16 + [D(72)] * 3  # seed 003: 19 projects, 16 良 and 3 中
    assert grade_counts(scores, CENTRAL.grades) == {"优": 0, "良": 16, "中": 3, "差": 0}
    assert grade_counts([D("89.995"), D("59.99")], CENTRAL.grades) == {"优": 1, "良": 0, "中": 0, "差": 1}


def test_review_bands_follow_the_profile():
    scores = [D(95), D(90), D("89.5"), D(80), D(75), D(70), D(65), D(59)]
    assert _band_counts(scores, score_bands(KUNMING.review)) == [2, 2, 2, 2]  # 90 / 80 / 70 (seed 003)
    assert _band_counts(scores, score_bands(CENTRAL.review)) == [2, 2, 3, 1]  # 90 / 80 / 60


def test_monitoring_totals_and_result_application():
    actions = [MonitoringRecord("a", "u", MonitoringAction.BUDGET_CUT, wan("1930")),
               MonitoringRecord("b", "u", MonitoringAction.RECALL, wan("2000")),
               MonitoringRecord("c", "u", MonitoringAction.RECALL, wan("544"))]
    totals = monitoring_totals(actions)
    assert totals[MonitoringAction.RECALL] == (2, wan("2544")) and totals[MonitoringAction.PAYMENT_HOLD] == (0, 0)
    evaluations = [EvaluationRecord("x", EvaluationScope.PROJECT, wan("1000"), D(75)),
                   EvaluationRecord("y", EvaluationScope.PROJECT, wan("500.5"), D(65))]
    text = " ".join(b.text for b in _application(WorkSummaryFacts("甲县", 2025, evaluations=tuple(evaluations)), KUNMING,
                                                  False) if isinstance(b, Para))
    assert "评级为中的2个（评价金额1,500.50万元）扣减不高于10%的预算资金额度，扣减不高于10%，最多扣减150.05万元" in text


@pytest.fixture(scope="module")
def facts():
    return load_facts(FACTS)


def _text(blocks) -> str:
    return "".join(b.text for b in blocks if isinstance(b, Para))


def test_demo_summary_states_figures_computed_from_the_records(facts):
    text = _text(build(facts, KUNMING, with_charts=False))
    cut = cut_of(facts.goal_reviews)
    counts = grade_counts((e.score for e in facts.evaluations if e.scope is EvaluationScope.PROJECT), KUNMING.grades)
    assert f"申报{len(facts.goal_reviews)}个项目支出预算{cut.requested / WAN:,.2f}万元" in text
    assert f"审减率{cut.rate}%" in text
    assert f"{sum(counts.values())}个项目绩效，" + "，".join(f"{counts[g]}个评级为{g}" for g in "优良中差") in text
    assert "6个项目，2个评价等级为优，2个评价等级为良，1个评价等级为中，1个评价等级为差" in text
    assert "评估结论：支持4个，调整后支持1个，不予支持1个" in text


def test_summary_reads_back_and_audits_clean_in_both_formats(facts, tmp_path, to_pdf):
    blocks = build(facts, KUNMING)
    for path in (writers.to_docx(blocks, tmp_path / "s.docx", title(facts)),
                 to_pdf(blocks, tmp_path / "s.pdf", title(facts))):
        result = check(path, KUNMING, verify=states_every_paragraph(blocks, facts.year))
        assert result.released, [f.message for f in result.findings]
        assert result.document.kind.value == "work_summary"


def test_pdf_text_has_the_title(facts, tmp_path, to_pdf):
    import pdfplumber

    path = to_pdf(build(facts, KUNMING), tmp_path / "s.pdf", title(facts))
    with pdfplumber.open(str(path)) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
    assert title(facts) in text and "审减率" in text


@pytest.mark.parametrize(("pattern", "rule"), [
    (r"审减金额([\d,.]+)万元", "summary.cut_arithmetic"),
    (r"70分以下的项目共计(\d+)个", "summary.count_parts"),
])
def test_gate_blocks_a_summary_with_a_changed_figure(facts, tmp_path, pattern, rule):
    import re

    blocks = build(facts, KUNMING, with_charts=False)
    changed = [Para(re.sub(pattern, lambda m: m.group(0).replace(m.group(1), "9" + m.group(1)), b.text, count=1))
               if isinstance(b, Para) else b for b in blocks]
    assert changed != blocks
    result = check(writers.to_docx(changed, tmp_path / "bad.docx", title(facts)), KUNMING)
    assert rule in {f.rule for f in result.blocking}


def test_gate_blocks_a_summary_missing_a_generated_sentence(facts, tmp_path):
    blocks = build(facts, KUNMING, with_charts=False)
    shorter = [b for b in blocks if not (isinstance(b, Para) and "财政重点评价" in b.text)]
    result = check(writers.to_docx(shorter, tmp_path / "short.docx", title(facts)), KUNMING,
                   verify=states_every_paragraph(blocks, facts.year))
    assert "gate.readback" in {f.rule for f in result.blocking}


@pytest.mark.parametrize(("change", "message"), [
    ({"year": "2024"}, "year 应为年度整数"),
    ({"ex_ante": [{"project": "p", "unit": "u", "requested": "1.234", "approved": 1, "score": 80}]}, "最多两位小数"),
    ({"monitoring": [{"project": "p", "action": "cut", "amount": 1}]}, "budget_cut、recall、payment_hold"),
    ({"evaluations": [{"name": "x", "amount": 1, "score": 120}]}, "0–100"),
    ({"goal_review": {"projects": [{"unit": "u", "requested": 1, "approved": 1}]}}, "goal_review.projects 第 1 项 缺少 project"),
])
def test_facts_errors_name_the_field(change, message):
    data = json.loads(FACTS.read_text(encoding="utf-8")) | change
    with pytest.raises(FactsError, match=message):
        facts_from_mapping(data)


def test_an_empty_year_still_renders_and_releases(tmp_path):
    facts = WorkSummaryFacts("测试区", 2025)
    blocks = build(facts, CENTRAL)
    result = check(writers.to_docx(blocks, tmp_path / "e.docx", title(facts)), CENTRAL,
                   verify=states_every_paragraph(blocks, 2025))
    assert result.released and "本年度未开展财政重点评价。" in _text(blocks)
