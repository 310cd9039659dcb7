"""The year as users meet it (issue 14): warnings follow the saved data, a self-evaluation is complete before it
is submitted, the approved amount follows the 审减, and scores appear only once a self-evaluation exists."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jixiao.core.workflow import Action
from jixiao.profiles import load_profile
from jixiao.store.errors import ServiceError
from jixiao.store.models import (
    BudgetSuggestion,
    KeyEvaluation,
    MonitoringWarning,
    Project,
    RectificationItem,
    SelfEvaluationRecord,
)
from jixiao.store.monitoring import (
    IndicatorEntry,
    ensure_fund_sources,
    open_rectification_for_warning,
    report_period,
)
from jixiao.store.review import Decision, act
from jixiao.store.selfeval import ActualEntry, Narrative, save_selfeval

KUNMING = load_profile("kunming")
BUDGET = Decimal(1500000)


def approve(world, project, cut=Decimal(0)):
    jurisdiction = project.unit.department.jurisdiction
    jurisdiction.profile = "kunming"
    jurisdiction.save()
    Project.objects.filter(pk=project.pk).update(adjusted_budget=BUDGET, initial_budget=BUDGET)
    project = Project.objects.get(pk=project.pk)
    for who, action, score in (("unit", Action.SUBMIT, None), ("department", Action.APPROVE, None),
                               ("finance", Action.APPROVE, Decimal(92))):
        project = act(project, Decision(action, project.version, score=score,
                                        cut_amount=cut if who == "finance" else Decimal(0)),
                      world["accounts"][who].user, KUNMING)
    return project


@pytest.fixture
def approved(world, submitted_ready):
    return approve(world, submitted_ready)


def save(world, project, quarter, executed):
    project = Project.objects.get(pk=project.pk)
    fund = ensure_fund_sources(project)[0]
    entries = {i.pk: IndicatorEntry(i.pk) for i in project.indicators.all()}
    report_period(project, quarter, {fund.pk: Decimal(executed)}, entries, world["accounts"]["unit"].user, KUNMING,
                  today=date(2025, 3 * quarter, 28))


def lag(project):
    return list(MonitoringWarning.objects.filter(project=project, kind="execution_lag"))


def test_resaving_a_period_with_corrected_figures_clears_its_warning_with_the_reason(client, world, approved):
    save(world, approved, 1, "72600")  # 4.84 % against 25 % time progress
    [warning] = lag(approved)
    assert warning.is_open and "4.84" in warning.message
    item = open_rectification_for_warning(warning, KUNMING, date(2025, 4, 2))
    save(world, approved, 1, "726000")  # corrected: 48.40 %, ahead of time progress
    [warning] = lag(approved)
    assert not warning.is_open and warning.cleared_period == 1
    assert warning.cleared_reason == "2024年第1季度监控数据重新填报后预警条件不再成立"
    assert RectificationItem.objects.get(pk=item.pk).closed_automatically
    client.force_login(world["accounts"]["finance"].user)
    board = client.get("/monitoring/").content.decode()
    assert "重新填报后预警条件不再成立" not in board  # the open list (default) no longer shows it
    assert MonitoringWarning.objects.filter(cleared_period__isnull=True).count() == 0
    cleared = client.get("/monitoring/?state=cleared").content.decode()
    assert "第1期已解除（2024年第1季度监控数据重新填报后预警条件不再成立）" in cleared


def test_a_correction_reaches_later_periods_and_a_worse_one_raises_again(world, approved):
    save(world, approved, 1, "72600")
    save(world, approved, 2, "100000")  # still behind: the same warning, now in Q2
    [warning] = lag(approved)
    assert (warning.raised_period, warning.latest_period, warning.is_open) == (1, 2, True)
    save(world, approved, 2, "900000")  # Q2 corrected: the warning raised in Q1 clears in Q2
    [warning] = lag(approved)
    assert warning.cleared_period == 2 and warning.cleared_reason == "2024年第2季度监控数据显示预警条件已消除"
    save(world, approved, 1, "726000")  # Q1 corrected too: it was never due
    [warning] = lag(approved)
    assert warning.cleared_period == 1 and "重新填报" in warning.cleared_reason
    save(world, approved, 2, "100000")  # Q2 worse again: a new warning raised in Q2; Q1's stays cleared
    first, second = lag(approved)
    assert (first.cleared_period, second.raised_period, second.is_open, second.cleared_reason) == (1, 2, True, "")


def qualitative_project(world, approved):
    """The approved project with its satisfaction indicator made qualitative (score left to the unit)."""
    ind = approved.indicators.get(name="服务对象满意度")
    ind.target = "群众满意"
    ind.save()
    return Project.objects.get(pk=approved.pk), ind


def entries(project, **over):
    actual = {"升级系统数": "3套", "验收合格率": "96%", "项目总成本": "140万元", "支付差错率": "0.05%",
              "服务对象满意度": "基本达成"}
    return {i.pk: ActualEntry(i.pk, actual[i.name], *over.get(i.name, ("", ""))) for i in project.indicators.all()}


def test_self_evaluation_is_not_submitted_while_a_qualitative_score_or_a_reason_is_missing(client, world, approved):
    project, _ = qualitative_project(world, approved)
    unit = world["accounts"]["unit"].user
    with pytest.raises(ServiceError, match="尚缺：定性指标“服务对象满意度”须填写得分"):
        save_selfeval(project, project.version, BUDGET, entries(project), True, unit, KUNMING)
    assert not SelfEvaluationRecord.objects.filter(project=project).exists()
    # The page lists what is missing before anything is submitted.
    client.force_login(unit)
    page = client.get(f"/projects/{project.pk}/selfeval/").content.decode()
    assert "提交前须补齐或改正" in page and "定性指标“服务对象满意度”须填写得分" in page
    # A score below full marks needs its 偏差原因 too.
    with pytest.raises(ServiceError, match="须填写偏差原因"):
        save_selfeval(project, project.version, BUDGET, entries(project, 服务对象满意度=("7", "")), True, unit,
                      KUNMING)
    record = save_selfeval(project, project.version, BUDGET,
                           entries(project, 服务对象满意度=("7", "部分群众对办理时限不满意")), True, unit, KUNMING)
    assert record.submitted


def test_a_submitted_self_evaluation_missing_a_reason_opens_again_for_it(client, world, approved):
    project, ind = qualitative_project(world, approved)
    unit = world["accounts"]["unit"].user
    save_selfeval(project, project.version, BUDGET, entries(project, 服务对象满意度=("7", "说明")), True, unit,
                  KUNMING)
    # An earlier version let this through: the reason is gone from a submitted record.
    type(ind).objects.filter(pk=ind.pk).update(deviation_reason="")
    client.force_login(unit)
    page = client.get(f"/projects/{project.pk}/selfeval/").content.decode()
    assert "已重新开放填写" in page and 'name="reason_' in page and "disabled" not in page.split("<table")[2]
    project = Project.objects.get(pk=project.pk)
    post = {"version": project.version, "executed": "1500000", "action": "submit", "experience": "按月调度"}
    post |= {f"actual_{e.indicator_id}": e.actual for e in entries(project).values()}
    post |= {f"score_{ind.pk}": "7", f"reason_{ind.pk}": "部分群众对办理时限不满意"}
    assert client.post(f"/projects/{project.pk}/selfeval/", post).status_code == 302
    record = SelfEvaluationRecord.objects.get(project=project)
    assert record.submitted and record.experience == "按月调度"
    assert "已重新开放填写" not in client.get(f"/projects/{project.pk}/selfeval/").content.decode()
    with pytest.raises(ServiceError, match="自评已提交"):
        save_selfeval(Project.objects.get(pk=project.pk), project.version + 1, BUDGET, entries(project), False,
                      unit, KUNMING, Narrative())


def test_approved_cut_gives_the_approved_amount_on_project_list_export_and_history(client, world, submitted_ready):
    project = approve(world, submitted_ready, cut=Decimal(50000))
    assert project.approved_budget == Decimal(1450000) and project.adjusted_budget == BUDGET
    client.force_login(world["accounts"]["unit"].user)
    detail = client.get(f"/projects/{project.pk}/").content.decode()
    assert '<td class="num" id="approved-budget">1,450,000.00</td>' in detail and ">50,000.00<" in detail
    assert "1,450,000.00" in client.get("/").content.decode()
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(client.get("/projects/export.xlsx").content))["项目"]
    header = [c.value for c in sheet[1]]
    rows = {r[3]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["国库项目"]["批复金额（元）"] == 1450000
    history = [h.approved_budget for h in project.history.order_by("history_id")]
    assert history[-1] == Decimal(1450000) and history[0] is None
    assert "批复金额" in client.get(f"/projects/{project.pk}/history/").content.decode()
    assert client.get(f"/api/projects/{project.pk}").json()["approved_budget"] in ("1450000", "1450000.00", 1450000)


def test_results_prefill_the_suggestion_even_when_it_is_zero(client, world, approved):
    evaluation = KeyEvaluation.objects.create(project=approved, title="评价", created_by=world["accounts"]["finance"]
                                              .user, status="final", grade="差")
    BudgetSuggestion.objects.create(evaluation=evaluation, grade="差", action="取消资金安排", budget=BUDGET,
                                    suggested=Decimal(0))
    client.force_login(world["accounts"]["finance"].user)
    page = client.get("/results/").content.decode()
    assert 'name="amount" value="0.00"' in page or 'name="amount" value="0"' in page
    assert f'name="amount" value="{BUDGET}' not in page


def test_changing_one_indicator_logs_one_entry_with_before_and_after(world, submitted_ready):
    from jixiao.store.changes import ChangeLog
    from jixiao.store.goals import save_goal
    from tests.web.conftest import GOOD_GOAL, goal_draft

    unit = world["accounts"]["unit"].user
    project = Project.objects.get(pk=submitted_ready.pk)
    before = ChangeLog(None, None, None, project_id=project.pk).count()
    values = list(GOOD_GOAL["value"])
    values[1] = "98"  # 验收合格率 ≥95% → ≥98%
    save_goal(project, goal_draft(value=values), project.version, unit)
    new = ChangeLog(None, None, None, project_id=project.pk)[:ChangeLog(None, None, None,
                                                                        project_id=project.pk).count() - before]
    assert [(c.operation, c.name) for c in new] == [("修改", "验收合格率")]  # not 5 deletions, 5 insertions, 1 empty
    assert [(f.label, f.before, f.after) for f in new[0].fields] == [("指标值", "≥95%", "≥98%")]
    # Moving an indicator: its position, counted from 1.
    names = list(GOOD_GOAL["name"])
    order = [1, 0, 2, 3, 4]
    draft = goal_draft(**{k: [GOOD_GOAL[k][i] if k != "value" else values[i] for i in order]
                          for k in ("level1", "level2", "name", "operator", "value", "unit", "weight")})
    project.refresh_from_db()
    save_goal(project, draft, project.version, unit)
    moved = ChangeLog(None, None, None, project_id=project.pk)[:2]
    assert sorted((c.name, [(f.label, f.before, f.after) for f in c.fields]) for c in moved) == [
        (names[0], [("序号", "1", "2")]), (names[1], [("序号", "2", "1")])]
    assert all(c.fields for c in ChangeLog(None, None, None, project_id=project.pk).all())  # no empty rows


def test_import_reports_cells_permissions_and_duplicates_in_one_pass_grouped_by_row(client, world):
    from tests.web.test_project_import import filled, upload

    client.force_login(world["accounts"]["unit"].user)
    rows = [("101001", 2025, "GK-001", "国库支付系统升级", "一次性项目", 1500000, "一百五十万"),  # bad cell
            ("102001", 2025, "XX-001", "别的单位的项目", "一次性项目", 1000, 1000),  # another unit's row
            ("101001", 2025, "GK-002", "国库业务培训", "经常性项目", 80000, 80000),
            ("101001", 2025, "GK-002", "国库业务培训（重复）", "经常性项目", 80000, 80000)]  # duplicate code
    before = Project.objects.count()
    response = upload(client, filled(client, rows, []), "mixed.xlsx")
    page = response.content.decode()
    assert response.status_code == 400 and Project.objects.count() == before
    assert "有 3 处错误" in page  # before: only the cell error; the permission error came after fixing it
    for where, what in (("表「项目」第 2 行", "不是有效的金额"), ("表「项目」第 3 行", "无权为单位“102001”登记项目"),
                        ("表「项目」第 5 行", "重复")):
        group = page.split(where, 1)[1].split("</tr>", 1)[0]
        assert what in group, where


def test_a_server_error_is_logged_with_the_request_id_shown_on_the_error_page(client, world, monkeypatch):
    import logging

    from django.conf import settings
    from django.test import Client

    from jixiao.web.logging import RequestIdFilter

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("jixiao.web.views.projects.filtered_projects", broken)
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    handler.addFilter(RequestIdFilter())
    logging.getLogger("django.request").addHandler(handler)
    try:
        browser = Client(raise_request_exception=False)
        browser.force_login(world["accounts"]["unit"].user)
        response = browser.get("/")
    finally:
        logging.getLogger("django.request").removeHandler(handler)
    page = response.content.decode()
    request_id = response["X-Request-ID"]
    assert response.status_code == 500 and f'<code id="request-id">{request_id}</code>' in page
    [record] = [r for r in records if r.levelno >= logging.ERROR]
    assert record.request_id == request_id and record.exc_info and "boom" in str(record.exc_info[1])
    # Configured, not Django's default (which prints nothing when DEBUG is off): django.request goes to stderr.
    assert settings.LOGGING["loggers"]["django.request"]["handlers"] == ["stderr"]


def test_the_demos_own_self_evaluation_reports_release_without_slots_or_contradictions(db):
    from jixiao.cli.demo import demo_document
    from jixiao.store.demo import load_demo
    from jixiao.store.documents import selfeval_document

    load_demo(demo_document())
    records = SelfEvaluationRecord.objects.filter(project__unit__code__startswith="70", project__year=2024,
                                                  submitted=True)
    assert records.count() == 4  # every self-evaluation of the demo's own document, completed and submitted
    for record in records.select_related("project"):
        generated = selfeval_document(record.project, "docx")
        try:
            assert generated.release.released, (record.project.name, generated.release.problems)
            text = generated.release.renditions[0].result.document.source.text
        finally:
            generated.folder.cleanup()
        for phrase in ("【请", "（未填报）", "各项指标均无偏差说明"):
            assert phrase not in text, (record.project.name, phrase)
        if record.project.annual_goal:
            assert record.project.annual_goal.strip()[:20] in text  # the goal the project has, not “未填报”


def test_the_secret_key_file_is_private_and_one_for_every_worker(tmp_path):
    import stat
    import subprocess
    import sys

    from tests.conftest import REPO

    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "src"), "JIXIAO_DATA_DIR": str(tmp_path)}
    code = "import jixiao.web.settings as s; print(s.SECRET_KEY)"
    workers = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
               for _ in range(4)]
    keys = {w.communicate(timeout=60)[0].strip() for w in workers}
    assert len(keys) == 1 and len(keys.pop()) > 40  # before: a worker that lost the race could get its own key
    assert stat.S_IMODE((tmp_path / "secret_key").stat().st_mode) == 0o600  # before: 0644


def test_a_blocked_self_evaluation_report_points_to_the_fields_it_needs(client, world, approved):
    project, ind = qualitative_project(world, approved)
    unit = world["accounts"]["unit"].user
    save_selfeval(project, project.version, BUDGET, entries(project, 服务对象满意度=("7", "说明")), True, unit,
                  KUNMING)
    type(ind).objects.filter(pk=ind.pk).update(deviation_reason="")  # left by an earlier version
    client.force_login(unit)
    page = client.get(f"/documents/selfeval/{project.pk}/?format=docx").content.decode()
    assert "须填写偏差原因" in page and f'href="/projects/{project.pk}/selfeval/"' in page
    assert "已重新开放填写" in client.get(f"/projects/{project.pk}/selfeval/").content.decode()
