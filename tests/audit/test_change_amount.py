"""A change stated without a rate (“比上年增加12.50万元”) is recomputed from this year's figure and the previous
year's (or the budget) stated in the same sentence or before it in the section."""

from __future__ import annotations

import pytest

from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text
from tests.builders import consistent_package

OPENING = "2024年度收入总计1,500.00万元，支出总计1,500.00万元。"


def with_sentences(*extra: str) -> str:
    text = consistent_package()
    assert OPENING in text
    return text.replace(OPENING, OPENING + "\n\n" + "\n\n".join(extra), 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


FAULTY = [
    (["上年收入总计1,200.00万元，本年收入总计比上年增加350.00万元。"], "增加350.00万元"),
    (["上年收入总计为12,000,000元。", "收入总计较上年增加3,500,000元。"], "增加3,500,000元"),
    (["上年收入总计1,200万元，收入总计与上年持平。"], "与上年持平"),
    (["基本支出全年预算250.00万元，基本支出比预算增加60.00万元。"], "增加60.00万元"),
]
QUIET = [
    ["上年收入总计1,200.00万元，本年收入总计比上年增加300.00万元。"],
    ["上年收入总计为12,000,000元。", "收入总计较上年增加3,000,000元。"],
    ["上年收入总计1,500万元，收入总计与上年持平。"],
    ["基本支出全年预算250.00万元，基本支出比预算增加50.00万元。"],
    ["收入总计比上年增加350.00万元。"],  # no previous-year figure stated: nothing to recompute it from
]


@pytest.mark.parametrize(("sentences", "planted"), FAULTY, ids=[p for _, p in FAULTY])
def test_change_against_the_two_figures_fires_at_its_sentence(tmp_path, sentences, planted):
    text = with_sentences(*sentences)
    _, findings = audit_text(tmp_path, text)
    loud = [f for f in findings if f.tier is not Tier.NOTICE]
    assert [(f.rule, f.tier) for f in loud] == [("narrative.change_amount", Tier.ERROR)], [f.message for f in loud]
    assert loud[0].location.line == line_of(text, planted) and loud[0].location.row.endswith("增减额")


@pytest.mark.parametrize("sentences", QUIET)
def test_consistent_change_is_quiet(tmp_path, sentences):
    _, findings = audit_text(tmp_path, with_sentences(*sentences))
    assert [f.message for f in findings if f.tier is not Tier.NOTICE] == []


def test_a_difference_within_printed_precision_is_a_notice(tmp_path):
    _, findings = audit_text(tmp_path, with_sentences("上年收入总计1,200万元，收入总计比上年增加300.40万元。"))
    hits = [f for f in findings if f.rule == "narrative.change_amount"]
    assert [(f.tier, "尾数误差" in f.message) for f in hits] == [(Tier.NOTICE, True)]
