"""In Debian's chromium: a unit user logs in, sees only its projects, opens one and reads the recomputed score."""

from __future__ import annotations

import pytest

from tests.web.conftest import PASSWORD


@pytest.mark.browser
def test_unit_user_logs_in_and_reads_the_recomputed_score(browser, world):
    from decimal import Decimal

    from jixiao.store.models import SelfEvaluationRecord

    # A score is shown once the unit has self-evaluated (test_cycle shows the page before that).
    SelfEvaluationRecord.objects.create(project=world["projects"]["国库项目"], total=Decimal("70.32"), grade="中",
                                        submitted_by=world["accounts"]["unit"].user)
    page = browser.page
    page.goto(f"{browser.url}/")
    assert "登录" in page.content()
    page.fill("input[name=username]", "u_unit")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('项目库')")
    assert "国库项目" in page.content() and "公路项目" not in page.content()
    page.click("text=国库项目")
    page.wait_for_selector("text=自评重算")
    assert "63.16%" in page.content() and browser.errors == []
