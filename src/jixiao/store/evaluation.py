"""部门评价 / 财政重点评价 (SPEC §2) and result application (SPEC §6): finance selects projects and a team; each
member scores the framework; jixiao aggregates and grades; the report date starts the rectification clock and the
grade produces next year's budget suggestion, which finance confirms or overrides with a reason."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from jixiao.core.profile import Profile
from jixiao.scoring.errors import InputError
from jixiao.scoring.keyeval import TeamResult, aggregate_team, framework_items, funds_scores
from jixiao.scoring.results import RectificationItem as CoreItem
from jixiao.scoring.results import (
    RectificationState,
    budget_suggestion,
    rectification_deadline,
    rectification_state,
)
from jixiao.store.access import account_of, profile_of, visible_projects
from jixiao.store.department import overview
from jixiao.store.errors import ServiceError
from jixiao.store.models import (
    BudgetSuggestion,
    EvaluationFinding,
    EvaluationScore,
    KeyEvaluation,
    Project,
    RectificationItem,
    Role,
)

SELECTIONS = {"amount": "按预算金额从高到低", "grade": "按自评等级从低到高", "random": "随机抽取"}


def _finance(actor: Any) -> None:
    account = account_of(actor)
    if account is None or account.role != Role.FINANCE:
        raise ServiceError("只有财政部门可以组织重点评价")


def select_projects(actor: Any, by: str, count: int, year: int, seed: int = 0) -> list[Project]:
    """Candidate projects for key evaluation among those finance sees."""
    rows = visible_projects(actor).filter(year=year, status="approved")
    if by == "amount":
        return list(rows.order_by("-adjusted_budget", "pk")[:count])
    if by == "grade":
        order = {"差": 0, "中": 1, "良": 2, "优": 3, "": 4}
        return sorted(rows, key=lambda p: (order.get(p.reported_grade, 4), -p.adjusted_budget, p.pk))[:count]
    if by == "random":
        items = list(rows.order_by("pk"))
        return random.Random(seed).sample(items, min(count, len(items)))
    raise ServiceError(f"未知的选取方式“{by}”")


@transaction.atomic
def create_evaluation(project: Project, members: Iterable[Any], actor: Any, reason: str = "") -> KeyEvaluation:
    _finance(actor)
    team = list(members)
    if not team:
        raise ServiceError("评价组至少需要一名成员")
    evaluation = KeyEvaluation.objects.create(project=project, title=f"{project.name}绩效评价", created_by=actor,
                                              selected_because=reason)
    evaluation.members.set(team)
    return evaluation


@transaction.atomic
def submit_scores(evaluation: KeyEvaluation, scores: dict[str, Decimal], actor: Any, profile: Profile) -> None:
    """A member's scores on the framework's 三级 items (replacing that member's earlier scores)."""
    if evaluation.status != "open":
        raise ServiceError("评价报告已出具，不能再修改评分")
    if not evaluation.members.filter(pk=actor.pk).exists():
        raise ServiceError("只有评价组成员可以评分")
    computed = computed_items(evaluation, profile)
    scores = {name: value for name, value in scores.items() if name not in computed}
    items = {i.name: i.weight or Decimal(0) for i in framework_items(framework_of(evaluation, profile))}
    problems = [f"“{name}”不在指标体系中" for name in scores if name not in items]
    problems += [f"“{name}”的评分 {value} 超出 0–{items[name]} 分" for name, value in scores.items()
                 if name in items and not Decimal(0) <= value <= items[name]]
    if problems:
        raise ServiceError("；".join(problems))
    EvaluationScore.objects.filter(evaluation=evaluation, member=actor).delete()
    EvaluationScore.objects.bulk_create([EvaluationScore(evaluation=evaluation, member=actor, item=name, score=value)
                                         for name, value in scores.items()])


def framework_of(evaluation: KeyEvaluation, profile: Profile) -> dict[str, Decimal]:
    """The project framework (决策/过程/产出/效益), or the department-wide one (投入/过程/产出/效益, SPEC §11)."""
    if evaluation.project.scope == "department":
        return profile.keyeval.department_framework
    return profile.keyeval.framework


def computed_items(evaluation: KeyEvaluation, profile: Profile) -> dict[str, Decimal]:
    """Items the data decides: 资金到位率 and 预算执行率 from the project's figures (all of the budget counts as
    received); for a department-wide evaluation, from the department's projects as they stand now."""
    project = evaluation.project
    weights = {i.name: i.weight or Decimal(0) for i in framework_items(framework_of(evaluation, profile))}
    if project.scope == "department":
        ratios = overview(project.unit.department, project.year).ratios
        return funds_scores(ratios.adjusted, ratios.adjusted, ratios.executed, weights)
    budget = project.adjusted_budget or project.initial_budget
    return funds_scores(budget, budget, project.executed, weights)


def team_result(evaluation: KeyEvaluation, profile: Profile) -> TeamResult:
    members = [m.username for m in evaluation.members.order_by("username")]
    rows = [(s.member.username, s.item, s.score) for s in evaluation.scores.select_related("member")]
    try:
        return aggregate_team(framework_of(evaluation, profile), rows, members, profile, computed_items(evaluation, profile))
    except InputError as exc:
        raise ServiceError(str(exc)) from exc


def add_finding(evaluation: KeyEvaluation, category: str, description: str, actor: Any) -> EvaluationFinding:
    if evaluation.status != "open":
        raise ServiceError("评价报告已出具，不能再增加问题")
    account = account_of(actor)
    if not evaluation.members.filter(pk=actor.pk).exists() and (account is None or account.role != Role.FINANCE):
        raise ServiceError("只有评价组成员或财政部门可以登记问题")
    if not description.strip():
        raise ServiceError("问题描述不能为空")
    return EvaluationFinding.objects.create(evaluation=evaluation, category=category, description=description.strip())


@transaction.atomic
def finalise(evaluation: KeyEvaluation, report_date: date, actor: Any, profile: Profile) -> KeyEvaluation:
    """Aggregate, grade, and apply the result: a budget suggestion and one rectification item per finding."""
    _finance(actor)
    if evaluation.status != "open":
        raise ServiceError("评价报告已出具")
    result = team_result(evaluation, profile)
    evaluation.total, evaluation.grade = result.total, result.grade
    evaluation.status, evaluation.report_date = "final", report_date
    evaluation._history_user = actor  # type: ignore[attr-defined]
    evaluation.save()
    project = evaluation.project
    budget = project.adjusted_budget or project.initial_budget
    try:
        s = budget_suggestion(result.grade, budget, profile)
    except InputError as exc:
        raise ServiceError(str(exc)) from exc
    BudgetSuggestion.objects.create(evaluation=evaluation, grade=s.grade, action=s.action, budget=budget,
                                    max_cut=s.max_cut, suggested=s.min_budget)
    deadline = rectification_deadline(report_date, profile)
    for finding in evaluation.findings.all():
        RectificationItem.objects.create(project=project, finding=finding, category=finding.category,
                                         description=finding.description, report_date=report_date, deadline=deadline)
    return evaluation


@transaction.atomic
def confirm_suggestion(suggestion: BudgetSuggestion, amount: Decimal, reason: str, actor: Any) -> BudgetSuggestion:
    """Finance confirms next year's amount; anything other than the suggestion needs a written reason."""
    _finance(actor)
    if amount < 0:
        raise ServiceError("金额不能为负数")
    if suggestion.suggested is not None and amount != suggestion.suggested and not reason.strip():
        raise ServiceError("与建议金额不同，须写明调整理由")
    if suggestion.max_cut is not None and amount < suggestion.budget - suggestion.max_cut and not reason.strip():
        raise ServiceError("扣减超过配置规定的最高比例，须写明理由")
    suggestion.confirmed, suggestion.override_reason, suggestion.confirmed_by = amount, reason.strip(), actor
    suggestion._history_user = actor  # type: ignore[attr-defined]
    suggestion.save()
    return suggestion


@transaction.atomic
def respond(item: RectificationItem, response: str, evidence: str, done: bool, actor: Any,
            today: date | None = None) -> RectificationItem:
    """The responsible unit reports its rectification."""
    account = account_of(actor)
    if account is None or account.role != Role.UNIT or account.unit_id != item.project.unit_id:
        raise ServiceError("只有责任单位可以填报整改情况")
    if item.done_on is not None:
        raise ServiceError("该事项已完成整改")
    if done and not response.strip():
        raise ServiceError("完成整改须填写整改情况")
    item.response, item.evidence = response.strip(), evidence.strip()[:300]
    item.done_on = (today or date.today()) if done else None
    item._history_user = actor  # type: ignore[attr-defined]
    item.save()
    return item


def visible_rectifications(actor: Any) -> QuerySet[RectificationItem]:
    return RectificationItem.objects.filter(project__in=visible_projects(actor)).select_related("project__unit__department__jurisdiction")


def rectification_state_of(item: RectificationItem, today: date) -> RectificationState:
    """The rules' status of a stored item (open / done / overdue, days overdue) under its project's profile."""
    core = CoreItem(item.description, item.project.unit.name, item.report_date, item.get_category_display(),
                    item.response, item.deadline, item.done_on, item.evidence)
    return rectification_state(core, today, profile_of(item.project))
