"""keyeval.execution: certain where the rate decides full marks, a warning naming the convention otherwise."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.audit.catalogue import Context, run
from jixiao.core.finding import Tier
from jixiao.core.model import KeyEvaluation, KeyIndicator
from jixiao.profiles import load_profile

CTX = Context(load_profile("central"))


def evaluation(received: str, spent: str, score: str) -> KeyEvaluation:
    row = KeyIndicator("过程", "资金管理", "预算执行率", D(10), D(score))
    return KeyEvaluation("项目", budget=D(100), received=D(received), spent=D(spent), indicators=(row,))


@pytest.mark.parametrize("received, spent, score, tier", [
    ("100", "100", "8", Tier.ERROR),  # 100% executed, not full marks
    ("100", "50", "10", Tier.ERROR),  # 50% executed, full marks
    ("100", "50", "3", Tier.WARNING),  # proportional would give 5
    ("80", "60", "6", Tier.WARNING),  # 75% → 7.5 proportionally
])
def test_execution_tiers(received, spent, score, tier):
    [hit] = run("key_evaluation", evaluation(received, spent, score), CTX, only=["keyeval.execution"])
    assert hit.tier is tier
    assert ("按比例计分" in hit.message) is (tier is Tier.WARNING)


def test_proportional_score_is_quiet():
    assert not run("key_evaluation", evaluation("100", "50", "5"), CTX, only=["keyeval.execution"])
