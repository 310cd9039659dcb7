"""The 决策/过程/产出/效益 framework of 部门/财政评价 (SPEC §2.1, E1): parents computed from children."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jixiao.core.model import KeyIndicator

LEVEL1 = ("决策", "过程", "产出", "效益")
_BENEFIT_WORDS = ("效益", "满意度", "可持续影响")
ZERO = Decimal(0)


def block_of(indicator: KeyIndicator) -> str:
    """The 一级 block a row belongs to by its 二级 name (a 效益/满意度 row printed under 产出 belongs to 效益)."""
    if any(word in indicator.level2 for word in _BENEFIT_WORDS):
        return "效益"
    return indicator.level1


def parent_weights(indicators: Sequence[KeyIndicator]) -> dict[str, Decimal]:
    """一级 weight = Σ of its 三级 weights, for each block present."""
    weights: dict[str, Decimal] = {}
    for ind in indicators:
        weights[block_of(ind)] = weights.get(block_of(ind), ZERO) + (ind.weight or ZERO)
    return weights


def block_scores(indicators: Sequence[KeyIndicator]) -> dict[str, Decimal]:
    scores: dict[str, Decimal] = {}
    for ind in indicators:
        scores[block_of(ind)] = scores.get(block_of(ind), ZERO) + (ind.score or ZERO)
    return scores


def funds_rate(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    """资金到位率 = 到位/预算; 预算执行率 = 支出/到位 (as a fraction)."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator
