"""Money is Decimal yuan. Parse 万元/元/亿元, thousands separators and full-width digits at the edge."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
WAN = Decimal(10000)
YI = Decimal(100000000)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋％", "0123456789.-+%")
# A number as printed: thousands separators, an optional stray space after the decimal point ("1. 41").
NUMBER_RE = re.compile(r"[-+−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\s?\d+)?|[-+−]?\.\d+")
_UNIT_SCALE = {"亿元": YI, "万元": WAN, "元": Decimal(1), "亿": YI, "万": WAN}


def normalize_text(text: str) -> str:
    """Full-width digits and signs to ASCII; non-breaking and ideographic spaces to plain spaces."""
    return text.translate(_FULLWIDTH).replace("\u3000", " ").replace("\xa0", " ")


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """四舍五入 to `places` decimals — the one rounding rule used everywhere."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def parse_decimal(text: str | None) -> Decimal | None:
    """The first number in `text` as a Decimal, or None. '1,871,500' → 1871500; '1. 41' → 1.41."""
    if text is None:
        return None
    match = NUMBER_RE.search(normalize_text(text))
    if not match:
        return None
    token = re.sub(r"[,，\s]", "", match.group(0)).replace("−", "-")
    try:
        return Decimal(token)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid tokens
        return None


def is_number(text: str | None) -> bool:
    """True when `text` is exactly one printed number (with separators), nothing else."""
    if text is None:
        return False
    stripped = normalize_text(text).strip()
    match = NUMBER_RE.fullmatch(stripped)
    return match is not None


def unit_scale(unit: str) -> Decimal | None:
    """Yuan per unit for 元/万元/亿元, else None."""
    return _UNIT_SCALE.get(unit.strip())


def parse_amount(text: str | None, default_unit: str = "元") -> Decimal | None:
    """An amount in yuan. A unit printed after the number (万元, 元, 亿元) wins over `default_unit`."""
    if text is None:
        return None
    norm = normalize_text(text)
    match = NUMBER_RE.search(norm)
    if not match:
        return None
    number = parse_decimal(match.group(0))
    assert number is not None
    rest = norm[match.end() :].strip()
    scale = next((s for u, s in _UNIT_SCALE.items() if rest.startswith(u)), None)
    if scale is None:
        scale = unit_scale(default_unit) or Decimal(1)
    return number * scale


def yuan_to_wan(yuan: Decimal) -> Decimal:
    """Yuan → 万元 with two decimals (四舍五入)."""
    return round_half_up(yuan / WAN, 2)


def format_amount(yuan: Decimal | None, unit: str = "元", separators: bool = True) -> str:
    """'1,871,500.00' (元) or '187.15' (万元); empty string for None."""
    if yuan is None:
        return ""
    scale = unit_scale(unit) or Decimal(1)
    value = round_half_up(yuan / scale, 2)
    return f"{value:,.2f}" if separators else f"{value:.2f}"


def printed_exponent(text: str) -> int:
    """Exponent of the last printed digit: '446.23' → -2, '60,000' → 0, '4.9' → -1."""
    match = NUMBER_RE.search(normalize_text(text))
    if not match or "." not in match.group(0):
        return 0
    return -len(match.group(0).split(".", 1)[1].strip())


def rounding_tolerance(n_terms: int, quantum: Decimal, per_term: Decimal, cap: Decimal) -> Decimal:
    """尾数误差 allowed when a printed total is compared with the sum of `n_terms` printed terms.

    Each printed term and the printed total may each be off by up to `per_term` quanta (half a unit
    of the printed precision by default); the allowance is capped at `cap` quanta.
    """
    units = min(per_term * (n_terms + 1), cap)
    return units * quantum
