"""Master data (codes by year from CSV, the indicator library, fiscal years), the audit trail page, API tokens,
and the demo world rendering every page for every demo account."""

from __future__ import annotations

import re

import pytest

from jixiao.store.errors import ServiceError
from jixiao.store.masterdata import load_bundled, load_codes
from jixiao.store.models import ClassificationCode, IndicatorTemplate
from tests.web.conftest import goal_draft


def test_bundled_codes_and_library_load_once(db):
    load_bundled()
    load_bundled()
    functions = ClassificationCode.objects.filter(year=2024, kind="function")
    assert functions.get(code="2011308").name == "招商引资" and functions.get(code="201").depth == 0
    assert ClassificationCode.objects.filter(year=2024, kind="economic", code="30217").get().name == "公务接待费"
    assert IndicatorTemplate.objects.count() >= 150
    assert set(IndicatorTemplate.objects.values_list("level1", flat=True)) == {"产出指标", "效益指标", "满意度指标"}


def test_codes_csv_is_all_or_nothing(db):
    assert load_codes("code,name\n201,一般公共服务支出\n20101,人大事务\n", 2025, "function") == 2
    with pytest.raises(ServiceError, match="3、5 或 7 位数字：2010"):
        load_codes("code,name\n201,一般公共服务支出\n2010,错误\n", 2025, "function")
    with pytest.raises(ServiceError, match="表头缺少列 name"):
        load_codes("code,title\n201,x\n", 2025, "function")
    assert list(ClassificationCode.objects.filter(year=2025).values_list("code", flat=True)) == ["201", "20101"]


def test_history_page_shows_who_changed_what(client, world):
    from jixiao.store.goals import save_goal

    project = world["projects"]["国库项目"]
    unit = world["accounts"]["unit"].user
    save_goal(project, goal_draft(annual_goal="第一版目标"), project.version, unit)
    project.refresh_from_db()
    save_goal(project, goal_draft(annual_goal="第二版目标"), project.version, unit)
    client.force_login(world["accounts"]["department"].user)
    page = client.get(f"/projects/{project.pk}/history/").content.decode()
    assert "年度绩效目标：第一版目标 → 第二版目标" in page and "u_unit" in page and "绩效指标：升级系统数" in page


def test_pages_for_master_data_and_tokens(client, world):
    load_bundled()
    client.force_login(world["accounts"]["unit"].user)
    assert "招商引资" in client.get("/codes/?year=2024&kind=function").content.decode()
    assert "服务对象满意度" in client.get("/library/?q=满意度").content.decode()
    page = client.post("/account/tokens/", {"name": "脚本"}).content.decode()
    token = page.split('id="new-token">')[1].split("<")[0]
    assert client.get("/api/projects", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    assert token not in client.get("/account/tokens/").content.decode()  # shown once only


def test_api_docs_page_is_served_from_own_static_files(client, world):
    client.force_login(world["accounts"]["unit"].user)
    page = client.get("/api/docs").content.decode()
    # nothing from another host (a random CSRF token may well contain the letters “cdn”)
    assert "swagger-ui-bundle.js" in page and not re.search(r"(src|href)=[\"']?(https?:)?//", page)


DEMO_PAGES = ("/", "/?status=returned", "/?sort=-budget", "/library/", "/codes/", "/account/tokens/",
              "/reviews/statistics/", "/projects/new/", "/dashboard/", "/monitoring/", "/monitoring/?state=cleared",
              "/evaluations/", "/results/", "/results/?status=overdue", "/changes/", "/changes/?format=xlsx")
PROJECT_PAGES = ("/projects/{pk}/", "/projects/{pk}/history/", "/projects/{pk}/exante/",
                 "/projects/{pk}/monitoring/2/", "/projects/{pk}/selfeval/")


def test_demo_world_renders_every_page_for_every_account(client, db):
    from django.contrib.auth import get_user_model

    from jixiao.cli.demo import demo_document
    from jixiao.store.access import visible_evaluations, visible_projects
    from jixiao.store.demo import load_demo

    accounts = load_demo(demo_document())
    user_model = get_user_model()
    for username, _, _ in accounts:
        user = user_model.objects.get(username=username)
        client.force_login(user)
        for url in DEMO_PAGES:
            assert client.get(url).status_code in (200, 403), (username, url)
        projects = list(visible_projects(user).order_by("status", "pk"))[:: 40]
        for project in projects:
            for url in PROJECT_PAGES:
                assert client.get(url.format(pk=project.pk)).status_code in (200, 404), (username, url)
        for evaluation in visible_evaluations(user):
            assert client.get(f"/evaluations/{evaluation.pk}/").status_code == 200
    client.force_login(user_model.objects.get(username="demo_finance"))
    stats = client.get("/reviews/statistics/").content.decode()
    assert "一审" in stats and "二审" in stats and stats.count("<svg") == 2
    board = client.get("/monitoring/").content.decode()  # the demo shows warnings, cleared ones and actions
    assert "红色" in board and "预算执行进度滞后" in board and "部门主动申请调减预算额度" in board
    assert "已解除" in client.get("/monitoring/?state=cleared").content.decode()
    evaluations = client.get("/evaluations/").content.decode()
    assert all(grade in evaluations for grade in ("优", "良", "中", "差")) and "评价中" in evaluations
    results = client.get("/results/?as_of=2026-11-25").content.decode()
    assert "逾期未完成" in results and "已完成" in results and "扣减不高于10%" in results
    dashboard = client.get("/dashboard/").content.decode()
    assert dashboard.count('class="chart-box"') >= 5 and "预算执行率（%，按部门）" in dashboard


def test_master_data_admin_is_for_the_admin_role_only(client, world):
    client.force_login(world["accounts"]["admin"].user)
    page = client.get("/admin/store/unit/").content.decode()
    assert "甲县国库中心" in page and "基础数据管理" in page
    assert client.get("/admin/store/project/").status_code == 404  # projects change only through the workflow
    assert client.get("/admin/store/historicalproject/").status_code == 404  # history never changes
    for role in ("unit", "department", "finance", "evaluator"):
        client.force_login(world["accounts"][role].user)
        response = client.get("/admin/store/unit/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
