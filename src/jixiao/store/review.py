"""Goal review (SPEC §3.5): submit, department review, finance review and scoring; every move recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, Sum

from jixiao.core.profile import Profile
from jixiao.core.workflow import Action, Status, WorkflowError, next_status
from jixiao.scoring.errors import InputError
from jixiao.scoring.review import ReviewedGoal, RoundStatistics, review_outcome
from jixiao.scoring.review import review_statistics as statistics
from jixiao.store.access import account_of, actions_for
from jixiao.store.errors import ConflictError, ServiceError
from jixiao.store.goals import submission_problems
from jixiao.store.history import bump_version
from jixiao.store.models import Project, Review, ReviewComment, Transition


@dataclass(frozen=True)
class Decision:
    """What a reviewer (or the submitting unit) sends with an action."""

    action: Action
    version: int
    comment: str = ""
    score: Decimal | None = None  # finance only: the target-review score (0–100)
    cut_amount: Decimal = Decimal(0)  # 审减金额 (yuan)
    indicator_comments: dict[str, str] = field(default_factory=dict)


@transaction.atomic
def act(project: Project, decision: Decision, actor: Any, profile: Profile) -> Project:
    """Move `project` by `decision` if `actor` may; record the transition and, for a review, the review."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if project.version != decision.version:
        raise ConflictError(f"项目“{project.name}”已被他人处理（当前版本 {project.version}，您打开的是版本 "
                            f"{decision.version}），本次操作未执行。请刷新页面后重试。")
    account = account_of(actor)
    if account is None or decision.action not in actions_for(actor, project):
        raise ServiceError(f"您不能对项目“{project.name}”执行“{decision.action.label}”")
    role, source = account.role, Status(project.status)
    grade = None
    if role == "finance":
        if decision.score is None:
            raise ServiceError("财政审核须填写 0–100 之间的评审得分")
        try:
            grade = review_outcome(decision.score, profile).grade
        except InputError as exc:
            raise ServiceError(str(exc)) from exc
    if decision.cut_amount < 0 or decision.cut_amount > (project.adjusted_budget or project.initial_budget):
        raise ServiceError("审减金额应在 0 与项目预算之间")
    if decision.action == Action.RETURN and not decision.comment.strip():
        raise ServiceError("退回修改须写明审核意见")
    if decision.action == Action.SUBMIT and (problems := submission_problems(project, profile)):
        raise ServiceError("不能提交审核：" + "；".join(problems))
    try:
        target = next_status(role, source, decision.action, grade)
    except WorkflowError as exc:
        raise ServiceError(str(exc)) from exc
    round_ = project.review_round + (1 if decision.action == Action.SUBMIT and source == Status.RETURNED else 0)
    requested = project.adjusted_budget or project.initial_budget
    # 批复金额 = 全年预算数 − finance's 审减, set when the goal is approved (kept in the project's history)
    approved = requested - decision.cut_amount if target == Status.APPROVED else project.approved_budget
    project = bump_version(project, decision.version, actor, decision.action.label, status=target.value,
                           review_round=round_, approved_budget=approved)
    Transition.objects.create(project=project, actor=actor, source=source.value, target=target.value, round=round_,
                              comment=decision.comment)
    if role in ("department", "finance"):
        review = Review.objects.create(
            project=project, round=round_, stage=role, reviewer=actor, action=decision.action.value,
            score=decision.score, grade=grade or "", cut_amount=decision.cut_amount,
            requested_budget=requested, comment=decision.comment)
        ReviewComment.objects.bulk_create([ReviewComment(review=review, indicator_name=name, comment=text)
                                           for name, text in decision.indicator_comments.items() if text.strip()])
    return project



def review_statistics(reviews: Any, profile: Profile) -> list[RoundStatistics]:
    """Finance reviews per round: counts by score band and 审减 (the figures seed 003 reports) — one grouped query:
    a row per round and score, however many reviews there are."""
    return statistics_of_rows([(r["round"], r["score"], r["n"], r["requested"], r["cut"]) for r in (
        reviews.order_by().values("round", "score")
        .annotate(n=Count("pk"), requested=Sum("requested_budget"), cut=Sum("cut_amount")).order_by("round"))],
        profile)


ReviewRow = tuple[int, Any, int, Any, Any]  # round, score, how many, requested, cut (the amounts summed)


def summed_rows(rows: list[ReviewRow]) -> list[ReviewRow]:
    """Review rows of one round and score added up (a row per round and score, however many departments)."""
    summed: dict[tuple[int, Any], list[Any]] = {}
    for round_, score, n, requested, cut in rows:
        row = summed.setdefault((round_, score), [0, None, None])
        row[0] += n
        row[1] = requested if row[1] is None else row[1] + (requested or 0)
        row[2] = cut if row[2] is None else row[2] + (cut or 0)
    return [(r, score, n, requested, cut) for (r, score), (n, requested, cut) in summed.items()]


def statistics_of_rows(rows: list[ReviewRow], profile: Profile) -> list[RoundStatistics]:
    """The statistics of grouped review rows (several rows of one round and score are added up: the rows of
    several departments)."""
    by_round: dict[int, list[ReviewedGoal]] = {}
    for round_, score, n, requested, cut in summed_rows(rows):
        name = f"第{round_}轮得分{score}的{n}个项目"
        by_round.setdefault(round_, []).append(ReviewedGoal(name, score, requested, requested - cut, n))
    return [statistics(goals, profile, round_) for round_, goals in sorted(by_round.items())]
