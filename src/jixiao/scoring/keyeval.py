"""The 决策/过程/产出/效益 framework of 部门/财政评价 (SPEC §2.1, E1): parents computed from children."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from jixiao.core.model import KeyIndicator
from jixiao.core.money import round_half_up
from jixiao.core.profile import Profile
from jixiao.scoring.errors import raise_if

LEVEL1 = ("决策", "过程", "产出", "效益")
# Stems, not core.levelwords' words: a key evaluation's own 二级 ('履职效益') is placed by its 效益.
_BENEFIT_WORDS = ("效益", "满意度", "可持续影响")
ZERO = Decimal(0)


def block_of(indicator: KeyIndicator) -> str:
    """The 一级 block a row belongs to by its 二级 name (a 效益/满意度 row printed under 产出 belongs to 效益)."""
    if any(word in indicator.level2 for word in _BENEFIT_WORDS):
        return "效益"
    return indicator.level1


def parent_weights(indicators: Sequence[KeyIndicator]) -> dict[str, Decimal]:
    """一级 weight = Σ of its 三级 weights, for each block present."""
    weights: dict[str, Decimal] = {}
    for ind in indicators:
        weights[block_of(ind)] = weights.get(block_of(ind), ZERO) + (ind.weight or ZERO)
    return weights


def block_scores(indicators: Sequence[KeyIndicator]) -> dict[str, Decimal]:
    scores: dict[str, Decimal] = {}
    for ind in indicators:
        scores[block_of(ind)] = scores.get(block_of(ind), ZERO) + (ind.score or ZERO)
    return scores


def funds_rate(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    """资金到位率 = 到位/预算; 预算执行率 = 支出/到位 (as a fraction)."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


FUNDS_ITEMS = ("资金到位率", "预算执行率")


def funds_scores(budget: Decimal | None, received: Decimal | None, spent: Decimal | None,
                 weights: dict[str, Decimal]) -> dict[str, Decimal]:
    """The two items the data decides (SPEC §2.1): score = rate × weight, capped at the weight, 2 dp."""
    rates = {"资金到位率": funds_rate(received, budget), "预算执行率": funds_rate(spent, received)}
    return {name: round_half_up(min(rate, Decimal(1)) * weights[name])
            for name, rate in rates.items() if rate is not None and name in weights}


@dataclass(frozen=True)
class TeamResult:
    """A key evaluation scored by a team: each item's mean across members, parents, total and grade."""

    indicators: tuple[KeyIndicator, ...]  # score = mean of the members' scores, 2 dp
    level1_weights: dict[str, Decimal]
    level1_scores: dict[str, Decimal]
    total: Decimal
    grade: str
    members: tuple[str, ...]


def framework_items(framework: dict[str, Decimal]) -> tuple[KeyIndicator, ...]:
    """The profile's framework ('一级/二级/三级' → weight) as unscored rows."""
    rows = []
    for path, weight in framework.items():
        level1, level2, name = [*path.split("/"), "", ""][:3]
        rows.append(KeyIndicator(level1, level2, name, weight, None))
    return tuple(rows)


def aggregate_team(framework: dict[str, Decimal], scores: Iterable[tuple[str, str, Decimal]],
                   members: Sequence[str], profile: Profile,
                   computed: dict[str, Decimal] | None = None) -> TeamResult:
    """Every member must score every 三级 item within [0, weight], except the items the data decides
    (`computed`, e.g. funds_scores); an item's score is the members' mean (2 dp, half up); parents are sums of
    their children; the grade follows the profile's bands (SPEC §1.6, §2.1)."""
    computed = computed or {}
    items = framework_items(framework)
    given: dict[tuple[str, str], Decimal] = {}
    problems = []
    for member, item, score in scores:
        if item not in computed:
            given[(member, item)] = score
    by_name = {i.name: i for i in items}
    for (member, item), score in given.items():
        if item not in by_name:
            problems.append(f"评分项“{item}”不在指标体系中")
        elif not ZERO <= score <= (by_name[item].weight or ZERO):
            problems.append(f"{member}对“{item}”的评分 {score} 超出 0–{by_name[item].weight} 分")
    if not members:
        problems.append("评价组没有成员")
    missing = [f"{m}未对“{i.name}”评分" for m in members for i in items
               if i.name not in computed and (m, i.name) not in given]
    raise_if(problems + missing[:10] + ([f"等共 {len(missing)} 项未评分"] if len(missing) > 10 else []))
    scored = tuple(replace(i, score=computed[i.name] if i.name in computed else round_half_up(
        sum((given[(m, i.name)] for m in members), ZERO) / len(members))) for i in items)
    total = sum((i.score or ZERO for i in scored), ZERO)
    return TeamResult(scored, parent_weights(scored), block_scores(scored), total, profile.grades.grade(total),
                      tuple(members))
