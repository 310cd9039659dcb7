"""The figures a two-year comparison finding prints go through the one formatter (四舍五入, ROUND_HALF_UP).

A figure read from a table is exact at its printed precision, so a sum or difference of them never falls on a half;
the figures here are built by hand with one digit more than printed, to pin the rounding the message uses: a half
rounds up at 0, 1 or 2 places (the old f-string rounded half to even: 2.5 → '2', 0.125 → '0.12').
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.audit.rules.comparison import _difference
from jixiao.core.disclosure import Amount, ComparisonTable
from jixiao.core.profile import Profile


def _shown(later: str, earlier: str, printed: str) -> tuple[str | None, str | None]:
    table = ComparisonTable("收支对比表", "元", ("2040年", "2041年"), ())
    figures = [Amount(Decimal(v), t, Decimal(1).scaleb(-len(t.partition(".")[2])))
               for v, t in ((printed, printed), (later, later[:-1].rstrip(".")), (earlier, earlier[:-1].rstrip(".")))]
    printed_amount, *parts = figures
    found = _difference(Profile(), table, printed_amount, parts, parts[0].value - parts[1].value, "合计", "本年 − 上年")
    assert found is not None
    return found.expected, found.difference


def test_a_half_rounds_up_at_zero_one_and_two_places():
    assert _shown("7.5", "5.0", "9") == ("3", "7")  # 2.5 and 6.5 at 0 places: 3 and 7, not 2 and 6
    assert _shown("10.45", "10.20", "0.9") == ("0.3", "0.7")  # 0.25 at 1 place: 0.3, not 0.2
    assert _shown("1.125", "1.000", "0.50") == ("0.13", "0.38")  # 0.125 at 2 places: 0.13, not 0.12
