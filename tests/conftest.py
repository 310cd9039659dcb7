"""Shared fixtures. Tests that need real seeds, PostgreSQL or a browser say so and skip with a reason
(except where CI requires them: JIXIAO_REQUIRE_BROWSER=1 turns a missing browser into a failure)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with `prefix` ('004'), or skip with the reason."""
    if not SEEDS.is_dir():
        pytest.skip(f"种子文件夹 {SEEDS} 不存在（seeds absent: ../shared/seeds not beside the repo)")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found in {SEEDS}")
    return matches[0]


@pytest.fixture
def seed004() -> Path:
    return seed_path("004")


@pytest.fixture
def seed002() -> Path:
    return seed_path("002")


@pytest.fixture
def seed003() -> Path:
    return seed_path("003")


@pytest.fixture
def seed001() -> Path:
    return seed_path("001")


@pytest.fixture
def seed000() -> Path:
    return seed_path("000")


def browser_path() -> str | None:
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.path.exists(candidate):
            return candidate
    return None


def require_browser() -> str:
    """Path to Debian's chromium; skip locally when absent, fail in CI (JIXIAO_REQUIRE_BROWSER=1)."""
    path = browser_path()
    if path is None:
        if os.environ.get("JIXIAO_REQUIRE_BROWSER") == "1":
            pytest.fail("JIXIAO_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing")
        pytest.skip("chromium not installed (apt-get install chromium)")
    return path
