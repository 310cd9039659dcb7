"""One fund row of a 预算执行情况 table printed with fewer cells than its header has columns (a form copied one cell
per line with its empty cells dropped, or two cells merged into one): which column each printed figure belongs to.

Every placement the header allows is tried — the figures keep their order; any column may be the one left out. A
placement must fit the cells' kinds (a percentage stands only in the 执行率 column, and the 执行率 column holds only a
percentage) and the form's shape (a printed rate other than zero needs its 执行数 and its 预算数). Placements that
give the same facts (预算数, 执行数, 分值, 执行率, 得分) are one reading: whether a 30 left of a blank was the 年初预算数
or the 调整预算数 changes none of them.

- When the layout leaves one reading, it is the row; what its own arithmetic then contradicts is the audit's to
  report (the row is read, not chosen by its figures).
- When several readings remain, the row's own arithmetic chooses: 执行率 = 执行数 ÷ 预算数 at the rate's printed
  precision, 得分 ≤ 分值, and 得分 = 分值 × min(执行率, 100%) where the form prints that formula. The one reading in
  which all of them hold is kept. None, or more than one: the row is not read, and why is said — a reading is
  never picked to report errors from.
- When every placement contradicts the row's own arithmetic, each placement and its fault are kept beside the why
  (`faulted`): whichever column each figure stands in, the row says something false — no one fault is established
  (which one depends on the placement), but the row is to be reported as doubtful, not only as unread.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.money import parse_decimal, printed_exponent

AMOUNTS = ("initial", "adjusted", "executed")
_NAMES = {"initial": "年初预算数", "adjusted": "调整预算数", "executed": "执行数", "points": "分值", "rate": "执行率",
          "score": "得分"}


def _percent(text: str) -> bool:
    return text.endswith(("%", "％"))


def _number(text: str) -> Decimal | None:
    return parse_decimal(text.rstrip("%％")) if text else None


def _half(text: str) -> Decimal:
    return Decimal(1).scaleb(printed_exponent(text.rstrip("%％"))) / 2


@dataclass(frozen=True)
class RowPlacement:
    """The reading of one row (field → printed text, '' for a blank) or, when it is not read, why (`reading` None)."""

    reading: dict[str, str] | None
    why: str = ""
    contradicted: tuple[str, ...] = field(default=())  # what the reading's own arithmetic contradicts (layout-unique)
    # when every placement contradicts itself: each placement in words and what it contradicts
    faulted: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())


def _placements(figures: Sequence[str], fields: Sequence[str]) -> list[dict[str, str]]:
    """Every placement of the figures, in order, under the fields that fits the cells' kinds and the form's shape."""
    out = []
    for columns in itertools.combinations(range(len(fields)), len(figures)):
        reading = dict.fromkeys(fields, "")
        for text, column in zip(figures, columns, strict=True):
            reading[fields[column]] = text
        bare_rates = not any(_percent(t) for t in figures)  # a row printing no '%' may print its rate bare
        if any(_percent(text) != (name == "rate") for name, text in reading.items()
               if text and not (bare_rates and name == "rate")):
            continue
        if "rate" in fields and any(_percent(t) for t in figures) and not reading["rate"]:
            continue
        rate = _number(reading.get("rate", ""))
        if rate and not (reading.get("executed") and (reading.get("adjusted") or reading.get("initial"))):
            continue
        out.append(reading)
    return out


def _facts(reading: dict[str, str]) -> tuple[Decimal | None, ...]:
    budget = reading.get("adjusted") or reading.get("initial") or ""
    return tuple(_number(t) for t in (budget, reading.get("executed", ""), reading.get("points", ""),
                                      reading.get("rate", ""), reading.get("score", "")))


def _fits(share: Decimal, printed: Decimal, half: Decimal) -> bool:
    return -half <= share - printed < 2 * half  # rounded, or truncated, to the printed rate


def contradictions(reading: dict[str, str], score_formula: bool, form_points: Decimal | None = None) -> list[str]:
    """What the row's own arithmetic contradicts in this reading, in words ([] when all of it holds). A rate printed
    without '%' is a percentage or a ratio (1 for 100%), whichever 执行数 ÷ 预算数 gives. `form_points`: the part's
    points the form prints in its score's formula ('得分(20分*执行率)'), standing for a 分值 cell the row lacks."""
    budget_text = reading.get("adjusted") or reading.get("initial") or ""
    budget, executed, points, rate, score = _facts(reading)
    points_text = reading.get("points") or ""
    if points is None and form_points is not None:
        points, points_text = form_points, f"{form_points.normalize():f}（表头所印）"
    out = []
    if rate is not None and executed is not None and budget:
        share = executed / budget * 100
        half = _half(reading["rate"])
        if _fits(share, rate, half):
            pass
        elif not _percent(reading["rate"]) and _fits(share / 100, rate, half):
            rate *= 100  # a ratio: 1 for 100%
        else:
            out.append(f"执行率 {reading['rate']} ≠ 执行数 {reading['executed']} ÷ 预算数 {budget_text}")
    if score is not None and points is not None and score > points:
        out.append(f"得分 {reading['score']} 超过分值 {points_text}")
    elif score_formula and score is not None and points is not None and rate is not None:
        expected = points * min(rate, Decimal(100)) / 100
        if abs(expected - score) > _half(reading["score"]) + points * _half(reading["rate"]) / 100:
            out.append(f"得分 {reading['score']} ≠ 分值 {points_text} × 执行率 {reading['rate']}")
    return out


def _describe(reading: dict[str, str]) -> str:
    return "、".join(f"{_NAMES.get(name, name)} {text}" for name, text in reading.items() if text)


def place_row(figures: Sequence[str], fields: Sequence[str], score_formula: bool = False,
              form_points: Decimal | None = None) -> RowPlacement:
    """The one reading of a row's printed figures (in order, blanks left out) under the header's `fields`
    (initial, adjusted, executed, points, rate, score), by the rules of the module docstring. `score_formula`: the
    form prints 得分 = 分值 × 执行率; `form_points`: the points it prints in that formula ('得分(20分*执行率)')."""
    if len(figures) > len(fields):
        return RowPlacement(None, f"{len(figures)} 个数字多于表头的 {len(fields)} 列")
    groups: dict[tuple[Decimal | None, ...], dict[str, str]] = {}
    for reading in _placements(figures, fields):
        facts = _facts(reading)
        kept = groups.setdefault(facts, reading)
        if kept is not reading and any(kept.get(k) != reading.get(k) for k in ("initial", "adjusted")):
            # the same facts with the 年初/调整 cell left open: the figure is the budget either way — read as the
            # 全年预算数, the 年初预算数 unknown
            budget = reading.get("adjusted") or reading.get("initial") or ""
            groups[facts] = {**{k: v for k, v in kept.items() if k != "initial"}, "adjusted": budget}
    readings = list(groups.values())
    if not readings:
        return RowPlacement(None, "没有一种摆放符合各格的类型（百分数只能在执行率列，印出的执行率需有执行数和预算数）")
    if len(readings) == 1:
        return RowPlacement(readings[0], contradicted=tuple(contradictions(readings[0], score_formula, form_points)))
    consistent = [r for r in readings if not contradictions(r, score_formula, form_points)]
    if len(consistent) == 1:
        return RowPlacement(consistent[0])
    if not consistent:
        faulted = tuple((_describe(r), tuple(contradictions(r, score_formula, form_points))) for r in readings)
        said = "；".join(f"读作{reading}，则{'，'.join(faults)}" for reading, faults in faulted)
        return RowPlacement(None, f"{len(readings)} 种摆放无一能自洽（{said}），不能确定各数字所在的列", faulted=faulted)
    said = "；".join(_describe(r) for r in consistent)
    return RowPlacement(None, f"{len(consistent)} 种摆放都能自洽（{said}），不能确定各数字所在的列")

