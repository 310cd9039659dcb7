"""A unit named as a place's sector (its 部门: a bureau with the units under it) in a title, and the recipient of an
allocation notice named by its district's level alone ('区文联'), written out with the district whose finance bureau
the notice names — even after a joining word ('…及示例市示例区财政局…'), and when the target form's cells stand one per
line like a site's menu. Own wording and names."""

from __future__ import annotations

import pytest

from jixiao.ingest.detect import detect

SECTOR = """2031年度示例县{who}“三公”经费决算情况说明
一、一般公共预算财政拨款“三公”经费支出决算总体情况
{who}2031年度“三公”经费财政拨款支出预算120,000元,支出决算96,000.00元,完成预算的80.00%。
"""


@pytest.mark.parametrize(("who", "unit"), [("卫生部门", "示例县卫生部门"), ("所属部门", ""), ("县级部门", "")])
def test_a_places_sector_in_the_title_is_the_unit(who, unit):
    assert detect(SECTOR.format(who=who)).unit == unit


NOTICE = """区文联:
根据示例市财政局《关于下达2031年文化事业补助资金的通知》(示市财〔2030〕9号)及示例市示例区财政局《关于下达财政预算支出指标的通知》(示区财〔2031〕3号)文件精神,现将2031年文化事业补助资金12.5万元下达给你们,请专款专用。
附件:绩效目标表
绩效目标表
项目名称
文化事业补助资金
区级主管部门
区文联
资金金额
年度资金总额
12.5
"""


def test_a_notices_recipient_by_its_level_is_of_the_district_whose_finance_bureau_issues_it():
    assert detect(NOTICE).unit == "示例市示例区文联"
