"""The province demo (`jixiao demo --size province`): a province of many jurisdictions (the province's own level,
its cities and their counties, each with its finance bureau, departments and units) and tens of thousands of 2025
projects, written in bulk — the services users call are far too slow for that — but with the rows those services
would write: review paths decided by the workflow rules (finance's grade by the profile), 批复金额 on approval,
quarterly monitoring whose warnings are computed by the monitoring rules and replayed across the quarters as the
monitoring service does, self-evaluations scored by the self-evaluation rules, and, through the services
themselves, a few ex-ante assessments and key evaluations per jurisdiction. Deterministic for a given size."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from math import ceil
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Q

from jixiao.core.money import format_amount, round_half_up
from jixiao.core.profile import Profile
from jixiao.core.workflow import Action, Status, next_status
from jixiao.scoring.monitoring import MonitoringResult
from jixiao.scoring.results import rectification_deadline
from jixiao.scoring.review import review_outcome
from jixiao.scoring.selfeval import score_self_evaluation
from jixiao.store.access import profile_named
from jixiao.store.bulk_write import insert, reserve_ids
from jixiao.store.demo import DEMO_PASSWORD, _goal_rows, county_plan
from jixiao.store.demo_year import _expected, deviation_reasons
from jixiao.store.mapping import self_evaluation
from jixiao.store.models import (
    Account,
    CorrectiveAction,
    Department,
    FundSource,
    Indicator,
    Jurisdiction,
    MonitoringFund,
    MonitoringIndicator,
    MonitoringReport,
    MonitoringWarning,
    Project,
    ProjectType,
    RectificationItem,
    Review,
    Role,
    SelfEvaluationRecord,
    Transition,
    Unit,
)
from jixiao.store.monitoring import IndicatorEntry, period_result
from jixiao.store.selfeval import blocking
from jixiao.store.stamps import renew_everything

PREFIX = "YL"  # every jurisdiction code of the province demo starts with it
PROVINCE = "云岭省"
PROFILE = "central"  # quarterly monitoring
YEAR = 2025
CITIES = ("嘉禾", "临江", "东川", "白沙", "青岚", "云阳", "石屏", "南岭", "北原", "西峡", "金沙", "玉泉")
COUNTY_FIRST = ("安", "宁", "平", "永", "长", "新", "清", "丰", "和", "泰", "兴", "康")
COUNTY_SECOND = ("山", "水", "川", "河", "阳", "源", "溪", "林", "城", "丘", "原", "桥")
PROJECTS_PER_UNIT = 12
BATCH = 500  # projects written per round
NAMED = (("demo_province", "province"), ("demo_city", "city"), ("demo_county", "county"))


@dataclass
class World:
    """The jurisdictions, departments and units of the province demo, with one account per unit (u + code),
    department (d + code) and jurisdiction's finance bureau (f + code)."""

    jurisdictions: list[Jurisdiction] = field(default_factory=list)
    departments: list[Department] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    plans: dict[int, dict[str, Any]] = field(default_factory=dict)  # department pk → its county.json plan
    users: dict[str, Any] = field(default_factory=dict)  # username → user


def shape(projects: int) -> tuple[int, int, int]:
    """(cities, counties per city, units per department) for a province of `projects` projects: 50,000 make
    10 cities of 6 counties (71 jurisdictions) and 10 units per department."""
    cities = min(len(CITIES), max(1, projects // 5000))
    counties = min(6, max(1, projects // (cities * 800)))
    departments = (1 + cities * (1 + counties)) * len(county_plan()["departments"])
    return cities, counties, max(2, ceil(projects / (departments * PROJECTS_PER_UNIT)))


def _localised(name: str, place: str, level: str) -> str:
    """A name of the demo county's plan (青川县…) for another place; a province's bureaus are 厅, not 局."""
    local = place + name.removeprefix("青川县")
    return local[:-1] + "厅" if level == "province" and local.endswith("局") else local


def _structure(projects: int) -> World:
    cities, counties, units_per_department = shape(projects)
    places = [(f"{PREFIX}00", PROVINCE, f"{PROVINCE}本级（演示）", "province")]
    for c in range(cities):
        city = f"{CITIES[c]}市"
        places.append((f"{PREFIX}{c + 1:02d}", city, f"{PROVINCE}{city}本级（演示）", "city"))
        for k in range(counties):
            n = c * counties + k
            county = f"{COUNTY_FIRST[n % 12]}{COUNTY_SECOND[(n // 12 + n) % 12]}县"
            places.append((f"{PREFIX}{c + 1:02d}{k + 1:02d}", county, f"{PROVINCE}{city}{county}（演示）", "county"))
    world = World()
    world.jurisdictions = Jurisdiction.objects.bulk_create(
        [Jurisdiction(code=code, name=name, profile=PROFILE) for code, _, name, _ in places])
    specs = county_plan()["departments"]
    for jurisdiction, (_, place, _, level) in zip(world.jurisdictions, places, strict=True):
        for spec in specs:
            department = Department(jurisdiction=jurisdiction, code=f"{jurisdiction.code}{spec['code']}",
                                    name=_localised(spec["name"], place, level))
            world.departments.append(department)
    Department.objects.bulk_create(world.departments)
    for department, spec in zip(world.departments, specs * len(places), strict=True):
        world.plans[department.pk] = spec
        place = next(p for code, p, _, _ in places if code == department.jurisdiction.code)
        for u in range(units_per_department):
            name = (_localised(spec["units"][u], place, "") if u < len(spec["units"])
                    else f"{place}{spec['topic']}服务中心（{u - len(spec['units']) + 1}）")
            world.units.append(Unit(department=department, code=f"{department.code}{u + 1:03d}", name=name))
    Unit.objects.bulk_create(world.units)
    return world


def bulk_accounts(rows: list[tuple[str, Role, dict[str, Any]]], password: str) -> dict[str, Any]:
    """Accounts (username, role, scope) written in bulk with one password hash (hashing once per account would
    take minutes for thousands of units); returns the users by name. Never for an existing username."""
    digest = make_password(password)
    users = get_user_model().objects.bulk_create(
        [get_user_model()(username=name, password=digest, is_staff=role == Role.ADMIN,
                          is_superuser=role == Role.ADMIN) for name, role, _ in rows])
    Account.objects.bulk_create([Account(user=user, role=role, **scope)
                                 for user, (_, role, scope) in zip(users, rows, strict=True)])
    return {user.username: user for user in users}


def _accounts(world: World) -> None:
    rows = [(f"u{unit.code}", Role.UNIT, {"unit": unit}) for unit in world.units]
    rows += [(f"d{d.code}", Role.DEPARTMENT, {"department": d}) for d in world.departments]
    rows += [(f"f{j.code}", Role.FINANCE, {"jurisdiction": j}) for j in world.jurisdictions]
    levels = {"province": world.jurisdictions[0], "city": world.jurisdictions[1], "county": world.jurisdictions[2]}
    rows += [(name, Role.FINANCE, {"jurisdiction": levels[level]}) for name, level in NAMED]
    world.users = bulk_accounts(rows, DEMO_PASSWORD)


# ── goal review ─────────────────────────────────────────────────────────────────────────────────────────────

RETURN_COMMENTS = {"department": "绩效目标与项目内容不够对应，请补充完善后重新报送",
                   "finance": "指标不够细化量化，请修改后重新报送"}


def _decisions(rng: random.Random) -> list[tuple[str, Action, int | None]]:
    """What happens to a project's goal: (role, action, finance's score or None) in order. Finance's action
    follows from the grade of its score, so 中 is always returned and 差 refused, as the review service does."""
    submit, approve = ("unit", Action.SUBMIT, None), ("department", Action.APPROVE, None)
    stage = rng.random()
    if stage < 0.25:
        return []
    if stage < 0.35:
        return [submit]
    if stage < 0.45:
        return [submit, approve]
    if stage < 0.52:
        return [submit, approve, ("finance", Action.APPROVE, rng.randrange(60, 80))]
    if stage < 0.55:
        return [submit, ("department", Action.RETURN, None)]
    if stage < 0.56:
        return [submit, approve, ("finance", Action.APPROVE, rng.randrange(40, 60))]
    final = ("finance", Action.APPROVE, rng.randrange(80, 100))
    if rng.random() < 0.3:
        return [submit, approve, ("finance", Action.APPROVE, rng.randrange(60, 80)), submit, approve, final]
    return [submit, approve, final]


def _review(project: Project, decisions: list[tuple[str, Action, int | None]], actors: dict[str, Any],
            profile: Profile, rng: random.Random) -> tuple[list[Review], list[Transition]]:
    """Apply `decisions` to the (unsaved) project as the review service would: status, round, version and
    批复金额 set; the reviews and transitions it would write returned."""
    reviews, transitions = [], []
    requested = project.adjusted_budget
    for role, action, score in decisions:
        source = Status(project.status)
        grade, cut, comment = "", Decimal(0), ""
        if score is not None:
            grade = review_outcome(Decimal(score), profile).grade
            action = Action.RETURN if grade == "中" else Action.APPROVE
            if action == Action.APPROVE and grade != "差":
                cut = round_half_up(requested * Decimal(rng.choice((0, 0, 5, 10, 20))) / 100)
        if action == Action.RETURN:
            comment = RETURN_COMMENTS[role]
        target = next_status(role, source, action, grade or None)
        if action == Action.SUBMIT and source == Status.RETURNED:
            project.review_round += 1
        if target == Status.APPROVED:
            project.approved_budget = requested - cut
        project.status, project.version = target.value, project.version + 1
        transitions.append(Transition(project=project, actor=actors[role], source=source.value, target=target.value,
                                      round=project.review_round, comment=comment))
        if role != "unit":
            reviews.append(Review(project=project, round=project.review_round, stage=role, reviewer=actors[role],
                                  action=action.value, score=None if score is None else Decimal(score), grade=grade,
                                  cut_amount=cut, requested_budget=requested, comment=comment))
    return reviews, transitions


# ── monitoring and self-evaluation ──────────────────────────────────────────────────────────────────────────


@dataclass
class Year:
    """The rows of the monitoring and self-evaluation of one batch, before they are written."""

    reports: list[MonitoringReport] = field(default_factory=list)
    funds: list[MonitoringFund] = field(default_factory=list)
    indicators: list[MonitoringIndicator] = field(default_factory=list)
    warnings: list[MonitoringWarning] = field(default_factory=list)
    actions: list[CorrectiveAction] = field(default_factory=list)
    rectifications: list[RectificationItem] = field(default_factory=list)
    selfevals: list[SelfEvaluationRecord] = field(default_factory=list)


def replay_warnings(project: Project, results: list[tuple[int, MonitoringResult]]) -> list[MonitoringWarning]:
    """The warning rows the monitoring service leaves after a year's reports saved in order (its replay from
    the first period): a warning stays open while each later period triggers it, and is cleared by the first
    period that no longer does; one raised again after clearing is a new row."""
    rows: list[MonitoringWarning] = []
    open_rows: dict[str, MonitoringWarning] = {}
    for period, result in results:
        current = {f"{w.kind.value}|{w.indicator}": w for w in result.warnings}
        for key, w in current.items():
            row = open_rows.get(key)
            if row is None:
                row = MonitoringWarning(project=project, key=key, kind=w.kind.value, raised_period=period)
                rows.append(row)
                open_rows[key] = row
            row.kind_label, row.indicator_name, row.colour, row.message = (
                w.kind.label, w.indicator, w.colour.value, w.message)
            row.latest_period = period
        for key in [k for k in open_rows if k not in current]:
            row = open_rows.pop(key)
            row.cleared_period = period
            row.cleared_reason = f"{result.data.period.label}监控数据显示预警条件已消除"
    return rows


def _monitor(project: Project, fund: FundSource, indicators: list[Indicator], unit_user: Any, profile: Profile,
             rng: random.Random, year: Year) -> tuple[list[MonitoringWarning], list[str]]:
    """Q1–Q3 as the county demo's units report them (most on track, some behind in Q2 that recover, some that
    stay behind), each report's figures computed by the monitoring rules. Returns the project's warnings and the
    year-end values its last report expects, by indicator."""
    pattern = rng.choice(("track", "track", "track", "recover", "recover", "behind"))
    indicator_ok = rng.random() < 0.85
    results = []
    entries: list[IndicatorEntry] = []
    for quarter, on_track_rate in ((1, Decimal("0.22")), (2, Decimal("0.48")), (3, Decimal("0.72"))):
        rate = on_track_rate if pattern == "track" or (pattern == "recover" and quarter != 2) else \
            on_track_rate * Decimal(rng.choice(("0.4", "0.55", "0.7")))
        on_track = indicator_ok or quarter == 3
        entries = [IndicatorEntry(0, "", _expected(i.target, on_track), "certain" if on_track else "possible",
                                  "" if on_track else "funding") for i in indicators]
        executed = round_half_up(fund.amount * rate)
        result = period_result(project, [(fund, executed)], list(zip(indicators, entries, strict=True)), quarter,
                               profile)
        report = MonitoringReport(project=project, period=quarter, period_label=result.data.period.label,
                                  time_progress=result.time_progress, execution_rate=result.execution_rate,
                                  goal_progress=result.goal_progress, submitted_by=unit_user)
        year.reports.append(report)
        year.funds.append(MonitoringFund(report=report, fund_source=fund, executed=executed))
        year.indicators += [MonitoringIndicator(report=report, indicator=i, expected=e.expected[:50],
                                                likelihood=e.likelihood, deviation_reason=e.deviation_reason)
                            for i, e in zip(indicators, entries, strict=True)]
        results.append((quarter, result))
    project.executed = results[-1][1].executed  # as the monitoring service leaves it
    warnings = replay_warnings(project, results)
    year.warnings += warnings
    return warnings, [e.expected for e in entries]


def _act_on_warnings(project: Project, warnings: list[MonitoringWarning], finance: Any, profile: Profile,
                     rng: random.Random, today: date, year: Year) -> None:
    """Finance acts on some red warnings (督促, some 调减 or 收回); a rectification item is opened for some that
    stay open, dated around `today` so that some are due and some overdue."""
    red = next((w for w in warnings if w.colour == "red"), None)
    if red is None or rng.random() >= 0.6:
        return
    year.actions.append(CorrectiveAction(project=project, warning=red, kind="urge", note="督促加快预算执行",
                                         initiator="finance", actor=finance))
    if rng.random() < 0.5:
        year.actions.append(CorrectiveAction(
            project=project, warning=red, kind=rng.choice(("budget_cut", "recall")), note="按执行进度调整",
            amount=round_half_up(project.adjusted_budget * Decimal("0.1")), initiator=rng.choice(("unit", "finance")),
            actor=finance))
    if red.is_open and rng.random() < 0.5:
        opened = today - timedelta(days=rng.choice((20, 45, 75, 100)))
        year.rectifications.append(RectificationItem(
            project=project, warning=red, category="funds" if "execution" in red.kind else "output",
            description=red.message, report_date=opened, deadline=rectification_deadline(opened, profile)))


def _self_evaluate(project: Project, indicators: list[Indicator], expected: list[str], unit_user: Any,
                   profile: Profile, rng: random.Random, lagging: bool, year: Year) -> None:
    """The unit's self-evaluation with the year-end values its last report expected, the full-year executed
    amount (lower while a warning is open) and a 偏差原因 wherever the rules ask for one; total and grade by the
    rules. Submitted when nothing the rules need is missing, else left a draft (as the form would)."""
    share = Decimal(rng.choice(("0.78", "0.85") if lagging else ("0.93", "0.96", "0.98", "1")))
    project.executed = round_half_up(project.adjusted_budget * share)
    for ind, value in zip(indicators, expected, strict=True):
        ind.actual = value
    rate = round_half_up(project.executed / project.adjusted_budget * 100, 2)
    goal = f"全年执行 {format_amount(project.executed)} 元，预算执行率 {rate}%；各项指标按监控计划推进。"
    result = score_self_evaluation(self_evaluation(project, goal, indicators), profile)
    reasons = deviation_reasons(result, [i.name for i in indicators])
    if reasons:
        for ind in indicators:
            ind.deviation_reason = reasons.get(ind.name, ind.deviation_reason)
        result = score_self_evaluation(self_evaluation(project, goal, indicators), profile)
    # a generated project always holds its indicator rows and its budget: its total is computed
    assert result.total is not None and result.grade is not None, result.total_gap
    project.reported_total, project.reported_grade = result.total, result.grade
    project.version += 1
    year.selfevals.append(SelfEvaluationRecord(
        project=project, total=result.total, grade=result.grade, submitted=not blocking(result),
        goal_statement=goal, experience="按季度开展绩效运行监控，对预警项目及时督促整改。", submitted_by=unit_user))


# ── projects in batches ─────────────────────────────────────────────────────────────────────────────────────


def _assignments(world: World, projects: int) -> Iterator[tuple[Unit, int]]:
    """(unit, its project number) for each project, the units taken in turn."""
    counts: dict[int, int] = {}
    for n in range(projects):
        unit = world.units[n % len(world.units)]
        counts[unit.pk] = counts.get(unit.pk, 0) + 1
        yield unit, counts[unit.pk]


def _batch(world: World, batch: list[tuple[Unit, int]], profile: Profile, rng: random.Random, today: date) -> None:
    departments = {d.pk: d for d in world.departments}
    projects, funds, reviews, transitions = [], [], [], []  # type: ignore[var-annotated]
    goals: list[list[Indicator]] = []
    for unit, n in batch:
        department = departments[unit.department_id]
        code = department.jurisdiction.code  # YL00 the province, YL01 a city, YL0101 a county
        scale = 5 if code == f"{PREFIX}00" else 2 if len(code) == len(PREFIX) + 2 else 1  # larger projects higher up
        budget = Decimal(rng.randrange(50, 5000) * 1000 * scale)
        kind = rng.choice(ProjectType.values)
        plan = world.plans[department.pk][kind]
        project = Project(unit=unit, year=YEAR, code=f"{unit.code}-{YEAR}-{n:03d}",
                          name=f"{rng.choice(plan['words'])}项目（{n}）", project_type=kind, initial_budget=budget,
                          adjusted_budget=budget, annual_goal=plan["goal"], status=Status.DRAFT.value)
        actors = {"unit": world.users[f"u{unit.code}"], "department": world.users[f"d{department.code}"],
                  "finance": world.users[f"f{department.jurisdiction.code}"]}
        decisions = _decisions(rng)
        rows = _goal_rows(rng, plan, budget, faulty=not decisions and rng.random() < 0.6)
        goal = [Indicator(project=project, position=k, level1=r["level1"], level2=r["level2"], name=r["name"],
                          target=r["target"], weight=r["weight"]) for k, r in enumerate(rows)]
        found_reviews, found_transitions = _review(project, decisions, actors, profile, rng)
        projects.append(project)
        funds.append(FundSource(project=project, amount=budget))
        goals.append(goal)
        reviews += found_reviews
        transitions += found_transitions
    year = Year()
    for project, fund, goal in zip(projects, funds, goals, strict=True):
        if project.status == Status.APPROVED.value:
            unit_user = world.users[f"u{project.unit.code}"]
            warnings, expected = _monitor(project, fund, goal, unit_user, profile, rng, year)
            finance = world.users[f"f{project.unit.department.jurisdiction.code}"]
            _act_on_warnings(project, warnings, finance, profile, rng, today, year)
            if rng.random() < 0.85:
                _self_evaluate(project, goal, expected, unit_user, profile, rng, any(w.is_open for w in warnings), year)
    _write(projects, funds, [i for goal in goals for i in goal], reviews, transitions, year)


def _write(projects: list[Project], funds: list[FundSource], indicators: list[Indicator], reviews: list[Review],
           transitions: list[Transition], year: Year) -> None:
    """One batch's rows, each table in one round trip, parents first (their ids reserved before); the models
    whose changes the services record get their history rows."""
    for model, rows in ((Project, projects), (FundSource, funds), (Indicator, indicators),
                        (MonitoringReport, year.reports), (MonitoringWarning, year.warnings)):
        reserve_ids(model, rows)
    insert(Project, projects, history=True)
    insert(FundSource, funds, history=True)
    insert(Indicator, indicators)
    insert(Review, reviews)
    insert(Transition, transitions)
    insert(MonitoringReport, year.reports, history=True)
    insert(MonitoringFund, year.funds)
    insert(MonitoringIndicator, year.indicators)
    insert(MonitoringWarning, year.warnings)
    insert(CorrectiveAction, year.actions)
    reserve_ids(RectificationItem, year.rectifications)
    insert(RectificationItem, year.rectifications, history=True)
    reserve_ids(SelfEvaluationRecord, year.selfevals)
    insert(SelfEvaluationRecord, year.selfevals, history=True)


def _services(world: World, today: date, rng: random.Random) -> None:
    """What each jurisdiction's finance bureau does through the services themselves: ex-ante assessments of new
    major drafts and key evaluations of its largest approved projects (demo_year, as for the county)."""
    from jixiao.store import demo_year
    from jixiao.store.services import create_account

    evaluators = [create_account(name, DEMO_PASSWORD, Role.EVALUATOR).user for name in ("demo_evaluator", "demo_expert2")]
    units = {unit.pk: world.users[f"u{unit.code}"] for unit in world.units}
    for jurisdiction in world.jurisdictions:
        finance = world.users[f"f{jurisdiction.code}"]
        demo_year.assess_new_projects(jurisdiction, finance, rng)
        demo_year.evaluate(jurisdiction, finance, evaluators, units, rng, today)


def province_users(users: Any) -> Any:
    """`users` less the province demo's own unit, department and finance accounts."""
    demo = (Q(account__unit__department__jurisdiction__code__startswith=PREFIX)
            | Q(account__department__jurisdiction__code__startswith=PREFIX)
            | Q(account__jurisdiction__code__startswith=PREFIX))
    return users.exclude(demo)


def province_loaded() -> bool:
    return Jurisdiction.objects.filter(code__startswith=PREFIX).exists()


def load_province(projects: int, today: date | None = None,
                  progress: Callable[[int], None] | None = None) -> list[tuple[str, str, str]]:
    """Load the province demo of `projects` projects once (nothing when it is there already); `progress(n)` is
    called as the first n projects are written. Returns the named accounts as (username, role label, scope).
    On PostgreSQL the tables are analysed afterwards: a bulk load leaves the planner without statistics."""
    rows = _load(projects, today, progress)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return rows


@transaction.atomic
def _load(projects: int, today: date | None, progress: Callable[[int], None] | None) -> list[tuple[str, str, str]]:
    renew_everything()  # written in bulk, without signals: every figure computed again after the commit
    if not province_loaded():
        today = today or date.today()
        rng = random.Random(projects)
        world = _structure(projects)
        _accounts(world)
        profile = profile_named(PROFILE)
        assignments = list(_assignments(world, projects))
        for start in range(0, projects, BATCH):
            _batch(world, assignments[start:start + BATCH], profile, rng, today)
            if progress is not None:
                progress(min(start + BATCH, projects))
        _services(world, today, rng)
    rows = []
    for name, _ in NAMED:
        account = Account.objects.select_related("jurisdiction").get(user__username=name)
        rows.append((name, Role.FINANCE.label, account.jurisdiction.name if account.jurisdiction else ""))
    return rows
