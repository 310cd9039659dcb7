"""Fund rows of a 预算执行情况 table whose cells were shifted: a row printed with fewer cells than the header
has columns, so that read by position a 执行率 lands in an amount column ('| 年度资金总额 | 500 | 500 | 10 | 100% |'
under 年初预算数 全年预算数 全年执行数 分值 执行率 得分: the 年初预算数 cell was lost).

Such rows are placed with ingest.placement, by what the form's own arithmetic decides: each row's 执行率 =
执行数 ÷ 全年预算数 (a printed rate needs both), and the first (total) row's amounts = the sum of the rows under
it. A cell two readings disagree on is left undecided for the reader to report; a dash and a blank are one.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import permutations

from jixiao.core.money import is_number, parse_decimal
from jixiao.ingest.placement import Constraint, Rate, Sum, place

BLANKS = ("", "/", "／", "-", "—", "－", "——")
_AMOUNTS = ("initial", "adjusted", "executed")


def _percent(text: str) -> bool:
    return text.rstrip().endswith(("%", "％"))


def is_shifted(texts: Sequence[str], fields: Sequence[str | None]) -> bool:
    """Read by position, a percentage would sit outside the 执行率 column (the row lost a cell before it)."""
    return any(_percent(text) and (index >= len(fields) or fields[index] not in ("reported_rate", "other_rate"))
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


FORM_POINTS = Decimal(100)  # a self-evaluation form's full marks: no block's points exceed them


def _figure(text: str) -> Decimal | None:
    return parse_decimal(text) if is_number(text) else None


def _unit_of(printed: Decimal) -> Decimal:
    """One unit of the last printed digit: '86.19' → 0.01, '45' → 1."""
    exponent = printed.as_tuple().exponent
    return Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)


def unordered_total(words: Sequence[str], points: Decimal | None = None) -> tuple[int, int, int, int | None, int] | None:
    """The total fund row of a form whose cells came out of reading order (values before labels, the 执行率 after
    the goal text): the word indices of (全年预算数, 全年执行数, 执行率, 分值, 得分) that the form's own arithmetic
    singles out — 执行率 = 执行数 ÷ 预算数 (within a unit of its last printed digit: a rate rounded either way)
    and 得分 = 分值 × 执行率 (at the score's printed precision). `points`: the points the header prints
    ('得分(20分*执行率)'), when there is no 分值 cell (its index is then None). None unless every reading that
    fits gives the same figures. Points are above 0 and at most the form's 100, and are not the 预算数 beside a
    得分 that is the 执行数 (else 'A × rate = B' would read as 'points × rate = score' too)."""
    figures = [(i, value) for i, w in enumerate(words) if (value := _figure(w)) is not None]
    rates = [(i, value) for i, w in enumerate(words)
             if _percent(w) and (value := _figure(w.rstrip().rstrip("%％"))) is not None]
    found: dict[tuple[Decimal, ...], tuple[int, int, int, int | None, int]] = {}
    for r_at, rate in rates:
        for (a_at, a), (b_at, b) in permutations(figures, 2):
            if a <= 0 or abs(b / a * 100 - rate) > _unit_of(rate):
                continue
            rest = [(i, v) for i, v in figures if i not in (a_at, b_at)]
            pairs = ([(None, points, s_at, s) for s_at, s in rest] if points is not None
                     else [(p_at, p, s_at, s) for (p_at, p), (s_at, s) in permutations(rest, 2)])
            for p_at, p, s_at, s in pairs:
                if 0 < p <= FORM_POINTS and abs(p * rate / 100 - s) <= _unit_of(s) / 2 and (p, s) != (a, b):
                    found.setdefault((a, b, rate, p, s), (a_at, b_at, r_at, p_at, s_at))
    return next(iter(found.values())) if len(found) == 1 else None


def ordered_total(words: Sequence[str], fields: Sequence[str | None]) -> tuple[int, int, int, int | None, int] | None:
    """The total fund row printed right after its header's words, in the header's order, its label elsewhere (a
    spreadsheet dumped column by column: '全年预算数 全年执行数 分值 执行率 得分 65 60 10 92.31% 9'). `words` start
    at the header's first word; `fields` name each header word ('adjusted', 'executed', 'points',
    'reported_rate', 'reported_score'). Taken only when the figures after the header fit it one for one — amounts
    and points figures, the 执行率 a percentage equal to 执行数 ÷ 预算数 within a unit of its last printed digit,
    the 得分 at most the points — and returns the word indices as unordered_total does."""
    width = len(fields)
    if {"adjusted", "executed", "reported_rate", "reported_score"} - set(fields) or len(words) < 2 * width:
        return None
    cells = list(words[width:2 * width])
    at = {name: width + index for index, name in enumerate(fields) if name}
    values = {name: _figure(cells[index - width].rstrip("%％")) for name, index in at.items()}
    if any(v is None for v in values.values()) or not _percent(words[at["reported_rate"]]) or any(
            _percent(words[i]) for n, i in at.items() if n != "reported_rate"):
        return None
    a, b, rate = values["adjusted"], values["executed"], values["reported_rate"]
    points, score = values.get("points"), values["reported_score"]
    if a is None or b is None or rate is None or a <= 0 or abs(b / a * 100 - rate) > _unit_of(rate):
        return None
    if score is None or (points is not None and not 0 <= score <= points <= FORM_POINTS):
        return None
    return at["adjusted"], at["executed"], at["reported_rate"], at.get("points"), at["reported_score"]


def unscored_total(words: Sequence[str]) -> tuple[int, int, int] | None:
    """The total fund row of a form that does not score its budget execution (its header prints 合计 and 执行数 beside
    the fund sources, no 分值 or 得分: '中央 省、地 本级 其他 合计 执行数 执行率'), its cells out of reading order: the
    word indices of (合计, 执行数, 执行率) up to the first percentage, where 执行率 = 执行数 ÷ 合计 (within a unit of its
    last printed digit) singles out one reading of the figures. None unless every reading that fits gives the same
    figures, or when no percentage is printed. A rate's '%' may be a word of its own ('100', '%')."""
    def rate_of(index: int) -> Decimal | None:  # '100%', or '100' then '%' as a word of its own (PDF fragments)
        word = words[index].rstrip()
        if _percent(word):
            return _figure(word.rstrip("%％"))
        following = words[index + 1].strip() if index + 1 < len(words) else ""
        return _figure(word) if following in ("%", "％") else None

    rate_at = next((i for i in range(len(words)) if rate_of(i) is not None), None)
    if rate_at is None:
        return None
    rate = rate_of(rate_at)
    assert rate is not None
    figures = [(i, value) for i, w in enumerate(words[:rate_at]) if (value := _figure(w)) is not None]
    found: dict[tuple[Decimal, Decimal], tuple[int, int, int]] = {}
    for (a_at, a), (b_at, b) in permutations(figures, 2):
        if a > 0 and a_at < b_at and abs(b / a * 100 - rate) <= _unit_of(rate):
            found.setdefault((a, b), (a_at, b_at, rate_at))
    return next(iter(found.values())) if len(found) == 1 else None
