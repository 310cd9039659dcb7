"""A budget-side 绩效目标表 is audited by the goal rules (blocks present, 数量指标 present, values present, weights
summing to the printed 总分) and by no self-evaluation rule: a target form has no execution table to miss."""

from __future__ import annotations

from pathlib import Path

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.profiles import load_profile
from tests.builders import load_text
from tests.ingest.test_goal_form_layouts import CELLS, PIPE, SHEET

PROFILE = load_profile("central")


def _findings(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    doc, _ = load_text(tmp_path, text)
    return audit_document(doc, PROFILE).findings


def test_a_goal_form_gets_goal_findings_and_no_self_evaluation_finding(tmp_path: Path) -> None:
    for text in (PIPE, CELLS, SHEET):
        found = _findings(tmp_path, text)
        assert not [f for f in found if f.rule.startswith("selfeval.")], [f.message for f in found]
        assert not [f for f in found if "没有指标值" in f.message or "没有数量指标" in f.message]
        assert not [f for f in found if f.rule == "goals.t01_required_blocks"]


def test_bare_figures_without_operators_are_one_finding_for_the_table(tmp_path: Path) -> None:
    [bare] = [f for f in _findings(tmp_path, PIPE) if "缺少运算符" in f.message]
    assert bare.tier is Tier.WARNING and "改造供水管网长度" in bare.message and "受益居民人数" in bare.message


def test_weights_not_adding_up_to_the_printed_total_is_an_error(tmp_path: Path) -> None:
    assert not [f for f in _findings(tmp_path, SHEET) if f.rule == "goals.t08_weight_total"]
    short = SHEET.replace("| 林农满意度(%) | ≥ | 90 | % | 15 |", "| 林农满意度(%) | ≥ | 90 | % | 10 |")
    [total] = [f for f in _findings(tmp_path, short) if f.rule == "goals.t08_weight_total"]
    assert total.tier is Tier.ERROR and "95" in total.message and "100" in total.message


def test_a_missing_block_and_a_form_cut_off_are_told_apart(tmp_path: Path) -> None:
    without_benefit = "\n".join(line for line in PIPE.splitlines() if "社会效益" not in line)
    [missing] = [f for f in _findings(tmp_path, without_benefit) if f.rule == "goals.t01_required_blocks"]
    assert "效益指标" in missing.message
    cut = "\n".join(SHEET.splitlines()[:7])  # the text ends in the middle of the 产出 rows
    doc, _ = load_text(tmp_path, cut)
    [form] = doc.goal_forms
    assert form.goal.incomplete
    assert not [f for f in audit_document(doc, PROFILE).findings if f.rule == "goals.t01_required_blocks"]
