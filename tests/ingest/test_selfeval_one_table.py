"""A 项目支出绩效自评表 built as ONE table (label rows, 项目资金 rows, 年度总体目标 rows, indicator rows and the 总分
row on one grid, each section spanning its columns its own way) reads as the same form as two tables, in Word,
Excel, a web page and PDF: same project, budget lines, indicators and scores, no findings when consistent, and
a planted wrong 得分 found at the same place."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.provenance import Location
from jixiao.ingest.formtable import regrid
from jixiao.ingest.pipeline import load_document
from jixiao.ingest.source import Cell, Row
from jixiao.profiles import load_profile
from tests.carriers import write_docx as write_two_table_docx
from tests.ingest import one_table_form as form
from tests.ingest.test_carriers import evaluations, places

CENTRAL = load_profile("central")


def load(path: Path):
    doc, errors = load_document(path)
    assert doc is not None and not errors, [str(e) for e in errors]
    return doc


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("one_table")


@pytest.fixture(scope="module")
def two_tables(folder):
    """The same form as two tables (budget, indicators) in Word: the reference."""
    out = {}
    for fault in (False, True):
        path = folder / f"two_tables_{fault}.docx"
        write_two_table_docx(form.two_table_blocks(fault=fault), path)
        out[fault] = load(path)
    return out


def one_table(folder: Path, carrier: str, fault: bool = False):
    suffix, writer = form.WRITERS[carrier]
    path = folder / f"one_table_{carrier}_{fault}{suffix}"
    writer(path, fault=fault)
    return load(path)


def test_the_two_table_reference_reads_the_whole_form_and_is_clean(two_tables):
    [(project, budget, indicators, total, grade)] = evaluations(two_tables[False])
    assert project == (form.PROJECT, form.UNIT, form.DEPARTMENT)
    assert [line[0] for line in budget] == [row[0] for row in form.FUNDS]
    assert [(i[2], i[5], i[6]) for i in indicators] == [(i[2], int(i[5]), int(i[6])) for i in form.INDICATORS]
    assert (total, grade) == (98.5, "优")
    assert audit_document(two_tables[False], CENTRAL).findings == ()


@pytest.mark.parametrize("carrier", list(form.WRITERS))
def test_one_table_form_reads_as_the_two_table_form(carrier, folder, two_tables):
    doc = one_table(folder, carrier)
    assert evaluations(doc) == evaluations(two_tables[False])
    [evaluation] = doc.self_evaluations
    assert evaluation.goal.annual_text == form.GOAL  # the 年度总体目标 rows: 预期目标 | 实际完成情况
    assert evaluation.reported.goal_statement == form.ACHIEVED
    assert audit_document(doc, CENTRAL).findings == ()


@pytest.mark.parametrize("carrier", list(form.WRITERS))
def test_a_wrong_score_in_the_one_table_form_is_found_at_the_same_place(carrier, folder, two_tables):
    expected = places(audit_document(two_tables[True], CENTRAL).findings)
    assert any(row.startswith(form.FAULT_ROW) and column == "得分" for _, row, column in expected)
    found = places(audit_document(one_table(folder, carrier, fault=True), CENTRAL).findings)
    # The one table's rows are located in that table ('借阅群众满意度（第14行）'): compare the form's own names.
    assert {(table.split("（")[0], row.split("（")[0], column) for table, row, column in found} == \
        {(table.split("（")[0], row.split("（")[0], column) for table, row, column in expected}


# ---------------------------------------------------------------- re-gridding one section


def rows(*texts: list[str]) -> list[Row]:
    return [Row(tuple(Cell(t, Location(row=str(r), column=str(c))) for c, t in enumerate(row)),
                Location(row=str(r))) for r, row in enumerate(texts, start=1)]


def test_a_caption_merged_down_its_rows_is_the_sections_caption_not_a_column():
    repeated = rows(["绩效指标", "一级指标", "", "三级指标", "分值"],
                    ["绩效指标", "产出指标", "", "页数", "25"],
                    ["总分", "", "", "", "25"])
    caption, out = regrid(repeated, ("总分",))
    assert caption is not None and caption[0] == "绩效指标"
    assert [r.texts for r in out] == [["一级指标", "三级指标", "分值"], ["产出指标", "页数", "25"], ["总分", "", "25"]]
    assert out[2].cells[0].location.column == "0"  # the moved label keeps its own place
    empty = rows(["项目资金（万元）", "", "全年预算数"], ["", "年度资金总额", "80"])  # a spreadsheet's merged range
    caption, out = regrid(empty, ())
    assert caption is not None and caption[0] == "项目资金（万元）"
    assert [r.texts for r in out] == [["", "全年预算数"], ["年度资金总额", "80"]]


def test_a_first_column_holding_its_own_labels_is_kept():
    table = rows(["资金来源", "全年预算数", ""], ["合计", "80", ""], ["财政拨款", "80", ""])
    caption, out = regrid(table, ("合计",))
    assert caption is None
    assert [r.texts for r in out] == [["资金来源", "全年预算数"], ["合计", "80"], ["财政拨款", "80"]]
    closing_beside_a_value = rows(["绩效指标", "一级指标", "分值"], ["", "产出指标", "25"], ["总分", "90", "90"])
    assert regrid(closing_beside_a_value, ("总分",))[0] is None
