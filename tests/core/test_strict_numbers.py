"""The one strict number parser: refuses what is not exactly one number, accepts every format the document
readers accept, keeps the field's bounds, and what it accepts round-trips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.core.money import (
    MAX_AMOUNT,
    NumberError,
    amount_rule,
    count_rule,
    parse_decimal,
    read_number,
    score_rule,
)

RULES = [amount_rule("全年预算数"), score_rule("分值"), score_rule("得分", Decimal(15)), count_rule("年度", 2000, 2100)]
REFUSED = ["12abc", "1e5", "2024年 100", "1,2,3", "NaN", "nan", "Infinity", "-Infinity", "inf", "1E5", "0x1F",
           "1_000", "--5", "5-", "1.2.3", "１２abc", "12 34", "", "   ", "一百万", "sNaN", "1,23", "12,3456"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.label)
@pytest.mark.parametrize("text", REFUSED)
def test_refused_with_a_message_naming_the_field(rule, text):
    with pytest.raises(NumberError) as refused:
        read_number(text, rule)
    assert str(refused.value).startswith(rule.label)


@pytest.mark.parametrize(("text", "yuan"), [
    ("1,871,500", Decimal(1871500)), ("1,871,500.00", Decimal(1871500)), ("１８７１５００", Decimal(1871500)),
    ("187.15万元", Decimal(1871500)), ("187.15 万元", Decimal(1871500)), ("187.15万", Decimal(1871500)),
    ("0.018715亿元", Decimal(1871500)), ("1871500元", Decimal(1871500)), ("1，871，500", Decimal(1871500)),
    ("1. 5", Decimal("1.5")), ("+12", Decimal(12)), (".5", Decimal("0.5")), ("\u30001871500\xa0", Decimal(1871500)),
])
def test_accepts_what_the_readers_accept(text, yuan):
    assert read_number(text, amount_rule("金额")) == yuan


def test_bounds_and_places_name_the_rule():
    cases = [(score_rule("分值"), "101", "分值须在 0–100 之间"), (score_rule("分值"), "-15", "分值须在 0–100 之间"),
             (score_rule("得分", Decimal(15)), "16", "得分须在 0–15 之间"),
             (amount_rule("审减金额"), "-1", "审减金额须为不小于 0、小于 10 万亿元的金额"),
             (amount_rule("审减金额"), "99999999999999999999999", "审减金额须为不小于 0、小于 10 万亿元的金额"),
             (amount_rule("审减金额"), "0.001", "审减金额最多保留 2 位小数"),
             (count_rule("年度", 2000, 2100), "1999", "年度须在 2000–2100 之间"),
             (count_rule("个数", 1, 1000), "2.5", "个数须为整数")]
    for rule, text, message in cases:
        with pytest.raises(NumberError, match=message):
            read_number(text, rule)
    assert read_number("9,999,999,999,999.99", amount_rule("金额")) < MAX_AMOUNT
    assert read_number("100", score_rule("分值")) == 100 and read_number("0", score_rule("分值")) == 0


TYPED = st.one_of(
    st.text(max_size=24),
    st.text(alphabet="0123456789,，.．-−+eE 万元亿０１２３４５６７８９NaInfity", max_size=24),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(str),
    st.integers().map(lambda n: f"{n:,}"),
)


@given(text=TYPED, rule=st.sampled_from(RULES))
def test_any_text_is_refused_with_a_message_or_round_trips(text, rule):
    try:
        value = read_number(text, rule)
    except NumberError as refused:
        assert str(refused).startswith(rule.label)
        return
    assert value.is_finite()
    assert rule.low is None or value >= rule.low
    assert rule.high is None or value <= rule.high
    assert rule.below is None or value < rule.below
    assert read_number(f"{value:f}", rule) == value  # shown back in the form, it reads the same
    if not any(unit in text for unit in "元万亿"):
        assert parse_decimal(text) == value  # the same number the document readers read


@given(st.decimals(min_value=0, max_value=MAX_AMOUNT - 1, places=2))
def test_every_amount_round_trips_in_every_printed_form(value):
    rule = amount_rule("金额")
    assert read_number(f"{value:,.2f}", rule) == value
    assert read_number(f"{value:f}元", rule) == value
    assert read_number(f"{value / 10000:f}万元", rule) == value
