"""绩效评价报告 (SPEC §2.2) from a 部门/财政评价: the scoring table with the evaluation group, the conclusion and
grade, the analysis by 决策/过程/产出/效益, and the 问题清单 as an attachment.

Parent weights, the total, the grade, 得分率, 资金到位率 and 预算执行率 are computed from the rows (SPEC §1.9: a
printed parent weight is never trusted). A 效益/满意度 row printed under 产出 is placed under 效益.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from jixiao.core.finding import Finding
from jixiao.core.model import KeyEvaluation, KeyIndicator, ListedProblem
from jixiao.core.money import format_number, yuan_to_wan
from jixiao.core.profile import Profile
from jixiao.ingest.pipeline import Document
from jixiao.render import charts
from jixiao.render.blocks import Block, Grid, Heading, Image, Para
from jixiao.render.findings import LIST_CATEGORIES
from jixiao.render.gate import Verify, placeholders, readback_error
from jixiao.render.numbers import percent, two, wan
from jixiao.scoring.keyeval import LEVEL1, block_of, funds_rate

ZERO = Decimal(0)
EXPERIENCE_SLOT = "【请评价组填写主要经验及做法】"
ADVICE_SLOT = "【请评价组填写有关建议】"
ANALYSIS = {"决策": "（一）项目决策情况分析", "过程": "（二）项目过程情况分析", "产出": "（三）项目产出情况分析",
            "效益": "（四）项目效益情况分析"}


@dataclass(frozen=True)
class Framework:
    """The scoring table regrouped: rows by 一级 block, 二级 groups with their computed weights, the totals."""

    rows: tuple[KeyIndicator, ...]  # in block order, each with level1 = its block
    blocks: dict[str, tuple[Decimal, Decimal]]  # block → (weight, score)
    total_weight: Decimal
    total: Decimal
    grade: str


def framework(ke: KeyEvaluation, profile: Profile) -> Framework:
    """The evaluation's rows under their computed blocks, with Σ weights, Σ scores and the grade."""
    order = {name: i for i, name in enumerate(LEVEL1)}
    indexed = sorted(enumerate(ke.indicators), key=lambda p: (order.get(block_of(p[1]), len(order)), p[0]))
    rows = tuple(KeyIndicator(block_of(ind), ind.level2, ind.name, ind.weight, ind.score,
                              level2_group=ind.level2_group) for _, ind in indexed)
    blocks: dict[str, tuple[Decimal, Decimal]] = {}
    for ind in rows:
        weight, score = blocks.get(ind.level1, (ZERO, ZERO))
        blocks[ind.level1] = (weight + (ind.weight or ZERO), score + (ind.score or ZERO))
    total_weight = sum((w for w, _ in blocks.values()), ZERO)
    total = sum((s for _, s in blocks.values()), ZERO)
    return Framework(rows, blocks, total_weight, total, profile.grades.grade(total))


def _groups(rows: tuple[KeyIndicator, ...]) -> list[list[KeyIndicator]]:
    """Consecutive rows of one block and one printed 二级 cell."""
    groups: list[list[KeyIndicator]] = []
    for ind in rows:
        last = groups[-1][-1] if groups else None
        if last is not None and last.level1 == ind.level1 and last.level2_group == ind.level2_group:
            groups[-1].append(ind)
        else:
            groups.append([ind])
    return groups


def _scoring_table(fw: Framework) -> Grid:
    rows: list[tuple[str, ...]] = [("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分")]
    seen: set[str] = set()
    for group in _groups(fw.rows):
        level1 = group[0].level1
        first = level1 not in seen
        seen.add(level1)
        group_weight = sum((i.weight or ZERO for i in group), ZERO)
        for n, ind in enumerate(group):
            rows.append((level1 if first and n == 0 else "", format_number(fw.blocks[level1][0]) if first and n == 0 else "",
                         ind.level2 if n == 0 else "", format_number(group_weight) if n == 0 else "",
                         ind.name, format_number(ind.weight), format_number(ind.score)))
    rows.append(("总分", format_number(fw.total_weight), "", format_number(fw.total_weight), "", format_number(fw.total_weight),
                 format_number(fw.total)))
    rows.append(("评价等次", fw.grade, "", "", "", "", ""))
    return Grid(tuple(rows), "评分表")


def _rate_text(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{two(rate * 100)}%"


def _funds(ke: KeyEvaluation) -> list[Block]:
    received_rate, spent_rate = funds_rate(ke.received, ke.budget), funds_rate(ke.spent, ke.received)
    if ke.budget is None:
        return [Para("评价资料未载明项目预算数。")]
    received, spent = ke.received or ZERO, ke.spent or ZERO
    return [
        Grid((("项目资金（万元）", "年初预算数", "实际到位数", "实际支出数", "资金到位率", "预算执行率"),
              ("合计", wan(ke.budget), wan(received), wan(spent), _rate_text(received_rate), _rate_text(spent_rate))),
             "项目资金"),
        Para(f"项目年初预算数 {wan(ke.budget)} 万元，实际到位 {wan(received)} 万元，实际支出 {wan(spent)} 万元；"
             f"资金到位率（实际到位 ÷ 预算）为 {_rate_text(received_rate)}，预算执行率（实际支出 ÷ 实际到位）为 "
             f"{_rate_text(spent_rate)}。"),
    ]


def _analysis(fw: Framework) -> list[Block]:
    out: list[Block] = [Heading("四、绩效评价指标分析", 2)]
    for block in LEVEL1:
        if block not in fw.blocks:
            continue
        weight, score = fw.blocks[block]
        rate = percent(score, weight)
        out += [Heading(ANALYSIS[block], 3),
                Para(f"{block}类指标分值 {format_number(weight)} 分，得分 {format_number(score)} 分，得分率 "
                     f"{'—' if rate is None else two(rate) + '%'}。")]
        lost = [i for i in fw.rows if i.level1 == block and i.weight is not None and (i.score or ZERO) < i.weight]
        if not lost:
            out.append(Para(f"{block}类各项指标均得满分。"))
        for ind in lost:
            out.append(Para(f"“{ind.name}”分值 {format_number(ind.weight)} 分，得 {format_number(ind.score or ZERO)} 分，"
                            f"扣 {format_number((ind.weight or ZERO) - (ind.score or ZERO))} 分。"))
    return out


def problems_of(ke: KeyEvaluation) -> list[ListedProblem]:
    """The listed problems, plus the problem stated in the table's 问题和建议 cell when the list lacks it."""
    found = list(ke.problems)
    match = re.search(r"问题[：:]\s*(.+?)(?:\s*建议[：:]|$)", ke.suggestion)
    if match and match.group(1).strip() not in {p.description for p in found}:
        found.append(ListedProblem("其他", match.group(1).strip()))
    return found


def _suggestion(ke: KeyEvaluation) -> str:
    match = re.search(r"建议[：:]\s*(.+)$", ke.suggestion)
    return match.group(1).strip() if match else ""


def _problem_list(ke: KeyEvaluation, problems: list[ListedProblem]) -> Grid:
    rows: list[tuple[str, ...]] = [("问题分类", "序号", "责任单位", "问题描述")]
    for category in LIST_CATEGORIES:
        mine = [p for p in problems if p.category == category or (
            category == "其他" and p.category not in LIST_CATEGORIES)]
        label = "其他问题" if category == "其他" else f"{category}存在的问题"
        if not mine:
            rows.append((label, "1", "", "无"))
        for n, problem in enumerate(mine, start=1):
            rows.append((label if n == 1 else "", str(n), problem.responsible or ke.unit, problem.description))
    return Grid(tuple(rows), "问题清单")


def _score_chart(fw: Framework) -> Image | None:
    names = [b for b in LEVEL1 if b in fw.blocks]
    png = charts.bar_chart(names, {"分值": [float(fw.blocks[b][0]) for b in names],
                                   "得分": [float(fw.blocks[b][1]) for b in names]}, "各类指标得分", "分")
    return Image(png, "图1 决策、过程、产出、效益指标得分", 14) if png else None


def title(ke: KeyEvaluation) -> str:
    return f"{ke.project}绩效评价报告"


def _written(text: str, slot: str, what: str, ask: bool) -> str:
    """The evaluation group's own text; when it wrote none, a slot the gate blocks (`ask`: the group has a field
    to fill) or, for a report read from a document, that the document does not state it."""
    return text.strip() or (slot if ask else f"评价资料未载明{what}。")


def build(ke: KeyEvaluation, year: int | None, profile: Profile, with_charts: bool = True,
          ask: bool = False) -> list[Block]:
    """All blocks of the report in the SPEC §2.2 order, then 附件1 评分表 and 附件2 问题清单. `ask`: text the
    evaluation group has not written yet becomes a slot that keeps the report from release."""
    fw = framework(ke, profile)
    g = profile.grades
    problems = problems_of(ke)
    period = f"{year}年度" if year else "评价年度"
    blocks: list[Block] = [Heading(title(ke), 1)]
    if year:
        blocks.append(Para(f"（{year}年度）"))
    blocks += [
        Heading("一、基本情况", 2), Heading("（一）项目概况", 3),
        Grid((("项目名称", ke.project), ("主管部门", ke.department or "—"), ("项目实施单位", ke.unit or "—")), "项目概况",
             header=0),
        *_funds(ke),
        Heading("（二）项目绩效目标", 3),
        Para(f"预期目标：{ke.goal_text or '评价资料未载明'}"),
        Para(f"实际完成情况：{ke.achieved_text or '评价资料未载明'}"),
        Heading("二、绩效评价工作开展情况", 2), Heading("（一）评价目的、对象和范围", 3),
        Para(f"本次评价对象为{ke.project}，评价范围为{period}项目资金使用的决策、过程、产出和效益。"),
        Heading("（二）评价指标体系、评价方法和评价标准", 3),
        Grid((("评价维度", "分值", "三级指标个数"),
              *((b, format_number(fw.blocks[b][0]), str(sum(1 for i in fw.rows if i.level1 == b))) for b in LEVEL1
                if b in fw.blocks),
              ("合计", format_number(fw.total_weight), str(len(fw.rows)))), "指标体系"),
        Para(f"评价采用百分制，{format_number(g.excellent)}分（含）以上为优，{format_number(g.good)}分（含）至{format_number(g.excellent)}分为良，"
             f"{format_number(g.fair)}分（含）至{format_number(g.good)}分为中，{format_number(g.fair)}分以下为差。"),
        Heading("（三）评价工作过程", 3),
        Para(f"评价组由 {len(ke.evaluators)} 名人员组成（名单见附件1），依据评分表逐项评分。"
             if ke.evaluators else "评价资料未载明评价组成员。"),
        Heading("三、综合评价情况及评价结论", 2),
        Para(f"经评价，{ke.project}绩效评价总得分为 {format_number(fw.total)} 分（满分 {format_number(fw.total_weight)} 分），"
             f"评价等次为“{fw.grade}”。"),
        Grid((("评价维度", "分值", "得分", "得分率"),
              *((b, format_number(fw.blocks[b][0]), format_number(fw.blocks[b][1]),
                 _rate_text(fw.blocks[b][1] / fw.blocks[b][0] if fw.blocks[b][0] else None))
                for b in LEVEL1 if b in fw.blocks)), "得分汇总"),
    ]
    if with_charts and (chart := _score_chart(fw)) is not None:
        blocks.append(chart)
    blocks += _analysis(fw)
    action = profile.results.actions.get(fw.grade, "")
    blocks += [
        Heading("五、主要经验及做法", 2), Para(_written(ke.experience, EXPERIENCE_SLOT, "主要经验及做法", ask)),
        Heading("六、存在的问题及原因分析", 2),
        Para(f"评价发现问题 {len(problems)} 个，详见附件2问题清单。" if problems else "评价未发现问题。"),
        *(Para(f"{n}. {p.description}。") for n, p in enumerate(problems, start=1)),
        Heading("七、有关建议", 2), Para(_written(ke.advice or _suggestion(ke), ADVICE_SLOT, "有关建议", ask)),
        Para(f"按结果应用规则，评价等次为“{fw.grade}”的项目，下年度预算处理为“{action}”。"),
        Heading("八、其他需要说明的问题", 2), Para("无。"),
        Heading("附件1：绩效评价评分表", 2), _scoring_table(fw),
    ]
    if ke.evaluators:
        blocks += [Para("评价人员："), Grid((("姓名", "职务/职称", "单位", "签字"),
                                           *((e.name, e.title, e.organisation, "") for e in ke.evaluators)), "评价人员")]
    blocks += [Heading("附件2：绩效评价问题清单", 2), _problem_list(ke, problems)]
    return blocks


def file_stem(ke: KeyEvaluation) -> str:
    safe = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in ke.project).strip() or "未命名项目"
    return f"{safe}_绩效评价报告"


def _printed(*amounts: Decimal | None) -> tuple[Decimal | None, ...]:
    """Amounts as the report prints them (万元, two decimals): what reading back can recover."""
    return tuple(None if a is None else yuan_to_wan(a) for a in amounts)


def read_back_same(ke: KeyEvaluation, profile: Profile) -> Verify:
    """A gate check: the released report reads back to the same rows, funds, total and evaluation group, with no
    slot left for the evaluation group to fill."""
    fw = framework(ke, profile)

    def verify(doc: Document) -> list[Finding]:
        where = Path(doc.path)
        if len(doc.key_evaluations) != 1:
            return [readback_error(f"应读出 1 份评分表，读出 {len(doc.key_evaluations)} 份", where)]
        again = doc.key_evaluations[0]
        mine = [(i.level1, i.name, i.weight, i.score) for i in fw.rows]
        theirs = [(block_of(i), i.name, i.weight, i.score) for i in again.indicators]
        pairs = [("项目名称", ke.project, again.project), ("评分表各行", mine, theirs),
                 ("总分", fw.total, again.printed_total),
                 ("资金（万元，按印出的两位小数）", _printed(ke.budget, ke.received, ke.spent),
                  _printed(again.budget, again.received, again.spent)),
                 ("评价人员", [e.name for e in ke.evaluators], [e.name for e in again.evaluators])]
        return [readback_error(f"{what}生成为 {want}，读回为 {got}", where) for what, want, got in pairs
                if want != got] + placeholders(doc)

    return verify
