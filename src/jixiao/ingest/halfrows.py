"""Rows of a two-sided table (公开01/04, 部门收支总表) whose blank cells were lost, placed again by meaning.

A table copied with its empty cells dropped ('9 | 九、卫生健康支出 | 36 | 1200.00 |' for a row blank on the income
side) has its cells shifted left: the expenditure label under the income label's header, its 行次 under the
income amount. Such a row is read item by item: a word is a label, its side told by its words (收入 / 支出,
年初 / 年末 …) or else by its place (the next side); a bare small integer is a 行次 — of the side whose label it
follows, of a side left blank when a label follows it or when it goes on from that side's 行次 in the rows above;
any other number is a figure of the side last opened. A row whose cells cannot all be placed so is left as it is,
and so is a row of a table rebuilt from one line (ingest.flatline) whose open cells the reader reports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jixiao.core.money import is_number
from jixiao.ingest.source import Cell, Row

# The words that tell which side of a two-sided table an item is on.
INCOME_RE = re.compile(r"收入|年初|^使用|上年结转|弥补收支差额")
EXPENDITURE_RE = re.compile(r"支出|年末|结余分配|结转下年")
LINE_RE = re.compile(r"^\d{1,3}$")
BLANK_RE = re.compile(r"^[-—–－/\\\s]*$")  # a dash printed for nothing


def side_by_words(label: str) -> str:
    """'income' or 'expenditure' when the label's words say which side it is on, else ''."""
    if EXPENDITURE_RE.search(label):
        return "expenditure"
    return "income" if INCOME_RE.search(label) else ""


@dataclass(frozen=True)
class Side:
    """Where one side of the table sits: its label column, its 行次 column (or None), its amount columns."""

    name: str
    label: int
    line: int | None
    amounts: tuple[int, ...]


@dataclass
class _Slot:
    label: Cell | None = None
    line: Cell | None = None
    figures: list[Cell] = field(default_factory=list)

    def empty(self) -> bool:
        return self.label is None and self.line is None and not self.figures


def _figure(text: str) -> bool:
    return is_number(text) or BLANK_RE.match(text) is not None


def fits(texts: Sequence[str], sides: Sequence[Side]) -> bool:
    """Every cell where the header puts it: a word (or nothing) under 项目, a 行次 under 行次, figures under amounts."""

    def at(i: int) -> str:
        return texts[i] if i < len(texts) else ""

    for side in sides:
        if at(side.label) and is_number(at(side.label)):
            return False
        if side.line is not None and at(side.line) and not LINE_RE.match(at(side.line)):
            return False
        if any(at(i) and not _figure(at(i)) for i in side.amounts):
            return False
    return True


def _slots(cells: Sequence[Cell], sides: Sequence[Side], last: dict[str, int]) -> list[_Slot] | None:
    slots = [_Slot() for _ in sides]
    names = [side.name for side in sides]
    current = 0
    for n, cell in enumerate(cells):
        text = cell.clean
        following = cells[n + 1].clean if n + 1 < len(cells) else ""
        slot, side = slots[current], sides[current]
        if not _figure(text):  # a label: the side its words name, else the side open (or the next one)
            said = side_by_words(text)
            target = names.index(said) if said in names else current if slot.empty() else current + 1
            if target < current or target >= len(sides) or not slots[target].empty():
                return None
            current = target
            slots[current].label = cell
            continue
        if LINE_RE.match(text):
            nxt = current + 1
            if (
                side.line is not None
                and slot.line is None
                and not slot.figures
                and (
                    slot.label is not None
                    or (following and not _figure(following))
                    or int(text) == last[side.name] + 1
                )
            ):
                slot.line = cell
                continue
            if (
                nxt < len(sides)
                and sides[nxt].line is not None
                and slots[nxt].empty()
                and (slot.line is not None or side.line is None)
                and int(text) == last[sides[nxt].name] + 1
            ):
                current = nxt
                slots[current].line = cell
                continue
        if len(slot.figures) >= len(side.amounts) or (slot.label is None and slot.line is None):
            return None
        slot.figures.append(cell)
    return slots


def _placed(row: Row, sides: Sequence[Side], width: int, last: dict[str, int]) -> Row:
    """The row placed again by meaning, or as it is when it fits its header, when a rebuilt table left cells of it
    open (their figures are reported by the reader), or when its cells cannot all be placed."""
    if fits(row.texts, sides) or not all(c.placed for c in row.cells):
        return row
    slots = _slots([c for c in row.cells if c.clean], sides, last)
    if slots is None or any(
        s.figures and len(s.figures) != len(side.amounts) and len(side.amounts) > 1
        for s, side in zip(slots, sides, strict=True)
    ):
        return row  # figures fewer than a side's amount columns cannot be told apart
    cells = [Cell("", row.location) for _ in range(width)]
    for slot, side in zip(slots, sides, strict=True):
        if slot.label is not None:
            cells[side.label] = slot.label
        if slot.line is not None and side.line is not None:
            cells[side.line] = slot.line
        for index, figure in zip(sorted(side.amounts), slot.figures, strict=False):
            cells[index] = figure
    return Row(tuple(cells), row.location)


def place_rows(rows: Sequence[Row], sides: Sequence[Side], width: int) -> list[Row]:
    """The rows, each shifted one placed again by meaning (see the module's docstring), the others as they are."""
    last = {side.name: 0 for side in sides}
    out: list[Row] = []
    for row in rows:
        placed = _placed(row, sides, width, last)
        for side in sides:
            line = placed.texts[side.line] if side.line is not None and side.line < len(placed.cells) else ""
            if LINE_RE.match(line):
                last[side.name] = int(line)
        out.append(placed)
    return out
