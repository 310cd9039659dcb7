"""One section of a form built as one table, re-gridded on its own header row.

A 项目支出绩效自评表 is often one table: the 项目资金 rows, the 年度总体目标 rows and the indicator rows share one
grid, each section spanning its cells differently ('全年预算数' over one grid column, '偏差原因' over two), and a
caption cell ('项目资金（万元）', '绩效指标') merged down the section's first column. Read whole, the section's
columns sit at grid positions its header does not name. Each section is therefore cut from the table at its
header row and re-gridded:

- the caption column: a first column whose cells below the header are empty (a merged range, as spreadsheets
  keep it) or repeat the header's cell (a vertically merged cell, as Word readers repeat it) is the section's
  caption, not a column. A closing row whose label starts in that column and spans the next ('总分' over the
  label columns) keeps its label, moved into the next column;
- columns empty in every row of the section (the grid columns another section needed) are dropped.

Nothing is moved within a row otherwise: cells keep their own locations, and whatever the header names is then
read by its header text.
"""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.core.provenance import Location
from jixiao.ingest.source import Cell, Row


def _text(row: Row, column: int) -> str:
    return row.texts[column] if column < len(row.cells) else ""


def _caption(rows: Sequence[Row], closing: tuple[str, ...]) -> tuple[str, Location] | None:
    """The text and place of the section's caption column (the text may be empty), or None when the first column
    holds anything of its own below the header."""
    if len(rows) < 2 or not rows[0].cells or not any(rows[0].texts[1:]):
        return None
    caption = rows[0].texts[0]
    own = 0
    for row in rows[1:]:
        first = _text(row, 0)
        if first and first != caption:
            if not first.replace(" ", "").startswith(closing) or _text(row, 1):
                return None
        else:
            own += 1
    return (caption, rows[0].cells[0].location) if own else None


def _without_caption(row: Row, caption: str) -> Row:
    """The row without its caption cell; a closing label there ('总分') moves into the next cell, empty below it."""
    if not row.cells:
        return row
    first, rest = row.cells[0], list(row.cells[1:])
    if first.clean and first.clean != caption:
        rest[:1] = [Cell(first.text, first.location, first.placed)]
    return Row(tuple(rest), row.location)


def regrid(rows: Sequence[Row], closing: tuple[str, ...]) -> tuple[tuple[str, Location] | None, tuple[Row, ...]]:
    """One section's rows (its header first): its caption (text, place) when its first column is one, and the rows
    without the caption column and without the columns empty in every row. `closing`: the labels of rows that
    close the section from its first column ('总分', '合计')."""
    caption = _caption(rows, closing)
    out = list(rows)
    if caption is not None:
        out = [Row(tuple(rows[0].cells[1:]), rows[0].location),
               *[_without_caption(row, caption[0]) for row in rows[1:]]]
    texts = [row.texts for row in out]
    width = max((len(t) for t in texts), default=0)
    kept = [c for c in range(width) if any(c < len(t) and t[c] for t in texts)]
    if len(kept) < width:
        out = [Row(tuple(row.cells[c] for c in kept if c < len(row.cells)), row.location) for row in out]
    return (caption if caption is not None and caption[0] else None), tuple(out)
