"""Goal review 绩效目标审核 (SPEC §3.5): a review score → grade 优/良/中/差 and its consequence, and the statistics
of a review round as seed 003 reports them (counts per score band, 审减 amount and 审减率).

Bands come from `profile.review` (lower bounds inclusive): ≥ excellent 优, [good, excellent) 良, [fair, good) 中,
< fair 差. Kunming (seed 003) uses 90 / 80 / 70; the central default is 90 / 80 / 60.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from jixiao.core.money import format_number
from jixiao.core.profile import GRADE_NAMES, Profile, ProfileError, ReviewRules
from jixiao.scoring.errors import raise_if
from jixiao.scoring.numbers import HUNDRED, fmt_wan, percent

ZERO = Decimal(0)
ROUND_NAMES = {1: "一审", 2: "二审"}


@dataclass(frozen=True)
class ReviewOutcome:
    score: Decimal
    grade: str  # 优/良/中/差
    consequence: str  # from the profile, Chinese
    proceeds: bool  # may go on to budget arrangement (优 at once, 良 after a minor completion)
    resubmit: bool  # must be revised and reviewed again (中)

    @property
    def message(self) -> str:
        return f"绩效目标审核得分 {format_number(self.score, 2, whole=True)} 分，等级“{self.grade}”：{self.consequence}"


def _check_score(score: Decimal, what: str) -> list[str]:
    return [] if ZERO <= score <= HUNDRED else [f"{what}审核评分 {format_number(score, 2, whole=True)} 应在0–100之间"]


def review_outcome(score: Decimal, profile: Profile) -> ReviewOutcome:
    """The grade of a review score and what follows from it (SPEC §3.5)."""
    raise_if(_check_score(score, ""))
    rules = profile.review
    grade = rules.grade(score)
    consequence = rules.consequences.get(grade)
    if consequence is None:
        raise ProfileError(f"配置项 review.consequences 缺少等级“{grade}”")
    return ReviewOutcome(score, grade, consequence, proceeds=grade in ("优", "良"), resubmit=grade == "中")


@dataclass(frozen=True)
class ReviewedGoal:
    """One goal (or budget line) in a review round: its score and the amounts requested and recommended (yuan).

    `score` is None for a line whose budget was reviewed without a goal score; it counts in the amounts only.
    `recommended` None means the request was accepted unchanged. `count` > 1: the row stands for that many goals
    of the same score, its amounts their totals (rows grouped by the database).
    """

    project: str
    score: Decimal | None
    requested: Decimal = ZERO  # 申报金额
    recommended: Decimal | None = None  # 建议安排金额
    count: int = 1


@dataclass(frozen=True)
class ScoreBand:
    grade: str
    low: Decimal | None  # inclusive; None for the lowest band
    high: Decimal | None  # exclusive; None for the top band
    count: int

    @property
    def label(self) -> str:
        """Seed-003 wording: '90分（含）以上', '80分（含）–90分', '70分以下'."""
        if self.high is None:
            return f"{format_number(self.low, 2, whole=True)}分（含）以上"
        if self.low is None:
            return f"{format_number(self.high, 2, whole=True)}分以下"
        return f"{format_number(self.low, 2, whole=True)}分（含）–{format_number(self.high, 2, whole=True)}分"

    def contains(self, score: Decimal) -> bool:
        return (self.low is None or score >= self.low) and (self.high is None or score < self.high)


def score_bands(rules: ReviewRules) -> tuple[ScoreBand, ...]:
    """The four empty bands of the profile, 优 first."""
    bounds = [rules.excellent, rules.good, rules.fair]
    if not bounds[0] > bounds[1] > bounds[2]:
        raise ProfileError("配置项 review 的分档下限应满足 excellent > good > fair")
    lows: list[Decimal | None] = [*bounds, None]
    highs: list[Decimal | None] = [None, *bounds]
    return tuple(ScoreBand(g, lo, hi, 0) for g, lo, hi in zip(GRADE_NAMES, lows, highs, strict=True))


@dataclass(frozen=True)
class RoundStatistics:
    round: int  # 1 一审, 2 二审 …
    items: int  # goals or budget lines in the round
    scored: int  # of which scored
    bands: tuple[ScoreBand, ...]  # 优 first
    requested: Decimal
    recommended: Decimal
    cut: Decimal  # 审减 = requested − recommended
    cut_rate: Decimal | None  # 审减率 %, 2 dp

    def count_of(self, grade: str) -> int:
        return next(b.count for b in self.bands if b.grade == grade)

    @property
    def round_name(self) -> str:
        return ROUND_NAMES.get(self.round, f"第{self.round}轮")

    @property
    def message(self) -> str:
        """E.g. '一审审核评分90分（含）以上的185个；80分（含）–90分的379个；…；申报…审减率24%'."""
        bands = "；".join(f"{b.label}的{b.count}个" for b in self.bands)
        text = f"绩效目标共计{self.scored}个，{self.round_name}审核评分{bands}"
        if self.requested:
            text += (f"；申报{self.items}个项目预算{fmt_wan(self.requested)}万元，建议安排{fmt_wan(self.recommended)}万元，"
                     f"审减{fmt_wan(self.cut)}万元，审减率{format_number(self.cut_rate, 2, whole=True)}%")
        return text


def review_statistics(goals: Iterable[ReviewedGoal], profile: Profile, round_number: int = 1) -> RoundStatistics:
    """Counts per score band and the amounts cut in one review round. Raises InputError for impossible input."""
    items = list(goals)
    problems: list[str] = []
    for goal in items:
        what = f"项目“{goal.project}”"
        if goal.score is not None:
            problems += _check_score(goal.score, what)
        if goal.requested < 0:
            problems.append(f"{what}申报金额不能为负数")
        if goal.recommended is not None and goal.recommended < 0:
            problems.append(f"{what}建议安排金额不能为负数")
    raise_if(problems)
    scored = [(g.count, g.score) for g in items if g.score is not None]
    bands = tuple(ScoreBand(b.grade, b.low, b.high, sum(n for n, score in scored if b.contains(score)))
                  for b in score_bands(profile.review))
    requested = sum((g.requested for g in items), ZERO)
    recommended = sum((g.recommended if g.recommended is not None else g.requested for g in items), ZERO)
    return RoundStatistics(
        round=round_number, items=sum(g.count for g in items), scored=sum(n for n, _ in scored), bands=bands,
        requested=requested,
        recommended=recommended, cut=requested - recommended, cut_rate=percent(requested - recommended, requested),
    )


def cut_rate(requested: Decimal, recommended: Decimal) -> tuple[Decimal, Decimal | None]:
    """(审减, 审减率 %) for amounts already totalled, e.g. basic and project spending together."""
    cut = requested - recommended
    return cut, percent(cut, requested)
