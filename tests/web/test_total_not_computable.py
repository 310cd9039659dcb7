"""A project without indicator rows (a form imported without them): the pages and the API that show its score say
the total cannot be computed, never a total and grade of the budget part alone; no record is saved with one."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from jixiao.store.models import Project, SelfEvaluationRecord
from jixiao.store.tokens import issue_token

GAP = "未读到绩效指标行，无法计算总分和等级"


@pytest.fixture
def bare(world):
    """The unit's approved project with its indicator rows gone."""
    project = world["projects"]["国库项目"]
    project.indicators.all().delete()
    Project.objects.filter(pk=project.pk).update(status="approved")
    return Project.objects.get(pk=project.pk)


def _bearer(world):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(world['accounts']['unit'].user, 'test')}"}


def test_api_score_has_no_total(client, world, bare):
    score = client.get(f"/api/projects/{bare.pk}/selfeval", **_bearer(world)).json()["score"]
    assert (score["total"], score["grade"], score["total_not_computable"]) == (None, None, GAP)
    assert GAP in score["blocking"]


def test_api_refuses_to_save_a_record_without_a_total(client, world, bare):
    body = {"executed": "1,800,000", "indicators": [], "version": bare.version}
    response = client.put(f"/api/projects/{bare.pk}/selfeval", json.dumps(body), content_type="application/json",
                          **_bearer(world))
    assert response.status_code == 400 and GAP in response.json()["detail"]
    assert not SelfEvaluationRecord.objects.filter(project=bare).exists()


def test_selfeval_page_says_not_computable(client, world, bare):
    client.force_login(world["accounts"]["unit"].user)
    page = client.get(f"/projects/{bare.pk}/selfeval/").content.decode()
    assert '<td id="selfeval-total">无法计算</td>' in page and '<td id="selfeval-grade">无法计算</td>' in page


def test_detail_page_says_not_computable(client, world, bare):
    SelfEvaluationRecord.objects.create(project=bare, total=Decimal("70.32"), grade="中",
                                        submitted_by=world["accounts"]["unit"].user)
    client.force_login(world["accounts"]["unit"].user)
    page = client.get(f"/projects/{bare.pk}/").content.decode()
    assert '<td id="total-pair">无法计算 / 70.32</td>' in page
    assert f"{GAP}；填报总分 70.32 分照录，未能与计算总分核对。" in page


def test_a_stored_total_is_no_stated_total_to_check(world):
    """A project's stored total is the one jixiao computed when the unit saved: no 总分 the form's text states."""
    from jixiao.profiles import load_profile
    from jixiao.scoring.selfeval import score_self_evaluation
    from jixiao.store.mapping import self_evaluation

    se = self_evaluation(world["projects"]["国库项目"])
    assert se.reported.total == Decimal("70.32") and se.reported.form_total is None
    rules = {f.rule for f in score_self_evaluation(se, load_profile("central")).deviations}
    assert "selfeval.s10_total_row" not in rules
