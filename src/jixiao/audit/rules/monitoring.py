"""绩效运行监控 — a published 绩效运行监控表 checked against itself and against the profile's monitoring rules
(SPEC §4.4 M1/M2): the 执行率 it states against 执行数 ÷ 预算数, the year-end expectation against the budget, the
execution to date against 时间进度; each indicator's judgement (完成目标可能性) against its expected value, its
deviation against the reason given, and the goal progress against the budget's (scoring.monitoring, the thresholds
of `profile.monitoring`)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.catalogue import Context, NotApplicable, rule
from jixiao.core.finding import Finding, Tier
from jixiao.core.model import BudgetLine, MonitoredIndicator, MonitoringForm
from jixiao.core.money import format_number
from jixiao.core.provenance import Location
from jixiao.core.values import Attainment, Operator, amount_unit
from jixiao.scoring.monitoring import (
    FundProgress,
    IndicatorProgress,
    Likelihood,
    Period,
    PeriodKind,
    ProjectPeriod,
    WarningKind,
    indicator_progress,
    meets_target,
    monitor_project,
)
from jixiao.scoring.numbers import fmt_wan

CAT = "绩效运行监控"
BASIS = "SPEC §4.4 M1"


def _budget(line: BudgetLine) -> Decimal | None:
    """The budget the execution is measured against: 全年预算数 (调整后), else 年初预算数."""
    return line.adjusted if line.adjusted is not None else line.initial


def _budget_name(line: BudgetLine) -> str:
    return "全年预算数" if line.adjusted is not None else "年初预算数"


def _where(form: MonitoringForm, location: Location, column: str) -> Location:
    return location.with_(project=form.project, table=location.table or "项目资金", column=column)


def _unit(value: Decimal) -> Decimal:
    """One unit of the last printed digit ('40' → 1, '39.8' → 0.1)."""
    exponent = value.as_tuple().exponent
    return Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)


def _rate(line: BudgetLine) -> Decimal | None:
    budget = _budget(line)
    if budget is None or budget <= 0 or line.executed is None:
        return None
    return line.executed / budget * 100


@rule("monitoring.m1_stated_rate", "监控表所列执行率与执行数 ÷ 预算数不符", Tier.ERROR, CAT, BASIS, "monitoring")
def stated_rate(form: MonitoringForm, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """监控表列出的执行率（“执行率”一栏，或文字“执行率为39.8%”）应等于执行数 ÷ 预算数（全年预算数，未列时为年初预算数），
    按所印精度比较，相差超过末位一个单位为确定问题。文字中的“已使用40%”“支出进度40%”等所指的资金须由审核人判断，
    不符时为疑似；写作“约40%”“40%左右”的近似数按其精度比较，只在相差超过末位一个单位时提示。"""
    total = form.total
    computed = _rate(total) if total is not None else None
    if total is None or computed is None:
        yield NotApplicable("监控表未读取到合计行的预算数和执行数")
        return
    checked = False
    base = (f"执行数 {fmt_wan(total.executed or Decimal(0))} 万元 ÷ {_budget_name(total)} "
            f"{fmt_wan(_budget(total) or Decimal(0))} 万元 = {format_number(computed, 2, whole=True)}%")
    for line in form.budget_lines:
        own = _rate(line)
        if line.reported_rate is None or own is None:
            continue
        checked = True
        if abs(own - line.reported_rate) > _unit(line.reported_rate):
            yield Finding("monitoring.m1_stated_rate", Tier.ERROR,
                          f"“{line.source}”一行执行率 {line.reported_rate}% 与执行数 ÷ {_budget_name(line)} = {format_number(own, 2, whole=True)}% 不符",
                          _where(form, line.location, "执行率"), CAT, expected=format_number(own, 2, whole=True),
                          actual=str(line.reported_rate), difference=format_number(line.reported_rate - own, 2, whole=True))
    for stated in form.stated_rates:
        checked = True
        gap = abs(computed - stated.value)
        if gap <= _unit(stated.value):
            continue
        formal = stated.text.startswith("执行率") and not stated.approximate
        tier = Tier.ERROR if formal else Tier.NOTICE if stated.approximate else Tier.WARNING
        why = ("" if formal else "（近似数，按其精度比较）" if stated.approximate
               else "（按文字所述是本表项目资金的执行进度理解）")
        yield Finding("monitoring.m1_stated_rate", tier,
                      f"监控表文字“{stated.text}”与{base}相差 {format_number(gap, 2, whole=True)} 个百分点{why}",
                      _where(form, stated.location, "执行率"), CAT, expected=format_number(computed, 2, whole=True), actual=str(stated.value),
                      difference=format_number(stated.value - computed, 2, whole=True))
    if not checked:
        yield NotApplicable("监控表未列执行率")


@rule("monitoring.m1_expected_over_budget", "全年预计执行数超过预算数", Tier.WARNING, CAT, BASIS, "monitoring")
def expected_over_budget(form: MonitoringForm, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """全年预计执行数一般不应超过该行的预算数（全年预算数，未列时为年初预算数）：超过时可能是预算调整未填、或预计数填错，
    为疑似问题，须核对是否有追加预算。全年预计执行数未填写时不适用（空白不按0计）。"""
    lines = [line for line in form.budget_lines if line.expected is not None and _budget(line) is not None]
    if not lines:
        yield NotApplicable("监控表未填写全年预计执行数")
        return
    over = [line for line in lines if (line.expected or 0) > (_budget(line) or 0)]
    total = form.total
    if total in over:  # one fault, one finding: the rows under the total repeating it are named with it
        over, related = [total], tuple(line.location for line in over if line is not total)
    else:
        related = ()
    for line in over:
        budget = _budget(line)
        assert budget is not None and line.expected is not None
        if line.expected > budget:
            yield Finding("monitoring.m1_expected_over_budget", Tier.WARNING,
                          f"“{line.source}”一行全年预计执行数 {fmt_wan(line.expected)} 万元超过{_budget_name(line)} "
                          f"{fmt_wan(budget)} 万元（多 {fmt_wan(line.expected - budget)} 万元），请核对是否有追加预算或预计数填错",
                          _where(form, line.location, "全年预计执行数"), CAT, expected=f"≤{fmt_wan(budget)}",
                          actual=fmt_wan(line.expected), difference=fmt_wan(line.expected - budget), related=related)


@rule("monitoring.m1_execution_lag", "预算执行进度落后于时间进度", Tier.WARNING, CAT, BASIS, "monitoring",
      params=("monitoring.lag_tolerance", "monitoring.red_lag", "monitoring.checkpoints"))
def execution_lag(form: MonitoringForm, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """截至监控期末（如1-6月）的执行率 = 执行数 ÷ 预算数，与时间进度（期末月份 ÷ 12）比较：落后超过配置
    monitoring.lag_tolerance 个百分点（红色预警为 monitoring.red_lag），或低于已到月份的执行进度检查点
    （monitoring.checkpoints），按配置的监控规则为疑似问题（预警），说明所依据的配置和阈值。文字形式的监控报告中写明截至
    何时（如“截至6月底”）的预算数和已支出数，同样按此核对，并注明数字取自报告文字；报告未写偏差原因或纠偏措施时一并指出。"""
    total = form.total
    budget = _budget(total) if total is not None else None
    if total is None or budget is None or total.executed is None:
        yield NotApplicable("监控表未读取到合计行的预算数和执行数")
        return
    if form.end_month is None or form.year is None:
        yield NotApplicable("未能识别监控期间（如“1-6月执行数”）或年度")
        return
    period = Period(form.year, form.end_month, PeriodKind.MONTH, form.end_month)
    data = ProjectPeriod(project=form.project or "监控表", period=period, name=form.project,
                         funds=(FundProgress(total.source, budget, total.executed, total.initial),))
    result = monitor_project(data, ctx.profile)
    rules = ctx.profile.monitoring
    for warning in result.warnings:
        if warning.kind is WarningKind.EXECUTION_LAG:
            setting = f"monitoring.lag_tolerance = {format_number(rules.lag_tolerance, 2, whole=True)}，red_lag = {format_number(rules.red_lag, 2, whole=True)}"
        elif warning.kind is WarningKind.EXECUTION_CHECKPOINT:
            setting = "monitoring.checkpoints"
        else:
            continue
        said = ("；预算数、已支出数取自报告文字，时间进度按截至月份 ÷ 12 计"
                + ("" if form.form_reason else "；报告未说明执行滞后的原因或纠偏措施") if form.from_text else "")
        yield Finding("monitoring.m1_execution_lag", Tier.WARNING,
                      f"{warning.message}（{warning.colour.label}预警；依据配置“{ctx.profile.name}”的 {setting}{said}）",
                      _where(form, total.location, "执行数"), CAT, expected=format_number(warning.expected, 2, whole=True),
                      actual=format_number(warning.actual, 2, whole=True), difference=format_number(warning.difference, 2, whole=True))


# ── M2: the indicators ──────────────────────────────────────────────────────────────────────────────────────

BASIS_M2 = "SPEC §4.4 M2"
_BARE = "指标值未写运算符，按“=”（达到目标值即完成）理解"
_MONEY_EQ = "成本（金额）指标的“=”目标，实际低于目标是节约还是未完成，取决于计分口径"


def _progress(ind: MonitoredIndicator) -> IndicatorProgress:
    return indicator_progress(ind.name, ind.target, ind.progress, ind.expected, Likelihood.of(ind.likelihood),
                              "；".join(ind.reasons), bare=Operator.EQ)


def _indicator_where(form: MonitoringForm, ind: MonitoredIndicator, column: str) -> Location:
    return ind.location.with_(project=form.project, table=ind.location.table or "绩效指标", row=ind.name,
                              column=column)


def _period_data(form: MonitoringForm) -> ProjectPeriod:
    """The form's figures as the monitoring rules take them (scoring.monitoring): its total's budget and execution,
    and each indicator read."""
    total = form.total
    budget = _budget(total) if total is not None else None
    funds = () if total is None or budget is None or total.executed is None else (
        FundProgress(total.source, budget, total.executed, total.initial),)
    month = form.end_month or 12
    return ProjectPeriod(project=form.project or "监控表", period=Period(form.year or 0, month, PeriodKind.MONTH, month),
                         funds=funds, indicators=tuple(_progress(i) for i in form.indicators if not i.target.is_empty),
                         name=form.project)


def _convention(ind: MonitoredIndicator, data: IndicatorProgress) -> str:
    """The convention a judgement of the expected value against the target rests on ('' when none)."""
    if ind.target.operator is None:
        return _BARE
    shown = ind.expected.unit.strip() if ind.expected is not None else ""
    if bool(shown) is not bool(data.unit.strip()):
        return "年度指标值与全年预计完成值一个写了计量单位、一个未写，按同一单位理解"
    if data.operator is Operator.EQ and amount_unit(data.unit) is not None:
        return _MONEY_EQ
    return ""


def _misses(data: IndicatorProgress, low: Decimal, high: Decimal) -> bool | None:
    """Whether every value in [low, high] misses the target (True), every one meets it (False), or it depends on
    the rounding of the printed figure (None)."""
    assert data.target is not None
    if data.operator is Operator.RANGE:
        upper = data.upper if data.upper is not None else data.target
        if high < data.target or low > upper:
            return True
        return False if data.target <= low and high <= upper else None
    low_met = meets_target(data.operator, data.target, low, data.upper)
    high_met = meets_target(data.operator, data.target, high, data.upper)
    if low_met is high_met:  # one side of the target: every other operator is monotone in the value
        return not low_met
    return None


def _expected_band(ind: MonitoredIndicator, data: IndicatorProgress) -> tuple[Decimal, Decimal] | None:
    """The expected value in the target's unit, as an interval over its printed precision."""
    value = ind.expected
    if value is None or data.expected is None or value.number is None:
        return None
    factor = data.expected / value.number if value.number else Decimal(1)
    half = _unit(value.number) / 2 * factor
    return data.expected - half, data.expected + half


def _contradiction(ind: MonitoredIndicator, data: IndicatorProgress) -> tuple[Tier, str] | None:
    """(tier, what) when the judgement 确定能 / 完全不可能 and the expected value cannot both hold."""
    likelihood = data.likelihood
    if likelihood not in (Likelihood.CERTAIN, Likelihood.IMPOSSIBLE):
        return None
    said = f"完成目标可能性填“{likelihood.label}”"
    if data.is_quantitative:
        band = _expected_band(ind, data)
        if band is None or data.expected is None or data.target is None:
            return None
        face = not meets_target(data.operator, data.target, data.expected, data.upper)
        if face is not (likelihood is Likelihood.CERTAIN):
            return None
        certain = _misses(data, *band) is face
        convention = _convention(ind, data)
        verdict = "未达到" if face else "已达到"
        what = (f"年度指标值 {ind.target.raw.strip()}，全年预计完成值 {ind.expected.raw.strip() if ind.expected else ''}"
                f"{verdict}年度指标值，而{said}")
        if convention:
            return Tier.WARNING, f"{what}（{convention}）"
        if not certain:
            return Tier.NOTICE, f"{what}（按全年预计完成值所印精度，差异在四舍五入范围内）"
        return Tier.ERROR, what
    attainment = data.expected_attainment
    if attainment is None or ind.expected is None:
        return None
    if (attainment is Attainment.ACHIEVED) is (likelihood is Likelihood.CERTAIN):
        return None
    return Tier.WARNING, (f"全年预计完成情况“{ind.expected.raw.strip()}”（按文字理解为{attainment.value}），而{said}"
                          "（定性表述按文字理解）")


@rule("monitoring.m2_likelihood_vs_expected", "完成目标可能性与全年预计完成值矛盾", Tier.ERROR, CAT, BASIS_M2,
      "monitoring")
def likelihood_vs_expected(form: MonitoringForm, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """监控表各指标的“完成目标可能性”应与其全年预计完成值相符：填“确定能”而全年预计完成值按指标值的运算符（≥ ≤ = 区间）
    未达到年度指标值，或填“完全不可能”而全年预计完成值已达到，两者不能同时成立，为确定问题；全年预计完成值按所印精度
    四舍五入后可能达到时只作提示。指标值未写运算符（按“=”理解）、成本金额的“=”目标，以及定性指标按文字理解的预计完成
    等级，结论取决于口径，为疑似问题并写明所依据的口径。"""
    judged = [ind for ind in form.indicators if ind.likelihood and ind.expected is not None and not ind.expected.is_empty]
    if not judged:
        yield NotApplicable("监控表未读取到同时填写全年预计完成值和完成目标可能性的指标")
        return
    for ind in judged:
        found = _contradiction(ind, _progress(ind))
        if found is not None:
            tier, what = found
            yield Finding("monitoring.m2_likelihood_vs_expected", tier, f"指标“{ind.name}”{what}",
                          _indicator_where(form, ind, "完成目标可能性"), CAT,
                          expected=ind.target.raw.strip(), actual=ind.expected.raw.strip() if ind.expected else "")


def _deviates(ind: MonitoredIndicator, data: IndicatorProgress) -> str:
    """Why the indicator is a deviation the form asks a reason for ('' when it is none): its expected value misses the
    target, or the unit judges completion only 有可能 / 完全不可能."""
    if data.likelihood in (Likelihood.POSSIBLE, Likelihood.IMPOSSIBLE):
        return f"完成目标可能性填“{data.likelihood.label}”"
    if data.is_quantitative and data.expected is not None and data.target is not None and not meets_target(
            data.operator, data.target, data.expected, data.upper):
        shown = ind.expected.raw.strip() if ind.expected is not None else ""
        return f"全年预计完成值 {shown} 未达到年度指标值 {ind.target.raw.strip()}"
    if data.expected_attainment in (Attainment.PARTIAL, Attainment.NOT_ACHIEVED) and ind.expected is not None:
        return f"全年预计完成情况为“{ind.expected.raw.strip()}”"
    return ""


@rule("monitoring.m2_indicator_lag", "绩效指标预计不能完成（绩效目标执行偏离）", Tier.WARNING, CAT, BASIS_M2, "monitoring",
      params=("monitoring.likelihood_colours", "monitoring.attainment_colours"))
def indicator_lag(form: MonitoringForm, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """全年预计完成值按指标值的运算符未达到年度指标值，或单位判断完成目标可能性为“有可能”“完全不可能”，或定性指标预计
    “部分达成”“未达成”：按配置的监控规则预警（颜色依 monitoring.likelihood_colours、monitoring.attainment_colours），
    为疑似问题。与“完成目标可能性”自相矛盾的指标由 monitoring.m2_likelihood_vs_expected 报告，不重复。"""
    if not form.indicators:
        yield NotApplicable("监控表未读取到绩效指标")
        return
    data = _period_data(form)
    by_name = {ind.name: ind for ind in form.indicators}
    result = monitor_project(data, ctx.profile)
    for warning in result.warnings:
        ind = by_name.get(warning.indicator)
        if warning.kind is not WarningKind.INDICATOR_LAG or ind is None or _contradiction(ind, _progress(ind)):
            continue
        yield Finding("monitoring.m2_indicator_lag", Tier.WARNING,
                      f"{warning.message}（{warning.colour.label}预警；依据配置“{ctx.profile.name}”的 "
                      "monitoring.likelihood_colours / attainment_colours）",
                      _indicator_where(form, ind, "全年预计完成值"), CAT, expected=format_number(warning.expected, 2, whole=True),
                      actual=format_number(warning.actual, 2, whole=True), difference=format_number(warning.difference, 2, whole=True))


@rule("monitoring.m2_reason_missing", "绩效指标偏离目标但未说明偏差原因", Tier.WARNING, CAT, BASIS_M2, "monitoring")
def reason_missing(form: MonitoringForm, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """监控表中全年预计完成值未达到年度指标值、或完成目标可能性为“有可能”“完全不可能”的指标，应在“偏差原因分析”
    （经费保障、制度保障、人员保障、硬件条件保障、其他）中说明原因；该指标一行和表下的偏差原因栏都未填写时，按监控表的
    填报要求为疑似问题。表中没有偏差原因栏时不适用；与完成目标可能性自相矛盾的指标由
    monitoring.m2_likelihood_vs_expected 报告，不重复。"""
    if not form.indicators:
        yield NotApplicable("监控表未读取到绩效指标")
        return
    if not form.has_reason_column:
        yield NotApplicable("监控表没有偏差原因栏")
        return
    if form.form_reason.strip():
        return  # the form's own reason row speaks for its indicators
    for ind in form.indicators:
        data = _progress(ind)
        why = _deviates(ind, data)
        if not why or ind.reasons or _contradiction(ind, data):
            continue
        yield Finding("monitoring.m2_reason_missing", Tier.WARNING,
                      f"指标“{ind.name}”{why}，偏差原因分析未填写（按监控表填报要求，偏离目标的指标须说明原因）",
                      _indicator_where(form, ind, "偏差原因分析"), CAT)


@rule("monitoring.m2_target_far_exceeded", "绩效指标预计远超目标（目标可能设置偏低）", Tier.NOTICE, CAT, BASIS_M2,
      "monitoring", params=("monitoring.overshoot_ratio",))
def target_far_exceeded(form: MonitoringForm, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """正向指标（≥ > =）的全年预计完成值（未填时为期内已完成值）达到年度指标值的 monitoring.overshoot_ratio 倍及以上，
    目标可能设置偏低：按配置的监控规则提示。"""
    if not form.indicators:
        yield NotApplicable("监控表未读取到绩效指标")
        return
    by_name = {ind.name: ind for ind in form.indicators}
    for warning in monitor_project(_period_data(form), ctx.profile).warnings:
        ind = by_name.get(warning.indicator)
        if warning.kind is not WarningKind.INDICATOR_FAR_AHEAD or ind is None:
            continue
        yield Finding("monitoring.m2_target_far_exceeded", Tier.NOTICE,
                      f"{warning.message}（依据配置“{ctx.profile.name}”的 monitoring.overshoot_ratio）",
                      _indicator_where(form, ind, "全年预计完成值"), CAT, expected=format_number(warning.expected, 2, whole=True),
                      actual=format_number(warning.actual, 2, whole=True), difference=format_number(warning.difference, 2, whole=True))


@rule("monitoring.m2_progress_gap", "目标完成进度与预算执行进度不匹配", Tier.WARNING, CAT, BASIS, "monitoring",
      params=("monitoring.gap_points",))
def progress_gap(form: MonitoringForm, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """目标完成进度（各正向定量指标截至期末实际完成值 ÷ 年度指标值的平均，单项不超过100%；比率（%）、反向和定性指标
    不计）与预算执行进度（执行数 ÷ 预算数）相差超过配置 monitoring.gap_points 个百分点：按配置的监控规则为疑似问题。"""
    data = _period_data(form)
    result = monitor_project(data, ctx.profile)
    if result.goal_progress is None or result.execution_rate is None:
        yield NotApplicable("监控表未读取到可计算目标完成进度的指标（正向定量指标的期内完成值）或预算执行数")
        return
    for warning in result.warnings:
        if warning.kind is WarningKind.PROGRESS_GAP:
            total = form.total
            where = _where(form, total.location, "执行数") if total is not None else form.location
            yield Finding("monitoring.m2_progress_gap", Tier.WARNING,
                          f"{warning.message}（目标完成进度按各正向定量指标期内完成值 ÷ 年度指标值的平均计算；依据配置"
                          f"“{ctx.profile.name}”的 monitoring.gap_points = {format_number(ctx.profile.monitoring.gap_points, 2, whole=True)}）",
                          where, CAT, expected=format_number(warning.expected, 2, whole=True), actual=format_number(warning.actual, 2, whole=True),
                          difference=format_number(warning.difference, 2, whole=True))
