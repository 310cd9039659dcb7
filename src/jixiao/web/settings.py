"""Django settings from the environment (JIXIAO_*): SQLite in the data directory by default, PostgreSQL via
JIXIAO_DATABASE_URL; Simplified Chinese; argon2 passwords; throttled login; sessions that expire."""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from jixiao.config import get_settings
from jixiao.web.logging import config as logging_config

SETTINGS = get_settings()
BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = SETTINGS.data_dir.resolve()


def _secret_key() -> str:
    """JIXIAO_SECRET_KEY, else one generated once and kept in the data directory: created readable by the owner
    only (0600), atomically, so that every worker of a server reads the one key the first of them wrote."""
    if key := os.environ.get("JIXIAO_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    try:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(secrets.token_urlsafe(50))
        for _ in range(50):  # another worker may have created the file and not yet written it
            if key := path.read_text(encoding="utf-8").strip():
                return key
            time.sleep(0.01)
    except OSError as exc:  # a random key per worker would log users out at random: refuse instead
        raise ImproperlyConfigured(f"无法创建或读取密钥文件 {path}（{exc.strerror}）：请检查数据目录权限，"
                                   "或设置环境变量 JIXIAO_SECRET_KEY") from exc
    raise ImproperlyConfigured(f"密钥文件 {path} 为空：请删除后重启，或设置环境变量 JIXIAO_SECRET_KEY")


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("JIXIAO_DEBUG") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("JIXIAO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "jixiao.store",
    "jixiao.web",
]
MIDDLEWARE = [
    "jixiao.web.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "jixiao.web.middleware.RejectNulMiddleware",
    "jixiao.api.middleware.ApiErrorsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "jixiao.web.middleware.OwnWritesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
ROOT_URLCONF = "jixiao.web.urls"
WSGI_APPLICATION = "jixiao.web.wsgi.application"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [Path(__file__).resolve().parent / "templates"],  # first, so admin/app_list.html overrides Django's
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ], "builtins": ["jixiao.web.templatetags.figures"]},
}]

DATABASES = {"default": dj_database_url.parse(SETTINGS.resolved_database_url, conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Writers queue for the lock at BEGIN instead of failing mid-transaction; readers do not block writers.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20,
                                       "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Figures kept per scope (dashboard, warning board, review statistics, filter choices): in files under the data dir,
# so that every worker process of `jixiao serve` reuses what another computed.
CACHES = {"default": {"BACKEND": "jixiao.web.cache.FileCache",
                      "LOCATION": str(DATA_DIR / "cache"), "OPTIONS": {"MAX_ENTRIES": 20000}}}
# A finance bureau's and an administrator's figures, found behind the writes, are computed again in a daemon thread
# of the worker process while the page serves them (at most jixiao.web.scope_figures.STALE_FOR seconds old; the
# tests set False: computed in the request, deterministic).
FIGURES_IN_BACKGROUND = True

PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher",
                    "django.contrib.auth.hashers.PBKDF2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "projects"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = 8 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if os.environ.get("JIXIAO_HTTPS") == "1":  # behind TLS
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = True  # the proxy sets X-Forwarded-Proto; plain HTTP is redirected
    # Joining the browsers' HSTS preload list is a decision for the domain's owner, not for the application.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Content Security Policy: own scripts and styles only (htmx ships in django-htmx; charts are inline SVG).
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": ["'self'"], "script-src": ["'self'"], "style-src": ["'self'"], "img-src": ["'self'", "data:"],
    "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"], "frame-ancestors": ["'none'"]}}
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "jixiao.web.views.errors.locked_out"  # a Chinese page (axes' own message is English)
AXES_ENABLE_ADMIN = False  # its admin pages are English only ("AXES / Access attempts"); lockouts expire by themselves
CSRF_FAILURE_VIEW = "jixiao.web.views.errors.csrf_failure"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# Background jobs: a queue in the database, worked by the `db_worker` process `jixiao serve` starts.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGGING = logging_config(os.environ.get("JIXIAO_LOG_LEVEL", "INFO"))

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = True  # serve app static files directly, also before collectstatic has run
with contextlib.suppress(OSError):
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
