"""Access, exhaustively: every role × every page and API endpoint × a project of the user's own unit, another
unit of the same department, another department of the jurisdiction and another jurisdiction. Invisible means 404
and not one byte of the project; visible-but-not-yours-to-change means 403 (pages, API) or a refusal that changes
nothing (workflow actions). Runs on SQLite and, in CI, on PostgreSQL."""

from __future__ import annotations

import json
from io import BytesIO

import pytest
from openpyxl import load_workbook

from jixiao.store.models import Project
from jixiao.store.tokens import issue_token
from tests.web.conftest import GOOD_GOAL

ROLES = ("unit", "department", "finance", "evaluator", "admin")
PROJECTS = ("国库项目", "预算项目", "学校项目", "公路项目")  # own unit, same department, same jurisdiction, elsewhere
VISIBLE = {
    "unit": {"国库项目"},
    "department": {"国库项目", "预算项目"},
    "finance": {"国库项目", "预算项目", "学校项目"},
    "evaluator": set(),
    "admin": set(PROJECTS),
}
EDITABLE = {("unit", "国库项目")}
READ = ["/projects/{pk}/", "/projects/{pk}/history/", "/projects/{pk}/exante/", "/projects/{pk}/monitoring/1/",
        "/projects/{pk}/selfeval/"]
OWNER_POSTS = ["/projects/{pk}/monitoring/1/", "/projects/{pk}/selfeval/"]
EDIT = ["/projects/{pk}/edit/", "/projects/{pk}/goal/"]
API_READ = ["/api/projects/{pk}", "/api/projects/{pk}/goal", "/api/projects/{pk}/reviews"]
CASES = [(role, name) for role in ROLES for name in PROJECTS]


def snapshot():
    return list(Project.objects.order_by("pk").values_list("pk", "status", "version", "name", "annual_goal"))


@pytest.mark.parametrize(("role", "name"), CASES)
def test_pages(client, world, role, name):
    client.force_login(world["accounts"][role].user)
    project = world["projects"][name]
    visible = name in VISIBLE[role]
    for url in READ:
        response = client.get(url.format(pk=project.pk))
        assert response.status_code == (200 if visible else 404), url
        assert (name in response.content.decode()) == visible, url
    for url in EDIT:
        response = client.get(url.format(pk=project.pk))
        expected = 200 if (role, name) in EDITABLE else 403 if visible else 404
        assert response.status_code == expected, url
        if not visible:
            assert name not in response.content.decode()
    response = client.post(f"/projects/{project.pk}/goal/check/", GOOD_GOAL)
    assert response.status_code == (200 if (role, name) in EDITABLE else 403 if visible else 404)


@pytest.mark.parametrize(("role", "name"), CASES)
def test_writes_through_pages_change_nothing_outside_scope(client, world, role, name):
    client.force_login(world["accounts"][role].user)
    project = world["projects"][name]
    before = snapshot()
    for action in ("submit", "approve", "return"):
        response = client.post(f"/projects/{project.pk}/act/", {"action": action, "version": project.version,
                                                                "score": "95", "comment": "x"})
        assert response.status_code == (302 if name in VISIBLE[role] else 404)
    if (role, name) not in EDITABLE:
        response = client.post(f"/projects/{project.pk}/goal/", {**GOOD_GOAL, "version": project.version,
                                                                  "action": "save", "annual_goal": "篡改"})
        assert response.status_code in (403, 404)
        response = client.post(f"/projects/{project.pk}/edit/", {"name": "篡改", "version": project.version})
        assert response.status_code in (403, 404)
    for url in OWNER_POSTS:  # the unit's own project is a draft: nobody may report on it yet
        response = client.post(url.format(pk=project.pk), {"executed": "1", "action": "save"})
        assert response.status_code == (403 if name in VISIBLE[role] else 404), url
    response = client.post(f"/projects/{project.pk}/exante/", {"expert": "x"})
    assert response.status_code == (404 if name not in VISIBLE[role] else 400 if role == "finance" else 403)
    assert snapshot() == before  # an incomplete goal cannot be submitted; nobody else may act on a draft


@pytest.mark.parametrize(("role", "name"), CASES)
def test_api(client, world, role, name):
    token = issue_token(world["accounts"][role].user, "test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    project = world["projects"][name]
    visible = name in VISIBLE[role]
    for url in API_READ:
        response = client.get(url.format(pk=project.pk), **auth)
        assert response.status_code == (200 if visible else 404), url
        if not visible:
            assert name not in response.content.decode(), url
    listed = {p["name"] for p in client.get("/api/projects?limit=100", **auth).json()["items"]}
    assert listed == VISIBLE[role]
    before = snapshot()
    body = {"annual_goal": "篡改", "indicators": [], "version": project.version}
    response = client.put(f"/api/projects/{project.pk}/goal", json.dumps(body), content_type="application/json", **auth)
    assert response.status_code == (200 if (role, name) in EDITABLE else 403 if visible else 404)
    if (role, name) not in EDITABLE:
        assert snapshot() == before
    response = client.post(f"/api/projects/{project.pk}/actions", json.dumps(
        {"action": "approve", "version": Project.objects.get(pk=project.pk).version, "score": 95}),
        content_type="application/json", **auth)
    assert response.status_code == (400 if visible else 404)


def test_anonymous_gets_nothing(client, world):
    pk = world["projects"]["国库项目"].pk
    for url in [*READ, *EDIT, "/", "/library/", "/codes/", "/reviews/statistics/", "/account/tokens/"]:
        response = client.get(url.format(pk=pk))
        assert response.status_code == 302 and "/login/" in response["Location"], url
    for url in [*API_READ, "/api/projects"]:
        assert client.get(url.format(pk=pk)).status_code == 401, url
    assert client.get("/api/projects", HTTP_AUTHORIZATION="Bearer jx_guessed").status_code == 401


def test_guessed_ids_and_filters_reach_nothing(client, world):
    token = issue_token(world["accounts"]["unit"].user, "test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    for pk in (0, 999999, -1):
        assert client.get(f"/api/projects/{pk}", **auth).status_code in (404, 422)
    for query in ("q=公路", "year=2024&q=学校", "status=draft"):
        names = {p["name"] for p in client.get(f"/api/projects?{query}", **auth).json()["items"]}
        assert names <= {"国库项目"}, query
    client.force_login(world["accounts"]["unit"].user)
    assert "公路项目" not in client.get("/?unit=201001").content.decode()
    book = load_workbook(BytesIO(client.get("/projects/export.xlsx?unit=201001").content))
    assert list(book["项目"].iter_rows(min_row=2, values_only=True)) == []


@pytest.mark.parametrize("role", ["unit", "evaluator"])
def test_review_statistics_are_for_reviewers(client, world, role):
    client.force_login(world["accounts"][role].user)
    assert client.get("/reviews/statistics/").status_code == 403


def test_evaluators_see_only_their_evaluations(client, world):
    from jixiao.store.evaluation import create_evaluation
    from jixiao.store.services import create_account

    finance = world["accounts"]["finance"].user
    mine = create_evaluation(world["projects"]["国库项目"], [world["accounts"]["evaluator"].user], finance)
    other_expert = create_account("expert_b", "x" * 12, "evaluator").user
    theirs = create_evaluation(world["projects"]["学校项目"], [other_expert], finance)
    client.force_login(world["accounts"]["evaluator"].user)
    assert client.get(f"/evaluations/{mine.pk}/").status_code == 200
    response = client.get(f"/evaluations/{theirs.pk}/")
    assert response.status_code == 404 and "学校项目" not in response.content.decode()
    listing = client.get("/evaluations/").content.decode()
    assert "国库项目" in listing and "学校项目" not in listing
    assert client.get(f"/projects/{world['projects']['国库项目'].pk}/").status_code == 200  # the evaluated project
    assert client.get(f"/projects/{world['projects']['预算项目'].pk}/").status_code == 404
    client.force_login(world["accounts"]["unit"].user)  # a unit sees evaluations of its projects, not others'
    assert client.get(f"/evaluations/{mine.pk}/").status_code == 200
    assert client.get(f"/evaluations/{theirs.pk}/").status_code == 404


@pytest.mark.parametrize("role", ["unit", "evaluator"])
def test_warning_board_is_for_reviewers(client, world, role):
    client.force_login(world["accounts"][role].user)
    assert client.get("/monitoring/").status_code == 403


def test_matrix_size():
    """The cells the tests above check: role × ownership position × endpoint (pages, writes, API)."""
    page_cells = len(READ) + len(EDIT) + 1  # reads, editors, live goal check
    write_cells = 3 + 2 + len(OWNER_POSTS) + 1  # workflow actions, goal and budget saves, reports, ex-ante
    api_cells = len(API_READ) + 1 + 1 + 1  # reads, list, goal PUT, action POST
    cells = len(CASES) * (page_cells + write_cells + api_cells)
    print(f"access matrix: {len(ROLES)} roles × {len(PROJECTS)} ownership positions × "
          f"{page_cells + write_cells + api_cells} endpoints = {cells} cells")
    assert cells == 20 * 22 == 440
