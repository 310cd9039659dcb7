"""The goal editor: goal texts and the indicator tree; rows added from the library or free; the goal-quality
rules shown beside the fields as the user types (htmx posts the form to `goal_check`)."""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from jixiao.core.money import format_number
from jixiao.store.access import can_edit, profile_of, visible_projects
from jixiao.store.errors import ConflictError, ServiceError
from jixiao.store.goals import (
    LEVEL2,
    OPERATORS,
    QUALITATIVE,
    GoalDraft,
    IndicatorDraft,
    check_goal,
    drafts_from_lists,
    save_goal,
)
from jixiao.store.models import Project
from jixiao.store.selectors import indicator_library, latest_return, library_template
from jixiao.web.views.common import page, post_only


def _checks(project: Project, draft: GoalDraft) -> dict[str, object]:
    """The live check panel: input problems (the weight total among them) and the goal-quality findings."""
    expected = profile_of(project).selfeval.indicator_total
    problems = draft.problems()
    total = draft.weight_total
    if draft.indicators and total != expected:
        gap = total - expected
        problems.append(f"指标分值合计 {format_number(total)} 分，应为 {format_number(expected)} 分"
                        f"（{'多' if gap > 0 else '少'} {format_number(abs(gap))} 分）")
    return {"findings": check_goal(project, draft, profile_of(project)), "problems": problems, "draft": draft,
            "expected_total": expected}


def _return_notes(project: Project, draft: GoalDraft) -> dict[str, object]:
    """The latest return (its comment and per-indicator comments) placed beside the indicators it concerns."""
    review = None
    if project.status == "returned":
        review = latest_return(project)
    comments = list(review.comments.all()) if review is not None else []
    names = {row.name.strip() for row in draft.indicators}
    rows = [(row, [c.comment for c in comments if c.indicator_name.strip() == row.name.strip()])
            for row in draft.indicators]
    return {"returned_review": review, "rows": rows,
            "other_comments": [c for c in comments if c.indicator_name.strip() not in names]}


def _posted(request: HttpRequest) -> GoalDraft:
    lists = {name: request.POST.getlist(name) for name in
             ("level1", "level2", "name", "operator", "value", "unit", "weight")}
    return GoalDraft(request.POST.get("annual_goal", ""), request.POST.get("period_goal", ""), drafts_from_lists(lists))


def _from_library(template_id: str) -> IndicatorDraft:
    template = library_template(int(template_id) if template_id.isdigit() else 0)
    if template is None:
        return IndicatorDraft("产出指标", "数量指标", "", "≥")
    value = template.typical_target
    if template.operator in OPERATORS:
        value = value.lstrip(template.operator).removesuffix(template.unit).strip()
        return IndicatorDraft(template.level1, template.level2, template.name, template.operator, value, template.unit)
    return IndicatorDraft(template.level1, template.level2, template.name, QUALITATIVE, value)


def _render(request: HttpRequest, project: Project, draft: GoalDraft, errors: list[str], status: int = 200,
            version: int | None = None) -> HttpResponse:
    return page(request, "web/goal_edit.html", {
        "project": project, "errors": errors, **_checks(project, draft), **_return_notes(project, draft),
        "version": project.version if version is None else version, "level2": LEVEL2,
        "operators": (*OPERATORS, QUALITATIVE), "library": indicator_library()}, status=status)


def _editable(request: HttpRequest, pk: int) -> tuple[Project | None, HttpResponse | None]:
    project = get_object_or_404(visible_projects(request.user), pk=pk)
    if not can_edit(request.user, project):
        return None, page(request, "web/error.html",
                          {"message": "只有项目所属单位可在草稿或退回状态下修改绩效目标。"}, status=403)
    return project, None


@login_required
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project, refused = _editable(request, pk)
    if refused is not None or project is None:
        return refused  # type: ignore[return-value]
    if request.method != "POST":
        return _render(request, project, GoalDraft.of(project), [])
    draft = _posted(request)
    version = int(request.POST.get("version", "0") or 0)
    action = request.POST.get("action", "save")
    if action == "add":
        added = _from_library(request.POST.get("template", ""))
        return _render(request, project, replace(draft, indicators=(*draft.indicators, added)), [], version=version)
    if action.startswith("remove-") and action[7:].isdigit():
        rows = list(draft.indicators)
        if int(action[7:]) < len(rows):
            rows.pop(int(action[7:]))
        return _render(request, project, replace(draft, indicators=tuple(rows)), [], version=version)
    try:
        save_goal(project, draft, version, request.user)
    except ConflictError as exc:
        return _render(request, project, draft, [str(exc)], status=409, version=version)
    except ServiceError as exc:
        return _render(request, project, draft, [str(exc)], status=400, version=version)
    messages.success(request, "绩效目标已保存。")
    return redirect("project_detail", pk=project.pk)


@login_required
@post_only
def goal_check(request: HttpRequest, pk: int) -> HttpResponse:
    """The live check panel for the draft as typed (nothing is saved)."""
    project, refused = _editable(request, pk)
    if refused is not None or project is None:
        return refused  # type: ignore[return-value]
    draft = _posted(request)
    return page(request, "web/partials/goal_checks.html", _checks(project, draft))
