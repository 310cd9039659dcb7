"""绩效运行监控 — a published 绩效运行监控表 checked against itself and against the profile's monitoring rules
(SPEC §4.4 M1): the 执行率 it states against 执行数 ÷ 预算数, the year-end expectation against the budget, and the
execution to date against 时间进度 (scoring.monitoring, the thresholds of `profile.monitoring`)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.catalogue import Context, NotApplicable, rule
from jixiao.core.finding import Finding, Tier
from jixiao.core.model import BudgetLine, MonitoringForm
from jixiao.core.provenance import Location
from jixiao.scoring.monitoring import (
    FundProgress,
    Period,
    PeriodKind,
    ProjectPeriod,
    WarningKind,
    monitor_project,
)
from jixiao.scoring.numbers import fmt, fmt_wan

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
            f"{fmt_wan(_budget(total) or Decimal(0))} 万元 = {fmt(computed)}%")
    for line in form.budget_lines:
        own = _rate(line)
        if line.reported_rate is None or own is None:
            continue
        checked = True
        if abs(own - line.reported_rate) > _unit(line.reported_rate):
            yield Finding("monitoring.m1_stated_rate", Tier.ERROR,
                          f"“{line.source}”一行执行率 {line.reported_rate}% 与执行数 ÷ {_budget_name(line)} = {fmt(own)}% 不符",
                          _where(form, line.location, "执行率"), CAT, expected=fmt(own),
                          actual=str(line.reported_rate), difference=fmt(line.reported_rate - own))
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
                      f"监控表文字“{stated.text}”与{base}相差 {fmt(gap)} 个百分点{why}",
                      _where(form, stated.location, "执行率"), CAT, expected=fmt(computed), actual=str(stated.value),
                      difference=fmt(stated.value - computed))
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
    （monitoring.checkpoints），按配置的监控规则为疑似问题（预警），说明所依据的配置和阈值。"""
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
            setting = f"monitoring.lag_tolerance = {fmt(rules.lag_tolerance)}，red_lag = {fmt(rules.red_lag)}"
        elif warning.kind is WarningKind.EXECUTION_CHECKPOINT:
            setting = "monitoring.checkpoints"
        else:
            continue
        yield Finding("monitoring.m1_execution_lag", Tier.WARNING,
                      f"{warning.message}（{warning.colour.label}预警；依据配置“{ctx.profile.name}”的 {setting}）",
                      _where(form, total.location, "执行数"), CAT, expected=fmt(warning.expected),
                      actual=fmt(warning.actual), difference=fmt(warning.difference))
