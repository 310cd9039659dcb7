"""load_document: read → detect kind/year/unit → extract → validate → reading report. Never raises for bad
data; every problem is a ReadError in Chinese naming where it is, and every part not understood is listed in the
document's reading report (`Document.reading`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jixiao.core.coverage import Reading, Unread
from jixiao.core.disclosure import DisclosurePackage
from jixiao.core.model import (
    DocumentKind,
    GoalForm,
    KeyEvaluation,
    MonitoringForm,
    ScoreOutline,
    SelfEvaluation,
)
from jixiao.core.parts import PartsTable
from jixiao.core.provenance import Location
from jixiao.core.results import ResultsTable
from jixiao.core.statements import Statement
from jixiao.ingest.comparison import extract_comparisons
from jixiao.ingest.detect import detect
from jixiao.ingest.disclosure import extract_budget_disclosure, extract_disclosure
from jixiao.ingest.fundhead import fund_heads
from jixiao.ingest.gluedlist import glued_lists
from jixiao.ingest.keyeval import extract_key_evaluations
from jixiao.ingest.monitoring import extract_monitoring_forms
from jixiao.ingest.monitoring_prose import prose_monitoring_forms
from jixiao.ingest.prose import prose_statements
from jixiao.ingest.reading import reading_of, used_blocks
from jixiao.ingest.results import extract_results
from jixiao.ingest.scores import extract_scores
from jixiao.ingest.selfeval import extract_self_evaluations
from jixiao.ingest.source import Block, Paragraph, ReadError, Row, SourceDocument, Table, read_source
from jixiao.ingest.targetform import extract_goal_forms, target_tables_unread


@dataclass(frozen=True)
class Document:
    path: str
    kind: DocumentKind
    year: int | None
    unit: str
    source: SourceDocument
    self_evaluations: tuple[SelfEvaluation, ...] = ()
    goal_forms: tuple[GoalForm, ...] = ()  # budget-side 绩效目标表: targets only, audited by the goal rules
    disclosure: DisclosurePackage | None = None
    key_evaluations: tuple[KeyEvaluation, ...] = ()
    statements: tuple[Statement, ...] = ()  # prose documents: every sentence with its figures
    results: tuple[ResultsTable, ...] = ()  # tables of evaluation results (project, amount, score, grade)
    score_outlines: tuple[ScoreOutline, ...] = ()  # points and scores printed part by part outside a form table
    monitoring_forms: tuple[MonitoringForm, ...] = ()  # 绩效运行监控表: execution to date, year-end expectations
    # tables of parts and their total run together into a line (an allocation to towns, a form's fund head)
    parts_tables: tuple[PartsTable, ...] = ()
    # What an extractor saw but could not understand: Unread(what, location) or (what, location) pairs.
    unread: tuple[Unread | tuple[str, Location], ...] = ()
    consumed: frozenset[int] = frozenset()  # source block indices an extractor used without keeping a Location
    kind_evidence: tuple[str, ...] = ()  # why the document was taken for its kind
    targets: bool = False  # a budget-side 绩效目标表 (or a notice allocating money with one) decided the kind
    problems: tuple[ReadError, ...] = ()  # the ReadErrors of loading (cells that are not amounts …)
    reading: Reading | None = None  # the reading report, computed last


# An extractor adds what it finds to the document: (document) -> (document, errors).
Extractor = Callable[[Document], tuple[Document, list[ReadError]]]


def _goal_forms(doc: Document) -> tuple[Document, list[ReadError]]:
    """The 绩效目标表 of the budget side: read as goals, never as self-evaluations."""
    if doc.kind is not DocumentKind.BUDGET_DISCLOSURE:
        return doc, []
    found, used, errors = extract_goal_forms(doc.source, doc.year, doc.unit)
    units = {form.unit for form in found if form.location.block in used}  # not a form inside a notice's paragraph
    # a page whose unit the text does not name otherwise: the one its forms name (实施单位, 下达地方或单位)
    unit = doc.unit or (units.pop() if len(units) == 1 else "")
    return replace(doc, goal_forms=found, consumed=doc.consumed | used, unit=unit), errors


def _monitoring(doc: Document) -> tuple[Document, list[ReadError]]:
    """A 绩效运行监控表: its fund rows and the rates it states; the form's 项目执行单位 is the reporting unit."""
    if doc.kind is not DocumentKind.MONITORING:
        return doc, []
    found, used, unread, errors = extract_monitoring_forms(doc.source, doc.year)
    units = {form.unit for form in found if form.unit}
    unit = units.pop() if len(units) == 1 else doc.unit
    return replace(doc, monitoring_forms=found, consumed=doc.consumed | used, unread=doc.unread + tuple(unread),
                   unit=unit), errors


def _self_evaluations(doc: Document) -> tuple[Document, list[ReadError]]:
    if doc.kind in (DocumentKind.KEY_EVALUATION, DocumentKind.MONITORING):
        return doc, []  # an evaluation's 项目资金 table is the evaluation's, read by extract_key_evaluations
    found, errors = extract_self_evaluations(doc.source, doc.year, doc.unit,
                                             whole=doc.kind is DocumentKind.SELF_EVALUATION)
    if doc.goal_forms:  # a target form's indicator table is no self-evaluation's, nor is its lack of a 预算执行 table
        goals = doc.consumed
        found = tuple(se for se in found if se.location.block not in goals
                      and not any(i.location.block in goals for i in se.indicators))
        errors = [e for e in errors if e.location.block not in goals]
    # a table whose parts the reader named unread (a form's tail before the next title, a form with its head only) is
    # reported by those names, once each: not again as a table nobody recognised
    named = {e.location.block for e in errors if e.location.block is not None and not e.location.column
             and isinstance(doc.source.blocks[e.location.block], Table)}
    return replace(doc, self_evaluations=found, consumed=doc.consumed | named), errors


PROSE_KINDS = (DocumentKind.RESULTS_STATEMENT, DocumentKind.WORK_SUMMARY)


def _disclosure(doc: Document) -> tuple[Document, list[ReadError]]:
    if doc.kind in PROSE_KINDS or doc.kind is DocumentKind.MONITORING:  # a monitoring form is read by _monitoring  # a results statement or work summary: its sentences are read as prose claims
        return doc, []
    if doc.kind is DocumentKind.BUDGET_DISCLOSURE:  # not a 决算公开: its explanation only, no 决算 tables
        package, errors = extract_budget_disclosure(doc.source, doc.year, doc.unit)
        if package is not None and doc.goal_forms:  # a target form's cells are the form's, not sentences to check
            narrative = tuple(s for s in package.narrative if s.location.block not in doc.consumed)
            package = replace(package, narrative=narrative) if narrative or package.tables else None
        read = doc.consumed | {f.location.block for f in doc.goal_forms if f.location.block is not None}
        targets = target_tables_unread(doc.source, read)  # a 绩效目标表 not read: said so, with where
        package = _with_comparisons(doc, package)
        return replace(doc, disclosure=package, unread=doc.unread + targets), _compared_read(package, errors)
    package, errors = extract_disclosure(doc.source, doc.year, doc.unit)
    cells = _form_paragraphs(doc)
    if package is not None and cells:  # a form run together into paragraphs: its cells are the form's, not sentences
        package = replace(package, narrative=tuple(s for s in package.narrative if s.location.block not in cells))
    package = _with_comparisons(doc, package)
    return replace(doc, disclosure=package), _compared_read(package, errors)


def _compared_read(package: DisclosurePackage | None, errors: list[ReadError]) -> list[ReadError]:
    """The errors without the columns of a template table its comparison reads (a 三公 table's last-year and change
    columns, which its template leaves out): they are read after all."""
    titles = {t.title for t in package.comparisons if t.template} if package is not None else set()
    return [e for e in errors if not (e.location.column and e.location.table in titles)]


def _form_paragraphs(doc: Document) -> set[int]:
    """The paragraphs a self-evaluation form's rows were read from (a form whose cells ran together into lines of
    text): what they print are the form's cells, checked and reported unread as the form's, not sentences."""
    blocks = doc.source.blocks
    found = {loc.block for se in doc.self_evaluations if not se.is_department  # a department's report is prose
             for loc in (*(line.location for line in se.budget_lines), *(i.location for i in se.indicators))
             if loc.block is not None and loc.block < len(blocks)}
    return {index for index in found if isinstance(blocks[index], Paragraph)}


def _with_comparisons(doc: Document, package: DisclosurePackage | None) -> DisclosurePackage | None:
    """The package with the tables comparing two years that none of its templates took (ingest.comparison); a
    package of those alone when the document holds nothing else of one."""
    tables = package.tables.values() if package is not None else ()
    used = set(doc.consumed) | {loc.block for t in tables for loc in (t.location, *(r.location for r in t.rows))
                                if loc.block is not None}
    # a 三公 table beside last year's figures and the change ('2030年预算数 | 2031年预算数 | 增减额 | 增减率'): its
    # template reads this year's column only; the comparison is read as well
    sangong = package.table("D09") if package is not None else None
    compared = {loc.block for loc in (sangong.location, *(r.location for r in sangong.rows))
                if loc.block is not None} if sangong is not None else set()
    found = tuple(replace(table, template="公开09", title=sangong.title or table.title)
                  if sangong is not None and table.location.block in compared else table
                  for table in extract_comparisons(doc.source.blocks, used - compared))
    if not found:
        return package
    if package is None:
        stage = "预算" if doc.kind is DocumentKind.BUDGET_DISCLOSURE else "决算"
        return DisclosurePackage(department=doc.unit, year=doc.year, tables={}, comparisons=found,
                                 location=Location(document=doc.source.path), stage=stage)
    return replace(package, comparisons=found)


# First cells of the rows extract_key_evaluations reads without keeping a Location (项目基本情况, 资金, 评价人员,
# 问题清单): their tables count as used when an evaluation was found.
_KEY_EVALUATION_ROWS = ("项目名称", "主管部门", "合计", "年度总体目标", "问题和建议", "姓名", "问题分类")


def _key_evaluations(doc: Document) -> tuple[Document, list[ReadError]]:
    # Only an evaluation's own tables: a self-evaluation's 一级/二级/三级指标 table is not a 评分表.
    if doc.kind is not DocumentKind.KEY_EVALUATION:
        return doc, []
    found = extract_key_evaluations(doc.source)
    used = {i for i, block in enumerate(doc.source.blocks) if found and isinstance(block, Table)
            and any(row.filled and row.filled[0].replace(" ", "") in _KEY_EVALUATION_ROWS for row in block.rows)}
    return replace(doc, key_evaluations=found, consumed=doc.consumed | used), []


def _statements(doc: Document) -> tuple[Document, list[ReadError]]:
    """The sentences of a prose document; of a monitoring report written in prose (no form read), its sentences
    too: the rates, sums and amounts it states are checked as a work summary's are."""
    prose_report = doc.kind is DocumentKind.MONITORING and not doc.monitoring_forms
    if doc.kind not in PROSE_KINDS and not prose_report:
        return doc, []
    statements = prose_statements(doc.source)
    if not prose_report:
        return replace(doc, statements=statements), []
    # a monitoring report in prose: the budgets it states with their execution, for the rules on 执行进度
    forms, unread = prose_monitoring_forms(statements, doc.year)
    return replace(doc, statements=statements, monitoring_forms=forms, unread=doc.unread + tuple(unread)), []


def _results(doc: Document) -> tuple[Document, list[ReadError]]:
    """Tables of evaluation results, whatever kind the document was taken for (a results bulletin, a key
    evaluation's list, a self-evaluation's table of projects)."""
    found, used, errors = extract_results(doc.source.blocks)
    return replace(doc, results=found, consumed=doc.consumed | used), errors


def _scores(doc: Document) -> tuple[Document, list[ReadError]]:
    """A report's outline scored part by part, or a scoring table run together into one paragraph, in a
    self-evaluation or an evaluation whose forms gave no scores of their own."""
    if doc.kind not in (DocumentKind.SELF_EVALUATION, DocumentKind.KEY_EVALUATION) or doc.key_evaluations or any(
            se.indicators for se in doc.self_evaluations):
        return doc, []
    found, unread = extract_scores(doc.source)
    return replace(doc, score_outlines=found, unread=doc.unread + tuple(unread)), []


def _parts_tables(doc: Document) -> tuple[Document, list[ReadError]]:
    """Lists of parts and their total run together into a paragraph no reader of tables or forms took: names glued
    to their amounts (ingest.gluedlist), a form's fund head of labels, amounts and shares (ingest.fundhead)."""
    used = used_blocks(doc, sentences=False)
    lists, unread = glued_lists(doc.source.blocks, used)
    heads, unread_heads = fund_heads(doc.source.blocks, used)
    funds = tuple(table for form in doc.goal_forms for table in form.funds)  # a target form's 项目资金
    return replace(doc, parts_tables=(*funds, *lists, *heads), unread=(*doc.unread, *unread, *unread_heads)), []


EXTRACTORS: list[Extractor] = [_goal_forms, _monitoring, _self_evaluations, _disclosure, _key_evaluations, _statements, _results,
                               _scores, _parts_tables]

KIND_NAMES = {k.value: k for k in DocumentKind} | {k.label: k for k in DocumentKind}


def parse_kind(text: str) -> DocumentKind | None:
    return KIND_NAMES.get(text.strip())


def _numbered(source: SourceDocument) -> SourceDocument:
    """Each block's Locations (paragraph, table, rows, cells) carry the block's index."""
    blocks: list[Block] = []
    for index, block in enumerate(source.blocks):
        if isinstance(block, Paragraph):
            blocks.append(replace(block, location=replace(block.location, block=index)))
            continue
        rows = tuple(Row(tuple(replace(c, location=replace(c.location, block=index)) for c in row.cells),
                         replace(row.location, block=index)) for row in block.rows)
        blocks.append(replace(block, rows=rows, location=replace(block.location, block=index)))
    return replace(source, blocks=tuple(blocks))


def _pictures(source: SourceDocument) -> tuple[Unread, ...]:
    """A picture with no text (a scanned page, a table or chart pasted as an image) holds nothing jixiao can read:
    said so, with where it is."""
    return tuple(Unread("只有图片、没有文字（扫描页，或以图片插入的表格、图表），其中内容未读取、未核对", at, "other")
                 for at in source.pictures)


def _evidence(found: Any, forced: bool) -> tuple[str, ...]:
    if forced:
        return ("类型由用户指定",)
    evidence = getattr(found, "evidence", None)  # detect() may name the titles and markers it matched
    if evidence:
        return tuple(str(e) for e in evidence)
    return ("按文档内容中的标题和表名识别",)


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
    source = _numbered(source)
    found = detect(source.text, str(path), source.preamble)
    forced = kind is not None
    kind = kind or found.kind
    if kind is None:
        hint = f"（{found.hint}）" if found.hint else ""
        kinds = '、'.join(k.label for k in DocumentKind)
        if found.unaudited:  # recognised, but of a kind jixiao does not audit yet: said so, not 'not recognised'
            return None, [ReadError(f"暂不审核{found.unaudited}{hint}；如文档实为其他类型，请指明文档类型（{kinds}）", where)]
        return None, [ReadError(f"无法识别文档类型{hint}；请指明文档类型（{kinds}）", where)]
    doc = Document(path=str(path), kind=kind, year=year or found.year, unit=found.unit, source=source,
                   kind_evidence=_evidence(found, forced), targets=found.targets and kind is found.kind,
                   unread=_pictures(source))
    for extractor in EXTRACTORS:
        doc, extra = extractor(doc)
        errors.extend(extra)
    if doc.year is None:
        why = f"（{found.year_note}）" if found.year_note else ""
        errors.append(ReadError(f"无法识别文档年度{why}，请指明年度", where))
    doc = replace(doc, problems=tuple(errors))
    return replace(doc, reading=reading_of(doc)), errors
