"""Saving a period's monitoring report from its page: each thing read once (the fund lines and indicators with the
project, the warnings with their rectification items, only changed warnings written), with the same outcome —
the report replaced, its warnings cleared with the reason and raised again, the items tied to them closed and
opened again with them, every change in the history."""

from __future__ import annotations

import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from jixiao.store.access import profile_of
from jixiao.store.models import MonitoringReport, RectificationItem
from jixiao.store.monitoring import open_rectification_for_warning


def post(client, project, period: int, executed: str) -> int:
    url = f"/projects/{project.pk}/monitoring/{period}/"
    page = client.get(url).content.decode()
    data = {name: executed for name in re.findall(r'name="(executed_\d+)"', page)}
    data |= {name: "1" for name in re.findall(r'name="(progress_\d+)"', page)}
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, {**data, "action": "save"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return len(captured.captured_queries)


def lag_of(project):
    return project.warnings.get(kind="execution_lag")


def test_a_monitoring_save_reads_each_thing_once_and_does_what_it_did(client, world, stages):
    project = stages["国库项目"]["project"]
    client.force_login(world["accounts"]["unit"].user)
    history = MonitoringReport.history.count()
    # Q1 again as it was (nothing executed): the report replaced, its warnings unchanged and not written.
    assert post(client, project, 1, "0") <= 25  # 31 before (fund lines read three times, the report twice)
    assert lag_of(project).is_open and lag_of(project).raised_period == 1
    item = open_rectification_for_warning(lag_of(project), profile_of(project), date(2024, 4, 20))
    # Corrected: the warning clears with the reason, its item closes itself.
    assert post(client, project, 1, "1871500") <= 28  # 33 before
    warning = lag_of(project)
    assert warning.cleared_period == 1
    assert warning.cleared_reason == "2024年第1季度监控数据重新填报后预警条件不再成立"
    item.refresh_from_db()
    assert item.closed_automatically and item.done_on is not None and "系统自动关闭" in item.response
    # Worse again: the same warning open again, and the item with it.
    assert post(client, project, 1, "0") <= 28  # 33 before
    assert lag_of(project).is_open and lag_of(project).pk == warning.pk
    item.refresh_from_db()
    assert (item.done_on, item.closed_automatically, item.response) == (None, False, "")
    assert RectificationItem.history.filter(id=item.pk).count() == 3  # created, closed, opened again
    # A first save of Q2 (before: update_or_create's savepoints, and deleting lines a new report has none of).
    assert post(client, project, 2, "0") <= 24  # 33 before
    assert MonitoringReport.objects.filter(project=project).count() == 2
    assert MonitoringReport.history.count() == history + 4
