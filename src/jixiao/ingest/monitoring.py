"""绩效运行监控表 (项目支出绩效监控表): a project's budget execution to the end of the period and its expectations
for the year.

The fund block ('项目资金（万元） | 年初预算数 | 1-6月执行数 | 全年预计执行数 | 执行率') is read by the self-evaluation
forms' own reader (ingest.selfeval.fund_table_lines): from the table when the form is a table, else from its cells
printed one per line, put back under their header first (a row's figures in the header's order; a row lacking only
its trailing 全年预计执行数 / 执行率 has them blank — never zero — and says so). The period is the header's '1-N月'
(上半年 / 半年度: 6). Rates the form states in words ('按进度执行，已使用约40%') are kept for the rules, with their
precision and whether they are approximate. The indicator part (年度指标值, 1-N月实际完成值, 全年预计完成值, 偏差原因,
完成目标可能性) is read by ingest.monitoring_indicators, from the table or the cells in order; a form run together on
one line is split into its words first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from jixiao.core.coverage import Unread
from jixiao.core.model import BudgetLine, MonitoringForm, PrintedRate
from jixiao.core.money import is_number
from jixiao.core.provenance import Location
from jixiao.ingest.detect import MONITORING_TITLE_RE
from jixiao.ingest.formcolumns import CELL_UNIT_RE, budget_field
from jixiao.ingest.monitoring_indicators import (
    FormCell,
    IndicatorPart,
    header_field,
    read_cells,
    read_table_rows,
)
from jixiao.ingest.selfeval import fund_table_lines
from jixiao.ingest.source import Cell, Paragraph, ReadError, Row, SourceDocument, Table

PERIOD_RE = re.compile(r"(?:1|一)\s*[-—–－~～至到]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")
HALF_YEAR_RE = re.compile(r"上半年|半年度?")
_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
# A rate stated in words: '已使用约40%', '执行率为39.8%', '支出进度近40%'
STATED_RATE_RE = re.compile(r"(执行率|已使用|已执行|已支出|已支付|支出进度|执行进度|支付进度)\s*(?:为|达到?|是)?\s*"
                            r"(约|近|接近|大约|超过)?\s*(\d+(?:\.\d+)?)\s*[%％]\s*(左右)?")
INDICATOR_START = ("绩效指标", "一级指标", "年度绩效目标", "年度总体目标", "绩效目标")
LABELS = {"project": ("项目名称",), "unit": ("项目执行单位", "项目实施单位", "实施单位", "项目单位", "执行单位")}
_HEADER_MAX = 30  # a header cell is short
_OPTIONAL = ("expected", "reported_rate")
_ALL_LABELS = LABELS["project"] + LABELS["unit"]  # columns a mid-year form may leave blank
_FLAT_MIN = 8  # words of a line that may be a whole form run together
_FLAT_HEADERS = 3  # of which the form's own column headers
_FLAT_LABELS = 2  # or labelled fields ('项目名称：…', '项目执行单位：…')


def _flattened(text: str) -> list[str]:
    """The cells of a form run together on one line, space-separated ('资金来源 年初预算数 1-6月执行数 合计 120 …'):
    its words split where several of them are the form's own column headers or labelled fields; [text] for any
    other paragraph."""
    words = text.split()
    headers = sum(1 for w in words if _field(w) or header_field(w))
    labelled = sum(1 for w in words if re.sub(r"[（(]\s*盖章\s*[)）]", "", re.split(r"[：:]", w)[0]) in _ALL_LABELS
                   and re.search(r"[：:].", w))
    flat = (len(words) > _FLAT_MIN and headers >= _FLAT_HEADERS) or labelled >= _FLAT_LABELS
    return words if flat else [text]


def _cells(source: SourceDocument, start: int, end: int) -> list[FormCell]:
    """The segment's cells in reading order: a paragraph is one cell ('标签：值' two; a form run together on one
    line its words), a table row its filled cells."""
    out: list[FormCell] = []
    for index in range(start, end):
        block = source.blocks[index]
        if isinstance(block, Paragraph):
            for text in _flattened(block.clean.strip()):
                label, sep, value = text.partition("：") if "：" in text else text.partition(":")
                named = re.sub(r"\s+|[（(]\s*盖章\s*[)）]", "", label) in _ALL_LABELS
                if sep and len(label) <= _HEADER_MAX and value.strip() and (named or _field(value.strip())):
                    out += [FormCell(label.strip(), block.location, index), FormCell(value.strip(), block.location, index)]
                elif text:
                    out.append(FormCell(text, block.location, index))
            continue
        for row in block.rows:
            out += [FormCell(c.clean.strip(), c.location, index) for c in row.cells if c.clean.strip()]
    return out


def _field(text: str) -> str | None:
    return budget_field(text) if len(text) <= _HEADER_MAX else None


def _figure(text: str) -> bool:
    """An amount (its unit may follow it) or a percentage: a cell of a fund row."""
    return is_number(CELL_UNIT_RE.sub("", text.strip()).rstrip("%％"))


def _month(text: str) -> int | None:
    if match := PERIOD_RE.search(text):
        word = match.group(1)
        month = int(word) if word.isdigit() else _CN_MONTHS.get(word)
        return month if month is not None and 1 <= month <= 12 else None
    return 6 if HALF_YEAR_RE.search(text) else None


def _label_value(cells: Sequence[FormCell], labels: Sequence[str]) -> str:
    """The value after the first of `labels` (in their order) that is printed with one: not another label, not a
    unit caption ('项目单位(盖章): 单位:万元' is the form's blank for the stamp)."""
    for label in labels:
        for i, cell in enumerate(cells[:-1]):
            name = re.sub(r"\s+|[（(]\s*盖章\s*[)）]|[：:]$", "", cell.text)
            value = cells[i + 1].text
            if (name == label and not _field(value) and value not in _ALL_LABELS and not value.startswith("单位")
                    and not _figure(value)):
                return value
    return ""


def _flat_fund_table(cells: Sequence[FormCell], unread: list[Unread]) -> tuple[Table, str, int | None] | None:
    """The fund block printed one cell per line, as a table under its header (for fund_table_lines), the header's
    text (for its unit) and the header cell's index; None when there is no budget header among the cells."""
    start = next((i for i, c in enumerate(cells) if _field(c.text) in ("initial", "adjusted")
                  and any(_field(d.text) == "executed" for d in cells[i + 1:i + 5])), None)
    if start is None:
        return None
    header = [cells[start]]
    for cell in cells[start + 1:]:
        if _field(cell.text) not in ("adjusted", "executed", "expected", "reported_rate"):
            break
        header.append(cell)
    fields = [_field(c.text) for c in header]
    where = header[0].location
    rows = [Row((Cell("项目资金", where), *(Cell(c.text, c.location) for c in header)), where)]
    i = start + len(header)
    while i < len(cells):
        label = cells[i]
        if _figure(label.text) or label.text.replace(" ", "").startswith(INDICATOR_START) or _field(label.text):
            break
        figures = []
        i += 1
        while i < len(cells) and _figure(cells[i].text):
            figures.append(cells[i])
            i += 1
        if not figures:
            break  # a label with no figures after it: the fund block has ended
        missing = fields[len(figures):]
        name = label.text.rstrip("：:")
        if len(figures) > len(fields) or any(f not in _OPTIONAL for f in missing):
            unread.append(Unread(f"“{name}”一行有 {len(figures)} 个数字、表头有 {len(fields)} 列，不能确定各数字属于哪一列，"
                                 "此行未读取，未核对", label.location, "table"))
            continue
        for column in missing:
            shown = header[fields.index(column)].text
            unread.append(Unread(f"“{name}”一行的“{shown}”未填写（空白，不按0计），未核对", label.location, "cell"))
        cells_ = [Cell(label.text, label.location), *(Cell(c.text, c.location) for c in figures),
                  *(Cell("", label.location) for _ in missing)]
        rows.append(Row(tuple(cells_), label.location))
    if len(rows) == 1:
        return None
    return Table(tuple(rows), where), " ".join(c.text for c in header), start


def _stated_rates(cells: Sequence[FormCell]) -> list[PrintedRate]:
    out = []
    for cell in cells:
        for match in STATED_RATE_RE.finditer(cell.text):
            approximate = bool(match.group(2) or match.group(4))
            out.append(PrintedRate(Decimal(match.group(3)), approximate, match.group(0).strip(), cell.location))
    return out


def _segments(source: SourceDocument) -> list[tuple[int, int]]:
    """One segment per form: from each title of a monitoring form to the next (the whole document when none)."""
    starts = [i for i, b in enumerate(source.blocks)
              if isinstance(b, Paragraph) and MONITORING_TITLE_RE.search(b.clean.replace(" ", ""))]
    if not starts:
        return [(0, len(source.blocks))]
    starts[0] = 0
    return list(zip(starts, [*starts[1:], len(source.blocks)], strict=True))


def extract_monitoring_forms(source: SourceDocument, year: int | None
                             ) -> tuple[tuple[MonitoringForm, ...], set[int], list[Unread], list[ReadError]]:
    """The monitoring forms of a document, the blocks they were read from, what was seen but not read, and the
    cells that could not be read."""
    forms: list[MonitoringForm] = []
    used: set[int] = set()
    unread: list[Unread] = []
    errors: list[ReadError] = []
    for start, end in _segments(source):
        cells = _cells(source, start, end)
        project = _label_value(cells, LABELS["project"])
        unit = _label_value(cells, LABELS["unit"])
        lines: list[BudgetLine] = []
        header_text = ""
        header_at: int | None = None
        for index in range(start, end):  # a form printed as a table: its own rows
            block = source.blocks[index]
            if isinstance(block, Table):
                caption = " ".join(c.text for c in cells if c.block < index)
                found, problems = fund_table_lines(block, caption)
                if found:
                    lines, header_text = found, " ".join(block.rows[0].texts)
                    for row in block.rows:
                        if any(_field(t) == "executed" for t in row.texts):
                            header_text = " ".join(row.texts)
                    errors += problems
                    used.add(index)
                    break
        flat_unread: list[Unread] = []
        if not lines and (flat := _flat_fund_table(cells, flat_unread)) is not None:
            table, header_text, header_at = flat
            caption = " ".join(c.text for c in cells[:header_at + 1])
            lines, problems = fund_table_lines(table, caption)
            errors += problems
            unread += flat_unread
            used |= {cell.block for cell in cells if any(cell.location == c.location for r in table.rows
                                                         for c in r.cells)}
        rates = _stated_rates(cells)
        part = _indicator_part(source, start, end, cells)
        if not lines and not part.indicators:
            continue  # no form: a report in prose, whose rates are its sentences' (read as prose)
        indicators = next((c for c in cells if c.text.replace(" ", "").startswith(INDICATOR_START[:2])), None)
        if not part.found and indicators is not None:
            unread.append(Unread("绩效指标部分（年度指标值、期内完成情况、全年预计完成值或完成目标可能性、偏差原因）的表头未能识别，"
                                 "其中数据未读取，未核对", indicators.location, "table"))
        unread += part.unread
        used |= part.used
        month = _month(header_text)
        where = cells[0].location if cells else Location(document=source.path)
        if lines and month is None:
            unread.append(Unread("未能从执行数的表头（如“1-6月执行数”）识别监控期间，未按时间进度核对执行进度", where,
                                 "other"))
        located = tuple(replace(i, location=i.location.with_(project=project)) for i in part.indicators)
        forms.append(MonitoringForm(project=project, unit=unit, year=year, end_month=month, budget_lines=tuple(lines),
                                    stated_rates=tuple(rates), location=where, indicators=located,
                                    form_reason=part.form_reason, has_reason_column=part.has_reason))
    return tuple(forms), used, unread, errors


def _indicator_part(source: SourceDocument, start: int, end: int, cells: Sequence[FormCell]) -> IndicatorPart:
    """The form's indicator rows: from a table that keeps its blank cells when one holds them, else from the cells
    in order."""
    for index in range(start, end):
        block = source.blocks[index]
        if isinstance(block, Table):
            part = IndicatorPart()
            rows = [[(c.clean.strip(), c.location) for c in row.cells] for row in block.rows]
            if read_table_rows(rows, [index] * len(rows), part) and (part.indicators or part.unread):
                return part
    part = IndicatorPart()
    read_cells(cells, part)
    return part

