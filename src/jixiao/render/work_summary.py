"""预算绩效管理工作开展情况的说明 (seed 003 form) for a jurisdiction and year, written from WorkSummaryFacts.

Every count, sum, average, band, grade count and 审减率 is derived from the records (jixiao.core.work_summary).
Sentences follow the shapes jixiao's prose audit checks (申报 … 建议安排 … 审减 … 审减率; 一审 bands adding up to
the 项目支出绩效目标 total; grade counts adding up to the number evaluated), so the released text is re-checked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from jixiao.core.finding import Finding
from jixiao.core.money import WAN, format_number, round_half_up
from jixiao.core.profile import Profile
from jixiao.core.work_summary import (
    GRADES,
    EvaluationScope,
    MonitoringAction,
    WorkSummaryFacts,
    average,
    cut_of,
    grade_counts,
    monitoring_totals,
    round_scores,
    rounds,
)
from jixiao.ingest.pipeline import Document
from jixiao.render import charts
from jixiao.render.blocks import Block, Grid, Heading, Image, Para, renumber
from jixiao.render.gate import Verify, placeholders, readback_error
from jixiao.render.numbers import two, wan
from jixiao.scoring.exante import Conclusion, conclusion_for
from jixiao.scoring.results import budget_suggestion
from jixiao.scoring.review import ScoreBand, score_bands

ZERO = Decimal(0)
ROUND_NAMES = ("一审", "二审", "三审")


def title(facts: WorkSummaryFacts) -> str:
    return f"{facts.year}年{facts.jurisdiction}预算绩效管理工作开展情况的说明"


def _band_counts(scores: Iterable[Decimal], bands: Sequence[ScoreBand]) -> list[int]:
    listed = list(scores)
    return [sum(1 for s in listed if band.contains(s)) for band in bands]


def _band_label(band: ScoreBand) -> str:
    """Seed-003 wording: '90分（含90分）以上', '80分（含80分）至90分以下', '70分以下'."""
    if band.high is None:
        return f"{format_number(band.low)}分（含{format_number(band.low)}分）以上"
    if band.low is None:
        return f"{format_number(band.high)}分以下"
    return f"{format_number(band.low)}分（含{format_number(band.low)}分）至{format_number(band.high)}分以下"


def _grades_clause(counts: dict[str, int], word: str = "评级为") -> str:
    return "，".join(f"{counts[g]}个{word}{g}" for g in GRADES)


def _rate(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{two(rate)}%"


def _ex_ante(facts: WorkSummaryFacts, profile: Profile) -> list[Block]:
    records = facts.ex_ante
    out: list[Block] = [Heading("二、事前绩效评估", 2)]
    if not records:
        return [*out, Para("本年度未开展事前绩效评估。")]
    units = len({r.unit for r in records})
    mean = average([r.score for r in records])
    assert mean is not None
    cut = cut_of(records)
    conclusions = Counter(conclusion_for(r.score, profile.exante) for r in records)
    counts = grade_counts((r.score for r in records), profile.grades)
    out += [
        Para(f"选取{units}家单位的{len(records)}个项目开展事前绩效评估，项目总投资"
             f"{wan(sum((r.investment for r in records), ZERO))}万元。"),
        Para(f"上述项目预算申报金额{wan(cut.requested)}万元，经评估建议安排{wan(cut.approved)}万元，"
             f"审减{wan(cut.amount)}万元，审减率{_rate(cut.rate)}。"),
        Para(f"经评估，项目平均得分{two(mean)}分，综合评价等级为“{profile.grades.grade(mean)}”；"
             f"{len(records)}个项目，{_grades_clause(counts, '评价等级为')}。"),
        Para("评估结论：" + "，".join(f"{c.label}{conclusions.get(c, 0)}个" for c in Conclusion) + "。"),
    ]
    return out


def _goal_review(facts: WorkSummaryFacts, profile: Profile, with_charts: bool) -> list[Block]:
    out: list[Block] = [Heading("三、绩效目标管理", 2)]
    if facts.basic_requests:
        cut = cut_of(facts.basic_requests)
        out.append(Para(f"{len(facts.basic_requests)}家预算部门（单位）申报基本支出预算{wan(cut.requested)}万元，"
                        f"绩效评审建议安排{wan(cut.approved)}万元，审减{wan(cut.amount)}万元，审减率{_rate(cut.rate)}。"))
    reviews = facts.goal_reviews
    if reviews:
        cut = cut_of(reviews)
        out.append(Para(f"申报{len(reviews)}个项目支出预算{wan(cut.requested)}万元，绩效评审建议安排"
                        f"{wan(cut.approved)}万元，审减金额{wan(cut.amount)}万元，审减率{_rate(cut.rate)}。"))
    if facts.department_goals:
        bands = score_bands(profile.review)
        top = _band_counts((d.score for d in facts.department_goals), bands)[0]
        out.append(Para(f"部门整体支出绩效目标共计{len(facts.department_goals)}个，评分达{_band_label(bands[0])}的部门共"
                        f"{top}个。"))
    if reviews:
        bands = score_bands(profile.review)
        clauses = []
        per_round: list[list[int]] = []
        for index in range(min(rounds(reviews), len(ROUND_NAMES))):
            counts = _band_counts(round_scores(reviews, index), bands)
            per_round.append(counts)
            parts = "；".join(f"{_band_label(b)}的项目共计{n}个" for b, n in zip(bands, counts, strict=True))
            clauses.append(f"{ROUND_NAMES[index]}审核{len(round_scores(reviews, index))}个项目，评分{parts}")
        out.append(Para(f"项目支出绩效目标共计{len(reviews)}个。" + "。".join(clauses) + "。"))
        if with_charts:
            png = charts.bar_chart([_band_label(b).replace("（含", "\n（含") for b in bands],
                                   {ROUND_NAMES[i]: counts for i, counts in enumerate(per_round)},
                                   "项目支出绩效目标审核评分分布", "个")
            if png:
                out.append(Image(png, "图1 项目支出绩效目标审核评分分布（个）", 14))
    if len(out) == 1:
        out.append(Para("本年度无绩效目标审核记录。"))
    return out


def _monitoring(facts: WorkSummaryFacts) -> list[Block]:
    out: list[Block] = [Heading("四、运行监控", 2)]
    totals = monitoring_totals(facts.monitoring)
    if not facts.monitoring:
        return [*out, Para("本年度运行监控未发现须纠偏的项目。")]
    parts = [f"{action.label}额度{wan(amount)}万元（{count}个项目）" for action, (count, amount) in totals.items()
             if count]
    projects = len({(r.unit, r.project) for r in facts.monitoring})
    out += [Para(f"对绩效目标实现程度和预算执行进度实行“双监控”，对{projects}个项目实施纠偏：" + "，".join(parts) + "。"),
            Grid((("纠偏方式", "项目个数", "金额（万元）"),
                  *((a.label, str(c), wan(m)) for a, (c, m) in totals.items()),
                  ("合计", str(len(facts.monitoring)), wan(sum((m for _, m in totals.values()), ZERO)))), "运行监控")]
    return out


def _evaluations(facts: WorkSummaryFacts, profile: Profile, with_charts: bool) -> list[Block]:
    out: list[Block] = [Heading("五、绩效评价", 2)]
    if facts.self_evaluations:
        counts = grade_counts((s.score for s in facts.self_evaluations), profile.grades)
        out.append(Para(f"组织{len(facts.self_evaluations)}个项目开展绩效自评，涉及资金"
                        f"{wan(sum((s.amount for s in facts.self_evaluations), ZERO))}万元；自评结果为："
                        + "，".join(f"{counts[g]}个项目自评等级为“{g}”" for g in GRADES) + "。"))
    records = facts.evaluations
    if not records:
        return [*out, Para("本年度未开展财政重点评价。")]
    departments = [r for r in records if r.scope is EvaluationScope.DEPARTMENT]
    projects = [r for r in records if r.scope is EvaluationScope.PROJECT]
    scope = "以及".join(part for part in (f"{len(departments)}个部门整体" if departments else "",
                                           f"{len(projects)}个项目" if projects else "") if part)
    out.append(Para(f"选取{scope}开展财政重点评价，评价金额共计{wan(sum((r.amount for r in records), ZERO))}万元。"))
    results = []
    if departments:
        results.append(f"{len(departments)}个部门整体绩效，"
                       f"{_grades_clause(grade_counts((r.score for r in departments), profile.grades))}")
    if projects:
        mean = average([r.score for r in projects])
        results.append(f"{len(projects)}个项目绩效，{_grades_clause(grade_counts((r.score for r in projects), profile.grades))}"
                       f"，平均得分{two(mean or ZERO)}分")
    out.append(Para("经评价，" + "；".join(results) + "。"))
    if with_charts:
        counts = grade_counts((r.score for r in records), profile.grades)
        png = charts.pie_chart(list(GRADES), [counts[g] for g in GRADES], "财政重点评价等级分布")
        if png:
            out.append(Image(png, "图2 财政重点评价等级分布（个）", 10))
    return out


def _application(facts: WorkSummaryFacts, profile: Profile, with_charts: bool) -> list[Block]:
    out: list[Block] = [Heading("六、结果应用", 2)]
    parts = []
    for grade in GRADES:
        mine = [r for r in facts.evaluations if profile.grades.grade(round_half_up(r.score)) == grade]
        if not mine:
            continue
        amount = sum((r.amount for r in mine), ZERO)
        app = budget_suggestion(grade, amount, profile)  # the same rule as a single project's suggestion
        text = f"评级为{grade}的{len(mine)}个（评价金额{wan(amount)}万元）{app.action}"
        if app.max_cut_pct is not None and 0 < app.max_cut_pct < 100 and app.max_cut is not None:
            text += f"，扣减不高于{format_number(app.max_cut_pct)}%，最多扣减{wan(app.max_cut)}万元"
        parts.append(text)
    if parts:
        out.append(Para("下一年度预算安排时，" + "；".join(parts) + "。"))
    out.append(Para(f"评价结果反馈被评价部门（单位），要求在收到评价报告{profile.results.rectification_months}个月内"
                    "反馈整改情况。"))
    cuts = [("事前评估审减", cut_of(facts.ex_ante).amount), ("基本支出审减", cut_of(facts.basic_requests).amount),
            ("项目支出审减", cut_of(facts.goal_reviews).amount)]
    totals = monitoring_totals(facts.monitoring)
    cuts += [(a.label, m) for a, (_, m) in totals.items() if a is not MonitoringAction.PAYMENT_HOLD]
    total = sum((m for _, m in cuts), ZERO)
    out.append(Para(f"全年通过事前评估、目标审核和运行监控压减预算{wan(total)}万元，其中："
                    + "，".join(f"{name}{wan(m)}万元" for name, m in cuts) + "。"))
    if with_charts:
        png = charts.bar_chart([name for name, _ in cuts], {"金额": [float(m / WAN) for _, m in cuts]},
                               "各环节压减预算金额", "万元")
        if png:
            out.append(Image(png, "图3 各环节压减预算金额（万元）", 14))
    return out


def build(facts: WorkSummaryFacts, profile: Profile, with_charts: bool = True) -> list[Block]:
    blocks: list[Block] = [Heading(title(facts), 1),
                           Para(f"现将{facts.jurisdiction}{facts.year}年预算绩效管理工作开展情况说明如下。"),
                           *([Heading("一、基础工作", 2), Para(facts.groundwork.strip())]
                             if facts.groundwork.strip() else [])]
    blocks += _ex_ante(facts, profile)
    blocks += _goal_review(facts, profile, with_charts)
    blocks += _monitoring(facts)
    blocks += _evaluations(facts, profile, with_charts)
    blocks += _application(facts, profile, with_charts)
    return renumber(blocks)


def file_stem(facts: WorkSummaryFacts) -> str:
    safe = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in facts.jurisdiction).strip() or "未命名"
    return f"{facts.year}年{safe}预算绩效管理工作开展情况"


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def states_every_paragraph(blocks: list[Block], year: int) -> Verify:
    """A gate check: the document reads back as a work summary of `year` holding every generated sentence."""
    paragraphs = [_compact(b.text) for b in blocks if isinstance(b, Para)]

    def verify(doc: Document) -> list[Finding]:
        where = Path(doc.path)
        found = []
        if doc.year != year:
            found.append(readback_error(f"年度生成为 {year}，读回为 {doc.year}", where))
        text = _compact("".join(p.clean for p in doc.source.paragraphs()))
        found += [readback_error(f"缺少段落“{p[:40]}…”", where) for p in paragraphs if p not in text]
        return found + placeholders(doc)

    return verify
