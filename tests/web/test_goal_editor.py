"""The goal editor: live goal-quality checks as the user types, rows from the library, weight totals, no lost
updates, clear errors."""

from __future__ import annotations

from jixiao.store.models import Indicator, IndicatorTemplate, Project
from tests.web.conftest import GOOD_GOAL


def post(client, project, action="save", **changes):
    data = {**GOOD_GOAL, **changes, "version": changes.get("version", project.version), "action": action}
    return client.post(f"/projects/{project.pk}/goal/", data)


def test_live_check_warns_about_a_vague_indicator_and_clears_when_fixed(client, world):
    client.force_login(world["accounts"]["unit"].user)
    project = world["projects"]["国库项目"]
    vague = {**GOOD_GOAL, "operator": ["定性", *GOOD_GOAL["operator"][1:]], "value": ["提高", *GOOD_GOAL["value"][1:]]}
    page = client.post(f"/projects/{project.pk}/goal/check/", vague, HTTP_HX_REQUEST="true").content.decode()
    assert "goals.t03_measurable" in page and "升级系统数" in page
    page = client.post(f"/projects/{project.pk}/goal/check/", GOOD_GOAL, HTTP_HX_REQUEST="true").content.decode()
    assert "goals.t03_measurable" not in page and "未发现问题" in page and ">90<" in page


def test_weight_total_is_shown(client, world):
    client.force_login(world["accounts"]["unit"].user)
    project = world["projects"]["国库项目"]
    page = client.post(f"/projects/{project.pk}/goal/check/", {**GOOD_GOAL, "weight": ["20"] * 5}).content.decode()
    assert ">100<" in page and "weights bad" in page


def test_save_replaces_the_indicator_tree_and_bumps_the_version(client, world):
    client.force_login(world["accounts"]["unit"].user)
    project = world["projects"]["国库项目"]
    response = post(client, project)
    assert response.status_code == 302
    saved = Project.objects.get(pk=project.pk)
    assert saved.version == project.version + 1
    assert [i.target for i in saved.indicators.all()] == ["=3套", "≥95%", "≤150万元", "≤0.1%", "≥90%"]


def test_second_save_from_a_stale_page_is_refused_and_nothing_is_overwritten(client, world):
    client.force_login(world["accounts"]["unit"].user)
    project = world["projects"]["国库项目"]
    assert post(client, project).status_code == 302
    response = post(client, project, name=["改名", *GOOD_GOAL["name"][1:]])  # same old version
    assert response.status_code == 409 and "已被他人修改" in response.content.decode()
    assert not Indicator.objects.filter(project=project, name="改名").exists()


def test_add_from_library_and_remove_rows_without_saving(client, world):
    client.force_login(world["accounts"]["unit"].user)
    project = world["projects"]["国库项目"]
    template = IndicatorTemplate.objects.create(level1="产出指标", level2="时效指标", name="按期完成率", operator="=",
                                                unit="%", typical_target="=100%")
    page = post(client, project, "add", template=str(template.pk)).content.decode()
    assert 'value="按期完成率"' in page and 'value="100"' in page
    page = post(client, project, "remove-0").content.decode()
    assert 'value="升级系统数"' not in page
    assert Project.objects.get(pk=project.pk).version == project.version  # nothing saved


def test_bad_number_is_a_clear_error(client, world):
    client.force_login(world["accounts"]["unit"].user)
    project = world["projects"]["国库项目"]
    response = post(client, project, value=["若干", *GOOD_GOAL["value"][1:]])
    assert response.status_code == 400 and "第1行指标：定量指标的指标值“若干”不是数字" in response.content.decode()


def test_only_the_owning_unit_edits_and_only_drafts(client, world):
    project = world["projects"]["国库项目"]
    for role in ("department", "finance", "admin"):
        client.force_login(world["accounts"][role].user)
        assert post(client, project).status_code == 403
    project.status = "approved"
    project.save()
    client.force_login(world["accounts"]["unit"].user)
    assert post(client, project).status_code == 403
    assert client.post(f"/projects/{project.pk}/goal/check/", GOOD_GOAL).status_code == 403
