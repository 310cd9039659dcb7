"""The 部门决算公开 package written from a ledger and passed through the release gate: the Word document (tables
and 情况说明) is the reference, read back and audited; the Excel workbook and the PDF must read back to the same
tables (and the PDF to the same findings). Used by `jixiao report disclosure` and by the web download."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jixiao.core.finding import Finding, Tier
from jixiao.core.ledger import Ledger
from jixiao.core.profile import Profile
from jixiao.ingest.pipeline import load_document
from jixiao.render import blocks as writers
from jixiao.render.disclosure import build
from jixiao.render.gate import GateResult, carry, check, explained, same_findings, same_tables


@dataclass(frozen=True)
class PackageRelease:
    result: GateResult  # of the Word reference
    renditions: tuple[Path, ...]  # docx, xlsx[, pdf] drafts
    differences: tuple[str, ...]  # where another format reads back differently

    @property
    def released(self) -> bool:
        return self.result.released and not self.differences

    @property
    def problems(self) -> list[Finding]:
        return [*self.result.blocking, *self.result.unexplained]

    @property
    def findings(self) -> list[Finding]:
        return [f for f in self.result.findings if f.tier is not Tier.NOTICE]


def package_name(ledger: Ledger) -> str:
    return f"{ledger.department}{ledger.year}年度部门决算公开"


def release_package(ledger: Ledger, folder: Path, profile: Profile, explanations: dict[str, str],
                    pdf: bool = True) -> PackageRelease:
    """Write the drafts into `folder` and check every format; nothing is published here."""
    blocks = build(ledger)
    name = package_name(ledger)
    docx_path = writers.to_docx(blocks, folder / f"{name}.docx", name)
    xlsx_path = writers.to_xlsx([b for b in blocks if not isinstance(b, writers.Para) or "公开" in b.text
                                 or "单位" in b.text], folder / f"{name}（公开01-10表）.xlsx")
    result = check(docx_path, profile, explanations)
    workbook, errors = load_document(xlsx_path)
    differences = [f"Excel：{d}" for d in same_tables(result.document, workbook)] if result.document and workbook \
        else [str(e) for e in errors]
    renditions = [docx_path, xlsx_path]
    if pdf:
        from jixiao.render.pdf import to_pdf

        pdf_path = to_pdf(blocks, folder / f"{name}.pdf", name)
        checked = check(pdf_path, profile, explanations)
        pdf_result = explained(checked, carry(explanations, result, checked))
        differences += [f"PDF：{d}" for d in same_findings(result, pdf_result)]
        if result.document and pdf_result.document:
            differences += [f"PDF：{d}" for d in same_tables(result.document, pdf_result.document)]
        renditions.append(pdf_path)
    return PackageRelease(result, tuple(renditions), tuple(differences))
