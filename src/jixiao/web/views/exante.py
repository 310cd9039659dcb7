"""事前绩效评估 page: the panel's scores per dimension, the rules' total, grade, conclusion and 审减."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from jixiao.core.money import parse_amount
from jixiao.scoring.exante import ExpertScore, simple_sheet
from jixiao.store.access import account_of, profile_of, visible_projects
from jixiao.store.errors import ServiceError
from jixiao.store.exante import record_assessment
from jixiao.web.views.common import page


def _scores(request: HttpRequest, dimensions: list[str]) -> list[ExpertScore]:
    scores = []
    for n, expert in enumerate(request.POST.getlist("expert")):
        if not expert.strip():
            continue
        for d in dimensions:
            text = request.POST.get(f"score_{n}_{d}", "").strip()
            try:
                scores.append(ExpertScore(expert.strip(), d, d, Decimal(text)))
            except InvalidOperation as exc:
                raise ServiceError(f"专家“{expert}”的“{d}”得分“{text}”不是数字") from exc
    return scores


@login_required
def exante(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(visible_projects(request.user), pk=pk)
    profile = profile_of(project)
    sheet = simple_sheet(profile)
    account = account_of(request.user)
    can_record = account is not None and account.role in ("finance", "evaluator") and project.status in (
        "draft", "returned")
    errors: list[str] = []
    if request.method == "POST" and can_record:
        try:
            requested = parse_amount(request.POST.get("requested", "")) or Decimal(0)
            text = request.POST.get("recommended", "").strip()
            recommended = parse_amount(text) if text else None
            record_assessment(project, _scores(request, [s.dimension for s in sheet]), requested, recommended,
                              request.user, profile)
        except ServiceError as exc:
            errors.append(str(exc))
        else:
            messages.success(request, "事前绩效评估已保存。")
            return redirect("exante", pk=pk)
    elif request.method == "POST":
        return page(request, "web/error.html", {"message": "只有财政部门或受托第三方可以录入事前绩效评估。"}, status=403)
    assessment = getattr(project, "exante", None)
    return page(request, "web/exante.html", {"project": project, "sheet": sheet, "assessment": assessment,
                                             "can_record": can_record, "errors": errors, "slots": range(3)},
                status=400 if errors else 200)
