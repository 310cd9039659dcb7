"""A section of a self-evaluation form copied one cell per line whose header has two tiers: a header cell spanning
several columns over the cells that split it (年初预算数 over 目标申报 | 预算编制, 年度指标 over 年初指标 | 调整后指标),
and below the header, rows of figures and words (偏差原因) whose row ends were lost.

The header reaches the text in one of three shapes:

- kept as a grid, an empty cell where a cell spans (a Word or spreadsheet table: every row as wide as the table):
  ``资金来源 | 年初预算数 | (empty) | 全年预算数 | … | 偏差原因`` then ``(empty) | 目标申报 | 预算编制 | (empty) …``;
- each tier's cells in order, a spanning cell printed once (a web page's table): ``资金来源 | 年初预算数 | 全年预算数 |
  … | 偏差原因 | 目标申报 | 预算编制``;
- the spanning cell followed by the cells under it: ``资金来源 | 年初预算数 | 目标申报 | 预算编制 | 全年预算数 | …``.

Every way the header's cells allow is tried. A layout is kept only when each column is known by its words
(ingest.formcolumns: no two columns hold the same field, the first column is the rows' label, a spanning cell names a
field of the family of those under it — an amount over amounts, a target over targets) and the cells below fall into
rows of its width. Printed with their empty cells, the rows are cut by count: a fund row opens at its label and holds
figures (or nothing) under the amount, rate and score columns; an indicator row opens at its 一级 level (or at the
empty cell kept for it), or — the level cells merged from the rows above, printed once — at its 二级 level or at its
name, one or two cells short, and holds figures (or nothing) under 分值 and 得分; a level word or a fund label stands
nowhere but where a row opens; the table ends at a word no row can open with or at a total row (总分 / 合计 and its
figures), and a figure there says the cells do not fall into rows. Where cells are left over — an empty cell dropped
with its blank line shifts the rows after it — the rows are cut at their labels instead, and taken only when each row's
cells can be set under the columns one way (figures under the columns of figures, words under the reason: seven
figures and seven such columns leave the reason as the empty cell); where several ways fit, only the rows before it are
the table. The section is read only when exactly one layout with two tiers remains and no layout of one tier fits;
otherwise None, and the cells are left to the other readers, who report what they cannot place — nothing is guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from jixiao.ingest.formcolumns import (
    CELL_UNIT_RE,
    FUND_ROW_RE,
    INDICATOR_ROW_RE,
    NOT_APPLICABLE,
    TOTAL_LABEL_WORD_RE,
    budget_field,
    figure_cell,
    indicator_field,
    same_family,
)
from jixiao.ingest.headers import normalize_label

HEADER_CELLS_MAX = 30
SPANNED_CELLS_MAX = 16  # a header printed without its empty cells: the layouts of so many cells are still few
PARENTS_MAX = 3
SPAN_MIN = 2
# The columns that hold figures or nothing.
FIGURE_FIELDS = frozenset({"initial_declared", "initial", "adjusted", "executed", "expected", "carryover",
                           "reported_rate", "reported_score", "weight"})

Cells = tuple[int | None, ...]  # per column, the index of the cell printed there (None: no cell printed there)
Grid = tuple[Cells, Cells]  # a header's two tiers


@dataclass(frozen=True)
class Spanned:
    """A section rebuilt: its header's two tiers and its rows, per column the index of the cell printed there (None:
    a cell not printed — under a spanning header cell, or merged from the row above), and the first cell after it."""

    header: Grid
    rows: tuple[Cells, ...]
    end: int


def _level(text: str) -> bool:
    return bool(INDICATOR_ROW_RE.match(normalize_label(text)))


def _figure_or_blank(text: str) -> bool:
    text = text.strip()
    return not text or text in NOT_APPLICABLE or figure_cell(CELL_UNIT_RE.sub("", text))


def _kind(text: str) -> str | None:
    if indicator_field(text) == "level1":
        return "indicator"
    if budget_field(text) == "source":
        return "budget"
    return None


def _header_end(texts: Sequence[str], start: int, kind: str) -> int | None:
    """Where the first row below the header opens: a fund row at the label before the first figure, an indicator row
    at the first level word. None when a figure stands inside the header or it runs too long."""
    for end in range(start + 1, min(len(texts), start + HEADER_CELLS_MAX + 1)):
        text = texts[end]
        if kind == "indicator" and _level(text):
            return end
        if figure_cell(text):
            return end - 1 if kind == "budget" and end - 1 > start and texts[end - 1] else None
    return None


def _kept(cells: Sequence[str]) -> Iterator[Grid]:
    """The header kept as a grid: two rows of equal width, an empty upper cell after each cell spanning (the cells
    under it filled), an empty lower cell under each cell spanning down."""
    width, odd = divmod(len(cells), 2)
    if odd or not cells[0]:
        return
    upper, lower = cells[:width], cells[width:]
    spans = 0
    for at in range(width):
        if not upper[at]:
            continue
        end = next((c for c in range(at + 1, width) if upper[c]), width)
        under = lower[at:end]
        if end - at == 1 and under[0]:
            return
        if end - at > 1:
            if not all(under):
                return
            spans += 1
    if spans:
        yield tuple(range(width)), tuple(range(width, 2 * width))


def _grid(parents: dict[int, list[int]], upper: Sequence[int]) -> Grid:
    top: list[int | None] = []
    bottom: list[int | None] = []
    for cell in upper:
        children = parents.get(cell, [])
        top += [cell, *[None] * (len(children) - 1)] if children else [cell]
        bottom += list(children) if children else [None]
    return tuple(top), tuple(bottom)


def _sizes(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    """Each way of cutting `total` cells into `parts` runs of at least SPAN_MIN, in order."""
    if parts == 1:
        if total >= SPAN_MIN:
            yield (total,)
        return
    for first in range(SPAN_MIN, total - SPAN_MIN * (parts - 1) + 1):
        for rest in _sizes(total - first, parts - 1):
            yield (first, *rest)


def _row_major(count: int, spans: Callable[[int, Sequence[int]], bool]) -> Iterator[Grid]:
    """The upper tier's cells, each spanning cell once, then the lower tier's: the lower cells cut into runs, each
    under one upper cell that `spans` them, in order."""
    for split in range(SPAN_MIN, count - SPAN_MIN + 1):
        lower = list(range(split, count))
        for parts in range(1, min(PARENTS_MAX, len(lower) // SPAN_MIN) + 1):
            for sizes in _sizes(len(lower), parts):
                runs = [lower[sum(sizes[:i]):sum(sizes[:i + 1])] for i in range(parts)]
                for chosen in itertools.combinations(range(split), parts):
                    if all(spans(parent, run) for parent, run in zip(chosen, runs, strict=True)):
                        yield _grid(dict(zip(chosen, runs, strict=True)), range(split))


def _after_parent(count: int, spans: Callable[[int, Sequence[int]], bool]) -> Iterator[Grid]:
    """Each spanning cell followed at once by the cells under it (those it `spans`)."""
    def place(at: int, left: int) -> Iterator[dict[int, list[int]]]:
        if left == 0:
            yield {}
            return
        for parent in range(at, count - SPAN_MIN):
            for size in range(SPAN_MIN, count - parent):
                run = list(range(parent + 1, parent + 1 + size))
                if spans(parent, run):
                    for rest in place(parent + 1 + size, left - 1):
                        yield {parent: run, **rest}

    for parts in range(1, PARENTS_MAX + 1):
        for parents in place(1, parts):
            children = {c for run in parents.values() for c in run}
            yield _grid(parents, [c for c in range(count) if c not in children])


def _fields(texts: Sequence[str], grid: Grid, field: Callable[[str], str | None]) -> list[str | None] | None:
    """Each column's field by its header path ('年初预算数/目标申报'), or None when the layout cannot be the form's: two
    columns of one field, or a spanning cell naming no field of the family of those under it."""
    upper, lower = grid
    fields: list[str | None] = []
    top = ""
    parent: str | None = None
    for column, (above, below) in enumerate(zip(upper, lower, strict=True)):
        if above is not None and texts[above]:
            top = texts[above]
            parent = field(top)
        under = texts[below] if below is not None else ""
        if under:
            own = field(under)
            if parent is None or own is None or not same_family(parent, own):
                return None
        elif above is None or not texts[above]:
            return None  # an empty cell under a spanning one
        fields.append(field(f"{top}/{under}" if under else top))
        if column == 0 and under:
            return None  # the label column spans down
    named = [f for f in fields if f is not None]
    return fields if len(named) == len(set(named)) else None


def _budget_rows(texts: Sequence[str], at: int, fields: Sequence[str | None]) -> tuple[list[Cells], int]:
    width = len(fields)
    rows: list[Cells] = []
    while at + width <= len(texts):
        cells = texts[at:at + width]
        if not cells[0] or figure_cell(cells[0]) or any(
                FUND_ROW_RE.match(normalize_label(c)) for c in cells[1:] if c) or not all(
                _figure_or_blank(c) for c, f in zip(cells, fields, strict=True) if f in FIGURE_FIELDS):
            break
        rows.append(tuple(range(at, at + width)))
        at += width
    return rows, at


def _indicator_rows(texts: Sequence[str], at: int, fields: Sequence[str | None]) -> tuple[list[Cells],
                                                                                          int]:
    """Rows from `at`: a row opened at its 一级 level (or at an empty cell kept for it) is the table's width; one opened
    at its 二级 level leaves out the 一级 cell, one opened at its name both (merged from the rows above)."""
    width = len(fields)
    rows: list[Cells] = []
    while at < len(texts):
        text = texts[at]
        if rows and TOTAL_LABEL_WORD_RE.match(normalize_label(text)):
            end = at + 1
            while end < len(texts) and end - at < width and _figure_or_blank(texts[end]):
                end += 1
            while not texts[end - 1]:
                end -= 1  # the empty cells after its figures are the table's padding
            rows.append(tuple(range(at, end)))
            return rows, end
        following = texts[at + 1] if at + 1 < len(texts) else ""
        lead = 0 if not text or (_level(text) and _level(following)) else 1 if _level(text) else 2
        if lead and not rows:
            break
        if at + width - lead > len(texts):
            break
        row: tuple[int | None, ...] = (*[None] * lead, *range(at, at + width - lead))
        cells = [texts[i] if i is not None else "" for i in row]
        if not (all(not c or _level(c) for c in cells[:2]) and cells[2] and not figure_cell(cells[2])
                and not any(_level(c) for c in cells[2:])
                and all(_figure_or_blank(c) for c, f in zip(cells, fields, strict=True) if f in FIGURE_FIELDS)):
            break
        rows.append(row)
        at += width - lead
    return rows, at


def _accepts(field: str | None, text: str) -> bool:
    """Whether a cell of a row whose empty cells may have been dropped can stand under a column: a figure under the
    columns of figures, words under the reason, a level word under a level, a name under the name, and no fund label
    or level word elsewhere; an empty cell (printed as such) anywhere but under the label, a level or the name."""
    if field in ("source", "level1", "level2", "name"):
        return bool(text) and not figure_cell(text) and (_level(text) if field in ("level1", "level2") else
                                                          not _level(text))
    if not text:
        return True
    if field in FIGURE_FIELDS:
        return _figure_or_blank(text)
    if _level(text) or FUND_ROW_RE.match(normalize_label(text)):
        return False
    return not figure_cell(text) if field == "deviation_reason" else True


def _placements(cells: Sequence[int], fields: Sequence[str | None], texts: Sequence[str]) -> list[Cells]:
    """The ways (up to two) of setting a row's cells, in order, under its columns, the first under the first column,
    each where it `_accepts`; the columns left over are cells not printed (empty). Two ways that differ only in where
    an empty cell stands read alike and count once."""
    found: dict[tuple[str, ...], Cells] = {}

    def place(cell: int, column: int, chosen: tuple[int | None, ...]) -> None:
        if len(found) > 1:
            return
        if cell == len(cells):
            row = (*chosen, *[None] * (len(fields) - column))
            found.setdefault(tuple(texts[i] if i is not None else "" for i in row), row)
            return
        last = len(fields) - (len(cells) - cell)  # the columns the cells after this one still need
        for at in range(column, last + 1 if cell else column + 1):
            if _accepts(fields[at], texts[cells[cell]]):
                place(cell + 1, at + 1, (*chosen, *[None] * (at - column), cells[cell]))

    if len(cells) <= len(fields):
        place(0, 0, ())
    return list(found.values())


def _anchored_rows(texts: Sequence[str], at: int, kind: str, fields: Sequence[str | None]) -> list[Cells] | None:
    """The rows of a stream whose empty cells may have been dropped (cells between blank lines, an empty cell left
    without its blank line): each row opens at its label — a fund label, a level word — and runs to the next; its
    cells are set under the columns the one way they fit (`_placements`), else None. Rows opened at a name (their
    level cells merged from above) have nothing to open at: their cells run into the row before, which then fits
    no way."""
    end = len(texts)
    while end > at and not texts[end - 1]:
        end -= 1
    opens = [i for i in range(at, end) if texts[i] and not figure_cell(texts[i]) and (
        FUND_ROW_RE.match(normalize_label(texts[i])) if kind == "budget" else
        (_level(texts[i]) and not (i > at and _level(texts[i - 1]))) or TOTAL_LABEL_WORD_RE.match(
            normalize_label(texts[i])))]
    if not opens or opens[0] != at:
        return None
    rows: list[Cells] = []
    for start, stop in itertools.pairwise([*opens, end]):
        cells = list(range(start, stop))
        if kind == "indicator" and TOTAL_LABEL_WORD_RE.match(normalize_label(texts[start])):
            if stop != end or not all(_figure_or_blank(texts[i]) for i in cells[1:]):
                return None
            rows.append(tuple(cells))
            continue
        lead = 0 if kind == "budget" or (stop - start > 1 and _level(texts[start + 1])) else 1
        placed = _placements(cells, fields[lead:], texts)
        if len(placed) != 1 or (lead and not rows):
            return None
        rows.append((*[None] * lead, *placed[0]))
    return rows


def _rows(texts: Sequence[str], at: int, kind: str, fields: Sequence[str | None]) -> tuple[
        list[Cells], int] | None:
    """The rows below a header with these columns, and the first cell after them; None when they do not fit. Rows of
    the header's width, their empty cells printed, are cut by their count (a row opened at a level or a name one or
    two cells short); they fit when each holds figures (or nothing) under the columns of figures, a fund label or a
    level word only where it opens, and what follows them is no figure. When cells are left over, the empty cells
    perhaps dropped, the rows are cut at their labels instead, taken when each can be set under the columns one way
    only (`_anchored_rows`); else the rows that fit by count are the table and the cells after them are not its."""
    if kind == "budget":
        if fields[0] != "source" or not any(f in FIGURE_FIELDS for f in fields):
            return None
        rows, end = _budget_rows(texts, at, fields)
    else:
        if list(fields[:3]) != ["level1", "level2", "name"] or not {"weight", "reported_score"} & set(fields):
            return None
        rows, end = _indicator_rows(texts, at, fields)
    if not rows or any(texts[end:]):  # cells left over: rows whose empty cells were dropped may follow
        anchored = _anchored_rows(texts, at, kind, fields)
        if anchored is not None:
            rows, end = anchored, len(texts)
        elif not rows or figure_cell(next((t for t in texts[end:] if t), "")):
            return None
    figures = [texts[i] for row in rows for i, f in zip(row, fields, strict=False)
               if i is not None and f in FIGURE_FIELDS and texts[i]]
    return (rows, end) if figures else None


def spanned_section(texts: Sequence[str], start: int) -> Spanned | None:
    """The section whose header opens at `start` (its label column's header: 资金来源 or 一级指标), when its header has
    two tiers and exactly one layout of them fits the cells below (see the module's note); else None."""
    kind = _kind(texts[start])
    if kind is None:
        return None
    at = _header_end(texts, start, kind)
    if at is None:
        return None
    cells = list(texts[start:at])
    known: dict[str, str | None] = {}

    def field(text: str) -> str | None:
        if text not in known:
            known[text] = (indicator_field if kind == "indicator" else budget_field)(text)
        return known[text]

    def spans(parent: int, run: Sequence[int]) -> bool:
        named = field(cells[parent])
        return named is not None and all((own := field(cells[c])) is not None and same_family(named, own)
                                         for c in run)

    if "" in cells:
        grids: Iterator[Grid] = _kept(cells)
    elif len(cells) <= SPANNED_CELLS_MAX:
        single: Grid = (tuple(range(len(cells))), (None,) * len(cells))
        grids = itertools.chain([single], _row_major(len(cells), spans), _after_parent(len(cells), spans))
    else:
        return None
    fitting: dict[tuple[tuple[str, ...], ...], Spanned] = {}
    for upper, lower in grids:
        fields = _fields(cells, (upper, lower), field)
        if fields is None or (found := _rows(texts, at, kind, fields)) is None:
            continue
        header = (_shifted(upper, start), _shifted(lower, start))
        key = tuple(tuple(texts[i] if i is not None else "" for i in tier) for tier in header)
        fitting[key] = Spanned(header, tuple(found[0]), found[1])
    if len(fitting) != 1:
        return None
    spanned = next(iter(fitting.values()))
    return spanned if any(i is not None for i in spanned.header[1]) else None  # one tier: the other readers take it


def _shifted(tier: Cells, start: int) -> Cells:
    return tuple(None if i is None else start + i for i in tier)
