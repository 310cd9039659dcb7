"""Write the project-library Excel template: blank (with a 说明 sheet and drop-down lists) or filled (export).
What this writes, jixiao.ingest.project_template reads back unchanged."""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO
from typing import Any

from jixiao.ingest.project_template import (
    APPROVED_COLUMN,
    BUDGET_TYPES,
    FUND_COLUMNS,
    FUND_LEVELS,
    FUND_SHEET,
    PROJECT_COLUMNS,
    PROJECT_SHEET,
    PROJECT_TYPES,
    ProjectRow,
)

NOTES = (
    "1. 每个项目在「项目」表占一行；同一单位同一年度内项目编码不得重复，已有编码的项目将被更新（仅限草稿或已退回的项目）。",
    "2. 金额以“元”为单位，可带两位小数；「资金来源」表按单位代码和项目编码填写，合计须等于全年预算数（不填则不登记资金来源）。",
    "3. 导入为“全部成功或全部不导入”：任何一个单元格有误，整份文件都不会导入，并逐项列出工作表、行、列和原因。",
    "4. 只能导入本人有权管理的单位的项目。",
)


def _append(sheet: Any, values: tuple[Any, ...]) -> None:
    """A row of values as data: text that starts with "=" stays text (no formula injection into the export)."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def write_project_template(rows: Iterable[ProjectRow] = ()) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    projects = workbook.active
    projects.title = PROJECT_SHEET
    funds = workbook.create_sheet(FUND_SHEET)
    notes = workbook.create_sheet("说明")
    projects.append((*PROJECT_COLUMNS, APPROVED_COLUMN))
    funds.append(FUND_COLUMNS)
    for row in rows:
        _append(projects, (row.unit_code, row.year, row.code, row.name, row.project_type, float(row.initial_budget),
                           float(row.adjusted_budget),
                           None if row.approved_budget is None else float(row.approved_budget)))
        for fund in row.funds:
            _append(funds, (row.unit_code, row.code, fund.budget_type, fund.level, float(fund.amount)))
    for sheet, widths in ((projects, (12, 8, 18, 40, 14, 18, 18, 18)), (funds, (12, 18, 18, 12, 18))):
        for cell, width in zip(sheet[1], widths, strict=True):
            cell.font = Font(bold=True)
            sheet.column_dimensions[cell.column_letter].width = width
        sheet.freeze_panes = "A2"
    for column in ("F", "G", "H"):
        for cell in projects[column][1:]:
            cell.number_format = "#,##0.00"
    for cell in funds["E"][1:]:
        cell.number_format = "#,##0.00"
    for sheet, column, choices in ((projects, "E", PROJECT_TYPES), (funds, "C", BUDGET_TYPES),
                                   (funds, "D", FUND_LEVELS)):
        check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=False)
        check.error, check.errorTitle = f"请选择：{'、'.join(choices)}", "无效的值"
        sheet.add_data_validation(check)
        check.add(f"{column}2:{column}5000")
    notes.column_dimensions["A"].width = 120
    for line in ("项目库导入模板（jixiao 绩效）", *NOTES):
        notes.append((line,))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
