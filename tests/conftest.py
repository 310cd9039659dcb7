"""Shared fixtures. Tests that need real seeds, PostgreSQL or a browser say so and skip with a reason, except
where CI requires them: JIXIAO_REQUIRE_BROWSER=1 turns a missing browser (or PDF support) into a failure and
JIXIAO_REQUIRE_SEEDS=1 a missing seed folder. Every test that reads a seed carries the `seeds` marker (set
here from what it calls), so `-m "not seeds"` runs without them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("JIXIAO_SEEDS") or REPO.parent / "shared" / "seeds")  # as store.demo finds them


def _missing(reason: str) -> None:
    if os.environ.get("JIXIAO_REQUIRE_SEEDS") == "1":
        pytest.fail(f"JIXIAO_REQUIRE_SEEDS=1 but {reason}")
    pytest.skip(reason)


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with `prefix` ('004'), or skip with the reason (fail when required)."""
    if not SEEDS.is_dir():
        _missing(f"种子文件夹 {SEEDS} 不存在（可用环境变量 JIXIAO_SEEDS 指定种子文件夹）")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        _missing(f"seed {prefix} not found in {SEEDS}")
    return matches[0]


SEED_FIXTURES = {"seed000", "seed001", "seed002", "seed003", "seed004"}


def _reads_seeds(function: object) -> bool:
    code = getattr(function, "__code__", None)
    return code is not None and ("seed_path" in code.co_names or any(
        "seed_path" in getattr(const, "co_names", ()) for const in code.co_consts))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that reads a seed, directly or through a fixture, with `seeds`."""
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        definitions = [d for defs in (info.name2fixturedefs.values() if info else ()) for d in defs]
        if (SEED_FIXTURES & set(getattr(item, "fixturenames", ())) or _reads_seeds(getattr(item, "function", None))
                or any(_reads_seeds(d.func) for d in definitions)):
            item.add_marker(pytest.mark.seeds)


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


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Pages keep figures per scope in Django's cache for a minute; each test starts without them (ids repeat
    between tests)."""
    from django.conf import settings

    if settings.configured:
        from django.core.cache import cache

        cache.clear()
    yield
