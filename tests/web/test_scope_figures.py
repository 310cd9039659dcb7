"""Figures per scope (dashboard, warning board, review statistics): served from the cache until a write in their
scope commits (the scope's stamps renewed), computed once on a miss however many requests come at once, never
shared across scopes, and shown with the time they were computed. Also the pieces
that make them cheap: the execution by department in one query, an atomic `add` for the server's file cache."""

from __future__ import annotations

import re
import threading
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.cache.backends.filebased import FileBasedCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jixiao.store import stamps
from jixiao.store.models import (
    Department,
    FundSource,
    Jurisdiction,
    MonitoringFund,
    MonitoringReport,
    Project,
    Role,
    Unit,
)
from jixiao.store.selectors import execution_by_department
from jixiao.store.services import create_account
from jixiao.web import scope_figures as sf
from jixiao.web.cache import FileCache
from tests.web.conftest import PASSWORD

START = datetime(2024, 5, 1, 2, 3, 4, tzinfo=UTC)  # 10:03:04 in Asia/Shanghai


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(sf, "_now", clock)
    return clock


class Counter:
    """A computation that counts its runs and returns the run's number."""

    def __init__(self, delay: float = 0.0, gate: threading.Event | None = None) -> None:
        self.runs, self.delay, self.gate = 0, delay, gate
        self.lock = threading.Lock()

    def __call__(self) -> int:
        with self.lock:
            self.runs += 1
            run = self.runs
        if self.gate is not None:
            assert self.gate.wait(10)
        time.sleep(self.delay)
        return run


NOBODY = AnonymousUser()  # scope "none": these tests of the mechanism need no database


def test_figures_are_served_as_they_are_until_a_write_renews_the_stamps(db, clock, django_capture_on_commit_callbacks):
    compute = Counter()
    first = sf.scope_figures("t", NOBODY, compute)
    clock.advance(sf.KEPT_FOR - 1)
    again = sf.scope_figures("t", NOBODY, compute)
    assert (first.value, again.value, compute.runs) == (1, 1, 1)
    assert again.computed_at == START
    with django_capture_on_commit_callbacks(execute=True):
        stamps.renew_everything()
        assert sf.scope_figures("t", NOBODY, compute).value == 1  # not before the write commits
    fresh = sf.scope_figures("t", NOBODY, compute)
    assert (fresh.value, fresh.computed_at, compute.runs) == (2, clock.now, 2)


def test_a_lost_stamp_is_made_again_never_reused(clock):
    compute = Counter()
    sf.scope_figures("t", NOBODY, compute)
    cache.delete(stamps.PREFIX + stamps.EVERYTHING)  # culled from the cache
    assert sf.scope_figures("t", NOBODY, compute).value == 2
    assert sf.scope_figures("t", NOBODY, compute).value == 2


def test_figures_older_than_kept_for_are_computed_again(clock):
    compute = Counter()
    sf.scope_figures("t", NOBODY, compute)
    cache.delete(sf.figures_key("t", NOBODY))  # what the cache does KEPT_FOR seconds after they were computed
    assert sf.scope_figures("t", NOBODY, compute).value == 2


def test_a_failed_computation_releases_the_lock():
    def broken() -> int:
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        sf.scope_figures("t", NOBODY, broken)
    assert sf.scope_figures("t", NOBODY, lambda: 3).value == 3


def test_concurrent_first_requests_compute_the_figures_once():
    compute = Counter(delay=0.3)
    results: list[sf.Figures[int]] = []
    threads = [
        threading.Thread(target=lambda: results.append(sf.scope_figures("t", NOBODY, compute)))
        for _ in range(6)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(15)
    assert compute.runs == 1
    assert len(results) == 6 and len({(r.value, r.computed_at) for r in results}) == 1


def test_a_waiting_request_computes_the_figures_when_the_holder_gave_up(monkeypatch):
    monkeypatch.setattr(sf, "POLL", 0.01)
    lock = sf.figures_key("t", NOBODY) + ":lock"
    assert cache.add(lock, 1)  # another request took the lock …
    threading.Timer(0.1, lambda: cache.delete(lock)).start()  # … and failed without a result
    compute = Counter()
    assert sf.scope_figures("t", NOBODY, compute).value == 1 and compute.runs == 1


def test_a_waiting_request_gets_the_holders_result(monkeypatch):
    monkeypatch.setattr(sf, "POLL", 0.01)
    key = sf.figures_key("t", NOBODY)
    assert cache.add(key + ":lock", 1)
    threading.Timer(0.1, lambda: cache.set(key, sf.Figures(7, START, stamps.scope_stamps(NOBODY)))).start()
    compute = Counter()
    assert sf.scope_figures("t", NOBODY, compute).value == 7 and compute.runs == 0


@pytest.fixture
def lagging_scope(monkeypatch, settings, clock):
    """NOBODY's figures lag as a finance bureau's do, computed behind the writes in the figures thread."""
    settings.FIGURES_IN_BACKGROUND = True
    monkeypatch.setattr(sf, "lags", lambda user: True)


def test_lagging_figures_are_served_at_once_and_computed_once_outside_the_request(lagging_scope, clock):
    gate = threading.Event()
    compute = Counter(gate=gate)
    gate.set()
    sf.scope_figures("t", NOBODY, compute)  # a first miss: computed in the request
    gate.clear()
    cache.delete(stamps.PREFIX + stamps.EVERYTHING)  # as a write does: a new stamp
    clock.advance(sf.REFRESH_EVERY - 1)
    assert sf.scope_figures("t", NOBODY, compute).value == 1 and compute.runs == 1  # too recent to compute again
    clock.advance(sf.STALE_FOR - sf.REFRESH_EVERY + 1)
    started = time.monotonic()
    served = [sf.scope_figures("t", NOBODY, compute) for _ in range(5)]  # the computation waits at the gate
    assert time.monotonic() - started < 2
    assert [s.value for s in served] == [1] * 5 and all(s.computed_at == START and s.lagging for s in served)
    gate.set()
    sf.wait_for_computations()
    assert compute.runs == 2  # one computation for the five requests
    fresh = sf.scope_figures("t", NOBODY, compute)
    assert (fresh.value, fresh.computed_at) == (2, clock.now)
    assert cache.add(sf.figures_key("t", NOBODY) + ":lock", 1)  # released


def test_lagging_figures_older_than_the_bound_are_computed_in_the_request(lagging_scope, clock):
    compute = Counter()
    sf.scope_figures("t", NOBODY, compute)
    clock.advance(sf.STALE_FOR + 1)
    assert sf.scope_figures("t", NOBODY, compute).value == 1  # no write since: exact, however old
    cache.delete(stamps.PREFIX + stamps.EVERYTHING)
    assert sf.scope_figures("t", NOBODY, compute).value == 2 and compute.runs == 2


def test_a_failed_computation_outside_the_request_releases_the_lock(lagging_scope, clock):
    sf.scope_figures("t", NOBODY, lambda: 1)
    cache.delete(stamps.PREFIX + stamps.EVERYTHING)
    clock.advance(sf.REFRESH_EVERY)

    def broken() -> int:
        raise RuntimeError("database gone")

    assert sf.scope_figures("t", NOBODY, broken).value == 1
    sf.wait_for_computations()
    assert sf.scope_figures("t", NOBODY, lambda: 3).value == 1  # served as they were, a new computation queued
    sf.wait_for_computations()
    assert sf.scope_figures("t", NOBODY, lambda: 4).value == 3


# --- scopes --------------------------------------------------------------------------------------------------------


def kpi(page: str) -> int:
    return int(re.search(r"可查看项目 <strong>(\d+)</strong>", page).group(1))


@pytest.fixture
def others(world):
    """A second account in the scope of each of the world's finance and unit accounts, and accounts of other
    scopes: finance of 乙县, the unit next door, a department of 甲县."""
    b = Jurisdiction.objects.get(code="B")
    return {
        "finance_b": create_account("u_finance_b", PASSWORD, Role.FINANCE, jurisdiction=b),
        "finance_a2": create_account(
            "u_finance_a2", PASSWORD, Role.FINANCE, jurisdiction=world["accounts"]["finance"].jurisdiction
        ),
        "unit_2": create_account("u_unit_2", PASSWORD, Role.UNIT, unit=Unit.objects.get(code="101002")),
        "department_2": create_account(
            "u_department_2", PASSWORD, Role.DEPARTMENT, department=Department.objects.get(code="102")
        ),
    }


def test_users_of_different_scopes_never_see_each_others_figures(client, world, others, clock):
    seen = {}
    for name, account in [
        ("finance", world["accounts"]["finance"]),
        ("finance_b", others["finance_b"]),
        ("unit", world["accounts"]["unit"]),
        ("unit_2", others["unit_2"]),
        ("department", world["accounts"]["department"]),
        ("department_2", others["department_2"]),
        ("admin", world["accounts"]["admin"]),
    ]:
        client.force_login(account.user)  # each right after the others, their figures all fresh in the cache
        seen[name] = kpi(client.get("/dashboard/").content.decode())
    assert seen == {
        "finance": 3,
        "finance_b": 1,
        "unit": 1,
        "unit_2": 1,
        "department": 2,
        "department_2": 1,
        "admin": 4,
    }
    keys = {
        sf.figures_key("dashboard", a.user)
        for a in [*world["accounts"].values(), *others.values()]
        if a.role != Role.EVALUATOR
    }
    assert len(keys) == 7  # finance_a2 shares finance's scope; everyone else has their own


def test_users_of_one_scope_share_the_figures_until_a_write(client, world, others, clock,
                                                            django_capture_on_commit_callbacks):
    client.force_login(world["accounts"]["finance"].user)
    assert kpi(client.get("/dashboard/").content.decode()) == 3
    clock.advance(10)
    client.force_login(others["finance_a2"].user)
    page = client.get("/dashboard/").content.decode()
    assert kpi(page) == 3 and "统计于 10:03:04" in page  # finance's figures, computed ten seconds ago
    with django_capture_on_commit_callbacks(execute=True):
        Project.objects.create(unit=Unit.objects.get(code="101001"), year=2024, name="新项目")
    client.force_login(others["finance_b"].user)
    assert kpi(client.get("/dashboard/").content.decode()) == 1
    client.force_login(others["finance_a2"].user)
    page = client.get("/dashboard/").content.decode()
    assert kpi(page) == 4 and "统计于 10:03:14" in page  # computed again at once


@pytest.mark.parametrize("url", ["/dashboard/", "/monitoring/", "/reviews/statistics/"])
def test_pages_say_when_their_figures_were_computed(client, world, clock, url, django_capture_on_commit_callbacks):
    client.force_login(world["accounts"]["finance"].user)
    assert "统计于 10:03:04" in client.get(url).content.decode()  # local time (Asia/Shanghai) of 02:03:04 UTC
    clock.advance(sf.KEPT_FOR / 2)
    assert "统计于 10:03:04" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        Project.objects.create(unit=Unit.objects.get(code="101001"), year=2024, name="新项目")
    assert "统计于 10:08:04" in client.get(url).content.decode()


def test_review_statistics_are_kept_per_year(client, world, clock):
    client.force_login(world["accounts"]["finance"].user)
    client.get("/reviews/statistics/", {"year": "2024"})
    user = world["accounts"]["finance"].user
    assert cache.get(sf.figures_key("review-stats", user, 2024)) is not None
    assert cache.get(sf.figures_key("review-stats", user, 2025)) is None


# --- what makes the figures cheap ----------------------------------------------------------------------------------


def test_execution_by_department_is_one_query_over_each_projects_latest_report(world):
    actor = world["accounts"]["unit"].user
    expected: dict[str, list[Decimal]] = {}
    for n, project in enumerate(Project.objects.select_related("unit__department")):
        if n == 3:
            continue  # no report: neither its budget nor anything else counts
        funds = [
            FundSource.objects.create(project=project, amount=Decimal(500)),
            FundSource.objects.create(project=project, amount=Decimal(700)),
        ]
        for period in (1, 2):
            report = MonitoringReport.objects.create(
                project=project,
                period=period,
                period_label=f"第{period}季度",
                time_progress=Decimal(25 * period + n),
                submitted_by=actor,
            )
            for k, fund in enumerate(funds):
                MonitoringFund.objects.create(
                    report=report, fund_source=fund, executed=Decimal(10 * period + k + n)
                )
        row = expected.setdefault(project.unit.department.name, [Decimal(0), Decimal(0), Decimal(0)])
        row[0] += project.adjusted_budget
        row[1] += Decimal(20 + n) + Decimal(21 + n)  # the second period's funds only
        row[2] = max(row[2], Decimal(50 + n))
    projects = Project.objects.all()
    with CaptureQueriesContext(connection) as captured:
        found = execution_by_department(projects)
    assert len(captured.captured_queries) == 1
    assert found == [(name, *figures) for name, figures in sorted(expected.items())]


def test_the_file_caches_add_lets_one_of_concurrent_adds_succeed(tmp_path, monkeypatch):
    """Django's file cache checks for the key, then writes it: widened, that gap lets several "add" one key."""
    original = FileBasedCache.has_key

    def slow_has_key(self, key, version=None):
        found = original(self, key, version)
        time.sleep(0.05)
        return found

    monkeypatch.setattr(FileBasedCache, "has_key", slow_has_key)
    cache_ = FileCache(str(tmp_path), {})
    added: list[bool] = []
    threads = [threading.Thread(target=lambda: added.append(cache_.add("lock", 1, 60))) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert sorted(added) == [False] * 4 + [True]
    assert cache_.get("lock") == 1 and not cache_.add("lock", 2, 60)
    cache_.delete("lock")
    assert cache_.add("lock", 3, 60) and cache_.get("lock") == 3
    cache_.clear()
    assert cache_.add("lock", 4, 60)
