"""覆盖 — the 预算绩效情况说明 against the attached self-evaluations and the expenditure tables (SPEC §7.6).

Counts per grade and self-evaluated amounts are derived from the records, never taken from the summary text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from jixiao.audit.catalogue import Context, rule
from jixiao.audit.compare import wan
from jixiao.core.finding import Finding, Tier
from jixiao.scoring.selfeval import score_self_evaluation

CAT = "覆盖"
ZERO = Decimal(0)


def _claims(doc: Any) -> Any:
    pkg = getattr(doc, "disclosure", None)
    return pkg.performance if pkg is not None else None


def _mark(doc: Any, ctx: Context, word: str) -> None:
    """The 预算绩效情况说明 sentences containing `word` were compared with the attached reports."""
    ctx.checked(*(s for s in doc.disclosure.narrative if "预算绩效" in s.section and word in s.text))


def _needs_claims(doc: Any) -> str | None:
    """`applies` of the rules comparing the 预算绩效情况说明 with the attached self-evaluations."""
    if getattr(doc, "disclosure", None) is None:
        return "文档中没有决算公开表或情况说明"
    if _claims(doc) is None:
        return "缺少预算绩效情况说明中的自评情况（自评等级、项目数、金额）"
    return None


@rule("coverage.grade_counts", "预算绩效情况说明的自评等级个数与所附自评报告不符", Tier.ERROR, CAT, "SPEC §7.6", "document",
      params=("grades",),
      applies=_needs_claims)
def grade_counts(doc: Any, ctx: Context) -> Iterator[Finding]:
    """说明中“N个项目自评等级为优/良/中/差”须等于所附自评报告的等级个数（既比对报告写的等级，也比对按规则重算的等级）。"""
    claims = _claims(doc)
    reports = getattr(doc, "self_evaluations", ())
    if claims is None or not claims.grades or not reports:
        return
    _mark(doc, ctx, "自评等级")
    reported = Counter(se.reported.grade for se in reports if se.reported.grade)
    computed = Counter(ctx.memo(("selfeval", id(se)), lambda se=se: score_self_evaluation(se, ctx.profile)).grade
                       for se in reports)
    for grade in ("优", "良", "中", "差"):
        claimed = claims.grades.get(grade, 0)
        if claimed != reported.get(grade, 0):
            yield Finding("coverage.grade_counts", Tier.ERROR,
                          f"说明称 {claimed} 个项目自评为“{grade}”，所附 {len(reports)} 份自评报告中写为“{grade}”的有 "
                          f"{reported.get(grade, 0)} 个（按规则重算为 {computed.get(grade, 0)} 个）",
                          claims.location.with_(row=f"自评等级“{grade}”"), CAT, expected=str(reported.get(grade, 0)),
                          actual=str(claimed), difference=str(claimed - reported.get(grade, 0)))


@rule("coverage.self_evaluated_amount", "自评项目数或金额与所附报告、支出决算表不符", Tier.ERROR, CAT, "SPEC §7.6", "document",
      applies=_needs_claims)
def self_evaluated_amount(doc: Any, ctx: Context) -> Iterator[Finding]:
    """说明的自评项目数 = 所附报告数；自评金额 = 公开03 项目支出（全覆盖时），且应等于所附报告的全年执行数之和；
    分预算类型的金额 = 公开05/07/08 的项目支出。"""
    claims = _claims(doc)
    if claims is None:
        return
    pkg = doc.disclosure
    reports = getattr(doc, "self_evaluations", ())
    where = claims.location.with_(row="自评项目")
    _mark(doc, ctx, "项目")
    if claims.projects is not None and reports and claims.projects != len(reports):
        yield Finding("coverage.self_evaluated_amount", Tier.ERROR,
                      f"说明称自评项目 {claims.projects} 个，所附自评报告 {len(reports)} 份", where, CAT,
                      expected=str(len(reports)), actual=str(claims.projects))
    if claims.amount is None:
        return
    if reports:
        executed = sum((se.budget_total.executed or ZERO for se in reports if se.budget_total is not None), ZERO)
        if abs(executed - claims.amount) >= 100:
            yield Finding("coverage.self_evaluated_amount", Tier.ERROR,
                          f"说明称自评资金 {wan(claims.amount)} 万元，所附 {len(reports)} 份自评报告的全年执行数合计 "
                          f"{wan(executed)} 万元", where.with_(column="自评资金"), CAT, expected=wan(executed),
                          actual=wan(claims.amount), difference=wan(claims.amount - executed))
    d03 = pkg.table("D03")
    if d03 is not None and d03.total is not None and claims.amount != d03.total.value("project"):
        yield Finding("coverage.self_evaluated_amount", Tier.WARNING,
                      f"说明称自评资金 {wan(claims.amount)} 万元，公开03 项目支出 {wan(d03.total.value('project'))} 万元，"
                      "自评未全覆盖或金额有误", where.with_(column="公开03"), CAT,
                      expected=wan(d03.total.value("project")), actual=wan(claims.amount))
    for kind, code in (("general", "D05"), ("fund", "D07"), ("state_capital", "D08")):
        table = pkg.table(code)
        if kind in claims.amounts_by_type and table is not None:
            table_value = table.total.value("project") if table.total is not None else ZERO
            if claims.amounts_by_type[kind] != table_value:
                yield Finding("coverage.self_evaluated_amount", Tier.ERROR,
                              f"说明的{kind}项目支出 {wan(claims.amounts_by_type[kind])} 万元，{table.label} 为 "
                              f"{wan(table_value)} 万元", where.with_(column=code), CAT, expected=wan(table_value),
                              actual=wan(claims.amounts_by_type[kind]))
