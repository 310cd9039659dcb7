"""The last rows of an indicator table printed one cell per line whose header is not in the text (a preview or a copy
cut before it): read from the cells' own kinds, back from the table's closing 总分 row.

What is known without the header:
- the 总分 row prints two figures, the form's full 100 points first: its columns are the 分值 and then the 得分, and
  every row above it in the same table ends with its own two figures in those columns;
- a row is the cells between one row's figures and the next's: first the level cells a block's first row prints
  (一级/二级 labels ending in 指标, a merged label wrapped over two cells: '满意度' + '指标'), then the row's own
  cells. Rows are
  read only when every whole row has as many own cells as the others (at least two rows agreeing): that count is the
  table's width before its figures.
- of three own cells, the first is the name; the other two are the target and the actual only when the text shows
  which is which — a target cell carries its operator ('≥90%'), an actual cell never does. Else the two are left
  unread (the name and the figures still read). Columns told by the cells' kinds, not by a header, are not scored
  (Goal.header_unread): the rules that compare a target with its actual do not apply; 得分 ≤ 分值 does.

The earliest row may be cut: fewer own cells than the others. Its cells are the last columns (the name is lost); a
cell in the target column fused with the text before the cut ('…总≥90%') gives the target from its operator on. A
segment with more cells than a row, or a cell that is a header word, ends the reading: what is before is not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.model import Indicator
from jixiao.core.provenance import Location
from jixiao.core.values import parse_value
from jixiao.ingest.formcolumns import LEVEL1_RE, LEVEL2_RE, budget_field, indicator_field
from jixiao.ingest.fundrows import FORM_POINTS
from jixiao.ingest.headers import normalize_label

_FIGURE = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")  # a 分值 or 得分 cell: a bare figure
_TOTAL = re.compile(r"^(?:自评)?总分$")
_OPERATOR = re.compile(r"[≥≤＞＜><=≧≦]")
_MAX_SEGMENT = 8  # cells between two rows' figures beyond which they are not one row
CUT_NAME = "（行名在截断处，未见）"


@dataclass
class TailRows:
    """The rows read back from the 总分 row, where the first read row is, and every cell they were read from."""

    indicators: list[Indicator] = field(default_factory=list)
    first: Location | None = None
    used: list[Location] = field(default_factory=list)
    cut_row: bool = False  # the earliest row read had lost its first cells


def _figure(text: str) -> bool:
    return _FIGURE.fullmatch(text.strip()) is not None


def _header_word(text: str) -> bool:
    return indicator_field(text) is not None or budget_field(text) is not None


def _level(text: str) -> str | None:
    """A level cell, by its label ending in 指标 ('满意度指标', '可持续影响指标（10分）'): a short label ('满意度',
    '社会效益') could as well be a row's name, and is not taken for a level here."""
    label = normalize_label(text)
    if not re.search(r"指标(?:\([\d.]+分\))?$", label):
        return None
    if (m := LEVEL1_RE.match(label)) is not None:
        return f"1:{m.group(1)}指标"
    if LEVEL2_RE.match(label):
        return f"2:{label}"
    return None


def _prefix(segment: Sequence[str]) -> tuple[list[str], int]:
    """The level cells opening a segment (each '1:…' or '2:…') and how many cells they take: a label alone in its
    cell, or wrapped over two cells."""
    levels: list[str] = []
    at = 0
    while at < len(segment):
        if at + 1 < len(segment) and (two := _level(segment[at] + segment[at + 1])) is not None:
            levels.append(two)  # wrapped first: '满意度' + '指标' is one label, not a short word and a stray cell
            at += 2
        elif (one := _level(segment[at])) is not None:
            levels.append(one)
            at += 1
        else:
            break
    return levels, at


def read_tail_rows(cells: Sequence[tuple[str, Location]]) -> TailRows | None:
    """The rows above a closing 总分 row of a table whose header is not in `cells` (see the module); None when the
    cells hold no such row, or the rows do not agree on their width."""
    texts = [text.strip() for text, _ in cells]
    total = next((i for i in range(len(texts) - 2, -1, -1) if _TOTAL.match(normalize_label(texts[i]))
                  and i + 2 < len(texts) and _figure(texts[i + 1]) and _figure(texts[i + 2])), None)
    if total is None or Decimal(texts[total + 1]) != FORM_POINTS or Decimal(texts[total + 2]) > FORM_POINTS:
        return None
    # segments back from the total: (first cell, end of own cells = the row's 分值 index)
    segments: list[tuple[int, int]] = []
    end = total
    while end >= 2 and _figure(texts[end - 1]) and _figure(texts[end - 2]):
        stop = end - 2
        start = stop
        while start > 0 and stop - start < _MAX_SEGMENT and texts[start - 1] and not _figure(texts[start - 1]) \
                and not _header_word(texts[start - 1]):
            start -= 1
        if start == stop:
            break
        segments.append((start, stop))
        end = start
    segments.reverse()
    if len(segments) < 2:
        return None
    shapes = [(_prefix(texts[s:e]), s, e) for s, e in segments]
    widths = [e - s - taken for (_, taken), s, e in shapes]
    width = widths[-1]
    # whole rows: every row after the earliest; the earliest too when as wide
    if width < 1 or any(w != width for w in widths[1:]) or len(widths[1:]) < (1 if widths[0] == width else 2):
        return None
    first = 0
    if widths[0] > width:  # more cells than a row: not a row of this table, the reading starts after it
        first = 1
        if len(widths) - first < 2:
            return None
    rows = [(levels, s, s + taken, e) for (levels, taken), s, e in shapes[first:]]
    own = [texts[s:e] for _, _, s, e in rows]
    whole = [cells_ for cells_ in own if len(cells_) == width]
    ordered = width == 3 and any(_OPERATOR.match(c[1]) for c in whole) and not any(_OPERATOR.match(c[2]) for c in whole)
    out = TailRows()
    level1 = level2 = ""
    for (levels, opening, s, e), row in zip(rows, own, strict=True):
        for level in levels:
            if level.startswith("1:"):
                level1, level2 = level[2:], ""
            else:
                level2 = level[2:]
        columns = ["name", "target", "actual"][:width] if width <= 3 else ["name", *[""] * (width - 1)]
        values = dict(zip(columns[width - len(row):], row, strict=True))
        if len(row) < width:  # cut: its levels and name are lost
            out.cut_row = True
            level1 = level2 = ""
            if ordered and "target" in values and (op := _OPERATOR.search(values["target"])) is not None:
                values["target"] = values["target"][op.start():]
            elif "target" in values:
                del values["target"]
        name = values.get("name") or CUT_NAME
        weight, score = Decimal(texts[e]), Decimal(texts[e + 1])
        where = cells[s][1]
        out.indicators.append(Indicator(
            level1=level1, level2=level2, name=name,
            initial_target=parse_value(values["target"]) if ordered and "target" in values else None,
            actual=parse_value(values["actual"]) if ordered and "actual" in values else None,
            weight=weight, reported_score=score, location=where.with_(table="绩效指标", row=name)))
        out.used += [at for _, at in cells[opening:e + 2]]
    out.first = cells[rows[0][2]][1]
    out.used += [at for _, at in cells[total:total + 3]]
    return out
