"""The ten 决算公开 tables out of a SourceDocument, recognised by their code (公开01表…) or title aliases.

Each table has its own layout: coded rows (D02/D03/D05/D07/D08), two halves side by side (D01/D04), four
blocks of economic codes (D06), one row of 三公 figures (D09), a statistics table with 行次 (D10). Columns are
typed before anything is summed: codes, names, 行次 and 栏次 are never read as amounts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from jixiao.core.disclosure import (
    TABLE_TITLES,
    Amount,
    DisclosurePackage,
    DisclosureRow,
    DisclosureTable,
    column_name,
    table_label,
)
from jixiao.core.money import (
    NUMBER_RE,
    is_number,
    normalize_text,
    parse_decimal,
    printed_exponent,
    unit_scale,
)
from jixiao.core.provenance import Location
from jixiao.ingest.halfrows import Side, place_rows
from jixiao.ingest.headers import (
    CODE_LABEL_RE,
    LINE_LABELS,
    NAME_LABELS,
    SPLIT_CODE_LABELS,
    Header,
    column_paths,
    is_column_numbers,
    is_data_row,
    is_line_numbers,
    match_column,
    normalize_label,
    overwide_rows,
    printed_unit,
    read_header,
    unspaced,
)
from jixiao.ingest.narrative import glossary_terms, grade_counts, narrative_statements
from jixiao.ingest.placement import holds_nothing
from jixiao.ingest.sangongcounts import CODE as COUNTS
from jixiao.ingest.sangongcounts import COUNT_ROWS_MIN, count_name, sangong_counts
from jixiao.ingest.source import Cell, Paragraph, ReadError, Row, SourceDocument, Table, following_figures

CODE_RE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
TABLE_CODE_RE = re.compile(r"公开\s*0?(\d{1,2})\s*表?")
D10_SECTION_RE = re.compile(r"^[一二三四五六七八九十]+、(政府采购|机关运行经费|国有资产)")
EMPTY_RE = re.compile(r"本表无数据|本年度无此项(支出|收入)|无此项")
# Aliases, most specific first (a title containing another must be tried before it).
ALIASES: list[tuple[str, re.Pattern[str]]] = [
    ("D04", re.compile(r"财政拨款收入支出决算总表")),
    ("D06", re.compile(r"一般公共预算财政拨款基本支出决算(明细)?表")),
    ("D05", re.compile(r"一般公共预算财政拨款支出决算表")),
    ("D07", re.compile(r"政府性基金预算财政拨款收入支出决算表")),
    ("D08", re.compile(r"国有资本经营预算财政拨款(收入)?支出决算表")),
    # (not a title naming the accounts with their 三公 ('部门决算和“三公”经费决算表'): the set of tables, a part's heading)
    ("D09", re.compile(r"(?<!决算[和及与])(?<!决算[和及与][“\"])三公.{0,3}经费(?:[及和与、](?:会议费|培训费|机关运行经费)){0,2}(?:[、和及](?:会议费|培训费))?(?:汇总)?(?:情况)?"
                       r"(?:支出)?"
                       r"决算(?:情况)?(?:统计)?表")),
    ("D10", re.compile(r"部门决算公开相关信息统计表|相关信息统计表")),
    # a unit's own summary under its sector's form ('医疗卫生机构收支决算总表'); not a fund's or a 财政拨款 one
    ("S01", re.compile(r"(?<!预算)(?<!拨款)收支决算总表")),
    ("D01", re.compile(r"收入支出决算总表")),
    ("D02", re.compile(r"收入决算表")),
    ("D03", re.compile(r"支出决算表")),
]
def _names(*labels: str) -> frozenset[str]:
    return frozenset(normalize_label(label) for label in labels)


# Column keys by whole header label, per table (SPEC §7.2); a label not listed leaves its column unmapped.
COLUMN_ALIASES: dict[str, dict[str, frozenset[str]]] = {
    "D02": {"total": _names("本年收入合计", "收入合计", "合计", "本年收入"), "fiscal": _names("财政拨款收入", "财政拨款"),
            "upper": _names("上级补助收入"), "business": _names("事业收入"), "operating": _names("经营收入"),
            "subsidiary": _names("附属单位上缴收入"), "other": _names("其他收入")},
    "D03": {"total": _names("本年支出合计", "支出合计", "合计", "本年支出"), "basic": _names("基本支出"),
            "project": _names("项目支出"), "upper": _names("上缴上级支出"), "operating": _names("经营支出"),
            "subsidiary": _names("对附属单位补助支出")},
    "D05": {"total": _names("小计", "合计", "本年支出合计", "本年支出", "支出合计"), "basic": _names("基本支出"),
            "project": _names("项目支出")},
    "D07": {"opening": _names("年初结转和结余", "年初结转结余"), "income": _names("本年收入", "本年收入合计"),
            "total": _names("本年支出", "本年支出合计", "小计", "合计"), "basic": _names("基本支出"),
            "project": _names("项目支出"), "closing": _names("年末结转和结余", "年末结转结余")},
    "D08": {"total": _names("合计", "小计", "本年支出", "本年支出合计"), "basic": _names("基本支出"),
            "project": _names("项目支出")},
    "D09": {"total": _names("合计", "总计", "支出合计", "三公经费合计", "“三公”经费合计", "\"三公\"经费合计", "三公经费",
                            "总三公经费"),
            "overseas": _names("因公出国(境)费", "因公出国(境)费用", "因公出国(境)经费", "因公出国(境)", "因公出国",
                               "因公出国经费"),
            "car": _names("公务用车购置及运行维护费", "公务用车购置和运行维护费", "公务用车购置及运行费", "公务用车购置及运行维护",
                          "公务用车费", "公车购置及运行维护费", "公车购置及运行费"),
            "car_purchase": _names("公务用车购置费", "购置费", "公务用车购置", "公车购置费", "车辆购置", "车辆购置费"),
            "car_operation": _names("公务用车运行维护费", "运行维护费", "运行费", "公车运行及维护", "公车运行维护费",
                                    "公务用车运行费", "公务用车运转维护费", "运转维护费", "车辆运行", "车辆运行费",
                                    "车辆运行维护费"), "reception": _names("公务接待费"),
            "meeting": _names("会议费", "会议费支出"), "training": _names("培训费", "培训费支出")},
    "S01": {"opening": _names("上年结转和结余", "年初结转和结余"), "income": _names("本年收入"),
            "fiscal": _names("其中:财政拨款收入", "财政拨款收入"), "spent": _names("本年支出"),
            "fiscal_spent": _names("其中:财政拨款支出", "财政拨款支出"), "balance": _names("收支结余"),
            "closing": _names("年末结转和结余")},
}
# Two-sided tables: the amount columns of each side.
SIDE_ALIASES: dict[str, dict[str, dict[str, frozenset[str]]]] = {
    "D01": {"income": {"amount": _names("金额", "决算数", "本年决算数", "决算金额")},
            "expenditure": {"amount": _names("金额", "决算数", "本年决算数", "决算金额")}},
    "D04": {"income": {"amount": _names("金额", "决算数", "本年决算数", "决算金额", "合计")},
            "expenditure": {"total": _names("合计", "小计", "决算数"),
                            "general": _names("一般公共预算财政拨款", "一般公共预算"),
                            "fund": _names("政府性基金预算财政拨款", "政府性基金预算"),
                            "state_capital": _names("国有资本经营预算财政拨款", "国有资本经营预算")}},
}
SIDE_ALIASES["B01"] = {side: {"amount": _names("预算数", "本年预算数", "本年预算", "预算金额", "预算", "金额")}
                       for side in ("income", "expenditure")}
YEAR_COLUMN_RE = re.compile(r"^20\d{2}年度?")  # '2020年预算数': the budget year before the column's name
BUDGET_GROUP_RE = re.compile(r"预算数?$|^年初预算|^调整预算|^全年预算")  # a 预算 column beside the 决算 ones

BUDGET_SANGONG_NAME = "“三公”经费预算表"
BUDGET_SANGONG_RE = re.compile(r"三公.{0,3}经费.{0,16}(?:预算|汇总).{0,12}表|三公.{0,3}经费.{0,6}预算|三公.{0,3}经费(?:情况)?统计表")
D09_COLUMNS = ["total", "overseas", "car", "car_purchase", "car_operation", "reception"]
D09_EXTRA = ["meeting", "training"]  # printed beside the 三公 in some tables (“三公”经费及会议费、培训费支出决算表)


# The 预算公开's own tables read beside its 三公 table (the 决算 rules are not applied to them).
BUDGET_TITLES = {"B01": "部门收支总表"}
# A unit's own tables outside the ten, read for what they print (no rule of the ten is applied to them).
OWN_TITLES = {"S01": "收支决算总表（按功能分类）"}
BUDGET_ALIASES: list[tuple[str, re.Pattern[str]]] = [("B01", re.compile(r"(?<!拨款)收支(?:预算)?总表"))]


def budget_table_code(text: str) -> str | None:
    """'表1 部门收支总表' → 'B01' (a 预算公开's summary table); a 决算 title, or a 财政拨款 one, → None."""
    compact = normalize_text(text).replace(" ", "")
    if "决算" in compact:
        return None
    return next((code for code, pattern in BUDGET_ALIASES if pattern.search(compact)), None)


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
    def __init__(self, code: str, unit: str, path: str, budget_only: bool = False) -> None:
        self.code = code
        self.budget_only = budget_only  # a 预算公开's 三公 table: every figure is a 预算数
        self.table_name = BUDGET_SANGONG_NAME if budget_only else (BUDGET_TITLES | OWN_TITLES).get(
            code, f"公开{code[1:]}")
        self.scale = unit_scale(unit) or Decimal(10000)
        self.unit = unit
        self.path = path
        self.errors: list[ReadError] = []
        self.unmapped: list[str] = []
        self.not_placed: set[tuple[str, str]] = set()  # (row label, column) of cells a rebuilt table left open
        self.merged = False  # a row was left out as several rows run together (see _without_merged_rows)

    def amount(self, text: str, location: Location) -> Amount | None:
        """A printed amount; blank, “-” and the like are no amount (0.00 is an amount of zero)."""
        return self._figure(text, location, self.scale, "金额")

    def count(self, text: str, location: Location) -> Amount | None:
        """A printed count (车辆, 台, 平方米 …): the number itself in its own unit, never scaled as money."""
        return self._figure(text, location, Decimal(1), "数量")

    def _figure(self, text: str, location: Location, scale: Decimal, what: str) -> Amount | None:
        text = text.strip()
        if not text or (re.fullmatch(r"[-—–/\\0\s]*", text) and not re.fullmatch(r"\s*0\s*", text)):
            return None
        if not is_number(text):
            self.errors.append(ReadError(f"“{text}”不是{what}", location))
            return None
        number = parse_decimal(text)
        assert number is not None
        quantum = Decimal(1).scaleb(printed_exponent(text)) * scale
        return Amount(number * scale, text, quantum, location)

    def cell_location(self, row: Row, index: int, label: str, column: str) -> Location:
        base = row.cells[index].location if index < len(row.cells) else row.location
        return base.with_(table=self.table_name, row=label, column=column)

    def cells(self, row: Row, columns: dict[int, str], label: str) -> dict[str, Amount]:
        found = {}
        for index, key in columns.items():
            if index < len(row.cells) and not row.cells[index].placed and not holds_nothing(row.texts[index]):
                self.not_placed.add((label, key))
                why = (f"表格排成一行时空单元格已丢失，表内各项合计关系不能确定此格是{row.texts[index]}" if row.texts[index]
                       else "文本中此格没有数字（文本在此中断，或逐格排列时空单元格已丢失），不能当作空白或0")
                self.errors.append(ReadError(f"{label}·{column_name(key)}：{why}，此格未读取",
                                             self.cell_location(row, index, label, key)))
                continue
            if index < len(row.cells) and row.cells[index].placed:
                amount = self.amount(row.texts[index], self.cell_location(row, index, label, key))
                if amount is not None:
                    found[key] = amount
        return found

    def unmapped_column(self, table: Table, header: Header, index: int, data: Sequence[Row]) -> None:
        """A column no alias names: listed on the table, and an error when it holds figures nobody reads."""
        label = header.label(index)
        values = [r.texts[index] for r in data if index < len(r.cells) and r.texts[index]]
        if not label and not values:
            return
        shown = label or "（无表头）"
        self.unmapped.append(f"第{index + 1}列“{shown}”")
        if any(is_number(v) for v in values):
            where = table.location.with_(table=self.table_name, column=f"第{index + 1}列")
            self.errors.append(ReadError(f"无法识别的列“{shown}”，其中的数字未读取", where))


def _width(table: Table) -> int:
    return max((len(r.cells) for r in table.rows), default=0)


def _data_rows(table: Table, header: Header) -> list[Row]:
    """Rows below the header, without blank rows and without the header repeated on a continuation page."""
    return [r for r in table.rows[header.rows:] if any(r.texts) and not header.repeats(r.texts)]


def _is_budget_column(path: Sequence[str]) -> bool:
    return any(BUDGET_GROUP_RE.search(label) and "决算" not in label for label in path[:-1])


def _split_code(parts: list[str], above: list[str]) -> str:
    """类 | 款 | 项 cells → one code; a blank 类/款 cell takes the one above when a lower part is printed."""
    parts = [re.sub(r"\s", "", p) for p in parts]
    full = next((p for p in reversed(parts) if CODE_RE.match(p) and len(p) > 3), "")
    if full:
        return full
    if not any(parts) or not all(p.isdigit() for p in parts if p):
        return ""
    for i in (0, 1):
        if not parts[i] and any(parts[i + 1:]):
            parts[i] = above[i]
    if not parts[0]:
        return ""
    code = parts[0]
    for part in parts[1:]:
        if not part:
            break
        code += part
    return code if CODE_RE.match(code) else ""


def _merged_code_parts(header: Header, data: list[Row], at: int, width: int) -> dict[str, int]:
    """'科目编码' printed over three columns with no 类 | 款 | 项 row under it: the codes in three cells, 3-digit
    classes then 2-digit parts (blank where inherited) — {class, section, item} → column, or {} when not so."""
    following = [i for i in (at + 1, at + 2) if i < width and (not header.paths[i] or header.paths[i] == header.paths[at])]
    if len(following) != 2:
        return {}

    def digits(index: int) -> list[str]:
        return [t for r in data if index < len(r.cells) and (t := re.sub(r"\s", "", r.texts[index])).isdigit()]

    classes, sections, items = digits(at), digits(at + 1), digits(at + 2)
    if not classes or any(len(t) != 3 for t in classes) or not sections or any(len(t) != 2 for t in sections + items):
        return {}
    if any(r.texts[i].strip() and not re.sub(r"\s", "", r.texts[i]).isdigit()
           for r in data for i in following if i < len(r.cells)):
        return {}  # words under them: not parts of a code
    return {"class": at, "section": at + 1, "item": at + 2}


def _coded(table: Table, reader: _Reader) -> tuple[tuple[str, ...], list[DisclosureRow]]:
    """Tables by 功能分类 code (公开02/03/05/07/08): code column(s), name, then the amount columns by header."""
    width = _width(table)
    header = read_header([r.texts for r in table.rows], width)
    data = _data_rows(table, header)
    aliases = COLUMN_ALIASES[reader.code]
    columns: dict[int, str] = {}
    code_at: int | None = None
    split_at: dict[str, int] = {}
    name_at: int | None = None
    for index, path in enumerate(header.paths):
        lowest = path[-1] if path else ""
        if lowest in SPLIT_CODE_LABELS:
            split_at[SPLIT_CODE_LABELS[lowest]] = index
        elif CODE_LABEL_RE.match(lowest):
            code_at = index if code_at is None else code_at
        elif lowest in NAME_LABELS and name_at is None and not columns:
            name_at = index
        elif lowest in LINE_LABELS or is_column_numbers([lowest]):
            continue  # 行次 / 栏次: numbers that are not amounts
        elif (key := match_column(path, aliases)) and key not in columns.values() and not _is_budget_column(path):
            columns[index] = key
        elif path:
            reader.unmapped_column(table, header, index, data)
    if code_at is None and not split_at:  # no code header: the first column holding codes
        code_at = next((i for i in range(width) if i not in columns and sum(
            1 for r in data if i < len(r.cells) and CODE_RE.match(r.texts[i])) >= 1), None)
    if code_at is not None and not split_at and (parts := _merged_code_parts(header, data, code_at, width)):
        split_at, code_at = parts, None
    if name_at is None:
        lead = [i for i in (code_at, *split_at.values()) if i is not None]
        name_at = max(lead) + 1 if lead and max(lead) + 1 not in columns else None
    for index in range(width):
        if index not in columns and index not in (code_at, name_at, *split_at.values()) and not header.paths[index]:
            reader.unmapped_column(table, header, index, data)
    first_amount = min(columns) if columns else width
    rows: list[DisclosureRow] = []
    above = ["", "", ""]
    for row in data:
        texts = row.texts

        def at(i: int | None, texts: list[str] = texts) -> str:
            return texts[i] if i is not None and i < len(texts) else ""

        if split_at:
            code = _split_code([at(split_at.get(k)) for k in ("class", "section", "item")], above)
            if code:
                above = [code[:3], code[3:5], code[5:7]]
        else:
            code = at(code_at) if CODE_RE.match(at(code_at)) else ""
        label = unspaced(at(name_at))  # '合 计' printed letter-spaced
        if not code and (match := re.match(r"^(\d{3}(?:\d{2}){0,2})\s*([\u4e00-\u9fff].*)$", label)):
            code, label = match.group(1), match.group(2)  # code and name printed in one cell
        if not label and not code:
            label = next((t for t in texts[:first_amount] if t and not is_number(t)), "")
        if not label and not code:
            continue
        shift = 0
        if not code and name_at is not None and is_number(at(name_at)) and first_amount > name_at:
            shift = -1  # a 合计 cell spanning code and name: the amounts start one column early
            label = next((t for t in texts if t), label)
        row_label = code or label
        cells = reader.cells(row, {i + shift: k for i, k in columns.items()}, row_label)
        rows.append(DisclosureRow(label=label, code=code, cells=cells,
                                  location=row.location.with_(table=reader.table_name, row=row_label)))
    return tuple(dict.fromkeys(columns.values())), rows


SIDE_NAME_RE = re.compile(r"^项目(?:\(.{1,12}\))?$")  # '项目(按功能分类)': the name column of a side


def _side_columns(header: Header, data: Sequence[Row], width: int) -> list[tuple[int, int | None, int]]:
    """Two-sided tables: (label column, 行次 column or None, end) per side, from the header or the content. A third
    side (a 收入支出决算总表 that also splits its spending by 支出性质) ends the second; it is no side read here."""
    labels = [i for i, p in enumerate(header.paths) if p and (p[-1] in NAME_LABELS or SIDE_NAME_RE.match(p[-1]))]
    if len(labels) < 2:  # the 项目 cells printed blank: the first column under each of 收入 and 支出
        sided = [i for i, p in enumerate(header.paths) if p in (["收入"], ["支出"])]
        if [header.paths[i] for i in sided] == [["收入"], ["支出"]]:
            labels = sided
    if len(labels) < 2:  # no 项目 headers: the columns of words
        labels = [i for i in range(width) if sum(
            1 for r in data if i < len(r.cells) and r.texts[i] and not is_number(r.texts[i])
            and not r.texts[i].isdigit()) > len(data) // 3]
        labels = [i for n, i in enumerate(labels) if n == 0 or i > labels[n - 1] + 1][:2]
    sides = []
    for n, start in enumerate(labels[:2]):
        end = labels[n + 1] if n + 1 < len(labels) else width
        line = next((i for i in range(start + 1, end) if (header.paths[i][-1:] == ["行次"]) or (
            not header.paths[i] and is_line_numbers([r.texts[i] for r in data if i < len(r.cells)]))), None)
        sides.append((start, line, end))
    return sides


def _halves(table: Table, reader: _Reader) -> tuple[tuple[str, ...], list[DisclosureRow]]:
    """D01 (项目 [行次] 金额 | 项目 [行次] 金额) and D04 (… | 项目 [行次] 合计 一般 基金 国资), 行次 optional."""
    width = _width(table)
    header = read_header([r.texts for r in table.rows], width)
    data = _data_rows(table, header)
    plan = []
    sides = _side_columns(header, data, width)
    if len(sides) < 2:
        reader.errors.append(ReadError("未能分出收入、支出两栏（表头应有两个“项目”列）",
                                       table.location.with_(table=reader.table_name)))
    if len(sides) == 2 and sides[1][2] < width and any(r.texts[sides[1][2]:] and any(r.texts[sides[1][2]:])
                                                       for r in data):
        first, shown = sides[1][2], header.label(sides[1][2]) or "（无表头）"
        reader.unmapped.append(f"第{first + 1}–{width}列“{shown}”")
        reader.errors.append(ReadError(f"第{first + 1}–{width}列“{shown}”是收入、支出两栏之外的第三栏，其中的数字未读取",
                                       table.location.with_(table=reader.table_name, column=f"第{first + 1}列")))
    for side, (start, line, end) in zip(("income", "expenditure"), sides, strict=False):
        aliases = SIDE_ALIASES[reader.code][side]
        columns: dict[int, str] = {}
        for index in range(start + 1, end):
            if index == line:
                continue
            key = match_column(header.paths[index], aliases)
            if key is None and reader.code in BUDGET_TITLES and header.paths[index]:
                key = match_column([YEAR_COLUMN_RE.sub("", header.paths[index][-1])], aliases)  # '2020年预算数'
            if key is None and not header.paths[index] and len(aliases) == 1:
                key = next(iter(aliases))  # one amount column on this side, headed only by its group
            if key and key not in columns.values():
                columns[index] = key
            else:
                reader.unmapped_column(table, header, index, data)
        plan.append((side, start, line, columns))
    data = place_rows(data, [Side(side, start, line, tuple(columns)) for side, start, line, columns in plan], width)
    rows: list[DisclosureRow] = []
    for side, start, line, columns in plan:
        counted, totals_reached = 0, False
        for row in data:
            texts = row.texts
            label = re.sub(r"^[一二三四五六七八九十]+、", "", unspaced(texts[start]) if start < len(texts) else "")
            if not label:
                _unlabelled(row, line, columns, reader)
                continue
            totals_reached = totals_reached or "合计" in label or "总计" in label
            if line is not None:
                line_no = texts[line] if line < len(texts) else ""
            else:  # no 行次 printed: the items above the first total are numbered in order
                counted += 0 if totals_reached else 1
                line_no = "" if totals_reached else str(counted)
            rows.append(DisclosureRow(label=label, line_no=line_no, side=side,
                                      cells=reader.cells(row, columns, label),
                                      location=row.location.with_(table=reader.table_name, row=label)))
    right = tuple(SIDE_ALIASES[reader.code]["expenditure"])
    return (("amount",) if reader.code in ("D01", *BUDGET_TITLES) else ("amount", *right)), rows


def _unlabelled(row: Row, line: int | None, columns: dict[int, str], reader: _Reader) -> None:
    """A side of a row printing a figure but no label: which item it is cannot be told, so it is reported unread."""
    texts = row.texts
    figures = [texts[i] for i in sorted(columns) if i < len(texts) and texts[i] and is_number(texts[i])]
    if not figures:
        return
    line_no = texts[line] if line is not None and line < len(texts) else ""
    where = f"第{line_no}行次" if line_no else "此行"
    reader.errors.append(ReadError(f"{where}印有数字{'、'.join(figures)}，但没有项目名称，未读取",
                                   row.location.with_(table=reader.table_name)))


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


def _sangong_item(text: str) -> str | None:
    """The 三公 item a row or column label names ('其中：公务用车运行维护费' → car_operation; '公务接待费支出' the
    same as 公务接待费), or None."""
    label = re.sub(r"^(?:其中[:：]?|\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])+", "",
                   normalize_label(text))
    bare = label.removesuffix("支出") if len(label) > 4 else label
    return next((key for key, names in COLUMN_ALIASES["D09"].items() if label in names or bare in names), None)


SPENT_COLUMN_RE = re.compile(r"^(?:20\d{2}年度?)?(?:实际)?支出(?:数|额)?$")  # '2020年度支出 (万元)' in a 决算 table


def _sangong_group(text: str, reader: _Reader | None = None) -> str:
    label = normalize_label(text)
    group = "final" if "决算" in label else "budget" if "预算" in label else ""
    if not group and reader is not None and not reader.budget_only and SPENT_COLUMN_RE.match(label):
        group = "final"  # what was spent in the year, in a 决算 table: its 决算数
    if reader is not None and reader.budget_only:  # a column of remarks beside the figures holds none of them
        return "budget" if group != "final" and label and not _sangong_item(label) and not REMARK_COLUMN_RE.search(
            label) else ""
    return group


def _sangong_by_rows(table: Table, reader: _Reader) -> dict[str, Amount] | None:
    """Items as rows (合计, 因公出国(境)费 … each a row) with 预算数 and 决算数 as columns, a group possibly split
    into 合计/一般公共预算/政府性基金 under it (its 合计 column is read); None when not this layout."""
    rows = [r for r in table.rows if any(r.texts)]
    if not rows:
        return None
    remarks = {i for i, t in enumerate(rows[0].texts) if i and REMARK_COLUMN_RE.search(normalize_label(t))}

    def is_item(row: Row) -> bool:  # an item label, then figures, blanks or cells not placed, not a 合计 sub-header
        return bool(_sangong_item(row.texts[0])) and all(
            not c.placed or not t or is_number(t.rstrip("%％")) or t.strip() in DASHES or i in remarks
            for i, (c, t) in enumerate(zip(row.cells, row.texts, strict=True)) if i)

    first = next((i for i, r in enumerate(rows) if is_item(r)), None)
    if not first or sum(1 for r in rows[first:] if is_item(r)) < 2:
        return None
    if (by_year := _sangong_year_columns(rows[0].texts, reader, rows[0].location)) is not None:
        return _sangong_item_rows(rows, first, by_year, reader, is_item) if by_year else None
    # the columns of figures: up to the last one filled in any row (empty cells a copied table trails, '| ||||', and a
    # column of remarks after the figures are none)
    filled = [i for r in rows for i, t in enumerate(r.texts) if i and t.strip() and i not in remarks]
    width = min(max(len(r.cells) for r in rows[first:]) - 1, max(filled, default=0))
    sourced = reader.budget_only and any(FUND_SOURCE_RE.match(normalize_label(t)) for t in rows[0].texts)
    labelled = [(i, g, _part_column(t)) for i, t in enumerate(rows[0].texts)
                if i and t and (g := _sangong_group(t, reader) or (
                    "budget" if sourced and normalize_label(t) in ("合计", "小计") else ""))]  # over its sources
    if len(labelled) == width and any(part for _, _, part in labelled):  # '本年预算数 | 其中：财政拨款': the part unread
        for index, _, part in labelled:
            if part:
                what = "合计列按资金来源的分项" if FUND_SOURCE_RE.match(normalize_label(rows[0].texts[index])) else "前一列的其中数"
                reader.errors.append(ReadError(
                    f"{reader.table_name} 的“{rows[0].texts[index]}”列是{what}，三公经费表只读取"
                    f"{'合计列' if what.startswith('合计') else '前一列'}，此列未读取",
                    rows[0].location.with_(table=reader.table_name, column=rows[0].texts[index])))
        whole = {i: g for i, g, part in labelled if not part}
        return _sangong_item_rows(rows, first, whole, reader, is_item) if len(set(whole.values())) == len(whole) \
            else None
    groups = [g for _, g, _ in labelled]
    if not groups or width % len(groups):
        return None
    span = width // len(groups)
    columns: dict[int, str] = {}
    below = [t for r in rows[1:first] for t in r.texts if t]  # the labels under each group, in order
    for number, group in enumerate(groups):
        indexes = range(1 + number * span, 1 + (number + 1) * span)
        if span == 1:
            columns[indexes[0]] = group
        elif len(below) == width:
            total = next((i for i in indexes if normalize_label(below[i - 1]) in ("合计", "小计")), None)
            if total is not None:
                columns[total] = group
    if not columns:
        return None
    return _sangong_item_rows(rows, first, columns, reader, is_item)


# A column of one source of the money beside the 合计 column of a 预算公开's 三公 table ('合计 | 一般公共预算 | 政府性基金预算
# | 国有资本经营预算'): a part of the 合计, as a '其中' column is.
FUND_SOURCE_RE = re.compile(r"^(?:其中[:：]?)?(?:一般公共预算|政府性基金预算?|国有资本经营预算|财政拨款|财政专户(?:管理资金)?"
                            r"|事业收入|事业单位经营收入|其他收入|上级补助收入|单位资金|其他资金)(?:财政拨款|拨款|资金|收入)?$")


def _part_column(text: str) -> bool:
    """A column holding a part of another ('其中：财政拨款', a source of the money): never the group's own figure."""
    label = normalize_label(text)
    return label.startswith("其中") or FUND_SOURCE_RE.match(label) is not None


# Words a row under one 三公 item names (国内接待费, 外事接待费 …): a part of that item, not read into 公开09.
SANGONG_PART_WORDS = (("接待", "公务接待费"), ("公务用车", "公务用车购置及运行维护费"), ("公车", "公务用车购置及运行维护费"),
                      ("出国", "因公出国(境)费"))
CHANGE_RE = re.compile(r"增减|增、减|增加|减少|增长|下降|比上年|幅度|增幅|变动|对比(?:数|额)?$")
DASHES = frozenset({"-", "—", "－", "--", "——"})  # a cell printed as a dash: nothing to show
REMARK_COLUMN_RE = re.compile(r"原因|说明|备注")  # a column of words beside the figures ('增减原因')
RELATIVE_YEARS = {"上年": -1, "本年": 0}  # '上年决算数 | 本年决算数': the 本年 column is the year reported
RELATIVE_BASE = 2  # 本年/上年 ordered among themselves when no column prints its year
YEAR_RE = re.compile(r"(20\d{2})(?:年|[-－—](?=\D))")  # "2023-预算数": the 年 printed as a dash


def _sangong_year_columns(header: Sequence[str], reader: _Reader,
                          where: Location | None = None) -> dict[int, str] | None:
    """Columns of a header whose 预算/决算 columns name their years ('2021年决算数 | 2022年决算数'), beside a 行次
    column or a change column: the latest year of each group is the year reported, the earlier one its
    comparison. None when the header is not of this kind; {} when a group's column cannot be told apart. `where`:
    the header row, where a column left unread is said to be."""
    at = where or Location(document=reader.path)
    labels = [normalize_label(t) if not _part_column(t) else "" for t in header]  # a part column
    named = [g for i, label in enumerate(labels) if i and label and not CHANGE_RE.search(label)
             and (g := _sangong_group(label, reader))]
    marked = any(label in ("行次", "栏次") or CHANGE_RE.search(label) for label in labels[1:])
    if not marked and len(set(named)) == len(named):  # no group printed twice: no year to choose between
        return None
    by_group: dict[str, list[tuple[int | None, int | None, int]]] = {}
    for index, label in enumerate(labels):
        if index and label and not CHANGE_RE.search(label) and (group := _sangong_group(label, reader)):
            year = YEAR_RE.search(label)
            relative = next((shift for word, shift in RELATIVE_YEARS.items() if label.startswith(word)), None)
            by_group.setdefault(group, []).append((int(year.group(1)) if year else None, relative, index))
    columns: dict[int, str] = {}
    for index, label in enumerate(labels):
        if index and CHANGE_RE.search(label) and not REMARK_COLUMN_RE.search(label):  # a change column repeats the difference of two others: listed, not read
            reader.errors.append(ReadError(
                f"{reader.table_name} 的“{header[index]}”列是增减变化的数字，三公经费表只读取本年度的列，此列未读取",
                at.with_(table=reader.table_name, column=header[index])))
    for group, found in by_group.items():
        named_year = max((y for y, _, _ in found if y), default=None)  # 本年/上年 are read against it when printed
        years = sorted((y if y else (named_year or RELATIVE_BASE) + r if r is not None else 0, i) for y, r, i in found)
        unplaced = any(r is not None for _, r, _ in found) and any(y is None and r is None for y, r, _ in found)
        if len(years) > 1 and (years[-1][0] == 0 or years[-1][0] == years[-2][0] or unplaced):
            return {}  # two columns of one group and nothing says which is the year reported
        columns[years[-1][1]] = group
        for year, index in years[:-1]:  # the comparison year's column: no 公开09 figure holds it, said so
            named = f"{year}年" if year > RELATIVE_BASE else "上年"
            reader.errors.append(ReadError(
                f"{reader.table_name} 的“{header[index]}”列是对比年度（{named}）的数字，三公经费表只读取本年度的列，此列未读取",
                at.with_(table=reader.table_name, column=header[index])))
    return columns


def _sangong_item_rows(rows: list[Row], first: int, columns: dict[int, str], reader: _Reader,
                       is_item: Callable[[Row], bool]) -> dict[str, Amount]:
    cells: dict[str, Amount] = {}
    blank: dict[str, Row] = {}  # item rows printed with an empty cell in a column read
    for row in rows[first:]:
        if is_item(row) and (key := _sangong_item(row.texts[0])):
            label = normalize_label(row.texts[0])
            found = reader.cells(row, columns, label)
            cells.update({f"{group}_{key}": amount for group, amount in found.items()})
            blank.update({f"{group}_{key}": row for i, group in columns.items()
                          if i < len(row.texts) and not row.texts[i].strip() and row.cells[i].placed})
            reader.not_placed.update(("三公经费", f"{group}_{key}") for i, group in columns.items()
                                     if i < len(row.cells) and not row.cells[i].placed
                                     and not holds_nothing(row.texts[i]))  # unknown, not blank
    for group in set(columns.values()):
        for whole, parts in (("total", ("overseas", "car", "car_purchase", "car_operation", "reception")),
                             ("car", ("car_purchase", "car_operation"))):
            row = blank.get(f"{group}_{whole}")
            if row is not None and any(cells[k].value for p in parts if (k := f"{group}_{p}") in cells):
                reader.not_placed.add(("三公经费", f"{group}_{whole}"))  # left unfilled over figures: unknown, not 0
                reader.errors.append(ReadError(
                    f"{reader.table_name}“{row.texts[0]}”行{column_name(f'{group}_{whole}')}空白，而其下各项有数字："
                    "空白不作为0核对，此格未读取", row.location.with_(table=reader.table_name, row=row.texts[0])))
    for number, row in enumerate(rows[1:], start=2):
        if not is_item(row) and not _sangong_group(row.texts[0]) and any(is_number(t) for t in row.texts[1:]) \
                and count_name(row.texts[0]) is None:  # a count beside the items is read with the counts (S09)
            shown = row.texts[0] or "（无项目名称）"
            part_of = next((name for word, name in SANGONG_PART_WORDS if word in normalize_label(shown)), None)
            what = f"是{part_of}的细目" if part_of else "不是三公经费的某一项"
            reader.unmapped.append(f"第{number}行“{shown}”")
            reader.errors.append(ReadError(f"{reader.table_name} 第{number}行“{shown}”{what}，其中的数字未读取",
                                           row.location.with_(table=reader.table_name)))
    return cells


def _sangong_by_columns(table: Table, reader: _Reader) -> dict[str, Amount] | None:
    """Items as columns with one row each for 预算数 and 决算数 (the row's first cell names it); None when not
    this layout."""
    rows = [r for r in table.rows if any(r.texts)]
    valued = [r for r in rows if _sangong_group(r.texts[0]) and any(is_number(t) for t in r.texts[1:])
              and all(not t or is_number(t) for t in r.texts[1:])]
    header = next((r for r in rows if sum(1 for t in r.texts[1:] if _sangong_item(t)) >= 2), None)
    if not valued or header is None or rows.index(header) > rows.index(valued[0]):
        return None
    groups = [_sangong_group(r.texts[0]) for r in valued]
    columns = {i: key for i, t in enumerate(header.texts) if i and (key := _sangong_item(t))}
    if len(set(groups)) < len(groups) or len(set(columns.values())) < len(columns):
        return None  # two rows of one group (years, changes) or an item over several columns: another layout's
    cells: dict[str, Amount] = {}
    for row in valued:
        group = _sangong_group(row.texts[0])
        cells.update({f"{group}_{key}": a for key, a in reader.cells(row, columns, normalize_label(row.texts[0])).items()})
    return cells


CAR_PARTS = ("car", "car_purchase", "car_operation")
SANGONG_ITEMS = ("overseas", "car", "reception")
SUBTOTALS = ("合计", "小计")
# A row of a table comparing years item by item, named by its year ('2016年', '2015年决算数', '2016-支出').
YEAR_ROW_RE = re.compile(r"^((?:19|20)\d{2})\s*(?:年度?|[-－—])\s*(?:决算数?|预算数?|(?:实际)?支出(?:数|额)?)?$")


def _flattened_leaves(labels: Sequence[str]) -> list[str | None] | None:
    """The item of each column under a header of items whose second tier — 公务用车 split into its 合计/小计, 购置 and
    运行 — was printed in the same run (a web table flattened row by row: the parts right after the car, or after the
    last item when the car spans columns in the middle). A word before the items heads the label column ('年度',
    '项目'). None when a word is no item, or the parts belong to no car column."""
    keys: list[str | None] = []
    for number, label in enumerate(labels):
        key = _sangong_item(label) or ("total" if normalize_label(label) in SUBTOTALS else None)
        if key is None and not keys and number == 0:
            continue  # the label column's header
        keys.append(key)
    if None in keys or not keys:
        return None
    run = 0  # the trailing run of the car's parts: its 合计/小计 first, when printed, then 购置 and 运行
    while run < len(keys) and keys[-1 - run] in ("car_purchase", "car_operation"):
        run += 1
    if run and run < len(keys) and keys[-1 - run] == "total":
        run += 1
    leaves: list[str | None] = list(keys)
    if run and "car" in keys[:len(keys) - run]:
        car = keys.index("car")
        parts = ["car" if k == "total" else k for k in keys[len(keys) - run:]]
        leaves = [*keys[:car], *parts, *keys[car + 1:len(keys) - run]]
    return leaves if len(set(leaves)) == len(leaves) else None


FIGURE_IN_WORDS_RE = re.compile(r"\d")


def _tiered_leaves(rows: Sequence[Row], width: int) -> list[str | None] | None:
    """The item of each figure column under a header of several rows, each column's labels top to bottom (a span
    repeated over its columns, or printed once; see headers.column_paths), a column-number row (行次 / 栏次) left
    out; a column naming none of the items ('公务接待费 / 行政运行', a part by function) is None. None when the header
    is one row (read as a flattened run instead) or names fewer than two items."""
    head = [r.texts for r in rows if any(r.texts) and not is_column_numbers(r.texts)]
    if len(head) < 2:
        return None
    paths = column_paths(head, width + 1)[1:]
    leaves = [match_column(path, COLUMN_ALIASES["D09"]) for path in paths]
    return leaves if sum(1 for leaf in leaves if leaf) >= 2 else None


def _sangong_by_year_rows(table: Table, reader: _Reader) -> dict[str, Amount] | None:
    """Items as columns under a header (its tiers possibly flattened into one run, see _flattened_leaves, or printed
    as rows of their own, see _tiered_leaves), one row of figures per year ('2015年' / '2016年') and perhaps a row of
    their changes: the latest year's row is the year reported — its 决算数 in a 决算 table, unless its label says 预算
    — the earlier years and the changes are listed as not read. The latest year may have a 预算数 row and a 决算数 row:
    each is read in its group. A column naming no item (a part of one by function) is listed as not read, and a cell
    of words with a figure in it ('以前年度结转资金9.83') does not keep its row from being read when it stands in such a
    column. None when not this layout; {} (reported unread) when the figures do not match the items one to one or
    two rows name the same year and group."""
    rows = [r for r in table.rows if any(r.texts)]

    def figures(row: Row) -> bool:
        return any(is_number(t.rstrip("%％")) for t in row.texts[1:]) and all(
            not t or is_number(t.rstrip("%％")) or t.strip() in DASHES or not c.placed or FIGURE_IN_WORDS_RE.search(t)
            for c, t in zip(row.cells[1:], row.texts[1:], strict=True))

    years = [(int(m.group(1)), r) for r in rows if (m := YEAR_ROW_RE.match(normalize_label(r.texts[0]))) and figures(r)]
    if not years:
        return None
    first = rows.index(years[0][1])
    width = max(len(r.cells) for _, r in years) - 1
    labels = _join_wrapped_items([t for r in rows[:first] if not is_column_numbers(r.texts) for t in r.texts if t])
    leaves = _flattened_leaves(labels) if sum(1 for t in labels if _sangong_item(t)) >= 2 else None
    if leaves is None or len(leaves) != width:
        leaves = _tiered_leaves(rows[:first], width) or leaves
    if leaves is None and sum(1 for t in labels if _sangong_item(t)) < 2:
        return None
    where = years[0][1].location.with_(table=reader.table_name)
    latest = max(year for year, _ in years)

    def group_of(row: Row) -> str:
        label = normalize_label(row.texts[0])
        return "budget" if reader.budget_only or ("预算" in label and "决算" not in label) else "final"

    reported = [r for year, r in years if year == latest]
    groups = [group_of(r) for r in reported]
    if leaves is None or len(leaves) != width or len(set(groups)) < len(groups) or not any(leaves):
        why = f"两行都是{latest}年" if len(set(groups)) < len(groups) else \
            f"{width} 列数字无法与表头各项（{'、'.join(labels)}）一一对应"
        reader.unmapped.append("表格布局")
        reader.errors.append(ReadError(f"{reader.table_name} 按年度分行的三公经费表：{why}，其中的数字未读取", where))
        return {}
    head = [r.texts for r in rows[:first] if not is_column_numbers(r.texts)]
    paths = column_paths(head, width + 1)[1:] if len(head) > 1 else [[t] for t in labels[-width:]]
    for index, leaf in enumerate(leaves, start=1):
        if leaf is None:
            shown = "/".join(paths[index - 1]) if index - 1 < len(paths) else "（无表头）"
            part_of = next((_sangong_item(p) for p in paths[index - 1][:-1] if _sangong_item(p)), None) \
                if index - 1 < len(paths) else None
            what = f"是{LEAF_NAMES[part_of]}的细目" if part_of else "不是三公经费的某一项"
            reader.errors.append(ReadError(f"{reader.table_name} 的“{shown}”列{what}，三公经费表只读取各项，此列未读取",
                                           rows[0].location.with_(table=reader.table_name, column=shown)))
    for other in rows[first:]:
        name = normalize_label(other.texts[0])
        if other in reported or not figures(other):
            continue
        what = "是增减变化的数字" if CHANGE_RE.search(name) else next(
            (f"是对比年度（{year}年）的数字" for year, r in years if r is other), "不是某一年度的数字")
        reader.errors.append(ReadError(f"{reader.table_name} 的“{other.texts[0]}”行{what}，三公经费表只读取本年度的行，此行未读取",
                                       other.location.with_(table=reader.table_name, row=other.texts[0])))
    found: dict[str, Amount] = {}
    for row, group in zip(reported, groups, strict=True):
        columns = {index: f"{group}_{leaf}" for index, leaf in enumerate(leaves, start=1) if leaf}
        found.update(reader.cells(row, columns, normalize_label(row.texts[0])))
    return found


def _sangong_headerless(table: Table, reader: _Reader) -> dict[str, Amount] | None:
    """Items as rows with no header at all (no cell names 预算数 or 决算数): each row an item then as many figures,
    the first row possibly without its label. None when not this layout. Its columns are read only when nothing
    rests on which of them is which: one column in a 预算公开 (all 预算数), or two columns equal in every row (预算数 =
    决算数, whichever order they were printed in); else the table is reported unread ({}). A row without a label is
    the 合计 only when, in every column, it equals 出国 + 公务用车 + 接待 (the arithmetic decides, not its place)."""
    rows = [r for r in table.rows if any(r.texts)]
    if not rows or any(_sangong_group(t) for r in rows for t in r.texts):
        return None
    width = len(rows[0].cells)
    keys = [_sangong_item(r.texts[0]) if r.texts[0] else "" for r in rows]
    if (None in keys or keys.count("") > 1 or (keys[0] != "" and "" in keys) or sum(1 for k in keys if k) < 2
            or any(len(r.cells) != width or not all(is_number(t) for t in r.texts[1:]) for r in rows)):
        return None
    where = rows[0].location.with_(table=reader.table_name)
    values = [[parse_decimal(t) for t in r.texts[1:]] for r in rows]
    if reader.budget_only and width == 2:
        groups = ["budget"]
    elif not reader.budget_only and width == 3 and all(v[0] == v[1] for v in values):
        groups = ["budget", "final"]  # the same figures whichever column is which
    else:
        reader.unmapped.append("表格布局")
        reader.errors.append(ReadError(f"{reader.table_name} 没有表头，不能确定各列是预算数还是决算数，其中的数字未读取", where))
        return {}
    by_key = {k: v for k, v in zip(keys, values, strict=True) if k}
    cells: dict[str, Amount] = {}
    if "" in keys:
        car = by_key.get("car") or ([a + b for a, b in zip(by_key["car_purchase"], by_key["car_operation"], strict=True)]
                                    if "car_purchase" in by_key and "car_operation" in by_key else None)
        items = [by_key.get("overseas"), car, by_key.get("reception")]
        if any(i is None for i in items) or any(values[0][c] != sum(i[c] for i in items) for c in range(width - 1)):  # type: ignore[index]
            reader.unmapped.append("第1行（无项目名称）")
            reader.errors.append(ReadError(f"{reader.table_name} 第1行没有项目名称，其数字也不等于因公出国（境）费、公务用车"
                                           "购置及运行维护费、公务接待费之和，不能认定为合计，此行未读取", where))
        else:
            keys[0] = "total"
    for row, key in zip(rows, keys, strict=True):
        if key:
            found = reader.cells(row, {c + 1: g for c, g in enumerate(groups)}, normalize_label(row.texts[0]) or "合计")
            cells.update({f"{group}_{key}": amount for group, amount in found.items()})
    return cells


def _sangong_by_leaves(table: Table, reader: _Reader) -> dict[str, Amount] | None:
    """One row of figures with no label under a header of items, 公务用车 split on a second header row into
    小计/购置/运行 (the second row's cells printed from the left, not under their group): the items in reading order,
    the group's parts in its place, one figure each. None when not this layout; {} (reported unread) when the
    figures do not match the items one to one, or when nothing says whether they are 预算数 or 决算数."""
    rows = [r for r in table.rows if any(r.texts)]
    values_at = next((i for i, r in enumerate(rows) if sum(1 for t in r.texts if t) >= 3
                      and all(is_number(t) for t in r.texts if t)), None)
    if values_at is None:
        return None
    values_row = rows[values_at]
    indexes = [i for i, t in enumerate(values_row.texts) if t]
    groups = _column_groups(rows[:values_at], len(indexes), reader)
    above = [r for r in rows[:values_at] if groups is None or r is not rows[values_at - 1]]
    header = [_join_wrapped_items([t for t in r.texts if t]) for r in above]
    header = [labels for labels in header if any(_sangong_item(t) or normalize_label(t) in ("小计", "合计")
                                                  for t in labels)]
    if not header or len(header) > 2 or any(_sangong_group(t) and len(normalize_label(t)) <= 8
                                            for r in above for t in r.texts):  # 预算数/决算数 groups
        return None
    upper = header[0]
    lower = header[1] if len(header) == 2 else []
    if len(header) == 1:  # the tiers flattened into one run: the lower tier opens at 小计
        at = next((i for i, t in enumerate(upper) if i and normalize_label(t) == "小计"), len(upper))
        upper, lower = upper[:at], upper[at:]
        while upper and not _sangong_item(upper[0]) and normalize_label(upper[0]) != "合计" and "三公" in upper[0]:
            upper = upper[1:]  # a title spanning every column (一般公共预算财政拨款“三公”经费)
    leaves: list[str | None] = []
    for number, label in enumerate(upper, start=1):
        key = _sangong_item(label) or ("total" if normalize_label(label) == "合计" else None)
        parts = [("car" if normalize_label(t) == "小计" else _sangong_item(t)) for t in lower]
        own = next((i for i, p in enumerate(parts) if p not in CAR_PARTS), len(parts))
        after = parts[own:]  # items printed after the car's parts, the last upper cell being the car group
        if key == "car" and own and (not after or (number == len(upper) and all(
                p and p not in CAR_PARTS and p not in leaves for p in after))):
            leaves.extend(parts)
            lower = []
        else:
            leaves.append(key)
    where = values_row.location.with_(table=reader.table_name)
    if groups is not None:
        return _grouped_leaves(values_row, indexes, leaves, groups, lower, header, reader)
    if not lower and None not in leaves and len(indexes) == len(leaves) - 1 and reader.budget_only:
        placed = _one_left_out(values_row, indexes, leaves)
        if placed is not None:
            left_out, columns = placed
            reader.errors.append(ReadError(
                f"{reader.table_name} 的数字比表头各项少一个：按表中合计与各项的关系，未印出的是“{left_out}”", where))
            return reader.cells(values_row, columns, "三公经费")
    if lower or None in leaves or len(indexes) != len(leaves) or not reader.budget_only:
        shown = "、".join(t for labels in header for t in labels)
        reader.unmapped.append("表格布局")
        unmarked = not reader.budget_only and not reader.merged  # a merged row may have held the 预算数/决算数 tier
        reader.errors.append(ReadError(f"{reader.table_name} 的 {len(indexes)} 个数字无法与表头各项（{shown}）一一对应"
                                       f"{'，且未标明预算数或决算数' if unmarked else ''}，其中的数字未读取", where))
        return {}
    columns = {i: f"budget_{key}" for i, key in zip(indexes, leaves, strict=True) if key}
    return reader.cells(values_row, columns, "三公经费")


def _column_groups(rows: Sequence[Row], count: int, reader: _Reader) -> list[str] | None:
    """The header's lowest tier when it labels every figure column 预算数 or 决算数 (the row just above the figures,
    as many labels as figures, nothing else in it); None when there is no such tier."""
    if not rows:
        return None
    labels = [t for t in rows[-1].texts if t]
    groups = [_sangong_group(t, reader) for t in labels]
    if len(labels) != count or not all(groups) or any(len(normalize_label(t)) > 8 for t in labels):
        return None
    return groups


def _join_wrapped_items(labels: list[str]) -> list[str]:
    """Header cells an item's name was wrapped over ('因公出国' / '(境)费', '公务用车' / '购置费'), joined back when
    the two together name an item and one of them alone does not."""
    out: list[str] = []
    for label in labels:
        if out and _sangong_item(out[-1] + label) and not (_sangong_item(out[-1]) and _sangong_item(label)):
            out[-1] += label
        else:
            out.append(label)
    return out


def _grouped_leaves(row: Row, indexes: list[int], leaves: list[str | None], groups: list[str], lower: list[str],
                    header: list[list[str]], reader: _Reader) -> dict[str, Amount]:
    """The figures under items each split into the same run of 预算数/决算数 columns: item by item in reading
    order, each taking as many columns as the run; {} (reported unread) when the items and the columns do not
    divide evenly or the run differs from item to item."""
    span = len(groups) // len(leaves) if leaves and None not in leaves and not lower else 0
    runs = [groups[i:i + span] for i in range(0, len(groups), span)] if span else []
    if not span or span * len(leaves) != len(groups) or len(set(map(tuple, runs))) != 1 or len(set(runs[0])) != span:
        shown = "、".join(t for labels in header for t in labels)
        reader.unmapped.append("表格布局")
        reader.errors.append(ReadError(f"{reader.table_name} 的 {len(indexes)} 个数字无法与表头各项（{shown}）及其预算数、"
                                       "决算数各列一一对应，其中的数字未读取", row.location.with_(table=reader.table_name)))
        return {}
    columns = {i: f"{groups[n]}_{leaves[n // span]}" for n, i in enumerate(indexes)}
    return reader.cells(row, columns, "三公经费")


LEAF_NAMES = {"total": "合计", "overseas": "因公出国(境)费", "car": "公务用车购置及运行维护费（小计）",
              "car_purchase": "公务用车购置费", "car_operation": "公务用车运行维护费", "reception": "公务接待费"}


def _one_left_out(row: Row, indexes: list[int], leaves: list[str | None]) -> tuple[str, dict[int, str]] | None:
    """A row of figures one short of its header's items: the item left out is the one whose absence makes every
    sum the table holds (合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行) hold exactly with the others in
    order; (its name, the columns) when exactly one does, else None (the table then stays unread)."""
    if set(leaves) != set(D09_COLUMNS) or len(leaves) != len(D09_COLUMNS):
        return None
    numbers = [parse_decimal(row.texts[i]) for i in indexes]
    if any(n is None for n in numbers):
        return None
    fits: list[tuple[str, dict[int, str]]] = []
    for gap in range(len(leaves)):
        keys = [k for n, k in enumerate(leaves) if n != gap]
        value = dict(zip(keys, numbers, strict=True))
        car = value.get("car")
        parts = value.get("car_purchase"), value.get("car_operation")
        car_sum = parts[0] + parts[1] if parts[0] is not None and parts[1] is not None else None
        if car is not None and car_sum is not None and car != car_sum:
            continue
        used = car if car is not None else car_sum
        items = value.get("overseas"), used, value.get("reception")
        if "total" not in value or any(i is None for i in items) or value["total"] != sum(items):  # type: ignore[arg-type]
            continue
        fits.append((LEAF_NAMES[str(leaves[gap])], {i: f"budget_{k}" for i, k in zip(indexes, keys, strict=True)}))
    return fits[0] if len(fits) == 1 else None


def _sangong(table: Table, reader: _Reader) -> tuple[tuple[str, ...], list[DisclosureRow]]:
    """D09: one row of figures, 预算数 and 决算数 each split into 合计, 出国, 公务用车 (小计, 购置, 运行), 接待; or the
    same figures with the items as rows, or with 预算数/决算数 as rows. Mapped by labels only; a table with
    figures none of these layouts can place is reported as unread, never taken for a blank table. 会议费 and 培训费,
    when the table prints them beside the 三公, are read the same way (their columns listed only then)."""
    keys = [f"budget_{k}" for k in D09_COLUMNS] + [f"final_{k}" for k in D09_COLUMNS]
    printed = {key for row in table.rows for t in row.texts if (key := _sangong_item(t)) in D09_EXTRA}
    column_keys = (*keys, *(f"{group}_{k}" for group in ("budget", "final") for k in D09_EXTRA if k in printed))
    if reader.budget_only:
        column_keys = tuple(k for k in column_keys if k.startswith("budget_"))
    location = table.rows[0].location.with_(table=reader.table_name) if table.rows else table.location
    for layout in (_sangong_by_leaves, _sangong_by_rows, _sangong_by_columns, _sangong_by_year_rows,
                   _sangong_headerless):
        found = layout(table, reader)
        if found or (found is not None and layout in (_sangong_by_leaves, _sangong_by_year_rows, _sangong_headerless)):
            # a group the table does not print ('2017年决算' only) is unknown, not 0, and so is a 合计 it does not print
            # (an item row left out may be a zero; a total left out is not)
            totalled = any(_sangong_item(t) == "total" for row in table.rows for t in row.texts)
            groups = {key.split("_", 1)[0] for key in found}
            read = tuple(k for k in column_keys if k in found or (
                k.split("_", 1)[0] in groups and (totalled or not k.endswith("_total"))))
            return column_keys, [DisclosureRow(label="三公经费", cells=found, location=location, read=read)]
    width = _width(table)
    header = read_header([r.texts for r in table.rows], width)
    columns: dict[int, str] = {}
    for index, path in enumerate(header.paths):
        group = "final" if any("决算" in p for p in path) else "budget" if any("预算" in p for p in path) else ""
        group = "budget" if reader.budget_only and group != "final" else group
        key = match_column(path, COLUMN_ALIASES["D09"])
        if group and key and f"{group}_{key}" not in columns.values():
            columns[index] = f"{group}_{key}"
    if len(columns) < len(keys) and width == len(keys):  # headers not all named: the standard order
        columns = dict(enumerate(keys))
    data = _data_rows(table, header)
    row = next((r for r in data if any(is_number(t) for t in r.texts)), None)
    if row is None:
        return column_keys, []
    items_as_rows = sum(1 for r in data if r.texts and _sangong_item(r.texts[0])) >= 2
    # a row of figures alone, every cell filled, under a header of more words, every cell filled too (a header of tiers
    # or of names wrapped over cells, over one row: ingest.textlayout.header_over_figure_lines): the figures stand under
    # no word in particular, so their places say nothing of their columns (a row whose empty cells at its end were
    # left off, as a spreadsheet does, still stands under its header's spans)
    widest = max(table.rows, key=lambda r: len(r.cells))
    unaligned = len(row.cells) < width and all(is_number(t) for t in row.texts) and all(widest.texts)
    cells = reader.cells(row, columns, "三公经费") if not items_as_rows and not unaligned else {}  # unread
    if not cells:
        reader.unmapped.append("表格布局")
        reader.errors.append(ReadError(f"{reader.table_name} 三公经费表的行列无法对应到预算数、决算数及各项，其中的数字未读取",
                                       table.location.with_(table=reader.table_name)))
    read = column_keys if cells else ()  # a layout not understood reads no column: its figures are unknown, not 0
    return read, [DisclosureRow(label="三公经费", cells=cells, location=row.location.with_(table=reader.table_name))]


# The unit of a count a 公开10 row's label states in its last brackets ('（一）车辆数合计（辆）', '（二）单价50万元以上通用
# 设备（台，套）', '办公用房面积（平方米）'), or the count its name says it is ('车辆数').
COUNT_UNIT_RE = re.compile(r"[（(]\s*((?:辆|个|人|台|套|平方米|平米|㎡|处|栋|间|宗|亩)(?:\s*[、，,/]\s*(?:台|套|个|辆))?)\s*[)）]\s*$")
COUNTED_NAME_RE = re.compile(r"车辆数|车辆总数")
MONEY_LABEL_RE = re.compile(r"[（(]\s*(?:万元|元|亿元)\s*[)）]\s*$")
GROUP_NUMBER_RE = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")


def _count_unit(label: str) -> str:
    """The unit of the count a 公开10 row's label states ('辆'), '' for a row of money."""
    if (match := COUNT_UNIT_RE.search(unspaced(label))) is not None:
        return match.group(1)
    return "辆" if COUNTED_NAME_RE.search(unspaced(label)) else ""


def _statistics(table: Table, reader: _Reader) -> tuple[tuple[str, ...], list[DisclosureRow]]:
    """D10: label, 行次, value; section titles ('一、政府采购情况') give the rows their group. A row whose label
    states a count's unit ('（一）车辆数合计（辆）'), and the rows numbered under it ('1. 主要负责人用车'), print a count,
    not money: its figure is read as a count in that unit (column 'count'), never scaled as an amount."""
    rows: list[DisclosureRow] = []
    section = ""
    counted = ""  # the unit of the count the group row above states, for the rows numbered under it
    for row in table.rows:
        filled = [(i, t) for i, t in enumerate(row.texts) if t]
        if not filled:
            continue
        first = unspaced(filled[0][1])  # '项 目', '合 计' printed letter-spaced
        if re.match(r"^[一二三四五六七八九十]+、", first):
            section = re.sub(r"^[一二三四五六七八九十]+、", "", first)
            counted = ""
            continue
        if first in ("项目", "栏次") or first.startswith("项目"):
            continue
        label = re.sub(r"^[（(][一二三四五六七八九十]+[)）]\s*|^\d+[.．、]\s*", "", first)
        unit = _count_unit(label)
        if GROUP_NUMBER_RE.match(first):
            counted = unit
        elif not unit and not MONEY_LABEL_RE.search(unspaced(label)):
            unit = counted  # '1. 主要负责人用车' under '（一）车辆数合计（辆）'
        numbers = [(i, t) for i, t in filled[1:]]
        line_no = numbers[0][1] if numbers and numbers[0][1].isdigit() and len(numbers[0][1]) <= 3 else ""
        values = numbers[1:] if line_no else numbers
        cells = {}
        if values:
            i, text = values[0]
            if unit:
                count = reader.count(text, reader.cell_location(row, i, label, f"数量（{unit}）"))
                if count is not None:
                    cells["count"] = count
            else:
                amount = reader.amount(text, reader.cell_location(row, i, label, "amount"))
                if amount is not None:
                    cells["amount"] = amount
        rows.append(DisclosureRow(label=f"{section}/{label}" if section else label, line_no=line_no, cells=cells,
                                  location=row.location.with_(table="公开10", row=label)))
    return ("amount", "count") if any("count" in r.cells for r in rows) else ("amount",), rows


LAYOUTS = {"D01": _halves, "D04": _halves, "B01": _halves, "D06": _blocks, "D09": _sangong, "D10": _statistics}


def read_table(code: str, table: Table, unit: str, path: str, budget_only: bool = False) -> tuple[
        DisclosureTable, list[ReadError]]:
    """One 决算 table in its layout; the unit of a header label (“决算数（万元）”) wins over the caption's.
    `budget_only`: the 三公 table of a 预算公开 (its figures are 预算数; named as printed, not 公开09)."""
    unit = read_header([r.texts for r in table.rows], _width(table)).unit or unit
    reader = _Reader(code, unit, path, budget_only)
    table = _without_merged_rows(table, reader)
    layout = LAYOUTS.get(code, _coded)
    columns, rows = layout(table, reader)
    if table.clipped:  # what the page shows is not the whole table: nothing of it is taken as read
        reader.unmapped = ["超出页面边缘的栏目"]
        reader.errors = [ReadError(f"{reader.table_name}：表格超出页面边缘，边缘外的栏目未印出，无法确定各栏对应，"
                                   "本表数据未读取，未核对", table.location.with_(table=reader.table_name))]
        rows = [replace(r, cells={}, read=()) for r in rows]
    if reader.not_placed:  # a cell left open is unknown, not blank: its row says which columns were read
        rows = [replace(r, read=tuple(c for c in (columns if r.read is None else r.read)
                                      if (r.code or r.label, c) not in reader.not_placed))
                if any(label == (r.code or r.label) for label, _ in reader.not_placed) else r for r in rows]
    title = BUDGET_SANGONG_NAME if budget_only else (BUDGET_TITLES | OWN_TITLES).get(code) or TABLE_TITLES[code]
    result = DisclosureTable(code=code, title=title, unit=unit,
                             columns=columns, rows=tuple(rows), location=table.location.with_(table=reader.table_name),
                             unmapped=tuple(reader.unmapped))
    return result, reader.errors


def _without_merged_rows(table: Table, reader: _Reader) -> Table:
    """The table without its rows far wider than its header (several rows run together, see overwide_rows): each is
    reported unread, never placed under columns it does not fit."""
    wide = overwide_rows([r.texts for r in table.rows])
    for index, filled, columns in wide:
        row = table.rows[index]
        shown = next((t for t in row.texts if t.strip()), "")
        reader.unmapped.append(f"第{index + 1}行“{shown}”")
        reader.errors.append(ReadError(
            f"{reader.table_name} 第{index + 1}行“{shown}”有 {filled} 个数据格，远多于表头的 {columns} 列："
            "应是多行连成了一行，无法对应到各列，此行未读取", row.location.with_(table=reader.table_name)))
    dropped = {index for index, _, _ in wide}
    reader.merged = bool(dropped)
    return replace(table, rows=tuple(r for i, r in enumerate(table.rows) if i not in dropped)) if dropped else table


TITLE_CELL_LENGTH = 40


def _own_title(table: Table) -> tuple[str, Table] | None:
    """(code, the table without it) when the table's first row is its title alone ('收入支出决算总表 | | |', a title
    copied into the cell stream with the rest of the table); None otherwise."""
    if len(table.rows) < 2:
        return None
    filled = [t for t in table.rows[0].texts if t.strip()]
    if len(filled) != 1 or len(filled[0]) > TITLE_CELL_LENGTH or is_number(filled[0]):
        return None
    code = table_code(filled[0])
    return (code, replace(table, rows=table.rows[1:])) if code else None


def _continues(table: Table, previous: Table | None) -> bool:
    """A table that goes on from the previous one on a new page: same width and its header printed again,
    or no header at all (its first row already a data row)."""
    if previous is None or not table.rows or _width(table) != _width(previous):
        return False
    first = [normalize_label(t) for t in table.rows[0].texts]
    return first == [normalize_label(t) for t in previous.rows[0].texts] or is_data_row(table.rows[0].texts)


SANGONG_ROWS_MIN = 3


def _names_sangong_items(table: Table) -> bool:
    """A table whose rows are the 三公 items (合计, 因公出国(境)费, 公务接待费 …), at least SANGONG_ROWS_MIN of them
    with a figure — or whose header names that many as its columns, over rows of figures named by their year or as
    预算数/决算数: what it is, whether or not a title was printed above it."""
    if sum(1 for r in table.rows if r.texts and _sangong_item(r.texts[0]) and any(is_number(t) for t in r.texts[1:])
           ) >= SANGONG_ROWS_MIN:
        return True
    named = next((i for i, r in enumerate(table.rows)
                  if sum(1 for t in _join_wrapped_items(r.texts) if _sangong_item(t)) >= SANGONG_ROWS_MIN), None)
    return named is not None and any(
        r.texts and (YEAR_ROW_RE.match(label := normalize_label(r.texts[0])) or _sangong_group(label))
        and sum(1 for t in r.texts[1:] if is_number(t)) >= SANGONG_ROWS_MIN for r in table.rows[named + 1:])


BUDGET_TOTAL_ROWS = ("本年收入合计", "本年支出合计")


def _is_budget_total_table(table: Table) -> bool:
    """A 预算公开's 收支总表 (收入 items beside 支出 classes), whether or not a title names it: one table printing
    both 本年收入合计 and 本年支出合计 with figures."""
    labels = {normalize_label(t) for row in table.rows for t in row.texts}
    return all(label in labels for label in BUDGET_TOTAL_ROWS) and any(
        is_number(t) and not t.strip().isdigit() for row in table.rows for t in row.texts)


def _two_sided(table: Table) -> bool:
    """A table of two sides side by side: two 项目 columns in one row, a header row naming 收入 and 支出 side by side
    (each over its side's columns: the 项目 cells under them may be printed blank), or both sides' totals among its
    labels (the header then may be lost)."""
    labels = [normalize_label(t) for row in table.rows for t in row.texts]
    named = any(sum(1 for t in row.texts if normalize_label(t) in NAME_LABELS) >= 2 for row in table.rows) or any(
        {"收入", "支出"} <= {normalize_label(t) for t in row.texts} for row in table.rows[:3])
    return named or (any("收入合计" in t or "收入总计" in t for t in labels)
                     and any("支出合计" in t or "支出总计" in t for t in labels))


def extract_budget_disclosure(source: SourceDocument, year: int | None, department: str) -> tuple[
        DisclosurePackage | None, list[ReadError]]:
    """A 预算公开: none of its tables is a 决算 table; its 三公 table (all 预算数) and its 收支总表 (B01, under its title
    or known by its 本年收入合计/本年支出合计 rows; read by the two-sided layout, its amounts 预算数) are read, and its
    explanation is checked like a 情况说明 (sums, shares, changes on the year before); None when it states no figures."""
    tables: dict[str, DisclosureTable] = {}
    errors: list[ReadError] = []
    pending: str | None = None
    unit = "万元"
    last: tuple[str, Table] | None = None  # the last table read, as printed: a page break may continue it
    for block in source.blocks:
        if isinstance(block, Paragraph):
            text = normalize_text(block.clean).replace(" ", "")
            if len(text) <= 60 and BUDGET_SANGONG_RE.search(text) and "D09" not in tables:
                pending, unit = "D09", "万元"
            elif len(text) <= 60 and (code := budget_table_code(text)) and code not in tables:
                pending, unit = code, "万元"
            unit = printed_unit(text) or unit
            continue
        if COUNTS not in tables and pending in (None, "D09") and (
                counts := sangong_counts(block, 1 if pending else COUNT_ROWS_MIN))[0] is not None:
            tables[COUNTS], problems = counts  # type: ignore[assignment]
            errors += problems
        if pending is None and last is not None and _continues(block, last[1]):  # the same table after a page break
            code, block = last[0], Table(last[1].rows + block.rows, last[1].location,
                                         clipped=last[1].clipped or block.clipped)
            tables[code], problems = read_table(code, block, tables[code].unit, source.path, budget_only=code == "D09")
            errors = [e for e in errors if e.location.table != tables[code].location.table] + problems
            last = code, block
            continue
        if "B01" not in tables and _is_budget_total_table(block):  # the 收支总表, titled or not: known by its totals
            tables["B01"], problems = read_table("B01", block, unit, source.path)
            errors += problems
            pending = None if pending == "B01" else pending
            last = "B01", block
            continue
        if pending != "D09" and "D09" not in tables and _names_sangong_items(block):
            pending = "D09"  # a 三公 table printed without its title
        if pending in BUDGET_TITLES and not _two_sided(block):
            continue  # a title in a list of tables (目录): the table under it is not this one
        if pending and any(is_number(t) for row in block.rows for t in row.texts):  # not a title row
            tables[pending], problems = read_table(pending, block, unit, source.path, budget_only=pending == "D09")
            errors += problems
            last, pending = (pending, block), None
    statements = narrative_statements(source, from_start=True)
    if not any(s.claims for s in statements) and not tables:
        return None, errors
    return DisclosurePackage(department=department, year=year, tables=tables,
                             narrative=statements, location=Location(document=source.path), stage="预算"), errors


def extract_disclosure(source: SourceDocument, year: int | None, department: str) -> tuple[
        DisclosurePackage | None, list[ReadError]]:
    """The 决算公开 tables found in the document (a partial package is fine), or None when it has none.

    `department` is the unit found by detection (its cover, captions and titles)."""
    tables: dict[str, DisclosureTable] = {}
    raw: dict[str, Table] = {}  # each table's rows as printed, continuation pages appended
    errors: dict[str, list[ReadError]] = {}
    pending: str | None = None
    unit = "万元"
    last_table: str | None = None
    since_table = 0  # paragraphs since the last table: an empty-table note follows its table closely
    d10_rows: list[Row] = []  # 公开10's sections may arrive as separate tables (e.g. from Excel)
    last_block = -1  # the block the last table read ends in
    captioned = False  # a unit caption was printed since the last title
    captioned_tables: set[str] = set()  # the tables read under a unit caption
    titled_at = -1  # the paragraph whose title set `pending`
    for index, block in enumerate(source.blocks):
        if isinstance(block, Paragraph):
            since_table += 1
            text = block.clean
            if "D10" in (last_table, pending) and D10_SECTION_RE.match(text):
                d10_rows.append(Row((Cell(text, block.location),), block.location))
                pending = "D10"
                continue
            code = table_code(text) if len(text) <= 40 or TABLE_CODE_RE.match(text.replace(" ", "")) else None
            if code and code not in tables and not re.search(r"\.{3,}|…", text):
                pending, unit, captioned, titled_at = code, "万元", False, index
            if printed := printed_unit(text):
                unit, captioned = printed, True
            if last_table and since_table <= 3 and EMPTY_RE.search(text) and len(text) <= 30:
                tables[last_table] = replace(tables[last_table], empty_note=EMPTY_RE.search(text).group(0))  # type: ignore[union-attr]
            if text.startswith(("第三部分", "情况说明")) or ("情况说明" in text and block.heading_level):
                pending = last_table = None
            continue
        if (own := _own_title(block)) is not None and own[0] not in tables:
            pending, block = own  # the title printed as the table's first row names it, whatever a 目录 line said
        if pending is None and last_table and _continues(block, raw.get(last_table)):
            # a table going on after a page break; 公开10 gathers its parts in d10_rows
            pending = last_table
            block = block if last_table == "D10" else Table(raw[last_table].rows + block.rows, raw[last_table].location,
                                                            clipped=raw[last_table].clipped or block.clipped)
        if pending is None and "D09" not in tables and _names_sangong_items(block):
            pending = "D09"  # a 三公 table printed without a title naming it
        if COUNTS not in tables and pending in (None, "D09") and (
                counts := sangong_counts(block, 1 if pending else COUNT_ROWS_MIN))[0] is not None:
            tables[COUNTS], errors[COUNTS] = counts  # type: ignore[assignment]  # the 三公 counts, in their table or their own
        if pending is None:
            continue
        if any(NUMBER_RE.search(t) for row in block.rows for t in row.texts) or pending in ("D08",):
            if pending == "D10":
                d10_rows.extend(block.rows)
                block = Table(tuple(d10_rows), block.location,
                              clipped=block.clipped or ("D10" in raw and raw["D10"].clipped))
            # a table goes on in its own unit; the first part printed none, the caption over the rest names it
            kept = pending in raw and (pending in captioned_tables or not captioned)
            parsed, problems = read_table(pending, block, tables[pending].unit if kept else unit, source.path)
            if captioned:
                captioned_tables.add(pending)
            tables[pending], raw[pending], errors[pending] = parsed, block, problems
            last_table, pending, since_table, last_block = pending, None, 0, index
    statements = narrative_statements(source, whole_if_unmarked=set(tables) <= {"D09", COUNTS})
    found = [e for problems in errors.values() for e in problems]
    if pending and pending not in tables and titled_at >= 0:
        found += _title_without_table(pending, source.blocks, titled_at)
    if not tables and not statements:
        return None, found
    ends_inside = last_table if last_table and _cut_off(tables[last_table], source.blocks[last_block + 1:]) else ""
    return DisclosurePackage(department=department, year=year, tables=tables,
                             narrative=statements, performance=grade_counts(statements),
                             glossary=glossary_terms(source), location=Location(document=source.path),
                             ends_inside=ends_inside), found


CUT_FRAGMENT = 40  # a line this short, no sentence in it, after the last table: a piece of its next row


def _title_without_table(code: str, blocks: Sequence[Paragraph | Table], at: int) -> list[ReadError]:
    """A table's title with no table after it, its rows laid out as lines of text no layout rebuilds ('一、支出合计
    6.40' / '2、公务接待费 6.40'): the figures those lines close, up to the next table or sentence, are said to be
    unread at the title. Nothing when no such line follows, or when the title closes with a number of its own (a
    contents line and its page)."""
    title = blocks[at]
    if not isinstance(title, Paragraph) or re.search(r"\d\s*$", title.clean):
        return []
    figures = following_figures(blocks, at + 1)
    if not figures:
        return []
    label = (BUDGET_TITLES | OWN_TITLES).get(code) or table_label(code)
    shown = "、".join(figures[:12]) + ("等" if len(figures) > 12 else "")
    return [ReadError(f"{label}：找到了表，但未读出任何行（表格的行列未能还原），其后各行的数字（{shown}）均未读取，未核对",
                      title.location.with_(table=f"公开{code[1:]}" if code.startswith("D") else code))]


def _cut_off(table: DisclosureTable, after: Sequence[Paragraph | Table]) -> bool:
    """The text ends inside a two-sided table (公开01, 公开04): neither side reached its 总计 and nothing follows but
    pieces of its next row (a page saved or copied only in part)."""
    if table.code not in ("D01", "D04") or any("总计" in r.label for r in table.rows):
        return False
    return all(isinstance(b, Paragraph) and len(b.clean) <= CUT_FRAGMENT and not re.search(r"[。；;！？]", b.clean)
               for b in after)
