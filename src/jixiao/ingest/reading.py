"""The reading report of a loaded document: the tables, forms and stated figures that were understood, and the
parts that were not (source tables and paragraphs with figures no extractor used, unmapped columns, cells that
are not amounts).

A source block counts as used when some extracted value's Location carries its block index (the pipeline stamps
every block, and `Location.with_` keeps the index), or when an extractor listed it in `Document.consumed`.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Any

from jixiao.core.colformula import table_formulas
from jixiao.core.coverage import Claim, Form, Reading, StatedFigure, TableRead, Unread, stated_key
from jixiao.core.disclosure import column_name
from jixiao.core.money import is_number
from jixiao.core.provenance import Location
from jixiao.core.statements import Statement, figures_of
from jixiao.ingest.headers import printed_unit
from jixiao.ingest.source import SourceDocument, Table, following_figures
from jixiao.ingest.targetform import LEVEL2_RE

_UNIT_RE = re.compile(r"(万元|亿元|元)")
_NO_AMOUNTS = "无金额列"
# Fields of Document that are not extracted values.
_NOT_EXTRACTED = {"path", "kind", "year", "unit", "source", "unread", "consumed", "problems", "reading",
                  "kind_evidence"}


def _locations(value: Any, seen: set[int]) -> Iterator[Location]:
    """Every Location inside an extracted value (dataclasses, tuples, lists, dicts)."""
    if isinstance(value, Location):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if id(value) in seen:
            return
        seen.add(id(value))
        for f in dataclasses.fields(value):
            yield from _locations(getattr(value, f.name), seen)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _locations(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _locations(item, seen)


def _without_figures(value: Any) -> bool:
    """A statement that states no figure (a heading, a sentence of words, a lone cell): it uses its block as text,
    so a figure standing alone in that block was not read by it."""
    return isinstance(value, Statement) and not value.figures


def used_blocks(doc: Any, figures: bool = False, sentences: bool = True) -> set[int]:
    """Block indices of the source that some extractor took a value from; `figures`: only values that read
    figures count (statements stating none left out); `sentences`: a block read as sentences counts (False: only
    blocks a reader of tables or forms took something from)."""
    seen: set[int] = set()
    if figures:
        seen |= {id(s) for s in _statements_of(doc) if _without_figures(s)}
    if not sentences:
        seen |= {id(s) for s in _statements_of(doc)}
    found = set(getattr(doc, "consumed", ()))
    for f in dataclasses.fields(doc):
        if f.name not in _NOT_EXTRACTED:
            found |= {loc.block for loc in _locations(getattr(doc, f.name), seen) if loc.block is not None}
    return found


def _statements_of(doc: Any) -> list[Any]:
    pkg = getattr(doc, "disclosure", None)
    return [*(pkg.narrative if pkg is not None else ()), *getattr(doc, "statements", ())]


def _source_table(source: SourceDocument, location: Location) -> Table | None:
    if location.block is None or not 0 <= location.block < len(source.blocks):
        return None
    block = source.blocks[location.block]
    return block if isinstance(block, Table) else None


def _source_paragraph(source: SourceDocument, location: Location) -> str:
    if location.block is None or not 0 <= location.block < len(source.blocks):
        return ""
    block = source.blocks[location.block]
    return "" if isinstance(block, Table) else block.clean


# A form whose cells ran together: the paragraph of the row and the blocks before it back to the form's title
# ('项目资金（万元）' and the fields after it, the header's words as a table of their own; a PDF's text cut into its
# words, one block each, puts a dozen of them between the caption and the row).
_FORM_BLOCKS = 16
_FORM_TITLE_RE = re.compile(r"自评表|评价表")


def _printed_unit(source: SourceDocument, location: Location) -> str:
    """The amount unit a table's header rows (or the paragraph just before it) print: 万元, 元 or 亿元. For a
    form whose cells ran together (read from paragraphs), the unit its header prints in brackets or a 单位 caption
    ('项目资金(万元)') in the row's paragraph or the form's blocks before it, back to its title: a bare '元' in its
    text says nothing of the table."""
    table = _source_table(source, location)
    if table is None:
        if location.block is None or not 0 <= location.block < len(source.blocks):
            return ""
        for block in source.blocks[max(location.block - _FORM_BLOCKS + 1, 0):location.block + 1][::-1]:
            if isinstance(block, Table):
                continue
            if unit := printed_unit(block.clean):
                return unit
            if _FORM_TITLE_RE.search(block.clean) and len(block.clean) <= 40:
                break  # the form's title: a caption before it belongs to another form
        return ""
    assert location.block is not None
    texts = [" ".join(row.texts) for row in table.rows[:3]]
    # a form built as one table: its budget section's caption ('资金情况（万元）') is in the rows just above the row
    at = next((i for i, row in enumerate(table.rows) if location.line and row.location.line == location.line), None)
    if at is not None and at >= 3:
        texts += [" ".join(row.texts) for row in table.rows[max(at - 3, 3):at + 1][::-1]]
    if location.block > 0:
        before = source.blocks[location.block - 1]
        if not isinstance(before, Table):
            texts.insert(0, before.clean)
    if at is not None:  # the row's own labels first ('计划安排资金（万元） | 700 | …')
        texts.insert(0, " ".join(table.rows[at].texts))
    if unit := printed_unit(*texts):  # a unit in brackets or a caption before a bare 元 ('2020年元月' is no unit)
        return unit
    for text in texts:
        if match := _UNIT_RE.search(text.replace("元月", "").replace("元旦", "")):
            return match.group(1)
    return ""


def _numeric_cells(table: Table) -> int:
    return sum(1 for row in table.rows for text in row.texts if text and is_number(text))


def _is_contents(table: Table) -> bool:
    """A table of contents: each row a title with at most one page number (a small integer) at its end, the pages
    going forward down the rows. Counts in a column ('一、按单位性质 | 10', '行政单位 | 1', '事业单位 | 9') go back
    and forth: a table of figures, not of contents."""
    pages: list[int] = []
    for row in table.rows:
        filled = row.filled
        numbers = [t for t in filled if is_number(t)]
        if not numbers:
            continue
        if len(numbers) > 1 or filled[-1] != numbers[0] or len(filled) < 2 or not re.fullmatch(r"\d{1,3}", numbers[0]):
            return False
        pages.append(int(numbers[0]))
    return bool(pages) and all(a <= b for a, b in itertools.pairwise(pages))


_INDICATOR_LABELS = frozenset({"一级指标", "二级指标", "三级指标"})


def _indicator_table(table: Table) -> bool:
    """A table of performance indicators (a header's 一级指标 …, or rows under 数量指标, 质量指标 …) holding figures in
    its cells ('≥95%', '10万元', '已完成100%'): its targets and results are data although no cell is a bare number."""
    texts = [re.sub(r"\s+", "", t) for row in table.rows for t in row.filled]
    labelled = any(t in _INDICATOR_LABELS or LEVEL2_RE.match(t) for t in texts)
    return labelled and sum(1 for t in texts if re.search(r"\d", t)) >= 2


def _clip(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _unmapped(table: Any) -> Iterator[Unread]:
    """Columns a table reader could not map (`unmapped`: header texts, or (header, Location) pairs)."""
    for item in getattr(table, "unmapped", ()) or ():
        header, where = (item, table.location) if isinstance(item, str) else (item[0], item[1])
        yield Unread(f"{table.label} 的列“{header}”未能识别，其数据未读取", where, "column")


def _disclosure_tables(doc: Any) -> Iterator[TableRead | Unread]:
    pkg = getattr(doc, "disclosure", None)
    if pkg is None:
        return
    for table in pkg.tables.values():
        if not table.rows and not table.empty_note:
            # a title found, its table not: the rows were laid out in a way not rebuilt (columns aligned by spaces)
            block = table.location.block
            figures = following_figures(doc.source.blocks, (block if block is not None else len(doc.source.blocks)) + 1)
            shown = f"，其后各行的数字（{'、'.join(figures[:12])}{'等' if len(figures) > 12 else ''}）均未读取" if figures else ""
            yield Unread(f"{table.label}：找到了表，但未读出任何行（表格的行列未能还原）{shown}，未核对", table.location,
                         "table")
            continue
        if table.rows and not table.empty_note and not any(row.cells for row in table.rows):
            # rows under a title but not one figure placed in them: nothing of the table was read — said once, by
            # the reader's own reasons when it gave them (a layout it could not place)
            if not (table.unmapped and any(p.location.table == table.location.table for p in getattr(doc, "problems", ()))):
                yield Unread(f"{table.label}：{len(table.rows)} 行中未读到任何数字，其数据未读取", table.location, "table")
            continue
        yield TableRead(table.label, table.unit, len(table.rows), tuple(column_name(c) for c in table.columns),
                        table.location)
        yield from _unmapped(table)
        if table.code == pkg.ends_inside:
            yield Unread(f"{table.label}：文本在表格中途结束（未到总计行，其后没有其他内容），其后的行及其后各表都不在文本中，"
                         "未能核对", table.location, "table")
    for comparison in getattr(pkg, "comparisons", ()):
        yield TableRead(comparison.title, comparison.unit, len(comparison.rows), ("项目", *comparison.columns),
                        comparison.location)


def _present(values: Iterable[Any], labels: dict[str, str]) -> tuple[str, ...]:
    items = list(values)
    return tuple(label for key, label in labels.items() if any(getattr(v, key, None) not in (None, "", ()) for v in items))


_BUDGET_COLUMNS = {"initial": "年初预算数", "adjusted": "全年预算数", "executed": "全年执行数",
                   "reported_rate": "执行率", "reported_score": "得分", "carryover": "结转结余"}
_INDICATOR_COLUMNS = {"initial_target": "年初指标值", "adjusted_target": "调整后指标值", "actual": "实际完成值",
                      "weight": "分值", "reported_score": "得分", "deviation_reason": "偏差原因"}


def _self_evaluation_tables(doc: Any) -> Iterator[TableRead]:
    for se in getattr(doc, "self_evaluations", ()):
        name = se.project.name
        if se.budget_lines and getattr(se, "is_department", False) and se.budget_lines[0].location.table != "预算执行情况":
            where = se.budget_lines[0].location
            sentence = _source_paragraph(doc.source, where)
            unit = match.group(1) if sentence and (match := _UNIT_RE.search(sentence)) else ""
            yield TableRead(f"部门整体「{name}」正文中的预算数字", unit, len(se.budget_lines),
                            ("项目", *_present(se.budget_lines, _BUDGET_COLUMNS)), where)
        elif se.budget_lines:  # a project's form, or a department's read from its form's table
            where = se.budget_lines[0].location
            owner = f"部门整体「{name}」" if getattr(se, "is_department", False) else f"项目「{name}」"
            yield TableRead(f"{owner}预算执行情况", _printed_unit(doc.source, where), len(se.budget_lines),
                            ("资金来源", *_present(se.budget_lines, _BUDGET_COLUMNS)), where)
        if se.indicators:
            yield TableRead(f"项目「{name}」绩效指标", _NO_AMOUNTS, len(se.indicators),
                            ("一级指标", "二级指标", "三级指标", *_present(se.indicators, _INDICATOR_COLUMNS)),
                            se.indicators[0].location)


_MONITORING_COLUMNS = {"initial": "年初预算数", "adjusted": "全年预算数", "executed": "执行数", "expected": "全年预计执行数",
                       "reported_rate": "执行率"}


_MONITORING_INDICATOR_COLUMNS = {"target": "年度指标值", "progress": "期内实际完成值", "expected": "全年预计完成值",
                                 "reasons": "偏差原因分析", "likelihood": "完成目标可能性", "remark": "备注"}


def _monitoring_tables(doc: Any) -> Iterator[TableRead]:
    for form in getattr(doc, "monitoring_forms", ()):
        if form.budget_lines and getattr(form, "from_text", False):  # a prose report's sentence, not a form
            where = form.budget_lines[0].location
            period = f"截至{form.end_month}月" if form.end_month else "期间未识别"
            yield TableRead(f"文字所述「{form.project or '（未写项目名称）'}」预算及执行数（{period}）",
                            "文字所写单位（已折算）", 1,
                            ("预算数", "执行数", *(("偏差原因或纠偏措施",) if form.form_reason else ())), where)
            continue
        if form.budget_lines:
            where = form.budget_lines[0].location
            period = f"1-{form.end_month}月" if form.end_month else "期间未识别"
            yield TableRead(f"项目「{form.project or '（未写项目名称）'}」绩效运行监控表项目资金（{period}）",
                            _printed_unit(doc.source, where), len(form.budget_lines),
                            ("资金来源", *_present(form.budget_lines, _MONITORING_COLUMNS)), where)
        if form.indicators:
            yield TableRead(f"项目「{form.project or '（未写项目名称）'}」绩效运行监控表绩效指标", _NO_AMOUNTS,
                            len(form.indicators), ("一级指标", "二级指标", "三级指标",
                                                   *_present(form.indicators, _MONITORING_INDICATOR_COLUMNS)),
                            form.indicators[0].location)


def _goal_form_tables(doc: Any) -> Iterator[TableRead]:
    for form in getattr(doc, "goal_forms", ()):
        indicators = form.goal.indicators
        columns = ("一级指标", "二级指标", "三级指标", "指标值", *(("分值",) if not form.goal.unweighted else ()))
        yield TableRead(f"项目「{form.project}」绩效目标表", _NO_AMOUNTS, len(indicators), columns, indicators[0].location)


def _key_evaluation_tables(doc: Any) -> Iterator[TableRead]:
    for ke in getattr(doc, "key_evaluations", ()):
        where = ke.indicators[0].location if ke.indicators else ke.location
        yield TableRead(f"评价「{ke.project}」评分表", _NO_AMOUNTS, len(ke.indicators),
                        ("一级指标", "二级指标", "三级指标", "分值", "得分"), where)


def _score_outlines(doc: Any) -> Iterator[TableRead]:
    for outline in getattr(doc, "score_outlines", ()):
        count = _parts(outline.parts)
        yield TableRead(outline.title, _NO_AMOUNTS, count, ("指标或章节", "分值", "得分"), outline.location)


def _parts(parts: Any) -> int:
    return sum(1 + _parts(p.parts) for p in parts)


def _results_tables(doc: Any) -> Iterator[TableRead]:
    for table in getattr(doc, "results", ()):
        yield TableRead(f"评价结果表「{table.title or '（无标题）'}」", table.unit or _NO_AMOUNTS,
                        len(table.rows) + (table.total is not None), table.columns, table.location)


def _parts_tables(doc: Any) -> Iterator[TableRead]:
    for table in getattr(doc, "parts_tables", ()):
        yield TableRead(f"逐项金额与合计「{table.title or '（无标题）'}」", table.unit, len(table.rows) + 1,
                        ("名称", "金额", *(("占比",) if table.total.share is not None else ())), table.location)


def _claims(doc: Any) -> Iterator[Claim]:
    """Sentences that state figures: the 情况说明 of a disclosure, a prose document, an evaluation's report text."""
    pkg = getattr(doc, "disclosure", None)
    statements = list(pkg.narrative) if pkg is not None else []
    statements += list(getattr(doc, "statements", ()))
    for s in statements:
        if s.figures:
            parts = tuple(StatedFigure(f"{c.subject}{' ' if c.subject else ''}{c.text}", stated_key(c), bool(c.subject))
                          for c in getattr(s, "claims", ()))
            yield Claim(s.section, s.text, len(s.figures), s.location, parts)
    for ke in getattr(doc, "key_evaluations", ()):
        for text, where in ke.statements:
            if figures := figures_of(text):
                yield Claim(f"评价「{ke.project}」报告正文", text, len(figures), where)


def _forms(doc: Any) -> Iterator[Form]:
    evaluations = getattr(doc, "self_evaluations", ())
    if projects := tuple(se.project.name for se in evaluations if not getattr(se, "is_department", False)):
        yield Form("项目支出绩效自评表", projects)
    if departments := tuple(se.project.name for se in evaluations if getattr(se, "is_department", False)):
        yield Form("部门整体支出绩效自评", departments)
    monitored = getattr(doc, "monitoring_forms", ())
    if projects := tuple(form.project or "（未写项目名称）" for form in monitored if not getattr(form, "from_text", False)):
        yield Form("绩效运行监控表", projects)
    if projects := tuple(form.project or "（未写项目名称）" for form in monitored if getattr(form, "from_text", False)):
        yield Form("绩效运行监控报告文字所述预算执行", projects)
    if projects := tuple(form.project for form in getattr(doc, "goal_forms", ())):
        yield Form("绩效目标表", projects)
    if projects := tuple(ke.project or "（未写项目名称）" for ke in getattr(doc, "key_evaluations", ())):
        yield Form("绩效评价表", projects)


_CELL_LENGTH = 40  # a paragraph this short may be one cell of a table flattened one cell per line
_LONE_FIGURES_MIN = 2
_LONE_FIGURE_RE = re.compile(r"^-?[\d,]+(?:\.\d+)?[%％]?$")


def _lone_figure(text: str) -> bool:
    """A paragraph that is a bare figure ('1.69', '0.00', '12%'): a table's cell left as a line of its own."""
    return _LONE_FIGURE_RE.match(text.strip()) is not None


# Two or more bare figures opening a short line, no unit after them ('5 5', '5 4 完成时效', '3 2 ('): a table's row cut
# by a PDF's lines, the scores of one row printed before the label of the next. One figure before a label ('2 收入决算表')
# is a numbered line, not this.
_ROW_FIGURES_RE = re.compile(r"^(?:-?[\d,]*\d(?:\.\d+)?[%％]?\s+)+-?[\d,]*\d(?:\.\d+)?[%％]?(?=\s|$)")


def _row_figures(text: str) -> int:
    """How many bare figures open a paragraph that is a table row's figures cut by a PDF's lines; 0 if it is not."""
    match = _ROW_FIGURES_RE.match(text.strip())
    if match is None or _UNIT_AFTER_RE.match(text.strip()[match.end():].lstrip()):
        return 0
    return len(match.group(0).split())


def _cell_runs(doc: Any, used: set[int]) -> Iterator[Unread]:
    """Runs of short unused paragraphs holding bare figures: a table flattened one cell per line whose rows could
    not be rebuilt. A bare figure states nothing a sentence reader could check, so the run is reported here (one
    entry per run, at its first figure), never passed over in silence."""
    run: list[int] = []
    for index, block in enumerate([*doc.source.blocks, None]):
        cell = (block is not None and index not in used and not isinstance(block, Table)
                and len(block.clean.strip()) <= _CELL_LENGTH and not figures_of(block.clean))
        if cell:
            run.append(index)
            continue
        figures = [i for i in run if _lone_figure(doc.source.blocks[i].clean)]
        rows = [i for i in run if _row_figures(doc.source.blocks[i].clean)]
        if len(figures) < _LONE_FIGURES_MIN and len(rows) >= _LONE_FIGURES_MIN:
            first = doc.source.blocks[min(rows[0], *figures)] if figures else doc.source.blocks[rows[0]]
            count = sum(_row_figures(doc.source.blocks[i].clean) for i in rows) + len(figures)
            yield Unread(f"{count} 个数字分散在 {len(rows) + len(figures)} 个短行的行首（自“{_clip(first.clean.strip(), 20)}”起，"
                         "像是 PDF 按行拆开的表格：一行的数字印在下一行的名称之前），未能还原为表格，其中数据均未核对",
                         first.location, "table")
            run = []
            continue
        if len(figures) >= _LONE_FIGURES_MIN:
            first = doc.source.blocks[figures[0]]
            shown = _clip(first.clean.strip(), 20)
            if len({doc.source.blocks[i].location.line for i in run}) == 1:  # the words of one line, not lines
                yield Unread(f"排成一行的表格（{len(figures)} 个数字，自“{shown}”起）未能还原：其文字次序与表格的行列不符（如 PDF "
                             "按文字片段提取，标签与数字前后错开），不能确定各数字属于哪一行哪一列，其中数据均未核对",
                             first.location, "table")
                run = []
                continue
            yield Unread(f"{len(figures)} 个单独成行的数字（自“{shown}”起，像是逐格排成一行一格的表格）"
                         "未能还原为表格，其中数据均未核对", first.location, "table")
        run = []


_TABLE_FIGURE_RE = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$")  # 16,745.59 / 812.40: not a year
_TABLE_FIGURES_MIN = 3
_TABLE_TITLE_RE = re.compile(r"表\s*\d+(?:\s*-\s*\d+)?\s+\S")  # '表1 部门收支总表': where a flattened table opens


def _flat_table(text: str) -> str | None:
    """What to show of a paragraph that is a table flattened into one line (at least _TABLE_FIGURES_MIN amounts
    standing alone, no unit after them): from its first table title on, else from its start; None otherwise."""
    if sum(1 for word in text.split() if _TABLE_FIGURE_RE.match(word)) < _TABLE_FIGURES_MIN:
        return None
    title = _TABLE_TITLE_RE.search(text)
    return _clip(text[title.start():] if title else text.strip(), 40)


# A word right after a figure that makes it a quantity of a sentence ('64.87 万元', '32.4 %'), not a table's cell.
_UNIT_AFTER_RE = re.compile(r"^(?:万|亿|元|[%％]|个|人|次|辆|批|台|件|项|天|年|月|日|家|户|所|座|公里|亩|吨|米|平方)")
_SENTENCE_END_RE = re.compile(r"(?<=[。；;！!？?])")


def _table_run_in(text: str) -> str | None:
    """A table flattened into a sentence of a paragraph that was otherwise read (a PDF's text run into one line:
    '…支出决算表 单位:万元 项 目 预算数 决算数 合 计 65.00 64.87 …'): a sentence holding _TABLE_FIGURES_MIN or more
    amounts standing alone, none followed by a unit as a sentence's figures are. What to show of it (from the
    table's title, else from its first such amount); None when no sentence holds one."""
    for sentence in _SENTENCE_END_RE.split(text):
        words = sentence.split()
        bare = [i for i, word in enumerate(words) if _TABLE_FIGURE_RE.match(word) and not (
            i + 1 < len(words) and _UNIT_AFTER_RE.match(words[i + 1]))]
        if len(bare) < _TABLE_FIGURES_MIN:
            continue
        title = re.search(r"(?:\d{4}\s*)?\S{2,40}?表(?=\s)", sentence)
        start = title.start() if title and title.start() < sentence.find(words[bare[0]]) else sentence.find(
            words[bare[0]])
        return _clip(sentence[start:].strip(), 40)
    return None


# An amount printed right after its unit caption, as the cells of a form run together do: '计划安排资金(万元)299.4'.
# A sentence reader sees no figure in it (its unit comes before it), so only a reader of forms can use it.
_CAPTION_AMOUNT_RE = re.compile(r"[（(]\s*(?:万元|亿元|元)\s*[)）]\s*[:：]?\s*-?\d[\d,]*(?:\.\d+)?")


# A share or a rate whose figure was left blank: '占基本支出预算%,', '占 %', '增长%' — missing, not a zero. (A
# unit in a caption, '执行率(%)', names no figure.)
_BLANK_PERCENT_RE = re.compile(r"(?:占[\u4e00-\u9fa5“”\"]{0,24}?|增长|下降|上升|降低|增幅|降幅|减幅)(?:为|是|达)?\s*[%％]")


def _blank_figures(claims: Iterable[Claim]) -> Iterator[Unread]:
    """Percentages printed without their figure in the sentences that state figures: missing, reported as such."""
    for claim in claims:
        for match in _BLANK_PERCENT_RE.finditer(claim.text):
            words = match.group(0).replace(" ", "")
            yield Unread(f"百分比未写数字（“{words}”），此处数据缺失，未核对", claim.location, "claim")


def _unused(doc: Any, claims: Iterable[Claim]) -> Iterator[Unread]:
    """Source tables and paragraphs with figures that no extractor took anything from. A paragraph whose amounts
    follow their unit caption (a form run together) is unused unless a reader took a figure from it."""
    stated = {c.location.block for c in claims}
    used = used_blocks(doc) | stated
    with_figures = used_blocks(doc, figures=True) | stated
    yield from _cell_runs(doc, with_figures)
    read_as_form = used_blocks(doc, sentences=False)
    for index, block in enumerate(doc.source.blocks):
        if not isinstance(block, Table):
            if index not in used and figures_of(block.clean):
                yield Unread(f"段落中的数字未被读取，均未核对：{_clip(block.clean, 40)}", block.location, "paragraph")
            elif index not in used and (shown := _flat_table(block.clean)) is not None:
                yield Unread(f"排成一行的表格未能还原（不能确定其中的数字属于哪一行哪一列），其中数据均未核对：{shown}",
                             block.location, "table")
            elif index in stated and index not in read_as_form and (shown := _table_run_in(block.clean)):
                yield Unread(f"段落中有一张排成一行的表格未能还原（PDF 文字连排，标签与数字的先后可能错开，不能确定各数字"
                             f"属于哪一行哪一列），其中数据均未核对：{shown}", block.location, "table")
            elif index not in with_figures and (amounts := _CAPTION_AMOUNT_RE.findall(block.clean)):
                yield Unread(f"段落中有 {len(amounts)} 个写在单位之后的金额（自“{_clip(amounts[0].strip(), 20)}”起，像是连成一段的"
                             "表格）未被读取，均未核对", block.location, "paragraph")
            continue
        if index in used:
            continue
        numbers = _numeric_cells(block)
        if numbers < 2 and _indicator_table(block):
            numbers = sum(1 for row in block.rows for text in row.filled if re.search(r"\d", text))
        elif numbers < 2 or _is_contents(block):
            # words only (cover, contacts) or a table of contents: nothing to check — but a long cell holding
            # figures (a form or a passage run together into one cell of a page's catalogue table) was not read
            yield from _cells_with_figures(block)
            continue
        first = next((" ".join(row.filled) for row in block.rows if row.filled), "")
        width = max(len(row.cells) for row in block.rows)
        formulas = list(dict.fromkeys(f for row in block.rows for t in row.filled if (f := _column_formula(t))))
        found = table_formulas([row.texts for row in block.rows])
        scaled = list(dict.fromkeys(f.text for f, _, c in found.checked if c.outcome == "scale"))
        done = [f for f in dict.fromkeys(f.text for f, _, _ in found.checked) if f not in scaled]
        left = [f for f in dict.fromkeys([*formulas, *found.unparsed]) if f not in done and f not in scaled]
        said = f"；表头所列的列间计算关系（{'、'.join(left)}）{'无法解析或对不上列号，' if found.unparsed else ''}未核对" \
            if left else ""
        said += (f"；表头所列的列间计算关系（{'、'.join(scaled)}）的计算值与填列数相差 10 的整数次方倍，各列可能单位不同，"
                 "未核对") if scaled else ""
        checked = f"除表头所列的列间计算关系（{'、'.join(done)}，已按列号逐行核对）外" if done else ""
        yield Unread(f"表格未被识别（{len(block.rows)} 行 × {width} 列，{numbers} 个数字，首行“{_clip(first)}”），"
                     f"其中数据{checked}均未核对{said}", block.location, "table")


# A header cell stating how its column is computed from others, by their circled or bracketed numbers: '⑧=④*⑦',
# '5=3+4' under a row numbering the columns.
_COLUMN_FORMULA_RE = re.compile(r"^\s*([①-⑳]|\d{1,2})\s*=\s*(?:[①-⑳]|\d{1,2})(?:\s*[+\-*×÷/／]\s*(?:[①-⑳]|\d{1,2}))+\s*$")


def _column_formula(text: str) -> str | None:
    """The formula a header cell states, as printed without spaces; None when the cell is no such formula."""
    return text.replace(" ", "") if _COLUMN_FORMULA_RE.match(text) else None


def _cells_with_figures(table: Table) -> Iterator[Unread]:
    """The long cells of a table not read whose text states figures (a whole form run together into a catalogue's
    内容概述 cell): no reader looked at them, so each is reported at its row, never passed over."""
    for number, row in enumerate(table.rows, start=1):
        for text in row.filled:
            if len(text.strip()) > _CELL_LENGTH and figures_of(text):
                where = row.location if row.location.line is not None else table.location
                yield Unread(f"表格第 {number} 行的一格中有一段含数字的文字（{len(figures_of(text))} 个数字，可能是连成一段的表格），"
                             f"未被读取，均未核对：{_clip(text.strip(), 40)}", where, "cell")


def _totals_not_computed(doc: Any) -> Iterator[Unread]:
    """A project form whose total score cannot be computed from what was read (SelfEvaluation.total_gap): said once
    for the project, with the total the form reports kept as printed and not checked against a computed one."""
    for se in getattr(doc, "self_evaluations", ()):
        if said := se.total_unchecked:
            yield Unread(said, se.location.with_(project=se.project.name))


def reading_of(doc: Any) -> Reading:
    """What was read from a loaded document (ingest.pipeline.Document) and what was not."""
    tables: list[TableRead] = []
    unread: list[Unread] = []
    for item in _disclosure_tables(doc):
        (tables if isinstance(item, TableRead) else unread).append(item)
    tables += [*_self_evaluation_tables(doc), *_monitoring_tables(doc), *_goal_form_tables(doc), *_key_evaluation_tables(doc),
               *_results_tables(doc), *_score_outlines(doc), *_parts_tables(doc)]
    claims = tuple(_claims(doc))
    unread += list(_unused(doc, claims))
    unread += list(_blank_figures(claims))
    unread += [item if isinstance(item, Unread) else Unread(item[0], item[1]) for item in getattr(doc, "unread", ())]
    unread += [Unread(problem.message, problem.location, "cell" if problem.location.column else "other")
               for problem in getattr(doc, "problems", ())]
    unread += list(_totals_not_computed(doc))
    return Reading(document=doc.path, kind=doc.kind.label, kind_evidence=tuple(getattr(doc, "kind_evidence", ())),
                   unit=doc.unit, year=doc.year, tables=tuple(tables), claims=claims,
                   forms=tuple(_forms(doc)), unread=tuple(unread))
