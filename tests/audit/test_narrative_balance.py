"""Balance identities and shares stated in a 决算 情况说明 without its tables: 收入总计 = 支出总计, two shares of a
two-part whole printed to add up to 100%, rates worked out on the wrong base. Own wording and figures, reproducing
the phrasing of real explanations."""

from __future__ import annotations

import pytest

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = """第二部分 2022年度部门决算情况说明
一、收入支出决算总体情况说明
"""

SHARES = HEAD + "本部门2022年度支出合计3000.00万元,其中:基本支出{basic}万元,占{a}%;项目支出{project}万元,占{b}%。\n"


def _hits(findings, rule):
    return [f for f in findings if f.rule == rule]


@pytest.mark.parametrize(("basic", "project", "a", "b", "tiers"), [
    # 2531.28 / 3000 = 84.376 → 84.38 printed truncated as 84.37, the other written as 100 − 84.37 = 15.63 (15.624)
    ("2531.28", "468.72", "84.37", "15.63", [Tier.NOTICE]),
    ("2531.28", "468.72", "84.38", "15.62", []),
    # the first wrong beyond a residue, the second printed as 100 less it: one fault, one error naming both
    ("2531.28", "468.72", "80.37", "19.63", [Tier.ERROR]),
    # the second off by more than the first's residue allows: still an error of its own
    ("2531.28", "468.72", "84.37", "15.73", [Tier.NOTICE, Tier.ERROR]),
])
def test_complementary_shares_of_a_two_part_whole(tmp_path, basic, project, a, b, tiers):
    _, findings = audit_text(tmp_path, SHARES.format(basic=basic, project=project, a=a, b=b))
    hits = _hits(findings, "narrative.n2_percentages")
    assert sorted(f.tier.value for f in hits) == sorted(t.value for t in tiers)
    if len(tiers) == 1:
        assert "100%" in hits[0].message and hits[0].related


TOTALS = HEAD + """本部门2022年度收入总计{income}万元,支出总{spending}万元。
本部门2022年度收入合计{year_in}万元,较上年增加50.00万元,增长{rate}%。
此外,年初结转和结余{carried}万元。
本部门2022年度支出合计{year_out}万元。
此外,结余分配0.00万元,年末结转和结余{left}万元。
"""
FIGURES = dict(income="1250.00", spending="1250.00", year_in="1200.00", rate="4.35", carried="50.00",
               year_out="1180.00", left="70.00")


def _totals(tmp_path, **changed):
    _, findings = audit_text(tmp_path, TOTALS.format(**{**FIGURES, **changed}))
    return _hits(findings, "narrative.totals_balance")


def test_totals_that_balance_and_add_up_pass(tmp_path):
    assert _totals(tmp_path) == []


@pytest.mark.parametrize(("spending", "tier"), [
    ("1180.00", Tier.WARNING),  # the year's own 支出合计 called 总计: a misnomer, the convention named
    ("1200.00", Tier.ERROR),    # neither the 合计 nor its sum with the carry-over: fails its own parts
])
def test_totals_that_do_not_balance(tmp_path, spending, tier):
    # the 支出总计 written with its 计 dropped is still read; the identity failure joins the one finding
    [hit] = _totals(tmp_path, spending=spending)
    assert hit.tier is tier and "两者按编制应相等" in hit.message and "1,250.00" in hit.message


def test_both_totals_a_cent_off_their_parts_is_one_notice(tmp_path):
    [hit] = _totals(tmp_path, carried="50.01", left="70.01")
    assert hit.tier is Tier.NOTICE and "1,250.01" in hit.message


def test_a_total_far_from_its_parts_is_certain(tmp_path):
    [hit] = _totals(tmp_path, carried="80.00", left="100.00", income="1250.00", spending="1250.00")
    assert hit.tier is Tier.ERROR


@pytest.mark.parametrize(("rate", "hint"), [("4.17", True), ("4.00", False)])
def test_a_rate_worked_on_this_years_figure_says_so(tmp_path, rate, hint):
    # 50 ÷ (1200 − 50) = 4.35%; 50 ÷ 1200 = 4.17%: the hint only when the printed rate is that figure
    _, findings = audit_text(tmp_path, TOTALS.format(**{**FIGURES, "rate": rate}))
    [hit] = _hits(findings, "narrative.n2_year_on_year")
    assert hit.tier is Tier.ERROR and ("似以本年数为基数" in hit.message) is hint


OWN_FIGURE_TWICE = HEAD + "我单位2022年收入总计900.00万元(其中本年收入800.00万元,上年结转结余{carried}万元),支出总计900.00万元。\n"


@pytest.mark.parametrize(("carried", "tier"), [("100.00", None), ("90.00", Tier.WARNING), ("110.00", Tier.ERROR)])
def test_a_bracketed_breakdown_before_an_equal_figure_is_checked(tmp_path, carried, tier):
    _, findings = audit_text(tmp_path, OWN_FIGURE_TWICE.format(carried=carried))
    hits = _hits(findings, "narrative.parts_total")
    assert [f.tier for f in hits] == ([tier] if tier else [])


CONTENTS_REPEATED = """示例镇中心小学2022年度单位决算
目录
一、概况
(一)单位职责
二、2022年度单位决算情况说明
(一)收入支出决算总体情况说明
(二)收入决算情况说明
一、概况
(一)单位职责
负责本镇适龄儿童的义务教育。
二、2022年度单位决算情况说明
(一)收入支出决算总体情况说明
2022年度收入总计500.00万元,支出总计500.00万元,与2021年度相比,各增加20.00万元,增长{rate}%。
(二)收入决算情况说明
本年收入合计500.00万元。
"""


@pytest.mark.parametrize(("rate", "tier"), [("4.17", None), ("4.00", Tier.ERROR)])
def test_contents_end_where_their_first_entry_is_printed_again(tmp_path, rate, tier):
    # 20 ÷ 480 = 4.17%: the 总体 paragraph is read although every short line before it repeats the 目录
    doc, findings = audit_text(tmp_path, CONTENTS_REPEATED.format(rate=rate))
    assert any(c.subject == "收入总计" for s in doc.disclosure.narrative for c in s.claims)
    assert [f.tier for f in _hits(findings, "narrative.n2_year_on_year")] == ([tier] if tier else [])


EXPLANATION_AFTER_TABLES = """示例服务中心2023年部门预算编制说明
第一部分:示例服务中心概况
一、主要职能
为全市提供公共服务。
第二部分:示例服务中心2023年部门预算报表
一、财政拨款收支总表
二、部门收支总表
(上述报表详见附件)
第三部分:示例服务中心2023年部门预算及“三公”经费预算说明
一、2023年收支总体情况
2023年收入总预算420.00万元,同比增加20.00万元,同比增长{rate}%。
"""


@pytest.mark.parametrize(("rate", "tier"), [("5", None), ("5.0", None), ("4.8", Tier.ERROR)])
def test_explanation_in_a_part_after_the_tables_is_read(tmp_path, rate, tier):
    # 20 ÷ 400 = 5.0%; 20 ÷ 420 = 4.76%
    _, findings = audit_text(tmp_path, EXPLANATION_AFTER_TABLES.format(rate=rate))
    hits = _hits(findings, "narrative.n2_year_on_year")
    assert [f.tier for f in hits] == ([tier] if tier else [])
    if tier:
        assert "似以本年数为基数" in hits[0].message


AGAINST_BUDGET = HEAD + """本部门2022年度财政拨款收入1200.00万元,较上年决算数增加100.00万元,增长9.09%。主要原因是增人增资。较年初预算数减少{cut}万元,下降{rate}%。主要原因是部分项目未实施。
"""


@pytest.mark.parametrize(("cut", "rate", "tier"), [("300.00", "20.00", None), ("311.69", "20.61", Tier.NOTICE),
                                                    ("300.00", "25.00", Tier.ERROR)])
def test_a_change_on_the_budget_after_a_reason_keeps_its_subject(tmp_path, cut, rate, tier):
    # 300 ÷ 1500 = 20.00%; 311.69 ÷ 1511.69 = 20.619…%, printed truncated as 20.61: a notice
    _, findings = audit_text(tmp_path, AGAINST_BUDGET.format(cut=cut, rate=rate))
    hits = [f for f in _hits(findings, "narrative.n2_year_on_year") if "预算" in f.message]
    assert [f.tier for f in hits] == ([tier] if tier else [])


SPLIT_UNIT = HEAD + "本部门2022年度支出合计300.00万元,其中:基本支出{basic}\n万元,项目支出100.00万元。\n"


@pytest.mark.parametrize(("basic", "tier"), [("200.00", None), ("210.00", Tier.ERROR)])
def test_a_number_and_its_unit_on_two_lines_are_one_figure(tmp_path, basic, tier):
    _, findings = audit_text(tmp_path, SPLIT_UNIT.format(basic=basic))
    assert [f.tier for f in _hits(findings, "narrative.parts_total")] == ([tier] if tier else [])


def test_unequal_totals_that_are_the_years_own_figures_are_suspected(tmp_path):
    """收入总计/支出总计 printed as the year's own 收入合计/支出合计 with no carry-over stated: the inequality rests on
    the words (texts often call the year's figures 总计), a warning naming the convention."""
    text = HEAD + "本部门2022年度收入总计1200.00万元,支出总计1180.00万元。\n本部门2022年度收入合计1200.00万元。\n" \
                  "本部门2022年度支出合计1180.00万元。\n"
    _, findings = audit_text(tmp_path, text)
    [hit] = _hits(findings, "narrative.totals_balance")
    assert hit.tier is Tier.WARNING and "编制口径" in hit.message


COMPOSED = HEAD + """本部门2022年度收入总计{income}万元,支出总计{income}万元。
(一)收入总计主要构成。
本年收入{year_in}万元;年初结转结余{carried}万元。
二、收入决算情况说明
本部门2022年度本年收入合计{year_in}万元。
"""


@pytest.mark.parametrize(("income", "year_in", "carried", "tiers"), [
    ("960.40", "900.30", "60.10", []),
    # the sub-heading's parts exceed the total stated above it by 10: beyond rounding, certain
    ("950.40", "900.30", "60.10", [Tier.ERROR]),
    # …short of it by 10: the unstated 使用非财政拨款结余 could be the gap (a warning naming it)
    ("970.40", "900.30", "60.10", [Tier.WARNING]),
])
def test_a_totals_make_up_under_its_own_sub_heading_is_checked_against_it(tmp_path, income, year_in, carried, tiers):
    _, findings = audit_text(tmp_path, COMPOSED.format(income=income, year_in=year_in, carried=carried))
    assert [f.tier for f in _hits(findings, "narrative.totals_balance")] == tiers
