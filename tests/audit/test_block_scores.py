"""A total score stated in prose against the scores it lists for 决策、过程、产出、效益 (prose.block_scores)."""

from __future__ import annotations

import pytest

from jixiao.core.blockscores import block_scores
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

HEAD = ("示例县2031年度示例道路养护资金绩效评价报告\n"
        "受示例县财政局委托，示例会计师事务所评价组对示例县交通运输局2031年度示例道路养护资金开展了重点绩效评价。\n"
        "一、评价结论\n")
RESULT = "经评价，该项目综合得分{total}分。其中决策指标得分{a}分，过程指标得分{b}分，产出指标得分{c}分，效益指标得分{d}分。\n"
TAIL = "二、存在问题\n资金拨付进度偏慢。\n三、建议\n加快资金拨付。\n"


def _found(tmp_path, total, a, b, c, d):  # type: ignore[no-untyped-def]
    _, findings = audit_text(tmp_path, HEAD + RESULT.format(total=total, a=a, b=b, c=c, d=d) + TAIL)
    return [f for f in findings if f.rule == "prose.block_scores"]


def test_blocks_adding_up_to_the_total_pass(tmp_path):
    assert _found(tmp_path, "81.5", "17", "16.5", "31", "17") == []


def test_blocks_above_the_total_are_an_error(tmp_path):
    [finding] = _found(tmp_path, "79.5", "17", "16.5", "31", "17")
    assert finding.tier is Tier.ERROR and finding.actual == "81.5" and finding.expected == "79.5"


def test_blocks_below_the_total_are_a_warning_naming_the_convention(tmp_path):
    [finding] = _found(tmp_path, "85.5", "17", "16.5", "31", "17")
    assert finding.tier is Tier.WARNING and "财预〔2020〕10号" in finding.message


def test_a_difference_within_the_printed_digits_is_a_notice(tmp_path):
    [finding] = _found(tmp_path, "81.8", "17", "16.5", "31", "17")  # 17, 31 and 17 may each be rounded
    assert finding.tier is Tier.NOTICE


@pytest.mark.parametrize("text", [
    # two totals (the unit's own and the review's): which one the blocks share out is not said
    "自评得分95分，评价得分81.5分，其中决策指标得分17分，过程指标得分16.5分，产出指标得分31分，效益指标得分17分。",
    # a block missing
    "综合得分81.5分，其中决策指标得分17分，过程指标得分16.5分，产出指标得分31分。",
])
def test_unclear_pairings_are_not_read(text):
    assert block_scores(text) is None


def test_indicators_within_a_block_are_not_blocks():
    item = block_scores("综合得分81.5分，其中决策指标得分17分，过程指标得分16.5分，产出指标得分31分，效益指标得分17分"
                        "（社会效益指标得分9分，服务对象满意度指标得分8分）。")
    assert item is not None and [b.name for b in item.blocks] == ["决策", "过程", "产出", "效益"]
