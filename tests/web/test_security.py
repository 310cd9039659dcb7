"""Security headers on every kind of response, session cookie and expiry rules, CSRF enforcement with a Chinese
refusal page, and login throttling (django-axes: five failures lock the account out, with a Chinese message)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client, override_settings
from django.utils import timezone

from tests.web.conftest import PASSWORD


def chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def assert_secure_headers(response) -> None:
    csp = response["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                      "form-action 'self'"):
        assert directive in csp, csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_headers_on_pages_errors_downloads_and_api(client, world):
    assert_secure_headers(client.get("/login/"))
    assert_secure_headers(client.get("/"))  # the redirect to the login page
    client.force_login(world["accounts"]["finance"].user)
    pk = world["projects"]["国库项目"].pk
    for url, status in (("/", 200), (f"/projects/{pk}/", 200), ("/changes/", 200), ("/projects/template.xlsx", 200),
                        ("/projects/999999/", 404), ("/api/projects", 200), ("/api/projects/999999", 404)):
        response = client.get(url)
        assert response.status_code == status, url
        assert_secure_headers(response)


def login(client: Client, username: str, password: str):
    return client.post("/login/", {"username": username, "password": password})


def test_session_cookie_is_http_only_same_site_and_ends_with_the_browser(client, world):
    response = login(client, "u_unit", PASSWORD)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax"
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert client.cookies["csrftoken"]["httponly"] is True
    session = Session.objects.get(pk=cookie.value)
    assert timedelta(hours=7, minutes=59) < session.expire_date - timezone.now() <= timedelta(hours=8)
    assert settings.SESSION_COOKIE_AGE == 8 * 3600


def test_an_expired_session_is_logged_out(client, world):
    login(client, "u_unit", PASSWORD)
    assert client.get("/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_logout_is_post_only_and_ends_the_session(client, world):
    login(client, "u_unit", PASSWORD)
    assert client.get("/logout/").status_code == 405
    assert client.post("/logout/").status_code == 302
    assert client.get("/").status_code == 302 and not Session.objects.exists()


@pytest.mark.parametrize("path", ["/login/", "/projects/new/", "/account/tokens/", "/projects/import/"])
def test_csrf_is_enforced_with_a_chinese_page(world, path):
    client = Client(enforce_csrf_checks=True)
    if path != "/login/":
        client.force_login(world["accounts"]["unit"].user)
    response = client.post(path, {"username": "u_unit", "password": PASSWORD, "name": "x"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "安全校验未通过" in page and chinese(page) and "Traceback" not in page and "Forbidden" not in page
    assert_secure_headers(response)


def test_csrf_token_from_the_page_is_accepted(world):
    client = Client(enforce_csrf_checks=True)
    client.get("/login/")
    token = client.cookies["csrftoken"].value
    response = client.post("/login/", {"username": "u_unit", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert response.status_code == 302


@override_settings(AXES_ENABLED=True)
def test_five_failed_logins_lock_the_account_out_in_chinese(client, world):
    from axes.models import AccessAttempt

    for attempt in range(1, 5):
        response = login(client, "u_unit", f"wrong-{attempt}")
        assert response.status_code == 200 and "用户名或密码不正确" in response.content.decode(), attempt
    response = login(client, "u_unit", "wrong-5")
    page = response.content.decode()
    assert response.status_code == 429 and "登录失败次数过多" in page and "15 分钟后再试" in page
    assert "Account locked" not in page and chinese(page)
    assert_secure_headers(response)
    assert login(client, "u_unit", PASSWORD).status_code == 429  # the right password is refused while locked
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="u_unit").failures_since_start >= 5
    other = Client(REMOTE_ADDR="10.0.0.9")  # the lock is per user name too: another address is refused as well
    assert login(other, "u_unit", PASSWORD).status_code == 429
    assert login(other, "u_finance", PASSWORD).status_code == 302  # other users are not locked out


def test_production_settings_pass_the_deploy_check(tmp_path):
    """`jixiao manage check --deploy` is clean with the production environment (TLS behind a proxy)."""
    import os
    import secrets
    import subprocess
    import sys

    from tests.conftest import REPO

    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_"))}
    env.update(PYTHONPATH=str(REPO / "src"), JIXIAO_HTTPS="1", JIXIAO_SECRET_KEY=secrets.token_urlsafe(60),
               JIXIAO_DATA_DIR=str(tmp_path), JIXIAO_ALLOWED_HOSTS="jixiao.example.gov.cn")
    result = subprocess.run([sys.executable, "-m", "jixiao", "manage", "check", "--deploy", "--fail-level",
                             "WARNING"], capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
