"""The one reader of the amount unit a table prints, in a caption or in brackets (ingest.headers.printed_unit)."""

from __future__ import annotations

import pytest

from jixiao.ingest.headers import printed_unit


@pytest.mark.parametrize(
    "text, unit",
    [
        ("单位：万元", "万元"),  # a caption line
        ("金额单位:元", "元"),  # with 金额, an ASCII colon
        ("单位：亿元", "亿元"),
        ("单位 ： 万元", "万元"),  # spaced out
        ("单位\u3000：\u3000万元", "万元"),  # ideographic spaces
        ("部门：示例局    金额单位：元", "元"),  # a caption naming the department first
        ("决算数（万元）", "万元"),  # a header label
        ("发行金额(亿元)", "亿元"),
        ("（万元）", "万元"),  # a bracket on a line of its own
        ("( 元 )", "元"),
        ("（金额单位：万元）", "万元"),  # a caption in brackets
        ("项目资金 (万 元)", "万元"),  # a PDF's spaced letters
        ("资金情况（万元）单位：元", "万元"),  # the first one printed
        ("万元", ""),  # a unit word alone is no caption
        ("支出 12 万元", ""),
        ("2020年元月", ""),
        ("单位：示例局", ""),
        ("度量单位", ""),
        ("", ""),
    ],
)
def test_printed_unit_of_one_text(text, unit):
    assert printed_unit(text) == unit


def test_printed_unit_of_several_texts_is_the_first_printed():
    assert printed_unit("项目", "决算数（万元）", "单位：元") == "万元"
    assert printed_unit("项目", "决算数", "合计") == ""
    assert printed_unit() == ""
