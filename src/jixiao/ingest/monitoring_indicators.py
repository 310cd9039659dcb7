"""The indicator part of a 绩效运行监控表: 一级 / 二级 / 三级指标, 年度指标值, 1–N月实际完成值 (执行情况), 全年预计完成值,
偏差原因分析, 完成目标可能性 (确定能 / 有可能 / 完全不可能) and 备注 / 纠偏措施.

Columns are told by their header words. A form printed as a table whose rows keep their blank cells (pipe or tab
rows) is read by position, the header's second tier naming the columns under 偏差原因分析 (经费保障 …) and 完成目标
可能性 (确定能 …) where the form ticks one. A form whose blank cells were lost (one cell per line, or the whole form on
one line) is read from its cells in order: a row ends at the judgement word of its 完成目标可能性 column, and its
cells are placed in the header's columns only where one placement alone fits what they hold (a number under a
numeric target, words for a reason); a row that more than one placement fits is reported as not read, never
guessed. Tick columns cannot be placed once their blanks are lost: such a part is reported as not read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jixiao.core.coverage import Unread
from jixiao.core.model import MonitoredIndicator
from jixiao.core.provenance import Location
from jixiao.core.values import Value, parse_value
from jixiao.ingest.headers import head_label
from jixiao.ingest.selfeval import LEVEL1_RE, LEVEL2_RE

REASON_KINDS = ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他")
LIKELIHOODS = ("确定能", "有可能", "完全不可能", "不可能")
TICKS = frozenset({"√", "✓", "✔", "☑", "■", "●", "是", "v", "V"})
BLANKS = frozenset({"/", "／", "-", "—", "－", "——", "无"})
# Rows closing the indicator part: the form's own reason and measure rows, its notes, its signatures.
END_RE = re.compile(r"^(?:偏差或不能完成目标|不能完成目标|偏差原因及|未完成原因|相关建议|建议或举措|纠偏措施|整改措施|下一步|存在(?:的)?问题"
                    r"|注\s*[:：]|说明\s*[:：]|填报人|填表人|联系电话|联系人|单位负责人|审核人|财务负责人|项目负责人|填报日期)")
REASON_ROW_RE = re.compile(r"^(?:偏差或不能完成目标|不能完成目标|偏差原因及|未完成原因)")
NAME_MAX = 40  # an indicator's name is short; a sentence is no name
HEADER_MAX = 40
FIELD_NAMES = {"target": "年度指标值", "progress": "期内实际完成值", "expected": "全年预计完成值", "reason": "偏差原因分析",
               "likelihood": "完成目标可能性", "remark": "备注"}
VALUE_FIELDS = ("target", "progress", "expected", "reason")


@dataclass(frozen=True)
class FormCell:
    """A cell of a form read in order: its text, where it is and the block it came from."""

    text: str
    location: Location
    block: int


@dataclass
class IndicatorPart:
    """What was read of a form's indicator part."""

    indicators: list[MonitoredIndicator] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # blocks whose every cell was understood
    form_reason: str = ""
    has_reason: bool = False
    found: bool = False  # an indicator header was recognised


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def header_field(text: str) -> str | None:
    """The column a header cell of the indicator part names, or None."""
    key = head_label(text) if len(text) <= HEADER_MAX else ""
    if not key:
        return None
    if key.startswith(("完成目标可能性", "完成可能性", "目标完成可能性", "完成目标的可能性")):
        return "likelihood"
    if key.startswith(("偏差原因", "原因分析")) or key == "偏差分析":
        return "reason"
    if key in REASON_KINDS or key in ("经费", "制度", "人员", "硬件", "硬件条件"):
        return "reason:" + next(kind for kind in REASON_KINDS if kind.startswith(key))
    if key in LIKELIHOODS:
        return "likelihood:" + ("完全不可能" if key == "不可能" else key)
    if key.startswith(("备注", "纠偏措施", "拟采取的纠偏措施")):
        return "remark"
    if key.startswith("一级"):
        return "level1"
    if key.startswith("二级"):
        return "level2"
    if key.startswith("三级") or key == "指标名称":
        return "name"
    if "预计" in key and ("完成" in key or "指标" in key):
        return "expected"
    if ("实际完成" in key or "执行情况" in key or "完成情况" in key) and "预计" not in key:
        return "progress"
    if key.startswith(("年初指标值", "年初目标值")):
        return "target_initial"  # the target that counts is the adjusted one, when the form prints both
    if key.startswith(("年度指标值", "指标值", "年度目标值", "目标值", "全年指标值", "调整后指标值", "调整后目标值")):
        return "target"
    if key == "绩效指标":
        return "caption"
    return None


def _settled(fields: Sequence[str | None]) -> tuple[str | None, ...]:
    """The header's fields with the 年初 target taken as the target when no adjusted one is printed, else left."""
    initial = "target" if "target" not in fields else None
    return tuple(initial if f == "target_initial" else f for f in fields)


def _is_header_run(fields: Sequence[str | None]) -> bool:
    present = {f.partition(":")[0] for f in _settled(fields) if f}
    return "target" in present and bool(present & {"progress", "expected", "likelihood"}) and len(present) >= 3


def _level1(text: str) -> str | None:
    key = _compact(text)
    return key if LEVEL1_RE.match(key) else None


def _level2(text: str) -> str | None:
    key = _compact(text)
    return key if LEVEL2_RE.match(key) else None


def likelihood_word(text: str) -> str | None:
    key = _compact(text)
    if key in LIKELIHOODS:
        return "完全不可能" if key == "不可能" else key
    return None


def _blank(text: str) -> bool:
    return not text.strip() or text.strip() in BLANKS


def _value_like(text: str) -> bool:
    """A figure, a date or an outcome word: what a value column holds, never a reason in words."""
    if _blank(text):
        return True
    value = parse_value(text)
    return value.number is not None or value.date is not None or value.attainment is not None


def _fits(column: str, text: str, target: str) -> bool:
    """Whether a cell may stand in a column, by what it holds (the row's target decides what its values are)."""
    if column == "target":
        return bool(text.strip())
    if column in ("progress", "expected"):
        numeric = parse_value(target).is_quantitative if target else False
        return _value_like(text) if numeric else not likelihood_word(text)
    if column == "reason":
        return not _value_like(text) or _blank(text)
    return True


def placements(cells: Sequence[str], columns: Sequence[str]) -> list[dict[str, str]]:
    """Every order-keeping placement of the cells in the columns (the rest left blank) that fits their content."""
    found: list[dict[str, str]] = []
    if len(cells) > len(columns):
        return found
    for chosen in itertools.combinations(range(len(columns)), len(cells)):
        placed = {columns[i]: text for i, text in zip(chosen, cells, strict=True)}
        target = placed.get("target", "")
        if all(_fits(column, text, target) for column, text in placed.items()):
            found.append(placed)
    return found


def _value(text: str) -> Value:
    return Value(raw="") if _blank(text) else parse_value(text)


@dataclass(frozen=True)
class _Header:
    fields: tuple[str | None, ...]  # one per column, in order

    @property
    def between(self) -> tuple[str, ...]:
        """The value columns after the name, before the judgement (when the form writes it in words)."""
        out = []
        for f in self.fields[self._name_at() + 1:]:
            if f == "likelihood":
                break
            if f in VALUE_FIELDS and f not in out:
                out.append(f)
        return tuple(out)

    @property
    def after(self) -> tuple[str, ...]:
        if "likelihood" not in self.fields:
            return ()
        at = self.fields.index("likelihood")
        return tuple(f for f in self.fields[at + 1:] if f in ("remark", "reason"))

    @property
    def ticked(self) -> bool:
        return any(f and ":" in f for f in self.fields)

    @property
    def has_reason(self) -> bool:
        return any(f and f.startswith("reason") for f in self.fields)

    def _name_at(self) -> int:
        for wanted in ("name", "level2", "level1", "caption"):
            if wanted in self.fields:
                return self.fields.index(wanted)
        return -1


class _Rows:
    """Builds the indicators of one part, keeping the levels above each row."""

    def __init__(self, part: IndicatorPart, header: _Header) -> None:
        self.part, self.header = part, header
        self.level1 = self.level2 = ""

    def add(self, name: str, placed: dict[str, str], likelihood: str, reasons: Sequence[str], remark: str,
            where: Location) -> None:
        ind = MonitoredIndicator(
            self.level1, self.level2, name, _value(placed.get("target", "")),
            _value(placed.get("progress", "")) if "progress" in self._columns() else None,
            _value(placed.get("expected", "")) if "expected" in self._columns() else None,
            likelihood, tuple(r for r in reasons if r.strip() and not _blank(r)), remark.strip(),
            where.with_(table="绩效指标", row=name))
        if all(v is None or v.is_empty for v in (ind.target, ind.progress, ind.expected)) and not likelihood:
            self.part.unread.append(Unread(f"绩效指标“{name}”一行未填写（空白，不按0计），未核对", where, "cell"))
            return
        self.part.indicators.append(ind)

    def _columns(self) -> set[str]:
        return {f.partition(":")[0] for f in self.header.fields if f}


# ── a table whose rows keep their blank cells ────────────────────────────────────────────────────────────────


def _header_fields(rows: Sequence[Sequence[str]], at: int) -> tuple[tuple[str | None, ...], int]:
    """The columns of the header at row `at` (and its second tier, when the next row holds only sub-columns), and
    the index of the first body row."""
    fields: list[str | None] = []
    for text in rows[at]:  # a cell spanning sub-columns (偏差原因分析, 完成目标可能性) leaves the cells after it blank
        spanning = fields[-1] if fields and fields[-1] in ("reason", "likelihood") else None
        fields.append(header_field(text) if text.strip() else spanning)
    start = at + 1
    if start < len(rows):
        below = rows[start]
        subs = [header_field(t) if t.strip() else None for t in below]
        if any(subs) and all(s is not None and ":" in s for s, t in zip(subs, below, strict=True) if t.strip()):
            for i, sub in enumerate(subs):
                if sub is not None and i < len(fields) and fields[i] == sub.partition(":")[0]:
                    fields[i] = sub
            start += 1
    return _settled(fields), start


def read_table_rows(rows: Sequence[Sequence[tuple[str, Location]]], blocks: Sequence[int],
                    part: IndicatorPart) -> bool:
    """The indicator part of a table whose rows keep their blank cells; False when it has no indicator header."""
    texts = [[t for t, _ in row] for row in rows]
    at = next((i for i, row in enumerate(texts) if _is_header_run([header_field(t) for t in row if t.strip()])), None)
    if at is None:
        return False
    fields, start = _header_fields(texts, at)
    header = _Header(fields)
    part.found, part.has_reason = True, header.has_reason
    builder = _Rows(part, header)
    part.used |= {blocks[at], *blocks[at:start]}
    closed = False
    for index in range(start, len(rows)):
        row, cells = texts[index], rows[index]
        filled = [t for t in row if t.strip()]
        where = cells[0][1] if cells else Location()
        if not filled:
            continue
        if END_RE.match(_compact(filled[0])):
            closed = True  # the form's own rows below its indicators
            _form_rows(filled, part)
            part.used.add(blocks[index])
            continue
        if closed or _is_header_run([header_field(t) for t in filled]):
            break  # past the indicator part, or another form's indicator header
        if len(row) != len(fields):  # a row whose cells do not line up with the header: read by content
            _read_rows([FormCell(t, c, blocks[index]) for (t, c) in cells if t.strip()], 0, builder)
            continue
        _positional_row(row, fields, builder, where)
        part.used.add(blocks[index])
    return True


def _positional_row(row: Sequence[str], fields: Sequence[str | None], builder: _Rows, where: Location) -> None:
    got: dict[str, list[str]] = {}
    for f, text in zip(fields, row, strict=True):
        if f is not None and text.strip():
            got.setdefault(f, []).append(text.strip())
    level1 = next(iter(got.get("level1", []) + got.get("caption", [])), "")
    if level1:
        builder.level1, builder.level2 = _compact(level1), ""
    if level2 := next(iter(got.get("level2", [])), ""):
        builder.level2 = _compact(level2)
    name = next(iter(got.get("name", [])), "")
    if not name:
        if not any(k in got for k in ("target", "progress", "expected", "likelihood")):
            return  # a row of levels only
        name = builder.level2 or builder.level1
    ticked = [f.partition(":")[2] for f, texts in got.items() if f.startswith("likelihood:")
              and any(t in TICKS or likelihood_word(t) for t in texts)]
    words = [w for t in got.get("likelihood", []) if (w := likelihood_word(t))]
    other = [t for t in got.get("likelihood", []) if not likelihood_word(t) and t not in BLANKS]
    if other:
        builder.part.unread.append(Unread(f"绩效指标“{name}”一行的完成目标可能性“{other[0]}”不是确定能、有可能、完全不可能之一，"
                                          "未据以核对", where, "cell"))
    judged = words + ticked
    if len(set(judged)) > 1:
        builder.part.unread.append(Unread(f"绩效指标“{name}”一行的完成目标可能性勾选了多项（{'、'.join(judged)}），未核对",
                                          where, "cell"))
        judged = []
    reasons = [f.partition(":")[2] if texts[0] in TICKS else f"{f.partition(':')[2]}：{texts[0]}"
               for f, texts in got.items() if f.startswith("reason:")] + got.get("reason", [])
    placed = {k: v[0] for k, v in got.items() if k in ("target", "progress", "expected")}
    builder.add(name, placed, judged[0] if judged else "", reasons, " ".join(got.get("remark", [])), where)


def _form_rows(filled: Sequence[str], part: IndicatorPart) -> None:
    """The form's own 偏差原因 row under the indicators: its label, then what was written."""
    if REASON_ROW_RE.match(_compact(filled[0])):
        part.has_reason = True
        written = " ".join(t for t in filled[1:] if not _blank(t))
        part.form_reason = (part.form_reason + " " + written).strip()


# ── cells in order, their blanks lost ────────────────────────────────────────────────────────────────────────


def _boundary(cell: FormCell) -> bool:
    text = _compact(cell.text)
    return bool(_level1(text) or _level2(text) or END_RE.match(text) or likelihood_word(text))


def _segment_end(cells: Sequence[FormCell], start: int) -> int:
    """Index one past the row's last value cell: the next judgement word, level label or closing row."""
    index = start + 1
    while index < len(cells) and not _boundary(cells[index]):
        index += 1
    return index


def _name_like(text: str) -> bool:
    return len(text) <= NAME_MAX and not _value_like(text) and not END_RE.match(_compact(text))


def _read_segment(cells: Sequence[FormCell], columns: Sequence[str]) -> tuple[str, str, dict[str, str]] | None:
    """(二级 label or '', name, the values placed) of one row's cells, or None unless exactly one placement fits: a
    二级 label opening the cells may be the row's own name or the label over it, and each reading counts."""
    texts = [c.text.strip() for c in cells]
    readings: list[tuple[str, str, list[dict[str, str]]]] = []
    if texts and _name_like(texts[0]):
        readings.append(("", texts[0], placements(texts[1:], columns)))
    if len(texts) > 1 and _level2(texts[0]) and _name_like(texts[1]):
        readings.append((_compact(texts[0]), texts[1], placements(texts[2:], columns)))
    fitting = [(level2, name, placed) for level2, name, found in readings for placed in found]
    return fitting[0] if len(fitting) == 1 else None


def _stream_header(cells: Sequence[FormCell]) -> tuple[int, int] | None:
    """(first, one past the last) header cell of the indicator part among cells in order."""
    for start in range(len(cells)):
        end = start
        while end < len(cells) and header_field(cells[end].text) is not None:
            end += 1
        if end > start and _is_header_run([header_field(c.text) for c in cells[start:end]]):
            return start, end
    return None


def read_cells(cells: Sequence[FormCell], part: IndicatorPart) -> None:
    """The indicator part of cells in order (their blanks lost), from its header on."""
    found = _stream_header(cells)
    if found is None:
        return
    start, index = found
    header = _Header(_settled([header_field(c.text) for c in cells[start:index]]))
    part.found, part.has_reason = True, header.has_reason
    part.used |= {c.block for c in cells[start:index]}
    if header.ticked:
        part.unread.append(Unread(
            "绩效指标部分的偏差原因或完成目标可能性按栏打勾（经费保障…、确定能…），逐格排列的文本已丢失空格，不能确定所勾选的栏，"
            "绩效指标部分未读取，未核对", cells[start].location, "table"))
        return
    _read_rows(cells, index, _Rows(part, header))


def _read_rows(cells: Sequence[FormCell], index: int, rows: _Rows) -> None:
    header, part = rows.header, rows.part
    columns = header.between
    judged_column = "likelihood" in header.fields
    while index < len(cells):
        cell = cells[index]
        text = _compact(cell.text)
        if END_RE.match(text):
            _closing_rows(cells, index, part)
            return
        if level1 := _level1(text):
            rows.level1, rows.level2 = level1, ""
            part.used.add(cell.block)
            index += 1
            continue
        end = _segment_end(cells, index)
        judged = likelihood_word(cells[end].text) if end < len(cells) else None
        segment = list(cells[index:end])
        if judged is None and len(segment) == 1 and _level2(text):
            rows.level2 = _compact(text)  # a 二级 label with nothing of its own: a row left blank
            rows.add(rows.level2, {}, "", (), "", cell.location)
            part.used.add(cell.block)
            index = end
            continue
        width = 1 + len(columns)
        if judged is None and not judged_column and len(segment) > width and len(segment) % width == 0:
            pieces = [segment[i:i + width] for i in range(0, len(segment), width)]  # rows of full width, one by one
        else:
            pieces = [segment]
        index = end + (1 if judged else 0)
        for piece in pieces:
            read = _read_segment(piece, columns)
            if read is None:
                shown = "、".join(FIELD_NAMES[c] for c in columns)
                part.unread.append(Unread(
                    f"绩效指标“{piece[0].text.strip()[:20]}”一行共 {len(piece)} 格（含名称），不能确定各格属于哪一列"
                    f"（{shown}；空白格在文本中已丢失），此行未读取，未核对", piece[0].location, "table"))
                continue
            level2, name, placed = read
            if level2:
                rows.level2 = level2
            remark = ""  # (a 备注 follows the judgement, so only the last piece of a segment can have one)
            if judged and header.after and index < len(cells) and _remark_at(cells, index, columns):
                remark = cells[index].text
                part.used.add(cells[index].block)
                index += 1
            reasons = [placed.pop("reason")] if "reason" in placed else []
            rows.add(name, placed, judged or "", reasons, remark, piece[0].location)
            part.used |= {c.block for c in piece if not _unread_figure(c.text)}
        if judged:
            part.used.add(cells[end].block)


def _remark_at(cells: Sequence[FormCell], index: int, columns: Sequence[str]) -> bool:
    """Whether the cell after a row's judgement is its 备注 rather than the next row's name: a lone cell before a
    level label or the form's closing rows (a row of nothing but its name is no row), or a cell the next row does
    not read from while it does from the cell after it."""
    if _boundary(cells[index]):
        return False
    after = index + 1
    if after >= len(cells) or (_boundary(cells[after]) and not likelihood_word(cells[after].text)):
        return True
    if _read_segment(cells[index:_segment_end(cells, index)], columns) is not None:
        return False
    return _read_segment(cells[after:_segment_end(cells, after)], columns) is not None


def _unread_figure(text: str) -> bool:
    """A cell of words holding a figure no rule reads ('年度预算220万元'): its block stays listed as not read."""
    return parse_value(text).number is None and bool(re.search(r"\d", text))


def _closing_rows(cells: Sequence[FormCell], index: int, part: IndicatorPart) -> None:
    """The form's rows after its indicators: what its 偏差原因 row says (up to the next closing label)."""
    while index < len(cells) and END_RE.match(_compact(cells[index].text)):
        label = cells[index]
        index += 1
        written = [re.split(r"[：:]", label.text, maxsplit=1)[1]] if re.search(r"[：:]", label.text) else []
        while index < len(cells) and not END_RE.match(_compact(cells[index].text)):
            written.append(cells[index].text.strip())
            index += 1
        if REASON_ROW_RE.match(_compact(label.text)):
            part.has_reason = True
            part.form_reason = (part.form_reason + " " + " ".join(w for w in written if not _blank(w))).strip()
            part.used.add(label.block)
