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


def test_every_rule_has_an_example_produced_by_a_real_run():
    """docs/rules.md prints, for each rule, the message it gives on a planted fault (data/rule_examples)."""
    from jixiao.cli.rule_examples import declared, example

    rules = load_rules()
    assert sorted(declared()) == sorted(rules), "examples.toml must name every rule once"
    silent = [rule_id for rule_id in rules if (found := example(rule_id)) is None or found.finding is None]
    assert silent == []
    for rule_id in rules:
        found = example(rule_id).finding
        assert found.rule == rule_id and found.message and any("\u4e00" <= ch <= "\u9fff" for ch in found.message)


def test_example_documents_are_consistent():
    """Without the planted fault the example documents give no error or warning: the example is the fault's."""
    from jixiao.cli.rule_examples import _audit

    for document in ("package.txt", "prose.txt", "keyeval.txt", "budget.txt", "goalform.txt", "scores.txt",
                     "monitoring.txt", "parts.txt", "cellform.txt"):
        assert [f.message for f in _audit(document, (), ()) if f.tier.value != "notice"] == [], document
