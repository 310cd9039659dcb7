"""In chromium at 1024 px: every role's navigation on one line above its work queue; a click on a chart's bar
lists the projects behind it; a unit's request for its ex-ante assessment reaches the finance bureau's queue."""

from __future__ import annotations

import pytest

from jixiao.store.models import MonitoringWarning, Project

ROLES = {"u_unit": {"fill", "rectify", "warnings"}, "u_department": {"review", "rectify", "warnings"},
         "u_finance": {"review", "exante", "warnings", "rectify"}, "u_evaluator": {"score"},
         "u_admin": {"review", "exante", "warnings", "rectify"}}


def _vendored() -> None:
    """ECharts installed by `make vendor`; skip locally without it, fail where browsers are required (CI)."""
    import os

    from jixiao.web.templatetags.vendor import vendored

    if not vendored("echarts/echarts.min.js"):
        if os.environ.get("JIXIAO_REQUIRE_BROWSER") == "1":
            pytest.fail("ECharts is not installed in static/vendor: run `make vendor`")
        pytest.skip("ECharts not installed (make vendor)")


@pytest.mark.browser
def test_each_role_sees_its_menu_on_one_line_and_its_work_queue_at_1024_px(browser, world):
    from playwright.sync_api import expect

    page = browser.page
    page.set_viewport_size({"width": 1024, "height": 768})
    for username, queues in ROLES.items():
        browser.login(username)
        page.goto(f"{browser.url}/dashboard/")
        expect(page.locator("h1")).to_have_text("工作台")
        items = page.locator("header nav > *")
        boxes = [items.nth(i).bounding_box() for i in range(items.count())]
        assert len(boxes) >= 4, username
        tops = {round(b["y"]) for b in boxes}
        heights = {round(b["height"]) for b in boxes}
        assert max(tops) - min(tops) <= 2 and max(heights) <= 30, (username, tops, heights)  # one line, no wrap
        header = page.locator("header").bounding_box()
        logout = page.locator("header form").bounding_box()
        assert header["height"] <= 56, (username, header)
        assert max(b["x"] + b["width"] for b in boxes) < logout["x"] <= 1024, username  # nothing overlaps
        assert page.evaluate("document.documentElement.scrollWidth") <= 1024, username  # no sideways scrolling
        shown = {k.removeprefix("queue-") for k in page.locator("#work-queue .queue").evaluate_all(
            "els => els.map(e => e.id)")}
        assert shown == queues, (username, shown)
        assert page.locator("#work-queue").bounding_box()["y"] < 200, username  # the page opens with it
        # The grouped menu opens on hover and its links work.
        group = page.locator("header .menu", has_text="目标管理")
        group.hover()
        expect(group.locator(".submenu a", has_text="项目库")).to_be_visible()
    assert not browser.errors


@pytest.mark.browser
def test_a_click_on_a_chart_bar_lists_its_projects(browser, world):
    from playwright.sync_api import expect

    _vendored()
    project = world["projects"]["国库项目"]
    MonitoringWarning.objects.create(project=project, key="lag", kind="lag", kind_label="执行进度落后",
                                     colour="red", message="执行率落后时间进度 25 个百分点", raised_period=2,
                                     latest_period=2)
    page = browser.page
    page.set_viewport_size({"width": 1024, "height": 900})
    browser.login("u_finance")
    page.goto(f"{browser.url}/dashboard/")
    chart = page.locator('figure[data-chart="chart-warnings"] .echart')
    expect(chart).to_be_visible()
    assert not page.locator('figure[data-chart="chart-warnings"] svg.chart').is_visible()  # ECharts replaced it
    # Where ECharts drew the red bar (index 0, value 1): ask the chart, then click there.
    x, y = page.evaluate("""el => {
        const chart = echarts.getInstanceByDom(el);
        const end = chart.convertToPixel({seriesIndex: 0}, [1, 0]);
        const start = chart.convertToPixel({seriesIndex: 0}, [0, 0]);
        return [(start[0] + end[0]) / 2, end[1]];
    }""", chart.element_handle())
    box = chart.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    drill = page.locator("#drill-warnings")
    expect(drill.locator("h3")).to_have_text("红色：1条，1 个项目")
    expect(drill.locator("a")).to_have_text("国库项目")
    assert drill.locator("a").get_attribute("href") == f"/projects/{project.pk}/"
    colour = page.evaluate("""el => echarts.getInstanceByDom(el).getOption().series[0].data[0].itemStyle.color""",
                           chart.element_handle())
    assert colour == "#c2412d"  # red warnings in red
    # The warning board draws the same chart; its bars lead to the project's monitoring period.
    page.goto(f"{browser.url}/monitoring/")
    board = page.locator('figure[data-chart="chart-warnings"] .echart')
    expect(board).to_be_visible()
    x, y = page.evaluate("""el => echarts.getInstanceByDom(el).convertToPixel({seriesIndex: 0}, [0.5, 0])""",
                         board.element_handle())
    box = board.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)
    expect(page.locator("#drill-warnings a")).to_have_attribute("href", f"/projects/{project.pk}/monitoring/2/")
    assert not browser.errors


@pytest.mark.browser
def test_the_units_exante_request_reaches_the_finance_queue(browser, world):
    from playwright.sync_api import expect

    project = world["projects"]["国库项目"]
    Project.objects.filter(pk=project.pk).update(needs_ex_ante=True)
    page = browser.page
    page.set_viewport_size({"width": 1024, "height": 800})
    browser.login("u_unit")
    page.goto(f"{browser.url}/projects/{project.pk}/")
    page.click("text=事前绩效评估（必需）")
    expect(page.locator("#exante-status")).to_have_text("尚未评估，也未申请")
    expect(page.locator("#exante-state")).to_contain_text("第三方机构")
    page.fill("#exante-request input[name=note]", "申报材料已备齐")
    page.click("#exante-request button")
    expect(page.locator("#exante-status")).to_contain_text("已申请，等待财政部门安排")
    browser.login("u_finance")
    page.goto(f"{browser.url}/dashboard/")
    task = page.locator("#queue-exante")
    expect(task.locator(".count")).to_have_text("1")
    task.locator("a", has_text="国库项目").click()
    expect(page.locator("h1")).to_have_text("事前绩效评估：国库项目")
    expect(page.locator("#exante-status")).to_contain_text("已申请，等待财政部门安排")
    assert not browser.errors


@pytest.mark.browser
def test_the_goal_editor_and_its_check_panel_do_not_overlap_at_1024_px(browser, world):
    page = browser.page
    page.set_viewport_size({"width": 1024, "height": 800})
    browser.login("u_unit")
    page.goto(f"{browser.url}/projects/{world['projects']['国库项目'].pk}/goal/")
    table, panel = page.locator("table.indicators").bounding_box(), page.locator("#checks").bounding_box()
    apart = (panel["y"] + panel["height"] <= table["y"] or table["x"] + table["width"] <= panel["x"])
    assert apart, (table, panel)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024
    assert not browser.errors
