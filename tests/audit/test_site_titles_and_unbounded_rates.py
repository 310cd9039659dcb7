"""Judgements that published pages got wrong, rebuilt with our own wording and figures:

- a document site's title line naming a template of another year over a 决算 of its own year: the uploader's
  naming, not the document's heading (at most 疑似);
- a flattened self-evaluation form whose cells could not be split: the form is there, not a report in prose;
- '财政拨款收入总计X万元，支出总计Y万元' then '年初预算数B万元，完成年初预算的P%' with no table: the 支出总计 bounds
  the year's spending, so a rate above Y ÷ B cannot hold and one below it needs a carry-over the text never states.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

W = Decimal(10000)

SITE_TITLE = """2031年预算单位部门决算公开模板

  1. 1、下载文档前请自行甄别文档内容的完整性。
  2. 2、如文档侵犯您的权益,请联系客服反馈。

2028年预算单位部门决算公开

目录

第一部分示例区档案馆概况

一、部门职责

第二部分示例区档案馆年部门决算表

一、收入支出决算总表
"""


def test_a_template_name_over_the_text_is_no_heading_of_the_document(tmp_path):
    doc, findings = audit_text(tmp_path, SITE_TITLE)
    assert doc.year == 2028
    [found] = [f for f in findings if f.rule == "disclosure.heading_year"]
    assert found.tier is Tier.WARNING and "模板或文件的名称" in found.message
    # a heading of the document itself naming another year is still certain
    doc, findings = audit_text(
        tmp_path,
        SITE_TITLE + "\n第一部分示例区档案馆概况\n\n负责全区档案的收集和保管。\n\n2027年度收入支出决算总表\n",
    )
    assert [f.tier for f in findings if f.rule == "disclosure.heading_year"] == [Tier.ERROR]


FUSED_FORM = """示例资金绩效目标自评表
(2031年度)
转移支付(项目)名称示例补助资金
地方主管部门示例市交通局资金使用单位示例市交通局
项目资金
(万元)
全年预算数(A)全年执行数(B)预算执行率(B/A)
年度资金总额:30003000100%
 其中:中央补助30003000100%
总体目标完成情况总体目标全年实际完成情况
按计划完成2031年度道路建设。建设二级公路12.5公里。
绩效指标一级
指标
二级指标三级指标指标值全年实际完成值未完成原因和改进措施
数量指标建设二级公路12.5公里2020
质量指标建设符合验收要求2020
"""


def test_a_form_whose_cells_ran_together_is_a_form_not_a_prose_report(tmp_path):
    doc, findings = audit_text(tmp_path, FUSED_FORM)
    assert doc.unit == "示例市交通局"
    [found] = [f for f in findings if f.rule == "reading.nothing_read"]
    assert "文档含项目支出绩效自评表" in found.message and "文字形式" not in found.message
    assert "第 8 行" in found.message  # where the form's unread part starts


def test_the_other_sides_total_takes_the_scope_of_its_counterpart():
    claims, _ = claims_of("2031年度财政拨款收入总计200.50万元,支出总计200.50万元,与上年相比,增加10.00万元。")
    assert [(c.subject, c.scope, c.measure) for c in claims][:2] == [
        ("收入总计", "fiscal", "amount"),
        ("支出总计", "fiscal", "amount"),
    ]
    claims, _ = claims_of("2031年度收入总计300.00万元,支出总计300.00万元。")
    assert {c.scope for c in claims} == {""}


COMPLETION = """2031年度示例站单位决算 三、2031年度单位决算情况说明 (四)财政拨款收入支出决算总体情况说明 2031 年度财政拨款收入总计 \
200.50 万元,支出总计 200.50 万元,与上年相比,增加 10.00 万元,增长 5.25%。财政拨款支出年初预算数 180.00 万元,完成年初预算的 {rate}%,\
主要原因是年中追加资金。"""


@pytest.mark.parametrize(
    ("rate", "tier", "slip"),
    [
        ("111.39", None, False),  # 200.50 ÷ 180.00
        ("20.50", Tier.WARNING, True),  # 200.50 − 180.00 written as a percentage
        ("95.00", Tier.WARNING, False),  # holds only with a carry-over of 29.50 万元
        ("130.00", Tier.ERROR, False),  # more than the 支出总计 allows
    ],
)
def test_a_completion_rate_is_bounded_by_the_stated_total(tmp_path, rate, tier, slip):
    _, findings = audit_text(tmp_path, COMPLETION.format(rate=rate))
    found = [f for f in findings if f.rule == "narrative.n2_percentages" and f.location.row == "完成预算比例"]
    assert [f.tier for f in found] == ([tier] if tier else [])
    if found:
        assert "111.39%" in found[0].message
        assert ("像是把差额写成了百分比" in found[0].message) is slip
