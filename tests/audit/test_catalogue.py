"""The catalogue itself: ids unique and namespaced, every rule documented, and every rule named by a test."""

from __future__ import annotations

from jixiao.audit.catalogue import load_rules, select
from tests.conftest import REPO


def test_every_rule_has_a_chinese_title_basis_and_doc():
    for rule in load_rules().values():
        assert rule.title and rule.basis and rule.doc, rule.id
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.title + rule.doc), rule.id


def test_select_by_family_tag_and_tier():
    assert {r.family for r in select(["disclosure"])} == {"disclosure"}
    assert all(r.tier.value == "warning" for r in select(["warning"]))
    assert not [r for r in select(skip=["selfeval"]) if r.family == "selfeval"]


def test_every_rule_is_exercised_by_a_test():
    tests_text = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "tests").rglob("test_*.py"))
    untested = [rule_id for rule_id in load_rules() if rule_id not in tests_text]
    assert untested == []
