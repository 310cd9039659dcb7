"""A target form's fund part (项目资金): 年度资金总额 = 其中：财政拨款 + 上年结转 + 其他资金, read as a table of parts and
their total (core.parts) so that the total is checked against its parts (audit.rules.parts).

However the form was copied — '|' rows, one cell per line, or its fields run together on one line ('资金总额:120财政
拨款:120其他资金:') — its field cells are read as one run: each label takes the figure printed right after it (its
own cell, or after its colon); a label with no figure after it is a blank cell, read as not printed (the total is
then not checked: a blank may hide a figure). A form splitting its money into the whole period and the year
(资金总额 / 当年资金总额, 财政拨款 / 当年财政拨款) gives one table for each. The unit is the one the form prints on the
part's label ('项目资金（万元）', '资金情况(万元)'), in a caption ('金额单位：万元') or on the figures themselves ('120万元');
none printed: the table's unit is left blank and said so in the reading report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from jixiao.core.claims import printed
from jixiao.core.parts import PartRow, PartsTable
from jixiao.core.provenance import Location
from jixiao.ingest.headers import printed_unit

# The total, then the parts, each label with '其中' and a colon as a form may print them; '当年' marks the year's column.
_TOTAL = r"(?P<tyear>年度|当年)?资金总额"
_PART = r"(?:其中\s*[:：]?\s*)?(?P<pyear>当年)?(?P<part>财政拨款|上年结转(?:资金)?|其他资金)"
_FIGURE = r"(?P<figure>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>亿元|万元|元|亿|万)?(?![\d.])"
_ITEM_RE = re.compile(rf"(?:{_TOTAL}|{_PART})\s*(?:[（(]\s*(?:万元|元|亿元)\s*[)）])?\s*[:：]?\s*\x1f?\s*(?:{_FIGURE})?")
_SEP = "\x1f"  # between two cells of the run
# Where the fund part's unit is printed: its caption cell ('项目资金（万元）', '资金情况', then '(万元)') or a caption.
_UNIT_LABEL_RE = re.compile(r"项目资金|资金情况|资金总额|金额单位|单位[:：]")


@dataclass(frozen=True)
class _Item:
    label: str
    year: bool  # the year's column (当年资金总额, 当年财政拨款; 年度资金总额 when the form has no whole-period one)
    total: bool
    figure: str
    unit: str
    location: Location


def _items(texts: Sequence[str], locations: Sequence[Location]) -> list[_Item]:
    run = _SEP.join(texts)
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    out = []
    for match in _ITEM_RE.finditer(run):
        at = max(i for i, s in enumerate(starts) if s <= match.start())
        total = match.group("part") is None
        label = f"{match.group('tyear') or ''}资金总额" if total else f"{match.group('pyear') or ''}{match.group('part')}"
        year = bool(match.group("tyear") if total else match.group("pyear"))
        out.append(_Item(label, year, total, match.group("figure") or "", match.group("unit") or "", locations[at]))
    return out


def _unit(texts: Sequence[str], items: Sequence[_Item]) -> str:
    for text in texts:
        if _UNIT_LABEL_RE.search(text) and (unit := printed_unit(text)):
            return unit
    for index, text in enumerate(texts[:-1]):  # '资金情况' then '(万元)' in a cell of its own
        if _UNIT_LABEL_RE.search(text) and re.fullmatch(r"[（(]\s*(?:万元|元|亿元)\s*[)）]", texts[index + 1].strip()):
            return printed_unit(texts[index + 1])
    units = {item.unit for item in items if item.figure and item.unit}
    return {"万": "万元", "亿": "亿元"}.get(next(iter(units)), next(iter(units))) if len(units) == 1 else ""


def _row(item: _Item, unit: str) -> PartRow:
    amount = printed(item.figure.replace(",", ""), unit) if item.figure else None
    return PartRow(item.label, amount, item.location.with_(row=item.label))


def fund_tables(texts: Sequence[str], locations: Sequence[Location], owner: str) -> tuple[PartsTable, ...]:
    """The fund part of a form whose field cells are `texts` (at `locations`): one table per column (the whole
    period's, the year's) holding a total and at least one part after it; `owner` names the form ('项目「…」')."""
    items = _items(texts, locations)
    if not any(i.total for i in items):
        return ()
    unit = _unit(texts, items)
    split = any(i.total and not i.year for i in items) and any(i.total and i.year for i in items)
    out = []
    for year in ((False, True) if split else (None,)):
        column = [i for i in items if year is None or i.year == year]
        at = next((n for n, i in enumerate(column) if i.total), None)
        if at is None:
            continue
        total, parts = column[at], []
        for item in column[at + 1:]:
            if item.total or any(p.label == item.label for p in parts):
                break
            parts.append(item)
        if not parts or not total.figure:
            continue
        location = total.location.with_(table="项目资金")
        title = f"{owner}绩效目标表项目资金" + ("（当年）" if year else "")
        out.append(PartsTable(title, unit, tuple(_row(p, unit) for p in parts),
                              _row(total, unit), location))
    return tuple(out)
