"""Numbers typed into the forms and the API: one strict parser with the field's bounds, a Chinese message naming
the field and the rule, nothing saved on refusal; values stored out of bounds by earlier versions are reported by
`check_data` and shown, never a 500."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection

from jixiao.store.bounds import out_of_bounds
from jixiao.store.models import Indicator, Project, Review
from tests.web.conftest import GOOD_GOAL

HOSTILE = ["12abc", "1e5", "2024年 100", "1,2,3", "NaN", "Infinity", "-Infinity", "1e20", "0x10", "--5"]


def _project_form(**changes):
    return {"unit": "101001", "year": "2025", "code": "GK-NEW", "name": "国库新项目", "project_type": "一次性项目",
            "initial_budget": "100000", "adjusted_budget": "100000", **changes}


@pytest.mark.parametrize("typed", HOSTILE)
def test_the_project_form_refuses_malformed_amounts_and_saves_nothing(client, world, typed):
    client.force_login(world["accounts"]["unit"].user)
    before = Project.objects.count()
    response = client.post("/projects/new/", _project_form(adjusted_budget=typed))
    page = response.content.decode()
    assert response.status_code == 400 and "全年预算数" in page
    assert "不是有效的金额" in page or "须为不小于 0、小于 10 万亿元的金额" in page
    assert Project.objects.count() == before


@pytest.mark.parametrize(("typed", "stored"), [
    ("1,234,567.89", Decimal("1234567.89")), ("１２３，４５６", Decimal(123456)), ("123.46万元", Decimal(1234600)),
    ("  88 元 ", Decimal(88)), ("0.5亿元", Decimal(50000000)),
])
def test_the_project_form_accepts_what_the_readers_accept(client, world, typed, stored):
    client.force_login(world["accounts"]["unit"].user)
    response = client.post("/projects/new/", _project_form(initial_budget=typed, adjusted_budget=typed))
    assert response.status_code == 302
    project = Project.objects.get(code="GK-NEW")
    assert project.adjusted_budget == stored == project.initial_budget


def test_limits_from_the_model_name_length_and_amount_ceiling(client, world):
    client.force_login(world["accounts"]["unit"].user)
    response = client.post("/projects/new/", _project_form(name="长" * 5000))
    assert response.status_code == 400 and "项目名称最多 200 个字（填写了 5000 个字）" in response.content.decode()
    response = client.post("/projects/new/", _project_form(adjusted_budget="99999999999999999999999"))
    assert response.status_code == 400 and "全年预算数须为不小于 0、小于 10 万亿元的金额" in response.content.decode()
    assert not Project.objects.filter(code="GK-NEW").exists()


@pytest.mark.parametrize(("weight", "message"), [
    ("1e20", "分值“1e20”不是有效的数字"), ("NaN", "分值“NaN”不是有效的数字"), ("-15", "分值须在 0–100 之间"),
    ("101", "分值须在 0–100 之间"), ("12.345", "分值最多保留 2 位小数"),
])
def test_goal_weights_are_bounded_and_nothing_is_saved(client, world, weight, message):
    client.force_login(world["accounts"]["unit"].user)
    project = world["projects"]["国库项目"]
    weights = [weight, *GOOD_GOAL["weight"][1:]]
    response = client.post(f"/projects/{project.pk}/goal/", {**GOOD_GOAL, "weight": weights,
                                                              "version": project.version, "action": "save"})
    assert response.status_code == 400 and message in response.content.decode()
    assert list(project.indicators.values_list("weight", flat=True)) == [Decimal(10)]  # unchanged


def test_an_indicator_value_longer_than_its_column_is_refused_not_cut(client, world):
    client.force_login(world["accounts"]["unit"].user)
    project = world["projects"]["国库项目"]
    values = ["9" * 120, *GOOD_GOAL["value"][1:]]
    response = client.post(f"/projects/{project.pk}/goal/", {**GOOD_GOAL, "value": values,
                                                              "version": project.version, "action": "save"})
    assert response.status_code == 400 and "指标值最多 100 个字" in response.content.decode()


@pytest.mark.parametrize("score", ["NaN", "Infinity", "1e5", "120", "-1"])
def test_review_scores_are_refused_with_a_message(client, world, submitted_ready, score):
    department = world["accounts"]["department"].user
    client.force_login(world["accounts"]["unit"].user)
    client.post(f"/projects/{submitted_ready.pk}/act/", {"action": "submit", "version": submitted_ready.version})
    submitted_ready.refresh_from_db()
    client.force_login(department)
    response = client.post(f"/projects/{submitted_ready.pk}/act/", {
        "action": "approve", "version": submitted_ready.version, "score": score}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and "评审得分" in page
    assert "须在 0–100 之间" in page or "不是有效的数字" in page
    assert not Review.objects.filter(project=submitted_ready, reviewer=department).exists()


@pytest.mark.parametrize(("payload", "message"), [
    ({"score": "NaN"}, "评审得分“NaN”不是有效的数字"), ({"score": 1e20}, "评审得分"),
    ({"cut_amount": "1e5"}, "审减金额“1e5”不是有效的金额"), ({"cut_amount": -5}, "审减金额须为不小于 0"),
])
def test_the_api_reads_numbers_with_the_same_parser(client, world, submitted_ready, payload, message):
    from jixiao.store.tokens import issue_token

    token = issue_token(world["accounts"]["department"].user, "test")
    response = client.post(f"/api/projects/{submitted_ready.pk}/actions", {
        "action": "approve", "version": submitted_ready.version, **payload}, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 422 and message in json.dumps(response.json(), ensure_ascii=False)


def test_values_stored_out_of_bounds_are_reported_and_shown_not_crashed_on(client, world, capsys):
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL enforces the column's digits and lengths: such values cannot be stored there")
    project = world["projects"]["国库项目"]
    indicator = project.indicators.get()
    with connection.cursor() as cursor:  # as an earlier version saved them (SQLite enforces no digits or lengths)
        cursor.execute("UPDATE store_indicator SET weight = 1e20 WHERE id = %s", [indicator.pk])
        cursor.execute("UPDATE store_project SET name = %s WHERE id = %s", ["国库项目" + "长" * 300, project.pk])
    assert Indicator.objects.get(pk=indicator.pk).weight == Decimal("1e20")
    found = {(p.field, p.rule) for p in out_of_bounds()}
    assert ("分值", "须在 0–100 之间") in found and ("项目名称", "超过 200 个字") in found
    client.force_login(world["accounts"]["unit"].user)
    for url in (f"/projects/{project.pk}/", f"/projects/{project.pk}/goal/", f"/projects/{project.pk}/history/",
                "/changes/", f"/projects/{project.pk}/selfeval/"):
        assert client.get(url).status_code == 200, url
    with pytest.raises(SystemExit) as exit_:
        call_command("check_data")
    out = capsys.readouterr().out
    assert exit_.value.code == 1 and "分值：100000000000000000000 —— 须在 0–100 之间" in out and "共 2 处" in out
