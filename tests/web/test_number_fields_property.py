"""Any string typed into a numeric field of a form is either refused with a message (nothing saved) or stored as
exactly the number the strict parser reads — and no input produces a server error. One property per field."""

from __future__ import annotations

import itertools
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.money import NumberError, amount_rule, read_number, score_rule
from jixiao.scoring.exante import simple_sheet
from jixiao.store.access import profile_of
from jixiao.store.models import (
    BudgetSuggestion,
    CorrectiveAction,
    EvaluationScore,
    ExAnteAssessment,
    KeyEvaluation,
    MonitoringFund,
    MonitoringWarning,
    Project,
    Review,
)
from tests.web.conftest import GOOD_GOAL

TYPED = st.one_of(
    # NUL is left out: the middleware refuses any request holding one before a form reads it (test_hostile_params)
    # Lone surrogates are left out too: no browser can send one (the test client cannot even encode it)
    st.text(alphabet=st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=30),
    st.text(alphabet="0123456789,，.-−+eE 万元亿０１２３NaInfity年abc", max_size=20),
    st.sampled_from(["12abc", "1e5", "2024年 100", "1,2,3", "NaN", "Infinity", "1e20", "-15", "99999999999999999999999",
                     "一百万", "150万元", "1,234.50", "１２３", "100", "0"]),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
)
PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                            HealthCheck.too_slow])
codes = itertools.count()


def expected(text: str, rule) -> Decimal | None:
    try:
        return read_number(text, rule)
    except NumberError:
        return None


def assert_refused_with_message(response, label: str) -> None:
    assert response.status_code in (200, 400), response.status_code
    page = response.content.decode()
    assert label in page and ("须" in page or "不是有效" in page or "不能为空" in page or "最多" in page)


@pytest.fixture
def approved(world):
    project = world["projects"]["国库项目"]
    Project.objects.filter(pk=project.pk).update(status="approved")
    project.refresh_from_db()
    return project


@PROPERTY
@given(text=TYPED)
def test_project_budget(client, world, text):
    client.force_login(world["accounts"]["unit"].user)
    code = f"P-{next(codes)}"
    response = client.post("/projects/new/", {"unit": "101001", "year": "2025", "code": code, "name": "新项目",
                                              "project_type": "一次性项目", "initial_budget": text,
                                              "adjusted_budget": text})
    value = expected(text, amount_rule("全年预算数"))
    if value is None and text.strip():
        assert_refused_with_message(response, "预算数")
        assert not Project.objects.filter(code=code).exists()
    else:
        assert response.status_code == 302
        assert Project.objects.get(code=code).adjusted_budget == (value or Decimal(0))


@PROPERTY
@given(text=TYPED)
def test_goal_weight(client, world, text):
    client.force_login(world["accounts"]["unit"].user)
    project = Project.objects.get(pk=world["projects"]["国库项目"].pk)
    before = list(project.indicators.values_list("weight", flat=True))
    response = client.post(f"/projects/{project.pk}/goal/", {
        **GOOD_GOAL, "weight": [text, *GOOD_GOAL["weight"][1:]], "version": project.version, "action": "save"})
    value = expected(text, score_rule("分值"))
    if value is None and text.strip():
        assert_refused_with_message(response, "分值")
        assert list(project.indicators.values_list("weight", flat=True)) == before
    else:
        assert response.status_code == 302
        assert project.indicators.order_by("position").first().weight == value


@PROPERTY
@given(text=TYPED, field=st.sampled_from(["score", "cut_amount"]))
def test_review_score_and_cut(client, world, text, field):
    project = world["projects"]["国库项目"]
    Project.objects.filter(pk=project.pk).update(status="department_review")
    project.refresh_from_db()
    department = world["accounts"]["department"].user
    client.force_login(department)
    reviews = Review.objects.count()
    response = client.post(f"/projects/{project.pk}/act/", {
        "action": "return", "version": project.version, "comment": "请补充", field: text}, follow=True)
    assert response.status_code == 200
    rule = score_rule("评审得分") if field == "score" else amount_rule("审减金额")
    value = expected(text, rule)
    if value is None and text.strip():
        assert rule.label in response.content.decode() and Review.objects.count() == reviews
    else:
        review = Review.objects.latest("pk")
        blank = None if field == "score" else Decimal(0)
        assert Review.objects.count() == reviews + 1 and getattr(review, field) == (blank if value is None else value)


@PROPERTY
@given(text=TYPED, field=st.sampled_from(["requested", "recommended", "score"]))
def test_exante_amounts_and_scores(client, world, text, field):
    project = world["projects"]["预算项目"]
    client.force_login(world["accounts"]["finance"].user)
    sheet = simple_sheet(profile_of(project))
    scores = {f"score_0_{s.dimension}": f"{s.max_score:f}" for s in sheet}
    first = f"score_0_{sheet[0].dimension}"
    posted = {"expert": ["张三"], "requested": "100000", **scores}
    posted[first if field == "score" else field] = text
    ExAnteAssessment.objects.filter(project=project).delete()
    response = client.post(f"/projects/{project.pk}/exante/", posted)
    rule = score_rule("得分", sheet[0].max_score) if field == "score" else amount_rule("金额")
    value = expected(text, rule)
    above_request = field == "recommended" and value is not None and value > Decimal(posted["requested"])
    if (value is None and (text.strip() or field == "score")) or above_request:  # 建议安排 may not exceed 申报
        assert response.status_code == 400 and not ExAnteAssessment.objects.filter(project=project).exists()
        assert not above_request or "超过申报金额" in response.content.decode()
    else:
        assert response.status_code == 302, response.content.decode()[-500:]
        assessment = ExAnteAssessment.objects.get(project=project)
        if field == "score":
            assert assessment.scores.get(dimension=sheet[0].dimension).score == value
        elif field == "requested":
            assert assessment.requested == (value or Decimal(0))
        elif value is not None:
            assert assessment.recommended == value


@PROPERTY
@given(text=TYPED)
def test_monitoring_executed(client, world, approved, text):
    client.force_login(world["accounts"]["unit"].user)
    client.get(f"/projects/{approved.pk}/monitoring/1/")  # the page creates the project's fund line
    fund = approved.fund_sources.get()
    before = list(MonitoringFund.objects.values_list("executed", flat=True))
    response = client.post(f"/projects/{approved.pk}/monitoring/1/", {f"executed_{fund.pk}": text, "action": "save"})
    value = expected(text, replace(amount_rule("执行数"), high=fund.amount))
    if value is None and text.strip():
        assert_refused_with_message(response, "执行数")
        assert list(MonitoringFund.objects.values_list("executed", flat=True)) == before
    else:
        assert response.status_code == 302
        assert MonitoringFund.objects.get(report__period=1, fund_source=fund).executed == (value or Decimal(0))


@PROPERTY
@given(text=TYPED)
def test_selfeval_executed(client, world, approved, text):
    client.force_login(world["accounts"]["unit"].user)
    project = Project.objects.get(pk=approved.pk)
    before = project.executed
    response = client.post(f"/projects/{project.pk}/selfeval/", {"executed": text, "action": "save",
                                                                   "version": project.version})
    value = expected(text, replace(amount_rule("全年执行数"), high=project.adjusted_budget))
    project.refresh_from_db()
    if value is None and text.strip():
        assert_refused_with_message(response, "全年执行数")
        assert project.executed == before
    else:
        assert response.status_code == 302
        assert project.executed == (value or Decimal(0))


def assert_refused_or_stored(response, label: str, created: bool, stored, value) -> None:
    """After a redirect: either the typed value was stored as the parser reads it, or a message names the field or
    the rule and nothing was stored. Never a server error."""
    assert response.status_code == 200, response.status_code
    if created:
        assert stored == value
    else:
        page = response.content.decode()
        assert 'class="error"' in page or "messages" in page, page[-800:]
        assert label in page or "不能" in page or "须" in page or "请填写" in page, page[-800:]


IN_BUDGET = st.one_of(TYPED, st.sampled_from(["1000", "1,000.00", "1000元", "0.1万元", "1000.001", "999.99"]))


@PROPERTY
@given(text=IN_BUDGET)
def test_fund_line_amount(client, world, text):
    client.force_login(world["accounts"]["unit"].user)
    code = f"F-{next(codes)}"
    response = client.post("/projects/new/", {"unit": "101001", "year": "2025", "code": code, "name": "新项目",
                                              "project_type": "一次性项目", "initial_budget": "1000",
                                              "adjusted_budget": "1000", "fund_type": "一般公共预算",
                                              "fund_level": "县级", "fund_amount": text})
    value = expected(text, amount_rule("资金来源金额"))
    created = Project.objects.filter(code=code).first()
    if value is None and text.strip():
        assert_refused_with_message(response, "第1条资金来源金额")
        assert created is None
    elif value is not None and value != Decimal(1000):
        assert response.status_code in (200, 400) and "资金来源合计与全年预算数不一致" in response.content.decode()
        assert created is None
    else:  # 1000 as typed, or a blank line (left out)
        assert response.status_code == 302 and created is not None
        assert [f.amount for f in created.fund_sources.all()] == ([] if value is None else [Decimal(1000)])


@PROPERTY
@given(text=TYPED)
def test_warning_action_amount(client, world, approved, text):
    warning = MonitoringWarning.objects.get_or_create(
        project=approved, key="execution_lag", defaults={"kind": "execution_lag", "kind_label": "预算执行进度滞后",
                                                         "colour": "red", "message": "执行进度滞后",
                                                         "raised_period": 2, "latest_period": 2})[0]
    client.force_login(world["accounts"]["finance"].user)
    before = CorrectiveAction.objects.count()
    response = client.post(f"/monitoring/warnings/{warning.pk}/act/", {"kind": "budget_cut", "amount": text,
                                                                       "initiator": "finance", "note": "调减"},
                           follow=True)
    value = expected(text, amount_rule("纠偏措施金额"))
    created = CorrectiveAction.objects.count() == before + 1
    if value is None and text.strip():
        assert not created
    if value is not None and Decimal(0) < value <= approved.adjusted_budget:
        assert created
    stored = CorrectiveAction.objects.latest("pk").amount if created else None
    assert_refused_or_stored(response, "纠偏措施金额", created, stored, value)


def _open_evaluation(world, project):
    from jixiao.store.evaluation import create_evaluation

    evaluation = KeyEvaluation.objects.filter(project=project).first()
    return evaluation or create_evaluation(project, [world["accounts"]["evaluator"].user],
                                           world["accounts"]["finance"].user, "amount")


@PROPERTY
@given(text=TYPED)
def test_key_evaluation_score(client, world, approved, text):
    from jixiao.scoring.keyeval import framework_items
    from jixiao.store.evaluation import computed_items, framework_of

    evaluation = _open_evaluation(world, approved)
    profile = profile_of(approved)
    items = [i for i in framework_items(framework_of(evaluation, profile))
             if i.name not in computed_items(evaluation, profile)]
    first = items[0]
    evaluator = world["accounts"]["evaluator"].user
    client.force_login(evaluator)
    mine = EvaluationScore.objects.filter(evaluation=evaluation, member=evaluator, item=first.name)
    before = mine.values_list("score", flat=True).first()
    posted = {"action": "scores", **{f"score_{i.name}": f"{i.weight:f}" for i in items}, f"score_{first.name}": text}
    response = client.post(f"/evaluations/{evaluation.pk}/", posted, follow=True)
    value = expected(text, score_rule("评分", first.weight))
    after = mine.values_list("score", flat=True).first()
    if value is None:  # blank or unreadable: refused with the item named, the member's earlier score stays
        assert after == before
    assert_refused_or_stored(response, first.name, value is not None, after, value)


@PROPERTY
@given(text=TYPED)
def test_results_confirmed_amount(client, world, approved, text):
    from datetime import date

    from jixiao.store.evaluation import finalise, framework_of, submit_scores

    evaluation = _open_evaluation(world, approved)
    profile = profile_of(approved)
    if evaluation.status == "open":
        evaluator = world["accounts"]["evaluator"].user
        submit_scores(evaluation, {p.split("/")[2]: w * Decimal("0.7") for p, w in framework_of(
            evaluation, profile).items()}, evaluator, profile)
        finalise(evaluation, date(2026, 1, 10), world["accounts"]["finance"].user, profile)
    suggestion = BudgetSuggestion.objects.get(evaluation=evaluation)
    before = suggestion.confirmed
    client.force_login(world["accounts"]["finance"].user)
    response = client.post(f"/results/suggestions/{suggestion.pk}/", {"amount": text, "reason": "按评价结果调整"},
                           follow=True)
    value = expected(text, amount_rule("下年预算安排金额"))
    suggestion.refresh_from_db()
    if value is None:
        assert suggestion.confirmed == before
        assert_refused_or_stored(response, "下年预算安排金额", False, None, None)
    else:
        assert_refused_or_stored(response, "下年预算安排金额", True, suggestion.confirmed, value)
