"""A list of recipients and their amounts whose cells ran together into one line of text, each name glued to its
figure and the total at its end ('…分配表 乡镇 补助经费（万元） 备注甲镇5乙乡1.5丙街道2…全县合计8.5'): a
distribution table with its 合计 row, read as a PartsTable (core.parts) and checked by audit.rules.parts.

A row is a name ending in a recipient's word (镇, 乡, 街道, 办事处, 场, 局, 村, 社区, 中心, 学校 …) and the number
right after it; the names between two figures are whole, so only the first name of the run may be glued to the
header before it: a header word ending the header (备注, 金额, 资金 …) is taken off it, and a first name longer than
every other name is not guessed at. The run must be whole: it opens after a mark that is no name or figure (a
bracket, a colon, the start of the text) and ends at a 合计 (全县合计, 总计) glued to its figure. A run with a total
whose rows cannot be told apart that way is reported unread, with where it is; the unit is the caption's
('（万元）', '单位：万元') just before the run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.core.claims import printed
from jixiao.core.coverage import Unread
from jixiao.core.parts import PartRow, PartsTable, repaired_rows
from jixiao.ingest.headers import printed_unit
from jixiao.ingest.source import Block, Paragraph

# A name glued to the figure after it: the whole run of Chinese characters before the number.
_TOKEN_RE = re.compile(r"([\u4e00-\u9fff]+)(\d+(?:\.\d+)?)(?![\d.])")
_TOTAL_RE = re.compile(r"^(?:全[县市区省州旗盟镇乡]|总|共)?合计$|^总计$")
# The words a recipient's name ends in: places, offices, bodies.
_RECIPIENT_RE = re.compile(
    r"(?:镇|乡|街道|街道办|办事处|农场|林场|牧场|茶场|场|局|村|社区|居委会|村委会|中心|站|所|院|校|学校|医院|公司|委员会"
    r"|管委会|区|县|市|旗|州|厅|委|办|队|园区|片区)$"
)
# Header words a flattened table's last header cell may be, glued to the first name after it.
_HEADER_WORDS = ("备注", "金额", "资金", "经费", "补助", "数额", "分配数", "合计数", "名称", "单位", "乡镇", "地区", "区域")
_OPENING = re.compile(r"[\u4e00-\u9fff\d.]")  # a character that would make the run's first name or figure longer
_CAPTION_SPAN = 40  # how far before the run its unit caption may be
_TITLE_SPAN = 60
_TITLE_RE = re.compile(r"(?:(?:19|20)\d{2}年度?)?[\u4e00-\u9fff（）()]{2,40}表")
MIN_PARTS = 2


def _peeled(label: str) -> str:
    """The first name with the header word glued before it taken off ('备注甲镇' → '甲镇')."""
    changed = True
    while changed:
        changed = False
        for word in _HEADER_WORDS:
            if label.startswith(word) and len(label) > len(word) + 1 and _RECIPIENT_RE.search(label[len(word):]):
                label, changed = label[len(word):], True
    return label


def _runs(text: str) -> list[list[re.Match[str]]]:
    """The runs of names glued to figures, each run its consecutive tokens."""
    runs: list[list[re.Match[str]]] = []
    for match in _TOKEN_RE.finditer(text):
        if runs and runs[-1][-1].end() == match.start():
            runs[-1].append(match)
        else:
            runs.append([match])
    return runs


def _title(before: str) -> str:
    """The table's title: the last name ending in 表 shortly before the run, with the year opening it."""
    found = list(_TITLE_RE.finditer(before[-_TITLE_SPAN:]))
    return found[-1].group(0) if found else ""


def _table(text: str, run: list[re.Match[str]], block: Paragraph) -> PartsTable | Unread | None:
    """The distribution table of one run, an Unread when it holds a total but its rows cannot be told apart, or None
    when the run is no such table (no total, or too few rows)."""
    total_at = next((i for i, m in enumerate(run) if _TOTAL_RE.match(m.group(1))), None)
    if total_at is None or total_at < MIN_PARTS:
        return None
    parts = run[:total_at]
    labels = [m.group(1) for m in parts]
    labels[0] = _peeled(labels[0])
    where = block.location
    shown = text[parts[0].start():run[total_at].end()]
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    others = [len(label) for label in labels[1:]]
    opened = parts[0].start() == 0 or not _OPENING.match(text[parts[0].start() - 1])
    if not all(_RECIPIENT_RE.search(label) for label in labels[1:]):
        if sum(1 for label in labels if _RECIPIENT_RE.search(label)) < MIN_PARTS:
            return None  # figures glued to words, not names with amounts
        return Unread(f"连写成一行的分配表（名称与金额连写）中有不是单位或地名的名称，各行不能确定，其中数据未核对：{shown}",
                      where, "table")
    if not opened or not _RECIPIENT_RE.search(labels[0]) or len(labels[0]) > max(others):
        return Unread(f"连写成一行的分配表（名称与金额连写）的第一行名称与其前的文字连在一起，不能确定从何处开始，其中数据"
                      f"未核对：{shown}", where, "table")
    before = text[:parts[0].start()]
    unit = printed_unit(before[-_CAPTION_SPAN:]) or printed_unit(before)
    rows = [PartRow(label, printed(m.group(2), unit), where.with_(row=label)) for label, m in zip(labels, parts, strict=True)]
    end = run[total_at]
    total = PartRow(end.group(1), printed(end.group(2), unit), where.with_(row=end.group(1)))
    rows, left = repaired_rows(rows, [m.group(2) for m in parts], total, unit)
    if left:
        return Unread(f"连写成一行的分配表中“{left[0].label}”的金额没有小数点且大于合计，不能确定其数值，其中数据未核对："
                      f"{shown}", left[0].location, "table")
    return PartsTable(_title(before), unit, tuple(rows), total, where.with_(table=_title(before)))


def glued_lists(blocks: Sequence[Block], used: set[int]) -> tuple[list[PartsTable], list[Unread]]:
    """The distribution tables run together into the paragraphs no other reader took, and the runs with a total
    whose rows could not be told apart."""
    found: list[PartsTable] = []
    unread: list[Unread] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or index in used:
            continue
        text = block.clean
        for run in _runs(text):
            if len(run) <= MIN_PARTS:
                continue
            table = _table(text, run, block)
            if isinstance(table, PartsTable):
                found.append(table)
            elif table is not None:
                unread.append(table)
    return found, unread
