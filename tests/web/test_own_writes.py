"""A lagging scope's user (finance bureau, administrator) never sees figures older than their own last write,
whether the write came from a page or from the API with a token."""

from __future__ import annotations

import json

from django.core.cache import cache

from jixiao.store.tokens import issue_token
from jixiao.web import scope_figures as sf


def _wrote(user) -> bool:
    return cache.get(sf._wrote_key(user)) is not None


def test_a_page_write_is_the_users_own(client, world, settings):
    settings.FIGURES_IN_BACKGROUND = True
    finance = world["accounts"]["finance"].user
    client.force_login(finance)
    client.get("/")
    assert not _wrote(finance)  # reading is no write
    client.post(f"/projects/{world['projects']['国库项目'].pk}/exante/", {"expert": "x"})
    assert _wrote(finance)


def test_an_api_write_with_a_token_is_the_users_own(client, world, settings):
    settings.FIGURES_IN_BACKGROUND = True
    finance = world["accounts"]["finance"].user
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(finance, 'test')}"}
    client.get("/api/projects", **auth)
    assert not _wrote(finance)
    project = world["projects"]["国库项目"]
    client.post(f"/api/projects/{project.pk}/actions", json.dumps({"action": "approve", "version": project.version}),
                content_type="application/json", **auth)
    assert _wrote(finance)


def test_units_figures_never_lag_so_their_writes_are_not_noted(client, world, settings):
    settings.FIGURES_IN_BACKGROUND = True
    unit = world["accounts"]["unit"].user
    client.force_login(unit)
    client.post(f"/projects/{world['projects']['国库项目'].pk}/exante/", {"expert": "x"})
    assert not _wrote(unit)
