"""Release explanations, exhaustively: every role × every document kind (self-evaluation report, evaluation report,
work summary, disclosure package) × the document of a page the user may download, one the user may not, and a
guessed key of another document posted to the user's own page. An explanation is stored only for the document of
the page, and only by a user who may download (and so release) it; nothing else is ever written."""

from __future__ import annotations

import pytest

from jixiao.store.models import KeyEvaluation, ReleaseExplanation

ROLES = ("unit", "department", "finance", "evaluator", "admin")
KINDS = ("selfeval", "evaluation", "summary", "disclosure")
YEAR = 2024
OWN, FOREIGN = "国库项目", "公路项目"  # 甲县's finance-bureau unit; 乙县, which only the admin sees


@pytest.fixture
def docs(world):
    """Per kind, the (url, key) of a document in 甲县 and of one in 乙县; who may download what."""
    evaluator = world["accounts"]["evaluator"].user
    projects = world["projects"]
    evaluations = {}
    for name in (OWN, FOREIGN):
        evaluation = KeyEvaluation.objects.create(project=projects[name], title=f"{name}重点评价", status="final",
                                                  created_by=evaluator)
        evaluations[name] = evaluation
    evaluations[OWN].members.add(evaluator)  # the evaluator evaluates 甲县's project only
    own_project, foreign_project = projects[OWN], projects[FOREIGN]
    own_dept, foreign_dept = own_project.unit.department, foreign_project.unit.department
    return {
        "selfeval": [(f"/documents/selfeval/{p.pk}/", f"selfeval:{p.pk}") for p in (own_project, foreign_project)],
        "evaluation": [(f"/documents/evaluation/{e.pk}/", f"evaluation:{e.pk}") for e in evaluations.values()],
        # The summary page is the user's own jurisdiction's: the foreign one has no page, only a guessable key.
        "summary": [(f"/documents/summary/?year={YEAR}", f"summary:{own_dept.jurisdiction_id}:{YEAR}"),
                    (None, f"summary:{foreign_dept.jurisdiction_id}:{YEAR}")],
        "disclosure": [(f"/documents/disclosure/{d.pk}/?year={YEAR}", f"disclosure:{d.pk}:{YEAR}")
                       for d in (own_dept, foreign_dept)],
    }


# Who may download the document of 甲县 (own) and of 乙县 (foreign), by kind: the rule explanations follow.
MAY = {
    "selfeval": ({"unit", "department", "finance", "evaluator", "admin"}, {"admin"}),
    "evaluation": ({"unit", "department", "finance", "evaluator", "admin"}, {"admin"}),
    "summary": ({"finance"}, set()),
    "disclosure": ({"department", "finance", "admin"}, {"admin"}),
}
CASES = [(role, kind) for role in ROLES for kind in KINDS]


def _post(client, url, key, text="金额差异已在附注中说明"):
    return client.post(url, {"document": key, "explain_0123456789abcdef": text})


@pytest.mark.parametrize(("role", "kind"), CASES)
def test_explanations_are_stored_only_for_the_pages_document_by_who_may_release_it(client, world, docs, role,
                                                                                     kind):
    client.force_login(world["accounts"][role].user)
    may_own, may_foreign = MAY[kind]
    (own_url, own_key), (foreign_url, foreign_key) = docs[kind]
    every_key = [key for pairs in docs.values() for _, key in pairs]

    # The page's own document.
    response = _post(client, own_url, own_key)
    assert response.status_code == (302 if role in may_own else 403 if kind == "summary" else 404)
    assert ReleaseExplanation.objects.filter(document=own_key).exists() == (role in may_own)
    ReleaseExplanation.objects.all().delete()

    # A document of another jurisdiction, through its own page.
    if foreign_url is not None:
        response = _post(client, foreign_url, foreign_key)
        assert response.status_code in ((302,) if role in may_foreign else (403, 404))
        assert ReleaseExplanation.objects.filter(document=foreign_key).exists() == (role in may_foreign)
        ReleaseExplanation.objects.all().delete()

    # Guessed keys of every other document, posted to the page of this one: refused, nothing stored anywhere.
    for guessed in every_key:
        if guessed == own_key:
            continue
        response = _post(client, own_url, guessed)
        assert response.status_code in (403, 404), guessed
        assert not ReleaseExplanation.objects.exists(), guessed


def test_a_post_without_the_key_stores_for_the_pages_document(client, world, docs):
    client.force_login(world["accounts"]["unit"].user)
    url, key = docs["selfeval"][0]
    assert client.post(url, {"explain_0123456789abcdef": "已说明"}).status_code == 302
    assert list(ReleaseExplanation.objects.values_list("document", flat=True)) == [key]
