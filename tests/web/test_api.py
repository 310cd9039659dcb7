"""The JSON API: token auth, the goal round trip with optimistic concurrency, the workflow, a valid OpenAPI
schema, and schemathesis finding no server error on any endpoint."""

from __future__ import annotations

import json
import os
import re

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


# Generated calls per operation: JIXIAO_API_EXAMPLES, or 100 in the long mode (JIXIAO_LONG_TESTS=1).
EXAMPLES = int(os.environ.get("JIXIAO_API_EXAMPLES") or (100 if os.environ.get("JIXIAO_LONG_TESTS") == "1" else 12))
CALLERS = ("unit", "department", "finance", "evaluator")


def test_no_server_error_anywhere(stages, world):
    """Every operation, with generated valid and invalid-looking inputs, as each role with a token, on a year's
    worth of data (approved projects, reports, warnings, evaluations, suggestions, rectification items)."""
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
    from hypothesis import strategies as st

    api_schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    tokens = {role: issue_token(world["accounts"][role].user, "schemathesis") for role in CALLERS}
    failures, badly_shaped, calls = [], [], {}
    for result in api_schema.get_all_operations():
        operation = result.ok()
        label = f"{operation.method.upper()} {operation.path}"
        calls[label] = 0

        # The caller (and a salt) is drawn with the case, so that even an operation without parameters is called
        # EXAMPLES times, by every role.
        @given(case=operation.as_strategy(), role=st.sampled_from(CALLERS), _salt=st.integers(0, 10**9))
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def call(case, role, _salt):
            calls[label] += 1  # noqa: B023  (called before the loop moves on)
            response = case.call(headers={"Authorization": f"Bearer {tokens[role]}"})
            if response.status_code >= 500:
                failures.append((role, case.method, case.formatted_path, response.text[:300]))
            elif response.status_code >= 400:
                body = response.json()
                if set(body) < {"code", "detail"} or not re.search(r"[\u4e00-\u9fff]", body["detail"]):
                    badly_shaped.append((role, case.method, case.formatted_path, response.text[:200]))

        call()
    print(f"schemathesis: {len(calls)} operations, {sum(calls.values())} calls, "
          f"fewest {min(calls.values())} ({min(calls, key=calls.__getitem__)})")
    assert len(calls) >= 40
    assert failures == [] and badly_shaped[:5] == []
    assert min(calls.values()) >= EXAMPLES


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
