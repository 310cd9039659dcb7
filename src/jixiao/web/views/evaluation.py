"""重点评价 pages: selection and team assignment (finance), member scoring, 问题清单, the final grade with its
budget suggestion, and the rectification ledger (整改) with overdue flags."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from jixiao.core.money import count_rule
from jixiao.scoring.keyeval import framework_items
from jixiao.scoring.results import RectificationStatus
from jixiao.store.access import account_of, profile_of, visible_evaluations, visible_projects
from jixiao.store.errors import ServiceError
from jixiao.store.evaluation import (
    SELECTIONS,
    add_finding,
    computed_items,
    confirm_suggestion,
    create_evaluation,
    finalise,
    framework_of,
    rectification_state_of,
    respond,
    select_projects,
    submit_scores,
    team_result,
    visible_rectifications,
    write_report_text,
)
from jixiao.store.lifecycle_models import FINDING_CATEGORIES
from jixiao.store.models import BudgetSuggestion, EvaluationScore
from jixiao.store.selectors import (
    evaluation_rectifications,
    evaluations_with_members,
    is_member,
    member_scores,
    rectifications_by_deadline,
    suggestion_of,
    team,
    team_candidates,
    visible_suggestions,
)
from jixiao.web.fields import HUNDRED, number, parse, rule_for, whole
from jixiao.web.views.common import page, post_only, refuse


@login_required
def evaluation_list(request: HttpRequest) -> HttpResponse:
    account = account_of(request.user)
    is_finance = account is not None and account.role == "finance"
    by, count = request.GET.get("by", "amount"), request.GET.get("count", "10")
    year = request.GET.get("year", "")
    candidates = []
    if is_finance and request.GET.get("select"):
        try:
            candidates = select_projects(request.user, by, int(parse(count, count_rule("选取个数", 1, 1000), 10) or 10),
                                         whole(year, date.today().year - 1))
        except ServiceError as exc:
            messages.error(request, str(exc))
    return page(request, "web/evaluations.html", {
        "evaluations": evaluations_with_members(request.user), "is_finance": is_finance,
        "selections": SELECTIONS, "by": by, "count": count, "year": year, "candidates": candidates,
        "team": team_candidates(request.user) if is_finance else []})


@login_required
@post_only
def evaluation_create(request: HttpRequest) -> HttpResponse:
    project = get_object_or_404(visible_projects(request.user), pk=whole(request.POST.get("project")))
    allowed = {u.pk: u for u in team_candidates(request.user)}
    members = [allowed[whole(pk)] for pk in request.POST.getlist("members") if whole(pk) in allowed]
    try:
        evaluation = create_evaluation(project, members, request.user, request.POST.get("reason", ""))
    except ServiceError as exc:
        messages.error(request, str(exc))
        return redirect("evaluations")
    return redirect("evaluation_detail", pk=evaluation.pk)


@login_required
def evaluation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation = get_object_or_404(visible_evaluations(request.user), pk=pk)
    profile = profile_of(evaluation.project)
    account = account_of(request.user)
    member = is_member(evaluation, request.user)
    is_finance = account is not None and account.role == "finance"
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "scores":
                scores = {}
                computed = computed_items(evaluation, profile)
                for item in framework_items(framework_of(evaluation, profile)):
                    if item.name in computed:
                        continue
                    rule = rule_for(EvaluationScore, "score", f"“{item.name}”的评分", item.weight or HUNDRED)
                    value = number(request.POST, f"score_{item.name}", rule)
                    if value is None:
                        raise ServiceError(f"请填写“{item.name}”的评分")
                    scores[item.name] = value
                submit_scores(evaluation, scores, request.user, profile)
                messages.success(request, "评分已保存。")
            elif action == "finding":
                add_finding(evaluation, request.POST.get("category", "other"), request.POST.get("description", ""),
                            request.user)
                messages.success(request, "问题已登记。")
            elif action == "report_text":
                write_report_text(evaluation, request.POST.get("experience", ""), request.POST.get("advice", ""),
                                  request.user)
                messages.success(request, "评价报告内容已保存。")
            elif action == "finalise":
                text = request.POST.get("report_date", "")
                try:
                    report_date = date.fromisoformat(text)
                except ValueError as exc:
                    raise ServiceError(f"报告日期“{text}”无效（格式 2025-06-30）") from exc
                finalise(evaluation, report_date, request.user, profile)
                messages.success(request, "评价报告已出具，结果已应用。")
            else:
                raise ServiceError("未知的操作")
        except ServiceError as exc:
            messages.error(request, str(exc))
        return redirect("evaluation_detail", pk=pk)
    try:
        result = team_result(evaluation, profile)
        missing = ""
    except ServiceError as exc:
        result, missing = None, str(exc)
    mine = member_scores(evaluation, request.user)
    members = team(evaluation)
    by_member = {(s.member_id, s.item): s.score for s in evaluation.scores.all()}
    computed = computed_items(evaluation, profile)
    items = [(i, mine.get(i.name, ""), [by_member.get((m.pk, i.name), "—") for m in members], computed.get(i.name))
             for i in framework_items(framework_of(evaluation, profile))]
    return page(request, "web/evaluation.html", {
        "evaluation": evaluation, "items": items, "members": members, "result": result, "missing": missing,
        "is_member": member, "is_finance": is_finance, "categories": FINDING_CATEGORIES,
        "suggestion": suggestion_of(evaluation), "rectifications": evaluation_rectifications(evaluation)})


@login_required
def results(request: HttpRequest) -> HttpResponse:
    """Budget suggestions (finance confirms or overrides) and the rectification ledger."""
    try:
        today = date.fromisoformat(request.GET["as_of"]) if request.GET.get("as_of") else date.today()
    except ValueError:
        return refuse(request, f"日期“{request.GET['as_of'][:20]}”无效（格式 2026-03-11）")
    items = [(i, rectification_state_of(i, today))
             for i in rectifications_by_deadline(request.user)]
    status = request.GET.get("status", "")
    if status:
        items = [row for row in items if row[1].status.value == status]
    suggestions = visible_suggestions(request.user)
    account = account_of(request.user)
    return page(request, "web/results.html", {
        "items": items, "status": status, "suggestions": suggestions, "today": today,
        "overdue": sum(1 for _, s in items if s.status is RectificationStatus.OVERDUE),
        "is_finance": account is not None and account.role == "finance",
        "is_unit": account is not None and account.role == "unit"})


@login_required
@post_only
def suggestion_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = get_object_or_404(visible_suggestions(request.user), pk=pk)
    try:
        amount = number(request.POST, "amount", rule_for(BudgetSuggestion, "confirmed", "下年预算安排金额"))
        if amount is None:
            raise ServiceError("请填写下年预算安排金额")
        confirm_suggestion(suggestion, amount, request.POST.get("reason", ""), request.user)
        messages.success(request, "下年预算安排已确定。")
    except ServiceError as exc:
        messages.error(request, str(exc))
    return redirect("results")


@login_required
@post_only
def rectification_respond(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(visible_rectifications(request.user), pk=pk)
    try:
        respond(item, request.POST.get("response", ""), request.POST.get("evidence", ""),
                request.POST.get("done") == "1", request.user)
        messages.success(request, "整改情况已保存。")
    except ServiceError as exc:
        messages.error(request, str(exc))
    return redirect("results")


