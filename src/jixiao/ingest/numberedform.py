"""A form printed as text with its columns numbered (a 列次 row) and its rows numbered (a 行次 column).

The header's cells come one per line, each followed by its letter or formula on the next line ('全年预算数' / '(A)',
'预算执行' / '(E/C×100%)'); the 列次 row then numbers the columns from the 行次 column on ('列次 0 1 2 … 7', a trailing
column's lower tier after the numbers); each row is a label, its 行次 and its figures separated by spaces, a row
split after its first figure going on on the next line, and a trailing column's words after the figures:

    资金投入情况
    (万元)
    行次 全年预算数
    (A)
    …
    预算执行
    (E/C×100%)
    佐证材料
    列次 0 1 2 3 4 5 6 7 所需材料 上传端口
    年度资金总额(万元): 1 80.000000
    80.000000 80.000000 100.00% 60.000000 75.00%

The column numbers say how many columns there are. A row with fewer figures than figure columns has its blanks
placed by what the header's formulas say (ingest.placement: a rate's cell holds part ÷ whole of the columns its
letters name, and a rate printed needs both), a percentage only ever in a rate's column; a cell two placements
disagree on is marked not placed, never guessed. 行次 and 列次 numbers are never figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.core.money import is_number
from jixiao.core.provenance import Location
from jixiao.ingest.placement import Rate, place
from jixiao.ingest.source import Block, Cell, Paragraph, Row, Table

COLUMN_NUMBERS_RE = re.compile(r"^\s*(?:列次|栏次)\s+((?:\d{1,2}\s+)*\d{1,2})(?:\s+(\D.*))?$")
LINE_HEADER = "行次"
CAPTION_RE = re.compile(r"^[（(][^()（）]{1,20}[)）]$")  # '(A)', '(D/C×100%)', '(万元)'
UNIT_CAPTION_RE = re.compile(r"^[（(]\s*(?:万元|元|亿元)\s*[)）]$")
LETTER_RE = re.compile(r"[（(]\s*([A-Z])\s*[)）]$")
FORMULA_RE = re.compile(r"[（(]\s*([A-Z])\s*/\s*([A-Z])\s*(?:[×*xX]\s*100\s*[%％])?\s*[)）]$")
SENTENCE_RE = re.compile(r"[。；;！？!?]|[：:]$")
CELL_LENGTH = 40
LINE_GAP = 2  # lines between the label column's header and the 行次 line (a blank line may stand between)
ROWS_MIN = 2


def _figure(word: str) -> bool:
    return is_number(word.rstrip("%％"))


def _percent(word: str) -> bool:
    return word.endswith(("%", "％"))


def _short(block: Block, plain: set[int]) -> str | None:
    """A paragraph's text when it can be a header cell line, else None."""
    if id(block) not in plain or not isinstance(block, Paragraph):
        return None
    text = block.text.strip()
    return text if text and len(text) <= CELL_LENGTH and not SENTENCE_RE.search(text) else None


def numbered_forms(blocks: list[Block], plain: set[int], path: str) -> list[Block]:
    """The blocks with each form of numbered columns and rows (see the module's doc) rebuilt as a Table."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        numbers = (
            COLUMN_NUMBERS_RE.match(block.text)
            if id(block) in plain and isinstance(block, Paragraph)
            else None
        )
        found = _form(blocks, plain, index, numbers, path) if numbers else None
        if found is None:
            out.append(block)
            index += 1
            continue
        start, table, end = found
        del out[len(out) - (index - start) :]  # its header's lines, taken already as paragraphs
        out.append(table)
        index = end
    return out


def _header_start(blocks: list[Block], plain: set[int], index: int) -> tuple[int, int, str] | None:
    """(first block of the header, the 行次 line's block, the label column's header) above the 列次 row at `index`."""
    at = index - 1
    while at >= 0 and (text := _short(blocks[at], plain)) is not None and text.split()[0] != LINE_HEADER:
        at -= 1
    if at < 0 or (text := _short(blocks[at], plain)) is None or text.split()[0] != LINE_HEADER:
        return None
    lines, start, label = at, at, ""
    above = [b for b in blocks[max(0, at - 2) : at]]
    if (
        len(above) == 2
        and UNIT_CAPTION_RE.match(above[1].text.strip())
        and _short(above[0], plain) is not None
        and (blocks[at].location.line or 0) - (above[0].location.line or 0) <= LINE_GAP + 1
    ):
        start, label = at - 2, above[0].text.strip() + above[1].text.strip()  # '资金投入情况' / '(万元)'
    return start, lines, label


def _form(
    blocks: list[Block], plain: set[int], index: int, numbers: re.Match[str], path: str
) -> tuple[int, Table, int] | None:
    """(first block, the table, the block after it) of the form whose 列次 row is at `index`, or None."""
    numbered = [int(n) for n in numbers.group(1).split()]
    if numbered != list(range(numbered[0], numbered[0] + len(numbered))) or numbered[0] not in (0, 1):
        return None
    head = _header_start(blocks, plain, index)
    if head is None:
        return None
    start, lines, label = head
    cells: list[str] = []
    for block in blocks[lines:index]:
        text = block.text.strip()
        if CAPTION_RE.match(text) and cells:
            cells[-1] += text  # a cell's letter or formula printed under it
        else:
            cells.extend(text.split())
    count = (
        len(numbered) - 1 if numbered[0] == 0 else len(numbered)
    )  # the figure columns (行次 numbered 0 or not)
    if len(cells) < 1 + count:
        return None
    columns, trailing = cells[1 : 1 + count], cells[1 + count :]
    rows, end = _rows(blocks, plain, index + 1)
    if (
        len(rows) < ROWS_MIN
        or not any(figures for _, _, figures, _, _ in rows)
        or any(len(figures) > count for _, _, figures, _, _ in rows)
    ):
        return None
    placed = _placed([figures for _, _, figures, _, _ in rows], columns)
    where = Location(document=path, line=blocks[start].location.line)
    header = [label, LINE_HEADER, *columns, *([" ".join(trailing)] if trailing else [])]
    built = [
        Row(
            tuple(Cell(t, where.with_(row="1", column=str(c))) for c, t in enumerate(header, start=1)),
            where.with_(row="1"),
        )
    ]
    for number, ((name, line_no, _, words, line), shown) in enumerate(
        zip(rows, placed, strict=True), start=2
    ):
        at = Location(document=path, line=line, row=str(number))
        row = [Cell(name, at.with_(column="1")), Cell(line_no, at.with_(column="2"))]
        for c, text in enumerate(shown, start=3):
            row.append(
                Cell("或".join(t or "空" for t in text), at.with_(column=str(c)), placed=False)
                if isinstance(text, tuple)
                else Cell(text, at.with_(column=str(c)))
            )
        if trailing:
            row.append(Cell(" ".join(words), at.with_(column=str(len(row) + 1))))
        built.append(Row(tuple(row), at))
    return start, Table(tuple(built), where), end


def _rows(
    blocks: list[Block], plain: set[int], index: int
) -> tuple[list[tuple[str, str, list[str], list[str], int | None]], int]:
    """(label, 行次, figures, trailing words, line) of each row from `index`, and the block after the last: a row
    opens at a line whose words before its 行次 (the next row number) are all words; a line of figures goes on with
    the row above."""
    rows: list[tuple[str, str, list[str], list[str], int | None]] = []
    expected: int | None = None
    at = index
    while at < len(blocks) and id(blocks[at]) in plain and isinstance(blocks[at], Paragraph):
        words = blocks[at].text.split()
        opened = next((i for i, w in enumerate(words) if w.isdigit() and len(w) <= 3), None)
        if (
            opened
            and not any(_figure(w) for w in words[:opened])
            and (expected is None or words[opened] == str(expected))
        ):
            rows.append((" ".join(words[:opened]), words[opened], [], [], blocks[at].location.line))
            expected = int(words[opened]) + 1
            rest = words[opened + 1 :]
        elif rows and words and _figure(words[0]):
            rest = words
        else:
            break
        _, _, figures, trailing, _ = rows[-1]
        for word in rest:
            if _figure(word) and not trailing:
                figures.append(word)
            elif _figure(word):
                return [], index  # a figure after the trailing column's words: not this layout
            else:
                trailing.append(word)
        at += 1
    return rows, at


def _placed(figures: Sequence[Sequence[str]], columns: Sequence[str]) -> list[list[str | tuple[str, ...]]]:
    """Each row's figures in the figure columns: placed by the rates the header's formulas name (see the module's
    doc); a cell the placements disagree on as what it may hold."""
    letters = {m.group(1): c for c, name in enumerate(columns) if (m := LETTER_RE.search(name))}
    rates = {
        c: (letters[m.group(1)], letters[m.group(2)])
        for c, name in enumerate(columns)
        if (m := FORMULA_RE.search(name)) and m.group(1) in letters and m.group(2) in letters
    }
    constraints = [
        Rate((r, c), (r, part), (r, whole), printed=sum(1 for f in row if _percent(f)) == len(rates))
        for r, row in enumerate(figures)
        for c, (part, whole) in rates.items()
    ]
    placement = place(figures, len(columns), constraints)
    out: list[list[str | tuple[str, ...]]] = []
    for r in range(len(figures)):
        row: list[str | tuple[str, ...]] = []
        for c in range(len(columns)):
            text = placement.cells[r][c]
            if text is not None and text and _percent(text) != (c in rates):
                text = None  # a percentage outside a rate's column, or a rate's column holding an amount
            row.append(text if text is not None else placement.unplaced.get((r, c), (text or "",)))
        out.append(row)
    return out
