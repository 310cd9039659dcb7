"""Tables of evaluation results: several projects, each with its amount, its score and its grade (专项债券项目资金
绩效评价情况表, 复核评价结果, 自评结果一览). Printed as a table, or flattened one cell per line.

Columns are known by their normalised header text (序号, 项目名称, 金额/规模, 得分/分数, 等级/结果/档次; any other
header is a column of words). A flattened table is read cell by cell, each cell placed in the next column whose
kind it fits: a column of words takes words, an amount or a score a number, a grade a grade word. A row number,
a grade and a column of words other than the name may be blank (the cell is then the next column's); a row needs
an amount, a score or a grade, so the page text after the table is not taken for a row. The 合计/总计 row is kept
apart. Rows that do not fit the header are reported as not read, with where.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.core.claims import GRADES, printed
from jixiao.core.money import is_number, normalize_text
from jixiao.core.provenance import Location
from jixiao.core.results import ResultRow, ResultsTable
from jixiao.ingest.headers import printed_unit
from jixiao.ingest.source import Block, Paragraph, ReadError, Table

# column role → header words (normalised: no spaces, full-width brackets folded)
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("index", re.compile(r"^序号$")),
    ("score", re.compile(r"得分|分数|评分|分值")),
    ("grade", re.compile(r"等级|等次|档次|评价结果|评定结果|自评结果|^结果$")),
    ("amount", re.compile(r"金额|规模|资金|预算|投资")),
    ("name", re.compile(r"^项目(名称)?$|^项目名称")),
    ("remark", re.compile(r"^备注$")),
)
_OTHER = re.compile(r"^[\u4e00-\u9fa5()（）]{2,16}$")  # a header of words: 主管部门, 项目单位, 债券性质
_UNIT_RE = re.compile(r"(亿元|万元|元)")
_TOTAL_RE = re.compile(r"^(合计|总计|小计|共计)$")
_JOINED_HEADER = re.compile(r"[：:]")  # '项目名称：债券性质': two header cells run together
_CELL_LENGTH = 60  # a flattened cell is a short line; a longer paragraph ends the table
_GRADE_CELL = re.compile(r"^[“\"]?(" + "|".join(sorted(GRADES, key=len, reverse=True)) + r")[”\"]?(?:[(（][^)）]{1,4}[)）])?$")


def _norm(text: str) -> str:
    return normalize_text(text).replace(" ", "").replace("（", "(").replace("）", ")")


def _role(header: str) -> str | None:
    text = re.sub(r"\([^)]*\)", "", _norm(header))  # '发行金额(亿元)' → '发行金额'
    for role, pattern in _ROLES:
        if pattern.search(text):
            return role
    return "other" if _OTHER.match(_norm(header)) else None


def _header(cells: Sequence[str]) -> list[tuple[str, str]] | None:
    """(role, header text) per column, or None when these cells are not the header of a results table."""
    split: list[str] = []
    for cell in cells:
        parts = [p for p in _JOINED_HEADER.split(_norm(cell)) if p]
        split += parts if len(parts) > 1 and all(_role(p) for p in parts) else [cell]
    roles = [(_role(c), c) for c in split]
    if any(role is None for role, _ in roles) or len(roles) < 3:
        return None
    named = [role for role, _ in roles if role != "other"]
    if "name" not in named or not {"score", "grade"} & set(named) or len(named) != len(set(named)):
        return None
    return [(str(role), text) for role, text in roles]


def _is_words(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fa5]", text)) and not is_number(text)


def _fits(role: str, text: str) -> bool:
    if role == "index":
        return text.isdigit() and len(text) <= 3
    if role in ("amount", "score"):
        return is_number(text)
    if role == "grade":
        return _GRADE_CELL.match(_norm(text)) is not None
    return _is_words(text) and not _GRADE_CELL.match(_norm(text))


_OPTIONAL = ("index", "grade", "other", "remark")


def _row(columns: list[tuple[str, str]], values: dict[str, str], unit: str, where: Location) -> ResultRow:
    name = values.get("name", "")
    amount = printed(values["amount"], unit or "元") if values.get("amount") else None
    score = printed(values["score"], "分") if values.get("score") else None
    return ResultRow(name, amount, score, values.get("grade", ""), where.with_(row=name[:20] or values.get("index", "")),
                     _TOTAL_RE.match(_norm(name)) is not None or _TOTAL_RE.match(_norm(values.get("index", ""))) is not None)


def _unit(header: Sequence[str], before: Sequence[str]) -> str:
    """The amount unit: printed in a header cell ('发行金额(亿元)'), else in a caption just before the table."""
    for text in header:
        if match := _UNIT_RE.search(text):
            return match.group(1)
    return printed_unit(*reversed(before))


_RUN_ON_FIGURE = re.compile(r"^(.*[\u4e00-\u9fa5)）])\s*(\d+(?:\.\d+)?)$")


def _flattened(cells: list[tuple[str, Location]], columns: list[tuple[str, str]], unit: str
               ) -> tuple[list[ResultRow], int, Location | None]:
    """Rows from cells one per line; returns the rows, how many of the given cells were taken, and where reading
    stopped on a cell that fits no column (None when the table simply ended: the cells after it are words only)."""
    given = len(cells)
    rows: list[ResultRow] = []
    cells = list(cells)
    position = 0
    roles = [role for role, _ in columns]
    while position < len(cells):
        start = position
        values: dict[str, str] = {}
        if "index" not in roles and cells[position][0].isdigit() and len(cells[position][0]) <= 3:
            position += 1  # a row number whose header cell was lost
        for column, role in enumerate(roles):
            if position >= len(cells):
                break
            text = cells[position][0]
            following = roles[column + 1] if column + 1 < len(roles) else ""
            run_on = _RUN_ON_FIGURE.match(text)
            if role == "name" and following in ("amount", "score") and run_on and (
                    position + 1 >= len(cells) or not _fits(following, cells[position + 1][0])):
                # the figure of the next column was run onto the name: '…迁建工程1.9'
                cells[position:position + 1] = [(run_on.group(1), cells[position][1]),
                                                (run_on.group(2), cells[position][1])]
                text = run_on.group(1)
            total = _TOTAL_RE.match(_norm(values.get("name", ""))) is not None
            if _fits(role, text):
                values[role if role != "other" else f"other{column}"] = text
                position += 1
            elif role in _OPTIONAL or total:
                continue
            else:
                return rows, start - (len(cells) - given), cells[start][1]
        if not values.keys() & {"amount", "score", "grade"}:
            # words only: the page after the table, unless a row number opened a row that was cut short
            started = "index" in values or (start < position and cells[start][0].isdigit())
            return rows, start - (len(cells) - given), cells[start][1] if started else None
        rows.append(_row(columns, values, unit, cells[start][1]))
    return rows, given, None


def _title(before: Sequence[str]) -> str:
    """The table's title: the short line just before it (a caption of its unit passed over)."""
    for text in reversed(before):
        if len(text) <= 60 and not re.fullmatch(r"单位\s*[:：]\s*\S{1,3}", text.strip()):
            return text.strip()
    return ""


def _from_table(table: Table, before: list[str]) -> tuple[ResultsTable | None, list[ReadError]]:
    for index, row in enumerate(table.rows[:3]):
        columns = _header(row.filled)
        if columns is None or len(columns) != len(row.filled):
            continue
        unit = _unit([c for _, c in columns], before)
        rows: list[ResultRow] = []
        errors: list[ReadError] = []
        for data in table.rows[index + 1:]:
            texts = data.texts[: len(columns)]
            if not any(texts):
                continue
            values = {role if role != "other" else f"other{n}": text for n, ((role, _), text)
                      in enumerate(zip(columns, texts, strict=False)) if text}
            bad = [role for role, text in zip((r for r, _ in columns), texts, strict=False) if text and not _fits(role, text)
                   and not (role == "index" and _TOTAL_RE.match(_norm(text)))]
            if bad:
                errors.append(ReadError(f"评价结果表：一行的“{'、'.join(bad)}”列内容与表头不符，该行未核对："
                                        f"{' '.join(data.filled)[:40]}", data.location))
                continue
            if not values.keys() & {"amount", "score", "grade"} and not _TOTAL_RE.match(_norm(values.get("name", ""))):
                errors.append(ReadError(f"评价结果表：一行没有金额、得分或等级（表格可能在此中断），该行未核对："
                                        f"{' '.join(data.filled)[:40]}", data.location))
                continue
            rows.append(_row(columns, values, unit, data.location))
        body = tuple(r for r in rows if not r.is_total)
        total = next((r for r in rows if r.is_total), None)
        return ResultsTable(_title(before), unit, tuple(c for _, c in columns), body, total, table.location), errors
    return None, []


def extract_results(blocks: Sequence[Block]) -> tuple[tuple[ResultsTable, ...], frozenset[int], list[ReadError]]:
    """The results tables of a document, the indices of the paragraph blocks read as their cells, and what in
    them could not be read."""
    found: list[ResultsTable] = []
    used: set[int] = set()
    errors: list[ReadError] = []
    index = 0
    texts = [b.clean if isinstance(b, Paragraph) else "" for b in blocks]
    while index < len(blocks):
        block = blocks[index]
        before = [t for t in texts[max(0, index - 3):index] if t]
        if isinstance(block, Table):
            table, problems = _from_table(block, before)
            if table is not None:
                found.append(table)
                errors += problems
            index += 1
            continue
        # a header flattened one cell per line: the longest run of short paragraphs that is a header
        run: list[int] = []
        probe = index
        while probe < len(blocks) and isinstance(blocks[probe], Paragraph) and 0 < len(texts[probe]) <= 20 \
                and _role(texts[probe]) is not None and len(run) < 10:
            run.append(probe)
            probe += 1
        while run and _role(texts[run[-1]]) == "other":  # a header ends at its last column named by role
            run.pop()
        probe = run[-1] + 1 if run else probe
        columns = _header([texts[i] for i in run]) if len(run) >= 3 else None
        if columns is None:
            index += 1
            continue
        cells: list[tuple[str, Location]] = []
        places: list[int] = []
        stop = probe
        while stop < len(blocks) and isinstance(blocks[stop], Paragraph) and len(texts[stop]) <= _CELL_LENGTH:
            if texts[stop].strip():
                cells.append((texts[stop].strip(), blocks[stop].location))
                places.append(stop)
            stop += 1
        unit = _unit([c for _, c in columns], before)
        rows, taken, stuck = _flattened(cells, columns, unit)
        if not rows and stuck is None:
            index += 1
            continue
        if stuck is not None:
            errors.append(ReadError(f"评价结果表（逐格成行）：自此起的 {len(cells) - taken} 格未能按表头"
                                    f"“{'/'.join(c for _, c in columns)}”排成完整的行（表格可能在此中断），其中数据均未核对",
                                    stuck))
        used |= set(run) | set(places[:taken])
        body = tuple(r for r in rows if not r.is_total)
        total = next((r for r in rows if r.is_total), None)
        found.append(ResultsTable(_title(before), unit, tuple(c for _, c in columns), body, total,
                                  blocks[run[0]].location))
        index = places[taken - 1] + 1 if taken else probe
    return tuple(found), frozenset(used), errors
