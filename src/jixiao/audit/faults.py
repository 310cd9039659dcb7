"""One fault, one finding, for the tables' arithmetic: the identities the rules checked (each recorded with its finding,
Context.identity) are given to core.faults.localise; the findings of the failing identities one cell explains become
one finding at that cell, naming the value that makes them all hold and quoting each as corroboration. A failure no
single cell explains keeps its finding, which names the cells that could each be the wrong one when the other
identities narrow them down."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from jixiao.audit.compare import wan
from jixiao.core.faults import Fault, Figure, Identity, localise
from jixiao.core.finding import Finding, Tier

MAX_NAMED = 5


def _numbered(n: int) -> str:
    return chr(0x2460 + n) if n < 20 else f"({n + 1})"


def _owner(figure: Figure, findings: Sequence[Finding]) -> Finding:
    """The finding whose rule reports the merged one: the identity of the cell's own row (its row's 合计), else one of
    its own table, else the first."""
    where = figure.location
    for same in (
        lambda at: (at.table, at.row) == (where.table, where.row),
        lambda at: at.table == where.table,
    ):
        if owner := next((f for f in findings if same(f.location)), None):
            return owner
    return findings[0]


def one_cell(fault: Fault, findings: Sequence[Finding]) -> Finding:
    """The findings of the identities one cell explains, as one finding at that cell, reported by the rule of the
    identity nearest to it (its own row's first) and quoting each, that one first."""
    figure = fault.figure
    first = _owner(figure, findings)
    findings = [first, *(f for f in findings if f is not first)]
    quoted = "；".join(f"{_numbered(n)} {f.message}" for n, f in enumerate(findings))
    message = (
        f"{figure.name}：填列 {wan(figure.value)}，若为 {wan(fault.corrected)}（相差 {wan(-fault.change)} 万元），"
        f"以下 {len(findings)} 项勾稽都成立，其他勾稽不受影响：是这一格的同一处错误。{quoted}"
    )
    return Finding(
        first.rule,
        Tier.ERROR,
        message,
        figure.location,
        first.category,
        expected=wan(fault.corrected),
        actual=wan(figure.value),
        difference=wan(-fault.change),
        related=tuple(f.location for f in findings),
    )


def suspects_note(figures: Sequence[Figure]) -> str:
    """'；可能填错的是 A 或 B 中的一格（其余各格改动会使另外的勾稽不成立）'."""
    names = [f.name for f in figures]
    if len(names) == 1:
        said = names[0]
    elif len(names) <= MAX_NAMED:
        said = f"{'、'.join(names[:-1])}或{names[-1]}中的一格"
    else:
        said = f"{'、'.join(names[:MAX_NAMED])}等 {len(names)} 格中的一格"
    return f"；可能填错的是{said}（其余各格改动会使另外的勾稽不成立）"


def merge_faults(
    findings: Sequence[Finding], checked: Sequence[tuple[Identity, Finding | None]],
    absorbed: dict[int, Finding] | None = None,
) -> list[Finding]:
    """`findings` with the failures one cell explains made one finding, the others annotated with their suspects.
    A failing identity whose finding is not among `findings` (its rule left it out as part of a fault it reported
    otherwise, or its tier was skipped) takes no part. `absorbed`, when given, is filled with every finding made part
    of a one-cell finding (by id) and the finding whose rule reports that one (itself, for that rule's own): the
    coverage counts a rule whose finding was merged under the one finding shown, not as a second problem."""
    listed = {id(f) for f in findings}
    identities: list[Identity] = []
    finding_of: dict[object, Finding] = {}
    for identity, found in checked:
        if identity.holds:
            identities.append(identity)
        elif found is not None and id(found) in listed and found.tier is Tier.ERROR:
            identities.append(identity)
            finding_of[identity.key] = found
    if not finding_of:
        return list(findings)
    located = localise(identities)
    instead: dict[int, Finding | None] = {}
    for fault in located.faults:
        merged = [finding_of[key] for key in fault.identities]
        instead[id(merged[0])] = one_cell(fault, merged)
        if absorbed is not None:
            owner = _owner(fault.figure, merged)
            absorbed.update((id(f), owner) for f in merged)
        instead.update((id(f), None) for f in merged[1:])
    for key, figures in located.suspects.items():
        found = finding_of[key]
        instead[id(found)] = replace(found, message=found.message + suspects_note(figures))
    out: list[Finding] = []
    for f in findings:
        new = instead.get(id(f), f)
        if new is not None:
            out.append(new)
    return out
