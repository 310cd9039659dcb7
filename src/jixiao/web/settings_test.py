"""Settings for the test suite: PostgreSQL when JIXIAO_TEST_DATABASE_URL is set, else SQLite."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import dj_database_url

from jixiao.web.settings import *  # noqa: F403

if url := os.environ.get("JIXIAO_TEST_DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(url)}
else:  # a file, so that concurrent sessions are real (pytest-django adds the xdist worker to the name)
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:",
                             "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
                             "TEST": {"NAME": str(Path(tempfile.gettempdir()) / f"jixiao-test-{os.getpid()}.sqlite3")}}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; production uses argon2
AXES_ENABLED = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # per process: xdist workers apart
FIGURES_IN_BACKGROUND = False  # every scope's figures exact, computed in the request: no thread outlives a test
