"""In Debian's chromium, the first workflow end to end: a unit creates a project, picks indicators from the library,
sees a goal-quality warning appear for a vague indicator as it types, fixes it, submits; the department passes it;
finance scores and returns it; the unit revises and resubmits; the second round approves. Screens are Chinese."""

from __future__ import annotations

import re

import pytest

LIBRARY = ("培训人次", "验收合格率", "按期完成率", "项目总成本", "受益群众人数", "服务对象满意度")
WEIGHTS = ("20", "10", "10", "10", "30", "10")


@pytest.mark.browser
def test_goal_review_two_rounds_in_the_browser(browser, world):
    from playwright.sync_api import expect

    from jixiao.store.masterdata import load_bundled

    load_bundled()
    page, login, live_url, errors = browser.page, browser.login, browser.url, browser.errors

    def logout():
        page.click("header button:has-text('退出')")
        expect(page.locator("h1")).to_have_text("登录")

    def open_project():
        page.goto(f"{live_url}/?q=国库支付系统升级")
        page.click("text=国库支付系统升级")

    # The unit registers the project.
    login("u_unit")
    page.click("text=新建项目")
    expect(page.locator("h1")).to_have_text("新建项目")
    page.fill("input[name=code]", "GK-2025-01")
    page.fill("input[name=name]", "国库支付系统升级")
    page.select_option("select[name=project_type]", "一次性项目")
    page.fill("input[name=initial_budget]", "1500000")
    page.fill("input[name=adjusted_budget]", "1500000")
    page.click("button:has-text('保存')")
    expect(page.locator("h1")).to_contain_text("绩效目标：国库支付系统升级")

    # Indicators from the library, weights typed; the live panel follows.
    for name in LIBRARY:
        label = page.locator("#template option", has_text=f" · {name}（").first.inner_text()
        page.select_option("#template", label=label)
        page.click("button:has-text('添加指标')")
        expect(page.locator("input[name=name]").last).to_have_value(name)
    for n, weight in enumerate(WEIGHTS):
        page.locator("input[name=weight]").nth(n).fill(weight)
    page.fill("textarea[name=annual_goal]", "完成国库支付系统升级，保障资金支付安全高效。")
    expect(page.locator("#weight-total")).to_have_text("90")
    findings = page.locator("#goal-findings")
    page.locator("select[name=operator]").first.select_option("定性")
    page.locator("input[name=value]").first.fill("提高")
    expect(findings.locator("[data-rule='goals.t03_measurable']")).to_be_visible()
    page.locator("select[name=operator]").first.select_option("≥")
    page.locator("input[name=value]").first.fill("500")
    expect(findings.locator("[data-rule='goals.t03_measurable']")).to_have_count(0)
    page.click("button:has-text('保存绩效目标')")
    expect(page.locator(".messages")).to_contain_text("绩效目标已保存")
    page.click("button:has-text('提交审核')")
    expect(page.locator("#project-status")).to_have_text("待主管部门审核")
    logout()

    # The department passes it to finance.
    login("u_department")
    open_project()
    page.fill("textarea[name=comment]", "同意报送")
    page.click("button:has-text('审核通过')")
    expect(page.locator("#project-status")).to_have_text("待财政审核")
    logout()

    # Finance scores 75 (中) and returns it with a cut.
    login("u_finance")
    open_project()
    page.fill("input[name=score]", "75")
    page.fill("input[name=cut_amount]", "300000")
    page.fill("textarea[name=comment]", "成本指标偏粗，请细化后重新报送")
    page.click("button:has-text('退回修改')")
    expect(page.locator("#project-status")).to_have_text("已退回修改")
    expect(page.locator("main")).to_contain_text("成本指标偏粗")
    logout()

    # The unit revises and resubmits: round 2.
    login("u_unit")
    open_project()
    page.click("text=编辑绩效目标")
    page.locator("input[name=value]").nth(3).fill("120")
    page.click("button:has-text('保存绩效目标')")
    page.click("button:has-text('提交审核')")
    expect(page.locator("main")).to_contain_text("第 2 轮")
    logout()

    login("u_department")
    open_project()
    page.click("button:has-text('审核通过')")
    logout()
    login("u_finance")
    open_project()
    page.fill("input[name=score]", "93")
    page.click("button:has-text('审核通过')")
    expect(page.locator("#project-status")).to_have_text("已批复")
    body = page.locator("main").inner_text()
    assert re.search(r"第1轮\s+财政审核\s+u_finance\s+退回修改\s+75", body)
    assert "待财政审核 → 已批复（第2轮）" in body

    # The statistics page shows both rounds with a chart.
    page.hover("header .menu:has-text('目标管理')")  # the menu groups pages by stage
    page.click("header .submenu >> text=审核统计")
    expect(page.locator("svg.chart")).to_have_count(2)
    expect(page.locator("main")).to_contain_text(re.compile(r"一审.*审减30(\.00)?万元，审减率20(\.00)?%", re.S))
    assert errors == []
