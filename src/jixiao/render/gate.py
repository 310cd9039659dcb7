"""Release gate: a generated document is read back by jixiao's own ingest and audited before anyone may
publish it. An `error` blocks release; each `warning` needs a written explanation, stored with the document."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Finding, Tier
from jixiao.core.profile import Profile
from jixiao.ingest.pipeline import Document, load_document


@dataclass(frozen=True)
class GateResult:
    document: Document | None
    findings: tuple[Finding, ...]
    unexplained: tuple[Finding, ...]  # warnings without an explanation

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.tier is Tier.ERROR)

    @property
    def released(self) -> bool:
        return self.document is not None and not self.blocking and not self.unexplained


def check(path: Path, profile: Profile, explanations: dict[str, str] | None = None) -> GateResult:
    """Read back and audit `path`; explanations map a warning's fingerprint to the written reason."""
    explanations = explanations or {}
    doc, errors = load_document(path)
    if doc is None:
        reason = "；".join(str(e) for e in errors)
        return GateResult(None, (Finding("gate.unreadable", Tier.ERROR, f"生成的文档无法读回：{reason}"),), ())
    findings = audit_document(doc, profile).findings
    unexplained = tuple(f for f in findings if f.tier is Tier.WARNING and not explanations.get(f.fingerprint))
    return GateResult(doc, findings, unexplained)


def record(result: GateResult, path: Path, explanations: dict[str, str]) -> Path:
    """Store the gate's verdict and the explanations beside the released document."""
    target = path.with_suffix(path.suffix + ".gate.json")
    target.write_text(json.dumps({
        "document": path.name,
        "released": result.released,
        "findings": [f.to_dict() | {"explanation": explanations.get(f.fingerprint, "")} for f in result.findings],
    }, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


def same_tables(a: Document, b: Document) -> list[str]:
    """Differences between the disclosure tables of two renditions of one package (e.g. Word and Excel)."""
    if a.disclosure is None or b.disclosure is None:
        return ["其中一份文档没有决算公开表"]
    differences = []
    for code, table in sorted(a.disclosure.tables.items()):
        other = b.disclosure.table(code)
        if other is None:
            differences.append(f"{table.label} 缺失")
            continue
        mine = {(r.side, r.code, r.label, k): v.value for r in table.rows for k, v in r.cells.items()}
        theirs = {(r.side, r.code, r.label, k): v.value for r in other.rows for k, v in r.cells.items()}
        differences += [f"{table.label} {key[1] or key[2]}·{key[3]}：{mine.get(key)} ≠ {theirs.get(key)}"
                        for key in sorted(set(mine) | set(theirs), key=str) if mine.get(key) != theirs.get(key)]
    return differences
