"""Hostile project-library templates: random and mutated workbooks (wrong headers, huge cells, formulas, merged
cells, negative and absurd numbers, wrong types, missing sheets), truncated and flipped bytes, a zip bomb, a
macro workbook renamed .xlsx. Every one ends in rows that the store can take, or no rows and Chinese errors that
say where — in bounded time, never an exception."""

from __future__ import annotations

import io
import re
import time
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from jixiao.core.money import MAX_AMOUNT
from jixiao.core.provenance import Location
from jixiao.ingest.project_template import (
    BUDGET_TYPES,
    FUND_COLUMNS,
    FUND_LEVELS,
    FUND_SHEET,
    PROJECT_COLUMNS,
    PROJECT_SHEET,
    PROJECT_TYPES,
    FundRow,
    ProjectRow,
    read_project_template,
)
from jixiao.render.project_template import write_project_template

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SECONDS = 5.0  # bound for reading any one file here

BASE_ROWS = [ProjectRow(f"10100{n % 3}", 2025, f"XM-{n:03d}", f"项目{n}", PROJECT_TYPES[n % 2], Decimal(1000 * n),
                        Decimal(1000 * n + 500), (FundRow(BUDGET_TYPES[n % 5], FUND_LEVELS[n % 5], Decimal(1000 * n)),
                                                  FundRow("一般公共预算", "县级", Decimal(500))), Location())
             for n in range(1, 7)]
BASE = write_project_template(BASE_ROWS)


def chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def read(tmp_path: Path, data: bytes, name: str = "fuzz.xlsx") -> tuple[list[ProjectRow], list]:
    path = tmp_path / name
    path.write_bytes(data)
    started = time.perf_counter()
    rows, errors = read_project_template(path)
    assert time.perf_counter() - started < SECONDS
    check(path, rows, errors)
    return rows, errors


def check(path: Path, rows: list[ProjectRow], errors: list) -> None:
    """The reader's contract: rows and no errors, or no rows and errors that are Chinese and say where."""
    assert not (rows and errors)
    assert rows or errors
    for error in errors:
        assert chinese(error.message), error
        assert error.location.document == str(path)
        assert str(error).startswith(f"文件 {path.name}")
        if error.location.column:  # a cell error names the sheet and, but for a fund code, the row
            assert error.location.table in (PROJECT_SHEET, FUND_SHEET)
    keys = set()
    for row in rows:  # what the store will be asked to write fits its columns
        assert row.unit_code and row.code and row.name and len(row.name) <= 200 and len(row.code) <= 40
        assert len(row.unit_code) <= 20 and 2000 <= row.year <= 2100 and row.project_type in PROJECT_TYPES
        for amount in (row.initial_budget, row.adjusted_budget, *(f.amount for f in row.funds)):
            assert 0 <= amount <= MAX_AMOUNT and amount == amount.quantize(Decimal("0.01"))
        if row.funds:
            assert sum(f.amount for f in row.funds) == row.adjusted_budget
        assert all(f.budget_type in BUDGET_TYPES and f.level in FUND_LEVELS for f in row.funds)
        assert (row.unit_code, row.year, row.code) not in keys
        keys.add((row.unit_code, row.year, row.code))


def save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_base_template_reads_back(tmp_path):
    rows, errors = read(tmp_path, BASE)
    assert not errors and [r.code for r in rows] == [r.code for r in BASE_ROWS]


LEGAL = st.characters(blacklist_categories=("Cs",), blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10, 13)])
TEXTS = st.one_of(
    st.text(LEGAL, max_size=30),
    st.sampled_from([*PROJECT_TYPES, *BUDGET_TYPES, *FUND_LEVELS, "101001", "2025", "XM-001", "XM-002", "", " ",
                     "一百万", "1,000.00", "1000万元", "-0", "0.001", "１２３", "²", "٢٠٢٥", "2025年", "NaN", "inf",
                     "1e400", "#DIV/0!", "=1/0", "=SUM(F2:F7)", "=HYPERLINK(\"http://x\")", "TRUE", "9" * 40]),
    st.text(LEGAL, min_size=180, max_size=260),
)
VALUES = st.one_of(
    TEXTS,
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-(10**15), max_value=10**15),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2200, 1, 1)),
)
# Mostly inside the filled area (rows 2–7 of seven or four columns), sometimes the header or beyond.
CELL = st.one_of(
    st.tuples(st.just(PROJECT_SHEET), st.integers(2, 7), st.integers(1, 7), VALUES),
    st.tuples(st.just(FUND_SHEET), st.integers(2, 13), st.integers(1, 4), VALUES),
    st.tuples(st.sampled_from([PROJECT_SHEET, FUND_SHEET]), st.integers(1, 15), st.integers(1, 9), VALUES),
)


@settings(FUZZ, max_examples=150)
@given(cells=st.lists(CELL, min_size=1, max_size=6), merges=st.lists(
    st.tuples(st.sampled_from([PROJECT_SHEET, FUND_SHEET]), st.integers(1, 8), st.integers(1, 8),
              st.integers(0, 2), st.integers(0, 2)), max_size=2))
def test_mutated_cells(tmp_path, cells, merges):
    book = load_workbook(io.BytesIO(BASE))
    for sheet, row, column, value in cells:
        book[sheet].cell(row, column).value = value
    for sheet, row, column, down, right in merges:
        if down or right:
            book[sheet].merge_cells(start_row=row, start_column=column, end_row=row + down, end_column=column + right)
    read(tmp_path, save(book))


@FUZZ
@given(projects=st.lists(st.lists(VALUES, max_size=9), max_size=8), funds=st.lists(st.lists(VALUES, max_size=5),
                                                                                   max_size=8),
       header=st.permutations(PROJECT_COLUMNS), drop=st.sets(st.sampled_from(PROJECT_COLUMNS), max_size=2),
       extra=st.lists(TEXTS, max_size=3), header_row=st.integers(1, 2))
def test_random_workbooks_and_headers(tmp_path, projects, funds, header, drop, extra, header_row):
    book = Workbook()
    sheet = book.active
    sheet.title = PROJECT_SHEET
    for _ in range(header_row - 1):
        sheet.append(("项目库导入模板",))
    sheet.append([c for c in header if c not in drop] + extra)
    for values in projects:
        sheet.append(values)
    fund_sheet = book.create_sheet(FUND_SHEET)
    fund_sheet.append(FUND_COLUMNS)
    for values in funds:
        fund_sheet.append(values)
    read(tmp_path, save(book))


@FUZZ
@given(keep=st.lists(st.sampled_from([PROJECT_SHEET, FUND_SHEET, "说明", "项目 ", "Sheet1", "资金"]), max_size=4,
                     unique=True), chart=st.booleans())
def test_missing_renamed_and_extra_sheets(tmp_path, keep, chart):
    source = load_workbook(io.BytesIO(BASE))
    book = Workbook()
    book.remove(book.active)
    for title in keep:
        target = book.create_sheet(title)
        origin = source[title] if title in source.sheetnames else source[PROJECT_SHEET]
        for values in origin.iter_rows(values_only=True):
            target.append(values)
    if chart:
        book.create_chartsheet("图表")
    if not book.sheetnames:
        book.create_sheet("空")
    read(tmp_path, save(book))


@FUZZ
@given(cut=st.floats(0, 1, exclude_max=True))
def test_truncated_bytes(tmp_path, cut):
    _, errors = read(tmp_path, BASE[: int(cut * len(BASE))])
    assert errors


@FUZZ
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=6))
def test_flipped_bytes(tmp_path, flips):
    data = bytearray(BASE)
    for where, value in flips:
        data[int(where * len(data))] = value
    read(tmp_path, bytes(data))


@FUZZ
@given(member=st.sampled_from(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/workbook.xml",
                               "xl/sharedStrings.xml", "xl/styles.xml", "[Content_Types].xml"]),
       payload=st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(str.encode)))
def test_replaced_zip_members(tmp_path, member, payload):
    source = zipfile.ZipFile(io.BytesIO(BASE))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            target.writestr(info, payload if info.filename == member else source.read(info))
    read(tmp_path, buffer.getvalue())


def rebuilt(extra: dict[str, bytes], replace: dict[str, bytes] | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(BASE))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info)))
        for name, data in extra.items():
            target.writestr(name, data)
    return buffer.getvalue()


def test_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb, bomb.open("xl/worksheets/sheet1.xml", "w",
                                                                                  force_zip64=True) as member:
        chunk = b"\0" * (1 << 20)
        for _ in range(260):  # 260 MB of zeros, about 250 KB compressed
            member.write(chunk)
    _, errors = read(tmp_path, buffer.getvalue())
    assert "压缩炸弹" in errors[0].message


def test_macro_workbook_renamed_xlsx_and_other_formats_are_refused(tmp_path):
    _, errors = read(tmp_path, rebuilt({"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 500}))
    assert "宏" in errors[0].message
    _, errors = read(tmp_path, BASE, "projects.xlsm")
    assert "xlsx" in errors[0].message
    for data in (b"", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "单位代码,年度\n101001,2025\n".encode(),
                 b"PK\x03\x04" + b"\0" * 100):  # empty, an old .xls, a CSV, a broken zip — all named .xlsx
        _, errors = read(tmp_path, data)
        assert errors


def test_huge_and_absurd_cells(tmp_path):
    book = load_workbook(io.BytesIO(BASE))
    sheet = book[PROJECT_SHEET]
    sheet["D2"] = "长" * 100_000  # a name far beyond 200 characters
    sheet["C3"] = "X" * 41  # a code beyond the column's 40
    sheet["F4"] = 1e300
    sheet["G5"] = -1500
    sheet["F6"] = 0.001
    sheet["B7"] = "²"
    _, errors = read(tmp_path, save(book))
    where = {(e.location.row, e.location.column) for e in errors}
    assert {("2", "项目名称"), ("3", "项目编码"), ("4", "年初预算数（元）"), ("5", "全年预算数（元）"),
            ("6", "年初预算数（元）"), ("7", "年度")} <= where


def test_float_noise_from_formulas_is_rounded_not_refused(tmp_path):
    book = load_workbook(io.BytesIO(BASE))
    book[PROJECT_SHEET]["F2"] = 0.1 + 0.2  # 0.30000000000000004, as a cached formula result reads
    rows, errors = read(tmp_path, save(book))
    assert not errors and rows[0].initial_budget == Decimal("0.30")


@pytest.mark.parametrize("shape", ["far_row", "wide_rows"])
def test_sparse_giant_sheets_end_quickly(tmp_path, shape):
    """A few bytes can claim a million rows or sixteen thousand columns; reading stays bounded."""
    book = load_workbook(io.BytesIO(BASE))
    sheet = book[PROJECT_SHEET]
    if shape == "far_row":
        sheet.cell(1_048_576, 1).value = "101001"
    else:
        for row in range(2, 3000):
            sheet.cell(row, 16_384).value = "x"
            sheet.cell(row, 1).value = None if row > 7 else sheet.cell(row, 1).value
    read(tmp_path, save(book))


def test_every_column_letter_in_errors_is_a_header_name(tmp_path):
    """Errors name columns by the header the user sees (全年预算数（元）), not by letter."""
    book = load_workbook(io.BytesIO(BASE))
    for column in range(1, len(PROJECT_COLUMNS) + 1):
        book[PROJECT_SHEET].cell(2, column).value = "？"
    _, errors = read(tmp_path, save(book))
    letters = {get_column_letter(n) for n in range(1, 10)}
    assert not any(e.location.column in letters for e in errors)


FULLWIDTH = {0xFF10 + n: ord("0") + n for n in range(10)} | {0xFF0C: ord(","), 0xFF0E: ord("."), 0x3000: 32, 0xA0: 32}
AMOUNT_TEXT = re.compile(r"\s*[-+−]?[\d,，.\s]+\s*(亿元|万元|元|亿|万)?\s*")


@settings(FUZZ, max_examples=200)
@given(column=st.sampled_from(PROJECT_COLUMNS), value=VALUES)
def test_one_cell_is_read_as_written_or_refused_at_that_cell(tmp_path, column, value):
    """One cell of the first project row replaced: either an error at that row, or the value as the user wrote it."""
    book = load_workbook(io.BytesIO(BASE))
    book[PROJECT_SHEET].cell(2, PROJECT_COLUMNS.index(column) + 1).value = value
    rows, errors = read(tmp_path, save(book))
    if errors:
        assert any(e.location.row == "2" or e.location.table == FUND_SHEET for e in errors), errors
        return
    row = rows[0]
    if column in ("年初预算数（元）", "全年预算数（元）"):
        amount = row.initial_budget if column == "年初预算数（元）" else row.adjusted_budget
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            assert abs(amount - Decimal(repr(value) if isinstance(value, float) else value)) < Decimal("0.000001")
        else:
            assert isinstance(value, str) and AMOUNT_TEXT.fullmatch(value.translate(FULLWIDTH)), value
    elif column == "年度":
        assert row.year == int(Decimal(str(value))) and str(row.year) in str(value)
    elif column in ("单位代码", "项目编码", "项目名称"):
        text = {"单位代码": row.unit_code, "项目编码": row.code, "项目名称": row.name}[column]
        assert text == (value.strip() if isinstance(value, str) else text)
    else:
        assert value in PROJECT_TYPES


def test_text_that_looks_like_a_formula_round_trips_as_text(tmp_path):
    row = BASE_ROWS[0]
    name = '=HYPERLINK("http://example.invalid","点击")'
    data = write_project_template([ProjectRow(row.unit_code, row.year, "=1+1", name, row.project_type,
                                              row.initial_budget, row.adjusted_budget, row.funds, Location())])
    assert load_workbook(io.BytesIO(data))[PROJECT_SHEET]["D2"].data_type == "s"
    rows, errors = read(tmp_path, data)
    assert not errors and (rows[0].code, rows[0].name) == ("=1+1", name)
