"""双监控 writes (SPEC §4): a unit's period report, the warnings jixiao raises and clears from it, and the
corrective actions finance records. The rules are jixiao.scoring.monitoring; this module only persists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import prefetch_related_objects

from jixiao.core.profile import Profile
from jixiao.core.values import parse_value
from jixiao.scoring.errors import InputError
from jixiao.scoring.monitoring import (
    CorrectionKind,
    CorrectionTotals,
    FundProgress,
    IndicatorProgress,
    Initiator,
    Likelihood,
    MonitoringResult,
    ProjectPeriod,
    correction_totals,
    indicator_progress,
    make_period,
    monitor_project,
    periods_of_year,
)
from jixiao.scoring.monitoring import CorrectiveAction as CoreAction
from jixiao.store.access import account_of
from jixiao.store.errors import ServiceError
from jixiao.store.models import (
    CorrectiveAction,
    FundSource,
    Indicator,
    MonitoringFund,
    MonitoringIndicator,
    MonitoringReport,
    MonitoringWarning,
    Project,
    RectificationItem,
    Role,
)


@dataclass(frozen=True)
class IndicatorEntry:
    indicator_id: int
    progress: str = ""
    expected: str = ""
    likelihood: str = "certain"
    deviation_reason: str = ""
    measures: str = ""


def ensure_fund_sources(project: Project) -> list[FundSource]:
    """A project without fund-source lines reports against one line of its whole budget."""
    funds = list(project.fund_sources.all())
    if not funds:
        funds = [FundSource.objects.create(project=project, amount=project.adjusted_budget or project.initial_budget)]
        getattr(project, "_prefetched_objects_cache", {}).pop("fund_sources", None)  # read the new line next time
    return funds


def _indicator(ind: Indicator, entry: IndicatorEntry | None) -> IndicatorProgress:
    entry = entry or IndicatorEntry(ind.pk)
    return indicator_progress(ind.name, parse_value(ind.target), parse_value(entry.progress),
                              parse_value(entry.expected), Likelihood.of(entry.likelihood), entry.deviation_reason)


def evaluate_period(project: Project, period: int, executed: dict[int, Decimal],
                    entries: dict[int, IndicatorEntry], profile: Profile) -> MonitoringResult:
    """What the rules say about a period's figures, before anything is saved (also used for the live preview)."""
    if period not in [p.index for p in periods_of_year(project.year, profile)]:
        raise ServiceError(f"期次 {period} 不在本年度的监控期内")
    return period_result(project, [(f, executed.get(f.pk, Decimal(0))) for f in ensure_fund_sources(project)],
                         [(i, entries.get(i.pk)) for i in project.indicators.all()], period, profile)


def period_result(project: Project, funds: list[tuple[FundSource, Decimal]],
                  indicators: list[tuple[Indicator, IndicatorEntry | None]], period: int,
                  profile: Profile) -> MonitoringResult:
    """The rules applied to a period's figures of `project`: each fund source with its executed amount, each
    indicator with its entry. No database access (the bulk demo loader computes its unsaved reports by it too)."""
    data = ProjectPeriod(
        project.code or str(project.pk), make_period(project.year, period, profile),
        tuple(FundProgress(f.get_budget_type_display(), f.amount, executed) for f, executed in funds),
        tuple(_indicator(i, entry) for i, entry in indicators), name=project.name)
    try:
        return monitor_project(data, profile)
    except InputError as exc:
        raise ServiceError(str(exc)) from exc


@transaction.atomic
def report_period(project: Project, period: int, executed: dict[int, Decimal], entries: dict[int, IndicatorEntry],
                  actor: Any, profile: Profile, today: date | None = None) -> MonitoringReport:
    """Save (or replace) one period's report, then recompute the warnings of this and every later period from
    the saved data (closing the rectification items tied to a warning that clears)."""
    account = account_of(actor)
    if account is None or account.role != Role.UNIT or account.unit_id != project.unit_id:
        raise ServiceError("只有项目所属单位可以填报监控数据")
    if project.status != "approved":
        raise ServiceError("绩效目标批复后才能填报监控数据")
    if any(v < 0 for v in executed.values()):
        raise ServiceError("执行数不能为负数")
    # The row locked (two saves of one report queue up), with its scope for the figures' stamps; its fund lines
    # and indicators read once for the period and each later one replayed — those the page read are reused: they
    # change only while the goal is editable, and the locked row is approved.
    locked = Project.objects.select_for_update(of=("self",)).select_related("unit__department").get(pk=project.pk)
    if locked.status != "approved":
        raise ServiceError("绩效目标批复后才能填报监控数据")
    read = getattr(project, "_prefetched_objects_cache", {})
    if "fund_sources" in read and "indicators" in read:
        locked._prefetched_objects_cache = {name: read[name] for name in ("fund_sources", "indicators")}
    else:
        prefetch_related_objects([locked], "fund_sources", "indicators")
    project = locked
    result = evaluate_period(project, period, executed, entries, profile)
    # The project's row is locked: no other save of its reports runs until this one commits.
    report = project.monitoring_reports.filter(period=period).first()
    replaced = report is not None
    report = report or MonitoringReport(project=project, period=period)
    report.period_label, report.time_progress = result.data.period.label, result.time_progress
    report.execution_rate, report.goal_progress, report.submitted_by = (result.execution_rate, result.goal_progress,
                                                                        actor)
    report.save()
    if replaced:
        report.funds.all().delete()
        report.indicators.all().delete()
    MonitoringFund.objects.bulk_create([MonitoringFund(report=report, fund_source_id=pk, executed=amount)
                                        for pk, amount in executed.items()])
    MonitoringIndicator.objects.bulk_create([
        MonitoringIndicator(report=report, indicator_id=e.indicator_id, progress=e.progress[:50],
                            expected=e.expected[:50], likelihood=e.likelihood, deviation_reason=e.deviation_reason,
                            measures=e.measures) for e in entries.values()])
    recompute_warnings(project, period, profile, today or date.today())
    Project.objects.filter(pk=project.pk).update(executed=result.executed)
    return report


def _saved_result(project: Project, report: MonitoringReport, profile: Profile) -> MonitoringResult:
    """The rules applied again to a saved report's own figures."""
    executed = {f.fund_source_id: f.executed for f in report.funds.all()}
    entries = {m.indicator_id: IndicatorEntry(m.indicator_id, m.progress, m.expected, m.likelihood,
                                              m.deviation_reason, m.measures) for m in report.indicators.all()}
    return evaluate_period(project, report.period, executed, entries, profile)


def recompute_warnings(project: Project, from_period: int, profile: Profile, today: date) -> None:
    """Replay the saved reports from `from_period` on: a warning still triggered stays (or is raised), one whose
    cause is gone is cleared with the reason, as a later period clears it across the year."""
    rows = [r for r in project.warnings.prefetch_related("rectifications")
            if r.cleared_period is None or r.cleared_period >= from_period]
    before = {id(row): _state(row) for row in rows}
    open_rows = {}  # what stood at the end of the previous period
    for row in rows:
        if row.raised_period < from_period:
            open_rows[row.key] = row
            row.latest_period = min(row.latest_period, from_period - 1)
        row.cleared_period, row.cleared_reason = None, ""
    replayed = set()
    reports = list(project.monitoring_reports.filter(period__gte=from_period).order_by("period")
                   .prefetch_related("funds", "indicators"))
    for report in reports:
        result = _saved_result(project, report, profile)
        current = {f"{w.kind.value}|{w.indicator}": w for w in result.warnings}
        for key, w in current.items():
            row = open_rows.get(key) or next(  # the same warning raised again keeps its actions and items
                (r for r in rows if r.key == key and r.raised_period >= from_period and id(r) not in replayed), None)
            if row is None:
                row = MonitoringWarning(project=project, key=key, kind=w.kind.value, raised_period=report.period)
                rows.append(row)
            if key not in open_rows:
                row.raised_period = report.period
            row.kind_label, row.indicator_name, row.colour, row.message = (
                w.kind.label, w.indicator, w.colour.value, w.message)
            row.latest_period = report.period
            open_rows[key] = row
            replayed.add(id(row))
        for key in [k for k in open_rows if k not in current]:
            row = open_rows.pop(key)
            row.cleared_period = report.period
            row.cleared_reason = f"{report.period_label}监控数据显示预警条件已消除"
    corrected = next((r.period_label for r in reports if r.period == from_period), f"第{from_period}期")
    for row in rows:
        if row.raised_period >= from_period and id(row) not in replayed:  # its figures were since corrected
            row.cleared_period = from_period
            row.cleared_reason = f"{corrected}监控数据重新填报后预警条件不再成立"
        if before.get(id(row)) != _state(row):  # a new row, or one the replay changed
            row.save()
        items = list(row.rectifications.all()) if id(row) in before else []  # read with the warnings (a new row: none)
        if row.cleared_period is not None:
            for item in (i for i in items if i.done_on is None):
                item.done_on, item.closed_automatically = today, True
                item.response = f"{row.cleared_reason}，系统自动关闭。"
                item.save()
        else:  # open again: what closed itself with the warning opens again
            for item in (i for i in items if i.closed_automatically):
                item.done_on, item.closed_automatically, item.response = None, False, ""
                item.save()


def _state(row: MonitoringWarning) -> tuple[Any, ...]:
    """What recompute_warnings may change in a warning."""
    return (row.kind_label, row.indicator_name, row.colour, row.message, row.raised_period, row.latest_period,
            row.cleared_period, row.cleared_reason)


@transaction.atomic
def record_action(project: Project, kind: str, amount: Decimal | None, note: str, initiator: str, actor: Any,
                  warning: MonitoringWarning | None = None) -> CorrectiveAction:
    """Finance records 督促 / 调减 / 收回 / 暂缓拨款 / 调整目标 on a project it sees."""
    account = account_of(actor)
    if account is None or account.role != Role.FINANCE:
        raise ServiceError("只有财政部门可以记录纠偏措施")
    try:
        core = CoreAction(project.name, CorrectionKind(kind), amount, Initiator(initiator), note)
        correction_totals([core])  # the rules validate the amount
    except (ValueError, InputError) as exc:
        raise ServiceError(str(exc)) from exc
    if amount is not None and amount > (project.adjusted_budget or project.initial_budget):
        raise ServiceError("金额不能超过项目全年预算数")
    return CorrectiveAction.objects.create(project=project, warning=warning, kind=kind, initiator=initiator,
                                           amount=amount, note=note, actor=actor)


def totals(actions: Any) -> CorrectionTotals:
    """Seed-003 totals (units' own cuts, finance cuts, recalled, held) of stored actions."""
    return correction_totals([CoreAction(a.project.name, CorrectionKind(a.kind), a.amount, Initiator(a.initiator),
                                         a.note) for a in actions.select_related("project")])


def open_rectification_for_warning(warning: MonitoringWarning, profile: Profile, today: date) -> RectificationItem:
    """Tie a rectification item to a warning: it closes itself when a later period clears the warning."""
    from jixiao.scoring.results import rectification_deadline

    return RectificationItem.objects.create(
        project=warning.project, warning=warning, category="funds" if "execution" in warning.kind else "output",
        description=warning.message, report_date=today, deadline=rectification_deadline(today, profile))
