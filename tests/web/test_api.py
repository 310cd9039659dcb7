"""The JSON API: token auth, the goal round trip with optimistic concurrency, the workflow, a valid OpenAPI
schema, and schemathesis finding no server error on any endpoint."""

from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from jixiao.store.models import Project
from jixiao.store.tokens import issue_token
from tests.web.conftest import GOOD_GOAL


def indicators():
    keys = ("level1", "level2", "name", "operator", "value", "unit", "weight")
    return [dict(zip(keys, row, strict=True)) for row in zip(*(GOOD_GOAL[k] for k in keys), strict=True)]


@pytest.fixture
def unit_auth(world):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(world['accounts']['unit'].user, 'test')}"}


def test_goal_round_trip_and_stale_version(client, world, unit_auth):
    pk = world["projects"]["国库项目"].pk
    goal = client.get(f"/api/projects/{pk}/goal", **unit_auth).json()
    body = {"annual_goal": "目标", "indicators": indicators(), "version": goal["version"]}
    saved = client.put(f"/api/projects/{pk}/goal", json.dumps(body), content_type="application/json", **unit_auth)
    assert saved.status_code == 200
    data = saved.json()
    assert data["weight_total"] == "90" and [i["target"] for i in data["indicators"]][:2] == ["=3套", "≥95%"]
    assert data["version"] == goal["version"] + 1
    stale = client.put(f"/api/projects/{pk}/goal", json.dumps(body), content_type="application/json", **unit_auth)
    assert stale.status_code == 409 and "已被他人修改" in stale.json()["detail"]


def test_workflow_over_the_api(client, world, unit_auth):
    pk = world["projects"]["国库项目"].pk
    version = client.get(f"/api/projects/{pk}", **unit_auth).json()["version"]
    body = {"annual_goal": "目标", "indicators": indicators(), "version": version}
    version = client.put(f"/api/projects/{pk}/goal", json.dumps(body), content_type="application/json",
                         **unit_auth).json()["version"]
    submitted = client.post(f"/api/projects/{pk}/actions", json.dumps({"action": "submit", "version": version}),
                            content_type="application/json", **unit_auth)
    assert submitted.status_code == 200 and submitted.json()["status_label"] == "待主管部门审核"
    reviews = client.get(f"/api/projects/{pk}/reviews", **unit_auth).json()
    assert [(t["source"], t["target"]) for t in reviews["transitions"]] == [("draft", "department_review")]


def test_bad_payload_is_422_in_chinese(client, world, unit_auth):
    pk = world["projects"]["国库项目"].pk
    response = client.put(f"/api/projects/{pk}/goal", "{", content_type="application/json", **unit_auth)
    assert response.status_code in (400, 422) and "detail" in response.json()


def test_openapi_schema_is_valid(client):
    from openapi_spec_validator import validate

    schema = client.get("/api/openapi.json").json()
    validate(schema)
    assert {"/api/projects", "/api/projects/{project_id}/goal", "/api/projects/{project_id}/actions"} <= set(
        schema["paths"])


def test_no_server_error_anywhere(world):
    """Every operation, with generated valid and invalid-looking inputs, as a unit user with a token."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from jixiao.web.wsgi import application

    # As Django's test client does: the WSGI calls must not close the test transaction's connection.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        _run_schemathesis(application, world)
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def _run_schemathesis(application, world):
    api_schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    token = issue_token(world["accounts"]["unit"].user, "schemathesis")
    failures, calls = [], 0
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def call(case):
            nonlocal calls
            calls += 1
            response = case.call(headers={"Authorization": f"Bearer {token}"})
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, response.text[:200]))

        call()
    assert calls >= 100 and failures == []


def test_nul_characters_are_a_400_not_a_500(client, world, unit_auth):
    """Found by schemathesis on PostgreSQL: text fields cannot hold NUL, so such input is refused up front."""
    pk = world["projects"]["国库项目"].pk
    assert client.get("/api/projects", {"q": "a\x00b"}, **unit_auth).status_code == 400
    body = {"annual_goal": "目标\u0000", "indicators": indicators(), "version": 1}
    response = client.put(f"/api/projects/{pk}/goal", json.dumps(body), content_type="application/json", **unit_auth)
    assert response.status_code == 400 and "NUL" in response.json()["detail"]
    client.force_login(world["accounts"]["unit"].user)
    assert client.get("/", {"q": "\x00"}).status_code == 400
    assert client.post(f"/projects/{pk}/goal/check/", {"name": "x\x00"}).status_code == 400
    assert Project.objects.get(pk=pk).annual_goal == ""
