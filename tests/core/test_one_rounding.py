"""One rounding rule (四舍五入, ROUND_HALF_UP) through one helper: no other quantize/round call in src/."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from jixiao.audit.compare import wan
from jixiao.core.money import format_amount, format_number, round_half_up, yuan_to_wan
from jixiao.store.money import MoneyField

SRC = Path(__file__).resolve().parents[2] / "src" / "jixiao"
HELPER = SRC / "core" / "money.py"
ROUNDING = re.compile(r"\.quantize\(|(?<![\w.])round\(|\.to_integral|ROUND_HALF_EVEN|ROUND_HALF_DOWN")


def test_no_rounding_outside_the_helper():
    found = [f"{path.relative_to(SRC)}:{number}: {line.strip()}"
             for path in sorted(SRC.rglob("*.py")) if path != HELPER
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if ROUNDING.search(line.split("#")[0])]
    assert found == []


def test_the_pattern_catches_each_kind_of_call():
    for line in ("x.quantize(Decimal('0.01'))", "round(x, 2)", "y = round(v)", "v.to_integral_value()"):
        assert ROUNDING.search(line), line
    assert not ROUNDING.search("round_half_up(x)") and not ROUNDING.search("ROUND_NAMES[0]")


def test_half_a_cent_rounds_up_everywhere():
    yuan = Decimal(4462250)  # 446.225 万元
    assert yuan_to_wan(yuan) == Decimal("446.23") and wan(yuan) == "446.23"
    assert format_amount(yuan, "万元") == "446.23"
    assert round_half_up(Decimal("0.125")) == Decimal("0.13") and round_half_up(Decimal("-0.125")) == Decimal("-0.13")
    assert MoneyField().get_prep_value(Decimal("0.125")) == 13 and MoneyField().get_prep_value(Decimal("0.005")) == 1


def test_trimmed_figures_round_half_up_then_drop_trailing_zeros():
    assert format_amount(Decimal("12.50004"), separators=False, places=4, trim=True) == "12.5"
    assert format_amount(Decimal("0.00005"), separators=False, places=4, trim=True) == "0.0001"
    assert format_amount(Decimal("300"), separators=False, places=4, trim=True) == "300"
    assert format_amount(Decimal("61234.125"), trim=True) == "61,234.13"
    assert format_amount(Decimal("61234.125")) == "61,234.13" and format_amount(Decimal(5), separators=False) == "5.00"


def test_format_number_prints_as_held_rounds_half_up_and_drops_decimals_of_whole_numbers():
    assert format_number(Decimal("70.3200")) == "70.32" and format_number(Decimal("1E+2")) == "100"
    assert format_number(Decimal("8.889")) == "8.889" and format_number(None) == ""
    assert format_number(Decimal("2.5"), 0) == "3" and format_number(Decimal("0.125"), 2) == "0.13"
    assert format_number(Decimal("-0.125"), 2) == "-0.13" and format_number(Decimal("2.45"), 1) == "2.5"
    assert format_number(Decimal("2.5"), 2) == "2.50" and format_number(Decimal("1234.5"), 1, separators=True) == "1,234.5"
    assert format_number(Decimal("90.00"), 2, whole=True) == "90"
    assert format_number(Decimal("63.155"), 2, whole=True) == "63.16"
    assert format_number(Decimal("63.1"), 2, whole=True) == "63.10"
