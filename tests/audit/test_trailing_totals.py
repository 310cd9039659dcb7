"""A total stated after its parts: '共计' right after the last part in the same sentence ('省级拨付a万元，中央拨付
b万元，上年结余c万元，共计T万元'), or a counted total after the amounts of its paragraph ('…下达a万元；…下达b万元。
以上两笔资金共计T万元'). The parts are summed as a '其中' list is; a total word after another figure's own name ('年初
预算合计', '执行合计') or after a unit price is not such a sum and is not read."""

from __future__ import annotations

from jixiao.audit.rules.selfeval_text import totals_and_parts
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

REPORT = (
    "示例县2023年度农机购置补贴资金绩效自评报告\n"
    "一、绩效目标分解下达情况\n"
    "2023年度省级拨付农机购置补贴资金40万元，中央拨付25万元.上年度结余资金3.50万元，共计{first}万元。\n"
    "二、绩效目标完成情况分析\n"
    "（一）资金投入情况分析\n"
    "1.项目资金到位情况分析\n"
    "3月下达第一批资金120万元；9月下达第二批资金80万元。以上两笔资金共计{second}万元，均已到位。\n"
)


def _parts_findings(tmp_path, first: str, second: str):
    doc, found = audit_text(tmp_path, REPORT.format(first=first, second=second))
    assert doc.kind.value == "self_evaluation"
    return [(f.rule, f.tier, f.message) for f in found if f.rule.endswith("parts_total")]


def test_totals_after_their_parts_that_add_up_are_checked_quietly(tmp_path):
    assert _parts_findings(tmp_path, "68.50", "200") == []


def test_a_counted_total_missing_its_parts_is_an_error(tmp_path):
    [(rule, tier, message)] = _parts_findings(tmp_path, "68.50", "210")
    assert (rule, tier) == ("prose.parts_total", Tier.ERROR)
    assert "210万元" in message and "200万元" in message


def test_a_trailing_total_above_its_listed_parts_is_a_warning(tmp_path):
    [(_, tier, message)] = _parts_findings(tmp_path, "70.50", "200")
    assert tier is Tier.WARNING and "70.50万元" in message


def test_parts_above_a_trailing_total_are_an_error(tmp_path):
    [(_, tier, _)] = _parts_findings(tmp_path, "60.50", "200")
    assert tier is Tier.ERROR


def test_a_named_figure_or_a_unit_price_before_the_total_word_is_not_a_sum():
    assert totals_and_parts(["年初预算100万元，调整预算120万元，执行合计115万元。"]) == []
    assert totals_and_parts(["中央下达90万元，省级安排30万元，年初预算合计120万元。"]) == []
    assert totals_and_parts(["每人补助500元，共200人，合计10万元。"]) == []
    assert totals_and_parts(["下达资金100万元，已支出80万元，合计180万元。"]) == []
