"""Fund rows of a 预算执行情况 table whose cells were shifted: a row printed with fewer cells than the header
has columns, so that read by position a 执行率 lands in an amount column ('| 年度资金总额 | 500 | 500 | 10 | 100% |'
under 年初预算数 全年预算数 全年执行数 分值 执行率 得分: the 年初预算数 cell was lost).

Such rows are placed with ingest.placement, by what the form's own arithmetic decides: each row's 执行率 =
执行数 ÷ 全年预算数 (a printed rate needs both), and the first (total) row's amounts = the sum of the rows under
it. A cell two readings disagree on is left undecided for the reader to report; a dash and a blank are one.
"""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.ingest.placement import Constraint, Rate, Sum, place

BLANKS = ("", "/", "／", "-", "—", "－", "——")
_AMOUNTS = ("initial", "adjusted", "executed")


def _percent(text: str) -> bool:
    return text.rstrip().endswith(("%", "％"))


def is_shifted(texts: Sequence[str], fields: Sequence[str | None]) -> bool:
    """Read by position, a percentage would sit outside the 执行率 column (the row lost a cell before it)."""
    return any(_percent(text) and (index >= len(fields) or fields[index] != "reported_rate")
               for index, text in enumerate(texts[1:], start=1))


def place_fund_rows(rows: Sequence[Sequence[str]], fields: Sequence[str | None],
                    total_first: bool) -> tuple[list[list[str]], list[tuple[int, int]]]:
    """Each row (label first) with its figures placed under `fields`; and the (row, column) cells left undecided
    (their text is then ''). `total_first`: the first row is the total of the others."""
    width = len(fields) - 1
    figures = [[t for t in row[1:] if t] for row in rows]
    at = {name: index - 1 for index, name in enumerate(fields) if name and index}
    constraints: list[Constraint] = []
    if total_first and len(rows) > 1:
        constraints += [Sum((0, at[n]), tuple((r, at[n]) for r in range(1, len(rows)))) for n in _AMOUNTS if n in at]
    if {"reported_rate", "executed", "adjusted"} <= at.keys():
        constraints += [Rate((r, at["reported_rate"]), (r, at["executed"]), (r, at["adjusted"]),
                             printed=any(_percent(t) for t in figures[r])) for r in range(len(rows))]
    placed = place(figures, width, constraints)
    out: list[list[str]] = []
    undecided: list[tuple[int, int]] = []
    for r, row in enumerate(rows):
        cells = [row[0]]
        if len(figures[r]) > width:  # more figures than columns: none of them can be placed
            undecided += [(r, column + 1) for column in range(width)]
            out.append([row[0], *[""] * width])
            continue
        for column in range(width):
            text = placed.cells[r][column] if r < len(placed.cells) and column < len(placed.cells[r]) else None
            options = placed.unplaced.get((r, column), ())
            percent = text is not None and _percent(text)
            if text is None and all(o in BLANKS for o in options):
                text = ""
            elif text is None or (percent != (fields[column + 1] == "reported_rate") and text not in BLANKS):
                undecided.append((r, column + 1))
                text = ""
            cells.append(text)
        out.append(cells)
    return out, undecided
