"""A form's fund head flattened into a line of words, each row a label, its amount and its share of the total
('基本支出 700.50 70% 项目支出 300.25 30% 合计 1000.75 100%', as a 部门整体支出绩效目标申报表 copied out of a PDF
prints its 支出构成): read as a PartsTable (core.parts), checked by audit.rules.parts.

A row is a label of words, one amount and a share ending in %; consecutive rows make a run, and a 合计 (总计, 小计)
row totals the rows right before it (or, when none come before it, those right after it up to the next total).
An amount broken by a space after its decimal point ('1000.7 5') is one number: the row has one amount cell before
its share. An amount printed as a bare run of digits larger than the total it is part of ('70050' among 300.25 and
1000.75) cannot be what it says: it is read with the one decimal point that makes the parts add up to the total
(core.parts.lost_point, said as a convention by audit.rules.parts), or, when no single position does, left unread
and reported with where it is — never taken at face value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from jixiao.core.claims import Printed, printed
from jixiao.core.coverage import Unread
from jixiao.core.parts import PartRow, PartsTable, repaired_rows
from jixiao.core.provenance import Location
from jixiao.ingest.flatline import drop_page_marks, join_spaced_letters
from jixiao.ingest.headers import printed_unit
from jixiao.ingest.source import Block, Paragraph

_LABEL_RE = re.compile(r"^[\u4e00-\u9fff（）()]{2,16}$")
_AMOUNT_RE = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
_BROKEN_TAIL_RE = re.compile(r"^\d{1,4}$")  # the digits after a space that broke an amount's decimals
_SHARE_RE = re.compile(r"^(\d+(?:\.\d+)?)[%％]$")
_TOTAL_RE = re.compile(r"^(?:合计|总计|小计)$")
_TITLE_RE = re.compile(r"[\u4e00-\u9fff]{2,30}表$")
MIN_PARTS = 2


@dataclass(frozen=True)
class _Row:
    label: str
    amount: str  # as printed, a broken amount joined; '' when the row's amount cell cannot be read
    share: str
    start: int
    end: int  # the index after its share


def _row_at(words: Sequence[str], at: int) -> _Row | None:
    if not (_LABEL_RE.match(words[at]) and at + 2 < len(words) and _AMOUNT_RE.match(words[at + 1])):
        return None
    if (share := _SHARE_RE.match(words[at + 2])) is not None:
        return _Row(words[at], words[at + 1], share.group(1), at, at + 3)
    if at + 3 < len(words) and _BROKEN_TAIL_RE.match(words[at + 2]) and (share := _SHARE_RE.match(words[at + 3])):
        # two figures in the one amount cell before the share: an amount a space broke after its decimal point is
        # one number; without a decimal point before the space, where the number ends is not known
        joined = words[at + 1] + words[at + 2] if "." in words[at + 1] else ""
        return _Row(words[at], joined, share.group(1), at, at + 4)
    return None


def _runs(words: Sequence[str]) -> list[list[_Row]]:
    runs: list[list[_Row]] = []
    at = 0
    while at < len(words):
        row = _row_at(words, at)
        if row is None:
            at += 1
            continue
        if runs and runs[-1][-1].end == at:
            runs[-1].append(row)
        else:
            runs.append([row])
        at = row.end
    return runs


def _groups(run: list[_Row]) -> list[tuple[_Row, list[_Row]]]:
    """Each total of a run with the rows it totals: those right before it, else those right after it."""
    totals = [i for i, row in enumerate(run) if _TOTAL_RE.match(row.label)]
    taken: set[int] = set()
    groups: list[tuple[int, list[int]]] = []
    for n, at in enumerate(totals):
        before = list(range(totals[n - 1] + 1 if n else 0, at))
        if before:
            groups.append((at, sorted(before)))
            taken.update(before)
    for n, at in enumerate(totals):
        if any(g == at for g, _ in groups):
            continue
        end = totals[n + 1] if n + 1 < len(totals) else len(run)
        after = [i for i in range(at + 1, end) if i not in taken]
        if after:
            groups.append((at, after))
            taken.update(after)
    return [(run[at], [run[i] for i in parts]) for at, parts in sorted(groups) if len(parts) >= MIN_PARTS]


def _shown(words: Sequence[str], rows: list[_Row]) -> str:
    text = " ".join(words[rows[0].start:rows[-1].end])
    return text if len(text) <= 40 else text[:39] + "…"


def _table(words: Sequence[str], total: _Row, parts: list[_Row], block: Paragraph,
           unread: list[Unread]) -> PartsTable | None:
    where = block.location
    before = " ".join(words[:min(total.start, parts[0].start)])
    unit = printed_unit(before)
    title = next((w for w in reversed(words[:min(total.start, parts[0].start)]) if _TITLE_RE.search(w)), "")
    shown = _shown(words, sorted([total, *parts], key=lambda r: r.start))
    if not total.amount:
        unread.append(Unread(f"排成一行的资金构成中合计金额被空格断开、不能确定是哪一个数，该表未核对：{shown}", where, "table"))
        return None
    whole = printed(total.amount, unit)

    def row(part: _Row, amount: Printed | None, printed_as: str = "") -> PartRow:
        return PartRow(part.label, amount, where.with_(row=part.label), printed(part.share, "%"), printed_as)

    rows: list[PartRow] = [row(p, printed(p.amount, unit) if p.amount else None) for p in parts]
    for part in parts:
        if not part.amount:
            unread.append(Unread(f"“{part.label}”的金额被空格断开、不能确定是哪一个数，未读取，其所在的合计未核对：{shown}",
                                 where.with_(row=part.label), "cell"))
    rows, left = repaired_rows(rows, [p.amount for p in parts], row(total, whole), unit)
    unread.extend(_bare(r.label, next(p.amount for p in parts if p.label == r.label), total.amount, r.location)
                  for r in left)
    return PartsTable(title, unit, tuple(rows), row(total, whole), where.with_(table=title))


def _bare(label: str, digits: str, total: str, where: Location) -> Unread:
    return Unread(f"“{label}”印为 {digits}（没有小数点），大于合计 {total}，不可能是其组成部分；可能漏印了小数点，但不能由其他"
                  "数字唯一确定小数点的位置，未读取，其所在的合计未核对", where, "cell")


def fund_heads(blocks: Sequence[Block], used: set[int]) -> tuple[list[PartsTable], list[Unread]]:
    """The fund heads run together into the paragraphs no other reader took, and the cells of theirs not read."""
    found: list[PartsTable] = []
    unread: list[Unread] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or index in used:
            continue
        words = join_spaced_letters(drop_page_marks(block.clean.split()))
        for run in _runs(words):
            for total, parts in _groups(run):
                if (table := _table(words, total, parts, block, unread)) is not None:
                    found.append(table)
    return found, unread
