"""Two jurisdictions with departments, units, projects and one account per role — the access tests' world."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.store.models import Department, Indicator, Jurisdiction, Project, Role, Unit
from jixiao.store.services import create_account

PASSWORD = "correct-horse-battery"


@pytest.fixture
def world(db):
    a = Jurisdiction.objects.create(code="A", name="甲县")
    b = Jurisdiction.objects.create(code="B", name="乙县")
    d1 = Department.objects.create(jurisdiction=a, code="101", name="甲县财政局")
    d2 = Department.objects.create(jurisdiction=a, code="102", name="甲县教育局")
    d3 = Department.objects.create(jurisdiction=b, code="201", name="乙县交通局")
    u1 = Unit.objects.create(department=d1, code="101001", name="甲县国库中心")
    u2 = Unit.objects.create(department=d1, code="101002", name="甲县预算中心")
    u3 = Unit.objects.create(department=d2, code="102001", name="甲县一中")
    u4 = Unit.objects.create(department=d3, code="201001", name="乙县公路段")
    projects = {}
    for unit, name in ((u1, "国库项目"), (u2, "预算项目"), (u3, "学校项目"), (u4, "公路项目")):
        project = Project.objects.create(unit=unit, year=2024, name=name, initial_budget=Decimal("1871500"),
                                         adjusted_budget=Decimal("1871500"), executed=Decimal("1182000"),
                                         reported_total=Decimal("70.32"), reported_grade="中")
        Indicator.objects.create(project=project, position=0, level1="产出指标", level2="成本指标", name="工程成本",
                                 target="≤300万元", actual="201.61", weight=Decimal(10), reported_score=Decimal(2),
                                 deviation_reason="资金紧张")
        projects[name] = project
    accounts = {
        "unit": create_account("u_unit", PASSWORD, Role.UNIT, unit=u1),
        "department": create_account("u_department", PASSWORD, Role.DEPARTMENT, department=d1),
        "finance": create_account("u_finance", PASSWORD, Role.FINANCE, jurisdiction=a),
        "evaluator": create_account("u_evaluator", PASSWORD, Role.EVALUATOR),
        "admin": create_account("u_admin", PASSWORD, Role.ADMIN),
    }
    return {"projects": projects, "accounts": accounts}


GOOD_GOAL = {
    "annual_goal": "完成国库集中支付系统升级，保障支付安全。",
    "level1": ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"],
    "level2": ["数量指标", "质量指标", "成本指标", "社会效益指标", "服务对象满意度指标"],
    "name": ["升级系统数", "验收合格率", "项目总成本", "支付差错率", "服务对象满意度"],
    "operator": ["=", "≥", "≤", "≤", "≥"],
    "value": ["3", "95", "150", "0.1", "90"],
    "unit": ["套", "%", "万元", "%", "%"],
    "weight": ["20", "15", "15", "30", "10"],
}


def goal_draft(**changes):
    from jixiao.store.goals import GoalDraft, drafts_from_lists

    fields = {**GOOD_GOAL, **changes}
    return GoalDraft(fields["annual_goal"], "", drafts_from_lists(fields))


@pytest.fixture
def submitted_ready(world):
    """The unit's own project with a complete goal worth 90 points, still a draft."""
    from jixiao.store.goals import save_goal

    project = world["projects"]["国库项目"]
    return save_goal(project, goal_draft(), project.version, world["accounts"]["unit"].user)


@pytest.fixture
def browser(live_server, transactional_db, monkeypatch):
    """Debian's chromium on the live server: `.page`, `.url`, `.login(username)`, and `.errors` (JavaScript errors
    the pages raised, which every browser test expects to stay empty)."""
    from types import SimpleNamespace

    from playwright.sync_api import expect, sync_playwright

    from tests.conftest import require_browser

    chromium = require_browser()
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # tests call the ORM beside Playwright's event loop
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = launched.new_page()
            page.set_default_timeout(15000)
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))

            def login(username: str) -> None:
                page.context.clear_cookies()
                page.goto(f"{live_server.url}/login/")
                page.fill("input[name=username]", username)
                page.fill("input[name=password]", PASSWORD)
                page.click("button[type=submit]")
                expect(page.locator("h1")).to_have_text("项目库")

            yield SimpleNamespace(page=page, url=live_server.url, login=login, errors=errors)
        finally:
            launched.close()


@pytest.fixture
def stages(world):
    """The world a year on: every project approved with a goal, and on each one a warning, a corrective action, an
    open evaluation (the evaluator is a member of the own unit's only), a final one with its budget suggestion, and
    a rectification item. The own unit's project got its first-quarter report through the service, so its
    warnings are the rules' own. Returns {name: {"project", "warning", "open", "final", "suggestion", "item"}}."""
    from datetime import date

    from jixiao.store.access import profile_of
    from jixiao.store.goals import save_goal
    from jixiao.store.models import (
        BudgetSuggestion,
        CorrectiveAction,
        EvaluationFinding,
        KeyEvaluation,
        MonitoringWarning,
        RectificationItem,
    )
    from jixiao.store.monitoring import ensure_fund_sources, report_period

    accounts = world["accounts"]
    unit, finance, evaluator = (accounts[r].user for r in ("unit", "finance", "evaluator"))
    out = {}
    for name, project in world["projects"].items():
        project = save_goal(project, goal_draft(), project.version, unit)
        Project.objects.filter(pk=project.pk).update(status="approved", approved_budget=project.adjusted_budget)
        project.refresh_from_db()
        if name == "国库项目":
            fund = ensure_fund_sources(project)[0]
            report_period(project, 1, {fund.pk: Decimal(0)}, {}, unit, profile_of(project), date(2024, 4, 10))
            warning = project.warnings.first()
        else:
            warning = MonitoringWarning.objects.create(
                project=project, key="execution_lag|", kind="execution_lag", kind_label="预算执行进度滞后",
                colour="red", message=f"{name}执行进度滞后", raised_period=1, latest_period=1)
        CorrectiveAction.objects.create(project=project, warning=warning, kind="urge", note=f"督促{name}", actor=finance)
        opened = KeyEvaluation.objects.create(project=project, title=f"{name}评价", created_by=finance)
        if name == "国库项目":
            opened.members.add(evaluator)
        final = KeyEvaluation.objects.create(project=project, title=f"{name}上年评价", created_by=finance,
                                             status="final", total=Decimal(70), grade="中",
                                             report_date=date(2024, 3, 1))
        finding = EvaluationFinding.objects.create(evaluation=final, category="funds", description=f"{name}资金拨付滞后")
        suggestion = BudgetSuggestion.objects.create(evaluation=final, grade="中", action="压减", budget=project.adjusted_budget,
                                                     max_cut=Decimal(100000), suggested=project.adjusted_budget - 100000)
        item = RectificationItem.objects.create(project=project, finding=finding, category="funds",
                                                description=f"{name}资金拨付滞后", report_date=date(2024, 3, 1),
                                                deadline=date(2024, 6, 1))
        out[name] = {"project": project, "warning": warning, "open": opened, "final": final,
                     "suggestion": suggestion, "item": item}
    return out
