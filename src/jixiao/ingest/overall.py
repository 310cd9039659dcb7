"""Self-evaluation reports on a whole department or unit (部门整体支出绩效自评报告/自评表, 单位自评报告,
整体和项目支出绩效自评总结报告): read as what they are — the budget figures they state (年初预算, 全年预算,
执行数, 执行率; 其中 基本支出/项目支出), the score and grade they give — into one SelfEvaluation whose scope is
the department. Its indicator tables, when printed as tables, are read by the project-form reader.

What such a report states beyond that (project lists, counts, staff numbers) is not read; the paragraphs whose
figures were only partly taken are listed as such, so nothing passes silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from jixiao.core.claims import grade_name, stated_score_and_grade
from jixiao.core.model import DEPARTMENT_SCOPE, BudgetLine, FundLevel, Goal, Project, Reported, SelfEvaluation
from jixiao.core.money import normalize_text, parse_amount, parse_decimal
from jixiao.core.profile import GRADE_NAMES
from jixiao.core.provenance import Location
from jixiao.core.statements import figures_of
from jixiao.ingest.attachments import attachment_lines
from jixiao.ingest.fused import fund_rows
from jixiao.ingest.headers import printed_unit
from jixiao.ingest.source import Block, Paragraph, ReadError, Table

# Reads the fund rows of a form's 预算执行情况 table (ingest.selfeval.fund_table_lines): (table, the caption
# paragraph just before it, which may give its unit) → (budget lines, what could not be read).
FundTableReader = Callable[[Table, str], tuple[list[BudgetLine], list[ReadError]]]

# The title of a whole-department (or whole-unit) self-evaluation; a project form's title is not one.
OVERALL_TITLE = re.compile(
    r"(部门|单位)[(（]?(单位)?[)）]?整体(支出)?(绩效)?(评价)?自评|整体(支出)?绩效自评|整体和项目支出绩效自评"
    r"|(部门|单位)整体支出绩效评价自评|项目支出绩效单位自评报告|部门整体绩效自评表")
# A report without a title whose first sentence says what it is: '我单位…对2022年部门预算整体支出进行了绩效评价'.
OPENING = re.compile(r"对[^。]{0,12}(部门|单位)(预算)?整体支出(进行|开展)了?(绩效)?(评价|自评)")
OPENING_LENGTH = 200
# What comes before a title's words only in a sentence about the evaluation: a stop or a verb ('我厅开展了…').
RUN_ON_SENTENCE = re.compile(r"[，,。；;]|开展|进行|组织|完成")
TITLE_LENGTH = 60
HEAD_PARAGRAPHS = 3  # a title run into a paragraph is looked for only at the document's head
# A document-sharing page prints the document's text in page chunks '1、…', '2、…' after its own notes: the first
# chunk is the document's head, however many notes come before it.
FIRST_PAGE_CHUNK = re.compile(r"^1、")

_NUM = r"(\d+(?:,\d{3})*(?:\.\d+)?)"
_UNIT = r"\s*(万元|亿元|元)"
_GAP = r"[^，,。；;：:\d]{0,8}?"  # a few words between a label and its figure, no other figure between
# (field, pattern): the first match of each field in the report wins. Group 'n' is the number, 'u' its unit.
_AMOUNTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("initial", re.compile(rf"年初(?:批复)?预算(?:数|金额|总额)?[^，,。；;]{{0,10}}?(?<![\d.]){_NUM}{_UNIT}")),
    ("adjusted", re.compile(rf"(?:全年预算|调整(?:后|预算后)[^，,。；;\d]{{0,6}}?预算|(?:部门|单位)?预算总(?:金)?额)"
                            rf"(?:数|金额)?{_GAP}[为是:：]?\s*{_NUM}{_UNIT}")),
    ("executed", re.compile(rf"(?:(?:全年|预算)?执行(?:数|金额)|实际支出(?:数|金额)?|决算支出(?:数|金额)?)"
                            rf"{_GAP}[为是:：]?\s*{_NUM}{_UNIT}")),
)
_PARTS = re.compile(rf"(基本支出|项目支出)\s*[为是:：]?\s*{_NUM}{_UNIT}")
_RATE = re.compile(rf"(?:预算执行率|(?<![\u4e00-\u9fa5])执行率)(?:(?!得分|权重)[^，,。；;\d]){{0,6}}?{_NUM}\s*[%％]")
_TABLE_WORDS = re.compile(r"指标名称|一级指标|三级指标|指标权重")
_SEPARATED = re.compile(r"\t|\s\|\s|\d\s+\d")  # cells set apart by tabs, bars or spaces between figures


@dataclass
class _Overall:
    title: str
    location: Location
    amounts: dict[str, tuple[Decimal, Location]] = field(default_factory=dict)
    parts: list[BudgetLine] = field(default_factory=list)
    rate: tuple[Decimal, Location] | None = None
    score: Decimal | None = None  # the execution score a fund table prints
    caption: str = ""  # the paragraph just before a table ('(万元)')
    from_table: bool = False  # the figures were read from a 预算执行情况 table, not from sentences
    total: Decimal | None = None
    grade: str | None = None
    result_location: Location | None = None
    statements: list[tuple[str, Location]] = field(default_factory=list)


def is_overall_title(text: str) -> bool:
    return len(text) <= TITLE_LENGTH and OVERALL_TITLE.search(text.replace(" ", "")) is not None


def _title(text: str, following: str, first: bool) -> str:
    """The title this paragraph opens with: a short line (with the next one when the title is printed on two
    lines), or — for the first report only — the title at the head of a paragraph the whole form was run into."""
    if is_overall_title(text):
        return text
    if len(text) <= TITLE_LENGTH // 2 and not is_overall_title(following) and is_overall_title(text + following):
        return text + following
    if not first:
        return ""
    head = text[:TITLE_LENGTH].replace(" ", "")
    match = OVERALL_TITLE.search(head)
    if match is not None and RUN_ON_SENTENCE.search(head[: match.start()]):
        match = None  # '…我厅开展了部门整体支出绩效自评' says a self-evaluation was done: a summary, not its title
    match = match or OPENING.search(text[:OPENING_LENGTH].replace(" ", ""))
    return match.group(0) if match else ""


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width] + "…"


_RUN_IN_ERROR = re.compile(r"（“([\d.%]+)”）")


def _read_form_run(report: _Overall, paragraph: Paragraph, norm: str, errors: list[ReadError]) -> str:
    """The 年度资金总额 row of a form run together into this paragraph ('年度资金总额2456.182456.18…'), when its
    arithmetic splits it; returns the paragraph's text without the runs read, nor those reported as not split
    (with the reason: no reading, or several, fit)."""
    lines, runs, problems = fund_rows(paragraph) if not report.amounts else ([], [], [])
    for problem in problems:
        errors.append(ReadError(f"部门整体自评：{problem.message}", problem.location))
        if match := _RUN_IN_ERROR.search(problem.message):
            norm = norm.replace(match.group(1), " ", 1)
    total = next((line for line in lines if line.level is FundLevel.TOTAL), None)
    if total is None:
        return norm
    where = paragraph.location
    for name in ("initial", "adjusted", "executed"):
        if (amount := getattr(total, name)) is not None:
            report.amounts[name] = (amount, where)
    if total.reported_rate is not None:
        report.rate = (total.reported_rate, where)
    for run in runs:
        norm = norm.replace(run, " ", 1)
    return norm


def _read(report: _Overall, paragraph: Paragraph, errors: list[ReadError]) -> None:
    """Take the report's figures from one paragraph; list it when some of its figures were not taken."""
    text, where = paragraph.clean, paragraph.location
    norm = _read_form_run(report, paragraph, normalize_text(text), errors)
    taken: set[str] = set()
    for name, pattern in _AMOUNTS:
        match = pattern.search(norm)
        if match and name not in report.amounts:
            amount = parse_amount(match.group(1), match.group(2))
            if amount is not None:
                report.amounts[name] = (amount, where)
                taken.add(match.group(1))
    if "adjusted" in report.amounts and report.amounts["adjusted"][1] == where and not report.parts:
        for label, number, unit in _PARTS.findall(norm):
            amount = parse_amount(number, unit)
            report.parts.append(BudgetLine(source=label, level=FundLevel.OTHER, adjusted=amount,
                                           location=where.with_(table="预算执行情况（正文）", row=label)))
            taken.add(number)
    if report.rate is None and (match := _RATE.search(norm)):
        report.rate = (Decimal(match.group(1).replace(",", "")), where)
        taken.add(match.group(1))
    score, grade = stated_score_and_grade(norm)
    if report.total is None and score is not None:
        report.total = parse_decimal(score.group(1))
        report.result_location = where
        taken.add(score.group(1))
    if report.grade is None and grade is not None and grade_name(grade.group(1)) in GRADE_NAMES:
        report.grade = grade_name(grade.group(1))
        report.result_location = report.result_location or where
    figures = [f for f in figures_of(norm) if re.sub(r"[^\d,.]", "", f.text) not in taken]
    if figures and _TABLE_WORDS.search(norm) and not _SEPARATED.search(text):
        errors.append(ReadError(f"部门整体自评：指标表的格子连在一起（无分隔），未能分开读取，其中 {len(figures)} 个数字均未核对："
                                f"{_clip(text)}", where))
    elif figures:
        errors.append(ReadError(f"部门整体自评：段落中{'另' if taken else ''}有 {len(figures)} 个数字未读取、未核对"
                                f"（如“{figures[0].text}”）：{_clip(text)}", where))


def _read_table(report: _Overall, table: Table, read: FundTableReader, errors: list[ReadError]) -> None:
    """The total row of the form's 预算执行情况 table (a form printed as a table: '年度资金总额 | 4,000万元 | …'),
    read by its header's text; a report's figures stated before it win."""
    if report.amounts or report.rate:
        return
    lines, problems = read(table, report.caption)
    errors += [ReadError(f"部门整体自评：{p.message}", p.location) for p in problems]
    total = next((line for line in lines if line.level is FundLevel.TOTAL), None)
    if total is None:
        # the form's caption row ('填报单位: | … | 单位:万元'), cut off from its fund section: the unit of the next table
        report.caption = next((t for row in table.rows for t in row.texts if printed_unit(t)), report.caption)
        return
    for name in ("initial", "adjusted", "executed"):
        if (amount := getattr(total, name)) is not None:
            report.amounts[name] = (amount, total.location)
    if total.reported_rate is not None:
        report.rate = (total.reported_rate, total.location)
    report.score = total.reported_score
    report.from_table = True
    rest = [line for line in lines if line is not total and any(
        getattr(line, name) is not None for name in ("initial", "adjusted", "executed", "reported_rate", "reported_score"))]
    if rest:  # only the total row is read: the rows under it are listed, not passed
        labels = "、".join(f"“{_clip(line.source, 12)}”" for line in rest)
        errors.append(ReadError(f"部门整体自评：预算执行情况表只读取了合计行，其下 {len(rest)} 行（{labels}）的数字未核对",
                                rest[0].location))


def _finish(report: _Overall, unit: str, year: int | None, errors: list[ReadError]) -> SelfEvaluation:
    name = unit + ("部门整体支出" if "整体" in report.title else "项目支出汇总")
    lines: list[BudgetLine] = []
    amounts = report.amounts
    if amounts or report.rate:
        where = next(iter(amounts.values()))[1] if amounts else report.rate[1]  # type: ignore[index]
        lines.append(BudgetLine(
            source="部门预算合计", level=FundLevel.TOTAL,
            initial=amounts["initial"][0] if "initial" in amounts else None,
            adjusted=amounts["adjusted"][0] if "adjusted" in amounts else None,
            executed=amounts["executed"][0] if "executed" in amounts else None,
            reported_rate=report.rate[0] if report.rate else None,
            reported_score=report.score,
            location=where.with_(project=name, table="预算执行情况" if report.from_table else "预算执行情况（正文）",
                                 row="部门预算合计")))
        lines += [replace(p, location=p.location.with_(project=name)) for p in report.parts]
    missing = [label for key, label in (("adjusted", "全年预算数"), ("executed", "全年执行数")) if key not in amounts]
    if report.rate is None:
        missing.append("执行率")
    if report.total is None and report.grade is None:
        missing.append("自评得分或等级")
    if missing:
        errors.append(ReadError(f"部门整体自评“{_clip(report.title, 30)}”中未读到{'、'.join(missing)}"
                                "（文中未写，或写法未能识别，或正文在此之前中断）", report.location.with_(project=name)))
    return SelfEvaluation(
        project=Project(name=name), year=year, budget_lines=tuple(lines), goal=Goal(),
        reported=Reported(total=report.total, grade=report.grade, statements=tuple(report.statements),
                          location=(report.result_location or report.location).with_(project=name)),
        location=report.location.with_(project=name), scope=DEPARTMENT_SCOPE,
    )


def _attached_form(report: _Overall, title: str) -> bool:
    """A title that goes on the report before it, which has stated no figure yet: a form's title
    ('部门整体支出绩效自评表') after a report's ('…整体支出绩效自评报告'), the report's own form attached to it; or the
    report's own title printed again after its cover page (title, unit, date, '此页为封面'): not another evaluation."""
    compact = title.replace(" ", "")
    if report.amounts or report.rate is not None or report.total is not None or report.grade is not None:
        return False
    return ("报告" in report.title and compact.endswith("表")) or _title_key(title) == _title_key(report.title)


def _title_key(title: str) -> str:
    """A title up to the end of the document's name ('…整体支出绩效自评报告'), spaces left out: the cover line run on
    after it ('部门(单位)名称') is not part of it."""
    compact = title.replace(" ", "")
    found = OVERALL_TITLE.search(compact)
    end = re.compile(r"报告|表").search(compact, found.end()) if found else None
    return compact[: end.end()] if end else compact


def extract_overall(blocks: Sequence[Block], unit: str = "", year: int | None = None,
                    read_table: FundTableReader | None = None) -> tuple[tuple[SelfEvaluation, ...], list[ReadError]]:
    """The whole-department self-evaluations of a document: from each such title to the next title. `read_table`:
    reads a 预算执行情况 table printed as a table (its total row gives the report's figures)."""
    errors: list[ReadError] = []
    reports: list[_Overall] = []
    paragraphs = [b for b in blocks if isinstance(b, Paragraph) and b.clean]
    listed = attachment_lines([p.clean for p in paragraphs])  # titles of reports not in the text
    index = 0
    for block in blocks:
        if isinstance(block, Table):
            if reports and read_table is not None:
                _read_table(reports[-1], block, read_table, errors)
            continue
        if not (isinstance(block, Paragraph) and block.clean):
            continue
        text = block.clean
        following = paragraphs[index + 1].clean if index + 1 < len(paragraphs) else ""
        head = index < HEAD_PARAGRAPHS or FIRST_PAGE_CHUNK.match(text) is not None
        index += 1
        if index - 1 in listed:
            continue
        title = _title(text, following, first=not reports and head)
        if title and not (reports and _attached_form(reports[-1], title)):
            reports.append(_Overall(title=title, location=block.location))
        if reports:
            report = reports[-1]
            report.statements.append((text, block.location))
            report.caption = text
            _read(report, block, errors)
    return tuple(_finish(r, unit, year, errors) for r in reports), errors
