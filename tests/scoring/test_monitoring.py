"""Dual monitoring (SPEC §4): every warning rule at its threshold, for the central and the Sichuan profile."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.core.profile import ProfileError, profile_from_mapping
from jixiao.core.values import Attainment, Operator, parse_value
from jixiao.profiles import load_profile
from jixiao.scoring.errors import InputError
from jixiao.scoring.monitoring import (
    Colour,
    CorrectionKind,
    CorrectiveAction,
    FundProgress,
    IndicatorProgress,
    Initiator,
    Likelihood,
    MonitoringResult,
    Period,
    PeriodKind,
    ProjectPeriod,
    WarningKind,
    applicable_checkpoint,
    cleared_warnings,
    correction_totals,
    goal_progress,
    indicator_progress,
    make_period,
    meets_target,
    monitor_project,
    periods_of_year,
    time_progress,
)

CENTRAL = load_profile("central")
SICHUAN = load_profile("sichuan")
BUDGET = D(10000)


def data(period: Period, rate: str | D = "100", indicators: tuple[IndicatorProgress, ...] = (),
         project: str = "P001", goal: str | None = None) -> ProjectPeriod:
    """A project whose execution rate is exactly `rate` % of a 10,000-yuan budget."""
    executed = BUDGET * D(rate) / 100
    return ProjectPeriod(project, period, (FundProgress("一般公共预算", BUDGET, executed),), indicators,
                         name="测试项目", goal_progress=D(goal) if goal is not None else None)


def kinds(result: MonitoringResult, kind: WarningKind) -> list:
    return [w for w in result.warnings if w.kind is kind]


def colour_of(result: MonitoringResult, kind: WarningKind) -> Colour | None:
    found = kinds(result, kind)
    assert len(found) <= 1
    return found[0].colour if found else None


# ── periods and 时间进度 ──


def test_quarterly_time_progress_is_a_quarter_per_quarter():
    assert [time_progress(p) for p in periods_of_year(2024, CENTRAL)] == [D(25), D(50), D(75), D(100)]


def test_monthly_time_progress_for_sichuan():
    periods = periods_of_year(2024, SICHUAN)
    assert len(periods) == 12 and periods[0].kind is PeriodKind.MONTH
    assert (time_progress(periods[3]), time_progress(periods[6]), time_progress(periods[11])) == (
        D("33.33"), D("58.33"), D(100))


def test_central_round_covers_january_to_july():
    (round_,) = periods_of_year(2024, CENTRAL, "central")
    assert (round_.end_month, time_progress(round_), round_.label) == (7, D("58.33"), "2024年1–7月（集中监控）")


def test_central_round_length_comes_from_the_profile():
    profile = profile_from_mapping({"monitoring": {"period": "central", "central_round_months": 8}})
    (round_,) = periods_of_year(2024, profile)
    assert time_progress(round_) == D("66.67")


def test_period_labels_and_order():
    q2 = make_period(2024, 2, CENTRAL)
    assert q2.label == "2024年第2季度" and q2.end_month == 6
    assert make_period(2023, 4, CENTRAL) < make_period(2024, 1, CENTRAL) < q2


@pytest.mark.parametrize(("index", "kind", "message"), [(5, "quarter", "季度序号"), (0, "month", "月份"),
                                                        (13, "month", "月份"), (2, "central", "集中监控")])
def test_invalid_period_index_is_refused_in_chinese(index, kind, message):
    with pytest.raises(InputError, match=message):
        make_period(2024, index, CENTRAL, kind)


def test_unknown_period_kind_in_profile_is_a_profile_error():
    with pytest.raises(ProfileError, match="监控周期"):
        periods_of_year(2024, profile_from_mapping({"monitoring": {"period": "weekly"}}))


# ── execution_lag ──

CENTRAL_Q2 = make_period(2024, 2, CENTRAL)  # 时间进度 50 %
SICHUAN_APRIL = make_period(2024, 4, SICHUAN)  # 时间进度 33.33 %


@pytest.mark.parametrize(("profile", "period", "rate", "colour"), [
    (CENTRAL, CENTRAL_Q2, "40.01", None),  # lag 9.99
    (CENTRAL, CENTRAL_Q2, "40", None),  # lag exactly 10: not "more than"
    (CENTRAL, CENTRAL_Q2, "39.99", Colour.YELLOW),  # lag 10.01
    (CENTRAL, CENTRAL_Q2, "30.01", Colour.YELLOW),
    (CENTRAL, CENTRAL_Q2, "30", Colour.YELLOW),  # lag exactly 20: still yellow
    (CENTRAL, CENTRAL_Q2, "29.99", Colour.RED),  # lag 20.01
    (SICHUAN, SICHUAN_APRIL, "23.34", None),  # lag 9.99 behind 33.33
    (SICHUAN, SICHUAN_APRIL, "23.33", None),
    (SICHUAN, SICHUAN_APRIL, "23.32", Colour.YELLOW),
    (SICHUAN, SICHUAN_APRIL, "13.33", Colour.YELLOW),
    (SICHUAN, SICHUAN_APRIL, "13.32", Colour.RED),
])
def test_execution_lag_thresholds(profile, period, rate, colour):
    assert colour_of(monitor_project(data(period, rate), profile), WarningKind.EXECUTION_LAG) == colour


def test_execution_lag_carries_the_numbers_and_a_chinese_message():
    (warning,) = kinds(monitor_project(data(CENTRAL_Q2, "35"), CENTRAL), WarningKind.EXECUTION_LAG)
    assert (warning.expected, warning.actual, warning.difference) == (D(50), D(35), D(-15))
    assert warning.message == ("测试项目：2024年第2季度预算执行率 35%，落后时间进度 50% 共 15 个百分点（超过 10 个百分点）")


def test_execution_lag_thresholds_come_from_the_profile():
    strict = profile_from_mapping({"monitoring": {"lag_tolerance": 5, "red_lag": 8}})
    result = monitor_project(data(make_period(2024, 2, strict), "41.99"), strict)
    assert colour_of(result, WarningKind.EXECUTION_LAG) is Colour.RED
    assert colour_of(monitor_project(data(CENTRAL_Q2, "41.99"), CENTRAL), WarningKind.EXECUTION_LAG) is None


def test_execution_is_summed_over_fund_sources_not_averaged():
    period = CENTRAL_Q2
    funds = (FundProgress("中央补助", D(9000), D(4500)), FundProgress("市县区财政资金", D(1000), D(0)))
    result = monitor_project(ProjectPeriod("P", period, funds), CENTRAL)
    # Σ executed / Σ budget = 45 %; the mean of the source rates (25 %) would have raised a red warning.
    assert (result.execution_rate, dict(result.source_rates)) == (D(45), {"中央补助": D(50), "市县区财政资金": D(0)})
    assert colour_of(result, WarningKind.EXECUTION_LAG) is None


def test_zero_budget_raises_no_execution_warning_and_has_no_rate():
    result = monitor_project(ProjectPeriod("P", CENTRAL_Q2, (FundProgress("一般公共预算", D(0), D(0)),)), CENTRAL)
    assert result.execution_rate is None and result.warnings == ()


def test_negative_amounts_are_refused_with_every_problem_listed():
    bad = ProjectPeriod("P", CENTRAL_Q2, (FundProgress("中央", D(-1), D(-2)),),
                        (IndicatorProgress("人数", Operator.GE),))
    with pytest.raises(InputError) as caught:
        monitor_project(bad, CENTRAL)
    assert caught.value.messages == ("资金来源“中央”的全年预算数不能为负数", "资金来源“中央”的执行数不能为负数",
                                     "定量指标“人数”缺少年度指标值")


# ── execution_checkpoint (Sichuan 4→25, 6→40, 8→60, 10→80) ──


@pytest.mark.parametrize(("month", "minimum"), [(4, "25"), (6, "40"), (8, "60"), (10, "80")])
@pytest.mark.parametrize(("delta", "warned"), [("0.01", False), ("0", False), ("-0.01", True)])
def test_sichuan_checkpoints_at_their_thresholds(month, minimum, delta, warned):
    result = monitor_project(data(make_period(2024, month, SICHUAN), D(minimum) + D(delta)), SICHUAN)
    found = kinds(result, WarningKind.EXECUTION_CHECKPOINT)
    assert bool(found) is warned
    if warned:
        assert (found[0].colour, found[0].expected, result.checkpoint) == (Colour.RED, D(minimum), (month, D(minimum)))


@pytest.mark.parametrize(("end_month", "expected"), [(3, None), (4, (4, D(25))), (5, (4, D(25))), (7, (6, D(40))),
                                                     (9, (8, D(60))), (12, (10, D(80)))])
def test_the_latest_reached_checkpoint_applies(end_month, expected):
    assert applicable_checkpoint(end_month, SICHUAN.monitoring) == expected


def test_sichuan_quarterly_q3_is_held_to_the_august_line():
    q3 = make_period(2024, 3, SICHUAN, "quarter")
    assert kinds(monitor_project(data(q3, "59.99"), SICHUAN), WarningKind.EXECUTION_CHECKPOINT)
    assert not kinds(monitor_project(data(q3, "60"), SICHUAN), WarningKind.EXECUTION_CHECKPOINT)


def test_central_has_no_checkpoints_even_at_zero_execution():
    result = monitor_project(data(make_period(2024, 4, CENTRAL), "0"), CENTRAL)
    assert not kinds(result, WarningKind.EXECUTION_CHECKPOINT) and result.checkpoint is None
    assert colour_of(result, WarningKind.EXECUTION_LAG) is Colour.RED


def test_checkpoint_message_names_the_month_and_the_line():
    (warning,) = kinds(monitor_project(data(SICHUAN_APRIL, "20"), SICHUAN), WarningKind.EXECUTION_CHECKPOINT)
    assert warning.message == "测试项目：按规定4月底预算执行率应不低于 25%，2024年1–4月仅为 20%"
    assert warning.difference == D(-5)


def test_bad_checkpoint_month_in_a_profile_is_reported():
    profile = profile_from_mapping({"monitoring": {"checkpoints": {"四月": 25}}})
    with pytest.raises(ProfileError, match="四月"):
        monitor_project(data(make_period(2024, 2, profile), "10"), profile)


# ── indicator_lag ──

PROFILES = pytest.mark.parametrize("profile", [CENTRAL, SICHUAN], ids=["central", "sichuan"])


def one_indicator(profile, indicator: IndicatorProgress) -> MonitoringResult:
    period = make_period(2024, 2, profile, "quarter")
    return monitor_project(data(period, "50", (indicator,)), profile)


@PROFILES
@pytest.mark.parametrize(("expected", "warned"), [("99.99", True), ("100", False), ("100.01", False)])
def test_higher_is_better_indicator_lags_below_its_target(profile, expected, warned):
    ind = IndicatorProgress("培训人次", Operator.GE, D(100), unit="人次", expected=D(expected))
    assert bool(kinds(one_indicator(profile, ind), WarningKind.INDICATOR_LAG)) is warned


@PROFILES
@pytest.mark.parametrize(("expected", "warned"), [("299.99", False), ("300", False), ("300.01", True)])
def test_lower_is_better_indicator_lags_above_its_limit(profile, expected, warned):
    ind = IndicatorProgress("工程成本", Operator.LE, D(300), unit="万元", expected=D(expected))
    assert bool(kinds(one_indicator(profile, ind), WarningKind.INDICATOR_LAG)) is warned


@PROFILES
@pytest.mark.parametrize(("expected", "warned"), [("9.99", True), ("10", False), ("20", False), ("20.01", True)])
def test_range_indicator_lags_outside_its_bounds(profile, expected, warned):
    ind = IndicatorProgress("温度", Operator.RANGE, D(10), upper=D(20), expected=D(expected))
    assert bool(kinds(one_indicator(profile, ind), WarningKind.INDICATOR_LAG)) is warned


@PROFILES
@pytest.mark.parametrize(("likelihood", "colour"), [(Likelihood.CERTAIN, Colour.YELLOW), (None, Colour.YELLOW),
                                                    (Likelihood.POSSIBLE, Colour.YELLOW),
                                                    (Likelihood.IMPOSSIBLE, Colour.RED)])
def test_a_shortfall_is_coloured_by_the_units_likelihood(profile, likelihood, colour):
    ind = IndicatorProgress("新建电缆井", Operator.EQ, D(5), unit="座", expected=D(4), likelihood=likelihood)
    (warning,) = kinds(one_indicator(profile, ind), WarningKind.INDICATOR_LAG)
    assert (warning.colour, warning.indicator, warning.expected, warning.actual, warning.difference) == (
        colour, "新建电缆井", D(5), D(4), D(-1))


@PROFILES
def test_a_met_target_judged_only_possible_still_warns_and_certain_is_green(profile):
    doubtful = IndicatorProgress("人数", Operator.GE, D(3), expected=D(3), likelihood=Likelihood.POSSIBLE)
    certain = IndicatorProgress("人数", Operator.GE, D(3), expected=D(3), likelihood=Likelihood.CERTAIN)
    assert colour_of(one_indicator(profile, doubtful), WarningKind.INDICATOR_LAG) is Colour.YELLOW
    result = one_indicator(profile, certain)
    assert not result.warnings and result.indicator_lights == (("人数", Colour.GREEN),)


def test_likelihood_colours_come_from_the_profile():
    profile = profile_from_mapping({"monitoring": {"likelihood_colours": {"有可能": "red"}}})
    ind = IndicatorProgress("人数", Operator.GE, D(3), expected=D(2), likelihood=Likelihood.POSSIBLE)
    assert colour_of(one_indicator(profile, ind), WarningKind.INDICATOR_LAG) is Colour.RED


@pytest.mark.parametrize(("attainment", "colour"), [(Attainment.ACHIEVED, Colour.GREEN),
                                                    (Attainment.PARTIAL, Colour.YELLOW),
                                                    (Attainment.NOT_ACHIEVED, Colour.RED)])
def test_qualitative_indicator_light_follows_its_expected_attainment(attainment, colour):
    ind = IndicatorProgress("社会效益", Operator.QUALITATIVE, expected_attainment=attainment)
    result = one_indicator(CENTRAL, ind)
    assert result.indicator_lights == (("社会效益", colour),)
    assert colour_of(result, WarningKind.INDICATOR_LAG) == (None if colour is Colour.GREEN else colour)


@pytest.mark.parametrize(("likelihood", "light"), [(Likelihood.CERTAIN, Colour.GREEN),
                                                   (Likelihood.POSSIBLE, Colour.YELLOW),
                                                   (Likelihood.IMPOSSIBLE, Colour.RED)])
def test_qualitative_indicator_judged_by_likelihood_alone(likelihood, light):
    result = one_indicator(CENTRAL, IndicatorProgress("社会效益", Operator.QUALITATIVE, likelihood=likelihood))
    assert result.indicator_lights == (("社会效益", light),)
    assert len(kinds(result, WarningKind.INDICATOR_LAG)) == (light is not Colour.GREEN)


def test_nothing_to_judge_gives_no_light():
    result = one_indicator(CENTRAL, IndicatorProgress("人数", Operator.GE, D(3)))
    assert result.indicator_lights == () and result.warnings == ()


def test_likelihood_is_parsed_from_chinese():
    assert [Likelihood.parse(t) for t in ("确定能", "有可能", " 完全不可能")] == list(Likelihood)
    with pytest.raises(InputError, match="完成可能性“也许”无效"):
        Likelihood.parse("也许")


# ── indicator_far_ahead (target set too low) ──


@PROFILES
@pytest.mark.parametrize(("expected", "warned"), [("129.99", False), ("130", True), ("130.01", True)])
def test_far_ahead_at_the_overshoot_ratio(profile, expected, warned):
    ind = IndicatorProgress("培训人次", Operator.GE, D(100), expected=D(expected))
    found = kinds(one_indicator(profile, ind), WarningKind.INDICATOR_FAR_AHEAD)
    assert bool(found) is warned
    if warned:
        assert found[0].colour is Colour.BLUE and "目标可能设置偏低" in found[0].message


def test_far_ahead_uses_progress_to_date_when_no_expected_value():
    ind = IndicatorProgress("培训人次", Operator.GE, D(100), progress=D(131))
    (warning,) = kinds(one_indicator(CENTRAL, ind), WarningKind.INDICATOR_FAR_AHEAD)
    assert "截至期末已完成 131" in warning.message and warning.actual == D(131)


def test_a_limit_far_below_is_not_a_target_set_too_low():
    ind = IndicatorProgress("工程成本", Operator.LE, D(300), expected=D(100))
    assert one_indicator(CENTRAL, ind).warnings == ()


def test_overshoot_ratio_comes_from_the_profile():
    profile = profile_from_mapping({"monitoring": {"overshoot_ratio": 1.5}})
    ind = IndicatorProgress("培训人次", Operator.GE, D(100), expected=D(140))
    assert not kinds(one_indicator(profile, ind), WarningKind.INDICATOR_FAR_AHEAD)
    assert kinds(one_indicator(CENTRAL, ind), WarningKind.INDICATOR_FAR_AHEAD)


# ── progress_gap ──


@PROFILES
@pytest.mark.parametrize(("goal", "warned"), [("59.99", False), ("60", False), ("60.01", True), ("40", False),
                                              ("39.99", True)])
def test_progress_gap_beyond_gap_points(profile, goal, warned):
    period = make_period(2024, 2, profile, "quarter")
    result = monitor_project(data(period, "50", goal=goal), profile)
    found = kinds(result, WarningKind.PROGRESS_GAP)
    assert bool(found) is warned
    if warned:
        assert (found[0].expected, found[0].actual, found[0].difference) == (D(50), D(goal), D(goal) - 50)


def test_goal_progress_is_computed_from_higher_is_better_indicators():
    indicators = (
        IndicatorProgress("电缆井", Operator.EQ, D(5), progress=D(2)),  # 40 %
        IndicatorProgress("培训", Operator.GE, D(100), progress=D(150)),  # capped at 100 %
        IndicatorProgress("成本", Operator.LE, D(300), progress=D(10)),  # a limit: left out
        IndicatorProgress("效益", Operator.QUALITATIVE, expected_attainment=Attainment.ACHIEVED),  # left out
    )
    assert goal_progress(indicators) == D(70)
    result = monitor_project(data(CENTRAL_Q2, "50", indicators), CENTRAL)
    assert result.goal_progress == D(70)
    (gap,) = kinds(result, WarningKind.PROGRESS_GAP)
    assert "目标完成进度快于预算执行进度" in gap.message


def test_a_rate_measured_to_date_is_no_share_of_the_years_work():
    # 96 % 合格率 to date says where the rate stands, not how much of the year is done: left out of 目标完成进度
    indicators = (IndicatorProgress("合格率", Operator.GE, D(95), unit="%", progress=D(96)),
                  IndicatorProgress("培训", Operator.GE, D(100), unit="人", progress=D(40)))
    assert goal_progress(indicators) == D(40)
    assert goal_progress(indicators[:1]) is None


def test_indicator_progress_reads_printed_values_in_the_targets_unit():
    target = parse_value("≤1.6万元")
    ind = indicator_progress("维护成本", target, parse_value("8000元"), parse_value("1.5万元"), Likelihood.of("不可能"))
    assert (ind.operator, ind.target, ind.progress, ind.expected) == (Operator.LE, D("1.6"), D("0.8"), D("1.5"))
    assert ind.likelihood is Likelihood.IMPOSSIBLE
    assert indicator_progress("面积", parse_value("≥5亩"), expected=parse_value("3人")).expected is None  # no such unit
    bare = parse_value("120条")
    assert indicator_progress("路径", bare).operator is Operator.QUALITATIVE  # the web form asks for an operator
    assert indicator_progress("路径", bare, bare=Operator.EQ).operator is Operator.EQ
    words = indicator_progress("便利程度", parse_value("明显改善"), expected=parse_value("部分达成"))
    assert words.expected_attainment is Attainment.PARTIAL
    assert Likelihood.of("确定 能") is Likelihood.CERTAIN and Likelihood.of("较大") is None


def test_no_goal_progress_means_no_gap_warning():
    assert goal_progress([IndicatorProgress("成本", Operator.LE, D(1), progress=D(1))]) is None
    assert not kinds(monitor_project(data(CENTRAL_Q2, "0"), CENTRAL), WarningKind.PROGRESS_GAP)


def test_gap_points_come_from_the_profile():
    profile = profile_from_mapping({"monitoring": {"gap_points": 20}})
    assert not kinds(monitor_project(data(make_period(2024, 2, profile), "50", goal="65"), profile),
                     WarningKind.PROGRESS_GAP)


# ── status and keys ──


def test_status_is_the_most_severe_colour():
    ind = IndicatorProgress("培训人次", Operator.GE, D(100), expected=D(200))
    assert monitor_project(data(CENTRAL_Q2, "50", (ind,)), CENTRAL).status is Colour.BLUE
    assert monitor_project(data(CENTRAL_Q2, "50"), CENTRAL).status is Colour.GREEN
    assert monitor_project(data(CENTRAL_Q2, "10", (ind,)), CENTRAL).status is Colour.RED


@given(st.decimals(min_value=0, max_value=100, places=2), st.decimals(min_value=0, max_value=100, places=2))
def test_less_execution_never_gives_a_milder_execution_warning(low, high):
    low, high = min(low, high), max(low, high)
    for period, profile in ((CENTRAL_Q2, CENTRAL), (make_period(2024, 8, SICHUAN), SICHUAN)):
        worse, better = monitor_project(data(period, low), profile), monitor_project(data(period, high), profile)
        for kind in (WarningKind.EXECUTION_LAG, WarningKind.EXECUTION_CHECKPOINT):
            worse_colour, better_colour = colour_of(worse, kind), colour_of(better, kind)
            assert (worse_colour.severity if worse_colour else 0) >= (better_colour.severity if better_colour else 0)


# ── cleared warnings ──


def test_cleared_warnings_between_successive_periods():
    q1, q2, q3 = periods_of_year(2024, CENTRAL)[:3]
    lagging = IndicatorProgress("电缆井", Operator.EQ, D(5), expected=D(4))
    hopeless = IndicatorProgress("电缆井", Operator.EQ, D(5), expected=D(3), likelihood=Likelihood.IMPOSSIBLE)
    met = IndicatorProgress("电缆井", Operator.EQ, D(5), expected=D(5))
    rounds = [
        [monitor_project(data(q1, "5", project="A"), CENTRAL),  # lag 20 → yellow
         monitor_project(data(q1, "25", (lagging,), project="B"), CENTRAL),
         monitor_project(data(q1, "5", project="C"), CENTRAL)],
        [monitor_project(data(q2, "50", project="A"), CENTRAL),  # cleared
         monitor_project(data(q2, "50", (hopeless,), project="B"), CENTRAL)],  # same key, now red: not cleared
        # C was not monitored in Q2: its Q1 warning is undecided, not cleared
        [monitor_project(data(q3, "75", (met,), project="B"), CENTRAL)],  # B cleared in Q3
    ]
    cleared = cleared_warnings(rounds)
    assert [(c.key.project, c.key.kind, c.key.indicator, c.raised_round, c.cleared_round) for c in cleared] == [
        ("A", WarningKind.EXECUTION_LAG, "", 0, 1),
        ("B", WarningKind.INDICATOR_LAG, "电缆井", 1, 2),
    ]
    assert cleared[1].warning.colour is Colour.RED and cleared[1].warning.period == q2


def test_a_warning_that_persists_is_never_cleared():
    periods = periods_of_year(2024, CENTRAL)
    rounds = [[monitor_project(data(p, "0"), CENTRAL)] for p in periods]
    assert cleared_warnings(rounds) == ()
    assert len({w.key for r in rounds for w in r[0].warnings}) == 1


# ── corrective actions (纠偏) ──


def test_correction_totals_reproduce_seed_003():
    actions = [
        CorrectiveAction("A", CorrectionKind.BUDGET_CUT, D(12_000_000), Initiator.UNIT),
        CorrectiveAction("B", CorrectionKind.BUDGET_CUT, D(7_300_000), Initiator.UNIT),
        CorrectiveAction("C", CorrectionKind.RECALL, D(25_440_000)),
        CorrectiveAction("C", CorrectionKind.URGE),
        CorrectiveAction("D", CorrectionKind.GOAL_ADJUSTMENT),
        CorrectiveAction("E", CorrectionKind.PAYMENT_HOLD, D(500_000)),
    ]
    totals = correction_totals(actions)
    assert (totals.unit_cuts, totals.finance_cuts, totals.recalled, totals.held) == (
        D(19_300_000), D(0), D(25_440_000), D(500_000))
    assert totals.reduced == D(44_740_000)  # a payment hold is not a reduction
    assert (totals.count(CorrectionKind.URGE), totals.count(CorrectionKind.BUDGET_CUT), totals.projects) == (1, 2, 5)
    assert totals.summary() == "部门主动申请调减预算额度1,930万元，财政集中收回额度2,544万元，暂缓拨款50万元"


def test_finance_cuts_are_kept_apart_from_units_own_cuts():
    totals = correction_totals([CorrectiveAction("A", CorrectionKind.BUDGET_CUT, D(10000), Initiator.FINANCE)])
    assert (totals.unit_cuts, totals.finance_cuts) == (D(0), D(10000))
    assert "财政调减预算额度1万元" in totals.summary()


def test_correction_amounts_are_validated():
    with pytest.raises(InputError) as caught:
        correction_totals([CorrectiveAction("A", CorrectionKind.RECALL),
                           CorrectiveAction("B", CorrectionKind.BUDGET_CUT, D(-1)),
                           CorrectiveAction("C", CorrectionKind.URGE, D(5))])
    assert caught.value.messages == ("项目“A”的收回须填写金额", "项目“B”的调减金额不能为负数", "项目“C”的督促不涉及金额")


# ── meets_target agrees with the scoring formulas ──

amounts = st.decimals(min_value=0, max_value=10**6, places=2)


@given(st.sampled_from([Operator.GE, Operator.GT, Operator.EQ, Operator.LE, Operator.LT]), amounts, amounts)
def test_a_met_target_scores_full_marks_and_a_missed_one_does_not_before_rounding(operator, target, value):
    from jixiao.scoring import formulas

    full = formulas.quantitative_score(operator, target, value, D(100)) == D(100)
    if meets_target(operator, target, value):
        assert full
    elif target > 0:
        exact = value / target * 100 if operator in (Operator.GE, Operator.GT, Operator.EQ) else (2 - value / target) * 100
        assert exact < 100


@pytest.mark.parametrize(("value", "met"), [("0", True), ("0.01", False)])
def test_a_zero_target_must_stay_zero(value, met):
    assert meets_target(Operator.EQ, D(0), D(value)) is met
