"""Absurd query values on every page never reach the user as a 500: huge numbers, bad dates, unknown choices,
negative pages (found: an invalid ?as_of date crashed the results page)."""

from __future__ import annotations

import pytest

HUGE = "99999999999999999999"
URLS = ["/?year={h}&page={h}&sort=x&status=x&type=x&unit=x", "/projects/{h}/", "/projects/{pk}/monitoring/{h}/",
        "/projects/{pk}/monitoring/-1/", "/reviews/statistics/?year={h}", "/monitoring/?colour=x&state=x",
        "/evaluations/?select=1&by=x&year={h}&count={h}", "/evaluations/?select=1&by=random&year=-1&count=-5",
        "/results/?as_of=9999-99-99&status=x", "/results/?as_of=x", "/library/?page={h}&level1=x", "/codes/?year={h}&kind=x",
        "/documents/summary/?year={h}", "/documents/selfeval/{pk}/?format=exe", "/departments/{h}/",
        "/changes/?since=x&until=9999-99-99&user={h}", "/jobs/{h}/", "/dashboard/?x={h}",
        "/api/projects?year={h}&limit={h}&offset=-1", "/api/projects/{h}/goal"]


@pytest.mark.parametrize("role", ["unit", "finance"])
def test_absurd_query_values_are_never_a_server_error(client, world, role):
    client.force_login(world["accounts"][role].user)
    pk = world["projects"]["国库项目"].pk
    for url in URLS:
        response = client.get(url.format(h=HUGE, pk=pk))
        assert response.status_code < 500, url
