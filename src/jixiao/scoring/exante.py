"""Ex-ante assessment 事前绩效评估 (SPEC §5, rule P1).

Five dimensions (立项必要性, 投入经济性, 绩效目标合理性, 实施方案可行性, 筹资合规性) weighted by
`profile.exante.dimensions` (20 each by default, 100 in all). Each dimension is a set of sub-items with a maximum
score; every expert of the panel scores every sub-item; a sub-item's score is the mean across experts (2
decimals, 四舍五入); a dimension is the sum of its sub-items; the total the sum of the dimensions. The grade
优/良/中/差 and the conclusion 支持 / 调整后支持 / 不予支持 follow the profile's bands. 审减 = requested −
recommended budget.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from jixiao.core.money import format_number, round_half_up
from jixiao.core.profile import GRADE_NAMES, ExAnteRules, Profile, ProfileError
from jixiao.scoring.errors import raise_if
from jixiao.scoring.numbers import HUNDRED, fmt_wan, percent

ZERO = Decimal(0)


class Conclusion(StrEnum):
    SUPPORT = "support"  # 支持
    ADJUST = "adjust"  # 调整后支持
    REJECT = "reject"  # 不予支持

    @property
    def label(self) -> str:
        return {"support": "支持", "adjust": "调整后支持", "reject": "不予支持"}[self.value]


@dataclass(frozen=True)
class SubItem:
    """A row of the scoring sheet: a sub-item of one dimension and the points it is worth."""

    dimension: str
    name: str
    max_score: Decimal


@dataclass(frozen=True)
class ExpertScore:
    expert: str
    dimension: str
    item: str
    score: Decimal


@dataclass(frozen=True)
class SubItemResult:
    item: SubItem
    scores: tuple[tuple[str, Decimal], ...]  # (expert, score), in panel order
    score: Decimal  # mean across experts, 2 dp


@dataclass(frozen=True)
class DimensionResult:
    name: str
    weight: Decimal
    score: Decimal
    items: tuple[SubItemResult, ...]


@dataclass(frozen=True)
class ExAnteResult:
    project: str
    experts: tuple[str, ...]
    dimensions: tuple[DimensionResult, ...]
    total: Decimal
    grade: str  # 优/良/中/差
    conclusion: Conclusion
    requested: Decimal  # 申报金额 (yuan)
    recommended: Decimal  # 建议安排金额
    cut: Decimal  # 审减 = requested − recommended
    cut_rate: Decimal | None  # 审减率 %, None when nothing was requested

    def dimension(self, name: str) -> DimensionResult:
        return next(d for d in self.dimensions if d.name == name)

    @property
    def message(self) -> str:
        return (f"项目“{self.project}”事前绩效评估得分 {format_number(self.total, 2, whole=True)} 分，等级“{self.grade}”，"
                f"评估结论：{self.conclusion.label}；申报 {fmt_wan(self.requested)} 万元，"
                f"建议安排 {fmt_wan(self.recommended)} 万元，审减 {fmt_wan(self.cut)} 万元")


def conclusion_for(total: Decimal, rules: ExAnteRules) -> Conclusion:
    """≥ support_min 支持; ≥ adjust_min 调整后支持; else 不予支持 (lower bounds inclusive)."""
    if total >= rules.support_min:
        return Conclusion.SUPPORT
    if total >= rules.adjust_min:
        return Conclusion.ADJUST
    return Conclusion.REJECT


def _weights(rules: ExAnteRules) -> dict[str, Decimal]:
    weights = dict(rules.dimensions)
    if sum(weights.values(), ZERO) != HUNDRED:
        raise ProfileError(f"配置项 exante.dimensions 的分值合计为 {format_number(sum(weights.values(), ZERO), 2, whole=True)}，应为100")
    return weights


def simple_sheet(profile: Profile) -> tuple[SubItem, ...]:
    """A sheet with one sub-item per dimension, worth the dimension's whole weight."""
    return tuple(SubItem(name, name, weight) for name, weight in _weights(profile.exante).items())


def _where(dimension: str, item: str) -> str:
    """'维度／子项', or the dimension alone when its only sub-item carries its name (the simple sheet)."""
    return dimension if item == dimension else f"{dimension}／{item}"


def _sheet_problems(sheet: Sequence[SubItem], weights: dict[str, Decimal]) -> list[str]:
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    totals: dict[str, Decimal] = {}
    for item in sheet:
        where = _where(item.dimension, item.name)
        if item.dimension not in weights:
            problems.append(f"评分表子项“{where}”所属维度不在事前评估维度（{'、'.join(weights)}）中")
            continue
        if (item.dimension, item.name) in seen:
            problems.append(f"评分表子项“{where}”重复")
        seen.add((item.dimension, item.name))
        if item.max_score <= 0:
            problems.append(f"评分表子项“{where}”的分值应大于0")
        totals[item.dimension] = totals.get(item.dimension, ZERO) + item.max_score
    for name, weight in weights.items():
        got = totals.get(name)
        if got is None:
            problems.append(f"评分表缺少维度“{name}”")
        elif got != weight:
            problems.append(f"维度“{name}”各子项分值合计 {format_number(got, 2, whole=True)}，应为 {format_number(weight, 2, whole=True)}")
    return problems


def assess(project: str, sheet: Sequence[SubItem], scores: Iterable[ExpertScore], requested: Decimal,
           profile: Profile, recommended: Decimal | None = None,
           experts: Sequence[str] | None = None) -> ExAnteResult:
    """Score one ex-ante assessment.

    `experts` is the panel; when omitted, every expert who scored anything. Each expert must score each
    sub-item once, within [0, max]. `recommended` defaults to the requested amount (支持 / 调整后支持) or 0
    (不予支持). Raises InputError listing every problem, in Chinese.
    """
    rules = profile.exante
    weights = _weights(rules)
    rows = list(scores)
    problems = _sheet_problems(sheet, weights)
    panel = list(dict.fromkeys(e.strip() for e in experts)) if experts is not None else list(
        dict.fromkeys(r.expert.strip() for r in rows))
    if not panel or not rows:
        problems.append("没有专家评分")
    items = {(i.dimension, i.name): i for i in sheet}
    given: dict[tuple[str, str, str], Decimal] = {}
    for row in rows:
        expert = row.expert.strip()
        where = _where(row.dimension, row.item)
        if not expert:
            problems.append(f"对“{where}”的评分缺少专家姓名")
            continue
        if expert not in panel:
            problems.append(f"专家“{expert}”不在评估专家组中")
        item = items.get((row.dimension, row.item))
        if item is None:
            problems.append(f"专家“{expert}”评分的子项“{where}”不在评分表中")
            continue
        if (expert, row.dimension, row.item) in given:
            problems.append(f"专家“{expert}”对“{where}”重复评分")
        if row.score < 0:
            problems.append(f"专家“{expert}”对“{where}”的评分 {format_number(row.score, 2, whole=True)} 不能为负数")
        elif row.score > item.max_score:
            problems.append(f"专家“{expert}”对“{where}”的评分 {format_number(row.score, 2, whole=True)} 超过该项分值 {format_number(item.max_score, 2, whole=True)}")
        given[(expert, row.dimension, row.item)] = row.score
    if rows:
        for item in sheet:
            for expert in panel:
                if (expert, item.dimension, item.name) not in given:
                    problems.append(f"专家“{expert}”未对“{_where(item.dimension, item.name)}”评分")
    if requested < 0:
        problems.append(f"申报金额 {format_number(requested, 2, whole=True)} 不能为负数")
    if recommended is not None:
        if recommended < 0:
            problems.append(f"建议安排金额 {format_number(recommended, 2, whole=True)} 不能为负数")
        elif recommended > requested >= 0:
            problems.append(f"建议安排金额 {format_number(recommended, 2, whole=True)} 超过申报金额 {format_number(requested, 2, whole=True)}")
    raise_if(problems)

    dimension_results: list[DimensionResult] = []
    for name, weight in weights.items():
        item_results: list[SubItemResult] = []
        for item in (i for i in sheet if i.dimension == name):
            by_expert = tuple((e, given[(e, item.dimension, item.name)]) for e in panel)
            mean = round_half_up(sum((s for _, s in by_expert), ZERO) / len(by_expert))
            item_results.append(SubItemResult(item, by_expert, mean))
        score = sum((r.score for r in item_results), ZERO)
        dimension_results.append(DimensionResult(name, weight, score, tuple(item_results)))
    total = sum((d.score for d in dimension_results), ZERO)
    conclusion = conclusion_for(total, rules)
    if recommended is None:
        recommended = ZERO if conclusion is Conclusion.REJECT else requested
    elif conclusion is Conclusion.REJECT and recommended > 0:
        raise_if([f"评估结论为“不予支持”（{format_number(total, 2, whole=True)} 分），建议安排金额应为0，填报为 {format_number(recommended, 2, whole=True)}"])
    cut = requested - recommended
    return ExAnteResult(
        project=project, experts=tuple(panel), dimensions=tuple(dimension_results), total=total,
        grade=rules.grade(total), conclusion=conclusion, requested=requested, recommended=recommended, cut=cut,
        cut_rate=percent(cut, requested),
    )


@dataclass(frozen=True)
class ExAnteSummary:
    """Seed-003 style: '6个项目…平均得分87分，综合评价等级为“良”；“优”2个、“良”3个、“中”1个；审减1,468万元'."""

    count: int
    average: Decimal | None  # 2 dp
    grade: str | None  # grade of the average score
    grade_counts: tuple[tuple[str, int], ...]  # 优, 良, 中, 差
    conclusion_counts: tuple[tuple[Conclusion, int], ...]
    requested: Decimal
    recommended: Decimal
    cut: Decimal
    cut_rate: Decimal | None

    def count_of(self, grade: str) -> int:
        return dict(self.grade_counts)[grade]

    @property
    def message(self) -> str:
        if not self.count:
            return "未开展事前绩效评估"
        grades = "，".join(f"评价等级为“{g}”的项目{n}个" for g, n in self.grade_counts if n)
        return (f"开展事前绩效评估项目{self.count}个，预算申报金额{fmt_wan(self.requested)}万元，项目平均得分"
                f"{format_number(self.average, 2, whole=True)}分，综合评价等级为“{self.grade}”；{grades}；审减预算经费{fmt_wan(self.cut)}万元")


def summarise(results: Iterable[ExAnteResult], profile: Profile) -> ExAnteSummary:
    """Counts by grade and conclusion, the average score and its grade, and the amounts cut."""
    items = list(results)
    requested = sum((r.requested for r in items), ZERO)
    recommended = sum((r.recommended for r in items), ZERO)
    average = round_half_up(sum((r.total for r in items), ZERO) / len(items)) if items else None
    return ExAnteSummary(
        count=len(items), average=average,
        grade=profile.exante.grade(average) if average is not None else None,
        grade_counts=tuple((g, sum(1 for r in items if r.grade == g)) for g in GRADE_NAMES),
        conclusion_counts=tuple((c, sum(1 for r in items if r.conclusion is c)) for c in Conclusion),
        requested=requested, recommended=recommended, cut=requested - recommended,
        cut_rate=percent(requested - recommended, requested),
    )
