"""Release gate: a generated document is read back by jixiao's own ingest and audited before anyone may
publish it. An `error` blocks release; each `warning` needs a written explanation, stored with the document."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from jixiao.audit.engine import audit_document
from jixiao.core.finding import Finding, Tier
from jixiao.core.profile import Profile
from jixiao.core.provenance import Location
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


# A check of what was read back against what was meant to be written (e.g. the re-scored totals).
Verify = Callable[[Document], list[Finding]]


def check(path: Path, profile: Profile, explanations: dict[str, str] | None = None,
          verify: Verify | None = None) -> GateResult:
    """Read back and audit `path`; explanations map a warning's fingerprint to the written reason; `verify` adds
    findings (errors) where the read-back document differs from what was generated."""
    doc, errors = load_document(path)
    if doc is None:
        reason = "；".join(str(e) for e in errors)
        return GateResult(None, (Finding("gate.unreadable", Tier.ERROR, f"生成的文档无法读回：{reason}"),), ())
    findings = audit_document(doc, profile).findings
    if verify is not None:
        findings += tuple(verify(doc))
    return explained(GateResult(doc, findings, ()), explanations or {})


def explained(result: GateResult, explanations: dict[str, str]) -> GateResult:
    """`result` with its warnings matched against the written explanations."""
    unexplained = tuple(f for f in result.findings if f.tier is Tier.WARNING and not explanations.get(f.fingerprint))
    return replace(result, unexplained=unexplained)


def readback_error(message: str, path: Path) -> Finding:
    """A finding for a read-back document that differs from what was generated."""
    return Finding("gate.readback", Tier.ERROR, f"读回的文档与生成内容不一致：{message}",
                   Location(document=str(path)), "其他")


PLACEHOLDER = re.compile(r"【请[^】]{0,60}】")


def placeholders(doc: Document) -> list[Finding]:
    """A gate check: a slot left for a person to fill (“【请项目单位填写…】”) never reaches a released document."""
    found = dict.fromkeys(PLACEHOLDER.findall(doc.source.text))
    return [Finding("gate.placeholder", Tier.ERROR, f"文档含未填写的内容“{slot}”，请在页面上填写对应内容后再生成",
                    Location(document=str(doc.path)), "其他") for slot in found]


def _key(finding: Finding) -> tuple[str, str, str]:
    return finding.rule, finding.tier.value, finding.message


def carry(explanations: dict[str, str], source: GateResult, target: GateResult) -> dict[str, str]:
    """The explanations of `source`'s warnings, also keyed by the fingerprints of the same warnings (same rule and
    message) in `target`: one written reason covers every rendition of a document."""
    by_key = {_key(f): explanations[f.fingerprint] for f in source.findings if explanations.get(f.fingerprint)}
    return explanations | {f.fingerprint: by_key[_key(f)] for f in target.findings if _key(f) in by_key}


def same_findings(a: GateResult, b: GateResult) -> list[str]:
    """Findings (not notices) that one rendition of a document has and the other lacks."""
    mine = {_key(f) for f in a.findings if f.tier is not Tier.NOTICE}
    theirs = {_key(f) for f in b.findings if f.tier is not Tier.NOTICE}
    return [f"仅一种格式有：{message}" for _, _, message in sorted(mine ^ theirs)]


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
