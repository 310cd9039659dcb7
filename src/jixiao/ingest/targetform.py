"""The budget side's 绩效目标表 (申报表, 审批表, 批复表, 绩效指标表): the project, its budget, the year's goal and
the indicator tree with its targets — no actuals, no scores. Read as a GoalForm, audited by the goal rules only;
never a self-evaluation.

However the form was copied — table rows ('|' or tab separated, a spreadsheet's rows) or one cell per line — its
cells are read as one stream, in reading order, a table row's first cell marking where a row begins:
- the hierarchy labels (产出指标 / 数量指标 …) are known by their words wherever they sit: a label cell spanning rows
  is printed once, on its first or on a middle row, and every row of its span carries it (rows above a 一级 label
  printed mid-span take it when their 二级 belongs under it);
- a row's cells after the indicator's name are its target, with the operator (计算符号, 指标性质) and unit (度量单位)
  columns joined to it, its weight (分值) and notes — told apart by the header's columns and by what they hold;
- the header (with a sub-header splitting 指标值 into '上年实际值 | 本年目标值') and a signature or stamp footer
  are not indicators; a 总分 row gives the printed total of the weights.
A form whose cells ran together (no separator, or spaces only: '一级指标二级指标三级指标指标值', '产出指标数量指标示例率≥95%')
is cut into cells first (ingest.fusedgoal), where the text decides one way only; a row it does not decide is not
read and is reported, the table then counting as not read whole.
A table holding a target table's header that no form was read from is reported unread, with where it is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from jixiao.core.coverage import Unread
from jixiao.core.levelwords import level1_words, level2_words, parent_level
from jixiao.core.model import Goal, GoalForm, Indicator
from jixiao.core.money import is_number, parse_amount, parse_decimal
from jixiao.core.provenance import Location
from jixiao.core.values import Operator, parse_value
from jixiao.ingest import fusedgoal
from jixiao.ingest.goalfunds import fund_tables
from jixiao.ingest.headers import printed_unit
from jixiao.ingest.levelwords import POINTS, cell_re
from jixiao.ingest.source import Block, Paragraph, ReadError, SourceDocument

# A target table's header: its indicator levels and the target column ('指标值', '当年预期实现值', '年度指标值'); a
# header cell cut on its way to text ('一级' for '一级指标', under a spanning '绩效指标' cut to '绩') leaves the next level.
HEADER_RE = re.compile(r"(?:一级指标|二级指标|评价指标).{0,40}?(?:指标值|预期实现值|目标值)", re.DOTALL)
# What only an evaluation's table has: the year's actual result or a score.
ACTUALS_RE = re.compile(r"实际完成值|实际完成|实际值|完成值|全年执行数|执行数|得分|偏差")
UNREAD = "绩效目标表的年度绩效目标与绩效指标（一级、二级、三级指标及指标值）：未能按行列读取，其中的目标与指标未核对"

# The title of a target form, or of an indicator table of one ('…项目绩效评价指标表' listing 目标值 and 分值).
TITLE_RE = re.compile(
    r"绩效目标(?:申报|审批|审核|批复)?表|绩效(?:评价)?指标表|(?:部门|单位)整体(?:支出)?绩效目标$"
)
# A transfer payment's form names the fund (资金名称, 专项名称) and the place it goes to (下达地方或单位); a regional form
# names the finance and managing departments of each level, the lowest level's managing department carrying it out.
_LEVELS = r"中央|省级|市级|地市级?|区县|县区|县级|县"
_FIELD_LABELS = {
    "project": r"项目名称|(?:专项)?资金名称|专项名称",
    "unit": r"(?:项目)?实施单位|项目单位|(?:项目)?执行单位|下达(?:地方|单位|地方或单位)",
    "regional": rf"(?:{_LEVELS})主管部门",
    "department": r"(?:项目|业务)?主管部门(?:及(?:代码|编码))?|部门名称|预算单位|单位名称",
    "budget": r"年度资金总额|当年资金总额|资金总额|项目金额|项目总预算|项目资金总额|年度预算(?:数|金额)?|年度金额"
    r"|下达[^（(：:]{0,10}?(?:投资|资金)",
    "goal": r"年度(?:总体|绩效)?目标(?:[（(]文字[)）])?|年度绩效总目标|年度主要目标(?:和成果)?",
    "overall": r"总体目标",  # over the whole plan; a caption over 中期/年度目标 where the form splits it
}
# Labels of a form's other fields: they end the value of the label before them.
_OTHER_LABELS = (
    r"项目负责人(?:及电话)?|联系人|联系电话|项目属性|项目(?:期|周期)|建设周期|项目起止时间|项目分类|项目类别|项目资金"
    r"|资金情况|其中[:：]?\S{0,8}|其他资金|当年其他资金|中期目标|长期目标|实施期目标|部门编码|基本信息"
    r"|部门职能职责概述|职能职责|立项依据|项目概况|财政资金\S{0,8}|绩效目标|年度绩效目标"
    rf"|(?:{_LEVELS})财政部门|地方资金"
    r"|绩效指标|绩效\S{0,4}指标表"
)  # the indicator table's caption
_LABEL_RE = re.compile(
    rf"^\*?(?:(?P<project>{_FIELD_LABELS['project']})|(?P<unit>{_FIELD_LABELS['unit']})"
    rf"|(?P<regional>{_FIELD_LABELS['regional']})"
    rf"|(?P<department>{_FIELD_LABELS['department']})|(?P<budget>{_FIELD_LABELS['budget']})"
    rf"|(?P<goal>{_FIELD_LABELS['goal']})|(?P<overall>{_FIELD_LABELS['overall']})|(?:{_OTHER_LABELS}))"
    r"\s*(?:[（(]\s*(?:盖章|万元|元)\s*[)）])?\s*[：:]?\s*"
)
# A target form's field label standing alone in its cell ('项目名称', '实施单位：'): a cell of its own, never the end of
# the value before it (see textlayout.join_wrapped_tab_rows).
FIELD_LABEL_RE = re.compile(
    rf"^\*?(?:{'|'.join(_FIELD_LABELS.values())})\s*(?:[（(]\s*(?:盖章|万元|元)\s*[)）])?\s*[：:]?$"
)
_AMOUNT_RE = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|亿|万)?")

# The indicator table's header cells (spaces taken out): the levels, the name, the value and its helper columns.
_HEADER_CELL_RE = re.compile(
    r"^(?:绩效指标|绩效指标性质|绩效度量单位|[一二三]级指标|指标名称|指标内容|评价指标|评价内容|指标说明|指标值说明|指标解释|指标标准(?:或依据)?|指标依据"
    r"|计算符号|指标性质|运算符|符号|度量单位|计量单位|单位|分值|权重|备注|评(?:扣)?分标准|指标方向性?"
    r"|\S{0,12}?(?:指标值|目标值|实现值|完成值|预期值|实际值|历史值))(?:[（(][^)）]{0,6}[)）])?$"
)
_ROLES: list[tuple[str, re.Pattern[str]]] = [
    ("level", re.compile(r"^(?:绩效指标(?!性质|值)|[一二]级指标)")),  # not '绩效指标性质', '绩效指标值'
    ("name", re.compile(r"^(?:三级指标|指标名称|指标内容)")),
    ("operator", re.compile(r"计算符号|指标性质|运算符|^符号")),
    ("unit", re.compile(r"度量单位|计量单位|^单位")),
    ("weight", re.compile(r"分值|权重")),
    ("note", re.compile(r"说明|解释|依据|标准|备注|评价")),
    ("prior", re.compile(r"实际|上年|历史")),
    ("target", re.compile(r"指标值|目标值|实现值|预期")),
]
# A level cell (core.levelwords' words), its 指标 printed or not, then its points ('产出指标(40-50)分').
LEVEL1_RE = cell_re(level1_words(), POINTS)
LEVEL2_RE = cell_re(level2_words(), POINTS)
# A label grouping all the levels in a column of its own left of the 一级 column ('实施效果指标' over 产出指标 and
# 效益指标 in a 中央预算内投资 target table): no indicator, no level of one.
_ABOVE_LEVELS_RE = re.compile(r"^实施效果指标$")
# A label's note on the form ('数量指标 (必填硬性指标)', '(选填)') and a core indicator's stars.
_LABEL_NOTE_RE = re.compile(r"[（(][^)）]{0,10}(?:必填|选填|可选|硬性|核心)[^)）]{0,10}[)）]|[★☆*＊]")
OPERATOR_CELL_RE = re.compile(
    r"^(?:[=＝≥≤><≧≦]|>=|<=|大于等于|小于等于|大于|小于|等于|不低于|不高于|不少于|不超过|定性|定量)$"
)
# A name printing its template's placeholder or unit in brackets: '苗木成活率(≥**%)', '受益人数(人)' — not what the
# count takes in ('建设项目个数(含续建)').
_NAME_UNIT_RE = re.compile(r"[（(]\s*([≥≤=><]?)\s*[*＊]*\s*([%％]|(?!含|不含|包括|包含|其中)[\u4e00-\u9fa5/²³]{1,4})\s*[)）]$")
# Where the indicator table ends: a signature or stamp footer, a note, the page's chrome, a numbered heading.
_FOOTER_RE = re.compile(
    r"盖章|签字|签章|年\s+月\s+日|填报人|审核人|经办人|^(?:注|备注|说明|附件)\s*\d*\s*[:：]|^附件"
    r"|扫一扫|\[(?:下载|打印|关闭)\]|^[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．](?!\d)"
)
# A heading naming the project whose targets follow ('示例项目项目绩效目标', '示例资金绩效目标表'), not a numbered part
# ('(一)中长期绩效目标'): a page listing several projects' targets heads each so.
PROJECT_HEADING_RE = re.compile(
    r"^(?![（(]?[一二三四五六七八九十\d]{1,2}[)）、.．](?!\d))(?P<name>[^。，,；;：:]{2,40}?(?:项目|资金|专项))"
    r"(?:项目)?绩效目标(?:表|情况)?$"
)
_TOTAL_RE = re.compile(r"^(?:合计|总分|总计|分值合计)\s*[:：]?\s*(\d+(?:\.\d+)?)?\s*分?$")
_SENTENCE_LENGTH = 60  # a paragraph this long after a table copied one cell per line is text, not a cell
_NAME_LENGTH = 12  # a cell this long is a name, not a qualitative target ('持续改善')


@dataclass(frozen=True)
class _Cell:
    text: str  # as printed, outer spaces stripped
    location: Location
    row_start: bool = False  # the first filled cell of a table row
    in_table: bool = False
    unsplit: bool = False  # a row run together whose cells could not be told apart (ingest.fusedgoal): not read
    shared: bool = False  # text of a paragraph the form's cells were cut from that is not the form's (a notice)

    @property
    def key(self) -> str:
        """The text without spaces, a label's notes and stars: what labels and headers are known by."""
        return _LABEL_NOTE_RE.sub("", re.sub(r"\s+", "", self.text))


def _cells(blocks: Sequence[Block]) -> list[_Cell]:
    out: list[_Cell] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.clean:
                out.append(_Cell(block.clean, block.location))
            continue
        for row in block.rows:
            first = True
            for cell in row.cells:
                if cell.clean:
                    out.append(
                        _Cell(cell.clean, cell.location if cell.location.line else row.location, first, True)
                    )
                    first = False
    return out


def _mend_cut_header(cells: list[_Cell]) -> list[_Cell]:
    """A header cell cut on its way to text: '一级' right before '二级指标' (a cell '绩效指标' spanning the header's
    rows cut to '绩' beside it) is the header's '一级指标', where the indicator table begins."""
    out = list(cells)
    for index, cell in enumerate(out[:-1]):
        if cell.key == "一级" and out[index + 1].key in ("二级指标", "二级"):
            out[index] = replace(cell, text="一级指标")
    return out


def _clip(text: str, width: int = 20) -> str:
    return text if len(text) <= width else text[:width] + "…"


# A field's label with its colon anywhere in a form run together ('主管部门:示例局资金总额:100'), and the labels of
# the fields naming the project and its units when printed right before their values with no colon at all
# ('项目名称示例项目', '项目主管部门示例局项目执行单位示例学校').
_FIELD_AT_RE = re.compile(
    rf"(?:{'|'.join(_FIELD_LABELS.values())}|{_OTHER_LABELS})\s*(?:[（(]\s*(?:盖章|万元|元)\s*[)）])?\s*[：:]"
)
_NAME_FIELDS_RE = re.compile(
    rf"{_FIELD_LABELS['project']}|{_FIELD_LABELS['unit']}|{_FIELD_LABELS['regional']}|{_FIELD_LABELS['department']}"
)
_FIELD_RE = re.compile("|".join(_FIELD_LABELS.values()))
_ANY_LABEL_RE = re.compile(rf"{'|'.join(_FIELD_LABELS.values())}|{_OTHER_LABELS}")


def _field_pieces(text: str) -> list[str]:
    """A run of fields cut before each label printed with its colon — or, in a run holding no colon, before each
    label, a piece opening with a field's label then getting its colon ('项目名称示例项目' → '项目名称：示例项目'; with
    colons printed, only a name field's label printed without one gets it)."""
    colons = [m.start() for m in _FIELD_AT_RE.finditer(text)]
    cuts = colons or [m.start() for m in _ANY_LABEL_RE.finditer(text)]
    bounds = sorted({0, *cuts, len(text)})
    pieces = [text[a:b] for a, b in itertools.pairwise(bounds) if text[a:b]]
    labelled = _FIELD_RE if not colons else _NAME_FIELDS_RE
    return [f"{m.group(0)}：{p[m.end():]}" if (m := labelled.match(p)) and m.end() < len(p)
            and p[m.end()] not in "：:（(" else p for p in pieces]


def _fused_before(text: str, cell: _Cell) -> list[_Cell]:
    """The text before a header run together, as cells: what comes before the form's title, the title, the rest."""
    title = next(reversed(list(TITLE_RE.finditer(text))), None)  # the last: a notice names the form before it
    if title is None:
        return [_Cell(text, cell.location)]
    head = [_Cell(text[: title.start()], cell.location, shared=True)] if title.start() else []
    rest = [_Cell(text[title.end():], cell.location)] if title.end() < len(text) else []
    return [*head, _Cell(title.group(0), cell.location), *rest]


def _fused_rows(text: str, roles: Sequence[str], cell: _Cell) -> list[_Cell]:
    """Rows run together under their level labels: the labels, then each row's name and one cell per column after
    it, a row's first cell opening it; or, when the rest cannot be cut one way only, that rest as a cell marked
    unsplit."""
    labels, rest = fusedgoal.leading_levels(text)
    out = [_Cell(label, cell.location, i == 0, True) for i, label in enumerate(labels)]
    if not rest:
        return out
    spaced = fusedgoal.spaced_row(rest, roles) if re.search(r"\s", rest) else None
    rows = [spaced] if spaced is not None else fusedgoal.split_rows(re.sub(r"\s+", "", rest), roles)
    if rows is None:
        return [*out, _Cell(rest, cell.location, not out, True, unsplit=True)]
    for number, (name, values) in enumerate(rows):
        out += [_Cell(name, cell.location, not (number == 0 and labels), True),
                *(_Cell(v, cell.location, False, True) for v in values)]
    return out


def _fused_line(cell: _Cell) -> bool:
    """A paragraph after a header run together that holds rows of it: no sentence, no footer or next title, and
    either opening with a level label or a short line holding a figure."""
    key = cell.key
    if cell.in_table or _FOOTER_RE.search(cell.text) or re.search(r"[。；;]", key) or (
            TITLE_RE.search(key) and len(key) <= 40):
        return False
    return bool(fusedgoal.LEVEL_RE.match(key)) or (len(key) <= _SENTENCE_LENGTH and bool(re.search(r"\d", key)))


def _row_texts(cell: _Cell) -> list[str]:
    """The rows of a paragraph after a header run together: its text cut before each level label, spaces kept."""
    return fusedgoal.level_segments(_LABEL_NOTE_RE.sub("", cell.text))


def _fields_split(cells: list[_Cell]) -> list[_Cell]:
    """The cells after the last form title, each cut into its fields (a form run together runs its fields
    together too: '项目名称示例项目项目主管部门示例局')."""
    at = max((i for i, c in enumerate(cells) if TITLE_RE.search(c.key) and len(c.key) <= 40), default=-1)
    tail = [piece for c in cells[at + 1:] for piece in (
        [c] if c.in_table else [_Cell(p, c.location) for p in _field_pieces(c.key)])]
    return [*cells[: at + 1], *tail]


def _unfused(cells: list[_Cell]) -> list[_Cell]:
    """The cells with each indicator table whose cells ran together (ingest.fusedgoal) split into cells: its header
    as one table row, its rows — run on after the header, or in the paragraphs after it — each a row of its own;
    the form's fields before it cut apart as well."""
    out: list[_Cell] = []
    index = 0
    while index < len(cells):
        cell = cells[index]
        header = None if cell.in_table else fusedgoal.split_header(cell.text)
        index += 1
        if header is None:
            out.append(cell)
            continue
        out += _fused_before(header.before.strip(), cell) if header.before.strip() else []
        out = _fields_split(out)
        out += [_Cell(word, cell.location, i == 0, True) for i, word in enumerate(header.words)]
        after = _LABEL_NOTE_RE.sub("", header.after)
        columns = _Columns()
        for word in header.words:
            columns.add(word)
        texts = [(text, cell) for text in fusedgoal.level_segments(after)]
        while index < len(cells) and _fused_line(cells[index]):
            texts += [(text, cells[index]) for text in _row_texts(cells[index])]
            index += 1
        for text, where in texts:
            out += _fused_rows(text, columns.roles, where)
    return out


def _level1(key: str) -> str:
    match = LEVEL1_RE.match(key)
    return f"{match.group(1)}指标" if match else ""


def _level2(key: str) -> str:
    match = LEVEL2_RE.match(key)
    return f"{match.group(1)}指标" if match else ""


def _is_header_cell(key: str) -> bool:
    return bool(_HEADER_CELL_RE.match(key)) and not LEVEL1_RE.match(key) and not LEVEL2_RE.match(key)


def _role(key: str) -> str:
    return next((role for role, pattern in _ROLES if pattern.search(key)), "note")


def _value_like(text: str) -> bool:
    """A figure, a date, or an operator with something after it: what only a target cell holds."""
    value = parse_value(text)
    return (
        value.number is not None
        or value.date is not None
        or (value.operator is not None and value.operator is not Operator.QUALITATIVE)
    )


@dataclass
class _Columns:
    """The indicator header's columns after the (last) name column, in order: what a row's value cells are. A
    sub-header under the 指标值 column ('上年实际值 | 本年目标值') comes after the header's other columns in reading
    order; it splits that one column."""

    head: list[str] = field(default_factory=list)
    split: list[str] = field(default_factory=list)

    def add(self, key: str) -> None:
        role = _role(key)
        if role == "name":  # the columns after the last name column are the row's ('三级指标(年度)')
            self.head, self.split = [], []
        elif role == "level":
            return
        elif (
            role in ("prior", "target")
            and "target" in self.head
            and (self.split or role == "prior" or self.head.index("target") < len(self.head) - 1)
        ):
            self.split.append(role)
        elif role != "target" or "target" not in self.head:
            self.head.append(role)

    @property
    def roles(self) -> list[str]:
        if not self.split:
            return self.head
        at = self.head.index("target")
        return [*self.head[:at], *self.split, *self.head[at + 1 :]]

    def __contains__(self, role: str) -> bool:
        return role in self.head or role in self.split


def _split_values(cells: Sequence[str], columns: _Columns) -> tuple[str, str]:
    """(target with its operator and unit joined, weight) from a row's cells after the indicator's name."""
    roles = columns.roles
    if len(cells) == len(roles) and roles:
        placed = dict(zip(roles, cells, strict=True))  # a role printed twice: its last column
        operator, target = placed.get("operator", ""), placed.get("target", "")
        unit, weight = placed.get("unit", ""), placed.get("weight", "")
        if not OPERATOR_CELL_RE.match(operator):
            operator = ""
        weight = re.sub(r"\s*(?:分|%|％)$", "", weight)  # '30%' in a 权重 column, '10分' in a 分值 one
        if weight and not is_number(weight):
            weight = ""
        return _joined(operator, target, unit), weight
    operator = target = unit = weight = ""
    later_values = [i for i, c in enumerate(cells) if _value_like(c)]
    for index, text in enumerate(cells):
        if OPERATOR_CELL_RE.match(text) and not target:
            operator = text
        elif (
            not target
            and "prior" in columns
            and _value_like(text)
            and any(i > index for i in later_values)
            and not ("weight" in columns and later_values[-1] == len(cells) - 1 and len(later_values) == 2)
        ):
            continue  # last year's actual before the year's target (two figures that are no target and weight)
        elif not target and (_value_like(text) or not (roles and roles[0] == "note")):
            target = text
        elif (
            target
            and "unit" in columns
            and not unit
            and len(text) <= 6
            and not parse_value(target).unit
            and not is_number(text)
        ):
            unit = text
        elif "weight" in columns and not weight and is_number(text):
            weight = text
    return _joined(operator, target, unit), weight


def _joined(operator: str, target: str, unit: str) -> str:
    if not target:
        return ""
    operator = "" if operator in ("定性", "定量") or target.startswith(operator) else operator
    unit = "" if parse_value(target).unit or not is_number(target) else unit
    return f"{operator}{target}{unit}"


def _with_name_unit(name: str, target: str) -> str:
    """A bare figure under a name printing its unit or its template's placeholder in brackets ('受益人数(人)' and
    '132', '苗木成活率(≥**%)' and '85'): the figure with the operator and unit the name prints."""
    match = _NAME_UNIT_RE.search(name)
    if match is None or not is_number(target):
        return target
    return f"{match.group(1)}{target}{match.group(2)}"


@dataclass
class _Row:
    level1: str
    level2: str
    name: str
    values: list[str]
    location: Location


@dataclass
class _Form:
    title: _Cell
    fields: dict[str, str] = field(default_factory=dict)
    regional: dict[int, str] = field(default_factory=dict)  # a regional form's managing departments by level
    budget_unit: str = ""
    rows: list[_Row] = field(default_factory=list)
    weight_total: Decimal | None = None
    incomplete: str = ""
    cells: list[_Cell] = field(default_factory=list)  # the cells before the indicator header: the fields
    columns: _Columns = field(default_factory=_Columns)  # the header's columns after the name
    unsplit: list[_Cell] = field(default_factory=list)  # rows run together that could not be split: not read


def _split_label(cell: _Cell) -> list[_Cell]:
    """'年度资金总额:16' → the label and its value, two cells."""
    match = _LABEL_RE.match(cell.key)
    text = re.sub(r"\s+", "", cell.text)
    if match is None or match.end() >= len(cell.key) or not re.search(r"[：:]", text[: match.end() + 1]):
        return [cell]
    cut = text.find("：") if "：" in text[: match.end() + 1] else text.find(":")
    return [
        _Cell(text[:cut], cell.location, cell.row_start, cell.in_table),
        _Cell(text[cut + 1 :], cell.location, False, cell.in_table),
    ]


def _read_fields(cells: Sequence[_Cell], form: _Form) -> None:
    """The form's fields before its indicator table: a run of labels, then a run of values. One label takes the
    first value; a run of labels (a caption spanning them, then their own labels) pairs with the values from the
    right ('总体目标 | 中期目标 | 年度目标' over two texts)."""
    parts = [piece for cell in cells for piece in _split_label(cell)]
    index = 0
    while index < len(parts):
        labels: list[re.Match[str]] = []
        while index < len(parts) and (m := _LABEL_RE.fullmatch(parts[index].key)) is not None:
            labels.append(m)
            form.budget_unit = printed_unit(parts[index].text) or form.budget_unit
            index += 1
        values: list[str] = []
        while index < len(parts) and _LABEL_RE.fullmatch(parts[index].key) is None:
            form.budget_unit = form.budget_unit or printed_unit(parts[index].text)
            values.append(parts[index].text)
            index += 1
        if not labels:
            continue
        pairs = (
            [(labels[0], values[0])]
            if len(labels) == 1 and values
            else list(zip(labels[::-1], values[::-1], strict=False))
        )
        for label, value in pairs:
            name = label.lastgroup
            if name == "regional" and value.strip():
                form.regional[_level_rank(label.group(name))] = value.strip()
            elif name and name not in form.fields and value.strip():
                form.fields[name] = value.strip()


def _level_rank(label: str) -> int:
    """How far down a regional form's level is: 中央 0, 省 1, 市 2, 区县 3."""
    return next(rank for rank, level in enumerate(("中央", "省", "市", "县")) if level in label or rank == 3)


def _budget(form: _Form) -> Decimal | None:
    text = form.fields.get("budget", "")
    match = _AMOUNT_RE.match(text)
    if match is None:
        return None
    unit = {"万": "万元", "亿": "亿元"}.get(match.group(2) or "", match.group(2) or form.budget_unit)
    return parse_amount(match.group(1), unit) if unit else None


@dataclass
class _Body:
    """The indicator table's cells after its header, read into rows: the levels each row is under, its name and
    the cells after the name."""

    form: _Form
    columns: _Columns
    stream: bool  # one cell per line: no row ends, a row's cells are counted out
    level1: str = ""
    level2: str = ""
    row: _Row | None = None
    last_label: str = ""  # the label just read ('' once a row follows it)
    after_level1: bool = False  # the cell just read was a 一级 label

    def close(self) -> None:
        if self.row is not None:
            self.form.rows.append(self.row)
            self.row = None

    def label(self, cell: _Cell, level1: str, level2: str) -> None:
        self.close()
        self.last_label = cell.text
        if level1 and not (level1 == self.level1 and self.after_level1):
            if parent_level(self.level2) != level1:
                self.level2 = ""  # a new block: its 二级 is printed next (a 一级 printed mid-span keeps it)
            self.level1 = level1
            for row in reversed(self.form.rows):  # the rows of the span above a label printed on a middle row
                if row.level1 or parent_level(row.level2) not in ("", level1):
                    break
                row.level1 = level1
            self.after_level1 = True
            return
        self.level2 = level2 or level1  # '满意度指标 | 满意度指标': the second is the 二级
        if parent_level(self.level2) and self.level1 and parent_level(self.level2) != self.level1:
            self.level1 = ""  # a 二级 of another block: its 一级 is printed further down, or not at all
        self.after_level1 = False

    def add(self, cell: _Cell, ahead: Sequence[_Cell]) -> None:
        self.after_level1 = False
        self.last_label = ""
        if self.row is None or ((self.stream or cell.in_table) and self._next_name(cell, ahead)):
            self.close()
            self.row = _Row(self.level1, self.level2, cell.text, [], cell.location)
            return
        self.row.values.append(cell.text)

    def _next_name(self, cell: _Cell, ahead: Sequence[_Cell]) -> bool:
        """One cell per line: a cell starts the next row when its row has all its cells, or when it reads as a
        name (no figure, a long text) with a figure after it while its row has none (an empty value cell). In a
        table's row (rows run together where a row's end was lost), only a name after the row's full cells."""
        assert self.row is not None
        full = len(self.row.values) >= max(len(self.columns.roles), 1)
        if cell.in_table:
            return full and bool(self.columns.roles) and not _value_like(cell.text) and not OPERATOR_CELL_RE.match(
                cell.text)
        if full:
            return True
        if not self.row.values and not _value_like(cell.text) and not OPERATOR_CELL_RE.match(cell.text):
            following = ahead[0].text if ahead else ""
            return bool(following) and _value_like(following) and len(cell.text) > _NAME_LENGTH
        return False


def _read_body(cells: Sequence[_Cell], start: int, form: _Form, columns: _Columns) -> int:
    """Indicator rows from `start`; the index where the table ends."""
    stream = not cells[start].in_table if start < len(cells) else False
    body = _Body(form, columns, stream)
    index = start
    row_begin, opened = start, start - 1  # where the current table row began; where the current indicator row was opened
    while index < len(cells):
        cell = cells[index]
        key = cell.key
        if index > start and ((TITLE_RE.search(key) and len(key) <= 40) or PROJECT_HEADING_RE.match(key)):
            break  # the next form
        if _FOOTER_RE.search(cell.text) or (
            (match := _LABEL_RE.fullmatch(key)) and match.lastgroup == "project"
        ):
            break  # a footer, or the next form's first field
        if total := _TOTAL_RE.match(key):
            number = total.group(1) or (cells[index + 1].text if index + 1 < len(cells) else "")
            form.weight_total = parse_decimal(number) if is_number(number) else None
            body.close()
            return index + 1
        if not cell.in_table and len(cell.text) > _SENTENCE_LENGTH and (body.row is None or body.row.values):
            break  # a paragraph of text after a table copied one cell per line
        if not cell.in_table and not stream and index > start:
            if index == len(cells) - 1:
                index = len(cells)  # the text cut inside the table: a row's first cell printed without its bar
            break  # a paragraph after the table's rows: the table has ended
        if cell.row_start:
            body.close()
            row_begin = index
        if cell.unsplit:
            body.close()
            form.unsplit.append(cell)
            index += 1
            continue
        level1, level2 = _level1(key), _level2(key)
        if level1 or level2:
            if (body.row is not None and not body.row.values and cell.in_table and opened >= row_begin
                    and body.row.name.replace(" ", "").endswith("指标")):
                body.row = None  # a caption over the levels printed before them in their row ('实施效果指标')
            body.label(cell, level1, level2)
        elif key == "指标" and body.last_label:
            pass  # the rest of a label broken over two lines ('经济效益' / '指标')
        elif _ABOVE_LEVELS_RE.match(key):
            pass  # a grouping above the levels
        elif (
            cell.in_table
            and cell.row_start
            and all(_is_header_cell(c.key) or not c.key for c in _row_of(cells, index))
        ):
            index += len(_row_of(cells, index))  # a header row repeated, or a sub-header
            continue
        else:
            before = body.row
            body.add(cell, cells[index + 1 : index + 2])
            opened = index if body.row is not before else opened
        index += 1
    body.close()
    if index >= len(cells):
        if body.last_label:
            form.incomplete = f"指标表在“{body.last_label}”之后中断，其后各行未见"
        elif not any("满意" in row.level1 + row.level2 for row in form.rows):
            form.incomplete = "指标表读到文本末尾为止，未见满意度指标，其后各行可能缺失"
    return index


def _row_of(cells: Sequence[_Cell], index: int) -> list[_Cell]:
    out = [cells[index]]
    for cell in cells[index + 1 :]:
        if cell.row_start or not cell.in_table:
            break
        out.append(cell)
    return out


def _read_header(cells: Sequence[_Cell], start: int) -> tuple[_Columns, int]:
    """The header's cells from '一级指标' (a sub-header row under it included); where the rows begin."""
    columns = _Columns()
    index = start
    while index < len(cells) and _is_header_cell(cells[index].key):
        if index > start and cells[index].key == "一级指标":
            break
        columns.add(cells[index].key)
        index += 1
    return columns, index


def _indicators(form: _Form, project: str, errors: list[ReadError]) -> tuple[Indicator, ...]:
    out = []
    for row in form.rows:
        level1 = row.level1 or parent_level(row.level2)
        name = row.name
        target, weight = _split_values(row.values, form.columns) if row.values else ("", "")
        target = _with_name_unit(name, target)
        location = row.location.with_(project=project, table="绩效指标", row=name, column="")
        out.append(
            Indicator(
                level1=level1,
                level2=row.level2,
                name=name,
                initial_target=parse_value(target) if target else None,
                weight=parse_decimal(weight) if weight else None,
                location=location,
            )
        )
    if "weight" in form.columns and out and any(i.weight is None for i in out):
        missing = next(i for i in out if i.weight is None)
        errors.append(ReadError(f"指标“{missing.name}”未读到分值", missing.location.with_(column="分值")))
    return tuple(out)


# A listing's header cells before its indicator columns ('单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | …'): the
# fields each project's first row prints before its first indicator.
_LISTED_BUDGET_RE = re.compile(r"^(?:项目)?(?:预算|资金)(?:数|金额)?(?:[（(](?:万元|元)[)）])?$")


def _listing_fields(cells: Sequence[_Cell], header: int) -> list[str]:
    """The fields a table's header row prints before its '一级指标' cell (a listing of several projects, one
    indicator a row), by name ('department', 'project', 'budget', 'goal'); [] when the row prints no project field."""
    start = header
    while start > 0 and not cells[start].row_start and cells[start - 1].in_table:
        start -= 1
    if not cells[header].in_table or start == header:
        return []
    fields = []
    for cell in cells[start:header]:
        match = _LABEL_RE.fullmatch(cell.key)
        name = match.lastgroup if match is not None else None
        fields.append(name or ("budget" if _LISTED_BUDGET_RE.match(cell.key) else ""))
    return fields if "project" in fields else []


def _listing(cells: Sequence[_Cell], title: _Cell, captions: list[_Cell], header: int,
             fields: list[str]) -> Iterator[tuple[_Form, int, int]]:
    """The projects of a listing: each row whose cells before its first level label print a project's fields
    (aligned from the right: a row may leave out the unit's cell it shares with the row above, the unit is then the
    one above) starts a project; the
    rows opening at a level label are its further indicators; a row with no level label (a department's subtotal
    '730-示例镇部门 | 1,200,000.00') is no indicator. Each project's indicator cells are read as a form of their own."""
    columns, body = _read_header(cells, header)
    end = body
    while end < len(cells) and cells[end].in_table and not _FOOTER_RE.search(cells[end].text):
        end += 1
    projects: list[tuple[dict[str, str], list[_Cell], int]] = []
    index = body
    while index < end:
        row = _row_of(cells, index)[: end - index]
        first = next((i for i, c in enumerate(row) if _level1(c.key) or _level2(c.key)), None)
        if first is not None and first > 0:
            printed = dict(zip(reversed(fields[-first:] if first <= len(fields) else fields),
                               reversed([c.text for c in row[:first]]), strict=False))
            held = {k: v for k, v in projects[-1][0].items() if k in ("department", "unit")} if projects else {}
            projects.append(({**held, **{k: v for k, v in printed.items() if k}}, [], index))
        if first is not None and projects:
            indicator = row[first:]
            projects[-1][1].extend([replace(indicator[0], row_start=True), *indicator[1:]])
        index += len(row)
    for number, (printed, indicator_cells, start) in enumerate(projects):
        form = _Form(title=title, cells=list(captions), columns=columns)
        form.fields.update((k, v) for k, v in printed.items() if v.strip())
        _read_body(indicator_cells, 0, form, columns)
        if number < len(projects) - 1:
            form.incomplete = ""  # the next project follows: this one's rows are all there
        last = projects[number + 1][2] if number < len(projects) - 1 else end
        yield form, start, last


def _forms(cells: Sequence[_Cell]) -> Iterator[tuple[_Form, int, int]]:
    """Each form: from its title (or its first label) to the end of its indicator table; (form, start, end)."""
    index = 0
    while index < len(cells):
        start = index
        while (
            index < len(cells)
            and not (TITLE_RE.search(cells[index].key) and len(cells[index].key) <= 40)
            and cells[index].key != "一级指标"
        ):
            index += 1
        if index >= len(cells):
            return
        form = _Form(title=cells[index] if cells[index].key != "一级指标" else cells[start])
        header = index
        while header < len(cells) and cells[header].key != "一级指标":
            if (
                header > index
                and TITLE_RE.search(cells[header].key)
                and len(cells[header].key) <= 40
                and form.cells
                and _LABEL_RE.fullmatch(cells[header].key) is None
                and _has_fields(form.cells)
            ):
                break  # a second form before this one's indicators: this one has none
            form.cells.append(cells[header])
            header += 1
        if header >= len(cells) or cells[header].key != "一级指标":
            index = max(header, index + 1)
            continue
        if fields := _listing_fields(cells, header):
            captions = form.cells[: len(form.cells) - len(fields)]
            listed = list(_listing(cells, form.title, captions, header, fields))
            yield from listed
            index = max([index + 1, header + 1, *(end for _, _, end in listed)])
            continue
        columns, body = _read_header(cells, header)
        form.columns = columns
        end = _read_body(cells, body, form, columns)
        yield form, start, end
        index = max(end, index + 1)


def _has_fields(cells: Sequence[_Cell]) -> bool:
    return any(_LABEL_RE.fullmatch(c.key) for c in cells)


def extract_goal_forms(
    source: SourceDocument, year: int | None = None, unit: str = ""
) -> tuple[tuple[GoalForm, ...], set[int], list[ReadError]]:
    """Every target form of the document: the forms, the source blocks they were read from, what was not read."""
    cells = _mend_cut_header(_unfused(_cells(source.blocks)))
    shared = {c.location.block for c in cells if c.shared}  # a paragraph holding more than the form: its sentences
    found: list[GoalForm] = []
    used: set[int] = set()
    errors: list[ReadError] = []
    for form, start, end in _forms(cells):
        _read_fields(form.cells, form)
        if form.unsplit and not form.incomplete:
            form.incomplete = f"指标行“{_clip(form.unsplit[0].text)}”等 {len(form.unsplit)} 行的各格连在一起未能分开，未读取"
        project = (
            _clean_name(form.fields.get("project", ""))
            or _heading_project(cells[start:end])
            or _clean_name(form.fields.get("department", ""))
            or unit
            or form.title.text
        )
        indicators = _indicators(form, project, errors)
        if not indicators:
            continue
        # the form's blocks from its title on: paragraphs before it (a project's description) are read as sentences
        begin = next((i for i in range(start, end) if cells[i] is form.title), start)
        used |= {c.location.block for c in cells[begin:end] if c.location.block is not None} - shared
        annual = form.fields.get("goal", "")
        found.append(
            GoalForm(
                project=project,
                year=year,
                goal=Goal(
                    annual_text=annual,
                    period_text=form.fields.get("overall", ""),
                    indicators=indicators,
                    incomplete=form.incomplete,
                    unweighted="weight" not in form.columns,
                    printed_weight_total=form.weight_total,
                ),
                unit=_clean_name(
                    form.fields.get("unit", "")
                    or (form.regional[max(form.regional)] if form.regional else "")
                    or form.fields.get("department", "")
                ),
                budget=_budget(form),
                location=form.title.location.with_(project=project),
                funds=fund_tables([c.text for c in form.cells], [c.location.with_(project=project) for c in form.cells],
                                  f"项目「{project}」"),
            )
        )
        errors += [ReadError(f"绩效目标表的指标行“{_clip(c.text)}”各格连在一起（无分隔），名称、指标值与分值不能唯一分开，"
                             "此行未读取、未核对", c.location.with_(project=project, table="绩效指标")) for c in form.unsplit]
        if form.incomplete and not form.unsplit:
            errors.append(ReadError(f"绩效目标表未读全：{form.incomplete}", indicators[-1].location))
    return tuple(found), used, errors


def _heading_project(cells: Sequence[_Cell]) -> str:
    """The project a heading before the indicator table names ('示例项目项目绩效目标' → '示例项目'), the last one."""
    names = [m.group("name") for c in cells if (m := PROJECT_HEADING_RE.match(c.key))]
    return names[-1] if names else ""


def _clean_name(text: str) -> str:
    """A name field without its code ('[015001]示例局', '316-示例局'); a year opening the name stays ('2031年示例项目')."""
    return re.sub(r"^\s*[\[［【]?\d{3,}(?![\d年])[\]］】]?\s*[-－—]?\s*", "", text).strip()


def target_tables_unread(
    source: SourceDocument, used: set[int] | frozenset[int] = frozenset()
) -> tuple[Unread, ...]:
    """One Unread for each block holding a target table's header without an evaluation's actuals or scores, that
    no target form was read from (`used`: the blocks read)."""
    found = []
    for block in source.blocks:
        if block.location.block in used:
            continue
        text = (
            block.clean if isinstance(block, Paragraph) else "\n".join("\t".join(r.texts) for r in block.rows)
        )
        if (header := HEADER_RE.search(text)) and not ACTUALS_RE.search(text[header.start() :]):
            found.append(Unread(UNREAD, block.location, "table"))
    return tuple(found)
