"""Audit a document: run every selected rule of the catalogue on each subject the document holds, and record for
each rule on each subject whether it held, was broken or did not apply (and why)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Any

from jixiao.audit.catalogue import Context, apply, select
from jixiao.audit.faults import merge_faults
from jixiao.audit.subjects import GoalSubject
from jixiao.core.coverage import Coverage, RuleOutcome, Status, coverage
from jixiao.core.finding import Finding, Tier, sort_findings
from jixiao.core.money import parse_decimal
from jixiao.core.profile import Profile

# Why the rules of a subject kind did not run when the document holds no such subject.
ABSENT = {
    "document": "未读取文档",
    "self_evaluation": "文档中没有项目支出绩效自评表",
    "goal": "文档中没有绩效目标",
    "key_evaluation": "文档中没有绩效评价评分表",
    "prose": "文档中没有说明文字（仅用于绩效结果说明、工作情况，及未附自评表的自评报告、未附评分表的评价报告）",
    "disclosure": "文档中没有决算公开表或情况说明",
    "monitoring": "文档中没有绩效运行监控表",
}


# Rule families that judge what the other rules checked: run after all of them.
READING_LAST = frozenset({"reading"})


@dataclass(frozen=True)
class AuditResult:
    findings: tuple[Finding, ...]
    outcomes: tuple[RuleOutcome, ...] = ()
    coverage: Coverage | None = None  # None when the document carries no reading report

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
    for form in getattr(doc, "goal_forms", ()):  # a 绩效目标表: its goal only, no execution to check
        found.append(("goal", GoalSubject(form.project, form.goal, form.budget, form.location)))
    found += [("key_evaluation", ke) for ke in getattr(doc, "key_evaluations", ())]
    found += [("monitoring", form) for form in getattr(doc, "monitoring_forms", ())]
    if statements := getattr(doc, "statements", ()) or report_prose(doc):
        found.append(("prose", statements))
    if getattr(doc, "disclosure", None) is not None:
        found.append(("disclosure", doc.disclosure))
    return found


def report_prose(doc: Any) -> tuple[Any, ...]:
    """The sentences of a self-evaluation written as a report without its form (no 预算执行情况表 or 绩效指标表
    read), of an evaluation report without its 评分表 (an evaluation's results published as text), or of a notice
    allocating money published with its 绩效目标表 (no budget table read): read like a 情况说明 (its narrative), they
    are also checked as prose — rates, sums and grades recomputed from the figures the text itself states."""
    kind = getattr(getattr(doc, "kind", None), "value", "")
    pkg = getattr(doc, "disclosure", None)
    if pkg is None:
        return ()
    forms = {"self_evaluation": "self_evaluations", "key_evaluation": "key_evaluations"}
    without_form = kind in forms and not getattr(doc, forms[kind], ())
    notice = kind == "budget_disclosure" and getattr(doc, "targets", False) and not pkg.tables
    if without_form or notice:
        return tuple(s for s in pkg.narrative if s.kind == "sentence")
    return ()


def _fault(finding: Finding) -> tuple[object, ...] | None:
    """What identifies the fault a finding on a sentence reports: the sentence's place with the value printed there
    and the value computed for it. None for a finding in a table (each cell is its own place) or when either value
    is not a number."""
    loc = finding.location
    actual, expected = parse_decimal(finding.actual), parse_decimal(finding.expected)
    if loc.table or loc.line is None or actual is None or expected is None:
        return None
    return (PurePath(loc.document).name, loc.page, loc.line, loc.project, actual, expected)


def one_per_fault(findings: Iterable[Finding]) -> list[Finding]:
    """One fault, one finding: a self-evaluation written as a report is read both as a 情况说明 and as prose, so two
    families of rules (narrative.*, prose.*) may compare the same printed figure of a sentence with the same computed
    value; the surer finding is kept. Findings of one family stay apart (one rule's findings on a line are different
    figures of it)."""
    order = {tier: n for n, tier in enumerate(Tier)}
    kept: list[Finding] = []
    families: dict[tuple[object, ...], str] = {}
    for finding in sorted(findings, key=lambda f: order[f.tier]):
        key, family = _fault(finding), finding.rule.split(".")[0]
        if key is not None and families.setdefault(key, family) != family:
            continue
        kept.append(finding)
    return kept


def subject_name(kind: str, subject: Any) -> str:
    """A subject in Chinese, as the reading report names it."""
    if kind in ("self_evaluation", "goal"):
        name = subject.project.name if kind == "self_evaluation" else subject.project
        return f"项目「{name}」" + ("绩效目标" if kind == "goal" else "自评表")
    if kind == "key_evaluation":
        return f"评价「{subject.project}」"
    if kind == "monitoring":
        return f"项目「{subject.project or '（未写项目名称）'}」绩效运行监控表"
    return {"document": "文档", "prose": "说明文字", "disclosure": "决算公开表和说明"}[kind]


def _merged_outcomes(outcomes: list[RuleOutcome], origin: dict[int, int], findings: Sequence[Finding],
                     absorbed: dict[int, Finding]) -> list[RuleOutcome]:
    """The outcomes as the findings shown after merge_faults tell them: a one-cell finding counts under the rule that
    reports it (its owner); a rule whose findings were all merged into another rule's is MERGED, the reason naming
    that rule (the fault is shown once, as the brief's one fault, one finding; it is no second problem, nor a pass)."""
    if not absorbed:
        return outcomes
    count = [o.findings for o in outcomes]
    into: dict[int, str] = {}
    owners = {id(owner): owner for owner in absorbed.values()}
    for finding in findings:
        if (owner := absorbed.get(id(finding))) is None:
            continue
        count[origin[id(finding)]] -= 1
        if owner is not finding:
            into.setdefault(origin[id(finding)], owner.rule)
    for owner in owners.values():
        count[origin[id(owner)]] += 1
    out = []
    for index, outcome in enumerate(outcomes):
        if count[index] == outcome.findings:
            out.append(outcome)
        elif count[index] > 0:
            out.append(replace(outcome, findings=count[index]))
        else:
            out.append(replace(outcome, status=Status.MERGED, findings=0,
                               reason=f"所发现的是同一格的同一处错误，已并入规则 {into.get(index, outcome.rule)} 的发现"))
    return out


def audit_document(doc: Any, profile: Profile, only: Sequence[str] = (), skip: Sequence[str] = ()) -> AuditResult:
    """All findings for one document, sorted by tier and place, one per fingerprint; every rule's outcome."""
    ctx = Context(profile=profile, document=doc.path)
    findings: list[Finding] = []
    outcomes: list[RuleOutcome] = []
    origin: dict[int, int] = {}  # a finding of the first pass (by id) → the outcome of the rule that gave it
    present = subjects(doc)
    # the reading rules last, after every other rule on every subject: whether anything of the document was checked
    # (reading.nothing_read) is known only once the rules on its tables and sentences have run and said what they
    # compared or where they found a problem
    for last in (False, True):
        if last:
            absorbed: dict[int, Finding] = {}
            before = findings
            findings = merge_faults(findings, ctx.identities, absorbed)  # one cell behind several sums: one finding
            outcomes = _merged_outcomes(outcomes, origin, before, absorbed)
            ctx.found(findings)
        for kind, subject in sorted(present, key=lambda item: item[0] == "document"):
            name = subject_name(kind, subject)
            for r in select(only, skip, kind):
                if (r.family in READING_LAST) is not last:
                    continue
                found, outcome = apply(r, subject, ctx, skip, name)
                origin.update((id(f), len(outcomes)) for f in found)
                findings.extend(found)
                outcomes.append(outcome)
    kinds = {kind for kind, _ in present}
    outcomes += [RuleOutcome(r.id, r.title, "文档", Status.NOT_APPLICABLE, ABSENT[r.subject])
                 for r in select(only, skip) if r.subject not in kinds]
    unique = {(f.fingerprint, f.message): f for f in findings}
    result = tuple(sort_findings(one_per_fault(unique.values())))
    reading = getattr(doc, "reading", None)
    cov = None if reading is None else coverage(reading, outcomes, ctx.checked_claims, result,
                                                ctx.unchecked_reasons)
    return AuditResult(result, tuple(outcomes), cov)
