"""The API of every stage, end to end over HTTP with bearer tokens: monitoring with its live warning preview,
warnings and corrective actions, ex-ante, self-evaluation, key evaluations, results and rectification, the audit of
an uploaded document (the same JSON as the command line), cursor pagination, and errors in Chinese with a code."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from decimal import Decimal

import pytest

from jixiao.store.models import BudgetSuggestion, Project, RectificationItem, Unit
from jixiao.store.tokens import issue_token
from tests.builders import consistent_package
from tests.conftest import REPO


def auth(world, role):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(world['accounts'][role].user, 'test')}"}


def send(client, method, url, body, headers):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json", **headers)


def test_every_operation_has_a_chinese_summary_and_tag(client):
    schema = client.get("/api/openapi.json").json()
    operations = [(path, method, op) for path, ops in schema["paths"].items() for method, op in ops.items()]
    assert len(operations) >= 40
    for path, method, op in operations:
        assert re.search(r"[\u4e00-\u9fff]", op.get("summary", "")), (method, path, op.get("summary"))
        assert op.get("tags") and all(re.search(r"[\u4e00-\u9fff]", t) for t in op["tags"]), (method, path)
        assert "401" in op["responses"], (method, path)


def test_errors_are_chinese_with_a_code(client, world):
    unit = auth(world, "unit")
    missing = client.get("/api/no-such-thing", **unit)
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong = client.delete("/api/projects", **unit)
    assert wrong.status_code == 405 and wrong.json()["code"] == "method_not_allowed"
    assert "GET" in wrong.json()["detail"] and wrong["Allow"] == "GET"
    gone = client.get("/api/projects/999999", **unit)
    assert gone.status_code == 404 and gone.json() == {"code": "not_found", "detail": "项目不存在，或您无权查看"}
    huge = client.get(f"/api/projects/{2**70}/goal", **unit)
    assert huge.status_code == 404
    bad = client.get("/api/projects?limit=0&year=abc", **unit)
    body = bad.json()
    assert bad.status_code == 422 and body["code"] == "invalid"
    assert "须不小于 1" in body["detail"] and "须为整数" in body["detail"] and not re.search(r"[A-Za-z]{5,}", body[
        "detail"].replace("limit", "").replace("year", ""))
    pk = world["projects"]["国库项目"].pk
    missing_field = send(client, "put", f"/api/projects/{pk}/goal", {"annual_goal": "x"}, unit)
    assert missing_field.status_code == 422 and "请求体“version”必须填写" in missing_field.json()["detail"]
    assert client.get("/api/projects").json() == {"code": "unauthenticated", "detail": "未登录或令牌无效"}
    cursor = client.get("/api/projects?cursor=xyz", **unit)
    assert cursor.status_code == 422 and cursor.json()["code"] == "invalid_cursor"


def test_cursor_pagination_walks_every_row_once(client, world):
    unit = Unit.objects.get(code="101001")
    for n in range(7):
        Project.objects.create(unit=unit, year=2025, name=f"分页项目{n}")
    headers = auth(world, "unit")
    seen, cursor, pages = [], None, 0
    while True:
        url = "/api/projects?limit=3&year=2025" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url, **headers).json()
        seen += [p["name"] for p in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3 and sorted(seen) == [f"分页项目{n}" for n in range(7)]
    assert {p["name"] for p in client.get("/api/projects?year=2024&department=101", **headers).json()["items"]} == {
        "国库项目"}
    assert client.get("/api/projects?department=102", **headers).json()["items"] == []  # not its department


def test_monitoring_preview_save_and_warnings(client, stages, world):
    headers = auth(world, "unit")
    project = stages["国库项目"]["project"]
    periods = client.get(f"/api/projects/{project.pk}/monitoring", **headers).json()
    assert periods["can_report"] and [p["reported"] for p in periods["periods"]][:2] == [True, False]
    assert [w["kind"] for w in periods["warnings"]]  # raised by the first-quarter report of the fixture
    report = client.get(f"/api/projects/{project.pk}/monitoring/2", **headers).json()
    fund = report["funds"][0]
    indicators = [{"indicator_id": i["indicator_id"], "progress": "", "expected": ""} for i in report["indicators"]]
    body = {"funds": [{"fund_source_id": fund["fund_source_id"], "executed": "10"}], "indicators": indicators}
    preview = send(client, "post", f"/api/projects/{project.pk}/monitoring/2/preview", body, headers).json()
    assert preview["status"] == "red" and any(w["kind"] == "execution_lag" for w in preview["warnings"])
    assert preview["execution_rate"] == "0.00"  # 10 of 1,871,500
    full = {"funds": [{"fund_source_id": fund["fund_source_id"], "executed": "935,750"}], "indicators": indicators}
    preview = send(client, "post", f"/api/projects/{project.pk}/monitoring/2/preview", full, headers).json()
    assert preview["execution_rate"] == "50.00" and not any(w["kind"] == "execution_lag" for w in preview["warnings"])
    saved = send(client, "put", f"/api/projects/{project.pk}/monitoring/2", full, headers)
    assert saved.status_code == 200 and saved.json()["reported"] and saved.json()["execution_rate"] == "50.00"
    assert Project.objects.get(pk=project.pk).executed == Decimal("935750")
    over = {"funds": [{"fund_source_id": fund["fund_source_id"], "executed": "9999999"}]}
    refused = send(client, "put", f"/api/projects/{project.pk}/monitoring/2", over, headers)
    assert refused.status_code == 400 and refused.json()["code"] == "refused" and "超过" in refused.json()["detail"]
    negative = send(client, "put", f"/api/projects/{project.pk}/monitoring/2",
                    {"funds": [{"fund_source_id": fund["fund_source_id"], "executed": "-1"}]}, headers)
    assert negative.status_code == 422 and "执行数须为不小于 0" in negative.json()["detail"]
    assert client.get(f"/api/projects/{project.pk}/monitoring/9", **headers).status_code == 404
    # The page shows what the API saved.
    client.force_login(world["accounts"]["unit"].user)
    assert "935750" in client.get(f"/projects/{project.pk}/monitoring/2/").content.decode().replace(",", "")


def test_warning_actions_and_rectification_by_finance(client, stages, world):
    headers = auth(world, "finance")
    warning = stages["学校项目"]["warning"]
    action = send(client, "post", f"/api/warnings/{warning.pk}/actions",
                  {"kind": "budget_cut", "amount": "10万元", "note": "调减"}, headers)
    assert action.status_code == 200 and Decimal(action.json()["amount"]) == 100000
    too_much = send(client, "post", f"/api/warnings/{warning.pk}/actions", {"kind": "recall", "amount": "1亿元"}, headers)
    assert too_much.status_code == 400 and "超过项目全年预算数" in too_much.json()["detail"]
    order = client.post(f"/api/warnings/{warning.pk}/rectification", **headers)
    assert order.status_code == 200
    assert RectificationItem.objects.get(pk=order.json()["id"]).warning_id == warning.pk
    board = client.get("/api/warnings?status=open&colour=red&year=2024", **headers).json()["items"]
    assert {w["project_name"] for w in board} >= {"学校项目"}
    actions = client.get("/api/corrective-actions?department=102", **headers).json()["items"]
    assert {a["kind"] for a in actions} == {"urge", "budget_cut"}


def test_exante_by_finance_on_a_draft(client, world):
    project = world["projects"]["预算项目"]
    Project.objects.filter(pk=project.pk).update(needs_ex_ante=True)
    finance = auth(world, "finance")
    sheet = client.get(f"/api/projects/{project.pk}/exante", **finance).json()
    assert sheet["can_record"] and sheet["assessment"] is None and sheet["problems"] == ["该项目须先完成事前绩效评估"]
    full = {s["dimension"]: str(s["max_score"]) for s in sheet["sheet"]}
    body = {"requested": "200万元", "experts": [{"expert": "专家甲", "scores": full}, {"expert": "专家乙", "scores": full}]}
    preview = send(client, "post", f"/api/projects/{project.pk}/exante/preview", body, finance).json()
    assert preview["total"] == "100.00" and preview["conclusion"] == "支持"
    saved = send(client, "put", f"/api/projects/{project.pk}/exante", body, finance).json()
    assert saved["assessment"]["total"] == "100.00" and saved["problems"] == []
    assert saved["assessment"]["experts"] == "专家甲、专家乙"
    short = {**body, "experts": [{"expert": "专家丙", "scores": {**full, next(iter(full)): ""}}]}
    refused = send(client, "put", f"/api/projects/{project.pk}/exante", short, finance)
    assert refused.status_code == 400 and "请填写专家“专家丙”" in refused.json()["detail"]
    over = {**body, "experts": [{"expert": "专家丙", "scores": {k: "1000" for k in full}}]}
    assert send(client, "put", f"/api/projects/{project.pk}/exante", over, finance).status_code == 400
    assert send(client, "put", f"/api/projects/{project.pk}/exante", body, auth(world, "department")).status_code == 403


def test_selfeval_preview_save_submit(client, stages, world):
    headers = auth(world, "unit")
    project = stages["国库项目"]["project"]
    form = client.get(f"/api/projects/{project.pk}/selfeval", **headers).json()
    assert form["can_fill"] and not form["saved"] and len(form["score"]["indicators"]) == 5
    values = {"升级系统数": "3", "验收合格率": "96", "项目总成本": "140", "支付差错率": "0.05", "服务对象满意度": "92"}
    rows = [{"indicator_id": i["indicator_id"], "actual": values[i["name"]]} for i in form["score"]["indicators"]]
    body = {"executed": "1,800,000", "indicators": rows, "version": form["version"]}
    preview = send(client, "post", f"/api/projects/{project.pk}/selfeval/preview", body, headers).json()
    assert preview["execution_rate"] == "96.18" and preview["blocking"] == []
    assert Decimal(preview["total"]) > 0 and preview["grade"]
    saved = send(client, "put", f"/api/projects/{project.pk}/selfeval", {**body, "experience": "按月调度"}, headers)
    assert saved.status_code == 200 and saved.json()["saved"] and not saved.json()["submitted"]
    assert saved.json()["score"]["total"] == preview["total"] and saved.json()["experience"] == "按月调度"
    stale = send(client, "post", f"/api/projects/{project.pk}/selfeval/submit", body, headers)
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"
    submitted = send(client, "post", f"/api/projects/{project.pk}/selfeval/submit",
                     {**body, "version": saved.json()["version"]}, headers)
    assert submitted.status_code == 200 and submitted.json()["submitted"] and not submitted.json()["can_fill"]
    assert submitted.json()["experience"] == "按月调度"  # kept when not sent again
    again = send(client, "put", f"/api/projects/{project.pk}/selfeval", {**body, "version": 99}, headers)
    assert again.status_code == 403


def test_key_evaluation_to_results(client, stages, world):
    """Finance creates an evaluation with the evaluator; the member scores; a finding; finance issues the report,
    confirms next year's budget; the unit answers the rectification item the finding became."""
    finance, evaluator, unit = (auth(world, r) for r in ("finance", "evaluator", "unit"))
    project = stages["国库项目"]["project"]
    candidates = client.get("/api/evaluations/team-candidates", **finance).json()
    expert = next(c for c in candidates if c["username"] == "u_evaluator")
    created = send(client, "post", "/api/evaluations", {"project_id": project.pk, "member_ids": [expert["id"]]},
                   finance)
    assert created.status_code == 200, created.content
    evaluation = created.json()
    assert [m["username"] for m in evaluation["team"]] == ["u_evaluator"]
    foreign = send(client, "post", "/api/evaluations", {"project_id": stages["公路项目"]["project"].pk,
                                                         "member_ids": [expert["id"]]}, finance)
    assert foreign.status_code == 404
    scores = {i["name"]: str(i["weight"]) for i in evaluation["items"] if i["computed"] is None}
    scored = send(client, "put", f"/api/evaluations/{evaluation['id']}/scores", {"scores": scores}, evaluator)
    assert scored.status_code == 200 and scored.json()["team_total"] is not None
    assert send(client, "put", f"/api/evaluations/{evaluation['id']}/scores", {"scores": scores}, finance).status_code == 403
    found = send(client, "post", f"/api/evaluations/{evaluation['id']}/findings",
                 {"category": "output", "description": "验收资料不全"}, evaluator)
    assert [f["description"] for f in found.json()["findings"]] == ["验收资料不全"]
    final = send(client, "post", f"/api/evaluations/{evaluation['id']}/finalise", {"report_date": "2025-06-30"}, finance)
    assert final.status_code == 200 and final.json()["status"] == "final" and final.json()["suggestion_id"]
    suggestion = BudgetSuggestion.objects.get(pk=final.json()["suggestion_id"])
    no_reason = send(client, "post", f"/api/results/suggestions/{suggestion.pk}/confirm", {"amount": "1"}, finance)
    assert no_reason.status_code == 400 and "理由" in no_reason.json()["detail"]
    confirmed = send(client, "post", f"/api/results/suggestions/{suggestion.pk}/confirm",
                     {"amount": "1", "reason": "政策调整"}, finance)
    assert confirmed.status_code == 200 and Decimal(confirmed.json()["confirmed"]) == 1
    [item_id] = final.json()["rectification_ids"]
    listed = client.get("/api/results/rectifications?status=open&as_of=2025-07-01", **unit).json()["items"]
    assert item_id in {i["id"] for i in listed}
    answered = send(client, "post", f"/api/results/rectifications/{item_id}/response",
                    {"response": "已补齐验收资料", "done": True}, unit)
    assert answered.status_code == 200 and answered.json()["status"] == "done"
    assert send(client, "post", f"/api/results/rectifications/{item_id}/response", {"response": "再改"},
                unit).status_code == 400  # done already


def test_audit_upload_matches_the_command_line(client, world, tmp_path):
    path = tmp_path / "决算公开.txt"
    path.write_text(consistent_package().replace("保有量共1辆", "保有量共2辆"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    cli = subprocess.run([sys.executable, "-m", "jixiao", "audit", path.name, "--format", "json"], cwd=tmp_path,
                         capture_output=True, text=True, env=env, timeout=120)
    assert cli.returncode == 0, cli.stderr
    with path.open("rb") as upload:
        response = client.post("/api/audit", {"file": upload, "profile": "central"}, **auth(world, "unit"))
    assert response.status_code == 200, response.content[:300]
    assert response.json() == json.loads(cli.stdout)
    assert response.json()["summary"] == {"error": 1, "warning": 0, "notice": 0}
    assert str(tmp_path) not in response.content.decode()


def test_audit_refusals(client, world, tmp_path):
    headers = auth(world, "unit")
    path = tmp_path / "说明.txt"
    path.write_text("这是一段无法识别类型的文字。", encoding="utf-8")
    with path.open("rb") as upload:
        unreadable = client.post("/api/audit", {"file": upload}, **headers)
    assert unreadable.status_code == 422 and unreadable.json()["code"] == "unreadable"
    assert str(tmp_path) not in unreadable.content.decode() and "/tmp" not in unreadable.json()["detail"]
    with path.open("rb") as upload:
        bad_profile = client.post("/api/audit", {"file": upload, "profile": "../../etc/passwd"}, **headers)
    assert bad_profile.status_code == 422 and "未知的地区配置" in bad_profile.json()["detail"]
    exe = tmp_path / "a.exe"
    exe.write_bytes(b"MZ")
    with exe.open("rb") as upload:
        assert client.post("/api/audit", {"file": upload}, **headers).json()["code"] == "unsupported_format"
    with path.open("rb") as upload:
        assert client.post("/api/audit", {"file": upload}).status_code == 401


@pytest.mark.parametrize("role", ["unit", "finance"])
def test_document_release_blocked_names_the_findings(client, stages, world, role):
    """A self-evaluation report of a project without actuals is refused by the gate: 409 with its findings."""
    project = stages["国库项目"]["project"]
    response = client.get(f"/api/documents/selfeval/{project.pk}?format=docx", **auth(world, role))
    assert response.status_code in (200, 409)
    if response.status_code == 409:
        body = response.json()
        assert body["code"] == "release_blocked" and "未通过发布前审核" in body["detail"]
        fingerprints = {w["fingerprint"]: "已核实" for w in body["warnings"]}
        if fingerprints and not body["errors"] and not body["differences"]:
            saved = send(client, "post", f"/api/documents/selfeval/{project.pk}/explanations",
                         {"explanations": fingerprints}, auth(world, role))
            assert saved.json()["saved"] == len(fingerprints)
            again = client.get(f"/api/documents/selfeval/{project.pk}?format=docx", **auth(world, role))
            assert again.status_code == 200
    assert client.get(f"/api/documents/selfeval/{project.pk}?format=exe", **auth(world, role)).status_code == 422
