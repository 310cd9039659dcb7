"""逐项金额与合计 — a table listing parts, one figure a row, and their total (a fund's allocation to towns or
offices, a form's fund head 合计 = 基本支出 + 项目支出 with each one's share), read from a line the cells ran
together in (core.parts): the total is the sum of its rows, each printed share is its row's part of the total.

A figure printed without its decimal point and read with the one decimal point that makes the table add up
(core.parts.lost_point) rests on that reading: it is said as 疑似, and no 确定 is drawn from it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from jixiao.audit.catalogue import Context, NotApplicable, rule
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import format_number, round_half_up, truncate
from jixiao.core.parts import PartRow, PartsTable

CAT = "表内合计"
ZERO = Decimal(0)
HUNDRED = Decimal(100)


def _tables(doc: Any) -> tuple[PartsTable, ...]:
    return tuple(getattr(doc, "parts_tables", ()))


def _name(table: PartsTable) -> str:
    return f"“{table.title}”" if table.title else "逐项列出金额的表"


def _sum_holds(table: PartsTable) -> bool | None:
    """Whether the rows add up to the total within the printed precision; None when a row was not read."""
    amounts = [r.amount for r in table.rows]
    if table.total.amount is None or any(a is None for a in amounts):
        return None
    got = sum((a.value for a in amounts if a is not None), ZERO)
    figures = [*(a for a in amounts if a is not None), table.total.amount]
    return abs(got - table.total.amount.value) <= min(a.quantum for a in figures) / 2 * len(figures)


@rule("table.parts_total", "逐项列出金额的表（资金分配表、资金构成）合计与各项之和不符，或所列占比与金额不符", Tier.ERROR, CAT,
      "SPEC §7.3", "document")
def parts_total(doc: Any, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """名称与金额连写成一行的分配表（“甲镇5乙乡1.5…全县合计35”）、排成一行的资金构成（“基本支出 A 70% 项目支出 B 30%
    合计 T 100%”）：合计 = 各行之和，超出各数印出精度半个末位之和为确定，在其内为提示；合计相符时，各行所印占比 = 该行金额 ÷
    合计（按所印位数四舍五入），按各数印出精度推算的范围之外为确定（末位直接舍去相符的为提示），合计行占比应为 100%。有一行
    金额未能读出时该表的合计不予核对（读取报告列明位置）。按推定的小数点位置读出的金额（见 table.decimal_point_lost）参与的
    不符只作疑似。"""
    tables = _tables(doc)
    if not tables:
        yield NotApplicable("文中没有逐项列出金额与合计的表")
        return
    for table in tables:
        yield from _total(table)
        if _sum_holds(table):
            yield from _shares(table)


def _total(table: PartsTable) -> Iterator[Finding]:
    total = table.total.amount
    if total is None or any(r.amount is None for r in table.rows):
        return
    amounts = [r.amount for r in table.rows if r.amount is not None]
    got = sum((a.value for a in amounts), ZERO)
    difference = got - total.value
    if difference == 0:
        return
    figures = [*amounts, total]
    residue = sum((a.residue for a in figures), ZERO)  # each figure rounded at its own last printed digit
    column = min(a.quantum for a in figures) / 2 * len(figures)  # a shorter figure dropped its trailing zeros
    repaired = bool(table.repaired)
    if abs(difference) <= column:
        tier, note = Tier.NOTICE, "（尾数误差）"
    elif repaired:
        tier, note = Tier.WARNING, "（含按推定小数点位置读出的金额）"
    elif abs(difference) <= residue:
        tier, note = Tier.WARNING, "（按同列数字精度相同、较短的数只是省略了末尾的0计；若各数按各自印出的位数四舍五入则在尾数误差内）"
    else:
        tier, note = Tier.ERROR, ""
    yield Finding("table.parts_total", tier,
                  f"{_name(table)}合计 {total.text}，所列 {len(amounts)} 项之和为 {total.shown(got)}，相差 "
                  f"{total.shown(difference)}{note}", table.total.location.with_(column="金额"), CAT,
                  expected=format_number(got), actual=format_number(total.value))


def _shares(table: PartsTable) -> Iterator[Finding]:
    total = table.total.amount
    assert total is not None
    if table.total.share is not None and table.total.share.value != HUNDRED:
        yield Finding("table.parts_total", Tier.ERROR, f"{_name(table)}合计行占比印为 {table.total.share.text}，应为 100%",
                      table.total.location.with_(column="占比"), CAT, expected="100", actual=format_number(table.total.share.value))
    for row in table.rows:
        if row.share is not None and row.amount is not None and total.value > 0:
            found = _share(table, row)
            if found is not None:
                yield found


def _share(table: PartsTable, row: PartRow) -> Finding | None:
    total, amount, share = table.total.amount, row.amount, row.share
    assert total is not None and amount is not None and share is not None
    places = max(0, -share.quantum.normalize().as_tuple().exponent)  # type: ignore[operator]
    ratio = amount.value / total.value * HUNDRED
    expected = round_half_up(ratio, places)
    if expected == share.value:
        return None
    low = (amount.value - amount.residue) / (total.value + total.residue) * HUNDRED
    high = (amount.value + amount.residue) / (total.value - total.residue) * HUNDRED
    within = share.value - share.residue <= high and low <= share.value + share.residue
    repaired = bool(row.printed_as or table.total.printed_as)
    if within or truncate(ratio, places) == share.value:
        tier, note = Tier.NOTICE, "（尾数误差或末位直接舍去）"
    elif repaired:
        tier, note = Tier.WARNING, "（金额按推定的小数点位置读出）"
    else:
        tier, note = Tier.ERROR, ""
    return Finding("table.parts_total", tier,
                   f"{_name(table)}“{row.label}”{amount.text}占合计 {total.text} 的 {format_number(expected)}%，表中印为 "
                   f"{share.text}{note}", row.location.with_(column="占比"), CAT, expected=format_number(expected),
                   actual=format_number(share.value))


@rule("table.decimal_point_lost", "表中金额印成没有小数点的一串数字，只按推定的小数点位置才与合计相符", Tier.WARNING, CAT,
      "SPEC §0（无静默通过）", "document")
def decimal_point_lost(doc: Any, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """排成一行的表中一行金额印成没有小数点的一串数字（“7242318”），按原样大于其所属的合计，不可能是合计的组成部分；
    逐一试放小数点，只有一个位置能使各行之和等于所印合计时，按该位置读出（“724.2318”）并以疑似说明这一推定（依据是表内
    合计关系，不是印出的数字本身），请核对原表；没有或不止一个位置相符时该格列为未读取，不按原样读作几百万。"""
    tables = _tables(doc)
    if not any(t.repaired for t in tables):
        yield NotApplicable("表中没有按推定小数点位置读出的金额")
        return
    for table in tables:
        total = table.total.amount
        for row in table.repaired:
            if row.amount is None or total is None:
                continue
            yield Finding("table.decimal_point_lost", Tier.WARNING,
                          f"{_name(table)}“{row.label}”印为 {row.printed_as}（没有小数点），按原样大于合计 {total.text}；只有读作 "
                          f"{row.amount.text} 时各项之和等于合计，按漏印小数点推定读出（依据表内合计关系推定），请核对原表",
                          row.location.with_(column="金额"), CAT, expected=row.amount.text, actual=row.printed_as)
