"""A finding: one rule's verdict on one place, with the evidence (expected, actual, difference).

Tiers are by certainty, the same for every rule:

- ``error`` 确定 — arithmetic at printed precision is off beyond the rounding tolerance, or two statements of
  the document cannot both be true (the text says 446.22 万元 where the table prints 446.23 万元; a share that
  recomputes to another percentage; “等于预算” where the 决算 and the 预算 differ).
- ``warning`` 疑似 — the verdict depends on a convention, a profile threshold or an interpretation; the message
  names that convention (a reason pointing the other way than the change; a heading naming another unit, which
  is right only when every table is the department's own).
- ``notice`` 提示 — residues within rounding (尾数误差), style, completeness hints.

One fault gives one finding: other places showing the same fault go into ``related``, not into more findings. One
misprinted cell that breaks several identities of the tables is one finding at that cell (audit.faults).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePath

from jixiao.core.provenance import Location


class Tier(StrEnum):
    ERROR = "error"  # 确定: arithmetic beyond tolerance, or two statements that cannot both hold
    WARNING = "warning"  # 疑似: depends on a convention, a threshold or an interpretation (named in the message)
    NOTICE = "notice"  # 提示: rounding residue, style, completeness hint

    @property
    def label(self) -> str:
        return {"error": "确定", "warning": "疑似", "notice": "提示"}[self.value]


TIER_ORDER = {Tier.ERROR: 0, Tier.WARNING: 1, Tier.NOTICE: 2}

# The tiers for readers (docs/rules.md and the CLI print this; it says what the module docstring says).
TIER_GUIDE = """## 等级的含义

- **确定（error）**：按印刷精度计算，差额超出尾数误差；或文档中两处说法不能同时为真（说明写 446.22 万元而表中为
  446.23 万元；占比按部分 ÷ 整体重算是另一个百分数；决算与预算不等却写“等于预算”；表为空表而说明写有其数）。
- **疑似（warning）**：结论取决于某种惯例、配置阈值或理解，消息中写明所依据的惯例（如原因与增减方向相反；表头写了另一
  单位，而部门决算各表按惯例以本部门名义编制）。
- **提示（notice）**：尾数误差范围内的差额、写法、完整性提醒。

同一个错误只报一条；同一错误出现的其他位置列在“相关位置”（`related`）中，不重复报告。表中一格填错、使它所在的几处勾稽
（行内合计、上级科目、合计行、表间对应数）同时不成立时，只在这一格报告一条，写明使各处都成立的数，所破坏的各处勾稽作为
佐证列出；没有哪一格能单独解释时，各处分别报告，并写明可能填错的格。
"""


@dataclass(frozen=True)
class Finding:
    rule: str
    tier: Tier
    message: str
    location: Location = field(default_factory=Location)
    category: str = ""
    expected: str | None = None
    actual: str | None = None
    difference: str | None = None
    related: tuple[Location, ...] = ()  # other places showing the same fault

    @property
    def fingerprint(self) -> str:
        """Stable across re-checks: rule and place, not line numbers or the document's folder."""
        loc = self.location
        key = "|".join(
            [self.rule, PurePath(loc.document).name, loc.section, loc.table, loc.project, loc.row, loc.column]
        )
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "tier": self.tier.value,
            "category": self.category,
            "location": self.location.to_dict(),
            "message": self.message,
            "expected": self.expected,
            "actual": self.actual,
            "difference": self.difference,
            "fingerprint": self.fingerprint,
            "related": [loc.to_dict() for loc in self.related],
        }


def flatten(findings: Iterable[Finding], keys: Sequence[str]) -> list[list[object]]:
    """Compact rows for assertions: flatten(fs, ["rule", "tier", "project", "row"])."""
    rows: list[list[object]] = []
    for f in findings:
        row: list[object] = []
        for key in keys:
            if hasattr(f, key) and key != "location":
                value = getattr(f, key)
                row.append(value.value if isinstance(value, Tier) else value)
            else:
                row.append(getattr(f.location, key))
        rows.append(row)
    return rows


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (TIER_ORDER[f.tier], f.location.document, f.location.line or 0, f.rule),
    )
