"""文字报告中的数字 — prose documents (results statements, narrative self-evaluations, work summaries).

Every clause that states a budget, an amount spent, a rate, an adjustment or a saving is recomputed from the
amounts stated beside it: 执行率 = 执行 ÷ 预算, 节约率 = (预算 − 执行) ÷ 预算, 审减 = 申报 − 建议安排 and
审减率 = 审减 ÷ 申报, 年初预算 − 调减 − 收回 reconciles with the execution, and parts add up to the total stated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from jixiao.audit.catalogue import Context, rule
from jixiao.audit.rules.narrative import reachable
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import normalize_text, round_half_up, unit_scale
from jixiao.core.statements import Claim, Statement

CAT = "业务管理"
ZERO = Decimal(0)
_UNIT_RE = re.compile(r"(亿元|万元|元|万)$")


def _fmt(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _unit(claim: Claim) -> str:
    match = _UNIT_RE.search(claim.text)
    return match.group(1) if match else "元"


def _number(claim: Claim) -> str:
    """An amount as printed, without its unit: '1,356.89万元' → '1,356.89'."""
    return _UNIT_RE.sub("", claim.text)


def _in(ref: Claim, yuan: Decimal) -> str:
    """An amount in yuan written in the unit `ref` was printed in (without the unit)."""
    return _fmt(yuan / (unit_scale(_unit(ref)) or Decimal(1)))


def _places(quantum: Decimal) -> int:
    return max(0, -quantum.normalize().as_tuple().exponent) if quantum else 0  # type: ignore[operator]


def _last(claims: tuple[Claim, ...], before: Claim, test: Callable[[Claim], bool]) -> Claim | None:
    """The last claim of the sentence before `before` that passes `test`."""
    found = None
    for claim in claims:
        if claim is before:
            return found
        if test(claim):
            found = claim
    return found


def _budget(c: Claim) -> bool:
    return c.measure == "budget"


def _spent(c: Claim) -> bool:
    return c.measure == "amount" and c.basis == "执行"


def _rate_finding(ctx: Context, rule_id: str, claim: Claim, what: str, function: Callable[..., Decimal | None],
                  operands: tuple[Claim, ...], formula: str) -> Finding | None:
    """A stated percentage against its value recomputed from the amounts beside it. Certain (error) only when the
    stated rate, within half its last printed digit, lies outside every value the amounts allow at their printed
    precision (`reachable`); a difference inside that interval is a notice (尾数误差)."""
    computed = function(*(c.value for c in operands))
    if computed is None:
        return None
    ctx.checked(claim, *operands)
    places = _places(claim.quantum)
    expected = round_half_up(computed, places)
    if claim.value == expected:
        return None
    bounds = reachable(function, *((c.value, c.quantum) for c in operands))
    half = claim.quantum / 2
    certain = bounds is not None and (claim.value + half < bounds[0] or claim.value - half > bounds[1])
    span = "" if certain or bounds is None else (
        f"（按所印精度可为 {round_half_up(bounds[0], places)}%–{round_half_up(bounds[1], places)}%，尾数误差）")
    return Finding(rule_id, Tier.ERROR if certain else Tier.NOTICE,
                   f"{what}写为 {claim.text}，按 {formula} 应为 {_fmt(expected)}%{span}",
                   claim.location.with_(row=what), CAT, expected=_fmt(expected), actual=_fmt(claim.value),
                   difference=_fmt(claim.value - expected))


def _executed_share(spent: Decimal, budget: Decimal) -> Decimal | None:
    return spent / budget * 100 if budget > 0 else None


def _saving_share(budget: Decimal, spent: Decimal) -> Decimal | None:
    return (budget - spent) / budget * 100 if budget > 0 else None


@rule("prose.execution_rate", "文字中的执行率与预算、执行金额不符，或执行率写成金额", Tier.ERROR, CAT, "SPEC §1.3", "prose")
def execution_rate(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“预算X万元，实际执行Y万元，执行率P%”：P = Y ÷ X × 100。确定：P 在 X、Y 按所印精度（各半个末位）可得的区间之外；
    区间内的差异为提示（尾数误差）。执行率写成“万元”为确定。"""
    for statement in statements:
        for claim in statement.claims:
            if claim.measure == "figure" and "执行率" in claim.basis and claim.text.endswith("元"):
                ctx.checked(claim)
                yield Finding("prose.execution_rate", Tier.ERROR,
                              f"执行率写成了金额“{claim.basis}{claim.text}”，执行率应为百分数",
                              claim.location.with_(row="执行率"), CAT, expected="百分数", actual=claim.text)
            if claim.measure != "completion":
                continue
            budget = _last(statement.claims, claim, _budget)
            spent = _last(statement.claims, claim, _spent)
            if budget is None or spent is None:
                continue
            if finding := _rate_finding(ctx, "prose.execution_rate", claim, "执行率", _executed_share, (spent, budget),
                                        f"{spent.text} ÷ {budget.text}"):
                yield finding


@rule("prose.saving_rate", "节约率与预算、执行金额不符", Tier.ERROR, CAT, "SPEC §2.1 成本节约率", "prose")
def saving_rate(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """节约率 = (预算 − 执行) ÷ 预算 × 100。确定：所写节约率在预算、执行按所印精度可得的区间之外；区间内的差异为提示。"""
    for statement in statements:
        for claim in statement.claims:
            if claim.measure != "saving_rate":
                continue
            budget = _last(statement.claims, claim, _budget)
            spent = _last(statement.claims, claim, _spent)
            if budget is None or spent is None:
                continue
            if finding := _rate_finding(ctx, "prose.saving_rate", claim, "节约率", _saving_share, (budget, spent),
                                        f"({budget.text} − {spent.text}) ÷ {budget.text}"):
                yield finding


@rule("prose.reconcile", "年初预算、调整与执行金额对不上", Tier.WARNING, CAT, "SPEC §4.5", "prose")
def reconcile(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """同一项目写了年初预算、调减（调整）和执行金额时：年初预算 − 调减 − 收回 应等于执行数，否则差额去向须说明（疑似：
    差额可能是结余或结转，文字未说明去向）。"""
    for statement in statements:
        budget = next((c for c in statement.claims if _budget(c)), None)
        spent = next((c for c in statement.claims if _spent(c)), None)
        cuts = [c for c in statement.claims if c.measure == "adjustment"]
        if budget is None or spent is None or not cuts:
            continue
        remaining = budget.value - sum((c.value for c in cuts), ZERO)
        ctx.checked(budget, spent, *cuts)
        if remaining != spent.value:
            unit = _unit(budget)
            yield Finding("prose.reconcile", Tier.WARNING,
                          f"年初预算 {budget.text}减去调减/收回 {'、'.join(c.text for c in cuts)}为 "
                          f"{_in(budget, remaining)}{unit}，与执行 {spent.text}相差 {_in(budget, remaining - spent.value)}"
                          f"{unit}，去向未说明（差额可能结余或结转，文字未说明）", budget.location.with_(row="预算调整"), CAT,
                          expected=_in(budget, remaining), actual=_number(spent),
                          difference=_in(budget, spent.value - remaining))


@rule("summary.cut_arithmetic", "审减金额或审减率计算错误", Tier.ERROR, CAT, "SPEC §3.5, §5.2", "prose")
def cut_arithmetic(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“申报X万元，建议安排Y万元，审减Z万元，审减率P%”：Z = X − Y，P = Z ÷ X × 100。确定：超出三个数按所印精度
    （各半个末位）的尾数误差；审减率在按所印精度可得的区间之外。区间内的差异为提示。"""
    for statement in statements:
        claims = statement.claims
        for cut in (c for c in claims if c.measure == "reduction"):
            declared = _last(claims, cut, lambda c: c.measure == "declared")
            proposed = _last(claims, cut, lambda c: c.measure == "proposed")
            if declared is None or proposed is None:
                continue
            ctx.checked(cut, declared, proposed)
            expected_cut = declared.value - proposed.value
            if expected_cut != cut.value:
                within = abs(cut.value - expected_cut) <= (cut.quantum + declared.quantum + proposed.quantum) / 2
                yield Finding("summary.cut_arithmetic", Tier.NOTICE if within else Tier.ERROR,
                              f"审减 {cut.text}，按申报 {declared.text} − 建议安排 {proposed.text} 应为 "
                              f"{_in(cut, expected_cut)}{_unit(cut)}" + ("（尾数误差，在容差内）" if within else ""),
                              cut.location.with_(row="审减金额"), CAT, expected=_in(cut, expected_cut),
                              actual=_number(cut), difference=_in(cut, cut.value - expected_cut))
            after = claims[claims.index(cut) + 1:]
            rate = next((c for c in after if c.measure == "reduction_rate"), None)
            if rate is None:
                continue
            if expected_cut == cut.value:  # 审减率 = 审减 ÷ 申报
                finding = _rate_finding(ctx, "summary.cut_arithmetic", rate, "审减率", _executed_share,
                                        (cut, declared), f"{cut.text} ÷ {declared.text}")
            else:  # the stated 审减 is reported above: the rate is read against (申报 − 建议安排) ÷ 申报
                finding = _rate_finding(ctx, "summary.cut_arithmetic", rate, "审减率", _saving_share,
                                        (declared, proposed), f"({declared.text} − {proposed.text}) ÷ {declared.text}")
            if finding is not None:
                yield finding


_GRADED_RE = re.compile(r"(?:评级|评价等级|等级)为[优良中差]")


def _counts(statement: Statement) -> list[Claim]:
    return [c for c in statement.claims if c.measure == "count" and c.basis == "个"]


def _first_round_bands(statements: tuple[Statement, ...]) -> list[Claim]:
    """The score bands of the first review round: the counts after '一审' and before '二审' (over one or more
    sentences) whose clause names a score ('80分-89分项目共379个'), not the round's own count ('一审审核40个项目')."""
    bands: list[Claim] = []
    inside = False
    for statement in statements:
        text = normalize_text(statement.text).replace(" ", "")
        start = text.find("一审")
        if start < 0 and not inside:
            continue
        inside = True
        end = text.find("二审")
        for claim in _counts(statement):
            at = text.find(claim.clause)
            if at < start:
                continue
            if 0 <= end <= at:
                return bands
            if "分" in claim.clause:
                bands.append(claim)
        if end >= 0:
            return bands
    return bands


@rule("summary.count_parts", "分项个数之和与总数不符", Tier.ERROR, CAT, "SPEC §3.5", "prose")
def count_parts(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“项目支出绩效目标共计N个，一审……X个……Y个，二审……”或“N个项目……X个评级为良，Y个评级为中”：分项之和 = 总数
    （个数为整数，不符即确定）。"""
    total = next((c for s in statements for c in _counts(s) if "项目支出绩效目标共计" in c.clause), None)
    bands = _first_round_bands(statements)
    if total is not None and bands:
        ctx.checked(total, *bands)
        if len(bands) >= 2 and sum((c.value for c in bands), ZERO) != total.value:
            yield Finding("summary.count_parts", Tier.ERROR,
                          f"一审各分数段项目数之和 {_fmt(sum((c.value for c in bands), ZERO))} 个，与项目支出绩效目标总数 "
                          f"{_fmt(total.value)} 个不符", bands[0].location.with_(row="一审分数段"), CAT,
                          expected=_fmt(total.value), actual=_fmt(sum((c.value for c in bands), ZERO)))
    for statement in statements:
        counts = _counts(statement)
        for index, whole in enumerate(counts):
            if _GRADED_RE.search(whole.clause):
                continue
            parts: list[Claim] = []
            for claim in counts[index + 1:]:
                if not _GRADED_RE.search(claim.clause):
                    break
                parts.append(claim)
            if len(parts) < 2:
                continue
            ctx.checked(whole, *parts)
            if sum((c.value for c in parts), ZERO) != whole.value:
                got = _fmt(sum((c.value for c in parts), ZERO))
                yield Finding("summary.count_parts", Tier.ERROR, f"{_fmt(whole.value)} 个中各等级个数之和为 {got} 个",
                              whole.location.with_(row="等级个数"), CAT, expected=_fmt(whole.value), actual=got)


_WORDS = {1: "大于", -1: "小于", 0: "等于"}


@rule("prose.comparison_words", "文字中的比较用语（含“未超过预算”等否定说法）与预算、执行金额不符", Tier.ERROR, CAT,
      "SPEC §1.3", "prose")
def comparison_words(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“预算X万元，实际执行Y万元，未超过预算/超过预算/与预算持平”：比较用语须与同一句的执行数、预算数一致；否定的说法只在
    被否定的词恰好成立时不符。确定：两数之差超出各自印出精度的半个末位，大小关系已定；差在尾数内不判断。"""
    for statement in statements:
        for claim in statement.claims:
            if claim.measure != "compare" or claim.basis != "预算":
                continue
            budget = next((c for c in statement.claims if _budget(c)), None)
            spent = next((c for c in statement.claims if _spent(c)), None)
            if budget is None or spent is None:
                continue
            ctx.checked(claim, budget, spent)
            gap = spent.value - budget.value
            if abs(gap) <= (spent.quantum + budget.quantum) / 2 and gap != 0:
                continue  # the order of the two figures is not established at their printed precision
            actual = (gap > 0) - (gap < 0)
            said = int(claim.value)
            if actual == said if claim.negated else actual != said:
                yield Finding("prose.comparison_words", Tier.ERROR,
                              f"文字称执行“{claim.text}”预算，而预算 {budget.text}、执行 {spent.text}，实为“{_WORDS[actual]}”",
                              claim.location.with_(row="预算比较"), CAT, expected=_WORDS[actual], actual=claim.text)
