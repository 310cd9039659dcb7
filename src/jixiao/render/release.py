"""A generated document's renditions (Word, PDF) written as drafts and each passed through the release gate.

The first rendition is the reference: every other one must read back to the same findings, and a written
explanation of a warning covers that warning in every rendition.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jixiao.core.finding import Finding
from jixiao.core.profile import Profile
from jixiao.render import blocks as writers
from jixiao.render.gate import GateResult, Verify, carry, check, explained, record, same_findings
from jixiao.render.pdf import to_pdf, unavailable

FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class Rendition:
    format: str
    path: Path
    result: GateResult


@dataclass(frozen=True)
class Release:
    title: str
    renditions: tuple[Rendition, ...]
    differences: tuple[str, ...]  # where the renditions disagree after reading back
    cause: str = ""  # why no rendition could be made at all (e.g. no CJK font for the PDF): the one problem

    @property
    def released(self) -> bool:
        return (not self.cause and bool(self.renditions) and not self.differences
                and all(r.result.released for r in self.renditions))

    @property
    def problems(self) -> list[Finding]:
        """Errors and unexplained warnings of the reference rendition (the others match it or differ)."""
        if not self.renditions:
            return []
        result = self.renditions[0].result
        return [*result.blocking, *result.unexplained]


def parse_formats(text: str) -> tuple[str, ...] | None:
    """'docx,pdf' → ('docx', 'pdf'); None when a format is unknown or none is given."""
    chosen = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    if not chosen or any(f not in FORMATS for f in chosen):
        return None
    return chosen


def _write(blocks: list[writers.Block], path: Path, title: str, fmt: str) -> Path:
    if fmt == "pdf":
        return to_pdf(blocks, path, title)
    return writers.to_docx(blocks, path, title)


def release(blocks: list[writers.Block], title: str, stem: str, folder: Path, formats: Sequence[str],
            profile: Profile, explanations: dict[str, str], verify: Verify | None = None) -> Release:
    """Write each format into `folder` (drafts) and check each; nothing is published here. A PDF that cannot be
    set in Chinese here is not written: the missing font (or WeasyPrint) is reported as the one cause."""
    if "pdf" in formats and (reason := unavailable()):
        return Release(title, (), (), f"无法生成 PDF：{reason}")
    renditions: list[Rendition] = []
    differences: list[str] = []
    for fmt in formats:
        path = _write(blocks, folder / f"{stem}.{fmt}", title, fmt)
        result = check(path, profile, explanations, verify)
        if renditions:
            reference = renditions[0].result
            result = explained(result, carry(explanations, reference, result))
            differences += [f"{fmt.upper()} 与 {renditions[0].format.upper()} 读回结果不同：{d}"
                            for d in same_findings(reference, result)]
        renditions.append(Rendition(fmt, path, result))
    return Release(title, tuple(renditions), tuple(differences))


def publish(outcome: Release, out: Path, explanations: dict[str, str]) -> list[Path]:
    """Copy a released document's renditions to `out`, each with its gate record beside it."""
    if not outcome.released:
        raise ValueError("未通过发布前审核的文档不能发布")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    reference = outcome.renditions[0].result
    for rendition in outcome.renditions:
        target = out / rendition.path.name
        shutil.copy2(rendition.path, target)
        record(rendition.result, target, carry(explanations, reference, rendition.result))
        written.append(target)
    return written

