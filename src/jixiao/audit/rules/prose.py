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
from jixiao.audit.rules.selfeval_text import parts_tier, totals_and_parts  # one reader of '其中' lists
from jixiao.core.claims import NUM
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import compact_text, format_number, round_half_up, unit_scale
from jixiao.core.statements import Claim, Statement

CAT = "业务管理"
ZERO = Decimal(0)
_UNIT_RE = re.compile(r"(亿元|万元|元|万|亿)$")


def _unit(claim: Claim) -> str:
    match = _UNIT_RE.search(claim.text)
    return match.group(1) if match else "元"


def _number(claim: Claim) -> str:
    """An amount as printed, without its unit: '1,356.89万元' → '1,356.89'."""
    return _UNIT_RE.sub("", claim.text)


def _in(ref: Claim, yuan: Decimal) -> str:
    """An amount in yuan written in the unit `ref` was printed in (without the unit)."""
    return format_number(yuan / (unit_scale(_unit(ref)) or Decimal(1)))


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


# An amount said to have been spent to date ('已支出36万元', '累计支付资金80万元'), not a remainder ('未支出').
_SAID_SPENT_RE = re.compile(r"(?<!未)(?<!尚未)(?:已|累计|实际|共)(?:支出|执行|使用|支付|拨付|兑付)(?:资金|金额)?(?:为|了|共计?)?$")


def _said_spent(claims: tuple[Claim, ...], rate: Claim, budget: Claim | None) -> Claim | None:
    """'预算120万元，已支出36万元，执行率30%': the amount said to be spent right after the budget, when these two are
    the only amounts of the sentence before its rate (an amount received between them, '已到位', may be the base
    the rate is of: then the base is read as from the paragraph)."""
    money = [c for c in claims[:claims.index(rate)] if _money(c)]
    if budget is None or len(money) != 2 or money[0] is not budget:
        return None
    spent = money[1]
    return spent if spent.measure in ("figure", "amount") and _SAID_SPENT_RE.search(_said_before(spent)) else None


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
                   f"{what}写为 {claim.text}，按 {formula} 应为 {format_number(expected)}%{span}",
                   claim.location.with_(row=what), CAT, expected=format_number(expected), actual=format_number(claim.value),
                   difference=format_number(claim.value - expected))


def _executed_share(spent: Decimal, budget: Decimal) -> Decimal | None:
    return spent / budget * 100 if budget > 0 else None


def _saving_share(budget: Decimal, spent: Decimal) -> Decimal | None:
    return (budget - spent) / budget * 100 if budget > 0 else None


@rule("prose.execution_rate", "文字中的执行率与预算、执行金额不符，或执行率写成金额", Tier.ERROR, CAT, "SPEC §1.3", "prose")
def execution_rate(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“预算X万元，实际执行Y万元，执行率P%”：P = Y ÷ X × 100。确定：P 在 X、Y 按所印精度（各半个末位）可得的区间之外；
    区间内的差异为提示（尾数误差）。执行率写成“万元”为确定。句中未写明预算和实际执行数时（“收到X万元，实际发放Y万元，执行率P%”），
    以同段此前所列金额试算（实际支出、支付、发放的金额 ÷ 任一此前金额）：任一读法得出 P 即为相符；都不能得出为疑似（基数是推断的）。
    写明未支付、结余的金额（“未支703万元”）是总额的余数，不作基数；同句写明已支付与未支付（“支付X万元，未支Y万元，支付率P%”）时，
    总额即两者之和，P = X ÷ (X + Y)：任一读法都不能得出 P、且 P 在按所印精度可得的区间之外为确定，区间内为提示。"""
    for group in paragraphs(statements):
        before: list[Claim] = []  # the amounts of the paragraph so far
        for statement in group:
            yield from _execution_rates(statement, before, ctx)
            before += [c for c in statement.claims if _money(c)]


def _execution_rates(statement: Statement, before: list[Claim], ctx: Context) -> Iterator[Finding]:
    """The execution rates of one sentence; `before`: the amounts its paragraph stated before it."""
    for claim in statement.claims:
        if (said := _rate_as_amount(claim)) is not None:
            ctx.checked(claim)
            yield Finding("prose.execution_rate", Tier.ERROR, f"执行率写成了金额“{said}”，执行率应为百分数",
                          claim.location.with_(row="执行率"), CAT, expected="百分数", actual=claim.text)
        if claim.measure != "completion":
            continue
        budget = _last(statement.claims, claim, _budget)
        spent = _last(statement.claims, claim, _spent) or _said_spent(statement.claims, claim, budget)
        if budget is None or spent is None:
            own = [c for c in statement.claims[: statement.claims.index(claim)] if _money(c)]
            if finding := _read_base_rate(ctx, claim, [*before, *own], own):
                yield finding
            continue
        if finding := _rate_finding(ctx, "prose.execution_rate", claim, _rate_name(claim), _executed_share, (spent, budget),
                                    f"{spent.text} ÷ {budget.text}"):
            yield finding


# What may stand between 执行率 and the figure it states: a formula in brackets ('(B/A)'), a linking word or a colon.
# A formula with nothing after it is a column header ('执行率(B/A)'), as in a form read as one run of text, where the
# header cells come before the value cells: the amount after it is then the value of another column.
_RATE_LINK_RE = re.compile(r"\s*(?:[(（][A-Za-z/÷×\s]{1,9}[)）]\s*)?(?:为|是|达到|达|约为|约|仅为|仅|只有|[:：])+\s*|\s*")


def _rate_as_amount(claim: Claim) -> str | None:
    """“执行率为91.33万元”: an amount stated as the execution rate, as quoted; None when the amount only follows the
    label with other words or figures between ('执行率(B/A)其中中央补助300万元'): it is another column's value."""
    if claim.measure != "figure" or not claim.text.endswith("元") or (at := claim.basis.rfind("执行率")) < 0:
        return None
    link = claim.basis[at + len("执行率"):]
    return f"执行率{link}{claim.text}" if _RATE_LINK_RE.fullmatch(link) else None


_RATE_NAME_RE = re.compile(r"支付完成率|支付率|执行率")


def _rate_name(claim: Claim) -> str:
    """The execution rate as the sentence names it ('支付完成率'), for the message; '执行率' by default."""
    match = _RATE_NAME_RE.search(claim.clause)
    return match.group(0) if match else "执行率"


# The amount spent of an execution rate whose sentence names no 预算 or 实际执行: an amount said to be paid out.
_PAID_RE = re.compile(r"实际|支付|发放|支出|执行|拨付|兑付|使用")
# An amount said to be what is left unpaid or unspent ('未支703万元', '尚未支付', '结余'): a remainder of the whole.
_REMAINDER_RE = re.compile(r"(?:未|尚未|没有)(?:支|付|拨|使用|执行|发放|兑付)|(?<!上年)(?<!年初)(?:结余|剩余|余额)")
REMAINDER_REACH = 10  # characters before a figure that say it is a remainder


def _said_before(c: Claim) -> str:
    """The words of a claim's clause before its figure ('未支' of '未支703万元')."""
    return c.clause[: max(c.clause.find(_number(c)), 0)]


def _paid_share(paid: Decimal, left: Decimal) -> Decimal | None:
    """The share paid of a whole made up of the amount paid and the amount left unpaid."""
    return paid / (paid + left) * 100 if paid + left > 0 else None


def _money(c: Claim) -> bool:
    """An amount of money stated, named (amount, budget) or not (a figure of no known subject)."""
    return c.measure in ("amount", "budget", "figure") and bool(_UNIT_RE.search(c.text))


def _read_base_rate(ctx: Context, claim: Claim, stated: list[Claim], own: list[Claim]) -> Finding | None:
    """“收到资金X万元，实际发放Y万元，执行率P%”: no 预算 is named, so the base is read — any amount the paragraph
    states before the rate, set against an amount it says was paid, spent or issued. The rate is checked when one
    reading gives it at the printed precision; when none does, a warning (the base is an interpretation) — only
    when the rate's own sentence (`own`: its amounts before the rate) states a base besides the amount paid: a
    sentence stating only what was paid ('支出费用20.42万元，支付率68.07%') leaves the base unstated, and the amounts
    of the sentences before it may be other quantities (a loan applied for); the rate is then left unchecked."""
    remainders = [c for c in stated if _REMAINDER_RE.search(_said_before(c)[-REMAINDER_REACH:])]
    paid = [c for c in stated if c not in remainders and _PAID_RE.search(_said_before(c))]
    # A remainder ('未支703万元') is what is left of the whole, never the base a rate is of.
    readings = [(p, b) for p in paid for b in stated if b is not p and b not in remainders and b.value > 0]
    # The sentence's own paid and unpaid amounts make up its whole: 支付率 = 已支付 ÷ (已支付 + 未支付).
    halves = [(p, r) for p in paid if p in own for r in remainders if r in own]
    if not readings and not halves:
        return None
    half = claim.quantum / 2
    for spent, base in readings:
        bounds = reachable(_executed_share, (spent.value, spent.quantum), (base.value, base.quantum))
        if bounds is not None and bounds[0] - half <= claim.value <= bounds[1] + half:
            ctx.checked(claim, spent, base)
            return None
    for spent, left in halves:
        bounds = reachable(_paid_share, (spent.value, spent.quantum), (left.value, left.quantum))
        if bounds is not None and bounds[0] - half <= claim.value <= bounds[1] + half:
            ctx.checked(claim, spent, left)
            return None
    if halves:
        spent, left = halves[0]
        return _rate_finding(ctx, "prose.execution_rate", claim, _rate_name(claim), _paid_share, (spent, left),
                             f"{spent.text} ÷ （{spent.text} + 未支付 {left.text}）")
    if not any(base in own for _, base in readings):
        return None
    spent, base = readings[-1]
    computed = round_half_up(spent.value / base.value * 100, _places(claim.quantum))
    ctx.checked(claim)
    tried = "、".join(f"{p.text} ÷ {b.text}" for p, b in readings[:4])
    name = _rate_name(claim)
    return Finding("prose.execution_rate", Tier.WARNING,
                   f"{name}写为 {claim.text}，文中所列金额均不能得出（按{name} = 实际支出 ÷ 预算或到位资金，试算 {tried}"
                   f"{'等' if len(readings) > 4 else ''}；如 {spent.text} ÷ {base.text} 为 {format_number(computed)}%）",
                   claim.location.with_(row=name), CAT, expected=format_number(computed), actual=format_number(claim.value))


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
        text = compact_text(statement.text)
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
                          f"一审各分数段项目数之和 {format_number(sum((c.value for c in bands), ZERO))} 个，与项目支出绩效目标总数 "
                          f"{format_number(total.value)} 个不符", bands[0].location.with_(row="一审分数段"), CAT,
                          expected=format_number(total.value), actual=format_number(sum((c.value for c in bands), ZERO)))
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
                got = format_number(sum((c.value for c in parts), ZERO))
                yield Finding("summary.count_parts", Tier.ERROR, f"{format_number(whole.value)} 个中各等级个数之和为 {got} 个",
                              whole.location.with_(row="等级个数"), CAT, expected=format_number(whole.value), actual=got)


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


def paragraphs(statements: tuple[Statement, ...]) -> list[list[Statement]]:
    """The sentences of each paragraph (consecutive statements from one block or line), in order."""
    groups: list[list[Statement]] = []
    for statement in statements:
        if statement.kind != "sentence":
            continue
        where = statement.location
        last = groups[-1][-1].location if groups else None
        if last is not None and (last.block, last.line, last.page) == (where.block, where.line, where.page):
            groups[-1].append(statement)
        else:
            groups.append([statement])
    return groups


def _claims_printed(group: list[Statement], texts: set[str]) -> list[Claim]:
    """The claims of a paragraph printing one of `texts` ('609.74万元'): what a rule compared."""
    return [c for s in group for c in s.claims if compact_text(c.text) in texts]


@rule("prose.parts_total", "文字所列总额与“其中”各项之和不符", Tier.ERROR, CAT, "SPEC §1.7, §7.3", "prose")
def parts_total(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“共安排X万元，其中：A a万元（上年结转b万元，本年下达c万元），B d万元……”：括号外各项之和 = X，括号内各项之和 =
    其前一项（与自评报告正文同一读法，见 selfeval.total_parts）；金额后紧跟的括号（“共安排X万元（上年结转b万元，本年下达
    c万元）”）列出该金额的分项，其中的金额不是其后“其中”列表的合计。金额后以“其中、包括、分别、具体用于……”引出（或“共、合计”
    之后紧接）的编号列表（①②…、（1）（2）…、一是、二是…）为该金额的分项，各项取其首个分句中唯一的金额。所列之和大于总额为确定；
    小于总额为疑似（所列可能不是全部组成；同一列表另一名目各项之和恰等于其总额、说明已列全时为确定）；差额在各数印出精度的尾数
    容差内为提示。文本在列表中途中断的，所列之和未达总额时不判断。列表止于其所在提纲的下一标题（“1.资金到位情况，其中…，2.资金
    执行情况…”止于“2.”）；与总额相等且写明下达、到位、执行的金额是总额的复述，不是分项；“调减”的分项按负数合计，此时不符为疑似
    （总额是否已扣除调减，文字未说明）；总额与分项之间有被网页遮挡的金额（“点击查看”“***”“（略）”）时其值不明，不合计，列为未核对。"""
    groups = paragraphs(statements)
    for item in totals_and_parts([" ".join(s.text for s in group) for group in groups]):
        group = groups[item.paragraph]
        if item.hidden:  # figures hidden by the page: the list's other members are unknown, nothing is summed
            ctx.unchecked(f"总额与所列分项之间有被网页遮挡的金额（“{item.hidden}”），其值不明，未合计核对", *group)
            continue
        ctx.checked(*_claims_printed(group, {p.text for p in (item.total, *item.parts)}))
        got = sum((p.value for p in item.parts), ZERO)
        difference = got - item.total.value
        if difference == 0:
            continue
        tier, note = parts_tier(item, difference)
        yield Finding("prose.parts_total", tier,
                      f"文字称总额 {item.total.text}，其中所列 {len(item.parts)} 项合计 {item.total.shown(got)}，"
                      f"相差 {item.total.shown(difference)}{note}", group[0].location.with_(row="总额与分项"), CAT,
                      expected=format_number(item.total.value / (unit_scale(item.total.unit) or Decimal(1))),
                      actual=format_number(got / (unit_scale(item.total.unit) or Decimal(1))),
                      difference=format_number(difference / (unit_scale(item.total.unit) or Decimal(1))))


# The budget execution scored in the text, with the reason given for the score: '预算执行率本项目满分3分,得3分,得分原因为:
# 资金使用率大于95%的得满分'.
_EXECUTION_SCORE_RE = re.compile(rf"(?:预算|资金)执行率[^，,。；;:：\d]{{0,10}}?满分\s*({NUM})\s*分\s*[，,]?\s*(?:实际)?得(?:分)?\s*"
                                 rf"(?:为|是)?\s*({NUM})\s*分(?:[^。；;]{{0,4}}?(?:原因|理由|依据)(?:为|是)?\s*[:：]?\s*"
                                 r"([^，,。；;]{2,40}))?")
_NONE = r"(?<![\d.])0(?:\.0+)?(?![\d.])\s*"
# What the text says of the money spent, when it is nothing: the amount spent ('实际支出0万元'), the execution rate
# ('执行率为0%'), or the actual of the indicator for the money put in ('项目资金投入绩效目标值是10万元,实际完成值为0万元').
_NOTHING_SPENT = (
    (re.compile(rf"实际(?:支出|执行|使用|支付)(?:资金|金额|数)?\s*(?:为|是|[:：])?\s*{_NONE}(?:万元|元)"), ""),
    (re.compile(rf"(?<!得分)(?:预算)?执行率\s*(?:为|是|[:：])?\s*{_NONE}[%％]"), ""),
    (re.compile(rf"(?:资金|经费)(?:投入|支出|使用|支付)[^，,。；;]{{0,20}}?目标值[^，,。；;]{{0,6}}?\d[\d.,]*\s*(?:万元|元)\s*[，,]\s*"
                rf"实际完成值\s*(?:为|是|[:：])?\s*{_NONE}(?:万元|元)"),
     "；此处把成本指标“资金投入”的实际完成值读作实际投入使用的资金"),
)


@rule("prose.execution_score", "文字称资金未支出，预算执行率却得分", Tier.WARNING, CAT, "SPEC §1.3", "prose")
def execution_score(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """同一段文字既称资金未支出（“实际支出0万元”“执行率为0%”，或资金投入指标的实际完成值为0），又称预算执行率得分
    （“预算执行率本项目满分3分，得3分”）：执行率 = 支出 ÷ 预算，未支出时为 0，按执行率计分应得 0 分。疑似：得分口径
    （SPEC §1.3 得分 = 执行率 × 分值）与“未支出”一句所说的是否为同一笔资金，都取决于理解；消息写明文中给出的得分原因。"""
    for group in paragraphs(statements):
        text = " ".join(s.text for s in group)
        spent = next(((m, note) for pattern, note in _NOTHING_SPENT if (m := pattern.search(text))), None)
        if spent is None:
            continue
        for score in _EXECUTION_SCORE_RE.finditer(text):
            full, got = Decimal(score.group(1).replace(",", "")), Decimal(score.group(2).replace(",", ""))
            ctx.checked(*group)
            if got <= 0 or got > full:
                continue
            said, note = spent
            why = f"；得分原因：“{score.group(3)}”" if score.group(3) else ""
            yield Finding("prose.execution_score", Tier.WARNING,
                          f"文中称“{said.group(0)}”（资金未支出，执行率为 0），预算执行率却得 {format_number(got)} 分（满分 {format_number(full)} 分"
                          f"{why}）；按执行率计分（得分 = 执行率 × 分值）应得 0 分{note}", group[0].location.with_(row="预算执行率"),
                          CAT, expected="0", actual=format_number(got))
