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
# A fixed-point format spec rounds by itself (a Decimal half to even, a float by its binary value):
# f"{v:.2f}", f"{v:,.2f}", f"{v:.{places}f}", f"{v:{sep}.{places}f}", f"{r:.1%}", format(x, ".2f"), "%.2f" % x
FIXED_POINT = re.compile(r"""
    :(?:[^{}:'"]|\{[^{}]*\})*?\.(?:\d+|\{[^{}]*\})[fF%]\}
  | format\([^()]*,\s*["'][^"']*\.\d+[fF%]["']
  | %[-+\ 0\#]*\d*\.\d+[fF]
""", re.VERBOSE)
# Fixed-point specs on numbers that are neither money nor a score, rate or count (file, text on the line, reason)
NOT_FIGURES = (
    ("web/charts.py", "bar_height * 0.65:.1f}", "SVG coordinates in pixels"),
    ("web/charts.py", "length:.1f}", "SVG bar length in pixels"),
    ("web/charts.py", "length + 6:.1f}", "SVG coordinates in pixels"),
    ("cli/import_.py", "started:.1f}", "elapsed seconds of an import"),
    ("cli/demo.py", "started:.1f}", "elapsed seconds of the demo"),
)


def test_no_rounding_outside_the_helper():
    found = [f"{path.relative_to(SRC)}:{number}: {line.strip()}"
             for path in sorted(SRC.rglob("*.py")) if path != HELPER
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if ROUNDING.search(line.split("#")[0])]
    assert found == []


def test_no_fixed_point_format_outside_the_helper():
    allowed = [(line, text) for path, line, _ in NOT_FIGURES for text in [(SRC / path).read_text(encoding="utf-8")]]
    assert all(line in text for line, text in allowed), "an allow-list entry no longer matches its file"
    found = [f"{path.relative_to(SRC)}:{number}: {line.strip()}"
             for path in sorted(SRC.rglob("*.py")) if path != HELPER
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if FIXED_POINT.search(line) and not any(
                 str(path.relative_to(SRC)) == where and text in line for where, text, _ in NOT_FIGURES)]
    assert found == [], "format numbers with format_amount / format_number (core/money.py)"


def test_the_fixed_point_pattern_catches_each_kind_of_spec():
    for line in ('f"{v:.2f}"', 'f"{v:,.2f}"', 'f"{v:.{places}f}"', 'f"{v / s:{sep}.{places}f}"', 'f"{r:.1%}"',
                 'format(x, ".2f")', "format(x, ',.0f')", '"%.2f" % x', '"%8.3f" % x'):
        assert FIXED_POINT.search(line), line
    for line in ('f"{v:f}"', 'f"{n:,}"', 'format(v, ".15g")', 'f"{d:%Y-%m}"', 'f"{v.normalize():f}"', "'占0.1%'"):
        assert not FIXED_POINT.search(line), line


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
