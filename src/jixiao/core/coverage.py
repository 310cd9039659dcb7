"""A reading report: what jixiao understood of a document, what it checked, and what it did not understand.

A reviewer who receives "0 problems" for a document the program did not understand is worse off than with no
program. So every audit says how much was read and checked, and lists with their locations the parts that were
not read (source tables no extractor used, columns that could not be mapped, cells that are not amounts) and the
stated figures no rule checked (未核对). Plain data only: ingest builds the `Reading`, the audit engine the
`RuleOutcome`s and the set of checked claims, and `coverage()` joins them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from pathlib import PurePath
from typing import Any

from jixiao.core.provenance import Location

NOT_RECOGNISED = "未识别"


@dataclass(frozen=True)
class Unread:
    """A part of the document that was not understood, with where it is."""

    what: str  # Chinese: '未被识别的表格（5 行 × 4 列）'
    location: Location = field(default_factory=Location)
    kind: str = "other"  # table | column | cell | claim | other

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "what": self.what, "location": self.location.to_dict()}


@dataclass(frozen=True)
class TableRead:
    """A table that was recognised: its name, amount unit, rows and the columns it was read by."""

    name: str
    unit: str  # amount unit as printed (万元, 元); '' when the table does not say
    rows: int
    columns: tuple[str, ...] = ()
    location: Location = field(default_factory=Location)

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "unit": self.unit or NOT_RECOGNISED, "rows": self.rows,
                "columns": list(self.columns), "location": self.location.to_dict()}


@dataclass(frozen=True)
class StatedFigure:
    """One claim read from a sentence (a subject's amount, share, change …): its label ('会议费 3.00万元') and the
    stated_key() a rule marks when it compares it."""

    label: str
    key: tuple[object, ...]
    named: bool = True  # the grammar found whose figure it is (a subject); a figure of no one cannot be checked


@dataclass(frozen=True)
class Claim:
    """A sentence of a narrative that states figures (amounts, percentages, counts), with the claims read from it
    when the sentence was read into claims (the 情况说明)."""

    section: str
    text: str
    figures: int
    location: Location = field(default_factory=Location)
    parts: tuple[StatedFigure, ...] = ()


@dataclass(frozen=True)
class Form:
    """Forms of one kind (自评表, 评价表) and the projects they were read for."""

    kind: str
    projects: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    """What was read from one document, computed after extraction."""

    document: str
    kind: str  # Chinese label of the document kind
    kind_evidence: tuple[str, ...] = ()
    unit: str = ""
    year: int | None = None
    tables: tuple[TableRead, ...] = ()
    claims: tuple[Claim, ...] = ()
    forms: tuple[Form, ...] = ()
    unread: tuple[Unread, ...] = ()

    @property
    def projects(self) -> int:
        return sum(len(f.projects) for f in self.forms)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    def read_phrase(self) -> str:
        """'读取到 12 张表 86 行、27 条带数字的说明、3 个项目；2 处未能读取'."""
        text = f"读取到 {len(self.tables)} 张表 {self.rows} 行、{len(self.claims)} 条带数字的说明、{self.projects} 个项目"
        return text + (f"；{len(self.unread)} 处未能读取" if self.unread else "")

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind, "kind_evidence": list(self.kind_evidence), "unit": self.unit or NOT_RECOGNISED,
            "year": self.year if self.year is not None else NOT_RECOGNISED,
            "tables": [t.to_dict() for t in self.tables],
            "projects": [{"form": f.kind, "name": name} for f in self.forms for name in f.projects],
            "claims": len(self.claims),
            "unread": [u.to_dict() for u in self.unread],
            "summary": self.read_phrase(),
        }


class Status(StrEnum):
    HELD = "held"  # the rule ran on the subject and found nothing
    BROKEN = "broken"  # the rule found something
    NOT_APPLICABLE = "not_applicable"  # the rule could not be checked on the subject, with a reason
    # what the rule found is one cell's fault another rule's finding reports (audit.faults: one fault, one finding):
    # counted under that finding, not as a problem of its own; the reason names it
    MERGED = "merged"


@dataclass(frozen=True)
class RuleOutcome:
    """One rule on one subject: held, broken (with findings) or not applicable (with the reason)."""

    rule: str
    title: str
    subject: str  # Chinese: '项目「X」', '决算公开表', '文档'
    status: Status
    reason: str = ""
    findings: int = 0


@dataclass(frozen=True)
class SectionRead:
    title: str
    claims: int
    checked: int  # sentences a rule checked, wholly or in part
    location: Location = field(default_factory=Location)
    partly: int = 0  # of them, sentences with figures no rule compared (each listed as 未核对)


def claim_key(location: Location, text: str) -> tuple[object, ...]:
    """Identifies a stated sentence across ingest and audit (a rule marks the sentences it checked)."""
    return (PurePath(location.document).name, location.block, location.line, location.page, text)


def stated_key(item: Any) -> tuple[object, ...]:
    """claim_key() of a stated sentence, or of one claim read from it (its subject and measure tell apart two
    claims printing the same figure in one sentence)."""
    text = item.text
    if hasattr(item, "measure"):
        text = f"{item.subject}·{item.measure}·{text}"
    return claim_key(item.location, text)


def paragraph_key(location: Location) -> tuple[object, ...]:
    return (PurePath(location.document).name, location.block, location.line, location.page)


@dataclass(frozen=True)
class Coverage:
    reading: Reading
    sections: tuple[SectionRead, ...]
    outcomes: tuple[RuleOutcome, ...]
    unchecked: tuple[Unread, ...]  # claims no rule checked (未核对)

    @property
    def checked_claims(self) -> int:
        return sum(s.checked for s in self.sections)

    @property
    def partly_checked_claims(self) -> int:
        return sum(s.partly for s in self.sections)

    @property
    def rules_applied(self) -> int:
        return len({o.rule for o in self.outcomes if o.status is not Status.NOT_APPLICABLE})

    @property
    def not_read(self) -> tuple[Unread, ...]:
        return self.reading.unread + self.unchecked

    def counts(self) -> dict[str, int]:
        counts = Counter(o.status for o in self.outcomes)
        return {status.value: counts.get(status, 0) for status in Status}

    def checked_phrase(self) -> str:
        """'已核对 12 张表 86 行、27 条说明数据、3 个项目、9 项规则；3 处未读取或未核对'; with sentences read and none
        checked, '0 条说明数据（读到 5 条，均未能核对）'."""
        r = self.reading
        partly = f"（其中 {self.partly_checked_claims} 条部分核对）" if self.partly_checked_claims else ""
        if r.claims and not self.checked_claims:  # sentences read, none of them checked: said, not hidden in a 0
            partly = f"（读到 {len(r.claims)} 条，均未能核对）"
        parts = [f"{len(r.tables)} 张表 {r.rows} 行", f"{self.checked_claims} 条说明数据{partly}"]
        if r.projects:
            parts.append(f"{r.projects} 个项目")
        parts.append(f"{self.rules_applied} 项规则")
        text = "已核对 " + "、".join(parts)
        if self.not_read:
            text += f"；{len(self.not_read)} 处未读取或未核对"
        return text

    def to_dict(self) -> dict[str, object]:
        by_rule: dict[str, dict[str, object]] = {}
        for o in self.outcomes:
            entry = by_rule.setdefault(o.rule, {"rule": o.rule, "title": o.title, "held": 0, "broken": 0,
                                                "not_applicable": 0, "merged": 0, "reasons": []})
            entry[o.status.value] = int(entry[o.status.value]) + 1  # type: ignore[call-overload]
            reasons = entry["reasons"]
            assert isinstance(reasons, list)
            if o.reason and o.reason not in reasons:
                reasons.append(o.reason)
        rules = list(by_rule.values())
        return self.reading.to_dict() | {
            "sections": [{"title": s.title or "（无标题）", "claims": s.claims, "checked": s.checked,
                          "partly": s.partly, "location": s.location.to_dict()} for s in self.sections],
            "checks": {"counts": self.counts(),
                       "applied": [e for e in rules if e["held"] or e["broken"] or e["merged"]],
                       "not_applicable": [{"rule": e["rule"], "title": e["title"], "reasons": e["reasons"]}
                                          for e in rules if not (e["held"] or e["broken"] or e["merged"])]},
            "unread": [u.to_dict() for u in self.not_read],
            "summary": self.checked_phrase(),
        }


def coverage(reading: Reading, outcomes: Iterable[RuleOutcome] = (), checked: Iterable[tuple[object, ...]] = (),
             findings: Iterable[Any] = (), reasons: dict[tuple[object, ...], str] | None = None) -> Coverage:
    """Join what was read with what the rules did. A sentence counts as checked when a rule marked it or one of its
    claims (`checked` holds stated_key()s), or when a finding points at its paragraph and names one of the sentence's
    figures (findings: core.finding.Finding). Unchecked (未核对) are the
    sentences nothing checked and, in a sentence checked only in part, each claim no rule compared; `reasons`
    (stated_key() → why) says why a rule that read one could not check it."""
    marked = set(checked)
    pointed = pointed_paragraphs(findings)
    sections: dict[str, list[tuple[Claim, bool, bool]]] = {}
    unchecked: list[Unread] = []
    for claim in reading.claims:
        done, left = claim_checked(claim, marked, pointed)
        sections.setdefault(claim.section, []).append((claim, done, done and bool(left)))
        if not done:
            # why no rule checked it: said of the sentence, else of its claims (a rule that read them and could
            # check only part of what they say, e.g. a change's direction without its rate)
            why = (reasons or {}).get(claim_key(claim.location, claim.text)) or "；".join(dict.fromkeys(
                (reasons or {})[p.key] for p in claim.parts if p.key in (reasons or {})))
            said = f"未核对：{_clip(claim.text)}" + (f"（{why}）" if why else "")
            unchecked.append(Unread(said, claim.location, "claim"))
        else:
            unchecked += [Unread(f"未核对：{p.label}（{_clip(claim.text, 24)}）" + (
                f"（{(reasons or {})[p.key]}）" if p.key in (reasons or {}) else ""), claim.location, "claim") for p in left]
    section_reads = tuple(
        SectionRead(title, len(items), sum(1 for _, done, _ in items if done), items[0][0].location,
                    sum(1 for _, _, partly in items if partly))
        for title, items in sections.items()
    )
    return Coverage(reading, section_reads, tuple(outcomes), tuple(unchecked))


# A figure as printed in a sentence or a finding: '1,152', '65.61', '12.5' (a year, '2015年', is no figure).
_FIGURE_RE = re.compile(r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?(?![\d年])")


def figures_named(text: str) -> frozenset[str]:
    """The figures a text prints, as values ('0.10' and '0.1' are one figure; no thousands separators), zero left out
    (it names nothing in particular)."""
    values = (Decimal(m.group().replace(",", "")) for m in _FIGURE_RE.finditer(text))
    return frozenset(format(v.normalize(), "f") for v in values if v != 0)


def pointed_paragraphs(findings: Iterable[Any]) -> dict[tuple[object, ...], frozenset[str]]:
    """The paragraphs findings point at, each with the figures those findings name: a finding on a paragraph counts as
    checked the sentences of it whose figures it names, not every sentence that shares the paragraph's place."""
    pointed: dict[tuple[object, ...], frozenset[str]] = {}
    for finding in findings:
        loc = finding.location
        if loc.block is None and loc.line is None:
            continue
        said = " ".join(t for t in (finding.message, finding.expected, finding.actual) if t)
        key = paragraph_key(loc)
        pointed[key] = pointed.get(key, frozenset()) | figures_named(said)
    return pointed


def claim_checked(claim: Claim, marked: set[tuple[object, ...]] | frozenset[tuple[object, ...]],
                  pointed: dict[tuple[object, ...], frozenset[str]]) -> tuple[bool, list[StatedFigure]]:
    """Whether a rule checked the sentence, wholly or in part (`marked`: stated_key()s rules marked; `pointed`:
    pointed_paragraphs(): a finding on its paragraph that names one of its figures), and its claims no rule
    compared."""
    named = pointed.get(paragraph_key(claim.location))
    whole = claim_key(claim.location, claim.text) in marked or bool(named and figures_named(claim.text) & named)
    left = [] if whole else [p for p in claim.parts if p.key not in marked]
    return whole or len(left) < len(claim.parts), left


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width] + "…"
