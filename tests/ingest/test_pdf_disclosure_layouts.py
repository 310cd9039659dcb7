"""部门决算 PDFs in the layouts district budget systems export (issue 11), with our own numbers: every table reads
back to the figures printed, a consistent package audits without an error, and one planted fault gives one finding
at its table, row and column."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from tests.ingest.disclosure_pdf import UNIT_NAME, Layout, expected, write_pdf

pytest.importorskip("weasyprint")
CENTRAL = load_profile("central")
LAYOUTS = {
    # 类|款|项 with blank 类/款 cells below their first row, no 行次, caption unit, 公开03 continued on a second page
    "split-inherit": Layout(),
    # 类|款|项 repeated on every row, 行次 printed, amounts in 元 with the unit only in the column headers
    "split-yuan-header": Layout(codes="split", line_numbers=True, unit="元", unit_in_header=True, continued=False),
    # one 7-digit code column, no 行次
    "single-code": Layout(codes="single"),
}


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def loaded(request, tmp_path_factory):
    path = write_pdf(tmp_path_factory.mktemp("pdf") / f"{request.param}.pdf", LAYOUTS[request.param])
    document, errors = load_document(path)
    return request.param, document, errors


def _row(table, key):
    if key.isdigit():
        return table.row(code=key)
    return next((r for r in table.rows if r.label == key or r.label.replace(" ", "") == key), None)


def test_every_table_reads_back_the_figures_printed(loaded):
    name, document, errors = loaded
    assert errors == []
    scale = Decimal(10000)  # 万元 → yuan, whatever unit the file prints in
    tables = document.disclosure.tables
    assert sorted(tables) == [f"D{n:02d}" for n in range(1, 11)]
    for code, rows in expected().items():
        table = tables[code]
        assert table.unmapped == (), (code, table.unmapped)
        assert table.unit == LAYOUTS[name].unit
        for key, cells in rows.items():
            row = _row(table, key)
            assert row is not None, (code, key)
            read = {column: row.value(column) for column in table.columns if row.value(column)}
            assert read == {column: value * scale for column, value in cells.items()}, (code, key)


def test_the_empty_table_note_stays_with_its_table(loaded):
    _, document, _ = loaded
    assert [c for c, t in document.disclosure.tables.items() if t.empty_note] == ["D08"]


def test_codes_from_split_columns_are_whole_codes_and_each_row_is_read_once(loaded):
    _, document, _ = loaded
    d03 = document.disclosure.tables["D03"]
    codes = [r.code for r in d03.rows if r.code]
    assert codes == sorted(expected()["D03"].keys() - {"合计"})  # each 类/款/项 once, in order
    assert len(codes) == len(set(codes))
    assert d03.row(code="2010102").label == "一般行政管理事务"


def test_two_sided_tables_number_their_income_lines(loaded):
    name, document, _ = loaded
    d01 = document.disclosure.tables["D01"]
    income = [r for r in d01.rows if r.side == "income"]
    assert [r.line_no for r in income[:8]] == [str(n) for n in range(1, 9)]
    assert income[0].label == "一般公共预算财政拨款收入" and income[8].label == "本年收入合计"
    expenditure = [r.label for r in d01.rows if r.side == "expenditure"]
    assert expenditure[:5] == ["一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "城乡社区支出", "住房保障支出"]
    if not LAYOUTS[name].line_numbers:
        assert income[8].line_no == ""  # totals get no invented 行次


def test_the_unit_name_comes_from_the_cover_and_captions(loaded):
    _, document, _ = loaded
    assert document.disclosure.department == UNIT_NAME


def test_a_consistent_package_has_no_error_and_no_warning(loaded):
    _, document, _ = loaded
    findings = audit_document(document, CENTRAL).findings
    assert [f.message for f in findings if f.tier in (Tier.ERROR, Tier.WARNING)] == []


@pytest.mark.parametrize(("fault", "printed", "where"), [
    (("D09", "三公经费.budget_car_operation"), "9.50", ("公开09", "三公经费", "budget_car")),
    (("D10", "货物.amount"), "31.50", ("公开10", "合计", "amount")),
    (("D01", "expenditure.年末结转和结余.amount"), "5.00", ("公开01", "总计", "amount")),
])
def test_one_planted_fault_gives_one_finding_where_it_is(tmp_path, fault, printed, where):
    path = write_pdf(tmp_path / "fault.pdf", Layout(faults={fault: printed}))
    document, errors = load_document(path)
    assert errors == []
    findings = [f for f in audit_document(document, CENTRAL).findings if f.tier is not Tier.NOTICE]
    assert len(findings) == 1, [f.message for f in findings]
    [finding] = findings
    assert finding.tier is Tier.ERROR
    assert (finding.location.table, finding.location.row, finding.location.column) == where
    assert finding.location.page is not None


@pytest.mark.parametrize("rotation", [0, 90, 270])
def test_pages_wrapped_in_form_xobjects_or_rotated_read_the_same(loaded, tmp_path, rotation):
    """Some exporters draw each page inside a form XObject, or print a landscape table on a portrait page turned
    by /Rotate: the ruling lines still make the same tables, read in rows as the page is shown."""
    import pypdfium2

    name, document, _ = loaded
    source = pypdfium2.PdfDocument(document.path)
    wrapped = pypdfium2.PdfDocument.new()
    for index in range(len(source)):
        width, height = source[index].get_size()
        placed = source.page_as_xobject(index, wrapped).as_pageobject()
        if rotation:  # the drawing turned against the page's /Rotate, so that it shows upright
            page = wrapped.new_page(height, width)
            turn = pypdfium2.PdfMatrix().rotate(90, ccw=rotation == 90)
            placed.set_matrix(turn.translate(height, 0) if rotation == 90 else turn.translate(0, width))
        else:
            page = wrapped.new_page(width, height)
        page.insert_obj(placed)
        page.gen_content()
        page.set_rotation(rotation)
    path = tmp_path / f"{name}-{rotation}.pdf"
    wrapped.save(str(path))
    again, errors = load_document(path)
    assert errors == []
    assert _values(again) == _values(document)
    assert again.disclosure.department == UNIT_NAME


def _values(document) -> dict:
    return {(code, row.code or row.label, row.side, column): amount.value
            for code, table in document.disclosure.tables.items() for row in table.rows
            for column, amount in row.cells.items()}
