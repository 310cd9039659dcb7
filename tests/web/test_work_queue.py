"""Each role's dashboard opens with its work queue; the goal editor shows the return comments beside the
indicators and counts a wrong weight total as a problem; a unit asks for its ex-ante assessment and the request
waits in the finance bureau's queue until one is recorded; numbers through the one figure filter."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from jixiao.core.workflow import Action
from jixiao.profiles import load_profile
from jixiao.store.exante import open_request, request_assessment
from jixiao.store.models import ExAnteRequest, Project
from jixiao.store.queues import work_queue
from jixiao.store.review import Decision, act
from jixiao.web.templatetags.figures import figure, figure_unit
from tests.web.conftest import GOOD_GOAL

PROFILE = load_profile("central")


def do(project, who, action, **kw):
    project = Project.objects.get(pk=project.pk)
    return act(project, Decision(Action(action), project.version, **kw), who, PROFILE)


def queue(user, key):
    return next(q for q in work_queue(user) if q.key == key)


def test_figures_have_separators_and_empty_is_a_dash_without_unit():
    assert figure(Decimal("3888000")) == "3,888,000.00"
    assert figure(Decimal("3888000"), "万元") == "388.80"
    assert figure_unit(Decimal("680226000"), "万元") == "68,022.60 万元"
    assert figure_unit(Decimal("63.155"), "%") == "63.16%"
    assert figure(None) == figure_unit(None, "%") == figure_unit("", "元") == "—"


def test_pages_print_amounts_with_separators_and_units_in_headers(client, world):
    client.force_login(world["accounts"]["unit"].user)
    listing = client.get("/").content.decode()
    assert "1,871,500.00" in listing and "1871500.00" not in listing and "全年预算数（元）" in listing
    detail = client.get(f"/projects/{world['projects']['国库项目'].pk}/").content.decode()
    assert "1,182,000.00" in detail and "—%" not in detail


def test_the_department_sees_what_waits_for_its_review(client, world, submitted_ready):
    unit, department = world["accounts"]["unit"].user, world["accounts"]["department"].user
    assert queue(department, "review").count == 0
    do(submitted_ready, unit, "submit")
    waiting = queue(department, "review")
    assert waiting.count == 1 and waiting.rows[0].text == "国库项目" and "status=department_review" in waiting.url
    assert queue(world["accounts"]["finance"].user, "review").count == 0  # not yet at finance
    client.force_login(department)
    page = client.get("/dashboard/").content.decode()
    section = page[page.index('id="work-queue"'):page.index("</section>")]
    assert "待审核" in section and f'href="/projects/{submitted_ready.pk}/"' in section
    assert re.search(r'id="queue-review".*?<span class="count">1</span>', section, re.S)


def test_the_unit_queue_lists_its_own_goals_to_fill_and_nothing_of_others(world):
    unit = world["accounts"]["unit"].user
    to_fill = queue(unit, "fill")
    assert [r.text for r in to_fill.rows] == ["国库项目"] and to_fill.rows[0].note == "绩效目标待填报"
    assert {q.key for q in work_queue(unit)} == {"fill", "rectify", "warnings"}
    assert queue(unit, "warnings").url == "/dashboard/#unit-projects"  # not the board, which a unit may not open
    assert {q.key for q in work_queue(world["accounts"]["evaluator"].user)} == {"score"}


def test_return_comments_stand_beside_their_indicators_in_the_goal_editor(client, world, submitted_ready):
    unit, dept, fin = (world["accounts"][r].user for r in ("unit", "department", "finance"))
    do(do(do(submitted_ready, unit, "submit"), dept, "approve"), fin, "return", score=Decimal(75),
       comment="成本指标需细化", indicator_comments={"项目总成本": "请按单价测算", "已删除的指标": "不再需要"})
    client.force_login(unit)
    page = client.get(f"/projects/{submitted_ready.pk}/goal/").content.decode()
    notes = page[page.index('id="return-notes"'):page.index('<div class="editor">')]
    assert "成本指标需细化" in notes and "「已删除的指标」不再需要" in notes and "请按单价测算" not in notes
    row = page.index('value="项目总成本"')
    assert page.index("退回意见：请按单价测算") > row  # right under its indicator, before the next one
    assert page.index("退回意见：请按单价测算") < page.index('value="支付差错率"')


@pytest.mark.parametrize(("weights", "message"), [
    (["20", "15", "15", "45", "10"], "指标分值合计 105 分，应为 90 分（多 15 分）"),
    (["20", "15", "15", "30", "10"], None),
    (["20", "15", "15", "20", "10"], "指标分值合计 80 分，应为 90 分（少 10 分）"),
])
def test_the_live_goal_check_lists_a_wrong_weight_total(client, world, weights, message):
    client.force_login(world["accounts"]["unit"].user)
    project = world["projects"]["国库项目"]
    page = client.post(f"/projects/{project.pk}/goal/check/", {**GOOD_GOAL, "weight": weights}).content.decode()
    if message is None:
        assert "分值合计" not in page.split("</p>", 1)[1]
    else:
        assert f"【须改正】{message}" in page and "未发现问题" not in page


@pytest.fixture
def needs_exante(world):
    project = world["projects"]["国库项目"]
    Project.objects.filter(pk=project.pk).update(needs_ex_ante=True)
    return Project.objects.get(pk=project.pk)


def test_the_exante_page_says_who_records_it_and_where_it_stands(client, world, needs_exante):
    client.force_login(world["accounts"]["unit"].user)
    page = client.get(f"/projects/{needs_exante.pk}/exante/").content.decode()
    assert "财政部门" in page and "第三方机构" in page and "尚未评估，也未申请" in page and 'id="exante-request"' in page
    response = client.post(f"/projects/{needs_exante.pk}/exante/", {"action": "request", "note": "材料已备齐"},
                           follow=True)
    page = response.content.decode()
    assert "已申请，等待财政部门安排" in page and 'id="exante-request"' not in page
    finance = world["accounts"]["finance"].user
    waiting = queue(finance, "exante")
    assert waiting.count == 1 and waiting.rows[0].text == "国库项目"
    assert waiting.rows[0].url == f"/projects/{needs_exante.pk}/exante/"
    again = client.post(f"/projects/{needs_exante.pk}/exante/", {"action": "request"})
    assert again.status_code == 400 and "请勿重复申请" in again.content.decode()
    assert ExAnteRequest.objects.count() == 1


@pytest.mark.parametrize("role", ["department", "finance", "evaluator"])
def test_only_the_owning_unit_may_request_an_assessment(client, world, needs_exante, role):
    client.force_login(world["accounts"][role].user)
    response = client.post(f"/projects/{needs_exante.pk}/exante/", {"action": "request"})
    assert response.status_code in (403, 404) and not ExAnteRequest.objects.exists()


def test_another_unit_cannot_request_and_a_recorded_assessment_closes_the_task(world, needs_exante):
    from jixiao.scoring.exante import ExpertScore, simple_sheet
    from jixiao.store.errors import ServiceError
    from jixiao.store.exante import record_assessment
    from jixiao.store.models import Account

    other = Account.objects.create(user=world["accounts"]["department"].user.__class__.objects.create(
        username="u_other"), role="unit", unit=world["projects"]["预算项目"].unit)
    with pytest.raises(ServiceError):
        request_assessment(needs_exante, other.user)
    request_assessment(needs_exante, world["accounts"]["unit"].user)
    finance = world["accounts"]["finance"].user
    assert open_request(needs_exante) is not None and queue(finance, "exante").count == 1
    scores = [ExpertScore("专家甲", s.dimension, s.name, s.max_score) for s in simple_sheet(PROFILE)]
    record_assessment(needs_exante, scores, Decimal(100000), None, finance, PROFILE)
    assert open_request(needs_exante) is None and queue(finance, "exante").count == 0


def test_rows_of_every_project_are_not_filtered_and_a_scope_still_is(world):
    """An administrator's rows need no condition on the project (no subquery over every project); any narrower
    scope keeps its condition, and its rows are only its own."""
    from jixiao.store.access import of_projects, visible_projects
    from jixiao.store.models import MonitoringWarning

    rows = MonitoringWarning.objects.all()
    admin, unit = world["accounts"]["admin"].user, world["accounts"]["unit"].user
    assert "IN (SELECT" not in str(of_projects(rows, visible_projects(admin)).query)
    scoped = of_projects(rows, visible_projects(unit))
    assert "IN (SELECT" in str(scoped.query)
    assert set(scoped.values_list("project_id", flat=True)) <= set(visible_projects(unit).values_list("pk", flat=True))


def test_open_warnings_are_listed_red_first_then_yellow_blue_and_the_rest_latest_first(world):
    from jixiao.store.models import MonitoringWarning
    from jixiao.store.queues import SHOWN

    project = world["projects"]["国库项目"]

    def warn(colour, n, cleared=None):
        return MonitoringWarning.objects.create(project=project, key=f"{colour}{n}", kind="lag", kind_label=f"{colour}{n}",
                                                colour=colour, message="示例", raised_period=1, latest_period=1,
                                                cleared_period=cleared)

    green = warn("green", 0)
    blue = [warn("blue", n) for n in range(2)]
    warn("red", 9, cleared=2)  # cleared: not listed
    yellow = [warn("yellow", n) for n in range(3)]
    red = [warn("red", n) for n in range(2)]
    listed = queue(world["accounts"]["finance"].user, "warnings").rows
    expected = [*reversed(red), *reversed(yellow), *reversed(blue), green][:SHOWN]
    assert [r.note for r in listed] == [f"{w.get_colour_display()}色预警：{w.key}" for w in expected]
    assert queue(world["accounts"]["finance"].user, "warnings").count == 8
