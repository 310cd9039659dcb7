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


def ledger_file(department_name):
    import json
    from importlib.resources import files

    from django.core.files.uploadedfile import SimpleUploadedFile

    data = json.loads(files("jixiao.data").joinpath("demo", "disclosure_ledger.json").read_text(encoding="utf-8"))
    data["department"] = department_name
    return SimpleUploadedFile("台账.json", json.dumps(data, ensure_ascii=False).encode("utf-8"))


def test_ledger_upload_gives_the_ratios_and_the_package_through_the_gate(client, world):
    from io import BytesIO

    from openpyxl import load_workbook

    department = world["projects"]["国库项目"].unit.department
    client.force_login(world["accounts"]["department"].user)
    url = f"/departments/{department.pk}/"
    page = client.post(url, {"ledger": ledger_file(department.name)}, follow=True).content.decode()
    assert "已保存 2024 年决算台账" in page
    page = client.get(url, {"year": 2024}).content.decode()
    assert "100.00%" in page and "-18.33%" in page  # 三公 4.90 of 4.90 budgeted; (4.90 − 6.00) ÷ 6.00
    package = f"/documents/disclosure/{department.pk}/?year=2024&format=docx"
    blocked = client.get(package)
    text = blocked.content.decode()
    assert blocked.status_code == 409 and "公务用车运行维护费" in text  # a warning needs a written explanation
    fingerprints = [part.split('"')[0] for part in text.split('name="explain_')[1:]]
    client.post(package, {"document": f"disclosure:{department.pk}:2024",
                          **{f"explain_{f}": "差额为项目支出中的公务用车运行维护费" for f in fingerprints}})
    assert client.get(package).status_code == 200
    workbook = client.get(package.replace("format=docx", "format=xlsx"))
    assert workbook.status_code == 200
    sheets = load_workbook(BytesIO(b"".join(workbook.streaming_content))).sheetnames
    assert len([s for s in sheets if "公开" in s]) == 10


def test_ledger_of_another_department_or_broken_is_refused(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from jixiao.store.models import DepartmentLedger

    department = world["projects"]["国库项目"].unit.department
    client.force_login(world["accounts"]["finance"].user)
    url = f"/departments/{department.pk}/"
    page = client.post(url, {"ledger": ledger_file("乙县交通局")}, follow=True).content.decode()
    assert "台账未保存" in page and "不是“甲县财政局”的" in page
    page = client.post(url, {"ledger": SimpleUploadedFile("x.json", b"{not json")}, follow=True).content.decode()
    assert "不是有效的 JSON 文件：第 1 行第 2 列格式有误" in page
    assert not DepartmentLedger.objects.exists()
    client.force_login(world["accounts"]["unit"].user)
    assert client.post(url, {"ledger": ledger_file(department.name)}).status_code == 404
