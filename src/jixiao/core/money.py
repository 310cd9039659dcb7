"""Money is Decimal yuan. Parse 万元/元/亿元, thousands separators and full-width digits at the edge."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
WAN = Decimal(10000)
YI = Decimal(100000000)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋％", "0123456789.-+%")
# A number as printed: thousands separators, an optional stray space after the decimal point ("1. 41").
NUMBER_RE = re.compile(r"[-+−]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\s?\d+)?|[-+−]?\.\d+")
_UNIT_SCALE = {"亿元": YI, "万元": WAN, "元": Decimal(1), "亿": YI, "万": WAN}
# 万 or 亿 printed without 元 is money only when no word or other unit follows it: '缺额60万，', '公务接待费0.7亿。', not
# '面积59.87万㎡' or '5万人'
BARE_MONEY_UNIT = r"[万亿](?![\w\u3300-\u33ff])"


def normalize_text(text: str) -> str:
    """Full-width digits and signs to ASCII; non-breaking and ideographic spaces to plain spaces."""
    return text.translate(_FULLWIDTH).replace("\u3000", " ").replace("\xa0", " ")


# A run of spaces that stands between two digits: it may part two numbers ('第 3 项 12 万元' flattened from cells).
_SPACES_RE = re.compile(r"(?<!\d) +| +(?!\d)")


def compact_text(text: str) -> str:
    """normalize_text() without the spaces a PDF or web page puts inside words ('同 比 增 加 12.5 万 元' →
    '同比增加12.5万元'); a space between two digits stays, so that two numbers printed apart are not read as one."""
    return _SPACES_RE.sub("", normalize_text(text))


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """四舍五入 to `places` decimals — the one rounding rule used everywhere."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def truncate(value: Decimal, places: int = 2) -> Decimal:
    """The digits beyond `places` dropped (toward zero): not a rounding jixiao uses, but one a document may have
    used, recognised so that a truncated figure is told apart from a wrong one."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


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


MAX_AMOUNT = Decimal("1e13")  # 10 万亿元: beyond any budget; keeps fen inside a 64-bit integer
_UNIT_SUFFIX = re.compile(r"\s*(亿元|万元|元|亿|万)$")
_HUNDRED = Decimal(100)


class NumberError(ValueError):
    """A typed number refused: the message (Chinese) names the field and the rule."""


@dataclass(frozen=True)
class NumberRule:
    """What one input field accepts: bounds (inclusive), decimals kept, and whether 元/万元/亿元 may follow."""

    label: str
    low: Decimal | None = Decimal(0)
    high: Decimal | None = None
    places: int | None = 2  # None: any (the caller rounds, e.g. a spreadsheet float's residue)
    units: bool = False
    below: Decimal | None = None  # an exclusive ceiling (amounts: MAX_AMOUNT)

    def range_text(self) -> str:
        if self.low is not None and self.high is not None:
            if self.units:
                return f"须在 0 至 {format_amount(self.high)} 元之间"
            return f"须在 {self.low:f}–{self.high:f} 之间"
        if self.below == MAX_AMOUNT:
            return "须为不小于 0、小于 10 万亿元的金额"
        return "不能为负数" if self.low == 0 else f"不能小于 {self.low:f}"


def amount_rule(label: str) -> NumberRule:
    """Money in yuan (元; 万元/亿元 may be written after the number), to the fen, ≥ 0 and below MAX_AMOUNT."""
    return NumberRule(label, low=Decimal(0), places=2, units=True, below=MAX_AMOUNT)


def score_rule(label: str, high: Decimal = _HUNDRED, places: int = 2) -> NumberRule:
    """A score or weight from 0 to `high` (100, or the item's weight)."""
    return NumberRule(label, low=Decimal(0), high=high, places=places)


def count_rule(label: str, low: int, high: int) -> NumberRule:
    return NumberRule(label, low=Decimal(low), high=Decimal(high), places=0)


def read_number(text: str, rule: NumberRule) -> Decimal:
    """The number typed in `text`, exactly, or NumberError naming the field and the rule.

    Accepts what the document readers accept: thousands separators (1,234,567.89), full-width digits and signs,
    a stray space after the decimal point, and — where `rule.units` — 元/万元/亿元 after the number. Refuses
    anything else: '12abc', '1e5', '2024年 100', '1,2,3', 'NaN', 'Infinity', blanks.
    """
    shown = text.strip() if len(text.strip()) <= 30 else text.strip()[:30] + "…"
    body = normalize_text(text).strip()
    scale = Decimal(1)
    if rule.units and (unit := _UNIT_SUFFIX.search(body)):
        scale = _UNIT_SCALE[unit.group(1)]
        body = body[: unit.start()].rstrip()
    if not body:
        raise NumberError(f"{rule.label}不能为空")
    if not NUMBER_RE.fullmatch(body):
        kind = "金额（如 1,234.56 或 123.46万元）" if rule.units else ("整数" if rule.places == 0 else "数字")
        raise NumberError(f"{rule.label}“{shown}”不是有效的{kind}")
    value = Decimal(re.sub(r"[,，\s]", "", body).replace("−", "-")) * scale
    if (rule.low is not None and value < rule.low) or (rule.high is not None and value > rule.high) or (
            rule.below is not None and value >= rule.below):
        raise NumberError(f"{rule.label}{rule.range_text()}（填写的是“{shown}”）")
    if rule.places is not None and value != round_half_up(value, rule.places):
        rule_text = "须为整数" if rule.places == 0 else f"最多保留 {rule.places} 位小数"
        raise NumberError(f"{rule.label}{rule_text}（填写的是“{shown}”）")
    return value + 0  # a plain Decimal: '-0' → 0


def read_optional(text: str | None, rule: NumberRule) -> Decimal | None:
    """None for a blank field, else `read_number`."""
    return None if text is None or not text.strip() else read_number(text, rule)


def yuan_to_wan(yuan: Decimal) -> Decimal:
    """Yuan → 万元 with two decimals (四舍五入)."""
    return round_half_up(yuan / WAN, 2)


def format_amount(yuan: Decimal | None, unit: str = "元", separators: bool = True, places: int = 2,
                  trim: bool = False) -> str:
    """'1,871,500.00' (元) or '187.15' (万元), with more decimal places when the figures were printed with more
    ('415.2644' 万元); empty string for None. With `trim`, rounded to `places` and printed without trailing zeros
    ('12.5', '100' for places=4)."""
    if yuan is None:
        return ""
    scale = unit_scale(unit) or Decimal(1)
    places = max(places, 2)
    value = round_half_up(yuan / scale, places)
    if trim:
        value = value.normalize()
        return f"{value:,f}" if separators else f"{value:f}"
    return f"{value:,.{places}f}" if separators else f"{value:.{places}f}"


def format_number(value: Decimal | None, places: int | None = None, *, whole: bool = False,
                  separators: bool = False) -> str:
    """A score, rate, weight or count as jixiao prints it; '' for None. The one formatter for numbers that are not
    money (money: format_amount).

    - `places` None: exactly as held, without trailing zeros or exponent, nothing rounded ('70.32', '10', '8.889').
    - `places` n (0, 1, 2, …): 四舍五入 (round_half_up) to n decimals, printed with exactly n ('3' for 2.5 at 0,
      '0.13' for 0.125 at 2, '2.50' for 2.5 at 2).
    - `whole`: a value that is a whole number printed without decimals ('90' for 90.00), any other as `places` says
      ('63.16' for 63.156 with places 2).
    - `separators`: thousands separators ('1,234.5').
    """
    if value is None:
        return ""
    normalized = value.normalize()
    shown = normalized if places is None or (whole and normalized % 1 == 0) else round_half_up(value, places)
    return f"{shown:,f}" if separators else f"{shown:f}"


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
