"""In Debian's chromium, the rest of what issue 14 found, each reproduced and shown fixed (test_browser_cycle.py has
the others): a weight of 1e20 is refused and the project stays readable; a released document holds no slot for a
person to fill, the blocked one points to the fields; changing one indicator logs one entry; a port in use is
refused with one Chinese line while the running server keeps serving. One browser per module (conftest)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from urllib.parse import urlparse

import pytest

from jixiao.store.models import Project

pytestmark = pytest.mark.browser


def expect():
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect


def settled_fill(page, locator, value: str) -> None:
    """Type into a goal-editor field and let its live check (htmx, 400 ms after typing or on change) finish before
    the form is submitted: the test server shares one SQLite connection between its threads."""
    with page.expect_response(lambda r: "/check" in r.url):
        locator.fill(value)
        locator.press("Tab")
    page.wait_for_timeout(600)


def test_a_weight_of_1e20_is_refused_and_the_project_stays_readable(browser, world, submitted_ready):
    page, base = browser.page, browser.url
    browser.login("u_unit")
    page.goto(f"{base}/projects/{submitted_ready.pk}/goal/")
    weights_before = list(submitted_ready.indicators.order_by("position").values_list("weight", flat=True))
    for typed in ("1e20", "NaN", "-15"):
        settled_fill(page, page.locator("input[name=weight]").first, typed)
        page.click("button:has-text('保存绩效目标')")
        expect()(page.locator("body")).to_contain_text("分值")
        expect()(page.locator("body")).not_to_contain_text("绩效目标已保存")  # was saved, then every page 500
    assert list(submitted_ready.indicators.order_by("position").values_list("weight", flat=True)) == weights_before
    for url in (f"/projects/{submitted_ready.pk}/", f"/projects/{submitted_ready.pk}/history/", "/changes/",
                f"/api/projects/{submitted_ready.pk}/goal"):
        assert page.goto(f"{base}{url}").status == 200, url
    assert browser.errors == []


def test_the_project_form_refuses_what_it_used_to_change_silently(browser, world):
    page, base = browser.page, browser.url
    browser.login("u_unit")
    page.goto(f"{base}/projects/new/")
    page.fill("input[name=year]", "2025")
    page.fill("input[name=code]", "GK-1E20")
    page.fill("input[name=name]", "长" * 5000)  # the model holds 200
    page.fill("input[name=initial_budget]", "1e20")  # was saved as 1.00 元
    page.fill("input[name=adjusted_budget]", "99999999999999999999999")  # was a 500
    page.click("button:has-text('保存')")
    errors = page.locator("ul.errors li")
    expect()(errors.filter(has_text="年初预算数")).to_have_count(1)
    expect()(errors.filter(has_text="全年预算数")).to_have_count(1)
    expect()(errors.filter(has_text="项目名称最多")).to_have_count(1)
    assert not Project.objects.filter(code="GK-1E20").exists()
    assert browser.errors == []


def test_a_released_document_has_no_slot_and_the_blocked_one_points_to_the_fields(browser, world, submitted_ready):
    from docx import Document as Docx

    from jixiao.profiles import load_profile
    from jixiao.store.evaluation import add_finding, create_evaluation, finalise, framework_of, submit_scores

    central = load_profile("central")
    Project.objects.filter(pk=submitted_ready.pk).update(status="approved", executed=Decimal(1500000))
    project = Project.objects.get(pk=submitted_ready.pk)
    evaluator, finance = world["accounts"]["evaluator"].user, world["accounts"]["finance"].user
    evaluation = create_evaluation(project, [evaluator], finance, "amount")
    submit_scores(evaluation, {path.split("/")[2]: w for path, w in framework_of(evaluation, central).items()},
                  evaluator, central)
    add_finding(evaluation, "funds", "资金支付进度滞后", evaluator)
    finalise(evaluation, date(2026, 1, 10), finance, central)
    page, base = browser.page, browser.url
    browser.login("u_finance")
    page.goto(f"{base}/evaluations/{evaluation.pk}/")
    with page.expect_navigation():
        page.click("a:has-text('下载 Word')")
    expect()(page.locator("#release-errors")).to_contain_text("【请评价组填写主要经验及做法】")  # was released with it
    page.click("#fill-fields a")
    page.fill("textarea[name=experience]", "按季度调度资金，支付台账完整。")
    page.fill("textarea[name=advice]", "建立支付进度月报制度。")
    page.click("button:has-text('保存报告内容')")
    expect()(page.locator(".messages")).to_contain_text("评价报告内容已保存")
    with page.expect_download() as download:
        page.click("a:has-text('下载 Word')")
    text = "\n".join(p.text for p in Docx(download.value.path()).paragraphs)
    assert "按季度调度资金，支付台账完整。" in text and "建立支付进度月报制度。" in text and "【请" not in text
    assert browser.errors == []


def test_changing_one_indicator_value_logs_one_entry(browser, world, submitted_ready):
    page, base = browser.page, browser.url
    browser.login("u_unit")
    history = f"{base}/projects/{submitted_ready.pk}/history/"
    page.goto(history)
    rows = page.locator("table").first.locator("tbody tr")
    before = rows.count()
    page.goto(f"{base}/projects/{submitted_ready.pk}/goal/")
    settled_fill(page, page.locator("input[name=value]").nth(1), "98")  # 验收合格率 ≥95% → ≥98%
    page.click("button:has-text('保存绩效目标')")
    expect()(page.locator(".messages")).to_contain_text("绩效目标已保存")
    page.goto(history)
    expect()(rows).to_have_count(before + 1)  # was 5 deletions, 5 insertions and an empty 修改 row
    changed = rows.filter(has_text="指标值：≥95% → ≥98%")
    expect()(changed).to_have_count(1)
    expect()(changed).to_contain_text("修改")
    expect()(changed).to_contain_text("验收合格率")
    assert browser.errors == []


def test_a_port_in_use_is_refused_and_the_running_server_keeps_serving(browser, world, tmp_path):
    from tests.cli.test_serve import env_for

    page, base = browser.page, browser.url
    port = urlparse(base).port
    done = subprocess.run([sys.executable, "-m", "jixiao", "serve", "--port", str(port)], env=env_for(tmp_path),
                          capture_output=True, text=True, timeout=120)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 2 and len(lines) == 1 and f"端口 {port} 已被占用" in lines[0]  # was a traceback, 0
    browser.login("u_unit")  # the server that holds the port is untouched
    expect()(page.locator("body")).to_contain_text("国库项目")
    assert browser.errors == []
