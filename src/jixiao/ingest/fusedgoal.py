"""A 绩效目标表 whose cells ran together (a page or a document-sharing site that dropped every separator): the
indicator header as one word ('一级指标二级指标三级指标指标值分值'), each row as one ('产出指标数量指标示例覆盖率≥95%10').

Only what the text itself decides is split:
- the header by its known column words, from '一级指标' on (a caption '绩效指标' before it kept);
- a row's leading level labels (产出指标, 数量指标 …) by their words;
- the rest of a row into its name and the cells the header names after it (运算符, 指标值, 度量单位, 分值, notes),
  where exactly one reading fits: a target is a figure (an operator and a unit may stand with it), a cut never
  falls inside a number, a name does not end with a digit. A rest that several readings fit ('预计人数210010':
  2100 and 10, or 21001 and 0), or none (a target in words: '稳步提高'), is not split: the row is not read.
Pure functions of the text; ingest.targetform makes the cells of a form from them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from jixiao.core.levelwords import level1_words, level2_words
from jixiao.core.money import parse_decimal
from jixiao.ingest.levelwords import POINTS, alternation

# The header's column words, longest first (a word that starts another is tried after it).
_HEADER_WORDS = (
    r"(?:年度|长期|中期)?绩效指标(?=一级指标)|绩效指标性质|绩效度量单位|一级指标|二级指标|三级指标|指标名称|指标内容|指标性质"
    r"|计算符号|运算符|度量单位|计量单位|指标方向性?|指标值说明|指标说明|指标解释|评(?:扣)?分标准|指标标准(?:或依据)?"
    r"|指标依据|分值|权重|备注"
    r"|(?:绩效)?(?:\d{4}年)?(?:年度|年初|全年|本年|当年|上年)?(?:预期|计划)?(?:指标值|目标值|实现值|实际值|完成值|历史值)"
)
_HEADER_RE = re.compile(rf"(?:{_HEADER_WORDS})")
HEADER_MIN_WORDS = 3
# A level label of either tier (core.levelwords), its 指标 printed, then its points: '产出指标(40-50)分'.
_LEVEL_WORDS = alternation((*level1_words(cost=True), *level2_words()))
LEVEL_RE = re.compile(rf"(?:{_LEVEL_WORDS})指标{POINTS}")
_OPERATOR = r"[=＝≥≤><≧≦]|>=|<=|大于等于|小于等于|大于|小于|等于|不低于|不高于|不少于|不超过|定性|定量"
_FIGURE = r"(?:0|[1-9]\d*)(?:\.\d+)?"
# Each cell's text by its column's role (targetform's roles); a note or a cell of no known role is any text.
_PIECES = {
    "operator": re.compile(_OPERATOR),
    "target": re.compile(rf"(?:{_OPERATOR})?{_FIGURE}[%％‰]?"),
    "prior": re.compile(rf"{_FIGURE}[%％‰]?"),
    "unit": re.compile(r"[^\d.=＝≥≤><≧≦]{1,6}"),  # '%', '亿元', '元/人'…
    "weight": re.compile(rf"{_FIGURE}(?:[%％]|分)?"),
}
_TARGET_WITH_UNIT = re.compile(rf"(?:{_OPERATOR})?{_FIGURE}(?:[%％‰]|[^\d.=＝≥≤><≧≦%％‰]{{1,6}})?")
_NAME_MIN = 2
_DIGIT = re.compile(r"[\d.]")


@dataclass(frozen=True)
class FusedHeader:
    before: str  # the text before the header ('' when the header opens it)
    words: tuple[str, ...]  # the header's cells, a caption before 一级指标 first
    after: str  # the text after it: the rows, when they ran on in the same line


_GAP_RE = re.compile(r"[\s*＊★☆]*")  # what may stand between two cells run together: spaces, a core indicator's star
# A level label as a cell of its own, set apart by spaces: its 指标 may be left off ('服务对象满意度').
_LEVEL_CELL_RE = re.compile(rf"(?:{_LEVEL_WORDS})(?:指标)?{POINTS}")
_SPAN_ONLY_RE = re.compile(r"^[（(][\d.\-—~～]+分?[)）]分?$")  # a label's points wrapped onto a line of their own


def split_header(text: str) -> FusedHeader | None:
    """The indicator header run together inside `text`: from '一级指标' (or the caption just before it) on, at
    least HEADER_MIN_WORDS column words one after another (spaces or stars between them or not); None when there
    is none."""
    at = text.find("一级指标")
    while at >= 0:
        start = at
        caption = re.search(r"(?:年度|长期|中期)?绩效指标\s*$", text[:at])
        if caption:
            start = caption.start()
        words, index = [], start
        while (match := _HEADER_RE.match(text, index)) is not None and match.end() > index:
            words.append(match.group(0))
            index = _GAP_RE.match(text, match.end()).end()  # type: ignore[union-attr]
        if sum(1 for w in words if not w.endswith("绩效指标")) >= HEADER_MIN_WORDS:
            return FusedHeader(text[:start], tuple(words), text[index:])
        at = text.find("一级指标", at + 1)
    return None


def leading_levels(text: str) -> tuple[list[str], str]:
    """The level labels a row opens with ('产出指标数量指标…' → ['产出指标', '数量指标'], also '产出指标 服务对象满意度 …'
    where spaces set a label without its 指标 apart) and the rest."""
    labels = []
    text = text.strip()
    while True:
        match = LEVEL_RE.match(text)
        word = _LEVEL_CELL_RE.match(text)
        if word is not None and word.end() < len(text) and text[word.end()].isspace():
            match = word if match is None or word.end() > match.end() else match
        if match is None:
            return labels, text
        labels.append(match.group(0))
        text = text[match.end():].strip()


def level_segments(text: str) -> list[str]:
    """Rows run together in one text, cut before each level label: each piece opens with its labels (or is the
    text before the first). A label's points wrapped onto a piece of their own are left out."""
    cuts = [m.start() for m in LEVEL_RE.finditer(text)]
    bounds = [0, *cuts, len(text)]
    pieces = [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
    return [p for p in pieces if p and not _SPAN_ONLY_RE.match(p)]


def spaced_row(text: str, roles: Sequence[str]) -> tuple[str, list[str]] | None:
    """A row whose cells spaces set apart ('改造管网长度 ≥5公里 10'): its name and the cells after it, when there are
    no more of them than the header's columns after the name and the name holds no figure; None otherwise."""
    words = text.split()
    if len(words) < 2 or len(words) > 1 + len(roles) or re.search(r"\d", words[0]):
        return None
    return words[0], words[1:]


def _joins(left: str, right: str) -> bool:
    """A cut between `left` and `right` that would fall inside a number."""
    return bool(left) and bool(right) and bool(_DIGIT.match(left[-1])) and bool(_DIGIT.match(right[0]))


_NUMERIC_ROLES = ("target", "prior", "weight")


def _readings(text: str, roles: Sequence[str], previous: str, with_unit: bool,
              blank_figure: bool = False) -> Iterator[dict[str, str]]:
    """Every way `text` is the cells of `roles` in order (a cell may be missing, a target may not); `with_unit`: a
    target carries its unit (the header has no unit column); `blank_figure`: a column of figures before was left
    blank, so no later cell holds a figure (that figure would be the blank column's: '亿元30%正向' is a unit, a
    weight and a note, never a unit and a note '30%正向' with the weight left blank)."""
    if not roles:
        if not text:
            yield {}
        return
    role, rest = roles[0], roles[1:]
    if role != "target" and not (role in _NUMERIC_ROLES and previous[-1:].isdigit()):
        # a cell left blank: nothing of the text (a figure's column right after a figure is not: the two figures may
        # have run together, '210010' being 2100 and 10)
        yield from _readings(text, rest, previous, with_unit, blank_figure or role in _NUMERIC_ROLES)
    pattern = _TARGET_WITH_UNIT if role == "target" and with_unit else _PIECES.get(role)
    for end in range(1, len(text) + 1):
        piece = text[:end]
        if _joins(previous, piece) or (end < len(text) and _joins(piece, text[end:])):
            continue
        if (blank_figure and re.search(r"\d", piece)) or (pattern is not None and not pattern.fullmatch(piece)):
            continue
        if pattern is None and previous and previous[-1].isdigit():
            continue  # words right after a figure may be its unit or its figure's end ('105项'): no cell starts there
        for found in _readings(text[end:], rest, piece, with_unit, blank_figure):
            yield {role: piece, **found}


def _key(reading: dict[str, str]) -> tuple[str, str, str, object]:
    weight = reading.get("weight", "")
    return (reading.get("operator", ""), reading.get("target", ""), reading.get("unit", ""),
            parse_decimal(re.sub(r"[%％分]$", "", weight)) if weight else None)


def _same(readings: list[dict[str, str]]) -> bool:
    """Readings that differ only in where a note or a sign falls ('30%' or '30' then '%…'): one reading."""
    keys = {_key(r) for r in readings}
    if len(keys) == 1:
        return True
    joined = {(f"{op}{target}{unit}".replace("%", "").replace("％", ""), weight) for op, target, unit, weight in keys}
    return len(joined) == 1


_ROWS_MAX = 12  # rows run together in one piece of text, at most


def _row_readings(text: str, roles: Sequence[str], first: bool) -> Iterator[tuple[str, list[dict[str, str]], str]]:
    """Each (name, its readings, the text left after it) for a row opening `text` (`first`: the text's first row).
    A name holds no operator and no percentage (a figure with its sign ends a row's target: '…合格率100%购置…' is two
    rows), does not end with a digit, and opens with a word unless it opens the text; with no unit column a target
    carries its unit ('≥500人次')."""
    for cut in range(_NAME_MIN, len(text)):
        name = text[:cut]
        if _DIGIT.match(name[-1]) or re.search(_OPERATOR, name) or re.search(r"\d[%％‰]", name):
            continue
        if not (first or re.match(r"[\u4e00-\u9fa5A-Za-z（(“]", name)) or not re.search(r"[\u4e00-\u9fa5A-Za-z]", name):
            continue  # after a row, a name opens with a word, not with a sign or a unit left of the figure before it
        for end in range(cut + 1, len(text) + 1):
            if end < len(text) and _joins(text[end - 1], text[end]):
                continue
            readings = [r for r in _readings(text[cut:end], roles, "", "unit" not in roles) if "target" in r]
            if readings:
                yield name, readings, text[end:]


def split_rows(text: str, roles: Sequence[str]) -> list[tuple[str, list[str]]] | None:
    """The rows of a text run together after its level labels — each a name and the cells of `roles` — when
    exactly one way of cutting it into rows fits; None otherwise. Several rows only under columns of figures: a
    column of words (a note) could take the next row's name as well."""
    if "target" not in roles:
        return None
    several = all(role in _PIECES for role in roles)
    ways: list[list[tuple[str, dict[str, str]]]] = []

    def walk(rest: str, rows: list[tuple[str, dict[str, str]]]) -> None:
        if len(ways) > 1 or len(rows) > _ROWS_MAX:
            return
        if not rest:
            ways.append(list(rows))
            return
        for name, readings, after in _row_readings(rest, roles, not rows):
            if after and not several:
                continue
            if not _same(readings):
                ways.extend([[], []])  # one row read two ways: the text decides nothing
                return
            walk(after, [*rows, (name, _fullest(readings))])

    walk(text, [])
    if len(ways) != 1:
        return None
    return [(name, [reading.get(role, "") for role in roles]) for name, reading in
            (_apart(row) if "operator" in roles else row for row in ways[0])]


def _apart(row: tuple[str, dict[str, str]]) -> tuple[str, dict[str, str]]:
    """A target's operator in the operator column (the header has one, the row left it blank)."""
    name, reading = row
    target = reading.get("target", "")
    if (match := re.match(_OPERATOR, target)) and not reading.get("operator"):
        return name, {**reading, "operator": match.group(0), "target": target[match.end():]}
    return row


def _fullest(readings: list[dict[str, str]]) -> dict[str, str]:
    """Of readings that agree, the one whose figures' cells hold the most ('30%' rather than '30' and a note '%…')."""
    return max(readings, key=lambda r: sum(len(v) for k, v in r.items() if k in _PIECES))
