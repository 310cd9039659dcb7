"""Compare a printed figure with the sum of printed parts, allowing the 尾数误差 the printing implies."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jixiao.core.disclosure import Amount
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import WAN, format_amount, rounding_tolerance
from jixiao.core.profile import Profile
from jixiao.core.provenance import Location

ZERO = Decimal(0)
DEFAULT_QUANTUM = Decimal("0.01") * WAN


def wan(value: Decimal) -> str:
    """Yuan shown in 万元 with two decimals and separators, as the tables print it."""
    return format_amount(value, "万元")


def value_of(amount: Amount | None) -> Decimal:
    return amount.value if amount is not None else ZERO


def sum_tolerance(profile: Profile, actual: Amount | None, parts: Sequence[Amount | None]) -> Decimal:
    """The 尾数误差 allowed between `actual` and Σ parts: per printed term, at the coarsest printed precision."""
    printed = [p for p in (*parts, actual) if p is not None]
    quantum = max((p.quantum for p in printed), default=DEFAULT_QUANTUM)
    terms = max(1, sum(1 for p in parts if p is not None))
    return rounding_tolerance(terms, quantum, profile.tolerance.per_term, profile.tolerance.cap)


def check_sum(rule: str, category: str, profile: Profile, actual: Amount | None, parts: Sequence[Amount | None],
              location: Location, what: str, formula: str) -> Finding | None:
    """A finding when `actual` ≠ Σ parts: a notice within the rounding tolerance, an error beyond it."""
    expected = sum((value_of(p) for p in parts), ZERO)
    got = value_of(actual)
    difference = got - expected
    if difference == 0:
        return None
    tolerance = sum_tolerance(profile, actual, parts)
    within = abs(difference) <= tolerance
    tier = Tier.NOTICE if within else Tier.ERROR
    note = "（尾数误差，在容差内）" if within else ""
    message = f"{what}：填列 {wan(got)}，按 {formula} 应为 {wan(expected)}，相差 {wan(difference)} 万元{note}"
    loc = actual.location if actual is not None else location
    return Finding(rule, tier, message, loc, category, expected=wan(expected), actual=wan(got),
                   difference=wan(difference))
