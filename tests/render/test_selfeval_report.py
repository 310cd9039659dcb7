"""项目支出绩效自评分析报告: computed totals in Word and PDF, read back and re-scored to the same totals, and a
tampered report held back by the gate."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest

from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from jixiao.render import blocks as writers
from jixiao.render.blocks import Grid, Para
from jixiao.render.gate import check
from jixiao.render.release import release
from jixiao.render.selfeval_report import TITLE, block_results, build, file_stem, rescored
from jixiao.scoring.selfeval import score_self_evaluation
from tests.conftest import seed_path
from tests.render.conftest import require_pdf

DEMO = Path(str(files("jixiao.data").joinpath("demo", "selfeval_demo.txt")))
CENTRAL = load_profile("central")


@pytest.fixture(scope="module")
def scores():
    doc, errors = load_document(DEMO)
    assert doc is not None, errors
    return {se.project.name: score_self_evaluation(se, CENTRAL) for se in doc.self_evaluations}


@pytest.fixture(scope="module")
def sewage(scores):
    """The demo project whose unit scored 72 (中) where the rules give 79.43 (中)."""
    return scores["示范区污水管网改造工程"]


@pytest.fixture(scope="module")
def written(sewage, tmp_path_factory, to_pdf):
    folder = tmp_path_factory.mktemp("selfeval")
    blocks = build(sewage, CENTRAL)
    return {"docx": writers.to_docx(blocks, folder / "report.docx", TITLE),
            "pdf": to_pdf(blocks, folder / "report.pdf", TITLE)}


def test_block_rates_are_computed(sewage):
    rates = {b.name: (b.full_marks, b.score, b.rate) for b in block_results(sewage)}
    assert rates == {"产出指标": (50, Decimal("43.99"), Decimal("87.98")),
                     "效益指标": (30, 20, Decimal("66.67")),
                     "满意度指标": (10, Decimal("9.44"), Decimal("94.40"))}


def test_docx_states_the_computed_total_beside_the_reported_one(written):
    import docx

    document = docx.Document(str(written["docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "总得分 79.43 分，属于“中”" in text
    comparison = next(t for t in document.tables if t.cell(0, 0).text == "对比项")
    assert [c.text for c in comparison.rows[3].cells] == ["总分", "72", "79.43", "7.43"]
    indicators = next(t for t in document.tables if t.cell(0, 0).text == "一级指标")
    cost = next(r for r in indicators.rows if r.cells[2].text == "工程成本")
    assert (cost.cells[8].text, cost.cells[9].text) == ("5", "10")  # 单位自评分 beside 核定得分
    assert len(document.inline_shapes) == 2  # the execution and score charts


def test_pdf_text_has_the_title_and_computed_numbers(written):
    import pdfplumber

    with pdfplumber.open(str(written["pdf"])) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
    for expected in (TITLE, "79.43", "产出指标满分 50 分，评价得分 43.99 分，得分率 87.98%", "2,800,000.00"):
        assert expected in text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_demo_report_reads_back_and_rescores_to_the_same_totals(scores, tmp_path, fmt):
    if fmt == "pdf":
        require_pdf()
    from jixiao.render.pdf import to_pdf

    for result in scores.values():
        blocks = build(result, CENTRAL, with_charts=False)
        path = (to_pdf if fmt == "pdf" else writers.to_docx)(blocks, tmp_path / f"{file_stem(result.evaluation)}.{fmt}",
                                                            TITLE)
        doc, _ = load_document(path)
        [again] = doc.self_evaluations
        rescored_ = score_self_evaluation(again, CENTRAL)
        assert (rescored_.execution_score, rescored_.indicator_score, rescored_.total, rescored_.grade) == (
            result.execution_score, result.indicator_score, result.total, result.grade)
        assert (again.reported.total, again.reported.grade) == (result.total, result.grade)


def test_gate_releases_the_clean_report_in_both_formats(scores, tmp_path, to_pdf):
    result = scores["示范区道路养护经费"]
    outcome = release(build(result, CENTRAL), TITLE, "road", tmp_path, ("docx", "pdf"), CENTRAL, {},
                      rescored(result, CENTRAL))
    assert outcome.released and [r.format for r in outcome.renditions] == ["docx", "pdf"]


def _tampered(blocks, old: str, new: str):
    """The blocks with one sentence changed after the scores were computed."""
    return [Para(b.text.replace(old, new)) if isinstance(b, Para) else b for b in blocks]


def test_gate_blocks_a_report_whose_total_was_changed(sewage, tmp_path):
    blocks = _tampered(build(sewage, CENTRAL, with_charts=False), "总得分 79.43 分", "总得分 89.43 分")
    result = check(writers.to_docx(blocks, tmp_path / "bad.docx", TITLE), CENTRAL, verify=rescored(sewage, CENTRAL))
    assert not result.released
    assert "selfeval.s10_total_parts" in {f.rule for f in result.blocking}


def _with_cell(blocks, name: str, column: int, text: str):
    """The blocks with one cell of the indicator row `name` replaced."""
    def edit(grid: Grid) -> Grid:
        return dataclasses.replace(grid, rows=tuple((*r[:column], text, *r[column + 1:]) if r[2] == name else r
                                                    for r in grid.rows))
    return [edit(b) if isinstance(b, Grid) and b.rows[0][0] == "一级指标" else b for b in blocks]


def test_gate_blocks_a_report_whose_score_cell_was_changed(scores, tmp_path):
    result = scores["示范区道路养护经费"]
    blocks = _with_cell(build(result, CENTRAL, with_charts=False), "养护道路里程", 9, "15")
    outcome = check(writers.to_docx(blocks, tmp_path / "bad.docx", TITLE), CENTRAL, verify=rescored(result, CENTRAL))
    assert {"selfeval.s2_quantitative_score", "selfeval.s10_indicator_sum", "selfeval.block_claim"} <= {
        f.rule for f in outcome.blocking}


def test_gate_blocks_a_report_that_rescores_differently(scores, tmp_path):
    result = scores["示范区道路养护经费"]
    blocks = _with_cell(build(result, CENTRAL, with_charts=False), "养护道路里程", 5, "6")  # actual 12 → 6
    outcome = check(writers.to_docx(blocks, tmp_path / "bad.docx", TITLE), CENTRAL, verify=rescored(result, CENTRAL))
    readback = [f.message for f in outcome.blocking if f.rule == "gate.readback"]
    assert not outcome.released and any("总分生成为“99.50”，读回重算为“89.50”" in m for m in readback)


def test_warnings_need_an_explanation_that_covers_both_renditions(scores, tmp_path, to_pdf):
    result = scores["示范区应急物资储备"]
    blocks = build(result, CENTRAL, with_charts=False)
    held = release(blocks, TITLE, "stock", tmp_path, ("docx", "pdf"), CENTRAL, {}, rescored(result, CENTRAL))
    assert not held.released and {f.tier for f in held.problems} == {Tier.WARNING}
    explanations = {f.fingerprint: "已说明" for f in held.problems}
    released = release(blocks, TITLE, "stock", tmp_path, ("docx", "pdf"), CENTRAL, explanations,
                       rescored(result, CENTRAL))
    assert released.released


def test_goal_texts_survive_the_pdf_where_headings_have_no_style(scores, tmp_path, to_pdf):
    result = scores["示范区道路养护经费"]
    se = result.evaluation
    se = dataclasses.replace(se, goal=dataclasses.replace(se.goal, annual_text="完成道路养护12公里。",
                                                          period_text="三年内完成主干道全面养护。"))
    path = to_pdf(build(score_self_evaluation(se, CENTRAL), CENTRAL, with_charts=False), tmp_path / "g.pdf", TITLE)
    [again] = load_document(path)[0].self_evaluations
    assert (again.goal.annual_text, again.goal.period_text, again.reported.goal_statement) == (
        "完成道路养护12公里。", "三年内完成主干道全面养护。", "已完成既定目标。")


@pytest.mark.seeds
def test_seed004_all_28_reports_rescore_to_the_same_totals(tmp_path):
    doc, _ = load_document(seed_path("004"))
    assert len(doc.self_evaluations) == 28
    for n, se in enumerate(doc.self_evaluations):
        result = score_self_evaluation(se, CENTRAL)
        path = writers.to_docx(build(result, CENTRAL, with_charts=False), tmp_path / f"{n}.docx", TITLE)
        assert rescored(result, CENTRAL)(load_document(path)[0]) == [], se.project.name
