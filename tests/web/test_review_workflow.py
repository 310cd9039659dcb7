"""Goal review (SPEC §3.5): unit submits, department reviews, finance scores and returns or approves; rounds are
kept; every transition is recorded; each refusal leaves the project exactly as it was."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.workflow import Action, Status
from jixiao.profiles import load_profile
from jixiao.store.errors import ConflictError, ServiceError
from jixiao.store.models import Project, Review, Transition
from jixiao.store.review import Decision, act
from tests.web.conftest import goal_draft

PROFILE = load_profile("central")


def do(project, who, action, **kw):
    project = Project.objects.get(pk=project.pk)
    return act(project, Decision(Action(action), project.version, **kw), who, PROFILE)


def test_two_rounds_end_to_end(world, submitted_ready):
    unit, dept, fin = (world["accounts"][r].user for r in ("unit", "department", "finance"))
    p = do(submitted_ready, unit, "submit")
    assert p.status == Status.DEPARTMENT_REVIEW and p.review_round == 1
    p = do(p, dept, "approve", comment="同意报送财政")
    assert p.status == Status.FINANCE_REVIEW
    p = do(p, fin, "return", score=Decimal("75"), cut_amount=Decimal("300000"), comment="成本指标需细化",
           indicator_comments={"项目总成本": "请按单价测算"})
    assert p.status == Status.RETURNED
    first = Review.objects.get(project=p, stage="finance", round=1)
    assert (first.grade, first.cut_amount, first.comments.get().comment) == ("中", Decimal("300000"), "请按单价测算")
    p = do(p, unit, "submit")
    assert p.status == Status.DEPARTMENT_REVIEW and p.review_round == 2
    p = do(do(p, dept, "approve"), fin, "approve", score=Decimal("92"))
    assert p.status == Status.APPROVED
    moves = [(t.source, t.target, t.round, t.actor.username) for t in Transition.objects.filter(project=p)]
    assert moves == [
        ("draft", "department_review", 1, "u_unit"), ("department_review", "finance_review", 1, "u_department"),
        ("finance_review", "returned", 1, "u_finance"), ("returned", "department_review", 2, "u_unit"),
        ("department_review", "finance_review", 2, "u_department"), ("finance_review", "approved", 2, "u_finance")]
    assert [r.grade for r in Review.objects.filter(project=p, stage="finance")] == ["中", "优"]


def test_grade_decides_what_finance_may_do(world, submitted_ready):
    unit, dept, fin = (world["accounts"][r].user for r in ("unit", "department", "finance"))
    p = do(do(submitted_ready, unit, "submit"), dept, "approve")
    with pytest.raises(ServiceError, match="须退回单位修改"):
        do(p, fin, "approve", score=Decimal("79.99"))  # 中 cannot be approved
    with pytest.raises(ServiceError, match="0–100"):
        do(p, fin, "approve", score=Decimal("100.01"))
    assert do(p, fin, "approve", score=Decimal("59.99")).status == Status.REJECTED  # 差: no budget
    assert not Review.objects.filter(project=p, stage="finance", grade="中").exists()


@pytest.mark.parametrize(("who", "action"), [("unit", "approve"), ("department", "submit"), ("finance", "approve"),
                                             ("evaluator", "approve"), ("admin", "approve")])
def test_wrong_role_is_refused_and_nothing_changes(world, submitted_ready, who, action):
    before = Project.objects.get(pk=submitted_ready.pk)
    with pytest.raises(ServiceError):
        do(before, world["accounts"][who].user, action, score=Decimal(95))
    after = Project.objects.get(pk=submitted_ready.pk)
    assert (after.status, after.version) == (before.status, before.version) and not Transition.objects.exists()


def test_submit_needs_a_complete_goal(world):
    from jixiao.store.goals import save_goal

    project = world["projects"]["国库项目"]  # one indicator worth 10 points
    with pytest.raises(ServiceError, match="应为 90 分"):
        do(project, world["accounts"]["unit"].user, "submit")
    save_goal(project, goal_draft(weight=["20", "15", "15", "30", "5"]), project.version,
              world["accounts"]["unit"].user)
    with pytest.raises(ServiceError, match="合计为 85 分"):
        do(project, world["accounts"]["unit"].user, "submit")


def test_return_needs_a_comment(world, submitted_ready):
    p = do(submitted_ready, world["accounts"]["unit"].user, "submit")
    with pytest.raises(ServiceError, match="审核意见"):
        do(p, world["accounts"]["department"].user, "return", comment=" ")


def test_stale_version_is_refused(world, submitted_ready):
    stale = Project.objects.get(pk=submitted_ready.pk)
    do(stale, world["accounts"]["unit"].user, "submit")
    with pytest.raises(ConflictError, match="已被他人处理"):
        act(stale, Decision(Action.APPROVE, stale.version), world["accounts"]["department"].user, PROFILE)
