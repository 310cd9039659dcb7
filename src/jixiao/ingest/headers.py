"""Table headers: what each column holds, from its normalised header text (SPEC §7.2).

A header may take several rows (项目 over 支出功能分类 over 类/款/项), a label may wrap inside its cell
(“项目支\\n出”) or over two header rows (“项目支” / “出”), and a label spanning several columns is printed
once, in its first column. Each column gets its *path*: the labels above it, top to bottom, a blank cell above
the column's lowest label taking the label to its left (the span it belongs to). A column is then matched on
its lowest label — alone, or joined with up to three labels above it — against whole aliases, never a
substring: “项目” over “支出功能分类” is not “项目支出”. A generic lowest label (小计, 合计) takes the meaning of
a higher label that names a column (公务用车购置及运行维护费 / 小计).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from jixiao.core.money import is_number, normalize_text

UNIT_IN_LABEL_RE = re.compile(r"[(（]\s*(?:金额)?(?:单位[:：])?\s*(万元|元|亿元)\s*[)）]")
# The amount unit a table prints: in brackets, after a header label or alone ('决算数（万元）', '（金额单位：元）'), or
# in a caption ('单位：万元', '金额单位:亿元').
PRINTED_UNIT_RE = re.compile(rf"{UNIT_IN_LABEL_RE.pattern}|(?:金额)?单位\s*[：:]\s*(万元|元|亿元)")
GENERIC = frozenset({"小计", "合计"})
# Labels of the code column(s): one column of 3/5/7-digit codes, or 类 | 款 | 项 printed apart.
CODE_LABEL_RE = re.compile(r"^(?:(?:支出|收入)?(?:功能|经济)分类(?:科目)?(?:编码|代码)?|(?:科目)?(?:编码|代码)(?:\(类款项\))?)$")
SPLIT_CODE_LABELS = {"类": "class", "款": "section", "项": "item"}
NAME_LABELS = frozenset({"科目名称", "名称", "项目", "项目名称", "科目", "功能分类科目名称"})
LINE_LABELS = frozenset({"行次"})
COLUMN_NUMBER_LABELS = frozenset({"栏次"})


CJK_GAP_RE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def unspaced(text: str) -> str:
    """A label printed letter-spaced, as a row label or a title: the spaces between its Chinese characters taken out
    ('总 计' → '总计', '本 年 支 出 合 计' → '本年支出合计'); spaces beside a figure or a letter stay."""
    return CJK_GAP_RE.sub("", text.strip())


def normalize_label(text: str) -> str:
    """A header label as compared: no whitespace or line breaks, ASCII brackets, no quotes, no unit."""
    text = normalize_text(text)
    text = UNIT_IN_LABEL_RE.sub("", text)
    text = re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")")
    return re.sub(r"[“”\"'‘’]", "", text)


# A bracket closing a label (or one level of a 'group/column' key) explains it: a formula ('得分（20分×执行率）',
# '执行率（B/A）'), points ('分值（10分）'), a unit. The label's meaning is its head noun before it.
TRAILING_NOTE_RE = re.compile(r"(?<=[^\s(（/])\s*[(（][^()（）]*[)）](?=\s*(?:/|$))")


def head_label(text: str) -> str:
    """A header label's head noun: normalised (normalize_label), the bracketed notes closing it taken off
    ('得分 (20分*执行率)' → '得分', '预算执行情况(万元)(20分)' → '预算执行情况'); a label that is only a bracket stays."""
    label = normalize_label(text)
    while (shorter := TRAILING_NOTE_RE.sub("", label)) != label:
        label = shorter
    return label


def printed_unit(*texts: str) -> str:
    """The amount unit (万元, 元 or 亿元) the first of `texts` to print one prints, in a caption (“单位：万元”,
    “金额单位:元”) or in brackets (“决算数（万元）”, “（万元）”), the first in the text; '' when none does."""
    for text in texts:
        if match := PRINTED_UNIT_RE.search(normalize_text(text).replace(" ", "")):
            return match.group(1) or match.group(2)
    return ""


def is_column_numbers(texts: Sequence[str]) -> bool:
    """The 栏次 row: '栏次 1 2 3', or only consecutive integers; '行次 1 2 3' when the numbers run from 1 along the
    row (a 行次 column's own cells go down the rows, never along one)."""
    filled = [t.strip() for t in texts if t.strip()]
    if filled and normalize_label(filled[0]) in COLUMN_NUMBER_LABELS:
        return True
    if filled and normalize_label(filled[0]) in LINE_LABELS and len(filled) >= 4 and filled[1:] == [
            str(n) for n in range(1, len(filled))]:
        return True
    return len(filled) >= 3 and all(t.isdigit() for t in filled) and [int(t) for t in filled] == list(
        range(int(filled[0]), int(filled[0]) + len(filled)))


def is_line_numbers(values: Sequence[str]) -> bool:
    """A 行次 column by content: small whole numbers, increasing (blank cells allowed)."""
    filled = [v.strip() for v in values if v.strip()]
    if len(filled) < 2 or not all(v.isdigit() and len(v) <= 3 for v in filled):
        return False
    numbers = [int(v) for v in filled]
    return all(b > a for a, b in itertools.pairwise(numbers))


def column_paths(rows: Sequence[Sequence[str]], width: int) -> list[list[str]]:
    """Per column, its header labels top to bottom (normalised, blank ones left out).

    Below a column's lowest label nothing counts (a cell spanning rows downwards leaves blanks); above it,
    a blank cell belongs to the label on its left that spans over it.
    """
    grid = [[normalize_label(row[i]) if i < len(row) else "" for i in range(width)] for row in rows]
    paths = []
    for column in range(width):
        lowest = next((r for r in range(len(grid) - 1, -1, -1) if grid[r][column]), None)
        path: list[str] = []
        if lowest is not None:
            for r in range(lowest + 1):
                text = grid[r][column]
                if not text and r < lowest:
                    text = next((grid[r][c] for c in range(column - 1, -1, -1) if grid[r][c]), "")
                if text and (not path or path[-1] != text):
                    path.append(text)
        paths.append(path)
    return paths


def match_column(path: Sequence[str], aliases: Mapping[str, frozenset[str]]) -> str | None:
    """The key whose alias equals the path's lowest label (alone or joined with up to three labels above it, a unit
    split over them left out)."""
    if not path:
        return None

    def key_of(label: str) -> str | None:
        return next((key for key, names in aliases.items() if label in names), None)

    if path[-1] in GENERIC:  # 小计 under 公务用车购置及运行维护费 is that column
        parent = next((k for upper in reversed(path[:-1]) if upper not in GENERIC and (k := key_of(upper))), None)
        if parent:
            return parent
    for span in (1, 2, 3, 4):  # a label wrapped in a narrow cell: “项目支” / “出（万” / “元）”
        if span > len(path):
            break
        label = normalize_label("".join(path[-span:]))
        key = key_of(label)
        if key is None:
            continue
        return key
    return key_of(head_label(path[-1]))  # '合计（20分）': the head noun before a bracketed note


@dataclass(frozen=True)
class Header:
    """The header rows of a table and what each column is."""

    rows: int  # how many rows the header takes (the 栏次 row included)
    paths: list[list[str]]
    texts: list[tuple[str, ...]]  # each header row's normalised cells, to spot a header repeated on a later page
    unit: str  # from a label such as “决算数（万元）”; '' when none

    def label(self, column: int) -> str:
        return "/".join(self.paths[column]) if column < len(self.paths) else ""

    def repeats(self, texts: Sequence[str]) -> bool:
        """True for a header row printed again where the table continues on the next page."""
        row = tuple(normalize_label(t) for t in texts)
        return any(row == header for header in self.texts) or is_column_numbers(texts)


def is_data_row(texts: Sequence[str]) -> bool:
    """A row of figures or of a classification code, or a 合计/总计 row: the header is above it."""
    filled = [normalize_label(t) for t in texts if t.strip()]
    first = filled[0] if filled else ""
    if re.fullmatch(r"\d{3}(?:\d{2}){0,2}", first) or (first in ("合计", "总计") and all(
            is_number(t) or re.fullmatch(r"[-—–/]+", t) for t in filled[1:])):
        return True
    return any(is_number(t) and not t.strip().isdigit() for t in texts) or any(
        re.fullmatch(r"[一二三四五六七八九十]+、.+", t.strip()) for t in texts)


def read_header(rows: Sequence[Sequence[str]], width: int) -> Header:
    """The header of a table: the rows above the first data row (and the 栏次 row right below them)."""
    end = 0
    for index, texts in enumerate(rows):
        if is_column_numbers(texts):
            end = index + 1
            break
        if is_data_row(texts):
            end = index
            break
    else:
        end = len(rows)
    head = [r for r in rows[:end] if not is_column_numbers(r)]
    return Header(rows=end, paths=column_paths(head, width),
                  texts=[tuple(normalize_label(t) for t in r) for r in rows[:end]],
                  unit=printed_unit(*(t for r in head for t in r)))


WIDE_ROW_FACTOR = 3  # a row holding more than this many times the header's widest row: rows merged into one


def overwide_rows(rows: Sequence[Sequence[str]]) -> list[tuple[int, int, int]]:
    """(index, filled cells, header columns) of each row below the header holding more than WIDE_ROW_FACTOR times as
    many filled cells as the header's widest row (at least two labels): several rows run together into one (their
    ends lost in a copy), whose cells cannot be placed under the header's columns."""
    header = read_header(rows, max((len(r) for r in rows), default=0))
    widest = max((sum(1 for t in r if t.strip()) for r in rows[:header.rows] if not is_column_numbers(r)), default=0)
    if widest < 2:
        return []
    return [(index, filled, widest) for index, row in enumerate(rows[header.rows:], start=header.rows)
            if (filled := sum(1 for t in row if t.strip())) > WIDE_ROW_FACTOR * widest]
