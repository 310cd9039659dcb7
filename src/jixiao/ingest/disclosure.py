"""The ten 决算公开 tables out of a SourceDocument, recognised by their code (公开01表…) or title aliases.

Each table has its own layout: coded rows (D02/D03/D05/D07/D08), two halves side by side (D01/D04), four
blocks of economic codes (D06), one row of 三公 figures (D09), a statistics table with 行次 (D10). Columns are
typed before anything is summed: codes, names, 行次 and 栏次 are never read as amounts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from jixiao.core.disclosure import TABLE_TITLES, Amount, DisclosurePackage, DisclosureRow, DisclosureTable
from jixiao.core.money import (
    NUMBER_RE,
    is_number,
    normalize_text,
    parse_decimal,
    printed_exponent,
    unit_scale,
)
from jixiao.core.provenance import Location
from jixiao.ingest.narrative import glossary_terms, grade_counts, narrative_statements
from jixiao.ingest.source import Cell, Paragraph, ReadError, Row, SourceDocument, Table

CODE_RE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
TABLE_CODE_RE = re.compile(r"公开\s*0?(\d{1,2})\s*表?")
UNIT_RE = re.compile(r"(?:金额)?单位\s*[：:]\s*(万元|元|亿元)")
D10_SECTION_RE = re.compile(r"^[一二三四五六七八九十]+、(政府采购|机关运行经费|国有资产)")
EMPTY_RE = re.compile(r"本表无数据|本年度无此项(支出|收入)|无此项")
# Aliases, most specific first (a title containing another must be tried before it).
ALIASES: list[tuple[str, re.Pattern[str]]] = [
    ("D04", re.compile(r"财政拨款收入支出决算总表")),
    ("D06", re.compile(r"一般公共预算财政拨款基本支出决算(明细)?表")),
    ("D05", re.compile(r"一般公共预算财政拨款支出决算表")),
    ("D07", re.compile(r"政府性基金预算财政拨款收入支出决算表")),
    ("D08", re.compile(r"国有资本经营预算财政拨款(收入)?支出决算表")),
    ("D09", re.compile(r"三公.{0,3}经费支出决算表")),
    ("D10", re.compile(r"部门决算公开相关信息统计表|相关信息统计表")),
    ("D01", re.compile(r"收入支出决算总表")),
    ("D02", re.compile(r"收入决算表")),
    ("D03", re.compile(r"支出决算表")),
]
CODED_COLUMNS = {
    "D02": [("本年收入合计", "total"), ("财政拨款", "fiscal"), ("上级补助", "upper"), ("事业收入", "business"),
            ("经营收入", "operating"), ("附属单位", "subsidiary"), ("其他收入", "other")],
    "D03": [("本年支出合计", "total"), ("基本支出", "basic"), ("项目支出", "project"), ("上缴上级", "upper"),
            ("经营支出", "operating"), ("对附属单位", "subsidiary")],
    "D05": [("小计", "total"), ("合计", "total"), ("基本支出", "basic"), ("项目支出", "project")],
    "D07": [("年初结转", "opening"), ("本年收入", "income"), ("小计", "total"), ("基本支出", "basic"),
            ("项目支出", "project"), ("年末结转", "closing")],
    "D08": [("小计", "total"), ("合计", "total"), ("基本支出", "basic"), ("项目支出", "project")],
}
D09_COLUMNS = ["total", "overseas", "car", "car_purchase", "car_operation", "reception"]
D04_EXPENDITURE = ["total", "general", "fund", "state_capital"]


def table_code(text: str) -> str | None:
    """'公开03表' → 'D03'; a title alias → its code; else None."""
    compact = normalize_text(text).replace(" ", "")
    match = TABLE_CODE_RE.search(compact)
    if match and 1 <= int(match.group(1)) <= 10:
        return f"D{int(match.group(1)):02d}"
    for code, pattern in ALIASES:
        if pattern.search(compact):
            return code
    return None


class _Reader:
    def __init__(self, code: str, unit: str, path: str) -> None:
        self.code = code
        self.scale = unit_scale(unit) or Decimal(10000)
        self.unit = unit
        self.path = path
        self.errors: list[ReadError] = []

    def amount(self, text: str, location: Location) -> Amount | None:
        text = text.strip()
        if not text or (re.fullmatch(r"[-—–/\\0\s]*", text) and not re.fullmatch(r"\s*0\s*", text)):
            return None
        if not is_number(text):
            self.errors.append(ReadError(f"“{text}”不是金额", location))
            return None
        number = parse_decimal(text)
        assert number is not None
        quantum = Decimal(1).scaleb(printed_exponent(text)) * self.scale
        return Amount(number * self.scale, text, quantum, location)

    def cell_location(self, row: Row, index: int, label: str, column: str) -> Location:
        base = row.cells[index].location if index < len(row.cells) else row.location
        return base.with_(table=f"公开{self.code[1:]}", row=label, column=column)


def _is_column_numbers(texts: Sequence[str]) -> bool:
    """The 栏次 row: '栏次 1 2 3' or just consecutive integers."""
    filled = [t for t in texts if t]
    if filled and filled[0].startswith("栏次"):
        return True
    return len(filled) >= 3 and all(t.isdigit() for t in filled) and [int(t) for t in filled] == list(
        range(int(filled[0]), int(filled[0]) + len(filled)))


def _header_columns(rows: Sequence[Row], keys: list[tuple[str, str]]) -> tuple[dict[int, str], int]:
    """Column index → key from the header rows, and the index of the first data row."""
    start = 0
    for index, row in enumerate(rows):
        texts = row.texts
        if _is_column_numbers(texts):
            start = index + 1
            break
        if texts and (CODE_RE.match(texts[0]) or texts[0].replace(" ", "") in ("合计", "总计")):
            start = index
            break
    width = max(len(r.cells) for r in rows)
    labels = [""] * width
    for row in rows[:start]:
        last = ""
        for i in range(width):
            text = row.texts[i] if i < len(row.cells) else ""
            last = text or last
            labels[i] += text or (last if i > 0 and not labels[i] else "")
    columns: dict[int, str] = {}
    for i, label in enumerate(labels):
        for word, key in keys:
            if word in label and key not in columns.values():
                columns[i] = key
                break
    return columns, start


def _coded(table: Table, reader: _Reader) -> tuple[tuple[str, ...], list[DisclosureRow]]:
    keys = CODED_COLUMNS[reader.code]
    columns, start = _header_columns(table.rows, keys)
    first_amount = min(columns) if columns else 2
    rows: list[DisclosureRow] = []
    for row in table.rows[start:]:
        texts = row.texts
        if not any(texts) or _is_column_numbers(texts):
            continue
        code = texts[0] if CODE_RE.match(texts[0]) else ""
        label = texts[1] if code and len(texts) > 1 else texts[0]
        if not label and not code:
            continue
        shift = 0
        if not code and first_amount >= 2 and len(texts) > 1 and texts[1] and is_number(texts[1]):
            shift = -1  # a 合计 cell spanning code and name: the amounts start one column early
        cells: dict[str, Amount] = {}
        for index, key in columns.items():
            i = index + shift
            if 0 <= i < len(texts) and i > 0:
                amount = reader.amount(texts[i], reader.cell_location(row, i, code or label, key))
                if amount is not None:
                    cells[key] = amount
        rows.append(DisclosureRow(label=label, code=code, cells=cells,
                                  location=row.location.with_(table=f"公开{reader.code[1:]}", row=code or label)))
    return tuple(dict.fromkeys(columns.values())), rows


def _halves(table: Table, reader: _Reader) -> tuple[tuple[str, ...], list[DisclosureRow]]:
    """D01 (项目 行次 金额 | 项目 行次 金额) and D04 (项目 行次 金额 | 项目 行次 合计 一般 基金 国资)."""
    right_columns = D04_EXPENDITURE if reader.code == "D04" else ["amount"]
    rows: list[DisclosureRow] = []
    for row in table.rows:
        texts = row.texts + [""] * (3 + 2 + len(right_columns) - len(row.texts))
        if texts[0].startswith(("项目", "收入", "栏次")) or texts[3].startswith(("栏次", "项目")):
            continue
        sides = (("income", texts[0], texts[1], {"amount": 2}),
                 ("expenditure", texts[3], texts[4], {k: 5 + i for i, k in enumerate(right_columns)}))
        for side, label, line_no, cols in sides:
            label = re.sub(r"^[一二三四五六七八九十]+、", "", label)
            if not label:
                continue
            cells = {}
            for key, i in cols.items():
                amount = reader.amount(texts[i], reader.cell_location(row, i, label, key))
                if amount is not None:
                    cells[key] = amount
            rows.append(DisclosureRow(label=label, line_no=line_no, side=side, cells=cells,
                                      location=row.location.with_(table=f"公开{reader.code[1:]}", row=label)))
    columns = ("amount",) if reader.code == "D01" else ("amount", *right_columns)
    return columns, rows


def _blocks(table: Table, reader: _Reader) -> tuple[tuple[str, ...], list[DisclosureRow]]:
    """D06: four side-by-side blocks of (科目代码, 科目名称, 决算数); 合计 rows take the next number."""
    rows: list[DisclosureRow] = []
    for row in table.rows:
        texts = row.texts
        for start in range(0, len(texts), 3):
            code, name = texts[start], texts[start + 1] if start + 1 < len(texts) else ""
            if CODE_RE.match(code):
                value = texts[start + 2] if start + 2 < len(texts) else ""
                cells = {}
                amount = reader.amount(value, reader.cell_location(row, start + 2, code, "amount"))
                if amount is not None:
                    cells["amount"] = amount
                rows.append(DisclosureRow(label=name, code=code, cells=cells,
                                          location=row.location.with_(table="公开06", row=code)))
        for i, text in enumerate(texts):
            if text.replace(" ", "").endswith("合计") and ("人员经费" in text or "公用经费" in text):
                number_at = next((j for j in range(i + 1, len(texts)) if texts[j] and is_number(texts[j])), None)
                cells = {}
                if number_at is not None:
                    amount = reader.amount(texts[number_at], reader.cell_location(row, number_at, text, "amount"))
                    if amount is not None:
                        cells["amount"] = amount
                rows.append(DisclosureRow(label=text.replace(" ", ""), cells=cells,
                                          location=row.location.with_(table="公开06", row=text)))
    return ("amount",), rows


def _sangong(table: Table, reader: _Reader) -> tuple[tuple[str, ...], list[DisclosureRow]]:
    """D09: the row of 12 figures after the 栏次 row (预算数 six, 决算数 six)."""
    keys = [f"budget_{k}" for k in D09_COLUMNS] + [f"final_{k}" for k in D09_COLUMNS]
    rows: list[DisclosureRow] = []
    numbered = False
    for row in table.rows:
        texts = row.texts
        if _is_column_numbers(texts):
            numbered = True
            continue
        if not numbered or not any(texts):
            continue
        cells = {}
        for i, key in enumerate(keys):
            if i < len(texts):
                amount = reader.amount(texts[i], reader.cell_location(row, i, "三公经费", key))
                if amount is not None:
                    cells[key] = amount
        rows.append(DisclosureRow(label="三公经费", cells=cells, location=row.location.with_(table="公开09")))
        break
    return tuple(keys), rows


def _statistics(table: Table, reader: _Reader) -> tuple[tuple[str, ...], list[DisclosureRow]]:
    """D10: label, 行次, value; section titles ('一、政府采购情况') give the rows their group."""
    rows: list[DisclosureRow] = []
    section = ""
    for row in table.rows:
        filled = [(i, t) for i, t in enumerate(row.texts) if t]
        if not filled:
            continue
        first = filled[0][1]
        if re.match(r"^[一二三四五六七八九十]+、", first):
            section = re.sub(r"^[一二三四五六七八九十]+、", "", first)
            continue
        if first in ("项目", "栏次") or first.startswith("项目"):
            continue
        label = re.sub(r"^[（(][一二三四五六七八九十]+[)）]\s*|^\d+[.．、]\s*", "", first)
        numbers = [(i, t) for i, t in filled[1:]]
        line_no = numbers[0][1] if numbers and numbers[0][1].isdigit() and len(numbers[0][1]) <= 3 else ""
        values = numbers[1:] if line_no else numbers
        cells = {}
        if values:
            i, text = values[0]
            amount = reader.amount(text, reader.cell_location(row, i, label, "amount"))
            if amount is not None:
                cells["amount"] = amount
        rows.append(DisclosureRow(label=f"{section}/{label}" if section else label, line_no=line_no, cells=cells,
                                  location=row.location.with_(table="公开10", row=label)))
    return ("amount",), rows


LAYOUTS = {"D01": _halves, "D04": _halves, "D06": _blocks, "D09": _sangong, "D10": _statistics}


def read_table(code: str, table: Table, unit: str, path: str) -> tuple[DisclosureTable, list[ReadError]]:
    reader = _Reader(code, unit, path)
    layout = LAYOUTS.get(code, _coded)
    columns, rows = layout(table, reader)
    result = DisclosureTable(code=code, title=TABLE_TITLES[code], unit=unit, columns=columns, rows=tuple(rows),
                             location=table.location.with_(table=f"公开{code[1:]}"))
    return result, reader.errors


def extract_disclosure(source: SourceDocument, year: int | None, department: str) -> tuple[
        DisclosurePackage | None, list[ReadError]]:
    """The 决算公开 tables found in the document (a partial package is fine), or None when it has none."""
    tables: dict[str, DisclosureTable] = {}
    errors: list[ReadError] = []
    pending: str | None = None
    unit = "万元"
    last_table: str | None = None
    since_table = 0  # paragraphs since the last table: an empty-table note follows its table closely
    d10_rows: list[Row] = []  # 公开10's sections may arrive as separate tables (e.g. from Excel)
    for block in source.blocks:
        if isinstance(block, Paragraph):
            since_table += 1
            text = block.clean
            if "D10" in (last_table, pending) and D10_SECTION_RE.match(text):
                d10_rows.append(Row((Cell(text, block.location),), block.location))
                pending = "D10"
                continue
            code = table_code(text) if len(text) <= 40 else None
            if code and code not in tables and not re.search(r"\.{3,}|…", text):
                pending, unit = code, "万元"
            if match := UNIT_RE.search(normalize_text(text).replace(" ", "")):
                unit = match.group(1)
            if last_table and since_table <= 3 and EMPTY_RE.search(text) and len(text) <= 30:
                old = tables[last_table]
                tables[last_table] = DisclosureTable(old.code, old.title, old.unit, old.columns, old.rows,
                                                     EMPTY_RE.search(text).group(0), old.location)  # type: ignore[union-attr]
            if text.startswith(("第三部分", "情况说明")) or ("情况说明" in text and block.heading_level):
                pending = None
            continue
        if pending is None:
            continue
        if any(NUMBER_RE.search(t) for row in block.rows for t in row.texts) or pending in ("D08",):
            if pending == "D10":
                d10_rows.extend(block.rows)
                block = Table(tuple(d10_rows), block.location)
                errors = [e for e in errors if e.location.table != "公开10"]
            parsed, problems = read_table(pending, block, unit, source.path)
            tables[pending] = parsed
            errors.extend(problems)
            last_table, pending, since_table = pending, None, 0
    statements = narrative_statements(source)
    if not tables and not statements:
        return None, errors
    return DisclosurePackage(department=department, year=year, tables=tables, narrative=statements,
                             performance=grade_counts(statements), glossary=glossary_terms(source),
                             location=Location(document=source.path)), errors
