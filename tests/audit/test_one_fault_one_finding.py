"""One fault, one finding: a self-evaluation written as a report is read both as a 情况说明 and as prose, and two rules
then compare the same printed rate with the same computed value — the fault is reported once."""

from __future__ import annotations

import pytest

from jixiao.audit.engine import one_per_fault
from jixiao.core.finding import Finding, Tier
from jixiao.core.provenance import Location
from tests.audit.test_mutations import audit_text

REPORT = ("示例县水利局2023年度项目支出绩效自评报告\n一、项目基本情况\n"
          "2023年示例县农村饮水安全巩固提升项目预算资金500.00万元，实际支出资金450.00万元，预算执行率{rate}%。\n")


@pytest.mark.parametrize(("rate", "errors"), [("90.00", 0), ("95.00", 1)])
def test_a_wrong_rate_in_a_report_is_one_finding(tmp_path, rate, errors):
    _, found = audit_text(tmp_path, REPORT.format(rate=rate))
    assert len([f for f in found if f.tier is Tier.ERROR]) == errors


def _finding(rule: str, tier: Tier, line: int, actual: str, expected: str) -> Finding:
    return Finding(rule, tier, rule, Location(document="a.txt", line=line, row=rule), actual=actual, expected=expected)


def test_only_the_same_figure_and_value_on_the_same_line_is_one_fault():
    same = [_finding("narrative.a", Tier.NOTICE, 3, "95.00", "90.00"), _finding("prose.b", Tier.ERROR, 3, "95", "90")]
    assert [f.rule for f in one_per_fault(same)] == ["prose.b"]  # the surer one kept
    other_line = [_finding("narrative.a", Tier.ERROR, 3, "95", "90"), _finding("prose.b", Tier.ERROR, 4, "95", "90")]
    other_value = [_finding("narrative.a", Tier.ERROR, 3, "95", "90"), _finding("prose.b", Tier.ERROR, 3, "95", "91")]
    words = [_finding("narrative.a", Tier.ERROR, 3, "年初", "年末"), _finding("prose.b", Tier.ERROR, 3, "年初", "年末")]
    one_rule = [_finding("narrative.a", Tier.ERROR, 3, "2", "1"), _finding("narrative.a", Tier.ERROR, 3, "2", "1")]
    for pair in (other_line, other_value, words, one_rule):
        assert len(one_per_fault(pair)) == 2
