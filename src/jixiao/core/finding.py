"""A finding: one rule's verdict on one place, with the evidence (expected, actual, difference)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import PurePath

from jixiao.core.provenance import Location


class Tier(StrEnum):
    ERROR = "error"  # 确定: an identity is broken beyond tolerance
    WARNING = "warning"  # 疑似: needs a written explanation
    NOTICE = "notice"  # 提示: rounding residue, style

    @property
    def label(self) -> str:
        return {"error": "确定", "warning": "疑似", "notice": "提示"}[self.value]


TIER_ORDER = {Tier.ERROR: 0, Tier.WARNING: 1, Tier.NOTICE: 2}


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
