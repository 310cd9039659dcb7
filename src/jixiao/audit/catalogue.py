"""The rule catalogue: every audit rule declared once — id, Chinese title, tier, category, basis,
profile parameters — with its check. The registry is built once at import of the rule modules and is
never aliased or appended to from outside `rule()`.

A check is a pure function `check(subject, ctx) -> Iterable[Finding]`. `subject` is what the rule
applies to (see SUBJECTS); `ctx` carries the profile and the document path.

Each rule on each subject ends in one of three ways: held (it ran and found nothing), broken (findings), or not
applicable with a reason — declared up front by `applies(subject) -> reason | None`, or by the check yielding
`NotApplicable(reason)` when it finds out while checking. A check marks the stated sentences, or the claims read
from them, that it compared with `ctx.checked(...)`, so the reading report can say which figures were checked and
which were not.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jixiao.core.coverage import RuleOutcome, Status, stated_key
from jixiao.core.disclosure import ColumnNotRead
from jixiao.core.faults import Identity
from jixiao.core.finding import Finding, Tier
from jixiao.core.profile import Profile

# What a rule can apply to, and the object its check receives.
SUBJECTS = {
    "self_evaluation": "one project's self-evaluation (core.model.SelfEvaluation)",
    "goal": "one project's goal with its budget (audit.subjects.GoalSubject)",
    "disclosure": "a 决算公开 package: tables, narrative, counts (core.disclosure.DisclosurePackage)",
    "prose": "statements extracted from a prose document (core.statements)",
    "document": "a whole document, for cross-section and coverage rules (ingest Document)",
    "key_evaluation": "a 部门/财政评价 scoring table with its report (core.model.KeyEvaluation)",
    "monitoring": "one project's 绩效运行监控表: fund rows to the period's end, indicator rows (core.model.MonitoringForm)",
}

RULE_MODULES = [
    "jixiao.audit.rules.selfeval",
    "jixiao.audit.rules.selfeval_text",
    "jixiao.audit.rules.disclosure",
    "jixiao.audit.rules.comparison",
    "jixiao.audit.rules.narrative",
    "jixiao.audit.rules.changes",
    "jixiao.audit.rules.shares",
    "jixiao.audit.rules.coverage",
    "jixiao.audit.rules.keyeval",
    "jixiao.audit.rules.prose",
    "jixiao.audit.rules.goalfunds",
    "jixiao.audit.rules.allocation",
    "jixiao.audit.rules.grades",
    "jixiao.audit.rules.parts",
    "jixiao.audit.rules.blockscores",
    "jixiao.audit.rules.goals",
    "jixiao.audit.rules.colformulas",
    "jixiao.audit.rules.reading",
    "jixiao.audit.rules.scores",
    "jixiao.audit.rules.monitoring",
]


@dataclass(frozen=True)
class Context:
    profile: Profile
    document: str = ""
    _memo: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)
    _checked: set[tuple[object, ...]] = field(default_factory=set, compare=False, repr=False)
    _found: list[Finding] = field(default_factory=list, compare=False, repr=False)
    _why: dict[tuple[object, ...], str] = field(default_factory=dict, compare=False, repr=False)
    _identities: list[tuple[Identity, Finding | None]] = field(default_factory=list, compare=False, repr=False)

    def checked(self, *statements: Any) -> None:
        """Mark stated sentences, or claims read from them (core.statements.Claim), as compared by a rule."""
        self._checked.update(stated_key(s) for s in statements)

    @property
    def checked_claims(self) -> frozenset[tuple[object, ...]]:
        return frozenset(self._checked)

    def unchecked(self, reason: str, *statements: Any) -> None:
        """Say why a rule that read these sentences (or claims) could not check them (Chinese, '所列为主要增减项，
        未必列全'): the reading report lists them as 未核对 with the reason. The first reason given is kept."""
        for s in statements:
            self._why.setdefault(stated_key(s), reason)

    @property
    def unchecked_reasons(self) -> dict[tuple[object, ...], str]:
        return dict(self._why)

    def found(self, findings: Iterable[Finding]) -> None:
        """Record the problems the rules run so far found (the reading rules, run last, count a sentence as checked
        when a finding points at its paragraph and names one of its figures)."""
        self._found.extend(findings)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(self._found)

    def identity(self, identity: Identity, finding: Finding | None) -> None:
        """Record an arithmetic identity a rule checked, holding or not, with the finding it gave (None when it
        held exactly): the engine reports a cell that explains several failing identities once (audit.faults)."""
        self._identities.append((identity, finding))

    @property
    def identities(self) -> tuple[tuple[Identity, Finding | None], ...]:
        return tuple(self._identities)

    def memo(self, key: object, compute: Callable[[], Any]) -> Any:
        """A value computed once per audit run (e.g. a self-evaluation's scores, shared by many rules)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


@dataclass(frozen=True)
class NotApplicable:
    """Yielded by a check that cannot be applied to its subject: the reason in Chinese ('缺少公开05表')."""

    reason: str


Check = Callable[[Any, Context], Iterable["Finding | NotApplicable"]]
Applies = Callable[[Any], "str | None"]  # the reason the rule does not apply to the subject, or None


@dataclass(frozen=True)
class Rule:
    id: str  # "<family>.<slug>", e.g. "disclosure.r01_income_total"
    title: str  # Chinese
    tier: Tier  # default tier; a check may lower it (e.g. within tolerance → notice)
    category: str  # Chinese category shown in the 问题清单
    basis: str  # SPEC section or regulation
    subject: str
    check: Check
    params: tuple[str, ...] = ()  # profile keys the rule reads
    tags: tuple[str, ...] = ()
    version: int = 1
    doc: str = field(default="", compare=False)
    applies: Applies | None = field(default=None, compare=False)

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


_REGISTRY: dict[str, Rule] = {}


def rule(
    id: str,
    title: str,
    tier: Tier,
    category: str,
    basis: str,
    subject: str,
    params: Sequence[str] = (),
    tags: Sequence[str] = (),
    version: int = 1,
    applies: Applies | None = None,
) -> Callable[[Check], Check]:
    """Declare a rule; the decorated function is its check, its docstring the rule text."""
    if subject not in SUBJECTS:
        raise ValueError(f"unknown subject {subject!r} for rule {id}")

    def register(check: Check) -> Check:
        if id in _REGISTRY:
            raise ValueError(f"rule {id} declared twice")
        _REGISTRY[id] = Rule(
            id=id, title=title, tier=tier, category=category, basis=basis, subject=subject, check=check,
            params=tuple(params), tags=tuple(tags), version=version, doc=(check.__doc__ or "").strip(),
            applies=applies,
        )
        return check

    return register


def load_rules() -> dict[str, Rule]:
    """All rules, after importing every rule module once."""
    for name in RULE_MODULES:
        importlib.import_module(name)
    return dict(_REGISTRY)


def _matches(rule_: Rule, patterns: Sequence[str]) -> bool:
    return any(
        rule_.id == p or rule_.id.startswith(p + ".") or rule_.family == p or p in rule_.tags
        or p == rule_.tier.value
        for p in patterns
    )


def select(only: Sequence[str] = (), skip: Sequence[str] = (), subject: str | None = None) -> list[Rule]:
    """Rules filtered by id, family, tag or tier (`--only disclosure --skip notice`)."""
    rules = load_rules().values()
    chosen = [
        r for r in rules
        if (subject is None or r.subject == subject)
        and (not only or _matches(r, only))
        and not (skip and _matches(r, skip))
    ]
    return sorted(chosen, key=lambda r: r.id)


def apply(r: Rule, subject: Any, ctx: Context, skip: Sequence[str] = (),
          subject_name: str = "") -> tuple[list[Finding], RuleOutcome]:
    """One rule on one subject: its findings and its outcome (held, broken, or not applicable with the reason)."""
    reason = r.applies(subject) if r.applies is not None else None
    findings: list[Finding] = []
    if reason is None:
        try:
            for item in r.check(subject, ctx):
                if isinstance(item, NotApplicable):
                    reason = reason or item.reason
                elif not (skip and item.tier.value in skip):
                    findings.append(item)
        except ColumnNotRead as unread:  # a figure it needs is unknown: what it found before that still stands
            reason = reason or str(unread)
    status = Status.BROKEN if findings else Status.NOT_APPLICABLE if reason else Status.HELD
    return findings, RuleOutcome(r.id, r.title, subject_name, status, reason or "", len(findings))


def run(subject_kind: str, subject: Any, ctx: Context, only: Sequence[str] = (),
        skip: Sequence[str] = ()) -> list[Finding]:
    """Run every selected rule for `subject_kind` on `subject`."""
    return [f for r in select(only, skip, subject_kind) for f in apply(r, subject, ctx, skip)[0]]
