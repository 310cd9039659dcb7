"""Where a value came from, and where a finding points: file, page/table, row, column, line."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import PurePath


@dataclass(frozen=True)
class Location:
    document: str = ""
    section: str = ""
    table: str = ""
    project: str = ""
    row: str = ""
    column: str = ""
    line: int | None = None
    page: int | None = None
    # Index of the source block (paragraph or table) a value was read from; kept through with_() so a reading
    # report can tell which source tables an extractor used. Not part of equality, display or JSON.
    block: int | None = field(default=None, compare=False, repr=False)

    def with_(self, **changes: object) -> Location:
        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self) -> str:
        """A Chinese description: '文件 a.txt，第 12 行，表 公开03，行 201，列 基本支出'."""
        parts = []
        if self.document:
            parts.append(f"文件 {PurePath(self.document).name}")
        if self.page is not None:
            parts.append(f"第 {self.page} 页")
        if self.line is not None:
            parts.append(f"第 {self.line} 行")
        if self.project:
            parts.append(f"项目「{self.project}」")
        if self.section:
            parts.append(f"章节 {self.section}")
        if self.table:
            parts.append(f"表 {self.table}")
        if self.row:
            parts.append(f"行 {self.row}")
        if self.column:
            parts.append(f"列 {self.column}")
        return "，".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "document": self.document,
            "section": self.section,
            "table": self.table,
            "project": self.project,
            "row": self.row,
            "column": self.column,
            "line": self.line,
            "page": self.page,
        }
