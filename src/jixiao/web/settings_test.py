"""Settings for the test suite: PostgreSQL when JIXIAO_TEST_DATABASE_URL is set, else SQLite."""

from __future__ import annotations

import os

import dj_database_url

from jixiao.web.settings import *  # noqa: F403

if url := os.environ.get("JIXIAO_TEST_DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(url)}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; production uses argon2
AXES_ENABLED = False
