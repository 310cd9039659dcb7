"""部门评价表 / 绩效评价报告 (seed 002 form): the project rows, the budget row, the scored framework, the evaluation
group, the 问题清单 and the report sentences."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.core.model import Evaluator, KeyEvaluation, KeyIndicator, ListedProblem
from jixiao.core.money import is_number, parse_decimal, unit_scale
from jixiao.core.statements import sentences
from jixiao.ingest.headers import printed_unit
from jixiao.ingest.source import Paragraph, SourceDocument, Table

LEVEL1_WORDS = ("决策", "过程", "产出", "效益")


def _number(text: str) -> Decimal | None:
    return parse_decimal(text) if is_number(text) else None


def _framework(table: Table, start: int) -> tuple[list[KeyIndicator], Decimal | None, Decimal | None]:
    indicators: list[KeyIndicator] = []
    level1 = level2 = ""
    weight1 = weight2 = None
    group = 0
    total_weight = total = None
    for row in table.rows[start + 1:]:
        texts = row.texts + [""] * (7 - len(row.texts))
        if texts[0].startswith("总分"):
            numbers = [_number(t) for t in texts[1:] if _number(t) is not None]
            total_weight, total = (numbers[0], numbers[-1]) if numbers else (None, None)
            break
        if texts[0].startswith("评价等次"):
            break
        if texts[0]:
            level1, weight1 = texts[0], _number(texts[1])
        if texts[2]:
            level2, weight2 = texts[2], _number(texts[3])
            group += 1
        if not texts[4]:
            continue
        indicators.append(KeyIndicator(level1, level2, texts[4], _number(texts[5]), _number(texts[6]), weight1, weight2,
                                       group, row.location.with_(table="评价指标评分", row=texts[4])))
    return indicators, total_weight, total


def _goals(table: Table, start: int) -> tuple[str, str]:
    """预期目标 and 实际完成情况 under a 年度总体目标 row; a row continued on the next page joins the goal."""
    goal, achieved = "", ""
    for row in table.rows[start + 1:]:
        if row.texts and row.texts[0]:
            break
        filled = row.filled
        if filled:
            goal += filled[0]
        if len(filled) > 1:
            achieved += filled[1]
    return goal, achieved


_SIGNATURE_LINES = ("填报人", "评价组组长", "评价部门负责人", "注")


def _evaluators(table: Table, start: int) -> list[Evaluator]:
    """The rows under a 姓名 | 职务/职称 | 单位 header, up to the signature lines."""
    found = []
    for row in table.rows[start + 1:]:
        texts = [*row.texts, "", ""]
        if not texts[0] or texts[0].startswith(_SIGNATURE_LINES):
            break
        found.append(Evaluator(texts[0], texts[1], texts[2]))
    return found


def _problems(table: Table, start: int) -> list[ListedProblem]:
    """Rows of a 问题清单 (问题分类 | 序号 | 责任单位 | 问题描述); the category cell spans its rows; '无' is no problem."""
    found = []
    category = ""
    for row in table.rows[start + 1:]:
        texts = [*row.texts, "", "", ""]
        if texts[0].startswith("备注"):
            break
        if texts[0]:
            category = re.sub(r"(存在的)?问题$", "", texts[0]) or texts[0]
        description = texts[3]
        if description and description != "无":
            found.append(ListedProblem(category, description, texts[2]))
    return found


def extract_key_evaluations(source: SourceDocument) -> tuple[KeyEvaluation, ...]:
    project = department = unit = goal = achieved = suggestion = ""
    budget = received = spent = None
    indicators: list[KeyIndicator] = []
    evaluators: list[Evaluator] = []
    problems: list[ListedProblem] = []
    total_weight = total = None
    statements = []
    caption = ""  # the unit of the last caption line (“单位：元”)
    for block in source.blocks:
        if isinstance(block, Paragraph):
            caption = printed_unit(block.clean) or caption
            for sentence in sentences(block.clean):
                statements.append((sentence, block.location))
            continue
        assert isinstance(block, Table)
        for index, row in enumerate(block.rows):
            texts = row.filled
            if not texts:
                continue
            if texts[0] == "项目名称" and len(texts) > 1 and not project:
                project = texts[1]
            if texts[0] == "主管部门" and len(texts) > 1 and not department:
                department = texts[1]
            if "项目实施单位" in texts[:-1] and not unit:
                unit = texts[texts.index("项目实施单位") + 1]
            if texts[0] == "年度总体目标" and not goal:
                goal, achieved = _goals(block, index)
            if texts[0] == "问题和建议" and len(texts) > 1:
                suggestion = texts[1]
            if re.sub(r"\s", "", texts[0]) == "合计" and len(texts) >= 4 and budget is None:
                values = [_number(t) for t in texts[1:4]]
                if all(v is not None for v in values):  # in the unit its header or caption prints (万元 if none)
                    printed = printed_unit(*(t for r in block.rows[:index + 1] for t in r.texts)) or caption
                    scale = unit_scale(printed or "万元")
                    budget, received, spent = (v * scale for v in values)  # type: ignore[operator]
            if texts[0] == "一级指标" and "三级指标" in texts:
                indicators, total_weight, total = _framework(block, index)
            if texts[0] == "姓名" and "单位" in texts:
                evaluators = _evaluators(block, index)
            if texts[0] == "问题分类" and "问题描述" in texts:
                problems = _problems(block, index)
    if not indicators:
        return ()
    return (KeyEvaluation(project=project, budget=budget, received=received, spent=spent,
                          indicators=tuple(indicators), printed_total_weight=total_weight, printed_total=total,
                          statements=tuple(statements), department=department, unit=unit, goal_text=goal,
                          achieved_text=achieved, evaluators=tuple(evaluators), problems=tuple(problems),
                          suggestion=suggestion),)
