"""A figure printed in 元 in a text that counts in 万元 ('减少2.60元' for 减少2.60万元): when read in 万元 it agrees with
everything it is checked against (决算 − 预算, the rate beside it) and read in 元 with none of it, it is one
warning naming the slip, and the rules check it as meant — no error for the change, none for its rate."""

from __future__ import annotations

import pytest

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

SECTION = (
    "示例市档案馆2019年度一般公共预算财政拨款“三公”经费支出决算情况说明\n"
    "{table}"
    "（一）“三公”经费支出决算总体情况说明。\n"
    "2019年度“三公”经费支出预算为12.50万元，支出决算为9.40万元，完成预算的75.2%。\n"
    "（二）“三公”经费支出决算具体情况说明。\n"
    "因公出国（境）费支出决算2.40万元，年初预算5.00万元，与预算相比减少{change}，下降52%，主要原因是出访团组减少。"
    "公务接待费支出决算1.50万元，年初预算2.00万元，与预算相比减少0.50万元，下降25%。"
    "公务用车购置及运行维护费支出决算5.50万元，年初预算5.50万元，与预算持平。\n"
)

TABLE = (
    "财政拨款“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n合计\t12.50\t9.40\n"
    "因公出国（境）费\t5.00\t2.40\n公务接待费\t2.00\t1.50\n公务用车购置及运行维护费\t5.50\t5.50\n"
)


def _found(tmp_path, change: str, table: str = ""):
    doc, found = audit_text(tmp_path, SECTION.format(change=change, table=table))
    assert doc.kind.value == "disclosure" and doc.year == 2019
    return [f for f in found if f.tier is not Tier.NOTICE]


@pytest.mark.parametrize("table", ["", TABLE])
def test_as_printed_in_wan_nothing_is_reported(tmp_path, table):
    assert _found(tmp_path, "2.60万元", table) == []


@pytest.mark.parametrize("table", ["", TABLE])  # 决算 − 预算 from the sentence, or from 公开09
def test_the_unit_slip_is_one_warning_and_the_rates_hold_on_its_reading(tmp_path, table):
    [slip] = _found(tmp_path, "2.60元", table)
    assert (slip.rule, slip.tier) == ("narrative.unit_slip", Tier.WARNING)
    assert "减少2.60元" in slip.message and "按“2.60万元”读" in slip.message and "下降52%" in slip.message
    assert slip.location.row == "因公出国(境)费金额单位"


def test_a_figure_fitting_neither_reading_is_no_slip(tmp_path):
    found = _found(tmp_path, "2.80元")
    assert "narrative.unit_slip" not in {f.rule for f in found}
    assert any(
        f.rule == "narrative.n2_year_on_year" and f.tier is Tier.ERROR for f in found
    )  # read as printed


# A transfer-payment self-evaluation whose whole is printed in 元 while its parts and shares are in 万元.
SHARES = (
    "示例县2023年度耕地地力补贴资金绩效自评报告\n"
    "一、绩效目标分解下达情况\n"
    "2023年耕地地力补贴资金预算合计640万元，其中中央资金480万元，县级资金160万元。\n"
    "二、绩效目标完成情况分析\n"
    "（一）资金投入情况分析。\n"
    "1.项目资金到位情况分析。2023年补贴资金全年预算数{whole}：其中中央资金合计480万元，占比75.00%；"
    "县级资金160万元，占比25.00%。\n"
)


def test_a_whole_in_yuan_whose_shares_hold_in_wan_is_the_slip_not_a_share_error(tmp_path):
    doc, found = audit_text(tmp_path, SHARES.format(whole="640元"))
    assert doc.kind.value == "self_evaluation"
    serious = [f for f in found if f.tier is not Tier.NOTICE and f.rule.startswith("narrative.")]
    assert [(f.rule, f.tier) for f in serious] == [("narrative.unit_slip", Tier.WARNING)]
    assert "按“640万元”读" in serious[0].message and "75.00%" in serious[0].message


def test_a_whole_in_yuan_fitting_no_share_is_no_slip(tmp_path):
    _, found = audit_text(tmp_path, SHARES.format(whole="700元"))
    assert "narrative.unit_slip" not in {f.rule for f in found}
