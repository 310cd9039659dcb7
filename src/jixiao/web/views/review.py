"""Goal review actions (submit / approve / return with score and 审减) and the review statistics page."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from jixiao.core.workflow import Action
from jixiao.store.access import account_of, profile_of, scope_profile, visible_projects
from jixiao.store.errors import ServiceError
from jixiao.store.models import Review
from jixiao.store.review import Decision, act, review_statistics
from jixiao.store.selectors import finance_reviews
from jixiao.web.charts import bar_chart
from jixiao.web.fields import number, rule_for, whole
from jixiao.web.scope_figures import scope_figures, when
from jixiao.web.views.common import page, post_only, refuse


def _decision(request: HttpRequest) -> Decision:
    post = request.POST
    try:
        action = Action(post.get("action", ""))
    except ValueError as exc:
        raise ServiceError("未知的操作") from exc
    score = number(post, "score", rule_for(Review, "score"))
    cut = number(post, "cut_amount", rule_for(Review, "cut_amount"), Decimal(0)) or Decimal(0)
    comments = {name: text for name, text in zip(post.getlist("indicator_name"), post.getlist("indicator_comment"),
                                                 strict=False)}
    return Decision(action, whole(post.get("version")), post.get("comment", ""), score, cut, comments)


@login_required
@post_only
def project_act(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(visible_projects(request.user), pk=pk)
    try:
        decision = _decision(request)
        project = act(project, decision, request.user, profile_of(project))
    except ServiceError as exc:
        messages.error(request, str(exc))
        return redirect("project_detail", pk=pk)
    messages.success(request, f"已{decision.action.label}，项目现为“{project.get_status_display()}”。")
    return redirect("project_detail", pk=pk)


@login_required
def review_stats(request: HttpRequest) -> HttpResponse:
    """Counts by score band per round and 审减 amounts (as seed 003 reports them), for the projects in scope."""
    account = account_of(request.user)
    if account is None or account.role not in ("finance", "department", "admin"):
        return refuse(request, "只有财政、主管部门和管理员可查看审核统计。", status=403)
    year = request.GET.get("year", "")
    user, chosen = request.user, whole(year)
    rounds = scope_figures("review-stats", user, lambda: review_statistics(  # one grouped query per scope and year
        finance_reviews(visible_projects(user), chosen), scope_profile(user)), chosen)
    charts = [bar_chart([(band.label, band.count) for band in r.bands], title=f"{r.round_name}评审得分分布")
              for r in rounds.value]
    return page(request, "web/review_stats.html", {"rounds": list(zip(rounds.value, charts, strict=True)),
                                                    "year": year, **when(rounds)})
