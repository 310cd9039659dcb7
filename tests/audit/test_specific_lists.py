"""'具体为' and '具体是' open a total's parts as '其中' does ('共下达专项经费T万元，具体为下达甲工程a万元、乙工程b万元'),
also in the next sentence after a colon, with one item per group between '；' up to the sentence's end ('…下达预算资金
T万元。具体是：甲项目a万元；乙项目b万元；丙项目c万元。')."""

from __future__ import annotations

from jixiao.audit.rules.selfeval_text import totals_and_parts
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text

REPORT = (
    "示例市图书馆专项资金2021年度绩效自评报告\n"
    "一、绩效目标分解下达情况\n"
    "2021年共下达专项经费{first}万元，具体为下达古籍修复项目300万元、数字化项目80万元、阅览室改造项目120万元。\n"
    "区直单位项目有：一是市图书馆，下达预算资金{second}万元。具体是：古籍修复一期210万元；古籍修复二期90万元；"
    "数字化平台80万元；阅览室改造120万元。二是少儿图书馆，下达预算资金60万元。\n"
)


def _findings(tmp_path, first: str, second: str):
    doc, found = audit_text(tmp_path, REPORT.format(first=first, second=second))
    assert doc.kind.value == "self_evaluation"
    return [(f.tier, f.message) for f in found if f.rule.endswith("parts_total")]


def test_lists_opened_by_specific_words_that_add_up_say_nothing(tmp_path):
    assert _findings(tmp_path, "500", "500") == []


def test_parts_after_a_specific_word_above_the_total_are_an_error(tmp_path):
    [(tier, message)] = _findings(tmp_path, "480", "500")
    assert tier is Tier.ERROR and "480万元" in message and "500万元" in message


def test_a_colon_list_over_semicolons_short_of_its_total_is_a_warning(tmp_path):
    [(tier, message)] = _findings(tmp_path, "500", "560")
    assert tier is Tier.WARNING and "560万元" in message and "4 项" in message


def test_a_colon_list_is_read_only_when_every_group_is_one_item():
    assert [(i.total.text, [p.text for p in i.parts]) for i in totals_and_parts(
        ["下达预算资金500万元。具体是：甲项目210万元；乙项目290万元。"])] == [("500万元", ["210万元", "290万元"])]
    # a group with a list of its own, or saying what was spent, is no item: the list is not read
    assert totals_and_parts(["下达预算资金500万元。具体是：甲项目210万元，其中设备90万元；乙项目290万元。"]) == []
    assert totals_and_parts(["下达预算资金500万元。具体是：甲项目210万元；乙项目已支出200万元。"]) == []
