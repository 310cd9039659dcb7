"""The busiest pages cheap and never stale (issue 16): the dashboard and the warning board read from the cache under
the version stamps of the user's scope cost the session's, the user's and the account's queries only; after each
kind of write the next request shows exactly what a computation from scratch shows; what a scope sees is unchanged
(a unit sees its own projects only, whoever filled the cache). Counts, not timings (bench/pages.py measures time).
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jixiao.core.provenance import Location
from jixiao.ingest.project_template import BUDGET_TYPES, FUND_LEVELS, PROJECT_TYPES, FundRow, ProjectRow
from jixiao.store.access import profile_of
from jixiao.store.evaluation import create_evaluation
from jixiao.store.goals import save_goal
from jixiao.store.models import Project, Unit
from jixiao.store.monitoring import record_action
from jixiao.store.projects import import_projects
from jixiao.store.selfeval import ActualEntry, save_selfeval
from jixiao.web import scope_figures as sf
from tests.web.conftest import goal_draft

FIGURES_THREAD = sf._submit  # before any test replaces it


def queries(client, url: str, method: str = "get", data: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data or {})
    assert response.status_code in (200, 302), (url, response.status_code)
    return len(captured.captured_queries)


@pytest.mark.parametrize("role", ["unit", "department", "finance", "admin", "evaluator"])
def test_a_cached_dashboard_costs_three_queries(client, world, role):
    client.force_login(world["accounts"][role].user)
    client.get("/dashboard/")
    assert queries(client, "/dashboard/") <= 3  # session, user, account: figures and queues from the cache


@pytest.mark.parametrize("role", ["department", "finance", "admin"])
def test_a_cached_warning_board_costs_three_queries(client, world, role):
    client.force_login(world["accounts"][role].user)
    client.get("/monitoring/?state=open")
    assert queries(client, "/monitoring/?state=open") <= 3


def approved(project: Project) -> Project:
    Project.objects.filter(pk=project.pk).update(status="approved")
    project.refresh_from_db()
    return project


def test_the_other_busy_pages_stay_within_their_queries(client, world):
    project = approved(world["projects"]["国库项目"])
    draft = world["projects"]["预算项目"]
    client.force_login(world["accounts"]["unit"].user)
    assert queries(client, f"/projects/{project.pk}/") <= 9  # 10 before (the self-evaluation read with the project)
    assert queries(client, f"/projects/{project.pk}/history/") <= 8  # 9 before (the project not read again)
    assert queries(client, f"/projects/{project.pk}/selfeval/") <= 10
    page = client.get(f"/projects/{project.pk}/selfeval/").content.decode()
    fields = dict(re.findall(r'name="((?:actual|score|reason)_\d+|version)" value="([^"]*)"', page))
    saved = {**fields, "executed": "1000", "action": "save"}
    assert queries(client, f"/projects/{project.pk}/selfeval/", "post", saved) <= 23  # the record created
    again = {**saved, "version": str(int(fields["version"]) + 1)}
    assert queries(client, f"/projects/{project.pk}/selfeval/", "post", again) <= 18  # no indicator written again (one read of what is stored)
    page = client.get(f"/projects/{project.pk}/monitoring/4/").content.decode()
    data = {name: "1000" for name in re.findall(r'name="(executed_\d+)"', page)}
    assert queries(client, f"/projects/{project.pk}/monitoring/4/", "post", {**data, "action": "save"}) <= 22
    client.force_login(world["accounts"]["admin"].user)
    assert queries(client, f"/projects/{draft.pk}/history/") <= 8


# --- never stale: the request after each kind of write shows what a computation from scratch shows ---------------

PAGES = {"unit": ["/dashboard/"], "department": ["/dashboard/", "/monitoring/"],
         "finance": ["/dashboard/", "/monitoring/", "/monitoring/?state=cleared", "/reviews/statistics/"],
         "admin": ["/dashboard/", "/monitoring/"], "evaluator": ["/dashboard/"]}


def shown(client, world, role: str, url: str) -> str:
    client.force_login(world["accounts"][role].user)
    page = client.get(url).content.decode()
    page = re.sub(r"(统计于|数据更新于) [0-9:]+", "", page)
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", page)  # a token per request


def everything(client, world) -> dict[tuple[str, str], str]:
    return {(role, url): shown(client, world, role, url) for role, urls in PAGES.items() for url in urls}


def _goal(world, client):
    project = world["projects"]["国库项目"]
    save_goal(project, goal_draft(), project.version, world["accounts"]["unit"].user)


def _submit(world, client):
    _goal(world, client)
    project = Project.objects.get(name="国库项目")
    client.force_login(world["accounts"]["unit"].user)
    client.post(f"/projects/{project.pk}/act/", {"action": "submit", "version": project.version},
                follow=True)  # the message shown on the page it goes to, not on the next dashboard


def _monitoring(world, client):
    project = approved(world["projects"]["国库项目"])
    client.force_login(world["accounts"]["unit"].user)
    page = client.get(f"/projects/{project.pk}/monitoring/1/").content.decode()
    data = {name: "10" for name in re.findall(r'name="(executed_\d+)"', page)}
    response = client.post(f"/projects/{project.pk}/monitoring/1/", {**data, "action": "save"}, follow=True)
    assert "监控数据已保存" in response.content.decode()


def _selfeval(world, client):
    project = approved(world["projects"]["国库项目"])
    entries = {i.pk: ActualEntry(i.pk, "200") for i in project.indicators.all()}
    save_selfeval(project, project.version, Decimal(1000000), entries, False, world["accounts"]["unit"].user,
                  profile_of(project))


def _action(world, client):
    _monitoring(world, client)
    project = Project.objects.get(name="国库项目")
    record_action(project, "urge", None, "督促加快执行", "finance", world["accounts"]["finance"].user,
                  project.warnings.first())


def _evaluation(world, client):
    project = world["projects"]["学校项目"]
    create_evaluation(project, [world["accounts"]["evaluator"].user], world["accounts"]["finance"].user, "重点评价")


def _import(world, client):
    row = ProjectRow("101002", 2024, "IMP-1", "导入项目", PROJECT_TYPES[0], Decimal(500), Decimal(500),
                     (FundRow(BUDGET_TYPES[0], FUND_LEVELS[0], Decimal(500)),), Location(table="导入"))
    import_projects([row], world["accounts"]["finance"].user)


def _admin_edit(world, client):
    project = world["projects"]["预算项目"]
    project.name = "预算项目（改名）"
    project.save()  # what the admin site does


def _admin_delete(world, client):
    world["projects"]["学校项目"].delete()


def _unit_renamed(world, client):
    unit = Unit.objects.get(code="101001")
    unit.name = "甲县国库支付中心"
    unit.save()


WRITES = {"goal": _goal, "submit": _submit, "monitoring": _monitoring, "selfeval": _selfeval, "action": _action,
          "evaluation": _evaluation, "import": _import, "admin edit": _admin_edit, "admin delete": _admin_delete,
          "unit renamed": _unit_renamed}
VISIBLE = {"submit", "monitoring", "selfeval", "evaluation", "import", "admin delete"}  # change what some page shows


@pytest.mark.parametrize("write", list(WRITES))
def test_the_request_after_a_write_shows_it(client, world, write, django_capture_on_commit_callbacks):
    before = everything(client, world)  # every page's figures now in the cache
    with django_capture_on_commit_callbacks(execute=True):  # the write's transaction commits
        WRITES[write](world, client)
    after = everything(client, world)
    cache.clear()
    scratch = everything(client, world)
    assert after == scratch
    if write in VISIBLE:
        assert after != before


def test_nothing_is_renewed_before_the_write_commits(client, world, django_capture_on_commit_callbacks):
    before = shown(client, world, "finance", "/dashboard/")
    with django_capture_on_commit_callbacks(execute=True):
        _import(world, client)
        assert shown(client, world, "finance", "/dashboard/") == before  # still the stamps of before
    assert shown(client, world, "finance", "/dashboard/") != before


# --- access: unchanged by the cache ------------------------------------------------------------------------------


def test_a_unit_sees_only_its_own_projects_whoever_filled_the_cache(client, world):
    for role in ("department", "finance", "admin"):
        shown(client, world, role, "/dashboard/")
    page = shown(client, world, "unit", "/dashboard/")
    assert "国库项目" in page and not any(name in page for name in ("预算项目", "学校项目", "公路项目"))
    client.force_login(world["accounts"]["unit"].user)
    assert client.get("/monitoring/").status_code == 403


def test_a_department_sees_only_its_own_warnings_whoever_filled_the_cache(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _monitoring(world, client)
    shown(client, world, "admin", "/monitoring/")
    shown(client, world, "finance", "/monitoring/")
    client.force_login(world["accounts"]["department"].user)
    other = world["accounts"]["department"].__class__.objects.get(user__username="u_department")
    assert other.department.code == "101"
    page = client.get("/monitoring/").content.decode()
    assert "公路项目" not in page and "学校项目" not in page



# --- the summaries: kept per department, summed, the same as one computation over the scope ----------------------


@pytest.mark.parametrize("role", ["department", "finance", "admin"])
def test_the_summed_figures_are_those_computed_over_the_whole_scope(client, world, role, monkeypatch):
    from jixiao.store.access import account_of
    from jixiao.store.summaries import scope_summary
    from jixiao.web.views import dashboard, monitoring
    from tests.web.test_pages_at_scale import grow

    grow(world, 4)
    _action(world, client)
    _selfeval(world, client)
    user = world["accounts"][role].user
    summed = dashboard._summed_figures(user, scope_summary(account_of(user)))
    direct = dashboard._figures(user)
    assert {k: v for k, v in summed.items() if k != "rules"} == {k: v for k, v in direct.items() if k != "rules"}
    assert summed["warning_total"] > 0 and summed["projects"] > 4
    board = monitoring._board_summary(user)
    monkeypatch.setattr(monitoring, "scope_summary", lambda account, page="board": None)
    assert board == monitoring._board_summary(user)
    assert board["totals"].projects == 1


def test_departments_read_by_another_request_are_taken_from_the_cache(world, monkeypatch):
    """The administrator's first page while a finance bureau's first page reads its jurisdiction's departments:
    the other jurisdictions read meanwhile, that one's summaries taken from the cache once the other has them."""
    import threading

    from jixiao.store import summaries
    from jixiao.store.models import Department

    a = world["accounts"]["finance"].jurisdiction_id
    ids = list(Department.objects.filter(jurisdiction_id=a).values_list("pk", flat=True))
    theirs = summaries.compute(ids)  # what the other request reads, holding the lock
    _, keys = summaries._kept({pk: f"d{pk}" for pk in ids}, "d")
    assert cache.add(f"jixiao:summary:reading:j{a}", 1)
    monkeypatch.setattr(summaries, "BUILD_POLL", 0.01)
    read: list[int] = []
    compute = summaries.compute
    monkeypatch.setattr(summaries, "compute", lambda pks: read.extend(pks) or compute(pks))
    threading.Timer(0.2, lambda: cache.set_many({keys[pk]: theirs[pk] for pk in ids})).start()
    total = summaries.everything_summary()
    assert read and not set(read) & set(ids)  # the other jurisdiction's departments only
    assert total.projects == 4  # both jurisdictions'


# --- the first request after a save: only the department written to is read again ---------------------------------

# the session's, user's and account's 3; the department's summary 11 (grouped, whatever its size); the work queues
# (bounded reads) or the board's page of rows and latest actions; the departments of the jurisdiction or of everything
AFTER_A_SAVE = {("department", "/dashboard/"): 20, ("finance", "/dashboard/"): 23, ("admin", "/dashboard/"): 24,
                ("department", "/monitoring/"): 16, ("finance", "/monitoring/"): 17, ("admin", "/monitoring/"): 18}


@pytest.mark.parametrize(("role", "url"), list(AFTER_A_SAVE))
def test_the_first_request_after_a_save_stays_within_its_queries(client, world, role, url,
                                                                  django_capture_on_commit_callbacks):
    from tests.web.test_pages_at_scale import grow

    grow(world, 4)  # more departments and jurisdictions than the one written to: none of them read again
    client.force_login(world["accounts"][role].user)
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        _monitoring(world, client)
    client.force_login(world["accounts"][role].user)
    assert queries(client, url) <= AFTER_A_SAVE[(role, url)]
    assert queries(client, url) <= 3  # and cached again


def test_a_self_evaluation_scored_before_it_is_saved_keeps_what_was_typed(world):
    """A preview scored on the same project objects before the save (what the demo loader and a page's check do)
    has set the indicators in memory already: the save compares with what is stored, so the actuals are written."""
    from jixiao.store.models import Indicator
    from jixiao.store.selfeval import score

    project = approved(world["projects"]["国库项目"])
    entries = {i.pk: ActualEntry(i.pk, "200") for i in project.indicators.all()}
    score(project, Decimal(1000000), entries, profile_of(project))  # the preview
    save_selfeval(project, project.version, Decimal(1000000), entries, False, world["accounts"]["unit"].user,
                  profile_of(project))
    assert set(Indicator.objects.filter(project=project).values_list("actual", flat=True)) == {"200"}


# --- a finance bureau's and the administrator's figures lag by seconds; a unit's and a department's never ------------


@pytest.fixture
def lagging(settings, monkeypatch):
    """As on a server (FIGURES_IN_BACKGROUND), the computations queued for the figures thread kept here instead, run
    by the test when it chooses (in its own thread: the test's transaction is not seen from another); the clock at
    10:03:04 Asia/Shanghai, moved by the test."""
    from datetime import UTC, datetime, timedelta

    settings.FIGURES_IN_BACKGROUND = True
    jobs: list = []
    now = [datetime(2024, 5, 1, 2, 3, 4, tzinfo=UTC)]
    monkeypatch.setattr(sf, "_submit", jobs.append)
    monkeypatch.setattr(sf, "_now", lambda: now[0])

    def advance(seconds: float) -> None:
        now[0] += timedelta(seconds=seconds)

    def run() -> int:
        done = len(jobs)
        while jobs:
            jobs.pop(0)()
        return done

    return {"jobs": jobs, "run": run, "advance": advance}


def committed(write, world, client, capture) -> None:
    with capture(execute=True):
        write(world, client)


@pytest.mark.parametrize("url", ["/dashboard/", "/monitoring/"])
def test_a_finance_bureau_sees_a_write_within_the_bound(client, world, lagging, url,
                                                        django_capture_on_commit_callbacks):
    before = shown(client, world, "finance", url)
    committed(_monitoring, world, client, django_capture_on_commit_callbacks)
    lagging["run"]()  # what the unit's own pages queued (nothing of the finance bureau's)
    client.force_login(world["accounts"]["finance"].user)
    page = client.get(url).content.decode()
    assert "数据更新于 10:03:04" in page and "自动刷新" in page  # the figures of before, with their time
    assert shown(client, world, "finance", url) == before and not lagging["jobs"]  # computed too recently
    lagging["advance"](sf.REFRESH_EVERY)
    assert shown(client, world, "finance", url) == before  # served as they were, …
    assert lagging["run"]() >= 1  # … while one computation runs outside the request
    after = shown(client, world, "finance", url)
    assert after != before and "数据更新于 10:03:14" in client.get(url).content.decode()
    cache.clear()
    assert shown(client, world, "finance", url) == after  # what a computation from scratch shows


def test_figures_older_than_the_bound_are_computed_in_the_request(client, world, lagging,
                                                                   django_capture_on_commit_callbacks):
    before = shown(client, world, "admin", "/dashboard/")
    lagging["advance"](sf.STALE_FOR + 1)
    committed(_selfeval, world, client, django_capture_on_commit_callbacks)
    after = shown(client, world, "admin", "/dashboard/")
    assert after != before and not lagging["jobs"]
    cache.clear()
    assert shown(client, world, "admin", "/dashboard/") == after


@pytest.mark.parametrize(("role", "url"), [("unit", "/dashboard/"), ("department", "/dashboard/"),
                                           ("department", "/monitoring/")])
def test_a_unit_and_a_department_see_their_own_write_at_once(client, world, lagging, role, url,
                                                               django_capture_on_commit_callbacks):
    for who in ("finance", "admin", role):
        shown(client, world, who, url)
    before = shown(client, world, role, url)
    committed(_monitoring, world, client, django_capture_on_commit_callbacks)
    lagging["jobs"].clear()
    after = shown(client, world, role, url)
    assert after != before and not lagging["jobs"]  # computed in the request, nothing left behind
    assert "统计于 10:03:04" in client.get(url).content.decode()
    cache.clear()
    assert shown(client, world, role, url) == after


def test_a_finance_bureau_sees_its_own_write_at_once(client, world, lagging, django_capture_on_commit_callbacks):
    committed(_monitoring, world, client, django_capture_on_commit_callbacks)
    lagging["run"]()
    client.force_login(world["accounts"]["finance"].user)
    assert "督促加快执行" not in client.get("/monitoring/").content.decode()
    warning = Project.objects.get(name="国库项目").warnings.first()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/monitoring/warnings/{warning.pk}/act/",
                               {"kind": "urge", "note": "督促加快执行", "initiator": "finance"})
    page = client.get(response.url).content.decode()
    assert "纠偏措施已记录" in page and "督促加快执行" in page  # the board it goes back to lists the action taken
    assert not lagging["jobs"]


def test_a_unit_sees_only_its_own_projects_while_others_lag(client, world, lagging,
                                                             django_capture_on_commit_callbacks):
    for role in ("department", "finance", "admin"):
        shown(client, world, role, "/dashboard/")
    committed(_monitoring, world, client, django_capture_on_commit_callbacks)
    lagging["advance"](sf.REFRESH_EVERY)
    for role in ("finance", "admin"):
        shown(client, world, role, "/dashboard/")  # served as they were, computations queued
    assert lagging["run"]() == 2
    page = shown(client, world, "unit", "/dashboard/")
    assert "国库项目" in page and not any(name in page for name in ("预算项目", "学校项目", "公路项目"))
    finance = shown(client, world, "finance", "/dashboard/")
    assert "公路项目" not in finance  # another jurisdiction's


def test_a_failed_computation_outside_the_request_does_not_break_the_page(client, world, lagging, monkeypatch,
                                                                          django_capture_on_commit_callbacks):
    from jixiao.web.views import dashboard

    before = shown(client, world, "finance", "/dashboard/")
    committed(_monitoring, world, client, django_capture_on_commit_callbacks)
    lagging["run"]()
    failed = []

    def broken(user):
        failed.append(user)
        raise RuntimeError("database gone")

    computed = dashboard._dashboard
    lagging["advance"](sf.REFRESH_EVERY)
    monkeypatch.setattr(dashboard, "_dashboard", broken)
    monkeypatch.setattr(sf, "_submit", FIGURES_THREAD)  # the worker process's figures thread itself
    for n in (1, 2):
        assert shown(client, world, "finance", "/dashboard/") == before  # served as they were
        sf.wait_for_computations()
        assert len(failed) == n  # failed in the thread (logged), the lock released: tried again next time
    monkeypatch.setattr(dashboard, "_dashboard", computed)
    monkeypatch.setattr(sf, "_submit", lagging["jobs"].append)
    assert shown(client, world, "finance", "/dashboard/") == before
    assert lagging["run"]() == 1
    assert shown(client, world, "finance", "/dashboard/") != before
