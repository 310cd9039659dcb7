"""绩效目标质量 — goal quality (SPEC §3.4, T1–T11): complete, measurable, matched to the budget.

These checks are pure functions of a goal and its budget, so the same rules serve document audits and the live
checks beside the goal editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit import inputs
from jixiao.audit.catalogue import Context, NotApplicable, rule
from jixiao.audit.subjects import GoalSubject
from jixiao.core.finding import Finding, Tier
from jixiao.core.model import Indicator
from jixiao.core.money import format_amount, format_number
from jixiao.core.values import Operator, amount_unit

CAT = "目标质量"
BASIS = "SPEC §3.4"
_QUANTITATIVE_LEVEL2 = ("数量", "质量", "成本")
_UNIT_COST_WORDS = ("每", "单价", "标准", "人均", "均", "/")
# The conventions the warnings rest on, named in their messages.
_FORM = "按“运算符 + 数值 + 计量单位”的指标值填报规范"
_COST_FORM = "按成本指标以金额（元、万元）或单位成本表示的填报规范"


def _cost_not_amount(ind: Indicator) -> bool:
    """A 成本 target that is no amount ('100%', '符合规定'): goals.t04_cost_budget's finding, not a second one here."""
    target = ind.target
    return ("成本" in ind.level2 and target is not None and not target.malformed
            and (target.number is None or not target.unit or amount_unit(target.unit) is None))


def _where(subject: GoalSubject, ind: Indicator | None = None, column: str = "") -> object:
    base = ind.location if ind is not None else subject.location
    return base.with_(project=subject.project, table=base.table or "绩效指标",
                      row=(base.row or ind.name) if ind is not None else "绩效目标", column=column)


@rule("goals.t01_required_blocks", "缺少产出、效益或满意度指标", Tier.WARNING, CAT, f"{BASIS} T1", "goal",
      applies=inputs.indicators)
def required_blocks(subject: GoalSubject, ctx: Context) -> Iterator[Finding | NotApplicable]:
    """每个项目至少有一个产出指标和一个效益指标；面向公众或服务对象的项目还应有满意度指标。"""
    level1 = " ".join(i.level1 for i in subject.goal.indicators)
    if not subject.goal.indicators:
        return
    if subject.goal.incomplete:  # part of the table was not read (listed in the reading report)
        yield NotApplicable(f"绩效指标表未读全（{subject.goal.incomplete}），缺少的一级指标可能在未读部分")
        return
    for word, name, tier in (("产出", "产出指标", Tier.WARNING), ("效益", "效益指标", Tier.WARNING),
                             ("满意", "满意度指标", Tier.NOTICE)):
        if word not in level1:
            yield Finding("goals.t01_required_blocks", tier, f"绩效目标缺少{name}", _where(subject), CAT,  # type: ignore[arg-type]
                          expected=name, actual="无")


@rule("goals.t02_quantity", "产出指标缺少数量指标", Tier.NOTICE, CAT, f"{BASIS} T2", "goal",
      applies=inputs.indicators)
def quantity(subject: GoalSubject, ctx: Context) -> Iterator[Finding]:
    """产出指标至少应有一个数量指标（质量、时效、成本按项目情况设置）。"""
    outputs = [i for i in subject.goal.indicators if "产出" in i.level1]
    if outputs and not any("数量" in i.level2 for i in outputs):
        yield Finding("goals.t02_quantity", Tier.NOTICE, "产出指标中没有数量指标", _where(subject), CAT)  # type: ignore[arg-type]


@rule("goals.t03_measurable", "定量指标缺少数值、计量单位或运算符", Tier.WARNING, CAT, f"{BASIS} T3", "goal",
      applies=inputs.targets)
def measurable(subject: GoalSubject, ctx: Context) -> Iterator[Finding]:
    """数量、质量、成本指标应为定量值：运算符（≥ > = ≤ <）+ 数值 + 计量单位；“提高”“有利于”之类无法衡量。
    一张表多个指标值都未写运算符是同一种填报做法，合为一条。"""
    bare = [ind for ind in subject.goal.indicators if ind.target is not None and not ind.target.malformed
            and ind.target.number is not None and ind.target.operator is None and not _cost_not_amount(ind)]
    if len(bare) > 1:
        shown = "、".join(f"“{ind.name}”（{ind.target.raw.strip()}）" for ind in bare[:3] if ind.target is not None)
        more = f"等 {len(bare)} 个指标" if len(bare) > 3 else ""
        yield Finding("goals.t03_measurable", Tier.WARNING,
                      f"指标{shown}{more}的指标值缺少运算符（≥ > = ≤ <）（{_FORM}）",
                      _where(subject, bare[0], "指标值"), CAT, expected="运算符 + 数值 + 单位",  # type: ignore[arg-type]
                      actual=bare[0].target.raw.strip() if bare[0].target is not None else "")
    for ind in subject.goal.indicators:
        target = ind.target
        if target is None or target.is_empty:
            yield Finding("goals.t03_measurable", Tier.WARNING, f"指标“{ind.name}”没有指标值", _where(subject, ind, "指标值"),  # type: ignore[arg-type]
                          CAT)
            continue
        wants_number = any(word in ind.level2 for word in _QUANTITATIVE_LEVEL2)
        if target.malformed:
            yield Finding("goals.t03_measurable", Tier.WARNING,
                          f"指标“{ind.name}”的指标值“{target.raw.strip()}”数字中间有空格，不是规范的数值，未按数值读取和计分",
                          _where(subject, ind, "指标值"), CAT, expected="运算符 + 数值 + 单位", actual=target.raw.strip())  # type: ignore[arg-type]
        elif target.number is None and target.date is None and wants_number and "成本" not in ind.level2:
            # (a 成本 target that is no amount is goals.t04_cost_budget's finding: one fault, one finding)
            yield Finding("goals.t03_measurable", Tier.WARNING,
                          f"{ind.level2}“{ind.name}”的指标值“{target.raw.strip()}”不是可衡量的定量值（按数量、质量指标"
                          f"应为定量值的口径，{_FORM}）",
                          _where(subject, ind, "指标值"), CAT, expected="运算符 + 数值 + 单位", actual=target.raw.strip())  # type: ignore[arg-type]
        elif target.number is not None and target.operator is None:
            if len(bare) > 1 or _cost_not_amount(ind):
                continue  # reported once above, for the table; or a 成本 target that is no amount (t04)
            yield Finding("goals.t03_measurable", Tier.WARNING,
                          f"指标“{ind.name}”的指标值“{target.raw.strip()}”缺少运算符（≥ > = ≤ <）（{_FORM}）",
                          _where(subject, ind, "指标值"), CAT, expected="运算符 + 数值 + 单位",  # type: ignore[arg-type]
                          actual=target.raw.strip())
        elif target.number is not None and not target.unit and target.operator is not Operator.QUALITATIVE:
            yield Finding("goals.t03_measurable", Tier.NOTICE, f"指标“{ind.name}”的指标值“{target.raw.strip()}”没有计量单位",
                          _where(subject, ind, "计量单位"), CAT, actual=target.raw.strip())  # type: ignore[arg-type]


@rule("goals.t04_cost_budget", "成本指标不是金额或与项目预算不匹配", Tier.WARNING, CAT, f"{BASIS} T4", "goal",
      params=("goals.cost_budget_ratio_max", "goals.cost_budget_ratio_min"), applies=inputs.targets)
def cost_budget(subject: GoalSubject, ctx: Context) -> Iterator[Finding]:
    """成本指标应以金额（元、万元）或单位成本（元/人、“=25000 每辆”）表示；总成本目标（多个时相加）不应超过项目
    年初预算，也不应远低于预算。上限（≤ <）按上限比较：预算不超过上限即相符，上限远低于预算（低于配置比例）时提示。
    疑似：比例阈值属本地区配置（goals.cost_budget_ratio_*），消息写明所用阈值。"""
    rules = ctx.profile.goals
    totals: list[tuple[Indicator, Decimal]] = []
    for ind in subject.goal.indicators:
        if "成本" not in ind.level2 or ind.target is None or ind.target.malformed:
            continue
        target = ind.target
        unit = amount_unit(target.unit) if target.unit else None
        if target.number is None or unit is None:
            yield Finding("goals.t04_cost_budget", Tier.WARNING,
                          f"成本指标“{ind.name}”的指标值“{target.raw.strip()}”不是金额（{_COST_FORM}）",
                          _where(subject, ind, "指标值"), CAT,  # type: ignore[arg-type]
                          expected="元或万元", actual=target.raw.strip())
        elif not unit[1] and not any(w in ind.name for w in _UNIT_COST_WORDS):
            totals.append((ind, target.number * unit[0]))
    if not totals or not subject.budget:
        return
    amount = sum((a for _, a in totals), Decimal(0))
    ratio = amount / subject.budget
    ceilings = all(ind.target is not None and ind.target.operator in (Operator.LE, Operator.LT) for ind, _ in totals)
    low = ratio < rules.cost_budget_ratio_min
    mismatch = low if ceilings else (low or ratio > rules.cost_budget_ratio_max)
    convention = (f"本地区配置：成本上限不低于预算的 {format_number(rules.cost_budget_ratio_min * 100)}%" if ceilings else
                  f"本地区配置：成本目标为预算的 {format_number(rules.cost_budget_ratio_min * 100)}%–"
                  f"{format_number(rules.cost_budget_ratio_max * 100)}%")
    if mismatch:
        names = "、".join(f"“{ind.name}”" for ind, _ in totals)
        yield Finding("goals.t04_cost_budget", Tier.WARNING,
                      f"成本指标{names}合计 {format_amount(amount)} 元，项目年初预算 {format_amount(subject.budget)} 元，二者不匹配（{convention}）",
                      _where(subject, totals[0][0], "指标值"), CAT, expected=f"约 {format_number(subject.budget)} 元",  # type: ignore[arg-type]
                      actual=f"{format_number(amount)} 元")


@rule("goals.t05_name", "指标名称过长或名称中含指标值", Tier.NOTICE, CAT, f"{BASIS} T5 (seed 000)", "goal",
      params=("goals.name_max_length",), applies=inputs.indicators)
def name(subject: GoalSubject, ctx: Context) -> Iterator[Finding]:
    """指标名称应简短（不超过配置的字数），不应把指标值写进名称（“指标名称过于冗长”是常见审核意见）。"""
    limit = ctx.profile.goals.name_max_length
    for ind in subject.goal.indicators:
        if len(ind.name) > limit:
            yield Finding("goals.t05_name", Tier.NOTICE, f"指标名称“{ind.name}”有 {len(ind.name)} 字，超过 {limit} 字",
                          _where(subject, ind, "指标名称"), CAT, expected=f"≤ {limit} 字", actual=str(len(ind.name)))  # type: ignore[arg-type]
        target = ind.target
        if target is not None and target.number is not None and target.unit:
            embedded = re.search(rf"{re.escape(format_number(target.number))}\s*{re.escape(target.unit)}", ind.name)
            if embedded:
                yield Finding("goals.t05_name", Tier.NOTICE, f"指标名称“{ind.name}”中写入了指标值“{embedded.group(0)}”",
                              _where(subject, ind, "指标名称"), CAT)  # type: ignore[arg-type]


@rule("goals.t06_satisfaction", "满意度目标值超出常见范围", Tier.NOTICE, CAT, f"{BASIS} T6", "goal",
      params=("goals.satisfaction_min", "goals.satisfaction_max"), applies=inputs.targets)
def satisfaction(subject: GoalSubject, ctx: Context) -> Iterator[Finding]:
    """满意度目标通常在 80%–98% 之间：低于下限偏低，高于上限偏高（阈值见配置）。"""
    rules = ctx.profile.goals
    for ind in subject.goal.indicators:
        target = ind.target
        if "满意" not in ind.level1 + ind.level2 or target is None or target.number is None or target.unit != "%":
            continue
        if target.number < rules.satisfaction_min or target.number > rules.satisfaction_max:
            yield Finding("goals.t06_satisfaction", Tier.NOTICE,
                          f"满意度目标 {target.raw.strip()} 超出常见范围 {format_number(rules.satisfaction_min)}%–{format_number(rules.satisfaction_max)}%",
                          _where(subject, ind, "指标值"), CAT, actual=target.raw.strip())  # type: ignore[arg-type]


@rule("goals.t07_weight_positive", "指标分值不大于0", Tier.ERROR, CAT, f"{BASIS} T7", "goal",
      applies=inputs.indicators)
def weight_positive(subject: GoalSubject, ctx: Context) -> Iterator[Finding]:
    """每个指标的分值（权重）必须大于 0。"""
    for ind in subject.goal.indicators:
        if ind.weight is not None and ind.weight <= 0:
            yield Finding("goals.t07_weight_positive", Tier.ERROR, f"指标“{ind.name}”分值为 {format_number(ind.weight)}",
                          _where(subject, ind, "权重"), CAT, expected="> 0", actual=format_number(ind.weight))  # type: ignore[arg-type]


def _weight_inputs(subject: GoalSubject) -> str | None:
    """What the weight total needs: the printed 总分, every row's 分值, the whole table."""
    goal = subject.goal
    if reason := inputs.indicators(subject):
        return reason
    if goal.unweighted:
        return "绩效指标表没有分值列，无从核对分值合计"
    if goal.printed_weight_total is None:
        return "绩效指标表未印分值合计（总分），无从核对"
    if goal.incomplete:
        return f"绩效指标表未读全（{goal.incomplete}），各指标分值合计无从核对"
    if missing := [i.name for i in goal.indicators if i.weight is None]:
        return f"指标“{missing[0]}”等 {len(missing)} 行未读到分值，分值合计无从核对"
    return None


@rule("goals.t08_weight_total", "指标分值合计与表中总分不符", Tier.ERROR, CAT, f"{BASIS} T10", "goal",
      applies=_weight_inputs)
def weight_total(subject: GoalSubject, ctx: Context) -> Iterator[Finding]:
    """绩效指标表印有总分（合计）时，各指标分值之和必须等于该总分。"""
    goal = subject.goal
    printed = goal.printed_weight_total
    total = sum((i.weight or Decimal(0) for i in goal.indicators), Decimal(0))
    if printed is not None and total != printed:
        yield Finding("goals.t08_weight_total", Tier.ERROR,
                      f"绩效指标表各指标分值合计 {format_number(total)} 分，表中总分为 {format_number(printed)} 分",
                      _where(subject, goal.indicators[-1], "分值").with_(row="总分"), CAT,  # type: ignore[arg-type]
                      expected=format_number(printed), actual=format_number(total))
