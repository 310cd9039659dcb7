"""The change report as an Excel workbook: one row per changed field (a record that changed no field, such as a
deletion, has one row of its own), ready to filter in Excel."""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO
from typing import Any

COLUMNS = ("时间", "修改人", "单位", "项目", "对象", "名称", "操作", "原因", "字段", "修改前", "修改后")
WIDTHS = (20, 14, 24, 36, 10, 24, 8, 14, 18, 30, 30)


def change_lines(changes: Iterable[Any]) -> list[tuple[str, ...]]:
    """Flat rows of the report (each change is a jixiao.store.changes.Change)."""
    lines = []
    for c in changes:
        head = (c.at.strftime("%Y-%m-%d %H:%M:%S"), c.user or "系统", c.unit, c.project, c.kind, c.name, c.operation,
                c.reason)
        lines += [(*head, f.label, f.before, f.after) for f in c.fields] or [(*head, "", "", "")]
    return lines


def write_changes(changes: Iterable[Any], title: str = "修改记录") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "修改记录"
    sheet.append((title,))
    sheet.append(COLUMNS)
    for cell, width in zip(sheet[2], WIDTHS, strict=True):
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = width
    for number, line in enumerate(change_lines(changes), start=3):
        for column, value in enumerate(line, start=1):
            cell = sheet.cell(number, column)
            cell.value = value
            cell.data_type = "s"  # text as entered: a value like "=HYPERLINK(…)" must never become a formula
    sheet.freeze_panes = "A3"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
