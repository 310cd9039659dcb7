"""The list pages and the dashboard at any size: the number of SQL queries a page makes does not depend on how many
projects there are (same count with N and 3N projects, each with its report, warning, self-evaluation and review),
no list request counts the project table, and the list pages go forward and back a page at a time with their
filters kept."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import count

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jixiao.store.models import (
    FundSource,
    MonitoringFund,
    MonitoringReport,
    MonitoringWarning,
    Project,
    Review,
    SelfEvaluationRecord,
    Unit,
)
from jixiao.store.queues import SHOWN
from jixiao.store.selectors import board_open_warnings, open_warnings_by_colour
from jixiao.web.charts import CHART_PROJECTS

NUMBERS = count()


def grow(world, per_unit: int) -> None:
    """`per_unit` more projects in each unit of jurisdiction 甲县, each with two monitoring reports (the second the
    latest), an open warning, a self-evaluation and a finance review."""
    actor = world["accounts"]["finance"].user
    for unit in Unit.objects.filter(department__jurisdiction__code="A"):
        projects = Project.objects.bulk_create([
            Project(unit=unit, year=2025, code=f"P{n:05d}", name=f"养护项目{n:05d}", status="approved",
                    initial_budget=Decimal(1000 + n), adjusted_budget=Decimal(1000 + n))
            for n in (next(NUMBERS) for _ in range(per_unit))])
        funds = FundSource.objects.bulk_create([FundSource(project=p, amount=p.adjusted_budget) for p in projects])
        reports = MonitoringReport.objects.bulk_create([
            MonitoringReport(project=p, period=period, period_label=f"第{period}季度", time_progress=Decimal(25 * period),
                             execution_rate=Decimal(20 * period), submitted_by=actor)
            for p in projects for period in (1, 2)])
        MonitoringFund.objects.bulk_create([MonitoringFund(report=r, fund_source=f, executed=Decimal(100))
                                            for r, f in zip(reports, (f for f in funds for _ in (1, 2)), strict=True)])
        MonitoringWarning.objects.bulk_create([
            MonitoringWarning(project=p, key=f"execution-{p.pk}", kind="execution", kind_label="执行进度滞后",
                              colour=("red", "yellow")[p.pk % 2], message="执行进度滞后", raised_period=2,
                              latest_period=2) for p in projects])
        SelfEvaluationRecord.objects.bulk_create([
            SelfEvaluationRecord(project=p, total=Decimal(85), grade="良", submitted_by=actor) for p in projects])
        Review.objects.bulk_create([
            Review(project=p, round=1, stage="finance", reviewer=actor, action="approve", score=Decimal(80 + p.pk % 20),
                   requested_budget=p.adjusted_budget) for p in projects])


LIST_PAGES = ["/", "/?status=approved&sort=-budget&page=2", "/?q=养护&sort=name", "/?sort=status&page=3",
              "/dashboard/", "/monitoring/", "/reviews/statistics/", "/api/projects?limit=50"]


def queries(client, url: str) -> list[str]:
    cache.clear()  # what the page computes, not what an earlier request left in the cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in captured.captured_queries]


@pytest.mark.parametrize("role", ["finance", "department", "unit", "admin"])
def test_queries_per_page_do_not_grow_with_the_projects(client, world, role):
    client.force_login(world["accounts"][role].user)
    grow(world, SHOWN + 1)  # more than a work queue lists (a shorter queue is counted without a query)
    pages = [url for url in LIST_PAGES if role not in ("unit",) or url not in ("/monitoring/", "/reviews/statistics/")]
    small = {url: len(queries(client, url)) for url in pages}
    grow(world, 2 * (SHOWN + 1))  # three times as many projects
    assert Project.objects.filter(unit__department__jurisdiction__code="A").count() >= 3 * 3 * (SHOWN + 1)
    large = {url: len(queries(client, url)) for url in pages}
    assert large == small


@pytest.mark.parametrize("url", ["/", "/?status=approved&sort=-budget&page=2", "/?q=养护&unit=101001&page=3",
                                 "/api/projects?limit=50"])
def test_list_requests_never_count_the_projects(client, world, url):
    client.force_login(world["accounts"]["finance"].user)
    grow(world, 30)
    counted = [sql for sql in queries(client, url) if re.search(r"COUNT\(", sql, re.I) and '"store_project"' in sql]
    assert counted == []


def rows_of(page: str) -> list[str]:
    return re.findall(r'<td><a href="/projects/\d+/">([^<]+)</a>', page)


def test_project_list_pages_forward_and_back_with_the_filters_kept(client, world):
    client.force_login(world["accounts"]["finance"].user)
    grow(world, 20)  # 60 养护 projects in 甲县 besides the three of the world
    first = client.get("/", {"q": "养护", "sort": "name"}).content.decode()
    assert len(rows_of(first)) == 25 and "上一页" not in first and "共" not in first
    link = re.search(r'href="\?([^"]+)">下一页', first).group(1).replace("&amp;", "&")
    assert "q=%E5%85%BB%E6%8A%A4" in link and "sort=name" in link and link.endswith("page=2")
    second = client.get("/?" + link).content.decode()
    assert "上一页" in second and "下一页" in second
    assert not set(rows_of(first)) & set(rows_of(second))
    last = client.get("/", {"q": "养护", "sort": "name", "page": "3"}).content.decode()
    names = rows_of(last)
    assert len(names) == 10 and names == sorted(names) and "下一页" not in last and "上一页" in last
    assert sorted(rows_of(first) + rows_of(second) + names) == sorted(
        Project.objects.filter(name__contains="养护").values_list("name", flat=True))
    beyond = client.get("/", {"q": "养护", "page": "9"}).content.decode()
    assert rows_of(beyond) == [] and "本页没有项目" in beyond and "上一页" in beyond


def test_warning_board_pages_fifty_at_a_time(client, world):
    client.force_login(world["accounts"]["finance"].user)
    grow(world, 20)  # 60 open warnings
    first = client.get("/monitoring/", {"colour": "red"}).content.decode()
    reds = MonitoringWarning.objects.filter(colour="red").count()
    assert first.count('class="warn-red"') == min(reds, 50) and first.count('class="warn-yellow"') == 0
    second = client.get("/monitoring/", {"colour": "red", "page": "2"}).content.decode()
    assert second.count('class="warn-red"') == max(0, reds - 50)
    everything = client.get("/monitoring/").content.decode()
    assert everything.count("<tr class=\"warn-") == 50 and "下一页" in everything


def test_unit_filter_is_a_typed_code_when_there_are_too_many_units_to_list(client, world, monkeypatch):
    client.force_login(world["accounts"]["admin"].user)
    listed = client.get("/").content.decode()
    assert '<select name="unit"' in listed and "101001 甲县国库中心" in listed
    monkeypatch.setattr("jixiao.web.views.projects.UNIT_CHOICES", 3)  # the world has four units
    cache.clear()
    typed = client.get("/", {"unit": "101001"}).content.decode()
    assert '<select name="unit"' not in typed and '<input name="unit" value="101001"' in typed
    assert rows_of(typed) == ["国库项目"]


def test_dashboard_and_board_count_every_open_warning_beyond_those_they_list(world):
    """The counts per colour come from the query that lists the first few of each colour: they count them all."""
    grow(world, CHART_PROJECTS + 3)
    open_ones = MonitoringWarning.objects.filter(cleared_period__isnull=True)
    expected = {c: open_ones.filter(colour=c).count() for c in ("red", "yellow")}
    assert all(n > CHART_PROJECTS for n in expected.values())
    counts, listed = open_warnings_by_colour(Project.objects.all(), CHART_PROJECTS)
    assert {c: counts[c] for c in expected} == expected
    assert all(len(listed[c]) == CHART_PROJECTS for c in expected)
    assert [w.pk for w in listed["red"]] == list(open_ones.filter(colour="red").order_by("-pk")
                                                 .values_list("pk", flat=True)[:CHART_PROJECTS])
    board_counts, _ = board_open_warnings(world["accounts"]["admin"].user, CHART_PROJECTS)
    assert {c: board_counts[c] for c in expected} == expected
