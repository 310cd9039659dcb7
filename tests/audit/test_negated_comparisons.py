"""Denied comparisons (未超过预算, 不高于上年, 没有增加) are claims too: true unless the denied word holds."""

from __future__ import annotations

import pytest

from jixiao.core.claims import claims_of
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text
from tests.builders import consistent_package

SANGONG_ROW = "10.00\t\t10.00\t\t10.00\t\t8.00\t\t8.00\t\t8.00\t"
SPENT = "支出决算8.00万元，"
CHANGE = "下降20.00%，主要原因是：公务"


def over_budget() -> str:
    """The consistent package with the 三公 budget at 6.00万元: 决算 8.00 > 预算 6.00, every figure agreeing."""
    text = consistent_package().replace(SANGONG_ROW, "6.00\t\t6.00\t\t6.00\t\t8.00\t\t8.00\t\t8.00\t")
    text = text.replace("全年预算10.00万元，支出决算8.00万元，完成全年预算的80.00%", "全年预算6.00万元，支出决算8.00万元，完成全年预算的133.33%")
    return text.replace("公务用车运行维护费支出8.00万元，完成全年预算的80.00%", "公务用车运行维护费支出8.00万元，完成全年预算的133.33%")


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


@pytest.mark.parametrize(("sentence", "word", "basis"), [
    ("支出未超过预算。", "未超过", "预算"), ("决算数不高于全年预算。", "不高于", "预算"), ("支出没有增加。", "没有增加", "上年"),
    ("三公经费并未超出预算。", "并未超出", "预算"), ("支出不低于上年。", "不低于", "上年"), ("经费未下降。", "未下降", "上年")])
def test_the_grammar_reads_denied_comparisons(sentence, word, basis):
    [claim] = [c for c in claims_of(sentence)[0] if c.measure == "compare"]
    assert (claim.text, claim.basis, claim.negated) == (word, basis, True)


def test_over_budget_package_is_consistent(tmp_path):
    _, findings = audit_text(tmp_path, over_budget())
    assert [f.message for f in findings if f.tier is not Tier.NOTICE] == []


@pytest.mark.parametrize("denial", ["未超过预算", "没有超出全年预算", "不高于预算", "并未超过年初预算"])
def test_denying_an_overrun_that_happened_is_certain(tmp_path, denial):
    text = over_budget()
    faulty = text.replace(SPENT, f"{SPENT}{denial}，", 1)
    _, findings = audit_text(tmp_path, faulty)
    loud = [f for f in findings if f.tier is not Tier.NOTICE]
    assert [(f.rule, f.tier, f.location.row) for f in loud] == [
        ("narrative.comparison_words", Tier.ERROR, "三公经费比较")], [f.message for f in loud]
    assert loud[0].location.line == line_of(faulty, denial) and "实为“大于”" in loud[0].message


@pytest.mark.parametrize("denial", ["未超过预算", "没有超出全年预算", "不高于预算"])
def test_denying_an_overrun_that_did_not_happen_is_quiet(tmp_path, denial):
    _, findings = audit_text(tmp_path, consistent_package().replace(SPENT, f"{SPENT}{denial}，", 1))
    assert [f.message for f in findings if f.tier is not Tier.NOTICE] == []


@pytest.mark.parametrize("denial", ["没有减少", "未下降", "不低于上年", "并未少于上年"])
def test_denying_a_decrease_that_happened_is_certain(tmp_path, denial):
    faulty = consistent_package().replace(CHANGE, CHANGE.replace("，主要", f"，{denial}，主要"), 1)
    _, findings = audit_text(tmp_path, faulty)
    loud = [f for f in findings if f.tier is not Tier.NOTICE]
    assert [(f.rule, f.tier, f.location.row) for f in loud] == [
        ("narrative.comparison_words", Tier.ERROR, "三公经费比较")], [f.message for f in loud]
    assert loud[0].location.line == line_of(faulty, denial)


@pytest.mark.parametrize("denial", ["没有增加", "未超过上年", "不高于上年"])
def test_denying_an_increase_beside_a_decrease_is_quiet(tmp_path, denial):
    text = consistent_package().replace(CHANGE, CHANGE.replace("，主要", f"，{denial}，主要"), 1)
    _, findings = audit_text(tmp_path, text)
    assert [f.message for f in findings if f.tier is not Tier.NOTICE] == []
