"""The figures of the dashboard and the warning board per department, kept in the cache under the department's
version stamp (jixiao.store.stamps). A jurisdiction and everything keep, each under its own stamp and apart:
- their numbers (counts and Decimal sums per status, grade, colour and department name, no project listed), added
  up from their parts' (a jurisdiction's from its departments', everything's from the jurisdictions');
- the rows each page lists behind a bar (the dashboard's, the board's), the first of their parts' merged lazily
  (no more than LISTED read per bar), those behind the execution chart's bars cut to what the chart shows there
  (`per_bar`: 5 each when a province has hundreds of departments).
After a write only the department written to is read again from the database (eleven grouped queries); its
jurisdiction's parts are made again from the cache, and everything's from the jurisdictions' (unchanged ones read
back, small). A jurisdiction's departments missing at once (the first pages of a server) are read by one request
at a time across the processes; another that needs them meanwhile takes them from the cache when they are there.

Sums give what one query over the whole scope gives: counts and amounts add up; the projects listed behind a bar
are the first CHART_PROJECTS of the merged lists (each department keeps its own first CHART_PROJECTS in the same
order, so the first of the whole scope are among them); departments of the same name (in different counties) make
one bar, as the grouped query by name did."""

from __future__ import annotations

import heapq
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from typing import Any, NamedTuple

from django.core.cache import cache
from django.db.models import Count, F, Max, OuterRef, Subquery, Sum

from jixiao.scoring.monitoring import CorrectionKind, CorrectionTotals, Initiator
from jixiao.store.grouping import counted_first_of_each_within, first_of_each
from jixiao.store.models import (
    BudgetSuggestion,
    CorrectiveAction,
    Department,
    KeyEvaluation,
    MonitoringFund,
    MonitoringWarning,
    Project,
    RectificationItem,
    Review,
    Role,
    SelfEvaluationRecord,
)
from jixiao.store.money import MoneyField
from jixiao.store.review import ReviewRow, summed_rows
from jixiao.store.selectors import latest_reports
from jixiao.store.stamps import ALL, stamps_of

LISTED = 50  # projects kept behind each bar or slice (the charts' CHART_PROJECTS)
KEPT_FOR = 600  # seconds a summary is kept without a write in its scope (as the figures: jixiao.web.scope_figures)
BUILD_LOCK_FOR = 120  # seconds until the lock of a jurisdiction's departments being read expires (its process died)
BUILD_WAIT = 30.0  # seconds a request waits for another's reading of a jurisdiction's departments
BUILD_POLL = 0.05
DEPARTMENT = "project__unit__department_id"


class Listed(NamedTuple):
    """A row listed behind a bar: its order, its project and what the page notes beside it (a tuple: hundreds of
    them per summary are read back from the cache on every computation of a jurisdiction's or everything's)."""

    key: tuple[Any, ...]
    project: str
    project_id: int
    note: Any = None
    period: int = 0  # a warning's latest period (the board links to that period's report)


@dataclass
class Summary:
    projects: int = 0
    years: set[int] = field(default_factory=set)
    execution: dict[str, list[Any]] = field(default_factory=dict)  # department name → [budget, executed, progress]
    reports: dict[str, list[Listed]] = field(default_factory=dict)  # department name → latest reports by project
    warnings: Counter[str] = field(default_factory=Counter)  # open, by colour
    warned: dict[str, list[Listed]] = field(default_factory=dict)  # the latest raised first
    board: dict[str, list[Listed]] = field(default_factory=dict)  # by unit code, project name and period raised
    grades: Counter[str] = field(default_factory=Counter)
    graded: dict[str, list[Listed]] = field(default_factory=dict)
    finals: Counter[str] = field(default_factory=Counter)
    finaled: dict[str, list[Listed]] = field(default_factory=dict)
    reviews: list[ReviewRow] = field(default_factory=list)
    cuts: Decimal = Decimal(0)
    open_rectifications: int = 0
    action_amounts: dict[tuple[str, str], Decimal] = field(default_factory=dict)  # (kind, initiator) → amount
    action_counts: Counter[str] = field(default_factory=Counter)
    action_projects: set[str] = field(default_factory=set)  # names of the projects with an action


NUMBERS = ("projects", "years", "execution", "warnings", "grades", "finals", "reviews", "cuts",
           "open_rectifications", "action_amounts", "action_counts", "action_projects")
LISTS = {"dashboard": ("reports", "warned", "graded", "finaled"), "board": ("board",)}  # what each page reads
DRILL_ROWS = 1000  # reports listed behind all the bars of the execution chart together (at least 5 per bar)


def per_bar(bars: int) -> int:
    """Reports listed behind each bar of the execution chart when it has `bars` bars (a province has hundreds)."""
    return max(5, min(LISTED, DRILL_ROWS // max(1, bars)))


def _merged(lists: Iterable[dict[str, list[Listed]]]) -> dict[str, list[Listed]]:
    """The first LISTED rows of each key over `lists` (each already in order and cut at LISTED): a lazy merge that
    reads no more than LISTED rows of each key."""
    by_key: dict[str, list[list[Listed]]] = {}
    for listed in lists:
        for key, rows in listed.items():
            by_key.setdefault(key, []).append(rows)
    return {key: rows[0][:LISTED] if len(rows) == 1 else list(islice(heapq.merge(*rows, key=_order), LISTED))
            for key, rows in by_key.items()}


def _order(row: Listed) -> tuple[Any, ...]:
    return row.key


def numbers_of(summaries: list[Summary]) -> Summary:
    """The numbers (counts and sums, no listed rows) of the union of the scopes of `summaries` (which share no
    project): what a jurisdiction and everything keep, added up from their parts."""
    total = Summary()
    for s in summaries:
        total.projects += s.projects
        total.years |= s.years
        for name, (budget, executed, progress) in s.execution.items():
            row = total.execution.get(name)
            if row is None:
                total.execution[name] = [budget, executed, progress]
                continue
            row[0] += budget
            row[1] += executed
            if progress is not None and (row[2] is None or progress > row[2]):
                row[2] = progress
        total.warnings.update(s.warnings)
        total.grades.update(s.grades)
        total.finals.update(s.finals)
        total.reviews += s.reviews
        total.cuts += s.cuts
        total.open_rectifications += s.open_rectifications
        for key, amount in s.action_amounts.items():
            total.action_amounts[key] = total.action_amounts.get(key, Decimal(0)) + amount
        total.action_counts.update(s.action_counts)
        total.action_projects |= s.action_projects
    total.reviews = summed_rows(total.reviews)
    return total


def lists_of(summaries: list[Summary], page: str, reports: int = LISTED) -> Summary:
    """The rows `page` lists ("dashboard" or "board") over the union of the scopes of `summaries`: the first
    LISTED of each bar, merged (the first `reports` of each department's bar of the execution chart)."""
    total = Summary()
    for name in LISTS[page]:
        setattr(total, name, _merged(getattr(s, name) for s in summaries))
    if reports < LISTED:
        total.reports = {name: rows[:reports] for name, rows in total.reports.items()}
    return total


def combine(summaries: list[Summary]) -> Summary:
    """The summary of the union of the scopes of `summaries` (which share no project)."""
    total = numbers_of(summaries)
    for page in LISTS:
        lists = lists_of(summaries, page)
        for name in LISTS[page]:
            setattr(total, name, getattr(lists, name))
    return total


def _negated(pk: int) -> tuple[int]:
    return (-pk,)


def compute(department_ids: list[int]) -> dict[int, Summary]:
    """The summaries of these departments, read together (eleven grouped queries; of the rows listed, only the
    columns listed: hundreds of rows per department)."""
    found = {pk: Summary() for pk in department_ids}
    projects = Project.objects.filter(unit__department_id__in=department_ids)
    for row in projects.order_by().values("unit__department_id", "year").annotate(n=Count("pk")):
        s = found[row["unit__department_id"]]
        s.projects += row["n"]
        s.years.add(row["year"])
    reports = latest_reports(projects)
    executed = (MonitoringFund.objects.filter(report=OuterRef("pk")).order_by().values("report")
                .annotate(total=Sum("executed")).values("total"))
    name = "project__unit__department__name"
    for row in (reports.order_by().annotate(report_executed=Subquery(executed, output_field=MoneyField()))
                .values(DEPARTMENT, name).annotate(budget=Sum("project__adjusted_budget"),
                                                   executed=Sum("report_executed"), progress=Max("time_progress"))):
        found[row[DEPARTMENT]].execution[row[name]] = [row["budget"] or Decimal(0), row["executed"] or Decimal(0),
                                                         row["progress"]]
    listed_reports = reports.only("execution_rate", "project__name", "project__unit__department__name")
    for department, rows in first_of_each(listed_reports, DEPARTMENT, LISTED, ("project__name", "pk")).items():
        found[department].reports[rows[0].project.unit.department.name] = [
            Listed((r.project.name, r.pk), r.project.name, r.project_id, r.execution_rate) for r in rows]
    open_warnings = (MonitoringWarning.objects.filter(cleared_period__isnull=True, project__in=projects)
                     .only("kind_label", "latest_period", "raised_period", "project__name", "project__unit__code"))
    for department, (counts, listed) in counted_first_of_each_within(
            open_warnings.select_related("project__unit"), DEPARTMENT, "colour", LISTED).items():
        found[department].warnings = counts
        found[department].warned = {c: [Listed(_negated(w.pk), w.project.name, w.project_id, w.kind_label,
                                               w.latest_period) for w in rows] for c, rows in listed.items()}
    order = ("project__unit__code", "project__name", "raised_period", "pk")
    for department, (_, listed) in counted_first_of_each_within(
            open_warnings.select_related("project__unit"), DEPARTMENT, "colour", LISTED, order).items():
        found[department].board = {c: [Listed((w.project.unit.code, w.project.name, w.raised_period, w.pk),
                                              w.project.name, w.project_id, w.kind_label, w.latest_period)
                                       for w in rows] for c, rows in listed.items()}
    records = (SelfEvaluationRecord.objects.filter(project__in=projects).select_related("project__unit")
               .only("project__name", "project__unit__name"))
    for department, (counts, listed) in counted_first_of_each_within(records, DEPARTMENT, "grade", LISTED).items():
        found[department].grades = counts
        found[department].graded = {g: [Listed(_negated(r.pk), r.project.name, r.project_id, r.project.unit.name)
                                        for r in rows] for g, rows in listed.items()}
    finals = (KeyEvaluation.objects.filter(status="final", project__in=projects).select_related("project")
              .only("title", "project__name"))
    for department, (counts, listed) in counted_first_of_each_within(finals, DEPARTMENT, "grade", LISTED).items():
        found[department].finals = counts
        found[department].finaled = {g: [Listed(_negated(e.pk), e.project.name, e.project_id, e.title)
                                         for e in rows] for g, rows in listed.items()}
    for row in (Review.objects.filter(stage="finance", project__in=projects).order_by()
                .values(DEPARTMENT, "round", "score")
                .annotate(n=Count("pk"), requested=Sum("requested_budget"), cut=Sum("cut_amount"))):
        found[row[DEPARTMENT]].reviews.append((row["round"], row["score"], row["n"], row["requested"], row["cut"]))
    path = "evaluation__project__unit__department_id"
    for row in (BudgetSuggestion.objects.filter(confirmed__isnull=False, evaluation__project__in=projects)
                .order_by().values(path).annotate(cut=Sum(F("budget") - F("confirmed")))):
        found[row[path]].cuts = row["cut"] or Decimal(0)
    for row in (RectificationItem.objects.filter(done_on__isnull=True, project__in=projects).order_by()
                .values(DEPARTMENT).annotate(n=Count("pk"))):
        found[row[DEPARTMENT]].open_rectifications = row["n"]
    for department, kind, initiator, amount, project in (
            CorrectiveAction.objects.filter(project__in=projects).order_by()
            .values_list(DEPARTMENT, "kind", "initiator", "amount", "project__name")):
        s = found[department]
        s.action_amounts[(kind, initiator)] = s.action_amounts.get((kind, initiator), Decimal(0)) + (amount or 0)
        s.action_counts[kind] += 1
        s.action_projects.add(project)
    return found


# --- kept per department, summed per jurisdiction and over everything --------------------------------------------


def _kept(names: dict[Any, str], prefix: str) -> tuple[dict[Any, Summary], dict[Any, str]]:
    """The summaries found in the cache under the current stamps (`names`: scope → stamp name), and the keys of
    the missing ones. Stamps are read before anything is computed."""
    stamps = stamps_of([*names.values()])
    keys = {scope: f"jixiao:summary:{prefix}{scope}:{stamps[name]}" for scope, name in names.items()}
    cached = cache.get_many(list(keys.values()))
    found = {scope: cached[key] for scope, key in keys.items() if key in cached}
    return found, {scope: key for scope, key in keys.items() if scope not in found}


def department_summaries(department_ids: list[int]) -> dict[int, Summary]:
    """Numbers and listed rows of each department, read from the database for those written to since."""
    found, missing = _kept({pk: f"d{pk}" for pk in department_ids}, "d")
    if missing:
        computed = compute(list(missing))
        cache.set_many({missing[pk]: s for pk, s in computed.items()}, KEPT_FOR)
        found.update(computed)
    return found


def _shared_summaries(departments: dict[int, list[int]]) -> dict[int, Summary]:
    """The summaries of these jurisdictions' departments (`departments`: jurisdiction → its department ids), each
    jurisdiction's missing ones read by one request at a time across the server's processes: a request that finds
    another reading them (a finance bureau's first page while the administrator's reads everything) reads those of
    the other jurisdictions (in one go), then takes theirs from the cache (or reads them itself after BUILD_WAIT
    seconds)."""
    found, missing = _kept({pk: f"d{pk}" for ids in departments.values() for pk in ids}, "d")
    mine: list[int] = []  # read here, in one go, their jurisdictions' locks taken
    waiting: list[int] = []  # read by another request
    locks: dict[str, bool] = {}  # taken here, or held by another
    for jurisdiction, ids in departments.items():
        if absent := [pk for pk in ids if pk in missing]:
            lock = f"jixiao:summary:reading:j{jurisdiction}"
            locks[lock] = cache.add(lock, 1, BUILD_LOCK_FOR)
            (mine if locks[lock] else waiting).extend(absent)
    try:
        if mine:
            found.update(department_summaries(mine))
    finally:
        cache.delete_many([lock for lock, taken in locks.items() if taken])
    others = [lock for lock, taken in locks.items() if not taken]
    deadline = time.monotonic() + BUILD_WAIT
    while waiting:  # from the cache once the other request has them; read here if it is done without them
        kept, missing = _kept({pk: f"d{pk}" for pk in waiting}, "d")
        if not missing or not cache.get_many(others) or time.monotonic() > deadline:
            found.update(department_summaries(waiting) if missing else kept)
            break
        time.sleep(BUILD_POLL)
    return found


def _jurisdiction_parts(departments: dict[int, list[int]], part: str) -> dict[int, Summary]:
    """`part` ("numbers", or the lists of a page) of these jurisdictions (`departments`: jurisdiction → its
    department ids), each kept under its jurisdiction's stamp and made again from its departments' summaries
    (only the department written to read again from the database)."""
    found, missing = _kept({pk: f"j{pk}" for pk in departments}, f"{part}:j")
    if missing:
        parts = _shared_summaries({j: departments[j] for j in missing})
        made = {j: _made([parts[d] for d in departments[j]], part) for j in missing}
        cache.set_many({missing[j]: s for j, s in made.items()}, KEPT_FOR)
        found.update(made)
    return found


def _made(summaries: list[Summary], part: str) -> Summary:
    """`part` of the union of the scopes of `summaries`: "numbers", "board" or "dashboard:N" (the dashboard's
    lists, N reports per bar of the execution chart)."""
    if part == "numbers":
        return numbers_of(summaries)
    page, _, reports = part.partition(":")
    return lists_of(summaries, page, int(reports or LISTED))


def _part(numbers: Summary, page: str) -> str:
    return f"dashboard:{per_bar(len(numbers.execution))}" if page == "dashboard" else page


def _with_lists(numbers: Summary, lists: Summary, page: str) -> Summary:
    summary = Summary(**{name: getattr(numbers, name) for name in NUMBERS})
    for name in LISTS[page]:
        setattr(summary, name, getattr(lists, name))
    return summary


def department_summary(department_id: int) -> Summary:
    return department_summaries([department_id])[department_id]


def jurisdiction_summary(jurisdiction_id: int, page: str = "dashboard") -> Summary:
    ids = {jurisdiction_id: list(Department.objects.filter(jurisdiction_id=jurisdiction_id)
                                 .values_list("pk", flat=True))}
    numbers = _jurisdiction_parts(ids, "numbers")[jurisdiction_id]
    return _with_lists(numbers, _jurisdiction_parts(ids, _part(numbers, page))[jurisdiction_id], page)


def _everything_part(part: str) -> Summary:
    """`part` of everything, kept under the stamp every write renews, added up (or merged) from the
    jurisdictions' (each kept under its own stamp: only the one written to is made again)."""
    found, missing = _kept({"": ALL}, f"{part}:a")
    if not missing:
        return found[""]
    departments: dict[int, list[int]] = {}
    for pk, jurisdiction in Department.objects.values_list("pk", "jurisdiction_id"):
        departments.setdefault(jurisdiction, []).append(pk)
    made = _made(list(_jurisdiction_parts(departments, part).values()), part)
    cache.set(missing[""], made, KEPT_FOR)
    return made


def everything_summary(page: str = "dashboard") -> Summary:
    numbers = _everything_part("numbers")
    return _with_lists(numbers, _everything_part(_part(numbers, page)), page)


def correction_totals_of(summary: Summary) -> CorrectionTotals:
    """The corrective actions' totals (as jixiao.store.monitoring.totals gives them) from a summary."""
    def amount(kind: CorrectionKind, *initiators: Initiator) -> Decimal:
        return sum((summary.action_amounts.get((kind.value, i.value), Decimal(0)) for i in initiators), Decimal(0))

    both = (Initiator.UNIT, Initiator.FINANCE)
    return CorrectionTotals(
        unit_cuts=amount(CorrectionKind.BUDGET_CUT, Initiator.UNIT),
        finance_cuts=amount(CorrectionKind.BUDGET_CUT, Initiator.FINANCE),
        recalled=amount(CorrectionKind.RECALL, *both), held=amount(CorrectionKind.PAYMENT_HOLD, *both),
        counts=tuple((kind, summary.action_counts.get(kind.value, 0)) for kind in CorrectionKind),
        projects=len(summary.action_projects))


def scope_summary(account: Any, page: str = "dashboard") -> Summary | None:
    """The summary of what a department, a finance bureau or an administrator sees, with the rows `page` lists
    (None for anyone else: a unit's and an evaluator's few projects are read directly)."""
    if account is None:
        return None
    if account.role == Role.DEPARTMENT and account.department_id:
        return department_summary(account.department_id)
    if account.role == Role.FINANCE and account.jurisdiction_id:
        return jurisdiction_summary(account.jurisdiction_id, page)
    if account.role == Role.ADMIN:
        return everything_summary(page)
    return None
