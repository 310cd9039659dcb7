"""绩效评价报告 from a 部门评价表: computed parents, total and grade, the evaluation group and the 问题清单, in Word
and PDF; the gate holds back a tampered report and an unexplained warning."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest

from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from jixiao.render import blocks as writers
from jixiao.render.blocks import Grid
from jixiao.render.evaluation_report import build, framework, problems_of, read_back_same, title
from jixiao.render.gate import check
from jixiao.render.release import release
from tests.conftest import seed_path

DEMO = Path(str(files("jixiao.data").joinpath("demo", "keyeval_demo.txt")))
CENTRAL = load_profile("central")


@pytest.fixture(scope="module")
def demo():
    doc, errors = load_document(DEMO)
    assert doc is not None, errors
    return doc.key_evaluations[0], doc.year


@pytest.fixture(scope="module")
def written(demo, tmp_path_factory, to_pdf):
    ke, year = demo
    folder = tmp_path_factory.mktemp("evaluation")
    blocks = build(ke, year, CENTRAL)
    return {"docx": writers.to_docx(blocks, folder / "e.docx", title(ke)), "pdf": to_pdf(blocks, folder / "e.pdf", title(ke))}


def test_framework_totals_and_grade_are_computed(demo):
    fw = framework(demo[0], CENTRAL)
    assert fw.blocks == {"决策": (20, 18), "过程": (20, Decimal("18.7")), "产出": (40, Decimal("36.25")),
                         "效益": (20, 17)}
    assert (fw.total_weight, fw.total, fw.grade) == (100, Decimal("89.95"), "良")


def test_seed002_parents_are_recomputed_and_satisfaction_moves_to_benefit():
    doc, _ = load_document(seed_path("002"))
    fw = framework(doc.key_evaluations[0], CENTRAL)
    assert {b: w for b, (w, _) in fw.blocks.items()} == {"决策": 20, "过程": 20, "产出": 40, "效益": 20}
    assert (fw.total, fw.grade) == (97, "优")


def test_docx_has_the_scoring_table_group_and_findings_list(written):
    import docx

    document = docx.Document(str(written["docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "总得分为 89.95 分（满分 100 分），评价等次为“良”" in text
    tables = {t.cell(0, 0).text: t for t in document.tables}
    scoring = tables["一级指标"]
    assert [c.text for c in scoring.rows[-2].cells] == ["总分", "100", "", "100", "", "100", "89.95"]
    assert scoring.rows[-1].cells[1].text == "良"
    assert [r.cells[0].text for r in tables["姓名"].rows[1:]] == ["张明", "李华", "王芳"]
    findings = [(r.cells[0].text, r.cells[3].text) for r in tables["问题分类"].rows[1:]]
    assert ("项目产出存在的问题", "培训期数未达年度目标") in findings and len(findings) == 6


def test_pdf_text_has_the_title_and_computed_numbers(demo, written):
    import pdfplumber

    with pdfplumber.open(str(written["pdf"])) as pdf:
        text = "".join(page.extract_text() for page in pdf.pages)
    for expected in (title(demo[0]), "89.95", "90.63%", "绩效评价问题清单"):
        assert expected in text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_report_reads_back_to_the_same_rows_funds_and_group(demo, written, fmt):
    doc, _ = load_document(written[fmt])
    assert read_back_same(demo[0], CENTRAL)(doc) == []
    assert {p.description for p in doc.key_evaluations[0].problems} == {p.description for p in problems_of(demo[0])}


def test_gate_blocks_a_report_whose_score_was_changed(demo, tmp_path):
    ke, year = demo
    blocks = [dataclasses.replace(b, rows=tuple((*r[:6], "3") if r[4] == "预算执行率" else r for r in b.rows))
              if isinstance(b, Grid) and b.rows[0][0] == "一级指标" else b for b in build(ke, year, CENTRAL, False)]
    result = check(writers.to_docx(blocks, tmp_path / "bad.docx", "bad"), CENTRAL, verify=read_back_same(ke, CENTRAL))
    assert {"keyeval.total", "keyeval.execution", "gate.readback"} <= {f.rule for f in result.blocking}


def test_seed002_zero_spending_rated_excellent_needs_an_explanation(tmp_path):
    doc, _ = load_document(seed_path("002"))
    ke = doc.key_evaluations[0]
    blocks = build(ke, doc.year, CENTRAL, with_charts=False)
    held = release(blocks, title(ke), "seed002", tmp_path, ("docx",), CENTRAL, {}, read_back_same(ke, CENTRAL))
    assert [f.rule for f in held.problems] == ["keyeval.text_vs_scores"]
    explained = {held.problems[0].fingerprint: "资金于次年初支付，评价组已说明"}
    assert release(blocks, title(ke), "seed002", tmp_path, ("docx",), CENTRAL, explained,
                   read_back_same(ke, CENTRAL)).released


def test_a_slot_for_the_evaluation_group_is_held_back_and_its_own_text_released(demo, tmp_path):
    ke, year = demo
    bare = dataclasses.replace(ke, suggestion="", experience="", advice="")
    asked = release(build(bare, year, CENTRAL, False, ask=True), title(ke), "asked", tmp_path, ("docx",), CENTRAL, {},
                    read_back_same(bare, CENTRAL))
    assert sorted(f.message for f in asked.problems if f.rule == "gate.placeholder") == [
        "文档含未填写的内容“【请评价组填写主要经验及做法】”，请在页面上填写对应内容后再生成",
        "文档含未填写的内容“【请评价组填写有关建议】”，请在页面上填写对应内容后再生成"]
    read = [b.text for b in build(bare, year, CENTRAL, False) if isinstance(b, writers.Para)]
    assert "评价资料未载明主要经验及做法。" in read and "评价资料未载明有关建议。" in read  # from a document: says so
    written = dataclasses.replace(bare, experience="建立维保台账，按月通报。", advice="按季度制定培训计划。")
    done = release(build(written, year, CENTRAL, False, ask=True), title(ke), "done", tmp_path, ("docx",), CENTRAL,
                   {}, read_back_same(written, CENTRAL))
    text = done.renditions[0].result.document.source.text
    assert not [f for f in done.problems if f.rule == "gate.placeholder"]
    assert "建立维保台账，按月通报。" in text and "按季度制定培训计划。" in text and "【请" not in text
