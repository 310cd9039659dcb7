"""No lost updates: two people save the same goal (or act on the same project) at the same moment from the same
starting version; exactly one save lands, the other is refused with a clear message, nothing is overwritten.
Real concurrent sessions: two threads, two database connections, on SQLite (a file, writers queue at BEGIN)
and on PostgreSQL (row locks)."""

from __future__ import annotations

import threading

import pytest

from jixiao.store.errors import ConflictError
from jixiao.store.goals import save_goal
from jixiao.store.models import Indicator, Project
from tests.web.conftest import goal_draft


def race(*jobs):
    """Run the jobs at once, each in its own thread with its own connection; return what each returned/raised."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(n, job):
        from django.db import connections

        try:
            barrier.wait()
            results[n] = job()
        except Exception as exc:  # collected for the assertions
            results[n] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n, job)) for n, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("attempt", range(3))
def test_two_editors_one_wins_and_nothing_is_overwritten(world, attempt):
    project = world["projects"]["国库项目"]
    unit = world["accounts"]["unit"].user
    version = project.version
    first = goal_draft(annual_goal="甲的目标")
    second = goal_draft(annual_goal="乙的目标", name=["乙改的指标", "验收合格率", "项目总成本", "支付差错率", "服务对象满意度"])
    results = race(lambda: save_goal(Project.objects.get(pk=project.pk), first, version, unit),
                   lambda: save_goal(Project.objects.get(pk=project.pk), second, version, unit))
    conflicts = [r for r in results if isinstance(r, ConflictError)]
    saved = [r for r in results if isinstance(r, Project)]
    assert len(saved) == 1 and len(conflicts) == 1, results
    assert "已被他人修改" in str(conflicts[0])
    stored = Project.objects.get(pk=project.pk)
    assert stored.version == version + 1 and stored.annual_goal == saved[0].annual_goal
    names = set(Indicator.objects.filter(project=stored).values_list("name", flat=True))
    assert ("乙改的指标" in names) == (stored.annual_goal == "乙的目标")  # the tree belongs to the winner only
