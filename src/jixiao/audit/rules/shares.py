"""情况说明与表 — shares of one whole the text names but does not state: '(一)教育支出X元，占支出总预算P%' '(二)…Y元，占支出
总预算Q%'. Where no rule found the whole (narrative.n2_percentages leaves such a share unchecked), the shares printed
for one named whole in a section are checked together: when they add up to 100% (within their rounding) the items are
the whole, and each share is recomputed on the items' sum. A share that fails is certain when no whole at all makes
every share of the list true at its printed precision; when some other whole would, it is a warning (the items may be
less than the whole). Shares adding up to less or more than 100% prove nothing without the whole: left 未核对, with
the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.catalogue import Context, rule
from jixiao.audit.rules.narrative import (
    BASIS,
    CAT,
    _places,
    _shares,
    _true_printed,
    _unit_of,
    compared,
    has_narrative,
    ratio,
    reachable,
    sentences,
)
from jixiao.core.coverage import stated_key
from jixiao.core.disclosure import DisclosurePackage
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import compact_text, format_amount, round_half_up
from jixiao.core.statements import Claim, Statement

ZERO = Decimal(0)
HUNDRED = Decimal(100)
Printed = tuple[Decimal, Decimal]  # a figure as printed: its value and one unit of its last printed digit


# How a list numbers its items: '1.' / '1、', '(一)', '一、', or not at all. Two lists of one whole (by structure,
# then by function class) number their items apart.
_NUMBERING = (("arabic", re.compile(r"^\d{1,2}[.、．](?!\d)")), ("bracketed", re.compile(r"^[(（][一二三四五六七八九十\d]{1,3}[)）]")),
              ("chinese", re.compile(r"^[一二三四五六七八九十]{1,3}、")))


def _numbering(statement: Statement) -> tuple[str, str]:
    """How the sentence's item is numbered, and its number as printed ('', '' when it is not)."""
    text = compact_text(statement.text)
    for name, pattern in _NUMBERING:
        if match := pattern.match(text):
            return name, re.sub(r"[^\d一二三四五六七八九十]", "", match.group(0))
    return "", ""


def _lists(pkg: DisclosurePackage, ctx: Context) -> dict[tuple[str, str, str], list[tuple[Claim, Claim, Statement]]]:
    """(section, the whole named, how the items are numbered) → the shares of it no rule checked, each with the one
    amount it is of."""
    done = ctx.checked_claims
    where = {stated_key(c): s for s in sentences(pkg) for c in s.claims}
    found: dict[tuple[str, str, str], list[tuple[Claim, Claim, Statement]]] = {}
    firsts: dict[tuple[str, str, str], str] = {}  # the number each list's first item printed
    runs: dict[tuple[str, str, str], int] = {}
    for claim, _, operands, _, parts, _ in _shares(pkg):
        statement = where.get(stated_key(claim))
        if operands is not None or len(parts) != 1 or not claim.basis or statement is None or stated_key(claim) in done:
            continue
        style, number = _numbering(statement)
        key = (statement.section, claim.basis, style)
        if number and number == firsts.get(key):  # the numbering starts again: another list
            runs[key] = runs.get(key, 0) + 1
        firsts.setdefault(key, number)
        found.setdefault((*key[:2], f"{style}{runs.get(key, 0)}"), []).append((claim, parts[0], statement))
    return found


def _common_whole(items: list[tuple[Claim, Printed]]) -> bool:
    """Whether one whole makes every share true at its printed precision (each share within half its last digit)."""
    low, high = ZERO, None
    for share, (amount, quantum) in items:
        least, most = share.value - share.quantum / 2, share.value + share.quantum / 2
        if most <= 0:
            if amount - quantum / 2 > 0:
                return False  # a share of 0 of an amount above 0
            continue
        low = max(low, (amount - quantum / 2) * HUNDRED / most)
        if least > 0:
            bound = (amount + quantum / 2) * HUNDRED / least
            high = bound if high is None else min(high, bound)
    return high is None or low <= high



@rule("narrative.shares_listed", "同一总数下所列各项的占比不能同时成立", Tier.ERROR, CAT, f"{BASIS} N2", "disclosure",
      applies=has_narrative)
def shares_listed(pkg: DisclosurePackage, ctx: Context) -> Iterator[Finding]:
    """同一节中若干项各写金额及“占X的P%”，而X的金额文中未写（或未能找到）时：各项占比之和在尾数内等于100%，则所列各项即X的
    全部，X = 各项金额之和，逐项重算占比；都相符即已核对。某项不符时：没有任何一个总数能使各项占比按其印出的精度同时成立为确定；
    另有某个总数能使其成立（所列各项可能不是X的全部）为疑似。各项占比之和不是100%时：没有任何一个X能使各项占比同时成立为疑似
    （所占的可能不是同一个X）；否则X未写出则无从核对，列为未核对并写明原因。"""
    for (_, basis, _), listed in _lists(pkg, ctx).items():
        if len(listed) < 2:
            continue
        shares = [share for share, _, _ in listed]
        amounts = [_true_printed(pkg, amount) for _, amount, _ in listed]
        stated = sum((s.value for s in shares), ZERO)
        common = _common_whole(list(zip(shares, amounts, strict=True)))
        unit = _unit_of(listed[0][1])
        if abs(stated - HUNDRED) > sum((s.quantum / 2 for s in shares), ZERO):
            if common:
                ctx.unchecked(f"占{basis}的比例，{basis}的金额未写出，所列各项占比之和为 {stated.normalize():f}%，不是全部，"
                              "未能核对", *(s for _, _, s in listed), *shares)
                continue
            compared(ctx, *shares, *(amount for _, amount, _ in listed))
            first = shares[0]
            said = "、".join(f"{s.subject or '该项'} {amount.text} 占 {s.text}" for s, (_, amount, _) in zip(
                shares, listed, strict=True))
            yield Finding("narrative.shares_listed", Tier.WARNING,
                          f"说明所列各项占{basis}的比例（{said}）不能同为一个总数的占比：没有任何一个{basis}能使这些占比按所印"
                          f"精度同时成立（若它们所占的不是同一个{basis}则可能相符）", first.location.with_(row=f"占{basis}比例"),
                          CAT, expected="同一总数", actual=f"{stated.normalize():f}%")
            continue
        whole = (sum((v for v, _ in amounts), ZERO), sum((q for _, q in amounts), ZERO))
        wrong = []
        for share, part in zip(shares, amounts, strict=True):
            span = reachable(ratio, part, whole)
            if span is None or span[0] > share.value + share.quantum / 2 or span[1] < share.value - share.quantum / 2:
                wrong.append((share, ratio(part[0], whole[0])))
        compared(ctx, *shares, *(amount for _, amount, _ in listed))
        if not wrong:
            continue
        said = "；".join(f"{s.subject or '该项'} {s.text}，按各项之和应为 "
                        f"{round_half_up(c, _places(s.quantum)) if c is not None else '—'}%" for s, c in wrong)
        note = ("没有任何一个总数能使这些占比同时成立" if not common else
                f"若所列各项不是{basis}的全部，另有某个总数可使其成立")
        tier = Tier.WARNING if common else Tier.ERROR
        misses = [s.value - round_half_up(c, _places(s.quantum)) for s, c in wrong if c is not None]
        drift = sum(misses, ZERO)
        if len(misses) == len(wrong) and drift and all(abs(m) == s.quantum for m, (s, _) in zip(misses, wrong, strict=True)) \
                and abs(drift) <= sum((s.quantum / 2 for s in shares), ZERO):  # 尾差调整: adjusted to make up 100%
            tier, note = Tier.NOTICE, f"各自四舍五入则合计为 {(HUNDRED - drift).normalize():f}%：应是按合计 100% 调整了末位（尾差调整）"
        first = wrong[0][0]
        yield Finding("narrative.shares_listed", tier,
                      f"说明所列 {len(shares)} 项占{basis}的比例之和为 {stated.normalize():f}%，即所列各项为{basis}的全部"
                      f"（合计 {format_amount(whole[0], unit)} {unit}）：{said}（{note}）",
                      first.location.with_(row=f"{first.subject}占比"), CAT,
                      expected=str(round_half_up(wrong[0][1], _places(first.quantum))) if wrong[0][1] is not None else "",
                      actual=str(first.value))
