"""Changes written with a bare direction ('较上年增3万元，增12%', '减幅5%') or with the direction in brackets
('较上年(减少)2万元，(减)幅20%') are read as changes and rates; a template offering both directions ('增加(减少)1万元')
states none. A budget compared with an earlier year's budget ('2019年预算数比2018年预算数减少…') is a change on that
earlier budget even when the clause also names this year."""

from __future__ import annotations

import pytest

from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text


@pytest.mark.parametrize(("sentence", "read"), [
    ("工资福利支出较上年增6.3万元,增12.6%", [("工资福利支出", "change", 63000), ("工资福利支出", "rate", 12.6)]),
    ("商品和服务支出较上年减0.5万元,减幅 4 %", [("商品和服务支出", "change", -5000), ("商品和服务支出", "rate", -4)]),
    ("对个人和家庭补助支出较上年(减少)2万元,(减)幅20 %",
     [("对个人和家庭的补助", "change", -20000), ("对个人和家庭的补助", "rate", -20)]),
    ("项目支出较上年(增加)3万元,降幅为5%", [("项目支出", "change", 30000), ("项目支出", "rate", -5)]),
])
def test_bare_and_bracketed_directions(sentence, read):
    claims, _ = claims_of(sentence)
    assert [(c.subject, c.measure, float(c.value)) for c in claims] == read


@pytest.mark.parametrize("sentence", ["基本支出较上年增加(减少)1万元,增长(下降)2%", "基本支出比上年减少(增加)1万元,下降(增长)2%"])
def test_a_template_offering_both_directions_states_none(sentence):
    claims, _ = claims_of(sentence)
    assert [c.measure for c in claims] == ["figure", "figure"]


def test_new_spending_is_not_a_change():
    claims, _ = claims_of("基本支出中新增3万元")
    assert [c.measure for c in claims] == ["figure"]


SECTION = ("一、预算收支增减变化情况说明\n"
           "(一)基本支出预算收支增减情况\n"
           "2019年基本支出预算较上年增8万元,增幅10 %。\n"
           "1.商品和服务支出较上年减0.3万元,{goods}%。\n"
           "二、“三公”经费预算收支增减情况\n"
           "2019年财政拨款“三公”经费预算总额为4.5万元,其中,因公出国(境)费支出0万元,公务用车购置及运行费支出2万元,"
           "公务接待费支出2.5万元。\n"
           "2019年“三公”经费预算数比2018年预算数减少0.5万元,减幅 {rate}%。\n")
CONSISTENT = {"goods": "减少5", "rate": "10"}  # 0.5 ÷ 5.0


def loud(tmp_path, **changes):
    _, found = audit_text(tmp_path, SECTION.format(**(CONSISTENT | changes)))
    return sorted((f.rule, f.tier) for f in found if f.tier is not Tier.NOTICE)


def test_consistent_changes_are_quiet(tmp_path):
    assert loud(tmp_path) == []


def test_a_fall_stated_with_a_rise_rate_is_a_contradiction(tmp_path):
    assert loud(tmp_path, goods="增5") == [("narrative.n2_year_on_year", Tier.ERROR)]


def test_a_rate_on_an_earlier_years_budget_is_checked(tmp_path):
    assert loud(tmp_path, rate="0.1") == [("narrative.n2_year_on_year", Tier.ERROR)]  # 0.5 ÷ 5.0 is 10%


def test_a_short_name_in_brackets_names_the_figure_after_it():
    claims, _ = claims_of("本局开支的出国(境)经费、车辆购置及运行费、公务接待费(简称“三公”经费)支出合计12.3万元")
    assert [(c.subject, c.measure, float(c.value)) for c in claims] == [("三公经费", "amount", 123000)]


def test_a_reason_phrase_used_as_a_heading_keeps_the_figures_after_it():
    claims, reason = claims_of("“三公”经费预算增减变化的主要原因是:2020年“三公”经费支出预算合计9.5万元,比上年预算数减少1.5万元")
    assert [(c.subject, c.measure) for c in claims] == [("三公经费", "budget"), ("三公经费", "change")] and reason == ""
    claims, reason = claims_of("公务接待费减少1万元,主要原因是:接待批次减少2万元的标准")  # figures before it: a reason
    assert [c.measure for c in claims] == ["change"] and reason.startswith("接待批次")


CLASSES = ("(一)基本支出预算收支增减情况\n"
           "2019年基本支出预算较上年增{total}万元,增幅{total_rate} %。主要变动原因如下:\n"
           "1.工资福利支出较上年增40万元,增20 %。\n"
           "2.商品和服务支出较上年增5万元,增10 %。\n"
           "3.对个人和家庭补助支出较上年(减少)5万元,(减)幅10 %。\n"
           "(二)项目支出预算收支增减情况\n"
           "2019年项目支出预算较上年减 3万元,减幅 30 %。\n")


def classes(tmp_path, total: str, total_rate: str):
    _, found = audit_text(tmp_path, CLASSES.format(total=total, total_rate=total_rate))
    return [(f.tier, f.message) for f in found if f.rule == "narrative.basic_classes_changes"]


def test_economic_class_changes_add_up_to_the_basic_change(tmp_path):
    assert classes(tmp_path, "40", "13.33") == []  # 40 + 5 − 5 on 200 + 50 + 50 = 300


def test_class_changes_larger_than_the_total_on_the_same_bases_are_certain(tmp_path):
    [(tier, message)] = classes(tmp_path, "30", "10")  # bases agree (300), the classes add to 40
    assert tier is Tier.ERROR and "变动之和为 40.00 万元" in message


def test_class_changes_on_other_bases_are_only_suspected(tmp_path):
    [(tier, message)] = classes(tmp_path, "30", "30")  # base 100: the classes listed are not the whole
    assert tier is Tier.WARNING and "按惯例" in message
