"""决算公开 tables rebuilt from one line of space-separated cells (text copied out of a web page or a converted
file): row ends and empty cells are gone.

A table title (公开05表, 一般公共预算财政拨款支出决算表 …) opens a table; its header words name its columns through
the readers' own aliases (disclosure.COLUMN_ALIASES / SIDE_ALIASES) and a 栏次 run, when printed, confirms how many
amount columns there are. Rows start at a function code (3, 5 or 7 digits, or the code run into its name) or a
total label (合计, 总计); in a two-sided table (公开01, 公开04) at each item's label, its side told by its words
(收入/支出, 年初/年末) and its 行次 kept apart from its figures. The figures after a row's label are its cells; a
row with fewer figures than columns is placed by the table's sums (ingest.placement) and a cell the sums leave
open is marked not placed, for the reader to report — never guessed, never read as zero. 公开09's single row
of figures is placed the same way (合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行, per 预算数 and 决算数).
公开06 (four blocks of economic codes) and 公开10 (items with 行次) hold one figure per item, so nothing needs
placing. A 公开01 exported half by half (the 收入 half, then the 支出 half under the title again) is read half by
half; a side whose figures were printed apart from their rows has them placed among those rows by the sums. A
预算公开's 部门收支总表 (B01) is read the same way, its sides told by its items' words or numbering. A table whose
header or items are not understood stays one paragraph, reported as not read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from jixiao.core.money import is_number
from jixiao.core.provenance import Location
from jixiao.core.values import cn_to_decimal
from jixiao.ingest.disclosure import (
    CODE_RE,
    COLUMN_ALIASES,
    SIDE_ALIASES,
    _sangong_group,
    _sangong_item,
    budget_table_code,
    table_code,
)
from jixiao.ingest.halfrows import side_by_words
from jixiao.ingest.headers import (
    COLUMN_NUMBER_LABELS,
    LINE_LABELS,
    NAME_LABELS,
    match_column,
    normalize_label,
)
from jixiao.ingest.placement import Placement, Sum, place
from jixiao.ingest.source import Block, Cell, Paragraph, Row, Table

CODED = ("D02", "D03", "D05", "D07", "D08")
# The sum every row of a coded table holds: total = its parts (those the table prints).
ROW_PARTS = {"D02": ("fiscal", "upper", "business", "operating", "subsidiary", "other"),
             "D03": ("basic", "project", "upper", "operating", "subsidiary"),
             "D05": ("basic", "project"), "D07": ("basic", "project"), "D08": ("basic", "project")}
TOTAL_LABELS = frozenset({"合计", "总计"})
TOTAL_RE = re.compile(r"^(?:合计|总计)$")
ECONOMIC_TOTAL_RE = re.compile(r"^(?:人员经费|公用经费).{0,4}合计$")
SECTION_RE = re.compile(r"^[一二三四五六七八九十]+、")
YEAR_TOTAL_RE = re.compile(r"^本年(?:收入|支出)合计$")
FUND_WORDS = {"general": "一般公共预算", "fund": "政府性基金", "state_capital": "国有资本经营"}
UNIT_WORDS = frozenset({"万元", "元", "亿元"})
UNIT_LABEL_RE = re.compile(r"^(?:金额)?单位[：:]?$")
CAPTION_RE = re.compile(r"^(?:公开\s*0?\d{1,2}\s*表|(?:金额)?单位[：:].+|编制单位[：:].+|部门[：:].+)$")
CAPTION_LABEL_RE = re.compile(r"^(?:部门|编制单位|单位名称|填报单位)[：:]$")  # its value the next words: '部门: (略) 示例校'
UNIT_CAPTION_RE = re.compile(r"^(?:金额)?单位[：:](?:万元|元|亿元)$")
CAPTION_VALUE_WORDS = 4
SIDE_WORDS = frozenset({"收入", "支出"})
INTEGER_RE = re.compile(r"^\d{1,3}$")
TITLE_LENGTH = 40
SENTENCE_RE = re.compile(r"[。，；！？,;]|详见|见附表")


def _figure(word: str) -> bool:
    return is_number(word) or word in ("-", "—", "－")


SPACED_CHAR_RE = re.compile(r"^[\u4e00-\u9fff]$")


def join_spaced_letters(words: list[str]) -> list[str]:
    """A label printed letter-spaced or down a merged cell ('绩 效 指 标', '项 目') comes out of a flattened line
    as single characters: a run of two or more one-character words is one word."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if SPACED_CHAR_RE.match(word):
            run.append(word)
            continue
        if len(run) >= 2:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if word:
            out.append(word)
    return out


def _join_captions(words: list[str]) -> list[str]:
    """'金额单位 万元' (a caption whose colon became a space) back into one word '金额单位：万元'."""
    out: list[str] = []
    for word in words:
        if out and word in UNIT_WORDS and UNIT_LABEL_RE.match(out[-1]):
            out[-1] = f"{out[-1].rstrip('：:')}：{word}"
        else:
            out.append(word)
    return out


def _title(word: str) -> str | None:
    """The table a title word names ('公开05表', '一般公共预算财政拨款支出决算表', a 预算公开's '部门收支总表'); a word
    of a sentence that mentions a table ('详见公开05表。') is not a title."""
    if len(word) > TITLE_LENGTH or SENTENCE_RE.search(word):
        return None
    return table_code(word) or budget_table_code(word)


PAGE_MARK_RE = re.compile(r"(?:^|(?<=\s))第\s*\d+\s*页\s*[,，、/]?\s*共\s*\d+\s*页(?=\s|$)")


def drop_page_marks(words: Sequence[str]) -> list[str]:
    """A page footer printed inside a flattened row ('支 第 2 页,共 46 页 出 总 计') left out: it is no cell."""
    return PAGE_MARK_RE.sub(" ", " ".join(words)).split()


def _labelled_caption(words: Sequence[str], at: int) -> int:
    """How many words a caption whose label stands apart from its value takes ('部门:' then '(略) 示例学校', a redaction
    mark kept): the label and its value words, when the table's unit caption follows within CAPTION_VALUE_WORDS
    words; 0 otherwise."""
    if not CAPTION_LABEL_RE.match(words[at]):
        return 0
    for end in range(at + 2, min(at + 2 + CAPTION_VALUE_WORDS, len(words))):
        if UNIT_CAPTION_RE.match(words[end]):
            value = words[at + 1:end]
            return end - at if not any(_figure(w) or _title(w) for w in value) else 0
    return 0


def disclosure_blocks(words: Sequence[str], line: int, path: str) -> list[Block] | None:
    """The blocks of a 决算 package flattened into one line, or None when no table could be rebuilt from it (a
    sentence naming a table stays a sentence)."""
    words = _join_captions(drop_page_marks(words))
    starts = [i for i, w in enumerate(words) if _title(w)]
    if not starts or not any(_figure(w) and not w.isdigit() for w in words[starts[0]:]):
        return None
    where = Location(document=path, line=line)
    blocks: list[Block] = [Paragraph(w, where) for w in words[:starts[0]]]
    index = starts[0]
    while index < len(words):
        code = _title(words[index])
        blocks.append(Paragraph(words[index], where))
        index += 1
        while index < len(words) and (CAPTION_RE.match(words[index]) or _title(words[index]) == code
                                      or _labelled_caption(words, index)):
            taken = _labelled_caption(words, index) or 1
            blocks.append(Paragraph(" ".join(words[index:index + taken]), where))
            index += taken
        end = next((i for i in range(index, len(words)) if _title(words[i])), len(words))
        region = words[index:end]
        if code == "B01":  # a workbook's labels printed letter-spaced ('本 年 收 入 合 计')
            region = join_spaced_letters(region)
        built = _table(code or "", region, where)
        if built is None:
            blocks.append(Paragraph(" ".join(region), where))  # not understood: left as text, reported unread
        else:
            table, used = built
            blocks.append(table)
            blocks.extend(Paragraph(w, where) for w in region[used:])
        index = end
    return blocks if any(isinstance(b, Table) for b in blocks) else None  # no table rebuilt: the line stays text


def _table(code: str, words: list[str], where: Location) -> tuple[Table, int] | None:
    if code in CODED:
        return _coded(code, words, where)
    if code in ("D01", "D04"):
        return _halves(code, words, where)
    if code == "D09":
        return _sangong(words, where)
    if code == "D06":
        return _economic(words, where)
    if code == "D10":
        return _statistics(words, where)
    if code == "B01":
        return _budget_summary(words, where)
    return None


Shown = str | tuple[str, ...]  # a rebuilt cell: its text, or what a cell not placed may hold ('5.00', '')


def _cell(text: Shown, where: Location, column: int) -> Cell:
    """A rebuilt cell; a tuple is a cell whose figure could not be placed, its text what it may hold."""
    at = where.with_(column=str(column))
    if isinstance(text, tuple):
        return Cell("或".join(t or "空" for t in text), at, placed=False)
    return Cell(text, at)


def _amounts(placed: Placement, row: int) -> list[Shown]:
    """A row's amount cells as placed, a cell left open as what it may hold."""
    return [text if text is not None else placed.unplaced[(row, column)]
            for column, text in enumerate(placed.cells[row])]


def _grid(rows: list[list[Shown]], where: Location) -> Table:
    built = []
    for number, texts in enumerate(rows, start=1):
        at = where.with_(row=str(number))
        built.append(Row(tuple(_cell(t, at, c) for c, t in enumerate(texts, start=1)), at))
    return Table(tuple(built), where)


def _column_numbers(words: list[str], at: int) -> int:
    """How many column numbers (1, 2, 3 … after 栏次, or from 1) start at `at`."""
    count = 0
    while at + count < len(words) and words[at + count] == str(count + 1):
        count += 1
    return count


def _amount_columns(header: list[str], aliases: dict) -> list[tuple[str, str]]:
    """(key, label) of each amount column in order. A flattened header prints its upper row first: a lower
    label naming a key already placed (小计 under 本年支出) takes that place, the labels after it following it."""
    columns: list[tuple[str, str]] = []
    insert: int | None = None
    for word in header:
        key = match_column([normalize_label(word)], aliases)
        if key is None:
            continue
        placed = [k for k, _ in columns]
        if key in placed:
            at = placed.index(key)
            columns[at] = (key, word)
            insert = at + 1
        elif insert is not None:
            columns.insert(insert, (key, word))
            insert += 1
        else:
            columns.append((key, word))
    return columns


def _row_start(words: list[str], i: int, totals: re.Pattern[str] = TOTAL_RE) -> tuple[str, str, int] | None:
    """(code, label, words taken) of a coded table's row starting at words[i]: a code before a name (its 类, 款
    and 项 printed apart: '207 01 04 图书馆'), a code run into its name, or a total label before a figure."""
    word = words[i]
    following = words[i + 1] if i + 1 < len(words) else ""
    if CODE_RE.match(word) and following and not _figure(following) and not _title(following):
        return word, "", 1
    parts = [word] if re.fullmatch(r"\d{3}", word) else []
    while parts and len(parts) < 3 and i + len(parts) < len(words) and re.fullmatch(r"\d{2}", words[i + len(parts)]):
        parts.append(words[i + len(parts)])
    after = words[i + len(parts)] if parts and i + len(parts) < len(words) else ""
    if len(parts) > 1 and after and not _figure(after) and not _title(after):
        return "".join(parts), "", len(parts)
    if match := re.match(r"^(\d{3}(?:\d{2}){0,2})([\u4e00-\u9fff].*)$", word):
        return match.group(1), match.group(2), 1
    if totals.match(normalize_label(word)) and _figure(following):
        return "", word, 1
    return None


def _coded(code: str, words: list[str], where: Location) -> tuple[Table, int] | None:
    first = next((i for i in range(len(words)) if _row_start(words, i)), None)
    if first is None:
        return None
    header = words[:first]
    columns = _amount_columns(header, COLUMN_ALIASES[code])
    numbered = next((_column_numbers(header, i + 1) for i, w in enumerate(header)
                     if normalize_label(w) in COLUMN_NUMBER_LABELS), 0)
    if not columns or (numbered and numbered != len(columns)):
        return None  # the header is not understood: which figure is which column would be a guess
    rows: list[tuple[str, str, list[str]]] = []
    index = first
    while index < len(words) and (start := _row_start(words, index)):
        row_code, label, taken = start
        index += taken
        names = [label] if label else []
        while index < len(words) and not _figure(words[index]) and not _row_start(words, index):
            names.append(words[index])
            index += 1
        figures = []
        while index < len(words) and _figure(words[index]) and not _row_start(words, index):
            figures.append(words[index])
            index += 1
        rows.append((row_code, " ".join(names), figures))
    keys = [k for k, _ in columns]
    placed = place([f for _, _, f in rows], len(keys), _coded_sums(code, keys, [c for c, _, _ in rows],
                                                                    [n for _, n, _ in rows]))
    grid: list[list[Shown]] = [["科目代码", "科目名称", *(label for _, label in columns)]]
    grid += [[row_code, name, *_amounts(placed, r)] for r, (row_code, name, _) in enumerate(rows)]
    return _grid(grid, where), index


def _coded_sums(code: str, keys: list[str], codes: list[str], names: list[str]) -> list[Sum]:
    sums: list[Sum] = []
    if "total" in keys:
        parts = [keys.index(k) for k in ROW_PARTS[code] if k in keys]
        if parts:
            sums += [Sum((r, keys.index("total")), tuple((r, p) for p in parts)) for r in range(len(codes))]
    total_row = next((r for r, (c, n) in enumerate(zip(codes, names, strict=True))
                      if not c and normalize_label(n) in TOTAL_LABELS), None)
    children: dict[int, list[int]] = {}
    for r, row_code in enumerate(codes):
        if not row_code:
            continue
        parent = next((p for p, c in enumerate(codes) if c and len(c) == len(row_code) - 2
                       and row_code.startswith(c)), None) if len(row_code) > 3 else total_row
        if parent is not None:
            children.setdefault(parent, []).append(r)
    for parent, rows in children.items():
        sums += [Sum((parent, k), tuple((r, k) for r in rows)) for k in range(len(keys))]
    return sums


def _economic(words: list[str], where: Location) -> tuple[Table, int] | None:
    """公开06: (科目编码, 科目名称, 决算数) items of four blocks side by side, read in any order: each item a code,
    its name and at most one figure (a blank one printed nothing); 人员经费合计 / 公用经费合计 each with a figure.
    An item followed by two figures means the items are not what they seem: the table is left unread."""
    first = next((i for i in range(len(words)) if _row_start(words, i, ECONOMIC_TOTAL_RE)), None)
    if first is None:
        return None
    grid: list[list[Shown]] = [["科目编码", "科目名称", "决算数"]]
    index = first
    while index < len(words) and (start := _row_start(words, index, ECONOMIC_TOTAL_RE)):
        row_code, label, taken = start
        index += taken
        names = [label] if label else []
        while index < len(words) and not _figure(words[index]) and not _row_start(words, index, ECONOMIC_TOTAL_RE):
            names.append(words[index])
            index += 1
        figures = []
        while index < len(words) and _figure(words[index]) and not _row_start(words, index, ECONOMIC_TOTAL_RE):
            figures.append(words[index])
            index += 1
        if len(figures) > 1:
            return None  # two figures for one amount: the items are not where they seem
        figure = figures[0] if figures else ""
        grid.append([row_code, " ".join(names), figure] if row_code else [" ".join(names), figure, ""])
    return _grid(grid, where), index


def _item(words: list[str], index: int, numbered: bool) -> tuple[str, str, list[str], int] | None:
    """The item at `index`: its label, its 行次 when the header prints 行次, the figures after it, and where the next
    item starts; None when a 行次 is due and missing."""
    label, index, line_no = words[index], index + 1, ""
    if numbered:
        if index >= len(words) or not INTEGER_RE.match(words[index]):
            return None
        line_no, index = words[index], index + 1
    figures = []
    while index < len(words) and _figure(words[index]):
        figures.append(words[index])
        index += 1
    return label, line_no, figures, index


def _statistics(words: list[str], where: Location) -> tuple[Table, int] | None:
    """公开10: section titles (一、政府采购情况 …) and items, each a label, its 行次 when the header prints 行次, and
    at most one figure."""
    header_words = {normalize_label(w) for w in (*NAME_LABELS, *LINE_LABELS, *COLUMN_NUMBER_LABELS)}
    first = next((i for i, w in enumerate(words) if not _figure(w) and normalize_label(w) not in header_words
                  and (SECTION_RE.match(w) or (i + 1 < len(words) and _figure(words[i + 1])))), None)
    if first is None:
        return None
    numbered = any(normalize_label(w) in LINE_LABELS for w in words[:first])
    grid: list[list[Shown]] = [["项目", *(["行次"] if numbered else []), "统计数"]]
    index = first
    while index < len(words) and not _figure(words[index]) and not _title(words[index]):
        label = words[index]
        if SECTION_RE.match(label) and (index + 1 >= len(words) or not _figure(words[index + 1])):
            grid.append([label, *([""] if numbered else []), ""])
            index += 1
            continue
        if (item := _item(words, index, numbered)) is None:
            break
        label, line_no, figures, index = item
        if len(figures) > 1:
            return None
        grid.append([label, *([line_no] if numbered else []), figures[0] if figures else ""])
    return _grid(grid, where), index


NAME_RE = re.compile(r"^项目(?:\(.{1,12}\))?$")  # '项目(按功能分类)': the name column of a side
SIDE_NAMES = {"收入": "income", "支出": "expenditure"}
SIDES = ("income", "expenditure")
Item = tuple[str, str, list[str]]  # (label, 行次, figures); a row left blank on its side has label ''


def _half_header(code: str, header: list[str]) -> dict[str, list[tuple[str, str]]] | None:
    """Per side printed, the (key, label) of its amount columns: each '项目' opens a side — the one its side word
    ('收入' / '支出') before it names, else the next in order. A table printed one side at a time (a workbook's
    halves one after the other) has one side only. None when a side has no amount column."""
    aliases = SIDE_ALIASES[code]
    # a side word printed once per column it spans ('收入 收入 收入 支出 支出 支出') names its side once
    named = [side for side, _ in itertools.groupby(SIDE_NAMES[normalize_label(w)] for w in header
                                                    if normalize_label(w) in SIDE_NAMES)]
    sides: dict[str, list[tuple[str, str]]] = {}
    current = ""
    for word in header:
        label = normalize_label(word)
        if label in NAME_LABELS or NAME_RE.match(label):
            current = named.pop(0) if named else next((s for s in SIDES if s not in sides), "")
            if not current or current in sides:
                return None
            sides[current] = []
        elif current and (key := match_column([label], aliases[current])):
            sides[current].append((key, word))
    return sides if sides and all(sides.values()) else None


def _continues_lines(words: list[str], at: int, last: dict[str, int]) -> str:
    """The side whose 行次 the bare integer at `at` goes on with: a row printed blank on that side (its label and
    figures left out, its 行次 kept). Taken only when the run of such 行次 it opens is followed by a label whose own
    行次 goes on from the run (or the text ends): an integer amount is never followed so. '' otherwise."""
    sides = [s for s, n in last.items() if n and words[at] == str(n + 1)]
    if len(sides) != 1:
        return ""
    number = last[sides[0]] + 1
    end = at
    while end < len(words) and words[end] == str(number + end - at):
        end += 1
    if end == len(words):
        return sides[0]
    following = words[end + 1] if end + 1 < len(words) else ""
    # the label after the run: this side's next row, or the other side's in the same row (its 行次 going on from there)
    goes_on = {str(number + end - at), *(str(n + 1) for s, n in last.items() if s != sides[0] and n)}
    return sides[0] if not _figure(words[end]) and following in goes_on else ""


def _half_items(words: list[str], first: int, numbered: bool, only: str) -> tuple[list[tuple[str, Item]], int]:
    """(side, item) in reading order from `first`, and where they end. An item is a label, its 行次 when numbered,
    then its figures; a bare 行次 going on from a side's last one is a row left blank on that side. `only`: the one
    side a half printed alone holds."""
    items: list[tuple[str, Item]] = []
    last = dict.fromkeys(SIDES, 0)
    index = first
    while index < len(words) and not _title(words[index]):
        if numbered and (side := _continues_lines(words, index, last)):
            last[side] += 1
            items.append((side, ("", words[index], [])))
            index += 1
            continue
        if _figure(words[index]):
            break
        label, line_no = words[index], ""
        if numbered:
            if index + 1 >= len(words) or not INTEGER_RE.match(words[index + 1]):
                break  # no 行次 after it: not an item (a note under the table)
            line_no, index = words[index + 1], index + 1
        index += 1
        side = only or side_by_words(label)
        if side and line_no:
            last[side] = int(line_no)
        figures = []
        while index < len(words) and _figure(words[index]) and not (numbered and _continues_lines(words, index, last)):
            figures.append(words[index])
            index += 1
        items.append((side, (label, line_no, figures)))
    return items, index


def _runs(side: list[Item]) -> list[list[int]] | None:
    """A side of one amount column whose figures were printed apart from their rows (a workbook flattened a block
    of rows column by column: the labels, then the figures of those printed): one item followed by more figures
    than it has columns. Each run of figures then belongs, in order, to the labelled items since the last item
    followed by figures, this one included. None when every item holds at most its one figure."""
    if all(len(figures) <= 1 for _, _, figures in side):
        return None
    runs: list[list[int]] = [[]]
    for r, (label, _, figures) in enumerate(side):
        if label:
            runs[-1].append(r)
        if figures:
            runs.append([])
    return runs


def _halves(code: str, words: list[str], where: Location) -> tuple[Table, int] | None:
    """公开01/04: items of both sides in reading order, each a label, its 行次 when the header prints 行次,
    then its figures; an income item opens a row, an expenditure item closes it (or stands alone). A half printed
    alone (its header one 项目 under 收入 or 支出) holds that side's rows only; the other half, printed after it
    under the table's title again, is read the same way and goes on from it. Figures printed apart from their rows
    (see _runs) are placed among those rows by the table's sums, or marked not placed."""
    labels = {normalize_label(w) for w in (*NAME_LABELS, *LINE_LABELS, *COLUMN_NUMBER_LABELS, *SIDE_WORDS)}
    aliases = SIDE_ALIASES[code]
    names = {n for side in aliases.values() for names in side.values() for n in names}

    def vocabulary(word: str) -> bool:
        label = normalize_label(word)
        return label in labels or label in names or word.isdigit() or NAME_RE.match(label) is not None

    first = next((i for i, w in enumerate(words) if not vocabulary(w) and not _figure(w)), None)
    if first is None:
        return None
    header = words[:first]
    numbered = any(normalize_label(w) in LINE_LABELS for w in header)
    sides = _half_header(code, header)
    if sides is None or (len(sides) == 1 and code != "D01"):
        return None  # a half alone is read where both halves hold one amount column each (公开01)
    only = next(iter(sides)) if len(sides) == 1 else ""
    if only:  # the other half, printed on its own, has the same one column
        sides.setdefault("expenditure" if only == "income" else "income", sides[only])
    found, index = _half_items(words, first, numbered, only)
    rows: list[dict[str, Item]] = []
    for side, item in found:
        if not side:  # 总计: the side still open in the row before it
            side = "expenditure" if rows and "income" in rows[-1] and "expenditure" not in rows[-1] else "income"
        if only or side == "income" or not rows or "expenditure" in rows[-1]:
            rows.append({})
        rows[-1][side] = item
    if not rows:
        return None
    columns = [sides.get(side, []) for side in SIDES]
    per_side = [[row.get(side, ("", "", [])) for row in rows] for side in SIDES]
    runs = [_runs(items) if len(cols) == 1 else None for items, cols in zip(per_side, columns, strict=True)]
    if any(r is None and any(len(f) > max(len(cols), 1) for _, _, f in items)
           for r, items, cols in zip(runs, per_side, columns, strict=True) if cols):
        return None  # more figures than columns where no run of them explains it
    figures: list[list[str]] = []
    widths: list[int] = []
    at: dict[tuple[int, int, int], tuple[int, int]] = {}  # (side, row, column) → placement cell
    for s, (items, cols) in enumerate(zip(per_side, columns, strict=True)):
        if runs[s] is None:
            for r, (_, _, found_figures) in enumerate(items):
                at.update({(s, r, c): (len(figures), c) for c in range(len(cols))})
                figures.append(found_figures)
                widths.append(len(cols))
            continue
        printed = [f for _, _, f in items if f]
        for run, run_figures in zip(runs[s], [*printed, []], strict=False):  # type: ignore[union-attr]
            if len(run_figures) > len(run):
                return None
            at.update({(s, r, 0): (len(figures), p) for p, r in enumerate(run)})
            figures.append(run_figures)
            widths.append(len(run))
    count = len(rows)
    sums = (_side_sums(columns[0], [n for n, _, _ in per_side[0]])
            + _side_sums(columns[1], [n for n, _, _ in per_side[1]], count)
            + _across(columns[1], [(n, f) for n, _, f in per_side[0]], [n for n, _, _ in per_side[1]]))
    placed = place(figures, widths, _mapped(sums, at, count))
    head: list[str | None] = []
    for cols in columns:
        head += ["项目", *(["行次"] if numbered else []), *(label for _, label in cols)]
    grid: list[list[Shown]] = [head]
    for r in range(count):
        out: list[Shown] = []
        for s, cols in enumerate(columns):
            label, line_no, _ = per_side[s][r]
            out += [label, *([line_no] if numbered else [])]
            for c in range(len(cols)):
                cell = at.get((s, r, c))
                text = placed.cells[cell[0]][cell[1]] if cell else ""
                out.append(text if text is not None else placed.unplaced[cell])  # type: ignore[index]
        grid.append(out)
    return _grid(grid, where), index


def _mapped(sums: list[Sum], at: dict[tuple[int, int, int], tuple[int, int]], count: int) -> list[Sum]:
    """Sums over (row, column) cells of the two sides (expenditure rows from `count` on) in the cells placed: a
    cell no figure can be in (a row left blank) drops out, a sum whose total is such a cell is dropped."""
    def cell(c: tuple[int, int]) -> tuple[int, int] | None:
        side = 1 if c[0] >= count else 0
        return at.get((side, c[0] - side * count, c[1]))

    out = []
    for s in sums:
        total = cell(s.total)
        if total is not None:
            out.append(Sum(total, tuple(p for p in map(cell, s.parts) if p is not None)))
    return out


def _side_sums(columns: list[tuple[str, str]], labels: list[str], offset: int = 0) -> list[Sum]:
    """The sums one side holds (its rows from `offset` on): 本年收入合计 / 本年支出合计 = the items above it, and 总计
    = 本年…合计 + the rows between them (结余分配, 年末结转和结余), column by column; on 公开04's expenditure side
    each item's 合计 = 一般公共预算 + 政府性基金 + 国有资本经营."""
    keys = [k for k, _ in columns]
    sums: list[Sum] = []
    if "total" in keys and (parts := tuple(keys.index(k) for k in FUND_WORDS if k in keys)):
        sums += [Sum((offset + r, keys.index("total")), tuple((offset + r, p) for p in parts))
                 for r, label in enumerate(labels) if label]
    total = next((r for r, label in enumerate(labels) if YEAR_TOTAL_RE.match(normalize_label(label))), None)
    if total is not None:
        items = [r for r in range(total) if labels[r]]
        sums += [Sum((offset + total, c), tuple((offset + r, c) for r in items)) for c in range(len(keys))]
        grand = next((r for r in range(total + 1, len(labels)) if normalize_label(labels[r]) == "总计"), None)
        if grand is not None:
            between = [r for r in range(total, grand) if labels[r]]
            sums += [Sum((offset + grand, c), tuple((offset + r, c) for r in between)) for c in range(len(keys))]
    return sums


def _across(spent: list[tuple[str, str]], items: list[tuple[str, list[str]]], expenditure: list[str]) -> list[Sum]:
    """公开04 across its two sides: 支出总计 = 收入总计, and each 财政拨款 column of 支出总计 = the income rows of that
    kind (本年 and 年初结转和结余). Left out when the 年初 row prints a figure without splitting it by kind."""
    keys = [k for k, _ in spent]
    income = [label for label, _ in items]
    count = len(income)
    grand_in = next((r for r, label in enumerate(income) if normalize_label(label) == "总计"), None)
    grand_out = next((r for r, label in enumerate(expenditure) if normalize_label(label) == "总计"), None)
    if grand_in is None or grand_out is None or "total" not in keys:
        return []
    sums = [Sum((count + grand_out, keys.index("total")), ((grand_in, 0),))]
    opening = next((r for r, label in enumerate(income) if "年初" in label), None)
    kinds = {key: [r for r, label in enumerate(income) if word in label] for key, word in FUND_WORDS.items()}
    if opening is not None and items[opening][1] and not any(r > opening for rows in kinds.values() for r in rows):
        return sums
    sums += [Sum((count + grand_out, keys.index(key)), tuple((r, 0) for r in rows))
             for key, rows in kinds.items() if key in keys and rows]
    return sums


def _sangong(words: list[str], where: Location) -> tuple[Table, int] | None:
    """公开09: groups (预算数, 决算数), then the items of each group, then the 公务用车 parts of each group (a
    header flattened row by row), column numbers, and the figures."""
    groups = [w for w in words if _sangong_group(w) and len(normalize_label(w)) <= 8]
    first = next((i for i, w in enumerate(words) if _figure(w) and not w.isdigit()), None)
    if not groups or first is None:
        return None
    header = [w for w in words[:first] if not w.isdigit() and normalize_label(w) not in COLUMN_NUMBER_LABELS
              and w not in groups]
    numbered = next((_column_numbers(words, i) for i, w in enumerate(words[:first]) if w == "1"), 0)
    parts_at = next((i for i, w in enumerate(header) if _part(w)), len(header))
    items, parts = header[:parts_at], header[parts_at:]
    n = len(groups)
    if len(items) % n or len(parts) % n or not all(_part(p) for p in parts):
        return None
    items, parts = items[:len(items) // n], parts[:len(parts) // n]
    if header[:parts_at] != items * n or header[parts_at:] != parts * n:
        return None
    leaves: list[tuple[str, str]] = []
    for word in items:
        key = "total" if normalize_label(word) in TOTAL_LABELS else _sangong_item(word)
        if key is None:
            return None
        leaves.append((key, word))
        if key == "car" and parts:
            leaves += [(str(_part(p)), p) for p in parts if _part(p) != "car"]
    if any(not k for k, _ in leaves) or (numbered and numbered != len(leaves) * n):
        return None
    index = first
    figures = []
    while index < len(words) and _figure(words[index]):
        figures.append(words[index])
        index += 1
    keys = [k for k, _ in leaves]
    width = len(keys)
    placed = place([figures], width * n, sangong_sums(keys, n))
    upper: list[str | None] = []
    for group in groups:
        upper += [group] + [""] * (width - 1)
    lower: list[str | None] = [label for _ in groups for _, label in leaves]
    return _grid([upper, lower, _amounts(placed, 0)], where), index


def _part(word: str) -> str | None:
    """The 公务用车 part a lower header word names (小计 is the 公务用车 column itself), or None."""
    if normalize_label(word) == "小计":
        return "car"
    key = _sangong_item(word)
    return key if key in ("car_purchase", "car_operation") else None


SANGONG_SUMS = (("total", ("overseas", "car", "reception")), ("car", ("car_purchase", "car_operation")))


def sangong_sums(keys: Sequence[str], groups: int = 1, row: int = 0) -> list[Sum]:
    """The sums a row of 三公 figures holds (合计 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行), per group of
    `keys` (预算数, 决算数 side by side), as cells of ingest.placement."""
    width = len(keys)
    return [Sum((row, g * width + keys.index(total)), tuple((row, g * width + keys.index(p)) for p in parts))
            for g in range(groups) for total, parts in SANGONG_SUMS
            if total in keys and all(p in keys for p in parts)]


# A 预算公开's 部门收支总表: 项目 | 预算数 on each side. Its header cells printed down merged cells come out with the
# letters of both sides interleaved ('收 项 入 目 支' is 收入 and 项目); the sides are told by the items' words.
BUDGET_COLUMN_RE = re.compile(r"^(?:20\d{2}年度?)?(?:本年)?预算(?:数|金额)?$|^金额$")
HEADER_LETTERS = frozenset("收入支出项目")
BUDGET_INCOME_RE = re.compile(r"收入|年初|^使用|上年结转|弥补")
BUDGET_EXPENDITURE_RE = re.compile(r"支出|年末|结余分配|结转下年|转入")


NUMBERED_RE = re.compile(r"^([一二三四五六七八九十]+)、")


def _item_number(word: str) -> int | None:
    """The number an item is printed under ('二十三、预备费' → 23), or None."""
    match = NUMBERED_RE.match(word)
    number = cn_to_decimal(match.group(1)) if match else None
    return int(number) if number is not None else None


def _budget_side(word: str, last: dict[str, int]) -> str:
    """The side a 收支总表 item belongs to: by its words ('上年结转' 收入, '结转下年' 支出), else by its number going on
    from the last number of exactly one side ('二十三、预备费' after '二十二、…支出'); '' when neither says."""
    label = normalize_label(word)
    income, spent = bool(BUDGET_INCOME_RE.search(label)), bool(BUDGET_EXPENDITURE_RE.search(label))
    if income != spent:
        return "income" if income else "expenditure"
    number = _item_number(word)
    following = [side for side, n in last.items() if number is not None and n + 1 == number]
    return following[0] if len(following) == 1 and not (income and spent) else ""


def _budget_header_word(word: str) -> bool:
    label = normalize_label(word)
    return (label in NAME_LABELS or label in SIDE_WORDS or BUDGET_COLUMN_RE.match(label) is not None
            or (len(label) >= 2 and set(label) <= HEADER_LETTERS))


def _budget_summary(words: list[str], where: Location) -> tuple[Table, int] | None:
    """部门收支总表 (预算): 项目 | 预算数 on each side, its items in reading order, each label then at most its one
    figure, the side told by the label's words (收入 / 支出, 上年结转 / 结转下年 …). The header may print only the
    first side's 预算数: the second side's, printed among the items, carries the figures after it away from their
    row — they belong to that side's items printed before it without a figure, and are placed only when those
    items leave one choice; else each such cell is marked not placed, for the reader to report."""
    first = next((i for i, w in enumerate(words) if not _budget_header_word(w)), None)
    if first is None:
        return None
    header = words[:first]
    columns = [w for w in header if BUDGET_COLUMN_RE.match(normalize_label(w))]
    if not 1 <= len(columns) <= 2 or any(_figure(w) for w in header):
        return None
    sides: dict[str, list[tuple[str, list[str]]]] = {"income": [], "expenditure": []}
    moved: list[str] = []  # figures printed after the second side's displaced 预算数
    moved_after = 0  # how many expenditure items were printed before that header
    last = {"income": 0, "expenditure": 0}  # the last item number printed on each side
    index = first
    while index < len(words):
        word = words[index]
        if BUDGET_COLUMN_RE.match(normalize_label(word)) and len(columns) == 1 and not moved:
            columns.append(word)
            index += 1
            while index < len(words) and _figure(words[index]):
                moved.append(words[index])
                index += 1
            moved_after = len(sides["expenditure"])
            if not moved:
                return None
            continue
        side = _budget_side(word, last)
        if not side or _figure(word):
            break
        if (number := _item_number(word)) is not None:
            last[side] = number
        index += 1
        figures = []
        while index < len(words) and _figure(words[index]):
            figures.append(words[index])
            index += 1
        if len(figures) > 1:
            return None  # one 预算数 per side: two figures after one item are not where they seem
        sides[side].append((word, figures))
    if len(columns) != 2 or not sides["income"] or not sides["expenditure"]:
        return None
    spent: list[tuple[str, Shown]] = [(label, figures[0] if figures else "") for label, figures in sides["expenditure"]]
    if moved:
        open_rows = [r for r in range(moved_after) if not spent[r][1] and not TOTAL_WORD_RE.search(spent[r][0])]
        if len(open_rows) < len(moved):
            return None
        options: dict[int, set[str]] = {r: set() for r in open_rows}
        for chosen in itertools.combinations(open_rows, len(moved)):
            for r in open_rows:
                options[r].add(moved[chosen.index(r)] if r in chosen else "")
        for r in open_rows:
            held = sorted(options[r], key=lambda t: (not t, t))
            spent[r] = (spent[r][0], held[0] if len(held) == 1 else tuple(held))
    income = [(label, figures[0] if figures else "") for label, figures in sides["income"]]
    grid: list[list[Shown]] = [["项目", columns[0], "项目", columns[1]]]
    for left, right in itertools.zip_longest(income, spent, fillvalue=("", "")):
        grid.append([left[0], left[1], right[0], right[1]])
    return _grid(grid, where), index


TOTAL_WORD_RE = re.compile(r"合计|总计")
