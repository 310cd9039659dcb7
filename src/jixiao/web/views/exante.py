"""事前绩效评估 page: the panel's scores per dimension, the rules' total, grade, conclusion and 审减."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from jixiao.scoring.exante import ExpertScore, SubItem, simple_sheet
from jixiao.store.access import can_record_exante, profile_of, visible_projects
from jixiao.store.errors import ServiceError
from jixiao.store.exante import record_assessment
from jixiao.store.models import ExAnteAssessment, ExAnteScore
from jixiao.web.fields import check_length, number, rule_for
from jixiao.web.views.common import page


def _scores(request: HttpRequest, sheet: tuple[SubItem, ...]) -> list[ExpertScore]:
    scores = []
    for n, expert in enumerate(request.POST.getlist("expert")):
        if not expert.strip():
            continue
        check_length(expert.strip(), ExAnteScore, "expert", "专家姓名")
        for item in sheet:
            rule = rule_for(ExAnteScore, "score", f"专家“{expert.strip()}”的“{item.dimension}”得分", item.max_score)
            value = number(request.POST, f"score_{n}_{item.dimension}", rule)
            if value is None:
                raise ServiceError(f"请填写专家“{expert.strip()}”的“{item.dimension}”得分")
            scores.append(ExpertScore(expert.strip(), item.dimension, item.dimension, value))
    return scores


@login_required
def exante(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(visible_projects(request.user), pk=pk)
    profile = profile_of(project)
    sheet = simple_sheet(profile)
    can_record = can_record_exante(request.user, project)
    errors: list[str] = []
    if request.method == "POST" and can_record:
        try:
            requested = number(request.POST, "requested", rule_for(ExAnteAssessment, "requested"), Decimal(0))
            recommended = number(request.POST, "recommended", rule_for(ExAnteAssessment, "recommended"))
            record_assessment(project, _scores(request, sheet), requested or Decimal(0), recommended,
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
