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


def leaf_paths(tiers: Sequence[Sequence[str]], columns: int) -> list[list[str] | None] | None:
    """Per column, its header path when every layout with `columns` lowest cells agrees on it, else None; None when no
    layout fits (the header is then not understood)."""
    if not tiers or not all(tiers):
        return None
    layouts = list(itertools.islice(_layouts(tiers), LAYOUTS_MAX + 1))
    fitting = [layout for layout in layouts if len(layout) == columns]
    if not fitting or len(layouts) > LAYOUTS_MAX:
        return None  # no layout fits, or too many to try them all: which column is which is not known
    return [
        fitting[0][c] if len({_plain(layout[c]) for layout in fitting}) == 1 else None for c in range(columns)
    ]
