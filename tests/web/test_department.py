"""部门整体支出绩效: figures computed from the department's projects; the department-wide goal is a project of
scope 'department' that goes through the same cycle, evaluated on the 投入/过程/产出/效益 framework."""

from __future__ import annotations

from decimal import Decimal

from jixiao.profiles import load_profile
from jixiao.store.department import overall_project, overview
from jixiao.store.evaluation import create_evaluation, framework_of, team_result
from jixiao.store.models import Project


def test_ratios_are_computed_from_the_projects(world):
    department = world["projects"]["国库项目"].unit.department  # 国库项目 + 预算项目, same figures each
    Project.objects.filter(name="预算项目").update(initial_budget=Decimal(1000000))
    data = overview(department, 2024)
    assert (data.projects, data.ratios.initial, data.ratios.adjusted, data.ratios.executed) == (
        2, Decimal(2871500), Decimal(3743000), Decimal(2364000))
    assert data.ratios.execution_rate == Decimal("63.16")  # 2,364,000 ÷ 3,743,000
    assert data.ratios.adjustment_rate == Decimal("30.35")  # (3,743,000 − 2,871,500) ÷ 2,871,500
    assert (data.ratios.carryover, data.ratios.carryover_rate) == (Decimal(1379000), Decimal("36.84"))


def test_department_wide_goal_follows_the_figures_and_uses_its_framework(world):
    department = world["projects"]["国库项目"].unit.department
    finance = world["accounts"]["finance"].user
    overall = overall_project(department, 2024, finance)
    assert overall.scope == "department" and overall.adjusted_budget == Decimal(3743000)
    assert overview(department, 2024).projects == 2  # the department-wide goal is not counted as a project
    Project.objects.filter(name="预算项目").update(executed=Decimal(0))
    assert overall_project(department, 2024, finance).executed == Decimal(1182000)  # synced, not typed
    evaluation = create_evaluation(overall, [world["accounts"]["evaluator"].user], finance)
    profile = load_profile("central")
    assert "投入/预算配置/三公经费变动率" in framework_of(evaluation, profile)
    from jixiao.store.evaluation import submit_scores

    scores = {path.split("/")[2]: weight for path, weight in profile.keyeval.department_framework.items()}
    submit_scores(evaluation, scores, world["accounts"]["evaluator"].user, profile)
    result = team_result(evaluation, profile)
    executed_score = next(i.score for i in result.indicators if i.name == "预算执行率")
    assert executed_score == Decimal("3.16")  # 1,182,000 ÷ 3,743,000 × 10, from the data, not the member's 10
    assert result.total == Decimal(100) - Decimal(10) + Decimal("3.16")


def test_department_pages_by_role(client, world):
    department = world["projects"]["国库项目"].unit.department
    for role, status in (("department", 200), ("finance", 200), ("admin", 200)):
        client.force_login(world["accounts"][role].user)
        assert client.get(f"/departments/{department.pk}/?year=2024").status_code == status
    other = world["projects"]["公路项目"].unit.department
    client.force_login(world["accounts"]["finance"].user)
    assert client.get(f"/departments/{other.pk}/?year=2024").status_code == 404
    for role in ("unit", "evaluator"):
        client.force_login(world["accounts"][role].user)
        assert client.get(f"/departments/{department.pk}/?year=2024").status_code == 404
    client.force_login(world["accounts"]["department"].user)
    response = client.post(f"/departments/{department.pk}/?year=2024")
    assert response.status_code == 302 and Project.objects.filter(scope="department").count() == 1
