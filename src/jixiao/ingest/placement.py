"""Figures placed in their columns when the empty cells between them were lost (a table flattened into one line).

Each row's printed figures keep their order; a row with fewer figures than columns could have its blanks in any
of several places. A placement is kept only when the table's sums allow it — a total equal to the sum of its
parts, a parent code equal to the sum of its children, 合计 equal to the sum of the 类 rows — and a cell is
decided only when every placement kept puts the same figure (or a blank) in it. Nothing is guessed: a cell two
placements disagree on is left undecided, for the reader to report as not read.

Two things follow from each sum: its value (the printed total within the rounding of its printed terms) and its
shape (with no negative figure, a total is blank exactly when all its parts are). A sum whose value no
placement can meet is wrong in the document itself; it then decides nothing by its value (the audit reports it),
only by its shape — so one wrong figure does not leave its whole row unread. Which sums are set aside can depend
on the order they are met in when a wrong figure could sit in either of two columns; the sums are therefore
tried in both orders and a cell is decided only when both agree.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.money import is_number, parse_decimal, printed_exponent

Cell = tuple[int, int]  # (row, column)
def holds_nothing(text: str) -> bool:
    """A cell not placed whose every reading is nothing ('0或空', '0.00或空'): whichever cell its figure goes to,
    this one holds zero or a blank, so it reads as nothing either way."""
    choices = text.split("或")
    return bool(text) and all(c == "空" or (is_number(c) and parse_decimal(c) == 0) for c in choices)


PRODUCT_LIMIT = 20000  # placements of the rows one sum involves, tried together; beyond it the sum waits
UNDECIDED = None


@dataclass(frozen=True)
class Sum:
    """total = sum(parts), each a (row, column) cell of the table being placed."""

    total: Cell
    parts: tuple[Cell, ...]

    @property
    def rows(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(r for r, _ in (self.total, *self.parts)))


@dataclass(frozen=True)
class Rate:
    """rate (printed in percent) = part ÷ whole: a 执行率 beside its 执行数 and 预算数. Its shape: a printed rate
    other than zero needs both figures (and a row that prints a percentage prints it in the rate cell); its value:
    the part ÷ the whole rounds, or truncates, to the printed rate (97.80% for 97.808…: which figure is which
    does not rest on how the form cut its rate; whether the rate is right is the audit's to say)."""

    rate: Cell
    part: Cell
    whole: Cell
    printed: bool = False  # the row prints a percentage: the rate cell is not blank

    @property
    def rows(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(r for r, _ in (self.rate, self.part, self.whole)))


Constraint = Sum | Rate


@dataclass(frozen=True)
class Placement:
    cells: list[list[str | None]]  # per row, per column: the figure, '' for a blank, None when not decided
    broken: int  # sums whose value no placement meets (the document's own arithmetic is wrong there)
    unplaced: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)  # undecided cell → what it may hold


def _candidates(count: int, width: int) -> list[tuple[int, ...]]:
    return list(itertools.combinations(range(width), count)) if count <= width else []


def place(figures: Sequence[Sequence[str]], width: int | Sequence[int], sums: Sequence[Constraint]) -> Placement:
    """Place each row's figures (in order, blanks left out) in `width` columns (or each row in its own width);
    see the module docstring. A printed dash ('-') is a figure of nothing: it takes a column and counts as blank."""
    widths = [width] * len(figures) if isinstance(width, int) else list(width)
    values = [[parse_decimal(f) for f in row] for row in figures]
    halves = [[Decimal(1).scaleb(printed_exponent(f)) / 2 if v is not None else Decimal(0) for f, v in zip(row, vs, strict=True)]
              for row, vs in zip(figures, values, strict=True)]
    start = [_candidates(len(row), w) for row, w in zip(figures, widths, strict=True)]
    runs = [_run(start, values, halves, sums)]
    if runs[0][1] or runs[0][2]:  # with no sum set aside the narrowing does not depend on the order
        runs.append(_run(start, values, halves, list(reversed(sums))))
    cells: list[list[str | None]] = []
    undecided: dict[tuple[int, int], tuple[str, ...]] = {}
    for r in range(len(figures)):
        row: list[str | None] = []
        for column in range(widths[r]):
            seen = {figures[r][c.index(column)] if column in c else "" for options, _, _ in runs for c in options[r]}
            row.append(seen.pop() if len(seen) == 1 else UNDECIDED)
            if len(seen) > 1:
                undecided[(r, column)] = tuple(sorted(seen, key=lambda t: (not t, t)))
        cells.append(row)
    return Placement(cells, max(broken for _, broken, _ in runs), undecided)


def _run(start: list[list[tuple[int, ...]]], values: list[list[Decimal | None]], halves: list[list[Decimal]],
         sums: Sequence[Constraint]) -> tuple[list[list[tuple[int, ...]]], int, int]:
    """The options left once every sum has narrowed them, a sum found unmeetable set aside each time (the
    propagation then starts again); how many sums' values, and how many sums' shapes, were set aside."""
    broken: set[tuple[int, str]] = set()
    while True:
        outcome = _propagate([list(c) for c in start], values, halves, sums, broken)
        if not isinstance(outcome, tuple):
            return (outcome, len({i for i, aspect in broken if aspect == "value"}),
                    len({i for i, aspect in broken if aspect == "shape"}))
        broken.add(outcome)


def _value(cell: Cell, choice: dict[int, tuple[int, ...]], values: list[list[Decimal | None]],
           halves: list[list[Decimal]]) -> tuple[Decimal | None, Decimal]:
    row, column = cell
    placed = choice[row]
    if column not in placed:
        return None, Decimal(0)
    at = placed.index(column)
    return values[row][at], halves[row][at]


def _holds(s: Constraint, choice: dict[int, tuple[int, ...]], values: list[list[Decimal | None]],
           halves: list[list[Decimal]], aspect: str) -> bool:
    if isinstance(s, Rate):
        (rate, half), (part, _), (whole, _) = (_value(c, choice, values, halves) for c in (s.rate, s.part, s.whole))
        if not rate:
            return not (s.printed and rate is None)
        if aspect == "shape":
            return part is not None and bool(whole)
        if part is None or not whole:
            return True
        miss = part / whole * 100 - rate  # the printed rate rounded (within half its last digit) or truncated
        return -half <= miss < 2 * half
    terms = [_value(c, choice, values, halves) for c in (s.total, *s.parts)]
    numbers = [v for v, _ in terms]
    if aspect == "shape":
        if any(v is not None and v < 0 for v in numbers):
            return True
        return (not numbers[0]) == all(not v for v in numbers[1:])
    total = numbers[0] or Decimal(0)
    parts = sum((v or Decimal(0) for v in numbers[1:]), Decimal(0))
    return abs(total - parts) <= sum((h for _, h in terms), Decimal(0))


def _propagate(options: list[list[tuple[int, ...]]], values: list[list[Decimal | None]],
               halves: list[list[Decimal]], sums: Sequence[Constraint],
               broken: set[tuple[int, str]]) -> list[list[tuple[int, ...]]] | tuple[int, str]:
    """Options narrowed by every sum until nothing changes; a sum found unmeetable is returned instead (the
    caller then starts again without it)."""
    changed = True
    while changed:
        changed = False
        for index, s in enumerate(sums):
            aspects = [a for a in ("shape", "value") if (index, a) not in broken]
            rows = s.rows
            if not aspects or any(not options[r] for r in rows):
                continue
            size = 1
            for r in rows:
                size *= len(options[r])
            if size > PRODUCT_LIMIT:
                continue
            kept: dict[int, set[tuple[int, ...]]] = {r: set() for r in rows}
            met = dict.fromkeys(aspects, False)
            for combo in itertools.product(*(options[r] for r in rows)):
                choice = dict(zip(rows, combo, strict=True))
                held = [a for a in aspects if _holds(s, choice, values, halves, a)]
                for a in held:
                    met[a] = True
                if len(held) == len(aspects):
                    for r, c in choice.items():
                        kept[r].add(c)
            for a in aspects:
                if not met[a]:
                    return index, a
            if not any(kept.values()):
                return index, "value"  # each aspect met alone, never together: its value is the wrong one
            for r in rows:
                narrowed = [c for c in options[r] if c in kept[r]]
                if len(narrowed) < len(options[r]):
                    options[r] = narrowed
                    changed = True
    return options
