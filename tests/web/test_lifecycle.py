"""One project through the year, at the service layer: ex-ante, four quarterly reports (a warning raised in Q2
and cleared in Q3, with the rectification tied to it closing itself), a self-evaluation scored as the engine
scores it, a key evaluation by a two-member team graded 中, a 10 % cut suggestion under the Kunming profile, and
a rectification item that goes overdue."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jixiao.core.workflow import Action
from jixiao.profiles import load_profile
from jixiao.scoring.exante import ExpertScore
from jixiao.scoring.results import RectificationItem as CoreItem
from jixiao.scoring.results import RectificationStatus, rectification_state
from jixiao.scoring.selfeval import score_self_evaluation
from jixiao.store.errors import ServiceError
from jixiao.store.evaluation import (
    add_finding,
    confirm_suggestion,
    create_evaluation,
    finalise,
    submit_scores,
)
from jixiao.store.exante import record_assessment
from jixiao.store.mapping import self_evaluation
from jixiao.store.models import (
    Account,
    CorrectiveAction,
    Project,
    RectificationItem,
    Role,
    SelfEvaluationRecord,
)
from jixiao.store.monitoring import (
    IndicatorEntry,
    ensure_fund_sources,
    open_rectification_for_warning,
    record_action,
    report_period,
    totals,
)
from jixiao.store.review import Decision, act
from jixiao.store.selfeval import ActualEntry, save_selfeval
from jixiao.store.services import create_account
from tests.web.conftest import PASSWORD

KUNMING = load_profile("kunming")
EXECUTED = {1: "300000", 2: "400000", 3: "1050000", 4: "1400000"}


def refresh(project):
    return Project.objects.get(pk=project.pk)


@pytest.fixture
def year(world, submitted_ready):
    """The unit's project approved through review, in a jurisdiction on the Kunming profile."""
    jurisdiction = submitted_ready.unit.department.jurisdiction
    jurisdiction.profile = "kunming"
    jurisdiction.save()
    Project.objects.filter(pk=submitted_ready.pk).update(needs_ex_ante=True, adjusted_budget=Decimal(1500000),
                                                         initial_budget=Decimal(1500000))
    return refresh(submitted_ready)


def entries(project):
    expected = {"升级系统数": "3", "验收合格率": "96", "项目总成本": "140", "支付差错率": "0.05", "服务对象满意度": "92"}
    return {i.pk: IndicatorEntry(i.pk, "", expected[i.name]) for i in project.indicators.all()}


def test_a_year_of_one_project(world, year):
    unit, dept, fin = (world["accounts"][r].user for r in ("unit", "department", "finance"))
    # Ex-ante: without an assessment the goal cannot go into the budget.
    with pytest.raises(ServiceError, match="须先完成事前绩效评估"):
        act(year, Decision(Action.SUBMIT, year.version), unit, KUNMING)
    panel = [ExpertScore(e, d, d, Decimal(s)) for e, s in (("张专家", 18), ("李专家", 16))
             for d in ("立项必要性", "投入经济性", "绩效目标合理性", "实施方案可行性", "筹资合规性")]
    assessment = record_assessment(year, panel, Decimal(1600000), Decimal(1500000), fin, KUNMING)
    assert (assessment.total, assessment.grade, assessment.conclusion, assessment.cut) == (
        Decimal(85), "良", "支持", Decimal(100000))
    p = act(year, Decision(Action.SUBMIT, year.version), unit, KUNMING)
    p = act(p, Decision(Action.APPROVE, p.version), dept, KUNMING)
    p = act(p, Decision(Action.APPROVE, p.version, score=Decimal(92)), fin, KUNMING)
    assert p.status == "approved"

    # Four quarters: Q2 is 26.67 % against 50 % time progress (red), Q3 clears it.
    warning_item = None
    for quarter in (1, 2, 3, 4):
        p = refresh(p)
        fund = ensure_fund_sources(p)[0]
        report_period(p, quarter, {fund.pk: Decimal(EXECUTED[quarter])}, entries(p), unit, KUNMING,
                      today=date(2025, 3 * quarter, 28))
        lag = p.warnings.filter(kind="execution_lag").first()
        if quarter == 1:
            assert lag is None
        if quarter == 2:
            assert lag.colour == "red" and lag.raised_period == 2 and lag.is_open and "26.67" in lag.message
            warning_item = open_rectification_for_warning(lag, KUNMING, date(2025, 7, 5))
            record_action(p, "urge", None, "督促加快支出", "finance", fin, lag)
            record_action(p, "budget_cut", Decimal(100000), "单位申请调减", "unit", fin, lag)
        if quarter == 3:
            assert lag.cleared_period == 3 and not lag.is_open
            item = RectificationItem.objects.get(pk=warning_item.pk)
            assert item.done_on == date(2025, 9, 28) and item.closed_automatically
    assert refresh(p).executed == Decimal(1400000)
    sums = totals(CorrectiveAction.objects.all())
    assert sums.unit_cuts == Decimal(100000) and "部门主动申请调减预算额度10" in sums.summary()

    # Self-evaluation: prefilled actuals, scored exactly as the engine scores the stored project.
    p = refresh(p)
    typed = {i.pk: ActualEntry(i.pk, {"升级系统数": "3套", "验收合格率": "96%", "项目总成本": "140万元",
                                      "支付差错率": "0.05%", "服务对象满意度": "92%"}[i.name]) for i in p.indicators.all()}
    record = save_selfeval(p, p.version, Decimal(1400000), typed, True, unit, KUNMING)
    engine = score_self_evaluation(self_evaluation(refresh(p)), KUNMING)
    assert (record.total, record.grade) == (engine.total, engine.grade) and record.submitted
    assert engine.execution_score == Decimal("9.33") and engine.total == Decimal("99.33")

    # Key evaluation by a two-member team → 中 → at most 10 % cut; a finding becomes a rectification item.
    second = create_account("expert2", PASSWORD, Role.EVALUATOR).user
    first = Account.objects.get(user__username="u_evaluator").user
    evaluation = create_evaluation(p, [first, second], fin, "amount")
    for member, share in ((first, Decimal("0.75")), (second, Decimal("0.7"))):
        submit_scores(evaluation, {path.split("/")[2]: w * share for path, w in KUNMING.keyeval.framework.items()},
                      member, KUNMING)
    add_finding(evaluation, "funds", "资金支付进度滞后", first)
    finalise(evaluation, date(2026, 1, 10), fin, KUNMING)
    evaluation.refresh_from_db()
    assert (evaluation.total, evaluation.grade) == (Decimal("73.98"), "中")  # 资金到位率 3 + 预算执行率 93.33% × 3 = 2.80 from the data
    suggestion = evaluation.suggestion
    assert (suggestion.max_cut, suggestion.suggested) == (Decimal(150000), Decimal(1350000))
    with pytest.raises(ServiceError, match="调整理由"):
        confirm_suggestion(suggestion, Decimal(1400000), "", fin)
    confirm_suggestion(suggestion, Decimal(1350000), "", fin)
    item = RectificationItem.objects.get(finding__evaluation=evaluation)
    assert item.deadline == date(2026, 3, 10)
    state = rectification_state(CoreItem(item.description, "u", item.report_date, deadline=item.deadline),
                                date(2026, 3, 11), KUNMING)
    assert state.status is RectificationStatus.OVERDUE and state.days_overdue == 1


def test_monitoring_and_actions_are_refused_outside_role(world, year):
    Project.objects.filter(pk=year.pk).update(status="approved")
    p = refresh(year)
    fund = ensure_fund_sources(p)[0]
    for role in ("department", "finance", "admin", "evaluator"):
        with pytest.raises(ServiceError, match="只有项目所属单位"):
            report_period(p, 1, {fund.pk: Decimal(1)}, {}, world["accounts"][role].user, KUNMING)
    with pytest.raises(ServiceError, match="期次 5"):
        report_period(p, 5, {fund.pk: Decimal(1)}, {}, world["accounts"]["unit"].user, KUNMING)
    for role in ("unit", "department"):
        with pytest.raises(ServiceError, match="只有财政部门"):
            record_action(p, "urge", None, "", "finance", world["accounts"][role].user)
    with pytest.raises(ServiceError):
        record_action(p, "recall", None, "", "finance", world["accounts"]["finance"].user)  # a recall needs an amount


def test_selfeval_imported_from_a_document(client, world, year, tmp_path):
    from tests.builders import selfeval_report

    Project.objects.filter(pk=year.pk).update(status="approved")
    indicators = [("产出指标", "数量指标", "升级系统数", "=3套", "3", 20, 20, ""),
                  ("产出指标", "质量指标", "验收合格率", "≥95%", "96", 15, 15, ""),
                  ("产出指标", "成本指标", "项目总成本", "≤150万元", "140", 15, 15, ""),
                  ("效益指标", "社会效益指标", "支付差错率", "≤0.1%", "0.05", 30, 30, ""),
                  ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "92", 10, 10, ""),
                  ("满意度指标", "服务对象满意度指标", "文档里多出的指标", "≥90%", "92", 0, 0, "")]
    path = tmp_path / "自评.txt"
    path.write_text("\n".join(["# 甲县财政局", "", *selfeval_report("国库项目", 1500000, 1400000, indicators, "9.33",
                                                                 "90", "99.33", "优")]), encoding="utf-8")
    client.force_login(world["accounts"]["unit"].user)
    with path.open("rb") as f:
        response = client.post(f"/projects/{year.pk}/selfeval/", {"document": f}, follow=True)
    page = response.content.decode()
    assert "已从“自评.txt”导入 5 个指标" in page and "文档里多出的指标" in page
    stored = refresh(year)
    assert stored.executed == Decimal(1400000) and stored.reported_total == Decimal("99.33")
    assert stored.selfeval.submitted is False  # a draft: the unit checks and submits
    assert {i.name: i.actual for i in stored.indicators.all()}["验收合格率"] == "96"


def test_selfeval_import_of_another_project_changes_nothing(client, world, year, tmp_path):
    from tests.builders import GOOD_INDICATORS, selfeval_report

    Project.objects.filter(pk=year.pk).update(status="approved")
    path = tmp_path / "other.txt"
    path.write_text("\n".join(["# 甲县", "", *selfeval_report("别的项目", 100, 90, GOOD_INDICATORS, "9", "90", "99", "优"),
                               *selfeval_report("第三个项目", 100, 90, GOOD_INDICATORS, "9", "90", "99", "优")]),
                    encoding="utf-8")
    client.force_login(world["accounts"]["unit"].user)
    with path.open("rb") as f:
        page = client.post(f"/projects/{year.pk}/selfeval/", {"document": f}, follow=True).content.decode()
    assert "导入未完成，未做任何修改" in page and "没有项目“国库项目”的自评" in page
    assert refresh(year).version == year.version and not SelfEvaluationRecord.objects.exists()
