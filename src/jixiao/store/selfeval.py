"""单位自评 in the app (SPEC §1): the form is pre-filled from the goal and the monitoring data; jixiao scores what
the rules can, asks for a score only where they leave it (qualitative, within the band), requires deviation reasons
where the rules do, and stores the computed total and grade."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from jixiao.core.money import NumberError, read_optional, score_rule
from jixiao.core.profile import Profile
from jixiao.core.values import parse_value
from jixiao.scoring.selfeval import SelfEvaluationScore, score_self_evaluation
from jixiao.store.access import account_of
from jixiao.store.errors import ServiceError
from jixiao.store.history import bump_version
from jixiao.store.mapping import self_evaluation
from jixiao.store.models import Indicator, Project, Role, SelfEvaluationRecord

ACTUAL_LENGTH = Indicator._meta.get_field("actual").max_length


@dataclass(frozen=True)
class ActualEntry:
    indicator_id: int
    actual: str
    score: str = ""  # only asked for qualitative indicators
    deviation_reason: str = ""


def prefill(project: Project) -> tuple[Decimal, dict[int, str]]:
    """Executed amount and actual values from the latest monitoring report (expected year-end values)."""
    report = project.monitoring_reports.order_by("-period").first()
    if report is None:
        return project.executed, {}
    executed = sum((f.executed for f in report.funds.all()), Decimal(0))
    return executed, {m.indicator_id: m.expected or m.progress for m in report.indicators.all()}


def current_entries(project: Project, record: SelfEvaluationRecord | None) -> tuple[Decimal, dict[int, ActualEntry]]:
    """What the form shows: the saved values once a self-evaluation exists, else the monitoring prefill."""
    executed, expected = (project.executed, {}) if record else prefill(project)
    return executed, {i.pk: ActualEntry(i.pk, i.actual or expected.get(i.pk, ""),
                                        "" if i.reported_score is None else f"{i.reported_score}", i.deviation_reason)
                      for i in project.indicators.all()}


def _apply(project: Project, executed: Decimal, entries: dict[int, ActualEntry]) -> Project:
    """The project with the typed values, unsaved (for scoring as the user types)."""
    project.executed = executed
    rows = []
    for ind in project.indicators.all():
        entry = entries.get(ind.pk)
        if entry is not None:
            ind.actual, ind.deviation_reason = entry.actual.strip(), entry.deviation_reason.strip()
            if len(ind.actual) > ACTUAL_LENGTH:
                raise ServiceError(f"指标“{ind.name}”的实际完成值最多 {ACTUAL_LENGTH} 个字（填写了 {len(ind.actual)} 个字）")
            try:  # a score from 0 to the indicator's weight
                ind.reported_score = read_optional(entry.score, score_rule(f"指标“{ind.name}”的得分",
                                                                           ind.weight or Decimal(100)))
            except NumberError as exc:
                raise ServiceError(str(exc)) from exc
        rows.append(ind)
    project._prefetched_objects_cache = {"indicators": rows}  # type: ignore[attr-defined]
    return project


def score(project: Project, executed: Decimal, entries: dict[int, ActualEntry], profile: Profile) -> SelfEvaluationScore:
    return score_self_evaluation(self_evaluation(_apply(project, executed, entries)), profile)


REASON_RULES = ("selfeval.s7_over_achievement", "selfeval.s8_reason_required")  # where the rules need a 偏差原因


def missing(result: SelfEvaluationScore) -> list[str]:
    """What the unit has not yet entered and the rules need: the score of a qualitative indicator (never the
    band's lower bound silently) and every required 偏差原因."""
    found = []
    for s in result.indicators:
        if s.method == "定性" and s.indicator.reported_score is None:
            band = f"（{s.band[0].normalize():f}–{s.band[1].normalize():f} 分）" if s.band else ""
            found.append(f"定性指标“{s.indicator.name}”须填写得分{band}")
    gap = [result.total_gap] if result.total_gap else []  # no indicator rows: no total, nothing to submit
    return gap + found + [d.message for d in result.deviations if d.rule in REASON_RULES]


def blocking(result: SelfEvaluationScore) -> list[str]:
    """What must be entered or fixed before submitting: what is missing, and errors such as a qualitative score
    outside its band."""
    return missing(result) + [d.message for d in result.deviations if d.tier.value == "error"]


def fillable(project: Project, record: SelfEvaluationRecord | None, actor: Any, profile: Profile) -> bool:
    """The owning unit fills the self-evaluation of an approved project until it submits; a submitted one opens
    again while something the rules (and so the release gate) need is missing."""
    account = account_of(actor)
    if account is None or account.role != Role.UNIT or account.unit_id != project.unit_id:
        return False
    if project.status != "approved":
        return False
    return record is None or not record.submitted or bool(missing(score_self_evaluation(self_evaluation(project),
                                                                                           profile)))


@dataclass(frozen=True)
class Narrative:
    """The unit's own words in the report: 全年目标实际完成情况 and 主要经验做法 (a section is left out while empty)."""

    goal_statement: str = ""
    experience: str = ""


@transaction.atomic
def save_selfeval(project: Project, version: int, executed: Decimal, entries: dict[int, ActualEntry], submit: bool,
                  actor: Any, profile: Profile, narrative: Narrative | None = None) -> SelfEvaluationRecord:
    account = account_of(actor)
    if account is None or account.role != Role.UNIT or account.unit_id != project.unit_id:
        raise ServiceError("只有项目所属单位可以填报自评")
    if project.status != "approved":
        raise ServiceError("绩效目标批复后才能自评")
    record = SelfEvaluationRecord.objects.filter(project=project).first()
    if record is not None and not fillable(project, record, actor, profile):
        raise ServiceError("自评已提交，不能再修改")
    if executed < 0:
        raise ServiceError("全年执行数不能为负数")
    result = score(project, executed, entries, profile)
    if result.total is None or result.grade is None:  # a record holds a total and a grade, never one of a part
        raise ServiceError(f"不能保存：{result.total_gap}")
    if submit and (problems := blocking(result)):
        raise ServiceError("不能提交，尚缺：" + "；".join(problems))
    if narrative is None:
        narrative = Narrative(record.goal_statement, record.experience) if record else Narrative()
    # an indicator typed as it is stored is not written again (compared with the database, not with the objects in
    # memory: a preview scored before the save has already set them)
    stored = {pk: typed for pk, *typed in Indicator.objects.filter(project=project).values_list(
        "pk", "actual", "deviation_reason", "reported_score")}
    for ind in project.indicators.all():
        if stored.get(ind.pk) != [ind.actual, ind.deviation_reason, ind.reported_score]:
            ind._history_user = actor  # type: ignore[attr-defined]
            ind.save()
    bump_version(project, version, actor, "单位自评", executed=executed, reported_total=result.total,
                 reported_grade=result.grade)
    record, _ = SelfEvaluationRecord.objects.update_or_create(
        project=project, defaults={"total": result.total, "grade": result.grade, "submitted": submit,
                                   "submitted_by": actor, "goal_statement": narrative.goal_statement.strip(),
                                   "experience": narrative.experience.strip()})
    return record


def indicator_entries(post: Any, indicators: list[Indicator]) -> dict[int, ActualEntry]:
    """Entries from a form posted with fields actual_<id>, score_<id>, reason_<id>."""
    return {i.pk: ActualEntry(i.pk, post.get(f"actual_{i.pk}", ""), post.get(f"score_{i.pk}", ""),
                              post.get(f"reason_{i.pk}", "")) for i in indicators}


def entries_from_document(project: Project, evaluations: list[Any]) -> tuple[Decimal, dict[int, ActualEntry], list[str]]:
    """The executed amount and indicator values of this project from a self-evaluation document read by
    jixiao.ingest: the evaluation with the project's name (or the only one); indicators matched by name.
    Returns (executed, entries, indicator names of the document that match nothing)."""
    evaluations = [se for se in evaluations if not se.is_department]  # a 部门整体 report fills no project
    match = [se for se in evaluations if se.project.name.strip() == project.name.strip()]
    if not match and len(evaluations) == 1:
        match = evaluations
    if not match:
        names = "、".join(se.project.name for se in evaluations[:5]) or "无"
        raise ServiceError(f"文档中没有项目“{project.name}”的自评（文档中的项目：{names}）")
    se = match[0]
    total = se.budget_total
    if total is None or total.executed is None:
        raise ServiceError("文档的预算执行情况表中没有全年执行数")
    mine = {i.name.strip(): i for i in project.indicators.all()}
    entries, unmatched = {}, []
    for ind in se.indicators:
        stored = mine.get(ind.name.strip())
        if stored is None:
            unmatched.append(ind.name)
            continue
        score = "" if ind.reported_score is None or parse_value(stored.target).is_quantitative else f"{ind.reported_score}"
        entries[stored.pk] = ActualEntry(stored.pk, ind.actual.raw if ind.actual else "", score, ind.deviation_reason)
    return total.executed, entries, unmatched
