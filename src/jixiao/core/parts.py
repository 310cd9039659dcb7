"""A table listing parts and their total, one figure a row: a fund allocated to towns or offices ('甲镇 5 | 乙乡 1.5
| … | 合计 35'), a form's fund head (合计 = 基本支出 + 项目支出, each with its share). Read by ingest.gluedlist and
ingest.fundhead, checked by audit.rules.parts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from jixiao.core.claims import Printed, printed
from jixiao.core.provenance import Location


@dataclass(frozen=True)
class PartRow:
    label: str
    amount: Printed | None  # None: the cell could not be read (the reading report says where)
    location: Location
    share: Printed | None = None  # its printed share of the total (%), when the table prints one
    printed_as: str = ""  # a figure printed without its decimal point, read as the table's sum forces: as printed


@dataclass(frozen=True)
class PartsTable:
    title: str
    unit: str  # 万元, 元, 亿元 as the caption prints it; '' when none is printed
    rows: tuple[PartRow, ...]
    total: PartRow
    location: Location

    @property
    def repaired(self) -> tuple[PartRow, ...]:
        """The rows (the total among them) whose figure was read with a decimal point the print lost."""
        return tuple(r for r in (*self.rows, self.total) if r.printed_as)


def lost_point(digits: str, others: Sequence[Printed], total: Printed, unit: str) -> Printed | None:
    """The one reading of a part printed as a bare run of digits ('7242318') that makes the parts add up to the
    printed total once a decimal point is put back ('724.2318'): each position from the right is tried, and a
    position is taken only when it is the only one under which the sum holds exactly as printed (a figure read by
    a repair must not lean on rounding as well). None when no position, or more than one, makes it hold."""
    if not digits.isdigit() or len(digits) < 2:
        return None
    rest = sum((o.value for o in others), Decimal(0))
    found: list[Printed] = []
    for places in range(1, len(digits)):
        candidate = printed(f"{int(digits[:-places])}.{digits[-places:]}", unit)
        if rest + candidate.value == total.value:
            found.append(candidate)
    return found[0] if len(found) == 1 else None


def repaired_rows(rows: Sequence[PartRow], printed_texts: Sequence[str], total: PartRow,
                  unit: str) -> tuple[list[PartRow], list[PartRow]]:
    """The rows with each figure printed as a bare run of digits larger than the total (`printed_texts`: each row's
    figure as printed) read by lost_point, and the rows of those no single decimal point explains (their amount
    left None: never read at face value)."""
    out, unread = list(rows), []
    whole = total.amount
    if whole is None:
        return out, []
    for index, (row, text) in enumerate(zip(rows, printed_texts, strict=True)):
        if row.amount is None or not text.isdigit() or row.amount.value <= whole.value:
            continue
        others = [r.amount for k, r in enumerate(out) if k != index and r.amount is not None]
        found = lost_point(text, others, whole, unit) if len(others) == len(out) - 1 else None
        out[index] = replace(row, amount=found, printed_as=text if found is not None else "")
        if found is None:
            unread.append(out[index])
    return out, unread
