"""The project-library Excel template (项目库导入模板): its columns, and reading a filled one.

Reading is strict and complete: every bad cell is reported with sheet, row, column and reason, and a file with
any error yields no rows at all (the store then imports nothing).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from jixiao.core.money import NumberError, amount_rule, read_number, round_half_up
from jixiao.core.provenance import Location
from jixiao.ingest.docx import _check_zip
from jixiao.ingest.source import ReadError
from jixiao.ingest.xlsx import _text

PROJECT_SHEET = "项目"
FUND_SHEET = "资金来源"
PROJECT_COLUMNS = ("单位代码", "年度", "项目编码", "项目名称", "项目类型", "年初预算数（元）", "全年预算数（元）")
APPROVED_COLUMN = "批复金额（元）"  # written by the export, never read: finance's approval sets it
FUND_COLUMNS = ("单位代码", "项目编码", "预算类型", "资金级次", "金额（元）")
FUND_OPTIONAL = ("单位代码",)  # older files key fund sources by project code alone
PROJECT_TYPES = ("经常性项目", "一次性项目")
BUDGET_TYPES = ("一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "其他资金")
FUND_LEVELS = ("中央", "省级", "市级", "县级", "单位自有")
MAX_ROWS = 100_000
NOISE = Decimal("1e-6")  # a binary float's residue (0.1 + 0.2 = 0.30000000000000004), not a third decimal
MAX_CODE = 40  # the store's column widths
MAX_UNIT_CODE = 20


@dataclass(frozen=True)
class FundRow:
    budget_type: str
    level: str
    amount: Decimal


@dataclass(frozen=True)
class ProjectRow:
    unit_code: str
    year: int
    code: str
    name: str
    project_type: str
    initial_budget: Decimal
    adjusted_budget: Decimal
    funds: tuple[FundRow, ...]
    location: Location
    approved_budget: Decimal | None = None  # exported only


def _sheet_rows(workbook: object, title: str, columns: tuple[str, ...], path: Path,
                errors: list[ReadError], optional: tuple[str, ...] = ()) -> list[tuple[int, dict[str, str]]]:
    where = Location(document=str(path), table=title)
    if title not in workbook.sheetnames:  # type: ignore[attr-defined]
        errors.append(ReadError(f"缺少工作表「{title}」；请使用下载的模板", where))
        return []
    sheet = workbook[title]  # type: ignore[index]
    if not hasattr(sheet, "iter_rows"):
        errors.append(ReadError(f"工作表「{title}」不是数据表（可能是图表）；请使用下载的模板", where))
        return []
    header = [_text(v).strip() for v in next(sheet.iter_rows(max_row=1, values_only=True), ())]
    missing = [c for c in columns if c not in header and c not in optional]
    if missing:
        errors.append(ReadError(f"表头缺少列：{'、'.join(missing)}", where.with_(row="1")))
        return []
    index = {c: header.index(c) for c in columns if c in header}
    # Only the template's columns are read: a cell far to the right must not widen every row to 16,384 cells.
    rows = sheet.iter_rows(min_row=2, max_col=max(index.values()) + 1, values_only=True)
    found = []
    for number, values in enumerate(rows, start=2):
        if number > MAX_ROWS:
            errors.append(ReadError(f"行数超过上限 {MAX_ROWS}，请拆分文件", where))
            return []
        texts = [_text(v).strip() for v in values]
        if not any(texts):
            continue
        found.append((number, {c: texts[index[c]] if c in index and index[c] < len(texts) else "" for c in columns}))
    return found


def _short(text: str) -> str:
    """A cell's text as quoted back in a message: a 100,000-character cell is not echoed whole."""
    return text if len(text) <= 40 else text[:40] + "…"


def _amount(text: str, column: str, where: Location, errors: list[ReadError]) -> Decimal:
    """A money cell through the one strict parser; a spreadsheet float's residue (…0000004) rounds to the fen."""
    try:
        value = read_number(text, replace(amount_rule(column), places=None))
    except NumberError as exc:
        errors.append(ReadError(str(exc), where))
        return Decimal(0)
    fen = round_half_up(value)
    if abs(value - fen) > NOISE:
        errors.append(ReadError(f"“{_short(text)}”的小数超过两位（金额精确到分）", where))
        return Decimal(0)
    return fen


def _choice(text: str, allowed: tuple[str, ...], where: Location, errors: list[ReadError]) -> str:
    if text not in allowed:
        errors.append(ReadError(f"“{_short(text)}”不是可选值（{'、'.join(allowed)}）", where))
    return text


def read_project_template(path: Path) -> tuple[list[ProjectRow], list[ReadError]]:
    """All rows of a filled template, or no rows and every error found."""
    rows, errors = read_project_rows(path)
    return ([] if errors else rows), errors


def read_project_rows(path: Path) -> tuple[list[ProjectRow], list[ReadError]]:
    """Every row read (a bad cell read as empty or 0) and every error found: for checks that go on to other
    problems in the same pass (permissions, existing projects) — never import rows that came with errors."""
    doc = Location(document=str(path))
    if path.suffix.lower() != ".xlsx":
        return [], [ReadError("请上传 .xlsx 格式的项目库模板（启用宏的工作簿不予读取）", doc)]
    if (problem := _check_zip(path, "Excel（.xlsx）")) is not None:
        return [], [problem]
    from openpyxl import load_workbook

    errors: list[ReadError] = []
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types for broken parts
        return [], [ReadError("无法打开 Excel 文件（文件损坏、加密或格式不符）", doc)]
    try:
        projects = _sheet_rows(workbook, PROJECT_SHEET, PROJECT_COLUMNS, path, errors)
        funds = _sheet_rows(workbook, FUND_SHEET, FUND_COLUMNS, path, errors, FUND_OPTIONAL)
    except Exception:  # read-only sheets are parsed lazily: a corrupt part surfaces while iterating
        return [], [ReadError("Excel 文件内容损坏，无法读取", doc)]
    finally:
        workbook.close()
    by_code: dict[tuple[str, str], list[FundRow]] = {}  # (unit code or "", project code) → fund rows
    first_row: dict[tuple[str, str], int] = {}
    for number, row in funds:
        at = Location(document=str(path), table=FUND_SHEET, row=str(number))
        if not row["项目编码"]:
            errors.append(ReadError("不能为空", at.with_(column="项目编码")))
        amount = _amount(row["金额（元）"], "金额（元）", at.with_(column="金额（元）"), errors)
        budget_type = _choice(row["预算类型"], BUDGET_TYPES, at.with_(column="预算类型"), errors)
        level = _choice(row["资金级次"], FUND_LEVELS, at.with_(column="资金级次"), errors)
        key = (row["单位代码"], row["项目编码"])
        by_code.setdefault(key, []).append(FundRow(budget_type, level, amount))
        first_row.setdefault(key, number)
    units_of_code = Counter(row["项目编码"] for _, row in projects)
    result, seen = [], set()
    for number, row in projects:
        at = Location(document=str(path), table=PROJECT_SHEET, row=str(number))
        for column in ("单位代码", "项目编码", "项目名称"):
            if not row[column]:
                errors.append(ReadError("不能为空", at.with_(column=column)))
        text = row["年度"]
        year = int(text) if text.isascii() and text.isdigit() and 2000 <= int(text) <= 2100 else 0
        if not year:
            errors.append(ReadError(f"“{text[:40]}”不是有效年度（2000–2100 的四位数字）", at.with_(column="年度")))
        key = (row["单位代码"], year, row["项目编码"])
        if row["项目编码"] and key in seen:
            errors.append(ReadError(f"项目编码“{_short(row['项目编码'])}”重复", at.with_(column="项目编码")))
        seen.add(key)
        if len(row["项目名称"]) > 200:
            errors.append(ReadError("项目名称超过 200 字", at.with_(column="项目名称")))
        if len(row["项目编码"]) > MAX_CODE:
            errors.append(ReadError(f"项目编码超过 {MAX_CODE} 个字符", at.with_(column="项目编码")))
        if len(row["单位代码"]) > MAX_UNIT_CODE:
            errors.append(ReadError(f"单位代码超过 {MAX_UNIT_CODE} 个字符", at.with_(column="单位代码")))
        project_type = _choice(row["项目类型"], PROJECT_TYPES, at.with_(column="项目类型"), errors)
        initial = _amount(row["年初预算数（元）"], "年初预算数（元）", at.with_(column="年初预算数（元）"), errors)
        adjusted = _amount(row["全年预算数（元）"], "全年预算数（元）", at.with_(column="全年预算数（元）"), errors)
        code_only = by_code.pop(("", row["项目编码"]), [])
        if code_only and units_of_code[row["项目编码"]] > 1:
            errors.append(ReadError(f"项目编码“{_short(row['项目编码'])}”在多个单位使用，资金来源表须填写单位代码",
                                    Location(document=str(path), table=FUND_SHEET,
                                             row=str(first_row[("", row["项目编码"])]), column="单位代码")))
        own = tuple(by_code.pop((row["单位代码"], row["项目编码"]), []) + code_only)
        if own and sum((f.amount for f in own), Decimal(0)) != adjusted:
            total = sum((f.amount for f in own), Decimal(0))
            errors.append(ReadError(f"资金来源合计 {total.normalize():f} 元与全年预算数 {adjusted.normalize():f} 元不一致",
                                    at.with_(column="全年预算数（元）")))
        result.append(ProjectRow(row["单位代码"], year, row["项目编码"], row["项目名称"], project_type, initial,
                                 adjusted, own, at))
    for unit_code, code in by_code:
        if code:
            owner = f"单位“{_short(unit_code)}”的" if unit_code else ""
            errors.append(ReadError(f"{owner}项目编码“{_short(code)}”在「{PROJECT_SHEET}」表中不存在", Location(
                document=str(path), table=FUND_SHEET, row=str(first_row[(unit_code, code)]), column="项目编码")))
    if not result and not errors:
        errors.append(ReadError("模板中没有项目行", Location(document=str(path), table=PROJECT_SHEET)))
    return result, errors
