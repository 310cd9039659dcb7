"""Property tests of the scoring formulas (SPEC §1.3–§1.5)."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from jixiao.core.values import Attainment, Operator
from jixiao.profiles import load_profile
from jixiao.scoring import formulas

RULES = load_profile("central").selfeval
money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
positive = st.decimals(min_value=D("0.01"), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
weights = st.integers(min_value=1, max_value=50).map(D)


@given(positive, money, weights)
def test_execution_score_is_between_zero_and_weight(a, b, w):
    score = formulas.execution_score(a, b, w)
    assert D(0) <= score <= w
    if b >= a:
        assert score == w


@given(positive, money, weights)
def test_execution_score_matches_the_rounded_ratio(a, b, w):
    expected = (min(b / a, D(1)) * w).quantize(D("0.01"), rounding="ROUND_HALF_UP")
    assert formulas.execution_score(a, b, w) == expected


@given(positive, money, weights)
def test_higher_is_better_full_marks_iff_target_reached(t, x, w):
    score = formulas.higher_is_better(t, x, w)
    assert D(0) <= score <= w
    if x >= t:
        assert score == w


@given(positive, money, weights)
def test_lower_is_better_zero_from_twice_the_target(t, x, w):
    score = formulas.lower_is_better(t, x, w)
    assert D(0) <= score <= w
    if x >= 2 * t:
        assert score == 0
    if x <= t:
        assert score == w


@given(positive, positive, money, weights)
def test_range_is_full_inside(lo, width, x, w):
    hi = lo + width
    score = formulas.quantitative_score(Operator.RANGE, lo, x, w, hi)
    assert (score == w) or not (lo <= x <= hi)


@given(st.sampled_from(list(Attainment)), weights, st.decimals(min_value=0, max_value=50, places=2))
def test_nearest_in_band_is_in_band(att, w, s):
    assert formulas.in_band(RULES, att, w, formulas.nearest_in_band(RULES, att, w, s))


def test_monotone_in_actual_for_higher_is_better():
    scores = [formulas.higher_is_better(D(90), D(x), D(10)) for x in range(0, 120, 5)]
    assert scores == sorted(scores)
