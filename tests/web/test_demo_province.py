"""The province demo, written in bulk, holds the rows the services would have written: valid jurisdiction,
department and unit links, goals that pass the submission check, review paths the workflow allows with grades by
the profile and 批复金额 on approval, monitoring figures and warnings the monitoring rules give from the stored
reports, self-evaluation scores the rules give from the stored values; a unit sees only its own projects; the main
pages answer every role. Small (300 projects) through the same code path as the 50,000 of `--size province`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jixiao.store.models import (
    Account,
    Department,
    Jurisdiction,
    MonitoringReport,
    Project,
    Role,
    SelfEvaluationRecord,
    Unit,
)

LOADED = date(2026, 11, 27)
PROJECTS = 300


@pytest.fixture
def province(db):
    from jixiao.store.demo_province import load_province

    return load_province(PROJECTS, today=LOADED)


def _profile():
    from jixiao.store.access import profile_named
    from jixiao.store.demo_province import PROFILE

    return profile_named(PROFILE)


def test_jurisdictions_departments_units_and_accounts_link_up(province):
    from jixiao.store.demo_province import PREFIX

    assert Project.objects.count() == PROJECTS
    codes = list(Jurisdiction.objects.values_list("code", flat=True))
    assert all(c.startswith(PREFIX) for c in codes) and {len(c) for c in codes} == {4, 6}  # province, cities, counties
    for department in Department.objects.select_related("jurisdiction"):
        assert department.code.startswith(department.jurisdiction.code)
    for unit in Unit.objects.select_related("department"):
        assert unit.code.startswith(unit.department.code)
        assert Account.objects.filter(user__username=f"u{unit.code}", role=Role.UNIT, unit=unit).exists()
    assert not Unit.objects.filter(projects__isnull=True).exists()  # every unit has projects
    for project in Project.objects.select_related("unit"):
        assert project.code.startswith(project.unit.code), project.code
    scopes = {name: Account.objects.get(user__username=name).jurisdiction.code
              for name in ("demo_province", "demo_city", "demo_county")}
    assert scopes == {"demo_province": f"{PREFIX}00", "demo_city": f"{PREFIX}01", "demo_county": f"{PREFIX}0101"}
    assert [row[0] for row in province] == ["demo_province", "demo_city", "demo_county"]


def test_goals_and_review_paths_are_what_the_services_allow(province):
    from jixiao.core.workflow import Status
    from jixiao.scoring.review import review_outcome
    from jixiao.store.goals import submission_problems

    profile = _profile()
    statuses = set()
    for project in Project.objects.prefetch_related("indicators", "transitions", "reviews").select_related(
            "unit__department__jurisdiction").order_by("pk"):
        statuses.add(project.status)
        indicators = list(project.indicators.all())
        assert indicators and all(i.level1 and i.level2 and i.name and i.target for i in indicators)
        moves = sorted(project.transitions.all(), key=lambda t: t.pk)
        if moves:  # submitted once: the goal passed the submission check (weights, budget, no error finding)
            assert submission_problems(project, profile) == [], project.name
            assert sum(i.weight for i in indicators) == profile.selfeval.indicator_total
        state = Status.DRAFT.value
        for move in moves:
            assert move.source == state
            state = move.target
        assert state == project.status
        assert project.review_round == (moves[-1].round if moves else 1)
        finance = [r for r in project.reviews.all() if r.stage == "finance"]
        for review in finance:
            assert review.grade == review_outcome(review.score, profile).grade
            assert (review.action == "return") == (review.grade == "中")
        if project.status == Status.APPROVED.value:
            last = max(finance, key=lambda r: r.pk)
            assert project.approved_budget == project.adjusted_budget - last.cut_amount
        else:
            assert project.approved_budget is None
        self_evaluated = SelfEvaluationRecord.objects.filter(project=project).exists()
        assert project.version == 1 + len(moves) + self_evaluated
    assert {"draft", "department_review", "finance_review", "returned", "approved"} <= statuses


def test_monitoring_and_self_evaluation_are_what_the_rules_compute_from_the_stored_inputs(province):
    from jixiao.scoring.selfeval import score_self_evaluation
    from jixiao.store.mapping import self_evaluation
    from jixiao.store.monitoring import _saved_result, recompute_warnings
    from jixiao.store.selfeval import blocking

    profile = _profile()
    approved = Project.objects.filter(status="approved").select_related("unit__department").order_by("pk")
    assert approved.exists()
    warned = 0
    for project in approved:
        reports = list(MonitoringReport.objects.filter(project=project).order_by("period"))
        assert [r.period for r in reports] == [1, 2, 3]
        for report in reports:
            result = _saved_result(project, report, profile)
            assert (report.time_progress, report.execution_rate, report.goal_progress) == (
                result.time_progress, result.execution_rate, result.goal_progress)
        fields = ("key", "colour", "message", "raised_period", "latest_period", "cleared_period", "cleared_reason")
        stored = sorted(project.warnings.values_list(*fields))
        warned += bool(stored)
        recompute_warnings(project, 1, profile, LOADED)  # the service's replay of the stored reports
        assert sorted(project.warnings.values_list(*fields)) == stored, project.name
        record = SelfEvaluationRecord.objects.filter(project=project).first()
        if record is None:
            assert project.executed == sum(f.executed for f in reports[-1].funds.all())
            continue
        result = score_self_evaluation(self_evaluation(project), profile)
        assert (record.total, record.grade) == (result.total, result.grade)
        assert (project.reported_total, project.reported_grade) == (result.total, result.grade)
        assert record.submitted == (not blocking(result))
    assert warned  # some projects are behind


def test_a_unit_sees_only_its_projects_and_finance_only_its_jurisdiction(province):
    from django.contrib.auth import get_user_model

    from jixiao.store.access import visible_projects

    users = get_user_model().objects
    unit = Unit.objects.order_by("code").last()
    mine = visible_projects(users.get(username=f"u{unit.code}"))
    assert set(mine) == set(Project.objects.filter(unit=unit)) and mine.exists()
    department = unit.department
    assert set(visible_projects(users.get(username=f"d{department.code}"))) == set(
        Project.objects.filter(unit__department=department))
    county = visible_projects(users.get(username="demo_county"))
    assert county.exists() and not county.exclude(unit__department__jurisdiction__code=department.jurisdiction.code
                                                  if department.jurisdiction.code.endswith("0101") else "YL0101")


@pytest.mark.parametrize("who", ["unit", "department", "demo_province", "demo_city", "demo_county", "demo_evaluator",
                                 "admin"])
def test_the_main_pages_answer_every_role(province, client, who):
    from django.contrib.auth import get_user_model

    from jixiao.store.access import visible_projects
    from jixiao.store.services import create_account

    unit = Unit.objects.order_by("code").first()
    names = {"unit": f"u{unit.code}", "department": f"d{unit.department.code}"}
    if who == "admin":
        user = create_account("province_admin", "a-long-password-1", Role.ADMIN).user
    else:
        user = get_user_model().objects.get(username=names.get(who, who))
    client.force_login(user)
    projects = visible_projects(user)
    assert projects.exists()
    detail = projects.filter(status="approved").order_by("pk").first() or projects.order_by("pk").first()
    for path in ("/", "/dashboard/", f"/projects/{detail.pk}/", f"/projects/{detail.pk}/history/"):
        response = client.get(path)
        assert response.status_code == 200, (who, path, response.status_code)
    assert detail.name in client.get(f"/projects/{detail.pk}/").content.decode()
    if who in ("department", "demo_province", "admin"):
        for path in ("/monitoring/", "/reviews/statistics/", "/evaluations/", "/results/"):
            assert client.get(path).status_code == 200, (who, path)
    assert Decimal(0) <= (detail.approved_budget or Decimal(0)) <= detail.adjusted_budget
