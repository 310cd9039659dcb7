"""The two vehicle items of 三公经费 named together in one label, in either order and with any joining word
('公务用车运行维护费及公务用车购置费', '公务用车购置和运行维护费'), are their sum, not the item named last; short forms
('公车购置费') name their own item. An item stated with two different changes of one base is not judged."""

from __future__ import annotations

import pytest

from jixiao.core.claims import subject_at
from jixiao.core.finding import Tier
from tests.audit.test_mutations import audit_text


@pytest.mark.parametrize(
    ("label", "subject"),
    [
        ("公务用车运行维护费及公务用车购置费", "公务用车购置及运行维护费"),
        ("公务用车购置和运行维护费", "公务用车购置及运行维护费"),
        ("公车运维费与公车购置费", "公务用车购置及运行维护费"),
        ("公务用车购置、运行维护费", "公务用车购置及运行维护费"),
        ("公车购置费", "公务用车购置费"),
        ("公车运行维护费", "公务用车运行维护费"),
        ("公务用车购置费", "公务用车购置费"),
    ],
)
def test_vehicle_label_names_its_item(label, subject):
    assert subject_at(label, len(label))[0] == subject


# the combined label first, its parts after it in brackets with their own changes
SECTION = (
    "经示例市财政局汇总，2025年示例市市级单位“三公”经费预算为5,120.40万元，比2024年增加{total}万元。"
    "从明细看，公务接待费610.20万元，比2024年减少120.50万元；公务用车运行维护费及公务用车购置费4,210.00万元，"
    "比2024年增加{car}万元（其中，公务用车运行维护费3,600.00万元，比2024年增加900.00万元；公务用车购置费"
    "610.00万元，比2024年减少{buy}万元）；因公出国（境）费用300.20万元，比2024年减少50.30万元。\n"
)
CONSISTENT = {
    "total": "429.20",
    "car": "600.00",
    "buy": "300.00",
}  # −120.50 + 600.00 − 50.30; 900.00 − 300.00


def n3(tmp_path, **changes):
    _, found = audit_text(tmp_path, SECTION.format(**(CONSISTENT | changes)))
    return [(f.location.row, f.tier) for f in found if f.rule == "narrative.n3_sangong_changes"]


def test_combined_label_with_its_parts_in_brackets_is_consistent(tmp_path):
    assert n3(tmp_path) == []


@pytest.mark.parametrize(
    ("changes", "row"),
    [
        ({"total": "492.20"}, "三公经费增减"),  # the total no longer the items' sum
        ({"buy": "200.00"}, "公务用车购置及运行维护费增减"),  # the bracketed parts no longer make the whole
    ],
)
def test_planted_fault_found_once(tmp_path, changes, row):
    assert n3(tmp_path, **changes) == [(row, Tier.ERROR)]


# the item's change stated first in a sentence of its own, then again in the list
TWICE = (
    "2025年示例县“三公”经费预算中，公务接待费80.00万元，比上年增加{again}万元，主要是接待任务增加。\n"
    "2025年示例县“三公”经费预算为300.00万元，比上年增加{total}万元。其中：因公出国（境）费20.00万元，比上年增加5.00万元；"
    "公务接待费80.00万元，比上年增加10.00万元；公务用车购置及运行维护费200.00万元，比上年增加15.00万元。\n"
)


def test_item_stated_with_two_different_changes_is_not_judged(tmp_path):
    def n3_tiers(again, total="30.00"):
        _, found = audit_text(tmp_path, TWICE.format(again=again, total=total))
        return [f.tier for f in found if f.rule == "narrative.n3_sangong_changes"]

    assert n3_tiers("10.00") == []
    assert n3_tiers("40.00") == []  # which of 10 and 40 counts is not known: no error from the first one
    assert n3_tiers("10.00", total="60.00") == [Tier.ERROR]  # stated the same twice: still checked
