"""PDF tables printed without vertical ruling lines (borderless, 三线表): columns from the gaps between words.

Simple tables read back to their figures; tables whose stacked headers cannot be placed without lines are read as
far as their headers are understood, every other column reported as not read — and a figure of a column not read
is unknown, never zero: no rule finds an error with it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.coverage import Status
from jixiao.core.finding import Tier
from jixiao.ingest import pdfgrid
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from tests.ingest.disclosure_pdf import Layout, expected, write_pdf

pytest.importorskip("weasyprint")
CENTRAL = load_profile("central")
WAN = Decimal(10000)


def _line(top, *cells):
    return pdfgrid.Line(top, tuple(pdfgrid.Segment(x0, x1, text) for x0, x1, text in cells))


def test_segments_split_at_wide_gaps_and_at_a_step_back_to_the_left_or_down():
    chars = [(0, 10, 0, 10, "项"), (10, 20, 0, 10, "目"), (40, 45, 0, 10, "1"), (45, 50, 0, 10, "2"),
             (52, 57, 0, 10, "3"), (5, 15, 0, 10, "出"), (15, 25, 12, 10, "入")]
    # 2 pt between 2 and 3 is a letter gap; 20 pt a cell gap; x=5 a new printed line; 12 pt lower another row
    assert [s.text for s in pdfgrid.segments(chars)] == ["项目", "123", "出", "入"]


def test_columns_come_from_the_whole_run_and_a_header_alone_joins_its_amounts():
    lines = [_line(0, (0, 30, "项目"), (60, 80, "预算数"), (120, 140, "决算数")),  # headers left, amounts right
             _line(10, (0, 20, "合计"), (88, 110, "12.50"), (148, 170, "10.30")),
             _line(20, (0, 50, "公务接待费"), (92, 110, "4.50"), (152, 170, "3.30")),
             _line(30, (0, 55, "公务用车运行维护费"), (92, 110, "8.00"), (152, 170, "7.00"))]
    assert pdfgrid.runs(lines) == [(0, 4)]
    assert pdfgrid.grid(lines) == [["项目", "预算数", "决算数"], ["合计", "12.50", "10.30"],
                                   ["公务接待费", "4.50", "3.30"], ["公务用车运行维护费", "8.00", "7.00"]]


def test_prose_and_captions_are_not_table_rows():
    lines = [_line(0, (0, 200, "编制单位：示例局"), (300, 340, "单位：万元")),
             _line(10, (0, 300, "本年收入合计 120.00万元，比上年增加 3.00万元。")),
             _line(20, (0, 40, "二〇二四年"), (60, 90, "12.00"))]
    assert pdfgrid.runs(lines) == []


@pytest.fixture(scope="module", params=["three_line", "none"])
def borderless(request, tmp_path_factory):
    path = write_pdf(tmp_path_factory.mktemp("pdf") / f"{request.param}.pdf", Layout(rules=request.param))
    document, _ = load_document(path)
    return document


def test_tables_with_one_header_row_read_back_their_figures(borderless):
    tables = borderless.disclosure.tables
    for code in ("D01", "D06"):
        assert tables[code].unmapped == (), code
        for key, cells in expected()[code].items():
            row = tables[code].row(key) if not key.isdigit() else tables[code].row(code=key)
            assert row is not None, (code, key)
            assert {c: row.value(c) for c in cells} == {c: v * WAN for c, v in cells.items()}, (code, key)


def test_columns_not_understood_are_reported_and_give_no_finding(borderless):
    result = audit_document(borderless, CENTRAL)
    assert [f.message for f in result.findings if f.tier in (Tier.ERROR, Tier.WARNING)] == []
    partly = [t for t in borderless.disclosure.tables.values() if t.unmapped]
    assert partly, "stacked headers without lines are expected to stay partly unread here"
    unread = {u.location.table for u in result.coverage.reading.unread}
    assert {t.label.split()[0] for t in partly} <= unread
    reasons = [o.reason for o in result.coverage.outcomes if o.status is Status.NOT_APPLICABLE]
    assert any("列未能读取" in r for r in reasons)


def test_a_planted_fault_in_a_borderless_table_is_found_where_it_is(tmp_path):
    path = write_pdf(tmp_path / "fault.pdf", Layout(rules="none",
                                                    faults={("D01", "expenditure.年末结转和结余.amount"): "5.00"}))
    document, _ = load_document(path)
    errors = [f for f in audit_document(document, CENTRAL).findings if f.tier is Tier.ERROR]
    assert [(f.location.table, f.location.row) for f in errors] == [("公开01", "总计")]
