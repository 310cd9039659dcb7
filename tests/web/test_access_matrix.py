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


# The API of every stage, on the `stages` world (every project approved, each with a warning, an action, an open and
# a final evaluation, a budget suggestion and a rectification item). The evaluator is on the own unit's open
# evaluation, so it sees that project and nothing else.
STAGE_VISIBLE = {**VISIBLE, "evaluator": {"国库项目"}}
STAGE_READ = ["/api/projects/{pk}/monitoring", "/api/projects/{pk}/monitoring/1", "/api/projects/{pk}/exante",
              "/api/projects/{pk}/selfeval"]
BOARD = {"department", "finance", "admin"}  # the warning board (a unit reads its own project's warnings)


def _auth(world, role):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(world['accounts'][role].user, 'matrix')}"}


def _send(client, method, url, body, auth):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json", **auth)


def _expect(allowed, visible, ok=200):
    """`ok` where the role may, 403 where it sees the object but may not, 404 where it does not see it."""
    return ok if allowed else 403 if visible else 404


def _names(client, url, auth, key="project_name"):
    response = client.get(url, **auth)
    assert response.status_code == 200, (url, response.content[:200])
    return {row[key] for row in response.json()["items"]}


def stage_snapshot():
    from jixiao.store.models import (
        BudgetSuggestion,
        CorrectiveAction,
        EvaluationFinding,
        EvaluationScore,
        ExAnteAssessment,
        MonitoringReport,
        RectificationItem,
        ReleaseExplanation,
        SelfEvaluationRecord,
    )

    return [snapshot(), *(list(model.objects.order_by("pk").values()) for model in (
        BudgetSuggestion, CorrectiveAction, EvaluationFinding, EvaluationScore, ExAnteAssessment, MonitoringReport,
        RectificationItem, ReleaseExplanation, SelfEvaluationRecord))]


@pytest.mark.parametrize(("role", "name"), CASES)
def test_api_stage_reads(client, stages, world, role, name):
    auth = _auth(world, role)
    row = stages[name]
    visible = name in STAGE_VISIBLE[role]
    reads = [u.format(pk=row["project"].pk) for u in STAGE_READ]
    reads += [f"/api/evaluations/{row['open'].pk}"]
    for url in reads:
        response = client.get(url, **auth)
        expected = 200 if visible else 404
        if url.startswith("/api/evaluations/") and role == "evaluator":  # only the evaluations it is a member of
            expected = 200 if name == "国库项目" else 404
        assert response.status_code == expected, (url, response.content[:200])
        body = response.json()
        if expected == 404:
            assert name not in response.content.decode() and body["code"] == "not_found", url


@pytest.mark.parametrize("role", ROLES)
def test_api_stage_lists(client, stages, world, role):
    auth = _auth(world, role)
    visible = STAGE_VISIBLE[role]
    for url in ("/api/warnings?limit=200", "/api/corrective-actions?limit=200"):
        response = client.get(url, **auth)
        if role in BOARD:
            assert {r["project_name"] for r in response.json()["items"]} == visible, url
        else:
            assert response.status_code == 403 and response.json()["code"] == "forbidden", url
    assert _names(client, "/api/results/suggestions?limit=200", auth) == visible
    assert _names(client, "/api/results/rectifications?limit=200", auth) == visible
    evaluations = _names(client, "/api/evaluations?limit=200", auth)
    assert evaluations == ({"国库项目"} if role == "evaluator" else visible)
    if role != "evaluator":
        assert _names(client, "/api/evaluations?limit=200&status=final", auth) == visible
    # Filters narrow within the scope, never beyond it.
    assert _names(client, "/api/results/rectifications?department=201", auth) <= visible & {"公路项目"}
    assert _names(client, "/api/results/rectifications?year=2023", auth) == set()
    assert _names(client, "/api/results/rectifications?status=overdue&as_of=2024-07-01", auth) == visible
    assert _names(client, "/api/results/rectifications?status=open&as_of=2024-05-01", auth) == visible
    assert _names(client, "/api/results/rectifications?status=done", auth) == set()


@pytest.mark.parametrize(("role", "name"), CASES)
def test_api_stage_writes(client, stages, world, role, name):
    """Each write of each stage: done only by the role the pages allow, on an object it sees; a refusal (403 or
    404) changes nothing."""
    auth = _auth(world, role)
    row = stages[name]
    project = Project.objects.get(pk=row["project"].pk)
    visible = name in STAGE_VISIBLE[role]
    own = (role, name) == ("unit", "国库项目")
    finance = role == "finance" and visible
    member = (role, name) == ("evaluator", "国库项目")
    before = stage_snapshot()
    fund = project.fund_sources.first()
    monitoring = {"funds": [{"fund_source_id": fund.pk, "executed": "100"}] if fund else [], "indicators": []}
    selfeval = {"executed": "1000", "indicators": [], "version": project.version}
    exante = {"requested": "100", "experts": [{"expert": "甲", "scores": {}}]}
    finding = {"category": "funds", "description": "新问题"}
    cases = [
        ("put", f"/api/projects/{project.pk}/monitoring/1", monitoring, _expect(own, visible)),
        ("post", f"/api/projects/{project.pk}/monitoring/1/preview", monitoring, _expect(own, visible)),
        ("post", f"/api/projects/{project.pk}/selfeval/preview", selfeval, _expect(own, visible)),
        ("put", f"/api/projects/{project.pk}/selfeval", selfeval, _expect(own, visible)),
        ("put", f"/api/projects/{project.pk}/exante", exante, _expect(False, visible)),  # approved: too late
        ("post", f"/api/warnings/{row['warning'].pk}/actions", {"kind": "urge", "note": "x"}, _expect(finance, visible)),
        ("post", f"/api/warnings/{row['warning'].pk}/rectification", {}, _expect(finance, visible)),
        ("put", f"/api/evaluations/{row['open'].pk}/scores", {"scores": {}},  # a member: refused the missing scores
         400 if member else 403 if visible and role != "evaluator" else 404),
        ("post", f"/api/evaluations/{row['open'].pk}/findings", finding,
         200 if finance or member else 403 if visible and role != "evaluator" else 404),
        ("post", f"/api/results/suggestions/{row['suggestion'].pk}/confirm",
         {"amount": str(row["suggestion"].suggested)}, _expect(finance, visible)),
        ("post", f"/api/results/rectifications/{row['item'].pk}/response", {"response": "已整改", "done": True},
         _expect(own, visible)),
        ("post", f"/api/documents/selfeval/{project.pk}/explanations", {"explanations": {"f" * 16: "说明"}},
         200 if visible else 404),
    ]
    for method, url, body, expected in cases:
        response = _send(client, method, url, body, auth)
        assert response.status_code == expected, (method, url, response.content[:300])
        assert response.status_code == 200 or set(response.json()) >= {"code", "detail"}, url
        if response.status_code == 404:
            assert name not in response.content.decode(), url
    if not (own or finance or role == "evaluator" or visible):
        assert stage_snapshot() == before  # out of scope: not one row written


@pytest.mark.parametrize("role", ["department", "evaluator", "admin"])  # unit and finance write (cells above)
def test_api_stage_writes_of_other_roles_change_nothing(client, stages, world, role):
    """Every write refused (403/404) to a role that writes none of these leaves every table as it was."""
    auth = _auth(world, role)
    before = stage_snapshot()
    for name, row in stages.items():
        pk = row["project"].pk
        for method, url, body in (
            ("put", f"/api/projects/{pk}/monitoring/1", {"funds": [], "indicators": []}),
            ("post", f"/api/warnings/{row['warning'].pk}/actions", {"kind": "urge"}),
            ("post", f"/api/warnings/{row['warning'].pk}/rectification", {}),
            ("post", f"/api/results/suggestions/{row['suggestion'].pk}/confirm", {"amount": "1"}),
            ("post", f"/api/results/rectifications/{row['item'].pk}/response", {"response": "x", "done": True}),
            ("post", f"/api/evaluations/{row['open'].pk}/finalise", {"report_date": "2025-01-01"}),
            ("put", f"/api/projects/{pk}/selfeval", {"executed": "1", "version": 1}),
        ):
            assert _send(client, method, url, body, auth).status_code in (403, 404), (name, url)
    assert stage_snapshot() == before


@pytest.mark.parametrize(("role", "name"), CASES)
def test_api_documents(client, stages, world, role, name):
    """A generated document is the file or the gate's findings (409) for a user who sees it, 404 otherwise; the
    yearly summary is finance's own; a department's package is for those who see the department."""
    auth = _auth(world, role)
    row = stages[name]
    visible = name in STAGE_VISIBLE[role]
    response = client.get(f"/api/documents/selfeval/{row['project'].pk}", **auth)
    assert response.status_code in ((200, 409) if visible else (404,)), response.content[:300]
    if response.status_code == 409:
        body = response.json()
        assert body["code"] == "release_blocked" and body["errors"] + body["warnings"] + body["differences"]
    elif response.status_code == 200:
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    department = row["project"].unit.department
    response = client.get(f"/api/documents/disclosure/{department.pk}?year=2024", **auth)
    sees_department = role == "admin" or (role == "finance" and name != "公路项目") or (
        role == "department" and name in ("国库项目", "预算项目"))
    assert response.status_code == (400 if sees_department else 404), response.content[:200]  # no ledger uploaded
    if name == "国库项目":
        response = client.get("/api/documents/summary?year=2024", **auth)
        assert response.status_code in ((200, 409) if role == "finance" else (403,))


def test_stage_matrix_size():
    reads = len(STAGE_READ) + 1
    writes = 12
    documents = 2
    lists = 8  # per role
    cells = len(CASES) * (reads + writes + documents) + len(ROLES) * lists
    print(f"stage access matrix: {cells} cells")
    assert cells == 20 * 19 + 5 * 8 == 420
