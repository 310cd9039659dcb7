"""A table printed one row per line with its cells separated by spaces (a web table saved as text, no bars).

    单位:元
    项目 2023年执行数 2024年预算数
    一、支出合计   8000
    1、公务接待费 3000 5000
    2、公务用车购置费␣␣␣␣      (␣: a space kept at the line's end)

Each line is a row: its label, then one cell per column. The cells were joined with one space, and an empty
cell was printed as one space too (a web page's &nbsp;): a run of three spaces between two cells is one empty
cell, four spaces at the line's end are two. Some pages print an empty cell as nothing at all instead (two
spaces for one empty cell). A table is read only when ONE of these two ways places every row at the header's
width; a row neither way places (its trailing spaces lost, a gap of the wrong length) keeps its figures, marked
not placed, for the reader to report — never guessed. A row of only a label is a row of empty cells; a row with
more words than columns is a label with spaces in it only when the columns after it hold figures or nothing.

The table is taken only under a unit caption ('单位:万元') directly above a header line '项目' + column names;
a second header line of column names under a header with one column name splits that column ('2024年预算数'
over '小计 其中:一般公共预算'). Lines indented with spaces are rows all the same: leading spaces are the
row's indentation, not empty label cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.core.money import is_number
from jixiao.core.provenance import Location
from jixiao.ingest.source import Block, Cell, Paragraph, Row, Table

CAPTION_RE = re.compile(r"单位\s*[:：]\s*(万元|元|亿元)\s*$")
HEADER_LABEL_RE = re.compile(r"^项\s*目(?:及编号|名称)?$")
COLUMN_WORD_RE = re.compile(r"预算|决算|执行|合计|小计|金额|增减|安排数|^20\d{2}年度?$")  # or a year alone: '2031年度'
SPAN_PREFIX = 2  # leaves sharing this many first characters with one upper column sit under it
SENTENCE_RE = re.compile(r"[，。；;！？!?]|[：:]$")
ROW_LENGTH = 80
ROWS_MIN = 3
FIGURE_ROWS_MIN = 2
SPACES = str.maketrans({"\xa0": " ", "\u3000": " "})
PADDED, BARE = "padded", "bare"  # an empty cell printed as one space / as nothing


def _figure(text: str) -> bool:
    return is_number(text.rstrip("%％"))


def _column_words(text: str) -> list[str] | None:
    """The words of a line of column names (no figures, each naming a column), or None."""
    words = text.split()
    if not words or any(_figure(w) or SENTENCE_RE.search(w) or not COLUMN_WORD_RE.search(w) for w in words):
        return None
    return words


def _header(text: str) -> list[str] | None:
    """The column names after '项目' on a header line, or None when the line is not one."""
    match = re.match(r"^\s*(项\s*目\S*)\s+(.*)$", text)
    if match is None or not HEADER_LABEL_RE.match(match[1]):
        return None
    return _column_words(match[2])


def split_cells(text: str, way: str) -> list[str]:
    """The cells of one row, an empty cell printed as one space (PADDED) or as nothing (BARE); [] when the
    spacing fits neither (a gap of an even number of spaces in a PADDED row)."""
    body = text.translate(SPACES).lstrip(" ").rstrip("\r\n")
    parts = re.split(r"( +)", body)
    cells: list[str] = [parts[0]]
    for gap, word in zip(parts[1::2], parts[2::2], strict=True):
        width = len(gap)
        if word:
            if way == PADDED and width % 2 == 0:
                return []
            empties = (width - 1) // 2 if way == PADDED else width - 1
        else:  # the spaces at the line's end
            if way == PADDED and width % 2:
                return []
            empties = width // 2 if way == PADDED else width
        cells += [""] * empties + ([word] if word else [])
    return cells


def fit_row(text: str, width: int, way: str) -> list[str] | None:
    """Label + `width` cells of a row read one way, or None when that way does not give the header's width."""
    if len(text.split()) == 1 and not text.translate(SPACES).rstrip("\r\n").endswith(" "):
        return [text.strip()] + [""] * width  # a label alone: nothing to place
    cells = split_cells(text, way)
    if not cells or not cells[0]:
        return None
    if len(cells) > width + 1:  # a label with spaces in it, when everything after it is a figure or blank
        label, rest = cells[:len(cells) - width], cells[len(cells) - width:]
        if not all(label) or any(_figure(w) for w in label) or not all(not c or _figure(c) for c in rest):
            return None
        cells = [" ".join(label), *rest]
    return cells if len(cells) == width + 1 else None


def _is_row(paragraph: Block, plain: set[int]) -> bool:
    if id(paragraph) not in plain or not isinstance(paragraph, Paragraph):
        return False
    words = paragraph.text.split()
    return bool(words) and len(paragraph.text.strip()) <= ROW_LENGTH and not SENTENCE_RE.search(words[0]) \
        and not any(SENTENCE_RE.search(w) for w in words[1:]) and not _figure(words[0])


def _unplaced(text: str, width: int) -> list[str | tuple[str, ...]]:
    """A row no way places: its label (its words up to the first figure), then in each column what it may hold."""
    words = text.split()
    at = next((i for i, w in enumerate(words) if i and _figure(w)), len(words))
    label, values = " ".join(words[:at]), words[at:]
    shown = tuple(dict.fromkeys([*values, ""])) if len(values) < width else tuple(dict.fromkeys(values))
    return [label, *([shown] * width)]


def _cell(text: str | tuple[str, ...], at: Location) -> Cell:
    if isinstance(text, tuple):
        return Cell("或".join(t or "空" for t in text), at, placed=False)
    return Cell(text, at)


def _rows(texts: Sequence[str], width: int) -> list[list[str | tuple[str, ...]]]:
    """Each row's cells, by the way of printing the rows show: the way that places every row another way
    places and at least one more. A row that way does not place (or, when the rows show no way, a row the two
    ways place differently) is not placed."""
    fitted = {way: [fit_row(t, width, way) for t in texts] for way in (PADDED, BARE)}
    placed = {way: {i for i, f in enumerate(rows) if f is not None} for way, rows in fitted.items()}
    shown = [way for way, other in ((PADDED, BARE), (BARE, PADDED)) if placed[other] < placed[way]]
    out: list[list[str | tuple[str, ...]]] = []
    for i, text in enumerate(texts):
        cells = fitted[shown[0]][i] if shown else (
            fitted[PADDED][i] if fitted[PADDED][i] == fitted[BARE][i] else None)
        out.append(list(cells) if cells is not None else _unplaced(text, width))
    return out


def _spanning(names: list[str], leaves: list[str]) -> int | None:
    """Which column name a second header line of leaves sits under: the only one when there is one ('2031年预算数'
    over '小计 其中:一般公共预算'), else the one name holding the leaves' common first characters ('2031比2030增减'
    over '增减值 增减%'); None when no one name does."""
    if len(names) == 1:
        return 0
    prefix = leaves[0][:SPAN_PREFIX]
    if len(prefix) < SPAN_PREFIX or not all(leaf.startswith(prefix) for leaf in leaves):
        return None
    holding = [i for i, name in enumerate(names) if prefix in name]
    return holding[0] if len(holding) == 1 else None


def _goes_on(text: str, after: Block, plain: set[int], width: int) -> bool:
    """A row printed over two lines, its figures on the next: the row holds fewer than `width` figures, the next line
    holds only figures, and together they hold exactly `width`."""
    if id(after) not in plain or not isinstance(after, Paragraph):
        return False
    more = after.text.split()
    held = [w for w in text.split()[1:] if _figure(w)]  # the first word is the label ('1.' numbers it)
    return bool(more) and all(_figure(w) for w in more) and len(held) + len(more) == width


def spaced_tables(blocks: list[Block], plain: set[int], path: str) -> list[Block]:
    """The blocks with each space-separated table (see the module's doc) rebuilt as a Table."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        captioned = bool(out) and id(out[-1]) in plain and isinstance(out[-1], Paragraph) \
            and bool(CAPTION_RE.search(out[-1].text.strip()))
        names = _header(block.text) if captioned and id(block) in plain and isinstance(block, Paragraph) else None
        if names is None:
            out.append(block)
            index += 1
            continue
        header_rows = [["项目", *names]]
        first = index + 1
        if (first < len(blocks) and id(blocks[first]) in plain and isinstance(blocks[first], Paragraph)
                and (leaves := _column_words(blocks[first].text)) and len(leaves) > 1
                and (spans := _spanning(names, leaves)) is not None):
            header_rows = [["项目", *names[:spans + 1], *[""] * (len(leaves) - 1), *names[spans + 1:]],
                           ["", *[""] * spans, *leaves, *[""] * (len(names) - spans - 1)]]
            first += 1
        width = len(header_rows[-1]) - 1
        end = first
        row_lines: list[int | None] = []
        texts = []
        while end < len(blocks) and _is_row(blocks[end], plain):
            texts.append(blocks[end].text)
            row_lines.append(blocks[end].location.line)
            after = blocks[end + 1] if end + 1 < len(blocks) else None
            if after is not None and _goes_on(texts[-1], after, plain, width):
                texts[-1] = f"{texts[-1].rstrip()} {after.text.strip()}"  # the row's figures on the next line
                end += 1
            end += 1
        rows = _rows(texts, width)
        if len(rows) < ROWS_MIN or sum(1 for r in rows if any((isinstance(c, str) and _figure(c)) or isinstance(c, tuple)
                                                              for c in r[1:])) < FIGURE_ROWS_MIN:
            out.append(block)
            index += 1
            continue
        built: list[Row] = []
        lines = [blocks[i].location.line for i in range(index, first)] + row_lines
        for number, (cells, line) in enumerate(zip([*header_rows, *rows], lines, strict=True), start=1):
            at = Location(document=path, line=line, row=str(number))
            built.append(Row(tuple(_cell(c, at.with_(column=str(i + 1))) for i, c in enumerate(cells)), at))
        out.append(Table(tuple(built), Location(document=path, line=block.location.line)))
        index = end
    return out
