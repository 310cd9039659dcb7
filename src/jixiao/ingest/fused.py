"""A 项目支出绩效自评表 whose cells were run together (a document-sharing page, an OCR or a converted file that
dropped every separator): '年度资金总额194.9194.9100%', '足额保障率=100% 22.5'.

Only what the text itself decides is read:
- a fund row's run of figures is split where the form's own arithmetic (执行率 = 执行数 ÷ 预算数) singles out
  one reading; a run that several readings fit, or none, is not read;
- an indicator row is read when its target carries an operator (=, ≥, ≤, >, <) that ends its name, followed by
  its figures (分值, 得分) set apart by spaces.
Everything else of the form — indicator rows without an operator, fused glyphs — is listed as not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from jixiao.core.claims import stated_form_total
from jixiao.core.levelwords import level1_words, level2_words
from jixiao.core.model import (
    BlockClaim,
    BudgetLine,
    FormTotal,
    FundLevel,
    Goal,
    Indicator,
    MisplacedRow,
    Project,
    Reported,
    SelfEvaluation,
)
from jixiao.core.money import parse_amount, parse_decimal
from jixiao.core.provenance import Location
from jixiao.core.values import parse_value
from jixiao.ingest.cellrows import read_cell_rows
from jixiao.ingest.formcolumns import indicator_field
from jixiao.ingest.fundrows import FORM_POINTS
from jixiao.ingest.headers import printed_unit
from jixiao.ingest.levelwords import cost_level1_span, cost_over_kind, span
from jixiao.ingest.rowplace import place_row
from jixiao.ingest.source import Paragraph, ReadError
from jixiao.ingest.tailrows import read_tail_rows
from jixiao.ingest.weightrows import read_weight_rows

_CJK = r"\u4e00-\u9fa5"
_PAGE_MARK = re.compile(r"^\d{1,2}、")  # '2、' opening each page chunk of a document-sharing site
_NAME_FIELD = re.compile(r"(?:项目名称|专项资金名称|资金名称)[：:]?\s*(.{2,40}?)(?=负责人|主管部门|县级主管部门|实施单位|项目单位|项目资金|$)")
# Budget columns in the order the header prints them (the first matching word of each).
# A Hubei form letters its two columns: 预算数(A), 执行数(B).
# OCR slips in a header word are allowed where the column's head stays whole: '年初预匏数', '调整预算将'.
_COLUMNS = (("initial", r"年初预算数?|年初预[\u4e00-\u9fa5]数"),
            ("adjusted", r"全年预算数|调整后?预算数?|预算数\s*[（(]A[)）]"),
            ("executed", r"全年执行数|预算执行数|执行数\s*[（(]B[)）]|全年执行(?=分值|执行率)"), ("rate", r"执行率"))
_FUND_ROW = re.compile(rf"(年度资金总额|资金总额|合计|其中[：:]?[{_CJK}、，,]{{0,24}}?资金|其中[：:]?[{_CJK}]{{0,12}}?财政拨款"
                       rf"|上年结转资金|其他资金)[：:]?\s*([\d.]+%?)?")
# What stands before a row's name: the levels its merged cells print (core.levelwords' words, each with its 指标).
_LEVEL1 = rf"(?:{span(level1_words())}|{cost_level1_span()})"
_LEVEL2 = span(level2_words())
_INDICATOR = re.compile(
    rf"(?P<level1>{_LEVEL1})?(?P<level2>{_LEVEL2})?(?P<name>[^\s=≥≤<>＞＜]{{2,40}}?)"
    r"(?P<target>[=≥≤<>＞＜]\s*\d+(?:\.\d+)?\s*[^\s\d]{0,4})(?P<figures>(?:\s+\d+(?:\.\d+)?(?![\d%]))+)")
_SCORE_FORMULA = re.compile(r"得分\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[*×xX]\s*执行率")  # '得分(20分*执行率)'
_NUMBER = re.compile(r"0|0\.\d+|[1-9]\d*(?:\.\d+)?")
_INDICATOR_WORDS = re.compile(r"一级指标|三级指标|绩效指标|指标名称")
_BLOCK_POINTS = re.compile(r"(产出|效益|满意度)指标[（(](\d+(?:\.\d+)?)分[)）]")  # '产出指标(50分)': a block's points
# A row whose actual repeats its target ('50件50件', '合格合格', '100%100%'), its 分值 and 得分 run together after it
# ('2018'): the repeated target ends the name and opens the figures. A target here carries a unit or a percent sign,
# or is a short word: bare digits repeated ('9595') could be cut in several places.
_REPEATED = re.compile(r"(?P<target>[=≥≤<>＞＜≧≦]?(?:0|[1-9]\d*)(?:\.\d+)?(?:%|[\u4e00-\u9fa5]{1,3})"
                       r"|(?!指标)[\u4e00-\u9fa5]{2,4})(?P=target)(?P<run>\d{1,6}(?:\.\d+)?)(?![\d.%:：])")
# What stands before a row's name besides its levels: the template's unfilled '指标2:' rows, a level's points, a
# reason column's caption.
_ROW_PREFIX = re.compile(rf"{_LEVEL1}|{_LEVEL2}|指标\d+[:：]|[（(]\d+分\s*[)）]|(?:偏差|未完成)原因(?:分析)?(?:及改进措施)?")
# The indicator header's columns after the target, in the standard order: 实际完成值, then 分值, then 得分.
_STANDARD_ORDER = re.compile(r"(?:指标值|目标值).{0,12}?(?:完成值|实际值).{0,6}?分值.{0,4}?得分")
# ... or with the 分值 column before the target: '分值 | 年度指标值 | 全年实际值 | 得分' ('10≥266米≥266米10').
_WEIGHT_FIRST = re.compile(r"分值.{0,8}?(?:指标值|目标值).{0,12}?(?:完成值|实际值).{0,4}?得分")
_TRAILING_FIGURE = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?$")


@dataclass
class _Form:
    text: str
    pieces: list[tuple[int, Location]]  # where each paragraph starts in `text`, and its location
    name: str = ""
    budget: list[BudgetLine] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    runs: list[str] = field(default_factory=list)  # the fund rows' runs of figures that were split and read
    claims: list[BlockClaim] = field(default_factory=list)  # the points the form prints for its parts
    unweighted: bool = False  # the indicator header, read cell by cell, prints no 分值 column
    cells: list[Location] = field(default_factory=list)  # cells read one per line, beside a row's label or name
    cut: tuple[str, Location] | None = None  # why the indicator rows read cell by cell stop before the table's end
    misplaced: list[MisplacedRow] = field(default_factory=list)  # fund rows every placement of which is faulty
    # the indicator table's header and first rows are not in the text, only its last rows: why, and where they start
    head_cut: tuple[str, Location] | None = None
    parts_unread: list[tuple[str, Location]] = field(default_factory=list)  # parts of the table left unread, and why
    targets_by_kind: bool = False  # the rows' target and actual were told apart by the cells' kinds, not a header


def _join(paragraphs: Sequence[Paragraph]) -> _Form:
    """The form's text as one string: page chunk marks dropped, spaces inside words ('绩 效 指 标') removed. Two
    paragraphs are cells apart: where one ends and the next begins with a figure a space keeps them apart, so no
    number is made of two cells ('50' and '10' on lines of their own are never '5010')."""
    text, pieces = "", []
    for paragraph in paragraphs:
        piece = re.sub(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])", "", _PAGE_MARK.sub("", paragraph.clean))
        if text and piece and re.match(r"[\d.]", piece) and re.search(r"[\d.%％]$", text):
            text += " "
        pieces.append((len(text), paragraph.location))
        text += piece
    return _Form(text=text, pieces=pieces)


def _cells(form: _Form) -> list[tuple[str, Location]]:
    """The form's paragraphs as cells: each one's text in the joined form, and where it is."""
    ends = [start for start, _ in form.pieces[1:]] + [len(form.text)]
    return [(form.text[start:end].strip(), where) for (start, where), end in zip(form.pieces, ends, strict=True)]


def _at(form: _Form, offset: int) -> Location:
    """The location of the paragraph holding this offset of the joined text."""
    return next(where for start, where in reversed(form.pieces) if start <= offset)


def _splits(run: str, count: int) -> list[list[str]]:
    """Every way to cut a run of digits into `count` numbers without leading zeros."""
    if count == 1:
        return [[run]] if _NUMBER.fullmatch(run) else []
    out = []
    for end in range(1, len(run)):
        head = run[:end]
        if _NUMBER.fullmatch(head):
            out += [[head, *rest] for rest in _splits(run[end:], count - 1)]
    return out


def _within(value: Decimal, printed: Decimal) -> bool:
    """`value` rounds to `printed` at the printed precision."""
    exponent = printed.as_tuple().exponent
    return abs(value - printed) <= Decimal(10) ** (exponent if isinstance(exponent, int) else 0) / 2


def split_by_rate(run: str, columns: int, score: tuple[Decimal, Decimal] | None = None,
                  points_column: bool = False) -> list[str] | None:
    """The one reading of a fused run 'A B rate%' (or 'initial A B rate%') whose rate equals B ÷ A at the rate's
    printed precision; None when no reading fits or more than one different reading does. `score`: (points, score)
    when the header prints its formula ('得分(20分*执行率)') and the score follows the rate: a reading must then
    also give points × rate = score. `points_column`: the run holds the 分值 column between B and the rate
    ('A B points rate%'); a reading must then give its own points × rate = the score printed after the rate
    (`score`'s second figure), and without that score nothing decides the points."""
    found = rate_readings(run, columns, score, points_column)
    return found[0] if found and all(p == found[0] for p in found) else None


def rate_readings(run: str, columns: int, score: tuple[Decimal, Decimal] | None = None,
                  points_column: bool = False) -> list[list[str]]:
    """Every reading of a fused run that its arithmetic allows (see split_by_rate)."""
    if not run.endswith("%") or columns < 3 or (points_column and (score is None or columns < 4)):
        return []
    found = []
    for parts in _splits(run[:-1], columns):
        figures = [Decimal(p) for p in parts]
        rate = figures[-1]
        a, b = figures[-4:-2] if points_column else figures[-3:-1]
        points = figures[-2] if points_column else score[0] if score else None
        if a > 0 and _within(b / a * 100, rate) and (
                score is None or points is None or _within(points * rate / 100, score[1])):
            found.append(parts)
    return found


def bare_rate_reading(run: str, columns: int, points: Decimal) -> list[str] | None:
    """The one reading of a fused run 'A B rate score' whose rate is printed without '%' — as a percentage ('80')
    or as a ratio ('1' for 100%) — under a header printing its score's formula ('得分(20分*执行率)'): the rate
    must equal B ÷ A at its printed precision and `points` × the rate the score. The rate is returned in percent;
    None when no reading fits or more than one different reading does."""
    found = []
    for parts in _splits(run, columns + 1):
        a, b = Decimal(parts[-4]), Decimal(parts[-3])
        rate = _rate_cell(parts[-2], a, b)
        if a > 0 and rate is not None and _within(points * rate / 100, Decimal(parts[-1])):
            found.append([*parts[:-2], format(rate.normalize(), "f"), parts[-1]])
    return found[0] if found and all(p == found[0] for p in found) else None


def _read_budget(form: _Form, errors: list[ReadError]) -> None:
    positions = [(m.start(), name) for name, pattern in _COLUMNS if (m := re.search(pattern, form.text))]
    columns = [name for _, name in sorted(positions)]
    if "adjusted" not in columns or "executed" not in columns:
        return
    # '(万兀)': an OCR slip of the unit caption '(万元)'
    unit = printed_unit(re.sub(r"([（(])万兀([)）])", r"\1万元\2", form.text)) or "元"
    header_end = max(m.end() for _, pattern in _COLUMNS if (m := re.search(pattern, form.text)))
    formula = _SCORE_FORMULA.search(form.text)
    if formula is not None and not any(c.block == "预算执行" for c in form.claims):
        # the score's formula prints the part's points ('得分(20分*执行率)'): its full marks, not a convention's
        form.claims.append(BlockClaim(block="预算执行", full_marks=Decimal(formula.group(1)), score=None, rate=None,
                                      location=_at(form, formula.start()).with_(table="预算执行情况", row="预算执行")))
    at = {name: start for start, name in positions}
    # a 分值 column printed between 执行数 and 执行率: its figure sits in the run, the score follows the rate
    points_column = columns[-1] == "rate" and "分值" in form.text[at["executed"]:at["rate"]]
    for match in _FUND_ROW.finditer(form.text, header_end):
        label, run = match.group(1), match.group(2) or ""
        if not run:
            continue
        apart = _CELLS_APART.match(form.text, match.start(2))
        if apart is not None:
            # the row's figures printed cell by cell: each figure is its column's, in order, when there are as many
            # as columns (else the first may still be a run to split). Only the total row: a part row read alone
            # would stand for a table whose other rows were not read
            if not _is_total(label):
                errors.append(ReadError(f"“{label}”一行的数字分开印出（“{apart.group(0)}”），但表的各行连在一起，只按合计行"
                                        "读取，此行未读取", _at(form, match.start()).with_(table="预算执行情况", row=label)))
                continue
            cell_names = [*columns[:-1], *(["points"] if points_column else []), columns[-1]]
            if "得分" in form.text[header_end:match.start()]:
                cell_names.append("score")
            figures = apart.group(0).split()
            if len(figures) == len(cell_names):
                _cells_in_order(form, label, figures, cell_names, unit, match.start(), errors)
                form.cells += [where for start, where in form.pieces if match.start(2) <= start < apart.end()]
                continue
            if len(figures) < len(cell_names):  # cells dropped or merged: placed by the row's own arithmetic
                placed = place_row(figures, cell_names, score_formula=formula is not None,
                                   form_points=Decimal(formula.group(1)) if formula is not None else None)
                if placed.reading is None:
                    where = _at(form, match.start()).with_(table="预算执行情况", row=label)
                    errors.append(ReadError(f"“{label}”一行有 {len(figures)} 个数字（“{' '.join(figures)}”），少于表头的 "
                                            f"{len(cell_names)} 列：{placed.why}，此行未读取", where))
                    if placed.faulted:  # whichever column each figure stands in, the row contradicts itself
                        form.misplaced.append(MisplacedRow(label=label, figures=tuple(figures), columns=len(cell_names),
                                                           placements=placed.faulted, location=where))
                    continue
                names = [n for n, t in placed.reading.items() if t]
                texts = [placed.reading[n] for n in names]
                _cells_in_order(form, label, texts, names, unit, match.start(), errors)
                form.cells += [where for start, where in form.pieces if match.start(2) <= start < apart.end()]
                continue
        printed = re.match(r"\s*(\d+(?:\.\d+)?)(?![\d.%])", form.text[match.end():])
        score = (Decimal(formula.group(1)), Decimal(printed.group(1))) if formula and printed else None
        parts = split_by_rate(run, len(columns), score) if len(columns) >= 3 and columns[-1] == "rate" else None
        names = columns
        if points_column and printed:  # the run may hold the points or leave them out: one reading of both
            with_points = split_by_rate(run, len(columns) + 1, (Decimal(0), Decimal(printed.group(1))),
                                        points_column=True)
            if with_points is not None:
                parts, names = (None, names) if parts else (with_points, [*columns[:-1], "points", "rate"])
        if parts is None and formula and not printed and not run.endswith("%") and len(columns) >= 3 \
                and columns[-1] == "rate" and (bare := bare_rate_reading(run, len(columns), Decimal(formula.group(1)))):
            parts, names = bare, [*columns, "score"]  # the score run in after a rate printed without '%'
        where = _at(form, match.start()).with_(table="预算执行情况", row=label)
        if parts is None and apart is not None:
            figures = apart.group(0).split()
            errors.append(ReadError(f"“{label}”一行有 {len(figures)} 个分开印出的数字（“{' '.join(figures)}”），"
                                    f"与表头的 {len(cell_names)} 列不能一一对应，无法确定各数字所在的列，未读取", where))
            continue
        if parts is None:
            fits = {tuple(p) for p in (  # counted in the layout the header prints (with its 分值 column, if any)
                rate_readings(run, len(columns) + 1, (Decimal(0), Decimal(printed.group(1))), points_column=True)
                if points_column and printed else rate_readings(run, len(columns), score))}
            why = f"有 {len(fits)} 种拆分都符合执行率" if len(fits) > 1 else "没有一种拆分符合执行率" if not fits else ""
            errors.append(ReadError(f"“{label}”一行的数字连在一起（“{run}”），{why}{'，' if why else ''}无法按执行率唯一拆分，"
                                    "未读取", where))
            continue
        values = dict(zip(names, parts, strict=True))
        if "points" in values and printed and not form.budget:  # the total row: the part's points and its score
            values["score"] = printed.group(1)
            form.claims = [c for c in form.claims if c.block != "预算执行"]  # the row's own points over the formula's
            form.claims.append(BlockClaim(block="预算执行", full_marks=Decimal(values["points"]), score=None, rate=None,
                                          location=where))
        form.runs.append(run)
        form.budget.append(BudgetLine(
            source=label, level=FundLevel.TOTAL if "总" in label or label == "合计" else FundLevel.OTHER,
            initial=parse_amount(values["initial"], unit) if "initial" in values else None,
            adjusted=parse_amount(values["adjusted"], unit), executed=parse_amount(values["executed"], unit),
            reported_rate=parse_decimal(values["rate"]), reported_score=parse_decimal(values.get("score", "")),
            location=where))
    if not form.budget and not errors and columns[-1] == "rate" and not _run_after_header(form, header_end, columns, unit,
                                                                                         errors):
        _rate_total(form, header_end, unit, errors)


# The total row's figures run together right after the header ('…执行率(B/A)64.864.864.8100%'), its label printed
# before the header's columns ('年度资金总额年初预算数…'), as a scan read row by row gives them.
_RUN_AFTER_HEADER = re.compile(r"\s*(?:[（(][A-Za-z/×*]{1,8}[)）1l]?)?\s*(\d[\d.]*%)")
_TOTAL_BEFORE = re.compile(r"(?:年度)?资金总额")


def _run_after_header(form: _Form, header_end: int, columns: Sequence[str], unit: str, errors: list[ReadError]) -> bool:
    """The total row whose label stands before the header and whose run of figures follows it: read when 执行率 =
    执行数 ÷ 预算数 singles out one split; else said not read. False when the text holds no such row."""
    first = min(m.start() for _, pattern in _COLUMNS if (m := re.search(pattern, form.text)))
    label = next(_TOTAL_BEFORE.finditer(form.text, max(first - 12, 0), first), None)
    run = _RUN_AFTER_HEADER.match(form.text, header_end)
    if label is None or run is None:
        return False
    where = _at(form, run.start(1)).with_(table="预算执行情况", row="年度资金总额")
    fits = {tuple(p) for p in rate_readings(run.group(1), len(columns))}
    if len(fits) != 1:
        why = f"有 {len(fits)} 种拆分都符合执行率" if fits else "没有一种拆分符合执行率"
        errors.append(ReadError(f"“年度资金总额”一行的数字连在一起（“{run.group(1)}”），{why}，无法唯一拆分，未读取", where))
        return True
    values = dict(zip(columns, fits.pop(), strict=True))
    form.runs.append(run.group(1))
    form.budget.append(BudgetLine(
        source="年度资金总额", level=FundLevel.TOTAL,
        initial=parse_amount(values["initial"], unit) if "initial" in values else None,
        adjusted=parse_amount(values["adjusted"], unit), executed=parse_amount(values["executed"], unit),
        reported_rate=parse_decimal(values["rate"]), location=where))
    return True


# A fund row's figures printed apart ('50 10 20 4'): two or more, each set off by spaces, none touching a word.
_CELLS_APART = re.compile(r"\d+(?:\.\d+)?%?(?:\s+\d+(?:\.\d+)?%?)+(?![\d.])")


def _is_total(label: str) -> bool:
    return "总" in label or label == "合计"


def _cells_in_order(form: _Form, label: str, figures: Sequence[str], names: Sequence[str], unit: str, at: int,
                    errors: list[ReadError]) -> None:
    """A fund row whose figures stand apart, as many as the header's columns (`names`, with 全年预算数 and 全年执行数):
    each read by its position. A 执行率 printed without '%' is a percentage or a ratio (1 for 100%) as 执行数 ÷ 预算数
    tells; when neither fits it is not read."""
    where = _at(form, at).with_(table="预算执行情况", row=label)
    values = dict(zip(names, figures, strict=True))
    if "adjusted" not in values and "initial" in values:  # 调整预算数 blank: the 年初预算数 is the year's budget
        values["adjusted"] = values["initial"]
    adjusted, executed = parse_amount(values.get("adjusted"), unit), parse_amount(values.get("executed"), unit)
    rate = _rate_cell(values.get("rate", ""), parse_decimal(values.get("adjusted")), parse_decimal(values.get("executed")))
    if values.get("rate") and rate is None:
        errors.append(ReadError(f"“{label}”一行的执行率“{values['rate']}”未印“%”，按执行数 ÷ 预算数既不是百分数也不是比值，"
                                "执行率未读取", where.with_(column="执行率")))
    if "points" in values and not form.budget and not any(c.block == "预算执行" for c in form.claims):
        form.claims.append(BlockClaim(block="预算执行", full_marks=Decimal(values["points"]), score=None, rate=None,
                                      location=where))
    form.budget.append(BudgetLine(
        source=label, level=FundLevel.TOTAL, initial=parse_amount(values["initial"], unit) if "initial" in values else None,
        adjusted=adjusted, executed=executed, reported_rate=rate,
        reported_score=parse_decimal(values["score"]) if "score" in values else None, location=where))


def _rate_cell(text: str, adjusted: Decimal | None, executed: Decimal | None) -> Decimal | None:
    """A 执行率 cell in percent: '95%' as printed; a bare figure read as a percentage ('20' for 10 ÷ 50) or as a
    ratio ('1' for 100%) by which of the two 执行数 ÷ 预算数 gives at its printed precision; None when neither does."""
    if not text:
        return None
    if text.endswith("%"):
        return parse_decimal(text[:-1])
    figure = parse_decimal(text)
    if figure is None or adjusted is None or executed is None or adjusted <= 0:
        return None
    share = executed / adjusted
    if _within(share * 100, figure):
        return figure
    return figure * 100 if _within(share, figure) else None


_SECTION_AFTER_BUDGET = re.compile(r"年度总体目标|年度目标|绩效指标|一级指标")
_REGION_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(%|％|万元|元)?(?![\d.年月日])")


def rate_total(region: str) -> tuple[str, str, str] | None:
    """(预算数, 执行数, 执行率) of a budget part whose figures came loose from their labels ('其中中央补助自治区补助
    300万元259.45万元86.5%'): the one reading, by value, in which a percentage equals one figure ÷ another at the
    rate's printed precision; None when none or several do."""
    found = [(m.group(1), m.group(2) or "") for m in _REGION_FIGURE.finditer(region)]
    amounts = [(text, Decimal(text)) for text, unit in found if unit not in ("%", "％")]
    rates = [text for text, unit in found if unit in ("%", "％")]
    readings = {(a_text, b_text, rate) for rate in rates for i, (a_text, a) in enumerate(amounts)
                for j, (b_text, b) in enumerate(amounts) if i != j and a > 0 and _within(b / a * 100, Decimal(rate))}
    values = {(Decimal(a), Decimal(b), Decimal(r)) for a, b, r in readings}
    return min(readings) if len(values) == 1 else None


def _rate_total(form: _Form, header_end: int, unit: str, errors: list[ReadError]) -> None:
    """No fund row read in order: the total row by its rate alone (see rate_total), the fund-source rows reported
    unread."""
    end = m.start() if (m := _SECTION_AFTER_BUDGET.search(form.text, header_end)) else len(form.text)
    if (read := rate_total(form.text[header_end:end])) is None:
        if len(_REGION_FIGURE.findall(form.text[header_end:end])) >= 2:
            errors.append(ReadError("预算执行情况表的格子连在一起，其中的数字无法按“执行率 = 执行数 ÷ 预算数”唯一对应到各列，未读取、"
                                    "未核对", _at(form, header_end).with_(table="预算执行情况")))
        return
    adjusted, executed, rate = read
    where = _at(form, header_end).with_(table="预算执行情况", row="年度资金总额")
    form.budget.append(BudgetLine(source="年度资金总额", level=FundLevel.TOTAL, adjusted=parse_amount(adjusted, unit),
                                  executed=parse_amount(executed, unit), reported_rate=parse_decimal(rate),
                                  location=where))
    errors.append(ReadError(f"预算执行情况表的格子连在一起：仅按“执行率 = 执行数 ÷ 预算数”读出年度资金总额（预算数 {adjusted}、"
                            f"执行数 {executed}、执行率 {rate}%），各资金来源行未读取", where))


def fund_rows(paragraph: Paragraph) -> tuple[list[BudgetLine], list[str], list[ReadError]]:
    """The fund rows of a form run together into this one paragraph that its arithmetic splits, the runs of
    figures they were read from, and why each other fund row's run was not split."""
    form = _join([paragraph])
    errors: list[ReadError] = []
    _read_budget(form, errors)
    return form.budget, form.runs, errors


def split_points(run: str) -> tuple[str, str] | None:
    """The one reading of a run of 分值 and 得分 printed together ('2018' → 20, 18): both without leading zeros,
    the 分值 above 0 and at most the form's 100 points, the 得分 at most the 分值; None when no reading or more
    than one fits."""
    found = [(run[:end], run[end:]) for end in range(1, len(run))
             if _NUMBER.fullmatch(run[:end]) and _NUMBER.fullmatch(run[end:])
             and 0 < Decimal(run[:end]) <= FORM_POINTS and Decimal(run[end:]) <= Decimal(run[:end])]
    return found[0] if len(found) == 1 else None


def _read_repeated(form: _Form, start: int) -> str | None:
    """Rows whose actual repeats the target, under a header in the standard order (指标值, 实际完成值, 分值,
    得分: the 分值 and 得分 run together after the actual) or with its 分值 first (分值, 指标值, 实际值, 得分: the
    分值 touching the name, the 得分 after the actual); returns the text of the table left over (not read, up to
    its 总分), or None when the header is in neither order. A row whose figures no single reading fits is left
    over, to be listed as not read."""
    header = _STANDARD_ORDER.search(form.text, start)
    weight_first = header is None
    if weight_first and (header := _WEIGHT_FIRST.search(form.text, start)) is None:
        return None
    level1 = level2 = ""
    cursor = header.end()
    if tail := re.match(rf"\D{{0,30}}?(?={_LEVEL1})", form.text[cursor:]):  # the header's last cells ('偏差原因…')
        cursor += tail.end()
    rest = ""
    for match in _REPEATED.finditer(form.text, header.end()):
        prefix = form.text[cursor:match.start()]
        if re.search(r"总分|合计", prefix):
            break
        points = split_points(match.group("run"))
        for level in _ROW_PREFIX.finditer(prefix):
            word = level.group(0)
            if re.fullmatch(_LEVEL1, word):
                level1, level2 = word, ""
            elif re.fullmatch(_LEVEL2, word):
                if cost_over_kind(level2, word):  # '成本指标经济成本指标': the newer frame's 一级 over its kind
                    level1 = level2
                level2 = word
        cleaned = _ROW_PREFIX.sub(" ", prefix).rstrip()
        if weight_first:  # the 分值 is the figure the name ends with, the run after the actual its 得分
            weight = _TRAILING_FIGURE.search(cleaned)
            run = match.group("run")
            points = (weight.group(0), run) if weight and _NUMBER.fullmatch(run) and 0 < Decimal(
                weight.group(0)) <= FORM_POINTS and Decimal(run) <= Decimal(weight.group(0)) else None
            cleaned = cleaned[:weight.start()] if weight else cleaned
        if re.search(r"\d", cleaned):  # figures before the name: a row before it that was not read
            rest += cleaned
            cleaned = re.split(r"\d[\d.%]*", cleaned)[-1]
        name = re.sub(r"\s+", "", cleaned).strip("，,、")
        if points is None or not name:
            rest += form.text[cursor:match.end()]
            cursor = match.end()
            continue
        target = match.group("target")
        form.indicators.append(Indicator(
            level1=level1, level2=level2, name=name, adjusted_target=parse_value(target), actual=parse_value(target),
            weight=parse_decimal(points[0]), reported_score=parse_decimal(points[1]),
            location=_at(form, match.start()).with_(table="绩效指标", row=name)))
        cursor = match.end()
    return rest + re.split(r"总分|合计", form.text[cursor:])[0]


# The indicator header's words after the name, run together ('三级指标年度指标值实际完成值得分'), up to the first row.
_HEADER_WORD = re.compile(r"调整后指标值|年初目标值|年初指标值|年度指标值|指标值|目标值|实际完成值|全年实际值|完成值|实际值"
                          r"|分值|权重|得分")


def _figure_columns(text: str, start: int) -> tuple[list[str] | None, int, bool]:
    """The columns after the target that the indicator header prints, by their normalised words (indicator_field):
    ['actual', 'reported_score'] for '…指标值 实际完成值 得分', or None when the header prints none of them; and
    where its rows begin (its first 一级 word), or `start` when not known; and whether it prints a 分值 column
    anywhere (before the target too: '分值 指标值 实际值 得分')."""
    name = re.compile(r"三级指标|指标名称").search(text, start)
    if name is None:
        return None, start, True
    row = re.compile(_LEVEL1).search(text, name.end())
    fields = [indicator_field(w) for w in _HEADER_WORD.findall(text, name.end(), row.start() if row else len(text))]
    target = next((i for i, f in enumerate(fields) if f in ("initial_target", "adjusted_target")), None)
    if target is None:
        return None, start, True
    after = list(dict.fromkeys(f for f in fields[target + 1:] if f in ("actual", "weight", "reported_score")))
    return after or None, row.start() if row and after else start, not after or "weight" in fields


def _by_header(figures: list[str], columns: list[str] | None) -> dict[str, str] | None:
    """The figures after a row's target by the header's columns: all of them when as many; the last two as 分值 and
    得分 when the header ends with those; with no header known, 分值 then 得分 as the standard form prints them.
    None when the header's columns do not place them (a header with no 分值 column never yields a weight)."""
    if columns is None:
        return dict(zip(("weight", "reported_score"), figures, strict=False))
    if len(figures) == len(columns):
        return dict(zip(columns, figures, strict=True))
    if columns[-2:] == ["weight", "reported_score"] and len(figures) == 2:
        return dict(zip(columns[-2:], figures, strict=True))
    return None


def _opens_bracket(name: str) -> bool:
    """A name cut inside a bracket it opens ('验收合格率('): what follows is still the name."""
    return name.count("(") + name.count("（") > name.count(")") + name.count("）")


def _read_indicators(form: _Form) -> tuple[bool, int]:
    """Indicator rows with an operator, else rows whose actual repeats the target; returns whether rows were left
    unread and where the indicators start."""
    start = m.start() if (m := _INDICATOR_WORDS.search(form.text)) else 0
    if (rows := read_cell_rows(_cells(form))) is not None:  # printed one cell per line: read by the header's columns
        form.indicators += rows.indicators
        form.unweighted = "weight" not in rows.fields
        form.cells += rows.used
        if rows.stopped and rows.stopped_at is not None:
            form.cut = (rows.stopped, rows.stopped_at)
        elif not rows.closed:
            form.cut = ("指标表读到文本末尾为止，未见总分行", rows.indicators[-1].location)
        return False, start
    if (tail := read_tail_rows(_cells(form))) is not None and tail.first is not None:
        # the header is not in the text, only the table's last rows above its 总分 row: read by the cells' kinds
        form.indicators += tail.indicators
        form.cells += tail.used
        lost = "，最早一行的前几格（含行名）也被截去" if tail.cut_row else ""
        form.targets_by_kind = True
        form.head_cut = (f"绩效指标表的表头及前面各行不在文本中（文本在此之前截断{lost}），只按各格的类型读出总分行之上的 "
                         f"{len(tail.indicators)} 行", tail.first)
        return False, start
    level1 = level2 = ""
    rest = form.text[start:]
    columns, rows_at, weighted = _figure_columns(form.text, start)
    form.unweighted = not weighted
    for match in _INDICATOR.finditer(form.text, rows_at):
        level1 = match.group("level1") or level1
        level2 = match.group("level2") or (level2 if not match.group("level1") else "")
        if _opens_bracket(match.group("name")):
            continue  # the operator stands inside the name's bracket ('合格率(≥95%)'): the name's, not the target's
        name = match.group("name")
        values = _by_header(match.group("figures").split(), columns)
        if values is None:
            continue  # figures the header's columns do not place: left unread
        form.indicators.append(Indicator(
            level1=level1, level2=level2, name=name, initial_target=parse_value(match.group("target").strip()),
            actual=parse_value(values["actual"]) if "actual" in values else None,
            weight=parse_decimal(values.get("weight", "")), reported_score=parse_decimal(values.get("reported_score", "")),
            location=_at(form, match.start("name")).with_(table="绩效指标", row=name)))
        rest = rest.replace(match.group(0), " ", 1)
    if not form.indicators and _STANDARD_ORDER.search(form.text, start) is None and _WEIGHT_FIRST.search(
            form.text, start) is None and (weighted := read_weight_rows(form.text, start)) is not None:
        # a header whose columns are not read (an OCR slip in its words), the parts printing their points: rows read
        # with the 分值 first where one reading is left and the points add up
        for row in weighted.rows:
            target = parse_value(row.target) if row.target else None
            form.indicators.append(Indicator(
                level1=row.part, level2="", name=row.name, initial_target=target,
                actual=parse_value(row.actual) if row.actual else None, weight=row.weight,
                reported_score=row.score, location=_at(form, row.offset).with_(table="绩效指标", row=row.name)))
        form.unweighted = False
        form.targets_by_kind = True
        form.parts_unread += [(why, _at(form, at).with_(table="绩效指标")) for why, at in weighted.unread]
        return False, start
    if not form.indicators and (left := _read_repeated(form, start)) is not None and form.indicators:
        return re.search(r"\d", _ROW_PREFIX.sub("", left)) is not None, start
    return bool(_INDICATOR_WORDS.search(rest) or re.search(r"\d+(?:\.\d+)?\s*%\s*\d", rest)), start


# The form's closing 总分 row: its 分值 and 得分 apart ('总分 100 98') or run together ('总分10098').
_TOTAL = re.compile(r"总分\s*(\d+(?:\.\d+)?)(?:\s+(\d+(?:\.\d+)?))?(?![\d.])")


def _form_total(form: _Form, start: int) -> FormTotal | None:
    """The 总分 row after the indicator rows: 分值 and 得分 set apart, or a run split where the 分值 is at most the
    form's 100 and the 得分 at most the 分值 (split_points); None when no row or no single reading."""
    match = _TOTAL.search(form.text, start)
    if match is None:
        return None
    if match.group(2):
        points, score = match.group(1), match.group(2)
        how = "格子连在一起，总分行的分值与得分按空格分开读出"
    elif (split := split_points(match.group(1))) is not None:
        points, score = split
        how = f"格子连在一起，总分行的“{match.group(1)}”按“得分不大于分值、分值不大于 100”拆为分值 {points}、得分 {score}"
    else:
        return None
    if Decimal(score) > Decimal(points) or Decimal(points) > FORM_POINTS:
        return None
    return FormTotal(score=Decimal(score), points=Decimal(points), inferred=how,
                     location=_at(form, match.start()).with_(table="绩效指标", row="总分"))


def _forms(form: _Form) -> list[_Form]:
    """The forms of a text holding several, one after the other ('项目名称…' opening each): each from its name
    field to the next one's; the text before the second name belongs to the first form."""
    cuts = [m.start() for m in re.finditer(r"项目名称", form.text)][1:]
    if not cuts:
        return [form]
    out = []
    for begin, end in zip([0, *cuts], [*cuts, len(form.text)], strict=True):
        pieces = [(max(at - begin, 0), where) for at, where in form.pieces
                  if at < end and (at >= begin or next((a for a, _ in form.pieces if a > at), len(form.text)) > begin)]
        out.append(_Form(text=form.text[begin:end], pieces=pieces))
    return out


def extract_fused(paragraphs: Sequence[Paragraph], year: int | None) -> tuple[tuple[SelfEvaluation, ...],
                                                                              list[ReadError]]:
    """The fused forms of these paragraphs (one, or several each opening at its 项目名称), each that yields fund
    rows or indicator rows."""
    if not paragraphs:
        return (), []
    found: list[SelfEvaluation] = []
    errors: list[ReadError] = []
    for form in _forms(_join(paragraphs)):
        read, problems = _extract_form(form, year)
        if read is not None:
            found.append(read)
        errors += problems
    return tuple(found), errors


def _extract_form(form: _Form, year: int | None) -> tuple[SelfEvaluation | None, list[ReadError]]:
    errors: list[ReadError] = []
    if match := _NAME_FIELD.search(form.text):
        form.name = match.group(1).strip()
    _read_budget(form, errors)
    unread, start = _read_indicators(form)
    if form.head_cut is not None and not form.budget:
        # the fund rows are in the text cut away with the indicator header: what follows the budget header is the
        # indicator table's tail, not fund rows run together
        cut = [e for e in errors if e.location.table == "预算执行情况"]
        if cut:
            errors = [e for e in errors if e not in cut]
            errors.append(ReadError("预算执行情况表的资金行不在文本中（表头之后接着是绩效指标表的末几行，文本在此截断），未读取",
                                    cut[0].location))
    if not form.budget and not form.indicators and not form.misplaced:
        if form.name and errors:  # a form of its own whose figures are there but could not be split
            errors.append(ReadError(f"项目“{form.name}”的自评表格子连在一起，预算执行情况与绩效指标均未能读取",
                                    form.pieces[0][1].with_(project=form.name)))
        return None, errors  # a fund row that could not be split is still said to be unread
    form.claims += [BlockClaim(block=f"{m.group(1)}指标", full_marks=Decimal(m.group(2)), score=None, rate=None,
                               location=_at(form, m.start()).with_(table="绩效指标", row=f"{m.group(1)}指标"))
                    for m in _BLOCK_POINTS.finditer(form.text, start)]
    name = form.name or "（片段中未见项目名称）"
    # a whole form whose fund rows could not be split: the budget part's points, which the indicator weights
    # complete to the form's 100, are not known
    incomplete = ("" if form.name and form.budget else "预算执行部分的数字连在一起未能拆分，指标分值合计的口径无从判断"
                  if form.name and errors else "表的片段：项目名称或预算执行部分不在本文中")
    if form.head_cut is not None:
        why, at = form.head_cut
        incomplete = f"{why}，其前各行未读取"
        errors.append(ReadError(f"绩效指标表（一行一格）：{why}，表头及其前各行未读取；各指标分值、得分的合计与总分行未核对",
                                at.with_(project=name, table="绩效指标")))
    for why, at in form.parts_unread:
        incomplete = incomplete or "绩效指标表有部分的格子连在一起、数字不能唯一分开，未读取"
        errors.append(ReadError(f"绩效指标表：{why}（原文不改读、不补数），其数字均未核对", at.with_(project=name)))
    if form.cut is not None:
        why, at = form.cut
        incomplete = incomplete or f"{why}，其后各行未读取"
        errors.append(ReadError(f"绩效指标表（一行一格）：{why}，其后各行未读取（文本可能在此截断），各指标分值、得分的合计未核对",
                                at.with_(project=name, table="绩效指标")))
    if unread and (form.indicators or form.budget or not form.misplaced):
        # (a form kept only for a fund row it could not place holds no indicator rows to leave unread)
        incomplete = incomplete or "绩效指标表的格子连在一起，部分指标未能读取"
        errors.append(ReadError("绩效指标表的格子连在一起（无分隔），未写运算符（=、≥、≤）、运算符在指标名称括号内或数字与表头各列对不上的"
                                "指标行未能分开读取，其数字均未核对",
                                _at(form, start).with_(project=name, table="绩效指标")))
    located = tuple(replace(line, location=line.location.with_(project=name)) for line in form.budget)
    indicators = tuple(replace(i, location=i.location.with_(project=name)) for i in form.indicators)
    where = form.pieces[0][1].with_(project=name)
    total = _form_total(form, start) if form.indicators else None
    stated, said = _head_total(form)
    if total is None and stated is not None:  # no 总分 row: the total the form's head states stands for it
        total = FormTotal(score=stated, location=said, stated=True)
    return SelfEvaluation(project=Project(name=name), year=year, budget_lines=located,
                          goal=Goal(indicators=indicators, incomplete=incomplete, unweighted=form.unweighted,
                                    header_unread=form.head_cut is not None, targets_by_kind=form.targets_by_kind),
                          reported=Reported(location=said.with_(project=name) if stated is not None else where,
                                            total=stated, block_claims=tuple(
                              replace(c, location=c.location.with_(project=name)) for c in form.claims),
                              form_total=replace(total, location=total.location.with_(project=name))
                              if total is not None else None),
                          location=where, cells=tuple(form.cells),
                          misplaced=tuple(replace(m, location=m.location.with_(project=name)) for m in form.misplaced)), errors


# Where the form's head ends: its budget part ('资金情况(万元)年度资金总额…', '项目资金(万元)…全年预算数').
_HEAD_END = re.compile(r"年度资金总额|资金总额|资金情况|项目资金|预算执行情况|全年预算数|年初预算数")
_NEAR = 6  # the words right before a score that say whose it is ('项目总得分', '产出指标得分'): no punctuation ends them


def _head_total(form: _Form) -> tuple[Decimal | None, Location]:
    """The total score the form's head states run together with its other cells ('…自评表(2030年度)项目总得分96分项目
    名称…', '…实施单位自评得分95财政…'), before its budget part, and where; (None, the form's start) when none."""
    end = _HEAD_END.search(form.text)
    head = form.text[: end.start() if end is not None else len(form.text)]
    stated = stated_form_total(head, near=_NEAR)
    if stated is None:
        return None, form.pieces[0][1]
    at = max(head.find("得分"), 0)
    return stated, _at(form, at)
