"""What every page needs: the user's account and profile, and a Chinese error page instead of a traceback."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jixiao.core.profile import Profile
from jixiao.store.access import account_of, scope_profile


def profile(request: HttpRequest) -> Profile:
    """The rules of the jurisdiction the user acts in (pages spanning projects)."""
    return scope_profile(request.user)


def page(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    return render(request, template, {"account": account_of(request.user), **context}, status=status)


def refuse(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    return page(request, "web/error.html", {"message": message}, status=status)
