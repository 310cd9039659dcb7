"""Self-evaluation reports (项目支出绩效自评) out of a SourceDocument: project, budget table, indicator table,
reported scores and the claims of the text. One document may hold many reports (seed 004 holds 28).

Tables are read by their header words, not by position; merged cells (empty leading cells) inherit from the
row above; a row whose 二级/三级 cells are shifted one column right is realigned by content. A form built as one
table is cut at each section's header row (项目资金, 年度总体目标, 绩效指标) and each section re-gridded on its own
header (ingest.formtable).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import pairwise

from jixiao.core.claims import stated_form_total
from jixiao.core.levelwords import FRAME_LEVEL1, level1_words, level2_words, parent_level
from jixiao.core.model import (
    BlockClaim,
    BudgetLine,
    Department,
    FormTotal,
    FundLevel,
    Goal,
    Indicator,
    Project,
    Reported,
    SelfEvaluation,
    Unit,
)
from jixiao.core.money import is_number, normalize_text, parse_amount, parse_decimal
from jixiao.core.provenance import Location
from jixiao.core.values import Value, parse_value
from jixiao.ingest.formcolumns import (
    AMOUNT_FIELDS,
    CELL_UNIT_RE,
    NOT_APPLICABLE,
    TOTAL_LABEL_WORD_RE,
    budget_field,
    indicator_field,
)
from jixiao.ingest.formtable import regrid
from jixiao.ingest.fundrows import (
    FORM_POINTS,
    is_shifted,
    ordered_total,
    place_fund_rows,
    unordered_total,
    unscored_total,
)
from jixiao.ingest.fused import extract_fused
from jixiao.ingest.headers import head_label, printed_unit
from jixiao.ingest.levelwords import alternation, cell_re, cost_over_kind
from jixiao.ingest.overall import extract_overall
from jixiao.ingest.source import Block, Paragraph, ReadError, Row, SourceDocument, Table

FORM_WORDS = re.compile(r"自评表|(产出|效益|满意度)\s*指\s*标")  # a text holding a self-evaluation form
# A Hubei form calls itself '…财政预算支出项目绩效目标自评表'.
REPORT_TITLE = re.compile(r"项目支出绩效自评(分析)?报告|项目支出绩效自评表|支出项目绩效目标自评表")
# A form evaluating one fund, titled with it ('示例县林业局2031年度示例发展资金绩效评价表'): the fund is the project.
FUND_FORM_TITLE = re.compile(r"20\d{2}\s*年度?\s*([^\s，。：:]{2,30}?(?:资金|经费))绩效(?:自评|评价)表$")
# '转移支付（项目）名称': the project name on a transfer-payment (区域) self-evaluation form
NAME_LABEL = r"(?:转移支付\s*[（(]\s*项目\s*[)）]\s*名称|项目名称)"
NAME_RE = re.compile(rf"^{NAME_LABEL}[：:]\s*(.*)$")
NAME_LABEL_RE = re.compile(rf"{NAME_LABEL}\s*[：:]?")
# The labels of a form's first rows, whole or broken off at a PDF line end ('项目主管单' / '位'): a cell holding one
# is no project's name.
FIELD_LABEL_RE = re.compile(r"^(?:项目(?:实施|主管)?(?:单|部|负责|属性|资金)|主管部门|实施单位|联系电话|自评总分|填报日期)")
PROJECT_CODE_RE = re.compile(r"^(\d{6,}[0-9A-Z]{6,})\s*[-－—]\s*(.+)$")
LABEL_CELL_RE = re.compile(rf"^({NAME_LABEL}|主管部门|项目单位|实施单位|预算单位|资金使用单位)\s*(?:[（(]\s*盖章\s*[)）])?\s*[：:]?$")
UNIT_RE = re.compile(r"^(项目单位|实施单位|预算单位|资金使用单位)\s*(?:[（(]\s*盖章\s*[)）])?[：:]\s*(?:(\d{3,})\s*[-－—]\s*)?(.+)$")
DEPT_RE = re.compile(r"^主管部门[：:]\s*(?:(\d{3,})\s*[-－—]\s*)?(.+)$")
EXEC_SCORE_RE = re.compile(r"预算执行(?:情况|率)?得分\s*([\d.]+)\s*分")
IND_SCORE_RE = re.compile(r"指标完成情况得分\s*([\d.]+)\s*分")
GRADE_RE = re.compile(r"属于\s*[\"“”'‘]?\s*(优|良|中|差)")
BLOCK_RE = re.compile(
    r"(产出|效益|满意度)指标满分\s*([\d.]+)\s*分\s*[，,]\s*评价得分\s*([\d.]+)\s*分(?:\s*[，,]\s*得分率\s*([\d.]+)\s*%)?"
)
LEVEL1_WORDS = FRAME_LEVEL1
LEVEL2_RE = cell_re(level2_words(), "等?")  # '服务对象满意度指标等': the template's own wording
_SUP = re.compile(r"\s*<sup>\s*(\d)\s*</sup>\s*")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _plain(text: str) -> str:
    """Cell text with HTML superscripts folded ('m <sup>3</sup> / d' → 'm³/d')."""
    text = _SUP.sub(lambda m: m.group(1).translate(_SUPERSCRIPT), text)
    return re.sub(r"\s*/\s*", "/", text).strip() if "³" in text or "²" in text else text.strip()


@dataclass
class _Report:
    """A report being assembled while walking the blocks."""

    title_location: Location
    name: str = ""
    form_title: bool = False  # opened by a form's title ('…项目支出绩效自评表'), not a report's nor a name line
    code: str = ""  # the 项目编码 printed before the name ('51000024T000000000001-…')
    name_open: bool = False  # the name line may continue on the next short paragraph
    name_next: bool = False  # a '项目名称' label cell on its own: its value is the next paragraph
    unit: Unit | None = None
    department: Department | None = None
    budget: list[BudgetLine] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    reported: dict[str, object] = field(default_factory=dict)
    claims: list[BlockClaim] = field(default_factory=list)
    section: str = ""
    annual_goal: str = ""
    period_goal: str = ""
    goal_statement: str = ""
    result_location: Location | None = None
    statements: list[tuple[str, Location]] = field(default_factory=list)
    table_unit: str = "元"  # set by a caption such as '单位：万元' just before a table
    incomplete: str = ""  # why the indicator table read is not the whole table
    unweighted: bool = False  # the indicator table prints no 分值 column
    indicators_open: bool = False  # the block just read was an indicator table that ran to its last row
    caption: tuple[str, Location] | None = None  # a section caption whose points may follow in the next paragraph
    words: list[tuple[str, Location]] = field(default_factory=list)  # every word of the report, in text order
    tables: set[int | None] = field(default_factory=set)  # source block indices of the report's tables
    form_total: FormTotal | None = None  # the form's 总分 row
    total_row: bool = False  # a 总分 row was met in the indicator table (read or not)
    inferred: list[str] = field(default_factory=list)  # how parts of the form were read when not from a grid


def _place(source: Location, project: str, table: str, row: str) -> Location:
    """A value's location: the report's table and row names, plus the file's own table/row when it has them."""
    return source.with_(
        project=project,
        table=f"{table}（{source.table}）" if source.table else table,
        row=f"{row}（第{source.row}行）" if source.row else row,
    )


def _label(text: str) -> str:
    """A label cell with the line breaks its cell held, copied as spaces, taken out ('一级 指标' → '一级指标')."""
    return re.sub(r"\s+", "", text)


def _is_rule_row(texts: Sequence[str]) -> bool:
    """A markdown separator row ('---|---') left in a converted table."""
    return all(re.fullmatch(r"[-:—\s]*", t) for t in texts)


def _header(table: Table, start: int) -> tuple[list[Row], int]:
    """The header row at `start` and its sub-header (a second row with an empty first cell), and where data begins."""
    header = [table.rows[start]]
    body = start + 1
    if body < len(table.rows) and not table.rows[body].texts[0] and any(table.rows[body].texts):
        header.append(table.rows[body])
        body += 1
    return header, body


def _column_keys(header: Sequence[Row]) -> list[str]:
    """Combined header text per column: a blank top cell inherits from its left neighbour (merged)."""
    width = max(len(r.cells) for r in header)
    combined = [""] * width
    last = ""
    for index in range(width):
        top = header[0].texts[index] if index < len(header[0].cells) else ""
        if top:
            last = top
        parts = [top or last]
        for row in header[1:]:
            if index < len(row.cells) and row.texts[index]:
                parts.append(row.texts[index])
        combined[index] = "/".join(parts)
    return combined


_BUDGET_COLUMN = {"initial": "年初预算数", "adjusted": "全年预算数", "executed": "全年执行数", "reported_rate": "执行率",
                  "reported_score": "得分"}


LINE_FIELD, OTHER_RATE = "line", "other_rate"  # a 行次 column; a rate column that is not the 执行率 (到位率 …)
COLUMN_LETTER_RE = re.compile(r"[（(]\s*([A-Z])\s*[)）]$")  # '全年执行资金(E)'
COLUMN_FORMULA_RE = re.compile(r"[（(]\s*([A-Z])\s*/\s*([A-Z])\s*(?:[×*xX]\s*100\s*[%％])?\s*[)）]$")  # '(E/C×100%)'


def _lettered_fields(keys: Sequence[str]) -> list[str | None] | None:
    """Fields by the columns' letters when the form prints its 执行率 as a formula of two of them ('预算执行
    (E/C×100%)' beside '全年执行资金(E)' and '扣除…后预算金额(C)'): the formula's part is the 执行数 and its whole the
    budget the rate is of, whatever other column is called 全年预算数; other lettered columns are not read, other
    formulas are other rates. None when no such formula is printed."""
    keys = [re.sub(r"\s+", "", k) for k in keys]
    letters = {m.group(1): i for i, k in enumerate(keys) if (m := COLUMN_LETTER_RE.search(k))}
    formulas = {i: (m.group(1), m.group(2)) for i, k in enumerate(keys) if (m := COLUMN_FORMULA_RE.search(k))}
    rate = [i for i, letters_of in formulas.items() if "执行" in re.split(r"[（(]", keys[i])[0] and all(
        letter in letters for letter in letters_of)]
    if len(rate) != 1:
        return None
    part, whole = formulas[rate[0]]
    fields: list[str | None] = []
    for index, key in enumerate(keys):
        if index == rate[0]:
            fields.append("reported_rate")
        elif index in formulas:
            fields.append(OTHER_RATE)
        elif index == letters[part]:
            fields.append("executed")
        elif index == letters[whole]:
            fields.append("adjusted")
        elif index in letters.values():
            fields.append(None)
        else:
            fields.append(_column_field(key))
    return fields


POINTS_FIELD = "points"  # the 分值 column: the points of the budget-execution part, printed on the total row


def _column_field(key: str) -> str | None:
    """A budget header cell's field: a 行次 column, the part's 分值, or an amount, rate or score column."""
    if re.sub(r"\s+", "", key) == "行次":
        return LINE_FIELD
    return POINTS_FIELD if head_label(key) == "分值" else budget_field(key)


def _budget_fields(keys: Sequence[str]) -> list[str | None]:
    """Field per header column; of two columns claiming one field the first is a group caption spanning the
    others ('年度预算数（万元）' over 年初预算 / 调整后预算数 / 预算执行数) and names no column."""
    if (lettered := _lettered_fields(keys)) is not None:
        return lettered
    fields = [_column_field(k) for k in keys]
    for index, name in enumerate(fields):
        if name is not None and name in fields[index + 1:]:
            fields[index] = None
    return fields


def _is_budget_header(texts: Sequence[str]) -> bool:
    fields = _budget_fields([t if len(t) <= 20 else "" for t in texts])  # a long note cites header words
    return "executed" in fields and ("adjusted" in fields or "initial" in fields) and not any(
        t.startswith("一级指标") for t in texts)


AMOUNT_UNIT_RE = re.compile(r"(?<=\d)\s*(?:万元|元|亿元)$")  # '800万元': an amount with its unit in the cell




def _amount(text: str, unit: str) -> Decimal | None:
    """A cell's amount in yuan: one printed number, its own unit after it winning over `unit`; None for a cell that
    is not one number ('7,00.0,77', separators garbled: neither 7 nor 700.77 can be told)."""
    return parse_amount(text, unit) if is_number(CELL_UNIT_RE.sub("", text.strip())) else None


def _align(fields: list[str | None], rows: Sequence[Row]) -> list[str | None]:
    """Header columns shifted onto the data: a header may print leading cells the data rows lack (a section
    caption such as '预算执行情况（10分）' spanning the rows), or lack the label column's header. The first
    amount column of the header meets the first amount of the first data row that has one."""
    first_field = next((i for i, f in enumerate(fields) if f in AMOUNT_FIELDS), None)
    if LINE_FIELD in fields or OTHER_RATE in fields:
        return fields  # a form numbering its rows and lettering its columns: the header is the data's own width
    for row in rows:
        first_value = next((i for i, t in enumerate(row.texts) if is_number(AMOUNT_UNIT_RE.sub("", t))), None)
        if first_value is not None and first_field is not None:
            shift = first_field - first_value
            return fields[shift:] if shift > 0 else [None] * -shift + fields
    return fields


def _fund_level(label: str) -> FundLevel:
    label = _label(label)  # '合 计' printed letter-spaced
    if "合计" in label or "总计" in label or "总额" in label:
        return FundLevel.TOTAL
    if "中央" in label:
        return FundLevel.CENTRAL
    if "省" in label:
        return FundLevel.PROVINCE
    if "县" in label or "区" in label:
        return FundLevel.COUNTY
    if "市" in label:
        return FundLevel.CITY
    return FundLevel.OTHER


def _column_unit(key: str, table_unit: str) -> str:
    """A column's money unit: its own header ('全年预算数（万元）') wins over the table's caption."""
    return printed_unit(key) or table_unit


def _header_unit(keys: Sequence[str], table_unit: str) -> str:
    """The unit one header cell prints for the whole table ('年度预算数（万元）', '项目资金（万元）')."""
    return next((u for u in (_column_unit(k, "") for k in keys) if u), table_unit)


# Labels of the rows that end a form's fund rows: the next section's header ('资金管理情况 | 情况说明 | …' and
# '总体目标完成情况 | 总体目标 | …' on a transfer-payment form).
FUND_END = ("一级指标", "资金来源", "绩效指标", "年度总体目标", "年度目标", "资金管理情况", "总体目标完成情况")


def _fund_rows(rows: Sequence[Row]) -> list[Row]:
    """The fund rows at the head of a budget table's body, up to its end (the indicator part or another header)."""
    out = []
    for row in rows:
        texts = row.texts
        if _label(texts[0]).startswith(FUND_END) or _is_budget_header(
                texts):
            break
        if any(texts) and not _is_rule_row(texts):
            out.append(row)
    return out


def _placed(body: Sequence[Row], fields: list[str | None], report: _Report,
            errors: list[ReadError]) -> tuple[dict[int, tuple[str, ...]], dict[int, list[str]]]:
    """Fund rows whose cells were shifted (ingest.fundrows), by id: placed where the form's arithmetic decides;
    the cells it leaves undecided are reported as not read (their columns' names, by row id)."""
    rows = _fund_rows(body)
    named = [i for i, f in enumerate(fields) if f is not None]
    if not named or not any(is_shifted(row.texts, fields) for row in rows):
        return {}, {}
    fields = fields[:named[-1] + 1]  # the empty cells padding the header out are no columns
    placed, undecided = place_fund_rows([row.texts for row in rows], fields,
                                        total_first=_fund_level(rows[0].texts[0]) is FundLevel.TOTAL)
    unread: dict[int, list[str]] = {}
    for r, column in undecided:
        name = _BUDGET_COLUMN.get(fields[column] or "", f"第{column + 1}列")
        unread.setdefault(id(rows[r]), []).append(name)
        errors.append(ReadError(f"“{rows[r].texts[0]}”一行的格子少于表头的列，无法确定数字所在的列，“{name}”未读取",
                                rows[r].location.with_(project=report.name, table="预算执行情况",
                                                       row=rows[r].texts[0])))
    return {id(row): tuple(cells) for row, cells in zip(rows, placed, strict=True)}, unread


def _header_points(row: Row, report: _Report) -> None:
    """The points of the budget-execution part printed in the budget table's header, by its caption cell
    ('预算执行情况（万元）（20分）') or its score column's formula ('得分（20分×执行率）'), as a claim of the part's full
    marks, unless a caption above the table printed them already."""
    if any(c.block == "预算执行" and c.full_marks for c in report.claims):
        return
    for cell in row.cells:
        caption = SECTION_CAPTION_RE.match(_label(cell.clean))
        formula = FORMULA_POINTS_RE.search(cell.clean)
        points = formula.group(1) if formula else caption.group(2) if caption and caption.group(1) == "预算执行" else None
        if points:
            report.claims.append(BlockClaim(block="预算执行", full_marks=Decimal(points), score=None, rate=None,
                                            location=cell.location.with_(project=report.name, row="预算执行")))
            return


def _label_alone(row: Row) -> bool:
    """A fund row's label printed on a line of its own ('年度资金总额 |'): its one filled cell, the first, no figure."""
    filled = row.filled
    return len(filled) == 1 and bool(row.texts[0]) and not is_number(AMOUNT_UNIT_RE.sub("", row.texts[0]))


def _figures_alone(row: Row) -> bool:
    """A fund row's figures on a line of their own under its label ('| 32.4 | 31.69 | 10 | 97.80% | 9 |'): the
    label cell empty, the others figures (or blanks)."""
    texts = row.texts
    rest = [t for t in texts[1:] if t]
    return len(texts) > 1 and not texts[0] and bool(rest) and all(
        is_number(AMOUNT_UNIT_RE.sub("", t).rstrip("%％")) or t in NOT_APPLICABLE for t in rest)


def _joined_fund_rows(rows: Sequence[Row]) -> list[Row]:
    """Fund rows whose label and figures were copied onto two lines (the label cell spanning the row's height):
    one row again, the label first. A label followed by anything else stays as it is."""
    out: list[Row] = []
    for row in rows:
        if out and _figures_alone(row) and _label_alone(out[-1]):
            out[-1] = Row((out[-1].cells[0], *row.cells[1:]), out[-1].location)
            continue
        out.append(row)
    return out


def _read_budget(table: Table, start: int, report: _Report, errors: list[ReadError]) -> None:
    header, body_start = _header(table, start)
    keys = _column_keys(header)
    table_unit = _header_unit(keys, report.table_unit)
    body = _joined_fund_rows(table.rows[body_start:])
    fields = _align(_budget_fields(keys), body)
    keys = [""] * (len(fields) - len(keys)) + keys[max(len(keys) - len(fields), 0):]
    _header_points(header[0], report)
    # Placed under the header's own cells: a blank header cell is padding, not a column merged from its left.
    placed, unread = _placed(body, _align(_budget_fields(header[0].texts), body), report, errors)
    for row in body:
        texts = placed.get(id(row), row.texts)
        if not any(texts) or _is_rule_row(texts):
            continue
        if _label(texts[0]).startswith(FUND_END) or _is_budget_header(
                texts):
            break
        values: dict[str, object] = {}
        gaps = list(unread.get(id(row), ()))
        for index, name in enumerate(fields):
            if id(row) not in placed and index < len(row.cells) and not row.cells[index].placed:
                column = _BUDGET_COLUMN.get(name or "", keys[index] if index < len(keys) else f"第{index + 1}列")
                gaps.append(column)
                errors.append(ReadError(f"“{texts[0]}”一行的数字少于表头的列，无法确定“{column}”是"
                                        f"{texts[index]}，此格未读取",
                                        row.cells[index].location.with_(project=report.name, table="预算执行情况",
                                                                        row=texts[0])))
                continue
            if name is None or name in (LINE_FIELD, OTHER_RATE) or index >= len(texts):
                continue
            text = "" if texts[index] in NOT_APPLICABLE else texts[index]
            if name in ("source", "deviation_reason"):
                values[name] = text
            elif name in ("reported_rate", "reported_score", POINTS_FIELD):
                values[name] = parse_decimal(text) if text else None
            else:
                amount = _amount(text, _column_unit(keys[index], table_unit)) if text else None
                if text and amount is None:
                    errors.append(ReadError(f"预算执行情况表中“{text}”不是金额，未读取",
                                            row.cells[index].location.with_(project=report.name,
                                                                            table="预算执行情况")))
                values[name] = amount
        label = str(values.get("source") or texts[0])
        if not label or (label.startswith("其中") and not any(values.get(f) is not None for f in AMOUNT_FIELDS)):
            continue
        reason = str(values.get("deviation_reason") or "")
        _row_points(values.get(POINTS_FIELD), label, row, report)
        report.budget.append(BudgetLine(
            source=label, level=_fund_level(label),
            initial_declared=values.get("initial_declared"),  # type: ignore[arg-type]
            initial=values.get("initial"),  # type: ignore[arg-type]
            adjusted=values.get("adjusted"),  # type: ignore[arg-type]
            executed=values.get("executed"),  # type: ignore[arg-type]
            carryover=values.get("carryover"),  # type: ignore[arg-type]
            expected=values.get("expected"),  # type: ignore[arg-type]
            reported_rate=values.get("reported_rate"),  # type: ignore[arg-type]
            reported_score=values.get("reported_score"),  # type: ignore[arg-type]
            deviation_reason="" if reason == "无" else reason,
            location=_place(row.location, report.name, "预算执行情况", label),
            unread="、".join(dict.fromkeys(gaps)),
        ))


def _row_points(points: object, label: str, row: Row, report: _Report) -> None:
    """The 分值 the budget table's total row prints ('年度资金总额 | 100 | 95 | 10 | 95% | 9.5'): the points of the
    budget-execution part, as its claim — unless the table's header or a caption printed them already."""
    if not isinstance(points, Decimal) or not points or _fund_level(label) is not FundLevel.TOTAL or any(
            line.is_total for line in report.budget) or any(c.block == "预算执行" and c.full_marks for c in report.claims):
        return
    report.claims.append(BlockClaim(block="预算执行", full_marks=points, score=None, rate=None,
                                    location=_place(row.location, report.name, "预算执行情况", label).with_(column="分值")))


def _repeated_scores(lines: Sequence[BudgetLine], project: str) -> list[ReadError]:
    """Fund rows under the total that print a 得分 of their own ('其中：当年财政拨款 … 10 | 89.7% | 8'): the form gives
    the budget-execution part its points and score once, on its total row, so a score printed again below is the
    same part's score repeated — counted once (the total row's), the repeat named where it stands."""
    total = next((line for line in lines if line.is_total), None)
    errors = []
    for line in lines:
        if line is total or line.reported_score is None:
            continue
        name = line.source.rstrip("：:")
        if total is not None and total.reported_score is not None:
            said = (f"“{name}”一行另印得分 {line.reported_score}（“{total.source.rstrip('：:')}”一行得分 "
                    f"{total.reported_score}）：预算执行只计一次得分，按“{total.source.rstrip('：:')}”一行计，此行得分未计入")
        else:
            said = f"“{name}”一行印有得分 {line.reported_score}，不是合计行：预算执行得分只按合计行计，此行得分未计入"
        errors.append(ReadError(said, line.location.with_(project=project, column="得分")))
    return errors


STOP_WORDS = ("资金来源", "一级指标", "合计", "总分", "评价结论", "自评结论", "存在问题", "改进措施", "项目负责人",
              "预算执行情况", "说明")
# '产出指标（50分）' prints its points (group 3)
LEVEL1_RE = re.compile(rf"^({alternation(level1_words())})(指标)?(?:[（(]([\d.]+)分[)）])?$")
_VALUE_FIELDS = ("initial_target", "adjusted_target", "actual", "qualitative_note", "weight", "reported_score",
                 "deviation_reason")


# The standard form prints '指标1' / '指标2' … '……' in its indicator rows for the filer to complete.
PLACEHOLDER_RE = re.compile(r"指标\s*\d+\s*[:：]?|[.…·。]{2,}|…")
SUB_ROW_RE = re.compile(r"^其中\s*[:：]?")  # '其中桃树种植面积': a part of the indicator above
TEMPLATE_NUMBER_RE = re.compile(r"^指标\s*\d+\s*[:：]?(?=[\u4e00-\u9fa5])")  # '指标1工程完工率': the name follows


def _is_target(text: str) -> bool:
    """Looks like a target (指标值): an operator, a date, a number with a unit, or a short qualitative word."""
    value = parse_value(text)
    if value.attainment is not None:
        return False
    if value.operator is not None and value.operator.value != "定性":
        return True
    return value.date is not None or (value.number is not None and bool(value.unit)) or (
        value.number is None and len(text) <= 8)


def _labels(texts: Sequence[str]) -> tuple[str, str, str, int]:
    """(level1, level2, name, index after the name) read by content from the left of a row."""
    level1 = level2 = name = ""
    index = 0
    while index < len(texts) and index < 4:
        text = texts[index]
        index += 1
        if not text:
            continue
        key = _label(text)  # a level cell printed letter-spaced ('产 出 指 标 (50分)', '经济效益 指标')
        if LEVEL1_RE.match(key) and not level1 and not level2:
            level1 = key
        elif LEVEL2_RE.match(key) and not level2:
            level2 = key
        elif LEVEL2_RE.match(key) and not level1 and cost_over_kind(level2, key):
            level1, level2 = level2, key  # '成本指标 | 经济成本指标': the newer frame's 一级 over its kind
        else:
            name = text
            break
    return level1, level2, name, index


def _values_by_content(cells: Sequence[str], weighted: bool = True) -> dict[str, str]:
    """Target(s), actual, note, weight, score and reason from the cells after the name, by what they hold.
    `weighted`: the header prints a 分值 column; without one the row's figure after its actual is its score, and no
    figure is ever its weight."""
    filled = [c for c in cells if c]
    out: dict[str, str] = {}
    targets: list[str] = []
    position = 0
    while position < len(filled) and len(targets) < 2 and _is_target(filled[position]) and not (
            targets and is_number(filled[position])):
        targets.append(filled[position])
        position += 1
    if len(targets) == 2 and position < len(filled) and is_number(filled[position]) and is_number(
            filled[min(position + 1, len(filled) - 1)]) and len(filled) - position <= 2:
        targets, position = targets[:1], position - 1  # the second 'target' was the actual
    if targets:
        out["adjusted_target" if len(targets) == 1 else "initial_target"] = targets[0]
        if len(targets) == 2:
            out["adjusted_target"] = targets[1]
    if position < len(filled):
        out["actual"] = filled[position]
        position += 1
    notes: list[str] = []
    numbers: list[str] = []
    reasons: list[str] = []
    for text in filled[position:]:
        if is_number(text) and len(numbers) < (2 if weighted else 1) and not reasons:
            numbers.append(text)
        elif numbers:
            reasons.append(text)
        else:
            notes.append(text)
    if numbers and not weighted:
        out["reported_score"] = numbers[0]
    elif numbers:
        out["weight"] = numbers[0]
    if len(numbers) > 1:
        out["reported_score"] = numbers[1]
    out["qualitative_note"] = "".join(notes)
    out["deviation_reason"] = "".join(reasons)
    return out


def _row_cells(texts: Sequence[str], fields: Sequence[str | None]) -> tuple[dict[str, str], int]:
    """Cells of an indicator row by header position, or by content when the row's layout is shifted; and the
    row's width counted with the 一级/二级 cells it leaves out (merged from the rows above)."""
    level1, level2, name, after = _labels(texts)
    name_column = fields.index("name") if "name" in fields else 2
    missing = name_column - (after - 1)  # label cells this row lacks before its name
    filled = len(texts) - next((i for i, t in enumerate(reversed(texts)) if t), len(texts))  # up to the last filled cell
    if not level1 and missing > 0 and filled + missing <= len(fields) and (not level2 or after - 1 == 1):
        # The 一级/二级 cells merged from the rows above were left out of this row (a form flattened to text):
        # its cells start further right.
        texts = [""] * missing + list(texts)
        level1, level2, name, after = _labels(texts)
    by_position = {name: texts[i] for i, name in enumerate(fields) if name is not None and i < len(texts)}
    weight = by_position.get("weight", "")
    split_target = "operator" in fields  # a template printing 指标性质 / 指标值 / 度量单位 apart: one cell per column
    # a row that leaves out a split target's 指标性质 and 度量单位 cells (a qualitative row: '有效 | 有效 | 10 | 10')
    # puts a figure under 度量单位 or 指标性质: its cells are read by content
    split_short = split_target and any(is_number(by_position.get(f, "")) for f in ("operator", "measure_unit"))
    consistent = (after - 1 == name_column and (is_number(weight) or not weight) and not split_short
                  and not (weight == "" and "weight" in fields and by_position.get("reported_score"))
                  and (by_position.get("actual") or split_target
                       or not any(by_position.get(f) for f in _VALUE_FIELDS)))
    # a row marked not applicable ('不适用 | 不适用 | — | 不适用') holds no figure to place by content
    consistent = consistent or (after - 1 == name_column and _not_applicable_row(by_position))
    cells = by_position if consistent else _values_by_content(texts[after:], "weight" in fields)
    cells["level1"], cells["level2"], cells["name"] = level1, level2, name
    operator, unit = cells.pop("operator", ""), cells.pop("measure_unit", "")
    for target in ("initial_target", "adjusted_target"):
        if cells.get(target) and (operator or unit):  # '≥' + '30' + '万元' → '≥30万元'
            cells[target] = ("" if operator == "定性" else operator) + cells[target] + unit
    return cells, len(texts)


def _upper_fields(table: Table, start: int, fields: list[str | None]) -> list[str | None]:
    """A two-row header copied without its spans: the upper row ('绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
    偏差原因…') names the last columns, the lower one ('一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位')
    splits the upper row's first cells. When the lower row names no 分值 column, the upper row's columns it lacks
    follow it, in their order."""
    if "weight" in fields or start == 0:
        return fields
    upper = [indicator_field(t) for t in table.rows[start - 1].texts if t]
    if "weight" not in upper:
        return fields
    lower = table.rows[start].texts
    width = len(lower) - next(i for i, t in enumerate(reversed(lower)) if t) - (len(lower) - len(fields))
    fields = fields[:width]  # the empty cells after the lower row's last name are no columns of its own
    return fields + [f for f in upper if f is not None and f not in fields and f != "initial_target"]


_INDICATOR_COLUMN = {"weight": "分值", "actual": "实际完成值"}


def _read_indicators(table: Table, start: int, report: _Report, errors: list[ReadError]) -> None:
    header, body_start = _header(table, start)
    keys = _column_keys(header)
    first = next(i for i, k in enumerate(keys) if _label(k).startswith("一级指标"))  # a caption may lead the row
    fields = _upper_fields(table, start, [indicator_field(k) for k in keys[first:]])
    if not any(f in fields for f in (*_VALUE_FIELDS, "operator")):
        # Only the level and name columns were found (a form flattened out of reading order): the rows' cells
        # cannot be told apart, and a name taken for a target would be judged as one. Reported, not read.
        rest = " ".join(t for row in table.rows[body_start:] for t in row.texts if t)
        clip = rest if len(rest) <= 30 else rest[:30] + "…"
        where = table.rows[start].location.with_(project=report.name, table="绩效指标")
        errors.append(ReadError(f"绩效指标表只见一级、二级、三级指标的表头，未见指标值、分值、得分各列，"
                                f"其后的格子（“{clip}”）未读作指标行", where))
        report.incomplete = report.incomplete or "绩效指标表的表头不全，指标行未读取"
        report.indicators_open = True  # the text right after it is the rest of the table
        return
    report.unweighted = "weight" not in fields
    # The first column a row cut off by the end of the text lacks: its 分值, or on a form without scores (a
    # transfer-payment form) its 全年实际完成值.
    cut_at = next((fields.index(f) for f in ("weight", "actual") if f in fields), None)
    level1 = level2 = ""
    parts: list[Location] = []  # '其中' rows: parts of the indicator above them
    pending: BlockClaim | None = None  # the points a 一级 cell prints, checked once its block is complete
    already = len(report.indicators)
    for row in table.rows[body_start:]:
        indicators_read = len(report.indicators) > already
        texts = [_plain(t) for t in row.texts]
        if not any(texts) or _is_rule_row(texts):
            continue
        if _label(texts[0]).startswith(STOP_WORDS) or _is_budget_header(texts) or any(
                _label(t).startswith("一级指标") for t in texts):
            if pending is not None and texts[0].startswith(("合计", "总分")):
                report.claims.append(replace(pending, whole=not report.incomplete))
            if TOTAL_LABEL_WORD_RE.match(_label(texts[0])):
                _total_row(texts, fields, row.location, report)
            break
        cells, width = _row_cells(texts, fields)
        if cells["level1"]:
            caption = LEVEL1_RE.match(cells["level1"])
            level1, level2 = (f"{caption.group(1)}指标" if caption else cells["level1"]), ""
            if pending is not None:
                # the block before closed: its printed points can be checked, whatever goes unread after it
                report.claims.append(replace(pending, whole=not report.incomplete))
            pending = BlockClaim(block=level1, full_marks=Decimal(caption.group(3)), score=None, rate=None,
                                 location=_place(row.location, report.name, "绩效指标", level1)) if (
                caption and caption.group(3) and level1 in LEVEL1_WORDS) else None
        if cells["level2"]:
            level2 = cells["level2"]
        name = TEMPLATE_NUMBER_RE.sub("", cells["name"])
        if not name and row is table.rows[-1] and "weight" in fields and len(texts) <= fields.index("weight"):
            # The text ends on a level cell ('可持续影响'): the rows of that block are absent, not empty.
            last = next(t for t in reversed(texts) if t) if any(texts) else ""
            errors.append(ReadError(f"指标表在“{last}”之后中断，其后各行未读入",
                                    _place(row.location, report.name, "绩效指标", last)))
            report.incomplete = report.incomplete or f"指标表在“{last}”之后中断，其后各行未见"
            continue
        if not name or (PLACEHOLDER_RE.fullmatch(name) and not any(cells.get(f) for f in _VALUE_FIELDS)):
            continue  # a template's unfilled row ('指标2', '……') is no indicator
        if report.indicators and not any(cells.get(f) for f in _VALUE_FIELDS) and not (
                cells["level1"] or cells["level2"]):
            previous = report.indicators[-1]
            if not previous.name.endswith(name):  # a name broken across a page continues the row above
                report.indicators[-1] = replace(previous, name=previous.name + name)
            continue
        location = _place(row.location, report.name, "绩效指标", name)
        if (SUB_ROW_RE.match(name) and report.indicators and "weight" in fields
                and not cells.get("weight") and not cells.get("reported_score")):
            parts.append(location)  # '其中桃树种植面积 | 1.5亩 | 1.5亩': a part of the row above, no indicator
            continue
        if row is table.rows[-1] and cut_at is not None and width <= cut_at:
            # The text ends inside the row: the cells after it are absent, not blank (a gap, not a 0).
            errors.append(ReadError(f"指标“{name}”所在行在“{texts[-1]}”之后中断，缺少{_INDICATOR_COLUMN[fields[cut_at]]}"
                                    "及其后各列，未读入", location))
            report.incomplete = report.incomplete or f"指标表在“{name}”一行中断，其后各行未见"
            continue
        weight_text, score_text = cells.get("weight", ""), cells.get("reported_score", "")
        if _not_applicable_row(cells):
            weighted = is_number(weight_text) and parse_decimal(weight_text) > 0
            targets = "、".join(f"“{cells[f]}”" for f in ("initial_target", "adjusted_target") if cells.get(f))
            errors.append(ReadError(f"指标“{name}”一行标为不适用（指标值{targets}、得分“{score_text}”），不计分，也不按0分计"
                                    + (f"；其分值 {weight_text} 不计入各指标分值合计，合计未核对" if weighted else ""),
                                    location))
            if weighted:
                report.incomplete = report.incomplete or f"指标“{name}”标为不适用但印有分值"
            continue
        if indicators_read and _same_row(report.indicators[-1], name, cells, weight_text, score_text):
            errors.append(ReadError(f"指标“{name}”一行与上一行完全相同（重复印出），只计一次", location))
            continue
        if row is table.rows[-1] and "reported_score" in fields and width <= fields.index("reported_score"):
            # The text ends after the row's 分值: its 得分 is absent, not blank (the weights still all stand).
            errors.append(ReadError(f"指标“{name}”所在行在“{texts[-1]}”之后中断，缺少得分及其后各列，得分未读入",
                                    location.with_(column="得分")))
        for label, text in (("权重", weight_text), ("得分", score_text)):
            if text and not is_number(text):
                errors.append(ReadError(f"指标“{name}”的{label}“{text}”不是数值", location.with_(column=label)))
        report.indicators.append(Indicator(
            level1=level1, level2=level2, name=name,
            initial_target=parse_value(cells["initial_target"]) if cells.get("initial_target") else None,
            adjusted_target=parse_value(cells["adjusted_target"]) if cells.get("adjusted_target") else None,
            actual=parse_value(cells["actual"]) if cells.get("actual") else None,
            qualitative_note=cells.get("qualitative_note", ""),
            weight=parse_decimal(weight_text) if is_number(weight_text) else None,
            reported_score=parse_decimal(score_text) if is_number(score_text) else None,
            deviation_reason=cells.get("deviation_reason", ""),
            location=location,
        ))
    else:
        report.indicators_open = True  # the table ran to its end: text right after it may be rows left unread
    if parts:
        errors.append(ReadError(f"绩效指标表中有 {len(parts)} 行“其中”分项（无分值、得分，是上一行指标的组成），未作为指标计分，"
                                "其与上一行指标的合计未核对", parts[0]))


# A cell saying the indicator does not apply to the project this year: the row is left out of the scoring.
NOT_APPLICABLE_WORDS = (*NOT_APPLICABLE, "不适用", "不涉及", "无", "N/A", "n/a")


def _not_applicable_row(cells: dict[str, str]) -> bool:
    """An indicator row marked not applicable as a whole: its target (年度指标值) and its 得分 say so (不适用, 无, —),
    and its actual is the same mark or blank. Such a row is not scored — neither by the rules nor as a 0."""
    targets = [cells[f] for f in ("initial_target", "adjusted_target") if cells.get(f)]
    return bool(targets) and all(t in NOT_APPLICABLE_WORDS for t in targets) and cells.get(
        "reported_score", "") in NOT_APPLICABLE_WORDS and cells.get("actual", "") in ("", *NOT_APPLICABLE_WORDS)


def _same_row(previous: Indicator, name: str, cells: dict[str, str], weight: str, score: str) -> bool:
    """The row repeats the indicator just read cell for cell (a row printed twice across a page break): counted once."""
    def raw(value: Value | None) -> str:
        return value.raw.strip() if value is not None else ""

    return (previous.name == name and raw(previous.initial_target) == cells.get("initial_target", "").strip()
            and raw(previous.adjusted_target) == cells.get("adjusted_target", "").strip()
            and raw(previous.actual) == cells.get("actual", "").strip()
            and previous.weight == (parse_decimal(weight) if is_number(weight) else None)
            and previous.reported_score == (parse_decimal(score) if is_number(score) else None))


# The label of a form's closing row of scores ('总分 | 100 | 94', '合计 | 100 | 94'), or that label with the score in its
# own cell ('总分：94', '自评总分:94分').
SCORE_WORD_RE = re.compile(r"^(\d+(?:\.\d+)?)分?$")
SENTENCE_END_RE = re.compile(r"[。！？]\s*$")


def _total_figures(figures: Sequence[str], where: Location, report: _Report, inferred: str = "") -> None:
    """The form's total from the figures its 总分 row prints after its label: 分值 then 得分, or the 得分 alone. Two
    figures whose 得分 exceeds the 分值, or a 分值 above the form's 100, are no such row: not read."""
    values = [Decimal(m.group(1)) for f in figures if (m := SCORE_WORD_RE.match(f))]
    if len(values) != len(figures) or not values or len(values) > 2:
        return
    points, score = (values[0], values[1]) if len(values) == 2 else (None, values[0])
    if score > (points if points is not None else FORM_POINTS) or (points is not None and points > FORM_POINTS):
        return
    report.form_total = FormTotal(score=score, points=points, inferred=inferred,
                                  location=where.with_(project=report.name, table="绩效指标", row="总分"))


def _total_row(texts: Sequence[str], fields: Sequence[str | None], where: Location, report: _Report) -> None:
    """A 总分 row closing the indicator table on a grid: its 分值 and 得分 under their columns ('总分 | | 100 | 94'),
    or the score in the label's own cell ('总分：94'). A lone figure under neither column is not read (it may be
    either)."""
    report.total_row = True
    for text in texts[1:]:  # a sentence printed after the row ran into it ('自评结论：…自评得分98.5分…。'): still said
        if SENTENCE_END_RE.search(text):
            _reported_scores(text, where, report)
    own = TOTAL_LABEL_WORD_RE.match(_label(texts[0]))
    if own is not None and own.group(1):
        _total_figures([own.group(1)], where, report)
        return
    figures = [(index, text.strip()) for index, text in enumerate(texts) if index and SCORE_WORD_RE.match(text.strip())]
    columns = {name: fields.index(name) for name in ("weight", "reported_score") if name in fields}
    if len(figures) == 1:
        index, text = figures[0]
        if columns.get("reported_score") == index:
            _total_figures([text], where, report)
        elif columns.get("weight") == index:  # the points alone: no score to compare
            return
        elif "reported_score" not in columns and "weight" not in columns:
            _total_figures([text], where, report)
        return
    if len(figures) >= 2:
        at = dict(figures)
        if all(c in at for c in columns.values()) and len(columns) == 2:  # under their own columns
            _total_figures([at[columns["weight"]], at[columns["reported_score"]]], where, report)
        elif len(figures) == 2:
            _total_figures([text for _, text in figures], where, report)


def _total_words(report: _Report) -> None:
    """A 总分 row that is no row of the indicator table as read (its cells split into paragraphs, '总分' then '100'
    then '96'; or '总分：94' written under the table): the label among the words after the indicator header,
    followed by one or two figures. A bare '合计' there is not taken: among words it may total anything."""
    if report.form_total is not None or report.total_row or not report.indicators:
        return
    words = [_label(w) for w, _ in report.words]
    at = next((i for i, w in enumerate(words) if (w + "".join(words[i + 1:i + 2])).startswith(INDICATOR_HEADS[:3])),
              None)
    if at is None:
        return
    for index in range(at, len(words)):
        # '合计' alone among words may count anything ('合计 3 项'): only a 总分 is the form's total here
        if (label := TOTAL_LABEL_WORD_RE.match(words[index])) is None or label.group(1) or "总分" not in words[index]:
            continue
        figures = []
        for word in words[index + 1:index + 3]:
            if not SCORE_WORD_RE.match(word):
                break
            figures.append(word)
        if figures:
            _total_figures(figures, report.words[index][1], report)
        return


LEFT_ROWS_RE = re.compile(
    rf"(?:^|\s)(?:(?:{alternation((*level1_words(), *level2_words()))})指标?"
    r"|[\d.]+%?\s+[\d.]+)(?=\s|$)")


def _left_rows(paragraph: Paragraph, report: _Report, errors: list[ReadError]) -> None:
    """Text right after an indicator table that holds a level cell ('质量指标', or its start cut off by the end of
    the text: '满意') or a row's figures ('42 8 8') and no sentence is the rest of the table, left unread: reported with its place, and the table marked as read in
    part, so no total over its rows is asserted."""
    text = paragraph.clean
    cut = len(_label(text)) >= 2 and any(word.startswith(_label(text)) for word in LEVEL1_WORDS)  # '满意' at the end
    if not cut and (text.startswith(STOP_WORDS) or re.search(r"[。：:]", text) or paragraph.heading_level
                    or re.match(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]", text) or not LEFT_ROWS_RE.search(text)):
        return  # a sentence, a label or a heading ('2. 质量指标') after the table is text of its own
    clip = text if len(text) <= 30 else text[:30] + "…"
    location = paragraph.location.with_(project=report.name, table="绩效指标")
    errors.append(ReadError(f"绩效指标表有未读取的部分：“{clip}”未能读作指标行", location))
    report.incomplete = report.incomplete or f"绩效指标表有未读取的部分，见第{paragraph.location.line}行"


# A fund table printed as label / amount pairs across one row ('计划安排资金（万元） | 700 | 实际到位资金（万元） | … | 结余
# （万元） | 0'), each fund level below as a row of the same pairs ('县财政 | 700 | 县财政 | … | 县财政').
PAIRED_FIELDS = (("计划", "adjusted"), ("预算", "adjusted"), ("到位", "received"), ("实际支出", "executed"),
                 ("执行数", "executed"), ("结余", "carryover"), ("结转", "carryover"))
PAIRED_FIELDS_MIN = 3
PAIRED_RATE_RE = re.compile(r"^\d+(?:\.\d+)?\s*[%％]$")


def _paired_rate(texts: Sequence[str]) -> str | None:
    """The rate closing a row of pairs in a cell of its own ('预算数: | 95 | 执行数: | 82.65 | 87%', under a header
    '预算安排情况 | 资金执行情况 | 预算执行率'), or None."""
    filled = list(texts)
    while filled and not filled[-1].strip():
        filled.pop()
    last = filled[-1].strip() if filled else ""
    return last if len(filled) % 2 == 1 and len(filled) >= 5 and PAIRED_RATE_RE.match(last) else None


def _paired_fields(texts: Sequence[str]) -> list[str | None] | None:
    """The field of each pair of a row of label / amount pairs, or None when the row is not one. Two pairs do when
    the row closes with its 执行率 ('预算数 | 95 | 执行数 | 82.65 | 87%'), else at least PAIRED_FIELDS_MIN."""
    rate = _paired_rate(texts)
    if rate is not None:
        texts = list(texts)[:len(texts) - list(reversed(texts)).index(rate) - 1]  # the pairs before the rate
    labels = [_label(t) for t in texts[0::2]]
    values = [_label(t) for t in texts[1::2]]
    fields = [next((f for word, f in PAIRED_FIELDS if word in label), None) for label in labels]
    named = [f for f in fields if f]
    least = PAIRED_FIELDS_MIN - 1 if rate is not None else PAIRED_FIELDS_MIN
    if len(named) < least or len(set(named)) != len(named) or "executed" not in named or any(
            is_number(label) for label in labels):
        return None
    if not any(re.search(r"\d", v) for v in values) or any(word in v for v in values for word, _ in PAIRED_FIELDS):
        return None  # a header row of column names, not pairs of a label and its amount
    return fields


def _paired_level(texts: Sequence[str]) -> str | None:
    """The fund level a row of pairs repeats in every pair ('其中：中央财政' four times), or None."""
    labels = {re.sub(r"^其中[:：]?", "", _label(t)) for t in texts[0::2] if _label(t)}
    return labels.pop() if len(labels) == 1 and not any(is_number(t) for t in labels) else None


def _read_paired(table: Table, start: int, report: _Report, errors: list[ReadError]) -> None:
    """A fund table of label / amount pairs (see PAIRED_FIELDS): its first row the totals, each row below one fund
    level, each amount in the unit its label prints ('（万元）'). A cell that is no amount ('7,00.0,77') is
    reported unread, never guessed."""
    header = table.rows[start].texts
    fields = _paired_fields(header) or []
    units = [_column_unit(label, report.table_unit) for label in header[0::2]]
    rows = [(table.rows[start], "合计")]
    for row in table.rows[start + 1:]:
        if (level := _paired_level(row.texts)) is None:
            break
        rows.append((row, level))
    if rest := _rows_after(table.rows[start + len(rows):]):
        errors.append(ReadError(rest, table.rows[start + len(rows)].location.with_(project=report.name)))
    for row, label in rows:
        values: dict[str, Decimal | None] = {}
        for pair, name in enumerate(fields):
            index = 2 * pair + 1
            text = row.texts[index].strip() if index < len(row.texts) else ""
            if name is None or not text or text in NOT_APPLICABLE:
                continue
            amount = _amount(text, units[pair])
            if amount is None:
                errors.append(ReadError(f"预算执行情况表中“{text}”不是可读的金额，“{_label(header[2 * pair])}”未读取、未核对",
                                        row.cells[index].location.with_(project=report.name, table="预算执行情况",
                                                                        row=label)))
            values[name] = amount
        if label != "合计" and not any(v is not None for v in values.values()):
            continue
        rate = _paired_rate(row.texts) if label == "合计" else None
        report.budget.append(BudgetLine(
            source=label, level=_fund_level(label), adjusted=values.get("adjusted"), executed=values.get("executed"),
            received=values.get("received"), carryover=values.get("carryover"),
            reported_rate=parse_decimal(rate.rstrip("%％ ")) if rate else None,
            location=_place(row.location, report.name, "预算执行情况", label)))


DETAIL_TOTAL_RE = re.compile(r"^(?:合\s*计|总\s*计)")


def _rows_after(rows: Sequence[Row]) -> str:
    """What to say of the rows of another table rebuilt under a fund table (a 支出明细 listing each payment), or ''
    when none holds a figure: they are not read, and why — a list of payments with no 合计 row states no total to
    check them against, and a last row shorter than its header is where the text was cut."""
    figures = [row for row in rows if any(is_number(t) for t in row.texts)]
    if not figures:
        return ""
    header = next((r for r in rows if r.filled and not any(is_number(t) for t in r.filled) and len(r.filled) >= 2),
                  None)
    opening = " ".join((header or next(r for r in rows if r.filled)).filled)[:20]
    if any(DETAIL_TOTAL_RE.match(_label(r.filled[0])) for r in figures if r.filled):
        why = "其合计行未与各行核对"
    else:
        why = "表中没有合计行，逐笔金额无从核对"
        last = figures[-1]
        if header is not None and last is rows[-1] and len(last.filled) < len(header.filled):
            why += f"；最后一行只有 {len(last.filled)} 格（表头 {len(header.filled)} 列），文本可能在此截断"
    return f"预算执行情况表之后自“{opening}”起的 {len(figures)} 行明细不属于该表（{why}），未读取、未核对"


def _read_table(table: Table, report: _Report, errors: list[ReadError]) -> None:
    for index, row in enumerate(table.rows):
        texts = row.texts
        first = texts[0] if row.cells else ""
        if not report.budget and _paired_fields(texts) is not None:
            _read_paired(table, index, report, errors)
        elif first.startswith("资金来源") or _is_budget_header(texts):
            already = len(report.budget)
            _read_budget(table, index, report, errors)
            errors += _repeated_scores(report.budget[already:], report.name)
        elif any(_label(t).startswith("一级指标") for t in texts[:2]):
            _read_indicators(table, index, report, errors)
        elif index + 1 < len(table.rows) and "预期目标" in [_label(t) for t in texts]:
            _read_goal(texts, table.rows[index + 1].texts, report)


def fund_table_lines(table: Table, caption: str = "") -> tuple[list[BudgetLine], list[ReadError]]:
    """The fund rows of a table holding a form's 预算执行情况 header ('年初预算数 | 全年预算数 | 全年执行数 | 分值 |
    执行率 | 得分') or its totals as label / amount pairs ('预算数: | 95 | 执行数: | 82.65 | 87%'), read as a project
    form's are; none when it holds neither. `caption`: the paragraph just before the table ('(万元)' gives the unit
    of cells that print none); a caption row of the table itself ('单位:万元') wins."""
    report = _Report(title_location=table.location, table_unit=printed_unit(caption) or "元")
    errors: list[ReadError] = []
    for index, row in enumerate(table.rows):
        if unit := printed_unit(*row.texts):
            report.table_unit = unit  # a caption row of the table itself ('填报单位: | … | 单位:万元')
        if _paired_fields(row.texts) is not None:
            _read_paired(table, index, report, errors)
            break
        if _is_budget_header(row.texts):
            _read_budget(table, index, report, errors)
            break
    return report.budget, errors


def _read_goal(header: Sequence[str], below: Sequence[str], report: _Report) -> None:
    """The 年度总体目标 rows of a form: the goal under '预期目标', the account of it under '实际完成情况'; text
    written elsewhere in the report is kept when both are given."""
    for key, text in zip(header, below, strict=False):
        key = _label(key)
        if key == "预期目标" and text and not report.annual_goal:
            report.annual_goal = text
        elif key.startswith("实际完成情况") and text and not report.goal_statement:
            report.goal_statement = text


# A section caption printing its points, in the same paragraph or alone in the next one (its '(' often lost):
# '预算执行情况（万元）（20分）', '年度绩效目标' then '98分)', '绩效指标完成情况（90分）'.
SECTION_CAPTION_RE = re.compile(r"^(预算执行|年度绩效目标|绩效指标)(?:情况|完成情况)?\s*(?:[（(]\s*万?元\s*[)）])?\s*"
                                r"(?:[（(]\s*([\d.]+)\s*分\s*[)）])?$")
SECTION_POINTS_RE = re.compile(r"^[（(]?\s*([\d.]+)\s*分\s*[)）]$")
SECTIONS = {"预算执行": "预算执行", "年度绩效目标": "绩效指标", "绩效指标": "绩效指标"}


def _section_points(text: str, where: Location, report: _Report) -> None:
    """The points a section caption prints, as a claim of the section's full marks (block 预算执行 or 绩效指标)."""
    caption, report.caption = report.caption, None
    if (match := SECTION_POINTS_RE.match(text)) and caption is not None:
        block, at = caption
        report.claims.append(BlockClaim(block=block, full_marks=Decimal(match.group(1)), score=None, rate=None,
                                        location=at.with_(project=report.name, row=block)))
    elif match := SECTION_CAPTION_RE.match(_label(re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*", "", text))):
        block = SECTIONS[match.group(1)]
        if match.group(2):
            report.claims.append(BlockClaim(block=block, full_marks=Decimal(match.group(2)), score=None, rate=None,
                                            location=where.with_(project=report.name, row=block)))
        else:
            report.caption = (block, where)


def _read_paragraph(paragraph: Paragraph, report: _Report) -> None:
    text = paragraph.clean
    _section_points(re.sub(r"^#+\s*", "", text), paragraph.location, report)
    if report.name_next:
        report.name_next = False
        if not report.name and text and len(text) <= 40 and not LABEL_CELL_RE.match(text) \
                and not FIELD_LABEL_RE.match(text) and not re.search(r"[：:。]|^\d", text):
            report.name = text  # the cells of a form's first rows, one per paragraph: '项目名称' / '示例维修项目'
            return
    if NAME_LABEL_RE.fullmatch(text):
        report.name_next = True
        return
    if report.name_open:
        if text and len(text) <= 12 and not re.search(r"[：:，。、]", text):
            report.name += text
            return
        report.name_open = False
    numbered = re.match(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]", text) is not None
    # A short numbered line without a full stop is a heading even where the format has no heading styles (PDF).
    heading = bool(paragraph.heading_level) or (numbered and len(text) <= 40 and not text.endswith("。"))
    if paragraph.heading_level or numbered:
        report.section = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*", "", text)
    if match := NAME_RE.match(text):
        report.name = match.group(1).strip()
        if coded := PROJECT_CODE_RE.match(report.name):
            report.code, report.name = coded.group(1), coded.group(2)
        report.name_open = paragraph.text.rstrip("\n").endswith("  ") or len(text) >= 20
        return
    if match := UNIT_RE.match(text):
        if report.unit is None or match.group(1) == "项目单位":  # 项目单位 wins over 实施单位/预算单位
            report.unit = Unit(code=match.group(2) or "", name=match.group(3).strip())
        return
    if match := DEPT_RE.match(text):
        report.department = Department(code=match.group(1) or "", name=match.group(2).strip())
        return
    location = paragraph.location.with_(project=report.name, section=report.section)
    report.table_unit = printed_unit(text) or "元"
    if not heading and text:
        report.statements.append((text, location))
    if "实施期绩效目标" in report.section and not heading and not report.period_goal:
        report.period_goal = text
    elif "年度目标" in report.section and not heading and not report.annual_goal:
        report.annual_goal = text
    elif "目标实际完成情况" in report.section and not heading and not report.goal_statement:
        report.goal_statement = text
    for match in BLOCK_RE.finditer(normalize_text(text)):  # '得分率100％' as '得分率100%'
        report.claims.append(BlockClaim(
            block=f"{match.group(1)}指标", full_marks=Decimal(match.group(2)), score=Decimal(match.group(3)),
            rate=Decimal(match.group(4)) if match.group(4) else None, location=location,
        ))
    _reported_scores(text, location, report)


def _reported_scores(text: str, location: Location, report: _Report) -> None:
    """The scores a paragraph reports for the form, read with its total ('总得分 94 分，属于“优”'; the first
    paragraph stating a total wins): the execution and indicator scores and the grade said beside it."""
    total = stated_form_total(text)
    if total is None or "total" in report.reported:
        return
    found = {"execution_score": EXEC_SCORE_RE.search(text), "indicator_score": IND_SCORE_RE.search(text),
             "grade": GRADE_RE.search(text)}
    report.reported["total"] = total
    for key, match in found.items():
        if match:
            report.reported[key] = match.group(1) if key == "grade" else Decimal(match.group(1))
    report.result_location = location


def _finish(report: _Report, year: int | None) -> SelfEvaluation:
    reported = report.reported
    location = report.result_location or report.title_location
    project = Project(name=report.name, code=report.code, unit=report.unit, department=report.department)
    return SelfEvaluation(
        project=project, year=year, budget_lines=tuple(report.budget),
        goal=Goal(annual_text=report.annual_goal, period_text=report.period_goal, indicators=tuple(report.indicators),
                  incomplete=report.incomplete, unweighted=report.unweighted),
        reported=Reported(
            execution_score=reported.get("execution_score"),  # type: ignore[arg-type]
            indicator_score=reported.get("indicator_score"),  # type: ignore[arg-type]
            total=reported.get("total"),  # type: ignore[arg-type]
            grade=reported.get("grade"),  # type: ignore[arg-type]
            goal_statement=report.goal_statement, block_claims=tuple(report.claims),
            location=location.with_(project=report.name), statements=tuple(report.statements),
            form_total=_inferred_total(report) or _text_total(report, location.with_(project=report.name)),
        ),
        location=report.title_location.with_(project=report.name),
    )


def _text_total(report: _Report, where: Location) -> FormTotal | None:
    """The total the report's text states ('自评得分为95分') standing for the 总分 row the form does not print, unless
    the text states both parts beside it (selfeval.s10_total_parts compares those)."""
    total = report.reported.get("total")
    if not isinstance(total, Decimal) or {"execution_score", "indicator_score"} <= report.reported.keys():
        return None
    return FormTotal(score=total, location=where, inferred="；".join(report.inferred), stated=True)


def _inferred_total(report: _Report) -> FormTotal | None:
    """The form's total, said to rest on how the form was read when its cells were not read from a grid."""
    total = report.form_total
    if total is None or not report.inferred or total.inferred:
        return total
    return replace(total, inferred="；".join(report.inferred))


WORD_SPLIT_RE = re.compile(r"[\s：:]+")
FORMULA_POINTS_RE = re.compile(r"得分\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[*×xX]\s*执行率")  # '得分(20分*执行率)'
TOTAL_LABEL_RE = re.compile(r"^(?:年度资金总额|资金总额|合计|总计)$")
INDICATOR_HEADS = ("一级指标", "二级指标", "三级指标", "指标名称")  # the indicator table's header ends the budget
# ... and so do, when that header is not in the text (cut before it), the indicator rows' level cells ending in 指标
# ('可持续影响指标', '满意度指标（10分）') and the form's closing 总分 row: no fund row's figures are after them.
def _after_budget(label: str) -> bool:
    return bool(re.fullmatch(r"(?:自评)?总分", label) or (re.search(r"指标(?:[（(][\d.]+分[)）])?$", label) and (
        LEVEL1_RE.match(label) or LEVEL2_RE.match(label))))


def _title_cell(table: Table) -> str:
    """A form's title printed as the first cell of a table rebuilt from its first line ('…项目绩效目标自评表' beside
    '填报日期:…'), or ''."""
    first = next((row.filled[0] for row in table.rows if row.filled), "")
    return first if len(first) <= 30 and REPORT_TITLE.search(first) else ""


# The unit captions a PDF copies after a header word, one per column it spans: '执行数(万元)(万元)(万元)'.
UNIT_CAPTIONS_RE = re.compile(r"(?:[（(]\s*(?:万元|元)\s*[)）])+")


def _unordered_budget(report: _Report, errors: list[ReadError]) -> None:
    """A form flattened out of reading order (its amounts before their labels, its 执行率 after the goal text):
    when the words between the budget header and the indicator table's header hold one reading of the total fund row that
    the form's arithmetic singles out (ingest.fundrows.unordered_total), that row is read; the fund-source rows
    under it are reported as not read."""
    words = [w for w, _ in report.words]
    start = next((i + 1 for i, w in enumerate(words) if len(bare := UNIT_CAPTIONS_RE.sub("", w)) <= 20
                  and budget_field(bare) == "executed"), None)
    if start is None:
        return
    end = next((i for i in range(start, len(words)) if _label(words[i]).startswith(INDICATOR_HEADS)
                or _after_budget(_label(words[i]))), len(words))
    head = "".join(words[max(start - 12, 0):end])
    formula = FORMULA_POINTS_RE.search(head)
    points = Decimal(formula.group(1)) if formula else None
    region = words[start:end]
    basis = "仅按“执行率 = 执行数 ÷ 预算数”“得分 = 分值 × 执行率”"
    if (read := unordered_total(region, points)) is None:
        basis = "仅按紧随表头、与表头次序一一对应且执行率与“执行数 ÷ 预算数”相符的一组数字"
        if (read := _in_header_order(words, start)) is None:
            _unscored_budget(report, words, start, end, errors)
            return
    a_at, b_at, r_at, p_at, s_at = read
    # the unit the form's captions print before the row ('预算执行情况(万元)', '项目资金 (元)'), the last one first
    captions = re.findall(r"[（(]\s*(万元|元)\s*[)）]|单位[：:]?\s*(万元|元)", "".join(words[:end]))
    unit = next((a or b for a, b in reversed(captions)), report.table_unit)
    # the total row's label, printed among the cells or before the header (a form dumped column by column)
    label = next((w for w in (*region, *reversed(words[:start])) if TOTAL_LABEL_RE.match(w)), "合计")
    where = report.words[start + r_at][1].with_(project=report.name, table="预算执行情况", row=label)
    report.budget.append(BudgetLine(
        source=label, level=FundLevel.TOTAL, adjusted=parse_amount(region[a_at], unit),
        executed=parse_amount(region[b_at], unit), reported_rate=parse_decimal(region[r_at]),
        reported_score=parse_decimal(region[s_at]), location=where))
    printed = parse_decimal(region[p_at]) if p_at is not None else points
    if printed is not None:
        report.claims.append(BlockClaim(block="预算执行", full_marks=printed, score=None, rate=None, location=where))
    report.inferred.append(f"预算执行得分{basis}读出")
    errors.append(ReadError(f"预算执行情况表的格子未能按行列对齐读取：{basis}"
                            f"读出{label}一行（预算数 {region[a_at]}、执行数 {region[b_at]}、执行率 {region[r_at]}、得分 "
                            f"{region[s_at]}），年初预算数及各资金来源行未读取", where))


SOURCE_HEADS = ("中央", "省", "市", "县", "本级", "其他")  # fund-source columns printed across a Hubei form's header


def _unscored_budget(report: _Report, words: Sequence[str], start: int, end: int, errors: list[ReadError]) -> None:
    """A form whose budget part is not scored — its header prints the fund sources across, then 合计, 执行数 and
    执行率, with no 分值 or 得分 ('中央 省、地 本级 其他 合计 执行数 执行率'), its cells out of reading order: the 合计,
    执行数 and 执行率 that 执行率 = 执行数 ÷ 合计 singles out (ingest.fundrows.unscored_total) are read as the total
    row; the fund sources are reported as not read."""
    header = [_label(UNIT_CAPTIONS_RE.sub("", w)) for w in words[max(start - 12, 0):start]]
    if "合计" not in header or any(w.startswith(("分值", "得分")) for w in header) or not any(
            w.startswith(SOURCE_HEADS) for w in header):
        return
    region = words[start:end]
    if (read := unscored_total(region)) is None:
        return
    a_at, b_at, r_at = read
    captions = re.findall(r"[（(]\s*(万元|元)\s*[)）]|单位[：:]?\s*(万元|元)", "".join(words[:end]))
    unit = next((a or b for a, b in reversed(captions)), report.table_unit)
    rate = region[r_at].rstrip().rstrip("%％")
    where = report.words[start + r_at][1].with_(project=report.name, table="预算执行情况", row="合计")
    report.budget.append(BudgetLine(source="合计", level=FundLevel.TOTAL, adjusted=parse_amount(region[a_at], unit),
                                    executed=parse_amount(region[b_at], unit), reported_rate=parse_decimal(rate),
                                    location=where))
    errors.append(ReadError(f"预算执行情况表的格子未能按行列对齐读取：仅按“执行率 = 执行数 ÷ 合计”读出合计一行（合计 "
                            f"{region[a_at]}、执行数 {region[b_at]}、执行率 {rate}%；表头无分值、得分，预算执行不计分），"
                            "各资金来源未读取", where))


def _in_header_order(words: Sequence[str], after: int) -> tuple[int, int, int, int | None, int] | None:
    """The total fund row printed right after its header in the header's order (ingest.fundrows.ordered_total),
    its indices counted from `after` (the word after the 执行数 header) as _unordered_budget's region is."""
    head = after - 1
    while head > 0 and _header_word(words[head - 1]):
        head -= 1
    end = after
    while end < len(words) and _header_word(words[end]):
        end += 1
    fields = ["points" if _label(w) == "分值" else budget_field(w) for w in words[head:end]]
    if (read := ordered_total(words[head:], fields)) is None:
        return None
    return tuple(None if i is None else i + head - after for i in read)  # type: ignore[return-value]


def _header_word(word: str) -> bool:
    return len(word) <= 20 and (_label(word) == "分值" or budget_field(word) in (*AMOUNT_FIELDS, "reported_rate",
                                                                                 "reported_score"))


INDICATOR_MARK_RE = re.compile(r"^指标\s*\d{1,2}$")  # the template's '指标1:' before a name, its colon split off
FIGURE_WORD_RE = re.compile(r"^[≥≤=<>＞＜]?\d[\d,]*(?:\.\d+)?(?:%|％|[\u4e00-\u9fa5]{1,3})?$")
LEVEL_STARTS = ("产出", "效益", "效果", "满意", "数量", "质量", "时效", "成本", "经济", "社会", "生态", "可持续", "服务对象")
HEADER_WORDS = ("绩效指标", "实际", "指标值", "完成值", "实际完成值", "分值", "得分", "年度", "指标", "总分")
UNORDERED_COLUMNS = 4  # 指标值, 实际完成值, 分值, 得分


def _ends_name(word: str) -> bool:
    return bool(FIGURE_WORD_RE.match(word) or INDICATOR_MARK_RE.match(word) or word.startswith(LEVEL_STARTS)
                or word in HEADER_WORDS or word.startswith(("偏差", "(", "（")))


def _unordered_indicators(report: _Report, errors: list[ReadError]) -> None:
    """A form flattened out of reading order (a workbook dumped cell by cell: the figures of several rows bunched
    before their names) whose names carry the template's '指标N' marks and whose 总分 row closes the table: its
    indicators are read when the figures between the header and 总分 are exactly four per name (指标值, 实际完成值,
    分值, 得分) and the 总分 row's two, each group's 得分 within its 分值, its 指标值 and 实际完成值 alike (both
    percentages or in one unit), and the 分值 plus the 预算执行 points add up to the 总分 row's 分值: then names and
    groups are paired in the order printed, and the reading is said. Anything else stays unread (_indicators_unread)."""
    if report.indicators or report.incomplete:
        return
    words = [_label(w) for w, _ in report.words]
    at = next((i for i, w in enumerate(words) if report.words[i][1].block not in report.tables
               and (w + "".join(words[i + 1:i + 2])).startswith(INDICATOR_HEADS[:3])), None)
    end = next((i for i in range(at, len(words)) if words[i] == "总分"), None) if at is not None else None
    points = next((c.full_marks for c in report.claims if c.block == "预算执行" and c.full_marks is not None), None)
    if at is None or end is None or points is None:
        return
    names: list[tuple[str, str, Location]] = []  # (二级, name, where)
    figures: list[str] = []
    reasons: dict[int, list[str]] = {}  # words right after a group's last figure: that row's 偏差原因
    level2, index = "", at + 1
    while index < end:
        word = words[index]
        if level := LEVEL2_RE.match(word):
            level2 = f"{level.group(1)}指标"
        elif INDICATOR_MARK_RE.match(word):
            stop = next((j for j in range(index + 1, end) if _ends_name(words[j])), end)
            if stop == index + 1:
                return
            names.append((level2, "".join(words[index + 1:stop]), report.words[index][1]))
            index = stop
            continue
        elif FIGURE_WORD_RE.match(word):
            figures.append(word)
        elif not _ends_name(word) and figures and len(figures) % UNORDERED_COLUMNS == 0:
            reasons.setdefault(len(figures) // UNORDERED_COLUMNS - 1, []).append(word)
        index += 1
    if len(names) < 2 or len(figures) != UNORDERED_COLUMNS * len(names) + 2 or not all(map(is_number, figures[-2:])):
        return
    groups = [figures[k * UNORDERED_COLUMNS:(k + 1) * UNORDERED_COLUMNS] for k in range(len(names))]
    for target, actual, weight, score in groups:
        aimed, done = parse_value(target), parse_value(actual)
        if not (is_number(weight) and is_number(score) and 0 <= Decimal(score) <= Decimal(weight)) or (
                aimed.number is None or done.number is None or aimed.unit != done.unit):
            return
    weights = sum((Decimal(g[2]) for g in groups), Decimal(0))
    if weights + points != Decimal(figures[-2]):
        return
    for row, ((level2, name, where), (target, actual, weight, score)) in enumerate(zip(names, groups, strict=True)):
        report.indicators.append(Indicator(
            level1=parent_level(level2), level2=level2, name=name, initial_target=parse_value(target),
            actual=parse_value(actual), weight=Decimal(weight), reported_score=Decimal(score),
            deviation_reason="".join(reasons.get(row, ())), location=_place(where, report.name, "绩效指标", name)))
    where = report.words[at][1].with_(project=report.name, table="绩效指标")
    report.inferred.append("各指标的分值、得分按排列次序与名称对应读出")
    report.total_row = True
    _total_figures(figures[-2:], report.words[end][1], report)
    errors.append(ReadError(
        f"绩效指标表的格子次序错乱：按“指标N”标出的 {len(names)} 个指标名称与其后依次出现的 {len(names)} 组数字（指标值、实际完成值、"
        f"分值、得分）按排列次序逐一对应读出——各组分值之和 {weights} 加预算执行分值 {points} 等于总分行的分值 {figures[-2]}；"
        "紧随一组数字的文字作该行的偏差原因", where))


def _indicators_unread(report: _Report, errors: list[ReadError]) -> None:
    """A form whose text prints the indicator table's header ('一级指标', '一级 指标') but from which no indicator
    row was read (cells run together or out of reading order): the table is reported as not read, at its header,
    and the goal marked as read in part, so no rule over the indicators passes in silence."""
    if report.indicators or report.incomplete:
        return  # a table of its own that no reader took is listed by the reading report (ingest.reading)
    words = [_label(w) for w, _ in report.words]
    at = next((i for i, w in enumerate(words) if report.words[i][1].block not in report.tables
               and (w + "".join(words[i + 1:i + 2])).startswith(INDICATOR_HEADS[:3])), None)
    if at is None:
        return
    where = report.words[at][1].with_(project=report.name, table="绩效指标")
    errors.append(ReadError("绩效指标表的格子未能按行列对齐读取（表头、指标名称与数值次序错乱或连在一起），其中各指标行均未读取、"
                            "未核对", where))
    report.incomplete = f"绩效指标表未能按行列读取，见第{where.line}行" if where.line else "绩效指标表未能按行列读取"


GOAL_CAPTIONS = ("年度总体目标", "总体目标", "年度目标", "年度绩效目标")


def _is_indicator_header(texts: Sequence[str]) -> bool:
    return any(_label(t).startswith("一级指标") for t in [t for t in texts if t][:2])


def _is_goal_header(texts: Sequence[str]) -> bool:
    """The 年度总体目标 row of a form ('年度总体目标 | 预期目标 | 实际完成情况', or the caption and the goal itself)."""
    filled = [t for t in texts if t]
    return bool(filled) and _label(filled[0]) in GOAL_CAPTIONS and not _is_indicator_header(texts)


def _section_kind(rows: Sequence[Row], index: int) -> str:
    """The section of a form built as one table whose header this row is: 'budget', 'goal', 'indicators', 'upper'
    (the upper row of a two-row indicator header: '绩效指标 | 年度指标值 | … | 分值 | 得分' over '一级指标 | …'), or ''."""
    texts = rows[index].texts
    if (texts and texts[0].startswith("资金来源")) or _is_budget_header(texts):
        return "budget"
    if _is_indicator_header(texts):
        return "indicators"
    if _is_goal_header(texts):
        return "goal"
    filled = rows[index].filled
    if (index + 1 < len(rows) and _is_indicator_header(rows[index + 1].texts) and not any(map(is_number, filled))
            and "weight" in [indicator_field(t) for t in filled]):
        return "upper"
    return ""


def _sections(rows: Sequence[Row], where: Location) -> list[Block]:
    """Rows of a form's table cut at each section header; each section re-gridded on its own header (its caption
    column becomes a paragraph, as a caption printed above a table is: '项目资金（万元）' gives the unit). A header
    of two rows, or a caption repeated down its merged rows, is one section."""
    kinds = [_section_kind(rows, i) for i in range(len(rows))]
    cuts = [0, *[i for i in range(1, len(rows)) if kinds[i] and kinds[i] != kinds[i - 1]
                 and not (kinds[i - 1] == "upper" and kinds[i] == "indicators")], len(rows)]
    blocks: list[Block] = []
    for begin, end in pairwise(cuts):
        section = rows[begin:end]
        if not kinds[begin]:  # rows before the first section header: read as they are
            blocks.append(Table(rows=tuple(section), location=where))
            continue
        caption, regridded = regrid(section, ("总分", "合计", "总计"))
        if caption is not None:
            blocks.append(Paragraph(caption[0], caption[1]))
        blocks.append(Table(rows=regridded, location=where))
    return blocks


def _broken_header(row: Row, below: Row) -> bool:
    """A header row broken over two lines of text: the budget section's caption with its unit alone on its line
    ('资金情况 (万元)') over the amount columns ('全年预算数 | 全年执行数 | …'), or an indicator header that stops
    after its 一级 column ('绩效指标 | 一级指标') over the rest ('二级指标 | 三级指标 | 分值 | …')."""
    filled, under = row.filled, below.filled
    if not filled or not under:
        return False
    if len(filled) == 1 and printed_unit(filled[0]) and not any(map(is_number, filled)):
        return _is_budget_header(below.texts) and budget_field(under[0]) in AMOUNT_FIELDS
    return (_is_indicator_header(row.texts) and {indicator_field(t) for t in filled} <= {None, "level1"}
            and indicator_field(under[0]) == "level2" and all(indicator_field(t) for t in under[:3]))


def _join_broken_headers(rows: Sequence[Row]) -> list[Row]:
    """Rows with each broken header joined into one row: its first line's cells, then the next line's."""
    out: list[Row] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        if index + 1 < len(rows) and _broken_header(row, rows[index + 1]):
            cells = tuple(c for c in row.cells if c.clean) + rows[index + 1].cells
            out.append(Row(cells, row.location))
            index += 2
            continue
        out.append(row)
        index += 1
    return out


def _split_table(table: Table) -> list[Block]:
    """A form pasted as one table carries its title and label rows ('项目名称 | X', '主管部门 | Y | 实施单位 | Z')
    as rows: those become the paragraphs ('项目名称：X') a form with its labels outside the table has; its
    sections (项目资金, 年度总体目标, 绩效指标) become tables of their own (_sections)."""
    blocks: list[Block] = []
    rows: list[Row] = []

    def flush() -> None:
        if rows:
            blocks.extend(_sections(rows, table.location))
            rows.clear()

    for row in _join_broken_headers(table.rows):
        filled = row.filled
        if len(filled) == 1 and REPORT_TITLE.search(filled[0]) and len(filled[0]) <= 30:
            flush()
            blocks.append(Paragraph(filled[0], row.location))
        elif filled and LABEL_CELL_RE.match(filled[0]):
            flush()
            for label, value in zip(filled[::2], filled[1::2], strict=False):
                if match := LABEL_CELL_RE.match(label):
                    blocks.append(Paragraph(f"{match.group(1)}：{value}", row.location))
        else:
            rows.append(row)
    flush()
    return blocks


def _rows_before_title(pieces: Sequence[Block]) -> ReadError | None:
    """The rows of a table before a form's title printed inside it ('… | 合计 | 100' then '部门预算项目支出绩效自评表'),
    when they hold figures: the end of another form, whose title and header are not there to place its columns;
    None when the table opens with its title."""
    at = next((i for i, b in enumerate(pieces) if isinstance(b, Paragraph) and REPORT_TITLE.search(b.clean)), None)
    if not at:
        return None
    rows = [r for b in pieces[:at] if isinstance(b, Table) for r in b.rows if r.filled]
    figures = sum(1 for r in rows for t in r.filled if is_number(t))
    if not rows or not figures:
        return None
    title = pieces[at].clean  # type: ignore[union-attr]
    return ReadError(f"表中自评表标题“{title}”之前的 {len(rows)} 行（自“{rows[0].filled[0][:20]}”起）属于另一张表，其标题和表头"
                     f"不在文本中（文本从该表中途开始），各列无法对应，未读取，其中 {figures} 个数字均未核对", rows[0].location)


def _ends_the_text(report: _Report, errors: list[ReadError]) -> None:
    """The text ends right after the last form's indicator table, on a whole row, with no 总分 row and before any
    满意度 indicator (the block a form lists last): the rows after may be cut off with the text (a copy that stops
    at a row's end), so the table is not taken as whole."""
    if not report.indicators_open or not report.indicators or report.incomplete or report.total_row or any(
            "满意" in i.level1 + i.level2 + i.name for i in report.indicators):
        return
    report.incomplete = "指标表读到文本末尾为止，未见满意度指标，其后各行可能缺失"
    errors.append(ReadError("绩效指标表读到文本末尾为止，未见总分行和满意度指标，文本可能在此截断：其后各行可能缺失，"
                            "各指标分值、得分的合计未核对", report.indicators[-1].location))


def extract_self_evaluations(source: SourceDocument, year: int | None = None, unit: str = "",
                             whole: bool = True) -> tuple[
        tuple[SelfEvaluation, ...], list[ReadError]]:
    """Every self-evaluation report in the document, in order: the project forms and reports, then the reports
    on a whole department (ingest.overall). `whole`: the document is a self-evaluation, so department reports
    and fused forms are looked for too (a 决算公开 that mentions a 部门整体自评 holds none)."""
    reports: list[_Report] = []
    errors: list[ReadError] = []
    current: _Report | None = None
    blocks: list[Block] = []
    preamble: list[Paragraph] = []  # the paragraphs before the first form (a 综述 may state its score there)
    for block in source.blocks:
        pieces = _split_table(block) if isinstance(block, Table) else [block]
        if (heads := _rows_before_title(pieces)) is not None and not any(
                isinstance(b, Paragraph) and REPORT_TITLE.search(b.clean) for b in blocks):
            errors.append(heads)  # the end of a form whose title and header are not in the text
        blocks += pieces
    for block in blocks:
        if current is not None:
            texts = [block.clean] if isinstance(block, Paragraph) else [t for row in block.rows for t in row.texts]
            current.words += [(w, block.location) for t in texts for w in WORD_SPLIT_RE.split(t) if w]
        if isinstance(block, Paragraph):
            if REPORT_TITLE.search(block.clean) and len(block.clean) <= 30:
                current = _Report(title_location=block.location, form_title="表" in block.clean)
                reports.append(current)
                continue
            if (fund := FUND_FORM_TITLE.search(block.clean)) and (current is None or current.name != fund.group(1)
                                                                   or current.budget):
                current = _Report(title_location=block.location, name=fund.group(1))
                reports.append(current)
                continue
            if current is None and NAME_RE.match(block.clean):
                current = _Report(title_location=block.location)  # a single report without its cover title
                reports.append(current)
            if current is not None:
                if current.indicators_open:
                    current.indicators_open = False
                    _left_rows(block, current, errors)
                _read_paragraph(block, current)
            else:
                preamble.append(block)
        elif current is None and (title := _title_cell(block)):
            current = _Report(title_location=block.location.with_(row=title), form_title=True)
            reports.append(current)  # a PDF form's title copied out as a cell beside its 填报日期
        elif current is not None:
            current.tables.add(block.location.block)
            current.name_open = False
            current.indicators_open = False
            current.caption = None
            _read_table(block, current, errors)
    if reports:
        _ends_the_text(reports[-1], errors)
    for report in reports:
        if report.name and not report.budget:
            _unordered_budget(report, errors)
    found = [r for r in reports if r.name and (r.budget or r.indicators)]
    headed = [ReadError(f"自评表「{r.name}」只读到项目名称等表头信息，其预算执行情况表和绩效指标表的数据不在文本中"
                        "（文本在此之后结束，或表格未能还原），未能核对", r.title_location.with_(project=r.name))
              # a form opened by its title whose tables are not in the text: named, not dropped in silence
              for r in reports if r.name and r.form_title and not (r.budget or r.indicators) and whole]
    errors += headed
    for report in found:
        _unordered_indicators(report, errors)
        _indicators_unread(report, errors)
        _total_words(report)
        if not report.budget:
            errors.append(ReadError("未找到“预算执行情况”表", report.title_location.with_(project=report.name)))
    overall, overall_errors = extract_overall(blocks, unit, year, fund_table_lines) if whole else ((), [])
    errors += overall_errors
    if whole and len(found) == 1 and not overall:  # the one form's own 综述, printed above it
        for paragraph in preamble:
            _reported_scores(paragraph.clean, paragraph.location.with_(project=found[0].name), found[0])
    if whole and not found and not overall and FORM_WORDS.search(source.text):
        fused, fused_errors = extract_fused([b for b in blocks if isinstance(b, Paragraph)], year)
        read = {f.project.name for f in fused}  # a form read from its cells run together is not one left unread
        dropped = {id(e) for e in headed if e.location.project in read}
        return fused, [e for e in errors if id(e) not in dropped] + fused_errors
    return tuple(_finish(r, year) for r in found) + overall, errors
