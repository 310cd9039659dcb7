"""The counts printed with the 三公 figures — 因公出国(境)团组数 and 人数, 公务用车购置数 and 保有量, 公务接待批次 and
人数 — whether a section of the 三公 table ('二、相关统计数' under its amounts) or a table of their own ('“三公”经费使用
情况': 使用项目 | 数量或人次). Read as a table of counts (S09), each row in its own unit (个, 人, 辆, 批 …: printed in
the label's brackets, or the one its name implies); a row whose count cell is blank printed none (zero). Counts are
not amounts: no rule of the 三公 table adds them up.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.core.disclosure import Amount, DisclosureRow, DisclosureTable
from jixiao.core.money import is_number, parse_decimal
from jixiao.ingest.headers import normalize_label
from jixiao.ingest.placement import holds_nothing
from jixiao.ingest.source import ReadError, Table

CODE = "S09"
TITLE = "“三公”经费相关统计数"
COLUMN = "count"
# A count's name (normalised: ASCII brackets, no spaces), after its number ('5.') and before its unit ('(批)').
COUNT_RE = re.compile(
    r"^(?:\d{1,2}[.．、]|\(\d{1,2}\)|[一二三四五六七八九十]+、)?"
    r"(?P<name>因公出国\(境\)(?:团组数?|人数|人次数?)|公务用车(?:购置数量?|保有量|保有数)"
    r"|(?:国内|国\(境\)外|外宾|外事)?公务接待(?:批次|人数|人次数?)|(?:国内|国\(境\)外|外宾|外事)接待(?:批次|人数|人次数?))"
    r"(?:数)?(?:\((?P<unit>个|人|人次|辆|批|批次|次)\))?$"
)
IMPLIED_UNITS = (
    ("团组", "个"),
    ("人次", "人次"),
    ("人数", "人"),
    ("购置", "辆"),
    ("保有", "辆"),
    ("批次", "批"),
)
COUNT_ROWS_MIN = 2


def count_name(text: str) -> tuple[str, str] | None:
    """(name, unit) of a count's label ('5.公务接待批次(批)' → ('公务接待批次', '批')), or None for any other label."""
    match = COUNT_RE.match(normalize_label(text))
    if match is None:
        return None
    name = match["name"]
    return name, match["unit"] or next(unit for word, unit in IMPLIED_UNITS if word in name)


def sangong_counts(
    table: Table, least: int = COUNT_ROWS_MIN
) -> tuple[DisclosureTable | None, list[ReadError]]:
    """The 三公 counts `table` holds, at least `least` of them (one is enough in a table of the 三公 amounts), each a
    label then one count (or a blank cell); None when it holds fewer. A count row printing several numbers cannot say which is its count: it is kept
    without a count and said to be unread."""
    rows: list[DisclosureRow] = []
    units: list[str] = []
    errors: list[ReadError] = []
    header = (
        table.rows[0].texts if table.rows else []
    )  # names the column a count is printed in ('2031年预算数')
    for row in table.rows:
        texts = row.texts
        found = count_name(texts[0]) if texts else None
        if found is None:
            continue
        unit = found[1]
        label = texts[0].strip()
        where = row.location.with_(table=TITLE, row=label)
        numbers = [t for t in texts[1:] if is_number(t)]
        open_cells = [c.text for c in row.cells[1:] if not c.placed and not holds_nothing(c.text)]
        cells: dict[str, Amount] = {}
        if len(numbers) == 1 and not open_cells:
            text = numbers[0]
            value = parse_decimal(text)
            assert value is not None
            index = texts.index(text, 1)
            column = header[index].strip() if row.texts is not header and index < len(header) else ""
            cells[COLUMN] = Amount(
                value, text.strip(), Decimal(1), where.with_(column=f"{column or '数量'}（{unit}）")
            )
        elif numbers or open_cells:
            shown = "、".join(numbers or open_cells)
            errors.append(
                ReadError(f"{TITLE}“{label}”一行的数字（{shown}）不能确定哪个是其数量，此行未读取", where)
            )
        read = (COLUMN,) if len(numbers) <= 1 and not open_cells else ()
        rows.append(DisclosureRow(label=label, cells=cells, location=where, read=read))
        units += [unit] if unit not in units else []
    if len(rows) < least:
        return None, []
    return DisclosureTable(
        code=CODE,
        title=TITLE,
        unit="、".join(units),
        columns=(COLUMN,),
        rows=tuple(rows),
        location=table.location.with_(table=TITLE),
    ), errors
