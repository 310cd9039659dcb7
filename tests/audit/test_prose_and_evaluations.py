"""Prose documents (seeds 000/001), the 部门评价表 (seed 002) and the work summary (seed 003)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.core.model import DocumentKind
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile
from tests.conftest import seed_path

CENTRAL = load_profile("central")


def audit(path: Path):
    doc, errors = load_document(path)
    assert doc is not None, errors
    return doc, audit_document(doc, CENTRAL).findings


def audit_text(tmp_path: Path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return audit(path)[1]


def rules(findings, tier=None):
    return sorted(f.rule for f in findings if tier is None or f.tier is tier)


def test_seed001_rate_in_wan_saving_rate_and_unreconciled_items():
    doc, findings = audit(seed_path("001"))
    assert doc.kind is DocumentKind.RESULTS_STATEMENT
    messages = [f.message for f in findings]
    assert any("执行率为91.33万元" in m for m in messages)
    assert any("节约率写为 0.02%" in m and "0.2%" in m for m in messages)
    # 25万元 printed without decimals may be 24.5–25.5万元: a 0.02% saving is reachable, so only a notice
    assert "prose.saving_rate" in rules(findings, Tier.NOTICE) and "prose.saving_rate" not in rules(findings, Tier.ERROR)
    assert sum(1 for f in findings if f.rule == "prose.reconcile") == 2


def test_seed000_correct_rates_stay_quiet_and_a_wrong_one_fires(tmp_path):
    doc, findings = audit(seed_path("000"))
    assert doc.kind is DocumentKind.RESULTS_STATEMENT and findings == ()
    text = seed_path("000").read_text(encoding="utf-8").replace("预算执行率为31.43%", "预算执行率为34.13%")
    assert "prose.execution_rate" in rules(audit_text(tmp_path, text), Tier.ERROR)


def test_seed002_printed_parent_weights_and_zero_execution():
    doc, findings = audit(seed_path("002"))
    assert doc.kind is DocumentKind.KEY_EVALUATION
    parents = {(f.location.row, f.actual, f.expected) for f in findings if f.rule == "keyeval.parent_weights"}
    assert parents == {("决策", "40", "20"), ("过程", "60", "20"), ("产出", "60", "40")}
    assert rules(findings, Tier.WARNING) == ["keyeval.text_vs_scores", "keyeval.text_vs_scores"]
    assert "keyeval.total" not in rules(findings)  # 97 = Σ scores, Σ weights = 100


def test_seed002_wrong_total_fires(tmp_path):
    text = seed_path("002").read_text(encoding="utf-8").replace("总分\t100\t\t100\t\t100\t97", "总分\t100\t\t100\t\t100\t99")
    assert "keyeval.total" in rules(audit_text(tmp_path, text))


def test_seed002_execution_score_against_funds(tmp_path):
    text = seed_path("002").read_text(encoding="utf-8").replace("预算执行率\t3\t0", "预算执行率\t3\t3")
    assert "keyeval.execution" in rules(audit_text(tmp_path, text), Tier.ERROR)
    assert "keyeval.execution" not in rules(audit(seed_path("002"))[1])


def test_seed003_cut_arithmetic():
    doc, findings = audit(seed_path("003"))
    assert doc.kind is DocumentKind.WORK_SUMMARY
    [cut] = findings
    assert (cut.rule, cut.actual, cut.expected) == ("summary.cut_arithmetic", "1,356.89", "1356.86")


@pytest.mark.parametrize(("old", "new"), [
    ("70分以下的项目共计5个", "70分以下的项目共计7个"),
    ("16个评级为良", "15个评级为良"),
    ("审减率24%", "审减率42%"),
])
def test_seed003_planted_faults_fire(tmp_path, old, new):
    text = seed_path("003").read_text(encoding="utf-8")
    assert old in text
    found = audit_text(tmp_path, text.replace(old, new))
    assert len([f for f in found if f.tier is Tier.ERROR]) == 2
    assert {"summary.count_parts", "summary.cut_arithmetic"} & set(rules(found, Tier.ERROR))
