"""A budget explanation that states its income's change on the year before with the bare word '收入' ('收入较上年增加…'),
and a 三公 note that names figures of different bodies (全省, 省本级) side by side. Own wording and figures."""

from __future__ import annotations

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from tests.audit.test_mutations import CENTRAL
from tests.builders import load_text

BUDGET = """某某街道文化站2024年部门预算说明
一、部门基本概况
某某街道文化站负责辖区公共文化服务。
二、部门收支总体情况
(一)收入预算:2024年本部门收入预算1250.400万元,其中,一般公共预算财政拨款收入1250.400万元,政府性基金预算财政拨款收入0万元。\
收入较上年增加250.400万元,增加{rate}%,主要是人员增加。
"""


def _findings(tmp_path, text: str):  # type: ignore[no-untyped-def]
    doc, _ = load_text(tmp_path, text, "budget.txt")
    return [f for f in audit_document(doc, CENTRAL).findings if f.tier is not Tier.NOTICE]


def test_a_change_of_the_bare_income_is_paired_with_the_income_total(tmp_path):
    # 1250.400 − 250.400 = 1000.000 last year: a rise of 25.04%, not 30.00%
    [finding] = _findings(tmp_path, BUDGET.format(rate="30.00"))
    assert finding.tier is Tier.ERROR and finding.expected == "25.04" and finding.actual == "30.00"


def test_a_right_change_of_the_bare_income_passes(tmp_path):
    assert _findings(tmp_path, BUDGET.format(rate="25.04")) == []


BODIES = """某某省财政厅2024年部门预算说明
一、部门预算情况说明
2024年本部门收入预算820.00万元,支出预算820.00万元。
二、“三公”经费预算情况说明
2024年{first}“三公”经费财政拨款预算为{one}亿元,比上年减少0.20亿元。{second}“三公”经费财政拨款预算为{two}亿元,\
比上年减少0.05亿元。
"""


@pytest.mark.parametrize(
    ("first", "second", "two", "found"),
    [
        ("全省", "省本级", "1.25", []),  # two bodies: two different totals
        # one body, two figures: they cannot both be its total
        ("省本级", "省本级", "1.25", ["narrative.restated"]),
        ("", "", "1.25", ["narrative.restated"]),
    ],
)
def test_figures_of_different_bodies_are_not_two_statements_of_one_total(tmp_path, first, second, two, found):
    text = BODIES.format(first=first, second=second, one="5.60", two=two)
    assert [f.rule for f in _findings(tmp_path, text) if f.rule == "narrative.restated"] == found
