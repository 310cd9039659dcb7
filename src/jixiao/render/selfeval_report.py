"""项目支出绩效自评分析报告 (SPEC §2.3) for one project, from its scored self-evaluation.

Every score, rate, total and grade is the one jixiao computed; what the unit reported stands beside it (单位自评分)
and each difference is listed in the closing 计分核定说明. The tables keep the column words jixiao's own reader
knows, so the released report reads back and re-scores to the same totals (the release gate checks this).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from jixiao.core.finding import Finding
from jixiao.core.model import SelfEvaluation
from jixiao.core.money import WAN, format_number
from jixiao.core.profile import Profile
from jixiao.ingest.pipeline import Document
from jixiao.render import charts
from jixiao.render.blocks import Block, Grid, Heading, Image, Para, renumber
from jixiao.render.gate import Verify, placeholders, readback_error
from jixiao.render.numbers import percent, two, yuan
from jixiao.scoring.selfeval import (
    BLOCK_NAMES,
    IndicatorScore,
    SelfEvaluationScore,
    block_of,
    execution_points,
    score_self_evaluation,
)

ZERO = Decimal(0)
TITLE = "项目支出绩效自评分析报告"
MISSING = "（未填报）"
# (一级 block as printed in the text, the word that marks its rows) — the audit groups rows the same way.
SECTION_OF = {"产出指标": "4. 产出情况及分析", "效益指标": "5. 效益情况及分析", "满意度指标": "6. 满意度情况及分析"}


@dataclass(frozen=True)
class BlockResult:
    """One 一级 block: its full marks (Σ weights), the computed score and 得分率."""

    name: str
    full_marks: Decimal
    score: Decimal
    rate: Decimal | None
    rows: tuple[IndicatorScore, ...]


def block_results(result: SelfEvaluationScore) -> list[BlockResult]:
    """产出/效益/满意度 blocks present in the indicator table, with 得分率 = 得分 ÷ 满分 × 100. Each row counts in
    the block its 二级 name says (a 成本指标 printed under 效益指标 is an output), as reading back counts it."""
    found = []
    for key, name in BLOCK_NAMES.items():
        rows = tuple(s for s in result.indicators if block_of(s.indicator) == key)
        if not rows:
            continue
        full = sum((s.indicator.weight or ZERO for s in rows), ZERO)
        score = sum((s.counted for s in rows), ZERO)
        found.append(BlockResult(name, full, score, percent(score, full), rows))
    return found


NOT_COMPUTED = "无法计算"


def _total(result: SelfEvaluationScore) -> str:
    """The computed total with two decimals, or 无法计算 when a part it adds was not read (result.total_gap)."""
    return NOT_COMPUTED if result.total is None else two(result.total)


def _party(code: str, name: str) -> str:
    return f"{code}-{name}" if code else name


def _budget_table(result: SelfEvaluationScore, profile: Profile) -> Grid:
    se = result.evaluation
    rows: list[tuple[str, ...]] = [("资金来源", "年初预算数(元)", "全年预算数(元)", "全年执行数(元)", "资金结(转)余(元)",
                                    "执行率(%)", "分值", "得分", "偏差原因")]
    rate = "—" if result.execution_rate is None else two(result.execution_rate)
    total = se.budget_total
    initial = total.initial if total is not None else None
    lines = [line for line in se.budget_lines if not line.is_total]
    if total is None and lines:
        initial = sum((line.initial or ZERO for line in lines), ZERO) if any(line.initial for line in lines) else None
    carry = (result.adjusted_budget - result.executed
             if result.adjusted_budget is not None and result.executed is not None else None)
    rows.append(("合计", yuan(initial), yuan(result.adjusted_budget), yuan(result.executed), yuan(carry), rate,
                 format_number(execution_points(se, profile).points), two(result.execution_score),
                 total.deviation_reason if total is not None else ""))
    for line in lines:
        carry = line.adjusted - line.executed if line.adjusted is not None and line.executed is not None else None
        rows.append((line.source, yuan(line.initial), yuan(line.adjusted), yuan(line.executed), yuan(carry), "", "", "",
                     line.deviation_reason or "无"))
    return Grid(tuple(rows), "预算执行情况")


def _indicator_table(result: SelfEvaluationScore) -> Grid:
    rows: list[tuple[str, ...]] = [("一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值", "实际完成值",
                                    "定性值情况说明", "权重", "单位自评分", "核定得分", "偏差原因分析及改进措施")]
    for scored in result.indicators:
        ind = scored.indicator
        actual = ind.actual.raw.strip() if ind.actual is not None and not ind.actual.is_empty else MISSING
        rows.append((ind.level1, ind.level2, ind.name,
                     ind.initial_target.raw.strip() if ind.initial_target else "",
                     ind.adjusted_target.raw.strip() if ind.adjusted_target else "",
                     actual, ind.qualitative_note, format_number(ind.weight), format_number(ind.reported_score), format_number(scored.counted),
                     ind.deviation_reason))
    return Grid(tuple(rows), "绩效指标完成情况")


def _comparison(result: SelfEvaluationScore) -> Grid:
    rep = result.evaluation.reported

    def diff(reported: Decimal | None, computed: Decimal | None) -> str:
        return "" if reported is None or computed is None else format_number(computed - reported)

    return Grid((
        ("对比项", "单位自评", "核定结果", "差异"),
        ("预算执行情况得分", format_number(rep.execution_score), two(result.execution_score),
         diff(rep.execution_score, result.execution_score)),
        ("指标完成情况得分", format_number(rep.indicator_score), two(result.indicator_score),
         diff(rep.indicator_score, result.indicator_score)),
        ("总分", format_number(rep.total), _total(result), diff(rep.total, result.total)),
        ("等级", rep.grade or "", result.grade or NOT_COMPUTED,
         "" if not rep.grade or not result.grade or rep.grade == result.grade else "不一致"),
    ), "自评与核定对比")


def _execution_chart(result: SelfEvaluationScore) -> Image | None:
    lines = [line for line in result.evaluation.budget_lines if not line.is_total and line.adjusted is not None]
    if not lines:
        return None
    png = charts.bar_chart([line.source for line in lines], {
        "全年预算数": [float((line.adjusted or ZERO) / WAN) for line in lines],
        "全年执行数": [float((line.executed or ZERO) / WAN) for line in lines],
    }, "预算执行情况（按资金来源）", "万元")
    return Image(png, "图1 预算执行情况（按资金来源，万元）", 14) if png else None


def _score_chart(result: SelfEvaluationScore, blocks: list[BlockResult], profile: Profile) -> Image | None:
    names = ["预算执行", *(b.name for b in blocks)]
    png = charts.bar_chart(names, {
        "满分": [float(execution_points(result.evaluation, profile).points), *(float(b.full_marks) for b in blocks)],
        "核定得分": [float(result.execution_score), *(float(b.score) for b in blocks)],
    }, "各部分得分", "分")
    return Image(png, "图2 各部分满分与核定得分", 14) if png else None


def _block_analysis(block: BlockResult) -> list[Block]:
    rate = "—" if block.rate is None else f"{two(block.rate)}%"
    out: list[Block] = [Heading(SECTION_OF[block.name], 4),
                        Para(f"从综合评价得分情况看，{block.name}满分 {format_number(block.full_marks)} 分，评价得分 "
                             f"{format_number(block.score)} 分，得分率 {rate}。")]
    lost = [s for s in block.rows if s.indicator.weight is not None and s.counted < s.indicator.weight]
    if not lost:
        out.append(Para(f"{block.name}各项均得满分。"))
    for s in lost:
        ind = s.indicator
        actual = ind.actual.raw.strip() if ind.actual is not None and not ind.actual.is_empty else "未填报"
        target = ind.target.raw.strip() if ind.target is not None else "未填报"
        reason = f"偏差原因：{ind.deviation_reason}" if ind.deviation_reason else "单位未填写偏差原因"
        out.append(Para(f"“{ind.name}”目标 {target}，实际完成 {actual}，分值 {format_number(ind.weight)} 分，核定得分 "
                        f"{format_number(s.counted)} 分（{s.method}），{reason}。"))
    return out


@dataclass(frozen=True)
class UnitText:
    """What the unit wrote and the approval that are not part of the scored table: each sentence built from one
    of them is left out while it is empty."""

    experience: str = ""  # 主要经验做法
    approved_budget: Decimal | None = None  # 批复金额 = 全年预算数 − 审减


def _goal_sections(se: SelfEvaluation) -> list[Block]:
    parts = [("实施期绩效目标", se.goal.period_text), ("年度目标", se.goal.annual_text)]
    numbers = "一二三"
    out: list[Block] = [Heading("（一）项目概况", 3)]
    for n, (name, text) in enumerate(((name, text) for name, text in parts if text.strip()), start=2):
        out += [Heading(f"（{numbers[n - 1]}）{name}", 3), Para(text.strip())]
    return out


def _problems(result: SelfEvaluationScore) -> list[Block]:
    """存在问题及原因: every indicator that lost points (with its reason, or saying there is none) and every other
    reason the unit gave; when no indicator lost points and none has a reason, the section says so."""
    lines = []
    for s in result.indicators:
        ind = s.indicator
        lost = ind.weight is not None and s.counted < ind.weight
        if ind.deviation_reason:
            lines.append(Para(f"“{ind.name}”：{ind.deviation_reason}。"))
        elif lost:
            lines.append(Para(f"“{ind.name}”未得满分，单位未填写偏差原因。"))
    return lines or [Para("各项指标均得满分，单位未说明偏差。")]


def build(result: SelfEvaluationScore, profile: Profile, with_charts: bool = True,
          unit_text: UnitText = UnitText()) -> list[Block]:
    """All blocks of the report, in the SPEC §2.3 order, then the 计分核定说明. Every sentence is built from a
    field; a section whose field is empty is left out (never a slot for someone to fill)."""
    se: SelfEvaluation = result.evaluation
    project = se.project
    blocks: list[Block] = [Heading(TITLE, 1)]
    if se.year:
        blocks.append(Para(f"（{se.year}年度）"))
    blocks.append(Para(f"项目名称：{project.name}"))
    if project.unit is not None:
        blocks.append(Para(f"项目单位：{_party(project.unit.code, project.unit.name)}"))
    if project.department is not None:
        blocks.append(Para(f"主管部门：{_party(project.department.code, project.department.name)}"))

    rate_text = "无法计算（全年预算数为0）" if result.execution_rate is None else f"{two(result.execution_rate)}%"
    approved = unit_text.approved_budget
    approval = "" if approved is None or result.adjusted_budget is None else (
        f"批复金额 {yuan(approved) or '0.00'} 元（审减 {yuan(result.adjusted_budget - approved) or '0.00'} 元），")
    goal = _goal_sections(se)
    blocks += [
        Heading("一、项目基本情况", 2), goal[0],
        Para(f"{project.name}全年预算数 {yuan(result.adjusted_budget) or '0.00'} 元，{approval}全年执行数 "
             f"{yuan(result.executed) or '0.00'} 元，预算执行率 {rate_text}。"),
        *goal[1:],
        Heading("二、项目绩效完成情况", 2), Heading("（一）预算执行情况", 3), _budget_table(result, profile),
        Heading("（二）绩效指标完成情况", 3), _indicator_table(result),
    ]
    blocks_found = block_results(result)
    weight = execution_points(se, profile).points
    statement = se.reported.goal_statement.strip()
    blocks += [
        Heading("三、项目自评结果", 2), Heading("1. 项目自评得分和结论", 4),
        Para(f"按计分规则核定，预算执行情况得分 {two(result.execution_score)} 分，指标完成情况得分 "
             f"{two(result.indicator_score)} 分，{project.name}项目绩效自评价结果为：总得分 {two(result.total)} 分，"
             f"属于“{result.grade}”。" if result.total is not None else
             f"{project.name}项目{result.total_gap}。"),
        _comparison(result),
        *([Heading("2. 全年目标实际完成情况", 4), Para(statement)] if statement else []),
        Heading(f"{3 if statement else 2}. 预算执行情况分析", 4),
        Para(f"全年预算数 {yuan(result.adjusted_budget) or '0.00'} 元，全年执行数 {yuan(result.executed) or '0.00'} 元，"
             f"预算执行率 {rate_text}，预算执行情况得分 {two(result.execution_score)} 分（分值 {format_number(weight)} 分）。"),
    ]
    if with_charts and (chart := _execution_chart(result)) is not None:
        blocks.append(chart)
    for block in blocks_found:
        blocks += _block_analysis(block)
    if with_charts and blocks_found and (chart := _score_chart(result, blocks_found, profile)) is not None:
        blocks.append(chart)

    action = profile.results.actions.get(result.grade or "", "")
    cut = profile.results.max_cut_pct.get(result.grade or "", ZERO)
    experience = unit_text.experience.strip()
    blocks += [
        *([Heading("四、主要经验做法", 2), Para(experience)] if experience else []),
        Heading("五、存在问题及原因", 2), *_problems(result),
        Heading("六、改进措施及建议", 2),
        Para(f"按结果应用规则，自评等级为“{result.grade}”的项目，下年度预算处理为“{action}”"
             + (f"，扣减比例不高于{format_number(cut)}%。" if 0 < cut < 100 else "。") if result.grade else
             "自评等级无法计算，下年度预算处理未按结果应用规则确定。"),
        Heading("附：计分核定说明", 2),
    ]
    deviations = list(result.deviations)
    if deviations:
        blocks.append(Para(f"按计分规则核定，单位自评有 {len(deviations)} 处与规则不符或需说明，列示如下。"))
        blocks.append(Grid((("序号", "等级", "说明", "规则"),
                            *((str(n), f.tier.label, f.message, f.rule) for n, f in enumerate(deviations, start=1))),
                           "计分核定说明"))
    else:
        blocks.append(Para("单位自评与计分规则一致，无须说明。"))
    return renumber(blocks)


def file_stem(se: SelfEvaluation) -> str:
    """A file name for the report: the project name, made safe for any file system."""
    safe = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in se.project.name).strip() or "未命名项目"
    return f"{safe}_{TITLE}"


def rescored(expected: SelfEvaluationScore, profile: Profile) -> Verify:
    """A gate check: the released report holds one self-evaluation that re-scores to the computed totals, and no
    slot left for someone to fill."""

    def verify(doc: Document) -> list[Finding]:
        found = doc.self_evaluations
        if len(found) != 1:
            return [readback_error(f"应读出 1 份自评报告，读出 {len(found)} 份", Path(doc.path))]
        again = score_self_evaluation(found[0], profile)
        pairs = [("项目名称", expected.evaluation.project.name, found[0].project.name),
                 ("预算执行情况得分", two(expected.execution_score), two(again.execution_score)),
                 ("指标完成情况得分", two(expected.indicator_score), two(again.indicator_score)),
                 ("总分", _total(expected), _total(again)),
                 ("等级", expected.grade or NOT_COMPUTED, again.grade or NOT_COMPUTED)]
        return [readback_error(f"{what}生成为“{want}”，读回重算为“{got}”", Path(doc.path))
                for what, want, got in pairs if want != got] + placeholders(doc)

    return verify
