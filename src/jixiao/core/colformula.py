"""Column formulas a table's header prints ('⑥=③*⑤', '(4)=(2)/(3)×100%'): a tiny strict parser, and the check of
each row of a table whose columns the header numbers.

A formula is parsed only when every part of it is understood: column numbers circled (①…⑳) or bracketed ('(3)',
'（3）', '[3]'), or bare ('5=3+4') when the numbering row numbers its columns by bare digits; literal numbers only
beside bare-free references; the operators + - * × / ÷, brackets, and a percent sign after a number ('×100%' is ×1).
Anything else — a word, a letter, a stray sign — leaves the formula unparsed, and it is named as not checked.

The check works in intervals: every printed figure stands for the range its last digit allows (45.6 for
45.55…45.65), so a formula's value is a range; the printed result is right when its own range meets it. It is then
exact (the figures give it as printed) or a rounding residue (notice); beyond the printed precision it is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_TOKEN = re.compile(r"\s*(?:(?P<circled>[①-⑳])|[（(\[【]\s*(?P<bracketed>\d{1,2})\s*[)）\]】]|(?P<number>\d+(?:\.\d+)?)"
                    r"|(?P<op>[+\-－*×xX/÷／=＝%％()（）]))")
_OPS = {"－": "-", "×": "*", "x": "*", "X": "*", "÷": "/", "／": "/", "＝": "=", "％": "%", "（": "(", "）": ")"}

Interval = tuple[Decimal, Decimal]


@dataclass(frozen=True)
class Formula:
    """target = expression over column numbers, as printed."""

    text: str
    target: int
    columns: tuple[int, ...]  # the columns the expression reads
    percent: bool  # the expression carries a percent sign: its value is a ratio, a cell may print it in percent
    evaluate: Callable[[dict[int, Interval]], Interval | None]


def _tokens(text: str, bare: bool) -> list[tuple[str, str]] | None:
    out: list[tuple[str, str]] = []
    at = 0
    text = text.strip()
    while at < len(text):
        m = _TOKEN.match(text, at)
        if m is None or m.end() == at:
            return None
        at = m.end()
        if m.group("circled"):
            out.append(("col", str(CIRCLED.index(m.group("circled")) + 1)))
        elif m.group("bracketed"):
            out.append(("col", m.group("bracketed")))
        elif m.group("number"):
            out.append(("col" if bare else "num", m.group("number")))
        else:
            op = m.group("op")
            out.append(("op", _OPS.get(op, op)))
    return out


def parse_formula(text: str, bare: bool = False) -> Formula | None:
    """The formula a header cell prints, or None when any part of it is not understood. `bare`: the columns are
    numbered by bare digits, so a bare number is a column (and no literal number can be told from one)."""
    tokens = _tokens(text, bare)
    if not tokens or len(tokens) < 3 or tokens[0][0] != "col" or tokens[1] != ("op", "="):
        return None
    target = int(tokens[0][1])
    rest = tokens[2:]
    pos = 0
    columns: list[int] = []

    def peek() -> tuple[str, str] | None:
        return rest[pos] if pos < len(rest) else None

    def factor() -> Callable[[dict[int, Interval]], Interval | None] | None:
        nonlocal pos
        token = peek()
        if token is None:
            return None
        pos += 1
        node: Callable[[dict[int, Interval]], Interval | None]
        if token == ("op", "("):
            inner = expression()
            if inner is None or peek() != ("op", ")"):
                return None
            pos += 1
            node = inner
        elif token[0] == "col":
            number = int(token[1])
            columns.append(number)
            node = _column(number)
        elif token[0] == "num":
            value = Decimal(token[1])
            if peek() == ("op", "%"):
                pos += 1
                value /= 100
            node = _constant(value)
        else:
            return None
        return node

    def term() -> Callable[[dict[int, Interval]], Interval | None] | None:
        nonlocal pos
        left = factor()
        while left is not None and (token := peek()) in (("op", "*"), ("op", "/")):
            pos += 1
            right = factor()
            if right is None:
                return None
            left = _binary(token[1], left, right)
        return left

    def expression() -> Callable[[dict[int, Interval]], Interval | None] | None:
        nonlocal pos
        left = term()
        while left is not None and (token := peek()) in (("op", "+"), ("op", "-")):
            pos += 1
            right = term()
            if right is None:
                return None
            left = _binary(token[1], left, right)
        return left

    tree = expression()
    if tree is None or pos != len(rest) or not columns or target in columns:
        return None
    return Formula(re.sub(r"\s+", "", text), target, tuple(dict.fromkeys(columns)), any(t == ("op", "%") for t in rest),
                   tree)


def _column(number: int) -> Callable[[dict[int, Interval]], Interval | None]:
    def node(values: dict[int, Interval]) -> Interval | None:
        return values.get(number)

    return node


def _constant(value: Decimal) -> Callable[[dict[int, Interval]], Interval | None]:
    def node(values: dict[int, Interval]) -> Interval | None:
        return value, value

    return node


def _binary(op: str, left: Callable[[dict[int, Interval]], Interval | None],
            right: Callable[[dict[int, Interval]], Interval | None]) -> Callable[[dict[int, Interval]], Interval | None]:
    def node(values: dict[int, Interval]) -> Interval | None:
        a, b = left(values), right(values)
        if a is None or b is None:
            return None
        if op == "+":
            return a[0] + b[0], a[1] + b[1]
        if op == "-":
            return a[0] - b[1], a[1] - b[0]
        if op == "/":
            if b[0] <= 0 <= b[1]:
                return None  # a whole that may be zero: nothing follows
            b = (1 / b[1], 1 / b[0])
        products = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]]
        return min(products), max(products)

    return node


def printed_interval(text: str) -> tuple[Decimal, Interval, bool] | None:
    """(value, the range its last digit allows, printed with '%') of a cell holding one figure; None otherwise."""
    text = text.strip().replace(",", "").replace("，", "")
    percent = text.endswith(("%", "％"))
    body = text.rstrip("%％").strip()
    if not re.fullmatch(r"-?\d+(?:\.\d+)?", body):
        return None
    try:
        value = Decimal(body)
    except InvalidOperation:
        return None
    exponent = value.as_tuple().exponent
    half = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0) / 2
    return value, (value - half, value + half), percent


@dataclass(frozen=True)
class RowCheck:
    """One row's check of one formula: 'exact', 'residue' (within the printed precision), 'wrong', or 'scale'
    (off by a power of ten: the columns may be printed in different units, so it is not judged)."""

    outcome: str
    expected: Decimal  # the formula's value from the printed figures, in the printed result's terms
    printed: str


def check_row(formula: Formula, cells: dict[int, str]) -> RowCheck | None:
    """The formula checked on one row (column number → cell text); None when a figure it needs is not printed."""
    values: dict[int, Interval] = {}
    exact: dict[int, Interval] = {}
    for column in formula.columns:
        read = printed_interval(cells.get(column, ""))
        if read is None:
            return None
        value, span, percent = read
        scale = Decimal(100) if percent else Decimal(1)
        values[column] = (span[0] / scale, span[1] / scale)
        exact[column] = (value / scale, value / scale)
    result = printed_interval(cells.get(formula.target, ""))
    got, computed = formula.evaluate(values), formula.evaluate(exact)
    if result is None or got is None or computed is None:
        return None
    value, span, percent = result
    # a result printed in percent ('95%'), or bare under a formula that makes it one ('×100%' beside '95.5')
    scale = Decimal(100) if percent or formula.percent else Decimal(1)
    expected = computed[0] * scale
    low, high = got[0] * scale, got[1] * scale
    if span[1] < low or span[0] > high:
        if value and expected and _power_of_ten(expected / value):
            return RowCheck("scale", expected, cells[formula.target])
        return RowCheck("wrong", expected, cells[formula.target])
    return RowCheck("exact" if abs(expected - value) <= (span[1] - span[0]) / 2 else "residue", expected,
                    cells[formula.target])


def _power_of_ten(ratio: Decimal) -> bool:
    for k in range(1, 9):
        for scale in (Decimal(10) ** k, Decimal(10) ** -k):
            if abs(ratio / scale - 1) < Decimal("0.01"):
                return True
    return False


def numbering(cells: Sequence[str]) -> dict[int, int] | None:
    """Column number → index of a row numbering the table's columns ('①', '②', '⑥=③*⑤' …; '(1)', '(2)'; '1', '2'
    …): None when the row is no such numbering (a cell with no number, numbers not increasing)."""
    out: dict[int, int] = {}
    for index, text in enumerate(cells):
        text = text.strip()
        if not text:
            continue
        m = re.match(r"^(?:([①-⑳])|[（(\[]\s*(\d{1,2})\s*[)）\]]|(\d{1,2}))(?=\s*(?:[=＝]|$))", text)
        if m is None:
            continue
        number = CIRCLED.index(m.group(1)) + 1 if m.group(1) else int(m.group(2) or m.group(3))
        out[number] = index
    numbers = [n for n, _ in sorted(out.items(), key=lambda item: item[1])]
    if len(out) < 3 or numbers != sorted(numbers):
        return None
    return out


def bare_numbering(cells: Sequence[str]) -> bool:
    """The row numbers its columns by bare digits ('1', '2', '3=1+2')."""
    return any(re.match(r"^\d{1,2}\s*(?:[=＝]|$)", t.strip()) for t in cells if t.strip())


@dataclass(frozen=True)
class TableFormulas:
    """The formulas a table's header prints and what came of them: each row checked (formula, row index, check), the
    formulas checked on no row (printed but their figures not there), and those not parsed or not mapped."""

    checked: tuple[tuple[Formula, int, RowCheck], ...] = ()
    idle: tuple[str, ...] = ()
    unparsed: tuple[str, ...] = ()

    @property
    def printed(self) -> tuple[str, ...]:
        seen = [f.text for f, _, _ in self.checked] + list(self.idle) + list(self.unparsed)
        return tuple(dict.fromkeys(seen))


_FORMULA_CELL = re.compile(r"^\s*(?:[①-⑳]|[（(\[]\s*\d{1,2}\s*[)）\]]|\d{1,2})\s*[=＝]\s*\S")


def table_formulas(rows: Sequence[Sequence[str]]) -> TableFormulas:
    """The column formulas of a table (its rows' cell texts, positions kept): each printed in a row that numbers the
    columns is checked on every row below it whose figures are all printed; a formula not parsed, or printed in a
    row that does not number the columns, is named as not checked."""
    checked: list[tuple[Formula, int, RowCheck]] = []
    idle: list[str] = []
    unparsed: list[str] = []
    for index, row in enumerate(rows):
        cells = [c.strip() for c in row]
        printed = [c for c in cells if _FORMULA_CELL.match(c)]
        if not printed:
            continue
        mapped = numbering(cells)
        bare = bare_numbering(cells)
        for text in printed:
            formula = parse_formula(text, bare=bare)
            if formula is None or mapped is None or any(c not in mapped for c in (formula.target, *formula.columns)):
                unparsed.append(re.sub(r"\s+", "", text))
                continue
            found = False
            for below in range(index + 1, len(rows)):
                line = rows[below]
                figures = {n: line[i] if i < len(line) else "" for n, i in mapped.items()}
                if (check := check_row(formula, figures)) is not None:
                    checked.append((formula, below, check))
                    found = True
            if not found:
                idle.append(formula.text)
    return TableFormulas(tuple(checked), tuple(dict.fromkeys(idle)), tuple(dict.fromkeys(unparsed)))
