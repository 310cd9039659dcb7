"""Access is enforced in one place and applies to every page: each role sees exactly its scope; everything
else is a 404 with no data, and anonymous users are sent to the login page."""

from __future__ import annotations

import pytest

VISIBLE = {
    "unit": {"国库项目"},
    "department": {"国库项目", "预算项目"},
    "finance": {"国库项目", "预算项目", "学校项目"},
    "evaluator": set(),
    "admin": {"国库项目", "预算项目", "学校项目", "公路项目"},
}


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_project_list_shows_exactly_the_roles_scope(client, world, role):
    client.force_login(world["accounts"][role].user)
    page = client.get("/").content.decode()
    shown = {name for name in world["projects"] if name in page}
    assert shown == VISIBLE[role]


@pytest.mark.parametrize("role", sorted(VISIBLE))
@pytest.mark.parametrize("project", ["国库项目", "预算项目", "学校项目", "公路项目"])
def test_project_detail_allowed_or_404_without_data(client, world, role, project):
    client.force_login(world["accounts"][role].user)
    response = client.get(f"/projects/{world['projects'][project].pk}/")
    if project in VISIBLE[role]:
        assert response.status_code == 200 and project in response.content.decode()
    else:
        assert response.status_code == 404 and project not in response.content.decode()


def test_guessed_ids_beyond_the_table_are_404(client, world):
    client.force_login(world["accounts"]["admin"].user)
    assert client.get("/projects/999999/").status_code == 404


def test_search_cannot_reach_other_units(client, world):
    client.force_login(world["accounts"]["unit"].user)
    page = client.get("/", {"q": "公路"}).content.decode()
    assert "公路项目" not in page and "没有可查看的项目" in page


@pytest.mark.parametrize("url", ["/", "/projects/1/"])
def test_anonymous_is_sent_to_login(client, world, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_user_without_account_sees_nothing(client, world, django_user_model):
    user = django_user_model.objects.create_user("stranger", password="x" * 12)
    client.force_login(user)
    assert all(name not in client.get("/").content.decode() for name in world["projects"])
