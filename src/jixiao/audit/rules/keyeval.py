"""部门/财政评价评分表 — the 决策/过程/产出/效益 table checked against its own rows and its report (SPEC §2.1, §1.9).

Printed parent weights are never trusted: each 一级 weight is recomputed from its 三级 rows (a 效益/满意度 row
printed under 产出 counts under 效益); the printed total must equal the sum of scores; a 0% execution rate
cannot sit beside text that says the budget was executed as planned, nor pass unremarked under an 优 grade.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.catalogue import Context, rule
from jixiao.audit.compare import wan
from jixiao.core.finding import Finding, Tier
from jixiao.core.model import KeyEvaluation, KeyIndicator
from jixiao.core.money import format_number, round_half_up
from jixiao.scoring.keyeval import funds_rate, funds_scores, parent_weights

CAT = "项目立项"
ZERO = Decimal(0)


@rule("keyeval.parent_weights", "评分表一级、二级指标分值与下级之和不符", Tier.ERROR, CAT, "SPEC §1.9, §2.1 E1", "key_evaluation")
def parent_weights_rule(ke: KeyEvaluation, ctx: Context) -> Iterator[Finding]:
    """一级指标分值 = 其下三级指标分值之和；二级指标分值 = 其下三级指标分值之和；印出的上级分值不可信，须重算。"""
    computed = parent_weights(ke.indicators)
    seen: set[str] = set()
    for ind in ke.indicators:
        if ind.level1 in seen or ind.printed_level1_weight is None:
            continue
        seen.add(ind.level1)
        got = computed.get(ind.level1, ZERO)
        if ind.printed_level1_weight != got:
            yield Finding("keyeval.parent_weights", Tier.ERROR,
                          f"一级指标“{ind.level1}”印为 {format_number(ind.printed_level1_weight)} 分，其下指标分值合计 {format_number(got)} 分",
                          ind.location.with_(row=ind.level1, column="一级分值"), CAT, expected=format_number(got),
                          actual=format_number(ind.printed_level1_weight))
    groups: dict[int, list[KeyIndicator]] = {}
    for ind in ke.indicators:
        groups.setdefault(ind.level2_group, []).append(ind)
    for rows in groups.values():
        printed = rows[0].printed_level2_weight
        got = sum((i.weight or ZERO for i in rows), ZERO)
        if printed is not None and printed != got:
            yield Finding("keyeval.parent_weights", Tier.ERROR,
                          f"二级指标“{rows[0].level2}”印为 {format_number(printed)} 分，其下指标分值合计 {format_number(got)} 分",
                          rows[0].location.with_(row=rows[0].level2, column="二级分值"), CAT, expected=format_number(got),
                          actual=format_number(printed))


@rule("keyeval.total", "评分表总分与各项得分之和不符，或等次与总分不符", Tier.ERROR, CAT, "SPEC §1.6, §2.1", "key_evaluation",
      params=("grades",))
def total_rule(ke: KeyEvaluation, ctx: Context) -> Iterator[Finding]:
    """总分 = 三级指标得分之和；满分 = 三级指标分值之和 = 100；等次按总分分档。"""
    scores = sum((i.score or ZERO for i in ke.indicators), ZERO)
    weights = sum((i.weight or ZERO for i in ke.indicators), ZERO)
    where = ke.indicators[0].location.with_(row="总分") if ke.indicators else ke.location
    if ke.printed_total is not None and ke.printed_total != scores:
        yield Finding("keyeval.total", Tier.ERROR, f"总分印为 {format_number(ke.printed_total)}，各项得分合计 {format_number(scores)}",
                      where, CAT, expected=format_number(scores), actual=format_number(ke.printed_total))
    if weights != 100:
        yield Finding("keyeval.total", Tier.ERROR, f"三级指标分值合计 {format_number(weights)}，应为 100", where, CAT,
                      expected="100", actual=format_number(weights))
    for ind in ke.indicators:
        if ind.score is not None and ind.weight is not None and ind.score > ind.weight:
            yield Finding("keyeval.total", Tier.ERROR, f"指标“{ind.name}”得分 {format_number(ind.score)} 大于分值 {format_number(ind.weight)}",
                          ind.location.with_(column="得分"), CAT, expected=f"≤ {format_number(ind.weight)}", actual=format_number(ind.score))


@rule("keyeval.execution", "预算执行率得分、资金到位率得分与资金数不符", Tier.ERROR, "资金管理", "SPEC §1.3 注, §2.1",
      "key_evaluation")
def execution_rule(ke: KeyEvaluation, ctx: Context) -> Iterator[Finding]:
    """资金到位率 = 实际到位 ÷ 预算；预算执行率 = 实际支出 ÷ 实际到位；得分 = 比率 × 分值（不超过分值）。
    确定：比率达100%却未得满分，或未达100%却得满分；疑似：其余差异（按比例计分属计分口径）。"""
    rates = {"资金到位率": funds_rate(ke.received, ke.budget), "预算执行率": funds_rate(ke.spent, ke.received)}
    for ind in ke.indicators:
        rate = rates.get(ind.name)
        if rate is None or ind.weight is None or ind.score is None:
            continue
        expected = funds_scores(ke.budget, ke.received, ke.spent, {ind.name: ind.weight})[ind.name]
        if abs(expected - ind.score) > Decimal("0.01"):
            full = rate >= 1
            certain = (full and ind.score < ind.weight) or (not full and ind.score >= ind.weight)
            note = "" if certain else "；差异取决于未满100%时按比例计分的口径"
            yield Finding("keyeval.execution", Tier.ERROR if certain else Tier.WARNING,
                          f"“{ind.name}”为 {format_number(round_half_up(rate * 100))}%，应得 {format_number(expected)} 分，评 {format_number(ind.score)} 分{note}",
                          ind.location.with_(column="得分"), "资金管理", expected=format_number(expected), actual=format_number(ind.score))


@rule("keyeval.text_vs_scores", "报告正文与评分表矛盾（执行率为0却称按计划执行、评为优）", Tier.WARNING, "资金管理", "SPEC §2.2",
      "key_evaluation", params=("grades",))
def text_vs_scores(ke: KeyEvaluation, ctx: Context) -> Iterator[Finding]:
    """预算执行率为 0% 时，正文不应称“预算资金按照计划执行”；总分在“优”档而资金一分未支出，须说明理由。"""
    rate = funds_rate(ke.spent, ke.received)
    if rate is None or rate > 0:
        return
    for sentence, location in ke.statements:
        if "按照计划执行" in sentence or "按计划执行" in sentence:
            yield Finding("keyeval.text_vs_scores", Tier.WARNING,
                          f"实际支出为 0（预算执行率 0%），正文却称“{sentence[:40]}…”", location.with_(row="预算执行"),
                          "资金管理", expected="与执行率相符的表述", actual=sentence[:60])
    total = sum((i.score or ZERO for i in ke.indicators), ZERO)
    grade = ctx.profile.grades.grade(round_half_up(total))
    if grade == "优":
        yield Finding("keyeval.text_vs_scores", Tier.WARNING,
                      f"资金到位 {wan(ke.received or ZERO)} 万元而实际支出为 0，总分 {format_number(total)} 仍评为“优”，须说明理由",
                      ke.indicators[0].location.with_(row="评价等次"), "资金管理", expected="与执行结果相称的等次",
                      actual=f"{format_number(total)} 分 优")
