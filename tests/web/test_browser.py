"""In Debian's chromium: a unit user logs in, sees only its projects, opens one and reads the recomputed score."""

from __future__ import annotations

import pytest

from tests.conftest import require_browser
from tests.web.conftest import PASSWORD


@pytest.mark.browser
def test_unit_user_logs_in_and_reads_the_recomputed_score(live_server, world, transactional_db):
    chromium = require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = browser.new_page()
            page.goto(f"{live_server.url}/")
            assert "登录" in page.content()
            page.fill("input[name=username]", "u_unit")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_selector("text=项目库")
            assert "国库项目" in page.content() and "公路项目" not in page.content()
            page.click("text=国库项目")
            page.wait_for_selector("text=自评重算")
            assert "63.16%" in page.content()
        finally:
            browser.close()
