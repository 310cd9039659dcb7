"""文字报告中的数字 — prose documents (results statements, narrative self-evaluations, work summaries).

Every clause that states a budget, an amount spent, a rate, an adjustment or a saving is recomputed from the
amounts stated beside it: 执行率 = 执行 ÷ 预算, 节约率 = (预算 − 执行) ÷ 预算, 审减 = 申报 − 建议安排 and
审减率 = 审减 ÷ 申报, 年初预算 − 调减 − 收回 reconciles with the execution, and parts add up to the total stated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.catalogue import Context, rule
from jixiao.core.finding import Finding, Tier
from jixiao.core.money import normalize_text, parse_decimal, round_half_up, rounding_tolerance
from jixiao.core.statements import Statement

CAT = "业务管理"
AMOUNT = r"([\d,]+(?:\.\d+)?)\s*万元"
ZERO = Decimal(0)


def _d(text: str) -> Decimal:
    value = parse_decimal(text)
    return value if value is not None else ZERO


def _places(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _fmt(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _rate_finding(rule_id: str, statement: Statement, what: str, stated_text: str, computed: Decimal,
                  formula: str) -> Finding | None:
    places = _places(stated_text)
    expected = round_half_up(computed, places)
    stated = Decimal(stated_text)
    if stated == expected:
        return None
    unit = Decimal(1).scaleb(-places)
    tier = Tier.NOTICE if abs(stated - expected) <= unit else Tier.ERROR
    return Finding(rule_id, tier, f"{what}写为 {stated_text}%，按 {formula} 应为 {_fmt(expected)}%",
                   statement.location.with_(row=what), CAT, expected=_fmt(expected), actual=stated_text,
                   difference=_fmt(stated - expected))


def _text(statement: Statement) -> str:
    return normalize_text(statement.text).replace(" ", "")


_BUDGET = rf"(?:年初预算|预算资金|批复金额|批复|预算)(?:为|：)?{AMOUNT}"
_SPENT = rf"(?:实际执行|实际支出资金|实际支出|执行金额|预算执行数是|执行数)(?:为|：)?{AMOUNT}"


@rule("prose.execution_rate", "文字中的执行率与预算、执行金额不符，或执行率写成金额", Tier.ERROR, CAT, "SPEC §1.3", "prose")
def execution_rate(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“预算X万元，实际执行Y万元，执行率P%”：P = Y ÷ X × 100（按所写小数位四舍五入）；执行率写成“万元”为错误。"""
    for statement in statements:
        text = _text(statement)
        for match in re.finditer(r"执行率(?:为|是)?([\d.]+)(万元|%)", text):
            if match.group(2) == "万元":
                yield Finding("prose.execution_rate", Tier.ERROR,
                              f"执行率写成了金额“{match.group(0)}”，执行率应为百分数", statement.location.with_(row="执行率"),
                              CAT, expected="百分数", actual=match.group(0))
            before = text[: match.start()]
            budget = re.findall(_BUDGET, before)
            spent = re.findall(_SPENT, before)
            if not budget or not spent or match.group(2) != "%":
                continue
            base = _d(budget[-1])
            if base:
                ctx.checked(statement)
                finding = _rate_finding("prose.execution_rate", statement, "执行率", match.group(1),
                                        _d(spent[-1]) / base * 100, f"{spent[-1]} ÷ {budget[-1]}")
                if finding is not None:
                    yield finding


@rule("prose.saving_rate", "节约率与预算、执行金额不符", Tier.ERROR, CAT, "SPEC §2.1 成本节约率", "prose")
def saving_rate(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """节约率 = (预算 − 执行) ÷ 预算 × 100。"""
    for statement in statements:
        text = _text(statement)
        match = re.search(r"节约率(?:为)?([\d.]+)%", text)
        budget, spent = re.findall(_BUDGET, text), re.findall(_SPENT, text)
        if not match or not budget or not spent or not _d(budget[-1]):
            continue
        base = _d(budget[-1])
        ctx.checked(statement)
        finding = _rate_finding("prose.saving_rate", statement, "节约率", match.group(1),
                                (base - _d(spent[-1])) / base * 100, f"({budget[-1]} − {spent[-1]}) ÷ {budget[-1]}")
        if finding is not None:
            yield finding


@rule("prose.reconcile", "年初预算、调整与执行金额对不上", Tier.WARNING, CAT, "SPEC §4.5", "prose")
def reconcile(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """同一项目写了年初预算、调减（调整）和执行金额时：年初预算 − 调减 − 收回 应等于执行数，否则差额去向须说明（疑似）。"""
    for statement in statements:
        text = _text(statement)
        budget, spent = re.findall(_BUDGET, text), re.findall(_SPENT, text)
        cuts = re.findall(rf"(?:调减|预算调整|收回额度|收回)(?:为)?{AMOUNT}", text)
        if not budget or not spent or not cuts:
            continue
        remaining = _d(budget[0]) - sum((_d(c) for c in cuts), ZERO)
        executed = _d(spent[0])
        ctx.checked(statement)
        if remaining != executed:
            yield Finding("prose.reconcile", Tier.WARNING,
                          f"年初预算 {budget[0]} 万元减去调减/收回 {'、'.join(cuts)} 万元为 {_fmt(remaining)} 万元，"
                          f"与执行 {spent[0]} 万元相差 {_fmt(remaining - executed)} 万元，去向未说明",
                          statement.location.with_(row="预算调整"), CAT, expected=_fmt(remaining), actual=spent[0],
                          difference=_fmt(executed - remaining))


@rule("summary.cut_arithmetic", "审减金额或审减率计算错误", Tier.ERROR, CAT, "SPEC §3.5, §5.2", "prose")
def cut_arithmetic(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“申报X万元，建议安排Y万元，审减Z万元，审减率P%”：Z = X − Y，P = Z ÷ X × 100。"""
    for statement in statements:
        text = _text(statement)
        for match in re.finditer(rf"申报[^，。；]*?{AMOUNT}，[^，。；]*?建议安排{AMOUNT}，审减(?:金额)?{AMOUNT}，审减率([\d.]+)%",
                                 text):
            declared, proposed, cut, rate = (match.group(i) for i in range(1, 5))
            ctx.checked(statement)
            expected_cut = _d(declared) - _d(proposed)
            if expected_cut != _d(cut):
                quantum = Decimal(1).scaleb(-max(_places(t) for t in (declared, proposed, cut)))
                tolerance = rounding_tolerance(2, quantum, ctx.profile.tolerance.per_term, ctx.profile.tolerance.cap)
                within = abs(_d(cut) - expected_cut) <= tolerance  # each figure rounded on its own: 尾数误差
                yield Finding("summary.cut_arithmetic", Tier.NOTICE if within else Tier.ERROR,
                              f"审减 {cut} 万元，按申报 {declared} − 建议安排 {proposed} 应为 {_fmt(expected_cut)} 万元"
                              + ("（尾数误差，在容差内）" if within else ""),
                              statement.location.with_(row="审减金额"), CAT, expected=_fmt(expected_cut), actual=cut,
                              difference=_fmt(_d(cut) - expected_cut))
            if _d(declared):
                finding = _rate_finding("summary.cut_arithmetic", statement, "审减率", rate,
                                        _d(cut) / _d(declared) * 100, f"{cut} ÷ {declared}")
                if finding is not None:
                    yield finding


_COUNT = r"(\d+)个"


@rule("summary.count_parts", "分项个数之和与总数不符", Tier.ERROR, CAT, "SPEC §3.5", "prose")
def count_parts(statements: tuple[Statement, ...], ctx: Context) -> Iterator[Finding]:
    """“共计N个……X个……Y个”或“N个项目……X个评级为良，Y个评级为中”：分项之和 = 总数。"""
    text_all = "".join(_text(s) for s in statements)
    total = re.search(r"项目支出绩效目标共计(\d+)个", text_all)
    first_round = re.search(r"一审(.*?)二审", text_all)
    if total and first_round:
        counts = [int(n) for n in re.findall(r"(?:以上|以下|-\d+分)的?项目(?:共|共计)?(\d+)个", first_round.group(1))]
        anchor = next(s for s in statements if "一审" in _text(s))
        ctx.checked(*(s for s in statements if "一审" in _text(s) or "绩效目标共计" in _text(s)))
        if len(counts) >= 2 and sum(counts) != int(total.group(1)):
            yield Finding("summary.count_parts", Tier.ERROR,
                          f"一审各分数段项目数之和 {sum(counts)} 个，与项目支出绩效目标总数 {total.group(1)} 个不符",
                          anchor.location.with_(row="一审分数段"), CAT, expected=total.group(1), actual=str(sum(counts)))
    for statement in statements:
        text = _text(statement)
        for match in re.finditer(r"(\d+)个(?:项目|部门整体)?[^，。；]{0,12}?[，,]\s*((?:\d+个(?:评级|评价等级)为[优良中差][，,、]?)+)",
                                 text):
            whole = int(match.group(1))
            parts = [int(n) for n in re.findall(r"(\d+)个(?:评级|评价等级)为", match.group(2))]
            if len(parts) >= 2:
                ctx.checked(statement)
            if len(parts) >= 2 and sum(parts) != whole:
                yield Finding("summary.count_parts", Tier.ERROR, f"{whole} 个中各等级个数之和为 {sum(parts)} 个",
                              statement.location.with_(row="等级个数"), CAT, expected=str(whole), actual=str(sum(parts)))
