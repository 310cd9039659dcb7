"""A self-evaluation's sentences against its own tables and its own arithmetic: each rule fires in several
phrasings and stays quiet on a consistent report (figures are this file's own, not a seed's)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.audit.catalogue import Context, run
from jixiao.core.finding import Tier
from jixiao.core.model import BudgetLine, FundLevel, Goal, Indicator, Project, Reported, SelfEvaluation
from jixiao.core.provenance import Location
from jixiao.core.values import parse_value
from jixiao.profiles import load_profile

CTX = Context(load_profile("central"))


def report(*statements: str, initial="120000", adjusted="100000", executed="80000", acceptance=("=100%", "100", "10")):
    line = BudgetLine("合计", FundLevel.TOTAL, initial=D(initial), adjusted=D(adjusted), executed=D(executed))
    target, actual, score = acceptance
    indicators = (Indicator("产出指标", "质量指标", "工程验收合格率", adjusted_target=parse_value(target),
                            actual=parse_value(actual), weight=D(10), reported_score=D(score)),)
    reported = Reported(statements=tuple((s, Location(section="分析", line=i)) for i, s in enumerate(statements)))
    return SelfEvaluation(Project("测试项目"), 2024, (line,), Goal(indicators=indicators), reported)


def fired(se, rule):
    return list(run("self_evaluation", se, CTX, only=[rule]))


@pytest.mark.parametrize("sentence", [
    "年初预算数 120000 元，全年预算数 100000 元，预算执行数是 80000 元，执行率 80%，结余资金 20000 元。",
    "年初预算数12万元，预算执行数为8万元，执行率为80.00%，结余资金2万元。",
    "全年预算数：100,000元，实际支出80,000元，预算执行率80%，结转结余20,000元。",
])
def test_consistent_budget_sentence_is_quiet(sentence):
    assert fired(report(sentence), "selfeval.narrative_budget") == []


@pytest.mark.parametrize("sentence, column", [
    ("年初预算数 120000 元，预算执行数是 90000 元，执行率 80%，结余资金 20000 元。", "执行数"),
    ("年初预算数15万元，预算执行数为8万元，执行率为80%。", "年初预算数"),
    ("全年预算数：100,000元，实际支出80,000元，预算执行率 80%，结余资金 30,000 元。", "结余"),
    ("年初预算数 120000 元，预算执行数是 80000 元，执行率 80%，结余资金 20000 元，预算执行 100%。", "预算执行"),
])
def test_budget_sentence_against_table_and_itself(sentence, column):
    [hit] = fired(report(sentence), "selfeval.narrative_budget")
    assert (hit.tier, hit.location.column) == (Tier.ERROR, column)


@pytest.mark.parametrize("sentence", ["年初预算数 120000 元，预算执行数是元，执行率 80%。",
                                      "年初预算数为12万元，执行金额为万元，执行率80%。",
                                      "全年预算数 100000 元，实际支出元，结余资金 20000 元。"])
def test_empty_slot_is_reported(sentence):
    hits = fired(report(sentence), "selfeval.narrative_budget")
    assert [h.tier for h in hits] == [Tier.WARNING] and "缺少数值" in hits[0].message


def test_initial_budget_that_is_the_adjusted_one_is_a_label_warning():
    [hit] = fired(report("年初预算数 100000 元，预算执行数是 80000 元，执行率 80%。"), "selfeval.narrative_budget")
    assert hit.tier is Tier.WARNING and "全年预算数" in hit.message


@pytest.mark.parametrize("sentence, tier", [
    ("项目总投资 4,764.04 万元，其中中央资金 1,000.00 万元、省级资金 2,764.03 万元。", Tier.WARNING),
    ("年初预算120万元，其中：人员经费80万元，公用经费50万元。", Tier.ERROR),
    ("合同总价 300000 元，其中首付款 100000 元，尾款 250000 元。", Tier.ERROR),
    ("下达资金 10.00 万元，其中设备 6.00 万元，安装 4.01 万元。", Tier.NOTICE),
])
def test_total_against_its_parts(sentence, tier):
    [hit] = fired(report(sentence), "selfeval.total_parts")
    assert hit.tier is tier


@pytest.mark.parametrize("sentence", ["项目总投资 4,764.04 万元，其中中央资金 2,000.01 万元、省级资金 2,764.03 万元。",
                                      "年初预算120万元，其中人员经费80万元。",
                                      "资金 300000 元，其中首付款 100000 元，尾款 200000 元。"])
def test_total_equal_to_its_parts_or_one_part_is_quiet(sentence):
    assert fired(report(sentence), "selfeval.total_parts") == []


@pytest.mark.parametrize("sentence", ["应付租赁费 202.13 万元，应收租赁费 94.37 万元，缺额 60 万元。",
                                      "合同金额500000元，已拨付300000元，资金缺口100000元。",
                                      "计划投资 80 万元，到位 50 万元，差额为 20 万元。",
                                      "应付 202.13 万元，应收 94.37 万元，缺额60万。"])
def test_stated_difference_against_its_amounts(sentence):
    [hit] = fired(report(sentence), "selfeval.stated_difference")
    assert hit.tier is Tier.ERROR


@pytest.mark.parametrize("sentence", ["应付租赁费 202.13 万元，应收租赁费 94.37 万元，缺额 107.76 万元。",
                                      "合同金额500000元，已拨付300000元，资金缺口200000元。",
                                      "缺额 60 万元，现需申请财政资金 60 万元。",
                                      "应付 202.13 万元，应收 94.37 万元，缺额107.76万。"])
def test_correct_difference_is_quiet(sentence):
    assert fired(report(sentence), "selfeval.stated_difference") == []


@pytest.mark.parametrize("sentence", ["已完工项目均未验收合格。", "项目尚未通过验收。", "工程都未验收合格，质量待提升。"])
def test_not_accepted_while_the_acceptance_rate_is_met(sentence):
    [hit] = fired(report(sentence), "selfeval.achievement_text")
    assert hit.tier is Tier.ERROR and hit.location.row == "工程验收合格率"


@pytest.mark.parametrize("sentence", ["已完工项目均已验收合格。", "工程全部验收合格。", "项目已通过验收。"])
def test_accepted_while_the_acceptance_rate_is_missed(sentence):
    assert fired(report(sentence), "selfeval.achievement_text") == []
    [hit] = fired(report(sentence, acceptance=("=100%", "80", "8")), "selfeval.achievement_text")
    assert "未达到目标" in hit.message


def test_unfinished_works_not_accepted_is_consistent():
    assert fired(report("未完工项目也未验收合格。"), "selfeval.achievement_text") == []


def test_parts_listed_in_the_paragraphs_after_qizhong():
    se = report("本年项目支出年初预算 5,200.00 万元，支出决算 4,100.50 万元。其中：",
                "设备购置年初预算 3,000.00 万元，支出决算 2,600.25 万元，完成年初预算的 86.68%。",
                "人员培训年初预算 1,199.99 万元，支出决算 1,500.25 万元。",
                "以上支出均按规定用途使用。")
    [hit] = fired(se, "selfeval.total_parts")
    # the 支出决算 parts add up, so the list is complete and the 年初预算 gap of 1,000.01 is certain
    assert hit.tier is Tier.ERROR and "年初预算" in hit.message and "4199.99万元" in hit.message


def test_parts_after_qizhong_that_add_up_are_quiet():
    se = report("年初预算 300 万元，支出决算 280 万元。其中：", "甲类年初预算 100 万元，支出决算 90 万元。",
                "乙类年初预算 200 万元，支出决算 190 万元。")
    assert fired(se, "selfeval.total_parts") == []
