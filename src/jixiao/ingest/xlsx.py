"""Excel workbooks (.xlsx by openpyxl, .xls/.ods by calamine): each sheet becomes a heading paragraph and a
table; cells keep sheet, row and column letter.

Formulas are read as their cached values (what Excel last showed). Macro-enabled workbooks are refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from jixiao.core.money import round_half_up
from jixiao.core.provenance import Location
from jixiao.ingest.docx import _check_zip
from jixiao.ingest.normalize import Normal, plain
from jixiao.ingest.source import MAX_BYTES, Block, Cell, Paragraph, ReadError, Row, SourceDocument, Table

MAX_CELLS = 2_000_000
HEADING_RE = re.compile(r"^\s*(#|[（(]?[一二三四五六七八九十\d]+[)）、.．])")


FORMAT_DECIMALS_RE = re.compile(r"[0#?]\.([0#?]+)")
FORMAT_LITERAL_RE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _shown(value: float | int, number_format: str | None) -> str:
    """A number as the sheet shows it: at the decimals of its number format ('#,##0.00' → 2, '0.00%' → a
    percentage), so the printed precision is the sheet's and a formula's binary residue (1785.0000000000002)
    is not taken for a figure; without a format, the shortest decimal of 15 significant digits."""
    section = FORMAT_LITERAL_RE.sub("", (number_format or "General").split(";")[0])
    if value != value or section.lower() == "general" or not re.search(r"[0#?]", section):
        if isinstance(value, int):
            return str(value)
        return format(Decimal(format(value, ".15g")).normalize(), "f") if value == value else ""
    match = FORMAT_DECIMALS_RE.search(section)
    places = len(match.group(1)) if match else 0
    percent = "%" in section
    shown = round_half_up(Decimal(format(value, ".15g")) * (100 if percent else 1), places)
    return f"{shown:f}{'%' if percent else ''}"


def _text(value: object, number_format: str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (float, int)):
        return _shown(value, number_format)
    if isinstance(value, datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def read_xlsx(path: Path, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    if path.suffix.lower() in (".xlsm", ".xltm"):
        return None, [ReadError("文件为启用宏的工作簿，为安全起见不予读取；请另存为 .xlsx", Location(document=str(path)))]
    problem = _check_zip(path, "Excel（.xlsx）")
    if problem is not None:
        return None, [problem]
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for broken parts
        return None, [ReadError("无法打开 Excel 文件（文件损坏、加密或格式不符）", Location(document=str(path)))]
    blocks: list[Block] = []
    try:
        count = 0
        for sheet in workbook.worksheets:
            rows = ([_text(getattr(c, "value", None), getattr(c, "number_format", None)) for c in row]
                    for row in sheet.iter_rows())
            count, problem = _sheet_blocks(str(path), normal(sheet.title), rows, count, blocks, normal)
            if problem is not None:
                return None, [problem]
    except Exception:  # read-only sheets are parsed lazily: a corrupt part surfaces while iterating
        return None, [ReadError("Excel 文件内容损坏，无法读取", Location(document=str(path)))]
    finally:
        workbook.close()
    return SourceDocument(str(path), "xlsx", tuple(blocks)), []


def read_xls(path: Path, normal: Normal = plain) -> tuple[SourceDocument | None, list[ReadError]]:
    """Excel 97–2003 (.xls) and OpenDocument (.ods) workbooks, read by calamine; sheets as in read_xlsx."""
    where = Location(document=str(path))
    if path.stat().st_size > MAX_BYTES:
        return None, [ReadError("文件过大（上限 50 MB）", where)]
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception:  # calamine raises its own error types for broken or encrypted files
        return None, [ReadError("无法打开 Excel 文件（文件损坏、加密或格式不符）", where)]
    blocks: list[Block] = []
    try:
        count = 0
        for name in workbook.sheet_names:
            values = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            count, problem = _sheet_blocks(str(path), normal(name), values, count, blocks, normal)
            if problem is not None:
                return None, [problem]
    except Exception:
        return None, [ReadError("Excel 文件内容损坏，无法读取", where)]
    finally:
        workbook.close()
    return SourceDocument(str(path), path.suffix.lower().lstrip("."), tuple(blocks)), []


def _sheet_blocks(path: str, title: str, sheet_rows: Iterable[Sequence[object]], count: int,
                  blocks: list[Block], normal: Normal = plain) -> tuple[int, ReadError | None]:
    """Append one sheet's heading, paragraphs and tables to `blocks`; (cells read so far, or the error)."""
    from openpyxl.utils import get_column_letter

    where = Location(document=path, table=title)
    blocks.append(Paragraph(title, where, heading_level=2))
    rows: list[Row] = []
    for r, values in enumerate(sheet_rows, start=1):
        count += len(values)
        if count > MAX_CELLS:
            return count, ReadError("单元格过多（上限 200 万个），请拆分文件", where)
        texts = [normal(v) if isinstance(v, str) else _text(v) for v in values]
        while texts and not texts[-1]:
            texts.pop()
        if not texts:
            continue
        lone = len(texts) == 1 or (sum(1 for t in texts if t) == 1 and bool(texts[0]))
        # A short label inside a table stays a row; a numbered heading always ends the table.
        if lone and (not rows or len(texts[0]) > 12 or HEADING_RE.match(texts[0])):
            if rows:
                blocks.append(Table(tuple(rows), where))
                rows = []
            blocks.append(Paragraph(texts[0], where.with_(row=str(r))))
            continue
        cells = tuple(Cell(t, where.with_(row=str(r), column=get_column_letter(c)))
                      for c, t in enumerate(texts, start=1))
        rows.append(Row(cells, where.with_(row=str(r))))
    if rows:
        blocks.append(Table(tuple(rows), where))
    return count, None
