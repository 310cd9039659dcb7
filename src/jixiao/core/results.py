"""A table of evaluation results: several projects, each with its amount, score and grade (read by
ingest.results, checked by audit.rules.grades)."""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.core.claims import Printed, grade_name
from jixiao.core.provenance import Location


@dataclass(frozen=True)
class ResultRow:
    name: str
    amount: Printed | None
    score: Printed | None
    grade: str  # as printed ('良好', '中(一般)'); '' when the cell is blank
    location: Location
    is_total: bool = False

    @property
    def grade_name(self) -> str:
        return grade_name(self.grade) if self.grade else ""


@dataclass(frozen=True)
class ResultsTable:
    title: str
    unit: str  # the amount column's unit (亿元, 万元, 元), '' when not printed
    columns: tuple[str, ...]  # the header as printed
    rows: tuple[ResultRow, ...]
    total: ResultRow | None
    location: Location
