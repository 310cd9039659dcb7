"""Ex-ante assessment (SPEC §5): expert averaging, the total, grade and conclusion at their boundaries, 审减."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.core.profile import GRADE_NAMES, ProfileError, profile_from_mapping
from jixiao.profiles import load_profile
from jixiao.scoring.errors import InputError
from jixiao.scoring.exante import (
    Conclusion,
    ExAnteResult,
    ExpertScore,
    SubItem,
    assess,
    conclusion_for,
    simple_sheet,
    summarise,
)

CENTRAL = load_profile("central")
DIMENSIONS = ("立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性")

# 立项必要性 split into four sub-items of 5 points (SPEC §5.2 sample sheet); the other dimensions whole.
NECESSITY = ("目的明确", "与规划和职能相符", "不重复", "前期论证充分")
SHEET = (*(SubItem("立项必要性", name, D(5)) for name in NECESSITY),
         *(SubItem(d, d, D(20)) for d in DIMENSIONS[1:]))


def scores_for(expert: str, necessity: tuple[str, str, str, str], others: tuple[str, str, str, str]) -> list[ExpertScore]:
    rows = [ExpertScore(expert, "立项必要性", name, D(s)) for name, s in zip(NECESSITY, necessity, strict=True)]
    rows += [ExpertScore(expert, d, d, D(s)) for d, s in zip(DIMENSIONS[1:], others, strict=True)]
    return rows


def one_expert(total_parts: tuple[str, str, str, str, str], requested: str = "1000000",
               recommended: str | None = None, profile=CENTRAL) -> ExAnteResult:
    rows = [ExpertScore("张三", d, d, D(s)) for d, s in zip(DIMENSIONS, total_parts, strict=True)]
    return assess("道路工程", simple_sheet(profile), rows, D(requested), profile,
                  D(recommended) if recommended is not None else None)


def test_sub_items_are_averaged_across_experts_and_summed():
    rows = (scores_for("张三", ("5", "5", "4", "5"), ("18", "16", "15", "20"))
            + scores_for("李四", ("4", "5", "5", "5"), ("17", "16", "14", "19"))
            + scores_for("王五", ("5", "4", "5", "3"), ("16", "17", "15", "18")))
    result = assess("道路工程", SHEET, rows, D(5_000_000), CENTRAL, D(4_000_000))
    necessity = result.dimension("立项必要性")
    assert [i.score for i in necessity.items] == [D("4.67"), D("4.67"), D("4.67"), D("4.33")]
    assert necessity.score == D("18.34") and necessity.weight == D(20)
    assert result.dimension("投入经济性").score == D(17)
    assert result.dimension("绩效目标合理性").score == D("16.33")
    assert result.total == D("18.34") + D(17) + D("16.33") + D("14.67") + D(19)
    assert (result.total, result.grade, result.conclusion) == (D("85.34"), "良", Conclusion.SUPPORT)
    assert result.experts == ("张三", "李四", "王五")
    assert (result.cut, result.cut_rate) == (D(1_000_000), D(20))


@pytest.mark.parametrize(("last", "total", "grade", "conclusion"), [
    ("19.99", "99.99", "优", Conclusion.SUPPORT),
    ("10", "90", "优", Conclusion.SUPPORT),
    ("9.99", "89.99", "良", Conclusion.SUPPORT),
    ("0.01", "80.01", "良", Conclusion.SUPPORT),
    ("0", "80", "良", Conclusion.SUPPORT),
])
def test_grade_and_conclusion_at_the_upper_boundaries(last, total, grade, conclusion):
    result = one_expert(("20", "20", "20", "20", last))
    assert (result.total, result.grade, result.conclusion) == (D(total), grade, conclusion)


@pytest.mark.parametrize(("fourth", "total", "grade", "conclusion"), [
    ("19.99", "79.99", "中", Conclusion.ADJUST),
    ("0.01", "60.01", "中", Conclusion.ADJUST),
    ("0", "60", "中", Conclusion.ADJUST),
])
def test_grade_and_conclusion_between_60_and_80(fourth, total, grade, conclusion):
    result = one_expert(("20", "20", "20", fourth, "0"))
    assert (result.total, result.grade, result.conclusion) == (D(total), grade, conclusion)


def test_below_60_is_rejected_and_gets_no_budget():
    result = one_expert(("20", "20", "19.99", "0", "0"), requested="2000000")
    assert (result.total, result.grade, result.conclusion) == (D("59.99"), "差", Conclusion.REJECT)
    assert (result.recommended, result.cut, result.cut_rate) == (D(0), D(2_000_000), D(100))
    assert "不予支持" in result.message


def test_recommended_defaults_to_the_request_when_supported():
    result = one_expert(("20", "20", "20", "20", "20"), requested="1234567.89")
    assert (result.recommended, result.cut, result.cut_rate) == (D("1234567.89"), D(0), D(0))


def test_thresholds_come_from_the_profile():
    strict = profile_from_mapping({"exante": {"support_min": 85, "adjust_min": 70, "excellent": 95, "good": 85,
                                              "fair": 70}})
    result = one_expert(("20", "20", "20", "20", "4"), profile=strict)
    assert (result.grade, result.conclusion) == ("中", Conclusion.ADJUST)
    central = one_expert(("20", "20", "20", "20", "4"))
    assert (central.grade, central.conclusion) == ("良", Conclusion.SUPPORT)


def test_dimension_weights_come_from_the_profile_and_must_total_100():
    weights = {"立项必要性": 30, "投入经济性": 10, "绩效目标合理性": 20, "实施方案可行性": 20, "筹资合规性": 20}
    profile = profile_from_mapping({"exante": {"dimensions": weights}})
    assert [i.max_score for i in simple_sheet(profile)] == [D(30), D(10), D(20), D(20), D(20)]
    with pytest.raises(ProfileError, match="合计为 90，应为100"):
        simple_sheet(profile_from_mapping({"exante": {"dimensions": {**weights, "立项必要性": 20}}}))


# ── validation (Chinese messages) ──


def invalid(rows, sheet=SHEET, requested="100", recommended=None, experts=None) -> tuple[str, ...]:
    with pytest.raises(InputError) as caught:
        assess("项目", sheet, rows, D(requested), CENTRAL, D(recommended) if recommended else None, experts)
    return caught.value.messages


def test_score_above_the_sub_item_maximum_and_negative_scores_are_refused():
    rows = scores_for("张三", ("6", "5", "-1", "5"), ("20", "20", "20", "20"))
    assert invalid(rows) == ("专家“张三”对“立项必要性／目的明确”的评分 6 超过该项分值 5",
                             "专家“张三”对“立项必要性／不重复”的评分 -1 不能为负数")


def test_a_panel_expert_who_did_not_score_an_item_is_named():
    rows = scores_for("张三", ("5", "5", "5", "5"), ("20", "20", "20", "20"))
    rows += scores_for("李四", ("5", "5", "5", "5"), ("20", "20", "20", "20"))[1:]
    assert invalid(rows) == ("专家“李四”未对“立项必要性／目的明确”评分",)
    full = scores_for("张三", ("5", "5", "5", "5"), ("20", "20", "20", "20"))
    messages = invalid(full, experts=["张三", "赵六"])
    assert len(messages) == len(SHEET) and messages[0] == "专家“赵六”未对“立项必要性／目的明确”评分"


def test_unknown_items_duplicates_and_outsiders_are_refused():
    rows = scores_for("张三", ("5", "5", "5", "5"), ("20", "20", "20", "20"))
    rows += [ExpertScore("张三", "立项必要性", "目的明确", D(4)), ExpertScore("张三", "可行性", "无此项", D(1)),
             ExpertScore("钱七", "筹资合规性", "筹资合规性", D(10))]
    assert invalid(rows, experts=["张三"]) == (
        "专家“张三”对“立项必要性／目的明确”重复评分",
        "专家“张三”评分的子项“可行性／无此项”不在评分表中",
        "专家“钱七”不在评估专家组中",
    )


def test_no_scores_at_all():
    assert invalid([]) == ("没有专家评分",)


def test_a_sheet_that_does_not_match_the_dimensions_is_refused():
    sheet = (SubItem("立项必要性", "目的明确", D(15)), *(SubItem(d, d, D(20)) for d in DIMENSIONS[1:4]))
    rows = [ExpertScore("张三", i.dimension, i.name, D(1)) for i in sheet]
    assert invalid(rows, sheet=sheet) == ("维度“立项必要性”各子项分值合计 15，应为 20", "评分表缺少维度“筹资合规性”")


def test_amounts_are_validated():
    rows = [ExpertScore("张三", d, d, D(20)) for d in DIMENSIONS]
    assert invalid(rows, sheet=simple_sheet(CENTRAL), requested="100", recommended="150") == (
        "建议安排金额 150 超过申报金额 100",)
    assert invalid(rows, sheet=simple_sheet(CENTRAL), requested="-1") == ("申报金额 -1 不能为负数",)
    with pytest.raises(InputError, match=r"不予支持.*建议安排金额应为0"):
        one_expert(("10", "10", "10", "10", "10"), recommended="500")


# ── summary as seed 003 reports it ──


def test_summary_reproduces_seed_003():
    totals = ["92", "95", "88", "86", "84", "77"]  # average 87 → 良; 2 优, 3 良, 1 中
    requested = [D("10000000"), D("9000000"), D("8000000"), D("12000000"), D("7913900"), D("6000000")]
    cuts = [D("2000000"), D("1680000"), D("3000000"), D("4000000"), D("2000000"), D("2000000")]
    results = []
    for total, req, cut in zip(totals, requested, cuts, strict=True):
        parts = (str(D(total) / 5),) * 5
        results.append(one_expert(parts, requested=str(req), recommended=str(req - cut)))
    summary = summarise(results, CENTRAL)
    assert (summary.count, summary.average, summary.grade) == (6, D(87), "良")
    assert [summary.count_of(g) for g in GRADE_NAMES] == [2, 3, 1, 0]
    assert (summary.requested, summary.cut) == (D("52913900"), D("14680000"))
    assert summary.cut_rate == D("27.74")
    assert summary.message == ("开展事前绩效评估项目6个，预算申报金额5,291.39万元，项目平均得分87分，综合评价等级为“良”；"
                               "评价等级为“优”的项目2个，评价等级为“良”的项目3个，评价等级为“中”的项目1个；"
                               "审减预算经费1,468万元")
    assert dict(summary.conclusion_counts) == {Conclusion.SUPPORT: 5, Conclusion.ADJUST: 1, Conclusion.REJECT: 0}


def test_empty_summary():
    summary = summarise([], CENTRAL)
    assert (summary.count, summary.average, summary.grade, summary.cut_rate) == (0, None, None, None)


# ── properties ──

points = st.decimals(min_value=0, max_value=20, places=2)


@given(st.lists(st.tuples(points, points, points, points, points), min_size=1, max_size=5))
def test_total_is_within_0_and_100_and_is_the_sum_of_dimensions(panel):
    rows = [ExpertScore(f"专家{n}", d, d, s) for n, parts in enumerate(panel) for d, s in zip(DIMENSIONS, parts,
                                                                                           strict=True)]
    result = assess("项目", simple_sheet(CENTRAL), rows, D(100), CENTRAL)
    assert D(0) <= result.total <= D(100)
    assert result.total == sum((d.score for d in result.dimensions), D(0))
    for dim in result.dimensions:
        low = min(s for _, s in dim.items[0].scores)
        high = max(s for _, s in dim.items[0].scores)
        assert low <= dim.score <= high


scores = st.decimals(min_value=0, max_value=100, places=2)
ORDER = {g: i for i, g in enumerate(reversed(GRADE_NAMES))}
CONCLUSION_ORDER = {Conclusion.REJECT: 0, Conclusion.ADJUST: 1, Conclusion.SUPPORT: 2}


@given(scores, scores)
def test_grade_and_conclusion_are_monotone_in_the_score(a, b):
    low, high = min(a, b), max(a, b)
    rules = CENTRAL.exante
    assert ORDER[rules.grade(low)] <= ORDER[rules.grade(high)]
    assert CONCLUSION_ORDER[conclusion_for(low, rules)] <= CONCLUSION_ORDER[conclusion_for(high, rules)]
