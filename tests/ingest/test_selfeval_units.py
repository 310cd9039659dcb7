"""Self-evaluation tables read in the unit their caption or header gives, and the report's sentences kept."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jixiao.ingest.selfeval import extract_self_evaluations
from jixiao.ingest.source import SourceDocument, text_blocks

HEADER = "资金来源\t年初预算数\t全年预算数{u}\t全年执行数{u}\t资金结(转)余{u}\t执行率\t得分\t偏差原因"


def source(caption: str, header_unit: str) -> SourceDocument:
    text = "\n\n".join([
        "项目支出绩效自评报告",
        "项目名称：示例道路维修",
        "（一）预算执行情况",
        caption,
        HEADER.format(u=header_unit) + "\n合计\t12.5\t12.5\t10.25\t2.25\t82\t8.2\t",
        "年初预算数 12.5 万元，预算执行数是 10.25 万元，执行率 82%。",
    ])
    return SourceDocument("示例.txt", "text", text_blocks(text, "示例.txt"))


@pytest.mark.parametrize("caption, header_unit", [("单位：万元", ""), ("预算执行情况表（万元）", ""),
                                                  ("说明如下", "（万元）")])
def test_wan_tables_are_read_in_wan(caption, header_unit):
    [se], errors = extract_self_evaluations(source(caption, header_unit))
    line = se.budget_lines[0]
    assert (line.adjusted, line.executed, line.carryover) == (D(125000), D(102500), D(22500)), errors


@pytest.mark.parametrize("caption", ["单位：亿元", "金额单位 ：亿元"])
def test_yi_captions_are_read_in_yi(caption):
    [se], errors = extract_self_evaluations(source(caption, ""))
    assert se.budget_lines[0].adjusted == D(1250000000), errors


def test_yuan_tables_stay_in_yuan_and_sentences_are_kept():
    [se], _ = extract_self_evaluations(source("单位：元", ""))
    assert se.budget_lines[0].adjusted == D("12.5")
    assert any("执行率 82%" in text for text, _ in se.reported.statements)
