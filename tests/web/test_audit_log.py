"""修改记录 (changes/): every change to projects, indicators and fund sources in a period, with the user and the
values before and after; scoped like the projects; filterable by user and dates; exported to Excel; and
read-only — no URL or form edits or deletes history."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from jixiao.store.history import bump_version
from jixiao.store.models import FundSource, Indicator, Project, Role, Unit
from jixiao.store.services import create_account
from tests.web.conftest import goal_draft
from tests.web.test_project_import import FUNDS, ROWS, filled, upload

HISTORY_MODELS = (Project, Indicator, FundSource)


@pytest.fixture
def changed(client, world):
    """The unit imports two projects with fund sources and edits a goal twice; an admin renames a project of
    the other county and deletes one of the unit's."""
    from jixiao.store.goals import save_goal

    unit = world["accounts"]["unit"].user
    client.force_login(unit)
    assert upload(client, filled(client, ROWS, FUNDS)).status_code == 302
    project = world["projects"]["国库项目"]
    save_goal(project, goal_draft(annual_goal="第一版目标"), project.version, unit)
    project.refresh_from_db()
    save_goal(project, goal_draft(annual_goal="第二版目标"), project.version, unit)
    admin = world["accounts"]["admin"].user
    road = world["projects"]["公路项目"]
    bump_version(road, road.version, admin, "更名", name="公路养护项目")
    doomed = Project.objects.get(code="GK-002")
    doomed._history_user = admin
    doomed.delete()
    client.logout()
    return world


def rows_of(client, query=""):
    response = client.get(f"/changes/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_changes_show_user_object_and_before_after(client, changed):
    client.force_login(changed["accounts"]["finance"].user)
    page = rows_of(client)
    assert "年度绩效目标：第一版目标 → 第二版目标" in page and "u_unit" in page
    assert "资金来源：一般公共预算（县级）" in page and "金额（元）：（空） → 1,000,000.00" in page
    assert "项目：国库支付系统升级" in page and "全年预算数（元）：（空） → 1,500,000.00" in page
    assert "删除" in page and "国库业务培训（GK-002）（已删除）" in page  # a deleted project's history stays
    assert "公路" not in page  # another county
    client.force_login(changed["accounts"]["admin"].user)
    page = rows_of(client, "?user=u_admin")
    assert "项目名称：公路项目 → 公路养护项目" in page and "修改（更名）" in page and "u_unit" not in page
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert "该时间段内没有修改记录" in rows_of(client, f"?since={tomorrow}&until={tomorrow}")
    assert client.get("/changes/?since=2025-13-01").status_code == 400
    assert client.get(f"/changes/?since={tomorrow}&until=2020-01-01").status_code == 400


def test_excel_export_lists_each_changed_field(client, changed):
    client.force_login(changed["accounts"]["department"].user)
    response = client.get("/changes/?format=xlsx&user=u_unit")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    sheet = load_workbook(BytesIO(response.content)).active
    header = [c.value for c in sheet[2]]
    lines = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert {"修改人": "u_unit", "字段": "年度绩效目标", "修改前": "第一版目标", "修改后": "第二版目标"}.items() <= next(
        line for line in lines if line["字段"] == "年度绩效目标" and line["修改前"] == "第一版目标").items()
    assert all(line["修改人"] == "u_unit" for line in lines)
    assert not any("公路" in str(line["项目"]) for line in lines)


def test_a_unit_sees_only_its_own_units_changes(client, changed):
    other = create_account("u_unit2", "pw-other-unit", Role.UNIT, unit=Unit.objects.get(code="101002"))
    client.force_login(other.user)
    page = rows_of(client)
    assert "预算项目" in page  # its own unit's project, created by the fixture
    for secret in ("国库", "第二版目标", "GK-00", "u_unit<"):
        assert secret not in page
    export = load_workbook(BytesIO(client.get("/changes/?format=xlsx").content)).active
    assert {row[3] for row in export.iter_rows(min_row=3, values_only=True)} == {"预算项目"}
    client.force_login(changed["accounts"]["unit"].user)
    assert "第二版目标" in rows_of(client) and "公路" not in rows_of(client)
    client.force_login(changed["accounts"]["evaluator"].user)
    assert client.get("/changes/").status_code == 403
    client.logout()
    assert client.get("/changes/").status_code == 302


def history_counts():
    return [model.history.count() for model in HISTORY_MODELS]


def test_no_url_or_form_edits_or_deletes_history(client, changed):

    client.force_login(changed["accounts"]["admin"].user)
    before = history_counts()
    pk = changed["projects"]["国库项目"].pk
    for url in ("/changes/", f"/projects/{pk}/history/"):
        for method in ("post", "put", "patch", "delete"):
            response = getattr(client, method)(url, {"history_id": 1, "history_type": "-"})
            assert response.status_code == 405, (method, url)
        page = client.get(url).content.decode()
        assert page.count('method="post"') == 1 and 'action="/logout/"' in page  # the only form: log out
    assert history_counts() == before
    from django.contrib import admin

    assert not [m for m in admin.site._registry if m.__name__.startswith("Historical")]  # master-data admin only
    paths = client.get("/api/openapi.json").json()["paths"]
    assert not [p for p in paths if "history" in p or "change" in p]


def test_a_page_of_changes_costs_a_fixed_number_of_queries(client, changed, django_assert_max_num_queries):
    client.force_login(changed["accounts"]["admin"].user)
    with django_assert_max_num_queries(20):
        page = rows_of(client)
    assert page.count("<tr>") > 20
