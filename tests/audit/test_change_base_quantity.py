"""A change that names what it is measured from ('较上年预算数减少…') is not recomputed from another kind of figure
of that year ('2025年执行数…'): a county's 三公 page prints last year's 执行数 beside this year's 预算数 and
compares the budget with last year's budget, which it does not print."""

from __future__ import annotations

import pytest

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = "示例县2026年“三公”经费预算情况说明\n\n一、“三公”经费2025年执行情况和2026年预算情况\n\n"


def loud(tmp_path, sentence: str) -> list[tuple[str, Tier]]:
    doc, findings = audit_text(tmp_path, HEAD + sentence + "\n")
    assert doc.kind.name == "BUDGET_DISCLOSURE", doc.kind
    return [(f.rule, f.tier) for f in findings if f.rule == "narrative.change_amount" and f.tier is not Tier.NOTICE]


def test_a_change_on_last_years_budget_is_not_measured_from_last_years_spending(tmp_path):
    sentence = ("2025年示例县“三公”经费执行数420.00万元，2026年“三公”经费预算数400.00万元，"
                "较上年预算数减少50.00万元，下降11.11%。")
    assert loud(tmp_path, sentence) == []


@pytest.mark.parametrize(("change", "expected"), [
    ("减少50.00万元", [("narrative.change_amount", Tier.ERROR)]),  # 400 − 420 is −20
    ("减少20.00万元", []),
])
def test_a_change_on_last_years_spending_is_still_checked(tmp_path, change, expected):
    sentence = (f"2025年示例县“三公”经费执行数420.00万元，2026年“三公”经费预算数400.00万元，较上年执行数{change}。")
    assert loud(tmp_path, sentence) == expected
