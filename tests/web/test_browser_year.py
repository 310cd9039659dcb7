"""In Debian's chromium, one project through the year: ex-ante assessment by two experts, four quarterly reports
(a red warning raised in Q2 and cleared in Q3), a self-evaluation whose live total matches the scoring engine,
a key evaluation by a two-member team graded 中, a 10 % cut suggestion and a rectification item that goes
overdue. The goal review itself is walked in test_browser_review.py; here it runs through the services."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.workflow import Action
from jixiao.profiles import load_profile
from jixiao.scoring.keyeval import FUNDS_ITEMS
from jixiao.store.models import Project
from jixiao.store.review import Decision, act
from jixiao.store.services import create_account
from tests.web.conftest import PASSWORD

EXECUTED = ("300000", "400000", "1050000", "1400000")
EXPECTED = {"升级系统数": "3", "验收合格率": "96", "项目总成本": "140", "支付差错率": "0.05", "服务对象满意度": "92"}
ACTUAL = {"升级系统数": "3套", "验收合格率": "96%", "项目总成本": "140万元", "支付差错率": "0.05%", "服务对象满意度": "92%"}


@pytest.mark.browser
def test_one_project_through_the_year(browser, world, submitted_ready):
    from playwright.sync_api import expect

    jurisdiction = submitted_ready.unit.department.jurisdiction
    jurisdiction.profile = "kunming"
    jurisdiction.save()
    Project.objects.filter(pk=submitted_ready.pk).update(needs_ex_ante=True, adjusted_budget=Decimal(1500000),
                                                         initial_budget=Decimal(1500000))
    create_account("expert2", PASSWORD, "evaluator")
    pk = submitted_ready.pk
    base = browser.url
    page, login, errors = browser.page, browser.login, browser.errors

    # Ex-ante: two experts score five dimensions.
    login("u_finance")
    page.goto(f"{base}/projects/{pk}/exante/")
    page.fill("input[name=requested]", "1600000")
    page.fill("input[name=recommended]", "1500000")
    for n, (expert, score) in enumerate((("张专家", "18"), ("李专家", "16"))):
        page.locator("input[name=expert]").nth(n).fill(expert)
        for dim in ("立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性"):
            page.fill(f"input[name='score_{n}_{dim}']", score)
    page.click("button:has-text('计算并保存')")
    expect(page.locator("#exante-result")).to_contain_text("85.00")
    expect(page.locator("#exante-result")).to_contain_text("支持")
    expect(page.locator("#exante-result")).to_contain_text("100,000.00")

    # Goal review through the services (walked in the browser elsewhere).
    profile = load_profile("kunming")
    project = Project.objects.get(pk=pk)
    for who, action, score in (("unit", Action.SUBMIT, None), ("department", Action.APPROVE, None),
                               ("finance", Action.APPROVE, Decimal(92))):
        project = act(project, Decision(action, project.version, score=score),
                      world["accounts"][who].user, profile)

    # Four quarters.
    login("u_unit")
    for quarter, executed in enumerate(EXECUTED, start=1):
        page.goto(f"{base}/projects/{pk}/monitoring/{quarter}/")
        page.locator("input[name^=executed_]").fill(executed)
        for name, value in EXPECTED.items():
            page.fill(f"input[aria-label='{name}预计值']", value)
        page.click("button:has-text('保存监控数据')")
        expect(page.locator(".messages")).to_contain_text("监控数据已保存")
        lag = page.locator("#project-warnings tr", has_text="预算执行进度滞后")
        if quarter == 1:
            expect(lag).to_have_count(0)
        if quarter == 2:
            expect(lag).to_contain_text("红")
            expect(lag).to_contain_text("未解除")
        if quarter == 3:
            expect(lag).to_contain_text("第3期已解除")

    # Self-evaluation: the live total is the engine's.
    page.goto(f"{base}/projects/{pk}/selfeval/")
    page.fill("input[name=executed]", "1400000")
    for name, value in ACTUAL.items():
        page.fill(f"input[aria-label='{name}实际完成值']", value)
    expect(page.locator("#selfeval-total")).to_have_text("99.33")
    page.click("button:has-text('提交自评')")
    expect(page.locator(".messages")).to_contain_text("自评已提交")
    from jixiao.scoring.selfeval import score_self_evaluation
    from jixiao.store.mapping import self_evaluation

    engine = score_self_evaluation(self_evaluation(Project.objects.get(pk=pk)), profile)
    assert (engine.total, engine.grade) == (Decimal("99.33"), "优")

    # Finance selects the project and a two-member team.
    login("u_finance")
    page.goto(f"{base}/evaluations/?select=1&by=amount&year=2024&count=5")
    row = page.locator("tr", has_text="国库项目")
    row.locator("select[name=members]").select_option(label=["u_evaluator", "expert2"])
    row.locator("button:has-text('组织评价')").click()
    expect(page.locator("h1")).to_have_text("国库项目绩效评价")
    evaluation_url = page.url

    from jixiao.store.access import profile_of

    framework = profile_of(project).keyeval.framework
    for member, share in (("u_evaluator", Decimal("0.75")), ("expert2", Decimal("0.7"))):
        login(member)
        page.goto(evaluation_url)
        for path, weight in framework.items():
            if path.split("/")[2] in FUNDS_ITEMS:
                continue  # decided by the project's figures, not by the members
            page.fill(f"input[name='score_{path.split('/')[2]}']", f"{weight * share:f}")
        page.click("button:has-text('保存我的评分')")
        expect(page.locator(".messages")).to_contain_text("评分已保存")
    page.select_option("select[name=category]", label="资金管理")
    page.fill("input[name=description]", "资金支付进度滞后")
    page.click("button:has-text('登记问题')")
    expect(page.locator("#team-total")).to_have_text("73.98")

    login("u_finance")
    page.goto(evaluation_url)
    page.fill("input[name=report_date]", "2026-01-10")
    page.click("button:has-text('出具评价报告并应用结果')")
    expect(page.locator("#team-grade")).to_have_text("中")
    expect(page.locator("#suggestion")).to_contain_text("最高扣减 150,000.00 元")
    expect(page.locator("#suggestion")).to_contain_text("1,350,000.00")

    page.goto(f"{base}/results/?as_of=2026-03-10")
    expect(page.locator("#rectifications")).to_contain_text("整改中")
    page.goto(f"{base}/results/?as_of=2026-03-11")
    expect(page.locator("#rectifications tr", has_text="资金支付进度滞后")).to_contain_text("逾期未完成（1 天）")
    expect(page.locator("#overdue-count")).to_have_text("1")
    assert errors == []
