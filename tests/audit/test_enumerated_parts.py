"""A total followed by an enumerated list of its parts — '①…②…', '（1）…（2）…', '一是…二是…' — where the grammar says
the items are the total's parts ('其中', '包括', '分别为', '具体用于…：', or a total in its own words: '共安排…，一是…'):
each item's amount is the one amount of its first clause, and the items add up to the total. Over the total is certain;
short is a warning (an item may be unlisted); a text cut off inside the list is judged only when the items printed
already reach the total."""

from __future__ import annotations

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from tests.audit.test_mutations import CENTRAL, audit_text

HEAD = "示例县住房保障中心2031年度旧城改造专项资金绩效自评报告\n一、资金投入情况\n"


def _parts(found):
    return [(f.tier, f.message) for f in found if f.rule == "prose.parts_total"]


USES = ("县级年初预算安排300万元专项资金,具体用于支付:①东门片区改造工程尾款{a}万元,该工程改造小区2个,已完成结算,尾款已付清;"
        "②西街片区改造项目缺口资金{b}万元,该项目预计2032年3月完工,{b}万元将于竣工验收后支付;③北关片区配套设施前期费用"
        "{c}万元,已完成可研和设计。\n二、绩效目标完成情况\n各片区改造工作按计划推进。\n")


@pytest.mark.parametrize(("a", "b", "c", "expected"), [
    ("120.5", "139.5", "40", []),
    ("120.5", "149.5", "40", [(Tier.ERROR, "文字称总额 300万元，其中所列 3 项合计 310万元，相差 10万元")]),
    ("120.5", "129.5", "40", [(Tier.WARNING, "文字称总额 300万元，其中所列 3 项合计 290万元，相差 -10万元（若所列为全部组成则不符）")]),
])
def test_circled_items_after_what_the_total_is_used_for_add_up_to_it(tmp_path, a, b, c, expected):
    path = tmp_path / "report.txt"
    path.write_text(HEAD + USES.format(a=a, b=b, c=c), encoding="utf-8")
    doc, _ = load_document(path)
    result = audit_document(doc, CENTRAL)
    # the amount repeated in an item's later clause ('139.5万元将于竣工验收后支付') is not another part
    assert _parts(result.findings) == expected
    assert result.coverage is not None
    unchecked = [u.what.split("（")[0] for u in result.coverage.unchecked if "资金投入" in u.location.section]
    assert not [what for what in unchecked if "万元" in what]  # every amount checked (the count of estates is not)


@pytest.mark.parametrize(("listing", "expected"), [
    ("全年共安排资金90万元，一是用于设备购置50万元；二是用于人员培训40万元。", []),
    ("全年共安排资金90万元，一是用于设备购置50万元；二是用于人员培训45万元。", [Tier.ERROR]),
    ("项目资金合计90万元，其中：（1）设备购置50万元，已全部支付；（2）人员培训40万元，已支付30万元。", []),
    ("项目资金合计90万元，其中：（1）设备购置50万元，已全部支付；（2）人员培训30万元，已支付30万元。", [Tier.WARNING]),
])
def test_numbered_items_and_first_second_items_after_a_total(tmp_path, listing, expected):
    _, found = audit_text(tmp_path, HEAD + listing + "\n二、绩效目标完成情况\n各项工作按计划推进。\n")
    assert [tier for tier, _ in _parts(found)] == expected


def test_items_not_introduced_as_parts_are_not_added_up(tmp_path):
    # the list after '主要工作' is no breakdown of the amount before it; an item with two amounts in its first clause
    # cannot say which is its own
    text = HEAD + ("全年安排资金90万元，主要工作：①设备购置50万元；②人员培训60万元。\n"
                   "项目资金90万元，具体用于：①设备购置50万元、运输10万元；②人员培训60万元。\n"
                   "二、绩效目标完成情况\n各项工作按计划推进。\n")
    _, found = audit_text(tmp_path, text)
    assert _parts(found) == []


@pytest.mark.parametrize(("last", "expected"), [("6万", []), ("9万", [Tier.ERROR]), ("3万", [])])
def test_a_list_the_text_ends_inside_is_judged_only_when_its_items_reach_the_total(tmp_path, last, expected):
    text = HEAD + ("县级年初预算安排100万元专项资金,具体用于支付:①甲小区改造尾款54万元,已付清;②乙小区改造缺口资金40万元,"
                   f"待竣工后支付;③丙小区配套设施缺口资金{last}")
    _, found = audit_text(tmp_path, text)
    assert [tier for tier, _ in _parts(found)] == expected
