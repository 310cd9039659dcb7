"""How generated documents print numbers: scores, yuan, 万元 and percentages (四舍五入 throughout)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.money import format_amount, round_half_up


def two(value: Decimal) -> str:
    """Two decimals: 70.32, 100.00."""
    return format_amount(value, separators=False)


def yuan(value: Decimal | None) -> str:
    """Yuan with separators and two decimals: 1,871,500.00; '' for None."""
    return format_amount(value)


def wan(value: Decimal) -> str:
    """Yuan as 万元 with separators and two decimals: 24,557.16."""
    return format_amount(value, "万元")


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """part ÷ whole × 100, two decimals; None when the whole is zero."""
    return round_half_up(part / whole * 100) if whole else None
