"""Audit a document: run every selected rule of the catalogue on each subject the document holds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jixiao.audit.catalogue import Context, run
from jixiao.audit.subjects import GoalSubject
from jixiao.core.finding import Finding, Tier, sort_findings
from jixiao.core.profile import Profile


@dataclass(frozen=True)
class AuditResult:
    findings: tuple[Finding, ...]

    @property
    def summary(self) -> dict[str, int]:
        counts = Counter(f.tier.value for f in self.findings)
        return {tier.value: counts.get(tier.value, 0) for tier in Tier}


def subjects(doc: Any) -> list[tuple[str, Any]]:
    """(subject kind, object) pairs in a loaded document (ingest.pipeline.Document)."""
    found: list[tuple[str, Any]] = [("document", doc)]
    for se in getattr(doc, "self_evaluations", ()):
        found.append(("self_evaluation", se))
        total = se.budget_total
        budget = (total.initial or total.adjusted) if total is not None else None  # targets are set against it
        found.append(("goal", GoalSubject(se.project.name, se.goal, budget, se.location)))
    found += [("key_evaluation", ke) for ke in getattr(doc, "key_evaluations", ())]
    if getattr(doc, "statements", ()):
        found.append(("prose", doc.statements))
    if getattr(doc, "disclosure", None) is not None:
        found.append(("disclosure", doc.disclosure))
    return found


def audit_document(doc: Any, profile: Profile, only: Sequence[str] = (), skip: Sequence[str] = ()) -> AuditResult:
    """All findings for one document, sorted by tier and place, one per fingerprint."""
    ctx = Context(profile=profile, document=doc.path)
    findings: list[Finding] = []
    for kind, subject in subjects(doc):
        findings.extend(run(kind, subject, ctx, only, skip))
    unique = {(f.fingerprint, f.message): f for f in findings}
    return AuditResult(tuple(sort_findings(unique.values())))
