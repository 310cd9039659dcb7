"""A list of parts that goes on over '；' (two projects' costs in one sentence) is read to its end when so read it
makes the total; a '其中：' run into a reason whose end was cut off ('…经费支其中：A X万元，占P%') opens a list whose
first item is read, not swallowed by the reason."""

from __future__ import annotations

from jixiao.audit.rules.selfeval_text import totals_and_parts
from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text as audit_package
from tests.audit.test_prose_and_evaluations import audit_text

REPORT = (
    "示例县交通运输局2020年度农村公路养护专项资金绩效自评报告\n一、专项资金基本情况\n（一）专项资金概况。\n"
    "2020年度专项资金总计{total}万元，其中甲乡公路养护费20万元，设计费3.5万元，检测费6.25万元；"
    "乙镇公路养护费18万元，设计费4.75万元，检测费8万元。\n"
)


def test_parts_go_on_over_a_semicolon_when_they_make_the_total():
    [item] = totals_and_parts(
        ["总计60.50万元，其中甲20万元，乙3.5万元，丙6.25万元；丁18万元，戊4.75万元，己8万元。"]
    )
    assert len(item.parts) == 6


def test_a_group_after_the_semicolon_that_overshoots_is_not_taken_in():
    [item] = totals_and_parts(
        ["总计29.75万元，其中甲20万元，乙3.5万元，丙6.25万元；上年结转5万元，本年下达3万元。"]
    )
    assert len(item.parts) == 3


def test_the_report_listing_two_projects_costs_is_quiet(tmp_path):
    found = audit_text(tmp_path, REPORT.format(total="60.50"))
    assert not [f for f in found if f.rule == "prose.parts_total"]
    wrong = [f for f in audit_text(tmp_path, REPORT.format(total="65.50")) if f.rule == "prose.parts_total"]
    assert [f.tier for f in wrong] == [Tier.WARNING]  # parts short of the total: one may be unlisted


def test_a_list_fused_to_a_cut_reason_is_read():
    claims, reason = claims_of(
        "2023年度收入合计500.00万元，较上年减少20.00万元，下降3.8%主要原因是项目经费减其中：财政拨款收入"
        "480.00万元，占96.0%"
    )
    assert [(c.subject, c.measure, c.text) for c in claims if c.subject == "财政拨款收入"] == [
        ("财政拨款收入", "amount", "480.00万元"),
        ("财政拨款收入", "share", "96.0%"),
    ]
    assert reason == "项目经费减"


def test_a_reason_naming_its_own_parts_stays_a_reason():
    claims, reason = claims_of(
        "会议费支出3.00万元，比上年减少1.00万元，主要原因是会议减少，其中：视频会议替代2次"
    )
    assert reason.startswith("会议减少") and "视频会议" in reason
    assert [c.measure for c in claims] == ["amount", "change"]


INCOME = (
    "示例街道办事处2023年度部门决算公开说明\n二、收入决算情况说明\n"
    "2023年度收入合计500.00万元，与2022年度相比，减少20.00万元，下降3.8%主要原因是项目经费减其中：财政拨款收入"
    "480.00万元，占96.0%；事业收入20.00万元，占4.0%；经营收入0万元，占0.0%。\n"
)


def test_the_shares_of_a_list_fused_to_a_cut_reason_make_the_whole(tmp_path):
    doc, found = audit_package(tmp_path, INCOME)
    assert doc.kind.value == "disclosure"
    assert [f.message for f in found if f.tier is not Tier.NOTICE] == []
