"""Statements of a narrative (情况说明) or prose report: each sentence's amounts, percentages, direction
words and reason, tied to the section and line it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.core.money import NUMBER_RE, WAN, normalize_text, parse_decimal, printed_exponent
from jixiao.core.provenance import Location

UP = ("增加", "增长", "上升", "提高")
DOWN = ("减少", "下降", "降低", "减小")
SAME = ("持平", "与上年相同", "与上年持平", "无变化")
_FIGURE_RE = re.compile(rf"({NUMBER_RE.pattern})\s*(万元|元|亿元|%|％|辆|个|台|套|人次|批次|人)")


@dataclass(frozen=True)
class Figure:
    value: Decimal  # yuan for money, the number itself otherwise
    unit: str  # 元 (money in yuan), %, 辆, 个 …
    text: str  # as printed, e.g. '5,577.85万元'
    start: int  # offset in the sentence
    exponent: int  # printed precision (−2 for two decimals)


@dataclass(frozen=True)
class Statement:
    text: str
    section: str
    location: Location = field(default_factory=Location)
    figures: tuple[Figure, ...] = ()

    def money(self) -> list[Figure]:
        return [f for f in self.figures if f.unit == "元"]

    def percents(self) -> list[Figure]:
        return [f for f in self.figures if f.unit == "%"]


def figures_of(text: str) -> tuple[Figure, ...]:
    """Every number with a unit in a sentence; 万元 and 亿元 become yuan."""
    norm = normalize_text(text)
    found = []
    for match in _FIGURE_RE.finditer(norm):
        number = parse_decimal(match.group(1))
        if number is None:
            continue
        unit = match.group(2).replace("％", "%")
        if unit in ("万元", "亿元", "元"):
            value = number * (WAN if unit == "万元" else Decimal(100000000) if unit == "亿元" else 1)
            unit = "元"
        else:
            value = number
        found.append(Figure(value, unit, match.group(0), match.start(), printed_exponent(match.group(1))))
    return tuple(found)


def sentences(paragraph: str) -> list[str]:
    """Sentences split at 。；! ? — a sentence that only gives a reason stays with the one before."""
    parts = [p.strip() for p in re.split(r"(?<=[。；;！!？?])", paragraph) if p.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and re.match(r"^(主要)?原因(是|为|：|:)", part):
            merged[-1] += part
        else:
            merged.append(part)
    return merged
