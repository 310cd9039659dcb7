"""The indicator scoring formulas of SPEC §1.4/§1.5 (S2–S6), on plain Decimals."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.money import round_half_up
from jixiao.core.profile import SelfEvalRules
from jixiao.core.values import Attainment, Operator

ZERO = Decimal(0)


def execution_score(adjusted: Decimal, executed: Decimal, weight: Decimal) -> Decimal:
    """S1: min(B/A, 1) × W, 2 dp; A ≤ 0 gives 0."""
    if adjusted <= 0:
        return ZERO
    return round_half_up(min(max(executed, ZERO) / adjusted, Decimal(1)) * weight)


def execution_rate(adjusted: Decimal, executed: Decimal) -> Decimal | None:
    """B / A × 100, 2 dp; None when A ≤ 0."""
    if adjusted <= 0:
        return None
    return round_half_up(executed / adjusted * 100)


def higher_is_better(target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    """S2 (≥, >, and = with T > 0): X ≥ T → W, else X/T × W; T ≤ 0 means 'must stay zero'."""
    actual = max(actual, ZERO)
    if target <= 0:
        return weight if actual <= 0 else ZERO
    if actual >= target:
        return weight
    return round_half_up(actual / target * weight)


def lower_is_better(target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    """S3 (≤, <): X ≤ T → W; T < X < 2T → (2 − X/T) × W; X ≥ 2T → 0."""
    actual = max(actual, ZERO)
    if target <= 0:
        return weight if actual <= 0 else ZERO
    if actual <= target:
        return weight
    if actual >= 2 * target:
        return ZERO
    return round_half_up((2 - actual / target) * weight)


def in_range(lower: Decimal, upper: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    """S5: inside [L, U] → W; below → S2 with L; above → S3 with U."""
    if actual < lower:
        return higher_is_better(lower, actual, weight)
    if actual > upper:
        return lower_is_better(upper, actual, weight)
    return weight


def quantitative_score(operator: Operator, target: Decimal, actual: Decimal, weight: Decimal,
                       upper: Decimal | None = None) -> Decimal:
    """The score of a quantitative indicator by its operator (S2–S5)."""
    if operator is Operator.RANGE and upper is not None:
        return in_range(target, upper, actual, weight)
    if operator in (Operator.LE, Operator.LT):
        return lower_is_better(target, actual, weight)
    return higher_is_better(target, actual, weight)


def band_fractions(rules: SelfEvalRules, attainment: Attainment) -> tuple[Decimal, Decimal]:
    return {
        Attainment.ACHIEVED: rules.achieved_band,
        Attainment.PARTIAL: rules.partial_band,
        Attainment.NOT_ACHIEVED: rules.not_achieved_band,
    }[attainment]


def qualitative_band(rules: SelfEvalRules, attainment: Attainment, weight: Decimal) -> tuple[Decimal, Decimal]:
    """S6: the score band [low, high] in points; the upper bound is inclusive only for 达成 (top band)."""
    low, high = band_fractions(rules, attainment)
    return round_half_up(weight * low), round_half_up(weight * high)


def in_band(rules: SelfEvalRules, attainment: Attainment, weight: Decimal, score: Decimal) -> bool:
    low, high = qualitative_band(rules, attainment, weight)
    top = band_fractions(rules, attainment)[1] >= 1
    return low <= score <= high if top else low <= score < high


def nearest_in_band(rules: SelfEvalRules, attainment: Attainment, weight: Decimal, score: Decimal) -> Decimal:
    """The admissible score (2 dp) nearest to `score`: the evaluator's score when it lies inside the band."""
    if in_band(rules, attainment, weight, score):
        return score
    low, high = qualitative_band(rules, attainment, weight)
    top = band_fractions(rules, attainment)[1] >= 1
    if score < low:
        return low
    return high if top else max(low, high - Decimal("0.01"))
