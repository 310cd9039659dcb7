"""Master data pages: the indicator library (指标库) and the classification codes by year; API tokens."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse

from jixiao.store.models import CodeKind
from jixiao.store.selectors import (
    classification_codes,
    code_years,
    fiscal_years,
    indicator_library,
    own_tokens,
)
from jixiao.store.tokens import issue_token
from jixiao.web.views.common import page


@login_required
def library(request: HttpRequest) -> HttpResponse:
    q, level1 = request.GET.get("q", "").strip(), request.GET.get("level1", "")
    rows = indicator_library(q, level1)
    return page(request, "web/library.html", {"page": Paginator(rows, 50).get_page(request.GET.get("page")),
                                              "q": q, "level1": level1})


@login_required
def codes(request: HttpRequest) -> HttpResponse:
    years = code_years()
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else (years[0] if years else 0)
    kind = request.GET.get("kind", CodeKind.FUNCTION)
    rows = classification_codes(year, kind)
    return page(request, "web/codes.html", {"rows": rows, "years": years, "year": year, "kind": kind,
                                            "kinds": CodeKind.choices, "fiscal_years": fiscal_years()})


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    key = None
    if request.method == "POST":
        key = issue_token(request.user, request.POST.get("name", "").strip())
    return page(request, "web/tokens.html", {"key": key, "tokens": own_tokens(request.user)})
