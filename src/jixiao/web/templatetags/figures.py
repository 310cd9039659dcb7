"""The one way pages print numbers: `{{ value|figure:"元" }}` in a column whose header names the unit, and
`{{ value|figure_unit:"万元" }}` in running text. Both go through `core.money.format_amount` (thousands
separators, two decimals, 四舍五入); an empty value is “—” without a unit."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template

from jixiao.core.money import format_amount

register = template.Library()

EMPTY = "—"


def _decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def format_figure(value: object, unit: str = "元") -> str:
    """'1,871,500.00' for 元, '187.15' for 万元, '12.34' for % (a percentage as held); '—' when empty."""
    number = _decimal(value)
    if number is None:
        return EMPTY
    return format_amount(number, "元" if unit == "%" else unit)


@register.filter
def figure(value: object, unit: str = "元") -> str:
    return format_figure(value, unit)


@register.filter
def figure_unit(value: object, unit: str = "元") -> str:
    """The figure followed by its unit ('187.15 万元', '12.34%'); '—' alone when empty."""
    text = format_figure(value, unit)
    if text == EMPTY:
        return text
    return f"{text}%" if unit == "%" else f"{text} {unit}"
