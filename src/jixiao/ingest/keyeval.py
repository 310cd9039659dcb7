"""部门评价表 / 绩效评价报告 (seed 002 form): the budget row, the scored framework and the report sentences."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.core.model import KeyEvaluation, KeyIndicator
from jixiao.core.money import WAN, is_number, parse_decimal
from jixiao.core.statements import sentences
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


def extract_key_evaluations(source: SourceDocument) -> tuple[KeyEvaluation, ...]:
    project = ""
    budget = received = spent = None
    indicators: list[KeyIndicator] = []
    total_weight = total = None
    statements = []
    for block in source.blocks:
        if isinstance(block, Paragraph):
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
            if re.sub(r"\s", "", texts[0]) == "合计" and len(texts) >= 4 and budget is None:
                values = [_number(t) for t in texts[1:4]]
                if all(v is not None for v in values):
                    budget, received, spent = (v * WAN for v in values)  # type: ignore[operator]
            if texts[0] == "一级指标" and "三级指标" in texts:
                indicators, total_weight, total = _framework(block, index)
    if not indicators:
        return ()
    return (KeyEvaluation(project=project, budget=budget, received=received, spent=spent,
                          indicators=tuple(indicators), printed_total_weight=total_weight, printed_total=total,
                          statements=tuple(statements)),)
