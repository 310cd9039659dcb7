"""A project's goal as the unit edits it: goal texts and the indicator tree, checked by the goal-quality rules
and saved only against the version the editor started from (no lost updates)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from jixiao.audit.catalogue import Context, run
from jixiao.audit.subjects import GoalSubject
from jixiao.core.finding import Finding
from jixiao.core.levelwords import FRAME, FRAME_LEVEL1
from jixiao.core.model import Goal
from jixiao.core.model import Indicator as CoreIndicator
from jixiao.core.money import NumberError, read_optional, score_rule
from jixiao.core.profile import Profile
from jixiao.core.provenance import Location
from jixiao.core.values import parse_value
from jixiao.store.errors import ServiceError
from jixiao.store.history import bump_version
from jixiao.store.models import Indicator, Project

OPERATORS = ("≥", ">", "=", "≤", "<")
QUALITATIVE = "定性"
WEIGHT = score_rule("分值")  # an indicator's weight: 0–100, two decimals (the column's)
# The editor offers the usual frame's levels: 一级 → its 二级, each with its 指标.
LEVEL1 = FRAME_LEVEL1
LEVEL2 = {f"{level1}指标": tuple(f"{word}指标" for word in words) for level1, words in FRAME.items()}


@dataclass(frozen=True)
class IndicatorDraft:
    """One row of the indicator editor as typed: the target is operator + value + unit, or a qualitative value."""

    level1: str
    level2: str
    name: str
    operator: str = ""
    value: str = ""
    unit: str = ""
    weight: str = ""

    @property
    def target(self) -> str:
        if self.operator in OPERATORS:
            return f"{self.operator}{self.value.strip()}{self.unit.strip()}"
        return self.value.strip()

    @property
    def weight_decimal(self) -> Decimal | None:
        """The weight typed (0–100, two decimals), or None when blank or refused (see `problems`)."""
        try:
            return read_optional(self.weight, WEIGHT)
        except NumberError:
            return None

    def problems(self, row: int) -> list[str]:
        """Input errors that block saving (the goal-quality rules only warn)."""
        where = f"第{row}行指标"
        found = []
        if not self.name.strip():
            found.append(f"{where}：三级指标名称不能为空")
        if self.level1 not in LEVEL2 or self.level2 not in LEVEL2.get(self.level1, ()):
            found.append(f"{where}：一级/二级指标“{self.level1}/{self.level2}”不在指标体系中")
        try:
            read_optional(self.weight, WEIGHT)
        except NumberError as exc:
            found.append(f"{where}：{exc}")
        for text, field in ((self.name.strip(), "name"), (self.target, "target")):
            limit = Indicator._meta.get_field(field).max_length
            if len(text) > limit:
                label = Indicator._meta.get_field(field).verbose_name
                found.append(f"{where}：{label}最多 {limit} 个字（填写了 {len(text)} 个字）")
        if self.operator in OPERATORS and parse_value(self.target).number is None:
            found.append(f"{where}：定量指标的指标值“{self.value}”不是数字")
        return found

    @classmethod
    def of(cls, indicator: Indicator) -> IndicatorDraft:
        """The editor row of a stored indicator: split its target back into operator, value and unit."""
        value = parse_value(indicator.target)
        weight = "" if indicator.weight is None else f"{indicator.weight.normalize():f}"
        if value.operator is not None and value.number is not None and value.upper is None:
            return cls(indicator.level1, indicator.level2, indicator.name, value.operator.value,
                       f"{value.number.normalize():f}", value.unit, weight)
        return cls(indicator.level1, indicator.level2, indicator.name, QUALITATIVE, indicator.target, "", weight)


@dataclass(frozen=True)
class GoalDraft:
    annual_goal: str
    period_goal: str
    indicators: tuple[IndicatorDraft, ...]

    @property
    def weight_total(self) -> Decimal:
        return sum((d.weight_decimal or Decimal(0) for d in self.indicators), Decimal(0))

    def problems(self) -> list[str]:
        return [p for n, d in enumerate(self.indicators, start=1) for p in d.problems(n)]

    def core_goal(self) -> Goal:
        return Goal(annual_text=self.annual_goal, period_text=self.period_goal, indicators=tuple(
            CoreIndicator(level1=d.level1, level2=d.level2, name=d.name, adjusted_target=parse_value(d.target),
                          weight=d.weight_decimal, location=Location(table="绩效指标", row=f"第{n}行 {d.name}"))
            for n, d in enumerate(self.indicators, start=1)))

    @classmethod
    def of(cls, project: Project) -> GoalDraft:
        return cls(project.annual_goal, project.period_goal,
                   tuple(IndicatorDraft.of(i) for i in project.indicators.all()))


def check_goal(project: Project, draft: GoalDraft, profile: Profile) -> list[Finding]:
    """The goal-quality rules (SPEC §3.4) on a draft, as typed — the same rules the document audit runs."""
    budget = project.initial_budget or project.adjusted_budget or None
    subject = GoalSubject(project.name, draft.core_goal(), budget, Location(document=project.name))
    return run("goal", subject, Context(profile=profile, document=project.name))


@transaction.atomic
def save_goal(project: Project, draft: GoalDraft, version: int, actor: object) -> Project:
    """Replace the goal texts and indicator tree, refusing a stale version and input errors (all or nothing)."""
    if problems := draft.problems():
        raise ServiceError("；".join(problems))
    project = bump_version(project, version, actor, annual_goal=draft.annual_goal, period_goal=draft.period_goal)
    _replace_indicators(project, draft.indicators, actor)
    return project


def _replace_indicators(project: Project, drafts: Sequence[IndicatorDraft], actor: object) -> None:
    """Make the stored indicators the drafts, touching only what changed: an indicator keeps its row when its
    name is kept (else the next unmatched row is reused), so the change log shows one entry per indicator changed
    and the values entered against it (actuals, monitoring) stay with it."""
    stored = list(project.indicators.order_by("position", "pk"))
    by_name = {}
    for ind in stored:
        by_name.setdefault(ind.name, ind)
    matched: list[Indicator | None] = [by_name.pop(d.name.strip(), None) for d in drafts]
    spare = [ind for ind in stored if ind not in matched]
    for n, d in enumerate(drafts):
        ind = matched[n] or (spare.pop(0) if spare else Indicator(project=project))
        values = {"position": n, "level1": d.level1, "level2": d.level2, "name": d.name.strip(),
                  "target": d.target[:100], "weight": d.weight_decimal}
        if ind.pk is not None and all(getattr(ind, k) == v for k, v in values.items()):
            continue
        for k, v in values.items():
            setattr(ind, k, v)
        ind._history_user = actor  # type: ignore[attr-defined]
        ind.save()
    for ind in spare:
        ind._history_user = actor  # type: ignore[attr-defined]
        ind.delete()


def submission_problems(project: Project, profile: Profile) -> list[str]:
    """What blocks submitting a goal for review: no indicators, weights not summing to the indicator total, a
    budget of zero, or an error-tier goal finding."""
    draft = GoalDraft.of(project)
    problems = draft.problems()
    if not draft.indicators:
        problems.append("尚未设置绩效指标")
    expected = profile.selfeval.indicator_total
    if draft.indicators and draft.weight_total != expected:
        problems.append(f"指标分值合计为 {draft.weight_total.normalize():f} 分，应为 {expected.normalize():f} 分")
    if not project.adjusted_budget and not project.initial_budget:
        problems.append("项目预算为 0，请先填写预算")
    problems += [f.message for f in check_goal(project, draft, profile) if f.tier.value == "error"]
    from jixiao.store.exante import exante_problems

    return problems + exante_problems(project)


def drafts_from_lists(fields: dict[str, Sequence[str]]) -> tuple[IndicatorDraft, ...]:
    """Editor rows from parallel lists (HTML form or JSON), by position."""
    names = ("level1", "level2", "name", "operator", "value", "unit", "weight")
    columns = [list(fields.get(n, ())) for n in names]
    count = max((len(c) for c in columns), default=0)
    rows = [tuple((c[i] if i < len(c) else "") for c in columns) for i in range(count)]
    return tuple(IndicatorDraft(*(str(v) for v in row)) for row in rows if any(str(v).strip() for v in row))
