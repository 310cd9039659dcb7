"""A recomputed rate is certain only outside what the printed figures allow: each amount may lie half a unit of
its last printed digit either side, and so may the stated percentage."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.audit.rules.narrative import ratio, reachable
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = "某某服务站2023年度“三公”经费决算情况说明\n一、“三公”经费支出决算总体情况\n"


def _year_on_year(tmp_path, body: str):
    _, findings = audit_text(tmp_path, HEAD + body + "\n")
    return [(f.tier, f.message) for f in findings if f.rule == "narrative.n2_year_on_year"]


def test_bounds_of_a_ratio_at_printed_precision():
    low, high = reachable(ratio, (Decimal("1.60"), Decimal("0.01")), (Decimal("2.00"), Decimal("0.01")))
    assert round(low, 2) == Decimal("79.55") and round(high, 2) == Decimal("80.45")
    assert reachable(ratio, (Decimal(1), Decimal(1)), (Decimal("0.4"), Decimal(1))) is None  # base may be ≤ 0


@pytest.mark.parametrize(("rate", "tier"), [("67.65%", None), ("67.90%", Tier.NOTICE), ("69.00%", Tier.ERROR)])
def test_year_on_year_rate_is_an_error_only_beyond_printed_precision(tmp_path, rate, tier):
    # this year 5.70, change +2.30 → last year 3.40, 2.30 ÷ 3.40 = 67.65%; the printed figures allow 67.30%–68.00%
    found = _year_on_year(tmp_path, f"2023年度公务接待费支出决算为5.70万元,比上年增加2.30万元,增长{rate}。")
    assert [t for t, _ in found] == ([tier] if tier else [])


def test_change_against_the_budget_uses_the_budget_as_base(tmp_path):
    # '与……预算相比' in its own clause: the change and rate after it are on the budget (3.30 − 1.30 = 2.00)
    found = _year_on_year(tmp_path, "公务接待费支出3.30万元,与2023年度预算相比,增加1.30万元,增长1.30%。")
    assert [t for t, _ in found] == [Tier.ERROR]
    assert "预算 2.00" in found[0][1] and "65.00%" in found[0][1] and "上年" not in found[0][1]
    assert _year_on_year(tmp_path, "公务接待费支出3.30万元,与2023年度预算相比,增加1.30万元,增长65.00%。") == []
