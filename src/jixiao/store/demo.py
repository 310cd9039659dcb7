"""The demo world `make demo` loads: the demo self-evaluation document's county, the seed-004 department when the
seeds are beside the checkout, and a generated county of several departments and a few hundred projects whose
goals are partly faulty (vague targets, missing blocks, weights that do not add up), at every review stage.
Deterministic and idempotent."""

from __future__ import annotations

import json
import os
import random
from datetime import date
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

from django.db import transaction

from jixiao.core.money import round_half_up, yuan_to_wan
from jixiao.core.workflow import Status
from jixiao.store.masterdata import load_bundled
from jixiao.store.models import (
    Department,
    FundSource,
    Indicator,
    Jurisdiction,
    Project,
    ProjectType,
    Review,
    Role,
    Transition,
    Unit,
)
from jixiao.store.services import create_account, import_self_evaluations
from jixiao.store.stamps import renew_everything

DEMO_PASSWORD = "jixiao-demo-2024"
DEMO_PROFILE = "kunming"  # the seed-003 practice: 中 → cut ≤ 10 %, 差 → cancel; review bands 90/80/70
SEED_004_DEPARTMENT = "岚县经济技术开发区管理委员会"
VAGUE_TARGETS = ("提高", "有利于", "逐步完善", "明显改善")
DEMO_CODE = "QC"  # the demo's jurisdiction
SEED_CODE = "LX"  # the seed-004 department's own jurisdiction, loaded when the seeds are present
SEED_JURISDICTION = "山西省岚县"


def seeds_dir() -> Path | None:
    """../shared/seeds beside the checkout (or JIXIAO_SEEDS), if present."""
    candidates = [os.environ.get("JIXIAO_SEEDS", ""), str(Path.cwd().parent / "shared" / "seeds"),
                  str(Path(__file__).resolve().parents[3].parent / "shared" / "seeds")]
    return next((Path(c) for c in candidates if c and Path(c).is_dir()), None)


def _seed_004() -> int:
    """The seed-004 department in its own jurisdiction (山西 岚县), with its own finance account: its projects
    are what the published document says, faults included."""
    folder = seeds_dir()
    path = next(iter(sorted(folder.glob("004_*"))), None) if folder else None
    if path is None:
        return 0
    from jixiao.ingest.pipeline import load_document

    doc, _ = load_document(path)
    if doc is None or not doc.self_evaluations:
        return 0
    county, _ = Jurisdiction.objects.get_or_create(code=SEED_CODE, defaults={"name": SEED_JURISDICTION,
                                                                             "profile": "central"})
    finance = create_account("demo_lanxian", DEMO_PASSWORD, Role.FINANCE, jurisdiction=county).user
    dept, _ = Department.objects.get_or_create(code="601", defaults={"jurisdiction": county, "name": SEED_004_DEPARTMENT})
    unit, _ = Unit.objects.get_or_create(code="601001", defaults={"department": dept, "name": SEED_004_DEPARTMENT})
    projects = import_self_evaluations(unit, doc.self_evaluations, doc.year or 2024)
    for n, project in enumerate(projects, start=1):
        Project.objects.filter(pk=project.pk).update(code=project.code or f"601001-2024-{n:03d}",
                                                     status=Status.APPROVED.value)
    from jixiao.store import demo_year

    demo_year.self_evaluate(county, finance, "公开的自评文件")
    return len(projects)


def county_plan() -> dict[str, Any]:
    """The demo county's departments, units and the indicators written for each department and project type."""
    data: dict[str, Any] = json.loads(files("jixiao.data").joinpath("demo", "county.json").read_text(encoding="utf-8"))
    return data


def _ranged(rng: random.Random, low: int, high: int) -> str:
    """A whole target between `low` and `high`, rounded to a figure a unit would plan with."""
    step = 100 if high >= 5000 else 10 if high >= 200 else 1
    return str(rng.randrange(low // step, high // step + 1) * step)


def _row(level1: str, level2: str, spec: list[Any], rng: random.Random) -> dict[str, Any]:
    """[name, operator, value, unit] or [name, operator, unit, low, high] as an indicator row."""
    if len(spec) == 5:
        name, operator, unit, low, high = spec
        value = _ranged(rng, low, high)
    else:
        name, operator, value, unit = spec
    return {"level1": level1, "level2": level2, "name": name, "target": f"{operator}{value}{unit}"}


def _goal_rows(rng: random.Random, plan: dict[str, Any], budget: Decimal, faulty: bool) -> list[dict[str, Any]]:
    """A goal of 8 indicators worth 90 points written for the project's type (产出 50, 效益 30, 满意度 10); the two
    成本指标 are parts of the budget (together 85–98 %). A faulty goal breaks one goal-quality rule."""
    name, unit, low, high = plan["quantity"]
    rows = [_row("产出指标", "数量指标", [name, "≥", unit, low, high], rng),
            _row("产出指标", "质量指标", plan["quality"], rng), _row("产出指标", "时效指标", plan["timeliness"], rng)]
    total = budget * Decimal(rng.randrange(85, 99)) / 100
    first = round_half_up(total * Decimal(rng.randrange(60, 81)) / 100)
    for cost_name, part in zip(plan["costs"], (first, round_half_up(total) - first), strict=True):
        rows.append({"level1": "产出指标", "level2": "成本指标", "name": cost_name, "target": f"≤{yuan_to_wan(part)}万元"})
    benefit_kinds = ("社会效益指标", "可持续影响指标")
    rows += [_row("效益指标", kind, spec, rng) for kind, spec in zip(benefit_kinds, plan["benefits"], strict=True)]
    rows.append(_row("满意度指标", "服务对象满意度指标", plan["satisfaction"], rng))
    for row, weight in zip(rows, (10, 10, 10, 10, 10, 15, 15, 10), strict=True):
        row["weight"] = Decimal(weight)
    if faulty:
        fault = rng.choice(("vague", "weights", "no_satisfaction", "satisfaction_100"))
        if fault == "vague":
            rows[0]["target"] = rng.choice(VAGUE_TARGETS)
        elif fault == "weights":
            rows[1]["weight"] += 5
        elif fault == "no_satisfaction":
            rows[-2]["weight"] += rows[-1]["weight"]
            rows.pop()
        else:
            rows[-1]["target"] = "=100%"
    return rows


def _projects(unit: Unit, plans: dict[str, Any], count: int, rng: random.Random, reviewers: dict[str, Any]) -> None:
    """`count` projects of 2025 for `unit`, spread over the review stages, with goals written for their type
    (partly faulty)."""
    for n in range(1, count + 1):
        budget = Decimal(rng.randrange(50, 5000) * 1000)
        stage = rng.random()
        status = (Status.DRAFT if stage < 0.25 else Status.DEPARTMENT_REVIEW if stage < 0.35 else
                  Status.FINANCE_REVIEW if stage < 0.45 else Status.RETURNED if stage < 0.55 else Status.APPROVED)
        kind = rng.choice(ProjectType.values)
        plan = plans[kind]
        project = Project.objects.create(
            unit=unit, year=2025, code=f"{unit.code}-2025-{n:03d}",
            name=f"{rng.choice(plan['words'])}项目（{n}）", status=status.value,
            project_type=kind, initial_budget=budget, adjusted_budget=budget, annual_goal=plan["goal"],
            review_round=2 if status == Status.APPROVED and rng.random() < 0.3 else 1)
        FundSource.objects.create(project=project, amount=budget)
        faulty = status in (Status.DRAFT, Status.RETURNED) and rng.random() < 0.6
        Indicator.objects.bulk_create([
            Indicator(project=project, position=k, level1=r["level1"], level2=r["level2"], name=r["name"],
                      target=r["target"], weight=r["weight"])
            for k, r in enumerate(_goal_rows(rng, plan, budget, faulty))])
        _history(project, status, rng, reviewers)


def _county(county: Jurisdiction, demo_units: list[Unit], reviewers: dict[str, Any]) -> None:
    """Six departments of the county with three units each × 17 projects, and 8 projects for each demo unit."""
    rng = random.Random(2024)
    plan = county_plan()
    for unit in demo_units:
        _projects(unit, plan["demo"], 8, rng, reviewers)
    for spec in plan["departments"]:
        dept, _ = Department.objects.get_or_create(code=spec["code"], defaults={"jurisdiction": county,
                                                                                "name": spec["name"]})
        for u, name in enumerate(spec["units"], start=1):
            unit, _ = Unit.objects.get_or_create(code=f"{dept.code}{u:03d}", defaults={"department": dept, "name": name})
            _projects(unit, spec, 17, rng, reviewers)


def _history(project: Project, status: Status, rng: random.Random, reviewers: dict[str, Any]) -> None:
    """Reviews and transitions consistent with the project's stage."""
    if status == Status.DRAFT:
        return
    finance, dept, unit = reviewers["finance"], reviewers["department"], reviewers["unit"]
    moves = [(unit, Status.DRAFT, Status.DEPARTMENT_REVIEW, 1)]
    if status in (Status.FINANCE_REVIEW, Status.APPROVED, Status.RETURNED):
        moves.append((dept, Status.DEPARTMENT_REVIEW, Status.FINANCE_REVIEW, 1))
        Review.objects.create(project=project, round=1, stage="department", reviewer=dept, action="approve")
    if status in (Status.APPROVED, Status.RETURNED):
        first_returned = status == Status.RETURNED or project.review_round == 2
        score = Decimal(rng.randrange(60, 80) if first_returned else rng.randrange(80, 100))
        cut = round_half_up(project.adjusted_budget * Decimal(rng.choice((0, 0, 5, 10, 20))) / 100)
        Review.objects.create(project=project, round=1, stage="finance", reviewer=finance,
                              action="return" if first_returned else "approve", score=score,
                              grade="中" if score < 80 else "良" if score < 90 else "优", cut_amount=cut,
                              requested_budget=project.adjusted_budget,
                              comment="指标不够细化量化，请修改后重新报送" if first_returned else "")
        moves.append((finance, Status.FINANCE_REVIEW, Status.RETURNED if first_returned else Status.APPROVED, 1))
        if project.review_round == 2:
            moves += [(unit, Status.RETURNED, Status.DEPARTMENT_REVIEW, 2), (dept, Status.DEPARTMENT_REVIEW,
                                                                             Status.FINANCE_REVIEW, 2),
                      (finance, Status.FINANCE_REVIEW, Status.APPROVED, 2)]
            Review.objects.create(project=project, round=2, stage="finance", reviewer=finance, action="approve",
                                  score=Decimal(rng.randrange(90, 99)), grade="优",
                                  requested_budget=project.adjusted_budget)
    Transition.objects.bulk_create([Transition(project=project, actor=actor, source=a.value, target=b.value, round=r)
                                    for actor, a, b, r in moves])


def _year(county: Jurisdiction, users: dict[str, Any], today: date) -> None:
    from jixiao.store import demo_year

    rng = random.Random(2025)
    units = demo_year.unit_accounts(county, DEMO_PASSWORD)
    second = create_account("demo_expert2", DEMO_PASSWORD, Role.EVALUATOR).user
    demo_year.monitor(county, units, users["demo_finance"], rng, today)
    demo_year.year_end(county, units, rng)
    demo_year.department_goals(county, users["demo_finance"])
    demo_year.self_evaluate(county, users["demo_finance"])
    demo_year.assess_new_projects(county, users["demo_finance"], rng)
    demo_year.evaluate(county, users["demo_finance"], [users["demo_evaluator"], second], units, rng, today)
    demo_year.ledger(county, users["demo_finance"])


def foreign_data() -> str | None:
    """What in the database the demo did not make (another jurisdiction, an account of its own): the demo writes
    accounts with a published password, so it must not run on a real database. None when there is nothing."""
    from django.contrib.auth import get_user_model

    from jixiao.store.demo_province import PREFIX, province_users

    others = Jurisdiction.objects.exclude(code__in=(DEMO_CODE, SEED_CODE)).exclude(code__startswith=PREFIX)
    if (other := others.first()) is not None:
        return f"辖区“{other.name}”"
    users = province_users(get_user_model().objects.exclude(username__startswith="demo_")
                           .exclude(account__unit__department__jurisdiction__code__in=(DEMO_CODE, SEED_CODE)))
    if (user := users.first()) is not None:
        return f"账户“{user.username}”"
    return None


@transaction.atomic
def load_demo(document: Path, today: date | None = None) -> list[tuple[str, str, str]]:
    """Load everything once (idempotent); return the demo accounts as (username, role label, scope) rows. Dates of
    the results stage (reports, rectification deadlines) are placed around `today`, the day the demo is loaded."""
    from jixiao.ingest.pipeline import load_document

    load_bundled()
    county, created = Jurisdiction.objects.get_or_create(code=DEMO_CODE, defaults={"name": "青川县（演示）",
                                                                              "profile": DEMO_PROFILE})
    dept, _ = Department.objects.get_or_create(code="701", defaults={"jurisdiction": county, "name": "青川县示范区管理委员会"})
    units = {}
    for code, name in (("701001", "青川县示范区综合服务中心"), ("701002", "青川县示范区建设局"),
                       ("701003", "青川县示范区应急管理站")):
        units[code], _ = Unit.objects.get_or_create(code=code, defaults={"department": dept, "name": name})
    accounts = [("demo_unit", Role.UNIT, {"unit": units["701001"]}, units["701001"].name),
                ("demo_department", Role.DEPARTMENT, {"department": dept}, dept.name),
                ("demo_finance", Role.FINANCE, {"jurisdiction": county}, county.name),
                ("demo_evaluator", Role.EVALUATOR, {}, "受托的重点评价"),
                ("demo_admin", Role.ADMIN, {}, "全部")]
    users = {username: create_account(username, DEMO_PASSWORD, role, **scope).user
             for username, role, scope, _ in accounts}
    if created:
        doc, errors = load_document(document)
        if doc is None:
            raise RuntimeError(f"演示文档无法读取：{errors}")
        by_name = {"示范区道路养护经费": "701001", "示范区污水管网改造工程": "701002", "示范区招商推介活动经费": "701001",
                   "示范区应急物资储备": "701003"}
        for n, se in enumerate(doc.self_evaluations, start=1):
            for project in import_self_evaluations(units[by_name.get(se.project.name, "701001")], [se], doc.year or 2024):
                Project.objects.filter(pk=project.pk).update(code=project.code or f"701-2024-{n:03d}",
                                                             status=Status.APPROVED.value)
        seeded = _seed_004()
        _county(county, list(units.values()), {"finance": users["demo_finance"],
                                               "department": users["demo_department"], "unit": users["demo_unit"]})
        _year(county, users, today or date.today())
        renew_everything()  # some of it written by updates, without signals
    else:
        seeded = Jurisdiction.objects.filter(code=SEED_CODE).exists()
    rows = [(username, role.label, label) for username, role, _, label in accounts]
    if seeded:
        rows.append(("demo_lanxian", Role.FINANCE.label, SEED_JURISDICTION))
    return rows
