"""Tables comparing two years item by item that no template names: '项目 | 2030年度 | 2031年度 | 增减值 | 增减%'
(a hospital's 收入支出情况对比表, a unit's own comparison under its 情况说明).

A table is one when its header names two years (two columns printing a year, or 上年 / 本年) and at least one
column of change (增减额, or a rate: 增减%, 增减率, 增长率); the change columns may sit under a caption spanning them
('2031比2030增减' over '增减值 | 增减%'). Each row's figures are read in the unit the caption above the table prints
('单位:元'); a cell a rebuilt table could not place ('0或空') is not read; the rate is a percentage. A 三公 table
printing last year's figures and the change beside this year's is read here as well (its template, 公开09, reads
this year's column only: ingest.pipeline).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from jixiao.core.disclosure import Amount, ComparisonRow, ComparisonTable
from jixiao.core.money import is_number, parse_decimal, printed_exponent, unit_scale
from jixiao.core.provenance import Location
from jixiao.ingest.headers import printed_unit
from jixiao.ingest.placement import holds_nothing
from jixiao.ingest.source import Block, Paragraph, Row, Table

YEAR_RE = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?|上年|本年|上年度|本年度)(?:决算|预算|执行)?(?:数|金额)?$")
CHANGE_RE = re.compile(r"增减|增、减|增加|减少|变动|比上年|增长")
RATE_RE = re.compile(r"%|％|率|幅")
TITLE_RE = re.compile(r"对比表$|比较表$|对比情况表?$|比较情况表?$")
CAPTION_BLOCKS = 3  # how far above the table its title and unit caption may be printed
HEADER_ROWS = 3


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _aligned(tiers: list[list[str]], width: int) -> list[list[str]]:
    """The header's tiers with a lower tier put back under the caption it details: a table printed with its cells
    separated by bars loses the empty cells a lower tier opens with ('项目 | 2030年 | 2031年 | 比上年增减 | |' over
    '增减额 | 增减率 | | |'): when a lower tier's filled cells are all of change and sit at its left, and the tier above
    has a change caption followed by as many empty cells as they need, they go under that caption."""
    out = [list(t) + [""] * (width - len(t)) for t in tiers]
    for lower in range(1, len(out)):
        filled = [i for i, text in enumerate(out[lower]) if text.strip()]
        if not filled or filled != list(range(len(filled))) or not all(
                CHANGE_RE.search(out[lower][i]) or RATE_RE.search(out[lower][i]) for i in filled):
            continue
        upper = out[lower - 1]
        spans = [k for k, text in enumerate(upper) if k and CHANGE_RE.search(text)
                 and k + len(filled) <= width and not any(upper[k + 1: k + len(filled)])]
        if len(spans) == 1:
            k = spans[0]
            out[lower] = [""] * k + out[lower][: len(filled)] + [""] * (width - k - len(filled))
    return out


def _column_names(rows: Sequence[Row], width: int) -> list[str]:
    """Each column's header words, top tier first ('2031比2030增减' over '增减值'), joined."""
    names = [""] * width
    for texts in _aligned([list(row.texts) for row in rows], width):
        for index, text in enumerate(texts[:width]):
            if text.strip():
                names[index] = f"{names[index]} {_compact(text)}".strip()
    spans = [i for i, name in enumerate(names) if name and CHANGE_RE.search(name)]
    for index in spans:  # a caption spanning the change columns: the empty columns after it are under it too
        upper = names[index].split(" ")[0]
        for after in range(index + 1, width):
            if names[after] and not CHANGE_RE.search(names[after]) and not RATE_RE.search(names[after]):
                break
            if names[after] and upper not in names[after]:
                names[after] = f"{upper} {names[after]}"
    return names


def _roles(names: Sequence[str]) -> dict[int, str] | None:
    """Column index → earlier / later / change / rate, or None when the header is no comparison of two years."""
    years = [(i, name) for i, name in enumerate(names) if i and YEAR_RE.match(name.split(" ")[-1])]
    if len(years) != 2:
        return None
    (a, first), (b, second) = years
    numbers = [re.match(r"\d{4}", n) for n in (first, second)]
    if all(numbers):
        earlier_first = int(numbers[0].group(0)) < int(numbers[1].group(0))  # type: ignore[union-attr]
    elif "上年" in first and "本年" in second:
        earlier_first = True
    elif "本年" in first and "上年" in second:
        earlier_first = False
    else:
        return None
    roles = {a: "earlier", b: "later"} if earlier_first else {a: "later", b: "earlier"}
    for index, name in enumerate(names):
        if index in roles or not index or not CHANGE_RE.search(name):
            continue
        role = "rate" if RATE_RE.search(name.split(" ")[-1]) else "change"
        if role in roles.values():
            return None  # two columns of the same change: which one is which is not known
        roles[index] = role
    return roles if {"change", "rate"} & set(roles.values()) else None


def _figure(text: str) -> bool:
    return is_number(text.strip().rstrip("%％"))


def _amount(cell_text: str, scale: Decimal, location: Location) -> Amount | None:
    text = cell_text.strip().replace(",", "")
    if not is_number(text):
        return None
    number = parse_decimal(text)
    assert number is not None
    quantum = Decimal(1).scaleb(printed_exponent(text)) * scale
    return Amount(number * scale, cell_text.strip(), quantum, location)


def _rate(cell_text: str, location: Location) -> Amount | None:
    text = cell_text.strip().rstrip("%％").replace(",", "")
    if not is_number(text):
        return None
    number = parse_decimal(text)
    assert number is not None
    return Amount(number, cell_text.strip(), Decimal(1).scaleb(printed_exponent(text)), location)


def _header_end(table: Table) -> int:
    """The first row holding a figure: where the body begins."""
    for index, row in enumerate(table.rows):
        if any(_figure(t) for t in row.texts[1:] if t.strip()):
            return index
    return len(table.rows)


def comparison_table(table: Table, above: Sequence[Block]) -> ComparisonTable | None:
    """The comparison `table` holds (its title and unit caption among the paragraphs `above`), or None."""
    width = max((len(r.cells) for r in table.rows), default=0)
    end = _header_end(table)
    if not 0 < end <= HEADER_ROWS or end >= len(table.rows):
        return None
    header = table.rows[:end]
    names = _column_names(header, width)
    roles = _roles(names)
    if roles is None:
        return None
    captions = [b.clean for b in above[-CAPTION_BLOCKS:] if isinstance(b, Paragraph)]
    unit = printed_unit(*reversed(captions)) or printed_unit(*(t for r in header for t in r.texts))
    scale = unit_scale(unit) if unit else None
    if scale is None:
        return None  # no unit printed: its amounts cannot be read
    title = next((t for t in reversed(captions) if TITLE_RE.search(_compact(t))), "") or "两年对比表"
    years = [names[i].split(" ")[-1] for role in ("earlier", "later") for i, r in roles.items() if r == role]
    column_names = {"earlier": years[0], "later": years[1], "change": "增减额", "rate": "增减率"}
    rows: list[ComparisonRow] = []
    for row in table.rows[end:]:
        label = row.texts[0].strip() if row.cells else ""
        cells: dict[str, Amount | None] = {}
        unknown: list[str] = []
        for index, role in roles.items():
            if index >= len(row.cells):
                continue
            text = row.texts[index]
            if not row.cells[index].placed:
                if not holds_nothing(text):
                    unknown.append(role)
                    continue
                text = "0"  # '0或空': whichever cell it is, this one holds nothing
            where = row.cells[index].location.with_(table=title, row=label, column=column_names[role])
            cells[role] = _rate(text, where) if role == "rate" else _amount(text, scale, where)
        if label and (unknown or any(v is not None for v in cells.values())):
            rows.append(
                ComparisonRow(
                    label,
                    location=row.location.with_(table=title, row=label),
                    unknown=tuple(unknown),
                    **cells,
                )
            )
    if not rows:
        return None
    return ComparisonTable(title, unit, (years[0], years[1]), tuple(rows), table.location.with_(table=title))


def extract_comparisons(blocks: Sequence[Block], used: set[int]) -> tuple[ComparisonTable, ...]:
    """Every comparison table among `blocks` whose index is not in `used` (the tables a template reader took)."""
    found = []
    for index, block in enumerate(blocks):
        if (
            isinstance(block, Table)
            and index not in used
            and (table := comparison_table(block, blocks[max(0, index - CAPTION_BLOCKS) : index])) is not None
        ):
            found.append(table)
    return tuple(found)
