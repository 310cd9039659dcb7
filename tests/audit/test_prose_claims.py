"""Prose documents (results statements, work summaries) read into claims by the one grammar: each rule fires on a
planted fault in three phrasings at its sentence, stays quiet on consistent text, and is certain only outside what
the printed precision allows."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Tier
from jixiao.ingest.pipeline import load_document
from jixiao.profiles import load_profile

CENTRAL = load_profile("central")
HEAD = "青川县示范区2024年度项目绩效目标执行结果情况的说明\n\n一、项目绩效情况\n\n"


def audit_prose(tmp_path: Path, *sentences: str):
    text = HEAD + "\n\n".join(sentences) + "\n"
    path = tmp_path / "说明.txt"
    path.write_text(text, encoding="utf-8")
    doc, errors = load_document(path)
    assert doc is not None, errors
    return text, audit_document(doc, CENTRAL)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


# rule, tier, row, [faulty sentence × 3], [consistent sentence × 3]
CASES = [
    ("prose.execution_rate", Tier.ERROR, "执行率",
     ["年初预算120.00万元，实际执行100.00万元，执行率85.33%。",
      "项目预算资金1,200,000元，实际支出资金1,000,000元，预算执行率为85.33%。",
      "批复金额120万元，执行金额为100万元，执行率为90%。"],
     ["年初预算120.00万元，实际执行100.00万元，执行率83.33%。",
      "项目预算资金1,200,000元，实际支出资金1,000,000元，预算执行率为83.33%。",
      "批复金额120万元，执行金额为100万元，执行率为83%。"]),
    ("prose.saving_rate", Tier.ERROR, "节约率",
     ["年初预算200.00万元，实际执行180.00万元，节约率1.00%。",
      "预算资金2,000,000元，实际支出1,800,000元，节约率为1%。",
      "批复200万元，实际执行180万元，节约率为20%。"],
     ["年初预算200.00万元，实际执行180.00万元，节约率10.00%。",
      "预算资金2,000,000元，实际支出1,800,000元，节约率为10%。",
      "批复200万元，实际执行180万元，节约率为10%。"]),
    ("prose.reconcile", Tier.WARNING, "预算调整",
     ["年初预算120.00万元，调减10.00万元，实际执行100.00万元。",
      "年初预算1,200,000元，年终收回额度50,000元，实际支出1,000,000元。",
      "预算资金120万元，预算调整15万元，执行金额100万元。"],
     ["年初预算120.00万元，调减20.00万元，实际执行100.00万元。",
      "年初预算1,200,000元，年终收回额度200,000元，实际支出1,000,000元。",
      "预算资金120万元，预算调整20万元，执行金额100万元。"]),
    ("summary.cut_arithmetic", Tier.ERROR, "审减金额",
     ["申报项目资金500.00万元，建议安排450.00万元，审减60.00万元，审减率10.00%。",
      "申报预算5,000,000元，经评审建议安排4,500,000元，审减金额为600,000元。",
      "申报资金500万元，建议安排资金450万元，审减40万元。"],
     ["申报项目资金500.00万元，建议安排450.00万元，审减50.00万元，审减率10.00%。",
      "申报预算5,000,000元，经评审建议安排4,500,000元，审减金额为500,000元。",
      "申报资金500万元，建议安排资金450万元，审减50万元。"]),
    ("summary.cut_arithmetic", Tier.ERROR, "审减率",
     ["申报项目资金500.00万元，建议安排450.00万元，审减50.00万元，审减率12.00%。",
      "申报预算5,000,000元，经评审建议安排4,500,000元，审减金额为500,000元，审减率为12%。",
      "申报资金500万元，建议安排资金450万元，审减50万元，审减率为20%。"],
     ["申报项目资金500.00万元，建议安排450.00万元，审减50.00万元，审减率10.00%。",
      "申报预算5,000,000元，经评审建议安排4,500,000元，审减金额为500,000元，审减率为10%。",
      "申报资金500万元，建议安排资金450万元，审减50万元，审减率为10%。"]),
    ("summary.count_parts", Tier.ERROR, "等级个数",
     ["4个项目开展了绩效自评，2个评级为优，1个评级为良，2个评级为中。",
      "经评价，3个部门整体绩效，1个评价等级为良，1个评价等级为中。",
      "5个项目绩效，两个评级为良，两个评级为中。"],
     ["4个项目开展了绩效自评，2个评级为优，1个评级为良，1个评级为中。",
      "经评价，2个部门整体绩效，1个评价等级为良，1个评价等级为中。",
      "4个项目绩效，两个评级为良，两个评级为中。"]),
]
FAULTY = [(rule, tier, row, s) for rule, tier, row, faulty, _ in CASES for s in faulty]
QUIET = [(rule, s) for rule, _, _, _, quiet in CASES for s in quiet]


@pytest.mark.parametrize(("rule", "tier", "row", "sentence"), FAULTY, ids=[f"{r}:{s}" for r, _, _, s in FAULTY])
def test_planted_fault_fires_once_at_its_sentence(tmp_path, rule, tier, row, sentence):
    text, result = audit_prose(tmp_path, "本年度各项目按计划实施。", sentence)
    loud = [f for f in result.findings if f.tier is not Tier.NOTICE]
    assert [(f.rule, f.tier, f.location.row) for f in loud] == [(rule, tier, row)], [f.message for f in loud]
    assert loud[0].location.line == line_of(text, sentence)


@pytest.mark.parametrize(("rule", "sentence"), QUIET, ids=[f"{r}:{s}" for r, s in QUIET])
def test_consistent_sentence_is_quiet(tmp_path, rule, sentence):
    _, result = audit_prose(tmp_path, sentence)
    assert [f.message for f in result.findings] == []


@pytest.mark.parametrize("sentence", ["年初预算25万元，实际执行24.95万元，节约率0.02%。",
                                      "年初预算120万元，实际执行100.00万元，执行率83.00%。",
                                      "申报资金500万元，建议安排资金450.00万元，审减50.40万元。"])
def test_within_what_the_printed_precision_allows_is_a_notice(tmp_path, sentence):
    """25万元 may be 24.5–25.5万元: a rate or difference reachable from the printed figures is not certain."""
    _, result = audit_prose(tmp_path, sentence)
    assert [f.tier for f in result.findings] == [Tier.NOTICE], [f.message for f in result.findings]
    assert "尾数误差" in result.findings[0].message


@pytest.mark.parametrize("sentence", ["执行率为91.33万元。", "项目年初预算150万元，实际执行137万元，执行率为91.33万元。",
                                      "预算执行率是91.33万元。", "项目执行率(B/A)为91.33万元。"])
def test_rate_written_as_an_amount(tmp_path, sentence):
    text, result = audit_prose(tmp_path, sentence)
    [hit] = [f for f in result.findings if f.rule == "prose.execution_rate"]
    assert hit.tier is Tier.ERROR and "91.33万元" in hit.message and hit.location.line == line_of(text, sentence)


@pytest.mark.parametrize("cells", [
    # a form read as one run of text: the header cells, then the value cells (96.6 ÷ 120 = 80.5%)
    "资金情况(万元)年度资金总额全年预算数(A)全年执行数(B)执行率(B/A)其中省级补助县级配套120万元\n96.6万元\n80.5%县级资金",
    "全年预算数(A)全年执行数(B)执行率(B/A)120万元96.6万元80.5%",
])
def test_amounts_after_a_rate_column_header_are_other_cells(tmp_path, cells):
    """The amounts after the 执行率 header belong to other columns: not a rate printed as an amount (and never one
    finding per amount); left unread, they are listed with their place."""
    text, result = audit_prose(tmp_path, cells)
    assert [f.message for f in result.findings if f.rule == "prose.execution_rate" and f.tier is Tier.ERROR] == []
    left = [u for u in result.coverage.unchecked if u.what.startswith("未核对")]
    assert any(u.location.line == line_of(text, "执行率(B/A)") for u in left), left


@pytest.mark.parametrize("sentence", ["全年培训窗口人员300人次，覆盖12个街道。", "组织专家评审会议3次，形成报告2个。",
                                      "年初预算120.00万元，实际执行100.00万元，执行率83.33%，新增服务网点6个。"])
def test_prose_claims_no_rule_uses_are_listed_as_unchecked_with_their_place(tmp_path, sentence):
    text, result = audit_prose(tmp_path, sentence)
    left = [u for u in result.coverage.unchecked if u.what.startswith("未核对")]
    assert left and all(u.location.line == line_of(text, sentence) for u in left), left
    if "执行率" in sentence:  # the figures a rule compared are not listed; the one no rule used is, alone
        assert len(left) == 1 and left[0].what.startswith("未核对：6个（")


@pytest.mark.parametrize("sentence", ["年初预算120.00万元，实际执行130.00万元，未超过预算。",
                                      "项目预算资金1,200,000元，实际支出资金1,300,000元，支出没有超出预算。",
                                      "批复金额120万元，执行金额为100万元，超过预算。",
                                      "年初预算120万元，实际执行130万元，不高于预算。"])
def test_comparison_words_against_budget_and_execution(tmp_path, sentence):
    text, result = audit_prose(tmp_path, sentence)
    loud = [f for f in result.findings if f.tier is not Tier.NOTICE]
    assert [(f.rule, f.tier, f.location.row) for f in loud] == [("prose.comparison_words", Tier.ERROR, "预算比较")], \
        [f.message for f in loud]
    assert loud[0].location.line == line_of(text, sentence)


@pytest.mark.parametrize("sentence", ["年初预算120.00万元，实际执行100.00万元，未超过预算。",
                                      "项目预算资金1,200,000元，实际支出资金1,300,000元，超过预算。",
                                      "批复金额120万元，执行金额为120.30万元，未超过预算。"])  # within 120 ± 0.5
def test_consistent_or_unsettled_comparison_is_quiet(tmp_path, sentence):
    _, result = audit_prose(tmp_path, sentence)
    assert [f.message for f in result.findings if f.rule == "prose.comparison_words"] == []


ROUNDS = [
    "项目支出绩效目标共计40个，一审审核评分达90分（含90分）以上项目共10个；80分（含80分）-89分项目共{n}个；二审审核评分达90分以上项目共计40个。",
    "项目支出绩效目标共计40个。一审审核40个项目，评分90分（含90分）以上的项目共计10个；80分以下的项目共计{n}个。二审审核40个项目。",
    "项目支出绩效目标共计40个，一审：90分以上项目共10个，80分-89分项目共{n}个，70分以下项目共0个，二审全部达90分以上。",
]


@pytest.mark.parametrize("sentence", ROUNDS)
def test_first_round_bands_add_up_to_the_goals_reviewed(tmp_path, sentence):
    text, result = audit_prose(tmp_path, sentence.format(n=32))
    loud = [f for f in result.findings if f.tier is not Tier.NOTICE]
    assert [(f.rule, f.tier, f.location.row, f.actual) for f in loud] == [
        ("summary.count_parts", Tier.ERROR, "一审分数段", "42")], [f.message for f in loud]
    assert loud[0].location.line == line_of(text, "一审")
    _, quiet = audit_prose(tmp_path, sentence.format(n=30))
    assert [f.message for f in quiet.findings] == []
