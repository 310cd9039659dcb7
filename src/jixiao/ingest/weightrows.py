"""Indicator rows of a self-evaluation form run together with no separator (an OCR of a scanned form), whose columns
are 分值, 指标值, 实际值, 得分 (the 分值 touching the name) and whose parts print their points ('项目决策(10分)',
'数量指标(10分)'): '项目目标完整性4一目标明确、内容细化4', '公用经费完成时间52021年12月完成2021年12月完成4'.

A row is its name (no figure), its 分值, the target and actual cells, its 得分; the next row's name follows. The
figures are told apart only where the text leaves one reading:
- target and actual free of figures ('…4实际工作需求2'): the 分值 and 得分 are the figures around them;
- a blank target printed as a dash ('一', '-') and an actual figure closed by its unit or '%' ('10一100%9');
- an actual that repeats its target ('2370人2370人', '15万元15万元'): the repeat ends the 分值 and opens the 得分.
A row that fits none of these (an OCR slip in a figure: 'IO' for 10, '3M.8万元') is not read, and with it the rest
of its part: it is reported with its place, never repaired.

That the first figure is the 分值 is then checked against the parts' printed points: the 分值 read in a part never
add up to more than its points (a part may go on in parts of its own after its rows: '项目效益(35分)' holding
'满意度指标(10分)'), else the part is not read; and at least one part must be read whole with its 分值 adding up to its
points exactly, else nothing is read (the header's 分值 word may itself be an OCR slip: '考值参分').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

_PART = re.compile(r"(?P<label>[^\d()（）:：,，。、]{2,12}?)[（(](?P<points>\d{1,3})分[)）]")
_FIGURE = r"(?:0|[1-9]\d?)(?:\.\d)?"  # a 分值 or 得分: under 100, one decimal at most
_SCORE_END = r"(?![\d.%％万元人年月日次天件台套])"  # a figure followed by its unit is a value, not a 得分
_DASH = "一\\-—－"
_DASHED = re.compile(rf"[{_DASH}](?P<a>\d[\d.]*(?:%|％)|[^\d{_DASH}]+?)(?P<s>{_FIGURE}){_SCORE_END}")
_WORDS = re.compile(rf"(?P<a>[^\d{_DASH}][^\d]*?)(?P<s>{_FIGURE}){_SCORE_END}")
# What stands between rows and is no row's name: the template's unfilled '指标2:' (OCR 'L' for 1), a part's label.
_FILLER = re.compile(r"指标[\dLlI][:：]?|(?:(?!指标)[\u4e00-\u9fa5]){2,6}指标(?![\u4e00-\u9fa5]{0,2}[（(])")


@dataclass(frozen=True)
class WeightRow:
    name: str
    weight: Decimal
    score: Decimal
    target: str  # '' when the row prints none (a dash) or the two cells could not be told apart
    actual: str
    offset: int  # where the row's name starts in the text
    part: str = ""  # the label of the part it is printed in ('项目决策')


@dataclass
class WeightRows:
    rows: list[WeightRow] = field(default_factory=list)
    unread: list[tuple[str, int]] = field(default_factory=list)  # why, and where in the text


def _row(text: str) -> tuple[str, str, str, str, str, int] | None:
    """(name, 分值, target, actual, 得分, length) of the row opening `text`, when it leaves one reading."""
    name = re.match(r"[^\d]{2,40}?(?=\d)", text)
    if name is None:
        return None
    rest = text[name.end():]
    readings = []
    for length in (1, 2, 3, 4):
        weight = rest[:length]
        if not re.fullmatch(_FIGURE, weight) or rest[length:length + 1] == ".":
            continue  # not a figure, or cut inside one
        after = rest[length:]
        # an actual repeating its target
        if (m := re.match(rf"(?P<t>[^{_DASH}]\S*?\D)(?P=t)(?P<s>{_FIGURE}){_SCORE_END}", after)) is not None:
            readings.append((weight, m.group("t"), m.group("t"), m.group("s"), length + m.end()))
        # a dash for the target, the actual a figure closed by '%' or words; or target and actual free of figures
        elif (m := _DASHED.match(after) or _WORDS.match(after)) is not None:
            readings.append((weight, "", m.group("a"), m.group("s"), length + m.end()))
    if len(readings) != 1:
        return None
    weight, target, actual, score, length = readings[0]
    return name.group(0), weight, target, actual, score, name.end() + length


def _label(text: str) -> str:
    return re.split(r"措施|得分|说明", text)[-1]  # the part's label, not the header's last words before it


def read_weight_rows(text: str, start: int) -> WeightRows | None:
    """The rows of the parts after `start` (see the module); None when no part is read."""
    if (close := re.search(r"总分|合计|总计", text[start:])) is not None:
        text = text[:start + close.start()]  # the table ends at its total row
    parts = list(_PART.finditer(text, start))
    if not parts:
        return None
    out = WeightRows()
    whole = False
    for part, end in zip(parts, [*(p.start() for p in parts[1:]), len(text)], strict=True):
        at = part.end()
        rows: list[WeightRow] = []
        left = ""
        while at < end:
            while (filler := _FILLER.match(text, at, end)) is not None:
                at = filler.end()
            if at >= end:
                break
            found = _row(text[at:end])
            if found is None:
                left = text[at:end]
                break
            name, weight, target, actual, score, length = found
            rows.append(WeightRow(name=name, weight=Decimal(weight), score=Decimal(score), target=target,
                                  actual=actual, offset=at, part=_label(part.group("label"))))
            at += length
        if not rows and not left:
            continue  # a part holding parts ('项目产出(30分)数量指标(10分)…')
        points = Decimal(part.group("points"))
        weights = sum((r.weight for r in rows), Decimal(0))
        label = _label(part.group("label"))
        if weights > points:  # a part may go on in parts of its own after its rows, never beyond its points
            out.unread.append((f"“{label}”部分读出的各行分值合计 {weights:f} 分，超过该部分标明的 {points:f} 分，"
                               "各行数字的读法存疑，未读取", part.start()))
            continue
        whole = whole or (not left and weights == points)
        out.rows += rows
        if left:
            out.unread.append((f"“{label}”部分自“{left[:16]}”起的格子连在一起，数字不能唯一分开（可能有识别错误），"
                               "未读取", at))
    return out if out.rows and whole else None
