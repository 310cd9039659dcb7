"""Self-evaluation scoring (SPEC §1, rules S1–S10): compute every score the rules give, keep what the unit
reported beside it, and list each deviation as a Finding.

Qualitative indicators: the rules leave the score to the evaluator inside the band of the chosen grade (S6), so
the computed indicator score is None; the total uses the evaluator's score moved to the nearest admissible
score of its band, and a score outside its band is a deviation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from jixiao.core.finding import Finding, Tier
from jixiao.core.levelwords import FRAME
from jixiao.core.model import BudgetLine, FundLevel, Indicator, SelfEvaluation
from jixiao.core.money import format_amount, format_number, round_half_up, truncate
from jixiao.core.profile import Profile
from jixiao.core.provenance import Location
from jixiao.core.values import Attainment, Operator, Value, amount_unit
from jixiao.scoring import formulas

ZERO = Decimal(0)
FORM_TOTAL = Decimal(100)  # a project form's full marks
CATEGORY = "自评计分"


@dataclass(frozen=True)
class RuleInfo:
    id: str
    title: str
    tier: Tier
    basis: str


# Every rule this engine applies, declared once; the audit catalogue registers these ids.
RULES: tuple[RuleInfo, ...] = (
    RuleInfo("selfeval.s1_execution_score", "预算执行率得分与规则不符", Tier.ERROR, "SPEC §1.3 S1"),
    RuleInfo("selfeval.s1_execution_rate", "预算执行率与全年预算数、全年执行数不符", Tier.ERROR, "SPEC §1.3 S1"),
    RuleInfo("selfeval.s1_zero_budget", "全年预算数为0，无法计算执行率", Tier.WARNING, "SPEC §1.3 S1"),
    RuleInfo("selfeval.s1_over_budget", "全年执行数超过全年预算数", Tier.WARNING, "SPEC §1.3 S1"),
    RuleInfo("selfeval.s1_total_parts", "预算执行情况表的合计行小于其“其中”分项", Tier.ERROR, "SPEC §1.3 S1"),
    RuleInfo("selfeval.s1_missing_budget", "预算执行情况表缺少全年预算数或全年执行数", Tier.WARNING, "SPEC §1.3 S1"),
    RuleInfo("selfeval.s2_quantitative_score", "定量指标得分与计分规则不符", Tier.ERROR, "SPEC §1.4 S2–S5"),
    RuleInfo("selfeval.s2_actual_not_number", "定量指标的实际完成值不是数值，无法计分", Tier.WARNING, "SPEC §1.4"),
    RuleInfo("selfeval.s2_unit_mismatch", "实际完成值与指标值的计量单位不可比", Tier.WARNING, "SPEC §1.4"),
    RuleInfo("selfeval.s2_money_vs_executed", "金额类指标的实际完成值超过项目全年执行数", Tier.WARNING, "SPEC §1.4, §1.7"),
    RuleInfo("selfeval.s2_strict_bound", "实际完成值恰等于目标值，未严格满足“>”或“<”", Tier.NOTICE, "SPEC §1.4"),
    RuleInfo("selfeval.s6_qualitative_band", "定性指标得分不在所选等级的分值区间内", Tier.WARNING, "SPEC §1.5 S6"),
    RuleInfo("selfeval.s6_qualitative_grade_unknown", "定性指标未写明完成等级（达成/部分达成/未达成）", Tier.NOTICE, "SPEC §1.5 S6"),
    RuleInfo("selfeval.s7_over_achievement", "大幅超额完成但未说明偏差原因", Tier.WARNING, "SPEC §1.4 S7"),
    RuleInfo("selfeval.s8_reason_required", "指标未得满分但未填写偏差原因", Tier.WARNING, "SPEC §1.4 S8"),
    RuleInfo("selfeval.s8_score_above_weight", "指标得分大于其分值", Tier.ERROR, "SPEC §1.2 S8"),
    RuleInfo("selfeval.s8_missing_weight", "指标缺少分值（权重）", Tier.ERROR, "SPEC §1.7"),
    RuleInfo("selfeval.s9_weight_total", "指标分值合计不等于规定分值", Tier.ERROR, "SPEC §1.2 S9"),
    RuleInfo("selfeval.s9_block_weight", "一级指标分值与规定分值不一致", Tier.WARNING, "SPEC §1.2 S9"),
    RuleInfo("selfeval.s10_indicator_sum", "填报的指标完成情况得分不等于各指标得分之和", Tier.ERROR, "SPEC §1.2"),
    RuleInfo("selfeval.s10_total_parts", "填报总分不等于预算执行得分与指标得分之和", Tier.ERROR, "SPEC §1.2 S10"),
    RuleInfo("selfeval.s10_total_row", "自评表总分（总分行或正文所写）不等于预算执行得分与各指标得分之和", Tier.ERROR,
             "SPEC §1.2 S10"),
    RuleInfo("selfeval.s10_grade_band", "填报等级与填报总分所在分档不符", Tier.ERROR, "SPEC §1.6 S10"),
    RuleInfo("selfeval.s10_grade_by_rules", "按规则计算的等级与填报等级不同", Tier.WARNING, "SPEC §1.6 S10"),
)
# How each rule's tier is decided (listed in the rule catalogue beside the rule).
TIER_RULES: dict[str, str] = {
    "selfeval.s2_quantitative_score": "确定：指标按其运算符已达成却未得满分，或未达成却得满分；疑似：其余差异取决于计分口径"
                                      "（未达成按比例计分、成本指标“=”目标节约是否按达成计、满意度按比例计分），消息写明口径；"
                                      "提示：差异在填报得分的印出精度内（8.89 写作 9）。",
    "selfeval.s1_execution_score": "确定：超出填报精度的差异，且预算执行部分的分值由表本身确定——表中印出（合计行的"
                                   "“分值”格、“预算执行情况（20分）”、“得分（20分×执行率）”），或由表中数字推得（总分行分值"
                                   " 100 减各指标分值合计 90 得 10）；疑似：表中未印分值也推不出，差异只按模板惯例的分值"
                                   "（财预〔2020〕10号模板预算执行 10 分，消息写明）成立，或“其中”分项与合计行金额相同"
                                   "（执行率相同）却另印不同的得分（得分只属于合计行，属模板惯例）；"
                                   "提示：按填报精度四舍五入或截尾（9.91 写作 9）的尾数差异。",
    "selfeval.s9_weight_total": "确定：表中印出（或由总分行分值推得）预算执行部分的分值，指标分值合计不等于 100 减该分值；"
                                "疑似：表中未印预算执行分值，合计只按模板惯例（预算执行 10 分、指标 90 分，消息写明）不符，"
                                "或表中印出预算执行分值而指标分值合计为 100（按比例折算指标得分的口径，表中未写明）。",
    "selfeval.s1_total_parts": "确定：合计行（年度资金总额）某列的数小于其“其中”分项同列的数，两行不能同时成立；"
                               "此时不再据合计行计算执行率、执行得分，也不另报“全年预算数为0”。",
    "selfeval.s6_qualitative_band": "确定：“达成”得0分或“未达成”得满分；疑似：得分不在本地区配置的等级区间内（区间属配置口径）。",
    "selfeval.s2_money_vs_executed": "疑似：成本、费用、资金、奖励、租赁等金额指标的实际值大于预算执行表的全年执行数"
                                     "（可能含未支付的应付款或其他资金）；填报得分与按执行数计算的得分一致时不再另报得分差异；"
                                     "实际值只是照抄“=”成本目标且目标超过年初预算时，由 goals.t04_cost_budget 报告。",
    "selfeval.s10_grade_band": "确定：项目自评表的总分不在所写等级的分档内；部门整体自评报告：按报告自己写明的分档不符为确定，"
                               "报告未写明分档时按配置的分档为疑似（分档属配置口径，消息写明）。",
    "selfeval.s2_unit_mismatch": "疑似：两个计量单位属不同量纲（或亩未在配置中给出换算），不计分也不判错。",
    "selfeval.s10_total_row": "总分行的分值等于指标分值合计加预算执行分值时，总分 = 预算执行得分 + 各指标得分；等于指标分值合计时，"
                              "总分只合计各指标得分。确定：差异超出总分印出精度的四舍五入，且各行得分、预算执行得分都已读到，"
                              "表格按行列读出；疑似：有指标行或得分未读到、表格按排列次序推断读出，或总分含哪些部分无从判断"
                              "（消息写明原因）；提示：差异只是按印出精度四舍五入或截尾，包括总分按未取整的预算执行得分计算"
                              "（9.91 分印作 9 分，总分按 9.91 合计）。一处错误只报告一次：正文另写总得分且同一差异已由 "
                              "selfeval.s10_total_parts 报告的，或总分按规则计算的各行得分、预算执行得分合计相符"
                              "（印出的某行得分有误，由该行的规则报告）的，不再重复报告。表中未印总分行而正文写明自评总分"
                              "（“自评得分为95分”“综合得分为95分”“自评总分：95”），又未同时写出预算执行得分和指标得分的，"
                              "按同一办法核对正文所写总分；总分无法计算（未读到绩效指标行或预算执行数）时不核对，"
                              "填报总分照录并列入未读取或未核对清单。",
}
RULE_BY_ID = {r.id: r for r in RULES}
# The rules that hold for a whole department's self-evaluation too: its own arithmetic. The others belong to the
# project form (10 + 90 points, indicator scoring) and do not apply to it.
DEPARTMENT_RULES = frozenset({"selfeval.s1_execution_rate", "selfeval.s1_zero_budget", "selfeval.s1_over_budget",
                              "selfeval.s1_total_parts", "selfeval.s10_grade_band"})
# The rules that sum over every indicator row: a table read in part (Goal.incomplete) proves nothing about them.
WHOLE_TABLE_RULES = frozenset({"selfeval.s9_weight_total", "selfeval.s9_block_weight", "selfeval.s10_indicator_sum",
                               "selfeval.s10_grade_by_rules"})


@dataclass(frozen=True)
class IndicatorScore:
    indicator: Indicator
    score: Decimal | None  # computed by formula; None where the rules leave it to the evaluator
    counted: Decimal  # what enters the computed total
    method: str  # 正向 / 反向 / 区间 / 定性 / 无法计分
    band: tuple[Decimal, Decimal] | None = None  # qualitative band in points


@dataclass(frozen=True)
class SelfEvaluationScore:
    evaluation: SelfEvaluation
    adjusted_budget: Decimal | None  # A
    executed: Decimal | None  # B
    execution_rate: Decimal | None  # %, 2 dp
    execution_score: Decimal
    indicators: tuple[IndicatorScore, ...]
    indicator_score: Decimal
    total: Decimal | None  # None when a part the total adds was not read (total_gap says which)
    grade: str | None  # None with the total: never a grade from a part
    deviations: tuple[Finding, ...]
    total_gap: str = ""  # why there is no total, in Chinese ('未读到绩效指标行，无法计算总分和等级'); '' when there is one


def _finding(rule_id: str, message: str, location: Location, expected: Decimal | str | None = None,
             actual: Decimal | str | None = None, tier: Tier | None = None) -> Finding:
    info = RULE_BY_ID[rule_id]
    exp = format_number(expected, 2, whole=True) if isinstance(expected, Decimal) else expected
    act = format_number(actual, 2, whole=True) if isinstance(actual, Decimal) else actual
    diff = None
    if isinstance(expected, Decimal) and isinstance(actual, Decimal):
        diff = format_number(actual - expected, 2, whole=True)
    return Finding(rule=rule_id, tier=tier or info.tier, message=message, location=location, category=CATEGORY,
                   expected=exp, actual=act, difference=diff)


def _residue(printed: Decimal) -> Decimal:
    """Half a unit of the last printed digit: '9' → 0.5, '63.16' → 0.005."""
    exponent = printed.as_tuple().exponent
    return Decimal(10) ** (exponent if isinstance(exponent, int) else 0) / 2


def _residue_kind(printed: Decimal, computed: Decimal) -> str:
    """'四舍五入' when the printed figure is the computed one rounded to its printed precision (within half a unit of
    its last digit), '截尾' when it is the computed one cut there (9.91 printed 9), else ''."""
    if abs(printed - computed) <= _residue(printed):
        return "四舍五入"
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "截尾" if computed >= 0 and truncate(computed, places) == printed else ""


def _sum_or_none(values: list[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, ZERO) if present else None


def _budget_total(se: SelfEvaluation) -> BudgetLine | None:
    """The 合计 row, or a total summed from the fund-source rows when the table has none."""
    total = se.budget_total
    if total is not None or not se.budget_lines:
        return total
    lines = se.budget_lines
    return BudgetLine(
        source="合计", level=FundLevel.TOTAL,
        adjusted=_sum_or_none([line.adjusted for line in lines]),
        executed=_sum_or_none([line.executed for line in lines]),
        location=lines[0].location,
    )


def _initial_budget(se: SelfEvaluation) -> Decimal | None:
    """年初预算数 of the total row (the budget goals.t04_cost_budget compares cost targets with)."""
    total = _budget_total(se)
    return None if total is None else (total.initial or total.initial_declared)


_TOTAL_COLUMNS = (("initial", "年初预算数"), ("adjusted", "全年预算数"), ("executed", "全年执行数"))


def _total_below_part(se: SelfEvaluation, total: BudgetLine) -> Finding | None:
    """The printed 合计/总额 row is smaller than one of the fund-source rows it is made of (年度资金总额 0 over
    其中：财政拨款 90): the two rows cannot both hold. Only the first column where it happens is named."""
    if not total.is_total:
        return None
    for name, label in _TOTAL_COLUMNS:
        whole = getattr(total, name)
        for part in se.budget_lines:
            value = getattr(part, name)
            if part is total or part.is_total or whole is None or value is None or value <= whole:
                continue
            return _finding("selfeval.s1_total_parts",
                            f"{total.source.rstrip('：:')}的{label} {format_amount(whole)} 元小于其中"
                            f"“{re.sub(r'^其中[：:]?', '', part.source).rstrip('：:')}”的 {format_amount(value)} 元，两行不能同时成立；执行率与执行得分无法据此计算，请核对原表",
                            total.location.with_(column=label), expected=value, actual=whole)
    return None


def printed_execution_points(se: SelfEvaluation) -> Decimal | None:
    """The points the form prints for its budget-execution part ('预算执行情况（20分）', '得分(20分*执行率)', the
    分值 cell of the budget table's total row)."""
    return next((c.full_marks for c in se.reported.block_claims if c.block == "预算执行" and c.full_marks), None)


@dataclass(frozen=True)
class ExecutionPoints:
    """The points of the budget-execution part, and whether the form itself establishes them (`convention` is ''
    then): printed for the part, or left by the form's own arithmetic (总分 row's 分值 − the indicators' points).
    Otherwise they are the profile's convention, named in `convention` for the findings that rest on it."""

    points: Decimal
    convention: str = ""

    @property
    def established(self) -> bool:
        return not self.convention


def _indicator_points(se: SelfEvaluation) -> Decimal | None:
    """The indicators' points as the form prints them: the 绩效指标 part's caption, else every row's 分值 read whole."""
    claimed = next((c.full_marks for c in se.reported.block_claims if c.block == "绩效指标" and c.full_marks), None)
    if claimed is not None:
        return claimed
    weights = [i.weight for i in se.indicators]
    if se.goal.incomplete or se.goal.unweighted or not weights or any(w is None for w in weights):
        return None
    return sum((w or ZERO for w in weights), ZERO)


def execution_points(se: SelfEvaluation, profile: Profile) -> ExecutionPoints:
    """The points of the budget-execution part: those the form prints for it (its own rule: 20 × rate is not judged
    against a 10-point convention); else the profile's, established when the form's 总分 row prints its 分值 and
    the indicators' points leave exactly them (100 − 90 = 10); else the profile's as a convention only."""
    printed = printed_execution_points(se)
    if printed is not None:
        return ExecutionPoints(printed)
    points = profile.selfeval.execution_weight
    total = se.reported.form_total
    rows = _indicator_points(se)
    if total is not None and total.points is not None and not total.stated and not total.inferred \
            and rows is not None and total.points - rows == points:  # read on the grid, not by the cells' order
        return ExecutionPoints(points)
    source = "财预〔2020〕10号模板惯例" if profile.name == "central" else f"本地区配置（{profile.title}）"
    return ExecutionPoints(points, f"按{source}预算执行{format_number(points, 2, whole=True)}分；表中未印分值")


def _execution(se: SelfEvaluation, profile: Profile, where: Location) -> tuple[
        Decimal | None, Decimal | None, Decimal | None, Decimal, list[Finding]]:
    part = execution_points(se, profile)
    weight = part.points
    tol = profile.selfeval.score_tolerance
    total = _budget_total(se)
    findings: list[Finding] = []
    if se.is_department and (total is None or total.adjusted is None or total.executed is None):
        # A department's report states what it states; the figures it lacks are listed in the reading report.
        if total is not None and (conflict := _total_below_part(se, total)):
            findings.append(conflict)
        return (total.adjusted if total else None), (total.executed if total else None), None, ZERO, findings
    if total is None and se.goal.header_unread:  # the budget part is in the text cut with the table's header
        return None, None, None, ZERO, findings
    if total is None:  # no table read at all: it may be printed in a layout not understood, so not certain
        findings.append(_finding("selfeval.s1_missing_budget", "未读取到预算执行情况表（全年预算数、全年执行数），执行率与"
                                 "执行得分未核对；请核对原表", where, tier=Tier.WARNING))
        return None, None, None, ZERO, findings
    if (total.adjusted is None or total.executed is None) and total.unread:
        # The row prints its figures but they could not be placed: a gap in the reading, never a blank scored 0.
        findings.append(_finding("selfeval.s1_missing_budget", f"预算执行情况表“{total.source}”一行的数字未能确定所在的列"
                                 f"（读取缺口：{total.unread}未读取），执行率与执行得分未核对，不按漏填计0分；请核对原表",
                                 total.location if total.location.line is not None else where, tier=Tier.WARNING))
        return None, None, None, ZERO, findings
    if total.adjusted is None or total.executed is None:
        findings.append(_finding("selfeval.s1_missing_budget", "预算执行情况表未读到“全年预算数”或“全年执行数”（读取缺口或漏填，请核对原表），执行率与执行得分未核对；"
                                 "若原表确实漏填，按 S1 惯例执行得分为0分",
                                 where))
        return None, None, None, ZERO, findings
    a, b = total.adjusted, total.executed
    loc = total.location if total.location.line is not None else where
    loc = loc.with_(project=where.project, table=loc.table or "预算执行情况", row=loc.row or "合计")
    if conflict := _total_below_part(se, total):
        findings.append(conflict)  # the total row cannot be used: nothing is computed from it
        return None, None, None, ZERO, findings
    rate = formulas.execution_rate(a, b)
    score = formulas.execution_score(a, b, weight)
    if a <= 0:
        findings.append(_finding("selfeval.s1_zero_budget", "全年预算数为0，执行率无法计算，执行得分按0分计", loc.with_(column="全年预算数"),
                                 expected=None, actual=a))
    elif b > a:
        findings.append(_finding("selfeval.s1_over_budget",
                                 f"全年执行数 {format_amount(b)} 元超过全年预算数 {format_amount(a)} 元，执行得分以 {format_number(weight, 2, whole=True)} 分封顶",
                                 loc.with_(column="全年执行数"), expected=a, actual=b))
    if total.reported_rate is not None and rate is not None and abs(total.reported_rate - rate) > max(
            Decimal("0.01"), _residue(total.reported_rate)):
        findings.append(_finding("selfeval.s1_execution_rate",
                                 f"执行率应为 {format_number(rate, 2, whole=True)}%（{format_amount(b)} ÷ {format_amount(a)} 元），填报为 {format_number(total.reported_rate, 2, whole=True)}%",
                                 loc.with_(column="执行率"), expected=rate, actual=total.reported_rate))
    reported = total.reported_score if total.reported_score is not None else se.reported.execution_score
    if reported is not None and abs(reported - score) > tol and not se.is_department:
        basis = f"min({format_number(b, 2, whole=True)} ÷ {format_number(a, 2, whole=True)}, 1) × {format_number(weight, 2, whole=True)}" if a > 0 else "全年预算数为0"
        residue = _residue_kind(reported, score)
        # points the form does not establish are a convention: the score against them is a suspicion
        findings.append(_finding("selfeval.s1_execution_score",
                                 f"预算执行得分应为 {format_number(score, 2, whole=True)} 分（{basis}），填报为 {format_number(reported, 2, whole=True)} 分"
                                 + (f"（按填报精度{residue}的尾数差异）" if residue else "")
                                 + (f"（{part.convention}）" if part.convention else ""),
                                 loc.with_(column="得分"), expected=score, actual=reported,
                                 tier=Tier.NOTICE if residue else None if part.established else Tier.WARNING))
    findings += _zero_budget_parts(se, total)
    findings += _repeated_row_scores(se, total, score, loc)
    return a, b, rate, score, findings


def _repeated_row_scores(se: SelfEvaluation, total: BudgetLine, score: Decimal, where: Location) -> list[Finding]:
    """A fund row under the total with the total's own 全年预算数 and 全年执行数 (so its 执行率 is the total's) that
    prints another 得分 than the total row: one execution rate, two scores. The form gives the part its score on the
    total row only (the repeat is not counted, see ingest.selfeval); which of the two the unit meant rests on that
    template convention, so it is a suspicion, named once for the row."""
    if total.reported_score is None or not total.is_total or se.is_department:
        return []
    return [_finding("selfeval.s1_execution_score",
                     f"“{line.source.rstrip('：:')}”一行与“{total.source.rstrip('：:')}”一行的全年预算数、全年执行数相同"
                     f"（执行率相同），却另印得分 {format_number(line.reported_score, 2, whole=True)} 分（“{total.source.rstrip('：:')}”一行 "
                     f"{format_number(total.reported_score, 2, whole=True)} 分，按规则 {format_number(score, 2, whole=True)} 分）：同一执行率两个得分；按模板惯例得分只属于"
                     "合计行，计分按合计行", line.location.with_(column="得分"), expected=total.reported_score,
                     actual=line.reported_score, tier=Tier.WARNING)
            for line in se.budget_lines
            if line is not total and not line.is_total and line.reported_score is not None
            and line.reported_score != total.reported_score
            and line.adjusted == total.adjusted and line.executed == total.executed]


def _zero_budget_parts(se: SelfEvaluation, total: BudgetLine) -> list[Finding]:
    """A fund row under the total whose 全年预算数 is 0 but prints an 执行率 ('0 | 0 | 100%'): a rate of 0 ÷ 0 is
    undefined, so what it prints is a convention of the form (提示), never a contradiction."""
    return [_finding("selfeval.s1_zero_budget",
                     f"“{re.sub(r'^其中[：:]?', '', line.source).rstrip('：:')}”一行全年预算数为0，执行率无从计算，"
                     f"填报为 {format_number(line.reported_rate, 2, whole=True)}%", line.location.with_(column="执行率"),
                     actual=line.reported_rate, tier=Tier.NOTICE)
            for line in se.budget_lines
            if line is not total and not line.is_total and line.adjusted == 0 and line.reported_rate]


def _actual_number(indicator: Indicator, target: Value, profile: Profile) -> Decimal | None:
    """The actual in the target's unit; None when it is no number or its unit is of another dimension."""
    actual = indicator.actual
    if actual is None or actual.number is None or actual.operator is Operator.QUALITATIVE:
        return None
    return actual.in_unit(target.unit, profile.selfeval.mu_square_metres or None)


def is_money_indicator(ind: Indicator) -> bool:
    """A 成本 indicator, or one whose target is an amount (元/万元/亿元, also per unit: 元/人, 每辆)."""
    target = ind.target
    return "成本" in ind.level2 or (target is not None and amount_unit(target.unit) is not None)


def _convention(ind: Indicator, operator: Operator) -> str:
    """The scoring convention a non-certain quantitative deviation depends on, in words."""
    if is_money_indicator(ind) and operator is Operator.EQ:
        return "成本指标“=”目标的计分口径（实际低于目标视为节约按达成计，还是按比例计分）"
    if "满意" in ind.level1 + ind.level2 + ind.name:
        return "满意度未达标按比例计分口径"
    return "未达成指标按比例计分口径（实际值 ÷ 目标值 × 分值）"


def _quantitative_tier(ind: Indicator, operator: Operator, actual: Decimal, target: Decimal, score: Decimal,
                       reported: Decimal, weight: Decimal) -> Tier:
    """Error only when the indicator's own numbers decide it: met but not full marks, not met but full marks.
    A money target written with “=” is met or not by convention unless the actual equals it."""
    if is_money_indicator(ind) and operator is Operator.EQ and actual != target:
        return Tier.WARNING
    met = score == weight
    if met and reported < weight:
        return Tier.ERROR
    if not met and reported >= weight:
        return Tier.ERROR
    return Tier.WARNING


_SPEND_WORDS = ("成本", "费", "资金", "奖励", "租赁", "经费", "价款", "补助", "投资", "支出")
# Money the project brings in or sets moving, not money it spends: '招商引资到位资金', '带动社会投资'.
_NOT_SPENT_WORDS = ("到位", "引资", "招商", "带动", "拉动", "撬动", "吸引", "融资", "收入", "产值", "税收")


def spent_amount(ind: Indicator, actual_number: Decimal | None) -> Decimal | None:
    """The yuan an amount indicator says was spent (成本/费用/资金/奖励/租赁…, in a total amount unit), or None."""
    target = ind.target
    unit = amount_unit(target.unit) if target is not None else None
    if actual_number is None or unit is None or unit[1]:
        return None
    if "成本" not in ind.level2 and (not any(word in ind.name for word in _SPEND_WORDS)
                                   or any(word in ind.name for word in _NOT_SPENT_WORDS)):
        return None
    return actual_number * unit[0]


def _over_achieved(ind: Indicator, profile: Profile, loc: Location) -> list[Finding]:
    """A quantitative target exceeded by the profile's ratio or more with no 偏差原因 given (weights play no part)."""
    target = ind.target
    if target is None or not target.is_quantitative or target.number is None or target.malformed:
        return []
    actual_number = _actual_number(ind, target, profile)
    if actual_number is None or (target.operator or Operator.EQ) not in (Operator.GE, Operator.GT, Operator.EQ):
        return []
    if target.number <= 0 or actual_number / target.number < profile.selfeval.over_achievement_ratio \
            or ind.deviation_reason.strip():
        return []
    return [_finding("selfeval.s7_over_achievement",
                     f"指标“{ind.name}”实际 {format_number(actual_number, 2, whole=True)} 达到目标 {format_number(target.number, 2, whole=True)} 的 "
                     f"{format_number(round_half_up(actual_number / target.number * 100), 2, whole=True)}%，未说明偏差原因（目标是否设置偏低）"
                     f"（本地区配置：实际达到目标的 {format_number(profile.selfeval.over_achievement_ratio * 100, 2, whole=True)}% 及以上须说明原因）",
                     loc.with_(column="偏差原因"), expected=target.number, actual=actual_number)]


def _score_indicator(ind: Indicator, profile: Profile, where: Location, executed: Decimal | None = None,
                     initial: Decimal | None = None, unweighted: bool = False,
                     reasons_unseen: bool = False) -> tuple[IndicatorScore, list[Finding]]:
    rules = profile.selfeval
    tol = rules.score_tolerance
    loc = ind.location.with_(project=where.project, table=ind.location.table or "绩效指标",
                             row=ind.location.row or ind.name)
    findings: list[Finding] = []
    weight = ind.weight
    reported = ind.reported_score
    if weight is None and unweighted:  # the table has no 分值 column: nothing to score, the attainment still told
        return IndicatorScore(ind, None, reported or ZERO, "无法计分"), _over_achieved(ind, profile, loc)
    if weight is None:
        findings.append(_finding("selfeval.s8_missing_weight", f"指标“{ind.name}”没有分值", loc.with_(column="权重")))
        return IndicatorScore(ind, None, reported or ZERO, "无法计分"), findings
    if reported is not None and reported > weight:
        findings.append(_finding("selfeval.s8_score_above_weight",
                                 f"指标“{ind.name}”得分 {format_number(reported, 2, whole=True)} 大于分值 {format_number(weight, 2, whole=True)}",
                                 loc.with_(column="得分"), expected=weight, actual=reported))

    target = ind.target
    attainment = ind.actual.attainment if ind.actual is not None else None
    quantitative = target is not None and target.is_quantitative and target.number is not None
    actual_number = _actual_number(ind, target, profile) if quantitative and target is not None else None
    if quantitative and target is not None and actual_number is None and ind.actual is not None \
            and ind.actual.number is not None and ind.actual.operator is not Operator.QUALITATIVE:
        findings.append(_finding("selfeval.s2_unit_mismatch",
                                 f"指标“{ind.name}”指标值单位为“{target.unit}”，实际完成值单位为“{ind.actual.unit}”，"
                                 "二者不可比，未计分", loc.with_(column="实际完成值"),
                                 expected=target.unit, actual=ind.actual.unit))
        return IndicatorScore(ind, None, reported or ZERO, "无法计分"), findings
    spent = spent_amount(ind, actual_number)
    executed_actual = None  # the actual read from the budget table, when the printed one exceeds it
    repeats_target = ("成本" in ind.level2 and target is not None and target.operator is Operator.EQ
                      and actual_number == target.number
                      and initial is not None and spent is not None and spent > initial)
    if spent is not None and executed is not None and spent > executed and actual_number and not repeats_target:
        executed_actual = actual_number * executed / spent
        findings.append(_finding("selfeval.s2_money_vs_executed",
                                 f"指标“{ind.name}”实际完成值 {format_number(actual_number, 2, whole=True)}{target.unit if target else ''}"
                                 f"（{format_amount(spent)} 元）超过项目全年执行数 {format_amount(executed)} 元，与预算执行表不符",
                                 loc.with_(column="实际完成值"), expected=executed, actual=spent))
    if target is not None and target.malformed:
        # goals.t03_measurable reports the target itself; the score is left as reported.
        return IndicatorScore(ind, None, reported or ZERO, "无法计分"), findings

    if quantitative and target is not None and actual_number is not None and target.number is not None:
        operator = target.operator or Operator.EQ
        score = formulas.quantitative_score(operator, target.number, actual_number, weight, target.upper)
        method = "区间" if operator is Operator.RANGE else ("反向" if operator in (Operator.LE, Operator.LT) else "正向")
        by_table = None if executed_actual is None else formulas.quantitative_score(
            operator, target.number, executed_actual, weight, target.upper)
        # Scored as the budget table's amount gives: the fault is the printed actual (s2_money_vs_executed).
        consistent_with_table = by_table is not None and reported is not None and abs(reported - by_table) <= tol
        if reported is not None and abs(reported - score) > tol and not consistent_with_table:
            tier = _quantitative_tier(ind, operator, actual_number, target.number, score, reported, weight)
            if by_table is not None and by_table != score:
                tier = Tier.WARNING  # which actual is right decides the score
            if abs(reported - score) <= _residue(reported):
                tier = Tier.NOTICE  # 8.89 written as 9: rounding to the printed precision
                message = (f"指标“{ind.name}”按{method}规则得 {format_number(score, 2, whole=True)} 分，填报 {format_number(reported, 2, whole=True)} 分"
                           "（按填报精度四舍五入的尾数差异）")
            elif tier is Tier.ERROR:
                state = "已达成，应得满分" if score == weight else "未达成，不应得满分"
                message = (f"指标“{ind.name}”目标 {target.raw.strip()}、实际 {format_number(actual_number, 2, whole=True)}{target.unit}，{state}"
                           f"（按{method}规则应得 {format_number(score, 2, whole=True)} 分），填报 {format_number(reported, 2, whole=True)} 分")
            else:
                message = (f"指标“{ind.name}”目标 {target.raw.strip()}、实际 {format_number(actual_number, 2, whole=True)}{target.unit}，按{method}规则"
                           f"应得 {format_number(score, 2, whole=True)} 分，填报 {format_number(reported, 2, whole=True)} 分；差异取决于{_convention(ind, operator)}")
            findings.append(_finding("selfeval.s2_quantitative_score", message, loc.with_(column="得分"),
                                     expected=score, actual=reported, tier=tier))
        if rules.strict_inequality and operator in (Operator.GT, Operator.LT) and actual_number == target.number:
            findings.append(_finding("selfeval.s2_strict_bound",
                                     f"指标“{ind.name}”实际值 {format_number(actual_number, 2, whole=True)} 恰等于目标值，未严格满足“{operator.value}”",
                                     loc.with_(column="实际完成值")))
        findings += _over_achieved(ind, profile, loc)
        counted = score
        result = IndicatorScore(ind, score, counted, method)
    elif quantitative and target is not None and attainment is None:
        actual_raw = (ind.actual.raw if ind.actual else "").strip()
        said = f"实际完成值“{actual_raw}”不是数值" if actual_raw else _BLANK_ACTUAL
        findings.append(_finding("selfeval.s2_actual_not_number",
                                 f"指标“{ind.name}”目标为定量值 {target.raw.strip()}，{said}，无法按规则计分",
                                 loc.with_(column="实际完成值")))
        result = IndicatorScore(ind, None, reported or ZERO, "无法计分")
    elif attainment is not None:
        band = formulas.qualitative_band(rules, attainment, weight)
        counted = reported if reported is not None else band[0]
        if reported is not None and not formulas.in_band(rules, attainment, weight, reported):
            top = attainment is Attainment.ACHIEVED
            interval = f"[{format_number(band[0], 2, whole=True)}, {format_number(band[1], 2, whole=True)}{']' if top else ')'}"
            certain = (attainment is Attainment.ACHIEVED and reported <= 0) or (
                attainment is Attainment.NOT_ACHIEVED and reported >= weight)
            convention = "" if certain else f"（{attainment.value}区间（本地区配置）为分值的 " \
                f"{format_number(formulas.band_fractions(rules, attainment)[0] * 100, 2, whole=True)}%–" \
                f"{format_number(formulas.band_fractions(rules, attainment)[1] * 100, 2, whole=True)}%）"
            findings.append(_finding(
                "selfeval.s6_qualitative_band",
                f"指标“{ind.name}”完成等级为“{attainment.value}”，得分应在 {interval} 内，填报 {format_number(reported, 2, whole=True)} 分{convention}",
                loc.with_(column="得分"), expected=interval, actual=reported,
                tier=Tier.ERROR if certain else Tier.WARNING))
            counted = formulas.nearest_in_band(rules, attainment, weight, reported)
        result = IndicatorScore(ind, None, counted, "定性", band)
    else:
        findings.append(_finding("selfeval.s6_qualitative_grade_unknown",
                                 f"指标“{ind.name}”的实际完成情况“{(ind.actual.raw if ind.actual else '').strip()}”未写明达成、部分达成或未达成",
                                 loc.with_(column="实际完成值")))
        result = IndicatorScore(ind, None, reported or ZERO, "定性")

    # The unit's own score: a computed score that differs is the s2/s6 finding, not a second one here.
    effective = reported if reported is not None else result.score
    # A row that met its target and is certainly scored short (s2/s6, 确定) has no deviation to explain: the points
    # missing are that score's fault, not a reason left out — one fault, one finding.
    met = (result.score is not None and result.score >= weight) or (
        result.score is None and attainment is Attainment.ACHIEVED)
    scored_short = met and any(f.tier is Tier.ERROR and f.rule in (
        "selfeval.s2_quantitative_score", "selfeval.s6_qualitative_band") for f in findings)
    if (effective is not None and effective < weight and not ind.deviation_reason.strip() and not scored_short
            and not reasons_unseen):
        findings.append(_finding("selfeval.s8_reason_required",
                                 f"指标“{ind.name}”得分 {format_number(effective, 2, whole=True)} 低于分值 {format_number(weight, 2, whole=True)}，须填写偏差原因及改进措施",
                                 loc.with_(column="偏差原因"), expected=weight, actual=effective))
    return result, findings


# The words a 二级 name holds, each with its block (core.levelwords' frame), tried in this order: 满意 in any wording of
# the 满意度 二级; the 产出 block's (成本 also in the newer frame's 经济成本…); the 效益 block's, 可持续影响 by its stem.
_LEVEL2_BLOCK = (("满意", "satisfaction"), *((word, "output") for word in FRAME["产出"]),
                 *((word.removesuffix("影响"), "benefit") for word in FRAME["效益"]))


def block_of(ind: Indicator) -> str | None:
    """The 一级 block an indicator belongs to: its 二级 name decides (a 成本指标 row printed under a merged
    “效益指标” cell is an output indicator); the 一级 cell only when the 二级 name says nothing."""
    for word, block in _LEVEL2_BLOCK:
        if word in ind.level2:
            return block
    return level1_block(ind.level1)


def level1_block(level1: str) -> str | None:
    if "满意" in level1:
        return "satisfaction"
    if "效益" in level1 or "效果" in level1:
        return "benefit"
    if "产出" in level1:
        return "output"
    return None


BLOCK_NAMES = {"output": "产出指标", "benefit": "效益指标", "satisfaction": "满意度指标"}


def _weight_findings(se: SelfEvaluation, profile: Profile, where: Location) -> Iterator[Finding]:
    rules = profile.selfeval
    weights = [i.weight for i in se.indicators if i.weight is not None]
    if not se.indicators or se.goal.incomplete or se.goal.unweighted or se.is_department:
        return  # a table not read whole: its totals prove nothing (the gap is in the reading report)
    total = sum(weights, ZERO)
    loc = where.with_(table="绩效指标", column="权重")
    part = execution_points(se, profile)
    execution = part.points
    levels = [c.full_marks for c in se.reported.block_claims if c.block in BLOCK_NAMES.values() and c.full_marks]
    if printed_execution_points(se) is not None and len(levels) == len(BLOCK_NAMES) and sum(levels, ZERO) == total:
        pass  # the rows add up to the 一级 points the form prints: their sum with the budget points not being the
        # form's 100 is one fault, reported by selfeval.section_points (a convention), not a second time here
    elif printed_execution_points(se) is not None and total == FORM_TOTAL:
        # The form prints its own budget points (20) and its rows weigh the whole 100: rows scored out of 100
        # and scaled into the part left (×0.8) — a convention the table does not state, not a contradiction.
        yield _finding("selfeval.s9_weight_total",
                       f"表中预算执行部分为 {format_number(execution, 2, whole=True)} 分，指标分值合计却为 {format_number(total, 2, whole=True)} 分；应是按 "
                       f"{format_number(FORM_TOTAL - execution, 2, whole=True)}/{format_number(FORM_TOTAL, 2, whole=True)} 折算指标得分的口径（表中未写明），请核对",
                       loc, expected=FORM_TOTAL - execution, actual=total, tier=Tier.WARNING)
    elif execution != rules.execution_weight and total != FORM_TOTAL - execution:
        yield _finding("selfeval.s9_weight_total",
                       f"指标分值合计 {format_number(total, 2, whole=True)}，应为 {format_number(FORM_TOTAL - execution, 2, whole=True)}（100 − 表中预算执行 {format_number(execution, 2, whole=True)}）",
                       loc, expected=FORM_TOTAL - execution, actual=total)
    elif execution == rules.execution_weight and total != rules.indicator_total:
        # with the execution points a convention only, the indicators' 90 rests on it too: a suspicion
        yield _finding("selfeval.s9_weight_total",
                       f"指标分值合计 {format_number(total, 2, whole=True)}，应为 {format_number(rules.indicator_total, 2, whole=True)}（100 − 预算执行 {format_number(rules.execution_weight, 2, whole=True)}"
                       + (f"；{part.convention}）" if part.convention else "）"),
                       loc, expected=rules.indicator_total, actual=total,
                       tier=None if part.established else Tier.WARNING)
    blocks: dict[str, Decimal] = {}
    for ind in se.indicators:
        block = block_of(ind)
        if block is not None and ind.weight is not None:
            blocks[block] = blocks.get(block, ZERO) + ind.weight
    expected = {"output": rules.output_weight, "benefit": rules.benefit_weight,
                "satisfaction": rules.satisfaction_weight}
    if "satisfaction" not in blocks:
        # Without a 满意度 indicator its points go to 产出/效益 (SPEC §1.2): only their sum is fixed.
        got = blocks.get("output", ZERO) + blocks.get("benefit", ZERO)
        want = expected["output"] + expected["benefit"] + expected["satisfaction"]
        if got != want and total == rules.indicator_total:
            yield _finding("selfeval.s9_block_weight", f"无满意度指标时，产出与效益指标分值之和按一级指标分值配置（本地区配置）应为 {format_number(want, 2, whole=True)}，实为 {format_number(got, 2, whole=True)}",
                           loc, expected=want, actual=got)
        return
    for block, want in expected.items():
        got = blocks.get(block, ZERO)
        if got != want:
            yield _finding("selfeval.s9_block_weight", f"{BLOCK_NAMES[block]}分值合计 {format_number(got, 2, whole=True)}，一级指标分值配置（本地区配置）为 {format_number(want, 2, whole=True)}",
                           loc.with_(row=BLOCK_NAMES[block]), expected=want, actual=got)


def _reported_findings(se: SelfEvaluation, profile: Profile, where: Location,
                       grade_by_rules: str | None) -> Iterator[Finding]:
    rep = se.reported
    tol = profile.selfeval.score_tolerance
    loc = rep.location if rep.location.line is not None else where
    loc = loc.with_(project=where.project, section="项目自评结果")
    row_scores = [i.reported_score for i in se.indicators] if not se.goal.incomplete else []
    if rep.indicator_score is not None and row_scores and all(s is not None for s in row_scores):
        row_sum = sum((s for s in row_scores if s is not None), ZERO)
        if abs(row_sum - rep.indicator_score) > tol:
            yield _finding("selfeval.s10_indicator_sum",
                           f"正文称指标完成情况得分 {format_number(rep.indicator_score, 2, whole=True)} 分，指标表各项得分合计 {format_number(row_sum, 2, whole=True)} 分",
                           loc, expected=row_sum, actual=rep.indicator_score)
    if rep.total is not None and rep.execution_score is not None and rep.indicator_score is not None:
        parts = rep.execution_score + rep.indicator_score
        if abs(parts - rep.total) > tol:
            yield _finding("selfeval.s10_total_parts",
                           f"总得分 {format_number(rep.total, 2, whole=True)} 分不等于执行得分 {format_number(rep.execution_score, 2, whole=True)} + 指标得分 "
                           f"{format_number(rep.indicator_score, 2, whole=True)} = {format_number(parts, 2, whole=True)} 分", loc, expected=parts, actual=rep.total)
    band = profile.grades.grade(round_half_up(rep.total)) if rep.total is not None else None
    if band is not None and rep.grade and band != rep.grade:
        grades = profile.grades
        yield _finding("selfeval.s10_grade_band",
                       f"总得分 {format_number(rep.total, 2, whole=True)} 分属于“{band}”（等级分档：优≥{format_number(grades.excellent, 2, whole=True)}、良≥"
                       f"{format_number(grades.good, 2, whole=True)}、中≥{format_number(grades.fair, 2, whole=True)}），报告写为“{rep.grade}”",
                       loc, expected=band, actual=rep.grade)
    # A rules grade equal to the band of the reported total says nothing the band check has not said. A
    # department's total is not the project form's 10 + 90 points: no grade is recomputed for it.
    if (rep.grade and grade_by_rules and grade_by_rules != rep.grade and grade_by_rules != band and not se.is_department
            and not se.goal.incomplete and not se.goal.unweighted):  # a total over rows read in part grades nothing
        yield _finding("selfeval.s10_grade_by_rules", f"按规则重算的等级为“{grade_by_rules}”，报告写为“{rep.grade}”",
                       loc, expected=grade_by_rules, actual=rep.grade)


def _parts_of_total(se: SelfEvaluation, points: Decimal) -> tuple[bool, str]:
    """Whether the form's 总分 adds the budget-execution score to the indicators' (the standard 10 + 90 form), by the
    分值 its 总分 row prints against the rows' 分值 and the execution part's points; and, when that cannot be told,
    why (the total is then taken with the execution score, the standard form's)."""
    total = se.reported.form_total
    weights = [i.weight for i in se.indicators]
    if se.goal.incomplete or not weights or any(w is None for w in weights):
        return True, "" if total is None or total.points is None or total.points == FORM_TOTAL else \
            f"总分行的分值为 {format_number(total.points, 2, whole=True)} 分，各指标分值未读全，总分含哪些部分无从判断"
    rows = sum((w or ZERO for w in weights), ZERO)
    printed = total.points if total is not None and total.points is not None else None
    full = printed if printed is not None else FORM_TOTAL
    if full == rows + points:
        return True, ""
    if full == rows:
        return False, ""
    if printed is not None:
        return True, (f"总分行的分值 {format_number(printed, 2, whole=True)} 分既不等于指标分值合计 {format_number(rows, 2, whole=True)} 分加预算执行分值 {format_number(points, 2, whole=True)} 分，"
                      "也不等于指标分值合计，总分含哪些部分无从判断")
    return True, (f"总分行未印分值，指标分值合计 {format_number(rows, 2, whole=True)} 分加预算执行分值 {format_number(points, 2, whole=True)} 分不是 {format_number(FORM_TOTAL, 2, whole=True)} 分，"
                  "总分含哪些部分无从判断")


def _form_total_findings(se: SelfEvaluation, profile: Profile, computed: Decimal | None,
                         by_rules: Sequence[Decimal | None]) -> Iterator[Finding]:
    """The form's 总分 row against the scores it adds up (selfeval.s10_total_row): `computed` is the execution score
    by the rules (None when the budget rows were not read), `by_rules` each indicator's score by the rules (None
    where the rules leave it to the evaluator). A total that adds the scores the rules give where the printed ones
    differ is the fault of those scores, reported at their rows (selfeval.s1_execution_score, s2_…): not again."""
    total = se.reported.form_total  # the 总分 row, or the total the text states ('自评得分为95分')
    if total is None or se.is_department or (total.stated and se.total_gap) or se.goal.header_unread:
        # the table's header and first rows are not in the text: its total is kept as printed, not compared
        return  # a stated total with no computed one beside it is kept as printed (SelfEvaluation.total_unchecked)
    points = execution_points(se, profile).points
    with_execution, unsettled = _parts_of_total(se, points)
    unread: list[str] = []
    if se.goal.incomplete:
        unread.append(f"绩效指标表未读全（{se.goal.incomplete}）")
    missing = [i.name for i in se.indicators if i.reported_score is None]
    if not se.indicators:
        unread.append("未读到指标行")
    elif missing:
        unread.append(f"指标“{missing[0]}”等 {len(missing)} 行的得分未读到" if len(missing) > 1
                      else f"指标“{missing[0]}”的得分未读到")
    rows = sum((i.reported_score or ZERO for i in se.indicators), ZERO)
    line = _budget_total(se)
    printed = line.reported_score if line is not None and line.reported_score is not None \
        else se.reported.execution_score
    execution = printed if printed is not None else computed
    estimated = ""  # the execution score the form does not print, taken as the rules compute it
    if with_execution and execution is None:
        unread.append("预算执行得分未读到，执行率也无从计算")
    elif with_execution and printed is None:
        estimated = f"表中未印预算执行得分，按执行率计算为 {format_number(computed, 2, whole=True)} 分"
    rep = se.reported
    if (with_execution and rep.total == total.score and rep.execution_score == printed
            and rep.indicator_score == rows):  # the report's text states the same sum: selfeval.s10_total_parts
        return
    parts = (execution or ZERO) + rows if with_execution else rows
    if parts == total.score:
        return
    ruled = sum((r if r is not None else i.reported_score or ZERO for i, r in zip(se.indicators, by_rules, strict=True)),
                ZERO) + ((computed if computed is not None else execution or ZERO) if with_execution else ZERO)
    if not unread and ruled != parts and _residue_kind(total.score, ruled):
        return  # the total holds with the rules' scores: the printed row or execution score is the fault
    said = (f"预算执行得分 {format_number(execution or ZERO, 2, whole=True)} + 各指标得分合计 {format_number(rows, 2, whole=True)} = {format_number(parts, 2, whole=True)} 分" if with_execution
            else f"各指标得分合计 {format_number(rows, 2, whole=True)} 分（指标分值合计即{'总分行的分值' if total.points is not None else '满分'} "
                 f"{format_number(total.points or FORM_TOTAL, 2, whole=True)} 分，总分不含预算执行部分）")
    head = f"{'正文所写自评总分' if total.stated else '自评表总分行得分'} {format_number(total.score, 2, whole=True)} 分，{said}"
    where = total.location.with_(section="项目自评结果") if total.stated else total.location.with_(column="得分")
    residue = _residue_kind(total.score, parts)
    unrounded = None
    if not residue and with_execution and printed is not None and computed is not None and _residue_kind(
            printed, computed):  # the total adds the execution score before it was rounded for printing
        unrounded = computed + rows
        residue = _residue_kind(total.score, unrounded)
    if residue and not unread:
        why = (f"总分按未取整的预算执行得分 {format_number(computed, 2, whole=True)} 分合计为 {format_number(unrounded, 2, whole=True)} 分，按印出精度{residue}为 "
               f"{format_number(total.score, 2, whole=True)} 分；表中预算执行得分印作 {format_number(printed, 2, whole=True)} 分" if unrounded is not None
               else f"差异在总分印出精度的{residue}范围内" + (f"；{estimated}" if estimated else ""))
        yield _finding("selfeval.s10_total_row", f"{head}（{why}）", where, expected=parts, actual=total.score,
                       tier=Tier.NOTICE)
        return
    doubts = [*unread, *([estimated] if estimated else []), *([unsettled] if unsettled else []),
              *([f"表格{total.inferred}"] if total.inferred else [])]
    if doubts:
        yield _finding("selfeval.s10_total_row", f"{head}，相差 {format_number(total.score - parts, 2, whole=True)} 分；但{'；'.join(doubts)}，"
                       "差异可能来自未读到或读错的格子，请核对原表", where, expected=parts, actual=total.score,
                       tier=Tier.WARNING)
        return
    yield _finding("selfeval.s10_total_row", f"{head}，两者相差 {format_number(total.score - parts, 2, whole=True)} 分，不能同时成立",
                   where, expected=parts, actual=total.score)


_BLANK_ACTUAL = "实际完成值未填"


def _blank_actuals_once(findings: list[Finding]) -> list[Finding]:
    """Several rows whose 实际完成值 is left blank are one way of filling the form (a form published unfilled): one
    finding at the first, naming the rows, the others as related — not one per row."""
    blank = [f for f in findings if f.rule == "selfeval.s2_actual_not_number" and _BLANK_ACTUAL in f.message]
    if len(blank) < 2:
        return findings
    names = [f.message.split("”", 1)[0].removeprefix("指标“") for f in blank]
    shown = "、".join(f"“{n}”" for n in names[:3]) + (f"等 {len(names)} 个指标" if len(names) > 3 else "")
    merged = replace(blank[0], message=f"指标{shown}的目标为定量值，{_BLANK_ACTUAL}，无法按规则计分",
                     related=tuple(f.location for f in blank[1:]))
    others = {id(f) for f in blank[1:]}
    return [merged if f is blank[0] else f for f in findings if id(f) not in others]


def score_self_evaluation(se: SelfEvaluation, profile: Profile) -> SelfEvaluationScore:
    """Compute every score of a self-evaluation by the profile's rules and list where the report deviates."""
    where = se.location.with_(project=se.project.name)
    a, b, rate, exec_score, findings = _execution(se, profile, where)
    scored: list[IndicatorScore] = []
    for ind in se.indicators:
        result, ind_findings = _score_indicator(ind, profile, where, b, _initial_budget(se), se.goal.unweighted,
                                               se.goal.header_unread)
        scored.append(result)
        findings.extend(ind_findings)
    findings = _blank_actuals_once(findings)
    findings.extend(_weight_findings(se, profile, where))
    indicator_score = round_half_up(sum((s.counted for s in scored), ZERO))
    gap = se.total_gap or ("" if se.is_department or (a is not None and b is not None) else
                           "预算执行情况表的合计行与其分项不能同时成立，执行得分无法计算，无法计算总分和等级")
    total = None if gap else round_half_up(exec_score + indicator_score)
    grade = None if total is None else profile.grades.grade(total)
    # Without the budget rows read the computed total lacks the execution score: it grades nothing.
    findings.extend(_reported_findings(se, profile, where, grade if a is not None and b is not None else None))
    findings.extend(_form_total_findings(se, profile, exec_score if a is not None and b is not None else None,
                                         [s.score for s in scored]))
    return SelfEvaluationScore(
        evaluation=se, adjusted_budget=a, executed=b, execution_rate=rate, execution_score=exec_score,
        indicators=tuple(scored), indicator_score=indicator_score, total=total, grade=grade,
        deviations=tuple(findings), total_gap=gap,
    )
