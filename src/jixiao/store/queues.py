"""Each role's work queue, read by the dashboard: what waits for this user, with counts and where to act.
待审核 for a department or the finance bureau, 待填报 for a unit, 待整改, 预警待处理, the units' requests for an
ex-ante assessment (finance) and the evaluations a team member still has to score."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.urls import reverse

from jixiao.core.workflow import Status
from jixiao.store.access import account_of, of_projects, visible_evaluations, visible_projects
from jixiao.store.models import (
    ExAnteAssessment,
    ExAnteRequest,
    MonitoringWarning,
    Project,
    Role,
)
from jixiao.store.selectors import open_rectifications, open_warnings

SHOWN = 8  # rows listed per queue; the count and the link give the rest
SEVERITY = ("red", "yellow", "blue")  # warning colours in the order a queue lists them
COUNTED = 1000  # a queue counts at most this many (and says 以上 beyond): no request counts the whole province


@dataclass
class QueueRow:
    text: str
    url: str
    note: str = ""


@dataclass
class Queue:
    key: str
    label: str
    count: int
    url: str
    rows: list[QueueRow] = field(default_factory=list)

    @property
    def count_text(self) -> str:
        return f"{COUNTED} 以上" if self.count > COUNTED else str(self.count)


def _count(rows: Any, listed: list[Any] | None = None) -> int:
    """How many `rows` there are, counted up to COUNTED + 1 (a LIMITed subquery) — or without a query when
    `listed`, their first SHOWN, came short of SHOWN."""
    if listed is not None and len(listed) < SHOWN:
        return len(listed)
    return int(rows[:COUNTED + 1].count())


def _project_url(project: Project) -> str:
    return reverse("project_detail", args=[project.pk])


def _projects_queue(key: str, label: str, projects: Any, url: str, note: Any = None) -> Queue:
    listed = list(projects[:SHOWN])
    rows = [QueueRow(p.name, _project_url(p), note(p) if note else p.unit.name) for p in listed]
    return Queue(key, label, _count(projects, listed), url, rows)


def _review_queue(projects: Any, status: Status) -> Queue:
    waiting = projects.filter(status=status.value).order_by("unit__code", "name")
    return _projects_queue("review", "待审核", waiting, f"{reverse('projects')}?status={status.value}")


def _to_fill(projects: Any) -> Queue:
    """A unit's goals still to write or correct, and approved projects whose self-evaluation is not submitted."""
    waiting = projects.filter(Q(status__in=(Status.DRAFT.value, Status.RETURNED.value))
                              | Q(status=Status.APPROVED.value, scope="project")
                              & (Q(selfeval__isnull=True) | Q(selfeval__submitted=False))).order_by("name")

    def note(p: Project) -> str:
        if p.status == Status.RETURNED.value:
            return "目标被退回，请修改后重新提交"
        if p.status == Status.DRAFT.value:
            return "绩效目标待填报"
        return "单位自评待填报"

    return _projects_queue("fill", "待填报", waiting, f"{reverse('dashboard')}#unit-projects", note)


def _rectifications(projects: Any) -> Queue:
    items = open_rectifications(projects).select_related("project").order_by("deadline")
    listed = list(items[:SHOWN])
    rows = [QueueRow(i.project.name, reverse("results") + "#rectifications", f"整改期限 {i.deadline:%Y-%m-%d}")
            for i in listed]
    return Queue("rectify", "待整改", _count(items, listed), reverse("results") + "#rectifications", rows)


def _warnings(projects: Any, url: str | None = None, counted: int | None = None) -> Queue:
    """Open warnings, red first, then yellow, blue and the rest; the latest raised first within a colour (a short
    read of the open warnings' index per colour, the same queries whatever the data). `counted`: their number when
    the caller has it."""
    warnings = open_warnings(projects).select_related("project")
    listed: list[MonitoringWarning] = []
    for colour in (*SEVERITY, None):
        rows = warnings.filter(colour=colour) if colour else warnings.exclude(colour__in=SEVERITY)
        listed += rows.order_by("colour", "-pk")[:SHOWN]
    listed = listed[:SHOWN]
    rows = [QueueRow(w.project.name, reverse("monitoring_entry", args=[w.project_id, w.latest_period]),
                     f"{w.get_colour_display()}色预警：{w.kind_label}") for w in listed]
    return Queue("warnings", "预警待处理", _count(warnings) if counted is None else counted,
                 url or reverse("warning_board"), rows)


def open_exante_requests(projects: Any) -> list[ExAnteRequest]:
    """Requests with no assessment recorded since (the finance bureau's task list)."""
    requests = of_projects(ExAnteRequest.objects.select_related("project__unit", "requested_by"), projects).order_by(
        "requested_at")
    assessed = dict(of_projects(ExAnteAssessment.objects.all(), projects).values_list("project_id", "created_at"))
    latest: dict[int, ExAnteRequest] = {}
    for r in requests:
        if r.project_id not in assessed or assessed[r.project_id] < r.requested_at:
            latest.setdefault(r.project_id, r)
    return list(latest.values())


def _exante_queue(projects: Any) -> Queue:
    requests = open_exante_requests(projects)
    rows = [QueueRow(r.project.name, reverse("exante", args=[r.project_id]),
                     f"{r.project.unit.name} {r.requested_at:%Y-%m-%d} 申请") for r in requests[:SHOWN]]
    url = reverse("exante", args=[requests[0].project_id]) if requests else reverse("projects")
    return Queue("exante", "事前评估申请", len(requests), url, rows)


def _scoring(user: Any) -> Queue:
    open_ones = visible_evaluations(user).filter(status="open").order_by("created_at")
    listed = list(open_ones[:SHOWN])
    rows = [QueueRow(e.title, reverse("evaluation_detail", args=[e.pk]), e.project.unit.name) for e in listed]
    return Queue("score", "待评分", _count(open_ones, listed), reverse("evaluations"), rows)


def work_queue(user: Any, open_warnings: int | None = None) -> list[Queue]:
    """The queues of `user`'s role, most pressing first. `open_warnings`: how many open warnings the user's
    projects have, when the caller already counted them (the dashboard's figures), else counted here."""
    account = account_of(user)
    if account is None:
        return []
    projects = visible_projects(user)
    if account.role == Role.UNIT:
        # A unit has no warning board: its warnings are on each project's monitoring page, listed here.
        return [_to_fill(projects), _rectifications(projects),
                _warnings(projects, f"{reverse('dashboard')}#unit-projects", open_warnings)]
    if account.role == Role.DEPARTMENT:
        return [_review_queue(projects, Status.DEPARTMENT_REVIEW), _rectifications(projects),
                _warnings(projects, counted=open_warnings)]
    if account.role in (Role.FINANCE, Role.ADMIN):
        return [_review_queue(projects, Status.FINANCE_REVIEW), _exante_queue(projects),
                _warnings(projects, counted=open_warnings), _rectifications(projects)]
    if account.role == Role.EVALUATOR:
        return [_scoring(user)]
    return []
