"""How numbers appear in the Chinese messages of the lifecycle rules, and the percentage helpers they share."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.money import format_amount, round_half_up

HUNDRED = Decimal(100)


def fmt_wan(yuan: Decimal) -> str:
    """Yuan as 万元 the way reports print it: '1,930' or '5,291.39'."""
    text = format_amount(yuan, "万元")
    return text[:-3] if text.endswith(".00") else text


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole × 100, two decimals (四舍五入); None when whole ≤ 0."""
    if whole <= 0:
        return None
    return round_half_up(part / whole * HUNDRED)
