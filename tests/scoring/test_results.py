"""Result application (SPEC §6): grade → next year's budget for central and Kunming; rectification deadlines."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.core.profile import ProfileError, profile_from_mapping
from jixiao.profiles import load_profile
from jixiao.scoring.errors import InputError
from jixiao.scoring.results import (
    RectificationItem,
    RectificationStatus,
    add_months,
    budget_suggestion,
    rectification_deadline,
    rectification_state,
    rectification_summary,
    suggestion_for_score,
)

CENTRAL = load_profile("central")
KUNMING = load_profile("kunming")
BUDGET = D("1234567.89")


@pytest.mark.parametrize(("grade", "action", "pct", "max_cut"), [
    ("优", "重点支持", D(0), D(0)),
    ("良", "督促改进", D(0), D(0)),
    ("中", "扣减不高于10%的预算资金额度", D(10), D("123456.79")),
    ("差", "取消资金安排", D(100), BUDGET),
])
def test_kunming_result_table(grade, action, pct, max_cut):
    s = budget_suggestion(grade, BUDGET, KUNMING)
    assert (s.action, s.max_cut_pct, s.max_cut, s.min_budget) == (action, pct, max_cut, BUDGET - max_cut)
    assert s.cancel is (grade == "差")


def test_kunming_messages():
    assert budget_suggestion("中", BUDGET, KUNMING).message == (
        "评价等次“中”：扣减不高于10%的预算资金额度；下年预算最多扣减 123,456.79 元（本年预算 1,234,567.89 元 × 10%）")
    assert budget_suggestion("差", BUDGET, KUNMING).message == (
        "评价等次“差”：取消资金安排（本年预算 1,234,567.89 元不再安排）")
    assert budget_suggestion("优", BUDGET, KUNMING).message == "评价等次“优”：重点支持"


@pytest.mark.parametrize(("grade", "action", "capped"), [
    ("优", "根据情况予以支持", True), ("良", "根据情况予以支持", True),
    ("中", "完善政策、改进管理，根据情况核减预算", False), ("差", "完善政策、改进管理，根据情况核减预算", False),
])
def test_central_10hao_table_has_no_fixed_cut_for_fair_and_poor(grade, action, capped):
    s = budget_suggestion(grade, BUDGET, CENTRAL)
    assert s.action == action
    assert (s.max_cut_pct is not None) is capped
    if not capped:
        assert s.max_cut is None and s.min_budget is None and "未规定扣减比例上限" in s.message
    else:
        assert s.max_cut == D(0) and not s.cancel


@pytest.mark.parametrize(("total", "grade", "max_cut"), [
    ("90", "优", D(0)), ("89.99", "良", D(0)), ("80", "良", D(0)), ("79.99", "中", D(10000)),
    ("60", "中", D(10000)), ("59.99", "差", D(100000)), ("59.995", "中", D(10000)),
])
def test_suggestion_by_score_uses_the_grade_bands_on_the_rounded_total(total, grade, max_cut):
    s = suggestion_for_score(D(total), D(100000), KUNMING)
    assert (s.grade, s.max_cut) == (grade, max_cut)


def test_invalid_grade_budget_or_profile_is_refused():
    with pytest.raises(InputError) as caught:
        budget_suggestion("甲", D(-1), KUNMING)
    assert caught.value.messages == ("评价等次“甲”无效，应为优、良、中或差", "预算金额 -1 不能为负数")
    with pytest.raises(InputError, match="评价得分 101 应在0–100之间"):
        suggestion_for_score(D(101), D(1), CENTRAL)
    bad = profile_from_mapping({"results": {"max_cut_pct": {"优": 0, "良": 0, "中": 120}}})
    with pytest.raises(ProfileError, match="应在0–100之间"):
        budget_suggestion("中", D(1), bad)
    with pytest.raises(ProfileError, match="缺少等次“差”"):
        budget_suggestion("差", D(1), profile_from_mapping({"results": {"actions": {"优": "支持"}}}))


@given(st.sampled_from(["优", "良", "中", "差"]), st.decimals(min_value=0, max_value=10**10, places=2))
def test_the_cut_never_exceeds_the_budget_and_worse_grades_never_cut_less(grade, budget):
    s = budget_suggestion(grade, budget, KUNMING)
    assert s.max_cut is not None and D(0) <= s.max_cut <= budget
    order = ["优", "良", "中", "差"]
    for worse in order[order.index(grade):]:
        other = budget_suggestion(worse, budget, KUNMING).max_cut
        assert other is not None and other >= s.max_cut


# ── rectification ──


@pytest.mark.parametrize(("received", "months", "due"), [
    (date(2023, 12, 31), 2, date(2024, 2, 29)),  # leap year
    (date(2024, 12, 31), 2, date(2025, 2, 28)),
    (date(2024, 12, 30), 2, date(2025, 2, 28)),
    (date(2024, 12, 28), 2, date(2025, 2, 28)),
    (date(2024, 12, 15), 2, date(2025, 2, 15)),
    (date(2024, 8, 31), 2, date(2024, 10, 31)),
    (date(2024, 10, 31), 2, date(2024, 12, 31)),
    (date(2024, 11, 30), 2, date(2025, 1, 30)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2024, 3, 31), -1, date(2024, 2, 29)),
    (date(2024, 5, 31), 12, date(2025, 5, 31)),
    (date(2024, 5, 31), 0, date(2024, 5, 31)),
])
def test_add_months_is_calendar_correct(received, months, due):
    assert add_months(received, months) == due


def test_deadline_months_come_from_the_profile():
    assert rectification_deadline(date(2024, 12, 31), KUNMING) == date(2025, 2, 28)
    three = profile_from_mapping({"results": {"rectification_months": 3}})
    assert rectification_deadline(date(2024, 11, 30), three) == date(2025, 2, 28)
    with pytest.raises(ProfileError, match="不能为负数"):
        rectification_deadline(date(2024, 1, 1), profile_from_mapping({"results": {"rectification_months": -1}}))


ITEM = RectificationItem("资金使用不规范", "市场监管分局", date(2024, 12, 31), category="资金管理")
DUE = date(2025, 2, 28)


@pytest.mark.parametrize(("as_of", "status", "days"), [
    (date(2025, 1, 15), RectificationStatus.OPEN, 0),
    (DUE, RectificationStatus.OPEN, 0),  # the deadline day itself is still in time
    (date(2025, 3, 1), RectificationStatus.OVERDUE, 1),
    (date(2025, 3, 31), RectificationStatus.OVERDUE, 31),
])
def test_open_and_overdue_around_a_month_end_deadline(as_of, status, days):
    state = rectification_state(ITEM, as_of, KUNMING)
    assert (state.deadline, state.status, state.days_overdue) == (DUE, status, days)


@pytest.mark.parametrize(("completed", "as_of", "status", "late"), [
    (DUE, date(2025, 3, 10), RectificationStatus.DONE, False),
    (date(2025, 3, 1), date(2025, 3, 10), RectificationStatus.DONE, True),
    (date(2025, 3, 20), date(2025, 3, 10), RectificationStatus.OVERDUE, False),  # completed after as_of
    (date(2025, 2, 1), date(2025, 1, 31), RectificationStatus.OPEN, False),
])
def test_completion_as_seen_on_a_given_date(completed, as_of, status, late):
    item = RectificationItem(ITEM.finding, ITEM.unit, ITEM.report_date, completed_on=completed)
    state = rectification_state(item, as_of, KUNMING)
    assert (state.status, state.late) == (status, late)


def test_an_explicit_deadline_wins_over_the_profile():
    item = RectificationItem("问题", "单位", date(2024, 12, 31), deadline=date(2025, 1, 31))
    assert rectification_state(item, date(2025, 2, 1), KUNMING).status is RectificationStatus.OVERDUE


def test_impossible_dates_are_refused():
    item = RectificationItem("问题", "单位", date(2024, 12, 31), deadline=date(2024, 12, 1),
                             completed_on=date(2024, 11, 1))
    with pytest.raises(InputError) as caught:
        rectification_state(item, date(2025, 1, 1), KUNMING)
    assert caught.value.messages == ("“问题”的整改期限早于收到评价报告日期", "“问题”的整改完成日期早于收到评价报告日期")


def test_summary_counts_and_messages():
    items = [
        ITEM,
        RectificationItem("绩效指标未细化量化", "消防大队", date(2025, 1, 20)),  # due 2025-03-20
        RectificationItem("档案不全", "消防大队", date(2024, 12, 31), completed_on=date(2025, 2, 10)),
    ]
    summary = rectification_summary(items, date(2025, 3, 5), KUNMING)
    assert [summary.count(s) for s in RectificationStatus] == [1, 1, 1]
    assert summary.message == "截至 2025-03-05，整改事项3项：已完成1项，整改中1项，逾期未完成1项"
    (overdue,) = summary.overdue
    assert overdue.message == "市场监管分局：资金使用不规范——整改期限 2025-02-28，已逾期 5 天"


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2990, 12, 31)), st.integers(min_value=-60, max_value=60))
def test_add_months_lands_in_the_right_month_and_clamps_only_at_month_end(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day <= day.day
    if result.day < day.day:
        assert (result + timedelta(days=1)).day == 1  # clamped to the last day of its month


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2990, 12, 31)),
       st.dates(min_value=date(1901, 1, 1), max_value=date(2990, 12, 31)), st.integers(min_value=0, max_value=24))
def test_add_months_is_monotone(a, b, months):
    low, high = min(a, b), max(a, b)
    assert add_months(low, months) <= add_months(high, months)
