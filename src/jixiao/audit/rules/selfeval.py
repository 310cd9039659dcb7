"""自评完整性 — self-evaluation integrity.

The scoring engine's rules (S1–S10) are declared here once each, from jixiao.scoring.selfeval.RULES; their check
runs the engine and keeps that rule's deviations. The other rules compare what a report's text claims with its
own tables: block summaries ('产出指标满分50分，评价得分50分'), '已完成既定目标' beside a low grade, 结转结余 = 全年预算
− 执行, and an indicator printed under a 一级 cell its 二级 name contradicts (counted where the 二级 name says).
The report's sentences against its tables are in selfeval_text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from jixiao.audit import inputs
from jixiao.audit.catalogue import Context, NotApplicable, rule
from jixiao.audit.rules.grades import judge
from jixiao.core.claims import stated_bands
from jixiao.core.finding import Finding, Tier
from jixiao.core.levelwords import FRAME_LEVEL1
from jixiao.core.model import SelfEvaluation
from jixiao.core.money import format_amount, round_half_up
from jixiao.scoring.selfeval import (
    BLOCK_NAMES,
    DEPARTMENT_RULES,
    RULES,
    TIER_RULES,
    WHOLE_TABLE_RULES,
    SelfEvaluationScore,
    block_of,
    level1_block,
    score_self_evaluation,
)

CATEGORY = "自评计分"
ZERO = Decimal(0)


def _scored(se: SelfEvaluation, ctx: Context) -> SelfEvaluationScore:
    result: SelfEvaluationScore = ctx.memo(("selfeval", id(se)), lambda: score_self_evaluation(se, ctx.profile))
    return result


_BUDGET_RULES = ("selfeval.s1_execution_rate", "selfeval.s1_execution_score", "selfeval.s1_zero_budget",
                 "selfeval.s1_over_budget", "selfeval.s1_total_parts")
# What each engine rule reads: a rule whose inputs were not read checked nothing and does not apply (no silent
# pass). selfeval.s1_missing_budget reports the missing budget table itself.
ENGINE_INPUTS: dict[str, inputs.Need] = {
    **{rule_id: inputs.budget for rule_id in _BUDGET_RULES},
    "selfeval.s1_execution_rate": inputs.needs(inputs.budget, inputs.execution_rate),
    "selfeval.s1_execution_score": inputs.needs(inputs.budget, inputs.execution_score),
    **{info.id: inputs.indicators for info in RULES if info.id.startswith(("selfeval.s2_", "selfeval.s6_",
                                                                            "selfeval.s7_", "selfeval.s8_",
                                                                            "selfeval.s9_"))},
    "selfeval.s2_money_vs_executed": inputs.needs(inputs.indicators, inputs.budget),
    "selfeval.s10_indicator_sum": inputs.needs(inputs.indicators, inputs.indicator_score),
    "selfeval.s10_total_parts": inputs.total_parts,
    "selfeval.s10_total_row": inputs.form_total,
    "selfeval.s10_grade_band": inputs.grade_band,
    "selfeval.s10_grade_by_rules": inputs.needs(inputs.grade, inputs.indicators, inputs.budget),
}


# What a table read back from its 总分 row, its header not in the text, cannot tell (Goal.header_unread).
_HEADER_RULES = {"selfeval.s10_total_row": "总分行只有表尾各行可加，不与之核对",
                 "selfeval.s8_reason_required": "不知表中有无偏差原因列"}
# What rows whose target and actual were told apart by the cells' kinds cannot tell (Goal.targets_by_kind).
_TARGET_RULES = ("selfeval.s2_quantitative_score", "selfeval.s2_actual_not_number", "selfeval.s2_unit_mismatch",
                 "selfeval.s2_money_vs_executed", "selfeval.s2_strict_bound", "selfeval.s6_qualitative_band",
                 "selfeval.s6_qualitative_grade_unknown", "selfeval.s7_over_achievement")


def _engine_check(rule_id: str):  # type: ignore[no-untyped-def]
    def check(se: SelfEvaluation, ctx: Context) -> Iterable[Finding | NotApplicable]:
        if se.is_department and rule_id not in DEPARTMENT_RULES:
            return [NotApplicable("部门整体自评不按项目自评表的预算执行10分、指标90分计分")]
        total = se.budget_total
        if se.is_department and rule_id.startswith("selfeval.s1_") and rule_id != "selfeval.s1_total_parts" and (
                total is None or total.adjusted is None or total.executed is None):
            return [NotApplicable("部门整体自评中未读到全年预算数或全年执行数")]
        if se.is_department and rule_id == "selfeval.s10_grade_band" and se.reported.total is None:
            return [NotApplicable("部门整体自评中未读到自评总分")]
        if rule_id == "selfeval.s1_missing_budget" and se.misplaced and not se.budget_lines:
            # the fund row is there, its cells not placeable: said once, by selfeval.row_placement
            return [NotApplicable("预算执行情况表的资金行印出的格子少于表头列数且无法摆放，未读取（另列为疑似）")]
        if se.goal.targets_by_kind and rule_id in _TARGET_RULES:
            return [NotApplicable("绩效指标表的指标值与实际完成值只由格子的类型分出（表头未读全，或格子连在一起），不据以计分")]
        if se.goal.header_unread and (rule_id in _HEADER_RULES or (
                rule_id == "selfeval.s1_missing_budget" and not se.budget_lines)):
            return [NotApplicable(f"绩效指标表的表头不在文本中（{se.goal.incomplete}），{_HEADER_RULES.get(rule_id, '预算执行部分在截断处，未读取')}")]
        if rule_id in ENGINE_INPUTS and (missing := ENGINE_INPUTS[rule_id](se)):
            return [NotApplicable(missing)]
        if se.goal.unweighted and (rule_id in WHOLE_TABLE_RULES or rule_id == "selfeval.s8_missing_weight"):
            return [NotApplicable("绩效指标表未设分值列，无从按各指标分值核对")]
        if se.goal.incomplete and rule_id in WHOLE_TABLE_RULES:
            return [NotApplicable(f"绩效指标表未读全（{se.goal.incomplete}），各指标行的分值、得分合计无从核对")]
        found = [f for f in _scored(se, ctx).deviations if f.rule == rule_id]
        if se.is_department and rule_id == "selfeval.s10_grade_band" and found:
            return list(_department_grade(se, ctx))
        return found

    check.__doc__ = f"按计分规则重算（{rule_id}），与填报值比较。" + TIER_RULES.get(rule_id, "")
    return check


def _department_grade(se: SelfEvaluation, ctx: Context) -> Iterator[Finding]:
    """A department report's grade beside its total: its bands are not the project form's, so the profile's bands
    are a convention (疑似) unless the report states its own (确定 against them; see rules.grades)."""
    rep = se.reported
    if rep.total is None or not rep.grade:
        return
    bands = stated_bands(" ".join(text for text, _ in rep.statements))
    verdict = judge(rep.total, rep.grade, bands, ctx.profile.grades, ctx.profile.name)
    if verdict is not None:
        yield Finding("selfeval.s10_grade_band", verdict.tier,
                      f"总得分 {_fmt(rep.total)} 分属于“{verdict.expected}”（{verdict.basis}），报告写为“{rep.grade}”",
                      rep.location.with_(project=se.project.name, section="项目自评结果"), CATEGORY,
                      expected=verdict.expected, actual=rep.grade)


for _info in RULES:
    rule(_info.id, _info.title, _info.tier, CATEGORY, _info.basis, "self_evaluation",
         params=("selfeval",))(_engine_check(_info.id))


def _fmt(value: Decimal) -> str:
    normalized = value.normalize()
    return f"{normalized:f}"


_BLOCKS = {"产出指标": "产出", "效益指标": "效益", "满意度指标": "满意"}


def _block_scores(se: SelfEvaluation) -> dict[str, tuple[Decimal, Decimal]]:
    """Reported (weight, score) per 一级 block from the indicator table, each row in the block its 二级 name says."""
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for key, block in BLOCK_NAMES.items():
        rows = [i for i in se.indicators if block_of(i) == key]
        if rows:
            out[block] = (sum((i.weight or ZERO for i in rows), ZERO),
                          sum((i.reported_score or ZERO for i in rows), ZERO))
    return out


@rule("selfeval.block_claim", "正文的分项得分与指标表不符", Tier.ERROR, "自评报告", "SPEC §2.3", "self_evaluation",
      applies=inputs.needs(inputs.block_claims, inputs.indicators))
def block_claims(se: SelfEvaluation, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """正文“产出指标满分X分，评价得分Y分，得分率Z%”须与指标表中该一级指标的分值合计、得分合计一致，得分率 = 得分 ÷ 满分。
    写在“效益情况分析”下却在谈产出指标的句子，也视为与表不符。指标表未读全时，各行合计无从与正文比较（不适用）；
    表中在未读部分之前已完整读完的一级指标（其一级单元格标明分值、其后各行都已读入）仍照常核对。"""
    blocks = _block_scores(se)
    if se.goal.incomplete:  # rows read in part prove nothing (as WHOLE_TABLE_RULES), save a block read whole
        whole = {c.block for c in se.reported.block_claims if c.whole}
        blocks = {block: sums for block, sums in blocks.items() if block in whole}
        if any(c.block not in whole for c in se.reported.block_claims):
            yield NotApplicable(f"绩效指标表未读全（{se.goal.incomplete}），各一级指标的分值、得分合计无从与正文核对")
    for claim in se.reported.block_claims:
        loc = claim.location.with_(project=se.project.name)
        section = claim.location.section
        for block, word in _BLOCKS.items():
            if word in section and block != claim.block and "分析" in section:
                yield Finding("selfeval.block_claim", Tier.ERROR,
                              f"“{section}”一节写的是{claim.block}的得分（满分 {claim.full_marks} 分，得分 {claim.score} 分），"
                              f"应为{block}", loc.with_(row=claim.block, column="一级指标"), CATEGORY,
                              expected=block, actual=claim.block)
        if claim.block not in blocks:
            continue
        weight, score = blocks[claim.block]
        said, table = [], []
        if claim.full_marks is not None and claim.full_marks != weight:
            said.append(f"满分 {_fmt(claim.full_marks)} 分")
            table.append(f"分值合计 {_fmt(weight)} 分")
        if claim.score is not None and claim.score != score:
            said.append(f"评价得分 {_fmt(claim.score)} 分")
            table.append(f"得分合计 {_fmt(score)} 分")
        if said:  # one finding per sentence: a moved row changes both sums
            column = "得分" if claim.score is not None and claim.score != score else "满分"
            expected, actual = (score, claim.score) if column == "得分" else (weight, claim.full_marks)
            yield Finding("selfeval.block_claim", Tier.ERROR,
                          f"正文称{claim.block}{'、'.join(said)}，指标表{'、'.join(table)}",
                          loc.with_(row=claim.block, column=column), CATEGORY, expected=_fmt(expected),
                          actual=_fmt(actual) if actual is not None else None,
                          difference=_fmt(actual - expected) if actual is not None else None)
        elif claim.rate is not None and claim.score is not None and claim.full_marks:
            rate = round_half_up(claim.score / claim.full_marks * 100)
            if abs(rate - claim.rate) > Decimal("0.5"):
                yield Finding("selfeval.block_claim", Tier.ERROR,
                              f"正文{claim.block}得分率 {_fmt(claim.rate)}% 与 {_fmt(claim.score)} ÷ {_fmt(claim.full_marks)} = "
                              f"{_fmt(rate)}% 不符", loc.with_(row=claim.block, column="得分率"), CATEGORY,
                              expected=_fmt(rate), actual=_fmt(claim.rate))


FULL_MARKS = Decimal(100)
SECTION_BLOCKS = ("预算执行", "绩效指标")


@rule("selfeval.section_points", "自评表各部分标明的分值与指标分值或满分不符", Tier.ERROR, "自评表", "SPEC §2.3",
      "self_evaluation")
def section_points(se: SelfEvaluation, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """自评表各部分标题标明的分值（“预算执行情况（10分）”“年度绩效目标（90分）”）：绩效指标部分的分值须等于指标表
    各行分值之和（两处印出的数字不能同时成立，确定）；预算执行与绩效指标两部分的分值之和应为 100 分（按自评表满分
    100 分的口径，疑似）；未印绩效指标部分分值时，预算执行分值与产出、效益、满意度各一级指标标明的分值（“产出指标（70分）”）
    之和应为 100 分（同一口径，疑似）。未标明分值的表不适用。"""
    claims = {c.block: c for c in se.reported.block_claims if c.block in SECTION_BLOCKS and c.full_marks is not None}
    if not claims:
        yield NotApplicable("自评表各部分未标明分值")
        return
    goal, execution = claims.get("绩效指标"), claims.get("预算执行")
    weights = [i.weight for i in se.indicators]
    if goal is not None and goal.full_marks is not None and weights and not se.goal.incomplete and not (
            se.goal.unweighted or any(w is None for w in weights)):
        total = sum((w or ZERO for w in weights), ZERO)
        scaled = total == FULL_MARKS and execution is not None and execution.full_marks is not None
        if total != goal.full_marks and not scaled:  # rows of 100 in a smaller part: selfeval.s9_weight_total
            yield Finding("selfeval.section_points", Tier.ERROR,
                          f"绩效指标部分标明 {_fmt(goal.full_marks)} 分，指标表各行分值合计 {_fmt(total)} 分",
                          goal.location.with_(column="分值"), CATEGORY, expected=_fmt(total),
                          actual=_fmt(goal.full_marks), difference=_fmt(goal.full_marks - total))
    levels = [c for block in FRAME_LEVEL1 for c in se.reported.block_claims if c.block == block and c.full_marks]
    if goal is None and execution is not None and execution.full_marks is not None and len(levels) == len(FRAME_LEVEL1):
        # no 绩效指标 part printed: its points are the 一级 blocks' ('产出指标(70分)', '效益指标(20分)' …)
        parts = sum((c.full_marks or ZERO for c in levels), ZERO)
        total = execution.full_marks + parts
        if total != FULL_MARKS:
            named = "、".join(f"{c.block} {_fmt(c.full_marks or ZERO)} 分" for c in levels)
            yield Finding("selfeval.section_points", Tier.WARNING,
                          f"预算执行部分 {_fmt(execution.full_marks)} 分，一级指标标明{named}，合计 {_fmt(total)} 分，"
                          "不是 100 分（按自评表满分 100 分、预算执行分值计入总分的口径）",
                          levels[0].location.with_(column="分值"), CATEGORY, expected=_fmt(FULL_MARKS),
                          actual=_fmt(total), difference=_fmt(total - FULL_MARKS))
    if goal is not None and execution is not None and goal.full_marks is not None and execution.full_marks is not None:
        total = execution.full_marks + goal.full_marks
        if total != FULL_MARKS:
            yield Finding("selfeval.section_points", Tier.WARNING,
                          f"预算执行部分标明 {_fmt(execution.full_marks)} 分、绩效指标部分标明 {_fmt(goal.full_marks)} 分，"
                          f"合计 {_fmt(total)} 分，不是 100 分（按自评表满分 100 分的口径）",
                          execution.location.with_(column="分值"), CATEGORY, expected=_fmt(FULL_MARKS),
                          actual=_fmt(total), difference=_fmt(total - FULL_MARKS))


@rule("selfeval.goal_statement", "称“已完成既定目标”而等级为中或差", Tier.WARNING, "自评报告", "SPEC §2.3",
      "self_evaluation", params=("grades",), applies=inputs.goal_statement)
def goal_statement(se: SelfEvaluation, ctx: Context) -> Iterator[Finding]:
    """“全年目标实际完成情况”写“已完成既定目标”，但等级只有“中”或“差”，说法自相矛盾。
    确定：报告自己写的等级为“差”；疑似：报告写“中”，或只有按规则重算（取决于计分口径）的等级为中、差。"""
    text = se.reported.goal_statement
    if "已完成" not in text or "未完成" in text:
        return
    computed = _scored(se, ctx).grade
    grades = {g for g in (se.reported.grade, computed) if g}
    low = grades & {"中", "差"}
    if low:
        certain = se.reported.grade == "差"
        basis = "" if se.reported.grade in low else "（按规则重算的等级，取决于计分口径）"
        yield Finding("selfeval.goal_statement", Tier.ERROR if certain else Tier.WARNING,
                      f"报告称“{text.rstrip('。')}”，但等级为“{'、'.join(sorted(low))}”{basis}",
                      se.reported.location.with_(project=se.project.name, section="全年目标实际完成情况"), CATEGORY,
                      expected="与等级相符的完成情况说明", actual=text)


@rule("selfeval.carryover", "资金结转结余不等于全年预算数减全年执行数", Tier.ERROR, "预算执行", "SPEC §1.7", "self_evaluation",
      applies=inputs.carryover)
def carryover(se: SelfEvaluation, ctx: Context) -> Iterator[Finding]:
    """每一行：资金结(转)余 = 全年预算数 − 全年执行数（元，精确到分）；表中另列实际到位资金的，结余按到位数 − 执行数计也相符。"""
    for line in se.budget_lines:
        if line.carryover is None or line.adjusted is None or line.executed is None:
            continue
        expected = line.adjusted - line.executed
        if line.received is not None and line.carryover == line.received - line.executed:
            continue  # what was received and not spent
        if line.carryover != expected:
            yield Finding("selfeval.carryover", Tier.ERROR,
                          f"“{line.source}”行结转结余 {format_amount(line.carryover)} 元，应为 {format_amount(line.adjusted)} − "
                          f"{format_amount(line.executed)} = {format_amount(expected)} 元",
                          line.location.with_(project=se.project.name, column="资金结(转)余"), "资金管理",
                          expected=_fmt(expected), actual=_fmt(line.carryover),
                          difference=_fmt(line.carryover - expected))


def _misplaced(se: SelfEvaluation) -> str | None:
    if se.misplaced:
        return None
    return "预算执行情况表中没有格子少于表头列数、按次序摆放又处处矛盾的行"


@rule("selfeval.row_placement", "资金行印出的格子少于表头列数，按次序摆放的每一种读法都与本行的关系矛盾", Tier.WARNING,
      "预算执行", "SPEC §1.3 S1", "self_evaluation", applies=_misplaced)
def row_placement(se: SelfEvaluation, ctx: Context) -> Iterator[Finding]:
    """一行一格的自评表中，资金行印出的数字少于表头的列数（空格被略去）时，数字按原次序逐一试放到表头各列（百分数只在执行率列，
    印出的执行率需有执行数和预算数）。每一种可行的摆放都与本行自身的关系矛盾（执行率 = 执行数 ÷ 预算数，得分不超过分值）时为
    疑似：无论各数字在哪一列，此行总有一处与其他格矛盾，但错在哪一格随摆放而不同，依据的是“数字按表头次序填列、略去的是空格”
    的惯例，不判确定。此行本身不读取、不计分（列在“未读取或未核对的内容”中）。"""
    for row in se.misplaced:
        said = "；".join(f"读作{reading}，则{'，'.join(faults)}" for reading, faults in row.placements)
        yield Finding("selfeval.row_placement", Tier.WARNING,
                      f"“{row.label}”一行只印出 {len(row.figures)} 个数字（{' '.join(row.figures)}），表头有 {row.columns} 列；"
                      f"按次序摆放到各列共 {len(row.placements)} 种读法，每一种都有矛盾（{said}），疑似有数字填错格"
                      "（依据：数字按表头次序填列、略去的是空格）", row.location, "预算执行",
                      actual=" ".join(row.figures))


@rule("selfeval.cost_under_benefit", "二级指标与所在一级指标单元格不符（版式）", Tier.NOTICE, "自评报告", "SPEC §1.7",
      "self_evaluation", applies=inputs.indicators)
def cost_under_benefit(se: SelfEvaluation, ctx: Context) -> Iterator[Finding]:
    """二级指标名称决定指标所属的一级指标：“成本指标”印在合并的“效益指标”单元格下时，按产出指标计入分值和得分，
    并提示版式问题（提示：不影响计分）。"""
    for ind in se.indicators:
        printed, belongs = level1_block(ind.level1), block_of(ind)
        if printed is not None and belongs is not None and printed != belongs:
            yield Finding("selfeval.cost_under_benefit", Tier.NOTICE,
                          f"指标“{ind.name}”的二级指标为“{ind.level2}”，却印在“{ind.level1}”单元格下；已按{BLOCK_NAMES[belongs]}计入",
                          ind.location.with_(project=se.project.name, column="一级指标"), "版式",
                          expected=BLOCK_NAMES[belongs], actual=ind.level1)
