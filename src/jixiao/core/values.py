"""Targets and actuals: '≥90%', '=3人', '≤300万元', '2024年底', '提高', '部分达成预期指标并具有一定效果'.

parse_value() turns printed text into an operator, a number (and upper bound for ranges), a unit,
a date, or a qualitative attainment. It never raises: text it cannot read is kept as qualitative text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from jixiao.core.money import NUMBER_RE, normalize_text, parse_decimal


class Operator(StrEnum):
    GE = "≥"
    GT = ">"
    EQ = "="
    LE = "≤"
    LT = "<"
    RANGE = "区间"
    QUALITATIVE = "定性"

    @property
    def higher_is_better(self) -> bool:
        return self in (Operator.GE, Operator.GT, Operator.EQ)


class Attainment(StrEnum):
    """The three qualitative grades of an indicator's outcome (SPEC §1.5)."""

    ACHIEVED = "达成"
    PARTIAL = "部分达成"
    NOT_ACHIEVED = "未达成"


@dataclass(frozen=True)
class YearMonth:
    year: int
    month: int | None = None  # None with end_of_year=True for '2024年底'
    end_of_year: bool = False


@dataclass(frozen=True)
class Value:
    raw: str
    operator: Operator | None = None
    number: Decimal | None = None
    upper: Decimal | None = None
    unit: str = ""
    date: YearMonth | None = None
    attainment: Attainment | None = None
    text: str = ""
    malformed: bool = False  # digits broken by a space ('=1001 00 m³/h'): not read as a number

    @property
    def is_quantitative(self) -> bool:
        return self.number is not None and self.operator not in (Operator.QUALITATIVE,)

    @property
    def is_empty(self) -> bool:
        return not self.raw.strip()

    def in_unit(self, unit: str, mu_square_metres: Decimal | None = None) -> Decimal | None:
        """The number converted to `unit` within its dimension (元/万元/亿元, 人次/万人次, 米/公里, 平方米/亩 when
        `mu_square_metres` is given, %). None when the two units are of different dimensions; a unit this module
        does not know is taken as is when it is the same text or one side has no unit."""
        if self.number is None:
            return None
        factor = conversion(self.unit, unit, mu_square_metres)
        return None if factor is None else self.number * factor


# Units of one dimension and their size in the dimension's base unit.
_DIMENSIONS: dict[str, dict[str, Decimal]] = {
    "金额": {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)},
    "人次": {"人次": Decimal(1), "万人次": Decimal(10000)},
    "人数": {"人": Decimal(1), "万人": Decimal(10000)},
    "长度": {"米": Decimal(1), "m": Decimal(1), "公里": Decimal(1000), "千米": Decimal(1000), "km": Decimal(1000)},
    "面积": {"平方米": Decimal(1), "m²": Decimal(1), "㎡": Decimal(1), "平方公里": Decimal(1000000),
             "km²": Decimal(1000000), "公顷": Decimal(10000)},
    "比例": {"%": Decimal(1), "％": Decimal(1)},
}


_AMOUNT_RE = re.compile(r"^(亿元|万元|元)?\s*(?:(?:/|每)\s*(.+))?$")


def amount_unit(unit: str) -> tuple[Decimal, str] | None:
    """(yuan per unit, what it is per) for an amount unit: '万元' → (10000, ''), '元/人' → (1, '人'),
    '每辆' → (1, '辆') (an amount per vehicle, 元 implied); None for any other unit."""
    match = _AMOUNT_RE.match(unit.strip())
    if not unit.strip() or match is None or not (match.group(1) or unit.strip().startswith("每")):
        return None
    return _DIMENSIONS["金额"][match.group(1) or "元"], (match.group(2) or "").strip()


def dimension_of(unit: str) -> str | None:
    unit = unit.strip()
    if unit == "亩":
        return "面积"
    return next((name for name, units in _DIMENSIONS.items() if unit in units), None)


def _size(unit: str, mu_square_metres: Decimal | None) -> Decimal | None:
    unit = unit.strip()
    if unit == "亩":
        return mu_square_metres
    dim = dimension_of(unit)
    return _DIMENSIONS[dim][unit] if dim is not None else None


_COUNT_PREFIXES = (("万", Decimal(10000)), ("亿", Decimal(100000000)))


def conversion(unit: str, to: str, mu_square_metres: Decimal | None = None) -> Decimal | None:
    """Factor turning a number in `unit` into `to`: 1 for the same or an absent unit, None when the two are
    not comparable (different dimensions, an unknown unit against another, 亩 without the profile's factor)."""
    unit, to = unit.strip(), to.strip()
    if not unit or not to or unit == to:
        return Decimal(1)
    for prefix, size in _COUNT_PREFIXES:  # 万次 / 次, 万册 / 册: the same count, 万 times larger
        if unit == prefix + to:
            return size
        if to == prefix + unit:
            return 1 / size
    if dimension_of(unit) is None or dimension_of(unit) != dimension_of(to):
        return None
    mine, theirs = _size(unit, mu_square_metres), _size(to, mu_square_metres)
    if mine is None or theirs is None:
        return None
    return mine / theirs


# Operator words, longest first so '大于等于' wins over '大于'.
_OPERATOR_WORDS: list[tuple[str, Operator]] = [
    ("大于等于", Operator.GE),
    ("大于或等于", Operator.GE),
    ("小于等于", Operator.LE),
    ("小于或等于", Operator.LE),
    ("不低于", Operator.GE),
    ("不少于", Operator.GE),
    ("不小于", Operator.GE),
    ("至少", Operator.GE),
    ("不高于", Operator.LE),
    ("不超过", Operator.LE),
    ("不多于", Operator.LE),
    ("不大于", Operator.LE),
    ("最多", Operator.LE),
    (">=", Operator.GE),
    ("=>", Operator.GE),
    ("<=", Operator.LE),
    ("=<", Operator.LE),
    ("≥", Operator.GE),
    ("≧", Operator.GE),
    ("≤", Operator.LE),
    ("≦", Operator.LE),
    ("大于", Operator.GT),
    ("高于", Operator.GT),
    ("超过", Operator.GT),
    ("小于", Operator.LT),
    ("低于", Operator.LT),
    ("等于", Operator.EQ),
    ("＞", Operator.GT),
    ("＜", Operator.LT),
    ("＝", Operator.EQ),
    ("﹥", Operator.GT),  # the small forms some templates print
    ("﹤", Operator.LT),
    ("﹦", Operator.EQ),
    ("═", Operator.EQ),  # a box-drawing double bar some forms print for '='
    (">", Operator.GT),
    ("<", Operator.LT),
    ("=", Operator.EQ),
]

# Qualitative outcome phrases (central and seed wording, and the short forms), most specific first.
_ATTAINMENT_PATTERNS: list[tuple[re.Pattern[str], Attainment]] = [
    (re.compile(r"(未|没有|没)(完成|达成|达到|实现)"), Attainment.NOT_ACHIEVED),
    (re.compile(r"效果较差"), Attainment.NOT_ACHIEVED),
    (re.compile(r"部分(完成|达成|达到|实现)"), Attainment.PARTIAL),
    (re.compile(r"基本(完成|达成|达到|实现)"), Attainment.PARTIAL),
    (re.compile(r"^(达成|完成|达到|实现|已完成|已达成|全部完成|全部达成)"), Attainment.ACHIEVED),
    (re.compile(r"(达成|完成|实现)(预期|年度)?(指标|目标)"), Attainment.ACHIEVED),
]

# Digits broken by a space: '1001 00'. Groups of three after one to three digits ('5 000') are thousands.
_BROKEN_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?\s+\d+")
_SPACED_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:\s\d{3})+(?:\.\d+)?(?!\d)")


def _is_broken_number(text: str) -> bool:
    text = text.strip()
    return bool(_BROKEN_NUMBER_RE.match(text)) and not _SPACED_THOUSANDS_RE.match(text)

_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10000, "亿": 100000000}
_CN_NUMBER_RE = re.compile(r"[零〇○一二两三四五六七八九十百千万亿点]+")
_DATE_RE = re.compile(r"(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(底|末)?|(底|末|年底|年末))?")
_RANGE_RE = re.compile(
    rf"^[\[［(（]?\s*({NUMBER_RE.pattern})\s*(%|[^\d\s,，~～\-—至到\])）]*)?\s*[,，~～\-—至到]+\s*({NUMBER_RE.pattern})\s*(.*?)\s*[\]］)）]?$"
)


def cn_to_decimal(token: str) -> Decimal | None:
    """Chinese numerals to Decimal: '二〇二四' → 2024, '一千八百七十一点五万' → 18715000, '二十八' → 28."""
    if not token or any(ch not in _CN_DIGITS and ch not in _CN_UNITS and ch not in _CN_BIG and ch != "点"
                        for ch in token):
        return None
    integer_part, _, fraction_part = token.partition("点")
    big_unit = Decimal(1)
    for big, scale in _CN_BIG.items():
        if fraction_part.endswith(big):
            fraction_part, big_unit = fraction_part[:-1], Decimal(scale)
    if integer_part and all(ch in _CN_DIGITS for ch in integer_part) and len(integer_part) > 1:
        whole = Decimal("".join(str(_CN_DIGITS[ch]) for ch in integer_part))  # 二〇二四
    else:
        whole = Decimal(_cn_integer(integer_part)) if integer_part else Decimal(0)
    if fraction_part:
        if not all(ch in _CN_DIGITS for ch in fraction_part):
            return None
        whole += Decimal("0." + "".join(str(_CN_DIGITS[ch]) for ch in fraction_part))
    return whole * big_unit


def _cn_integer(token: str) -> int:
    total, section, digit = 0, 0, 0
    for ch in token:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (digit or 1) * _CN_UNITS[ch]
            digit = 0
        elif ch in _CN_BIG:
            total = (total + section + digit) * _CN_BIG[ch]
            section, digit = 0, 0
    return total + section + digit


def attainment_of(text: str) -> Attainment | None:
    """The qualitative grade named by an outcome phrase, or None."""
    compact = re.sub(r"\s+", "", text)
    for pattern, attainment in _ATTAINMENT_PATTERNS:
        if pattern.search(compact):
            return attainment
    return None


def _split_operator(text: str) -> tuple[Operator | None, str]:
    for word, op in _OPERATOR_WORDS:
        if text.startswith(word):
            return op, text[len(word) :].strip()
    return None, text


def _numeric_tail(text: str) -> tuple[Decimal, str] | None:
    """A leading number (Arabic or Chinese numerals) and the unit text after it, or None."""
    match = NUMBER_RE.match(text)
    if match:
        number = parse_decimal(match.group(0))
        assert number is not None
        return number, text[match.end() :].strip()
    cn = _CN_NUMBER_RE.match(text)
    if cn:
        number_cn = cn_to_decimal(cn.group(0))
        if number_cn is not None:
            return number_cn, text[cn.end() :].strip()
    return None


@lru_cache(maxsize=65536)  # pure, and Value is immutable: the same target text is read over and over
def parse_value(raw: str | None) -> Value:
    """Parse a printed target or actual value. Unreadable text is kept as qualitative text."""
    raw = raw or ""
    text = re.sub(r"\s+", " ", normalize_text(raw)).strip()
    if not text:
        return Value(raw=raw)
    compact = text.replace(" ", "")

    attainment = attainment_of(compact)
    if attainment is not None:
        return Value(raw=raw, operator=Operator.QUALITATIVE, attainment=attainment, text=compact)

    date = _DATE_RE.search(compact)
    if date and (date.start() == 0 or compact[: date.start()] in ("=", "≤", "<=", "于", "在")):
        year = int(date.group(1))
        month = int(date.group(2)) if date.group(2) else None
        end = bool(date.group(4)) or month is None or (month == 12 and bool(date.group(3)))
        return Value(raw=raw, operator=Operator.QUALITATIVE, date=YearMonth(year, month, end), text=compact)

    operator, rest = _split_operator(compact)
    range_match = _RANGE_RE.match(rest) if operator is None else None
    if range_match:
        low, unit_low, high, unit_high = range_match.group(1, 2, 3, 4)
        unit = (unit_high or unit_low or "").strip()
        lo, hi = parse_decimal(low), parse_decimal(high)
        if lo is not None and hi is not None and lo <= hi:
            return Value(raw=raw, operator=Operator.RANGE, number=lo, upper=hi, unit=unit)

    if _is_broken_number(_split_operator(text.replace("= ", "="))[1]):
        return Value(raw=raw, operator=operator or Operator.QUALITATIVE, text=compact, malformed=True)
    numeric = _numeric_tail(rest)
    if numeric is not None:
        number, unit = numeric
        if operator is None and unit and not _looks_like_unit(unit):
            return Value(raw=raw, operator=Operator.QUALITATIVE, text=compact)
        return Value(raw=raw, operator=operator, number=number, unit=unit)
    return Value(raw=raw, operator=Operator.QUALITATIVE, text=compact)


def _looks_like_unit(text: str) -> bool:
    """A unit is short and has no sentence punctuation ('%', '万元', '人次', '平方米', '座')."""
    return len(text) <= 6 and not re.search(r"[，。；,;、]", text)
