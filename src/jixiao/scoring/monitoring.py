"""Dual monitoring 双监控 (SPEC §4, rules M1/M2): budget execution progress and goal progress, each period.

Every threshold comes from `profile.monitoring`:

- 时间进度 = months elapsed at the end of the period / 12 (quarterly, monthly, or the central 1–7月 round);
- execution_lag: 执行率 behind 时间进度 by more than `lag_tolerance` points (yellow), more than `red_lag` (red);
- execution_checkpoint: 执行率 below the latest checkpoint whose month has been reached (Sichuan 4→25 %, 6→40 %,
  8→60 %, 10→80 %), colour `checkpoint_colour`;
- indicator_lag: the expected year-end value misses the target (by the operator of the target), or the unit
  judges completion only 有可能 / 完全不可能; colour by `likelihood_colours`; a qualitative indicator takes the
  colour of its expected attainment (`attainment_colours`);
- indicator_far_ahead (blue): a higher-is-better indicator expected (or already) at ≥ `overshoot_ratio` × target,
  i.e. the target was probably set too low;
- progress_gap: |目标完成进度 − 预算执行进度| > `gap_points`.

A warning's key (project, kind, indicator) is stable across periods, so `cleared_warnings` can tell which
warnings of period k are gone in period k+1. Corrective actions (纠偏) are totalled as seed 003 reports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from jixiao.core.money import format_number, round_half_up
from jixiao.core.profile import MonitoringRules, Profile, ProfileError
from jixiao.core.values import Attainment, Operator, Value, attainment_of
from jixiao.scoring.errors import InputError, raise_if
from jixiao.scoring.numbers import HUNDRED, fmt_wan, percent

ZERO = Decimal(0)
MONTHS = 12


# ── periods and 时间进度 ──────────────────────────────────────────────────────────────────────────────────


class PeriodKind(StrEnum):
    QUARTER = "quarter"  # 季度
    MONTH = "month"  # 月
    CENTRAL = "central"  # 中央集中监控：1–7月


@dataclass(frozen=True, order=True)
class Period:
    """A monitoring period: data from January to the end of `end_month` of `year`."""

    year: int
    end_month: int
    kind: PeriodKind = field(compare=False)
    index: int = field(compare=False)  # quarter 1–4, month 1–12; 1 for the central round

    @property
    def label(self) -> str:
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}年第{self.index}季度"
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}年1–{self.end_month}月" if self.end_month > 1 else f"{self.year}年1月"
        return f"{self.year}年1–{self.end_month}月（集中监控）"


def _kind(profile: Profile, kind: PeriodKind | str | None) -> PeriodKind:
    value = kind if kind is not None else profile.monitoring.period
    try:
        return PeriodKind(value)
    except ValueError:
        raise ProfileError(f"监控周期“{value}”无效，应为 quarter（季度）、month（月）或 central（1–7月）") from None


def make_period(year: int, index: int, profile: Profile, kind: PeriodKind | str | None = None) -> Period:
    """Period number `index` of `year` (quarter 1–4 or month 1–12; the central round is index 1).

    The kind is `profile.monitoring.period` unless given.
    """
    period_kind = _kind(profile, kind)
    if period_kind is PeriodKind.QUARTER:
        raise_if([] if 1 <= index <= 4 else [f"季度序号 {index} 无效，应为1–4"])
        return Period(year, index * 3, period_kind, index)
    if period_kind is PeriodKind.MONTH:
        raise_if([] if 1 <= index <= MONTHS else [f"月份 {index} 无效，应为1–12"])
        return Period(year, index, period_kind, index)
    months = profile.monitoring.central_round_months
    if not 1 <= months <= MONTHS:
        raise ProfileError(f"配置项 monitoring.central_round_months 的值 {months} 应为1–12")
    raise_if([] if index == 1 else [f"集中监控每年一次，序号 {index} 无效，应为1"])
    return Period(year, months, period_kind, 1)


def periods_of_year(year: int, profile: Profile, kind: PeriodKind | str | None = None) -> tuple[Period, ...]:
    """All monitoring periods of a year for the profile's (or the given) period kind."""
    period_kind = _kind(profile, kind)
    count = {PeriodKind.QUARTER: 4, PeriodKind.MONTH: MONTHS, PeriodKind.CENTRAL: 1}[period_kind]
    return tuple(make_period(year, i, profile, period_kind) for i in range(1, count + 1))


def time_progress(period: Period) -> Decimal:
    """时间进度 (序时进度) in %, two decimals: months elapsed at the end of the period / 12."""
    return round_half_up(Decimal(period.end_month) / MONTHS * HUNDRED)


def applicable_checkpoint(end_month: int, rules: MonitoringRules) -> tuple[int, Decimal] | None:
    """(month, minimum execution %) of the latest checkpoint whose month has been reached, or None."""
    reached: list[tuple[int, Decimal]] = []
    for key, minimum in rules.checkpoints.items():
        try:
            month = int(key)
        except ValueError:
            raise ProfileError(f"执行进度检查点的月份“{key}”不是1–12的整数") from None
        if not 1 <= month <= MONTHS:
            raise ProfileError(f"执行进度检查点的月份“{key}”不是1–12的整数")
        if month <= end_month:
            reached.append((month, minimum))
    return max(reached) if reached else None


# ── input ───────────────────────────────────────────────────────────────────────────────────────────────────


class Colour(StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"

    @property
    def label(self) -> str:
        return {"red": "红色", "yellow": "黄色", "green": "绿色", "blue": "蓝色"}[self.value]

    @property
    def severity(self) -> int:
        """Red 3 > yellow 2 > blue 1 (a target set too low) > green 0."""
        return {"red": 3, "yellow": 2, "blue": 1, "green": 0}[self.value]


class Likelihood(StrEnum):
    """The unit's judgement whether the annual target will be reached (SPEC §4.4 M2)."""

    CERTAIN = "certain"  # 确定能
    POSSIBLE = "possible"  # 有可能
    IMPOSSIBLE = "impossible"  # 完全不可能

    @property
    def label(self) -> str:
        return {"certain": "确定能", "possible": "有可能", "impossible": "完全不可能"}[self.value]

    @classmethod
    def parse(cls, text: str) -> Likelihood:
        """'确定能' / '有可能' / '完全不可能' (or the English value)."""
        found = cls.of(text)
        if found is None:
            raise InputError([f"完成可能性“{text}”无效，应为确定能、有可能或完全不可能"])
        return found

    @classmethod
    def of(cls, text: str) -> Likelihood | None:
        """The judgement a form prints ('确定能', '有可能', '完全不可能', the English value, or '不可能' as some
        provinces' forms word the last), None for any other text."""
        stripped = re.sub(r"\s+", "", text)
        if stripped == "不可能":
            return cls.IMPOSSIBLE
        return next((member for member in cls if stripped in (member.value, member.label)), None)


@dataclass(frozen=True)
class FundProgress:
    """One fund source of a project's budget in the period: 全年预算数 and the amount executed to date (yuan)."""

    source: str  # 资金来源 as shown: 一般公共预算 / 中央补助 / 市县区财政资金 …
    adjusted: Decimal  # 全年预算数 (调整后预算; the initial budget when never adjusted)
    executed: Decimal  # 截至期末执行数
    initial: Decimal | None = None  # 年初预算数


@dataclass(frozen=True)
class IndicatorProgress:
    """One indicator in the monitoring table: target, progress to date, expected year-end value, likelihood."""

    name: str
    operator: Operator
    target: Decimal | None = None  # 年度指标值 (lower bound L for a 区间 target); None for 定性
    upper: Decimal | None = None  # upper bound U of a 区间 target
    unit: str = ""
    progress: Decimal | None = None  # 截至期末实际完成值
    expected: Decimal | None = None  # 全年预计完成值
    likelihood: Likelihood | None = None  # 完成可能性
    expected_attainment: Attainment | None = None  # 定性指标的预计完成等级
    deviation_reason: str = ""  # 偏差原因

    @property
    def is_quantitative(self) -> bool:
        return self.operator is not Operator.QUALITATIVE


def indicator_progress(name: str, target: Value, progress: Value | None = None, expected: Value | None = None,
                       likelihood: Likelihood | None = None, deviation_reason: str = "",
                       bare: Operator | None = None) -> IndicatorProgress:
    """One indicator's monitoring data from its values as entered or printed. A target with an operator and a
    number (or a bare number when `bare` names the operator it is read with) is quantitative: the progress and the
    expectation are its numbers in the target's unit, None when one is no number or its unit is of another
    dimension. Any other target is qualitative, its expectation read as an attainment (达成 / 部分达成 / 未达成)."""
    operator = target.operator if target.operator is not None else bare
    if target.is_quantitative and operator is not None and not target.malformed:

        def number(value: Value | None) -> Decimal | None:
            if value is None or value.malformed or not value.is_quantitative:
                return None
            return value.in_unit(target.unit)

        return IndicatorProgress(name, operator, target.number, target.upper, target.unit, number(progress),
                                 number(expected), likelihood, deviation_reason=deviation_reason)
    said = expected.raw.strip() if expected is not None else ""
    return IndicatorProgress(name, Operator.QUALITATIVE, likelihood=likelihood,
                             expected_attainment=attainment_of(said) if said else None,
                             deviation_reason=deviation_reason)


@dataclass(frozen=True)
class ProjectPeriod:
    """One project's monitoring data for one period."""

    project: str  # a stable identifier: the project code (or the name when there is no code)
    period: Period
    funds: tuple[FundProgress, ...]
    indicators: tuple[IndicatorProgress, ...] = ()
    name: str = ""  # 项目名称 for messages; `project` when empty
    goal_progress: Decimal | None = None  # 目标完成进度 % as reported; computed from the indicators when None

    @property
    def display_name(self) -> str:
        return self.name or self.project


# ── warnings ────────────────────────────────────────────────────────────────────────────────────────────────


class WarningKind(StrEnum):
    EXECUTION_LAG = "execution_lag"
    EXECUTION_CHECKPOINT = "execution_checkpoint"
    INDICATOR_LAG = "indicator_lag"
    INDICATOR_FAR_AHEAD = "indicator_far_ahead"
    PROGRESS_GAP = "progress_gap"

    @property
    def label(self) -> str:
        return {
            "execution_lag": "预算执行进度滞后",
            "execution_checkpoint": "未达到执行进度检查点",
            "indicator_lag": "绩效指标预计不能完成",
            "indicator_far_ahead": "绩效指标远超目标（目标设置偏低）",
            "progress_gap": "目标完成进度与预算执行进度不匹配",
        }[self.value]


@dataclass(frozen=True, order=True)
class WarningKey:
    """Stable across periods: the same problem of the same project (and indicator) has the same key."""

    project: str
    kind: WarningKind
    indicator: str = ""


@dataclass(frozen=True)
class MonitoringWarning:
    project: str
    kind: WarningKind
    colour: Colour
    message: str  # Chinese, user-facing
    period: Period
    indicator: str = ""
    expected: Decimal | None = None  # the line that should have been reached (时间进度, 检查点, 目标值 …)
    actual: Decimal | None = None  # what was reached or is expected
    difference: Decimal | None = None  # actual − expected

    @property
    def key(self) -> WarningKey:
        return WarningKey(self.project, self.kind, self.indicator)


@dataclass(frozen=True)
class MonitoringResult:
    data: ProjectPeriod
    time_progress: Decimal  # %
    adjusted_budget: Decimal  # Σ 全年预算数
    executed: Decimal  # Σ 截至期末执行数
    execution_rate: Decimal | None  # %; None when the budget is 0
    source_rates: tuple[tuple[str, Decimal | None], ...]  # 执行率 per fund source
    goal_progress: Decimal | None  # %
    checkpoint: tuple[int, Decimal] | None  # (month, minimum %) that applied
    indicator_lights: tuple[tuple[str, Colour], ...]
    warnings: tuple[MonitoringWarning, ...]

    @property
    def project(self) -> str:
        return self.data.project

    @property
    def status(self) -> Colour:
        """The most severe colour among the warnings; green when there is none."""
        return max((w.colour for w in self.warnings), key=lambda c: c.severity, default=Colour.GREEN)


def _colour(value: str, key: str) -> Colour:
    try:
        return Colour(value)
    except ValueError:
        raise ProfileError(f"配置项 {key} 的颜色“{value}”无效，应为 red、yellow、green 或 blue") from None


def _validate(data: ProjectPeriod) -> None:
    problems: list[str] = []
    if not data.project.strip():
        problems.append("缺少项目标识")
    for fund in data.funds:
        if fund.adjusted < 0:
            problems.append(f"资金来源“{fund.source}”的全年预算数不能为负数")
        if fund.executed < 0:
            problems.append(f"资金来源“{fund.source}”的执行数不能为负数")
    for ind in data.indicators:
        if ind.is_quantitative and ind.target is None:
            problems.append(f"定量指标“{ind.name}”缺少年度指标值")
        if ind.operator is Operator.RANGE and ind.upper is None:
            problems.append(f"区间指标“{ind.name}”缺少上限")
    if data.goal_progress is not None and data.goal_progress < 0:
        problems.append("目标完成进度不能为负数")
    raise_if(problems)


RATE_UNITS = ("%", "％")


def _completion(ind: IndicatorProgress) -> Decimal | None:
    """Completion to date in % (capped at 100) of a higher-is-better indicator; None for others. A rate (合格率,
    满意度 in %) measured to date is the level it stands at, not a share of the year's work done: left out."""
    if ind.operator not in (Operator.GE, Operator.GT, Operator.EQ, Operator.RANGE) or ind.unit.strip() in RATE_UNITS:
        return None
    if ind.target is None or ind.target <= 0 or ind.progress is None:
        return None
    return min(max(ind.progress, ZERO) / ind.target, Decimal(1)) * HUNDRED


def goal_progress(indicators: Iterable[IndicatorProgress]) -> Decimal | None:
    """目标完成进度 (%): the mean completion to date of the higher-is-better quantitative indicators.

    Lower-is-better limits (≤, <), rates (%) and qualitative indicators have no completion to date and are left out.
    """
    values = [c for c in (_completion(i) for i in indicators) if c is not None]
    if not values:
        return None
    return round_half_up(sum(values, ZERO) / len(values))


def _execution_warnings(data: ProjectPeriod, rules: MonitoringRules, tp: Decimal,
                        rate: Decimal) -> tuple[list[MonitoringWarning], tuple[int, Decimal] | None]:
    out: list[MonitoringWarning] = []
    label = data.period.label
    lag = tp - rate
    if lag > rules.lag_tolerance:
        red = lag > rules.red_lag
        limit = rules.red_lag if red else rules.lag_tolerance
        out.append(MonitoringWarning(
            data.project, WarningKind.EXECUTION_LAG, Colour.RED if red else Colour.YELLOW,
            f"{data.display_name}：{label}预算执行率 {format_number(rate, 2, whole=True)}%，落后时间进度 {format_number(tp, 2, whole=True)}% 共 {format_number(lag, 2, whole=True)} 个百分点"
            f"（超过 {format_number(limit, 2, whole=True)} 个百分点）", data.period, expected=tp, actual=rate, difference=rate - tp))
    checkpoint = applicable_checkpoint(data.period.end_month, rules)
    if checkpoint is not None and rate < checkpoint[1]:
        month, minimum = checkpoint
        out.append(MonitoringWarning(
            data.project, WarningKind.EXECUTION_CHECKPOINT, _colour(rules.checkpoint_colour, "monitoring.checkpoint_colour"),
            f"{data.display_name}：按规定{month}月底预算执行率应不低于 {format_number(minimum, 2, whole=True)}%，{label}仅为 {format_number(rate, 2, whole=True)}%",
            data.period, expected=minimum, actual=rate, difference=rate - minimum))
    return out, checkpoint


def meets_target(operator: Operator, target: Decimal, value: Decimal, upper: Decimal | None = None) -> bool:
    """Whether `value` reaches the target, by the scoring semantics of S2–S5 (exact, no rounding).

    ≥ > =: value ≥ target (a target ≤ 0 means "must stay zero"); ≤ <: value ≤ target; 区间: L ≤ value ≤ U.
    ">" and "<" count as "≥" and "≤", as the scoring formulas do.
    """
    if operator is Operator.RANGE:
        return target <= value <= (upper if upper is not None else target)
    if operator in (Operator.LE, Operator.LT):
        return value <= target
    if target <= 0:
        return value <= 0
    return value >= target


def _target_text(ind: IndicatorProgress) -> str:
    if ind.operator is Operator.RANGE:
        return f"{format_number(ind.target, 2, whole=True)}–{format_number(ind.upper, 2, whole=True)}{ind.unit}"
    return f"{ind.operator.value}{format_number(ind.target, 2, whole=True)}{ind.unit}"


def _likelihood_colour(rules: MonitoringRules, likelihood: Likelihood | None) -> Colour:
    if likelihood is None:
        return Colour.YELLOW
    value = rules.likelihood_colours.get(likelihood.label)
    if value is None:
        raise ProfileError(f"配置项 monitoring.likelihood_colours 缺少“{likelihood.label}”")
    return _colour(value, "monitoring.likelihood_colours")


def _indicator_warnings(data: ProjectPeriod, ind: IndicatorProgress,
                        rules: MonitoringRules) -> tuple[list[MonitoringWarning], Colour | None]:
    """The warnings of one indicator, and its light (None when nothing is known to judge it)."""
    out: list[MonitoringWarning] = []
    who = f"{data.display_name}：指标“{ind.name}”"
    said = f"，单位判断“{ind.likelihood.label}”完成" if ind.likelihood is not None else ""
    light: Colour | None = None

    if not ind.is_quantitative:
        if ind.expected_attainment is not None:
            value = rules.attainment_colours.get(ind.expected_attainment.value)
            if value is None:
                raise ProfileError(f"配置项 monitoring.attainment_colours 缺少“{ind.expected_attainment.value}”")
            light = _colour(value, "monitoring.attainment_colours")
            if light in (Colour.RED, Colour.YELLOW):
                out.append(MonitoringWarning(
                    data.project, WarningKind.INDICATOR_LAG, light,
                    f"{who}预计“{ind.expected_attainment.value}”年度指标{said}", data.period, indicator=ind.name))
        if ind.likelihood is not None and ind.likelihood is not Likelihood.CERTAIN and not out:
            light = _likelihood_colour(rules, ind.likelihood)
            out.append(MonitoringWarning(data.project, WarningKind.INDICATOR_LAG, light,
                                         f"{who}单位判断“{ind.likelihood.label}”完成年度指标", data.period,
                                         indicator=ind.name))
        elif light is None and ind.likelihood is Likelihood.CERTAIN:
            light = Colour.GREEN
        return out, light

    assert ind.target is not None  # checked by _validate
    target = ind.target
    expected = ind.expected
    short = False
    if expected is not None:
        short = not meets_target(ind.operator, target, expected, ind.upper)
    doubtful = ind.likelihood in (Likelihood.POSSIBLE, Likelihood.IMPOSSIBLE)
    if short or doubtful:
        light = _likelihood_colour(rules, ind.likelihood)
        if short:
            assert expected is not None
            message = f"{who}年度目标 {_target_text(ind)}，全年预计完成 {format_number(expected, 2, whole=True)}{ind.unit}，预计不能完成{said}"
        else:
            message = f"{who}年度目标 {_target_text(ind)}，单位判断“{ind.likelihood.label if ind.likelihood else ''}”完成"
        out.append(MonitoringWarning(
            data.project, WarningKind.INDICATOR_LAG, light, message, data.period, indicator=ind.name,
            expected=target, actual=expected, difference=(expected - target) if expected is not None else None))
    elif expected is not None or ind.likelihood is not None:
        light = Colour.GREEN

    # A target set too low: a higher-is-better value expected (or already reached) far above the target.
    ahead_value = expected if expected is not None else ind.progress
    if (ind.operator in (Operator.GE, Operator.GT, Operator.EQ) and target > 0 and ahead_value is not None
            and ahead_value / target >= rules.overshoot_ratio):
        ratio = round_half_up(ahead_value / target * HUNDRED)
        what = "全年预计完成" if expected is not None else "截至期末已完成"
        out.append(MonitoringWarning(
            data.project, WarningKind.INDICATOR_FAR_AHEAD, Colour.BLUE,
            f"{who}年度目标 {_target_text(ind)}，{what} {format_number(ahead_value, 2, whole=True)}{ind.unit}，达到目标的 {format_number(ratio, 2, whole=True)}%"
            f"（不低于 {format_number(rules.overshoot_ratio * HUNDRED, 2, whole=True)}%），目标可能设置偏低", data.period, indicator=ind.name,
            expected=target, actual=ahead_value, difference=ahead_value - target))
        if light is None or light is Colour.GREEN:
            light = Colour.BLUE
    return out, light


def monitor_project(data: ProjectPeriod, profile: Profile) -> MonitoringResult:
    """Apply every monitoring rule of the profile to one project's data for one period.

    Raises InputError (Chinese messages) for negative amounts or a quantitative indicator without a target.
    """
    _validate(data)
    rules = profile.monitoring
    tp = time_progress(data.period)
    adjusted = sum((f.adjusted for f in data.funds), ZERO)
    executed = sum((f.executed for f in data.funds), ZERO)
    rate = percent(executed, adjusted)
    warnings: list[MonitoringWarning] = []
    checkpoint: tuple[int, Decimal] | None = None
    if rate is not None:
        found, checkpoint = _execution_warnings(data, rules, tp, rate)
        warnings.extend(found)
    lights: list[tuple[str, Colour]] = []
    for ind in data.indicators:
        found_ind, light = _indicator_warnings(data, ind, rules)
        warnings.extend(found_ind)
        if light is not None:
            lights.append((ind.name, light))
    progress = data.goal_progress if data.goal_progress is not None else goal_progress(data.indicators)
    if progress is not None and rate is not None:
        gap = progress - rate
        if abs(gap) > rules.gap_points:
            direction = "目标完成进度快于预算执行进度" if gap > 0 else "预算执行进度快于目标完成进度"
            warnings.append(MonitoringWarning(
                data.project, WarningKind.PROGRESS_GAP, Colour.YELLOW,
                f"{data.display_name}：目标完成进度 {format_number(progress, 2, whole=True)}% 与预算执行进度 {format_number(rate, 2, whole=True)}% 相差 {format_number(abs(gap), 2, whole=True)} "
                f"个百分点（超过 {format_number(rules.gap_points, 2, whole=True)} 个百分点），{direction}", data.period,
                expected=rate, actual=progress, difference=gap))
    return MonitoringResult(
        data=data, time_progress=tp, adjusted_budget=adjusted, executed=executed, execution_rate=rate,
        source_rates=tuple((f.source, percent(f.executed, f.adjusted)) for f in data.funds),
        goal_progress=progress, checkpoint=checkpoint, indicator_lights=tuple(lights), warnings=tuple(warnings),
    )


# ── cleared warnings ────────────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class ClearedWarning:
    warning: MonitoringWarning  # as last raised, in round `raised_round`
    raised_round: int  # index k into the rounds given
    cleared_round: int  # k + 1

    @property
    def key(self) -> WarningKey:
        return self.warning.key


def cleared_warnings(rounds: Sequence[Iterable[MonitoringResult]]) -> tuple[ClearedWarning, ...]:
    """Warnings present in round k and absent in round k+1, for every k (rounds in time order).

    A round is the results of the projects monitored in that period. A project not monitored in round k+1
    has its round-k warnings left undecided, not cleared.
    """
    materialised = [list(r) for r in rounds]
    cleared: list[ClearedWarning] = []
    for k in range(len(materialised) - 1):
        now, after = materialised[k], materialised[k + 1]
        monitored_after = {result.project for result in after}
        keys_after = {w.key for result in after for w in result.warnings}
        seen: set[WarningKey] = set()
        for result in now:
            if result.project not in monitored_after:
                continue
            for warning in result.warnings:
                if warning.key not in keys_after and warning.key not in seen:
                    seen.add(warning.key)
                    cleared.append(ClearedWarning(warning, k, k + 1))
    return tuple(cleared)


# ── corrective actions 纠偏 ─────────────────────────────────────────────────────────────────────────────────


class CorrectionKind(StrEnum):
    URGE = "urge"  # 督促
    BUDGET_CUT = "budget_cut"  # 调减
    RECALL = "recall"  # 收回
    PAYMENT_HOLD = "payment_hold"  # 暂缓拨款
    GOAL_ADJUSTMENT = "goal_adjustment"  # 调整目标

    @property
    def label(self) -> str:
        return {"urge": "督促", "budget_cut": "调减", "recall": "收回", "payment_hold": "暂缓拨款",
                "goal_adjustment": "调整目标"}[self.value]

    @property
    def has_amount(self) -> bool:
        return self in (CorrectionKind.BUDGET_CUT, CorrectionKind.RECALL, CorrectionKind.PAYMENT_HOLD)


class Initiator(StrEnum):
    UNIT = "unit"  # 部门（单位）主动申请
    FINANCE = "finance"  # 财政部门


@dataclass(frozen=True)
class CorrectiveAction:
    project: str
    kind: CorrectionKind
    amount: Decimal | None = None  # yuan; required for 调减/收回/暂缓拨款
    initiator: Initiator = Initiator.FINANCE
    note: str = ""


@dataclass(frozen=True)
class CorrectionTotals:
    unit_cuts: Decimal  # 部门（单位）主动申请调减
    finance_cuts: Decimal  # 财政调减
    recalled: Decimal  # 财政收回
    held: Decimal  # 暂缓拨款
    counts: tuple[tuple[CorrectionKind, int], ...]  # every kind, in declaration order
    projects: int  # projects with at least one action

    @property
    def reduced(self) -> Decimal:
        """Budget taken out of the year: cuts (both initiators) plus recalls; payment holds are not reductions."""
        return self.unit_cuts + self.finance_cuts + self.recalled

    def count(self, kind: CorrectionKind) -> int:
        return dict(self.counts)[kind]

    def summary(self) -> str:
        """Seed-003 wording: '部门主动申请调减预算额度1,930万元，财政集中收回额度2,544万元'."""
        parts = [f"部门主动申请调减预算额度{fmt_wan(self.unit_cuts)}万元"]
        if self.finance_cuts:
            parts.append(f"财政调减预算额度{fmt_wan(self.finance_cuts)}万元")
        parts.append(f"财政集中收回额度{fmt_wan(self.recalled)}万元")
        if self.held:
            parts.append(f"暂缓拨款{fmt_wan(self.held)}万元")
        return "，".join(parts)


def correction_totals(actions: Iterable[CorrectiveAction]) -> CorrectionTotals:
    """Totals of corrective actions, separating units' own cuts from the finance bureau's cuts and recalls."""
    items = list(actions)
    problems: list[str] = []
    for action in items:
        what = f"项目“{action.project}”的{action.kind.label}"
        if action.kind.has_amount:
            if action.amount is None:
                problems.append(f"{what}须填写金额")
            elif action.amount < 0:
                problems.append(f"{what}金额不能为负数")
        elif action.amount:
            problems.append(f"{what}不涉及金额")
    raise_if(problems)

    def total(kind: CorrectionKind, initiator: Initiator | None = None) -> Decimal:
        return sum((a.amount or ZERO for a in items
                    if a.kind is kind and (initiator is None or a.initiator is initiator)), ZERO)

    return CorrectionTotals(
        unit_cuts=total(CorrectionKind.BUDGET_CUT, Initiator.UNIT),
        finance_cuts=total(CorrectionKind.BUDGET_CUT, Initiator.FINANCE),
        recalled=total(CorrectionKind.RECALL),
        held=total(CorrectionKind.PAYMENT_HOLD),
        counts=tuple((kind, sum(1 for a in items if a.kind is kind)) for kind in CorrectionKind),
        projects=len({a.project for a in items}),
    )
