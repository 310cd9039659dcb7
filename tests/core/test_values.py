"""The target/actual parser (SPEC §1.4/§1.5 forms) — examples from the seeds and generated properties."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.core.values import Attainment, Operator, YearMonth, cn_to_decimal, parse_value


@pytest.mark.parametrize(("text", "operator", "number", "unit"), [
    ("≥90%", Operator.GE, "90", "%"), ("=3人", Operator.EQ, "3", "人"), ("≤300万元", Operator.LE, "300", "万元"),
    (">90%", Operator.GT, "90", "%"), ("=2950000元", Operator.EQ, "2950000", "元"), ("20000元", None, "20000", "元"),
    ("＞９０％", Operator.GT, "90", "%"), (" = 100 % ", Operator.EQ, "100", "%"), ("≤300 万元", Operator.LE, "300", "万元"),
    ("不低于95%", Operator.GE, "95", "%"), (">=59人次", Operator.GE, "59", "人次"), ("=1,505,600元", Operator.EQ, "1505600", "元"),
])
def test_quantitative_forms(text, operator, number, unit):
    value = parse_value(text)
    assert (value.operator, value.number, value.unit) == (operator, D(number), unit)


@pytest.mark.parametrize(("text", "date"), [
    ("2024年底", YearMonth(2024, None, True)), ("2024 年 4 月", YearMonth(2024, 4)),
    ("2022 年 12 月底", YearMonth(2022, 12, True)),
])
def test_dates_are_qualitative_with_a_date(text, date):
    value = parse_value(text)
    assert (value.operator, value.date) == (Operator.QUALITATIVE, date)


@pytest.mark.parametrize(("text", "attainment"), [
    ("达成预期指标", Attainment.ACHIEVED), ("达成年度指标", Attainment.ACHIEVED), ("达成", Attainment.ACHIEVED),
    ("部分达成预期指标并具有一定效果", Attainment.PARTIAL), ("部分达成", Attainment.PARTIAL),
    ("未完成预期指标且效果较差", Attainment.NOT_ACHIEVED), ("未达成年度指标且效果较差", Attainment.NOT_ACHIEVED),
    ("未达成", Attainment.NOT_ACHIEVED),
])
def test_attainment_phrases(text, attainment):
    assert parse_value(text).attainment is attainment


@pytest.mark.parametrize("text", ["提高", "有利于", "效果显著", "及时", "保障"])
def test_qualitative_targets_have_no_number(text):
    value = parse_value(text)
    assert (value.operator, value.number, value.attainment) == (Operator.QUALITATIVE, None, None)


def test_range():
    value = parse_value("90%-100%")
    assert (value.operator, value.number, value.upper, value.unit) == (Operator.RANGE, D(90), D(100), "%")


@pytest.mark.parametrize(("token", "number"), [("二〇二四", 2024), ("一千八百七十一点五万", 18715000), ("二十八", 28),
                                               ("十", 10), ("三百零五", 305)])
def test_chinese_numerals(token, number):
    assert cn_to_decimal(token) == D(number)


OPS = {"≥": Operator.GE, ">": Operator.GT, "=": Operator.EQ, "≤": Operator.LE, "<": Operator.LT,
       "＞": Operator.GT, "＜": Operator.LT, "＝": Operator.EQ, ">=": Operator.GE, "<=": Operator.LE}
UNITS = ["%", "人", "万元", "元", "座", "米", "人次", "平方米", "个", ""]


@given(st.sampled_from(sorted(OPS)), st.decimals(min_value=0, max_value=10**8, places=2),
       st.sampled_from(UNITS), st.booleans())
def test_operator_number_unit_round_trip(op, number, unit, spaced):
    text = f"{op} {number} {unit}" if spaced else f"{op}{number}{unit}"
    value = parse_value(text)
    assert (value.operator, value.number, value.unit) == (OPS[op], number, unit)


@given(st.integers(min_value=0, max_value=10**9))
def test_thousands_separators(n):
    assert parse_value(f"={n:,}元").number == D(n)


def test_a_count_and_its_wan_count_convert_within_their_dimension():
    from jixiao.core.values import parse_value

    assert parse_value("20000次").in_unit("万次") == 2
    assert parse_value("1.5万册").in_unit("册") == 15000
    assert parse_value("3万人次").in_unit("人次") == 30000
    assert parse_value("3万人次").in_unit("人") is None  # 人次 and 人 are different things
