"""两年对比表 — a table comparing two years item by item that no template names (core.disclosure.ComparisonTable),
checked by its own arithmetic: each row's 增减额 = 本年 − 上年, its 增减率 = 增减额 ÷ 上年, and a 总计/合计 row = the
items numbered 1, 2, 3 … under it (or, closing a list, the rows above it)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from decimal import Decimal

from jixiao.audit.catalogue import Context, NotApplicable, rule
from jixiao.audit.rules.narrative import reachable
from jixiao.core.disclosure import Amount, ComparisonRow, ComparisonTable, DisclosurePackage
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import (
    format_number,
    printed_exponent,
    round_half_up,
    rounding_tolerance,
    truncate,
    unit_scale,
)
from jixiao.core.profile import Profile

RULE = "disclosure.comparison_table"
CAT = "表内平衡"
ZERO = Decimal(0)
ITEM_RE = re.compile(r"^\s*[（(]?(\d{1,2})\s*[)）.、．]")  # '1. 财政补助收入', '(2)其他', '3、…'
TOTAL_RE = re.compile(r"(?:总计|合计)\s*$")
BRACKETED_RE = re.compile(r"^\s*[（(]")
CATCH_ALL_RE = re.compile(r"^\s*[（(]?\d{1,2}\s*[)）.、．]?\s*其他")


def _applies(pkg: DisclosurePackage) -> str | None:
    return None if pkg.comparisons else "文档中没有两年对比表（上年、本年及增减）"


def _difference(
    profile: Profile,
    table: ComparisonTable,
    printed: Amount,
    parts: Sequence[Amount],
    expected: Decimal,
    what: str,
    formula: str,
    tier: Tier = Tier.ERROR,
    note: str = "",
) -> Finding | None:
    """A finding when the printed figure is not `expected` (the figures `parts` give): a notice within the
    尾数误差 their printed precision allows, else `tier`."""
    difference = printed.value - expected
    if difference == 0:
        return None
    quantum = max(a.quantum for a in (printed, *parts))
    tolerance = rounding_tolerance(len(parts), quantum, profile.tolerance.per_term, profile.tolerance.cap)
    within = abs(difference) <= tolerance
    scale = unit_scale(table.unit) or Decimal(1)
    places = max(-printed_exponent(a.text) for a in (printed, *parts))

    separators = "," in printed.text

    def shown(value: Decimal) -> str:
        return format_number(value / scale, places, separators=separators)

    message = (
        f"{table.title}“{what}”：填列 {printed.text}{table.unit}，按 {formula} 应为 {shown(expected)}"
        f"{table.unit}，相差 {shown(difference)}{table.unit}" + ("（尾数误差，在容差内）" if within else note)
    )
    return Finding(
        RULE,
        Tier.NOTICE if within else tier,
        message,
        printed.location,
        CAT,
        expected=shown(expected),
        actual=printed.text,
        difference=shown(difference),
    )


def _change(profile: Profile, table: ComparisonTable, row: ComparisonRow) -> Finding | None:
    if row.change is None or row.later is None or row.earlier is None:
        return None
    return _difference(
        profile,
        table,
        row.change,
        (row.later, row.earlier),
        row.later.value - row.earlier.value,
        f"{row.label}”的“增减额",
        f"{table.years[1]} − {table.years[0]}",
    )


def _percent(change: Decimal, base: Decimal) -> Decimal | None:
    return change / base * 100 if base > 0 else None


def _growth(later: Decimal, earlier: Decimal) -> Decimal | None:
    return _percent(later - earlier, earlier)


def _rate(table: ComparisonTable, row: ComparisonRow) -> Finding | None:
    """The printed 增减率 against (本年 − 上年) ÷ 上年 (or 增减额 ÷ 上年 when a year's figure is not printed): certain
    only outside every value the figures allow at their printed precision and not those values truncated."""
    rate, base = row.rate, row.earlier
    if rate is None or base is None or base.value <= 0:
        return None
    function: Callable[[Decimal, Decimal], Decimal | None]
    if row.later is not None:
        function, operands = _growth, ((row.later.value, row.later.quantum), (base.value, base.quantum))
        formula = f"（{table.years[1]} − {table.years[0]}）÷ {table.years[0]}"
    elif row.change is not None:
        function, operands = _percent, ((row.change.value, row.change.quantum), (base.value, base.quantum))
        formula = f"增减额 ÷ {table.years[0]}"
    else:
        return None
    computed = function(*(value for value, _ in operands))
    if computed is None:
        return None
    places = max(-rate.quantum.as_tuple().exponent, 0)  # type: ignore[operator]
    expected = round_half_up(computed, places)
    if rate.value == expected:
        return None
    bounds = reachable(function, *operands)
    half = rate.quantum / 2
    certain = bounds is not None and (rate.value + half < bounds[0] or rate.value - half > bounds[1])
    if (
        certain
        and bounds is not None
        and truncate(bounds[0], places) <= rate.value <= truncate(bounds[1], places)
    ):
        certain = False  # the last digits dropped instead of rounded
    return Finding(
        RULE,
        Tier.ERROR if certain else Tier.NOTICE,
        f"{table.title}“{row.label}”的增减率写为 {rate.text}，按 {formula} 应为 {expected}%",
        rate.location,
        CAT,
        expected=f"{expected}",
        actual=rate.text,
        difference=f"{rate.value - expected}",
    )


def _items(rows: Sequence[ComparisonRow], at: int) -> list[ComparisonRow] | None:
    """The rows numbered 1, 2, 3 … right under the total at `at`, or None when the next row is not item 1. An item's
    own parts between them, numbered in the other style ('2.公务用车…' over '(1)购置费', '(2)运行费') or opening with
    '其中', are passed over: the list goes on with '3.'."""
    items: list[ComparisonRow] = []
    style: bool | None = None  # whether the items' numbers are bracketed: '(1)' against '1.'
    for row in rows[at + 1 :]:
        match = ITEM_RE.match(row.label)
        bracketed = BRACKETED_RE.match(row.label) is not None
        if match is None or (style is not None and bracketed != style):
            if items and (match is not None or row.label.lstrip().startswith("其中")):
                continue  # a part of the item above
            break
        style = bracketed
        if int(match.group(1)) != len(items) + 1:
            break
        items.append(row)
    return items or None


def _totals(
    profile: Profile, table: ComparisonTable, sums: dict[int, dict[str, Amount]]
) -> Iterator[Finding | NotApplicable]:
    """Each total row against its items; `sums` gets, for a total that does not add up, its items' sum per column
    (its change is then checked on that sum: one fault, one finding)."""
    rows = table.rows
    for at, total in enumerate(rows):
        if not TOTAL_RE.search(total.label) or "其中" in total.label or (items := _items(rows, at)) is None:
            continue
        exhaustive = (
            CATCH_ALL_RE.match(items[-1].label) is not None
        )  # the last item takes in whatever is left
        for column, year in (("earlier", table.years[0]), ("later", table.years[1])):
            printed = getattr(total, column)
            if printed is None or (column == "later" and table.template):
                continue  # a template table's own year: its sums are the template's rules'

            parts = [getattr(item, column) for item in items]
            if any(p is None and column in item.unknown for p, item in zip(parts, items, strict=True)):
                yield NotApplicable(f"{table.title}“{total.label}”的分项有未能读取的{year}数字")
                continue
            shown = [p for p in parts if p is not None]
            value = sum((p.value for p in shown), ZERO)
            note = (
                ""
                if exhaustive
                else f"（按所列 1–{len(items)} 项为其全部组成；分项未列“其他”，也可能只列了一部分）"
            )
            found = _difference(
                profile,
                table,
                printed,
                shown,
                value,
                f"{total.label}”的“{year}",
                f"第 1–{len(items)} 项之和",
                Tier.ERROR if exhaustive else Tier.WARNING,
                note,
            )
            if found is not None:
                yield found
                if found.tier is not Tier.NOTICE:
                    quantum = max(p.quantum for p in (printed, *shown))
                    places = max(-printed_exponent(p.text) for p in (printed, *shown))
                    text = format_number(value / (unit_scale(table.unit) or 1), places)
                    sums.setdefault(at, {})[column] = Amount(value, text, quantum, printed.location)


@rule(
    RULE,
    "两年对比表的增减额、增减率或总计与表中数字不符",
    Tier.ERROR,
    CAT,
    "SPEC §7.3",
    "disclosure",
    params=("tolerance",),
    applies=_applies,
)
def comparison_table(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """模板之外逐项比较两个年度的表（上年 | 本年 | 增减额 | 增减率，如医院的收入支出情况对比表）按表内算术核对：增减额 =
    本年 − 上年；增减率 = （本年 − 上年）÷ 上年（上年为0或负数时不核对）；总计或合计行 = 其下编号 1、2、3…的各项之和。超出
    所印精度的尾数误差为确定，误差之内为提示；增减率按所印精度推算的范围之外、且不是末位直接舍去时为确定。总计的分项未以
    “其他”收尾时，分项是否列全属于解读，不符为疑似。表中未能确定位置的格（“0或空”之外）使所在的总计不予核对。总计与分项
    不符时，其增减额、增减率按分项之和核对（增减额与分项相符即只报总计一处）。三公经费表在本年数旁另列上年数和增减的
    （“2030年预算数 | 2031年预算数 | 增减金额 | 增减幅度”），本年数的合计由三公经费表的规则核对，此处核对上年数的合计
    与各项的增减额、增减率。"""
    for table in pkg.comparisons:
        sums: dict[int, dict[str, Amount]] = {}
        yield from _totals(ctx.profile, table, sums)
        for at, row in enumerate(table.rows):
            summed = sums.get(at, {})
            row = replace(
                row, earlier=summed.get("earlier", row.earlier), later=summed.get("later", row.later)
            )
            for found in (_change(ctx.profile, table, row), _rate(table, row)):
                if found is not None:
                    yield found
