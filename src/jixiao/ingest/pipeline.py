"""load_document: read → detect kind/year/unit → extract → validate. Never raises for bad data; every
problem is a ReadError in Chinese naming where it is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jixiao.core.disclosure import DisclosurePackage
from jixiao.core.model import DocumentKind, KeyEvaluation, SelfEvaluation
from jixiao.core.provenance import Location
from jixiao.core.statements import Statement
from jixiao.ingest.detect import detect
from jixiao.ingest.disclosure import extract_disclosure
from jixiao.ingest.keyeval import extract_key_evaluations
from jixiao.ingest.prose import prose_statements
from jixiao.ingest.selfeval import extract_self_evaluations
from jixiao.ingest.source import ReadError, SourceDocument, read_source


@dataclass(frozen=True)
class Document:
    path: str
    kind: DocumentKind
    year: int | None
    unit: str
    source: SourceDocument
    self_evaluations: tuple[SelfEvaluation, ...] = ()
    disclosure: DisclosurePackage | None = None
    key_evaluations: tuple[KeyEvaluation, ...] = ()
    statements: tuple[Statement, ...] = ()  # prose documents: every sentence with its figures
    evidence: tuple[str, ...] = ()  # why the kind was taken: the title or markers found (ingest.detect)


# An extractor adds what it finds to the document: (document) -> (document, errors).
Extractor = Callable[[Document], tuple[Document, list[ReadError]]]


def _self_evaluations(doc: Document) -> tuple[Document, list[ReadError]]:
    found, errors = extract_self_evaluations(doc.source, doc.year)
    return replace(doc, self_evaluations=found), errors


def _disclosure(doc: Document) -> tuple[Document, list[ReadError]]:
    if doc.kind is DocumentKind.BUDGET_DISCLOSURE:
        return doc, []  # a 预算公开 is not a 决算公开: none of its tables are read as 决算 tables
    package, errors = extract_disclosure(doc.source, doc.year, doc.unit)
    return replace(doc, disclosure=package), errors


def _key_evaluations(doc: Document) -> tuple[Document, list[ReadError]]:
    # Only an evaluation's own tables: a self-evaluation's 一级/二级/三级指标 table is not a 评分表.
    if doc.kind is not DocumentKind.KEY_EVALUATION:
        return doc, []
    return replace(doc, key_evaluations=extract_key_evaluations(doc.source)), []


PROSE_KINDS = (DocumentKind.RESULTS_STATEMENT, DocumentKind.WORK_SUMMARY)


def _statements(doc: Document) -> tuple[Document, list[ReadError]]:
    if doc.kind not in PROSE_KINDS:
        return doc, []
    return replace(doc, statements=prose_statements(doc.source)), []


EXTRACTORS: list[Extractor] = [_self_evaluations, _disclosure, _key_evaluations, _statements]

KIND_NAMES = {k.value: k for k in DocumentKind} | {k.label: k for k in DocumentKind}


def parse_kind(text: str) -> DocumentKind | None:
    return KIND_NAMES.get(text.strip())


def load_document(path: Path | str, kind: DocumentKind | None = None, year: int | None = None,
                  **_: Any) -> tuple[Document | None, list[ReadError]]:
    """Read and identify one document. Returns (None, errors) when it cannot be read or identified."""
    path = Path(path)
    where = Location(document=str(path))
    if not path.exists():
        return None, [ReadError("文件不存在", where)]
    if not path.is_file():
        return None, [ReadError("不是文件", where)]
    source, errors = read_source(path)
    if source is None:
        return None, errors
    found = detect(source.text, str(path))
    kind = kind or found.kind
    if kind is None:
        hint = f"（{found.hint}）" if found.hint else ""
        return None, [ReadError(f"无法识别文档类型{hint}；可用 --kind 指定（{'、'.join(k.value for k in DocumentKind)}）",
                                where)]
    evidence = found.evidence if kind is found.kind else ("类型由用户指定",)
    doc = Document(path=str(path), kind=kind, year=year or found.year, unit=found.unit, source=source,
                   evidence=evidence)
    for extractor in EXTRACTORS:
        doc, extra = extractor(doc)
        errors.extend(extra)
    if doc.year is None:
        errors.append(ReadError("无法识别文档年度，可用 --year 指定", where))
    return doc, errors
