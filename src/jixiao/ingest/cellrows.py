"""The indicator rows of a self-evaluation form flattened one cell per line (a web table whose cells became lines,
with the rows' boundaries lost): read by the header's own columns, never by the positions of one layout.

The header is the run of cells after 三级指标 (or 指标名称) that name indicator columns (年初目标值, 实际完成值,
分值, 得分 …), each cell's meaning taken from its normalised text (formcolumns.indicator_field). A row is then its
level cells when printed (merged cells are printed once, on a block's first row), its name, and one cell per value
column. A name may hold operators and figures of its own ('仓储面积(≥**平方米)', '烘干机(5t)(≥台)'): the name is the
cell, not a pattern's guess. A header with no 分值 column gives no weights — they are unknown, never the target.

Only a header whose value columns end in a figure (得分 or 分值) is read this way: that figure closes each row, so
a row missing a cell shows as a name where a figure should stand, and the reading stops there (what is left is
reported as not read). A row cut off by the end of the text is reported, never filled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jixiao.core.model import Indicator
from jixiao.core.money import is_number, parse_decimal
from jixiao.core.provenance import Location
from jixiao.core.values import parse_value
from jixiao.ingest.formcolumns import LEVEL1_RE, LEVEL2_RE, indicator_field
from jixiao.ingest.headers import normalize_label

VALUE_FIELDS = ("initial_target", "adjusted_target", "actual", "weight", "reported_score")
_FIGURE_FIELDS = ("weight", "reported_score")
_NAME_HEADER = re.compile(r"^(?:三级指标|指标名称)(?:[（(].*[)）])?$")
_LEVEL_HEADER = re.compile(r"^(?:一级指标|二级指标)$")
# A name closing on its target's form with the figure left out ('仓储面积(≥**平方米)', '烘干机(≥台)'): the operator
# and unit the bare figure of its target cell is printed in.
_TARGET_FORM = re.compile(r"[（(]\s*([≥≤＞＜><=])\s*\**\s*([^\d\s()（）*]{0,6})\s*[)）]$")
# What closes the indicator rows: the form's total row, its notes, its closing sections.
_STOP = re.compile(r"^(?:自评)?(?:总分|合计|总计)|^(?:偏差|未完成|存在的?问题|改进措施|备注|说明|填报人|联系电话)")


@dataclass
class CellRows:
    """What the one-cell-per-line indicator rows gave: the rows read, the header's fields after the name, where the
    header was, and why the reading stopped before the table's end ('' when it read to a closing row)."""

    indicators: list[Indicator] = field(default_factory=list)
    fields: tuple[str, ...] = ()
    header: Location | None = None
    stopped: str = ""
    stopped_at: Location | None = None
    closed: bool = False  # the rows ended at the form's own total or closing row
    used: list[Location] = field(default_factory=list)  # every cell the rows were read from


def _header(cells: Sequence[tuple[str, Location]]) -> tuple[int, tuple[str, ...]] | None:
    """(index of the first row cell, the value fields in order) of a header printed one cell per line; None when
    the cells hold no such header, or its columns after the name are not all value columns ending in a figure."""
    for at, (text, _) in enumerate(cells):
        if not _NAME_HEADER.match(normalize_label(text)):
            continue
        fields: list[str] = []
        end = at + 1
        while end < len(cells) and (found := indicator_field(cells[end][0])) in VALUE_FIELDS and found not in fields:
            fields.append(found)
            end += 1
        if len(fields) >= 2 and fields[-1] in _FIGURE_FIELDS and any(
                f in fields for f in ("initial_target", "adjusted_target", "actual")):
            return end, tuple(fields)
    return None


def _is_level(text: str) -> bool:
    label = normalize_label(text)
    return bool(LEVEL1_RE.match(label) or LEVEL2_RE.match(label))


def _fits(cell: str, name: str) -> bool:
    """A cell in its column: a figure under 分值 and 得分, no level or closing word anywhere."""
    if _is_level(cell) or _STOP.match(normalize_label(cell)):
        return False
    return is_number(cell) if name in _FIGURE_FIELDS else True


def _target(cell: str, name: str) -> str:
    """A target cell as its row states it: a bare figure under a name that prints the target's operator and unit
    ('(≥**平方米)') takes them ('≥22.8平方米'); any other cell as printed."""
    form = _TARGET_FORM.search(name)
    return f"{form.group(1)}{cell}{form.group(2)}" if form is not None and is_number(cell) else cell


def read_cell_rows(cells: Sequence[tuple[str, Location]]) -> CellRows | None:
    """The indicator rows of a header printed one cell per line, each cell a line of its own (see the module);
    None when the cells hold no such header or not one row fits it."""
    found = _header(cells)
    if found is None:
        return None
    start, fields = found
    out = CellRows(fields=fields, header=cells[start - 1][1])
    level1 = level2 = ""
    index = start
    while index < len(cells):
        text, where = cells[index]
        label = normalize_label(text)
        if _STOP.match(label):
            out.closed = True
            break
        if LEVEL1_RE.match(label):
            level1, level2 = f"{LEVEL1_RE.match(label).group(1)}指标", ""  # type: ignore[union-attr]
            out.used.append(where)
            index += 1
            continue
        if LEVEL2_RE.match(label):
            level2 = label
            out.used.append(where)
            index += 1
            continue
        if is_number(text):
            out.stopped, out.stopped_at = f"“{text}”处的格子与表头各列对不上", where
            break
        row = cells[index + 1:index + 1 + len(fields)]
        if len(row) < len(fields):
            out.stopped = f"指标“{text}”一行在文本末尾被截断（只见 {len(row)} 格，表头有 {len(fields)} 列）"
            out.stopped_at = where
            out.used += [where, *(at for _, at in row)]  # named in the report of the cut row, not unread twice
            break
        if not all(_fits(cell, name) for (cell, _), name in zip(row, fields, strict=True)):
            out.stopped, out.stopped_at = f"指标“{text}”一行的格子与表头各列对不上", where
            break
        values = dict(zip(fields, (cell.strip() for cell, _ in row), strict=True))
        for target in ("initial_target", "adjusted_target"):
            if target in values:
                values[target] = _target(values[target], text)
        out.indicators.append(Indicator(
            level1=level1, level2=level2, name=text.strip(),
            initial_target=parse_value(values["initial_target"]) if "initial_target" in values else None,
            adjusted_target=parse_value(values["adjusted_target"]) if "adjusted_target" in values else None,
            actual=parse_value(values["actual"]) if "actual" in values else None,
            weight=parse_decimal(values["weight"]) if "weight" in values else None,
            reported_score=parse_decimal(values["reported_score"]) if "reported_score" in values else None,
            location=where.with_(table="绩效指标", row=text.strip())))
        out.used += [where, *(at for _, at in row)]
        index += 1 + len(fields)
    if not out.indicators:
        return None
    return out
