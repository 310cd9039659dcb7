"""Goal review (SPEC §3.5): grade and consequence by score, and seed-003 statistics of a review round."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.core.profile import GRADE_NAMES, ProfileError, profile_from_mapping
from jixiao.profiles import load_profile
from jixiao.scoring.errors import InputError
from jixiao.scoring.review import ReviewedGoal, cut_rate, review_outcome, review_statistics, score_bands

CENTRAL = load_profile("central")
KUNMING = load_profile("kunming")


@pytest.mark.parametrize(("score", "central", "kunming"), [
    ("100", "优", "优"), ("90", "优", "优"), ("89.99", "良", "良"), ("80", "良", "良"), ("79.99", "中", "中"),
    ("70", "中", "中"), ("69.99", "中", "差"), ("60", "中", "差"), ("59.99", "差", "差"), ("0", "差", "差"),
])
def test_grade_by_score_for_central_and_kunming(score, central, kunming):
    assert review_outcome(D(score), CENTRAL).grade == central
    assert review_outcome(D(score), KUNMING).grade == kunming


@pytest.mark.parametrize(("score", "proceeds", "resubmit", "consequence"), [
    ("95", True, False, "直接进入预算安排"),
    ("85", True, False, "与单位沟通、对绩效目标稍作完善后进入预算安排"),
    ("65", False, True, "退回单位修改完善绩效目标后重新报送审核"),
    ("55", False, False, "不得进入预算安排"),
])
def test_consequence_of_each_grade(score, proceeds, resubmit, consequence):
    outcome = review_outcome(D(score), CENTRAL)
    assert (outcome.proceeds, outcome.resubmit, outcome.consequence) == (proceeds, resubmit, consequence)
    assert outcome.message.startswith(f"绩效目标审核得分 {score} 分")


def test_consequences_come_from_the_profile():
    table = {**CENTRAL.review.consequences, "差": "退回重报"}
    profile = profile_from_mapping({"review": {"consequences": table}})
    assert (review_outcome(D(10), profile).consequence, review_outcome(D(95), profile).consequence) == (
        "退回重报", "直接进入预算安排")
    partial = profile_from_mapping({"review": {"consequences": {"优": "直接进入预算安排"}}})
    with pytest.raises(ProfileError, match=r"review\.consequences 缺少等级“差”"):
        review_outcome(D(10), partial)


def test_scores_outside_0_100_are_refused():
    with pytest.raises(InputError, match=r"审核评分 100\.50 应在0–100之间"):
        review_outcome(D("100.5"), CENTRAL)
    with pytest.raises(InputError, match="项目“A”审核评分 -1"):
        review_statistics([ReviewedGoal("A", D(-1))], CENTRAL)


def test_bands_are_labelled_as_seed_003_prints_them():
    assert [b.label for b in score_bands(KUNMING.review)] == ["90分（含）以上", "80分（含）–90分", "70分（含）–80分",
                                                              "70分以下"]
    assert [b.label for b in score_bands(CENTRAL.review)][2:] == ["60分（含）–80分", "60分以下"]


def test_unordered_bands_are_a_profile_error():
    with pytest.raises(ProfileError, match="excellent > good > fair"):
        score_bands(profile_from_mapping({"review": {"good": 95}}).review)


def seed_003_first_round() -> list[ReviewedGoal]:
    """707 scored goals (185 ≥ 90, 379 in 80–89, 138 in 70–80, 5 < 70) among 794 projects with amounts."""
    scores = (["90"] + ["95"] * 184 + ["80", "89.99"] + ["85"] * 377 + ["70", "79.99"] + ["75"] * 136
              + ["69.99", "65", "60", "59.99", "40"])
    goals = [ReviewedGoal(f"P{i:03d}", D(s)) for i, s in enumerate(scores)]
    goals += [ReviewedGoal(f"U{i:03d}", None) for i in range(794 - 707)]
    # Amounts in yuan: 申报 574,100.87 万元, 建议安排 436,316.62 万元.
    goals[0] = ReviewedGoal("P000", D(90), D("5741008700"), D("4363166200"))
    return goals


def test_first_round_statistics_reproduce_seed_003_for_kunming():
    stats = review_statistics(seed_003_first_round(), KUNMING)
    assert [b.count for b in stats.bands] == [185, 379, 138, 5]
    assert (stats.items, stats.scored) == (794, 707)
    assert (stats.requested, stats.recommended, stats.cut) == (D("5741008700"), D("4363166200"), D("1377842500"))
    assert stats.cut_rate == D(24)  # 137,784.25 / 574,100.87 = 24.00 %
    assert stats.message == (
        "绩效目标共计707个，一审审核评分90分（含）以上的185个；80分（含）–90分的379个；70分（含）–80分的138个；"
        "70分以下的5个；申报794个项目预算574,100.87万元，建议安排436,316.62万元，审减137,784.25万元，审减率24%")


def test_the_same_scores_under_central_bands():
    stats = review_statistics(seed_003_first_round(), CENTRAL)
    # 60–80 now holds the 138 plus 69.99, 65 and 60; only 59.99 and 40 are 差.
    assert [stats.count_of(g) for g in GRADE_NAMES] == [185, 379, 141, 2]


def test_second_round_all_above_90():
    stats = review_statistics([ReviewedGoal(f"P{i}", D(90) + D(i % 10)) for i in range(707)], KUNMING, 2)
    assert ([b.count for b in stats.bands], stats.round_name) == ([707, 0, 0, 0], "二审")
    assert stats.cut_rate is None and "申报" not in stats.message


def test_recommended_defaults_to_the_request():
    stats = review_statistics([ReviewedGoal("A", D(95), D(100)), ReviewedGoal("B", D(85), D(300), D(150))], CENTRAL)
    assert (stats.recommended, stats.cut, stats.cut_rate) == (D(250), D(150), D("37.5"))


def test_basic_and_project_spending_together_give_seed_003_overall_rate():
    # 基本支出 66,787.21 → 65,430.35 (the seed prints 审减 1,356.89; the difference is 1,356.86) and 项目支出.
    basic = cut_rate(D("66787.21"), D("65430.35"))
    assert basic == (D("1356.86"), D("2.03"))
    total_cut, total_rate = cut_rate(D("66787.21") + D("574100.87"), D("65430.35") + D("436316.62"))
    assert (total_cut, total_rate) == (D("139141.11"), D("21.71"))  # seed: 139,141 万元, 22 %


@given(st.lists(st.decimals(min_value=0, max_value=100, places=2), max_size=50))
def test_every_scored_goal_falls_in_exactly_one_band_matching_its_grade(scores):
    stats = review_statistics([ReviewedGoal(str(i), s) for i, s in enumerate(scores)], KUNMING)
    assert sum(b.count for b in stats.bands) == len(scores)
    for grade in GRADE_NAMES:
        assert stats.count_of(grade) == sum(1 for s in scores if review_outcome(s, KUNMING).grade == grade)


@given(st.decimals(min_value=0, max_value=100, places=2), st.decimals(min_value=0, max_value=100, places=2))
def test_grade_is_monotone_in_the_score(a, b):
    order = {g: i for i, g in enumerate(reversed(GRADE_NAMES))}
    low, high = min(a, b), max(a, b)
    for profile in (CENTRAL, KUNMING):
        assert order[review_outcome(low, profile).grade] <= order[review_outcome(high, profile).grade]
