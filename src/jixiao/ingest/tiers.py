"""The columns of a header of several tiers whose spans were lost (a web table copied one cell per line): each tier's
cells come in order, a cell spanning several columns printed once, a cell spanning down the tiers printed only in
the tier it opens.

    上年结转和结余 | 本年收入 | 本年支出 | 用事业基金弥补
    合计 | 基本支出结转 | 项目支出结转 | 合计 | 其中:财政拨款收入 | 合计 | 其中:财政拨款支出
    小计 | 其中:基本建设资金收入

What is known: under a spanning cell, its parts open with its total (合计, or 小计 over a '其中' part); the parts sit
under the cells of the tier above in order; a run of parts naming what a cell above names (their last two
characters: '项目支出结转和结余' under '…结转和结余', '其中:财政拨款收入' under '本年收入') sits under such a cell, and a run
naming nothing above may sit under any; a cell with no parts under it spans down to the lowest tier; the lowest
cells number as many as the table's columns (its 栏次 row). Every layout these allow is tried, and a column's path
(its labels top to bottom) is taken only when every layout gives it the same; a column they disagree on is left
without a header, for the reader to report as not read — never guessed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from decimal import Decimal

from jixiao.ingest.headers import normalize_label

TOTAL_WORDS = frozenset({"合计", "小计"})
TAIL = 2  # the characters a part shares with what it is a part of
LAYOUTS_MAX = 5000


def _groups(cells: Sequence[str]) -> list[list[int]] | None:
    """The runs of a tier's cells, each opened by a total word; None when the tier does not open with one."""
    groups: list[list[int]] = []
    for index, cell in enumerate(cells):
        if normalize_label(cell) in TOTAL_WORDS:
            groups.append([index])
        elif groups:
            groups[-1].append(index)
        else:
            return None
    return groups


def _tail(text: str) -> str:
    label = normalize_label(text)
    return label[-TAIL:] if len(label) >= TAIL else label


def _under(group: Sequence[str], upper: Sequence[str]) -> list[int]:
    """The cells of the tier above a run of parts may sit under: those whose last characters a part's name ends with;
    every one when no part names any of them."""
    tails = {_tail(c) for c in group if normalize_label(c) not in TOTAL_WORDS}
    named = [i for i, c in enumerate(upper) if _tail(c) in tails]
    return named or list(range(len(upper)))


def _assignments(options: list[list[int]], after: int = -1) -> Iterator[list[int]]:
    """Each way of giving the runs, in order, cells of the tier above in increasing order (one run per cell)."""
    if not options:
        yield []
        return
    for choice in options[0]:
        if choice > after:
            for rest in _assignments(options[1:], choice):
                yield [choice, *rest]


def _layouts(tiers: Sequence[Sequence[str]]) -> Iterator[list[list[str]]]:
    """Every leaf-column layout (each column's path, top to bottom) the rules of the module allow."""
    grouped = [_groups(cells) for cells in tiers[1:]]
    if any(g is None for g in grouped):
        return
    per_tier = [[[tiers[k + 1][i] for i in run] for run in groups] for k, groups in enumerate(grouped)]  # type: ignore[union-attr]
    options = [[_under(run, tiers[k]) for run in runs] for k, runs in enumerate(per_tier)]

    def expand(k: int, cell: int, chosen: list[list[int]]) -> list[list[str]]:
        label = tiers[k][cell]
        if k + 1 >= len(tiers) or cell not in chosen[k]:
            return [[label]]
        run = grouped[k][chosen[k].index(cell)]  # type: ignore[index]
        return [[label, *path] for child in run for path in expand(k + 1, child, chosen)]

    def choose(k: int, chosen: list[list[int]]) -> Iterator[list[list[int]]]:
        if k == len(options):
            yield chosen
            return
        for assignment in _assignments(options[k]):
            yield from choose(k + 1, [*chosen, assignment])

    for chosen in choose(0, []):
        yield [path for cell in range(len(tiers[0])) for path in expand(0, cell, chosen)]


def _plain(path: list[str]) -> tuple[str, ...]:
    """A path as compared: a lowest 小计 is the column of the cell above it."""
    labels = [normalize_label(p) for p in path]
    return tuple(labels[:-1] if len(labels) > 1 and labels[-1] == "小计" else labels)


def fitting_layouts(tiers: Sequence[Sequence[str]], columns: int) -> list[list[list[str]]] | None:
    """Every layout the rules allow with `columns` lowest cells (each column's path); None when there are too many to
    try them all. [] when none fits."""
    if not tiers or not all(tiers):
        return []
    layouts = list(itertools.islice(_layouts(tiers), LAYOUTS_MAX + 1))
    if len(layouts) > LAYOUTS_MAX:
        return None
    return [layout for layout in layouts if len(layout) == columns]


def agreed(layouts: Sequence[Sequence[list[str]]], columns: int) -> list[list[str] | None] | None:
    """Per column, its path when every layout agrees on it, else None; None when there is no layout."""
    if not layouts:
        return None
    return [layouts[0][c] if len({_plain(layout[c]) for layout in layouts}) == 1 else None for c in range(columns)]


def leaf_paths(tiers: Sequence[Sequence[str]], columns: int) -> list[list[str] | None] | None:
    """Per column, its header path when every layout with `columns` lowest cells agrees on it, else None; None when no
    layout fits (the header is then not understood)."""
    fitting = fitting_layouts(tiers, columns)
    return agreed(fitting, columns) if fitting else None  # none fits, or too many to try: which column is which is not known


def summing(layout: Sequence[Sequence[str]], rows: Sequence[Sequence[Decimal | None]]) -> bool:
    """Whether the figures of `rows` (one value per column, None where no figure is printed) hold every total the
    layout implies: at every level (the top tier too), the total part (合计/小计) of the cells under one span is the
    sum of the other parts — a part's figure is its own column's, or its own total part's when it spans further. A
    relation is checked in each row where all its figures are printed, within the last printed digit per part."""
    paths = [tuple(path) for path in layout]

    def value(prefix: tuple[str, ...]) -> int | None:
        members = [c for c, path in enumerate(paths) if path[:len(prefix)] == prefix]
        if len(members) == 1 and paths[members[0]] == prefix:
            return members[0]
        if any(len(paths[c]) == len(prefix) for c in members):
            return None
        totals = [label for label in dict.fromkeys(paths[c][len(prefix)] for c in members)
                  if normalize_label(label) in TOTAL_WORDS]
        return value((*prefix, totals[0])) if len(totals) == 1 else None

    relations: list[tuple[int, list[int]]] = []
    prefixes = {path[:depth] for path in paths for depth in range(len(path))}
    for prefix in prefixes:
        children = list(dict.fromkeys(p[len(prefix)] for p in paths if p[:len(prefix)] == prefix and len(p) > len(prefix)))
        totals = [label for label in children if normalize_label(label) in TOTAL_WORDS]
        if len(totals) != 1 or len(children) < 2:
            continue
        whole = value((*prefix, totals[0]))
        parts = [value((*prefix, label)) for label in children if label != totals[0]]
        if whole is not None and all(p is not None for p in parts):
            relations.append((whole, [p for p in parts if p is not None]))
    for values in rows:
        for total, members in relations:
            figures = [values[c] for c in (total, *members)]
            if any(v is None for v in figures):
                continue
            step = max(Decimal(1).scaleb(v.as_tuple().exponent) for v in figures if v is not None)  # type: ignore[arg-type]
            if abs(figures[0] - sum(figures[1:])) > step * len(members):  # type: ignore[operator,arg-type]
                return False
    return True
